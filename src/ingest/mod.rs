//! Loading articles: turning the user's inputs (files, folders, `-`,
//! `http(s)://` URLs) into [`Article`]s with their original bytes,
//! gunzipped when compressed, and a detected [`Format`]. Decoding bytes
//! into text lives in [`decode`], fetching URLs in [`fetch`].
//!
//! Folders are walked recursively in a stable (byte-wise sorted) order and
//! hidden entries (a name starting with `.`) are skipped. Every failure is
//! an [`Error`] naming the input, so a batch can report it and go on.

pub mod decode;
pub mod fetch;

use crate::error::{Error, Result};
use crate::model::{Article, Format, Origin, SourceId};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The largest input roundup reads, after decompression (256 MiB).
pub const DEFAULT_MAX_BYTES: usize = 256 << 20;

/// How long fetching one URL may take, redirects and body included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// How many redirects a URL may go through before it is given up.
pub const DEFAULT_MAX_REDIRECTS: u32 = 5;

/// The bounds on reading one input: the size applies to every input, the
/// time and redirects to URLs only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes read, after decompression.
    pub max_bytes: usize,
    /// The whole fetch of a URL, from connecting to the body's last byte.
    pub timeout: Duration,
    /// Redirects followed before a URL fails.
    pub max_redirects: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: DEFAULT_MAX_BYTES,
            timeout: DEFAULT_TIMEOUT,
            max_redirects: DEFAULT_MAX_REDIRECTS,
        }
    }
}

/// One input the user named.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Path(PathBuf),
    Stdin,
    /// An `http://` or `https://` URL, its scheme in lower case.
    Url(String),
}

impl Input {
    /// `-` is standard input, an argument starting with `http://` or
    /// `https://` (in any case) is a URL, anything else is a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            return Input::Stdin;
        }
        for scheme in ["http://", "https://"] {
            if arg
                .get(..scheme.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
            {
                return Input::Url(format!("{scheme}{}", &arg[scheme.len()..]));
            }
        }
        Input::Path(PathBuf::from(arg))
    }

    /// Where the input's bytes come from. For a URL this is the URL as
    /// given; the article records the one it was finally read from.
    pub fn origin(&self) -> Origin {
        match self {
            Input::Path(p) => Origin::Path(p.clone()),
            Input::Stdin => Origin::Stdin,
            Input::Url(u) => Origin::Url(u.clone()),
        }
    }
}

/// Expands folders into the files below them (recursively, hidden entries
/// skipped, sorted). Files, `-` and URLs pass through in the order given.
/// A path that cannot be listed becomes an error in its place; the rest go
/// on.
pub fn expand(inputs: &[Input]) -> Vec<Result<Input>> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin | Input::Url(_) => out.push(Ok(input.clone())),
            Input::Path(path) => match std::fs::metadata(path) {
                Ok(m) if m.is_dir() => walk(path, &mut out),
                Ok(_) => out.push(Ok(input.clone())),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    out.push(Err(Error::Missing { path: path.clone() }))
                }
                Err(source) => out.push(Err(Error::Read {
                    path: path.clone(),
                    source,
                })),
            },
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input>>) {
    // An explicit stack: folder depth is the user's, not ours to recurse on.
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    // Folders already walked, by their real path: a link back up the tree
    // must not walk forever.
    let mut seen = std::collections::HashSet::new();
    while let Some(dir) = stack.pop() {
        if !seen.insert(std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone())) {
            continue;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(source) => {
                out.push(Err(Error::Read { path: dir, source }));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(source) => {
                    out.push(Err(Error::Read {
                        path: dir.clone(),
                        source,
                    }));
                    continue;
                }
            };
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            // Follow links to decide, like `cat` would; a broken link is a
            // file that will fail to load with its own message.
            if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    // Component-wise path order: `a/z.txt` before `b.txt`, on every machine.
    files.sort();
    out.extend(files.into_iter().map(|p| Ok(Input::Path(p))));
}

/// Reads one input into an [`Article`] with the default time and redirect
/// limits for URLs: see [`load_with`].
pub fn load(input: &Input, max_bytes: usize) -> Result<Article> {
    load_with(
        input,
        &Limits {
            max_bytes,
            ..Limits::default()
        },
    )
}

/// Reads one input into an [`Article`]: reads the bytes (at most
/// `limits.max_bytes`; a URL is fetched within all of `limits`), gunzips
/// them when they are gzip, rejects empty and binary inputs, and detects
/// the format. A fetched article's origin is its final URL.
pub fn load_with(input: &Input, limits: &Limits) -> Result<Article> {
    let max_bytes = limits.max_bytes;
    let raw = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(max_bytes as u64 + 1)
                .read_to_end(&mut buf)
                .map_err(Error::Stdin)?;
            buf
        }
        Input::Path(path) => read_file(path, max_bytes)?,
        Input::Url(url) => {
            let page = fetch::fetch(url, limits)?;
            return article_declared(Origin::Url(page.url), page.bytes, max_bytes, page.declared);
        }
    };
    article_from_bytes(input.origin(), raw, max_bytes)
}

fn read_file(path: &Path, max_bytes: usize) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::Missing {
                path: path.to_path_buf(),
            }
        } else {
            Error::Read {
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    let mut buf = Vec::new();
    file.take(max_bytes as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(buf)
}

/// Builds an [`Article`] from bytes already read (the CLI's stdin, a test,
/// a fetched page): the same checks as [`load`].
pub fn article_from_bytes(origin: Origin, raw: Vec<u8>, max_bytes: usize) -> Result<Article> {
    article_declared(origin, raw, max_bytes, None)
}

/// [`article_from_bytes`] for bytes whose source declared a format (a
/// server's content type): it outranks the extension, but the content is
/// still sniffed, so a page declared Markdown that is really HTML is HTML.
fn article_declared(
    origin: Origin,
    raw: Vec<u8>,
    max_bytes: usize,
    declared: Option<Format>,
) -> Result<Article> {
    let name = origin.to_string();
    if raw.len() > max_bytes {
        return Err(Error::TooLarge {
            origin: name,
            limit: max_bytes,
        });
    }
    let (bytes, gz) = if raw.starts_with(&[0x1f, 0x8b]) {
        (gunzip(&raw, &name, max_bytes)?, true)
    } else {
        (raw, false)
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { origin: name });
    }
    if let Some(what) = decode::binary_kind(&bytes) {
        return Err(Error::Binary { origin: name, what });
    }
    let ext = match (declared, &origin) {
        // The extension that stands for the declared format in sniffing.
        (Some(Format::Html), _) => Some("html".to_string()),
        (Some(Format::Markdown), _) => Some("md".to_string()),
        (_, Origin::Path(p)) => extension(p, gz),
        (_, Origin::Url(u)) => extension(Path::new(fetch::url_path(u)), gz),
        (_, Origin::Stdin) => None,
    };
    let format = decode::detect_format(ext.as_deref(), &bytes);
    Ok(Article {
        id: SourceId::of_bytes(&bytes),
        origin,
        format,
        bytes,
    })
}

fn gunzip(raw: &[u8], name: &str, max_bytes: usize) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(raw)
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|source| Error::Gzip {
            origin: name.to_string(),
            source,
        })?;
    if out.len() > max_bytes {
        return Err(Error::TooLarge {
            origin: name.to_string(),
            limit: max_bytes,
        });
    }
    Ok(out)
}

/// The lower-case extension that names the format: for `a.html.gz` it is
/// `html`.
fn extension(path: &Path, gz: bool) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = match name.strip_suffix(".gz") {
        Some(inner) => inner.to_string(),
        None if gz => return None,
        None => name,
    };
    Path::new(&name)
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_and_https_in_any_case_are_urls() {
        assert_eq!(
            Input::parse("HTTPS://x.org/A.md"),
            Input::Url("https://x.org/A.md".into())
        );
        assert_eq!(
            Input::parse("http://x.org"),
            Input::Url("http://x.org".into())
        );
        assert_eq!(Input::parse("-"), Input::Stdin);
        assert_eq!(
            Input::parse("ftp://x.org"),
            Input::Path("ftp://x.org".into())
        );
        assert_eq!(Input::parse("http:"), Input::Path("http:".into()));
        assert_eq!(Input::parse("é"), Input::Path("é".into()));
    }

    #[test]
    fn a_url_is_expanded_to_itself() {
        let url = Input::Url("http://127.0.0.1:9/a".into());
        let out = expand(std::slice::from_ref(&url));
        assert!(matches!(&out[..], [Ok(u)] if *u == url), "{out:?}");
    }

    #[test]
    fn a_declared_format_outranks_the_url_but_not_the_content() {
        let url = |u: &str| Origin::Url(u.into());
        let md = b"# Title\n\nSome words.\n".to_vec();
        let a = article_declared(
            url("http://x/a.txt"),
            md.clone(),
            100,
            Some(Format::Markdown),
        );
        assert_eq!(a.unwrap().format, Format::Markdown);
        let a = article_from_bytes(url("http://x/a.md?v=2"), md.clone(), 100).unwrap();
        assert_eq!(a.format, Format::Markdown);
        let a = article_from_bytes(url("http://x/post"), md, 100).unwrap();
        assert_eq!(a.format, Format::Text);
        let page = b"<!doctype html><html><body><p>x</p></body></html>".to_vec();
        let a = article_declared(url("http://x/a"), page, 100, Some(Format::Markdown));
        assert_eq!(a.unwrap().format, Format::Html);
    }

    #[test]
    fn extension_sees_through_gz() {
        assert_eq!(
            extension(Path::new("a/b.HTML.gz"), true).as_deref(),
            Some("html")
        );
        assert_eq!(extension(Path::new("b.md"), false).as_deref(), Some("md"));
        assert_eq!(extension(Path::new("b.gz"), true), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_back_up_the_tree_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let found = expand(&[Input::Path(dir.path().to_path_buf())]);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn empty_and_binary_inputs_are_errors_naming_the_origin() {
        let o = Origin::Path("x.txt".into());
        let e = article_from_bytes(o.clone(), b"  \n\t".to_vec(), 100).unwrap_err();
        assert_eq!(e.to_string(), "'x.txt' is empty");
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let e = article_from_bytes(o, png, 100).unwrap_err();
        assert!(e.to_string().contains("binary file"), "{e}");
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all("hello world, this is an article".repeat(50).as_bytes())
            .unwrap();
        let gz = enc.finish().unwrap();
        let cut = gz[..gz.len() / 2].to_vec();
        let e = article_from_bytes(Origin::Path("a.txt.gz".into()), cut, 1 << 20).unwrap_err();
        assert!(
            e.to_string().starts_with("'a.txt.gz' is not valid gzip"),
            "{e}"
        );
    }

    #[test]
    fn gzip_bomb_is_bounded() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![b'a'; 1 << 20]).unwrap();
        let gz = enc.finish().unwrap();
        let e = article_from_bytes(Origin::Stdin, gz, 1000).unwrap_err();
        assert!(matches!(e, Error::TooLarge { .. }), "{e}");
    }
}
