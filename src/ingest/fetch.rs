//! Fetching `http://` and `https://` inputs: one GET through `ureq`,
//! bounded by the [`Limits`] (whole-exchange timeout, redirect count,
//! body size after `Content-Encoding` is undone), refusing error statuses
//! and content types that cannot be an article.
//!
//! This module owns only the HTTP side. The bytes it returns go through the
//! same checks as a file's (gzip, empty, binary, format sniffing) in
//! [`super::load_with`]; what it adds is the final URL after redirects
//! and the format the server declared, if any.

use super::Limits;
use crate::error::{Error, Result};
use crate::model::Format;
use std::time::Duration;
use ureq::ResponseExt;

/// Sent with every request so a site's logs can tell who fetched the page.
const USER_AGENT: &str = concat!("roundup/", env!("CARGO_PKG_VERSION"));

/// What roundup can read, best first; anything else is still fetched if the
/// server sends it, then judged by [`accepts`].
const ACCEPT: &str = "text/html, application/xhtml+xml, text/markdown, text/plain;q=0.9, */*;q=0.1";

/// A page as fetched: the URL it was finally read from (after redirects),
/// its body (with any `Content-Encoding` undone) and the format its content
/// type declares.
#[derive(Debug)]
pub(crate) struct Page {
    pub url: String,
    pub bytes: Vec<u8>,
    pub declared: Option<Format>,
}

/// Fetches `url` within `limits`. Every failure is an [`Error::Fetch`]
/// naming the URL as the user gave it.
pub(crate) fn fetch(url: &str, limits: &Limits) -> Result<Page> {
    let fail = |reason: String| Error::Fetch {
        url: url.to_string(),
        reason,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(limits.max_redirects)
        // Statuses are checked below, so a 404 gets its reason phrase.
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .accept(ACCEPT)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| fail(reason(e, limits)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(match status.canonical_reason() {
            Some(phrase) => format!("HTTP {} {phrase}", status.as_u16()),
            None => format!("HTTP {}", status.as_u16()),
        }));
    }
    let mime = response
        .body()
        .mime_type()
        .map(|m| m.trim().to_ascii_lowercase());
    if let Some(mime) = &mime {
        if !accepts(mime) {
            return Err(fail(format!("content type '{mime}' is not an article")));
        }
    }
    let max = limits.max_bytes as u64;
    // A declared length over the limit is refused before reading; without
    // one (chunked, or gzip that inflates) the read below stops at max + 1.
    if response.body().content_length().is_some_and(|n| n > max) {
        return Err(fail(too_large(limits.max_bytes)));
    }
    let final_url = response.get_uri().to_string();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(max)
        .read_to_vec()
        .map_err(|e| fail(reason(e, limits)))?;
    Ok(Page {
        url: final_url,
        bytes,
        declared: mime.as_deref().and_then(declared_format),
    })
}

/// Whether a content type (lower-case, without parameters) can hold an
/// article. gzip is let through because `article_from_bytes` unpacks it and
/// checks what is inside like any other input.
fn accepts(mime: &str) -> bool {
    matches!(
        mime,
        "text/html"
            | "application/xhtml+xml"
            | "text/plain"
            | "text/markdown"
            | "text/x-markdown"
            | "application/gzip"
            | "application/x-gzip"
    )
}

/// The format a content type names; `text/plain` names none, since servers
/// send it for Markdown files too, so the extension and the content decide.
fn declared_format(mime: &str) -> Option<Format> {
    match mime {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
        _ => None,
    }
}

/// Says what went wrong in the user's terms, not the client's.
fn reason(error: ureq::Error, limits: &Limits) -> String {
    match error {
        ureq::Error::Timeout(_) => timed_out(limits.timeout),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => timed_out(limits.timeout),
        ureq::Error::TooManyRedirects => {
            format!("more than {} redirects", limits.max_redirects)
        }
        ureq::Error::BodyExceedsLimit(_) => too_large(limits.max_bytes),
        ureq::Error::Io(e) => e.to_string(),
        other => other.to_string(),
    }
}

fn timed_out(timeout: Duration) -> String {
    format!("timed out after {} s", timeout.as_secs_f64())
}

fn too_large(max_bytes: usize) -> String {
    const MIB: usize = 1 << 20;
    if max_bytes >= MIB && max_bytes % MIB == 0 {
        format!("larger than {} MiB", max_bytes / MIB)
    } else {
        format!("larger than {max_bytes} bytes")
    }
}

/// The path part of a URL (no scheme, host, query or fragment), for its
/// extension: `https://x.org/a/b.md?v=1` gives `/a/b.md`.
pub(crate) fn url_path(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .find(['/', '?', '#'])
        .map_or("", |i| &after_scheme[i..]);
    let end = path.find(['?', '#']).unwrap_or(path.len());
    &path[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_content_types_are_accepted_and_others_refused() {
        for ok in [
            "text/html",
            "application/xhtml+xml",
            "text/plain",
            "text/markdown",
        ] {
            assert!(accepts(ok), "{ok}");
        }
        for bad in [
            "image/png",
            "application/pdf",
            "application/octet-stream",
            "video/mp4",
        ] {
            assert!(!accepts(bad), "{bad}");
        }
    }

    #[test]
    fn only_html_and_markdown_types_declare_a_format() {
        assert_eq!(declared_format("text/html"), Some(Format::Html));
        assert_eq!(declared_format("text/x-markdown"), Some(Format::Markdown));
        assert_eq!(declared_format("text/plain"), None);
    }

    #[test]
    fn url_path_drops_host_query_and_fragment() {
        assert_eq!(url_path("https://x.org/a/b.md?v=1#top"), "/a/b.md");
        assert_eq!(url_path("http://x.org"), "");
        assert_eq!(url_path("http://x.org?q=/a.md"), "");
        assert_eq!(url_path("http://x.org:8080/p.html"), "/p.html");
    }

    #[test]
    fn limits_read_in_the_users_units() {
        assert_eq!(too_large(1 << 20), "larger than 1 MiB");
        assert_eq!(too_large(1000), "larger than 1000 bytes");
        assert_eq!(timed_out(Duration::from_secs(30)), "timed out after 30 s");
        assert_eq!(
            timed_out(Duration::from_millis(1500)),
            "timed out after 1.5 s"
        );
    }
}
