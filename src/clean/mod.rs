//! Cleaning: decides which blocks are article content and, for every
//! dropped block, which rule dropped it.

use crate::error::Result;
use crate::model::{Cleaned, Document};
use std::path::Path;

/// The boilerplate rules, compiled once.
#[derive(Debug, Clone, Default)]
pub struct Rules {}

impl Rules {
    /// The rules compiled into roundup.
    pub fn builtin() -> Rules {
        Rules {}
    }

    /// The built-in rules plus the user's own file.
    pub fn with_user_file(_path: &Path) -> Result<Rules> {
        Ok(Rules::builtin())
    }
}

/// Cleans a document: for now, only what the parser already dropped.
pub fn clean(doc: &Document, _rules: &Rules) -> Cleaned {
    let mut keep = vec![true; doc.blocks.len()];
    for d in &doc.dropped {
        keep[d.block] = false;
    }
    Cleaned {
        keep,
        dropped: doc.dropped.clone(),
        meta: Default::default(),
    }
}
