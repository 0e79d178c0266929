//! roundup turns "top backend frameworks" articles into an auditable
//! knowledge base.
//!
//! Data flows one way, one stage per module:
//! [`ingest`] (bytes and origin) → [`parse`] (document blocks with spans)
//! → [`clean`] (kept blocks; every dropped block with its rule) →
//! [`output`] (what `roundup clean` and `roundup extract` print) and
//! [`eval`] (scores against hand-made gold). The [`kb`] keeps every
//! article's facts with their sources; [`report`] renders it as static
//! HTML. Beside the pipeline, [`gen`] makes synthetic articles for scale
//! benchmarks.
//!
//! The library never prints and never parses command lines: the binary
//! builds a [`Config`] and calls [`process`].

pub mod audit;
pub mod catalog;
pub mod clean;
pub(crate) mod dates;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gen;
pub mod ingest;
pub mod kb;
pub mod model;
pub mod numbers;
pub mod output;
pub mod parse;
pub mod report;
pub mod structure;

pub use error::{Error, Result};
use model::{Article, Cleaned, Document};

/// Validated settings for a run: the compiled rules of every stage.
#[derive(Debug, Clone)]
pub struct Config {
    /// Boilerplate rules (built-in plus the user's own).
    pub rules: clean::Rules,
    /// The entity catalog, compiled into a matcher.
    pub matcher: extract::entities::Matcher,
    /// What headings announce.
    pub roles: structure::RoleRules,
    /// Which aspect a claim is about.
    pub aspects: extract::aspects::Lexicon,
    /// How comparison tables rate a cell.
    pub ratings: extract::claims::ratings::Ratings,
    /// The entity catalog itself: names, kinds and languages.
    pub catalog: catalog::Catalog,
    /// When two statements say the same thing.
    pub statements: kb::keys::Statements,
    /// The largest input read, after decompression.
    pub max_bytes: usize,
    /// How long fetching one URL input may take.
    pub fetch_timeout: std::time::Duration,
}

impl Config {
    /// Every rule compiled into roundup, nothing of the user's.
    pub fn builtin() -> Result<Config> {
        Config::new(clean::Rules::builtin(), &catalog::Catalog::builtin()?)
    }

    /// A config from rules and a catalog the caller loaded.
    pub fn new(rules: clean::Rules, catalog: &catalog::Catalog) -> Result<Config> {
        Ok(Config {
            rules,
            matcher: extract::entities::Matcher::new(catalog),
            roles: structure::RoleRules::builtin()?,
            aspects: extract::aspects::Lexicon::builtin()?,
            ratings: extract::claims::ratings::Ratings::builtin()?,
            catalog: catalog.clone(),
            statements: kb::keys::Statements::builtin()?,
            max_bytes: ingest::DEFAULT_MAX_BYTES,
            fetch_timeout: ingest::DEFAULT_TIMEOUT,
        })
    }

    /// The bounds [`ingest::load_with`] reads each input within.
    pub fn limits(&self) -> ingest::Limits {
        ingest::Limits {
            max_bytes: self.max_bytes,
            timeout: self.fetch_timeout,
            ..ingest::Limits::default()
        }
    }
}

/// One article taken through parsing, cleaning and extraction.
#[derive(Debug, Clone)]
pub struct Processed {
    pub article: Article,
    pub document: Document,
    pub cleaned: Cleaned,
    pub findings: extract::Findings,
}

/// Parses, cleans and extracts one article. Pure: safe to run in parallel.
pub fn process(article: Article, config: &Config) -> Processed {
    let document = parse::parse(&article);
    let cleaned = clean::clean(&document, &config.rules);
    let findings = extract::extract(&document, &cleaned, config);
    Processed {
        article,
        document,
        cleaned,
        findings,
    }
}
