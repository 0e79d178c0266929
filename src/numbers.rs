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
use std::ops::Range;
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

/// "over", "nearly", "up to", ...: the words a number may follow. A space
/// stands for any run of white space. Both the patterns and the hand scan
/// of [`scan_fast`] are built from this one list.
const QUALIFIERS: &[&str] = &[
    "approximately",
    "approx.",
    "approx",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "over",
    "more than",
    "less than",
    "fewer than",
    "under",
    "up to",
    "at least",
    "at most",
    "close to",
    "some",
    "an estimated",
    "just over",
    "just under",
    "well over",
    "~",
    ">",
    "<",
    "≈",
];

/// [`QUALIFIERS`] as one regex alternation.
fn qualifier_pattern() -> String {
    let alts: Vec<String> = QUALIFIERS
        .iter()
        .map(|q| {
            q.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    format!("(?:{})", alts.join("|"))
}

/// The words a ratio's two sides may be written as ("four out of five").
const RATIO_TOP: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const RATIO_BOTTOM: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Scale words after a number ("2.2 million", "20k").
const SCALE_WORDS: &[&str] = &[
    "thousand", "million", "billion", "trillion", "crore", "crores", "lakh", "lakhs", "k", "m",
    "bn", "b",
];
/// Sizes after a number ("12 MB").
const BYTE_WORDS: &[&str] = &["bytes", "byte", "kb", "kib", "mb", "mib", "gb", "gib", "tb"];
/// Durations after a number ("20 ms", "9 years").
const DURATION_WORDS: &[&str] = &[
    "ms",
    "milliseconds",
    "millisecond",
    "seconds",
    "second",
    "secs",
    "sec",
    "minutes",
    "minute",
    "mins",
    "min",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
];

/// The seconds in one of [`DURATION_WORDS`] (a month and a year are
/// their mean lengths in the Gregorian calendar).
fn duration_seconds(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "ms" | "milliseconds" | "millisecond" => 1e-3,
        "minutes" | "minute" | "mins" | "min" => 60.0,
        "hours" | "hour" => 3600.0,
        "days" | "day" => 86_400.0,
        "weeks" | "week" => 604_800.0,
        "months" | "month" => 2_629_746.0,
        "years" | "year" => 31_556_952.0,
        _ => 1.0,
    }
}

/// The number pattern: what [`scan_fast`] reads by hand, and what reads
/// the texts it cannot (see [`fast_scan_applies`]).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // Digits with optional grouping/decimal separators, then an optional
    // scale word or unit. ASCII boundaries keep the fast engine.
    let pattern = format!(
        r"(?xi)
        (?P<qual>{}\s*)?
        (?P<cur>[$€£¥])?
        (?-u:\b)(?P<num>\d{{1,3}}(?:[,.]\d{{2,3}})+|\d+(?:[.,]\d+)?)
        (?:
            \s*(?P<pct>%|\s?percent(?-u:\b))
          | \s*(?P<mult>x(?-u:\b)|×|\s?times(?-u:\b))
          | \s?(?P<scale>{})(?-u:\b)
          | \s?(?P<bytes>{})(?-u:\b)
          | \s?(?P<dur>{})(?-u:\b)
        )?
        (?:\s*(?P<scale_pct>%))?
        ",
        qualifier_pattern(),
        SCALE_WORDS.join("|"),
        BYTE_WORDS.join("|"),
        DURATION_WORDS.join("|"),
    );
    Regex::new(&pattern).expect("static regex")
});

static WORD_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // "ten times", "a hundred times"; not "a times" or "one times".
    let words: Vec<&str> = CARDINALS
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| !matches!(*w, "a" | "one"))
        .chain(["a hundred", "a thousand"])
        .collect();
    let pattern = format!(
        r"(?i)(?P<qual>{}\s+)?(?-u:\b)(?P<word>{})\s+times(?-u:\b)",
        qualifier_pattern(),
        words.join("|").replace(' ', r"\s+")
    );
    Regex::new(&pattern).expect("static regex")
});

/// Cardinal number words, for figures written out ("forty-eight percent",
/// "two million connections"): the value of each word.
const CARDINALS: &[(&str, f64)] = &[
    ("a", 1.0),
    ("one", 1.0),
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
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
];

/// A number written out, then a scale word or "percent": "forty-eight
/// percent", "two million", "three hundred thousand". Bare number words
/// ("three lines of logic") are no figures.
static SPELLED: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = CARDINALS.iter().map(|(w, _)| *w).collect();
    let card = format!("(?:{})", words.join("|"));
    let pattern = format!(
        r"(?i)(?P<qual>{}\s+)?(?-u:\b)(?P<word>{card}(?:(?:\s+|-)(?:and\s+)?{card})*)\s+(?P<scale>thousand|million|billion|percent|per\s+cent)(?-u:\b)",
        qualifier_pattern(),
    );
    Regex::new(&pattern).expect("static regex")
});

/// "two thirds of", "a quarter of": a share written as a fraction.
static FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)(?P<qual>{}\s+)?(?-u:\b)(?P<top>one|two|three|four|a)(?:\s+|-)(?P<bottom>thirds?|quarters?|fifths?)(?-u:\b)\s+of(?-u:\b)",
        qualifier_pattern(),
    );
    Regex::new(&pattern).expect("static regex")
});

/// The words that let a block hold a figure without digits: those a
/// written-out figure ends at (scale words and "percent", then fraction
/// words), then "times", "twice" and "out of".
const WORD_CUES: [&str; 14] = [
    "million",
    "billion",
    "thousand",
    "percent",
    "per cent",
    "third",
    "quarter",
    "fifth",
    "times",
    "twice",
    "out of",
    "double",
    "triple",
    "quadruple",
];

/// [`WORD_CUES`] in one automaton, each as prose, a sentence's start, a
/// title and capitals write it ("million", "Million", "Per Cent",
/// "MILLION"): patterns [`WORD_CUES`]`.len()` apart, in its order. Matched
/// case-sensitively, so the automaton searches with a vector prefilter: an
/// ASCII case-insensitive one has none and steps through every byte of
/// every block, which was a third of what the statistics cost. Other
/// mixes of case ("MiLLion") are not read as figures.
static WORD_CUE_SEARCH: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let capital = |w: &str| w[..1].to_ascii_uppercase() + &w[1..];
    let title = |w: &str| w.split(' ').map(capital).collect::<Vec<_>>().join(" ");
    let spellings = WORD_CUES
        .iter()
        .map(|w| w.to_string())
        .chain(WORD_CUES.iter().map(|w| capital(w)))
        .chain(WORD_CUES.iter().map(|w| title(w)))
        .chain(WORD_CUES.iter().map(|w| w.to_ascii_uppercase()));
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(spellings)
        .expect("static words")
});

/// What [`word_cues`] found.
struct WordCues {
    /// Where scale words and "percent" start, as words of their own.
    scales: Vec<usize>,
    /// Where fraction words start ("thirds" too), as words of their own.
    fractions: Vec<usize>,
    times: bool,
    twice: bool,
    out_of: bool,
}

fn word_cues(hay: &[u8]) -> WordCues {
    let mut cues = WordCues {
        scales: Vec::new(),
        fractions: Vec::new(),
        times: false,
        twice: false,
        out_of: false,
    };
    for m in WORD_CUE_SEARCH.find_iter(hay) {
        let (start, mut end) = (m.start(), m.end());
        match m.pattern().as_usize() % WORD_CUES.len() {
            8 => cues.times = true,
            9 | 11..=13 => cues.twice = true,
            10 => cues.out_of = true,
            p => {
                if hay.get(end).is_some_and(|c| c.eq_ignore_ascii_case(&b's')) {
                    end += 1;
                }
                let whole = (start == 0 || !is_word_byte(hay[start - 1]))
                    && hay.get(end).is_none_or(|&c| !is_word_byte(c));
                if whole && p < 5 {
                    cues.scales.push(start);
                } else if whole {
                    cues.fractions.push(start);
                }
            }
        }
    }
    cues
}

/// The matches of `pattern` in a window of some words before each word
/// start in `starts` (and `after` bytes past it), with the window's
/// offset, kept when their group `key` starts at that word: written-out
/// figures end at such a word ("forty-eight percent", "two thirds of"),
/// so the pattern never scans the rest of the block.
fn windows<'t>(
    text: &'t str,
    starts: &[usize],
    pattern: &Regex,
    after: usize,
    key: impl Fn(&regex::Captures<'t>) -> Option<regex::Match<'t>>,
) -> Vec<(usize, regex::Captures<'t>)> {
    // Room for "three hundred and forty-five thousand" and a qualifier.
    const BEFORE: usize = 96;
    let mut out: Vec<(usize, regex::Captures<'t>)> = Vec::new();
    let mut done = 0;
    for &at in starts {
        let mut from = at.saturating_sub(BEFORE).max(done);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let end = text[at..]
            .find(|c: char| !c.is_alphanumeric() && c != ' ')
            .map_or(text.len(), |e| at + e)
            .min(at + 16 + after);
        let mut to = end.min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        // Most such words follow digits ("2.2 million", "40 percent"):
        // the pattern is worth running only after a number word.
        let before = text[..at].trim_end_matches([' ', '-']);
        let word = before
            .rsplit(|c: char| c.is_whitespace() || c == '-')
            .next()
            .unwrap_or("");
        let cardinal = CARDINALS.iter().any(|(w, _)| w.eq_ignore_ascii_case(word));
        if from >= at || to <= at || !cardinal {
            continue;
        }
        let found = pattern
            .captures_iter(&text[from..to])
            .find(|c| key(c).is_some_and(|k| from + k.start() == at));
        if let Some(c) = found {
            done = from + c.get(0).map_or(0, |m| m.end());
            out.push((from, c));
        }
    }
    out
}

/// The value of a number written out in words ("forty-eight", "three
/// hundred", "a"): tens and units add, "hundred" multiplies.
fn spelled_value(words: &str) -> Option<f64> {
    let mut total: f64 = 0.0;
    let mut any = false;
    for w in words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("and"))
    {
        let w = w.to_ascii_lowercase();
        let (_, v) = CARDINALS.iter().find(|(k, _)| *k == w)?;
        if *v == 100.0 {
            total = total.max(1.0) * 100.0;
        } else {
            total += v;
        }
        any = true;
    }
    any.then_some(total)
}

/// "twice as fast", "about twice the throughput", "double the requests",
/// "the number roughly triples": a multiplier of 2, 3 or 4. After "twice"
/// and its kin the word "as" or "the" is required ("twice a year",
/// "double-check" are no figures) but not quoted; the verbs stand alone,
/// but not before "as", "down" or "up" ("doubles as a queue"), and in the
/// present tense only after a qualifier.
static TWICE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)(?P<qual>{}\s+)?(?-u:\b)(?:(?P<word>twice|double|triple|quadruple)\s+(?:as|the)(?-u:\b)|(?P<verb>(?:doubl|tripl|quadrupl)e[sd])(?-u:\b)(?:\s+(?:as|down|up)(?-u:\b))?)",
        qualifier_pattern()
    );
    Regex::new(&pattern).expect("static regex")
});

/// The factor a word of [`TWICE`] says.
fn twice_factor(word: &str) -> f64 {
    match word.as_bytes().first().map(u8::to_ascii_lowercase) {
        Some(b't') if word.len() > 5 => 3.0,
        Some(b'q') => 4.0,
        _ => 2.0,
    }
}

static OUT_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?P<qual>{}\s+)?(?-u:\b)(?P<a>\d+|{})\s+(?:out\s+of|in)\s+(?P<b>\d+|{})(?-u:\b)",
        qualifier_pattern(),
        RATIO_TOP.join("|"),
        RATIO_BOTTOM.join("|"),
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
    if w == "a thousand" {
        return Some(1000.0);
    }
    spelled_value(&w)
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

fn qualifier(m: Option<&str>) -> Option<String> {
    m.map(|q| {
        q.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    })
    .filter(|q| !q.is_empty())
}

/// Whether `text` has an ASCII digit. Whole chunks are tested without
/// branching so the test vectorises: it runs on every block.
fn has_digit(text: &str) -> bool {
    text.as_bytes()
        .chunks(32)
        .any(|c| c.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

/// What followed the digits of a [`RawNumber`].
#[derive(Debug, Clone, PartialEq)]
enum Suffix {
    None,
    Percent,
    Multiplier,
    /// A scale word, at this range.
    Scale(Range<usize>),
    /// A size, at this range.
    Bytes(Range<usize>),
    /// A duration, at this range.
    Duration(Range<usize>),
}

/// One match of the number pattern, before it is judged and read: the
/// same whether [`NUMBER`] or [`scan_fast`] found it.
#[derive(Debug, Clone, PartialEq)]
struct RawNumber {
    whole: Range<usize>,
    num: Range<usize>,
    /// The qualifier with the white space after it.
    qual: Option<Range<usize>>,
    currency: bool,
    suffix: Suffix,
    /// A "%" after a scale word ("2.2 million %").
    scale_pct: bool,
}

/// Every match of [`NUMBER`] in `text`, in order.
fn scan_regex(text: &str) -> Vec<RawNumber> {
    NUMBER
        .captures_iter(text)
        .filter_map(|c| {
            let range = |name: &str| c.name(name).map(|m| m.range());
            let suffix = if c.name("pct").is_some() {
                Suffix::Percent
            } else if c.name("mult").is_some() {
                Suffix::Multiplier
            } else if let Some(r) = range("scale") {
                Suffix::Scale(r)
            } else if let Some(r) = range("bytes") {
                Suffix::Bytes(r)
            } else if let Some(r) = range("dur") {
                Suffix::Duration(r)
            } else {
                Suffix::None
            };
            Some(RawNumber {
                whole: c.get(0)?.range(),
                num: range("num")?,
                qual: range("qual"),
                currency: c.name("cur").is_some(),
                suffix,
                scale_pct: c.name("scale_pct").is_some(),
            })
        })
        .collect()
}

/// Whether [`scan_fast`] reads `text` exactly as [`NUMBER`] would: its
/// digits are ASCII and no letter case-folds to an ASCII one ("ſ" is an
/// "s" and the Kelvin sign a "k" to a case-insensitive regex). A digit of
/// another script is numeric, so testing that is enough.
fn fast_scan_applies(text: &str) -> bool {
    let Some(first) = text.bytes().position(|b| !b.is_ascii()) else {
        return true;
    };
    !text[first..]
        .chars()
        .any(|c| !c.is_ascii() && (c.is_numeric() || c == 'ſ' || c == '\u{212A}'))
}

/// `(?-u:\b)`: ASCII letters, digits and `_` are word bytes.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of the white space (as `\s` means it) starting at `at`.
fn skip_space(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(k, _)| at + k)
}

/// The start of the white space ending at `at`.
fn space_before(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_whitespace())
        .last()
        .map_or(at, |(k, _)| k)
}

/// The end of the ASCII word starting at `at`, if it is one of `words`
/// in any ASCII case: what `(?i)(?:words)(?-u:\b)` matches there.
fn word_at(t: &[u8], at: usize, words: &[&str]) -> Option<usize> {
    let end = t[at..]
        .iter()
        .position(|&b| !is_word_byte(b))
        .map_or(t.len(), |k| at + k);
    let word = &t[at..end];
    words
        .iter()
        .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
        .then_some(end)
}

/// [`QUALIFIERS`] as their words, last word first, for matching
/// backwards from a number.
static QUALIFIER_WORDS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| QUALIFIERS.iter().map(|q| q.rsplit(' ').collect()).collect());

/// Where the earliest qualifier ending at `end` starts, if one starts at
/// `from` or later. Qualifiers need no word boundary before them, so
/// "some" is found in "awesome 5", as [`NUMBER`] finds it.
fn qualifier_before(text: &str, end: usize, from: usize) -> Option<usize> {
    let t = text.as_bytes();
    // Every qualifier ends in a letter, a dot or a sign; most numbers (a
    // table cell's, one after "|" or "(") follow none of them.
    let last = *t[..end].last()?;
    if !(last.is_ascii_alphabetic()
        || matches!(last, b'.' | b'~' | b'>' | b'<')
        || !last.is_ascii())
    {
        return None;
    }
    QUALIFIER_WORDS
        .iter()
        .filter_map(|words| {
            let mut at = end;
            for (k, word) in words.iter().enumerate() {
                if k > 0 {
                    let space = space_before(text, at);
                    if space == at {
                        return None;
                    }
                    at = space;
                }
                let start = at.checked_sub(word.len())?;
                if !t[start..at].eq_ignore_ascii_case(word.as_bytes()) {
                    return None;
                }
                at = start;
            }
            Some(at)
        })
        .filter(|&start| start >= from)
        .min()
}

/// The digits of a number starting at `d`, as `num` in [`NUMBER`] takes
/// them: grouped ("1,82,472", greedy, three digits a group where there
/// are three) when one to three digits lead, else digits with at most one
/// decimal part.
fn digits_end(t: &[u8], d: usize) -> usize {
    let run = |from: usize| {
        t[from..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(t.len(), |k| from + k)
    };
    let first = run(d);
    let is_sep = |at: usize| matches!(t.get(at), Some(b',' | b'.'));
    if first - d <= 3 {
        let mut end = first;
        while is_sep(end) {
            let group = run(end + 1) - (end + 1);
            if group < 2 {
                break;
            }
            end += 1 + group.min(3);
        }
        if end > first {
            return end;
        }
    }
    if is_sep(first) && t.get(first + 1).is_some_and(u8::is_ascii_digit) {
        return run(first + 1);
    }
    first
}

/// The unit after digits ending at `n`, and where the match ends, in the
/// order [`NUMBER`] tries them: a percentage or multiplier after any
/// white space, a scale word, size or duration after one space at most,
/// then a "%" after any white space.
fn suffix_at(text: &str, n: usize) -> (Suffix, usize, bool) {
    let t = text.as_bytes();
    let spaced = skip_space(text, n);
    let one = text[n..]
        .chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map_or(n, |c| n + c.len_utf8());
    let (suffix, end) = if t.get(spaced) == Some(&b'%') {
        (Suffix::Percent, spaced + 1)
    } else if let Some(e) = word_at(t, spaced, &["percent"]) {
        (Suffix::Percent, e)
    } else if let Some(e) = word_at(t, spaced, &["x", "times"]) {
        (Suffix::Multiplier, e)
    } else if text[spaced..].starts_with('×') {
        (Suffix::Multiplier, spaced + '×'.len_utf8())
    } else if let Some(e) = word_at(t, one, SCALE_WORDS) {
        (Suffix::Scale(one..e), e)
    } else if let Some(e) = word_at(t, one, BYTE_WORDS) {
        (Suffix::Bytes(one..e), e)
    } else if let Some(e) = word_at(t, one, DURATION_WORDS) {
        (Suffix::Duration(one..e), e)
    } else {
        (Suffix::None, n)
    };
    let pct = skip_space(text, end);
    if t.get(pct) == Some(&b'%') {
        (suffix, pct + 1, true)
    } else {
        (suffix, end, false)
    }
}

/// Every match of [`NUMBER`] in `text`, found by hand: a match holds
/// digits, and whatever leads them (qualifier, white space, currency)
/// holds none, so the leftmost match is the one around the first digit
/// that may start a number, beginning where the earliest lead-in does.
/// Only for texts [`fast_scan_applies`] to.
fn scan_fast(text: &str) -> Vec<RawNumber> {
    let t = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    // A number starts at a digit after a non-word byte.
    while let Some(d) =
        (pos..t.len()).find(|&k| t[k].is_ascii_digit() && (k == 0 || !is_word_byte(t[k - 1])))
    {
        let cur = text[pos..d]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '$' | '€' | '£' | '¥'))
            .map(char::len_utf8);
        let lead_end = d - cur.unwrap_or(0);
        let qual_start = qualifier_before(text, space_before(text, lead_end), pos);
        let num_end = digits_end(t, d);
        let (suffix, end, scale_pct) = suffix_at(text, num_end);
        out.push(RawNumber {
            whole: qual_start.unwrap_or(lead_end)..end,
            num: d..num_end,
            qual: qual_start.map(|q| q..lead_end),
            currency: cur.is_some(),
            suffix,
            scale_pct,
        });
        pos = end;
    }
    out
}

/// Whether `t[at..]` starts with `word` in any ASCII case.
fn starts_with_word(t: &[u8], at: usize, word: &str) -> bool {
    t.get(at..at + word.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// Whether [`OUT_OF`] could match: somewhere "in" or "out of" stands
/// between white space, after a digit or a [`RATIO_TOP`] word and before
/// one of the words [`RATIO_BOTTOM`] or a digit. Most blocks hold "in",
/// few hold a ratio; this only ever says yes too often.
fn ratio_possible(text: &str) -> bool {
    let t = text.as_bytes();
    // White space (as `\s` means it) starts with one of these bytes.
    let spaceish = |at: usize| {
        t.get(at)
            .is_some_and(|&b| matches!(b, b' ' | b'\t'..=b'\r') || !b.is_ascii())
    };
    let mut joins = memchr::memchr2_iter(b'n', b'N', t)
        .filter(|&k| {
            k > 1 && t[k - 1].eq_ignore_ascii_case(&b'i') && spaceish(k + 1) && spaceish(k - 2)
        })
        .map(|k| (k - 1, k + 1))
        .chain(
            memchr::memchr2_iter(b'f', b'F', t)
                .filter(|&k| k > 0 && t[k - 1].eq_ignore_ascii_case(&b'o') && spaceish(k + 1))
                .filter_map(|k| {
                    let out_end = space_before(text, k - 1);
                    let out = out_end.checked_sub(3)?;
                    (out_end < k - 1 && starts_with_word(t, out, "out")).then_some((out, k + 1))
                }),
        );
    joins.any(|(start, end)| {
        let before = space_before(text, start);
        let after = skip_space(text, end);
        let top = before < start
            && (t[..before].last().is_some_and(u8::is_ascii_digit)
                || RATIO_TOP
                    .iter()
                    .any(|w| before >= w.len() && starts_with_word(t, before - w.len(), w)));
        let bottom = after > end
            && (t.get(after).is_some_and(u8::is_ascii_digit)
                || RATIO_BOTTOM.iter().any(|w| starts_with_word(t, after, w)));
        top && bottom
    })
}

/// Whether [`DATE`] could match: a "-" or "/" between ASCII digits.
fn date_possible(t: &[u8]) -> bool {
    memchr::memchr2_iter(b'-', b'/', t)
        .any(|k| k > 0 && t[k - 1].is_ascii_digit() && t.get(k + 1).is_some_and(u8::is_ascii_digit))
}

/// Finds every number in `text`, in order, without overlaps.
pub fn find(text: &str) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    // Most prose has no number: digits, "times" or "out of" must be there
    // before any pattern is worth running.
    let has_digit = has_digit(text);
    // A number written out needs its scale word or "percent" after it; a
    // fraction its "third", "quarter" or "fifth". Their patterns run only
    // on the few words before such a word, not over the block. The same
    // scan tells whether "times", "twice" or "out of" is there.
    let words = word_cues(text.as_bytes());
    if !has_digit
        && !words.times
        && !words.twice
        && words.scales.is_empty()
        && words.fractions.is_empty()
        && !words.out_of
    {
        return out;
    }
    // The hand scans and the tests that skip a pattern assume ASCII digits
    // and ASCII case folding; other texts get every pattern.
    let fast = fast_scan_applies(text);
    let ratios = if !fast || ratio_possible(text) {
        text
    } else {
        ""
    };
    for c in OUT_OF.captures_iter(ratios) {
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
            qualifier: qualifier(c.name("qual").map(|m| m.as_str())),
            kind_hint: KindHint::Plain,
        });
    }
    for c in WORD_NUMBER.captures_iter(if words.times { text } else { "" }) {
        let Some(v) = c.name("word").and_then(|m| word_value(m.as_str())) else {
            continue;
        };
        let whole = c.get(0).map_or(0..0, |m| m.range());
        out.push(Number {
            span: Span::new(whole.start, whole.end),
            value: v,
            unit: Unit::Multiplier,
            qualifier: qualifier(c.name("qual").map(|m| m.as_str())),
            kind_hint: KindHint::Plain,
        });
    }
    // No word found, no window: the patterns do not run.
    for (from, c) in &windows(text, &words.scales, &SPELLED, 0, |c| c.name("scale")) {
        let (Some(whole), Some(word), Some(scale)) = (c.get(0), c.name("word"), c.name("scale"))
        else {
            continue;
        };
        let whole = from + whole.start()..from + whole.end();
        let Some(v) = spelled_value(word.as_str()) else {
            continue;
        };
        let scale_word = scale.as_str().to_ascii_lowercase();
        let (value, unit) = match scale_word.as_str() {
            "thousand" => (v * 1e3, Unit::Count),
            "million" => (v * 1e6, Unit::Count),
            "billion" => (v * 1e9, Unit::Count),
            _ => (v, Unit::Percent),
        };
        out.push(Number {
            span: Span::new(whole.start, whole.end),
            value,
            unit,
            qualifier: qualifier(c.name("qual").map(|m| m.as_str())),
            kind_hint: KindHint::Plain,
        });
    }
    for (from, c) in &windows(text, &words.fractions, &FRACTION, 8, |c| c.name("bottom")) {
        let (Some(whole), Some(top), Some(bottom)) = (c.get(0), c.name("top"), c.name("bottom"))
        else {
            continue;
        };
        // The figure ends with the fraction, before its "of".
        let whole = from + whole.start()..from + bottom.end();
        let top = spelled_value(top.as_str()).unwrap_or(1.0);
        let bottom = bottom.as_str().to_ascii_lowercase();
        let parts = match bottom.trim_end_matches('s') {
            "third" => 3.0,
            "quarter" => 4.0,
            _ => 5.0,
        };
        if top >= parts {
            continue;
        }
        out.push(Number {
            span: Span::new(whole.start, whole.end),
            value: top / parts,
            unit: Unit::Ratio,
            qualifier: qualifier(c.name("qual").map(|m| m.as_str())),
            kind_hint: KindHint::Plain,
        });
    }
    for c in TWICE.captures_iter(if words.twice { text } else { "" }) {
        let Some(whole) = c.get(0) else {
            continue;
        };
        let word = match (c.name("word"), c.name("verb")) {
            (Some(word), _) => word,
            // "doubles as", "doubled down": an idiom, no figure. "Doubles"
            // alone is as often a noun (a tennis doubles match): the
            // present tense needs a qualifier ("roughly triples").
            (None, Some(verb))
                if verb.end() == whole.end()
                    && (verb.as_str().ends_with(['d', 'D']) || c.name("qual").is_some()) =>
            {
                verb
            }
            _ => continue,
        };
        out.push(Number {
            span: Span::new(whole.start(), word.end()),
            value: twice_factor(word.as_str()),
            unit: Unit::Multiplier,
            qualifier: qualifier(c.name("qual").map(|m| m.as_str())),
            kind_hint: KindHint::Plain,
        });
    }
    if !has_digit {
        out.sort_by_key(|n| n.span);
        return out;
    }
    let dates: Vec<_> = if !fast || date_possible(text.as_bytes()) {
        DATE.find_iter(text).map(|m| m.range()).collect()
    } else {
        Vec::new()
    };
    let raws = if fast {
        scan_fast(text)
    } else {
        scan_regex(text)
    };
    for raw in raws {
        let (whole, num) = (raw.whole.clone(), raw.num.clone());
        if out
            .iter()
            .any(|n| n.span.start < whole.end && whole.start < n.span.end)
            || dates.iter().any(|d| d.start < num.end && num.start < d.end)
        {
            continue;
        }
        if let Some(n) = read(text, raw) {
            out.push(n);
        }
    }
    out.sort_by_key(|n| n.span);
    out
}

/// Judges and reads one match of the number pattern.
fn read(text: &str, raw: RawNumber) -> Option<Number> {
    let (whole, num) = (raw.whole, raw.num);
    let digits = &text[num.clone()];
    // A number glued to letters or to more digits/dots is part of a
    // name or a version ("v4", "4.0.0", "x86"): not ours to read.
    let before = text[..num.start].chars().next_back();
    let after_num = text[num.end..].chars().next();
    let after_whole = text[whole.end..].chars().next();
    let glued_before = matches!(before, Some('.' | ',' | '-'))
        && text[..num.start - 1]
            .chars()
            .next_back()
            .is_some_and(|ch| ch.is_alphanumeric());
    if before.is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
        || glued_before
        || after_whole.is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
        || after_num.is_some_and(|ch| {
            matches!(ch, '.' | ',') && text[num.end + 1..].starts_with(|d: char| d.is_ascii_digit())
        })
    {
        return None;
    }
    let (mut value, version) = parse_digits(digits)?;
    let mut unit = Unit::Count;
    match &raw.suffix {
        Suffix::Percent => unit = Unit::Percent,
        Suffix::Multiplier => unit = Unit::Multiplier,
        Suffix::Scale(r) => {
            value *= match text[r.clone()].to_ascii_lowercase().as_str() {
                "thousand" | "k" => 1e3,
                // Indian English: a lakh is 100,000, a crore 10,000,000.
                "lakh" | "lakhs" => 1e5,
                "crore" | "crores" => 1e7,
                "million" | "m" => 1e6,
                "billion" | "bn" | "b" => 1e9,
                _ => 1e12,
            };
            if raw.scale_pct {
                return None;
            }
        }
        Suffix::Bytes(r) => {
            unit = Unit::Bytes;
            value *= match text[r.clone()].to_ascii_lowercase().as_str() {
                "kb" | "kib" => 1024.0,
                "mb" | "mib" => 1024.0 * 1024.0,
                "gb" | "gib" => 1024.0 * 1024.0 * 1024.0,
                "tb" => 1024.0f64.powi(4),
                _ => 1.0,
            };
        }
        Suffix::Duration(r) => {
            // Seconds, the base unit, as sizes are in bytes: "180 ms" and
            // "8 seconds" then compare and merge.
            unit = Unit::Duration;
            value *= duration_seconds(&text[r.clone()]);
        }
        Suffix::None => {}
    }
    if raw.currency {
        unit = Unit::Money;
    }
    let plain_int = !digits.contains([',', '.']);
    let kind_hint = if version {
        KindHint::Version
    } else if unit == Unit::Count
        && plain_int
        && digits.len() == 4
        && (1900.0..=2100.0).contains(&value)
    {
        KindHint::Year
    } else {
        KindHint::Plain
    };
    // Round away binary noise from the scale multiplication.
    let value = (value * 1e6).round() / 1e6;
    Some(Number {
        span: Span::new(whole.start, whole.end),
        value,
        unit,
        qualifier: qualifier(raw.qual.map(|q| &text[q])),
        kind_hint,
    })
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
    fn numbers_written_out_fractions_and_indian_scales() {
        assert_eq!(vu("Forty-eight percent of them"), (48.0, Unit::Percent));
        assert_eq!(vu("a solid ninety per cent"), (90.0, Unit::Percent));
        assert_eq!(vu("held two million sockets"), (2_000_000.0, Unit::Count));
        // The scale word as a title and capitals write it.
        assert_eq!(vu("Two Million Sockets"), (2_000_000.0, Unit::Count));
        assert_eq!(vu("FORTY PERCENT OF TEAMS"), (40.0, Unit::Percent));
        assert_eq!(vu("Ninety Per Cent"), (90.0, Unit::Percent));
        assert_eq!(vu("three hundred thousand users"), (300_000.0, Unit::Count));
        assert_eq!(vu("twenty-five thousand stars"), (25_000.0, Unit::Count));
        let (v, u) = vu("roughly two-thirds of the traffic");
        assert!((v - 2.0 / 3.0).abs() < 1e-9 && u == Unit::Ratio);
        assert_eq!(vu("a quarter of the teams"), (0.25, Unit::Ratio));
        assert_eq!(
            vu("more than 3.2 crore downloads"),
            (32_000_000.0, Unit::Count)
        );
        assert_eq!(vu("5 lakh stars"), (500_000.0, Unit::Count));
        let over = one("over four million downloads");
        assert_eq!(over.qualifier.as_deref(), Some("over"));
        // Bare number words, and "third" or "quarter" that share nothing.
        for none in [
            "three lines of logic and nine lines of checks",
            "a third-party package",
            "one of the fastest",
            "a quarter past nine",
            "the third of May",
        ] {
            assert!(find(none).is_empty(), "{none}");
        }
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
    fn twice_before_as_or_the_is_a_multiplier() {
        let n = one("it came out about twice as fast");
        assert_eq!((n.value, n.unit), (2.0, Unit::Multiplier));
        assert_eq!(
            &"it came out about twice as fast"[n.span.range()],
            "about twice"
        );
        assert_eq!(vu("Twice the throughput"), (2.0, Unit::Multiplier));
        assert!(find("we tried it twice, and twice a year").is_empty());
    }

    #[test]
    fn double_triple_and_their_verbs_are_multipliers() {
        assert_eq!(
            vu("it handled double the requests"),
            (2.0, Unit::Multiplier)
        );
        assert_eq!(vu("Triple the throughput"), (3.0, Unit::Multiplier));
        let n = one("and the number roughly triples.");
        assert_eq!((n.value, n.unit), (3.0, Unit::Multiplier));
        assert_eq!(
            &"and the number roughly triples."[n.span.range()],
            "roughly triples"
        );
        assert_eq!(vu("throughput nearly doubled"), (2.0, Unit::Multiplier));
        assert_eq!(vu("memory use quadrupled"), (4.0, Unit::Multiplier));
        // Idioms and compounds are no figures.
        for text in [
            "the worker doubles as a queue",
            "they doubled down on Rails",
            "double-check the config",
            "use double quotes",
            "a triple-store",
            "the deciding doubles match",
            "they play two singles and a doubles",
        ] {
            assert!(find(text).is_empty(), "{text}");
        }
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
        assert_eq!(vu("responds in 20 ms"), (0.02, Unit::Duration));
        assert_eq!(vu("builds take 7 minutes"), (420.0, Unit::Duration));
        assert_eq!(vu("starts in 8 seconds"), (8.0, Unit::Duration));
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

    /// (whole, num, qualifier) texts of every raw match the hand scan finds.
    fn scanned(text: &str) -> Vec<(&str, &str, Option<&str>)> {
        scan_fast(text)
            .into_iter()
            .map(|r| (&text[r.whole], &text[r.num], r.qual.map(|q| &text[q])))
            .collect()
    }

    #[test]
    fn the_hand_scan_finds_exact_spans() {
        assert_eq!(
            scanned("used by approximately 36,42% of them"),
            [("approximately 36,42%", "36,42", Some("approximately "))]
        );
        assert_eq!(
            scanned("in 1,82,472 sites"),
            [("1,82,472", "1,82,472", None)]
        );
        assert_eq!(
            scanned("7.170.825 downloads"),
            [("7.170.825", "7.170.825", None)]
        );
        assert_eq!(
            scanned("just  over\n$5 million"),
            [("just  over\n$5 million", "5", Some("just  over\n"))]
        );
        // "some" needs no boundary before it, as in the pattern.
        assert_eq!(scanned("awesome 5"), [("some 5", "5", Some("some "))]);
        // Grouping stops after three digits; the rest is another word.
        assert_eq!(scanned("1,2345"), [("1,234", "1,234", None)]);
        assert_eq!(scanned("v4 and 2.5"), [("2.5", "2.5", None)]);
        assert_eq!(
            scanned("≈\u{a0}12\u{a0}MB."),
            [("≈\u{a0}12\u{a0}MB", "12", Some("≈\u{a0}"))]
        );
        assert_eq!(
            scanned("3 times, 35,000x"),
            [("3 times", "3", None), ("35,000x", "35,000", None)]
        );
        assert_eq!(scanned("«20 ms»"), [("20 ms", "20", None)]);
        assert_eq!(
            scanned("up to\n\n10 %"),
            [("up to\n\n10 %", "10", Some("up to\n\n"))]
        );
        assert_eq!(scanned("ends with 42"), [("42", "42", None)]);
        assert!(scanned("x86 and _3").is_empty());
    }

    /// A small deterministic generator of texts made of the pieces the
    /// pattern cares about, to compare the hand scan with the pattern.
    fn generated(count: usize) -> Vec<String> {
        const PIECES: &[&str] = &[
            "5",
            "12",
            "2024",
            "1,82,472",
            "7.170.825",
            "36,42",
            "1,2345",
            "4.0.0",
            "1234.5",
            "0,5",
            " ",
            "  ",
            "\u{a0}",
            "\n",
            "%",
            "percent",
            "Percent",
            "x",
            "×",
            "times",
            "k",
            "K",
            "m",
            "bn",
            "b",
            "MB",
            "kib",
            "bytes",
            "byte",
            "ms",
            "mins",
            "years",
            "thousand",
            "million",
            "over",
            "Over",
            "more",
            "than",
            "just",
            "approx.",
            "approx",
            "~",
            "≈",
            "<",
            "$",
            "€",
            "£",
            "awesome",
            "some",
            "hover",
            "v",
            "_",
            "-",
            ".",
            ",",
            "/",
            "in",
            "out",
            "of",
            "four",
            "five",
            "ten",
            "(",
            ")",
            "é",
            "—",
            "a",
            "s",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let len = 1 + next() % 12;
                (0..len)
                    .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_hand_scan_matches_the_pattern() {
        let fixed = [
            "Over 40,000 websites and 1,82,472 users",
            "approx.5 and approx 6, more \n than 7k",
            "at least 3.5x faster, well over 9000 stars",
            "5% %, 2.2 million %, 12mb, 3 sec",
            "€5bn raised; ~13.3k stars; <10 ms",
            "costs 1,234.50 a month, 1.234,5 elsewhere",
            "an\u{2003}estimated 600,000 devs",
        ];
        for text in fixed.iter().map(|s| s.to_string()).chain(generated(20_000)) {
            assert!(fast_scan_applies(&text), "{text:?}");
            assert_eq!(scan_fast(&text), scan_regex(&text), "{text:?}");
            if OUT_OF.is_match(&text) {
                assert!(ratio_possible(&text), "{text:?}");
            }
            if DATE.is_match(&text) {
                assert!(date_possible(text.as_bytes()), "{text:?}");
            }
        }
    }

    #[test]
    fn the_hand_scan_leaves_other_scripts_to_the_pattern() {
        assert!(fast_scan_applies("naïve “quotes” — 5 €"));
        assert!(!fast_scan_applies("٣ users"));
        assert!(!fast_scan_applies("5 ſeconds"));
        assert!(!fast_scan_applies("5 \u{212A}"));
        // The pattern still reads those texts.
        assert_eq!(
            vu("٣ users, and 5 MB of memory"),
            (5.0 * 1024.0 * 1024.0, Unit::Bytes)
        );
    }

    /// What the hand scan assumes of Unicode: `\s` is `char::is_whitespace`,
    /// every other digit is numeric, and only "ſ" and the Kelvin sign fold
    /// to an ASCII letter.
    #[test]
    fn the_fast_scan_assumptions_hold_for_every_char() {
        let space = Regex::new(r"^\s$").expect("static regex");
        let digit = Regex::new(r"^\d$").expect("static regex");
        let letter = Regex::new(r"(?i)^[a-z]$").expect("static regex");
        let mut buf = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s: &str = c.encode_utf8(&mut buf);
            assert_eq!(space.is_match(s), c.is_whitespace(), "{c:?}");
            if !c.is_ascii() {
                assert!(!digit.is_match(s) || c.is_numeric(), "{c:?}");
                assert!(!letter.is_match(s) || c == 'ſ' || c == '\u{212A}', "{c:?}");
            }
        }
    }
}
