//! The HTML report through the binary: hostile articles (scripts, event
//! attributes, `javascript:` links, markup in titles, in Markdown and
//! HTML) come out as inert text on every page, pages load nothing from
//! outside, every fact's link lands on an anchor that exists, the same KB
//! gives the same bytes, and a folder that is not a report is never
//! replaced. Then headless Chromium opens the pages, checks that nothing
//! from an article ran or became an element, and saves screenshots.

use assert_cmd::Command;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn roundup() -> Command {
    Command::cargo_bin("roundup").expect("the roundup binary is built")
}

fn run_ok(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "roundup failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const HOSTILE_MD: &str = r#"# <script>alert(1)</script> Top backend frameworks

By <b onmouseover="alert(2)">Mallory</b>

Express is fast and lightweight for building APIs. <script>window.pwned=1</script>

<img src=x onerror="document.title='pwned'">

Read more: [click](javascript:alert(1)) and <a href="javascript:alert(3)">this link</a>.

## Django

Django is secure and has a great admin. Django is slow for CPU-heavy work <svg onload="alert(4)"></svg>.
Instagram uses Django in production.
"#;

const HOSTILE_HTML: &str = r#"<!DOCTYPE html>
<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Top backend frameworks</title>
<script>window.pwned = 1</script></head>
<body><article>
<h1>&lt;script&gt;alert(1)&lt;/script&gt; Top backend frameworks</h1>
<p>Flask is lightweight and easy to learn. &lt;script&gt;window.pwned=1&lt;/script&gt;</p>
<p>Flask is not suitable for large projects &lt;img src=x onerror="document.title='pwned'"&gt; says everyone.</p>
<p>Read <a href="javascript:alert(1)">javascript:alert(1)</a> and <img src=x onerror="document.title='pwned'"> more.</p>
<p>Netflix uses Flask for internal tools. Flask handles 5,000 requests per second &lt;iframe src="javascript:alert(5)"&gt;.</p>
</article></body></html>
"#;

/// Builds a KB from the hostile articles and the seed corpus, and its
/// report; returns the report folder.
fn hostile_report(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("hostile.md"), HOSTILE_MD).unwrap();
    std::fs::write(articles.join("hostile.html"), HOSTILE_HTML).unwrap();
    let kb = dir.join("kb.db");
    run_ok(
        roundup()
            .arg("ingest")
            .arg(&articles)
            .arg("corpus")
            .arg("--kb")
            .arg(&kb),
    );
    let report = dir.join("report");
    run_ok(
        roundup()
            .arg("report")
            .arg("--kb")
            .arg(&kb)
            .arg("--out")
            .arg(&report),
    );
    report
}

/// Every page of a report, by path relative to it, sorted.
fn pages(report: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for sub in ["", "entities", "sources"] {
        for entry in std::fs::read_dir(report.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "html") {
                let name = path.strip_prefix(report).unwrap().to_string_lossy().into();
                out.insert(name, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    out
}

/// The tags of a page, lower-cased. Article text cannot open a tag (its
/// `<` is escaped), so every tag found is the report's own.
fn tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        out.push(rest[i..end].to_lowercase());
        rest = &rest[end..];
    }
    out
}

/// An attribute's values across a page's tags.
fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    tags(html)
        .iter()
        .flat_map(|t| {
            t.match_indices(&needle)
                .filter_map(|(i, _)| {
                    let v = &t[i + needle.len()..];
                    v.find('"').map(|j| v[..j].replace("&#x2f;", "/"))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn hostile_articles_are_inert_text_on_every_page() {
    let tmp = tempfile::tempdir().unwrap();
    let report = hostile_report(tmp.path());
    let pages = pages(&report);
    assert!(pages.contains_key("index.html"));
    assert!(pages.len() > 10, "{:?}", pages.keys());
    for (name, html) in &pages {
        let lower = html.to_lowercase();
        // The report uses no scripts at all, so any is an injection.
        assert!(!lower.contains("<script"), "{name} has a script element");
        assert!(
            !lower.contains("<iframe") && !lower.contains("<img"),
            "{name}"
        );
        for tag in tags(html) {
            assert!(!tag.contains("javascript:"), "{name}: {tag}");
            assert!(
                !tag.split_whitespace()
                    .any(|w| w.starts_with("on") && w.contains('=')),
                "{name}: event attribute in {tag}"
            );
            // Nothing is loaded from outside: no src at all, no remote href.
            assert!(!tag.contains(" src="), "{name}: {tag}");
            assert!(
                !tag.contains("http:") && !tag.contains("https:"),
                "{name}: {tag}"
            );
        }
    }
    // The titles are shown, as text, wherever the sources are named.
    let title = "&lt;script&gt;alert(1)&lt;&#x2f;script&gt; Top backend frameworks";
    assert!(pages["index.html"].contains(title));
    let source_pages: Vec<&String> = pages
        .iter()
        .filter(|(n, h)| n.starts_with("sources/") && h.contains(title))
        .map(|(_, h)| h)
        .collect();
    assert_eq!(source_pages.len(), 2, "both hostile sources have pages");
    for html in source_pages {
        assert!(html.contains("<title>&lt;script&gt;alert(1)"));
    }
    // Article text with markup in it is still shown, escaped.
    assert!(pages
        .values()
        .any(|h| h.contains("&lt;script&gt;window.pwned=1&lt;&#x2f;script&gt;")));
}

#[test]
fn every_link_lands_on_a_page_and_anchor_that_exist() {
    let tmp = tempfile::tempdir().unwrap();
    let report = hostile_report(tmp.path());
    let pages = pages(&report);
    let ids: BTreeMap<&str, BTreeSet<String>> = pages
        .iter()
        .map(|(n, h)| (n.as_str(), attr_values(h, "id").into_iter().collect()))
        .collect();
    let mut quote_links = 0;
    for (name, html) in &pages {
        let here = Path::new(name).parent().unwrap_or(Path::new(""));
        for href in attr_values(html, "href") {
            let (file, fragment) = href.split_once('#').unwrap_or((&href, ""));
            let target = if file.is_empty() {
                name.clone()
            } else {
                // Resolve `../x` against the page's folder.
                let mut parts: Vec<String> = here
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                for part in file.split('/') {
                    if part == ".." {
                        parts.pop();
                    } else {
                        parts.push(part.to_string());
                    }
                }
                parts.join("/")
            };
            let anchors = ids
                .get(target.as_str())
                .unwrap_or_else(|| panic!("{name} links to missing {target}"));
            if !fragment.is_empty() {
                assert!(
                    anchors.contains(fragment),
                    "{name}: no #{fragment} in {target}"
                );
                quote_links += usize::from(fragment.starts_with("q-") && !file.is_empty());
            }
        }
    }
    assert!(
        quote_links > 100,
        "facts link to their quotes: {quote_links}"
    );
    // A quote's anchor sits on the highlighted quote itself.
    assert!(pages
        .values()
        .any(|h| h.contains("<mark class=\"q1\" id=\"q-")));
}

#[test]
fn the_report_is_deterministic_and_replaces_only_a_report() {
    let tmp = tempfile::tempdir().unwrap();
    let report = hostile_report(tmp.path());
    let first = pages(&report);
    // Again into the same folder: the old report is replaced, same bytes.
    run_ok(
        roundup()
            .arg("report")
            .arg("--kb")
            .arg(tmp.path().join("kb.db"))
            .arg("--out")
            .arg(&report),
    );
    assert_eq!(first, pages(&report));

    // A folder holding anything else is left alone.
    let other = tmp.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let out = roundup()
        .arg("report")
        .arg("--kb")
        .arg(tmp.path().join("kb.db"))
        .arg("--out")
        .arg(&other)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a roundup report"));
    assert_eq!(
        std::fs::read_to_string(other.join("notes.txt")).unwrap(),
        "mine"
    );
}

/// Runs headless Chromium on `page` with `args`; its stdout.
fn chromium(profile: &Path, args: &[String], page: &Path) -> String {
    let out = std::process::Command::new("timeout")
        .arg("120")
        .arg("chromium")
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--window-size=1200,2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("running chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_browser_runs_nothing_from_the_articles() {
    let found = std::process::Command::new("chromium")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: chromium is not installed (.ci/run installs it where apt works)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let report = hostile_report(tmp.path()).canonicalize().unwrap();
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/report-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let pages = pages(&report);
    let mut targets = vec![("index", "index.html".to_string())];
    for (label, origin) in [
        ("source-markdown", "hostile.md"),
        ("source-html", "hostile.html"),
    ] {
        let name = pages
            .iter()
            .find(|(n, h)| n.starts_with("sources/") && h.contains(origin))
            .map(|(n, _)| n.clone())
            .unwrap_or_else(|| panic!("no page for {origin}"));
        targets.push((label, name));
    }
    targets.extend(
        pages
            .iter()
            .filter(|(n, h)| n.starts_with("entities/") && h.contains("window.pwned"))
            .take(1)
            .map(|(n, _)| ("entity", n.clone())),
    );
    for (label, name) in targets {
        let page = report.join(&name);
        let profile = tmp.path().join(format!("profile-{label}"));
        let dom = chromium(&profile, &["--dump-dom".into()], &page);
        let lower = dom.to_lowercase();
        assert!(lower.contains("</html>"), "{name}: no DOM dumped");
        // No element came from an article, and no handler or script ran:
        // one would have set the title to 'pwned'.
        assert!(!lower.contains("<script"), "{name}: script element in DOM");
        assert!(
            !lower.contains("<img") && !lower.contains("<iframe"),
            "{name}"
        );
        assert!(!lower.contains("<svg onload"), "{name}");
        let title = lower
            .split_once("<title>")
            .and_then(|(_, t)| t.split_once("</title>"))
            .map(|(t, _)| t.to_string())
            .unwrap_or_default();
        assert!(!title.contains("pwned"), "{name}: a script ran: {title}");
        if name.starts_with("sources/") {
            // The browser shows the markup as text: escaped in the DOM.
            assert!(
                dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                "{name}"
            );
        }
        let shot = shots.join(format!("{label}.png"));
        chromium(
            &profile,
            &[format!("--screenshot={}", shot.display())],
            &page,
        );
        assert!(std::fs::metadata(&shot).unwrap().len() > 1000);
        eprintln!("screenshot of {name}: {}", shot.display());
    }
}
