//! Scoring roundup against hand-made answers.
//!
//! [`gold`] scores articles against gold files written by the project's
//! annotation guide (dropped lines now; findings once extraction exists);
//! [`bench`] scores HTML main-content extraction on the article-extraction
//! benchmark (4-token shingles, per-page normalised, as its README says).

pub mod bench;
pub mod findings;
pub mod gold;

/// Precision, recall and F1 from counts; an empty side scores 1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// The harmonic mean of precision and recall (0 when both are 0).
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}
