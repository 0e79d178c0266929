//! Claims: pros, cons and features of an entity, each with an aspect.
//!
//! Two families of rules, chosen by the section a block sits in (see
//! [`crate::structure`]):
//! - section rules: under a heading that announces pros, cons or features
//!   every list item and paragraph is a claim of the section's subject
//!   (`claim.section.pros`, `claim.section.cons`, `claim.section.features`;
//!   an evaluative features item, "High Scalability", is a pro:
//!   `claim.section.features.evaluative`). A numbered sub-heading of such
//!   a section is one claim with its body (`claim.section.pros.item`,
//!   `claim.section.cons.item`): the span runs from the heading to the end
//!   of the body, so one claim answers for every sentence in it;
//! - cue rules, everywhere else: a sentence with a cue from
//!   `data/cues.toml` (see [`cues`]) is a claim of each entity it names as
//!   a subject, or of the section's subject when it opens with a pronoun
//!   or a definite noun phrase ("It", "The framework"); a list item under
//!   an entity's heading needs no such opener. "Unlike Java threads, which
//!   can be memory-heavy" gives Java the polarity of its "which" clause
//!   (`claim.cue.comparison`).
//!
//! - inline rules: a line cut by marks ("Flask: ✅ Flexible, small ❌ Not
//!   async", "Pros: fast. Cons: verbose") gives one claim per item of each
//!   pros, cons or features segment (`claim.inline.pros`, ...). The marks
//!   are symbols (`data/sections.toml`, or a legend paragraph of the
//!   article: "👎 Downsides") and short role labels before a colon.
//!
//! - adoption rule: a sentence that gives an adoption figure ("12.4% of
//!   professional developers use Django", "1.5 million websites are built
//!   with Laravel") is a popularity pro of the entity the figure is about
//!   (`claim.adoption`), cue or not.
//!
//! A comparison table gives one claim per body cell (`claim.table.cell`).
//!
//! Every claim quotes its exact span; its aspect comes from the aspect
//! lexicon over its own text.

pub mod cues;
pub mod ratings;

use super::sentences;
use super::{prose_blocks, quote, Claim, Context, Polarity, Statistic};
use crate::model::{BlockKind, Span};
use crate::numbers::Unit;
use crate::structure::Role;
use cues::{Cues, CUES};
use std::collections::{HashMap, HashSet};

/// Extracts every claim of a document, in document order.
pub fn extract(cx: &Context, statistics: &[Statistic]) -> Vec<Claim> {
    let cues = &*CUES;
    let mut out = Vec::new();
    let mut adoption: Vec<&Statistic> = statistics.iter().filter(|s| is_adoption(s)).collect();
    adoption.sort_by_key(|s| s.start);
    // A numbered sub-heading of a pros or cons section, waiting for the end
    // of its body.
    let mut item: Option<Item> = None;
    // The cells of the table being read: (row, column, block).
    let mut table: Vec<(u32, u32, usize)> = Vec::new();
    // The role announced by a label paragraph ("Pros:", "Cons:") for the
    // blocks after it, until the next heading or label.
    let mut label: Option<Role> = None;
    // The entity a bare name paragraph ("Django" on a line of its own)
    // makes the topic, until the next heading.
    let mut topic: Option<&str> = None;
    // What the last prose sentence made claims about, across paragraphs
    // of one section: where a "this" or "these" points.
    let mut previous: Vec<String> = Vec::new();
    // Whether a list item came since the last heading: a paragraph after
    // the list of a pros or cons section goes back to plain prose ("What
    // doesn't work", three items, then "Discord built its chat on Elixir
    // ..."), unless a pronoun carries the list on ("It also needs ...");
    // a paragraph with no list before it is the section's.
    let mut listed = false;
    // Symbols that announce a role inside a line: the built-in ones, then
    // those a legend paragraph of the article defines ("👎 Downsides").
    let mut marks: Vec<(String, Role)> = cx.config.roles.symbols().to_vec();
    // The characters marks open with: most non-ASCII characters (all of
    // them, in a page in Chinese) open none, and skip the search.
    let mut mark_starts: HashSet<char> =
        marks.iter().filter_map(|(m, _)| m.chars().next()).collect();
    for i in prose_blocks(cx.doc, cx.cleaned) {
        let block = &cx.doc.blocks[i];
        let Some(&sec) = cx.outline.section_of.get(i) else {
            continue;
        };
        let section = &cx.outline.sections[sec];
        if block.kind.is_heading() {
            label = None;
            topic = None;
            listed = false;
            previous.clear();
            if let Some(done) = item.take() {
                done.emit(cx, &mut out);
            }
            best_for(cx, i, &mut out);
            let inherited = section.own_role == Role::Content && section.heading == Some(i);
            if let (true, Some(entity), Some(polarity)) =
                (inherited, cx.subject_of(i), role_polarity(section.role))
            {
                item = Some(Item {
                    entity: entity.to_string(),
                    polarity,
                    heading: block.span,
                    end: block.span.end,
                });
            }
            continue;
        }
        if let BlockKind::TableCell { row, col } = block.kind {
            table.push((row, col, i));
            continue;
        }
        if !table.is_empty() {
            table_claims(cx, cues, &table, &mut out);
            table.clear();
        }
        let text = cx.doc.block_text(block);
        let after_list = listed && block.kind == BlockKind::Paragraph;
        listed |= matches!(block.kind, BlockKind::ListItem { .. });
        if let Some(open) = item.as_mut() {
            open.end = block.span.end;
            foils(cx, cues, block.span, &mut out);
            continue;
        }
        if let Some(named) = name_line(cx, i) {
            topic = Some(named);
            label = None;
            continue;
        }
        // "Q: What about Go?": an interview's or FAQ's question names what
        // the answer after it speaks of, and is itself no claim.
        if let Some(asked) = question(cx, i) {
            topic = asked.or(topic);
            label = None;
            previous.clear();
            if asked.is_some() {
                continue;
            }
        }
        if let Some(defined) = legend(cx, text) {
            for (mark, role) in defined {
                marks.retain(|(m, _)| *m != mark);
                mark_starts.extend(mark.chars().next());
                marks.push((mark, role));
            }
            continue;
        }
        // "Flask: Provides a lightweight foundation. It ...": the name
        // before the colon is what the item's pronouns mean.
        let subject = lead_subject(cx, i).or(topic).or(cx.subject_of(i));
        // A paragraph of short lines is a list without markers, and may
        // hold its own labels ("Pros:") between them.
        let lines = lines(text);
        let lone_paragraph = lines.len() == 1 && block.kind == BlockKind::Paragraph;
        // The entity the paragraph's sentences so far had as their subject.
        let mut topic_here: Option<String> = None;
        for (at, line) in lines {
            if let Some(announced) = label_role(cx, line, lone_paragraph) {
                label = (announced != Role::Content).then_some(announced);
                continue;
            }
            // "👍 What I like": a mark and a short label announce the
            // mark's role for the lines after it, and are no claim.
            if let Some(announced) = lone_paragraph.then(|| mark_label(&marks, line)).flatten() {
                label = Some(announced);
                continue;
            }
            // "Popular companies using Gin: Alibaba, Tencent" under a
            // list of cons names users, not a con.
            if label.unwrap_or(section.role) != Role::Content && users_line(cx, line) {
                continue;
            }
            let start = block.span.start + at;
            let line_span = Span::new(start, start + line.trim_end().len());
            let segments = inline_segments(cx, &marks, &mark_starts, line_span);
            if !segments.is_empty() {
                previous.clear();
                let entity = subject.or(topic);
                for segment in segments {
                    inline_claims(cx, cues, i, entity, segment, &mut out);
                }
                continue;
            }
            let mut role = label.unwrap_or(section.role);
            // A label's list ends its role too: "Trade-offs", three items,
            // then a promotional box or "IBM and Uber run it" is prose.
            if role != Role::Content
                && ((after_list && !cues.opens_with_pronoun(line))
                    || opens_with_another(cx, i, line_span, topic))
            {
                role = Role::Content;
            }
            match role {
                role @ (Role::Pros | Role::Cons | Role::Features) => {
                    previous.clear();
                    let entity = topic.or(cx.subject_of(i));
                    section_claim(cx, cues, i, entity, (role, &SECTION), line_span, &mut out);
                    foils(cx, cues, line_span, &mut out);
                }
                role @ (Role::Users | Role::Content) => {
                    let list_item =
                        matches!(block.kind, BlockKind::ListItem { .. }) && role == Role::Content;
                    for r in sentences::split(line) {
                        let span = Span::new(start + r.start, start + r.end);
                        let first = out.len();
                        // Once a sentence of the paragraph has an entity as
                        // its subject, the paragraph is about it: "Express
                        // is still everywhere. But its grip is loosening"
                        // under a heading on JavaScript.
                        let here = if list_item {
                            subject
                        } else {
                            topic_here.as_deref().or(subject)
                        };
                        sentence_claims(cx, cues, span, here, list_item, &previous, &mut out);
                        if !list_item {
                            if let Some(own) = sentence_subject(cx, cues, span) {
                                topic_here = own.map(str::to_string);
                            }
                        }
                        adoption_claims(cx, &adoption, span, &mut out);
                        previous = out[first..]
                            .iter()
                            .filter(|c| (c.start, c.end) == (span.start, span.end))
                            .map(|c| c.entity.clone())
                            .collect();
                    }
                }
            }
        }
    }
    if let Some(done) = item.take() {
        done.emit(cx, &mut out);
    }
    table_claims(cx, cues, &table, &mut out);
    out.sort_by(|a, b| (a.start, a.end, &a.entity).cmp(&(b.start, b.end, &b.entity)));
    out.dedup_by(|a, b| {
        (a.start, a.end, &a.entity, a.polarity) == (b.start, b.end, &b.entity, b.polarity)
    });
    out
}

/// "Best for startups: Ruby on Rails": a heading that names what an entity
/// is best for is a pro of each entity named after its colon
/// (`claim.heading.best-for`).
fn best_for(cx: &Context, i: usize, out: &mut Vec<Claim>) {
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block);
    let Some(colon) = text.find(':') else {
        return;
    };
    let label = text[..colon]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let label = label.strip_prefix("the ").unwrap_or(&label);
    if ![
        "best for ",
        "best choice for ",
        "best pick for ",
        "best option for ",
    ]
    .iter()
    .any(|p| label.starts_with(p))
    {
        return;
    }
    let aspect = cx.config.aspects.aspect_of(&text[..colon]);
    let named = cx.mentions_in(Span::new(block.span.start + colon, block.span.end));
    // A name said twice gives one claim: `extract` drops repeats of a span.
    for m in named {
        out.push(claim(
            cx,
            m.entity.clone(),
            Polarity::Pro,
            aspect,
            block.span,
            "claim.heading.best-for",
        ));
    }
}

/// A line without the Markdown emphasis ("**", "_") that wraps it whole,
/// trimmed: how labels and questions are set in bold.
fn unemphasized(line: &str) -> &str {
    line.trim().trim_matches(['*', '_']).trim()
}

/// Whether a statistic is an adoption figure: a share of a population
/// ("of professional developers", "of respondents") or a count of the
/// websites or companies that run the entity, stated in prose about one
/// entity. Figures in tables are statistics only.
fn is_adoption(s: &Statistic) -> bool {
    const POPULATIONS: [&str; 10] = [
        "developers",
        "devs",
        "programmers",
        "engineers",
        "respondents",
        "users",
        "websites",
        "sites",
        "companies",
        "businesses",
    ];
    const DEPLOYMENTS: [&str; 4] = ["websites", "sites", "companies", "businesses"];
    let Some(measure) = s.measure.as_deref() else {
        return false;
    };
    let mut words = measure.split_whitespace().map(str::to_lowercase);
    let in_prose = s.entity.is_some() && s.rule != "stat.table";
    in_prose
        && match s.unit {
            Unit::Percent => {
                measure.starts_with("of ") && words.any(|w| POPULATIONS.contains(&w.as_str()))
            }
            Unit::Count => words.any(|w| DEPLOYMENTS.contains(&w.as_str())),
            _ => false,
        }
}

/// The popularity pros of the adoption figures (see [`is_adoption`]) in
/// one sentence of prose.
fn adoption_claims(cx: &Context, adoption: &[&Statistic], span: Span, out: &mut Vec<Claim>) {
    let from = adoption.partition_point(|s| s.start < span.start);
    for s in adoption[from..].iter().take_while(|s| s.end <= span.end) {
        if let Some(entity) = &s.entity {
            out.push(claim(
                cx,
                entity.clone(),
                Polarity::Pro,
                "popularity",
                span,
                "claim.adoption",
            ));
        }
    }
}

/// The role of a line that is a mark and a short label and nothing more
/// ("👍 What I like", "👎 What I don't").
fn mark_label(marks: &[(String, Role)], line: &str) -> Option<Role> {
    // Set in bold or italics as a whole: "**✅ Good for**".
    let t = unemphasized(line);
    let (mark, role) = marks.iter().find(|(m, _)| t.starts_with(m.as_str()))?;
    let rest = t[mark.len()..].trim_start_matches(|c: char| !c.is_alphanumeric());
    let short = rest.split_whitespace().take(6).count() <= 5;
    let plain =
        !rest.ends_with(['.', '!', ';']) && !marks.iter().any(|(m, _)| rest.contains(m.as_str()));
    (short && plain && !rest.is_empty()).then_some(*role)
}

/// Whether a line opens with a users label and a colon ("Companies using
/// it: ...", "Who runs it in production: ...").
fn users_line(cx: &Context, line: &str) -> bool {
    let label = line
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split_once(':')
        .map(|(l, _)| l.trim_end_matches(['*', '_']));
    label.is_some_and(|l| cx.config.roles.is_users_label(l))
}

/// The polarity a section's role gives its items.
fn role_polarity(role: Role) -> Option<Polarity> {
    match role {
        Role::Pros => Some(Polarity::Pro),
        Role::Cons => Some(Polarity::Con),
        _ => None,
    }
}

/// A numbered advantage or disadvantage: its heading and its body.
struct Item {
    entity: String,
    polarity: Polarity,
    heading: Span,
    /// End of the last body block seen so far.
    end: usize,
}

impl Item {
    fn emit(self, cx: &Context, out: &mut Vec<Claim>) {
        let span = Span::new(self.heading.start, self.end);
        // Heading and body vote together: the heading names the point
        // ("Batteries Included"), the body often says it more plainly.
        let aspect = cx.config.aspects.aspect_of(&cx.doc.text[span.range()]);
        let rule = match self.polarity {
            Polarity::Con => "claim.section.cons.item",
            _ => "claim.section.pros.item",
        };
        out.push(claim(cx, self.entity, self.polarity, aspect, span, rule));
    }
}

fn claim(
    cx: &Context,
    entity: String,
    polarity: Polarity,
    aspect: &str,
    span: Span,
    rule: &str,
) -> Claim {
    Claim {
        entity,
        polarity,
        aspect: aspect.to_string(),
        start: span.start,
        end: span.end,
        quote: quote(cx.doc, span),
        rule: rule.to_string(),
    }
}

/// The items of a block with their offsets: its non-blank lines when every
/// line opens like an item (a capital, a digit, a mark), else the whole
/// block, since a hard-wrapped paragraph continues its sentences in
/// lower case on the next line.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        if !line.trim().is_empty() {
            out.push((at, line));
        }
        at += line.len() + 1;
    }
    let item_like = out
        .iter()
        .all(|(_, l)| !l.trim_start().starts_with(char::is_lowercase));
    if item_like {
        out
    } else {
        vec![(0, text)]
    }
}

/// The role a label line announces, read as a heading would be: a short
/// line ending in a colon or a question mark ("Pros:", "Cons:", "When to
/// use Django?"), or a few words with no full stop ("Popular Web Apps
/// using Node.js", "Wrapping it up!").
/// The second form only for a paragraph of one line: list items and table
/// rows are short too.
fn label_role(cx: &Context, text: &str, lone_paragraph: bool) -> Option<Role> {
    // A Markdown label is often set in bold or italics ("**Trade-offs**").
    let t = unemphasized(text);
    // Cheap tests first: most lines are neither short nor lone, and the
    // word count only has to tell "at most six" from more.
    let is_label = (t.len() <= 40 && t.ends_with([':', '?']))
        || (lone_paragraph
            && !t.ends_with(['.', ',', ';'])
            && t.starts_with(char::is_uppercase)
            && t.split_whitespace().take(7).count() <= 6);
    is_label.then(|| cx.config.roles.role_of(t.trim_end_matches([':', '?', '!'])))
}

/// What a legend block defines: every line a symbol and a label ("🦾
/// What it's strong at", "👎 Downsides"), two lines at least, and at least
/// one label that announces a role. Each symbol gets its label's role
/// (plain content for the others, so they still end a segment).
fn legend(cx: &Context, text: &str) -> Option<Vec<(String, Role)>> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let line = line.trim();
        let label_at = line.find(|c: char| c.is_alphanumeric())?;
        let mark = crate::structure::without_selectors(line[..label_at].trim());
        // A symbol: no ASCII (list markers, punctuation) and nothing else.
        if mark.is_empty()
            || mark.is_ascii()
            || mark.chars().any(|c| c.is_ascii() || c.is_whitespace())
        {
            return None;
        }
        let label = &line[label_at..];
        if label.split_whitespace().count() > 12 {
            return None;
        }
        out.push((mark, cx.config.roles.role_of(label)));
    }
    let announces = out.iter().any(|(_, r)| *r != Role::Content);
    (out.len() >= 2 && announces).then_some(out)
}

/// A line cut at the marks that announce a role inside it: symbols
/// ("✅ Fast ❌ Verbose", "Flask: 🦾 Flexible 👎 Not async") and short
/// role labels before a colon ("Pros: fast, simple. Cons: verbose"). Each
/// segment runs from the end of its mark to the next mark; text before the
/// first mark is plain content. Empty when the line has no mark.
fn inline_segments(
    cx: &Context,
    marks: &[(String, Role)],
    mark_starts: &HashSet<char>,
    line: Span,
) -> Vec<(Role, Span)> {
    let text = &cx.doc.text[line.range()];
    // (start of the mark, start of its segment, role)
    let mut cuts: Vec<(usize, usize, Role)> = Vec::new();
    if !text.is_ascii() {
        // Every mark opens with a character outside ASCII.
        for (at, c) in text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii() && mark_starts.contains(c))
        {
            let rest = &text[at..];
            let hit = marks
                .iter()
                .find(|(m, _)| m.starts_with(c) && rest.starts_with(m.as_str()));
            if let Some((mark, role)) = hit {
                let after = rest[mark.len()..]
                    .trim_start_matches(['\u{fe0e}', '\u{fe0f}'])
                    .len();
                cuts.push((at, text.len() - after, *role));
            }
        }
    }
    for (colon, _) in text.match_indices(':') {
        // The label: one or two words back to the line's start or to the
        // end of a sentence or segment ("Pros: ...", ". Cons: ...").
        let head = &text[..colon];
        let from = head.rfind(['.', ';', '!', '?', ')']).map_or(0, |p| p + 1);
        let from = cuts
            .iter()
            .filter(|c| c.1 <= colon)
            .map(|c| c.1)
            .max()
            .map_or(from, |c| c.max(from));
        let label = head[from..].trim().trim_matches(['*', '_', ' ']);
        let words = label.split_whitespace().count();
        if !(1..=2).contains(&words) || !label.starts_with(char::is_uppercase) {
            continue;
        }
        let start = from + head[from..].find(|c: char| !c.is_whitespace()).unwrap_or(0);
        // "Django: ..." leads with a name, not a role.
        if !cx
            .mentions_in(Span::new(line.start + start, line.start + colon))
            .is_empty()
        {
            continue;
        }
        let role = cx.config.roles.role_of(label);
        if role == Role::Content || role == Role::Users {
            continue;
        }
        let body = colon + 1 + text[colon + 1..].len()
            - text[colon + 1..].trim_start_matches(['*', '_']).len();
        cuts.push((start, body, role));
    }
    if !cuts.iter().any(|c| c.2 != Role::Content) {
        return Vec::new();
    }
    cuts.sort_unstable_by_key(|c| (c.0, c.1));
    let mut out = vec![(Role::Content, Span::new(line.start, line.start + cuts[0].0))];
    for (k, &(_, body, role)) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).map_or(text.len(), |c| c.0);
        out.push((
            role,
            Span::new(line.start + body, line.start + end.max(body)),
        ));
    }
    out
}

/// The claims of one segment of a marked line: under a pros, cons or
/// features mark, one claim per item of its comma-separated list
/// (`claim.inline.pros`, `claim.inline.cons`, `claim.inline.features`);
/// under any other mark, the cues of its sentences, about the line's
/// subject.
fn inline_claims(
    cx: &Context,
    cues: &Cues,
    i: usize,
    subject: Option<&str>,
    (role, span): (Role, Span),
    out: &mut Vec<Claim>,
) {
    match role {
        Role::Pros | Role::Cons | Role::Features => {
            for item in items(&cx.doc.text, span) {
                section_claim(cx, cues, i, subject, (role, &INLINE), item, out);
            }
        }
        Role::Content | Role::Users => {
            let text = &cx.doc.text[span.range()];
            for r in sentences::split(text) {
                let s = Span::new(span.start + r.start, span.start + r.end);
                sentence_claims(cx, cues, s, subject, true, &[], out);
            }
        }
    }
}

/// The items of a run-in list: the parts between commas and semicolons
/// outside parentheses, trimmed, each with a word of three letters or
/// more that is not a list closer ("etc.", "and more").
fn items(text: &str, span: Span) -> Vec<Span> {
    const CLOSERS: [&str; 4] = ["etc", "and more", "and so on", "so on"];
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut from = span.start;
    let mut push = |a: usize, b: usize| {
        let part = &text[a..b];
        let lead = part.len() - part.trim_start().len();
        let trimmed = part
            .trim()
            .trim_end_matches(['.', ',', ';', ':'])
            .trim_end();
        let bare = trimmed
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let wordy = trimmed
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3);
        if wordy && !CLOSERS.contains(&bare.as_str()) {
            out.push(Span::new(a + lead, a + lead + trimmed.len()));
        }
    };
    for (k, c) in text[span.range()].char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' | ';' if depth <= 0 => {
                push(from, span.start + k);
                from = span.start + k + 1;
            }
            _ => {}
        }
    }
    push(from, span.end);
    out
}

/// The rule ids of an item under a pros, cons or features role, by where
/// the role was announced.
struct ItemRules {
    pros: &'static str,
    cons: &'static str,
    features: &'static str,
    evaluative: &'static str,
}

/// Items of a section (or of a label paragraph) with that role.
const SECTION: ItemRules = ItemRules {
    pros: "claim.section.pros",
    cons: "claim.section.cons",
    features: "claim.section.features",
    evaluative: "claim.section.features.evaluative",
};

/// Items after a mark inside a line ("✅ Fast, small").
const INLINE: ItemRules = ItemRules {
    pros: "claim.inline.pros",
    cons: "claim.inline.cons",
    features: "claim.inline.features",
    evaluative: "claim.inline.features.evaluative",
};

/// One item (a block, or a line of one) under a pros, cons or features
/// heading: a claim of the section's subject (else of the entity the block
/// names first). A lead-in ending in a colon ("In addition, with Django:")
/// asserts nothing.
fn section_claim(
    cx: &Context,
    cues: &Cues,
    i: usize,
    subject: Option<&str>,
    (role, rules): (Role, &ItemRules),
    span: Span,
    out: &mut Vec<Claim>,
) {
    let text = &cx.doc.text[span.range()];
    if text.ends_with(':') {
        return;
    }
    // "Python is slower than Go" under Django's cons is Python's con: an
    // item that opens with another entity as its subject is that entity's.
    let opener = opening_mention(cx, span)
        .filter(|m| cues.opens_a_clause_after(&cx.doc.text[m.end..span.end]));
    let entity = match (opener, subject) {
        (Some(m), _) => m.entity.clone(),
        (None, Some(e)) => e.to_string(),
        (None, None) => match cx.mentions_in(cx.doc.blocks[i].span).first() {
            Some(m) => m.entity.clone(),
            None => return,
        },
    };
    let (polarity, rule) = match role {
        Role::Pros => (Polarity::Pro, rules.pros),
        Role::Cons => (Polarity::Con, rules.cons),
        _ if cues.tells_history(text) => return,
        _ => match cues.scan(text) {
            Some(v) if v.evaluative && v.polarity == Polarity::Pro => {
                (Polarity::Pro, rules.evaluative)
            }
            _ => (Polarity::Feature, rules.features),
        },
    };
    let aspect = cx.config.aspects.aspect_of(text);
    out.push(claim(cx, entity, polarity, aspect, span, rule));
}

/// The claims of one sentence of prose: one per entity it is about.
fn sentence_claims(
    cx: &Context,
    cues: &Cues,
    span: Span,
    subject: Option<&str>,
    list_item: bool,
    pointed: &[String],
    out: &mut Vec<Claim>,
) {
    let text = &cx.doc.text[span.range()];
    let mentions = cx.mentions_in(span);
    // No name in the sentence and no subject to fall back on: no claim
    // can be attributed, so no cue is worth scanning for.
    if mentions.is_empty() && subject.is_none() && pointed.is_empty() {
        return;
    }
    if !mentions.is_empty() {
        foils(cx, cues, span, out);
    }
    // Both the cues and who the sentence is about must be there. Without
    // a name, who it is about is told by its first words, which is
    // cheaper than the cue scan and fails more often, so it goes first.
    let mut verdict = None;
    if !mentions.is_empty() {
        let Some(v) = cues.scan(text) else {
            return;
        };
        verdict = Some(v);
    }
    let named = about(cx, cues, span, mentions, subject, list_item, pointed);
    if named.is_empty() {
        return;
    }
    let Some(verdict) = verdict.or_else(|| cues.scan(text)) else {
        return;
    };
    let aspect = aspect_near(cx, text, verdict.at);
    for entity in named {
        out.push(claim(
            cx,
            entity.to_string(),
            verdict.polarity,
            aspect,
            span,
            verdict.rule,
        ));
    }
}

/// The entity a sentence opens with as its subject ("Express is ...",
/// "But Fastify's plugins ..."): a name that opens the sentence, perhaps
/// after a joining word, and is in subject position. `Some(None)` when
/// the subject is two or more names ("Flask and FastAPI are ..."): an "it"
/// after that could be either.
fn sentence_subject<'a>(cx: &'a Context, cues: &Cues, span: Span) -> Option<Option<&'a str>> {
    const JOINERS: [&str; 7] = ["but", "and", "yet", "still", "also", "however", "so"];
    let m = cx.opening_mention(span, &JOINERS)?;
    let before = &cx.doc.text[span.start..m.start];
    if !cues.is_subject(before, &cx.doc.text[m.end..span.end]) {
        return None;
    }
    Some((!cx.joined_to_next(span, m)).then_some(m.entity.as_str()))
}

/// Who a sentence of prose is about: the mentions that are its subjects,
/// else what the sentence before was about when it opens with "this" or
/// "these", else `subject` when it opens with a pronoun, is a list item,
/// or names no entity at all: in an entity's section a sentence that
/// names no other speaks of that entity ("Where it falls short is raw
/// throughput", "I found its dependency injection hard to debug"), unless
/// it opens with people in general ("Developers love clean code").
fn about<'a>(
    cx: &Context,
    cues: &Cues,
    span: Span,
    mentions: &'a [super::Mention],
    subject: Option<&'a str>,
    list_item: bool,
    pointed: &'a [String],
) -> Vec<&'a str> {
    let text = &cx.doc.text[span.range()];
    let mut named: Vec<&str> = Vec::new();
    let mut previous: Option<(usize, bool)> = None;
    // Whether the sentence opens "On Bun it ...": its "it" is the subject.
    let mut fronted = false;
    for m in mentions {
        let before = &cx.doc.text[span.start..m.start];
        let after = &cx.doc.text[m.end..span.end];
        // "slower than Django and Flask": a name joined to the one before
        // it by "and", "or" or a comma shares its standing.
        let joined = previous.filter(|&(end, _)| super::joins(&cx.doc.text[end..m.start]));
        let subject_here = match joined {
            Some((_, s)) => s,
            None => {
                let setting = fronted_setting(before, after);
                fronted |= setting;
                cues.is_subject(before, after) && !setting
            }
        };
        previous = Some((m.end, subject_here));
        // "Gin and Echo offer tools leveraging Go's strengths": a
        // possessive after the subject is not another subject.
        let possessive = super::possessive(after);
        let another = possessive && !named.is_empty();
        if subject_here && !another && !named.contains(&m.entity.as_str()) {
            named.push(&m.entity);
        }
    }
    // A sentence that leads into a list ("Popular frameworks built on
    // Node.js include:") speaks of what follows, not of the section.
    let lead_in = text.trim_end().ends_with(':');
    if named.is_empty() && lead_in {
        return named;
    }
    if named.is_empty() && !pointed.is_empty() && cues.opens_with_demonstrative(text) {
        named.extend(pointed.iter().map(String::as_str));
    } else if named.is_empty()
        && (list_item
            || fronted
            || cues.opens_with_pronoun(text)
            || (mentions.is_empty() && !cues.opens_with_people(text)))
    {
        // Where the section names no one, "It" is the one entity the
        // sentence before made claims about.
        match subject {
            Some(s) => named.push(s),
            None if pointed.len() == 1 && cues.opens_with_it(text) => {
                named.push(&pointed[0]);
            }
            None => {}
        }
    }
    named
}

/// "On Bun it was three times faster": a name in a prepositional phrase
/// that opens the sentence, before an "it" or "they" that is the subject,
/// is the setting, not what the sentence speaks of.
fn fronted_setting(before: &str, after: &str) -> bool {
    const PREPOSITIONS: [&str; 8] = ["on", "in", "with", "under", "behind", "at", "via", "using"];
    let lead = before.trim_matches(|c: char| !c.is_alphanumeric());
    let rest = after.trim_start_matches([',', ' ']);
    let pronoun = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("it") || w.eq_ignore_ascii_case("they"));
    pronoun && PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(lead))
}

/// A comparison table: each body cell with words is a claim of the entity
/// its row names in the first column, else of the one its column names in
/// the header row (`claim.table.cell`). A cell that opens with a rating is
/// what the rating says under its column ("Low" is a con, but a pro under
/// "Learning curve"; "Moderate" a feature, see [`ratings`]); else a cell
/// with a pro or con cue is that ("Fast"); any other is a feature
/// ("Goroutines, channels"). Its aspect is what its column (or row) label
/// names ("Performance"), else its own. Cells of bare figures are
/// statistics, not claims.
fn table_claims(cx: &Context, cues: &Cues, cells: &[(u32, u32, usize)], out: &mut Vec<Claim>) {
    // The entity each head cell names (first column, header row), worked
    // out once per table: a layout table of hundreds of cells would
    // otherwise look every head up again for each cell.
    // The first cell at each place, as a linear search would find it.
    let mut block_at: HashMap<(u32, u32), usize> = HashMap::new();
    for &(r, c, b) in cells {
        block_at.entry((r, c)).or_insert(b);
    }
    let head_entities: HashMap<(u32, u32), &str> = block_at
        .iter()
        .filter(|&(&(r, c), _)| r == 0 || c == 0)
        .filter_map(|(&place, &b)| {
            let span = cx.doc.blocks[b].span;
            cx.mentions_in(span)
                .first()
                .map(|m| m.entity.as_str())
                .or_else(|| label_entity(cx, &cx.doc.text[span.range()]))
                .map(|e| (place, e))
        })
        .collect();
    let entity_at = |row: u32, col: u32| head_entities.get(&(row, col)).copied();
    let text_at = |row: u32, col: u32| {
        block_at
            .get(&(row, col))
            .map_or("", |&b| cx.doc.block_text(&cx.doc.blocks[b]))
    };
    for &(row, col, b) in cells {
        let block = &cx.doc.blocks[b];
        let text = cx.doc.block_text(block);
        // Figures, versions and links are no claims ("~13.3k", "[57](...)").
        let wordy = text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.len() >= 3);
        if row == 0 || col == 0 || !wordy || text.contains("://") {
            continue;
        }
        // A figure with its source ("31,904,212 (npm)") is a statistic,
        // and a cell that only names an entity ("Python") a fact.
        let trimmed = text.trim();
        let figure = trimmed
            .trim_start_matches(['~', '≈', '$', '€', '£', '>', '<', '+'])
            .starts_with(|c: char| c.is_ascii_digit());
        // Names joined by separators ("JavaScript/TypeScript", "Java,
        // Kotlin") are such a fact too.
        let names = cx.mentions_in(block.span);
        let mut rest = String::new();
        let mut from = block.span.start;
        for m in names {
            rest.push_str(&cx.doc.text[from..m.start]);
            rest.push(' ');
            from = m.end;
        }
        rest.push_str(&cx.doc.text[from..block.span.end]);
        let only_a_name = !names.is_empty()
            && rest
                .split(|c: char| c.is_whitespace() || "/,&+|·".contains(c))
                .all(|w| w.is_empty() || w == "and" || w == "or");
        if figure || only_a_name {
            continue;
        }
        // The cell's label names what it measures: the column's header
        // when the row names the entity, else the row's head. A table that
        // names no entity is a key/value table of the section's: its
        // facts ("Sponsorship | MIT") are no claims, but its rated
        // criteria ("Learning curve | Steep") rate that entity.
        let (entity, label) = match entity_at(row, 0) {
            Some(e) => (e, text_at(0, col)),
            None => match entity_at(0, col) {
                Some(e) => (e, text_at(row, 0)),
                None => match cx.subject_of(b) {
                    Some(e) if cx.config.ratings.rate(text, text_at(row, 0)).is_some() => {
                        (e, text_at(row, 0))
                    }
                    _ => continue,
                },
            },
        };
        // A rating ("Moderate (interpreted)", "Very high (compiled)")
        // decides; else the cell's cues.
        let polarity = match cx.config.ratings.rate(text, label) {
            Some(rated) => rated.unwrap_or(Polarity::Feature),
            None => cues.scan(text).map_or(Polarity::Feature, |v| v.polarity),
        };
        let aspect = match cx.config.aspects.aspect_of(label) {
            super::aspects::OTHER => cx.config.aspects.aspect_of(text),
            named => named,
        };
        out.push(claim(
            cx,
            entity.to_string(),
            polarity,
            aspect,
            block.span,
            "claim.table.cell",
        ));
    }
}

/// Whether a paragraph line under a pros, cons or features heading opens
/// with an entity other than the section's own: "Reflex builds on top of
/// FastAPI ..." after FastAPI's cons list is the author talking about
/// Reflex, not another con of FastAPI. List items stay items.
fn opens_with_another(cx: &Context, i: usize, line: Span, topic: Option<&str>) -> bool {
    let block = &cx.doc.blocks[i];
    if block.kind != BlockKind::Paragraph {
        return false;
    }
    let Some(own) = topic.or(cx.subject_of(i)) else {
        return false;
    };
    opening_mention(cx, line).is_some_and(|m| m.entity != own)
}

/// The mention a line opens with, after any list marker or punctuation.
fn opening_mention<'a>(cx: &'a Context, line: Span) -> Option<&'a super::Mention> {
    let text = &cx.doc.text[line.range()];
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    cx.mentions_in(line)
        .first()
        .filter(|m| m.start == line.start + lead)
}

/// The entity a paragraph of nothing but a short name ("Django", "Ruby on
/// Rails") introduces: Markdown without heading marks uses such lines as
/// headings.
fn name_line<'a>(cx: &'a Context, i: usize) -> Option<&'a str> {
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block).trim();
    let short = matches!(block.kind, BlockKind::Paragraph)
        && !text.ends_with(['.', ':', '?', '!', ','])
        && text.split_whitespace().take(4).count() <= 3;
    let first = cx.mentions_in(block.span).first()?;
    short.then_some(first.entity.as_str())
}

/// Whether block `i` is a question of its own (a paragraph of at most 25
/// words that ends with "?" or opens with "Q:", perhaps in bold), and the
/// one entity it names, if it names exactly one.
fn question<'a>(cx: &'a Context, i: usize) -> Option<Option<&'a str>> {
    let block = &cx.doc.blocks[i];
    let text = unemphasized(cx.doc.block_text(block));
    let marked = ["Q:", "Q.", "Question:"]
        .iter()
        .any(|q| text.starts_with(q));
    let asks = matches!(block.kind, BlockKind::Paragraph)
        && (text.ends_with('?') || marked)
        && text.split_whitespace().take(26).count() <= 25;
    if !asks {
        return None;
    }
    let mentions = cx.mentions_in(block.span);
    let first = mentions.first().map(|m| m.entity.as_str());
    let one = first.filter(|&e| mentions.iter().all(|m| m.entity == e));
    Some(one)
}

/// The entity a block opens with when it reads "Name: ..." or
/// "Name (Language): ...", the item's own subject.
fn lead_subject<'a>(cx: &'a Context, i: usize) -> Option<&'a str> {
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block);
    let colon = text.find(':').filter(|&c| c <= 60)?;
    if text[..colon].contains(['.', '!', '?']) && !text[..colon].contains("js") {
        return None;
    }
    let head = Span::new(block.span.start, block.span.start + colon);
    cx.mentions_in(head)
        .iter()
        .find(|m| {
            let before = &cx.doc.text[head.start..m.start];
            before.matches('(').count() <= before.matches(')').count()
        })
        .map(|m| m.entity.as_str())
        .or_else(|| {
            // A run-down of entities, one item each ("- Gin: ..."), under a
            // heading of no entity: the lead is a name, even an ambiguous
            // one. Under an entity's heading "Next:" is just a word.
            let rundown =
                matches!(block.kind, BlockKind::ListItem { .. }) && cx.subject_of(i).is_none();
            rundown.then(|| label_entity(cx, &text[..colon])).flatten()
        })
}

/// The entity a label names when it is nothing but a name: the lead of a
/// "Gin: ..." item, the head of a table row. A label is where an article
/// puts a name as a heading would, so an ambiguous name ("Gin", "Flask",
/// "Go") needs no other context there, as in a heading.
fn label_entity<'a>(cx: &'a Context, label: &str) -> Option<&'a str> {
    let name = label.trim().trim_matches(['*', '_', '`']).trim();
    if name.is_empty() || name.len() > 40 {
        return None;
    }
    let matcher = &cx.config.matcher;
    match matcher.find_in(name, true).as_slice() {
        [one] if one.span.start == 0 && one.span.end == name.len() => {
            Some(matcher.slug_at(one.entity))
        }
        _ => None,
    }
}

/// The aspect of the clause where a sentence's claim is said (between
/// the punctuation around byte `at`), else of the whole sentence: in "Known
/// for its speed, it also has a large community" the cue's clause decides.
fn aspect_near<'a>(cx: &'a Context, text: &str, at: usize) -> &'a str {
    const STOPS: [char; 5] = [',', ';', ':', '(', ')'];
    let at = at.min(text.len());
    let start = text[..at].rfind(STOPS).map_or(0, |i| i + 1);
    let end = text[at..].find(STOPS).map_or(text.len(), |i| at + i);
    cx.config.aspects.aspect_within(text, start..end)
}

/// "Unlike Java threads, which can be memory-heavy": the foil named after
/// "unlike" gets what its "which" clause says of it.
fn foils(cx: &Context, cues: &Cues, span: Span, out: &mut Vec<Claim>) {
    let text = &cx.doc.text[span.range()];
    // Every foil claim needs its "which" clause: without one there is
    // nothing to split or attribute.
    if !text.contains("which ") {
        return;
    }
    for r in sentences::split(text) {
        let sentence = Span::new(span.start + r.start, span.start + r.end);
        for m in cx.mentions_in(sentence) {
            if !cues.is_foil(&cx.doc.text[sentence.start..m.start]) {
                continue;
            }
            let after = &cx.doc.text[m.end..sentence.end];
            let Some(at) = after.find("which ") else {
                continue;
            };
            // The clause must follow the name within its own phrase.
            if after[..at].contains(['.', ';', ':']) || at > 40 {
                continue;
            }
            let clause = &after[at..];
            let clause = &clause[..clause
                .find([',', ';', '\u{2013}', '\u{2014}'])
                .unwrap_or(clause.len())];
            if let Some(v) = cues.scan(clause) {
                let aspect = cx.config.aspects.aspect_of(clause);
                out.push(claim(
                    cx,
                    m.entity.clone(),
                    v.polarity,
                    aspect,
                    sentence,
                    "claim.cue.comparison",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests;
