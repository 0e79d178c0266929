//! Entity mentions: every place a catalog entity is named in kept content.
//!
//! ```
//! use roundup::catalog::Catalog;
//! use roundup::extract::entities::Matcher;
//! let m = Matcher::new(&Catalog::builtin().unwrap());
//! let found = m.find_in("Go to the docs: Gin is a Go web framework.", false);
//! let slugs: Vec<&str> = found.iter().map(|f| m.slug(f)).collect();
//! assert_eq!(slugs, ["gin", "go"]);
//! ```
//!
//! One phrase trie holds every name and alias, walked from each word start
//! (the longest wins, so "Ruby on Rails" beats "Ruby" and "ASP.NET Core"
//! "ASP.NET"); a hit counts only at ASCII word boundaries, so "react" in
//! "reaction" or "ember" in "December" never match. Four rules decide:
//! - `entity.alias`: a plain alias, any case (exact-case aliases as written);
//! - `entity.alias.context`: an ambiguous name ("Go", "Express", "Spring")
//!   written with its capitals, not vetoed by its neighbour words ("go to",
//!   "express their"), in a heading, beside another entity, or near a tech
//!   word ("framework", "API", ...);
//! - `entity.alias.discourse`: an ambiguous name written with its
//!   capitals and not vetoed, but without a context of its own, in a
//!   document that names the same entity by another rule elsewhere (one
//!   sense per document: a thread's "Express is fine, but ...");
//! - `entity.fuzzy`: a capitalised word of six or more letters within one
//!   edit of a non-ambiguous alias of six or more ("Epress.js").

use super::phrases::Phrases;
use super::{is_word_byte, lower};
use crate::catalog::Catalog;
use crate::model::Span;
use std::collections::HashSet;

/// A mention found in a piece of text; `span` is relative to that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Index into the catalog's entities.
    pub entity: usize,
    pub span: Span,
    pub rule: &'static str,
}

#[derive(Debug, Clone)]
struct Pattern {
    entity: usize,
    surface: String,
    ambiguous: bool,
    exact_case: bool,
}

/// The compiled catalog matcher. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    slugs: Vec<String>,
    /// Every surface, ASCII case-insensitively, by pattern index.
    names: Phrases,
    patterns: Vec<Pattern>,
    /// (order, lower-case alias, entity) for typo matching, bucketed by
    /// the alias's first byte, then by its length: one edit changes the
    /// length by at most one, so a word is compared only with the aliases
    /// of its own letter and of its length or one off.
    fuzzy: Vec<Vec<Vec<(usize, String, usize)>>>,
    window: usize,
    tech_words: HashSet<String>,
    veto: HashSet<String>,
    package_hosts: Vec<String>,
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Matcher {
        let mut patterns = Vec::new();
        let mut fuzzy: Vec<Vec<Vec<(usize, String, usize)>>> = vec![Vec::new(); 256];
        let mut order = 0;
        for (i, e) in catalog.entities().iter().enumerate() {
            for s in e.surfaces() {
                let ambiguous = e.is_ambiguous(s);
                patterns.push(Pattern {
                    entity: i,
                    surface: s.to_string(),
                    ambiguous,
                    exact_case: e.exact_case.iter().any(|x| x == s),
                });
                if !ambiguous && s.chars().count() >= 6 && s.chars().all(|c| !c.is_whitespace()) {
                    let alias = s.to_lowercase();
                    let by_length = &mut fuzzy[usize::from(alias.as_bytes()[0])];
                    if by_length.len() <= alias.len() {
                        by_length.resize(alias.len() + 1, Vec::new());
                    }
                    by_length[alias.len()].push((order, alias, i));
                    order += 1;
                }
            }
        }
        // Only hits that begin a word count, so the names are looked up
        // from word starts alone. An Aho-Corasick DFA of them steps through
        // every byte, matching "go" in "Django" and "ember" in "December"
        // only to throw them away, and its table of some hundreds of
        // kilobytes costs a cache miss at nearly every byte.
        let names = Phrases::new(patterns.iter().map(|p| p.surface.as_str()));
        let ctx = catalog.context();
        let set = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        Matcher {
            slugs: catalog.entities().iter().map(|e| e.slug.clone()).collect(),
            names,
            patterns,
            fuzzy,
            window: ctx.window,
            tech_words: set(&ctx.tech_words),
            veto: set(&ctx.veto),
            package_hosts: ctx.package_hosts.iter().map(|h| h.to_lowercase()).collect(),
        }
    }

    /// The slug of a found mention.
    pub fn slug(&self, f: &Found) -> &str {
        &self.slugs[f.entity]
    }

    /// Whether `name` is, as a whole, a catalog name or alias (any case).
    pub fn knows(&self, name: &str) -> bool {
        self.names
            .longest_at(name.as_bytes(), 0)
            .is_some_and(|m| m.end == name.len())
    }

    /// The slug of the catalog entity at index `e`.
    pub fn slug_at(&self, e: usize) -> &str {
        &self.slugs[e]
    }

    /// Finds the mentions in one block of text. `heading` says the text is a
    /// heading or title, where an ambiguous capitalised name is the topic.
    pub fn find_in(&self, text: &str, heading: bool) -> Vec<Found> {
        let mut out = Vec::new();
        self.find_into(text, heading, &mut out, &mut Vec::new());
        out
    }

    /// [`Matcher::find_in`], appending to `out` (sorted among themselves)
    /// so a caller going through many blocks reuses one vector. The
    /// ambiguous names written as names that lack only a context here go
    /// to `doubtful` (rule `entity.alias.discourse`): the document may
    /// name the same entity plainly elsewhere (see [`Matcher::settle`]).
    pub(crate) fn find_into(
        &self,
        text: &str,
        heading: bool,
        out: &mut Vec<Found>,
        doubtful: &mut Vec<Found>,
    ) {
        let base = out.len();
        let mut pending: Vec<(usize, Span)> = Vec::new();
        for m in self.names.find_iter(text, boundary_before) {
            let span = Span::new(m.start, m.end);
            self.take(text, m.pattern, span, out, &mut pending);
        }
        let plain = base..out.len();
        for (pi, span) in pending {
            let p = &self.patterns[pi];
            if self.vetoed(text, span) {
                continue;
            }
            let beside_other = out[plain.clone()].iter().any(|f| f.entity != p.entity);
            if heading || beside_other || self.near_tech_word(text, span) {
                out.push(Found {
                    entity: p.entity,
                    span,
                    rule: "entity.alias.context",
                });
            } else {
                doubtful.push(Found {
                    entity: p.entity,
                    span,
                    rule: "entity.alias.discourse",
                });
            }
        }
        self.find_typos(text, base, out);
        out[base..].sort_by_key(|f| f.span);
    }

    /// Judges one hit of the automaton: a plain mention goes to `out`, an
    /// ambiguous name that passed the checks needing only the hit itself
    /// to `pending`, for the checks that need the block's other mentions.
    fn take(
        &self,
        text: &str,
        pi: usize,
        span: Span,
        out: &mut Vec<Found>,
        pending: &mut Vec<(usize, Span)>,
    ) {
        let bytes = text.as_bytes();
        let (s, e) = (span.start, span.end);
        if !boundary_before(bytes, s) || !boundary_after(bytes, e) {
            return;
        }
        let p = &self.patterns[pi];
        let written = &text[s..e];
        if p.exact_case && written != p.surface {
            return;
        }
        if p.ambiguous && self.package_link(text, s, e) {
            out.push(Found {
                entity: p.entity,
                span,
                rule: "entity.alias.link",
            });
            return;
        }
        // An ambiguous name must be written as a name: capitalised.
        if p.ambiguous && !written.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()) {
            return;
        }
        // "the company behind WordPress.com": a web address names a
        // site, unless it is a link's whole text ("[Fastify.io](...)"),
        // the way articles link a framework to its home page.
        if is_domain_suffix(&text[e..]) && !text[..s].ends_with('[') {
            return;
        }
        if p.ambiguous {
            pending.push((pi, span));
        } else {
            out.push(Found {
                entity: p.entity,
                span,
                rule: "entity.alias",
            });
        }
    }

    /// Whether `text[start..end]` is the whole text of a Markdown link to a
    /// package host: `[poem](https://crates.io/crates/poem)`.
    fn package_link(&self, text: &str, start: usize, end: usize) -> bool {
        if !text[..start].ends_with('[') {
            return false;
        }
        let Some(rest) = text[end..].strip_prefix("](") else {
            return false;
        };
        let url = rest.split(')').next().unwrap_or("").to_ascii_lowercase();
        self.package_hosts.iter().any(|h| url.contains(h.as_str()))
    }

    /// One sense per document: of the `doubtful` names (an ambiguous name
    /// written as a name, without a context of its own), those whose
    /// entity `found` already holds join it ("Express is fine, but ..."
    /// in a thread that named Express beside Fastify), sorted by span.
    /// An entity the document never names plainly stays unread: "Spring"
    /// alone in a text about gardens.
    pub(crate) fn settle(found: &mut Vec<Found>, doubtful: Vec<Found>) {
        let known: std::collections::HashSet<usize> = found.iter().map(|f| f.entity).collect();
        let before = found.len();
        found.extend(doubtful.into_iter().filter(|d| known.contains(&d.entity)));
        if found.len() > before {
            found.sort_by_key(|f| f.span);
        }
    }

    /// Whether the name and the word beside it form a veto phrase.
    fn vetoed(&self, text: &str, span: Span) -> bool {
        let name = text[span.range()].to_lowercase();
        let is_word = |c: char| c.is_alphanumeric() || c == '\'';
        let after = text[span.end..]
            .strip_prefix(' ')
            .map(|rest| rest.split(|c: char| !is_word(c)).next().unwrap_or(""));
        let before = text[..span.start]
            .strip_suffix(' ')
            .map(|rest| rest.rsplit(|c: char| !is_word(c)).next().unwrap_or(""));
        // A capitalised name in the middle of a sentence, after a lower-case
        // word, is written as a name: "we run Go for the routing service"
        // is no "go for it".
        let mid_sentence = before.is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
            && text[span.range()].starts_with(char::is_uppercase);
        (!mid_sentence
            && after.is_some_and(|w| self.veto.contains(&format!("{name} {}", w.to_lowercase()))))
            || before.is_some_and(|w| self.veto.contains(&format!("{} {name}", w.to_lowercase())))
    }

    fn near_tech_word(&self, text: &str, span: Span) -> bool {
        let lo = floor_char(text, span.start.saturating_sub(self.window));
        let hi = floor_char(text, (span.end + self.window).min(text.len()));
        text[lo..hi]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| !w.is_empty() && self.tech_words.contains(lower(w).as_ref()))
    }

    /// Adds the typos of long aliases among the capitalised words that no
    /// mention of this block (those from `base` on) covers.
    fn find_typos(&self, text: &str, base: usize, out: &mut Vec<Found>) {
        for w in capitalised_words(text.as_bytes()) {
            // The words are ASCII: their length is their character count.
            if w.len() < 6 {
                continue;
            }
            let word = &text[w.clone()];
            if out[base..]
                .iter()
                .any(|f| f.span.start < w.end && w.start < f.span.end)
            {
                continue;
            }
            // WORD is ASCII, so ASCII case folding is the whole story.
            let first = usize::from(word.as_bytes()[0].to_ascii_lowercase());
            // The first alias in catalog order, as one list would give it.
            let by_length = &self.fuzzy[first];
            let hit = (word.len() - 1..=word.len() + 1)
                .filter_map(|n| by_length.get(n))
                .filter_map(|bucket| bucket.iter().find(|(_, a, _)| one_edit_apart(a, word)))
                .min_by_key(|(order, _, _)| *order);
            if let Some(&(_, _, entity)) = hit {
                out.push(Found {
                    entity,
                    span: Span::new(w.start, w.end),
                    rule: "entity.fuzzy",
                });
            }
        }
    }
}

/// The capitalised words of `text`, the only words checked for typos: an
/// ASCII capital at a word start, then letters and digits, with parts
/// joined by `.`, `#` or `+` ("Express.js", "C#"). A plain byte scan: it
/// runs over every kept block, where a regex search cost more than all
/// the rest of the matcher.
fn capitalised_words(bytes: &[u8]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let alnum_run = move |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count()
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(skip) = bytes[at..].iter().position(u8::is_ascii_uppercase) {
            let start = at + skip;
            if !boundary_before(bytes, start) {
                at = start + 1;
                continue;
            }
            let mut end = alnum_run(start + 1);
            while end + 1 < bytes.len()
                && matches!(bytes[end], b'.' | b'#' | b'+')
                && bytes[end + 1].is_ascii_alphanumeric()
            {
                end = alnum_run(end + 1);
            }
            at = end;
            return Some(start..end);
        }
        None
    })
}

/// Whether two strings are exactly one insertion, deletion or
/// substitution apart, ignoring ASCII case. Linear and allocation-free:
/// the typo check runs on every long capitalised word, where a full edit
/// distance would not pay.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let same = |x: &[u8], y: &[u8]| x.eq_ignore_ascii_case(y);
    let prefix = short
        .iter()
        .zip(long)
        .take_while(|(x, y)| x.eq_ignore_ascii_case(y))
        .count();
    if prefix == short.len() {
        // Equal strings are zero edits apart; one extra byte at the end is one.
        return long.len() != short.len();
    }
    if short.len() == long.len() {
        same(&short[prefix + 1..], &long[prefix + 1..])
    } else {
        same(&short[prefix..], &long[prefix + 1..])
    }
}

fn is_domain_suffix(rest: &str) -> bool {
    const TLDS: [&str; 6] = [".com", ".org", ".io", ".net", ".dev", ".co"];
    TLDS.iter().any(|t| {
        rest.len() >= t.len()
            && rest.as_bytes()[..t.len()].eq_ignore_ascii_case(t.as_bytes())
            && !rest
                .as_bytes()
                .get(t.len())
                .is_some_and(|b| b.is_ascii_alphanumeric())
    })
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn boundary_before(bytes: &[u8], start: usize) -> bool {
    start == 0 || !is_word_byte(bytes[start - 1]) || !is_word_byte(bytes[start])
}

fn boundary_after(bytes: &[u8], end: usize) -> bool {
    end >= bytes.len() || !is_word_byte(bytes[end]) || !is_word_byte(bytes[end - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> Matcher {
        Matcher::new(&Catalog::builtin().unwrap())
    }

    fn slugs(text: &str, heading: bool) -> Vec<(String, String)> {
        let m = matcher();
        m.find_in(text, heading)
            .iter()
            .map(|f| (m.slug(f).to_string(), text[f.span.range()].to_string()))
            .collect()
    }

    fn just_slugs(text: &str) -> Vec<String> {
        slugs(text, false).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn aliases_map_to_slugs_with_exact_spans() {
        let text = "Express.js and NodeJS run JavaScript; ASP.NET Core is C#.";
        assert_eq!(
            slugs(text, false),
            [
                ("express".to_string(), "Express.js".to_string()),
                ("nodejs".to_string(), "NodeJS".to_string()),
                ("javascript".to_string(), "JavaScript".to_string()),
                ("aspnet-core".to_string(), "ASP.NET Core".to_string()),
                ("csharp".to_string(), "C#".to_string()),
            ]
        );
    }

    #[test]
    fn the_longest_name_wins() {
        assert_eq!(just_slugs("Ruby on Rails is fun"), ["rails"]);
        assert_eq!(just_slugs("Spring Boot apps"), ["spring-boot"]);
    }

    #[test]
    fn no_matches_inside_other_words() {
        assert!(just_slugs("In December the reaction was remarkable").is_empty());
        assert!(just_slugs("node_modules is big").is_empty());
    }

    #[test]
    fn ambiguous_names_need_context() {
        assert!(just_slugs("Go to the settings page and click save.").is_empty());
        assert!(just_slugs("Users express their views freely.").is_empty());
        // A company named after the word, even beside a tech word.
        assert!(just_slugs("American Express runs a large API platform.").is_empty());
        assert!(just_slugs("We met in spring and again in the fall.").is_empty());
        assert_eq!(just_slugs("Go is a compiled language from Google."), ["go"]);
        // Capitalised in mid-sentence it is a name, whatever follows it;
        // opening a sentence, "Go for it" is the verb.
        assert_eq!(
            just_slugs("At Initech we run Go for the routing service."),
            ["go"]
        );
        assert!(just_slugs("Go for it, the compiled code says.").is_empty());
        assert_eq!(
            just_slugs("Frameworks like Gin and Echo are fast."),
            ["gin", "echo"]
        );
        assert_eq!(
            just_slugs("Express pairs well with Node.js."),
            ["express", "nodejs"]
        );
        assert_eq!(slugs("4. Golang", true)[0].0, "go");
        assert_eq!(slugs("Spring", true)[0].0, "spring");
        assert!(just_slugs("Next, we look at pricing.").is_empty());
        assert_eq!(
            just_slugs("Pinterest: Utilizes Flask for its web services"),
            ["flask"]
        );
        assert!(just_slugs("Let's Go For It, web developers!").is_empty());
        assert!(just_slugs("Next to its router, the framework ships an ORM.").is_empty());
        assert_eq!(
            just_slugs("Sails has four times the direct dependencies."),
            ["sails"]
        );
    }

    #[test]
    fn one_edit_apart_counts_exactly_one_edit() {
        assert!(one_edit_apart("express.js", "epress.js"));
        assert!(one_edit_apart("django", "djangp"));
        assert!(one_edit_apart("laravel", "laravels"));
        assert!(!one_edit_apart("django", "django"));
        assert!(!one_edit_apart("django", "dajngo"));
        assert!(!one_edit_apart("fastify", "fastly"));
        assert!(one_edit_apart("express.js", "Epress.js"));
    }

    #[test]
    fn package_links_name_packages_whatever_the_capitals() {
        let m = matcher();
        let found = m.find_in("* [poem](https://crates.io/crates/poem)", false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (m.slug(&found[0]), found[0].rule),
            ("poem", "entity.alias.link")
        );
        assert!(just_slugs("* [poem](https://example.com/verse)").is_empty());
    }

    #[test]
    fn web_addresses_are_sites_not_entities() {
        assert!(just_slugs("the company behind WordPress.com").is_empty());
        assert_eq!(just_slugs("WordPress powers blogs"), ["wordpress"]);
        assert_eq!(
            just_slugs("[Fastify.io](https://fastify.io) is fast"),
            ["fastify"]
        );
    }

    #[test]
    fn exact_case_aliases() {
        assert!(just_slugs("Teams react quickly to change.").is_empty());
        assert_eq!(just_slugs("React renders on the server."), ["react"]);
    }

    #[test]
    fn one_edit_typos_of_long_aliases() {
        let m = matcher();
        let found = m.find_in("Epress.js is minimal.", false);
        assert_eq!(m.slug(&found[0]), "express");
        assert_eq!(found[0].rule, "entity.fuzzy");
        assert_eq!(found[0].span, Span::new(0, 9));
        // Ambiguous names are never matched loosely.
        assert!(just_slugs("String handling matters.").is_empty());
        assert!(just_slugs("Socket servers are common.").is_empty());
    }
}
