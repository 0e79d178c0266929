//! Table ratings: the scale words a comparison table opens a cell with
//! ("Moderate (interpreted)", "Very high (compiled)"), and the column
//! labels that turn the scale round ("Learning curve", "Memory"). The
//! knowledge is `data/ratings.toml`.
//!
//! ```
//! use roundup::extract::claims::ratings::Ratings;
//! use roundup::extract::Polarity;
//! let r = Ratings::builtin().unwrap();
//! assert_eq!(r.rate("Very high (compiled)", "Performance"), Some(Some(Polarity::Pro)));
//! assert_eq!(r.rate("Low", "Learning curve"), Some(Some(Polarity::Pro)));
//! assert_eq!(r.rate("Moderate (Strong typing)", "Elasticity"), Some(None));
//! assert_eq!(r.rate("Gentle (for beginners)", "Learning curve"), Some(Some(Polarity::Pro)));
//! assert_eq!(r.rate("Steepest (ownership rules)", "Learning curve"), Some(Some(Polarity::Con)));
//! assert_eq!(r.rate("Goroutines, channels", "Concurrency"), None);
//! ```

use crate::error::{Error, Result};
use crate::extract::Polarity;
use serde::Deserialize;

const BUILTIN: &str = include_str!("../../../data/ratings.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    intensifiers: Vec<String>,
    pro: Vec<String>,
    con: Vec<String>,
    neutral: Vec<String>,
    inverse: Vec<String>,
    absolute: Vec<String>,
}

/// The compiled rating words, lower-cased.
#[derive(Debug, Clone)]
pub struct Ratings {
    intensifiers: Vec<String>,
    pro: Vec<String>,
    con: Vec<String>,
    neutral: Vec<String>,
    inverse: Vec<String>,
    absolute: Vec<String>,
}

impl Ratings {
    /// The ratings compiled into roundup.
    pub fn builtin() -> Result<Ratings> {
        Ratings::parse("data/ratings.toml", BUILTIN)
    }

    fn parse(origin: &str, text: &str) -> Result<Ratings> {
        let file: File = toml::from_str(text).map_err(|e| Error::Rules {
            origin: origin.to_string(),
            message: e.to_string(),
        })?;
        let lower = |v: Vec<String>| v.into_iter().map(|w| w.trim().to_lowercase()).collect();
        Ok(Ratings {
            intensifiers: lower(file.intensifiers),
            pro: lower(file.pro),
            con: lower(file.con),
            neutral: lower(file.neutral),
            inverse: lower(file.inverse),
            absolute: lower(file.absolute),
        })
    }

    /// The polarity a cell's rating gives it under a column (or row)
    /// `label`: `None` when the cell opens with no rating word,
    /// `Some(None)` for a middling one ("Moderate"), a plain feature.
    pub fn rate(&self, cell: &str, label: &str) -> Option<Option<Polarity>> {
        let head = cell.split(['(', ',', ';']).next().unwrap_or("");
        let mut head = head.trim().trim_end_matches(['.', '!']).to_lowercase();
        while let Some(rest) = self.intensifiers.iter().find_map(|w| {
            head.strip_prefix(w.as_str())
                .and_then(|r| r.strip_prefix(' '))
        }) {
            head = rest.trim_start().to_string();
        }
        // The label's words, lower-cased, one space apart ("Learning-curve"
        // reads as "learning curve").
        let label = label
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let inverse = self.inverse.iter().any(|w| label.contains(w.as_str()))
            && !self.absolute.contains(&head);
        let (pro, con) = match inverse {
            true => (Polarity::Con, Polarity::Pro),
            false => (Polarity::Pro, Polarity::Con),
        };
        if self.pro.contains(&head) {
            Some(Some(pro))
        } else if self.con.contains(&head) {
            Some(Some(con))
        } else if self.neutral.contains(&head) {
            Some(None)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_read_the_opening_word_and_turn_round_under_a_burden() {
        let r = Ratings::builtin().unwrap();
        let p = Some(Some(Polarity::Pro));
        let c = Some(Some(Polarity::Con));
        assert_eq!(
            r.rate("Large, especially in web development", "Community"),
            p
        );
        assert_eq!(r.rate("Fairly slow.", "Speed"), c);
        assert_eq!(r.rate("Low (Strict type system)", "Elasticity"), c);
        assert_eq!(r.rate("Small", "Memory footprint"), p);
        assert_eq!(r.rate("High", "Cost"), c);
        assert_eq!(r.rate("Medium", "Learning curve"), Some(None));
        assert_eq!(r.rate("Steep", "Learning curve"), c);
        assert_eq!(r.rate("Fast", "Startup time"), p);
        // Only the whole opening counts: "Highly" and "Large apps" rate nothing.
        assert_eq!(r.rate("Highly modular", "Design"), None);
        assert_eq!(r.rate("Large apps", "Use cases"), None);
        assert!(Ratings::parse("mine.toml", "pro = []").is_err());
    }
}
