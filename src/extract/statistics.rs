//! Statistics: numbers stated about an entity's adoption, usage, speed, size,
//! community or market, normalised by [`crate::numbers`].

use super::{Context, Statistic};

/// Extracts every statistic of a document.
pub fn extract(_cx: &Context) -> Vec<Statistic> {
    Vec::new()
}
