//! Cleaning: decides which blocks are article content and, for every
//! dropped block, which rule dropped it.
//!
//! Rules are data (`data/boilerplate.toml`, see [`rules`]): pattern rules
//! match one block's text, zones take a run of blocks from a marker on
//! (an author box or a contact form to the end of the page). A few rules
//! look at a block's neighbours and are code ([`structure`]): a repeat of
//! the title, an image's alt text left next to a heading, a heading whose
//! whole section was boilerplate. The order is: what the parser dropped,
//! zones, pattern rules (capturing metadata), then neighbour rules.
//!
//! ```
//! use roundup::clean::{clean, Rules};
//! let doc = roundup::parse::text::parse(
//!     "Top Backend Frameworks\n9 min read\nDjango is a Python framework.\n".to_string(),
//! );
//! let cleaned = clean(&doc, &Rules::builtin());
//! assert_eq!(cleaned.reason(1), Some("boilerplate.reading-time"));
//! assert_eq!(cleaned.meta.reading_minutes, Some(9));
//! assert!(cleaned.keep[2]);
//! ```

mod meta;
mod rules;
mod structure;

use crate::error::{Error, Result};
use crate::model::{BlockKind, Cleaned, Document, Dropped, Meta};
use rules::{Capture, Compiled};
use std::path::Path;
use std::sync::Arc;

/// The boilerplate rules, compiled once; cheap to clone.
#[derive(Debug, Clone)]
pub struct Rules {
    compiled: Arc<Compiled>,
}

impl Rules {
    /// The rules compiled into roundup (`data/boilerplate.toml`).
    pub fn builtin() -> Rules {
        Rules {
            compiled: rules::builtin(),
        }
    }

    /// The built-in rules plus the user's own file (same shape), whose
    /// rules are tried first. A bad file is an [`Error::Rules`] naming the
    /// rule that is wrong.
    pub fn with_user_file(path: &Path) -> Result<Rules> {
        let source = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Rules::with_user_source(&path.display().to_string(), &source)
    }

    /// Like [`Rules::with_user_file`], from the file's text; `origin` names
    /// it in errors.
    pub fn with_user_source(origin: &str, source: &str) -> Result<Rules> {
        Ok(Rules {
            compiled: Arc::new(rules::with_user(origin, source)?),
        })
    }

    /// Every rule and zone id with the sentence that says why it drops,
    /// in the order they are tried.
    pub fn describe(&self) -> Vec<(&str, &str)> {
        let c = &self.compiled;
        let zones = c.zones.iter().map(|z| (&*z.id, z.why.as_str()));
        let rules = c.rules.iter().map(|r| (&*r.id, r.why.as_str()));
        zones
            .chain(rules)
            .chain(structure::NEIGHBOUR_RULES)
            .collect()
    }
}

/// Which blocks are dropped so far, and by which rule.
pub(crate) struct Verdict {
    reason: Vec<Option<Arc<str>>>,
    /// Blocks the parser dropped (page chrome), as opposed to the rules.
    by_parser: Vec<bool>,
    /// Where the tail of the article starts (see [`tail_start`]), worked
    /// out once for the rules that only look there.
    tail_from: usize,
}

impl Verdict {
    fn kept(&self, i: usize) -> bool {
        self.reason.get(i).is_some_and(Option::is_none)
    }

    fn reason(&self, i: usize) -> Option<&str> {
        self.reason.get(i).and_then(|r| r.as_deref())
    }

    /// Drops block `i` unless something already did.
    fn drop(&mut self, i: usize, rule: &Arc<str>) {
        if let Some(slot @ None) = self.reason.get_mut(i) {
            *slot = Some(Arc::clone(rule));
        }
    }
}

/// Cleans a document: every block is kept unless a rule drops it.
pub fn clean(doc: &Document, rules: &Rules) -> Cleaned {
    let c = &*rules.compiled;
    let mut by_parser = vec![false; doc.blocks.len()];
    for d in &doc.dropped {
        if let Some(p) = by_parser.get_mut(d.block) {
            *p = true;
        }
    }
    let mut verdict = Verdict {
        reason: vec![None; doc.blocks.len()],
        tail_from: tail_start(doc, &by_parser, c),
        by_parser,
    };
    for d in &doc.dropped {
        verdict.drop(d.block, &Arc::from(d.rule.as_str()));
    }
    structure::zones(doc, c, &mut verdict);
    let meta = patterns(doc, c, &mut verdict);
    structure::neighbours(doc, c, &mut verdict);

    let keep: Vec<bool> = (0..doc.blocks.len()).map(|i| verdict.kept(i)).collect();
    let dropped = (0..doc.blocks.len())
        .filter_map(|i| {
            verdict.reason(i).map(|rule| Dropped {
                block: i,
                rule: rule.to_string(),
            })
        })
        .collect();
    Cleaned {
        keep,
        dropped,
        meta,
    }
}

/// Runs the pattern rules: drops each kept block the first matching rule
/// names, and captures metadata from every matching capture rule, also on
/// blocks a zone already dropped (a byline inside a contact block).
fn patterns(doc: &Document, c: &Compiled, verdict: &mut Verdict) -> Meta {
    let mut meta = Meta::default();
    let tail_from = verdict.tail_from;
    for (i, block) in doc.blocks.iter().enumerate() {
        let kept = verdict.kept(i);
        let zoned = !kept && !verdict.by_parser[i];
        if !kept && !zoned {
            continue;
        }
        let text = doc.block_text(block);
        let words = text.split_whitespace().count();
        let hits = c.hits(text);
        let (head, in_tail) = (i < c.settings.head_blocks, block.span.start >= tail_from);
        for (r, rule) in c.rules.iter().enumerate() {
            if !rule.applies(block.kind, words, head, in_tail) || !hits.matched(r, rule) {
                continue;
            }
            if let Some(capture) = rule.capture {
                capture_into(&mut meta, capture, rule, text, head);
            }
            if kept {
                verdict.drop(i, &rule.id);
                break;
            }
        }
        if verdict.kept(i) && block.kind == BlockKind::Paragraph {
            if let Some(id) = stacked_lines(c, text, head, in_tail, &mut meta) {
                verdict.drop(i, &id);
            }
        }
    }
    meta
}

/// The most words a line of a stacked paragraph has.
const STACKED_LINE_WORDS: usize = 8;

/// A paragraph of short lines stacked without blank lines between them,
/// judged line by line: Markdown joins such lines into one paragraph
/// ("Posted by: Jane Doe", "Published on: May 2, 2025", "12 Min Read"
/// under the title; a form's fields), so no rule matches the whole. When
/// every line is boilerplate by a pattern rule, or starts or continues a
/// zone, the paragraph is dropped with its first line's rule, and the
/// lines' metadata are captured; one line of content keeps it all.
fn stacked_lines(
    c: &Compiled,
    text: &str,
    head: bool,
    in_tail: bool,
    meta: &mut Meta,
) -> Option<Arc<str>> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2
        || lines
            .iter()
            .any(|l| l.split_whitespace().nth(STACKED_LINE_WORDS).is_some())
    {
        return None;
    }
    let kind = BlockKind::Paragraph;
    let mut first: Option<Arc<str>> = None;
    let mut captures = Vec::new();
    let mut zone: Option<&rules::Zone> = None;
    for line in lines {
        let words = line.split_whitespace().count();
        let starts = c.zone_at(line, kind, in_tail);
        let goes_on = zone.filter(|z| z.goes_on(kind, || words, || starts));
        let id = if let Some(z) = goes_on.or(starts) {
            zone = Some(z);
            z.id.clone()
        } else {
            zone = None;
            let hits = c.hits(line);
            let (r, rule) = c.rules.iter().enumerate().find(|(r, rule)| {
                rule.applies(kind, words, head, in_tail) && hits.matched(*r, rule)
            })?;
            if let Some(capture) = rule.capture {
                captures.push((capture, r, line));
            }
            rule.id.clone()
        };
        first.get_or_insert(id);
    }
    for (capture, r, line) in captures {
        capture_into(meta, capture, &c.rules[r], line, head);
    }
    first
}

/// Fills one field of `meta` from a dropped block, first find wins. Dates
/// count only near the start: further down they date something else.
fn capture_into(meta: &mut Meta, capture: Capture, rule: &rules::Rule, text: &str, head: bool) {
    match capture {
        Capture::Published if head && meta.published.is_none() => {
            meta.published = crate::dates::human_date(text);
        }
        Capture::ReadingMinutes if meta.reading_minutes.is_none() => {
            meta.reading_minutes = meta::minutes(text);
        }
        Capture::Author if meta.author.is_none() => {
            meta.author = rule
                .capture_patterns
                .iter()
                .find_map(|re| re.captures(text)?.name("name"))
                .map(|m| m.as_str().trim().to_string());
        }
        _ => {}
    }
}

/// The byte offset where the tail of the article starts: a fraction of
/// the stretch of text the parser kept. For HTML the document text also
/// holds the page chrome (dropped by the parser), which must not move the
/// tail into the footer.
fn tail_start(doc: &Document, by_parser: &[bool], c: &Compiled) -> usize {
    let mut kept = doc
        .blocks
        .iter()
        .zip(by_parser)
        .filter(|(_, &dropped)| !dropped)
        .map(|(b, _)| b.span);
    let Some(first) = kept.next() else {
        return doc.text.len();
    };
    let last = kept.next_back().unwrap_or(first);
    let (start, end) = (first.start, last.end);
    start + ((end - start) as f64 * c.settings.tail_start) as usize
}

#[cfg(test)]
mod tests;
