//! Each rule on small articles written for it: which blocks go, under which
//! id, and which look-alike lines stay.

use super::*;
use crate::model::{Block, BlockKind, Span};
use crate::parse::{markdown, text};

/// (text of the block, rule that dropped it or "") for every block.
fn verdicts(doc: &Document, rules: &Rules) -> Vec<(String, String)> {
    let cleaned = clean(doc, rules);
    doc.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            (
                doc.block_text(b).to_string(),
                cleaned.reason(i).unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn text_verdicts(input: &str) -> Vec<(String, String)> {
    verdicts(&text::parse(input.to_string()), &Rules::builtin())
}

fn md_verdicts(input: &str) -> Vec<(String, String)> {
    verdicts(&markdown::parse(input.to_string()), &Rules::builtin())
}

/// The rule that dropped the block whose text is `block` ("" = kept).
fn rule_of<'v>(v: &'v [(String, String)], block: &str) -> &'v str {
    v.iter()
        .find(|(t, _)| t == block)
        .map(|(_, r)| r.as_str())
        .unwrap_or_else(|| panic!("no block {block:?} in {v:#?}"))
}

/// Enough prose for the end of an article to be its tail.
const BODY: &str = "Django is a batteries-included Python framework with an ORM and an admin.\n\
    Flask is a microframework that leaves the choice of libraries to you.\n\
    Express is the minimal, unopinionated framework most Node.js developers start with.\n\
    Spring Boot auto-configures the Spring ecosystem for production Java services.\n\
    Laravel gives PHP developers an expressive ORM, queues and a templating engine.\n";

#[test]
fn author_box_and_social_links_go_to_the_end() {
    let input = format!(
        "Backend Frameworks Compared\n{BODY}👤 About the Author\nRahul writes about DevOps.\n🌐 Connect with Rahul\n-\nLinkedIn: linkedin.com/company/x\n"
    );
    let v = text_verdicts(&input);
    assert_eq!(rule_of(&v, "👤 About the Author"), "boilerplate.author-bio");
    assert_eq!(
        rule_of(&v, "Rahul writes about DevOps."),
        "boilerplate.author-bio"
    );
    assert_eq!(
        rule_of(&v, "LinkedIn: linkedin.com/company/x"),
        "boilerplate.author-bio"
    );
    assert!(v[..6].iter().all(|(_, r)| r.is_empty()), "{v:#?}");
}

#[test]
fn contact_form_residue_and_a_byline_inside_it() {
    let input = format!(
        "Backend Frameworks Compared\n{BODY}Contact us through the following information:\n  • Hotline: (+84)904026070\nEditor: Acme Team\ncalendar Book a meeting\nFull Name\nEmail address\n"
    );
    let doc = text::parse(input);
    let cleaned = clean(&doc, &Rules::builtin());
    let v = verdicts(&doc, &Rules::builtin());
    assert_eq!(
        rule_of(&v, "Contact us through the following information:"),
        "boilerplate.contact-info"
    );
    assert_eq!(rule_of(&v, "Full Name"), "boilerplate.contact-info");
    assert_eq!(cleaned.meta.author.as_deref(), Some("Acme Team"));
}

#[test]
fn contact_form_fields_start_a_zone_of_their_own() {
    let input = format!("Backend Frameworks Compared\n{BODY}Book a meeting\nFull Name\nEmail address\ncall close-call\n");
    let v = text_verdicts(&input);
    assert_eq!(rule_of(&v, "Book a meeting"), "boilerplate.contact-form");
    assert_eq!(rule_of(&v, "call close-call"), "boilerplate.contact-form");
}

#[test]
fn contact_form_words_early_in_an_article_do_not_start_a_zone() {
    let input = format!("Backend Frameworks Compared\nFull Name\n{BODY}");
    let v = text_verdicts(&input);
    assert!(v.iter().all(|(_, r)| r.is_empty()), "{v:#?}");
}

#[test]
fn related_posts_box_with_dates_runs_until_prose() {
    let input = format!(
        "Backend Frameworks Compared\n{BODY}Comprehensive Web Development Services\nAcme delivers custom web development solutions tailored to your business needs.\nLearn more\nMore ideas.\nWhat Is The Fastest Language?\nFeb 21, 2024\nRedux Basics\nFeb 19, 2024\n"
    );
    let doc = text::parse(input);
    let cleaned = clean(&doc, &Rules::builtin());
    let v = verdicts(&doc, &Rules::builtin());
    assert_eq!(
        rule_of(&v, "Comprehensive Web Development Services"),
        "boilerplate.promotion"
    );
    assert_eq!(rule_of(&v, "Learn more"), "boilerplate.call-to-action");
    assert_eq!(rule_of(&v, "More ideas."), "boilerplate.related-posts");
    assert_eq!(rule_of(&v, "Feb 19, 2024"), "boilerplate.related-posts");
    // Dates of other posts are not this article's date.
    assert_eq!(cleaned.meta.published, None);
}

#[test]
fn reading_time_and_date_line_are_captured_then_dropped() {
    let input = format!("11 mins\nJun 26, 2024\n{BODY}");
    let doc = text::parse(input);
    let cleaned = clean(&doc, &Rules::builtin());
    assert_eq!(cleaned.reason(0), Some("boilerplate.reading-time"));
    assert_eq!(cleaned.reason(1), Some("boilerplate.date-line"));
    assert_eq!(cleaned.meta.reading_minutes, Some(11));
    assert_eq!(cleaned.meta.published.as_deref(), Some("2024-06-26"));
    assert!(cleaned.keep[2..].iter().all(|&k| k));
}

#[test]
fn duplicate_title_repeated_heading_and_alt_text_before_a_heading() {
    let input = "Nine Backend Frameworks for 2024\n\nIntro text about frameworks and how to choose one.\n\n\
        Nine Backend Frameworks for 2024\n\n\
        NodeJS Backend Framework\n\nNode.js is fast and has a huge ecosystem of packages.\n\n\
        NodeJS Backend Framework\n\n\
        Rust Backend Framework\n\nRust is memory safe without a garbage collector.\n\n\
        laravel popular backend frameworks\n\n\
        PHP Backend Framework\n\nPHP powers much of the web.\n";
    let v = text_verdicts(input);
    assert_eq!(v[0].1, "");
    assert_eq!(v[2].1, "boilerplate.duplicate-title");
    assert_eq!(v[3], ("NodeJS Backend Framework".into(), String::new()));
    assert_eq!(
        v[5],
        (
            "NodeJS Backend Framework".into(),
            "boilerplate.image-caption".into()
        )
    );
    assert_eq!(
        rule_of(&v, "laravel popular backend frameworks"),
        "boilerplate.image-caption"
    );
    assert_eq!(rule_of(&v, "PHP Backend Framework"), "");
}

#[test]
fn hire_our_developers_is_promotion_but_the_talent_pool_is_content() {
    let input = format!(
        "# Frameworks\n\n{BODY}\n👉 **Hire dedicated Django developers** – get a free quote.\n\n\
         Want a fast API? Hire Golang developers from us at affordable rates.\n\n\
         It is easy to hire Django developers because the talent pool is large.\n"
    );
    let v = md_verdicts(&input);
    for (line, rule) in [
        (
            "👉 **Hire dedicated Django developers** – get a free quote.",
            "boilerplate.promotion",
        ),
        (
            "Want a fast API? Hire Golang developers from us at affordable rates.",
            "boilerplate.promotion",
        ),
        (
            "It is easy to hire Django developers because the talent pool is large.",
            "",
        ),
    ] {
        assert_eq!(rule_of(&v, line), rule, "{line}");
    }
}

#[test]
fn an_emailed_digest_loses_its_chrome_and_signature() {
    let input = format!(
        "View this email in your browser\n\nBackend notes of the quarter\n\nIN THIS ISSUE\n- Why we looked\n- Gin: adopt\n\n\
         WHY WE LOOKED\n\n{BODY}{BODY}\nBest regards,\nSam Lee\nStaff Engineer\n\nPS: The meetup is on Friday, bring snacks.\n\n\
         You're receiving this because you joined the platform list two years ago.\n"
    );
    let v = text_verdicts(&input);
    assert_eq!(
        rule_of(&v, "View this email in your browser"),
        "boilerplate.newsletter"
    );
    assert_eq!(rule_of(&v, "IN THIS ISSUE"), "boilerplate.toc");
    assert_eq!(rule_of(&v, "Gin: adopt"), "boilerplate.toc");
    assert_eq!(rule_of(&v, "WHY WE LOOKED"), "");
    for line in [
        "Best regards,",
        "Sam Lee",
        "PS: The meetup is on Friday, bring snacks.",
    ] {
        assert_eq!(rule_of(&v, line), "boilerplate.sign-off", "{line}");
    }
}

#[test]
fn a_label_and_its_items_before_a_heading_are_no_caption() {
    let input = "# Frameworks\n\n## Flask\n\nFlask is a microframework for small services.\n\n\
        Used by: Reddit, Lyft, Zillow\n\n## Gin\n\nGin is a Go framework with a fast router.\n\n\
        gin web framework homepage\n\n## Echo\n\nEcho is minimal.\n";
    let v = md_verdicts(input);
    assert_eq!(rule_of(&v, "Used by: Reddit, Lyft, Zillow"), "");
    assert_eq!(
        rule_of(&v, "gin web framework homepage"),
        "boilerplate.image-caption"
    );
}

#[test]
fn bullet_less_company_lists_before_a_heading_stay() {
    let input = "Top Frameworks Today\n1. Django\nDjango is a Python framework used by many sites.\nCompanies Using Django\nDropbox\nSpotify\nYouTube\n2. Flask\nFlask is a microframework for small services.\n";
    let v = text_verdicts(input);
    assert!(v.iter().all(|(_, r)| r.is_empty()), "{v:#?}");
}

#[test]
fn promotion_needs_a_strong_phrase_or_two_cues() {
    let input = format!(
        "Backend Frameworks Compared\n{BODY}For professional assistance with backend development, Acme has the expertise.\n\
        The team at Acme has highly skilled experts. We offer end-to-end backend development services.\n\
        Our team moved from Flask to FastAPI last year and never looked back.\n"
    );
    let v = text_verdicts(&input);
    assert_eq!(
        rule_of(
            &v,
            "For professional assistance with backend development, Acme has the expertise."
        ),
        "boilerplate.promotion"
    );
    assert_eq!(
        rule_of(&v, "The team at Acme has highly skilled experts. We offer end-to-end backend development services."),
        "boilerplate.promotion"
    );
    assert_eq!(
        rule_of(
            &v,
            "Our team moved from Flask to FastAPI last year and never looked back."
        ),
        ""
    );
}

#[test]
fn genuine_sentences_that_look_like_boilerplate_stay() {
    let input = format!(
        "Backend Frameworks Compared\n{BODY}Django was first published in 2005 by a newspaper team.\n\
        Instagram: To handle millions of active users efficiently\n\
        Connect with any database through the ORM.\n\
        GitHub: github.com/expressjs/express\n\
        Address: the routing layer handles it.\n"
    );
    let v = text_verdicts(&input);
    for (t, r) in &v {
        if t != "Address: the routing layer handles it." {
            assert_eq!(r, "", "{t:?} was dropped");
        }
    }
}

#[test]
fn related_line_and_originally_posted_note() {
    let input = format!(
        "Backend Frameworks Compared\n> Related: Top 5 Backends for React Native\n{BODY}\
        For more insights on frameworks, explore our detailed comparison of ORMs.\n\
        This article was originally posted on Dev Weekly.\n"
    );
    let v = text_verdicts(&input);
    assert_eq!(
        rule_of(&v, "Related: Top 5 Backends for React Native"),
        "boilerplate.related-posts"
    );
    assert_eq!(
        rule_of(
            &v,
            "For more insights on frameworks, explore our detailed comparison of ORMs."
        ),
        "boilerplate.related-posts"
    );
    assert_eq!(
        rule_of(&v, "This article was originally posted on Dev Weekly."),
        "boilerplate.originally-posted"
    );
}

#[test]
fn markdown_constructs_each_have_their_rule() {
    let input = "---\ntitle: Node Frameworks\n---\n\n\
        <!--more-->\n\n\
        {{< page-toc >}}\n\n\
        <cta-container type=\"hire\"></cta-container>\n\n\
        ## Table of contents\n\n\
        * [Koa](#koa)\n\
        * [Express](#express)\n\n\
        ## Koa\n\n\
        ![Koa logo](https://example.com/koa.png)\n\n\
        `youtube: P0Xk8UhawEQ`\n\n\
        Koa is a small framework by the Express team.\n\n\
        [Best paid resource to learn Koa](https://example.com/course)\n\n\
        ```python exec\nimport site_widgets\n```\n\n\
        ```js\nconst koa = require('koa');\n```\n\n\
        | Stars | 30k |\n|---|---|\n| Forks | 3k |\n\n\
        * [koa-router](https://github.com/koajs/router)\n\n\
        # TODO(ann): add benchmark\n\n\
        ### Thank you for reading, and let's connect!\n\n\
        > Want to learn more? Get my book [Rust Web](https://example.com)!\n";
    let v = md_verdicts(input);
    let rule = |t: &str| rule_of(&v, t).to_string();
    assert_eq!(
        rule("---\ntitle: Node Frameworks\n---"),
        "markdown.front-matter"
    );
    assert_eq!(rule("<!--more-->"), "markdown.html-comment");
    assert_eq!(rule("{{< page-toc >}}"), "markdown.shortcode");
    assert_eq!(
        rule("<cta-container type=\"hire\"></cta-container>"),
        "markdown.html-embed"
    );
    assert_eq!(rule("Table of contents"), "boilerplate.toc");
    assert_eq!(rule("[Koa](#koa)"), "boilerplate.toc");
    assert_eq!(rule("Koa"), "");
    assert_eq!(
        rule("![Koa logo](https://example.com/koa.png)"),
        "markdown.image"
    );
    assert_eq!(rule("`youtube: P0Xk8UhawEQ`"), "markdown.embed");
    assert_eq!(rule("Koa is a small framework by the Express team."), "");
    assert_eq!(
        rule("[Best paid resource to learn Koa](https://example.com/course)"),
        "markdown.link-only"
    );
    assert_eq!(
        rule("```python exec\nimport site_widgets\n```"),
        "markdown.code-directive"
    );
    assert_eq!(rule("```js\nconst koa = require('koa');\n```"), "");
    assert_eq!(rule("|---|---|"), "");
    assert_eq!(rule("30k"), "");
    // A link in a list is a reference, not a plug.
    assert_eq!(rule("[koa-router](https://github.com/koajs/router)"), "");
    assert_eq!(
        rule("TODO(ann): add benchmark"),
        "boilerplate.editorial-note"
    );
    assert_eq!(
        rule("Thank you for reading, and let's connect!"),
        "boilerplate.follow-me"
    );
    assert_eq!(
        rule("Want to learn more? Get my book [Rust Web](https://example.com)!"),
        "boilerplate.promotion"
    );
}

#[test]
fn a_repeated_markdown_heading_is_the_authors() {
    let v = md_verdicts("## Koa\n\n### Example\n\n```js\na\n```\n\n### Example\n\n```js\nb\n```\n");
    assert!(v.iter().all(|(_, r)| r.is_empty()), "{v:#?}");
}

#[test]
fn conclusion_heading_stays_when_its_section_is_a_plug() {
    let input = format!("Backend Frameworks Compared\n{BODY}Conclusion\nFor professional assistance, contact us today and get a quote.\n");
    let v = text_verdicts(&input);
    assert_eq!(rule_of(&v, "Conclusion"), "");
    assert_eq!(
        rule_of(
            &v,
            "For professional assistance, contact us today and get a quote."
        ),
        "boilerplate.promotion"
    );
}

#[test]
fn parser_drops_are_kept_and_html_blocks_are_cleaned_too() {
    let text = "Home | Blog\nTop Frameworks\nDjango is great for teams that want everything built in.\nLearn more\n".to_string();
    let span = |s: &str| {
        let start = text.find(s).expect("in text");
        Span::new(start, start + s.len())
    };
    let doc = Document {
        meta: Meta::default(),
        blocks: vec![
            Block {
                kind: BlockKind::Paragraph,
                span: span("Home | Blog"),
            },
            Block {
                kind: BlockKind::Heading { level: 1 },
                span: span("Top Frameworks"),
            },
            Block {
                kind: BlockKind::Paragraph,
                span: span("Django is great for teams that want everything built in."),
            },
            Block {
                kind: BlockKind::Paragraph,
                span: span("Learn more"),
            },
        ],
        dropped: vec![Dropped {
            block: 0,
            rule: "html.nav".into(),
        }],
        text,
    };
    let cleaned = clean(&doc, &Rules::builtin());
    assert_eq!(cleaned.keep, [false, true, true, false]);
    assert_eq!(cleaned.reason(0), Some("html.nav"));
    assert_eq!(cleaned.reason(3), Some("boilerplate.call-to-action"));
}

#[test]
fn every_builtin_rule_has_a_dotted_id_and_a_reason() {
    let rules = Rules::builtin();
    let described = rules.describe();
    assert!(described.len() > 20);
    for (id, why) in described {
        assert!(
            id.starts_with("boilerplate.") || id.starts_with("markdown."),
            "{id}"
        );
        assert!(!why.is_empty(), "{id} does not say why it drops");
    }
}

#[test]
fn user_rules_come_first_and_add_to_the_builtin_ones() {
    let user = r#"
[[rule]]
id = "site.sponsor-note"
why = "Sponsor notes."
kinds = ["heading", "paragraph"]
patterns = ['^Sponsored by\b']
"#;
    let rules = Rules::with_user_source("mine.toml", user).expect("valid");
    assert_eq!(
        rules.describe().len(),
        Rules::builtin().describe().len() + 1
    );
    let doc = text::parse(format!(
        "Backend Frameworks Compared\nSponsored by Acme\n{BODY}9 min read\n"
    ));
    let cleaned = clean(&doc, &rules);
    assert_eq!(cleaned.reason(1), Some("site.sponsor-note"));
    assert!(cleaned
        .dropped
        .iter()
        .any(|d| d.rule == "boilerplate.reading-time"));
}

fn rules_error(source: &str) -> String {
    match Rules::with_user_source("bad.toml", source) {
        Ok(_) => panic!("accepted a bad rules file"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_rules_files_name_the_file_and_the_rule() {
    let bad_regex =
        rules_error("[[rule]]\nid = \"x.y\"\nkinds = [\"paragraph\"]\npatterns = ['(unclosed']\n");
    assert!(
        bad_regex.starts_with("rules file 'bad.toml': rule 'x.y': pattern 1 is not a valid regex"),
        "{bad_regex}"
    );

    let bad_kind = rules_error("[[rule]]\nid = \"x.y\"\nkinds = [\"sidebar\"]\npatterns = ['a']\n");
    assert!(
        bad_kind.contains("rule 'x.y': unknown block kind 'sidebar'"),
        "{bad_kind}"
    );

    let no_id = rules_error("[[rule]]\nkinds = [\"paragraph\"]\npatterns = ['a']\n");
    assert!(no_id.contains("rule #1 has no id"), "{no_id}");

    let bad_id =
        rules_error("[[rule]]\nid = \"Nodots\"\nkinds = [\"paragraph\"]\npatterns = ['a']\n");
    assert!(
        bad_id.contains("'Nodots', which is not dotted lower case"),
        "{bad_id}"
    );

    let no_patterns = rules_error("[[rule]]\nid = \"x.y\"\nkinds = [\"paragraph\"]\n");
    assert!(
        no_patterns.contains("rule 'x.y' has no patterns"),
        "{no_patterns}"
    );

    let typo = rules_error("[[rule]]\nid = \"x.y\"\nkinds = [\"paragraph\"]\npaterns = ['a']\n");
    assert!(typo.contains("paterns"), "{typo}");

    let bad_zone = rules_error(
        "[[zone]]\nid = \"x.z\"\nkinds = [\"heading\"]\nstart = ['a']\nextent = \"forever\"\n",
    );
    assert!(
        bad_zone.contains("zone 'x.z': unknown extent 'forever'"),
        "{bad_zone}"
    );

    let no_name = rules_error("[[rule]]\nid = \"x.y\"\nkinds = [\"paragraph\"]\npatterns = ['^By (.+)$']\ncapture = \"author\"\n");
    assert!(no_name.contains("no (?P<name>...) group"), "{no_name}");
}

#[test]
fn a_missing_rules_file_is_a_read_error() {
    let err = Rules::with_user_file(Path::new("/nonexistent/rules.toml"))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("/nonexistent/rules.toml"), "{err}");
}

#[test]
fn a_rules_file_on_disk_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rules.toml");
    std::fs::write(
        &path,
        "[settings]\ntail_start = 0.5\n\n[[rule]]\nid = \"site.x\"\nkinds = [\"heading\"]\npatterns = ['^Ad$']\n",
    )
    .expect("write");
    let rules = Rules::with_user_file(&path).expect("loads");
    assert_eq!(
        rules.describe().first().map(|d| d.0),
        Some("boilerplate.author-bio")
    );
    assert!(rules.describe().iter().any(|d| d.0 == "site.x"));
}

#[test]
fn text_toc_share_bar_newsletter_and_copyright() {
    let input = format!(
        "Top Backend Frameworks in 2025\nTable of Contents\n1. Django\n2. Express.js\n1. Django\n{BODY}\
        Share this article\nTwitter\nFacebook\nSubscribe to our newsletter\nGet the latest posts delivered to your inbox.\n\
        © 2025 Acme Dev Blog. All rights reserved.\n"
    );
    let v = text_verdicts(&input);
    assert_eq!(v[1], ("Table of Contents".into(), "boilerplate.toc".into()));
    assert_eq!(v[2], ("Django".into(), "boilerplate.toc".into()));
    assert_eq!(v[3], ("Express.js".into(), "boilerplate.toc".into()));
    assert_eq!(v[4], ("1. Django".into(), String::new()));
    assert_eq!(rule_of(&v, "Facebook"), "boilerplate.social-links");
    assert_eq!(
        rule_of(&v, "Get the latest posts delivered to your inbox."),
        "boilerplate.follow-me"
    );
    assert_eq!(
        rule_of(&v, "© 2025 Acme Dev Blog. All rights reserved."),
        "boilerplate.copyright"
    );
}

#[test]
fn company_names_in_a_tail_list_are_not_a_share_bar() {
    let input = format!("Backend Frameworks Compared\n{BODY}Popular Websites That Use Express\n- Facebook\n- Twitter\n");
    let v = text_verdicts(&input);
    assert!(v.iter().all(|(_, r)| r.is_empty()), "{v:#?}");
}

#[test]
fn newsletter_chrome_nav_bars_bio_paragraphs_and_piped_bylines() {
    let input = format!(
        "# Backend notes\n\n[Home](/) | [Guides](/guides) | [About](/about)\n\n\
         By Jo van der Berg | 2 May 2025 | 6 min read\n\n{BODY}\n\
         SPONSORED\n\n\
         **About the author:** Jo has built APIs in Go and Elixir for ten years.\n\n\
         You are receiving this because you subscribed.\n\n\
         Unsubscribe | Update your preferences\n\n\
         Mastodon: @jo@example.social\n\n\
         [Read the Django docs](https://docs.djangoproject.com) for the details.\n\n\
         Teams unsubscribe from noisy alerts when Node.js services scale out, and that is a real cost.\n"
    );
    let v = md_verdicts(&input);
    assert_eq!(
        rule_of(&v, "[Home](/) | [Guides](/guides) | [About](/about)"),
        "markdown.nav-links"
    );
    assert_eq!(
        rule_of(&v, "By Jo van der Berg | 2 May 2025 | 6 min read"),
        "boilerplate.byline"
    );
    assert_eq!(rule_of(&v, "SPONSORED"), "boilerplate.newsletter");
    assert_eq!(
        rule_of(
            &v,
            "**About the author:** Jo has built APIs in Go and Elixir for ten years."
        ),
        "boilerplate.author-bio"
    );
    assert_eq!(
        rule_of(&v, "You are receiving this because you subscribed."),
        "boilerplate.newsletter-notice"
    );
    assert_eq!(
        rule_of(&v, "Unsubscribe | Update your preferences"),
        "boilerplate.newsletter"
    );
    assert_eq!(
        rule_of(&v, "Mastodon: @jo@example.social"),
        "boilerplate.social-links"
    );
    // A sentence with a link in it, and a long one that says "unsubscribe",
    // are prose.
    assert_eq!(
        rule_of(
            &v,
            "[Read the Django docs](https://docs.djangoproject.com) for the details."
        ),
        ""
    );
    assert_eq!(
        rule_of(
            &v,
            "Teams unsubscribe from noisy alerts when Node.js services scale out, and that is a real cost."
        ),
        ""
    );
}

#[test]
fn breadcrumbs_bylines_share_bars_comments_and_repo_chrome() {
    let input = format!(
        "Home > Engineering > Interviews\nPicking a Backend Stack\n\nBy Dana Whitfield | March 3, 2025 | 8 min read\n\n{BODY}\nShare this: Twitter | LinkedIn | Email\n\nShare your favourite framework with your team.\n"
    );
    let v = text_verdicts(&input);
    assert_eq!(
        rule_of(&v, "Home > Engineering > Interviews"),
        "boilerplate.breadcrumb"
    );
    assert_eq!(
        rule_of(&v, "By Dana Whitfield | March 3, 2025 | 8 min read"),
        "boilerplate.byline"
    );
    assert_eq!(
        rule_of(&v, "Share this: Twitter | LinkedIn | Email"),
        "boilerplate.follow-me"
    );
    assert_eq!(
        rule_of(&v, "Share your favourite framework with your team."),
        ""
    );

    let md = format!(
        "<p align=\"center\">\n  <img src=\"logo.svg\" width=\"120\">\n</p>\n\n# Awesome Backends\n\n{BODY}\n\
         Which one did I get wrong? Tell me in the comments.\n\n## Top comments (2)\n\nGreat list!\n\n\
         ## Contributing\n\nPull requests welcome.\n\n⭐ Star this repo if it helped!\n"
    );
    let v = md_verdicts(&md);
    assert_eq!(
        rule_of(
            &v,
            "<p align=\"center\">\n  <img src=\"logo.svg\" width=\"120\">\n</p>"
        ),
        "markdown.html-embed"
    );
    assert_eq!(
        rule_of(&v, "Which one did I get wrong? Tell me in the comments."),
        "boilerplate.follow-me"
    );
    assert_eq!(rule_of(&v, "Top comments (2)"), "boilerplate.comments");
    assert_eq!(rule_of(&v, "Great list!"), "boilerplate.comments");
    assert_eq!(rule_of(&v, "Contributing"), "boilerplate.comments");
    assert_eq!(rule_of(&v, "Awesome Backends"), "");
}

#[test]
fn a_repository_closes_with_contributing_sponsors_and_license() {
    let md = format!(
        "# Awesome Backends\n\n{BODY}\n## Contributing\n\nPull requests welcome.\n\n## License\n\nCC0.\n"
    );
    let v = md_verdicts(&md);
    assert_eq!(rule_of(&v, "Contributing"), "boilerplate.repo-meta");
    assert_eq!(
        rule_of(&v, "Pull requests welcome."),
        "boilerplate.repo-meta"
    );
    assert_eq!(rule_of(&v, "CC0."), "boilerplate.repo-meta");
}

#[test]
fn a_handout_loses_its_running_footer_but_keeps_its_lettered_items() {
    let footer = "CS 412 Web Systems \u{2014} Lecture 7 \u{2014} page 2 of 4\n\n";
    let input = format!(
        "Lecture notes on server frameworks\n\n{BODY}\n{footer}Where it hurts:\n\
         (a) No admin and no ORM of its own.\n\
         (c) Performance is very good for Python: it served five times the requests.\n\n{BODY}\n\
         (c) 2025 Northbridge University\n"
    );
    let v = text_verdicts(&input);
    assert_eq!(
        rule_of(
            &v,
            "CS 412 Web Systems \u{2014} Lecture 7 \u{2014} page 2 of 4"
        ),
        "boilerplate.page-number"
    );
    // "(c)" that opens an item of a lettered list is no copyright sign.
    assert_eq!(
        rule_of(
            &v,
            "(c) Performance is very good for Python: it served five times the requests."
        ),
        ""
    );
    assert_eq!(
        rule_of(&v, "(c) 2025 Northbridge University"),
        "boilerplate.copyright"
    );
}

#[test]
fn a_printed_report_loses_its_page_furniture() {
    let page = "NORTHWIND LABS | Server frameworks, a buyer's guide\n\nRestricted. Internal use only. Do not forward without approval.\n\nPage 4 of 12\n\n";
    let input = format!(
        "Server frameworks, a buyer's guide\n\nReleased 5 May 2025\n\n{BODY}\n{page}{BODY}\n{page}{BODY}\n{page}\
         Phone: +44 20 7946 0000 | sales@northwind.example | northwind.example\n\n\
         Ring us on +44 20 7946 0000 or drop a line to sales@northwind.example\n"
    );
    let v = text_verdicts(&input);
    assert_eq!(
        rule_of(&v, "NORTHWIND LABS | Server frameworks, a buyer's guide"),
        "boilerplate.running-header"
    );
    assert_eq!(rule_of(&v, "Page 4 of 12"), "boilerplate.page-number");
    assert_eq!(rule_of(&v, "Released 5 May 2025"), "boilerplate.date-line");
    assert_eq!(
        rule_of(
            &v,
            "Restricted. Internal use only. Do not forward without approval."
        ),
        "boilerplate.copyright"
    );
    assert_eq!(
        rule_of(
            &v,
            "Phone: +44 20 7946 0000 | sales@northwind.example | northwind.example"
        ),
        "boilerplate.contact-info"
    );
    assert_eq!(
        rule_of(
            &v,
            "Ring us on +44 20 7946 0000 or drop a line to sales@northwind.example"
        ),
        "boilerplate.contact-info"
    );
}

#[test]
fn what_recurs_in_an_article_is_not_always_a_running_header() {
    // A recurring label, a recurring sentence, and a line without a
    // separator stay: only page furniture is cut in parts.
    let mut input = String::new();
    for name in ["Django", "Flask", "Express"] {
        input.push_str(&format!(
            "{name}\n\n{BODY}\n**Skip it if you need it**\n\nBest for small teams with a deadline\n\n\
             We would pick it again for a new service.\n\n"
        ));
    }
    let v = text_verdicts(&input);
    for line in [
        "**Skip it if you need it**",
        "Best for small teams with a deadline",
        "We would pick it again for a new service.",
    ] {
        assert_eq!(rule_of(&v, line), "", "{line}");
    }
}

#[test]
fn a_discussion_thread_loses_its_votes_and_buttons() {
    let input = format!(
        "Which framework for a two-person startup?\n\nStarted by u/quiet_cache · March 3, 2025\n\n{BODY}\n\
         **u/green_thread** · 4 hr. ago\n\n{BODY}\n▲ 27 points · reply · share · report\n\n\
         Sorted by: Top\n\nShow 14 more replies\n\n- r/webdev · 2.1M members\n"
    );
    let v = md_verdicts(&input);
    for line in [
        "**u/green_thread** · 4 hr. ago",
        "▲ 27 points · reply · share · report",
        "Sorted by: Top",
        "Show 14 more replies",
        "r/webdev · 2.1M members",
    ] {
        assert_eq!(rule_of(&v, line), "boilerplate.thread-meta", "{line}");
    }
    // A sentence with "ago" and a vote count in prose stays.
    let prose =
        "Two years ago we moved our votes service to Go, and it now handles 300 votes per second.";
    let v = md_verdicts(&format!("{BODY}\n{prose}\n"));
    assert_eq!(rule_of(&v, prose), "");
}

#[test]
fn stacked_metadata_lines_go_together_and_one_line_of_content_keeps_them() {
    let input =
        "# Picking a Python backend\n\nWritten by Ana Lima\nUpdated: 2024-03-02\n7 min read\n\n\
        Django and FastAPI cover most needs.\n\n## Notes\n\nFastAPI\nFast and typed\n";
    let doc = markdown::parse(input.to_string());
    let cleaned = clean(&doc, &Rules::builtin());
    let v = verdicts(&doc, &Rules::builtin());
    assert_eq!(
        rule_of(&v, "Written by Ana Lima\nUpdated: 2024-03-02\n7 min read"),
        "boilerplate.byline"
    );
    assert_eq!(cleaned.meta.author.as_deref(), Some("Ana Lima"));
    assert_eq!(cleaned.meta.published.as_deref(), Some("2024-03-02"));
    assert_eq!(cleaned.meta.reading_minutes, Some(7));
    // "FastAPI" alone could be a label; "Fast and typed" is content.
    assert_eq!(rule_of(&v, "FastAPI\nFast and typed"), "");
}

#[test]
fn a_form_between_sections_ends_at_the_next_heading_or_zone() {
    let input = format!(
        "# Go or Rust?\n\n{BODY}\n## Talk to us\n\nYour name\n\nWork email\n\nWhat are you building?\n\n\
         ## Verdict\n\nGo ships faster; Rust runs leaner.\n\nFull name\nEmail\nSend\n\n\
         About the author\n\nKim has shipped Go services since 2014 and now writes about backend systems at length.\n"
    );
    let v = md_verdicts(&input);
    assert_eq!(rule_of(&v, "Work email"), "boilerplate.contact-form");
    assert_eq!(
        rule_of(&v, "What are you building?"),
        "boilerplate.contact-form"
    );
    assert_eq!(rule_of(&v, "Verdict"), "");
    assert_eq!(rule_of(&v, "Go ships faster; Rust runs leaner."), "");
    assert_eq!(
        rule_of(&v, "Full name\nEmail\nSend"),
        "boilerplate.contact-form"
    );
    // The bio after the form is the author box's, not the form's.
    assert_eq!(rule_of(&v, "About the author"), "boilerplate.author-bio");
}

#[test]
fn show_notes_chrome_sponsors_chapters_links_and_captions() {
    let input = format!(
        "Episode 12: Which web framework?\n\nThe Backend Weekly · 3 February 2025\n\nHosted by Priya Raman & Leo Park\n\n\
         Chapters\n00:00 Hello\n03:41 Why we left Flask\n1:02:10 Listener mail\n\n{BODY}\
         A word from our sponsor: NimbusDB keeps your data close to your users.\n\
         This video is brought to you by Railcar.\n\
         Use code BACKEND20 at checkout.\n\
         At 10:30 the service fell over, and Django took the blame.\n\
         09:15 we moved everything to FastAPI.\n\
         Figure 3 – Requests per second by framework\n\
         Django logo\n\
         The logo of Django is a green pony, which says nothing about speed.\n\
         See https://fastapi.tiangolo.com for the docs.\n\
         This conversation has been lightly edited for clarity.\n\
         Download our free e-book on API design\n\
         Links from this episode\n\
         https://fastapi.tiangolo.com/tutorial/\n\
         Listen on Spotify or wherever you get your podcasts\n\
         Thanks for watching!\n"
    );
    let v = text_verdicts(&input);
    let doc = text::parse(input.clone());
    let meta = clean(&doc, &Rules::builtin()).meta;
    for (line, rule) in [
        (
            "The Backend Weekly · 3 February 2025",
            "boilerplate.date-line",
        ),
        ("Hosted by Priya Raman & Leo Park", "boilerplate.byline"),
        ("Chapters", "boilerplate.toc"),
        ("03:41 Why we left Flask", "boilerplate.toc"),
        ("1:02:10 Listener mail", "boilerplate.toc"),
        (
            "A word from our sponsor: NimbusDB keeps your data close to your users.",
            "boilerplate.sponsor",
        ),
        (
            "This video is brought to you by Railcar.",
            "boilerplate.sponsor",
        ),
        ("Use code BACKEND20 at checkout.", "boilerplate.sponsor"),
        (
            "At 10:30 the service fell over, and Django took the blame.",
            "",
        ),
        ("09:15 we moved everything to FastAPI.", ""),
        (
            "Figure 3 – Requests per second by framework",
            "boilerplate.figure-caption",
        ),
        ("Django logo", "boilerplate.figure-caption"),
        (
            "The logo of Django is a green pony, which says nothing about speed.",
            "",
        ),
        ("See https://fastapi.tiangolo.com for the docs.", ""),
        (
            "This conversation has been lightly edited for clarity.",
            "boilerplate.transcript-note",
        ),
        (
            "Download our free e-book on API design",
            "boilerplate.promotion",
        ),
        ("Links from this episode", "boilerplate.link-list"),
        (
            "https://fastapi.tiangolo.com/tutorial/",
            "boilerplate.link-list",
        ),
        (
            "Listen on Spotify or wherever you get your podcasts",
            "boilerplate.follow-me",
        ),
        ("Thanks for watching!", "boilerplate.follow-me"),
    ] {
        assert_eq!(rule_of(&v, line), rule, "{line}");
    }
    assert_eq!(meta.author.as_deref(), Some("Priya Raman"));
    assert_eq!(meta.published.as_deref(), Some("2025-02-03"));
}

#[test]
fn a_hosts_own_product_boxes_are_promotion_and_docs_notes_stay() {
    let input = format!(
        "# Deploying Go services\n\n{BODY}\
         Heads-up: Ship a Gin API in one click with our Go starter kit template.\n\
         Team plans: keep a warm replica of every service. Start a free trial\n\
         Note: Gin's router does not support regular expressions in paths.\n"
    );
    let v = text_verdicts(&input);
    assert_eq!(
        rule_of(
            &v,
            "Heads-up: Ship a Gin API in one click with our Go starter kit template."
        ),
        "boilerplate.promotion"
    );
    assert_eq!(
        rule_of(
            &v,
            "Team plans: keep a warm replica of every service. Start a free trial"
        ),
        "boilerplate.promotion"
    );
    assert_eq!(
        rule_of(
            &v,
            "Note: Gin's router does not support regular expressions in paths."
        ),
        ""
    );
}

#[test]
fn a_newsletter_loses_its_date_line_sponsor_forwarding_and_social_lines() {
    let input = format!(
        "# The Request Log #87\n\nMar 14, 2025 \u{2219} 11 min read\n\n{BODY}\n\
         > **A word from this week's sponsor**\n> Loglane gives you logs and traces in one place.\n\n\
         {BODY}\n\
         Enjoyed this issue? Forward it to a friend who still thinks PHP is dead.\n\n\
         Find me elsewhere: [Mastodon](https://hachyderm.io/@maral) \u{b7} [GitHub](https://github.com/maral)\n"
    );
    let v = md_verdicts(&input);
    assert_eq!(
        rule_of(&v, "Mar 14, 2025 \u{2219} 11 min read"),
        "boilerplate.date-line"
    );
    assert_eq!(
        rule_of(
            &v,
            "**A word from this week's sponsor**\n> Loglane gives you logs and traces in one place."
        ),
        "boilerplate.sponsor"
    );
    assert_eq!(
        rule_of(
            &v,
            "Enjoyed this issue? Forward it to a friend who still thinks PHP is dead."
        ),
        "boilerplate.follow-me"
    );
    assert_eq!(
        rule_of(
            &v,
            "Find me elsewhere: [Mastodon](https://hachyderm.io/@maral) \u{b7} [GitHub](https://github.com/maral)"
        ),
        "boilerplate.follow-me"
    );
}
