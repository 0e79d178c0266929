//! Metadata from a Markdown front matter block (YAML `---` or TOML `+++`):
//! title, author and date. Read line by line rather than with a YAML or
//! TOML parser, because only three top-level keys matter and a front matter
//! that a strict parser rejects (Hugo and Jekyll accept plenty) should still
//! give them.

use crate::model::Meta;

/// The metadata of a front matter block, delimiters included.
pub(super) fn meta(block: &str) -> Meta {
    let mut meta = Meta::default();
    let mut lines = block.lines().skip(1).peekable();
    while let Some(line) = lines.next() {
        // A TOML table header ends the top-level keys.
        if line.starts_with('[') {
            break;
        }
        // Only top-level keys: an indented line belongs to a nested value.
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((key, value)) = split_key(line) else {
            continue;
        };
        let value = value.trim();
        match key.to_ascii_lowercase().as_str() {
            "title" if meta.title.is_none() => meta.title = scalar(value),
            "author" | "authors" if meta.author.is_none() => {
                meta.author = first_item(value).or_else(|| {
                    // A YAML list on the following lines: `- name`.
                    let next = lines.peek()?.trim();
                    next.strip_prefix("- ").and_then(scalar)
                })
            }
            "date" | "publishdate" | "published" | "pubdate" if meta.published.is_none() => {
                meta.published = scalar(value).and_then(|v| iso_date(&v))
            }
            _ => {}
        }
    }
    meta
}

/// `key: value` (YAML) or `key = value` (TOML), whichever comes first.
fn split_key(line: &str) -> Option<(&str, &str)> {
    let at = line.find([':', '='])?;
    let key = line[..at].trim();
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    ok.then(|| (key, &line[at + 1..]))
}

/// A scalar value without its quotes; `None` when empty.
fn scalar(value: &str) -> Option<String> {
    let v = value.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(v)
        .trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// The first element of an inline list (`["a", "b"]`), or the scalar.
fn first_item(value: &str) -> Option<String> {
    match value.strip_prefix('[') {
        Some(rest) => scalar(rest.trim_end_matches(']').split(',').next()?),
        None => scalar(value),
    }
}

/// `2024-11-04`, `2018-12-10T09:00:00+00:00`, `2021-06-19 7:45:02 -0400`:
/// the calendar date, when it is a real one.
fn iso_date(value: &str) -> Option<String> {
    let head = value.get(..10)?;
    chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_gives_title_author_and_date() {
        let m = meta("---\ntitle: \"Node.js Frameworks\"\nauthor: 'Tim N'\ndate: 2018-12-10T09:00:00+00:00\n---\n");
        assert_eq!(m.title.as_deref(), Some("Node.js Frameworks"));
        assert_eq!(m.author.as_deref(), Some("Tim N"));
        assert_eq!(m.published.as_deref(), Some("2018-12-10"));
    }

    #[test]
    fn toml_front_matter_takes_the_first_author_of_a_list() {
        let m = meta("+++\ndate = 2022-02-22T08:00:00Z\ntitle = \"Rust\"\nauthors = [\"S K\", \"B\"]\n[extra]\ntitle = \"no\"\n+++\n");
        assert_eq!(m.title.as_deref(), Some("Rust"));
        assert_eq!(m.author.as_deref(), Some("S K"));
        assert_eq!(m.published.as_deref(), Some("2022-02-22"));
    }

    #[test]
    fn yaml_author_list_on_the_next_lines_and_nested_keys_are_ignored() {
        let m = meta("---\nauthors:\n- Ada\nmeta:\n  title: nested\ndate: not a date\n---\n");
        assert_eq!(m.author.as_deref(), Some("Ada"));
        assert_eq!(m.title, None);
        assert_eq!(m.published, None);
    }
}
