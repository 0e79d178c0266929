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
//! How the article is found: containers are scored as Readability does
//! (paragraph length and commas, propagated to parent and grandparent,
//! times one minus link density, with class/id weights), excluding text
//! under chrome; close candidates pull up to their common ancestor, a
//! nearby `itemprop=articleBody` / `entry-content` container is preferred,
//! and siblings that read like prose join. Inside, link-dense lines,
//! teaser blurbs, widget labels and the repeated headline go.
//!
//! Rule ids: chrome by tag, role or class/id words — `html.nav`,
//! `html.header`, `html.footer`, `html.aside`, `html.form`, `html.dialog`,
//! `html.share`, `html.comments`, `html.related`, `html.newsletter`,
//! `html.cookie-banner`, `html.ad`, `html.byline`, `html.tags`,
//! `html.tools`, `html.caption`; `html.hidden` (hidden attribute,
//! aria-hidden, display:none, screen-reader-only classes); and by
//! position or content — `html.outside-main`, `html.link-dense`,
//! `html.link-context`, `html.label`, `html.title`.
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

use crate::model::{Block, BlockKind, Document, Dropped, Span};
use classify::Rule;

/// Every rule the HTML parser drops blocks by: (id, why).
pub fn rules() -> Vec<(&'static str, &'static str)> {
    Rule::ALL.iter().map(|r| (r.id(), r.why())).collect()
}

/// Parses a page into the document text, its blocks and the blocks that
/// are not article content.
pub fn parse(html: &str) -> Document {
    let dom = dom::parse(html);
    let items = segment::flatten(&dom);
    let seg = segment::segment(&dom, &items);
    let mut verdicts = content::judge(&dom, &items, &seg);
    let meta = meta::extract(&dom);
    if let Some(title) = &meta.title {
        drop_title(&seg, title, &mut verdicts);
    }
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

/// Drops kept headings that repeat the page's title: the article body
/// starts after its headline.
fn drop_title(seg: &segment::Segmented, title: &str, verdicts: &mut [Option<Rule>]) {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let title = key(title);
    if title.is_empty() {
        return;
    }
    for (b, v) in seg.blocks.iter().zip(verdicts.iter_mut()) {
        if v.is_none()
            && matches!(b.kind, BlockKind::Heading { .. })
            && key(&seg.text[b.start..b.end]) == title
        {
            *v = Some(Rule::Title);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every block as (kind, text, rule it was dropped by).
    fn blocks(doc: &Document) -> Vec<(BlockKind, &str, Option<&str>)> {
        doc.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let rule = doc
                    .dropped
                    .iter()
                    .find(|d| d.block == i)
                    .map(|d| d.rule.as_str());
                (b.kind, doc.block_text(b), rule)
            })
            .collect()
    }

    fn kept(doc: &Document) -> Vec<&str> {
        blocks(doc)
            .into_iter()
            .filter(|b| b.2.is_none())
            .map(|b| b.1)
            .collect()
    }

    /// A paragraph long enough to make its container the article.
    const PROSE: &str = "Rocket is a web framework for Rust that makes it simple to \
        write fast, secure web applications, without sacrificing flexibility, \
        usability, or type safety.";

    #[test]
    fn text_is_one_block_per_line_and_spans_are_exact() {
        let doc = parse("<p>  Hello,\n  <b>big</b>   world </p><p>Second</p>");
        assert_eq!(doc.text, "Hello, big world\nSecond\n");
        assert_eq!(doc.blocks[0].span, Span::new(0, 16));
        assert_eq!(doc.blocks[1].span, Span::new(17, 23));
        for b in &doc.blocks {
            assert_eq!(doc.text.as_bytes()[b.span.end], b'\n');
        }
    }

    #[test]
    fn headings_lists_tables_quotes_and_code_are_their_own_blocks() {
        let html = format!(
            "<article><h1>Title</h1><h3>Pros</h3><p>{PROSE}</p>\
             <ul><li>Fast<ul><li>Really fast</li></ul></li><li>Safe</li></ul>\
             <table><tr><th>Name</th><th colspan=2>Lang</th><td>x</td></tr>\
             <tr><td>Axum</td><td>Rust</td></tr></table>\
             <blockquote><p>Quoted</p></blockquote><pre>let x = 1;\nx</pre>\
             <div>Loose <i>div</i> text</div></article>"
        );
        let doc = parse(&html);
        let got: Vec<(BlockKind, &str)> = blocks(&doc).iter().map(|b| (b.0, b.1)).collect();
        assert_eq!(
            got,
            [
                (BlockKind::Heading { level: 1 }, "Title"),
                (BlockKind::Heading { level: 3 }, "Pros"),
                (BlockKind::Paragraph, PROSE),
                (BlockKind::ListItem { depth: 1 }, "Fast"),
                (BlockKind::ListItem { depth: 2 }, "Really fast"),
                (BlockKind::ListItem { depth: 1 }, "Safe"),
                (BlockKind::TableCell { row: 0, col: 0 }, "Name"),
                (BlockKind::TableCell { row: 0, col: 1 }, "Lang"),
                (BlockKind::TableCell { row: 0, col: 3 }, "x"),
                (BlockKind::TableCell { row: 1, col: 0 }, "Axum"),
                (BlockKind::TableCell { row: 1, col: 1 }, "Rust"),
                (BlockKind::Quote, "Quoted"),
                (BlockKind::Code, "let x = 1; x"),
                (BlockKind::Paragraph, "Loose div text"),
            ]
        );
    }

    #[test]
    fn chrome_is_kept_as_dropped_blocks_with_its_rule() {
        let html = format!(
            "<body><nav><ul><li><a href=/>Home</a></li></ul></nav>\
             <header><p>Site name</p></header>\
             <div class='cookie-banner'>We use cookies</div>\
             <main><article><p>{PROSE}</p><p>{PROSE}</p>\
             <div class='share-buttons'>Share on Twitter</div>\
             <form><label>Email</label><button>Subscribe</button></form>\
             <p><a href=/a>Read more about Rust web frameworks here</a></p>\
             <p hidden>Invisible</p><span class='sr-only'>Advertisement</span>\
             </article><aside><p>Popular posts</p></aside>\
             <section id='comments'><p>Nice article!</p></section></main>\
             <footer><p>Copyright 2024</p></footer>\
             <p>Loose text outside the article</p>\
             <script>var x = '<p>never text</p>';</script><style>p{{}}</style></body>"
        );
        let doc = parse(&html);
        let got: Vec<(&str, Option<&str>)> = blocks(&doc).iter().map(|b| (b.1, b.2)).collect();
        assert_eq!(
            got,
            [
                ("Home", Some("html.nav")),
                ("Site name", Some("html.header")),
                ("We use cookies", Some("html.cookie-banner")),
                (PROSE, None),
                (PROSE, None),
                ("Share on Twitter", Some("html.share")),
                ("Email", Some("html.form")),
                ("Subscribe", Some("html.form")),
                (
                    "Read more about Rust web frameworks here",
                    Some("html.link-dense")
                ),
                ("Invisible", Some("html.hidden")),
                ("Advertisement", Some("html.hidden")),
                ("Popular posts", Some("html.aside")),
                ("Nice article!", Some("html.comments")),
                ("Copyright 2024", Some("html.footer")),
                ("Loose text outside the article", Some("html.outside-main")),
            ]
        );
    }

    #[test]
    fn chrome_names_match_whole_words_only() {
        let html = format!(
            "<div class='post tag-social-media category-ads'>\
             <div class='header-image'><p>{PROSE}</p></div>\
             <div class='reader-notes'><p>{PROSE}</p></div></div>"
        );
        let doc = parse(&html);
        assert_eq!(kept(&doc), [PROSE, PROSE]);
    }

    #[test]
    fn the_best_scored_container_wins_over_a_link_list() {
        let links: String = (0..30)
            .map(|i| format!("<li><a href=/{i}>Other story number {i}</a></li>"))
            .collect();
        let html = format!(
            "<div><ul>{links}</ul></div><div><p>{PROSE}</p><p>{PROSE}</p><p>Short end.</p></div>"
        );
        let doc = parse(&html);
        assert_eq!(kept(&doc), [PROSE, PROSE, "Short end."]);
        assert!(doc.dropped.iter().all(|d| d.rule == "html.outside-main"));
    }

    #[test]
    fn captions_and_teaser_cards_are_dropped() {
        let cards: String = (0..3)
            .map(|i| {
                format!(
                    "<div class='card'><h3><a href=/{i}>Related story {i}</a></h3>\
                     <p>A short blurb about it.</p></div>"
                )
            })
            .collect();
        let html = format!(
            "<article><p>{PROSE}</p><figure><img src=a.png>\
             <figcaption>A photo (Image: Someone)</figcaption></figure>\
             <p>{PROSE}</p>{cards}</article>"
        );
        let doc = parse(&html);
        assert_eq!(kept(&doc), [PROSE, PROSE]);
        let rules: Vec<&str> = doc.dropped.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(rules[0], "html.caption");
        assert_eq!(rules[1..3], ["html.link-dense", "html.link-context"]);
    }

    #[test]
    fn a_linked_heading_opening_a_section_stays() {
        let html = format!(
            "<article><h2><a href='https://www.djangoproject.com/'>Django</a></h2>\
             <p>{PROSE}</p><h2><a href='https://rocket.rs/'>Rocket</a></h2><p>{PROSE}</p>\
             <p><a href='/next'>Next: the best Go frameworks</a></p></article>"
        );
        let doc = parse(&html);
        assert_eq!(kept(&doc), ["Django", PROSE, "Rocket", PROSE]);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading { level: 2 });
    }

    #[test]
    fn widget_labels_and_the_repeated_title_are_dropped() {
        let html = format!(
            "<title>Why Rust | Blog</title><article><h1>Why Rust</h1>\
             <p>{PROSE}</p><div>ADVERTISEMENT</div><p>{PROSE}</p><p>Comments:</p></article>"
        );
        let doc = parse(&html);
        assert_eq!(kept(&doc), [PROSE, PROSE]);
        let rules: Vec<&str> = doc.dropped.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(rules, ["html.title", "html.label", "html.label"]);
    }

    #[test]
    fn small_teasers_scoring_like_the_article_do_not_widen_it() {
        // Each teaser scores within 75% of the article (same tag and class
        // bonus, many commas) but holds far less text.
        let teaser = "<article class='post'><p>Teaser, with, many, commas, \
                      to, score, high.</p></article>";
        let body = format!("<p>{PROSE}</p>").repeat(3);
        let html = format!(
            "<div id='page'><article class='post'>{body}</article>\
             <div><div>{}</div></div></div>",
            teaser.repeat(3)
        );
        let doc = parse(&html);
        assert_eq!(kept(&doc), [PROSE, PROSE, PROSE]);
    }

    #[test]
    fn empty_and_odd_documents() {
        for html in [
            "",
            "   ",
            "<html></html>",
            "<!-- only a comment -->",
            "<p></p>",
        ] {
            let doc = parse(html);
            assert!(doc.blocks.is_empty(), "{html:?}");
            assert!(doc.text.is_empty());
        }
        // No body tag, no markup at all, broken markup: text still comes.
        assert_eq!(kept(&parse("just text")), ["just text"]);
        assert_eq!(kept(&parse("<div><p>a<div>b</p></span>c")), ["a", "b", "c"]);
        let doc = parse("<table><tr><td>1</td><td>2</td></tr></table>");
        assert_eq!(kept(&doc), ["1", "2"]);
        assert_eq!(doc.blocks[1].kind, BlockKind::TableCell { row: 0, col: 1 });
    }

    fn deep(n: usize) -> String {
        format!(
            "{}<p>deep text</p>{}<p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
    }

    #[test]
    fn nesting_100k_deep_on_the_main_test_thread() {
        let doc = parse(&deep(100_000));
        assert_eq!(doc.text, "deep text\nafter\n");
    }

    #[test]
    fn nesting_100k_deep_on_a_default_2mib_stack() {
        let worker = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(|| {
                let doc = parse(&deep(100_000));
                (doc.text, doc.blocks.len())
            });
        let result = worker.map(|h| h.join());
        match result {
            Ok(Ok((text, n))) => {
                assert_eq!(text, "deep text\nafter\n");
                assert_eq!(n, 2);
            }
            _ => panic!("parsing 100k nested divs failed on a 2 MiB stack"),
        }
    }

    #[test]
    fn other_pathological_nestings() {
        for html in [
            "<b><i>x".repeat(20_000),
            "<table><tr><td>x".repeat(5_000),
            "<a href=x>a".repeat(10_000),
            "<ul><li>x".repeat(10_000),
            "<p>x".repeat(20_000),
        ] {
            let doc = parse(&html);
            assert!(!doc.blocks.is_empty());
            for b in &doc.blocks {
                assert!(!doc.block_text(b).is_empty());
            }
        }
    }

    #[test]
    fn a_large_page_is_linear_in_text() {
        let para = format!("<p>{PROSE}</p>");
        let html = format!("<article>{}</article>", para.repeat(20_000));
        let doc = parse(&html);
        assert_eq!(doc.blocks.len(), 20_000);
        assert_eq!(doc.text.len(), (PROSE.len() + 1) * 20_000);
        assert!(doc.dropped.is_empty());
    }
}
