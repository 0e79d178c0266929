//! The rules that look beyond one block: zones (a marker and what follows
//! it) and neighbour rules, whose ids are stable like the data rules':
//!
//! - `boilerplate.duplicate-title`: the title again, as a line of its own;
//! - `boilerplate.image-caption`: a line repeating the heading of the
//!   section it closes, or a short unpunctuated line just before a heading
//!   (an image's alt text or caption left in the text);
//! - `boilerplate.running-header`: a line of five or more words that
//!   recurs word for word three or more times, in parts cut by a
//!   separator (a report's running header or footer, printed on every
//!   page);
//! - a heading in the tail whose whole section was dropped as promotion,
//!   contact or follow-me boilerplate goes with it, under the rule that
//!   dropped its first block.

use super::rules::Compiled;
use super::Verdict;
use crate::model::{BlockKind, Document};
use std::sync::Arc;

/// Drops the zones: from a start marker in the tail to the end, or over
/// the short blocks that follow it.
pub(super) fn zones(doc: &Document, c: &Compiled, verdict: &mut Verdict) {
    let tail_from = verdict.tail_from;
    let n = doc.blocks.len();
    // The zone block `i` starts, if any.
    let starts = |verdict: &Verdict, i: usize| {
        let block = &doc.blocks[i];
        verdict
            .kept(i)
            .then(|| {
                c.zone_at(
                    doc.block_text(block),
                    block.kind,
                    block.span.start >= tail_from,
                )
            })
            .flatten()
    };
    let mut i = 0;
    while i < n {
        let Some(zone) = starts(verdict, i) else {
            i += 1;
            continue;
        };
        verdict.drop(i, &zone.id);
        i += 1;
        while i < n {
            let b = &doc.blocks[i];
            let fits = zone.goes_on(
                b.kind,
                || doc.block_text(b).split_whitespace().count(),
                || starts(verdict, i),
            );
            if !fits {
                break;
            }
            verdict.drop(i, &zone.id);
            i += 1;
        }
    }
}

/// Lower-case words, for comparing a line with a heading.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The rules written in code, with why they drop (ids and reasons for
/// `roundup rules`).
pub(super) const NEIGHBOUR_RULES: [(&str, &str); 3] = [
    (
        "boilerplate.duplicate-title",
        "The title repeated as a line of its own.",
    ),
    (
        "boilerplate.image-caption",
        "Alt text left in the text: a line repeating the current section's heading, or a short unpunctuated line between prose and a heading.",
    ),
    (
        "boilerplate.running-header",
        "A line printed on every page: a line of five or more words, in parts cut by a separator, that recurs word for word three or more times.",
    ),
];

/// How often a paragraph must recur to be a running header or footer.
const RUNNING_MIN_REPEATS: usize = 3;
/// The fewest words of a running header: shorter repeats ("Read more",
/// "Pros:", "Skip it if") are left to the rules that know them.
const RUNNING_MIN_WORDS: usize = 5;

/// Drops the paragraphs printed on every page of a report: the same text
/// of some words, three times or more, cut in parts by a separator
/// ("Acme Digital | Field notes 2026") and no sentence. A label that
/// recurs ("Pros and cons:") ends with a colon, is short or is set in
/// bold, and stays; so does a recipe card's line that a page repeats
/// ("Eat 60-90 minutes before your workout"), which has no separator.
fn running_headers(doc: &Document, verdict: &mut Verdict) {
    let rule: Arc<str> = Arc::from(NEIGHBOUR_RULES[2].0);
    let mut seen: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let text = doc.block_text(block).trim();
        // Plain text makes a short line a heading: so may a header be.
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. })
            || !verdict.kept(i)
            || text.ends_with([':', '?', '.', '!'])
            || (text.starts_with("**") && text.ends_with("**"))
            || ![" | ", " · ", " • ", " — ", " – "]
                .iter()
                .any(|s| text.contains(s))
            || text.split_whitespace().nth(RUNNING_MIN_WORDS - 1).is_none()
        {
            continue;
        }
        seen.entry(text).or_default().push(i);
    }
    let mut repeated: Vec<usize> = seen
        .into_values()
        .filter(|at| at.len() >= RUNNING_MIN_REPEATS)
        .flatten()
        .collect();
    repeated.sort_unstable();
    for i in repeated {
        verdict.drop(i, &rule);
    }
}

/// The neighbour rules, in order: duplicate title, captions, sections.
pub(super) fn neighbours(doc: &Document, c: &Compiled, verdict: &mut Verdict) {
    let duplicate_title: Arc<str> = Arc::from(NEIGHBOUR_RULES[0].0);
    let caption: Arc<str> = Arc::from(NEIGHBOUR_RULES[1].0);
    running_headers(doc, verdict);
    let blocks = &doc.blocks;
    let prose = |k: BlockKind| matches!(k, BlockKind::Paragraph | BlockKind::Heading { .. });

    let title = blocks
        .iter()
        .position(|b| b.kind == BlockKind::Title)
        .map(|t| words(doc.block_text(&blocks[t])));
    // The current section's heading: its words and where it is.
    let mut heading: Option<(Vec<String>, usize)> = None;
    for (i, block) in blocks.iter().enumerate() {
        if !verdict.kept(i) || !prose(block.kind) {
            if block.kind == BlockKind::Title {
                heading = None;
            }
            continue;
        }
        let w = words(doc.block_text(block));
        if title.as_ref() == Some(&w) {
            verdict.drop(i, &duplicate_title);
            continue;
        }
        // Only a paragraph: a heading written again is the author's.
        let repeat = heading
            .as_ref()
            .is_some_and(|(h, at)| *h == w && i > at + 1);
        if repeat && block.kind == BlockKind::Paragraph {
            verdict.drop(i, &caption);
            continue;
        }
        if block.kind.is_heading() {
            heading = Some((w, i));
        } else if is_caption_before_heading(doc, c, i) {
            verdict.drop(i, &caption);
        }
    }
    section_headings(doc, c, verdict);
}

/// A short paragraph without end punctuation between content and a
/// heading: the alt text or caption of an image placed before the heading.
fn is_caption_before_heading(doc: &Document, c: &Compiled, i: usize) -> bool {
    let blocks = &doc.blocks;
    let text = doc.block_text(&blocks[i]);
    let before_heading = blocks
        .get(i + 1)
        .is_some_and(|b| matches!(b.kind, BlockKind::Heading { .. }));
    // After prose, not after another short line: a run of short lines is
    // a list without bullets (company names), not a caption.
    let after_prose = i
        .checked_sub(1)
        .and_then(|p| blocks.get(p))
        .is_some_and(|b| {
            let t = doc.block_text(b);
            !b.kind.is_heading()
                && (t.split_whitespace().count() > c.settings.caption_max_words
                    || t.trim_end().ends_with(['.', '!', '?', ':']))
        });
    let last = text.chars().last().unwrap_or('.');
    // "Used by: Reddit, Lyft" or "Companies using Gin: Alibaba, Tencent"
    // is a label and its items, the shape of content, not of alt text.
    let labelled = text
        .split_once(": ")
        .is_some_and(|(label, rest)| !label.is_empty() && !rest.trim().is_empty());
    blocks[i].kind == BlockKind::Paragraph
        && !labelled
        && before_heading
        && after_prose
        && text.split_whitespace().count() <= c.settings.caption_max_words
        && !".!?:;,)]>*_`\"”’".contains(last)
        && !text.starts_with(['[', '!', '<', '`', '*', '_', '>'])
}

/// Drops a heading in the tail whose section (up to the next heading) is
/// not empty and was entirely dropped by the settings' section rules.
fn section_headings(doc: &Document, c: &Compiled, verdict: &mut Verdict) {
    let tail_from = verdict.tail_from;
    let blocks = &doc.blocks;
    for h in (0..blocks.len()).rev() {
        let b = &blocks[h];
        let keep_heading = c
            .settings
            .section_keep
            .as_ref()
            .is_some_and(|k| k.is_match(doc.block_text(b)));
        if !matches!(b.kind, BlockKind::Heading { .. })
            || !verdict.kept(h)
            || b.span.start < tail_from
            || keep_heading
        {
            continue;
        }
        let end = (h + 1..blocks.len())
            .find(|&j| blocks[j].kind.is_heading() && verdict.kept(j))
            .unwrap_or(blocks.len());
        if end == h + 1 {
            continue;
        }
        let all_boilerplate = (h + 1..end).all(|j| {
            verdict
                .reason(j)
                .is_some_and(|r| c.settings.section_rules.iter().any(|s| s == r))
        });
        if all_boilerplate {
            if let Some(rule) = verdict.reason(h + 1).map(Arc::<str>::from) {
                verdict.drop(h, &rule);
            }
        }
    }
}
