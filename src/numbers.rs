//! The number parser: finds numeric expressions in prose and normalises
//! them to a value and a unit.
//!
//! ```
//! use roundup::numbers::{find, Unit};
//! let n = &find("used by 36,42% of developers")[0];
//! assert_eq!((n.value, n.unit), (36.42, Unit::Percent));
//! let n = &find("up to 2.2 million websites")[0];
//! assert_eq!((n.value, n.unit, n.qualifier.as_deref()), (2_200_000.0, Unit::Count, Some("up to")));
//! ```
//!
//! Separators follow what articles actually print: a comma before exactly
//! two digits is a decimal comma ("36,42%"), before three it groups
//! thousands ("40,000"); Indian grouping ("1,82,472") and dots grouping
//! thousands ("7.170.825", "41.417") are read as counts. Words count too:
//! "ten times" is a multiplier of 10, "4 out of 5" a ratio of 0.8. What a
//! number is about (year, version, list numbering) is for the caller to
//! judge; [`Number::kind_hint`] says what the text itself shows.

use crate::model::Span;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// What a number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Percent,
    Count,
    Bytes,
    Multiplier,
    Ratio,
    Money,
    Duration,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::Bytes => "bytes",
            Unit::Multiplier => "multiplier",
            Unit::Ratio => "ratio",
            Unit::Money => "money",
            Unit::Duration => "duration",
        }
    }
}

/// What the shape of a bare number suggests, so callers can skip it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KindHint {
    /// Nothing special.
    Plain,
    /// A four-digit number between 1900 and 2100 with no unit.
    Year,
    /// Dotted digits that are not a thousands grouping ("4.0.0", "3.10").
    Version,
}

/// A number found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Number {
    /// The whole expression, qualifier and unit included.
    pub span: Span,
    pub value: f64,
    pub unit: Unit,
    /// "over", "nearly", "approximately", "up to", ... as written, lower case.
    pub qualifier: Option<String>,
    pub kind_hint: KindHint,
}

const QUALIFIERS: &str = r"(?:approximately|approx\.?|about|around|roughly|nearly|almost|over|more\s+than|less\s+than|fewer\s+than|under|up\s+to|at\s+least|at\s+most|close\s+to|some|an\s+estimated|just\s+over|just\s+under|well\s+over|~|>|<|≈)";

const WORD_NUMBERS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("a hundred", 100.0),
    ("a thousand", 1000.0),
];

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // Digits with optional grouping/decimal separators, then an optional
    // scale word or unit. ASCII boundaries keep the fast engine.
    let pattern = format!(
        r"(?xi)
        (?P<qual>{QUALIFIERS}\s*)?
        (?P<cur>[$€£¥])?
        (?-u:\b)(?P<num>\d{{1,3}}(?:[,.]\d{{2,3}})+|\d+(?:[.,]\d+)?)
        (?:
            \s*(?P<pct>%|\s?percent(?-u:\b))
          | \s*(?P<mult>x(?-u:\b)|×|\s?times(?-u:\b))
          | \s?(?P<scale>thousand|million|billion|trillion|k|m|bn|b)(?-u:\b)
          | \s?(?P<bytes>bytes?|kb|kib|mb|mib|gb|gib|tb)(?-u:\b)
          | \s?(?P<dur>ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?)(?-u:\b)
        )?
        (?:\s*(?P<scale_pct>%))?
        "
    );
    Regex::new(&pattern).expect("static regex")
});

static WORD_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = WORD_NUMBERS.iter().map(|(w, _)| *w).collect();
    let pattern = format!(
        r"(?i)(?P<qual>{QUALIFIERS}\s+)?(?-u:\b)(?P<word>{})\s+times(?-u:\b)",
        words.join("|").replace(' ', r"\s+")
    );
    Regex::new(&pattern).expect("static regex")
});

static OUT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?P<qual>{QUALIFIERS}\s+)?(?-u:\b)(?P<a>\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:out\s+of|in)\s+(?P<b>\d+|two|three|four|five|six|seven|eight|nine|ten)(?-u:\b)"
    ))
    .expect("static regex")
});

/// Numeric dates ("10-12-2018", "01/01/2018"): none of their parts is a
/// figure.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)\d{1,4}[-/]\d{1,2}[-/]\d{1,4}(?-u:\b)").expect("static regex")
});

fn word_value(w: &str) -> Option<f64> {
    let w = w.to_ascii_lowercase();
    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Ok(n) = w.parse::<f64>() {
        return Some(n);
    }
    if w == "one" {
        return Some(1.0);
    }
    WORD_NUMBERS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// Reads digits with separators: decimal comma before exactly two digits,
/// thousands grouping before three (commas, dots or Indian 2-digit groups).
/// Returns the value and whether the separators looked like a version.
fn parse_digits(s: &str) -> Option<(f64, bool)> {
    let seps: Vec<(usize, char)> = s
        .char_indices()
        .filter(|(_, c)| matches!(c, ',' | '.'))
        .collect();
    if seps.is_empty() {
        return s.parse().ok().map(|v| (v, false));
    }
    let groups: Vec<&str> = s.split([',', '.']).collect();
    let last = groups.last().copied().unwrap_or_default();
    let all_same = seps.iter().all(|(_, c)| *c == seps[0].1);
    if seps.len() == 1 {
        let (_, sep) = seps[0];
        let int = groups[0];
        return match (sep, last.len()) {
            // "40,000", "41.417": thousands.
            (_, 3) if int.len() <= 3 && int != "0" => {
                format!("{int}{last}").parse().ok().map(|v| (v, false))
            }
            // "36,42" or "2.5": a decimal.
            _ => format!("{int}.{last}").parse().ok().map(|v| (v, false)),
        };
    }
    if !all_same {
        // "1,234.5" (or "1.234,5"): the last separator is the decimal one.
        let (pos, _) = seps[seps.len() - 1];
        let int: String = s[..pos].chars().filter(|c| c.is_ascii_digit()).collect();
        let grouped_ok = s[..pos].split([',', '.']).skip(1).all(|g| g.len() == 3);
        return format!("{int}.{}", &s[pos + 1..])
            .parse()
            .ok()
            .map(|v| (v, !grouped_ok));
    }
    // Several of the same separator: thousands grouping ("7.170.825",
    // "5,134,720") or Indian grouping ("1,82,472"); anything else
    // ("4.0.0") is a version.
    let western = groups[1..].iter().all(|g| g.len() == 3);
    let indian = last.len() == 3 && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2);
    if (western || indian) && groups[0].len() <= 3 {
        let digits: String = groups.concat();
        digits.parse().ok().map(|v| (v, false))
    } else {
        Some((0.0, true))
    }
}

fn qualifier(m: Option<regex::Match<'_>>) -> Option<String> {
    m.map(|q| {
        q.as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    })
    .filter(|q| !q.is_empty())
}

/// Whether `hay` contains `word` (lower-case ASCII) in any ASCII case.
/// Only the places holding the word's byte at `rare` (a letter seldom seen
/// in English, in either case) are compared: this runs on every block, and
/// a common first letter would stop the scan at every other word.
fn contains_ignore_ascii_case(hay: &[u8], word: &[u8], rare: usize) -> bool {
    let b = word[rare];
    memchr::memchr2_iter(b, b.to_ascii_uppercase(), hay).any(|at| {
        at.checked_sub(rare)
            .and_then(|start| hay.get(start..start + word.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

/// Whether `text` has an ASCII digit. Whole chunks are tested without
/// branching so the test vectorises: it runs on every block.
fn has_digit(text: &str) -> bool {
    text.as_bytes()
        .chunks(32)
        .any(|c| c.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

/// Finds every number in `text`, in order, without overlaps.
pub fn find(text: &str) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    // Most prose has no number: digits, "times" or "out of" must be there
    // before any pattern is worth running.
    let has_digit = has_digit(text);
    let has_times = contains_ignore_ascii_case(text.as_bytes(), b"times", 2);
    if !has_digit && !has_times && !contains_ignore_ascii_case(text.as_bytes(), b"out of", 5) {
        return out;
    }
    for c in OUT_OF.captures_iter(text) {
        let (Some(a), Some(b)) = (
            c.name("a").and_then(|m| word_value(m.as_str())),
            c.name("b").and_then(|m| word_value(m.as_str())),
        ) else {
            continue;
        };
        // "1 in 2021" is not a ratio; a ratio's denominator is small.
        if b == 0.0 || b > 1000.0 || a > b {
            continue;
        }
        let whole = c.get(0).map_or(0..0, |m| m.range());
        out.push(Number {
            span: Span::new(whole.start, whole.end),
            value: a / b,
            unit: Unit::Ratio,
            qualifier: qualifier(c.name("qual")),
            kind_hint: KindHint::Plain,
        });
    }
    for c in WORD_NUMBER.captures_iter(if has_times { text } else { "" }) {
        let Some(v) = c.name("word").and_then(|m| word_value(m.as_str())) else {
            continue;
        };
        let whole = c.get(0).map_or(0..0, |m| m.range());
        out.push(Number {
            span: Span::new(whole.start, whole.end),
            value: v,
            unit: Unit::Multiplier,
            qualifier: qualifier(c.name("qual")),
            kind_hint: KindHint::Plain,
        });
    }
    if !has_digit {
        out.sort_by_key(|n| n.span);
        return out;
    }
    let dates: Vec<_> = DATE.find_iter(text).map(|m| m.range()).collect();
    for c in NUMBER.captures_iter(text) {
        let Some(num) = c.name("num") else { continue };
        let whole = c.get(0).map_or(0..0, |m| m.range());
        if out
            .iter()
            .any(|n| n.span.start < whole.end && whole.start < n.span.end)
            || dates
                .iter()
                .any(|d| d.start < num.end() && num.start() < d.end)
        {
            continue;
        }
        // A number glued to letters or to more digits/dots is part of a
        // name or a version ("v4", "4.0.0", "x86"): not ours to read.
        let before = text[..num.start()].chars().next_back();
        let after_num = text[num.end()..].chars().next();
        let after_whole = text[whole.end..].chars().next();
        let glued_before = matches!(before, Some('.' | ',' | '-'))
            && text[..num.start() - 1]
                .chars()
                .next_back()
                .is_some_and(|ch| ch.is_alphanumeric());
        if before.is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
            || glued_before
            || after_whole.is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
            || after_num.is_some_and(|ch| {
                matches!(ch, '.' | ',')
                    && text[num.end() + 1..].starts_with(|d: char| d.is_ascii_digit())
            })
        {
            continue;
        }
        let Some((mut value, version)) = parse_digits(num.as_str()) else {
            continue;
        };
        let mut unit = Unit::Count;
        if c.name("pct").is_some() {
            unit = Unit::Percent;
        } else if c.name("mult").is_some() {
            unit = Unit::Multiplier;
        } else if let Some(scale) = c.name("scale") {
            value *= match scale.as_str().to_ascii_lowercase().as_str() {
                "thousand" | "k" => 1e3,
                "million" | "m" => 1e6,
                "billion" | "bn" | "b" => 1e9,
                _ => 1e12,
            };
            if c.name("scale_pct").is_some() {
                continue;
            }
        } else if let Some(b) = c.name("bytes") {
            unit = Unit::Bytes;
            value *= match b.as_str().to_ascii_lowercase().as_str() {
                "kb" | "kib" => 1024.0,
                "mb" | "mib" => 1024.0 * 1024.0,
                "gb" | "gib" => 1024.0 * 1024.0 * 1024.0,
                "tb" => 1024.0f64.powi(4),
                _ => 1.0,
            };
        } else if c.name("dur").is_some() {
            unit = Unit::Duration;
        } else if c.name("scale_pct").is_some() {
            unit = Unit::Percent;
        }
        if c.name("cur").is_some() {
            unit = Unit::Money;
        }
        let plain_int = !num.as_str().contains([',', '.']);
        let kind_hint = if version {
            KindHint::Version
        } else if unit == Unit::Count
            && plain_int
            && num.as_str().len() == 4
            && (1900.0..=2100.0).contains(&value)
        {
            KindHint::Year
        } else {
            KindHint::Plain
        };
        // Round away binary noise from the scale multiplication.
        let value = (value * 1e6).round() / 1e6;
        out.push(Number {
            span: Span::new(whole.start, whole.end),
            value,
            unit,
            qualifier: qualifier(c.name("qual")),
            kind_hint,
        });
    }
    out.sort_by_key(|n| n.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Number {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn vu(text: &str) -> (f64, Unit) {
        let n = one(text);
        (n.value, n.unit)
    }

    #[test]
    fn decimal_comma_and_thousands() {
        assert_eq!(vu("used by 36,42% of them"), (36.42, Unit::Percent));
        assert_eq!(vu("Over 40,000 websites"), (40_000.0, Unit::Count));
        assert_eq!(vu("rising from 600,000 in"), (600_000.0, Unit::Count));
        assert_eq!(vu("in 1,82,472 websites"), (182_472.0, Unit::Count));
        assert_eq!(vu("downloads 7.170.825"), (7_170_825.0, Unit::Count));
        assert_eq!(vu("stars 41.417 now"), (41_417.0, Unit::Count));
        assert_eq!(vu("5,134,720 downloads"), (5_134_720.0, Unit::Count));
        assert_eq!(vu("costs 1,234.50 a month"), (1234.5, Unit::Count));
    }

    #[test]
    fn scales_sizes_and_multipliers() {
        assert_eq!(vu("to 2.2 million by"), (2_200_000.0, Unit::Count));
        assert_eq!(vu("with 20k stars"), (20_000.0, Unit::Count));
        assert_eq!(vu("~13.3k stars"), (13_300.0, Unit::Count));
        assert_eq!(vu("use only 2 KB of memory"), (2048.0, Unit::Bytes));
        assert_eq!(
            vu("as little as 25.4 MB of space"),
            (26_633_830.4, Unit::Bytes)
        );
        assert_eq!(vu("ten times faster"), (10.0, Unit::Multiplier));
        assert_eq!(
            vu("almost four times the dependencies"),
            (4.0, Unit::Multiplier)
        );
        assert_eq!(vu("is 35,000x faster"), (35_000.0, Unit::Multiplier));
        assert_eq!(vu("3 times faster"), (3.0, Unit::Multiplier));
        assert_eq!(vu("raised $5 million"), (5_000_000.0, Unit::Money));
        assert_eq!(vu("responds in 20 ms"), (20.0, Unit::Duration));
    }

    #[test]
    fn ratios() {
        let n = one("PHP is used in nearly 4 out of 5 websites");
        assert_eq!((n.value, n.unit), (0.8, Unit::Ratio));
        assert_eq!(n.qualifier.as_deref(), Some("nearly"));
        assert_eq!(
            &"PHP is used in nearly 4 out of 5 websites"[n.span.range()],
            "nearly 4 out of 5"
        );
    }

    #[test]
    fn qualifiers_are_captured_with_their_span() {
        let text = "approximately used by 36,42% of developers";
        let n = one("used by approximately 36,42% of developers");
        assert_eq!(n.qualifier.as_deref(), Some("approximately"));
        let n2 = &find(text)[0];
        assert_eq!(&text[n2.span.range()], "36,42%");
        let n = one("up to 2.2 million");
        assert_eq!(n.qualifier.as_deref(), Some("up to"));
        let n = one("Over 40,000 websites");
        assert_eq!(n.qualifier.as_deref(), Some("over"));
    }

    #[test]
    fn numeric_dates_are_not_numbers() {
        assert!(find("Stars as of 10-12-2018 and 01/01/2018").is_empty());
    }

    #[test]
    fn years_and_versions_are_flagged() {
        assert_eq!(one("in 2024 and beyond").kind_hint, KindHint::Year);
        assert!(find("version 4.0.0-rc.3 shipped").is_empty());
        assert!(find("Python3 and x86").is_empty());
        assert_eq!(one("top 9 frameworks").kind_hint, KindHint::Plain);
    }

    #[test]
    fn several_numbers_in_order() {
        let found = find("being used by 42% and 32% of developers");
        let values: Vec<f64> = found.iter().map(|n| n.value).collect();
        assert_eq!(values, vec![42.0, 32.0]);
    }
}
