//! Statistics: numbers stated about an entity's adoption, usage, speed, size,
//! community or market, normalised by [`crate::numbers`].
//!
//! Two places give them:
//! - prose (`stat.percent`, `stat.count`, `stat.multiplier`, `stat.ratio`,
//!   `stat.bytes`, `stat.money`, `stat.duration`): every number of a
//!   sentence that is not a year, a version, list numbering, a link target
//!   or a "top 9"; a bare count needs a measure noun from
//!   `data/statistics.toml` ("40,000 websites"), since "3 steps" says
//!   nothing about adoption;
//! - tables (`stat.table`): each numeric cell of a row whose first cell (or
//!   column header, or section) names an entity, unless its row label or
//!   column header says it is a version, a licence or a date.
//!
//! The entity of a prose number is the nearest mention before it in its
//! clause (the text between commas, semicolons and "while"/"but"), else
//! the first one after it there, else the first of the sentence, else the
//! section subject: "ASP.NET Core is the most used framework among C#
//! developers, with 56% utilizing it" is about ASP.NET Core. A mention
//! after "than", "like" or "unlike" is the thing compared with, never the
//! subject. A population ("61% of PHP developers use Laravel") gives way to
//! the name after the number.

use super::{prose_blocks, quote, sentences, Context, Mention, Statistic};
use crate::model::{BlockKind, Span};
use crate::numbers::{self, KindHint, Number, Unit};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

const BUILTIN: &str = include_str!("../../data/statistics.toml");

/// The words that decide whether a number is a statistic.
#[derive(Debug)]
struct Lexicon {
    measure_nouns: HashSet<String>,
    table_skip: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    measure_nouns: Vec<String>,
    table_skip: Vec<String>,
}

impl Lexicon {
    /// Parses the lexicon, rejecting an entry that could never match: empty,
    /// not lower case, padded, or (for a measure noun) more than one word.
    fn parse(text: &str) -> Result<Lexicon, String> {
        let file: LexiconFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut measure_nouns = HashSet::new();
        for w in &file.measure_nouns {
            if w.is_empty() || w.to_lowercase() != *w || w.contains(char::is_whitespace) {
                return Err(format!("measure noun {w:?}: one lower-case word expected"));
            }
            if !measure_nouns.insert(w.clone()) {
                return Err(format!("measure noun {w:?} is listed twice"));
            }
        }
        for w in &file.table_skip {
            if w.trim().is_empty() || w.to_lowercase() != *w || w.trim() != w {
                return Err(format!("table_skip {w:?}: lower case, not blank"));
            }
        }
        Ok(Lexicon {
            measure_nouns,
            table_skip: file.table_skip,
        })
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(BUILTIN).expect("data/statistics.toml is checked by a unit test")
});

/// Where a clause ends inside a sentence.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[;,]\s|\s[—–]\s|\s(?:while|whereas|where|but)\s").expect("static regex")
});

/// Link targets and bare URLs: digits there are addresses, not figures.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"https?://[^\s)\]]+|www\.[^\s)\]]+|\]\([^)]*\)").expect("static regex")
});

/// A stated time after the number: "by early 2022", "in 2018".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:in|by|since|as of|until|through|from|at the end of)\s+(?:(?:early|mid|late|the end of|the start of|the beginning of|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])[\s-]+)?(?:19|20)\d\d(?-u:\b)",
    )
    .expect("static regex")
});

/// A named source: "According to Enterprise Apps Today,".
static CITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[Aa]ccording to|[Aa]s per|[Rr]eported by|[Dd]ata from|[Ss]urvey by|[Ss]ource:)\s+(?P<src>(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|on|for))*)",
    )
    .expect("static regex")
});

/// Words before a mention that make it the thing compared with, or the
/// thing replaced: "a replacement of express.js with 65% better
/// performance" is a figure of the replacement.
static COMPARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)than|(?-u:\b)like|(?-u:\b)unlike|(?-u:\b)versus|(?-u:\b)vs\.?|(?-u:\b)compared (?:to|with)|(?-u:\b)(?:replacement|successor|alternative|fork) (?:of|for|to)|(?-u:\b)instead of)\s*\W*(?:(?:the|our|a|an|their|its|your|my|plain|standard|stock|vanilla|old|classic|good old)\s+)*$")
        .expect("static regex")
});

/// "top 9", "#1", "version 11": a rank or a name, not a figure.
static RANKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)top|(?-u:\b)best|#|(?-u:\b)versions?|(?-u:\b)v|(?-u:\b)no\.|(?-u:\b)number|(?-u:\b)step|(?-u:\b)phase|(?-u:\b)part|(?-u:\b)level)\s*$",
    )
    .expect("static regex")
});

/// Extracts every statistic of a document.
pub fn extract(cx: &Context) -> Vec<Statistic> {
    let mut out = Vec::new();
    // The cells of the table being read, and whether it is a grid of
    // scores (decided once its last cell is seen).
    let mut table: Vec<usize> = Vec::new();
    let blocks: Vec<usize> = prose_blocks(cx.doc, cx.cleaned).collect();
    for (k, &i) in blocks.iter().enumerate() {
        match cx.doc.blocks[i].kind {
            BlockKind::Title | BlockKind::Heading { .. } => {}
            BlockKind::TableCell { .. } => {
                table.push(i);
                let last = blocks
                    .get(k + 1)
                    .is_none_or(|&j| !matches!(cx.doc.blocks[j].kind, BlockKind::TableCell { .. }));
                if last {
                    if !scores_grid(cx, &table) {
                        for &j in &table {
                            if let BlockKind::TableCell { row, col } = cx.doc.blocks[j].kind {
                                table_cell(cx, j, row, col, &mut out);
                            }
                        }
                    }
                    table.clear();
                }
            }
            _ => prose(cx, i, &mut out),
        }
    }
    out
}

/// The most a score of a rating grid reaches: grids score out of 5 or 10.
const MAX_SCORE: f64 = 10.0;

/// Whether a table is a grid of scores ("Runtime performance | 2 | 3 |
/// 5"): at least four body cells with figures, every figure a plain
/// number of at most [`MAX_SCORE`]. Scores are the writer's judgment, not
/// measurements; a table with one larger figure ("Dependencies | 3 | 66")
/// measures something.
fn scores_grid(cx: &Context, cells: &[usize]) -> bool {
    let mut scores = 0;
    for &i in cells {
        let block = &cx.doc.blocks[i];
        let BlockKind::TableCell { row, col } = block.kind else {
            continue;
        };
        if row == 0 || col == 0 {
            continue;
        }
        for n in candidates(cx.doc.block_text(block)) {
            if n.unit != Unit::Count || n.value > MAX_SCORE {
                return false;
            }
            scores += 1;
        }
    }
    scores >= 4
}

/// The byte ranges of `text` that are link targets or URLs.
fn url_ranges(text: &str) -> Vec<(usize, usize)> {
    URL.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

fn inside(ranges: &[(usize, usize)], n: &Number) -> bool {
    ranges
        .iter()
        .any(|&(a, b)| n.span.start < b && a < n.span.end)
}

/// Numbers of `text` that could be figures at all: no years, versions,
/// link targets or ranks.
fn candidates(text: &str) -> Vec<Number> {
    let numbers = numbers::find(text);
    // Most blocks have no number, and then no address needs finding.
    if numbers.is_empty() {
        return numbers;
    }
    let urls = url_ranges(text);
    numbers
        .into_iter()
        .filter(|n| n.kind_hint == KindHint::Plain)
        .filter(|n| !inside(&urls, n))
        // No multiplier is a rank: "the Laravel number roughly triples".
        .filter(|n| n.unit == Unit::Multiplier || !RANKED.is_match(&text[..n.span.start]))
        .collect()
}

fn prose(cx: &Context, i: usize, out: &mut Vec<Statistic>) {
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block);
    let base = block.span.start;
    let numbers = candidates(text);
    if numbers.is_empty() {
        return;
    }
    let opening = (block.kind == BlockKind::Paragraph)
        .then(|| opening_topic(cx, block.span))
        .flatten();
    for sentence in sentences::split(text) {
        let s_text = &text[sentence.clone()];
        let in_sentence: Vec<&Number> = numbers
            .iter()
            .filter(|n| n.span.start >= sentence.start && n.span.end <= sentence.end)
            .collect();
        if in_sentence.is_empty() {
            continue;
        }
        let sentence_mentions =
            cx.mentions_in(Span::new(base + sentence.start, base + sentence.end));
        // The source a sentence names is the same for all its figures.
        let cited = CITED
            .captures(s_text)
            .and_then(|c| c.name("src"))
            .map(|m| m.as_str().trim_end_matches([',', '.']));
        for n in in_sentence {
            // List numbering: "1. Django" at the start of a block.
            let before = &text[..n.span.start];
            let after = &text[n.span.end..];
            if before.trim().is_empty() && after.starts_with(['.', ')']) {
                continue;
            }
            let local = n.span.start - sentence.start..n.span.end - sentence.start;
            let Some(rule) = prose_rule(n, s_text, local.clone()) else {
                continue;
            };
            let (c_start, c_end) = clause(s_text, local.clone());
            // "as per benchmarks it is 3x faster than Flask": a clause that
            // says "it" and names no one before the figure speaks of the
            // section's subject. (A name before the "it" in the same clause
            // still wins, unless it follows a preposition: "It runs on .NET
            // and it is used by 16,9%" is the section's.)
            // "With over 65k stars on GitHub, it has become ...": a
            // fronted "with" phrase before "it" speaks of it as well.
            let fronted = s_text.trim_start().starts_with("With ")
                && s_text[local.end..]
                    .split_once(", ")
                    .is_some_and(|(_, rest)| {
                        let w = rest
                            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
                            .next()
                            .unwrap_or("");
                        matches!(w, "it" | "it's" | "it\u{2019}s")
                    });
            let pronoun = fronted || has_word(&s_text[c_start..local.start], &["it"]);
            let entity = entity_for(
                sentence_mentions,
                &cx.doc.text,
                base + sentence.start + c_start,
                base + sentence.start + c_end,
                base + n.span.start,
                pronoun,
                n.unit == Unit::Multiplier,
            )
            .or_else(|| {
                pronoun
                    .then(|| {
                        opening
                            .clone()
                            .or_else(|| cx.subject_of(i).map(str::to_string))
                    })
                    .flatten()
            })
            .or_else(|| {
                // "It was the fastest thing I tested that isn't written
                // in Go, at about 72,000 requests per second": a sentence
                // that opens with "it" speaks of the paragraph's or the
                // section's subject, not of a name in another clause.
                if opens_with_it(s_text) {
                    return None;
                }
                // A multiplier's names after it are its baselines.
                let until = if n.unit == Unit::Multiplier {
                    sentence_mentions.partition_point(|m| m.end <= base + n.span.start)
                } else {
                    sentence_mentions.len()
                };
                first_subject(
                    &sentence_mentions[..until],
                    &cx.doc.text,
                    base + sentence.start,
                    base + n.span.start,
                )
            })
            .or_else(|| opening.clone())
            .or_else(|| cx.subject_of(i).map(str::to_string))
            .or_else(|| paragraph_topic(cx, base, base + sentence.start));
            let span = Span::new(base + n.span.start, base + n.span.end);
            out.push(Statistic {
                entity,
                value: n.value,
                unit: n.unit,
                qualifier: n.qualifier.clone(),
                measure: measure(n, &s_text[local.end..]),
                time: TIME
                    .find(&s_text[local.end..c_end.max(local.end)])
                    .or_else(|| TIME.find(&s_text[local.end..]))
                    .map(|m| m.as_str().to_string()),
                cited: cited.map(str::to_string),
                start: span.start,
                end: span.end,
                quote: quote(cx.doc, span),
                rule: rule.to_string(),
            });
        }
    }
}

/// The rule that makes `n` (at `local` in `sentence`) a statistic, if any.
fn prose_rule(n: &Number, sentence: &str, local: std::ops::Range<usize>) -> Option<&'static str> {
    match n.unit {
        // "100% aimed at performance" is emphasis, "100% of" a figure.
        Unit::Percent if n.value == 100.0 => sentence[local.end..]
            .trim_start()
            .starts_with("of ")
            .then_some("stat.percent"),
        Unit::Percent => Some("stat.percent"),
        Unit::Ratio => Some("stat.ratio"),
        Unit::Bytes => Some("stat.bytes"),
        Unit::Multiplier if n.value > 1.0 => Some("stat.multiplier"),
        Unit::Multiplier => None,
        Unit::Money => has_word(sentence, MONEY_WORDS).then_some("stat.money"),
        // Response times, not "11 mins" of reading or "9 years" of history.
        Unit::Duration => {
            let w = &sentence[local.clone()].to_ascii_lowercase();
            (w.ends_with("ms") || w.contains("millisecond") || w.contains("microsecond"))
                .then_some("stat.duration")
        }
        Unit::Count => {
            let lex = &*LEXICON;
            let near = words(&sentence[local.end..])
                .take(4)
                .any(|w| lex.measure_nouns.contains(&w));
            let large = n.value >= 1000.0
                && sentence
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| lex.measure_nouns.contains(&w.to_lowercase()));
            (near || large).then_some("stat.count")
        }
    }
}

const MONEY_WORDS: &[&str] = &[
    "market",
    "revenue",
    "raised",
    "funding",
    "valued",
    "valuation",
    "worth",
    "salary",
    "salaries",
    "earn",
    "earns",
    "spend",
    "spent",
    "invested",
];

fn has_word(text: &str, set: &[&str]) -> bool {
    words(text).any(|w| set.contains(&w.as_str()))
}

/// Where the phrase starting `text` ends: at a full stop before white
/// space (not the one in "Node.js"), or at other closing punctuation.
fn phrase_end(text: &str, closers: &[char]) -> usize {
    text.char_indices()
        .find(|&(k, c)| {
            closers.contains(&c)
                || (c == '.' && text[k + 1..].chars().next().is_none_or(char::is_whitespace))
        })
        .map_or(text.len(), |(k, _)| k)
}

/// The lower-case words of `text` up to the end of its clause.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let end = phrase_end(text, &[';', ':', '(', ')', '!', '?']);
    text[..end]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// What the number measures: "of professional developers" after a
/// percentage, the words up to the measure noun after a count.
fn measure(n: &Number, after: &str) -> Option<String> {
    let end = phrase_end(after, &[';', ',', ':', '(', ')', '!', '?', '|']);
    let phrase = after[..end].trim();
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    let take = match n.unit {
        Unit::Percent | Unit::Ratio if ws.first().is_some_and(|w| *w == "of") => ws
            .iter()
            .position(|w| STOP.contains(w))
            .unwrap_or(ws.len())
            .min(5),
        Unit::Count => ws
            .iter()
            .take(4)
            .position(|w| LEXICON.measure_nouns.contains(&w.to_lowercase()))
            .map(|p| {
                // Carry a place or platform: "websites in the US".
                let tail = ws[p + 1..]
                    .iter()
                    .take_while(|w| !STOP.contains(w))
                    .take(3)
                    .count();
                let prep = ws
                    .get(p + 1)
                    .is_some_and(|w| matches!(*w, "in" | "on" | "worldwide" | "across"));
                p + 1 + if prep { tail } else { 0 }
            })?,
        _ => 0,
    };
    (take > 0).then(|| ws[..take.min(ws.len())].join(" "))
}

/// Words that end a measure phrase: verbs and conjunctions.
const STOP: &[&str] = &[
    "run",
    "runs",
    "use",
    "uses",
    "using",
    "used",
    "is",
    "are",
    "was",
    "were",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "to",
    "by",
    "for",
    "with",
    "has",
    "have",
    "say",
    "says",
    "preferred",
    "built",
    "in",
    "from",
];

/// Whether a sentence's subject is "it": it opens with "it" ("It",
/// "It's", "Its"), or with a short prepositional phrase and then "it" ("On
/// Bun it was three times faster").
fn opens_with_it(sentence: &str) -> bool {
    const PREPOSITIONS: [&str; 10] = [
        "on", "in", "with", "for", "under", "behind", "at", "from", "over", "via",
    ];
    let is_it = |w: &str| w.eq_ignore_ascii_case("it") || w.eq_ignore_ascii_case("its");
    let mut words = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    match words.next() {
        Some(w) if is_it(w) => true,
        Some(w) if PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(w)) => {
            words.take(5).any(is_it)
        }
        _ => false,
    }
}

/// The clause of `sentence` holding the byte range `at`.
fn clause(sentence: &str, at: std::ops::Range<usize>) -> (usize, usize) {
    let mut start = 0;
    let mut end = sentence.len();
    for m in CLAUSE_BREAK.find_iter(sentence) {
        if m.end() <= at.start {
            start = m.end();
        } else if m.start() >= at.end {
            end = m.start();
            break;
        }
    }
    (start, end)
}

/// Whether a mention is the thing compared with ("faster than Django").
fn compared(text: &str, m: &Mention) -> bool {
    let from = m.start.saturating_sub(40);
    let from = (from..=m.start)
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(m.start);
    COMPARED.is_match(&text[from..m.start])
}

/// The entity of a number at `at` in the clause `[c_start, c_end)`: the
/// first mention before it (the clause's subject), else the first after it
/// that is not a modifier ("growing Python frameworks"); but when the
/// clause has no name before the figure and says "it" (`pronoun`), none.
fn entity_for(
    mentions: &[Mention],
    text: &str,
    c_start: usize,
    c_end: usize,
    at: usize,
    pronoun: bool,
    multiplier: bool,
) -> Option<String> {
    let mut in_clause = mentions
        .iter()
        .filter(|m| m.start >= c_start && m.end <= c_end && !compared(text, m));
    // "It runs on .NET and it is used by 16,9%": where the clause says
    // "it", a name after a preposition is an object, not what "it" is.
    let object = |m: &Mention| {
        let head = text[..m.start].trim_end();
        let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
        pronoun
            && ["on", "in", "for", "to", "with", "from", "over"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(word))
    };
    let before = in_clause
        .clone()
        .rfind(|m| m.end <= at && !modifier(text, m) && !object(m));
    // "61% of PHP developers use Laravel": the people counted are named
    // by what they write in, the figure is about what they use. Without
    // another name the population's is the subject ("ASP.NET developers
    // (64%) use MVC", "16 million Python developers").
    let used = || {
        in_clause
            .clone()
            .find(|m| m.start >= at && !modifier(text, m) && !population(text, m))
    };
    match before {
        Some(b) if population(text, b) => used().or(Some(b)),
        Some(b) => Some(b),
        // "it is 3x faster than Flask and on par with Node.js": the names
        // after the figure are not what "it" is.
        None if pronoun => None,
        // "Roughly 3x the throughput of Django", "ten times less memory
        // than Spring": the name after a multiplier is what it is
        // measured against.
        None if multiplier => None,
        None => used().or_else(|| in_clause.find(|m| m.start >= at && !modifier(text, m))),
    }
    .map(|m| m.entity.clone())
}

/// A mention that names a population: "PHP developers", "Node.js
/// backends".
fn population(text: &str, m: &Mention) -> bool {
    POPULATION.is_match(&text[m.end..])
}

static POPULATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s+(?:(?:web|backend|back-end|professional|enterprise)\s+)?(?:developers|devs|programmers|engineers|respondents|users|backends)(?-u:\b)",
    )
    .expect("static regex")
});

/// A mention that qualifies a category noun: "Python frameworks", "a
/// node.js framework": the category, not the subject.
pub(crate) fn modifier(text: &str, m: &Mention) -> bool {
    MODIFIED.is_match(&text[m.end..])
}

static MODIFIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s+(?:web\s+|backend\s+|api\s+)?(?:frameworks?|libraries|library|ecosystem)(?-u:\b)",
    )
    .expect("static regex")
});

/// "developers.With Ruby on rails": a sentence glued to the last one.
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z]{2}\.[A-Z][a-z]").expect("static regex"));

/// Where no section names a subject (a discussion thread, a letter),
/// what a sentence naming no one speaks of is what its paragraph spoke of
/// before it: the first name there that is no comparison, modifier or
/// possessive ("Go's Gin is boring in the best way. The binary is 20 MB"
/// is Gin's).
fn paragraph_topic(cx: &Context, block_start: usize, sentence_start: usize) -> Option<String> {
    let text = &cx.doc.text;
    cx.mentions_in(Span::new(block_start, sentence_start))
        .iter()
        .find(|m| {
            let possessive = super::possessive(&text[m.end..]);
            !possessive && !compared(text, m) && !modifier(text, m)
        })
        .map(|m| m.entity.clone())
}

/// The entity a paragraph opens with as its subject, perhaps after a
/// joining word ("Express is still everywhere ... its share slipped from
/// 45% to 41.3%"): what its figures that name nothing are about, before
/// the section's subject (a heading on the language). None when it opens
/// with a pair of names, a comparison, a modifier or a possessive.
fn opening_topic(cx: &Context, block: Span) -> Option<String> {
    const JOINERS: [&str; 6] = ["but", "and", "yet", "still", "also", "however"];
    let text = &cx.doc.text;
    let m = cx.opening_mention(block, &JOINERS)?;
    (!super::possessive(&text[m.end..])
        && !cx.joined_to_next(block, m)
        && !compared(text, m)
        && !modifier(text, m))
    .then(|| m.entity.clone())
}

/// The first mention of a sentence (from `from`, past any glued sentence
/// start before the number at `at`) that is not a comparison or modifier.
fn first_subject(mentions: &[Mention], text: &str, from: usize, at: usize) -> Option<String> {
    let from = GLUED
        .find_iter(&text[from..at])
        .last()
        .map_or(from, |g| from + g.start() + 3);
    mentions
        .iter()
        .find(|m| m.start >= from && !compared(text, m) && !modifier(text, m))
        .map(|m| m.entity.clone())
}

/// A table's row label and column header for the cell at block `i`.
fn labels(cx: &Context, i: usize, row: u32, col: u32) -> (Option<usize>, Option<usize>) {
    let mut label = None;
    let mut header = None;
    let mut last_row = row;
    for j in (i.saturating_sub(400)..i).rev() {
        match cx.doc.blocks[j].kind {
            BlockKind::TableCell { row: r, col: c } => {
                // Rows only shrink walking back; a larger one is another table.
                if r > last_row {
                    break;
                }
                last_row = r;
                if r == row && c == 0 {
                    label = Some(j);
                }
                if r == 0 && c == col {
                    header = Some(j);
                }
                if r == 0 && c == 0 {
                    break;
                }
            }
            BlockKind::Markup => {}
            _ => break,
        }
    }
    (label, header)
}

/// The entity a table cell names. A cell is read like a heading, and a
/// lower-case crate or package name ("warp", "koa") as the name it is:
/// capitalised, since only the capitalised form of an ambiguous name
/// counts in prose.
fn name_in_cell(cx: &Context, text: &str) -> Option<String> {
    let m = &cx.config.matcher;
    if let Some(f) = m.find_in(text, true).first() {
        return Some(m.slug(f).to_string());
    }
    let bare = text.trim_matches(|c: char| matches!(c, '*' | '_' | '`' | '[' | ' '));
    let bare = bare.split([']', '(']).next().unwrap_or(bare);
    let mut chars = bare.chars();
    let first = chars.next()?;
    if !first.is_lowercase() || bare.contains(char::is_whitespace) {
        return None;
    }
    let named: String = first.to_uppercase().chain(chars).collect();
    m.find_in(&named, true)
        .first()
        .map(|f| m.slug(f).to_string())
}

fn table_cell(cx: &Context, i: usize, row: u32, col: u32, out: &mut Vec<Statistic>) {
    if row == 0 || col == 0 {
        return;
    }
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block);
    let numbers = candidates(text);
    if numbers.is_empty() {
        return;
    }
    let (label, header) = labels(cx, i, row, col);
    let cell_text = |j: Option<usize>| j.map(|j| cx.doc.block_text(&cx.doc.blocks[j]));
    let skip = |t: Option<&str>| {
        t.is_some_and(|t| {
            let t = t.to_lowercase();
            LEXICON.table_skip.iter().any(|s| t.contains(s.as_str()))
        })
    };
    if skip(cell_text(label)) || skip(cell_text(header)) {
        return;
    }
    // A table's first column and header row name things the way a heading
    // does: "warp" there is the crate, not the word.
    let mention_in = |j: Option<usize>| name_in_cell(cx, cell_text(j)?);
    let (entity, measure_cell) = match mention_in(label) {
        Some(e) => (Some(e), header),
        None => match mention_in(header) {
            Some(e) => (Some(e), label),
            None => (cx.subject_of(i).map(str::to_string), label),
        },
    };
    // A row about no entity (a legend, a glossary) gives no statistics.
    if entity.is_none() {
        return;
    }
    let measure = cell_text(measure_cell).map(|t| {
        t.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
            .to_string()
    });
    for n in numbers {
        let span = Span::new(
            block.span.start + n.span.start,
            block.span.start + n.span.end,
        );
        out.push(Statistic {
            entity: entity.clone(),
            value: n.value,
            unit: n.unit,
            qualifier: n.qualifier.clone(),
            measure: measure.clone(),
            time: TIME
                .find(&text[n.span.end..])
                .map(|m| m.as_str().to_string()),
            cited: None,
            start: span.start,
            end: span.end,
            quote: quote(cx.doc, span),
            rule: "stat.table".to_string(),
        });
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::Findings;
    use crate::model::{Article, Format, Origin, SourceId};

    /// Runs the whole pipeline over a small article.
    pub(crate) fn run(format: Format, text: &str) -> (String, Findings) {
        let config = crate::Config::builtin().unwrap();
        let article = Article {
            id: SourceId::of_bytes(text.as_bytes()),
            origin: Origin::Stdin,
            format,
            bytes: text.as_bytes().to_vec(),
        };
        let p = crate::process(article, &config);
        (p.document.text, p.findings)
    }

    /// (entity, value, unit, quote, rule) of every statistic of `text`.
    fn stats(format: Format, text: &str) -> Vec<(Option<String>, f64, Unit, String, String)> {
        let (_, f) = run(format, text);
        f.statistics
            .into_iter()
            .map(|s| (s.entity, s.value, s.unit, s.quote, s.rule))
            .collect()
    }

    /// (entity, value) of every statistic of a Markdown text.
    fn entity_values(text: &str) -> Vec<(Option<String>, f64)> {
        stats(Format::Markdown, text)
            .into_iter()
            .map(|s| (s.0, s.1))
            .collect()
    }

    fn e(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn a_thread_reply_speaks_of_what_its_paragraph_named() {
        // No headings, so no section subject. Express is named plainly
        // once (beside Fastify), so the bare "Express" of the second reply
        // is Express too, and the figures of sentences naming no one are
        // their paragraph's (not a possessive's).
        let text = "We moved from Express to Fastify last year.\n\n\
            Express is fine, but it is quiet these days. It still pulls about 30 million downloads a week.\n\n\
            Python's Flask is boring in the best way. The image is 30 MB.\n";
        let found: Vec<(Option<String>, String)> = stats(Format::Markdown, text)
            .into_iter()
            .map(|s| (s.0, s.3))
            .collect();
        assert_eq!(
            found,
            [
                (e("express"), "about 30 million".to_string()),
                (e("flask"), "30 MB".to_string()),
            ]
        );
    }

    #[test]
    fn a_grid_of_scores_gives_no_statistics() {
        let grid = "# Frameworks\n\n\
            | Criterion | Rails | Django |\n|---|---|---|\n\
            | Runtime performance | 2 | 3 |\n| Ecosystem | 5 | 5 |\n\
            | **Weighted total** | **3.9** | **4.0** |\n";
        assert_eq!(entity_values(grid), []);
        // One figure beyond a score's range: the table measures.
        let measured = "# Frameworks\n\n\
            | Framework | Dependencies | Workers |\n|---|---|---|\n\
            | Rails | 3 | 4 |\n| Django | 66 | 4 |\n";
        assert_eq!(
            entity_values(measured),
            [
                (e("rails"), 3.0),
                (e("rails"), 4.0),
                (e("django"), 66.0),
                (e("django"), 4.0)
            ]
        );
    }

    #[test]
    fn a_multiplier_is_not_about_its_baseline() {
        // The names after a multiplier are what it is measured against;
        // the figure is the section's subject's, or its clause's subject.
        let text = "# Frameworks\n\n## FastAPI\n\n\
            - Roughly 3x the throughput of Django in our harness\n\
            - About ten times less memory than our Spring Boot service\n\n\
            Fastify is 2x faster than Express on the same box.\n";
        assert_eq!(
            entity_values(text),
            [
                (e("fastapi"), 3.0),
                (e("fastapi"), 10.0),
                (e("fastify"), 2.0)
            ]
        );
    }

    #[test]
    fn a_sentence_about_it_is_about_the_section_subject() {
        // Bun is named plainly before, so it is a mention; but "On Bun it
        // was ..." and "It was ... written in Go, at ..." speak of "it".
        let text = "# Frameworks\n\n## Hono\n\n\
            It runs on Cloudflare Workers, Bun and Deno.\n\n\
            On Bun it was three times faster than my Express baseline, at roughly 61,000 requests per second.\n\n\
            It was the fastest thing I tested that isn't written in Go, at about 72,000 requests per second.\n";
        assert_eq!(
            entity_values(text),
            [
                (e("hono"), 3.0),
                (e("hono"), 61_000.0),
                (e("hono"), 72_000.0)
            ]
        );
    }

    #[test]
    fn a_baseline_after_a_determiner_is_still_compared() {
        // "compared with our Spring Boot baseline": the figures are the
        // section's, not the baseline's.
        let text = "# Frameworks\n\n## Gin\n\n\
            p99 latency is 40 ms, compared with our Spring Boot 2 baseline.\n";
        let found: Vec<Option<String>> = stats(Format::Markdown, text)
            .into_iter()
            .map(|s| s.0)
            .collect();
        assert_eq!(found, [e("gin")]);
    }

    #[test]
    fn a_name_after_a_preposition_is_not_what_it_is() {
        let text = "# Frameworks\n\n## 6. ASP.NET Core\n\n\
            It runs on .NET and it is used by 16,9% of professional developers.\n";
        assert_eq!(
            stats(Format::Markdown, text),
            [(
                e("aspnet-core"),
                16.9,
                Unit::Percent,
                "16,9%".to_string(),
                "stat.percent".to_string()
            )]
        );
    }

    #[test]
    fn a_fronted_with_phrase_speaks_of_the_it_after_it() {
        let text = "# Frameworks\n\n## 2. NestJS\n\n\
            With close to 70k GitHub stars, it has become the default for Node.js teams.\n";
        assert_eq!(
            stats(Format::Markdown, text),
            [(
                e("nestjs"),
                70_000.0,
                Unit::Count,
                "close to 70k".to_string(),
                "stat.count".to_string()
            )]
        );
    }

    #[test]
    fn prose_numbers_with_units_entities_and_spans() {
        let text = "# Frameworks in review\n\n\
            Laravel powers a large share of PHP sites, and 61% of PHP developers reach for it first. \
            Over 1.5 million websites in Europe run on Laravel today.\n\n\
            Benchmarks show that Fastify is 3 times faster than Express, and nearly 4 out of 5 \
            teams keep it. A FastAPI worker idles at 12 MB of memory.\n";
        let got = stats(Format::Markdown, text);
        assert_eq!(
            got,
            vec![
                (
                    e("php"),
                    61.0,
                    Unit::Percent,
                    "61%".into(),
                    "stat.percent".into()
                ),
                (
                    e("laravel"),
                    1_500_000.0,
                    Unit::Count,
                    "Over 1.5 million".into(),
                    "stat.count".into()
                ),
                (
                    e("fastify"),
                    3.0,
                    Unit::Multiplier,
                    "3 times".into(),
                    "stat.multiplier".into()
                ),
                (
                    e("fastify"),
                    0.8,
                    Unit::Ratio,
                    "nearly 4 out of 5".into(),
                    "stat.ratio".into()
                ),
                (
                    e("fastapi"),
                    12.0 * 1024.0 * 1024.0,
                    Unit::Bytes,
                    "12 MB".into(),
                    "stat.bytes".into()
                ),
            ]
        );
    }

    #[test]
    fn measure_time_qualifier_and_source_are_kept() {
        let text = "# Rust\n\nAccording to SlashData Research, the Rust community grew to about 3.7 million developers by mid 2024, a big jump.\n";
        let (doc, f) = run(Format::Markdown, text);
        let s = &f.statistics[0];
        assert_eq!(f.statistics.len(), 1, "{:?}", f.statistics);
        assert_eq!(s.entity.as_deref(), Some("rust"));
        assert_eq!((s.value, s.unit), (3_700_000.0, Unit::Count));
        assert_eq!(s.qualifier.as_deref(), Some("about"));
        assert_eq!(s.measure.as_deref(), Some("developers"));
        assert_eq!(s.time.as_deref(), Some("by mid 2024"));
        assert_eq!(s.cited.as_deref(), Some("SlashData Research"));
        assert_eq!(&doc[s.start..s.end], s.quote);
        assert_eq!(s.quote, "about 3.7 million");
    }

    #[test]
    fn not_statistics_years_versions_ranks_steps_and_code() {
        let text = "# Top 9 Frameworks for 2024\n\n\
            In 2024 we compare the top 9 backend frameworks in 3 steps, with two options each.\n\n\
            Django 4.2 shipped in April 2023 and version 5 followed; it takes 11 mins to read this.\n\n\
            1. Django is the first pick for many teams\n\n\
            ```\nlet users = 40000; // 40,000 users\n```\n\n\
            This framework is 100% focused on the developer experience.\n";
        assert_eq!(stats(Format::Markdown, text), vec![]);
    }

    #[test]
    fn a_comparison_is_not_the_subject_and_a_clause_picks_its_own() {
        let text = "# Backends\n\n\
            Gin is 40 times faster than Martini. \
            The Java community is huge, with a survey revealing that 70% of respondents preferred Spring Boot.\n";
        let got = entity_values(text);
        assert_eq!(got, vec![(e("gin"), 40.0), (e("spring-boot"), 70.0)]);
    }

    #[test]
    fn a_population_names_who_is_counted_not_what_they_use() {
        let text = "# Surveys\n\n\
            In one survey, 42% of PHP developers said they use Symfony.\n\n\
            Ruby developers (58%) use Sinatra for small services.\n\n\
            There are 9 million Java developers.\n\n\
            Now 38% of Python web developers use Sanic.\n";
        let got = entity_values(text);
        assert_eq!(
            got,
            vec![
                (e("symfony"), 42.0),
                (e("sinatra"), 58.0),
                (e("java"), 9_000_000.0),
                (e("sanic"), 38.0)
            ]
        );
    }

    #[test]
    fn it_before_the_figure_is_the_section_subject() {
        let text = "# Frameworks\n\n## Hapi\n\n\
            Benchmarks say it is 3x faster than Express and on par with Fastify.\n";
        let got = entity_values(text);
        assert_eq!(got, vec![(e("hapi"), 3.0)]);
    }

    #[test]
    fn a_paragraph_opened_by_an_entity_owns_its_figures_that_name_nothing() {
        // Under a heading on the language, the framework the paragraph
        // opens with; a paragraph opened by a pair keeps the section's.
        let text = "# Survey\n\n## JavaScript\n\n\
            Koa is still around. Its share slipped from 12% to 9% in two years.\n\n\
            Hapi and Koa are both mature. Together they hold 14% of the sample.\n";
        let got = entity_values(text);
        assert_eq!(
            got,
            vec![(e("koa"), 12.0), (e("koa"), 9.0), (e("javascript"), 14.0)]
        );
    }

    #[test]
    fn the_nearest_name_before_wins_but_not_a_replaced_one_or_a_category() {
        let text = "# Backends\n\n\
            Hapi is a Node.js framework built as a replacement of Express with 30% fewer dependencies.\n\n\
            It is written in Python\nFlask is small\nCurrently used by 40,000 websites\n";
        let got = entity_values(text);
        assert_eq!(got, vec![(e("hapi"), 30.0), (e("flask"), 40000.0)]);
    }

    #[test]
    fn a_markdown_table_row_gives_its_entity_every_figure() {
        let text = "# Rust web frameworks\n\n\
            The numbers below come from crates.io and GitHub.\n\n\
            | crate | Version | Downloads | GitHub stars | Issues |\n\
            | --- | --- | --- | --- | --- |\n\
            | [axum](https://crates.io/crates/axum) | 0.4.5 | 1,82,472 | ~3.6k | [36](https://github.com/tokio-rs/axum/issues/2) |\n\
            | warp | 0.3.2 | 7.170.825 | 6k | 24 |\n";
        let got = stats(Format::Markdown, text);
        let want = vec![
            (
                e("axum"),
                182_472.0,
                Unit::Count,
                "1,82,472".into(),
                "stat.table".into(),
            ),
            (
                e("axum"),
                3600.0,
                Unit::Count,
                "~3.6k".into(),
                "stat.table".into(),
            ),
            (
                e("axum"),
                36.0,
                Unit::Count,
                "36".into(),
                "stat.table".into(),
            ),
            (
                e("warp"),
                7_170_825.0,
                Unit::Count,
                "7.170.825".into(),
                "stat.table".into(),
            ),
            (
                e("warp"),
                6000.0,
                Unit::Count,
                "6k".into(),
                "stat.table".into(),
            ),
            (
                e("warp"),
                24.0,
                Unit::Count,
                "24".into(),
                "stat.table".into(),
            ),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_key_value_table_takes_its_section_subject() {
        let text = "# Node frameworks\n\n## Koa\n\nKoa is small and modern.\n\n\
            | [https://koajs.com/](https://koajs.com/) | |\n\
            |---|---|\n\
            | **Version** | 2.6.2 |\n\
            | **Github stars** | 24.170 / up ~27% in 2018 |\n\
            | **NPM audit** | 0 |\n";
        let got: Vec<_> = stats(Format::Markdown, text)
            .into_iter()
            .map(|s| (s.0, s.1, s.2))
            .collect();
        assert_eq!(
            got,
            vec![
                (e("koa"), 24_170.0, Unit::Count),
                (e("koa"), 27.0, Unit::Percent),
                (e("koa"), 0.0, Unit::Count),
            ]
        );
    }

    #[test]
    fn an_html_table_row_gives_its_entity_every_figure() {
        let html = "<html><head><title>Python frameworks compared</title></head><body><main>\
            <h1>Python frameworks compared</h1>\
            <p>We counted the stars and weekly downloads of each Python framework in March.</p>\
            <table><thead><tr><th>Framework</th><th>Stars</th><th>Weekly downloads</th></tr></thead>\
            <tbody><tr><td>Django</td><td>78,000</td><td>2.1 million</td></tr>\
            <tr><td>Flask</td><td>~66k</td><td>5,134,720</td></tr></tbody></table>\
            </main></body></html>";
        let got: Vec<_> = stats(Format::Html, html)
            .into_iter()
            .map(|s| (s.0, s.1, s.4))
            .collect();
        assert_eq!(
            got,
            vec![
                (e("django"), 78_000.0, "stat.table".to_string()),
                (e("django"), 2_100_000.0, "stat.table".to_string()),
                (e("flask"), 66_000.0, "stat.table".to_string()),
                (e("flask"), 5_134_720.0, "stat.table".to_string()),
            ]
        );
    }

    #[test]
    fn modifiers_are_not_subjects() {
        let text = "# Reflex\n\nReflex is new, however with 20k stars on GitHub it is one of the fastest growing Python frameworks.\n";
        let s = stats(Format::Markdown, text);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].0.as_deref(), Some("reflex"));
    }

    #[test]
    fn the_lexicon_rejects_a_bad_entry() {
        assert!(Lexicon::parse(BUILTIN).is_ok());
        let bad = [
            "measure_nouns = [\"Developers\"]\ntable_skip = []",
            "measure_nouns = [\"web sites\"]\ntable_skip = []",
            "measure_nouns = [\"stars\", \"stars\"]\ntable_skip = []",
            "measure_nouns = []\ntable_skip = [\" \"]",
            "measure_nouns = []\ntable_skip = []\nunknown = 1",
        ];
        for b in bad {
            assert!(Lexicon::parse(b).is_err(), "{b}");
        }
    }
}
