//! Plain text: one block per non-blank line, with headings, list items and
//! the title recognised from the text itself, since there is no markup.
//!
//! A line is a heading when it is shaped like one (short, starts with a
//! capital or a digit, no sentence punctuation at the end, no second
//! sentence inside) and it introduces content: the next line is a list
//! item, a sentence, or another heading that introduces content. Numbered
//! lines ("4. Golang") are headings when a body follows and list items when
//! another numbered line does; lines ending in a colon are headings when
//! they are title-cased labels ("Top Frameworks:"), questions when short.
//! Two kinds of heading-shaped line are not headings: a repeat of the
//! section's own heading (left by an image), and a stray line between two
//! headings of one series (an image's alt text) — cleaning drops both.
//!
//! Levels come from the heading's style: the first style seen at the top is
//! level 2 (the title is 1), a heading right under another heading is one
//! level deeper, a style seen before returns to its level; role headings
//! ("Advantages of Django", "Features") sit one level under the heading
//! they belong to, and a numbered run under a role heading one under that.
//!
//! ```
//! use roundup::model::BlockKind;
//! let doc = roundup::parse::text::parse(
//!     "Top Backend Frameworks\n1. Django\nDjango is a web framework.\nFeatures\n- ORM\n".to_string(),
//! );
//! let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
//! assert_eq!(kinds, [
//!     BlockKind::Title,
//!     BlockKind::Heading { level: 2 },
//!     BlockKind::Paragraph,
//!     BlockKind::Heading { level: 3 },
//!     BlockKind::ListItem { depth: 1 },
//! ]);
//! assert_eq!(doc.block_text(&doc.blocks[4]), "ORM");
//! ```

use crate::model::{Block, BlockKind, Document, Meta, Span};

/// Parses plain text; spans index the input itself.
pub fn parse(text: String) -> Document {
    let lines = lines(&text);
    let kinds = classify(&text, &lines);
    let tables = tables(&text, &lines);
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len());
    for (k, (line, &kind)) in lines.iter().zip(&kinds).enumerate() {
        match tables.get(&k) {
            // The rule is markup, as a Markdown table's delimiter row is.
            Some(Row::Rule) => blocks.push(Block {
                kind: BlockKind::Markup,
                span: line.line,
            }),
            Some(Row::Cells(row, cells)) => {
                for (col, &span) in cells.iter().enumerate() {
                    blocks.push(Block {
                        kind: BlockKind::TableCell {
                            row: *row,
                            col: col as u32,
                        },
                        span,
                    });
                }
            }
            None => blocks.push(Block {
                kind,
                // A numbered heading keeps its number, as "## 4. Golang"
                // does in Markdown: the number is part of what the heading
                // says.
                span: match (kind, line.marker) {
                    (BlockKind::Heading { .. }, Marker::Numbered(_)) => line.line,
                    _ => line.body,
                },
            }),
        }
    }
    let title = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .map(|b| text[b.span.range()].to_string());
    Document {
        meta: Meta {
            title,
            ..Meta::default()
        },
        text,
        blocks,
        dropped: Vec::new(),
    }
}

/// A line of a table laid out with spaces: its rule, or its row number
/// and cells.
enum Row {
    Rule,
    Cells(u32, Vec<Span>),
}

/// The tables laid out with spaces, by line index:
///
/// ```text
///   Framework      Req/s     Idle memory
///   ------------   -------   -----------
///   Django         1,850     68 MB
/// ```
///
/// A rule of two or more runs of dashes (or `=`) apart by spaces, a header
/// line right above it, and the lines right below it, each split at runs
/// of two or more spaces into as many cells as the rule has runs. The
/// header is row 0. The rule is a markup block; a line that splits
/// otherwise ends the table.
fn tables(text: &str, lines: &[Line]) -> std::collections::HashMap<usize, Row> {
    let mut out = std::collections::HashMap::new();
    for k in 1..lines.len() {
        let rule = &text[lines[k].line.range()];
        // Most lines open with no dash: settled by one byte.
        if !rule.starts_with(['-', '=']) {
            continue;
        }
        let Some(columns) = rule_columns(rule) else {
            continue;
        };
        let Some(header) = cells(text, lines[k - 1].line, columns) else {
            continue;
        };
        if out.contains_key(&(k - 1)) {
            continue;
        }
        out.insert(k - 1, Row::Cells(0, header));
        out.insert(k, Row::Rule);
        for (row, (j, line)) in (1..).zip(lines.iter().enumerate().skip(k + 1)) {
            // The rows are the lines right below, with no blank line.
            let gap = &text[lines[j - 1].line.end..line.line.start];
            if gap.matches('\n').count() > 1 {
                break;
            }
            let Some(found) = cells(text, line.line, columns) else {
                break;
            };
            out.insert(j, Row::Cells(row, found));
        }
    }
    out
}

/// How many columns a table rule draws: runs of three or more `-` (or
/// `=`) apart by white space, two or more of them, and nothing else.
fn rule_columns(line: &str) -> Option<usize> {
    let runs: Vec<&str> = line.split_whitespace().collect();
    let rule =
        |r: &&str| r.len() >= 3 && (r.bytes().all(|b| b == b'-') || r.bytes().all(|b| b == b'='));
    (runs.len() >= 2 && runs.iter().all(rule)).then_some(runs.len())
}

/// The cells of a table line: its text split at runs of two or more
/// spaces, when that gives exactly `columns` of them.
fn cells(text: &str, line: Span, columns: usize) -> Option<Vec<Span>> {
    let s = &text[line.range()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    let bytes = s.as_bytes();
    while at < bytes.len() {
        if bytes[at] == b' ' && bytes.get(at + 1) == Some(&b' ') {
            out.push(Span::new(line.start + start, line.start + at));
            while at < bytes.len() && bytes[at] == b' ' {
                at += 1;
            }
            start = at;
            continue;
        }
        if bytes[at] == b'\t' {
            return None;
        }
        at += 1;
    }
    out.push(Span::new(line.start + start, line.start + bytes.len()));
    (out.len() == columns).then_some(out)
}

/// How a line starts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    None,
    /// `- `, `* `, `• `...; the indent is in bytes.
    Bullet {
        indent: usize,
    },
    /// `4. ` or `4) `.
    Numbered(u32),
    /// `> `.
    Quote,
}

/// One non-blank line: its trimmed extent and its body (the text after a
/// list or quote marker).
#[derive(Debug, Clone, Copy)]
struct Line {
    line: Span,
    body: Span,
    marker: Marker,
}

const BULLETS: [&str; 7] = ["- ", "* ", "• ", "◦ ", "▪ ", "· ", "‣ "];

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let indent = raw.len() - raw.trim_start().len();
            let start = pos + indent;
            let (marker, skip) = marker(trimmed, indent);
            let body = trimmed[skip..].trim_start();
            let body_start = start + (trimmed.len() - body.len());
            out.push(Line {
                line: Span::new(start, start + trimmed.len()),
                body: Span::new(body_start, start + trimmed.len()),
                marker,
            });
        }
        pos += raw.len();
    }
    out
}

/// The line's marker and how many bytes it takes. A marker with nothing
/// after it ("-" alone) is no marker: the line is left as it is.
fn marker(line: &str, indent: usize) -> (Marker, usize) {
    if let Some(b) = BULLETS.iter().find(|b| line.starts_with(**b)) {
        return (Marker::Bullet { indent }, b.len());
    }
    if let Some(rest) = line.strip_prefix("> ") {
        if !rest.trim().is_empty() {
            return (Marker::Quote, 2);
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            if let Ok(n) = line[..digits].parse() {
                return (Marker::Numbered(n), digits + 2);
            }
        }
    }
    (Marker::None, 0)
}

/// The style of a heading, which decides its level.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    Numbered,
    Question,
    Colon,
    /// "Django – Python Framework", "Python ~ Flask".
    Dash,
    Plain,
    /// Announces a role of the section above: pros, cons, features, users.
    Role,
}

/// Words that, first or last in a short heading, make it a role heading.
const ROLE_WORDS: [&str; 17] = [
    "advantages",
    "disadvantages",
    "pros",
    "cons",
    "benefits",
    "drawbacks",
    "limitations",
    "features",
    "strengths",
    "weaknesses",
    "downsides",
    "shortcomings",
    "statistics",
    "facts",
    "applications",
    "users",
    "examples",
];

/// Small words a title-cased line leaves in lower case.
const SMALL_WORDS: [&str; 22] = [
    "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "with", "by", "at", "from", "vs",
    "vs.", "as", "is", "are", "using", "into", "your",
];

const MONTHS: [&str; 24] = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Section names that open an article without being its title.
const GENERIC_OPENERS: [&str; 8] = [
    "quick summary",
    "summary",
    "key takeaways",
    "tl;dr",
    "table of contents",
    "contents",
    "in this article",
    "overview",
];

struct Features<'t> {
    text: &'t str,
    words: usize,
}

impl<'t> Features<'t> {
    fn of(text: &'t str) -> Self {
        Features {
            text,
            words: text.split_whitespace().count(),
        }
    }

    fn last_char(&self) -> char {
        self.text
            .trim_end_matches(['"', '\'', '”', '’', ')', '*'])
            .chars()
            .last()
            .unwrap_or(' ')
    }

    /// Ends like a sentence or a clause, not like a heading.
    fn ends_like_sentence(&self) -> bool {
        matches!(self.last_char(), '.' | ',' | ';' | '!' | '…')
    }

    fn starts_upper_or_digit(&self) -> bool {
        self.text
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    /// ". " followed by a capital: two sentences, so not a heading.
    fn has_second_sentence(&self) -> bool {
        let t = self.text;
        t.match_indices(". ")
            .any(|(i, _)| t[i + 2..].chars().next().is_some_and(|c| c.is_uppercase()))
    }

    /// Every word is a number or a month name: a date or a reading time.
    fn is_date_like(&self) -> bool {
        self.text.split_whitespace().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            w.is_empty()
                || w.chars().all(|c| c.is_ascii_digit())
                || MONTHS.contains(&w.as_str())
                || w.trim_end_matches(|c: char| c.is_alphabetic())
                    .parse::<u32>()
                    .is_ok()
                || ["min", "mins", "minutes", "read"].contains(&w.as_str())
        })
    }

    fn title_cased(&self) -> bool {
        let words: Vec<&str> = self
            .text
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
            .collect();
        !words.is_empty()
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    }

    /// A sentence of prose: long enough, or ending like a sentence.
    fn is_prose(&self) -> bool {
        self.words >= 8
            || (self.words >= 3 && matches!(self.last_char(), '.' | '!' | '?' | ':'))
            || self.has_second_sentence()
    }

    /// Shaped like a heading, whatever follows it.
    fn heading_shaped(&self) -> bool {
        let max_words = if self.last_char() == '?' { 16 } else { 12 };
        if self.words == 0
            || self.words > max_words
            || self.text.len() > 120
            || !self.starts_upper_or_digit()
            || self.ends_like_sentence()
            || self.has_second_sentence()
            || self.is_date_like()
        {
            return false;
        }
        if self.last_char() == ':' {
            return self.words <= 6 && !self.text.contains(',') && self.title_cased();
        }
        // "Label: text" is a definition line unless the part after the
        // colon is itself a title ("Django: The Web Framework", "Go: Gin,
        // Echo"): words, not a figure ("Memory: 140 MB"), and not the
        // names after a use verb ("Clients using it: Acme, Globex").
        match self.text.find(": ") {
            Some(at) => {
                let rest = &self.text[at + 2..];
                let label = self.text[..at].to_lowercase();
                let words: Vec<&str> = label
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                // A use verb after the label's first word, or as its last
                // ("Who runs it in production: ..."), not "Using Django:
                // The Basics" or "Because: ...".
                let n = words.len();
                let placed = |k: usize, len: usize| k > 0 || k + len == n;
                let users = words
                    .iter()
                    .enumerate()
                    .any(|(k, w)| placed(k, 1) && matches!(*w, "use" | "uses" | "using"))
                    || words
                        .windows(2)
                        .enumerate()
                        .any(|(k, p)| p == ["used", "by"] && placed(k, 2));
                rest.starts_with(char::is_alphabetic) && !users && Features::of(rest).title_cased()
            }
            None => true,
        }
    }

    fn style(&self) -> Style {
        let lower = self.text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let last = words.last().copied().unwrap_or("");
        // "Features", "Key Features of Express", "Django Advantages".
        let role_word =
            words.iter().take(2).any(|w| ROLE_WORDS.contains(w)) || ROLE_WORDS.contains(&last);
        let uses = words.iter().any(|w| ["use", "uses", "using"].contains(w));
        let users = uses
            && words
                .iter()
                .any(|w| ["websites", "companies", "sites", "apps", "brands", "who"].contains(w));
        if role_word || users {
            Style::Role
        } else if self.last_char() == '?' {
            Style::Question
        } else if self.last_char() == ':' {
            Style::Colon
        } else if [" – ", " — ", " - ", " ~ ", " | "]
            .iter()
            .any(|d| self.text.contains(d))
        {
            Style::Dash
        } else {
            Style::Plain
        }
    }
}

/// Lower-case words of a line, for comparing lines.
fn word_set(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn classify(text: &str, lines: &[Line]) -> Vec<BlockKind> {
    let n = lines.len();
    let feats: Vec<Features> = lines
        .iter()
        .map(|l| Features::of(&text[l.body.range()]))
        .collect();
    let is_list = |i: usize| matches!(lines[i].marker, Marker::Bullet { .. } | Marker::Numbered(_));

    // Whether line `i` is content a heading can introduce, computed from
    // the end so a heading that introduces a heading can be one too.
    let mut introduces = vec![false; n + 1];
    let mut heading = vec![false; n];
    for i in (0..n).rev() {
        let f = &feats[i];
        heading[i] = match lines[i].marker {
            Marker::None => f.heading_shaped() && introduces[i + 1],
            // A numbered line is a heading when a body follows, not
            // another item, and the item before it is not its predecessor.
            Marker::Numbered(number) => {
                let follows_item =
                    i > 0 && lines[i - 1].marker == Marker::Numbered(number.wrapping_sub(1));
                !follows_item
                    && f.words <= 10
                    && f.heading_shaped()
                    && f.last_char() != ':'
                    && i + 1 < n
                    && !is_list(i + 1)
                    && introduces[i + 1]
            }
            Marker::Bullet { .. } | Marker::Quote => false,
        };
        introduces[i] = heading[i] || is_list(i) || f.is_prose();
    }

    unlist_runs(lines, &feats, &mut heading);
    let title = find_title(lines, &feats, &heading);
    let styles: Vec<Style> = feats.iter().map(Features::style).collect();
    demote_repeats_and_strays(lines, &feats, &styles, title, &mut heading);
    levels(lines, &styles, title, &heading)
        .into_iter()
        .enumerate()
        .map(|(i, level)| match level {
            Some(_) if Some(i) == title => BlockKind::Title,
            Some(level) => BlockKind::Heading { level },
            None => match lines[i].marker {
                Marker::Bullet { .. } | Marker::Numbered(_) => BlockKind::ListItem {
                    depth: list_depth(lines, i),
                },
                Marker::Quote => BlockKind::Quote,
                Marker::None => BlockKind::Paragraph,
            },
        })
        .collect()
}

/// Three or more heading-shaped lines in a row are a list written without
/// bullets (company names, say), not headings nested three deep; only the
/// last may still be a heading, when prose follows it.
fn unlist_runs(lines: &[Line], feats: &[Features], heading: &mut [bool]) {
    let shaped = |i: usize| lines[i].marker == Marker::None && feats[i].heading_shaped();
    let mut i = 0;
    while i < lines.len() {
        let end = (i..lines.len())
            .find(|&j| !shaped(j))
            .unwrap_or(lines.len());
        if end - i >= 3 {
            let prose_follows = end < lines.len()
                && match lines[end].marker {
                    Marker::None => feats[end].is_prose(),
                    Marker::Bullet { .. } => true,
                    Marker::Numbered(_) | Marker::Quote => false,
                };
            let last = if prose_follows { end - 1 } else { end };
            for h in &mut heading[i..last] {
                *h = false;
            }
        }
        i = end.max(i + 1);
    }
}

/// The title: the first line when it is a heading-shaped line of three
/// words or more; after a generic opener ("Quick Summary"), a date or a
/// reading time, the first such line among the next few.
fn find_title(lines: &[Line], feats: &[Features], heading: &[bool]) -> Option<usize> {
    let title_like = |i: usize| {
        lines[i].marker == Marker::None
            && feats[i].heading_shaped()
            && feats[i].words >= 3
            && !matches!(feats[i].last_char(), ':' | '?')
    };
    let opener = |i: usize| {
        let lower = feats[i].text.trim_end_matches(':').to_lowercase();
        GENERIC_OPENERS.contains(&lower.as_str()) || feats[i].is_date_like()
    };
    if lines.is_empty() {
        return None;
    }
    if title_like(0) {
        return Some(0);
    }
    if !opener(0) {
        return None;
    }
    (1..lines.len().min(6)).find(|&i| title_like(i) && (heading[i] || i + 1 == lines.len()))
}

/// Turns back into plain lines the heading-shaped lines that do not open a
/// section: a repeat of the title or of the current section's heading, and
/// a stray line between two headings of one series ("Mobile Tech Tracker"
/// between "Spring Boot – Java Framework" and "ASP.NET – C# Framework"),
/// or one whose words are all in the heading after it.
fn demote_repeats_and_strays(
    lines: &[Line],
    feats: &[Features],
    styles: &[Style],
    title: Option<usize>,
    heading: &mut [bool],
) {
    let title_words = title.map(|t| word_set(feats[t].text));
    // The last kept heading, and whether content has followed it.
    let mut section: Option<(usize, bool)> = None;
    for i in 0..lines.len() {
        if Some(i) == title || !heading[i] {
            if let Some((_, content)) = section.as_mut() {
                *content |= Some(i) != title;
            }
            continue;
        }
        let words = word_set(feats[i].text);
        let repeats_title = title_words.as_ref() == Some(&words);
        let repeats_section = section.is_some_and(|(s, _)| word_set(feats[s].text) == words);
        let next_heading = (i + 1 < lines.len() && heading[i + 1]).then_some(i + 1);
        let stray = next_heading.is_some_and(|h| {
            let after_content = section.is_some_and(|(_, c)| c);
            let series = section.is_some_and(|(s, _)| {
                styles[s] == styles[h]
                    && styles[i] != styles[h]
                    && matches!(styles[h], Style::Dash | Style::Numbered)
                    && lines[s].marker == lines[h].marker
            });
            let inside_next = styles[h] != Style::Role
                && lines[i].marker == Marker::None
                && words.iter().all(|w| word_set(feats[h].text).contains(w));
            after_content && (series || inside_next)
        });
        if repeats_title || repeats_section || stray {
            heading[i] = false;
            if let Some((_, content)) = section.as_mut() {
                *content = true;
            }
        } else {
            section = Some((i, false));
        }
    }
}

/// Heading levels (`None` for lines that are not headings); see the
/// module documentation.
fn levels(
    lines: &[Line],
    styles: &[Style],
    title: Option<usize>,
    heading: &[bool],
) -> Vec<Option<u8>> {
    let mut out = vec![None; lines.len()];
    let mut stack: Vec<(Style, u8)> = Vec::new();
    // An open role heading's level and the number its numbered run expects.
    let mut role: Option<(u8, Option<u32>)> = None;
    for i in 0..lines.len() {
        if Some(i) == title {
            out[i] = Some(1);
            stack.clear();
            role = None;
            continue;
        }
        if !heading[i] {
            continue;
        }
        let number = match lines[i].marker {
            Marker::Numbered(n) => Some(n),
            _ => None,
        };
        if let (Some((level, expect)), Some(n)) = (role, number) {
            if expect == Some(n) || (expect.is_none() && n == 1) {
                role = Some((level, Some(n + 1)));
                out[i] = Some(level.saturating_add(1).min(6));
                continue;
            }
        }
        let style = if number.is_some() {
            Style::Numbered
        } else {
            styles[i]
        };
        let level = if style == Style::Role {
            let level = stack.last().map_or(2, |&(_, l)| l.saturating_add(1).min(6));
            role = Some((level, None));
            level
        } else {
            role = None;
            let container = i.checked_sub(1).and_then(|p| out[p]);
            if let Some(pos) = stack.iter().position(|&(s, _)| s == style) {
                stack.truncate(pos + 1);
                stack[pos].1
            } else if let Some(parent) = container {
                let level = parent.saturating_add(1).min(6);
                stack.push((style, level));
                level
            } else {
                stack.clear();
                stack.push((style, 2));
                2
            }
        };
        out[i] = Some(level);
    }
    out
}

/// The depth of a list line among the list lines right before it: one at
/// the outer indent, one more for each deeper indent.
fn list_depth(lines: &[Line], i: usize) -> u8 {
    let indent = |l: &Line| match l.marker {
        Marker::Bullet { indent } => Some(indent),
        Marker::Numbered(_) => Some(0),
        _ => None,
    };
    let Some(mine) = indent(&lines[i]) else {
        return 1;
    };
    let mut depth = 1u8;
    let mut current = mine;
    for line in lines[..i].iter().rev() {
        let Some(other) = indent(line) else { break };
        if other < current {
            depth = depth.saturating_add(1);
            current = other;
        }
    }
    depth
}

#[cfg(test)]
mod tests;
