//! Sections: the heading tree of a cleaned document, each section's
//! subject entity and what its heading announces.
//!
//! A section is a heading and the blocks under it until the next heading.
//! Its parent is the nearest earlier heading of a lower level. Its subject
//! is the first entity its heading names ("Django – Python Framework" is
//! about Django), or the one framework it names beside its stack ("Python
//! ~ Django" is about Django too), else its parent's; its role is what its heading
//! announces (pros, cons, features, users: patterns in
//! `data/sections.toml`), else its parent's, unless the heading names a
//! new entity. So "1. Batteries Included" under "Advantages of Django" is
//! a pro of Django, and "2. Flask" under it is not.

use crate::catalog::{Catalog, Kind};
use crate::error::{Error, Result};
use crate::extract::entities::Matcher;
use crate::model::{BlockKind, Cleaned, Document};
use regex::{RegexBuilder, RegexSet, RegexSetBuilder};
use serde::{Deserialize, Serialize};

const BUILTIN: &str = include_str!("../data/sections.toml");

/// What a heading announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Content,
    Pros,
    Cons,
    Features,
    Users,
}

/// One section of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading block; `None` for the root (text before any heading).
    pub heading: Option<usize>,
    /// 0 for the root; headings are 1 and deeper.
    pub level: u8,
    pub parent: Option<usize>,
    /// Index into the catalog's entities.
    pub subject: Option<usize>,
    pub role: Role,
    /// The role this heading announces itself (not inherited).
    pub own_role: Role,
}

/// The sections of a document and the section every block belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    pub sections: Vec<Section>,
    /// For each block of the document, the index of its section.
    pub section_of: Vec<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleEntry {
    role: Role,
    patterns: Vec<String>,
}

/// Marks that announce a role inside a line ("✅ Fast", "👎 Slow").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SymbolEntry {
    role: Role,
    marks: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    role: Vec<RoleEntry>,
    #[serde(default)]
    symbol: Vec<SymbolEntry>,
}

/// The compiled heading-role patterns: one set, so a heading is scanned
/// once whatever the number of patterns.
#[derive(Debug, Clone)]
pub struct RoleRules {
    set: RegexSet,
    /// The role of each pattern of the set, in file order.
    roles: Vec<Role>,
    /// Symbols that announce a role wherever they stand in a line, without
    /// variation selectors.
    symbols: Vec<(String, Role)>,
}

impl RoleRules {
    /// The patterns compiled into roundup.
    pub fn builtin() -> Result<RoleRules> {
        RoleRules::parse("data/sections.toml", BUILTIN)
    }

    fn parse(origin: &str, text: &str) -> Result<RoleRules> {
        let err = |message: String| Error::Rules {
            origin: origin.to_string(),
            message,
        };
        let file: File = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let mut roles = Vec::new();
        let mut patterns = Vec::new();
        for entry in file.role {
            for p in entry.patterns {
                // ASCII word boundaries: Unicode ones drop the regex engine
                // to a slow path on any non-ASCII heading.
                let p = p.replace(r"\b", r"(?-u:\b)");
                // Checked one by one so the error names the bad pattern.
                RegexBuilder::new(&p)
                    .build()
                    .map_err(|e| err(format!("role {:?}: pattern {p:?}: {e}", entry.role)))?;
                roles.push(entry.role);
                patterns.push(p);
            }
        }
        let set = RegexSetBuilder::new(&patterns)
            .case_insensitive(true)
            .build()
            .map_err(|e| err(e.to_string()))?;
        let mut symbols = Vec::new();
        for entry in file.symbol {
            for mark in entry.marks {
                let mark = without_selectors(&mark);
                // Marks open outside ASCII: a line of plain ASCII holds none.
                let plain = mark.chars().next().is_none_or(|c| c.is_ascii());
                if plain
                    || mark
                        .chars()
                        .any(|c| c.is_alphanumeric() || c.is_whitespace())
                {
                    return Err(err(format!(
                        "symbol {:?}: mark {mark:?} is empty, opens with ASCII, or holds letters, digits or spaces",
                        entry.role
                    )));
                }
                symbols.push((mark, entry.role));
            }
        }
        Ok(RoleRules {
            set,
            roles,
            symbols,
        })
    }

    /// The symbols that announce a role inside a line, as written in
    /// `data/sections.toml` without variation selectors.
    pub fn symbols(&self) -> &[(String, Role)] {
        &self.symbols
    }

    /// The role a heading's text announces.
    pub fn role_of(&self, heading: &str) -> Role {
        // Most headings announce nothing. Asking whether any pattern
        // matches stops at the first hit and skips the overlapping search
        // that lists every pattern, which cost several times more.
        if !self.set.is_match(heading) {
            return Role::Content;
        }
        let matched = self.set.matches(heading);
        let has = |role: Role| matched.iter().any(|i| self.roles[i] == role);
        if has(Role::Pros) && has(Role::Cons) {
            return Role::Content;
        }
        // Set matches come in pattern order, so the first is the file's first.
        matched
            .iter()
            .next()
            .map_or(Role::Content, |i| self.roles[i])
    }

    /// Whether a line's label (the text before its colon) announces the
    /// users of an entity: "Who runs it in production", "Companies using
    /// Gin". At most eight words: a longer text is a sentence, not a label.
    pub fn is_users_label(&self, label: &str) -> bool {
        label.split_whitespace().count() <= 8 && self.role_of(label) == Role::Users
    }
}

/// A symbol without its emoji variation selectors (U+FE0E, U+FE0F): "✔️"
/// and "✔" are one mark.
pub fn without_selectors(mark: &str) -> String {
    mark.chars()
        .filter(|&c| c != '\u{fe0e}' && c != '\u{fe0f}')
        .collect()
}

/// The entity a heading is about: the first it names, unless it names one
/// framework and otherwise only languages, runtimes and platforms, its
/// stack ("Python ~ Django", "Node.js: Express", ".NET / ASP.NET MVC"):
/// then the framework.
fn heading_subject(matcher: &Matcher, catalog: &Catalog, text: &str) -> Option<usize> {
    let found = matcher.find_in(text, true);
    let entities = catalog.entities();
    let mut frameworks = found
        .iter()
        .filter(|f| entities[f.entity].kind == Kind::Framework);
    match (frameworks.next(), frameworks.next()) {
        (Some(one), None) => Some(one.entity),
        // "Rails vs Laravel vs Django vs Express": a heading that names
        // three or more frameworks compares them and is about none ("Go:
        // Gin, Echo, Fiber" is about its language, named first).
        (Some(first), Some(_))
            if found.first().map(|f| f.entity) == Some(first.entity) && distinct(&found) >= 3 =>
        {
            None
        }
        _ => found.first().map(|f| f.entity),
    }
}

/// How many entities the finds name.
fn distinct(found: &[crate::extract::entities::Found]) -> usize {
    let mut seen: Vec<usize> = found.iter().map(|f| f.entity).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// Whether a heading is a short role label and nothing more: at most five
/// words, none of them tying it to a topic of its own ("Advantages of
/// microservices", "Reasons to use Go").
fn is_bare_label(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() <= 5
        && !words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "of" | "for" | "to" | "with" | "in"
            )
        })
}

/// The entity a wholly bold short line names ("**3. Laravel (PHP)**"):
/// authors who write no Markdown headings write their entity headings so,
/// and the outline reads them as headings.
fn entity_line(matcher: &Matcher, catalog: &Catalog, text: &str) -> Option<usize> {
    let t = text.trim();
    let inner = t
        .strip_prefix("**")
        .and_then(|r| r.strip_suffix("**"))
        .or_else(|| t.strip_prefix("__").and_then(|r| r.strip_suffix("__")))?;
    if inner.contains("**") || inner.contains("__") || inner.split_whitespace().count() > 8 {
        return None;
    }
    heading_subject(matcher, catalog, inner)
}

/// The level for a bold entity line: that of the section which brought
/// in the current subject (the entity heading before it), else one below
/// the innermost open section.
fn sibling_level(sections: &[Section], open: &[usize]) -> u8 {
    let innermost = &sections[*open.last().unwrap_or(&0)];
    match innermost.subject {
        Some(e) => open
            .iter()
            .map(|&s| &sections[s])
            .find(|s| s.heading.is_some() && s.subject == Some(e))
            .map_or(innermost.level + 1, |s| s.level),
        None => innermost.level + 1,
    }
    .max(1)
}

/// Builds the outline of the kept blocks. Dropped blocks belong to the
/// section they sit in but never open one.
pub fn outline(
    doc: &Document,
    cleaned: &Cleaned,
    matcher: &Matcher,
    catalog: &Catalog,
    roles: &RoleRules,
) -> Outline {
    let mut sections = vec![Section {
        heading: None,
        level: 0,
        parent: None,
        subject: None,
        role: Role::Content,
        own_role: Role::Content,
    }];
    let mut section_of = Vec::with_capacity(doc.blocks.len());
    // The chain of open sections, innermost last.
    let mut open: Vec<usize> = vec![0];
    for (i, block) in doc.blocks.iter().enumerate() {
        let kept = cleaned.keep.get(i).copied().unwrap_or(false);
        let level = match block.kind {
            BlockKind::Heading { level } if kept => Some(level.max(1)),
            BlockKind::Paragraph if kept => entity_line(matcher, catalog, doc.block_text(block))
                .map(|_| sibling_level(&sections, &open)),
            _ => None,
        };
        let Some(level) = level else {
            section_of.push(*open.last().unwrap_or(&0));
            continue;
        };
        // The section just closed at this level, if any: the sibling
        // before this heading.
        let mut sibling = None;
        while open.len() > 1 && sections[*open.last().unwrap_or(&0)].level >= level {
            sibling = open.pop().filter(|&s| sections[s].level == level);
        }
        let parent = *open.last().unwrap_or(&0);
        let text = doc.block_text(block);
        let own_subject = heading_subject(matcher, catalog, text);
        let own_role = roles.role_of(text);
        let inherited = &sections[parent];
        // A bare role label ("Downsides", "Why teams pick it") set at the
        // level of the entity heading before it still speaks of that
        // entity: plain text gives both the same level, and so do some
        // Markdown authors.
        let label = own_role != Role::Content && own_subject.is_none() && is_bare_label(text);
        let sibling_subject = sibling.filter(|_| label).and_then(|s| sections[s].subject);
        let section = Section {
            heading: Some(i),
            level,
            parent: Some(parent),
            subject: own_subject.or(sibling_subject).or(inherited.subject),
            // A heading that names an entity other than its parent's
            // subject opens that entity's own section ("2. Flask" after
            // "Disadvantages of Django", however the levels were guessed):
            // it inherits no role.
            role: match (own_role, own_subject) {
                (Role::Content, Some(e)) if inherited.subject != Some(e) => Role::Content,
                (Role::Content, _) => inherited.role,
                (own, _) => own,
            },
            own_role,
        };
        sections.push(section);
        let id = sections.len() - 1;
        open.push(id);
        section_of.push(id);
    }
    Outline {
        sections,
        section_of,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::{Block, Meta, Span};

    /// A document from (kind, text) pairs, one block per line.
    fn doc(parts: &[(BlockKind, &str)]) -> Document {
        let mut text = String::new();
        let mut blocks = Vec::new();
        for (kind, t) in parts {
            let start = text.len();
            text.push_str(t);
            blocks.push(Block {
                kind: *kind,
                span: Span::new(start, text.len()),
            });
            text.push('\n');
        }
        Document {
            meta: Meta::default(),
            text,
            blocks,
            dropped: Vec::new(),
        }
    }

    fn h(level: u8) -> BlockKind {
        BlockKind::Heading { level }
    }

    /// The outline of a document whose blocks are all kept, as a lookup
    /// from block to its section's (subject slug, role).
    fn sections_of(d: &Document) -> impl Fn(usize) -> (Option<String>, Role) {
        let cleaned = Cleaned {
            keep: vec![true; d.blocks.len()],
            ..Default::default()
        };
        let catalog = Catalog::builtin().unwrap();
        let m = Matcher::new(&catalog);
        let o = outline(d, &cleaned, &m, &catalog, &RoleRules::builtin().unwrap());
        move |block| {
            let s = &o.sections[o.section_of[block]];
            (
                s.subject.map(|e| catalog.entities()[e].slug.clone()),
                s.role,
            )
        }
    }

    #[test]
    fn roles_from_headings() {
        let r = RoleRules::builtin().unwrap();
        assert_eq!(r.role_of("Advantages of Django"), Role::Pros);
        assert_eq!(r.role_of("Disadvantages of Django"), Role::Cons);
        assert_eq!(r.role_of("Key Features"), Role::Features);
        assert_eq!(r.role_of("Popular Websites That Use Flask"), Role::Users);
        assert_eq!(r.role_of("Top companies using Laravel"), Role::Users);
        assert_eq!(r.role_of("Who's using it"), Role::Users);
        assert_eq!(
            r.role_of("Who is running Phoenix in production"),
            Role::Users
        );
        assert_eq!(r.role_of("Why it thrives"), Role::Pros);
        assert_eq!(r.role_of("Why teams pick it"), Role::Pros);
        assert_eq!(r.role_of("Where it hurts"), Role::Cons);
        assert_eq!(r.role_of("What it does well"), Role::Pros);
        assert_eq!(r.role_of("What Django doesn't do well"), Role::Cons);
        assert_eq!(r.role_of("Good:"), Role::Pros);
        assert_eq!(r.role_of("Less good:"), Role::Cons);
        assert_eq!(r.role_of("The not-so-good parts"), Role::Cons);
        assert_eq!(r.role_of("What hurts:"), Role::Cons);
        assert_eq!(r.role_of("What it costs you:"), Role::Cons);
        assert_eq!(r.role_of("Why it works for us:"), Role::Pros);
        assert_eq!(r.role_of("Trade-offs"), Role::Cons);
        assert_eq!(r.role_of("Good to know"), Role::Features);
        assert_eq!(r.role_of("Pros and Cons of Rails"), Role::Content);
        assert_eq!(r.role_of("Django – Python Framework"), Role::Content);
    }

    #[test]
    fn subject_and_role_carry_down_the_heading_tree() {
        let d = doc(&[
            (BlockKind::Title, "Top Backend Frameworks"),
            (h(2), "1. Django"),
            (BlockKind::Paragraph, "Django is a Python framework."),
            (h(3), "Advantages of Django"),
            (h(4), "1. Batteries Included"),
            (BlockKind::Paragraph, "Lots of things come built in."),
            (h(3), "Disadvantages"),
            (BlockKind::ListItem { depth: 1 }, "Monolithic"),
            (h(2), "2. Flask"),
            (BlockKind::Paragraph, "Flask is small."),
        ]);
        let at = sections_of(&d);
        assert_eq!(at(0), (None, Role::Content));
        assert_eq!(at(2), (Some("django".into()), Role::Content));
        assert_eq!(at(5), (Some("django".into()), Role::Pros));
        assert_eq!(at(7), (Some("django".into()), Role::Cons));
        assert_eq!(at(9), (Some("flask".into()), Role::Content));
    }

    #[test]
    fn a_heading_comparing_three_frameworks_is_about_none() {
        let d = doc(&[
            (BlockKind::Title, "Rails vs Laravel vs Django: which one?"),
            (BlockKind::Paragraph, "We scored them."),
            (h(2), "Go: Gin, Echo, Fiber"),
            (BlockKind::Paragraph, "Go keeps growing."),
            (h(2), "Flask vs FastAPI"),
            (BlockKind::Paragraph, "Both are small."),
        ]);
        let at = sections_of(&d);
        assert_eq!(at(1), (None, Role::Content));
        // A language before its frameworks is the stack's subject.
        assert_eq!(at(3), (Some("go".into()), Role::Content));
        // Two names keep the first, as before.
        assert_eq!(at(5), (Some("flask".into()), Role::Content));
    }

    #[test]
    fn a_bold_line_naming_an_entity_opens_its_section() {
        let d = doc(&[
            (BlockKind::Title, "Top frameworks"),
            (h(3), "#2 – Django (Python)"),
            (h(4), "Advantages"),
            (BlockKind::ListItem { depth: 1 }, "Batteries included"),
            (BlockKind::Paragraph, "**3. Laravel (PHP)**"),
            (BlockKind::Paragraph, "Laravel is elegant."),
            (h(4), "Disadvantages"),
            (BlockKind::ListItem { depth: 1 }, "Slow under load"),
            (BlockKind::Paragraph, "**Note:** Django is still great."),
            (BlockKind::Paragraph, "More about Laravel."),
        ]);
        let at = sections_of(&d);
        assert_eq!(at(3), (Some("django".into()), Role::Pros));
        assert_eq!(at(5), (Some("laravel".into()), Role::Content));
        // A sub-heading after it belongs to its section.
        assert_eq!(at(7), (Some("laravel".into()), Role::Cons));
        // A bold label inside a line is no heading.
        assert_eq!(at(9), (Some("laravel".into()), Role::Cons));
    }

    #[test]
    fn a_role_label_at_the_level_of_the_entity_before_it_speaks_of_that_entity() {
        let d = doc(&[
            (BlockKind::Title, "Backend notes"),
            (h(2), "1. Laravel"),
            (BlockKind::Paragraph, "Laravel is popular."),
            (h(2), "Why teams pick it"),
            (BlockKind::ListItem { depth: 1 }, "Batteries included"),
            (h(2), "Trade-offs"),
            (BlockKind::ListItem { depth: 1 }, "Magic everywhere"),
            (h(2), "Advantages of microservices"),
            (BlockKind::ListItem { depth: 1 }, "Teams deploy alone"),
            (h(2), "2. Flask"),
            (h(2), "Downsides"),
            (BlockKind::ListItem { depth: 1 }, "No ORM"),
        ]);
        let at = sections_of(&d);
        assert_eq!(at(4), (Some("laravel".into()), Role::Pros));
        assert_eq!(at(6), (Some("laravel".into()), Role::Cons));
        // A heading with a topic of its own is no bare label.
        assert_eq!(at(8), (None, Role::Pros));
        assert_eq!(at(11), (Some("flask".into()), Role::Cons));
    }

    #[test]
    fn a_bad_pattern_is_reported_with_its_role() {
        let err = RoleRules::parse("mine.toml", "[[role]]\nrole = \"pros\"\npatterns = ['(']\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("mine.toml") && err.contains("Pros"), "{err}");
        assert!(
            RoleRules::parse("mine.toml", "[[role]]\nrole = \"meh\"\npatterns = []\n").is_err()
        );
        let symbol = |mark: &str| {
            RoleRules::parse(
                "mine.toml",
                &format!("[[role]]\nrole = \"pros\"\npatterns = []\n[[symbol]]\nrole = \"cons\"\nmarks = [\"{mark}\"]\n"),
            )
        };
        assert_eq!(
            symbol("\u{274c}\u{fe0f}").unwrap().symbols(),
            [("\u{274c}".to_string(), Role::Cons)]
        );
        assert!(symbol("x").is_err() && symbol("").is_err() && symbol("+").is_err());
    }
}
