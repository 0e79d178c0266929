//! The entity catalog: every framework, runtime, platform and language
//! roundup knows, loaded from `data/catalog.toml` (compiled in) plus the
//! user's own file, and checked entry by entry.
//!
//! The catalog is the single place such knowledge lives: slugs, display
//! names, kinds, languages, aliases, and which aliases are ordinary words
//! that need context ("Go", "Express", "Spring").

use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

const BUILTIN: &str = include_str!("../data/catalog.toml");

/// What an entity is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Framework,
    Runtime,
    Language,
    Platform,
}

/// One catalog entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub slug: String,
    pub name: String,
    pub kind: Kind,
    /// The slug of the language it is written for (none for languages).
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Aliases that are also ordinary words: matched only in context.
    #[serde(default)]
    pub ambiguous: Vec<String>,
    /// Aliases matched only with the capitals written here.
    #[serde(default)]
    pub exact_case: Vec<String>,
}

impl Entity {
    /// The name and every alias, without repeats.
    pub fn surfaces(&self) -> impl Iterator<Item = &str> {
        let mut seen = HashSet::new();
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .filter(move |s| seen.insert(s.to_lowercase()))
    }

    /// Whether `surface` is one of this entity's ambiguous names.
    pub fn is_ambiguous(&self, surface: &str) -> bool {
        self.ambiguous
            .iter()
            .any(|a| a.eq_ignore_ascii_case(surface))
    }
}

/// When an ambiguous name counts as the technology (see the `[context]`
/// table of `data/catalog.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Context {
    /// Bytes either side of a name searched for a tech word.
    #[serde(default)]
    pub window: usize,
    /// Lower-case words that make a nearby ambiguous name the technology.
    #[serde(default)]
    pub tech_words: Vec<String>,
    /// Hosts whose links name a package: `[poem](https://crates.io/...)`.
    #[serde(default)]
    pub package_hosts: Vec<String>,
    /// Lower-case two-word phrases, the name and its neighbour, that make
    /// an ambiguous name an ordinary word ("go to", "in spring").
    #[serde(default)]
    pub veto: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    entity: Vec<Entity>,
    #[serde(default)]
    context: Option<Context>,
}

/// The loaded catalog, sorted by slug.
#[derive(Debug, Clone)]
pub struct Catalog {
    entities: Vec<Entity>,
    context: Context,
}

impl Catalog {
    /// The catalog compiled into roundup.
    pub fn builtin() -> Result<Catalog> {
        Catalog::from_sources(&[("data/catalog.toml", BUILTIN)])
    }

    /// The built-in catalog plus the user's file: a user entry with a
    /// built-in slug replaces that entry; new slugs are added.
    pub fn with_user_file(path: &Path) -> Result<Catalog> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let origin = path.display().to_string();
        Catalog::from_sources(&[("data/catalog.toml", BUILTIN), (&origin, &text)])
    }

    fn from_sources(sources: &[(&str, &str)]) -> Result<Catalog> {
        let mut by_slug: BTreeMap<String, Entity> = BTreeMap::new();
        let mut context = Context::default();
        for (origin, text) in sources {
            let file: File = toml::from_str(text).map_err(|e| Error::Catalog {
                origin: origin.to_string(),
                message: e.to_string(),
            })?;
            // A user's context adds words; a non-zero window replaces ours.
            if let Some(c) = file.context {
                if c.window > 0 {
                    context.window = c.window;
                }
                context.tech_words.extend(c.tech_words);
                context.veto.extend(c.veto);
                context.package_hosts.extend(c.package_hosts);
            }
            let mut in_file = HashSet::new();
            for entity in file.entity {
                validate(&entity).map_err(|message| Error::Catalog {
                    origin: origin.to_string(),
                    message,
                })?;
                if !in_file.insert(entity.slug.clone()) {
                    return Err(Error::Catalog {
                        origin: origin.to_string(),
                        message: format!("entity '{}' is listed twice", entity.slug),
                    });
                }
                by_slug.insert(entity.slug.clone(), entity);
            }
        }
        let catalog = Catalog {
            entities: by_slug.into_values().collect(),
            context,
        };
        for e in &catalog.entities {
            if let Some(lang) = &e.language {
                if catalog.get(lang).is_none_or(|l| l.kind != Kind::Language) {
                    return Err(Error::Catalog {
                        origin: "catalog".to_string(),
                        message: format!("entity '{}' names language '{lang}', which is not a language in the catalog", e.slug),
                    });
                }
            }
        }
        Ok(catalog)
    }

    /// The context rules for ambiguous names.
    pub fn context(&self) -> &Context {
        &self.context
    }

    /// Every entity, sorted by slug.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this slug.
    pub fn get(&self, slug: &str) -> Option<&Entity> {
        self.entities
            .binary_search_by(|e| e.slug.as_str().cmp(slug))
            .ok()
            .map(|i| &self.entities[i])
    }

    /// Finds an entity by slug, name or alias, ignoring case.
    pub fn lookup(&self, name: &str) -> Option<&Entity> {
        let name = name.trim();
        self.get(&name.to_lowercase()).or_else(|| {
            self.entities
                .iter()
                .find(|e| e.surfaces().any(|s| s.eq_ignore_ascii_case(name)))
        })
    }
}

fn validate(e: &Entity) -> std::result::Result<(), String> {
    let slug_ok = !e.slug.is_empty()
        && e.slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !slug_ok {
        return Err(format!(
            "entity slug '{}' must be lower-case letters, digits and '-'",
            e.slug
        ));
    }
    if e.name.trim().is_empty() {
        return Err(format!("entity '{}' has an empty name", e.slug));
    }
    if let Some(a) = e
        .aliases
        .iter()
        .find(|a| a.trim().is_empty() || a.trim() != a.as_str())
    {
        return Err(format!(
            "entity '{}' has a blank or padded alias {a:?}",
            e.slug
        ));
    }
    if let Some(a) = e
        .ambiguous
        .iter()
        .find(|a| !e.surfaces().any(|s| s.eq_ignore_ascii_case(a)))
    {
        return Err(format!(
            "entity '{}' marks '{a}' ambiguous, but it is not its name or an alias",
            e.slug
        ));
    }
    if let Some(a) = e
        .exact_case
        .iter()
        .find(|a| !e.surfaces().any(|s| s == a.as_str()))
    {
        return Err(format!(
            "entity '{}' marks '{a}' exact-case, but it is not its name or an alias as written",
            e.slug
        ));
    }
    if e.kind == Kind::Language && e.language.is_some() {
        return Err(format!(
            "language '{}' cannot itself have a language",
            e.slug
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_catalog_loads_and_covers_the_annotation_slugs() {
        let c = Catalog::builtin().unwrap();
        assert!(c.entities().len() >= 80, "{}", c.entities().len());
        for slug in [
            "nodejs",
            "express",
            "nestjs",
            "fastify",
            "koa",
            "nextjs",
            "adonisjs",
            "react",
            "django",
            "flask",
            "fastapi",
            "spring",
            "spring-boot",
            "aspnet",
            "aspnet-core",
            "dotnet",
            "rails",
            "laravel",
            "symfony",
            "codeigniter",
            "drupal",
            "phoenix",
            "gin",
            "echo",
            "fiber",
            "beego",
            "fasthttp",
            "javascript",
            "typescript",
            "python",
            "java",
            "csharp",
            "go",
            "rust",
            "php",
            "ruby",
            "cpp",
            "elixir",
            "kotlin",
            "groovy",
            "scala",
        ] {
            assert!(c.get(slug).is_some(), "missing {slug}");
        }
    }

    #[test]
    fn lookup_takes_slugs_names_and_aliases() {
        let c = Catalog::builtin().unwrap();
        assert_eq!(
            c.lookup("ExpressJS").map(|e| e.slug.as_str()),
            Some("express")
        );
        assert_eq!(c.lookup("golang").map(|e| e.slug.as_str()), Some("go"));
        assert_eq!(
            c.lookup("Ruby on Rails").map(|e| e.slug.as_str()),
            Some("rails")
        );
        assert!(c.lookup("cobol on cogs").is_none());
    }

    #[test]
    fn bad_entries_are_rejected_with_their_slug() {
        let bad = [
            ("[[entity]]\nslug = \"Bad Slug\"\nname = \"x\"\nkind = \"framework\"\n", "Bad Slug"),
            ("[[entity]]\nslug = \"x\"\nname = \"x\"\nkind = \"gadget\"\n", "gadget"),
            ("[[entity]]\nslug = \"x\"\nname = \"X\"\nkind = \"framework\"\nambiguous = [\"Y\"]\n", "'Y'"),
            ("[[entity]]\nslug = \"x\"\nname = \"X\"\nkind = \"framework\"\nlanguage = \"cobol\"\n", "cobol"),
            ("[[entity]]\nslug = \"x\"\nname = \"X\"\nkind = \"framework\"\ncolour = 1\n", "colour"),
        ];
        for (text, needle) in bad {
            let err = Catalog::from_sources(&[("data/catalog.toml", BUILTIN), ("user.toml", text)])
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{err}");
        }
    }

    #[test]
    fn a_user_file_adds_and_replaces_entries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.toml");
        std::fs::write(
            &path,
            "[[entity]]\nslug = \"encore\"\nname = \"Encore\"\nkind = \"framework\"\nlanguage = \"go\"\naliases = [\"Encore.dev\"]\n\n[[entity]]\nslug = \"koa\"\nname = \"Koa\"\nkind = \"framework\"\nlanguage = \"javascript\"\naliases = [\"Koa2\"]\n",
        )
        .unwrap();
        let c = Catalog::with_user_file(&path).unwrap();
        assert_eq!(
            c.lookup("encore.dev").map(|e| e.slug.as_str()),
            Some("encore")
        );
        assert_eq!(c.lookup("Koa2").map(|e| e.slug.as_str()), Some("koa"));
    }
}
