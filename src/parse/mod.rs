//! Parsing: one dispatch on the article's format, then one plain function
//! per format, each returning a [`Document`] whose block spans index
//! [`Document::text`].

pub mod html;
pub mod markdown;
pub mod text;

use crate::ingest::decode::decode;
use crate::model::{Article, Document, Format};

/// Decodes and parses an article into blocks.
pub fn parse(article: &Article) -> Document {
    let text = decode(&article.bytes, article.format);
    match article.format {
        Format::Text => text::parse(text.into_owned()),
        Format::Markdown => markdown::parse(text.into_owned()),
        Format::Html => html::parse(&text),
    }
}
