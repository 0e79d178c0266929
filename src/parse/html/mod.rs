//! HTML: the page's visible text, one block per line, with every block
//! that is not the article recorded in [`Document::dropped`] with the rule
//! that says why (`html.nav`, `html.outside-main`, ...).
//!
//! The stages, each its own module: [`dom`] parses into an arena (depth
//! capped), [`segment`] flattens it into document order and cuts blocks,
//! [`classify`] reads what each element's markup says (chrome, hidden,
//! article body), [`content`] scores containers and judges every block,
//! [`meta`] reads the metadata. No stage recurses over the tree.
//!
//! ```
//! let doc = roundup::parse::html::parse(
//!     "<nav><a href='/'>Home</a></nav><article><h2>Pros</h2><ul><li>Fast</li></ul>\
//!      <p>Axum is a web framework that focuses on ergonomics and modularity, \
//!      built on Tokio, Tower and Hyper, and it is fast.</p></article>",
//! );
//! let lines: Vec<&str> = doc.text.lines().collect();
//! assert_eq!(lines[0], "Home");
//! assert_eq!(doc.dropped[0].rule, "html.nav");
//! assert_eq!(doc.block_text(&doc.blocks[2]), "Fast");
//! ```

mod classify;
mod content;
mod dom;
mod meta;
mod segment;
mod tags;

use crate::model::{Block, Document, Dropped, Span};

/// Parses a page into the document text, its blocks and the blocks that
/// are not article content.
pub fn parse(html: &str) -> Document {
    let dom = dom::parse(html);
    let items = segment::flatten(&dom);
    let seg = segment::segment(&dom, &items);
    let verdicts = content::judge(&dom, &items, &seg);
    let meta = meta::extract(&dom);
    let blocks = seg
        .blocks
        .iter()
        .map(|b| Block {
            kind: b.kind,
            span: Span::new(b.start, b.end),
        })
        .collect();
    let dropped = verdicts
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            v.map(|rule| Dropped {
                block: i,
                rule: rule.id().to_string(),
            })
        })
        .collect();
    Document {
        meta,
        text: seg.text,
        blocks,
        dropped,
    }
}
