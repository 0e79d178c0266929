//! The article-extraction benchmark: shingle-based scoring of extracted
//! article bodies against the hand-made ones.
//!
//! Tokens are the matches of `\w+` (Unicode); each text becomes a multiset
//! of 4-token shingles; per page tp, fp and fn are divided by their sum so
//! every page weighs the same; precision and recall are means over pages
//! (a page with fp = fn = 0 scores 1 on both) and F1 is their harmonic mean.

use crate::error::{Error, Result};
use regex::Regex;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

/// One benchmark page: its HTML and its true article body.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    pub html: Vec<u8>,
    pub truth: String,
}

/// Loads every page listed in `ground-truth.json` from `html/<id>.html.gz`,
/// sorted by id.
pub fn load(dir: &Path) -> Result<Vec<Page>> {
    let truth_path = dir.join("ground-truth.json");
    let bytes = std::fs::read(&truth_path).map_err(|source| Error::Read {
        path: truth_path.clone(),
        source,
    })?;
    let truth: HashMap<String, serde_json::Value> =
        serde_json::from_slice(&bytes).map_err(|e| Error::Gold {
            path: truth_path.clone(),
            message: e.to_string(),
        })?;
    let mut pages = Vec::with_capacity(truth.len());
    for (id, entry) in truth {
        let body = entry
            .get("articleBody")
            .and_then(|b| b.as_str())
            .unwrap_or_default()
            .to_string();
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let gz = std::fs::read(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut html)
            .map_err(|source| Error::Gzip {
                origin: path.display().to_string(),
                source,
            })?;
        pages.push(Page {
            id,
            html,
            truth: body,
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("static regex"));

fn shingles(text: &str) -> HashMap<[&str; 4], usize> {
    let tokens: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    for w in tokens.windows(4) {
        *out.entry([w[0], w[1], w[2], w[3]]).or_insert(0) += 1;
    }
    out
}

/// Precision and recall of one page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    pub precision: f64,
    pub recall: f64,
}

/// Scores one predicted body against the true one.
pub fn score_page(predicted: &str, truth: &str) -> PageScore {
    let (p, t) = (shingles(predicted), shingles(truth));
    let mut tp = 0usize;
    for (k, &n) in &p {
        tp += n.min(t.get(k).copied().unwrap_or(0));
    }
    let fp = p.values().sum::<usize>() - tp;
    let fn_ = t.values().sum::<usize>() - tp;
    if fp == 0 && fn_ == 0 {
        return PageScore {
            precision: 1.0,
            recall: 1.0,
        };
    }
    let total = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = (tp as f64 / total, fp as f64 / total, fn_ as f64 / total);
    PageScore {
        precision: if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 },
        recall: if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 },
    }
}

/// Mean precision, recall and their F1 over pages.
pub fn summarise(scores: &[PageScore]) -> (f64, f64, f64) {
    let n = scores.len().max(1) as f64;
    let p = scores.iter().map(|s| s.precision).sum::<f64>() / n;
    let r = scores.iter().map(|s| s.recall).sum::<f64>() / n;
    (p, r, super::f1(p, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let s = score_page("one two three four five", "one two three four five");
        assert_eq!(
            s,
            PageScore {
                precision: 1.0,
                recall: 1.0
            }
        );
    }

    #[test]
    fn extra_and_missing_shingles_count() {
        // truth has 2 shingles; prediction has 1 of them plus 1 extra.
        let s = score_page("a b c d x", "a b c d e");
        assert_eq!(s.precision, 0.5);
        assert_eq!(s.recall, 0.5);
        let s = score_page("", "a b c d e");
        assert_eq!(s.precision, 0.0);
        assert_eq!(s.recall, 0.0);
    }

    #[test]
    fn tokens_are_unicode_words() {
        let s = score_page("café crème brûlée très", "café, crème; brûlée — très!");
        assert_eq!(s.recall, 1.0);
    }
}
