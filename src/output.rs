//! What `roundup clean` and `roundup extract` print: the kept content as
//! text, the KEEP/DROP explanation, and the per-article JSON object.

use crate::model::{Format, Meta};
use crate::Processed;
use serde::Serialize;

/// The article's metadata: what the parser found, completed by what the
/// cleaner captured from dropped lines (date line, reading time, byline).
pub fn metadata(p: &Processed) -> Meta {
    let (doc, cleaned) = (&p.document.meta, &p.cleaned.meta);
    Meta {
        title: doc.title.clone().or_else(|| cleaned.title.clone()),
        author: doc.author.clone().or_else(|| cleaned.author.clone()),
        published: doc.published.clone().or_else(|| cleaned.published.clone()),
        site: doc.site.clone().or_else(|| cleaned.site.clone()),
        canonical_url: doc
            .canonical_url
            .clone()
            .or_else(|| cleaned.canonical_url.clone()),
        reading_minutes: doc.reading_minutes.or(cleaned.reading_minutes),
    }
}

/// A block's text on one line: inner line breaks and runs of white space
/// become single spaces.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The kept content, one block per line.
pub fn content(p: &Processed) -> String {
    let mut out = String::new();
    for i in p.cleaned.kept() {
        out.push_str(&one_line(p.document.block_text(&p.document.blocks[i])));
        out.push('\n');
    }
    out
}

/// Every block as `KEEP` or `DROP <rule>`, with its kind and text.
pub fn explain(p: &Processed) -> String {
    let mut out = String::new();
    for (i, block) in p.document.blocks.iter().enumerate() {
        let verdict = match p.cleaned.reason(i) {
            Some(rule) => format!("DROP {rule}"),
            None => "KEEP".to_string(),
        };
        out.push_str(&format!(
            "{verdict:<36} {:<10} {}\n",
            block.kind.label(),
            one_line(p.document.block_text(block))
        ));
    }
    out
}

/// The `source` object of `roundup extract`.
#[derive(Debug, Serialize)]
pub struct SourceJson {
    pub id: String,
    pub origin: String,
    pub format: Format,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub canonical_url: Option<String>,
    pub reading_minutes: Option<u32>,
}

/// A dropped block in `roundup extract`: its span and the rule's id.
#[derive(Debug, Serialize)]
pub struct DroppedJson {
    pub start: usize,
    pub end: usize,
    pub reason: String,
}

/// One article as `roundup extract --format json` prints it. The finding
/// arrays are filled by the extraction stage.
#[derive(Debug, Serialize)]
pub struct ExtractJson {
    pub source: SourceJson,
    /// HTML only: the document text that every span indexes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub content: String,
    pub dropped: Vec<DroppedJson>,
    pub entities: Vec<crate::extract::Mention>,
    pub claims: Vec<crate::extract::Claim>,
    pub statistics: Vec<crate::extract::Statistic>,
    pub companies: Vec<crate::extract::CompanyUse>,
    /// Names the text presents as frameworks that the catalog lacks.
    pub candidates: Vec<crate::extract::candidates::Candidate>,
}

/// Builds the `roundup extract` object for one article.
pub fn extract_json(p: &Processed) -> ExtractJson {
    let meta = metadata(p);
    ExtractJson {
        source: SourceJson {
            id: p.article.id.to_string(),
            origin: p.article.origin.to_string(),
            format: p.article.format,
            title: meta.title,
            author: meta.author,
            published: meta.published,
            site: meta.site,
            canonical_url: meta.canonical_url,
            reading_minutes: meta.reading_minutes,
        },
        text: (p.article.format == Format::Html).then(|| p.document.text.clone()),
        content: content(p),
        dropped: p
            .cleaned
            .dropped
            .iter()
            .map(|d| {
                let span = p.document.blocks[d.block].span;
                DroppedJson {
                    start: span.start,
                    end: span.end,
                    reason: d.rule.clone(),
                }
            })
            .collect(),
        entities: p.findings.entities.clone(),
        claims: p.findings.claims.clone(),
        statistics: p.findings.statistics.clone(),
        companies: p.findings.companies.clone(),
        candidates: p.findings.candidates.clone(),
    }
}
