//! Loading articles: turning the user's inputs (files, folders, `-`) into
//! [`Article`]s with their original bytes, gunzipped when compressed, and
//! a detected [`Format`]. Decoding bytes into text lives in [`decode`].
//!
//! Folders are walked recursively in a stable (byte-wise sorted) order and
//! hidden entries (a name starting with `.`) are skipped. Every failure is
//! an [`Error`] naming the input, so a batch can report it and go on.

pub mod decode;

use crate::error::{Error, Result};
use crate::model::{Article, Origin, SourceId};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest input roundup reads, after decompression (256 MiB).
pub const DEFAULT_MAX_BYTES: usize = 256 << 20;

/// One input the user named.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

impl Input {
    /// `-` is standard input; anything else is a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    pub fn origin(&self) -> Origin {
        match self {
            Input::Path(p) => Origin::Path(p.clone()),
            Input::Stdin => Origin::Stdin,
        }
    }
}

/// Expands folders into the files below them (recursively, hidden entries
/// skipped, sorted). Files and `-` pass through in the order given. A path
/// that cannot be listed becomes an error in its place; the rest go on.
pub fn expand(inputs: &[Input]) -> Vec<Result<Input>> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => out.push(Ok(Input::Stdin)),
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

/// Reads one input into an [`Article`]: reads the bytes (at most
/// `max_bytes`), gunzips them when they are gzip, rejects empty and binary
/// inputs, and detects the format.
pub fn load(input: &Input, max_bytes: usize) -> Result<Article> {
    let origin = input.origin();
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
    };
    article_from_bytes(origin, raw, max_bytes)
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
    let ext = match &origin {
        Origin::Path(p) => extension(p, gz),
        _ => None,
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
