//! Rule-based extraction from a cleaned document: the finding types and
//! the stage that fills them. Every finding carries its span in
//! [`Document::text`](crate::model::Document::text), the exact quote at
//! that span, and the id of the rule that produced it.

pub mod aspects;
pub mod candidates;
pub mod claims;
pub mod companies;
pub mod entities;
pub mod phrases;
pub mod sentences;
pub mod statistics;

use crate::model::{Cleaned, Document, Span};
use crate::numbers::Unit;
use crate::structure::Outline;
use serde::Serialize;

/// Pro, con, or a neutral feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Pro,
    Con,
    Feature,
}

impl Polarity {
    pub fn name(self) -> &'static str {
        match self {
            Polarity::Pro => "pro",
            Polarity::Con => "con",
            Polarity::Feature => "feature",
        }
    }
}

/// A catalog entity named in kept content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub entity: String,
    pub surface: String,
    pub start: usize,
    pub end: usize,
    pub rule: String,
}

/// A pro, con or feature of an entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub entity: String,
    pub polarity: Polarity,
    pub aspect: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub rule: String,
}

/// A number stated about an entity (or about no one entity).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statistic {
    pub entity: Option<String>,
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Option<String>,
    /// What it measures: "of professional developers".
    pub measure: Option<String>,
    /// When, if stated: "by early 2022".
    pub time: Option<String>,
    /// The source the text cites: "Enterprise Apps Today".
    pub cited: Option<String>,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub rule: String,
}

/// A company said to use an entity (`entity` is `None` when the text does
/// not say what it uses).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyUse {
    pub company: String,
    pub entity: Option<String>,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub rule: String,
}

/// What every extractor reads: the document, what cleaning kept, the
/// section outline, the entity mentions (sorted by start) and the rules.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub cleaned: &'a Cleaned,
    pub outline: &'a Outline,
    pub mentions: &'a [Mention],
    pub config: &'a crate::Config,
}

/// Whether the text between two mentions joins them into one phrase:
/// "Flask and FastAPI", "Gin, Echo", "Django / Flask".
pub(crate) fn joins(gap: &str) -> bool {
    matches!(
        gap.trim(),
        "," | "and" | ", and" | "or" | ", or" | "&" | "/"
    )
}

/// Whether the text right after a mention makes it a possessive ("Go's").
pub(crate) fn possessive(after: &str) -> bool {
    after.starts_with("'s") || after.starts_with("\u{2019}s")
}

impl Context<'_> {
    /// The first mention of `span` when nothing but punctuation, or one of
    /// the lower-case `joiners` ("but", "and"), stands before it: what a
    /// sentence or paragraph opens with.
    pub fn opening_mention(&self, span: Span, joiners: &[&str]) -> Option<&Mention> {
        let m = self.mentions_in(span).first()?;
        let lead = self.doc.text[span.start..m.start].trim_matches(|c: char| !c.is_alphanumeric());
        (lead.is_empty() || joiners.iter().any(|j| lead.eq_ignore_ascii_case(j))).then_some(m)
    }

    /// Whether mention `m` of `span` is joined to the next one of it
    /// ("Flask and FastAPI are ...").
    pub fn joined_to_next(&self, span: Span, m: &Mention) -> bool {
        let mentions = self.mentions_in(span);
        let k = mentions.partition_point(|x| x.start < m.start);
        mentions
            .get(k + 1)
            .is_some_and(|next| joins(&self.doc.text[m.end..next.start]))
    }

    /// The mentions inside a span, in order.
    pub fn mentions_in(&self, span: Span) -> &[Mention] {
        let lo = self.mentions.partition_point(|m| m.start < span.start);
        let hi = self.mentions.partition_point(|m| m.start < span.end);
        let hi = hi.max(lo);
        let mut end = lo;
        while end < hi && self.mentions[end].end <= span.end {
            end += 1;
        }
        &self.mentions[lo..end]
    }

    /// The subject entity (slug) of the section block `i` belongs to.
    pub fn subject_of(&self, i: usize) -> Option<&str> {
        let section = &self.outline.sections[*self.outline.section_of.get(i)?];
        let e = section.subject?;
        Some(self.config.matcher.slug_at(e))
    }
}

/// Runs every extractor over a cleaned document.
pub fn extract(doc: &Document, cleaned: &Cleaned, config: &crate::Config) -> Findings {
    extract_timed(doc, cleaned, config, |_, _| {})
}

/// The extractors, in the order [`extract_timed`] runs them: the names it
/// reports their times under.
pub const EXTRACTORS: [&str; 6] = [
    "mentions",
    "outline",
    "statistics",
    "claims",
    "companies",
    "candidates",
];

/// [`extract`], telling `time` how long each of the [`EXTRACTORS`] took:
/// the speed bench's breakdown, from the same code the pipeline runs.
pub fn extract_timed(
    doc: &Document,
    cleaned: &Cleaned,
    config: &crate::Config,
    mut time: impl FnMut(usize, std::time::Duration),
) -> Findings {
    let mut clock = std::time::Instant::now();
    let mut lap = |stage: usize| {
        let now = std::time::Instant::now();
        time(stage, now - clock);
        clock = now;
    };
    let mentions = mentions(doc, cleaned, &config.matcher);
    lap(0);
    let outline = crate::structure::outline(
        doc,
        cleaned,
        &config.matcher,
        &config.catalog,
        &config.roles,
    );
    lap(1);
    let cx = Context {
        doc,
        cleaned,
        outline: &outline,
        mentions: &mentions,
        config,
    };
    // Statistics first: an adoption figure is also a claim.
    let statistics = statistics::extract(&cx);
    lap(2);
    let claims = claims::extract(&cx, &statistics);
    lap(3);
    let companies = companies::extract(&cx);
    lap(4);
    let candidates = candidates::extract(&cx);
    lap(5);
    Findings {
        entities: mentions,
        claims,
        statistics,
        companies,
        candidates,
    }
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Findings {
    pub entities: Vec<Mention>,
    pub claims: Vec<Claim>,
    pub statistics: Vec<Statistic>,
    pub companies: Vec<CompanyUse>,
    /// Names proposed as entities the catalog does not know (not scored).
    pub candidates: Vec<candidates::Candidate>,
}

/// An ASCII word byte: what the extractors' automata treat as inside a
/// word when they check a hit's boundaries.
pub(crate) fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`is_word_byte`] as a table: one load in the loops that step through
/// every byte of the kept text.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

/// `word` lower-cased, borrowed when it is ASCII without capitals (most
/// words of prose), so the common case allocates nothing.
pub(crate) fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// The quote at a span: always the exact text there.
pub(crate) fn quote(doc: &Document, span: Span) -> String {
    doc.text[span.range()].to_string()
}

/// Blocks whose text is prose that findings may come from: kept, and not
/// code or markup.
pub(crate) fn prose_blocks<'a>(
    doc: &'a Document,
    cleaned: &'a Cleaned,
) -> impl Iterator<Item = usize> + 'a {
    cleaned.kept().filter(|&i| {
        !matches!(
            doc.blocks[i].kind,
            crate::model::BlockKind::Code | crate::model::BlockKind::Markup
        )
    })
}

/// Every entity mention in the kept prose of a document.
pub fn mentions(doc: &Document, cleaned: &Cleaned, matcher: &entities::Matcher) -> Vec<Mention> {
    // All blocks' finds first, so the mentions (three strings each) are
    // allocated once at their final size rather than grown and copied.
    let (mut found, mut doubtful) = (Vec::new(), Vec::new());
    for i in prose_blocks(doc, cleaned) {
        let block = &doc.blocks[i];
        let (from, doubtful_from) = (found.len(), doubtful.len());
        matcher.find_into(
            doc.block_text(block),
            block.kind.is_heading(),
            &mut found,
            &mut doubtful,
        );
        for f in found[from..]
            .iter_mut()
            .chain(&mut doubtful[doubtful_from..])
        {
            f.span = Span::new(
                block.span.start + f.span.start,
                block.span.start + f.span.end,
            );
        }
    }
    entities::Matcher::settle(&mut found, doubtful);
    let mut out = Vec::with_capacity(found.len());
    for f in &found {
        out.push(Mention {
            entity: matcher.slug(f).to_string(),
            surface: quote(doc, f.span),
            start: f.span.start,
            end: f.span.end,
            rule: f.rule.to_string(),
        });
    }
    out
}
