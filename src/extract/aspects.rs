//! The aspect lexicon: which aspect (performance, scalability, ...) a
//! claim is about, from its words.
//!
//! ```
//! use roundup::extract::aspects::Lexicon;
//! let lex = Lexicon::builtin().unwrap();
//! assert_eq!(lex.aspect_of("Django is easy to learn"), "learning-curve");
//! assert_eq!(lex.aspect_of("Handles thousands of concurrent connections"), "concurrency");
//! ```
//!
//! Cues live in `data/aspects.toml`. All cues of all aspects are one
//! phrase trie, looked up at word starts; a hit counts when it ends at an
//! ASCII word boundary (a cue ending in `*` may continue into the word). Every hit is a vote; longer
//! cues weigh more, so "easy to learn" outvotes "easy"; ties go to the
//! aspect listed first. No hit: `other`.

use super::phrases::Phrases;
use crate::error::{Error, Result};
use serde::Deserialize;

const BUILTIN: &str = include_str!("../../data/aspects.toml");

/// The aspect of a claim with no cue.
pub const OTHER: &str = "other";

/// The most aspects a lexicon may name: votes are counted in arrays of
/// this size, since counting runs on every claim and the lexicon names
/// about twenty.
const MAX_ASPECTS: usize = 32;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    cues: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    aspect: Vec<Entry>,
}

/// Weighted votes, one per aspect in lexicon order.
type Votes = [u32; MAX_ASPECTS];

/// The compiled lexicon.
#[derive(Debug, Clone)]
pub struct Lexicon {
    names: Vec<String>,
    phrases: Phrases,
    /// Per pattern: (aspect index, open-ended, weight).
    cues: Vec<(usize, bool, u32)>,
}

impl Lexicon {
    /// The lexicon compiled into roundup.
    pub fn builtin() -> Result<Lexicon> {
        Lexicon::parse("data/aspects.toml", BUILTIN)
    }

    fn parse(origin: &str, text: &str) -> Result<Lexicon> {
        let err = |message: String| Error::Rules {
            origin: origin.to_string(),
            message,
        };
        let file: File = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let mut names = Vec::new();
        let mut patterns = Vec::new();
        let mut cues = Vec::new();
        for (i, entry) in file.aspect.into_iter().enumerate() {
            if entry.name.is_empty() || entry.name == OTHER {
                return Err(err(format!("aspect {:?} cannot be named", entry.name)));
            }
            for cue in entry.cues {
                let (stem, open) = match cue.strip_suffix('*') {
                    Some(s) => (s.to_string(), true),
                    None => (cue.clone(), false),
                };
                if stem.trim().len() < 2 || stem.trim() != stem {
                    return Err(err(format!(
                        "aspect {}: cue {cue:?} is too short or padded",
                        entry.name
                    )));
                }
                cues.push((i, open, stem.split_whitespace().count() as u32));
                patterns.push(stem.to_lowercase());
            }
            names.push(entry.name);
        }
        if names.len() > MAX_ASPECTS {
            return Err(err(format!(
                "{} aspects named, at most {MAX_ASPECTS} are allowed",
                names.len()
            )));
        }
        let phrases = Phrases::new(&patterns);
        Ok(Lexicon {
            names,
            phrases,
            cues,
        })
    }

    /// Every aspect name, in lexicon order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The aspects a text is about, best first, with their scores.
    pub fn scores(&self, text: &str) -> Vec<(&str, usize)> {
        let (votes, _) = self.votes(text, 0..text.len());
        let mut ranked: Vec<(&str, usize)> = self
            .names
            .iter()
            .zip(votes.iter().copied())
            .filter(|(_, v)| *v > 0)
            .map(|(n, v)| (n.as_str(), v as usize))
            .collect();
        // Stable: ties keep lexicon order.
        ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
        ranked
    }

    /// The best aspect of a text, or `other`.
    pub fn aspect_of(&self, text: &str) -> &str {
        self.best(&self.votes(text, 0..text.len()).0)
    }

    /// The best aspect of the part `within` of a text, else of the whole
    /// text, else `other`: one scan for both. `within` must start and end
    /// at a boundary (the text's ends or a byte that is not a word byte).
    pub fn aspect_within(&self, text: &str, within: std::ops::Range<usize>) -> &str {
        let (part, whole) = self.votes(text, within);
        match self.best(&part) {
            OTHER => self.best(&whole),
            aspect => aspect,
        }
    }

    /// The first of the highest votes, as `scores` ranks them, without
    /// building the ranking: this runs on every claim.
    fn best(&self, votes: &Votes) -> &str {
        let mut best: Option<(usize, u32)> = None;
        for (i, &v) in votes[..self.names.len()].iter().enumerate() {
            if v > 0 && best.is_none_or(|(_, b)| v > b) {
                best = Some((i, v));
            }
        }
        best.map_or(OTHER, |(i, _)| self.names[i].as_str())
    }

    /// The weighted cue votes of the cues inside `within`, and of all cues
    /// of the text, one per aspect in lexicon order.
    fn votes(&self, text: &str, within: std::ops::Range<usize>) -> (Votes, Votes) {
        let bytes = text.as_bytes();
        let mut part: Votes = [0; MAX_ASPECTS];
        let mut whole: Votes = [0; MAX_ASPECTS];
        for m in self.phrases.find_iter(text, Phrases::after_non_word) {
            let (aspect, open, weight) = self.cues[m.pattern];
            if open || Phrases::before_non_word(bytes, m.end) {
                whole[aspect] += weight;
                if within.start <= m.start && m.end <= within.end {
                    part[aspect] += weight;
                }
            }
        }
        (part, whole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aspects_of_varied_claims() {
        let lex = Lexicon::builtin().unwrap();
        for (text, aspect) in [
            ("Express.js is known for its speed", "performance"),
            ("Highly scalable for large applications", "scalability"),
            ("Goroutines make concurrency cheap", "concurrency"),
            ("Built-in protection against XSS and CSRF", "security"),
            ("It has a steep learning curve", "learning-curve"),
            ("Batteries included, so you write less code", "productivity"),
            ("Unopinionated and modular", "flexibility"),
            ("A huge ecosystem of packages on npm", "ecosystem"),
            ("Extensive documentation", "documentation"),
            ("It is free and open source", "cost"),
            ("A powerful ORM for relational databases", "data-access"),
            ("One of the most popular frameworks", "popularity"),
            (
                "Compiles to a single binary that runs on Linux and Windows",
                "portability",
            ),
            ("Lightweight with a small footprint", "footprint"),
            ("Integrated support for unit testing", "testing"),
            ("SEO Optimized", OTHER),
        ] {
            assert_eq!(lex.aspect_of(text), aspect, "{text}");
        }
    }

    #[test]
    fn cues_respect_word_boundaries() {
        let lex = Lexicon::builtin().unwrap();
        // "free" inside "carefree", "db" inside "feedback": no votes.
        assert_eq!(lex.aspect_of("carefree feedback"), OTHER);
    }

    #[test]
    fn a_bad_lexicon_is_rejected() {
        assert!(Lexicon::parse("x", "[[aspect]]\nname = \"other\"\ncues = [\"a b\"]\n").is_err());
        assert!(Lexicon::parse("x", "[[aspect]]\nname = \"speed\"\ncues = [\" fast\"]\n").is_err());
        assert!(Lexicon::parse("x", "[[aspect]]\nname = \"speed\"\nwords = []\n").is_err());
        let many: String = (0..=MAX_ASPECTS)
            .map(|i| format!("[[aspect]]\nname = \"a{i}\"\ncues = [\"cue{i}\"]\n"))
            .collect();
        assert!(Lexicon::parse("x", &many).is_err());
    }
}
