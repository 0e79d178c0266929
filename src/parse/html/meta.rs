//! The page's metadata: title, author, publication date, site name and
//! canonical URL, from `<meta>` and `<link>` tags, JSON-LD, `<time>` and
//! byline markup, in that order of trust.

use super::dom::{Data, Dom, Element, NONE};
use super::tags::Tag;
use crate::model::Meta;
use chrono::NaiveDate;
use html5ever::local_name;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// What the markup offers, gathered in one walk; each slot keeps the
/// first value found.
#[derive(Debug, Default)]
struct Found {
    og_title: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    author: Option<String>,
    article_author: Option<String>,
    rel_author: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    time: Option<String>,
    /// A date printed in a post-meta or date element ("November 11, 2023").
    visible_date: Option<String>,
    site: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    json_ld: Vec<String>,
}

/// Reads the page's metadata.
pub(crate) fn extract(dom: &Dom) -> Meta {
    let mut f = Found::default();
    let mut stack = vec![Dom::ROOT];
    while let Some(id) = stack.pop() {
        let node = dom.node(id);
        if let Data::Element(e) = &node.data {
            visit(dom, id, e, &mut f);
            if matches!(e.tag, Tag::Title | Tag::H(_)) || is_script(e) {
                continue;
            }
        }
        // Children pushed last-first so they pop in document order.
        let mut c = node.last_child;
        while c != NONE {
            stack.push(c);
            c = dom.node(c).prev;
        }
    }
    let mut ld = JsonLd::default();
    if f.author.is_none() || f.published.is_none() || f.site.is_none() {
        for script in &f.json_ld {
            if let Ok(v) = serde_json::from_str::<Value>(script) {
                ld.read(&v, 0);
            }
        }
    }
    Meta {
        title: f
            .og_title
            .or_else(|| f.title.map(|t| strip_site(&t)))
            .or(f.h1)
            .filter(|t| !t.is_empty()),
        author: f
            .author
            .or(f.article_author)
            .or(f.rel_author)
            .or(ld.author)
            .or(f.byline),
        published: [f.published, ld.published, f.time]
            .iter()
            .flatten()
            .find_map(|d| iso_date(d))
            .or(f.visible_date),
        site: f.site.or(ld.site),
        canonical_url: f.canonical.or(f.og_url),
        reading_minutes: None,
    }
}

fn is_script(e: &Element) -> bool {
    &*e.name.local == "script"
}

/// White space collapsed; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

fn set(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        *slot = value.and_then(clean);
    }
}

/// All the text under `id`, white space collapsed.
fn text_of(dom: &Dom, id: u32) -> String {
    let mut out = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        let node = dom.node(n);
        match &node.data {
            Data::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            Data::Element(e) if e.tag.is_void() => continue,
            _ => {}
        }
        let mut c = node.last_child;
        while c != NONE {
            stack.push(c);
            c = dom.node(c).prev;
        }
        if out.len() > 1000 {
            break;
        }
    }
    clean(&out).unwrap_or_default()
}

fn visit(dom: &Dom, id: u32, e: &Element, f: &mut Found) {
    match &*e.name.local {
        "meta" => {
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))
                .or_else(|| e.attr("itemprop"))
                .unwrap_or("")
                .to_ascii_lowercase();
            let content = e.attr("content");
            match key.as_str() {
                "og:title" => set(&mut f.og_title, content),
                "author" | "dc.creator" | "sailthru.author" | "parsely-author" => {
                    set(&mut f.author, content)
                }
                "article:author" => {
                    // Often a profile URL rather than a name.
                    set(
                        &mut f.article_author,
                        content.filter(|c| !c.trim_start().starts_with("http")),
                    )
                }
                "article:published_time"
                | "datepublished"
                | "date"
                | "pubdate"
                | "publishdate"
                | "dc.date.issued"
                | "dc.date"
                | "parsely-pub-date"
                | "sailthru.date"
                | "og:published_time" => {
                    set(&mut f.published, content.filter(|c| iso_date(c).is_some()))
                }
                "og:site_name" => set(&mut f.site, content),
                "og:url" => set(&mut f.og_url, content),
                _ => {}
            }
        }
        "link" => {
            let rel = e.attr("rel").unwrap_or("");
            if rel
                .split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
            {
                set(&mut f.canonical, e.attr("href"));
            }
        }
        "title" if f.title.is_none() => f.title = clean(&dom.child_text(id)),
        "h1" if f.h1.is_none() => f.h1 = clean(&text_of(dom, id)),
        "script"
            if e.attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
        {
            f.json_ld.push(dom.child_text(id));
        }
        "time" => {
            let dt = e.attr("datetime");
            if dt.is_some_and(|d| iso_date(d).is_some()) {
                set(&mut f.time, dt);
            }
        }
        "a" if f.rel_author.is_none() => {
            let rel = e.attr("rel").unwrap_or("");
            if rel
                .split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
            {
                f.rel_author = clean(&text_of(dom, id));
            }
        }
        _ => {}
    }
    if f.visible_date.is_none() && is_date_holder(e) {
        let t = text_of(dom, id);
        if t.len() <= 80 {
            f.visible_date = crate::dates::human_date(&t);
        }
    }
    if f.byline.is_none() && is_byline(e) {
        let t = text_of(dom, id);
        f.byline = strip_by(&t).filter(|b| b.len() <= 100);
    }
}

/// An element whose class or id says it prints the post's date
/// (`post-meta`, `entry-date`, `published`, `posted-on`).
fn is_date_holder(e: &Element) -> bool {
    e.attrs.iter().any(|a| {
        (a.name.local == local_name!("class") || a.name.local == local_name!("id"))
            && a.value.split_ascii_whitespace().any(|w| {
                let w = w.to_ascii_lowercase();
                w.contains("date")
                    || w.contains("publish")
                    || w.contains("posted")
                    || w.ends_with("-meta")
                    || w == "meta"
            })
    })
}

/// An element marked as the byline (`class="byline"`, `itemprop=author`).
fn is_byline(e: &Element) -> bool {
    e.attrs.iter().any(|a| {
        let words = || a.value.split_ascii_whitespace();
        if a.name.local == local_name!("itemprop") {
            words().any(|w| w == "author")
        } else if a.name.local == local_name!("class") {
            words().any(|w| {
                ["byline", "author-name", "byline-name", "author"]
                    .iter()
                    .any(|b| w.eq_ignore_ascii_case(b))
            })
        } else {
            false
        }
    })
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(s: &str) -> Option<String> {
    let t = s.trim();
    let t = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("by "))
        .or_else(|| t.strip_prefix("BY "))
        .unwrap_or(t);
    clean(t)
}

/// `<title>` minus its " | Site" or " - Site" suffix.
fn strip_site(title: &str) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " - ", " — ", " – ", " · ", " :: "];
    let cut = SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s))
        .max()
        .filter(|&at| at > 0);
    match cut {
        Some(at) => title[..at].trim().to_string(),
        None => title.trim().to_string(),
    }
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:$|[^0-9])").expect("static regex")
});

/// Normalises a machine-readable date ("2019-11-19T10:00:00Z",
/// "2019/11/19") to `YYYY-MM-DD`.
fn iso_date(s: &str) -> Option<String> {
    let c = DATE.captures(s)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let y = i32::try_from(num(1)?).ok()?;
    let d = NaiveDate::from_ymd_opt(y, num(2)?, num(3)?)?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// What JSON-LD says, first value wins.
#[derive(Debug, Default)]
struct JsonLd {
    author: Option<String>,
    published: Option<String>,
    site: Option<String>,
}

impl JsonLd {
    fn read(&mut self, v: &Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match v {
            Value::Array(xs) => xs.iter().for_each(|x| self.read(x, depth + 1)),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    self.read(g, depth + 1);
                }
                if self.author.is_none() {
                    self.author = o.get("author").and_then(names);
                }
                if self.published.is_none() {
                    self.published = o
                        .get("datePublished")
                        .or_else(|| o.get("dateCreated"))
                        .and_then(Value::as_str)
                        .and_then(clean);
                }
                if self.site.is_none() {
                    self.site = o.get("publisher").and_then(names);
                }
            }
            _ => {}
        }
    }
}

/// A person or organisation value: a name, an object with a name, or a
/// list of those (joined with ", ").
fn names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(clean),
        Value::Array(xs) => {
            let all: Vec<String> = xs.iter().filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::html::dom;

    fn meta(html: &str) -> Meta {
        extract(&dom::parse(html))
    }

    #[test]
    fn open_graph_and_link_tags() {
        let m = meta(
            r#"<html><head><title>Ignored | Site</title>
            <meta property="og:title" content="The  Title">
            <meta property="og:site_name" content="Example News">
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2019-11-19T10:00:00+00:00">
            <link rel="canonical" href="https://example.com/a">
            </head><body><h1>Other</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The Title"));
        assert_eq!(m.site.as_deref(), Some("Example News"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
        assert_eq!(m.published.as_deref(), Some("2019-11-19"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/a"));
    }

    #[test]
    fn title_falls_back_to_title_tag_then_h1() {
        let m = meta("<title>Why Rust - The Blog</title><h1>Heading</h1>");
        assert_eq!(m.title.as_deref(), Some("Why Rust"));
        let m = meta("<title>Go | Tips | Site</title>");
        assert_eq!(m.title.as_deref(), Some("Go | Tips"));
        let m = meta("<body><h1>Only <em>heading</em></h1></body>");
        assert_eq!(m.title.as_deref(), Some("Only heading"));
    }

    #[test]
    fn json_ld_author_date_and_publisher() {
        let m = meta(
            r#"<script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
             "author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}],
             "datePublished":"2020-02-03T04:05:06Z",
             "publisher":{"@type":"Organization","name":"The Paper"}}]}
            </script>"#,
        );
        assert_eq!(m.author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(m.published.as_deref(), Some("2020-02-03"));
        assert_eq!(m.site.as_deref(), Some("The Paper"));
    }

    #[test]
    fn time_rel_author_byline_and_og_url() {
        let m = meta(
            r#"<meta property="og:url" content="https://x.org/p">
            <p><a rel="author" href="/u">Sam Smith</a>
            <time datetime="2021/3/7">March 7</time></p>"#,
        );
        assert_eq!(m.author.as_deref(), Some("Sam Smith"));
        assert_eq!(m.published.as_deref(), Some("2021-03-07"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://x.org/p"));
        let m = meta(r#"<div class="byline">By  Kim Lee</div>"#);
        assert_eq!(m.author.as_deref(), Some("Kim Lee"));
    }

    #[test]
    fn a_visible_post_date_is_the_last_resort() {
        let m = meta(
            r#"<html><body><h1>T</h1><p class="post-meta">November 11, 2023</p></body></html>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2023-11-11"));
        let m = meta(
            r#"<html><head><meta property="article:published_time" content="2020-01-02"></head>
            <body><span class="entry-date">March 3, 2019</span></body></html>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn bad_values_are_ignored() {
        let m = meta(
            r#"<meta property="article:published_time" content="soon">
            <meta property="article:author" content="https://facebook.com/x">
            <script type="application/ld+json">{not json</script>"#,
        );
        assert_eq!(m.published, None);
        assert_eq!(m.author, None);
        assert_eq!(iso_date("2019-02-30"), None);
        assert_eq!(iso_date("20191119"), Some("2019-11-19".into()));
    }
}
