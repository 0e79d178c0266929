//! Markdown: one block per non-blank line for now.

use crate::model::Document;

/// Parses Markdown; spans index the input itself.
pub fn parse(text: String) -> Document {
    super::text::parse(text)
}
