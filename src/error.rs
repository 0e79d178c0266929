//! The library's one error type. Every variant names the item that failed,
//! so a message read alone in a batch log says which input to look at.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read '{path}': {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read standard input: {0}")]
    Stdin(#[source] std::io::Error),
    #[error("'{path}' does not exist")]
    Missing { path: PathBuf },
    #[error("'{origin}' is empty")]
    Empty { origin: String },
    #[error("'{origin}' is a binary file ({what}), not an article")]
    Binary { origin: String, what: &'static str },
    #[error("'{origin}' is not valid gzip: {source}")]
    Gzip {
        origin: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot fetch '{url}': {reason}")]
    Fetch { url: String, reason: String },
    #[error("'{origin}' is larger than {limit} bytes")]
    TooLarge { origin: String, limit: usize },
    #[error("rules file '{origin}': {message}")]
    Rules { origin: String, message: String },
    #[error("catalog '{origin}': {message}")]
    Catalog { origin: String, message: String },
    #[error("knowledge base '{path}': {source}")]
    Kb {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "knowledge base '{path}' has schema version {found}, but this roundup reads version \
         {supported} only; use the roundup that wrote it, or ingest into a new file"
    )]
    KbSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("no source '{what}' in the knowledge base '{kb}'")]
    NoSource { what: String, kb: PathBuf },
    #[error("no entity '{name}' in the knowledge base{}", suggest(suggestions))]
    NoEntity {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("no fact '{what}' in the knowledge base '{kb}'")]
    NoFact { what: String, kb: PathBuf },
    #[error("'{what}' matches several: {}", candidates.join(", "))]
    Ambiguous {
        what: String,
        candidates: Vec<String>,
    },
    #[error("cannot write '{path}': {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("'{path}' exists and is not a roundup report: refusing to replace it")]
    NotAReport { path: PathBuf },
    #[error("report page '{page}': {message}")]
    Render { page: String, message: String },
    #[error("gold file '{path}': {message}")]
    Gold { path: PathBuf, message: String },
}

fn suggest(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", names.join(", "))
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
