//! Company users: companies and websites said to use an entity.

use super::{CompanyUse, Context};

/// Extracts every company use of a document.
pub fn extract(_cx: &Context) -> Vec<CompanyUse> {
    Vec::new()
}
