//! HTML: the text of every element's direct text, one block per line.

use crate::model::{Block, BlockKind, Document, Meta, Span};
use scraper::Html;

/// Parses a page into the document text and its blocks.
pub fn parse(html: &str) -> Document {
    let page = Html::parse_document(html);
    let mut text = String::new();
    let mut blocks = Vec::new();
    for node in page.root_element().descendants() {
        if let Some(t) = node.value().as_text() {
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !t.is_empty() {
                let start = text.len();
                text.push_str(&t);
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(start, text.len()),
                });
                text.push('\n');
            }
        }
    }
    Document {
        meta: Meta::default(),
        text,
        blocks,
        dropped: Vec::new(),
    }
}
