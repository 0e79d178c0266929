//! Small Markdown articles written for these tests, with the exact kind and
//! text of every block.

use super::*;

fn blocks(text: &str) -> Vec<(BlockKind, String)> {
    let doc = parse(text.to_string());
    doc.blocks
        .iter()
        .map(|b| (b.kind, doc.text[b.span.range()].to_string()))
        .collect()
}

const P: BlockKind = BlockKind::Paragraph;
const M: BlockKind = BlockKind::Markup;

fn h(level: u8) -> BlockKind {
    BlockKind::Heading { level }
}

fn li(depth: u8) -> BlockKind {
    BlockKind::ListItem { depth }
}

#[test]
fn headings_paragraphs_and_lists_span_their_content_without_markers() {
    let text = "## Django\n\nDjango is a\nPython framework.\n\n- fast\n- **secure**\n  - nested item\n\n1. first\n";
    assert_eq!(
        blocks(text),
        [
            (h(2), "Django".into()),
            (P, "Django is a\nPython framework.".into()),
            (li(1), "fast".into()),
            (li(1), "**secure**".into()),
            (li(2), "nested item".into()),
            (li(1), "first".into()),
        ]
    );
}

#[test]
fn exact_spans_of_a_setext_heading_and_a_loose_list() {
    let text = "Flask\n=====\n\n* one\n\n  more of one\n\n* two\n";
    let doc = parse(text.to_string());
    let got: Vec<(BlockKind, Span)> = doc.blocks.iter().map(|b| (b.kind, b.span)).collect();
    assert_eq!(
        got,
        [
            (BlockKind::Title, Span::new(0, 5)),
            (li(1), Span::new(15, 18)),
            (li(1), Span::new(22, 33)),
            (li(1), Span::new(37, 40)),
        ]
    );
}

#[test]
fn yaml_front_matter_is_one_markup_block_and_fills_meta() {
    let text = "---\ntitle: \"Top Go Frameworks\"\nauthor: Ada\ndate: 2024-03-22T12:00:00Z\n---\n\nGin is fast.\n";
    let doc = parse(text.to_string());
    assert_eq!(doc.blocks[0].kind, M);
    assert_eq!(
        doc.block_text(&doc.blocks[0]),
        "---\ntitle: \"Top Go Frameworks\"\nauthor: Ada\ndate: 2024-03-22T12:00:00Z\n---"
    );
    assert_eq!(doc.meta.title.as_deref(), Some("Top Go Frameworks"));
    assert_eq!(doc.meta.author.as_deref(), Some("Ada"));
    assert_eq!(doc.meta.published.as_deref(), Some("2024-03-22"));
    assert_eq!(doc.block_text(&doc.blocks[1]), "Gin is fast.");
}

#[test]
fn toml_front_matter_is_markup_too() {
    let text = "+++\ntitle = \"Rust\"\ndate = 2022-02-22\n+++\n\nAxum is nice.\n";
    let b = blocks(text);
    assert_eq!(
        b[0],
        (M, "+++\ntitle = \"Rust\"\ndate = 2022-02-22\n+++".into())
    );
    assert_eq!(b[1], (P, "Axum is nice.".into()));
}

#[test]
fn html_blocks_custom_tags_anchors_and_shortcodes_are_markup() {
    let text = "<div class=\"embed\">\n<iframe src=\"x\"></iframe>\n</div>\n\n\
        <cta-container type=\"hire\"></cta-container>\n\n\
        <a name=\"koa\"> </a>\n\n\
        {{< page-toc >}}\n\n\
        {% include ad.html %}\n\n\
        Koa is minimal.\n";
    assert_eq!(
        blocks(text),
        [
            (
                M,
                "<div class=\"embed\">\n<iframe src=\"x\"></iframe>\n</div>".into()
            ),
            (M, "<cta-container type=\"hire\"></cta-container>".into()),
            (M, "<a name=\"koa\"> </a>".into()),
            (M, "{{< page-toc >}}".into()),
            (M, "{% include ad.html %}".into()),
            (P, "Koa is minimal.".into()),
        ]
    );
}

#[test]
fn code_blocks_span_their_fences_and_quotes_are_quotes() {
    let text = "> Express is\n> minimal.\n\n```js\napp.listen(3000);\n```\n\n    indented();\n";
    assert_eq!(
        blocks(text),
        [
            (BlockKind::Quote, "Express is\n> minimal.".into()),
            (BlockKind::Code, "```js\napp.listen(3000);\n```".into()),
            (BlockKind::Code, "indented();".into()),
        ]
    );
}

#[test]
fn tables_are_cells_with_rows_and_columns_and_a_markup_delimiter() {
    let text = "| Name | Stars |\n|------|------:|\n| Koa | 30k |\n";
    assert_eq!(
        blocks(text),
        [
            (BlockKind::TableCell { row: 0, col: 0 }, "Name".into()),
            (BlockKind::TableCell { row: 0, col: 1 }, "Stars".into()),
            (M, "|------|------:|".into()),
            (BlockKind::TableCell { row: 1, col: 0 }, "Koa".into()),
            (BlockKind::TableCell { row: 1, col: 1 }, "30k".into()),
        ]
    );
}

#[test]
fn a_table_with_an_empty_header_keeps_the_header_with_its_delimiter() {
    let text = "| | |\n|---|---|\n| a | b |\n";
    let b = blocks(text);
    assert_eq!(b[0], (M, "| | |\n|---|---|".into()));
    assert_eq!(b[1].1, "a");
}

#[test]
fn inline_svg_is_markup_and_an_image_paragraph_stays_a_paragraph() {
    let text = "<svg width=\"1\"><g><text>Koa</text></g></svg>\n\n![logo](x.png)\n";
    let b = blocks(text);
    assert_eq!(b[0].0, M);
    assert_eq!(b[1], (P, "![logo](x.png)".into()));
}

#[test]
fn one_leading_h1_is_the_title_but_many_h1s_are_headings() {
    let doc = parse("# Node Frameworks\n\nText.\n\n## Koa\n".to_string());
    assert_eq!(doc.blocks[0].kind, BlockKind::Title);
    assert_eq!(doc.meta.title.as_deref(), Some("Node Frameworks"));

    let b = blocks("# One\n\nText.\n\n# Two\n");
    assert_eq!(b[0].0, h(1));
    assert_eq!(b[2].0, h(1));
}

#[test]
fn front_matter_title_wins_over_the_h1() {
    let doc = parse("---\ntitle: Meta Title\n---\n# Page Title\n\nText.\n".to_string());
    assert_eq!(doc.meta.title.as_deref(), Some("Meta Title"));
    assert_eq!(doc.blocks[1].kind, BlockKind::Title);
}

#[test]
fn spans_are_exact_for_every_block_of_a_mixed_document() {
    let text = "---\na: b\n---\n# T\n\nPara *x*.\n\n- i\n\n| a |\n|---|\n| b |\n\n```\nc\n```\n<!-- n -->\n";
    let doc = parse(text.to_string());
    assert_eq!(doc.text, text);
    for b in &doc.blocks {
        let t = doc.block_text(b);
        assert_eq!(t, t.trim(), "span {:?} has surrounding space", b.span);
        assert!(!t.is_empty());
    }
}
