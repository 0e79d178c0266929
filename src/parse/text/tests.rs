//! Small articles written for these tests, with the exact kind and text of
//! every block.

use super::*;

/// Every block as (kind, exact text), checking each span against the text.
fn blocks(text: &str) -> Vec<(BlockKind, String)> {
    let doc = parse(text.to_string());
    doc.blocks
        .iter()
        .map(|b| (b.kind, doc.text[b.span.range()].to_string()))
        .collect()
}

fn h(level: u8) -> BlockKind {
    BlockKind::Heading { level }
}

const P: BlockKind = BlockKind::Paragraph;
const L1: BlockKind = BlockKind::ListItem { depth: 1 };

#[test]
fn numbered_entities_roles_and_numbered_advantages_nest() {
    let text = "Best Backend Frameworks for Startups\n\
        1. Django\n\
        Django is a Python framework with an ORM.\n\
        Advantages of Django\n\
        1. Batteries Included\n\
        It ships with admin, auth and migrations.\n\
        2. Secure by Default\n\
        It escapes templates and guards against CSRF.\n\
        Popular Websites That Use Django\n\
        - Instagram\n\
        - Pinterest\n\
        2. Gin\n\
        Gin is a fast Go framework.\n\
        Conclusion\n\
        Pick the one your team knows.\n";
    assert_eq!(
        blocks(text),
        [
            (
                BlockKind::Title,
                "Best Backend Frameworks for Startups".into()
            ),
            (h(2), "1. Django".into()),
            (P, "Django is a Python framework with an ORM.".into()),
            (h(3), "Advantages of Django".into()),
            (h(4), "1. Batteries Included".into()),
            (P, "It ships with admin, auth and migrations.".into()),
            (h(4), "2. Secure by Default".into()),
            (P, "It escapes templates and guards against CSRF.".into()),
            (h(3), "Popular Websites That Use Django".into()),
            (L1, "Instagram".into()),
            (L1, "Pinterest".into()),
            (h(2), "2. Gin".into()),
            (P, "Gin is a fast Go framework.".into()),
            (h(2), "Conclusion".into()),
            (P, "Pick the one your team knows.".into()),
        ]
    );
}

#[test]
fn numbered_sentences_are_list_items_not_headings() {
    let text = "Why Pick Go:\n\
        1. Go compiles to a single binary.\n\
        2. Goroutines make concurrency cheap.\n\
        That is all.\n";
    let b = blocks(text);
    assert_eq!(b[0], (h(2), "Why Pick Go:".into()));
    assert_eq!(b[1], (L1, "Go compiles to a single binary.".into()));
    assert_eq!(b[2], (L1, "Goroutines make concurrency cheap.".into()));
    assert_eq!(b[3], (P, "That is all.".into()));
}

#[test]
fn short_numbered_lines_followed_by_numbered_lines_are_a_list() {
    let b =
        blocks("Our Picks:\n1. Django\n2. Flask\n3. FastAPI\nAll three are Python frameworks.\n");
    let kinds: Vec<BlockKind> = b.iter().map(|(k, _)| *k).collect();
    // The last one is followed by a sentence, but it continues the list.
    assert_eq!(kinds, [h(2), L1, L1, L1, P]);
    assert_eq!(b[3].1, "FastAPI");
}

#[test]
fn question_colon_and_dash_headings_in_a_blank_line_layout() {
    let text = "Most Popular Backend Frameworks\n\n\
        What is a Backend Framework?\n\n\
        A backend framework gives you routing, data access and security.\n\n\
        Top Frameworks:\n\
        • Express.js – JavaScript\n\
        • Laravel – PHP\n\n\
        Flask – Python Framework\n\n\
        Flask is small and modular.\n";
    assert_eq!(
        blocks(text),
        [
            (BlockKind::Title, "Most Popular Backend Frameworks".into()),
            (h(2), "What is a Backend Framework?".into()),
            (
                P,
                "A backend framework gives you routing, data access and security.".into()
            ),
            (h(2), "Top Frameworks:".into()),
            (L1, "Express.js – JavaScript".into()),
            (L1, "Laravel – PHP".into()),
            (h(2), "Flask – Python Framework".into()),
            (P, "Flask is small and modular.".into()),
        ]
    );
}

#[test]
fn a_sentence_ending_in_a_colon_is_not_a_heading() {
    let b = blocks("When choosing a framework, consider factors like:\n- Team skills\n");
    assert_eq!(b[0].0, P);
}

#[test]
fn label_lines_are_paragraphs() {
    let b = blocks("Instagram: To handle millions of users\nUber: For its fast execution\n");
    assert!(b.iter().all(|(k, _)| *k == P));
}

#[test]
fn repeat_of_the_section_heading_and_alt_text_between_series_are_not_headings() {
    let text = "Frameworks Worth Learning\n\n\
        Rails – Ruby Framework\n\n\
        Rails favours convention over configuration.\n\n\
        Rails – Ruby Framework\n\n\
        Mobile Tech Tracker\n\n\
        Laravel – PHP Framework\n\n\
        Laravel has an expressive ORM.\n";
    let b = blocks(text);
    assert_eq!(b[1], (h(2), "Rails – Ruby Framework".into()));
    assert_eq!(b[3], (P, "Rails – Ruby Framework".into()));
    assert_eq!(b[4], (P, "Mobile Tech Tracker".into()));
    assert_eq!(b[5], (h(2), "Laravel – PHP Framework".into()));
}

#[test]
fn title_after_a_generic_opener_and_no_title_when_the_first_line_is_prose() {
    let b = blocks("Quick Summary\nThis article compares frameworks.\n\nTop 5 Frameworks 2024\n1. Django\nDjango is mature.\n");
    assert_eq!(b[0], (h(2), "Quick Summary".into()));
    assert_eq!(b[2], (BlockKind::Title, "Top 5 Frameworks 2024".into()));
    assert_eq!(b[3], (h(2), "1. Django".into()));

    let doc = parse("Backend work matters a lot these days.\nMore text here.\n".to_string());
    assert!(doc.blocks.iter().all(|b| b.kind != BlockKind::Title));
    assert_eq!(doc.meta.title, None);
}

#[test]
fn title_goes_into_meta_and_dates_are_not_titles() {
    let doc = parse("Jun 26, 2024\nTop Backend Frameworks in 2024\nDjango is great.\n".to_string());
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Top Backend Frameworks in 2024")
    );
    assert_eq!(doc.blocks[0].kind, P);
}

#[test]
fn list_markers_quotes_and_indentation() {
    let text = "- fast\n  - very fast\n* simple\n> Related: Another Post\n-\n";
    let doc = parse(text.to_string());
    let got: Vec<(BlockKind, Span)> = doc.blocks.iter().map(|b| (b.kind, b.span)).collect();
    assert_eq!(
        got,
        [
            (L1, Span::new(2, 6)),
            (BlockKind::ListItem { depth: 2 }, Span::new(11, 20)),
            (L1, Span::new(23, 29)),
            (BlockKind::Quote, Span::new(32, 53)),
            (P, Span::new(54, 55)),
        ]
    );
}

#[test]
fn bullet_less_name_lists_are_not_headings() {
    let text =
        "Companies Using Django\nDropbox\nSpotify\nYouTube\n2. Flask\nFlask is a microframework.\n";
    let b = blocks(text);
    assert_eq!(b[1].0, P);
    assert_eq!(b[2].0, P);
    assert_eq!(b[3].0, P);
    assert!(b[4].0.is_heading());
}

#[test]
fn spans_index_the_input_byte_for_byte_with_crlf_and_unicode() {
    let text = "Ünïcode Frameworks Guide\r\n\r\n  • Café – “fast”  \r\nEnd.\r\n";
    let doc = parse(text.to_string());
    assert_eq!(doc.text, text);
    let got: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
    assert_eq!(got, ["Ünïcode Frameworks Guide", "Café – “fast”", "End."]);
}

#[test]
fn empty_and_blank_inputs_have_no_blocks() {
    assert!(parse(String::new()).blocks.is_empty());
    assert!(parse(" \n\t\n".to_string()).blocks.is_empty());
}

#[test]
fn role_headings_sit_under_their_entity() {
    let b = blocks("Web Frameworks in Practice\n1. Express\nExpress is minimal.\nKey Features of Express\n- Routing\nWho uses Express?\nUber and IBM use it.\nFinal Thoughts\nPick one. Happy coding\n");
    assert_eq!(b[1], (h(2), "1. Express".into()));
    assert_eq!(b[3], (h(3), "Key Features of Express".into()));
    assert_eq!(b[5], (h(3), "Who uses Express?".into()));
    assert_eq!(b[7], (h(2), "Final Thoughts".into()));
}

#[test]
fn a_label_before_a_figure_or_a_users_list_is_no_heading() {
    let text = "Fastify\n\nFastify keeps latency low on modest hardware.\n\n\
        Cold start: 300 ms\n\nImage Size: 95 MB\n\n\
        Customers using it: Northwind Traders, Globex\n\n\
        Go: Gin, Echo, Fiber\n\nAll three are small.\n\n\
        Reuse: Shared Components\n\nMost packages are small.\n\n\
        Used by: Initech, Hooli\n";
    let b = blocks(text);
    let kind_of = |t: &str| b.iter().find(|(_, s)| s == t).map(|(k, _)| *k);
    assert_eq!(kind_of("Cold start: 300 ms"), Some(P));
    assert_eq!(kind_of("Image Size: 95 MB"), Some(P));
    assert_eq!(
        kind_of("Customers using it: Northwind Traders, Globex"),
        Some(P)
    );
    // A stack named after its language stays a heading.
    assert!(matches!(
        kind_of("Go: Gin, Echo, Fiber"),
        Some(BlockKind::Heading { .. })
    ));
    // "use" inside a word is no use verb; "Used by" as the label is.
    assert!(matches!(
        kind_of("Reuse: Shared Components"),
        Some(BlockKind::Heading { .. })
    ));
    assert_eq!(kind_of("Used by: Initech, Hooli"), Some(P));
}

#[test]
fn a_table_laid_out_with_spaces_is_cells_under_its_rule() {
    let text = "Measured figures\n\n\
        Table 1 was measured on the lab machines.\n\n  \
        Framework      Req/s     Idle memory\n  \
        ------------   -------   -----------\n  \
        Django         1,850     68 MB\n  \
        Spring Boot    21,200    210 MB\n  \
        A line that does not split into three cells.\n\n\
        Read the table with care.\n";
    let cell =
        |row: u32, col: u32, text: &str| (BlockKind::TableCell { row, col }, text.to_string());
    assert_eq!(
        blocks(text),
        [
            (h(2), "Measured figures".to_string()),
            (P, "Table 1 was measured on the lab machines.".to_string()),
            cell(0, 0, "Framework"),
            cell(0, 1, "Req/s"),
            cell(0, 2, "Idle memory"),
            (
                BlockKind::Markup,
                "------------   -------   -----------".to_string()
            ),
            cell(1, 0, "Django"),
            cell(1, 1, "1,850"),
            cell(1, 2, "68 MB"),
            cell(2, 0, "Spring Boot"),
            cell(2, 1, "21,200"),
            cell(2, 2, "210 MB"),
            (
                P,
                "A line that does not split into three cells.".to_string()
            ),
            (P, "Read the table with care.".to_string()),
        ]
    );
    // Dashes under a heading are no table: one run, no columns.
    assert!(
        blocks("Title\n\nNotes\n-----\nSome text here that is prose.\n")
            .iter()
            .all(|(k, _)| !matches!(k, BlockKind::TableCell { .. }))
    );
}
