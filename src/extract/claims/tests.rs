//! Claim rules over small articles in each input format, with exact spans.

use crate::ingest::article_from_bytes;
use crate::model::Origin;
use crate::Config;
use std::path::PathBuf;
use std::sync::LazyLock;

static CONFIG: LazyLock<Config> = LazyLock::new(|| Config::builtin().unwrap());

/// (entity, polarity, aspect, quote, rule) of every claim of an article
/// given as a file name (for its format) and its text.
fn claims(name: &str, text: &str) -> Vec<(String, &'static str, String, String, String)> {
    let article = article_from_bytes(
        Origin::Path(PathBuf::from(name)),
        text.as_bytes().to_vec(),
        1 << 20,
    )
    .unwrap();
    let p = crate::process(article, &CONFIG);
    for c in &p.findings.claims {
        assert_eq!(
            &p.document.text[c.start..c.end],
            c.quote,
            "a quote is its span"
        );
    }
    p.findings
        .claims
        .into_iter()
        .map(|c| (c.entity, c.polarity.name(), c.aspect, c.quote, c.rule))
        .collect()
}

/// (entity, polarity, rule) of every claim of an article.
fn entity_polarity_rule(name: &str, text: &str) -> Vec<(String, &'static str, String)> {
    claims(name, text)
        .into_iter()
        .map(|c| (c.0, c.1, c.4))
        .collect()
}

fn row(
    entity: &str,
    polarity: &'static str,
    aspect: &str,
    quote: &str,
    rule: &str,
) -> (String, &'static str, String, String, String) {
    (
        entity.into(),
        polarity,
        aspect.into(),
        quote.into(),
        rule.into(),
    )
}

const MARKDOWN: &str = "# Top backend frameworks\n\n## 1. Django\n\n\
Django is known for its speed. It was released in 2005. The framework is easy to learn.\n\n\
### Advantages of Django\n\n- Batteries included, so you write less code\n\n\
### Disadvantages of Django\n\n1. Steep learning curve\n\n## 2. Flask\n\n\
Flask is slower than Django. Unlike Java threads, which can be memory-heavy, goroutines are light.\n\n\
### Features\n\n- Jinja2 templates\n- Extensive documentation\n";

#[test]
fn markdown_sections_cues_comparisons_and_features() {
    assert_eq!(
        claims("a.md", MARKDOWN),
        [
            row(
                "django",
                "pro",
                "performance",
                "Django is known for its speed.",
                "claim.cue.known-for"
            ),
            // "It was released in 2005" has no cue: no claim.
            row(
                "django",
                "pro",
                "learning-curve",
                "The framework is easy to learn.",
                "claim.cue.evaluative"
            ),
            row(
                "django",
                "pro",
                "productivity",
                "Batteries included, so you write less code",
                "claim.section.pros"
            ),
            row(
                "django",
                "con",
                "learning-curve",
                "Steep learning curve",
                "claim.section.cons"
            ),
            // "slower than Django" gives Django nothing.
            row(
                "flask",
                "con",
                "performance",
                "Flask is slower than Django.",
                "claim.cue.comparison"
            ),
            row(
                "java",
                "con",
                "footprint",
                "Unlike Java threads, which can be memory-heavy, goroutines are light.",
                "claim.cue.comparison",
            ),
            row(
                "flask",
                "feature",
                "other",
                "Jinja2 templates",
                "claim.section.features"
            ),
            row(
                "flask",
                "pro",
                "documentation",
                "Extensive documentation",
                "claim.section.features.evaluative"
            ),
        ]
    );
}

#[test]
fn plain_text_numbered_items_are_one_claim_with_their_body() {
    let text = "Best Backend Frameworks\n\n5. NodeJS\nNodeJS is the most popular runtime.\n\n\
        Advantages of NodeJS\n\n1. Fast\nThe event loop never blocks. It serves many users.\n\n\
        2. Huge ecosystem\nnpm has packages for everything.\n\nDisadvantages of NodeJS\n\n\
        1. CPU-bound work\nNodeJS does not perform well in CPU-intensive tasks.\n\n\
        6. Flask\nPopular frameworks like Koa, Fastify and NestJS offer plugins.\n";
    let shared = "Popular frameworks like Koa, Fastify and NestJS offer plugins.";
    assert_eq!(
        claims("b.txt", text),
        [
            row(
                "nodejs",
                "pro",
                "popularity",
                "NodeJS is the most popular runtime.",
                "claim.cue.adoption"
            ),
            row(
                "nodejs",
                "pro",
                "concurrency",
                "1. Fast\nThe event loop never blocks. It serves many users.",
                "claim.section.pros.item",
            ),
            row(
                "nodejs",
                "pro",
                "ecosystem",
                "2. Huge ecosystem\nnpm has packages for everything.",
                "claim.section.pros.item",
            ),
            row(
                "nodejs",
                "con",
                "performance",
                "1. CPU-bound work\nNodeJS does not perform well in CPU-intensive tasks.",
                "claim.section.cons.item",
            ),
            // One claim per entity that shares it; "6. Flask" opened a new
            // section, so nothing here is a con of NodeJS.
            row("fastify", "pro", "popularity", shared, "claim.cue.adoption"),
            row("koa", "pro", "popularity", shared, "claim.cue.adoption"),
            row("nestjs", "pro", "popularity", shared, "claim.cue.adoption"),
        ]
    );
}

#[test]
fn html_tables_and_label_paragraphs() {
    let page = "<html><head><title>Backend languages</title></head><body><article><h1>Backend languages compared</h1><p>Django is a mature framework with a large community. Laravel lacks a stable async story.</p><table><tr><th>Framework</th><th>Speed</th><th>Concurrency</th></tr><tr><td>Django</td><td>Fast</td><td>Threads, ASGI</td></tr><tr><td>Laravel</td><td>Slower</td><td>42</td></tr></table><h2>Ruby on Rails</h2><p>Pros:</p><p>Convention over configuration makes teams productive.</p><p>Cons:</p><p>Hard to scale.</p></article></body></html>";
    assert_eq!(
        claims("c.html", page),
        [
            row(
                "django",
                "pro",
                "community",
                "Django is a mature framework with a large community.",
                "claim.cue.evaluative",
            ),
            row(
                "laravel",
                "con",
                "concurrency",
                "Laravel lacks a stable async story.",
                "claim.cue.negation"
            ),
            row("django", "pro", "performance", "Fast", "claim.table.cell"),
            row(
                "django",
                "feature",
                "concurrency",
                "Threads, ASGI",
                "claim.table.cell"
            ),
            // "42" is a figure, not a claim.
            row(
                "laravel",
                "con",
                "performance",
                "Slower",
                "claim.table.cell"
            ),
            row(
                "rails",
                "pro",
                "productivity",
                "Convention over configuration makes teams productive.",
                "claim.section.pros",
            ),
            row(
                "rails",
                "con",
                "scalability",
                "Hard to scale.",
                "claim.section.cons"
            ),
        ]
    );
}

#[test]
fn sentences_naming_no_one_speak_of_the_section_subject_but_not_of_people() {
    let text = "# Frameworks\n\n## Laravel\n\nMoreover, it offers a clean syntax. Developers love clean code. \
        Where I found it falls short is queue monitoring.\n\n# Choosing\n\nA painful migration teaches a lot.\n";
    assert_eq!(
        claims("d.md", text),
        [
            row(
                "laravel",
                "pro",
                "learning-curve",
                "Moreover, it offers a clean syntax.",
                "claim.cue.evaluative",
            ),
            row(
                "laravel",
                "con",
                "other",
                "Where I found it falls short is queue monitoring.",
                "claim.cue.drawback",
            )
        ]
    );
}

#[test]
fn a_comparison_without_its_other_side_is_a_pro() {
    let text = "# Python frameworks\n\nFlask is better for small services than for portals. \
        Pyramid is better at routing. Django is better than nothing.\n";
    let got: Vec<(String, &str)> = claims("e.md", text)
        .into_iter()
        .map(|(entity, polarity, ..)| (entity, polarity))
        .collect();
    assert_eq!(
        got,
        [
            ("flask".to_string(), "pro"),
            ("pyramid".to_string(), "pro"),
            ("django".to_string(), "pro"),
        ]
    );
}

#[test]
fn this_and_these_point_at_what_the_sentence_before_was_about() {
    let text = "# Python\n\n## Python\n\n\
        Frameworks like Django come with built-in security features. \
        And this ensures the safety of web applications.\n\n\
        Developers write code. This ensures fast delivery.\n";
    let got: Vec<(String, &str)> = claims("f.md", text)
        .into_iter()
        .map(|(entity, polarity, ..)| (entity, polarity))
        .collect();
    assert_eq!(
        got,
        [("django".to_string(), "pro"), ("django".to_string(), "pro"),]
    );
}

#[test]
fn these_at_the_start_of_a_paragraph_points_at_the_paragraph_before() {
    let text = "Frameworks\n\nPopular ones include Express and Laravel.\n\
        These frameworks are widely used.\n\nNext\n\nThese are unrelated words.\n";
    let got: Vec<(String, String)> = claims("g.txt", text)
        .into_iter()
        .map(|(entity, _, _, quote, _)| (entity, quote))
        .collect();
    let these: Vec<&str> = got
        .iter()
        .filter(|(_, q)| q.starts_with("These"))
        .map(|(e, _)| e.as_str())
        .collect();
    assert_eq!(these, ["express", "laravel"], "{got:?}");
}

#[test]
fn design_principles_and_all_in_one_praise_are_pros_in_prose_and_features_in_lists() {
    let text = "# Picks\n\n## Laravel\n\n\
        Laravel follows the DRY principle throughout its core. \
        Phoenix is an all-in-one toolkit for web apps.\n\n\
        ### Features\n\n- Don't Repeat Yourself and convention over configuration\n";
    let got: Vec<(String, &str, String)> = claims("h.md", text)
        .into_iter()
        .map(|(entity, polarity, aspect, ..)| (entity, polarity, aspect))
        .collect();
    assert_eq!(
        got,
        [
            ("laravel".to_string(), "pro", "productivity".to_string()),
            ("phoenix".to_string(), "pro", "productivity".to_string()),
            ("laravel".to_string(), "feature", "productivity".to_string()),
        ]
    );
}

/// (entity, polarity, quote, rule) of every claim: for rules where the
/// aspect is not the point.
fn quoted(name: &str, text: &str) -> Vec<(String, &'static str, String, String)> {
    claims(name, text)
        .into_iter()
        .map(|(entity, polarity, _, quote, rule)| (entity, polarity, quote, rule))
        .collect()
}

fn short(
    entity: &str,
    polarity: &'static str,
    quote: &str,
    rule: &str,
) -> (String, &'static str, String, String) {
    (entity.into(), polarity, quote.into(), rule.into())
}

#[test]
fn symbols_and_a_legend_cut_a_line_into_pros_and_cons() {
    let text = "# Go and Python web frameworks\n\nHow to read the list:\n\n\
        \u{2b50} Where it shines\n\u{1f422} Weak spots\n\u{1f4da} Learning\n\n\
        - Gin: \u{2b50} Very fast router, small API \u{1f422} Young ecosystem \u{1f4da} Moderate\n\
        - Django: \u{1f4da} Steep at first \u{2b50} Admin panel, ORM, etc. \u{1f422} Monolithic\n\n\
        ## Flask\n\n\u{2705} Tiny core\n\u{274c} No async views\n";
    assert_eq!(
        quoted("i.md", text),
        [
            short("gin", "pro", "Very fast router", "claim.inline.pros"),
            short("gin", "pro", "small API", "claim.inline.pros"),
            short("gin", "con", "Young ecosystem", "claim.inline.cons"),
            // A segment under a mark of no role reads its cues.
            short("django", "con", "Steep at first", "claim.cue.drawback"),
            short("django", "pro", "Admin panel", "claim.inline.pros"),
            // "etc." closes the list; it is no item.
            short("django", "pro", "ORM", "claim.inline.pros"),
            short("django", "con", "Monolithic", "claim.inline.cons"),
            short("flask", "pro", "Tiny core", "claim.inline.pros"),
            short("flask", "con", "No async views", "claim.inline.cons"),
        ]
    );
}

#[test]
fn run_in_pros_and_cons_labels_inside_a_paragraph() {
    let page = "<html><body><article><h1>PHP frameworks</h1><h2>Laravel</h2>\
        <p>Pros: elegant syntax, huge community. Cons: slower than Go.</p>\
        <p>Summary: Laravel suits most teams.</p></article></body></html>";
    assert_eq!(
        quoted("j.html", page),
        [
            short("laravel", "pro", "elegant syntax", "claim.inline.pros"),
            short("laravel", "pro", "huge community", "claim.inline.pros"),
            short("laravel", "con", "slower than Go", "claim.inline.cons"),
        ]
    );
}

#[test]
fn a_bare_name_as_a_label_is_the_entity_even_when_ambiguous() {
    // List leads under a heading of no entity, and the heads of table
    // rows, are names however ambiguous; "Next:" under Django's heading is
    // just a word.
    let text = "# Picks\n\n## Our shortlist\n\n- Gin: \u{1f44d} Tiny core \u{1f44e} Young\n\
        - Flask: Provides a tidy core.\n\n## Django\n\n- Next: it is fast.\n";
    assert_eq!(
        quoted("k.md", text),
        [
            short("gin", "pro", "Tiny core", "claim.inline.pros"),
            short("gin", "con", "Young", "claim.inline.cons"),
            short(
                "flask",
                "pro",
                "Flask: Provides a tidy core.",
                "claim.cue.offers"
            ),
            short("django", "pro", "Next: it is fast.", "claim.cue.evaluative"),
        ]
    );
    let page = "<html><body><article><h1>Languages</h1><table>\
        <tr><th>Language</th><th>Memory</th></tr>\
        <tr><td>Rust</td><td>Ownership, borrowing</td></tr>\
        <tr><td>Go</td><td>Garbage collected</td></tr></table></article></body></html>";
    assert_eq!(
        quoted("l.html", page),
        [
            short(
                "rust",
                "feature",
                "Ownership, borrowing",
                "claim.table.cell"
            ),
            short("go", "feature", "Garbage collected", "claim.table.cell"),
        ]
    );
}

#[test]
fn table_cells_are_rated_and_take_their_column_aspect() {
    let page = "<html><body><article><h1>Frameworks compared</h1><table>\
        <tr><th>Framework</th><th>Performance</th><th>Learning curve</th><th>Community</th></tr>\
        <tr><td>Django</td><td>Moderate (ORM overhead)</td><td>Low</td><td>Very large, friendly</td></tr>\
        <tr><td>Rocket</td><td>Very high (compiled)</td><td>High (strict rules)</td><td>Small, but helpful</td></tr>\
        </table></article></body></html>";
    let got: Vec<(String, &str, String, String)> = claims("m.html", page)
        .into_iter()
        .map(|(entity, polarity, aspect, quote, _)| (entity, polarity, aspect, quote))
        .collect();
    let cell = |e: &str, p: &'static str, a: &str, q: &str| {
        (e.to_string(), p, a.to_string(), q.to_string())
    };
    assert_eq!(
        got,
        [
            // "Moderate" is neither; "overhead" in its reason does not count.
            cell(
                "django",
                "feature",
                "performance",
                "Moderate (ORM overhead)"
            ),
            // Low is good for a learning curve.
            cell("django", "pro", "learning-curve", "Low"),
            cell("django", "pro", "community", "Very large, friendly"),
            cell("rocket", "pro", "performance", "Very high (compiled)"),
            cell("rocket", "con", "learning-curve", "High (strict rules)"),
            cell("rocket", "con", "community", "Small, but helpful"),
        ]
    );
}

#[test]
fn a_heading_naming_a_framework_and_its_stack_is_about_the_framework() {
    let text = "# Backends by language\n\n## Python ~ Django\n\nIt is fast and secure.\n\n\
        ## Node.js: Express\n\nIt offers a tiny core.\n\n## Python vs Go\n\nIt is easy to learn.\n\n\
        ## Django or Flask\n\nIt is easy to learn.\n";
    let got: Vec<(String, String)> = quoted("n.md", text)
        .into_iter()
        .map(|(entity, _, quote, _)| (entity, quote))
        .collect();
    let pair = |e: &str, q: &str| (e.to_string(), q.to_string());
    assert_eq!(
        got,
        [
            pair("django", "It is fast and secure."),
            pair("express", "It offers a tiny core."),
            // No framework, or two: the first name is the subject.
            pair("python", "It is easy to learn."),
            pair("django", "It is easy to learn."),
        ]
    );
}

#[test]
fn a_paragraph_opening_with_another_entity_is_no_item_of_the_section() {
    let text = "# Python picks\n\n## Flask\n\n### Cons\n\n- Hard to scale large apps.\n\n\
        Django ships an admin panel, which makes it easy to start.\n\n\
        It also needs extensions for everything.\n";
    assert_eq!(
        quoted("o.md", text),
        [
            short(
                "flask",
                "con",
                "Hard to scale large apps.",
                "claim.section.cons"
            ),
            short(
                "django",
                "pro",
                "Django ships an admin panel, which makes it easy to start.",
                "claim.cue.evaluative"
            ),
            short(
                "flask",
                "con",
                "It also needs extensions for everything.",
                "claim.section.cons"
            ),
        ]
    );
}

#[test]
fn history_lines_of_a_features_list_are_no_features() {
    let text = "# Backend options\n\n## Phoenix\n\n### Features\n\n\
- Created by José Valim's colleague in 2014\n\
- The current stable release is 1.7, released on 24 February 2023\n\
- MVC pattern\n";
    assert_eq!(
        quoted("h.md", text),
        [short(
            "phoenix",
            "feature",
            "MVC pattern",
            "claim.section.features"
        )]
    );
}

#[test]
fn a_lead_in_to_a_list_is_no_claim_of_the_section() {
    // The item's name is what its pronouns and bare sentences mean, but a
    // sentence that leads into the list below speaks of that list.
    let text = "# Runtimes\n\n\
- Deno: A runtime that is secure by default. Popular tools built on Deno include:\n\
- Fresh and Oak\n";
    assert_eq!(
        quoted("l.md", text),
        [short(
            "deno",
            "pro",
            "Deno: A runtime that is secure by default.",
            "claim.cue.capability"
        )]
    );
}

#[test]
fn bold_labels_announce_their_role_and_are_no_claims() {
    let text = "# Picks\n\n## 3) Laravel (PHP)\n\nLaravel is a PHP framework.\n\n\
        **What we like**\n\n- Expressive routing\n\n\
        **Where it hurts**\n\n- Slow cold starts\n\n\
        __Good to know__\n\n- Ships a queue worker\n";
    assert_eq!(
        quoted("l.md", text),
        [
            short("laravel", "pro", "Expressive routing", "claim.section.pros"),
            short("laravel", "con", "Slow cold starts", "claim.section.cons"),
            short(
                "laravel",
                "feature",
                "Ships a queue worker",
                "claim.section.features"
            ),
        ]
    );
}

#[test]
fn an_item_that_opens_with_another_entity_is_that_entity_s() {
    let text = "# Picks\n\n## Django\n\n### Cons\n\n\
        - Python is slower than Go for CPU-bound work\n\
        - Java\u{2019}s tooling is heavier than Python\u{2019}s\n\
        - Python web framework with a long history\n\
        - Monolithic by design\n";
    let got: Vec<(String, &str)> = quoted("m.md", text)
        .into_iter()
        .map(|(e, p, _, _)| (e, p))
        .collect();
    assert_eq!(
        got,
        [
            ("python".to_string(), "con"),
            ("java".to_string(), "con"),
            ("django".to_string(), "con"),
            ("django".to_string(), "con"),
        ]
    );
}

#[test]
fn table_cells_of_figures_or_a_bare_name_are_no_claims() {
    let text = "# Compared\n\n| Framework | Language | Downloads | Speed |\n|---|---|---|---|\n\
        | Django | Python | 4.1 million (PyPI) | Moderate |\n\
        | Express | JavaScript | 31,904,212 (npm) | Fast |\n";
    let got: Vec<(String, String)> = quoted("t.md", text)
        .into_iter()
        .map(|(e, _, q, _)| (e, q))
        .collect();
    assert_eq!(
        got,
        [
            ("django".to_string(), "Moderate".to_string()),
            ("express".to_string(), "Fast".to_string()),
        ]
    );
}

#[test]
fn it_in_a_section_of_no_entity_is_the_one_entity_named_before() {
    let text = "# Performance\n\nDjango is widely used by large teams. \
        Its admin makes it easy to ship back offices.\n\n\
        Flask and FastAPI are popular. It scales poorly.\n";
    let got: Vec<(String, &str, String)> = quoted("p.md", text)
        .into_iter()
        .map(|(e, p, q, _)| (e, p, q))
        .collect();
    assert_eq!(
        got,
        [
            (
                "django".to_string(),
                "pro",
                "Django is widely used by large teams.".to_string()
            ),
            (
                "django".to_string(),
                "pro",
                "Its admin makes it easy to ship back offices.".to_string()
            ),
            (
                "fastapi".to_string(),
                "pro",
                "Flask and FastAPI are popular.".to_string()
            ),
            (
                "flask".to_string(),
                "pro",
                "Flask and FastAPI are popular.".to_string()
            ),
        ]
    );
}

#[test]
fn a_criteria_table_under_an_entity_rates_that_entity() {
    let page = "<html><body><article><h1>Picks</h1><h2>NestJS</h2>\
        <p>NestJS is a Node.js framework.</p>\
        <table><tr><th>Criterion</th><th>Rating</th></tr>\
        <tr><td>Learning curve</td><td>Steep</td></tr>\
        <tr><td>Documentation</td><td>Excellent</td></tr>\
        <tr><td>License</td><td>MIT</td></tr></table></article></body></html>";
    let got: Vec<(String, &str, String)> = quoted("n.html", page)
        .into_iter()
        .filter(|(_, _, _, r)| r == "claim.table.cell")
        .map(|(e, p, q, _)| (e, p, q))
        .collect();
    assert_eq!(
        got,
        [
            ("nestjs".to_string(), "con", "Steep".to_string()),
            ("nestjs".to_string(), "pro", "Excellent".to_string()),
        ]
    );
}

#[test]
fn a_mark_and_a_label_announce_a_role_and_users_lines_are_no_claims() {
    let text = "# Frameworks\n\n## Koa\n\nKoa is small.\n\n👍 What I like\n\n\
        - Middleware composes cleanly\n\n### Cons\n\n- Sparse docs\n\n\
        Companies using Koa: Tumblr, Uber\n";
    assert_eq!(
        claims("d.md", text),
        [
            row(
                "koa",
                "pro",
                "ecosystem",
                "Middleware composes cleanly",
                "claim.section.pros",
            ),
            row(
                "koa",
                "con",
                "documentation",
                "Sparse docs",
                "claim.section.cons"
            ),
        ]
    );
}

#[test]
fn adoption_figures_are_popularity_pros_of_what_is_used() {
    let text = "# Backend notes\n\n\
In the last survey, 41.2% of professional developers reported using Koa. \
More than 2 million websites are built with Laravel. \
Only 3% of our services are written in Go, and 40% less memory was used.\n";
    let found = claims("notes.md", text);
    let adoption: Vec<(String, String)> = found
        .iter()
        .filter(|c| c.4 == "claim.adoption")
        .map(|c| (c.0.clone(), c.3.clone()))
        .collect();
    assert_eq!(
        adoption,
        [
            (
                "koa".to_string(),
                "In the last survey, 41.2% of professional developers reported using Koa."
                    .to_string()
            ),
            (
                "laravel".to_string(),
                "More than 2 million websites are built with Laravel.".to_string()
            ),
        ],
        "{found:?}"
    );
    assert!(found
        .iter()
        .all(|c| c.2 == "popularity" || c.4 != "claim.adoption"));
}

// "for enterprise Java": a name after a preposition and one plain word is
// the preposition's object, so Java gets nothing.
#[test]
fn recommendations_are_pros_and_beat_the_hard_in_hard_to_beat() {
    let text = "# Picks\n\n\
For a quick SaaS, Laravel is hard to beat. \
Spring Boot is the default choice for enterprise Java. \
Koa is not recommended for beginners.\n";
    let found = entity_polarity_rule("picks.md", text);
    assert_eq!(
        found,
        [
            (
                "laravel".to_string(),
                "pro",
                "claim.cue.recommendation".to_string()
            ),
            (
                "spring-boot".to_string(),
                "pro",
                "claim.cue.recommendation".to_string()
            ),
            ("koa".to_string(), "con", "claim.cue.negation".to_string()),
        ]
    );
}

#[test]
fn a_bold_mark_label_announces_the_role_of_the_items_after_it() {
    let text = "# Picks\n\n## 1. Express\n\n**✅ Good for**\n\n- Small APIs you want running before lunch\n\n\
**❌ Skip it if**\n\n- You want the framework to decide your folder layout\n";
    let found: Vec<(String, &str, String)> = claims("picks.md", text)
        .into_iter()
        .map(|c| (c.0, c.1, c.3))
        .collect();
    assert_eq!(
        found,
        [
            (
                "express".to_string(),
                "pro",
                "Small APIs you want running before lunch".to_string()
            ),
            (
                "express".to_string(),
                "con",
                "You want the framework to decide your folder layout".to_string()
            ),
        ]
    );
}

#[test]
fn a_question_names_what_its_answer_is_about() {
    let text = "Talking stacks\n\nQ: What about Koa?\n\nA: It is lightweight and easy to extend.\n\n\
Q: Any downsides?\n\nA: It lacks a router of its own.\n\nQ: And Django?\n\nA: It is very productive.\n";
    let found: Vec<(String, &str)> = claims("talk.txt", text)
        .into_iter()
        .map(|c| (c.0, c.1))
        .collect();
    assert_eq!(
        found,
        [
            ("koa".to_string(), "pro"),
            ("koa".to_string(), "con"),
            ("django".to_string(), "pro"),
        ]
    );
}

#[test]
fn best_for_headings_and_what_we_liked_sections() {
    let text = "# Picks by use case\n\n## Best for startups: Koa and Django\n\n\
### What we liked\n\n- Tiny core you can read in an afternoon\n\n\
### What we didn't\n\n- No router of its own\n\n## Best practices: testing Koa\n";
    let found = entity_polarity_rule("picks.md", text);
    assert_eq!(
        found,
        [
            (
                "django".to_string(),
                "pro",
                "claim.heading.best-for".to_string()
            ),
            (
                "koa".to_string(),
                "pro",
                "claim.heading.best-for".to_string()
            ),
            ("koa".to_string(), "pro", "claim.section.pros".to_string()),
            ("koa".to_string(), "con", "claim.section.cons".to_string()),
        ]
    );
}

#[test]
fn what_works_good_at_and_the_prose_after_a_list() {
    let text =
        "# Field notes\n\n## Koa\n\n### What works\n\n- Tiny core you can read in an afternoon\n\n\
### What doesn't\n\n- No router of its own\n- Middleware order bites newcomers\n\n\
Acme Corp moved its billing service to Hapi last spring.\n\n\
## Sanic\n\n### Good at\n\n- Async request handling out of the box\n\n\
Sanic's event loop is never the bottleneck.\n\n\
Sanic is our default recommendation for async Python services.\n";
    let found = entity_polarity_rule("notes.md", text);
    assert_eq!(
        found,
        [
            ("koa".to_string(), "pro", "claim.section.pros".to_string()),
            ("koa".to_string(), "con", "claim.section.cons".to_string()),
            ("koa".to_string(), "con", "claim.section.cons".to_string()),
            ("sanic".to_string(), "pro", "claim.section.pros".to_string()),
            (
                "sanic".to_string(),
                "pro",
                "claim.cue.evaluative".to_string()
            ),
            (
                "sanic".to_string(),
                "pro",
                "claim.cue.recommendation".to_string()
            ),
        ]
    );
}

#[test]
fn a_paragraph_opened_by_an_entity_is_about_it_under_a_broader_heading() {
    // Under a heading on the language, a paragraph that opens with a
    // framework speaks of the framework; the next paragraph starts over,
    // and a pair of names leaves "it" to the section.
    let text = "# Survey\n\n## JavaScript\n\n\
        Koa is still around. Its core is tiny and fast.\n\n\
        It is easy to learn.\n\n\
        Hapi and Koa are both mature. It is well documented.\n";
    let got: Vec<(String, &str, String)> = quoted("s.md", text)
        .into_iter()
        .map(|(e, p, q, _)| (e, p, q))
        .collect();
    let expected = [
        ("koa", "pro", "Its core is tiny and fast."),
        ("javascript", "pro", "It is easy to learn."),
        ("hapi", "pro", "Hapi and Koa are both mature."),
        ("koa", "pro", "Hapi and Koa are both mature."),
        ("javascript", "pro", "It is well documented."),
    ]
    .map(|(e, p, q)| (e.to_string(), p, q.to_string()));
    assert_eq!(got, expected);
}

#[test]
fn a_labels_role_ends_with_its_list() {
    // "Trade-offs:", its items, then prose: a box or a users line after
    // the list is no con; a pronoun carries the list on.
    let text = "# Guide\n\n## Hapi\n\nHapi is a Node.js framework.\n\n**Trade-offs:**\n\n\
        - Smaller community than Express\n\n\
        Acme and Globex run it in production.\n\n\
        It also lacks a built-in ORM.\n";
    let got: Vec<(String, &str, String)> = quoted("t.md", text)
        .into_iter()
        .map(|(e, p, q, _)| (e, p, q))
        .collect();
    let expected = [
        ("hapi", "con", "Smaller community than Express"),
        ("hapi", "con", "It also lacks a built-in ORM."),
    ]
    .map(|(e, p, q)| (e.to_string(), p, q.to_string()));
    assert_eq!(got, expected);
}

#[test]
fn a_name_that_sets_the_scene_before_it_is_not_the_subject() {
    // "On Deno it was faster": Deno is where, "it" is the section's Hono.
    let text = "# Routers\n\n## Hono\n\nHono is a small router.\n\n\
        On Deno it was three times faster than the Node.js version.\n\n\
        With Deno, it is easy to deploy.\n\n\
        Hono was faster than my old Express baseline.\n";
    let got = entity_polarity_rule("a.md", text);
    assert!(got.iter().all(|(e, _, _)| e == "hono"), "{got:?}");
    // "than my old Express": a determiner and an adjective between "than"
    // and the name leave it the compared one.
    assert!(got.len() >= 3, "{got:?}");
}

#[test]
fn everyday_words_of_praise_and_doubt_are_cues() {
    let text = "# Frameworks\n\n## Laravel\n\n\
        Eloquent is the friendliest ORM I know.\n\n\
        The documentation has gaps.\n\n\
        I would think twice before adding it to a new project.\n\n\
        C# has quietly become one of the nicest languages around.\n";
    let got: Vec<(String, &str)> = entity_polarity_rule("a.md", text)
        .into_iter()
        .map(|(e, p, _)| (e, p))
        .collect();
    assert_eq!(
        got,
        [
            ("laravel".to_string(), "pro"),
            ("laravel".to_string(), "con"),
            ("laravel".to_string(), "con"),
            ("csharp".to_string(), "pro"),
        ]
    );
}
