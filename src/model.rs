//! The types that flow between the stages: an [`Article`] (raw bytes and
//! where they came from) becomes a [`Document`] (text, metadata and blocks
//! with spans), which the cleaning stage turns into a [`Cleaned`] verdict.
//!
//! Contract: a [`Span`] is born once, in the parser, and never rewritten.
//! `&document.text[block.span]` is always the block's exact text.

use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

/// Half-open byte range `[start, end)` into [`Document::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// The content hash that identifies a source: the same bytes are the same
/// source on every machine and in every run (SHA-256, lower-case hex).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SourceId(String);

impl SourceId {
    pub fn of_bytes(bytes: &[u8]) -> Self {
        SourceId(hex(&Sha256::digest(bytes)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use fmt::Write;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Where an article's bytes came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    Path(PathBuf),
    Stdin,
    Url(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Path(p) => write!(f, "{}", p.display()),
            Origin::Stdin => f.write_str("-"),
            Origin::Url(u) => f.write_str(u),
        }
    }
}

/// The three input formats roundup reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// One input as loaded: the original bytes (decompressed when the input was
/// gzip) and where they came from. `id` hashes the bytes as stored on disk.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: SourceId,
    pub origin: Origin,
    pub format: Format,
    /// The input's bytes, gunzipped when it was compressed.
    pub bytes: Vec<u8>,
}

/// Metadata captured while parsing and cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601 date (`YYYY-MM-DD`), when the article states one.
    pub published: Option<String>,
    pub site: Option<String>,
    pub canonical_url: Option<String>,
    /// Reading time in minutes ("9 min read").
    pub reading_minutes: Option<u32>,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum BlockKind {
    Title,
    Heading {
        level: u8,
    },
    Paragraph,
    ListItem {
        depth: u8,
    },
    TableCell {
        row: u32,
        col: u32,
    },
    Quote,
    Code,
    /// Markup that is not prose: Markdown front matter, raw HTML blocks,
    /// shortcodes. Kept as blocks so cleaning can say why they go.
    Markup,
}

impl BlockKind {
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Title | BlockKind::Heading { .. })
    }

    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem { .. } => "list-item",
            BlockKind::TableCell { .. } => "table-cell",
            BlockKind::Quote => "quote",
            BlockKind::Code => "code",
            BlockKind::Markup => "markup",
        }
    }
}

/// A block of the document and the span of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Block {
    #[serde(flatten)]
    pub kind: BlockKind,
    pub span: Span,
}

/// A parsed article. For UTF-8 text and Markdown `text` is the input
/// itself, byte for byte; for HTML it is the text derived from the page,
/// one block per line.
#[derive(Debug, Clone)]
pub struct Document {
    pub meta: Meta,
    pub text: String,
    pub blocks: Vec<Block>,
    /// Blocks the parser already knows are not article content, with the
    /// rule that says so: page chrome outside an HTML page's main content
    /// (`html.nav`, `html.footer`, ...). Cleaning starts from these.
    pub dropped: Vec<Dropped>,
}

impl Document {
    /// The exact text of a block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.span.range()]
    }
}

/// A dropped block: its index in [`Document::blocks`] and the id of the
/// rule that dropped it (`boilerplate.social-links`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dropped {
    pub block: usize,
    pub rule: String,
}

/// The verdict of the cleaning stage over a [`Document`]: `keep[i]` says
/// whether block `i` is article content; every dropped block has its rule.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    pub keep: Vec<bool>,
    pub dropped: Vec<Dropped>,
    /// Metadata found in dropped blocks (date line, reading time, byline).
    pub meta: Meta,
}

impl Cleaned {
    /// Indices of the kept blocks, in document order.
    pub fn kept(&self) -> impl Iterator<Item = usize> + '_ {
        self.keep
            .iter()
            .enumerate()
            .filter(|(_, &k)| k)
            .map(|(i, _)| i)
    }

    /// The rule that dropped block `i`, if it was dropped.
    pub fn reason(&self, i: usize) -> Option<&str> {
        self.dropped
            .iter()
            .find(|d| d.block == i)
            .map(|d| d.rule.as_str())
    }
}
