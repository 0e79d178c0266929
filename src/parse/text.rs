//! Plain text: one block per non-blank line.

use crate::model::{Block, BlockKind, Document, Meta, Span};

/// Parses plain text; spans index the input itself.
pub fn parse(text: String) -> Document {
    let mut blocks = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span: Span::new(start, start + trimmed.len()),
            });
        }
        pos += line.len();
    }
    Document {
        meta: Meta::default(),
        text,
        blocks,
        dropped: Vec::new(),
    }
}
