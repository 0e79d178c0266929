//! Bytes to text: format sniffing, binary detection and character decoding.
//!
//! UTF-8 input (with or without a byte-order mark) is kept byte for byte,
//! so spans into the text are also positions in the file. UTF-16 needs its
//! BOM. An HTML page that declares a legacy charset (`<meta charset>` or
//! `http-equiv`) is decoded with `encoding_rs`; undeclared invalid UTF-8 in
//! HTML is read as windows-1252, as browsers do. Invalid bytes anywhere else
//! become U+FFFD: never a panic.

use crate::model::Format;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Names the binary format when `bytes` is not text.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x7fELF", "executable"),
        (b"BM", "BMP image"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            // "BM" alone is also the start of ordinary words; only call it a
            // bitmap when a NUL follows soon, as in a real header.
            if *what == "BMP image" && !bytes.iter().take(16).any(|&b| b == 0) {
                continue;
            }
            return Some(what);
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("WebP image");
    }
    if utf16_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let nul = head.iter().filter(|&&b| b == 0).count();
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    if nul > 0 || control * 10 > head.len() {
        return Some("unrecognised binary data");
    }
    None
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xff, 0xfe, ..] => Some(UTF_16LE),
        [0xfe, 0xff, ..] => Some(UTF_16BE),
        _ => None,
    }
}

static HTML_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]")
        .expect("static regex")
});
static HTML_TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</(?:p|div|span|a|li|ul|h[1-6]|table|section|article)>").expect("static regex")
});

/// Decides the format from the extension (`html`, `md`, `txt`, ...) and the
/// content: a `.txt` that is really HTML is HTML.
pub fn detect_format(ext: Option<&str>, bytes: &[u8]) -> Format {
    let head = sniff_head(bytes);
    let looks_html = HTML_START.is_match(&head) || HTML_TAGS.find_iter(&head).take(5).count() >= 5;
    match ext {
        Some("html" | "htm" | "xhtml" | "shtml") => Format::Html,
        Some("md" | "markdown" | "mdx" | "mkd" | "mdown") if !HTML_START.is_match(&head) => {
            Format::Markdown
        }
        _ if looks_html => Format::Html,
        Some("md" | "markdown" | "mdx" | "mkd" | "mdown") => Format::Markdown,
        Some(_) => Format::Text,
        None if looks_markdown(&head) => Format::Markdown,
        None => Format::Text,
    }
}

/// The first 16 KiB as UTF-8 bytes (UTF-16 input transcoded), for sniffing.
fn sniff_head(bytes: &[u8]) -> Vec<u8> {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    match utf16_bom(head) {
        Some(enc) => enc
            .decode_without_bom_handling(&head[2..])
            .0
            .into_owned()
            .into_bytes(),
        None => head.to_vec(),
    }
}

static MD_CUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(?:---\s*$|\+\+\+\s*$|#{1,6} \S|```|\* \S|!\[[^\]]*\]\()|\]\([^)\s]+\)")
        .expect("static regex")
});

fn looks_markdown(head: &[u8]) -> bool {
    MD_CUES.find_iter(head).take(3).count() >= 3
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"#).expect("static regex")
});

/// Decodes an article's bytes into text (see the module docs for the rules).
pub fn decode(bytes: &[u8], format: Format) -> Cow<'_, str> {
    if let Some(enc) = utf16_bom(bytes) {
        return Cow::Owned(enc.decode_without_bom_handling(&bytes[2..]).0.into_owned());
    }
    if format == Format::Html {
        let head = &bytes[..bytes.len().min(4096)];
        if let Some(label) = META_CHARSET.captures(head).and_then(|c| c.get(1)) {
            if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                // A page that says UTF-16 in a meta tag but has no BOM is
                // ASCII-compatible in practice; trust the bytes instead.
                if enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE {
                    return enc.decode_without_bom_handling(bytes).0;
                }
            }
        }
        if std::str::from_utf8(bytes).is_err() {
            return WINDOWS_1252.decode_without_bom_handling(bytes).0;
        }
    }
    String::from_utf8_lossy(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txt_that_is_html_is_html() {
        let page = b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>";
        assert_eq!(detect_format(Some("txt"), page), Format::Html);
        assert_eq!(detect_format(None, page), Format::Html);
        assert_eq!(detect_format(Some("txt"), b"Just words."), Format::Text);
    }

    #[test]
    fn markdown_by_extension_or_content() {
        assert_eq!(detect_format(Some("md"), b"plain"), Format::Markdown);
        let md = b"---\ntitle: x\n---\n# Head\n\nSee [a](http://x).\n";
        assert_eq!(detect_format(None, md), Format::Markdown);
    }

    #[test]
    fn utf8_is_kept_byte_for_byte_even_with_bom() {
        let bytes = "\u{feff}Caf\u{e9}".as_bytes();
        assert_eq!(decode(bytes, Format::Text).as_bytes(), bytes);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Héllo".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(binary_kind(&bytes), None);
        assert_eq!(decode(&bytes, Format::Text), "Héllo");
    }

    #[test]
    fn declared_legacy_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode(page, Format::Html).contains("café"));
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>\x93q\x94</body></html>";
        assert!(decode(page, Format::Html).contains("\u{201c}q\u{201d}"));
    }

    #[test]
    fn invalid_utf8_is_replaced_not_fatal() {
        assert_eq!(decode(b"a\xffb", Format::Text), "a\u{fffd}b");
        assert_eq!(decode(b"<p>a\xe9b</p>", Format::Html), "<p>aéb</p>");
    }
}
