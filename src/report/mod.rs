//! The static HTML report of a knowledge base: `index.html` (entities by
//! sources, pro/con balance, a sources × entities matrix, every entity and
//! source), `entities/<slug>.html` (claims by aspect, statistics, company
//! uses, conflicts) and `sources/<id>.html` (metadata, facts, and the text
//! with every quote highlighted and every dropped block marked). Every
//! fact links to its quote in its source's page.
//!
//! Article text is data, never markup: pages are rendered by minijinja
//! templates with HTML auto-escaping, no page builds markup from article
//! text, and no link target is taken from an article (origins and URLs
//! are shown as text). The pages load nothing: no scripts, no fonts, no
//! images but inline SVG charts whose geometry [`chart`] computes.
//!
//! Everything is sorted, so the same KB gives the same bytes. The report
//! is written into a fresh folder beside the target, which then replaces
//! the previous report whole; a folder that is not a report is never
//! replaced.

pub mod chart;
pub mod segments;

use crate::error::{Error, Result};
use crate::kb::export::Datasets;
use crate::kb::KnowledgeBase;
use minijinja::Environment;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Entities in the index's bar chart and matrix columns.
const TOP_ENTITIES: usize = 30;
/// Sources in the index's matrix: a row per source would make the index
/// of a large KB megabytes long.
const TOP_SOURCES: usize = 50;
/// Characters of a dropped block shown in a source page's list.
const EXCERPT: usize = 120;
/// Marks an index page as roundup's, so only a report is ever replaced.
const GENERATOR: &str = r#"<meta name="generator" content="roundup report">"#;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("index.html", include_str!("templates/index.html")),
    ("entity.html", include_str!("templates/entity.html")),
    ("source.html", include_str!("templates/source.html")),
];

/// What writing a report did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Pages written, the index included.
    pub pages: usize,
    /// The size of `index.html` in bytes.
    pub index_bytes: u64,
}

/// Writes the report of `kb`, whose datasets are `data`, into `dir`.
pub fn write(kb: &KnowledgeBase, data: &Datasets, dir: &Path) -> Result<Written> {
    let (staging, old) = side_folders(dir)?;
    if dir.exists() && !is_report(dir) {
        return Err(Error::NotAReport {
            path: dir.to_path_buf(),
        });
    }
    let env = environment()?;
    let model = Model::new(data);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    for sub in ["entities", "sources"] {
        let d = staging.join(sub);
        std::fs::create_dir_all(&d).map_err(io(&d))?;
    }
    let put = |name: String, html: String| -> Result<()> {
        let path = staging.join(name);
        std::fs::write(&path, html).map_err(io(&path))
    };

    let index = render(&env, "index.html", &model.index())?;
    let index_bytes = index.len() as u64;
    put("index.html".into(), index)?;
    let mut pages = 1;
    for e in &data.entities {
        let html = render(&env, "entity.html", &model.entity(e))?;
        put(format!("entities/{}", model.entity_file(&e.slug)), html)?;
        pages += 1;
    }
    for s in &data.sources {
        let (text, dropped) = kb.document(&s.id)?;
        let html = render(&env, "source.html", &model.source(s, &text, &dropped))?;
        put(format!("sources/{}", source_file(&s.id)), html)?;
        pages += 1;
    }

    // The new report replaces the old one whole: a reader sees the old
    // report or the new one, never a mixture.
    if dir.exists() {
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(io(&old))?;
        }
        std::fs::rename(dir, &old).map_err(io(dir))?;
        std::fs::rename(&staging, dir).map_err(io(dir))?;
        std::fs::remove_dir_all(&old).map_err(io(&old))?;
    } else {
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::rename(&staging, dir).map_err(io(dir))?;
    }
    Ok(Written { pages, index_bytes })
}

/// The folders beside `dir` the new report is built in and the old one
/// is moved to while they swap.
fn side_folders(dir: &Path) -> Result<(PathBuf, PathBuf)> {
    let Some(name) = dir.file_name() else {
        return Err(Error::Write {
            path: dir.to_path_buf(),
            source: std::io::Error::other("the report folder needs a name of its own"),
        });
    };
    let name = name.to_string_lossy();
    let parent = dir.parent().unwrap_or(Path::new(""));
    Ok((
        parent.join(format!(".{name}.new")),
        parent.join(format!(".{name}.old")),
    ))
}

/// An empty folder, or one whose index roundup wrote.
fn is_report(dir: &Path) -> bool {
    let Ok(mut entries) = std::fs::read_dir(dir) else {
        return false;
    };
    if entries.next().is_none() {
        return true;
    }
    std::fs::read_to_string(dir.join("index.html")).is_ok_and(|html| html.contains(GENERATOR))
}

fn environment() -> Result<Environment<'static>> {
    let mut env = Environment::new();
    // A misspelt variable is an error, not an empty string.
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // The default callback escapes templates named *.html; this says so.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    for (name, source) in TEMPLATES {
        env.add_template(name, source).map_err(|e| Error::Render {
            page: (*name).to_string(),
            message: format!("{e:#}"),
        })?;
    }
    Ok(env)
}

fn render<S: Serialize>(env: &Environment, name: &str, page: &S) -> Result<String> {
    let err = |e: minijinja::Error| Error::Render {
        page: name.to_string(),
        message: format!("{e:#}"),
    };
    env.get_template(name)
        .map_err(err)?
        .render(page)
        .map_err(err)
}

/// A source page's file name: the id's first 16 hex digits (ids are
/// SHA-256 hex; anything else is hashed, so a name is always safe).
pub fn source_file(id: &str) -> String {
    let hex = if id.len() >= 16 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
        id[..16].to_ascii_lowercase()
    } else {
        hex16(id)
    };
    format!("{hex}.html")
}

/// An entity page's file name: the slug when it is plain (catalog slugs
/// are), otherwise its safe characters and a hash of the whole, so two
/// odd slugs never share a page.
fn slug_file(slug: &str) -> String {
    let plain = !slug.is_empty()
        && slug.len() <= 64
        && !slug.starts_with('.')
        && slug
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    if plain {
        return format!("{slug}.html");
    }
    let safe: String = slug
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(48)
        .collect();
    format!("{safe}-{}.html", hex16(slug))
}

fn hex16(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The anchor of one fact's quote in its source page.
fn anchor(fact: &str, start: usize) -> String {
    let fact: String = fact.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("q-{fact}-{start}")
}

/// The anchor of a fact in its entity page.
fn fact_anchor(fact: &str) -> String {
    let fact: String = fact.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("f-{fact}")
}

/// A statistic's value without a float's noise: `40`, `2.5`.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The first `n` characters of `s`, with an ellipsis when cut.
fn excerpt(s: &str, n: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

// ---- view models: what the templates see ----

#[derive(Serialize)]
struct Link {
    label: String,
    href: String,
}

#[derive(Serialize)]
struct Quote {
    href: String,
    quote: String,
    source: String,
}

#[derive(Serialize)]
struct Counts {
    sources: usize,
    entities: usize,
    claims: usize,
    statistics: usize,
    companies: usize,
    conflicts: usize,
}

#[derive(Serialize)]
struct EntityLine {
    name: String,
    href: String,
    kind: String,
    language: Option<String>,
    sources: usize,
    mentions: usize,
    pros: usize,
    cons: usize,
    features: usize,
    statistics: usize,
    companies: usize,
    conflicts: usize,
}

#[derive(Serialize)]
struct SourceLine {
    title: String,
    href: String,
    site: Option<String>,
    published: Option<String>,
    facts: usize,
    duplicate: bool,
}

#[derive(Serialize)]
struct MatrixRow {
    label: String,
    href: String,
    /// (facts, shade 0-4) per column.
    cells: Vec<(usize, u8)>,
}

#[derive(Serialize)]
struct Matrix {
    columns: Vec<Link>,
    rows: Vec<MatrixRow>,
    capped: bool,
    total_sources: usize,
    total_entities: usize,
}

#[derive(Serialize)]
struct IndexPage {
    root: &'static str,
    title: String,
    counts: Counts,
    chart: chart::Chart<chart::Bar>,
    chart_capped: bool,
    balance: chart::Chart<chart::Balance>,
    matrix: Matrix,
    entities: Vec<EntityLine>,
    sources: Vec<SourceLine>,
}

#[derive(Serialize)]
struct ClaimView {
    anchor: String,
    polarity: String,
    statement: String,
    sources: usize,
    quotes: Vec<Quote>,
}

#[derive(Serialize)]
struct AspectView {
    aspect: String,
    claims: Vec<ClaimView>,
}

#[derive(Serialize)]
struct StatisticView {
    anchor: String,
    value: String,
    unit: String,
    measure: Option<String>,
    sources: usize,
    quotes: Vec<Quote>,
}

#[derive(Serialize)]
struct CompanyView {
    anchor: String,
    company: String,
    sources: usize,
    quotes: Vec<Quote>,
}

#[derive(Serialize)]
struct Side {
    labels: Vec<String>,
    facts: Vec<String>,
    sources: Vec<Link>,
}

#[derive(Serialize)]
struct ConflictView {
    kind: String,
    topic: String,
    a: Side,
    b: Side,
}

#[derive(Serialize)]
struct EntityPage {
    root: &'static str,
    title: String,
    name: String,
    kind: String,
    language: Option<String>,
    sources: usize,
    mentions: usize,
    aspects: Vec<AspectView>,
    statistics: Vec<StatisticView>,
    companies: Vec<CompanyView>,
    conflicts: Vec<ConflictView>,
}

#[derive(Serialize)]
struct FactLine {
    anchor: String,
    kind: &'static str,
    entity: Option<Link>,
    text: String,
}

#[derive(Serialize)]
struct DroppedLine {
    kind: String,
    rule: String,
    excerpt: String,
}

#[derive(Serialize)]
struct SourcePage {
    root: &'static str,
    title: String,
    id: String,
    origin: String,
    format: String,
    author: Option<String>,
    published: Option<String>,
    site: Option<String>,
    canonical_url: Option<String>,
    bytes: u64,
    duplicate_of: Option<Link>,
    facts: Vec<FactLine>,
    segments: Vec<segments::Segment>,
    dropped: Vec<DroppedLine>,
}

/// One attribution, whichever its fact's kind, as pages need it.
#[derive(Clone, Copy)]
struct Attribution<'a> {
    fact: &'a str,
    source: &'a str,
    start: usize,
    end: usize,
    quote: &'a str,
}

/// The datasets indexed for page building.
struct Model<'a> {
    data: &'a Datasets,
    entity_names: HashMap<&'a str, &'a str>,
    entity_files: HashMap<&'a str, String>,
    source_titles: HashMap<&'a str, String>,
    /// Attributions by fact id, in dataset order.
    by_fact: HashMap<&'a str, Vec<Attribution<'a>>>,
    /// Facts by the source that states them.
    by_source: HashMap<&'a str, Vec<SourceFact<'a>>>,
}

/// A fact as its source's page lists it.
struct SourceFact<'a> {
    /// `claim`, `statistic` or `company`.
    kind: &'static str,
    entity: Option<&'a str>,
    /// The claim's statement, the statistic's quote or the company.
    text: &'a str,
    at: Attribution<'a>,
}

impl<'a> Model<'a> {
    fn new(data: &'a Datasets) -> Model<'a> {
        let mut m = Model {
            data,
            entity_names: data
                .entities
                .iter()
                .map(|e| (e.slug.as_str(), e.name.as_str()))
                .collect(),
            entity_files: data
                .entities
                .iter()
                .map(|e| (e.slug.as_str(), slug_file(&e.slug)))
                .collect(),
            source_titles: data
                .sources
                .iter()
                .map(|s| {
                    let title = s.title.as_deref().map(str::trim).unwrap_or("");
                    let title = if title.is_empty() { &s.origin } else { title };
                    (s.id.as_str(), excerpt(title, 200))
                })
                .collect(),
            by_fact: HashMap::new(),
            by_source: HashMap::new(),
        };
        let claims: HashMap<&str, &crate::kb::export::ClaimRow> =
            data.claims.iter().map(|c| (c.id.as_str(), c)).collect();
        let stats: HashMap<&str, Option<&str>> = data
            .statistics
            .iter()
            .map(|s| (s.id.as_str(), s.entity.as_deref()))
            .collect();
        let companies: HashMap<&str, Option<&str>> = data
            .companies
            .iter()
            .map(|c| (c.id.as_str(), c.entity.as_deref()))
            .collect();
        let mut add = |kind, entity, text, a: Attribution<'a>| {
            m.by_fact.entry(a.fact).or_default().push(a);
            m.by_source.entry(a.source).or_default().push(SourceFact {
                kind,
                entity,
                text,
                at: a,
            });
        };
        for r in &data.claim_sources {
            let (entity, text) = claims
                .get(r.claim_id.as_str())
                .map_or((None, r.quote.as_str()), |c| {
                    (Some(c.entity.as_str()), c.statement.as_str())
                });
            add(
                "claim",
                entity,
                text,
                attribution(&r.claim_id, &r.source_id, r.start, r.end, &r.quote),
            );
        }
        for r in &data.statistic_sources {
            let entity = stats.get(r.statistic_id.as_str()).copied().flatten();
            add(
                "statistic",
                entity,
                &r.quote,
                attribution(&r.statistic_id, &r.source_id, r.start, r.end, &r.quote),
            );
        }
        for r in &data.company_sources {
            let entity = companies.get(r.company_id.as_str()).copied().flatten();
            add(
                "company",
                entity,
                &r.company,
                attribution(&r.company_id, &r.source_id, r.start, r.end, &r.quote),
            );
        }
        m
    }

    fn entity_file(&self, slug: &str) -> String {
        self.entity_files
            .get(slug)
            .cloned()
            .unwrap_or_else(|| slug_file(slug))
    }

    fn entity_link(&self, slug: &str, root: &str) -> Option<Link> {
        let name = self.entity_names.get(slug)?;
        Some(Link {
            label: (*name).to_string(),
            href: format!("{root}entities/{}", self.entity_file(slug)),
        })
    }

    fn source_title(&self, id: &str) -> String {
        self.source_titles
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.chars().take(16).collect())
    }

    fn source_link(&self, id: &str, root: &str) -> Link {
        Link {
            label: self.source_title(id),
            href: format!("{root}sources/{}", source_file(id)),
        }
    }

    fn quotes(&self, fact: &str) -> Vec<Quote> {
        self.by_fact.get(fact).map_or_else(Vec::new, |list| {
            list.iter()
                .map(|a| Quote {
                    href: format!(
                        "../sources/{}#{}",
                        source_file(a.source),
                        anchor(a.fact, a.start)
                    ),
                    quote: a.quote.to_string(),
                    source: self.source_title(a.source),
                })
                .collect()
        })
    }

    fn index(&self) -> IndexPage {
        let d = self.data;
        let root = "";
        // Claims per entity and polarity, facts per source and entity.
        let mut polarity: HashMap<(&str, &str), usize> = HashMap::new();
        for c in &d.claims {
            *polarity.entry((&c.entity, &c.polarity)).or_default() += 1;
        }
        let count_by = |it: &mut dyn Iterator<Item = &'a str>| {
            let mut m: HashMap<&str, usize> = HashMap::new();
            for e in it {
                *m.entry(e).or_default() += 1;
            }
            m
        };
        let stats = count_by(&mut d.statistics.iter().filter_map(|s| s.entity.as_deref()));
        let companies = count_by(&mut d.companies.iter().filter_map(|c| c.entity.as_deref()));
        let conflicts = count_by(&mut d.conflicts.iter().map(|c| c.entity.as_str()));
        let get = |m: &HashMap<&str, usize>, k: &str| m.get(k).copied().unwrap_or(0);
        let pol = |e: &str, p: &str| polarity.get(&(e, p)).copied().unwrap_or(0);

        let mut ranked: Vec<&crate::kb::export::EntityRow> = d.entities.iter().collect();
        ranked.sort_by(|a, b| b.sources.cmp(&a.sources).then(a.slug.cmp(&b.slug)));
        let link = |slug: &str| format!("entities/{}", self.entity_file(slug));
        let chart = chart::bars(
            ranked
                .iter()
                .take(TOP_ENTITIES)
                .map(|e| (e.name.clone(), link(&e.slug), e.sources))
                .collect(),
        );
        let mut balanced: Vec<(String, String, usize, usize)> = d
            .entities
            .iter()
            .map(|e| {
                (
                    e.name.clone(),
                    link(&e.slug),
                    pol(&e.slug, "pro"),
                    pol(&e.slug, "con"),
                )
            })
            .filter(|b| b.2 + b.3 > 0)
            .collect();
        balanced.sort_by(|a, b| (b.2 + b.3).cmp(&(a.2 + a.3)).then(a.0.cmp(&b.0)));

        // The matrix: the most-cited entities against the sources with
        // the most facts.
        let columns: Vec<&str> = ranked
            .iter()
            .take(TOP_ENTITIES)
            .map(|e| e.slug.as_str())
            .collect();
        let mut facts: BTreeMap<&str, HashMap<&str, usize>> = BTreeMap::new();
        let mut totals: HashMap<&str, usize> = HashMap::new();
        for (source, list) in &self.by_source {
            *totals.entry(source).or_default() += list.len();
            for f in list {
                if let Some(e) = f.entity {
                    *facts.entry(source).or_default().entry(e).or_default() += 1;
                }
            }
        }
        let mut rows: Vec<&crate::kb::export::SourceRow> = d.sources.iter().collect();
        rows.sort_by(|a, b| {
            get(&totals, &b.id)
                .cmp(&get(&totals, &a.id))
                .then(a.id.cmp(&b.id))
        });
        let max_cell = facts
            .values()
            .flat_map(|m| m.values())
            .copied()
            .max()
            .unwrap_or(0);
        let matrix = Matrix {
            columns: columns
                .iter()
                .filter_map(|slug| self.entity_link(slug, root))
                .collect(),
            rows: rows
                .iter()
                .take(TOP_SOURCES)
                .map(|s| {
                    let link = self.source_link(&s.id, root);
                    let row = facts.get(s.id.as_str());
                    MatrixRow {
                        label: excerpt(&link.label, 60),
                        href: link.href,
                        cells: columns
                            .iter()
                            .map(|c| {
                                let n = row.and_then(|r| r.get(c)).copied().unwrap_or(0);
                                (n, shade(n, max_cell))
                            })
                            .collect(),
                    }
                })
                .collect(),
            capped: d.sources.len() > TOP_SOURCES || d.entities.len() > TOP_ENTITIES,
            total_sources: d.sources.len(),
            total_entities: d.entities.len(),
        };

        let entities = ranked
            .iter()
            .map(|e| EntityLine {
                name: e.name.clone(),
                href: link(&e.slug),
                kind: e.kind.clone(),
                language: e.language.clone(),
                sources: e.sources,
                mentions: e.mentions,
                pros: pol(&e.slug, "pro"),
                cons: pol(&e.slug, "con"),
                features: pol(&e.slug, "feature"),
                statistics: get(&stats, &e.slug),
                companies: get(&companies, &e.slug),
                conflicts: get(&conflicts, &e.slug),
            })
            .collect();
        let sources = d
            .sources
            .iter()
            .map(|s| {
                let link = self.source_link(&s.id, root);
                SourceLine {
                    title: link.label,
                    href: link.href,
                    site: s.site.clone(),
                    published: s.published.clone(),
                    facts: get(&totals, &s.id),
                    duplicate: s.duplicate_of.is_some(),
                }
            })
            .collect();
        IndexPage {
            root,
            title: "roundup report".into(),
            counts: Counts {
                sources: d.sources.len(),
                entities: d.entities.len(),
                claims: d.claims.len(),
                statistics: d.statistics.len(),
                companies: d.companies.len(),
                conflicts: d.conflicts.len(),
            },
            chart,
            chart_capped: d.entities.len() > TOP_ENTITIES,
            balance: chart::balance(balanced),
            matrix,
            entities,
            sources,
        }
    }

    fn entity(&self, e: &crate::kb::export::EntityRow) -> EntityPage {
        let d = self.data;
        let root = "../";
        let mut aspects: BTreeMap<&str, Vec<ClaimView>> = BTreeMap::new();
        for c in d.claims.iter().filter(|c| c.entity == e.slug) {
            aspects.entry(&c.aspect).or_default().push(ClaimView {
                anchor: fact_anchor(&c.id),
                polarity: c.polarity.clone(),
                statement: c.statement.clone(),
                sources: c.sources,
                quotes: self.quotes(&c.id),
            });
        }
        for claims in aspects.values_mut() {
            // Best supported first; the id keeps ties in a fixed order.
            claims.sort_by(|a, b| {
                b.sources
                    .cmp(&a.sources)
                    .then(a.polarity.cmp(&b.polarity))
                    .then(a.anchor.cmp(&b.anchor))
            });
        }
        let statistics = d
            .statistics
            .iter()
            .filter(|s| s.entity.as_deref() == Some(e.slug.as_str()))
            .map(|s| StatisticView {
                anchor: fact_anchor(&s.id),
                value: number(s.value),
                unit: s.unit.clone(),
                measure: s.measure.clone(),
                sources: s.sources,
                quotes: self.quotes(&s.id),
            })
            .collect();
        let companies = d
            .companies
            .iter()
            .filter(|c| c.entity.as_deref() == Some(e.slug.as_str()))
            .map(|c| CompanyView {
                anchor: fact_anchor(&c.id),
                company: c.company.clone(),
                sources: c.sources,
                quotes: self.quotes(&c.id),
            })
            .collect();
        let side = |labels: &[String], facts: &[String], sources: &[String]| Side {
            labels: labels.to_vec(),
            facts: facts.iter().map(|f| fact_anchor(f)).collect(),
            sources: sources.iter().map(|s| self.source_link(s, root)).collect(),
        };
        let conflicts = d
            .conflicts
            .iter()
            .filter(|c| c.entity == e.slug)
            .map(|c| ConflictView {
                kind: c.kind.clone(),
                topic: c.topic.clone(),
                a: side(&c.a_label, &c.a_facts, &c.a_sources),
                b: side(&c.b_label, &c.b_facts, &c.b_sources),
            })
            .collect();
        EntityPage {
            root,
            title: e.name.clone(),
            name: e.name.clone(),
            kind: e.kind.clone(),
            language: e.language.clone(),
            sources: e.sources,
            mentions: e.mentions,
            aspects: aspects
                .into_iter()
                .map(|(aspect, claims)| AspectView {
                    aspect: aspect.to_string(),
                    claims,
                })
                .collect(),
            statistics,
            companies,
            conflicts,
        }
    }

    fn source(
        &self,
        s: &crate::kb::export::SourceRow,
        text: &str,
        dropped: &[crate::kb::DroppedBlock],
    ) -> SourcePage {
        let root = "../";
        let mut own: Vec<_> = self
            .by_source
            .get(s.id.as_str())
            .map_or_else(Vec::new, |l| l.iter().collect());
        own.sort_by(|a, b| {
            (a.at.start, a.at.end, a.kind, a.at.fact)
                .cmp(&(b.at.start, b.at.end, b.kind, b.at.fact))
        });
        let spans: Vec<segments::Span> = own
            .iter()
            .map(|f| segments::Span {
                start: f.at.start,
                end: f.at.end,
                id: anchor(f.at.fact, f.at.start),
            })
            .collect();
        let blocks: Vec<(usize, usize)> = dropped.iter().map(|b| (b.start, b.end)).collect();
        let mut facts: Vec<FactLine> = own
            .iter()
            .map(|f| FactLine {
                anchor: anchor(f.at.fact, f.at.start),
                kind: f.kind,
                entity: f.entity.and_then(|e| self.entity_link(e, root)),
                text: f.text.to_string(),
            })
            .collect();
        facts.dedup_by(|a, b| a.anchor == b.anchor && a.kind == b.kind);
        SourcePage {
            root,
            title: self.source_title(&s.id),
            id: s.id.clone(),
            origin: s.origin.clone(),
            format: s.format.clone(),
            author: s.author.clone(),
            published: s.published.clone(),
            site: s.site.clone(),
            canonical_url: s.canonical_url.clone(),
            bytes: s.bytes,
            duplicate_of: s.duplicate_of.as_deref().map(|o| self.source_link(o, root)),
            facts,
            segments: segments::segments(text, &spans, &blocks),
            dropped: dropped
                .iter()
                .map(|b| DroppedLine {
                    kind: b.kind.clone(),
                    rule: b.rule.clone(),
                    excerpt: text
                        .get(b.start.min(text.len())..b.end.min(text.len()))
                        .map_or_else(String::new, |t| excerpt(t, EXCERPT)),
                })
                .collect(),
        }
    }
}

fn attribution<'a>(
    fact: &'a str,
    source: &'a str,
    start: usize,
    end: usize,
    quote: &'a str,
) -> Attribution<'a> {
    Attribution {
        fact,
        source,
        start,
        end,
        quote,
    }
}

/// A matrix cell's shade, 0 (empty) to 4 (the largest cell).
fn shade(n: usize, max: usize) -> u8 {
    if n == 0 || max == 0 {
        0
    } else {
        (1 + (n * 3) / max).min(4) as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_always_safe() {
        assert_eq!(slug_file("express"), "express.html");
        assert_eq!(slug_file("aspnet-core"), "aspnet-core.html");
        for odd in ["../etc/passwd", "a/b", "<x>", "", ".hidden", "é"] {
            let f = slug_file(odd);
            assert!(!f.contains('/') && !f.starts_with('.'), "{odd} -> {f}");
            assert!(f.ends_with(".html") && f.len() > 5 + 16, "{odd} -> {f}");
        }
        assert_ne!(slug_file("a/b"), slug_file("a\\b"));
        let id = "145987df00060a33ccd8f3cf546a7adcada8cd9b048afc56653912bb65054bbd";
        assert_eq!(source_file(id), "145987df00060a33.html");
        assert_eq!(source_file("../../x").len(), 21);
        assert_eq!(anchor("ab/\"c", 7), "q-abc-7");
    }

    #[test]
    fn every_page_says_roundup_wrote_it() {
        assert!(TEMPLATES[0].1.contains(GENERATOR));
    }

    #[test]
    fn numbers_and_excerpts_read_well() {
        assert_eq!(number(40.0), "40");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(excerpt("a  b\nc", 10), "a b c");
        assert_eq!(excerpt("ééééé", 2), "éé…");
        assert_eq!(shade(0, 9), 0);
        assert_eq!(shade(9, 9), 4);
        assert_eq!(shade(1, 9), 1);
    }
}
