//! Claims: pros, cons and features of an entity, each with an aspect.

use super::{Claim, Context};

/// Extracts every claim of a document.
pub fn extract(_cx: &Context) -> Vec<Claim> {
    Vec::new()
}
