//! Candidates: names the text presents as frameworks, runtimes or
//! languages that the catalog does not know, proposed for review so users
//! can extend the catalog (`--catalog FILE`). Not scored.
//!
//! ```
//! use roundup::extract::candidates::find_in;
//! let found = find_in("Frameworks like Fresh, Encore and Django are popular.");
//! let names: Vec<&str> = found.iter().map(|c| c.0.as_str()).collect();
//! assert_eq!(names, ["Fresh", "Encore", "Django"]);
//! ```
//!
//! Two shapes of sentence propose names:
//! - `candidate.list`: "frameworks like A, B and C", "tools such as A or B";
//! - `candidate.definition`: "A is a Python-based web framework", "A, a
//!   lightweight framework".
//!
//! The caller drops names the catalog already knows.

use super::{Context, Mention};
use crate::model::Span;
use aho_corasick::AhoCorasick;
use regex::Regex;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A proposed entity name and where the text proposes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub name: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub rule: String,
}

/// A name: capitalised words, possibly with `.js`, `.NET`, `#`, `+`.
/// Words of a name are joined by one space, never a line break.
const NAME: &str = r"[A-Z][A-Za-z0-9]*(?:[.+#-][A-Za-z0-9+#]+)*(?: [A-Z][A-Za-z0-9]*(?:[.+#-][A-Za-z0-9+#]+)*){0,2}";

/// "frameworks like A, B and C", anchored: it runs only where a kind word
/// begins a word (see [`find_in`]).
static LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:frameworks?|libraries|library|tools|options|alternatives|languages|platforms|runtimes|stacks|technologies)\s+(?i:like|such\s+as|including|e\.g\.,?)\s+(?P<list>{NAME}(?:\s*,\s*{NAME})*(?:\s*,?\s+(?:and|or)\s+{NAME})?)"
    ))
    .expect("static regex")
});

/// "A is a Python-based web framework", anchored at its end: it runs only
/// on the text up to a kind word that ends a word, and searches back.
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<name>{NAME})(?:\s+is\s+(?:an?|the)|,\s+an?)\s+(?:[\w-]+\s+){{0,3}}?(?i:web\s+|backend\s+|back-end\s+|server-side\s+|full-stack\s+|micro-?)?(?i:framework|runtime|programming\s+language)$"
    ))
    .expect("static regex")
});

static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+").expect("static regex")
});

/// Words that start a sentence or a clause, never a name on their own.
const NOT_NAMES: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "A",
    "An",
    "Some",
    "Many",
    "Most",
    "Other",
    "Each",
    "Every",
    "Our",
    "Your",
    "Their",
    "Which",
    "What",
    "When",
    "While",
    "Also",
    "Both",
    "All",
    "Another",
    "One",
    "Popular",
    "Modern",
    "Furthermore",
    "Additionally",
    "Besides",
    "Moreover",
    "However",
    "Therefore",
    "Similarly",
    "Overall",
    "Finally",
    "Thus",
    "Hence",
    "Instead",
    "Meanwhile",
    "Today",
    "Here",
    "There",
];

/// The kind words both shapes hold, as word beginnings ("librar" is
/// "library" and "libraries").
const KINDS: [&str; 10] = [
    "framework",
    "librar",
    "tool",
    "option",
    "alternative",
    "language",
    "platform",
    "runtime",
    "stack",
    "technolog",
];

/// The kinds a definition ends with ("language" of "programming
/// language").
const DEFINED_KINDS: [&str; 3] = ["framework", "language", "runtime"];

/// The kind words, each as written in prose, capitalised in a title and
/// in capitals: patterns [`KINDS`]`.len()` apart, in [`KINDS`]' order.
/// Case-sensitive, so the automaton searches with a vector prefilter; a
/// case-insensitive one steps through every byte of every block (it has
/// no prefilter for ten words in both cases), and that scan was half of
/// what the candidates cost. Other mixes of case ("FrameWorks") are left
/// unread: candidates are proposals for review, not findings.
static KIND_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let capitalised = |k: &str| k[..1].to_ascii_uppercase() + &k[1..];
    let spellings = KINDS
        .iter()
        .map(|k| k.to_string())
        .chain(KINDS.iter().map(|k| capitalised(k)))
        .chain(KINDS.iter().map(|k| k.to_ascii_uppercase()));
    // Leftmost-first, the only kind the vector search supports; no kind
    // word is a prefix of another, so it finds what a standard search
    // would.
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(spellings)
        .expect("static automaton")
});

/// The names proposed in one text, with their byte ranges and rule.
///
/// Both shapes hold a kind word: a list begins with one, a definition ends
/// with one. So the kind words are found first, in one pass, and each
/// shape's regex runs only at them: anchored there, it reads a few words
/// instead of the whole block, which is what it cost when it searched
/// every block that held a kind word anywhere.
pub fn find_in(text: &str) -> Vec<(String, Span, &'static str)> {
    let bytes = text.as_bytes();
    let (mut lists, mut definitions) = (Vec::new(), Vec::new());
    // Where the last match of each shape ended: matches of a shape never
    // overlap, as in a search left to right.
    let (mut list_end, mut definition_end) = (0, 0);
    for k in KIND_WORDS.find_iter(text) {
        let (start, end) = (k.start(), k.end());
        if start >= list_end
            && (start == 0 || !super::is_word_byte(bytes[start - 1]))
            && list_may_follow(&text[end..])
        {
            if let Some(c) = LIST.captures(&text[start..]) {
                list_end = start + c.get(0).map_or(0, |m| m.end());
                if let Some(list) = c.name("list") {
                    lists.push((start + list.start(), list.as_str()));
                }
            }
        }
        // A definition ends with the kind word itself at a word end.
        let ends_a_word = end == bytes.len() || !super::is_word_byte(bytes[end]);
        if !ends_a_word || !DEFINED_KINDS.contains(&KINDS[k.pattern().as_usize() % KINDS.len()]) {
            continue;
        }
        if start >= definition_end && article_before(&text[definition_end..start]) {
            if let Some(c) = DEFINITION.captures(&text[definition_end..end]) {
                if let Some(n) = c.name("name") {
                    definitions.push(Span::new(
                        definition_end + n.start(),
                        definition_end + n.end(),
                    ));
                }
                definition_end = end;
            }
        }
    }
    let mut out = Vec::new();
    for (at, list) in lists {
        let mut pos = at;
        for part in SPLIT.split(list) {
            let offset = text[pos..].find(part).map_or(pos, |i| pos + i);
            pos = offset + part.len();
            push(
                &mut out,
                part,
                Span::new(offset, offset + part.len()),
                "candidate.list",
            );
        }
    }
    for span in definitions {
        push(&mut out, &text[span.range()], span, "candidate.definition");
    }
    out.sort_by_key(|(_, s, _)| *s);
    out
}

/// What [`LIST`] needs after its kind word stem (`rest`): the end of the
/// word, some white space and the word that opens the list. Most kind
/// words are not followed by one, and this test, unlike the regex, reads
/// only the next few bytes.
fn list_may_follow(rest: &str) -> bool {
    let word_end = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let next = word_end.trim_start();
    next.len() < word_end.len()
        && ["like", "such", "including", "e.g."].iter().any(|w| {
            next.as_bytes()
                .get(..w.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
        })
}

/// The most white-space separated words between a [`DEFINITION`]'s
/// article and its kind word: three free words and a qualifier ("web"),
/// then the article itself.
const ARTICLE_REACH: usize = 5;

/// What [`DEFINITION`] needs before its kind word (`before` is the text up
/// to it): the article of "is a", "is the" or ", an" among the last
/// [`ARTICLE_REACH`] words. The kind word's own word ("micro-framework")
/// is not one of them. Most kind words have none, and this test, unlike
/// the regex, reads only those words.
fn article_before(before: &str) -> bool {
    let own = before.trim_end_matches(|c: char| !c.is_whitespace());
    own.split_whitespace()
        .rev()
        .take(ARTICLE_REACH)
        .any(|w| matches!(w, "a" | "an" | "the"))
}

fn push(out: &mut Vec<(String, Span, &'static str)>, name: &str, span: Span, rule: &'static str) {
    let name = name.trim();
    if name.is_empty() || NOT_NAMES.contains(&name) || out.iter().any(|(_, s, _)| *s == span) {
        return;
    }
    out.push((name.to_string(), span, rule));
}

/// Candidates in the kept prose of a document: names the catalog does not
/// know, each once (its first place).
pub fn extract(cx: &Context) -> Vec<Candidate> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for i in super::prose_blocks(cx.doc, cx.cleaned) {
        let block = cx.doc.blocks[i];
        for (name, span, rule) in find_in(cx.doc.block_text(&block)) {
            let span = Span::new(block.span.start + span.start, block.span.start + span.end);
            let known = cx.config.matcher.knows(&name) || overlaps(cx.mentions, span);
            if known || !seen.insert(name.to_lowercase()) {
                continue;
            }
            out.push(Candidate {
                name,
                start: span.start,
                end: span.end,
                quote: super::quote(cx.doc, span),
                rule: rule.to_string(),
            });
        }
    }
    out
}

fn overlaps(mentions: &[Mention], span: Span) -> bool {
    mentions
        .iter()
        .any(|m| m.start < span.end && span.start < m.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, &'static str)> {
        find_in(text).into_iter().map(|(n, _, r)| (n, r)).collect()
    }

    #[test]
    fn lists_after_a_kind_word() {
        assert_eq!(
            names("Try tools such as Encore or Nitro, then decide."),
            [
                ("Encore".to_string(), "candidate.list"),
                ("Nitro".to_string(), "candidate.list")
            ]
        );
        let found = find_in("libraries like Hono.js, Elysia and Oak");
        let text = "libraries like Hono.js, Elysia and Oak";
        let spans: Vec<&str> = found.iter().map(|(_, s, _)| &text[s.range()]).collect();
        assert_eq!(spans, ["Hono.js", "Elysia", "Oak"]);
        // A title's capitalised kind word, one in capitals, and the kind
        // word inside "microframework".
        for text in [
            "Frameworks Like Encore, Nitro",
            "RUNTIMES SUCH AS Encore",
            "Encore is a Python microframework",
        ] {
            assert_eq!(names(text)[0].0, "Encore", "{text}");
        }
    }

    #[test]
    fn the_quick_tests_admit_every_shape_the_regexes_take() {
        // Three free words and a qualifier: the article is as far from
        // the kind word as a definition lets it be.
        assert_eq!(
            names("Zest is a very fast modern web framework."),
            [("Zest".to_string(), "candidate.definition")]
        );
        assert_eq!(
            names("Zest is the one true micro-framework"),
            [("Zest".to_string(), "candidate.definition")]
        );
        assert!(names("Zest is a very fast and modern web framework.").is_empty());
        assert!(article_before("Zest, an "));
        assert!(!article_before("Zest runs on any "));
        // The list word may follow any white space, in any case.
        assert!(list_may_follow("works\nSuch as"));
        assert!(list_may_follow("s e.g., Zest"));
        assert!(!list_may_follow("s, like Zest"));
        assert!(!list_may_follow("slike Zest"));
        assert_eq!(
            names("Frameworks\tINCLUDING Zest and Quill"),
            [
                ("Zest".to_string(), "candidate.list"),
                ("Quill".to_string(), "candidate.list")
            ]
        );
    }

    #[test]
    fn definitions() {
        assert_eq!(
            names("Fresh is a Deno-based web framework for the edge."),
            [("Fresh".to_string(), "candidate.definition")]
        );
        assert_eq!(
            names("Masonite, a modern Python framework, ships a CLI."),
            [("Masonite".to_string(), "candidate.definition")]
        );
        assert!(names("It is a great framework.").is_empty());
        // The kind word may end a longer word, but must end it.
        assert_eq!(
            names("Bottle is a microframework. Sanic is a fast runtime"),
            [
                ("Bottle".to_string(), "candidate.definition"),
                ("Sanic".to_string(), "candidate.definition")
            ]
        );
        assert!(names("Hapi is a frameworks-agnostic tool.").is_empty());
        // Two definitions in one text, and a list after one.
        assert_eq!(
            names("Oak is a Deno framework, and platforms like Fly or Render host it."),
            [
                ("Oak".to_string(), "candidate.definition"),
                ("Fly".to_string(), "candidate.list"),
                ("Render".to_string(), "candidate.list")
            ]
        );
        assert!(names("Furthermore, the Node.js backend framework is fast.").is_empty());
        assert_eq!(
            names("frameworks like Angular or Vue\nCons"),
            [
                ("Angular".to_string(), "candidate.list"),
                ("Vue".to_string(), "candidate.list")
            ]
        );
    }
}
