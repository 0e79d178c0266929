//! Identity in the knowledge base: the keys that decide when two findings
//! state the same fact, and the stable ids made from them.
//!
//! A key is computed from one finding alone, so merging is a lookup by
//! key: near-linear in the number of findings, and independent of the
//! order in which sources arrive. Ids are SHA-256 of the key with a fixed
//! layout, cut to 16 hex digits: the same fact has the same id in every
//! run and on every machine.
//!
//! ```
//! use roundup::kb::keys::Statements;
//! let s = Statements::builtin().unwrap();
//! assert_eq!(s.key("It is easy to learn", &[]), "easy learn");
//! assert_eq!(s.key("Rails is an easy framework to learn", &["Rails"]), "easy learn");
//! ```

use crate::error::{Error, Result};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashSet;

const BUILTIN: &str = include_str!("../../data/merge.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    min_stem: usize,
    stop_words: Vec<String>,
    suffixes: Vec<String>,
    negations: Vec<String>,
}

/// The statement normaliser: stop words, stems and negations from
/// `data/merge.toml`.
#[derive(Debug, Clone)]
pub struct Statements {
    stop: HashSet<String>,
    negations: HashSet<String>,
    /// Longest first, so "ability" is tried before "s".
    suffixes: Vec<String>,
    min_stem: usize,
}

impl Statements {
    /// The rules compiled into roundup.
    pub fn builtin() -> Result<Statements> {
        Statements::parse(BUILTIN, "data/merge.toml")
    }

    fn parse(text: &str, origin: &str) -> Result<Statements> {
        let file: File = toml::from_str(text).map_err(|e| Error::Rules {
            origin: origin.to_string(),
            message: e.to_string(),
        })?;
        let mut suffixes = file.suffixes;
        suffixes.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        Ok(Statements {
            stop: file.stop_words.into_iter().collect(),
            negations: file.negations.into_iter().collect(),
            suffixes,
            min_stem: file.min_stem.max(1),
        })
    }

    /// The key of a statement: its content words' stems, sorted and
    /// unique, without stop words and without the words of `names` (the
    /// entities the statement mentions). A statement of stop words only
    /// keys on its lower-cased words, so it still merges with its twins.
    pub fn key(&self, statement: &str, names: &[&str]) -> String {
        let named: HashSet<String> = names.iter().flat_map(|n| words(n)).collect();
        let all = words(statement);
        let mut keep: Vec<String> = all
            .iter()
            .filter(|w| !named.contains(*w))
            .filter(|w| self.negations.contains(*w) || !self.stop.contains(*w))
            .map(|w| self.stem(w))
            .collect();
        if keep.is_empty() {
            keep = all;
        }
        keep.sort();
        keep.dedup();
        keep.join(" ")
    }

    fn stem(&self, word: &str) -> String {
        if self.negations.contains(word) {
            return word.to_string();
        }
        for suffix in &self.suffixes {
            if let Some(stem) = word.strip_suffix(suffix.as_str()) {
                if stem.chars().count() >= self.min_stem {
                    return stem.to_string();
                }
            }
        }
        word.to_string()
    }
}

/// Lower-cased words: letters, digits and inner apostrophes.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

/// The statement a claim's quote makes: its first line, without list
/// numbering and a trailing colon ("1. Batteries Included\nThe prime
/// benefit..." states "Batteries Included").
pub fn statement(quote: &str) -> &str {
    let line = quote.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let line = line.trim();
    let line = line
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix(['.', ')'])
        .map(str::trim_start)
        .filter(|_| line.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(line);
    line.trim_end_matches([':', ' ']).trim()
}

/// A company name folded for comparison: lower case, letters and digits
/// only ("Stack Overflow" = "stackoverflow").
pub fn company(name: &str) -> String {
    crate::extract::companies::fold(name)
}

/// A number written the same way whatever its float noise: at most six
/// decimals, no trailing zeros ("36.42", "40000").
pub fn value(v: f64) -> String {
    let rounded = (v * 1e6).round() / 1e6;
    let mut s = format!("{rounded:.6}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" {
        s = "0".into();
    }
    s
}

/// A stable id: SHA-256 over the parts, each followed by a NUL (so
/// ("ab","c") and ("a","bc") differ), as 16 hex digits.
pub fn id(kind: &str, parts: &[&str]) -> String {
    let mut h = Sha256::new();
    h.update(kind.as_bytes());
    h.update([0]);
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    let digest = h.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s() -> Statements {
        Statements::builtin().unwrap()
    }

    #[test]
    fn paraphrases_of_one_claim_share_a_key() {
        let s = s();
        let k = s.key("Easy to learn", &[]);
        assert_eq!(k, "easy learn");
        assert_eq!(s.key("It is easy to learn", &[]), k);
        assert_eq!(s.key("Rails is an easy framework to learn", &["Rails"]), k);
        assert_eq!(s.key("EASY TO LEARN!", &[]), k);
    }

    #[test]
    fn negation_and_content_words_keep_claims_apart() {
        let s = s();
        assert_ne!(s.key("Easy to learn", &[]), s.key("Not easy to learn", &[]));
        assert_ne!(s.key("Easy to learn", &[]), s.key("Easy to deploy", &[]));
        assert_eq!(
            s.key("Not Suitable for Small Projects", &[]),
            "not project small suit"
        );
        assert_eq!(
            s.key("Django Suits All Projects", &["Django"]),
            "all project suit"
        );
    }

    #[test]
    fn a_statement_of_stop_words_still_has_a_key() {
        assert_eq!(s().key("It is what it is", &[]), "is it what");
    }

    #[test]
    fn statement_is_the_first_line_without_numbering() {
        assert_eq!(
            statement("1. Batteries Included\nThe prime"),
            "Batteries Included"
        );
        assert_eq!(statement("Scalability:"), "Scalability");
        assert_eq!(statement("2023 was good"), "2023 was good");
        assert_eq!(statement("\n  Fast  \n"), "Fast");
    }

    #[test]
    fn values_are_written_one_way() {
        assert_eq!(value(36.42), "36.42");
        assert_eq!(value(40000.0), "40000");
        assert_eq!(value(0.1 + 0.2), "0.3");
        assert_eq!(value(-0.0), "0");
    }

    #[test]
    fn ids_are_stable_and_separate_their_parts() {
        assert_eq!(id("claim", &["a"]), id("claim", &["a"]));
        assert_ne!(id("claim", &["ab", "c"]), id("claim", &["a", "bc"]));
        assert_ne!(id("claim", &["a"]), id("statistic", &["a"]));
        assert_eq!(id("claim", &["a"]).len(), 16);
    }

    #[test]
    fn a_bad_file_is_refused_naming_it() {
        let err = Statements::parse("min_stem = 'x'", "mine.toml").unwrap_err();
        assert!(err.to_string().contains("mine.toml"), "{err}");
    }
}
