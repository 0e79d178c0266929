//! The knowledge base as datasets: every table a user exports, built from
//! the KB in one deterministic pass, and written as CSV, JSON or JSONL.
//!
//! Everything that depends on the whole set is decided here, so it cannot
//! depend on ingest order or thread count: each source's original (near
//! duplicates), the wording that represents a fact (its most frequent
//! statement, then the shortest, then the first in byte order), support
//! counts (distinct originals), and conflicts. Rows are sorted; ingest
//! times are not exported.

use super::conflicts::{self, ClaimView, Conflict, StatisticView};
use super::{kb_err, KnowledgeBase};
use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A source as exported.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    pub id: String,
    pub origin: String,
    pub format: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub canonical_url: Option<String>,
    /// The source this one copies (syndicated or saved twice), if any.
    pub duplicate_of: Option<String>,
    pub bytes: u64,
}

/// An entity mentioned anywhere in the KB.
#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub language: Option<String>,
    pub mentions: usize,
    /// Distinct original sources that mention it.
    pub sources: usize,
}

/// One mention in one source.
#[derive(Debug, Clone, Serialize)]
pub struct MentionRow {
    pub source_id: String,
    pub entity: String,
    pub surface: String,
    pub start: usize,
    pub end: usize,
    pub rule: String,
}

/// A merged claim.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRow {
    pub id: String,
    pub entity: String,
    pub polarity: String,
    pub aspect: String,
    pub statement: String,
    pub sources: usize,
    pub attributions: usize,
}

/// One source stating a claim.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimSourceRow {
    pub claim_id: String,
    pub source_id: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub rule: String,
}

/// A merged statistic.
#[derive(Debug, Clone, Serialize)]
pub struct StatisticRow {
    pub id: String,
    pub entity: Option<String>,
    pub value: f64,
    pub unit: String,
    pub measure: Option<String>,
    pub sources: usize,
    pub attributions: usize,
}

/// One source stating a statistic, with its own wording of it.
#[derive(Debug, Clone, Serialize)]
pub struct StatisticSourceRow {
    pub statistic_id: String,
    pub source_id: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub rule: String,
    pub qualifier: Option<String>,
    pub measure: Option<String>,
    pub time: Option<String>,
    pub cited: Option<String>,
}

/// A merged company use.
#[derive(Debug, Clone, Serialize)]
pub struct CompanyRow {
    pub id: String,
    pub company: String,
    pub entity: Option<String>,
    pub sources: usize,
    pub attributions: usize,
}

/// One source naming a company user.
#[derive(Debug, Clone, Serialize)]
pub struct CompanySourceRow {
    pub company_id: String,
    pub source_id: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub company: String,
    pub rule: String,
}

/// Every dataset of the KB, rows sorted.
#[derive(Debug, Clone, Default)]
pub struct Datasets {
    pub sources: Vec<SourceRow>,
    pub entities: Vec<EntityRow>,
    pub mentions: Vec<MentionRow>,
    pub claims: Vec<ClaimRow>,
    pub claim_sources: Vec<ClaimSourceRow>,
    pub statistics: Vec<StatisticRow>,
    pub statistic_sources: Vec<StatisticSourceRow>,
    pub companies: Vec<CompanyRow>,
    pub company_sources: Vec<CompanySourceRow>,
    pub conflicts: Vec<Conflict>,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    Jsonl,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
        }
    }
}

/// The column names of every dataset, in order: the CSV headers and the
/// JSON keys (documented in the README).
pub const COLUMNS: &[(&str, &[&str])] = &[
    (
        "sources",
        &[
            "id",
            "origin",
            "format",
            "title",
            "author",
            "published",
            "site",
            "canonical_url",
            "duplicate_of",
            "bytes",
        ],
    ),
    (
        "entities",
        &["slug", "name", "kind", "language", "mentions", "sources"],
    ),
    (
        "mentions",
        &["source_id", "entity", "surface", "start", "end", "rule"],
    ),
    (
        "claims",
        &[
            "id",
            "entity",
            "polarity",
            "aspect",
            "statement",
            "sources",
            "attributions",
        ],
    ),
    (
        "claim_sources",
        &["claim_id", "source_id", "start", "end", "quote", "rule"],
    ),
    (
        "statistics",
        &[
            "id",
            "entity",
            "value",
            "unit",
            "measure",
            "sources",
            "attributions",
        ],
    ),
    (
        "statistic_sources",
        &[
            "statistic_id",
            "source_id",
            "start",
            "end",
            "quote",
            "rule",
            "qualifier",
            "measure",
            "time",
            "cited",
        ],
    ),
    (
        "companies",
        &["id", "company", "entity", "sources", "attributions"],
    ),
    (
        "company_sources",
        &[
            "company_id",
            "source_id",
            "start",
            "end",
            "quote",
            "company",
            "rule",
        ],
    ),
    (
        "conflicts",
        &[
            "id",
            "kind",
            "entity",
            "topic",
            "a_label",
            "a_facts",
            "a_sources",
            "b_label",
            "b_facts",
            "b_sources",
        ],
    ),
];

/// The most frequent wording, then the shortest, then the first in byte
/// order: a choice that depends only on the set of wordings.
fn representative<'a>(wordings: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for w in wordings {
        *counts.entry(w).or_default() += 1;
    }
    counts
        .into_iter()
        .min_by(|(a, ca), (b, cb)| cb.cmp(ca).then(a.len().cmp(&b.len())).then(a.cmp(b)))
        .map(|(w, _)| w.to_string())
        .unwrap_or_default()
}

impl KnowledgeBase {
    /// Builds every dataset from the KB.
    pub fn datasets(&self) -> Result<Datasets> {
        let e = |err| kb_err(self.path(), err);
        let conn = self.conn();
        let mut out = Datasets::default();

        // Sources, and each one's original for support counts.
        let originals = self.originals()?;
        {
            let mut stmt = conn
                .prepare(
                    "SELECT id, origin, format, title, author, published, site, canonical_url,
                            length(bytes)
                     FROM sources WHERE replaced_by IS NULL ORDER BY id",
                )
                .map_err(e)?;
            let rows = stmt
                .query_map([], |r| {
                    let id: String = r.get(0)?;
                    Ok(SourceRow {
                        duplicate_of: originals.get(&id).cloned(),
                        id,
                        origin: r.get(1)?,
                        format: r.get(2)?,
                        title: r.get(3)?,
                        author: r.get(4)?,
                        published: r.get(5)?,
                        site: r.get(6)?,
                        canonical_url: r.get(7)?,
                        bytes: r.get::<_, i64>(8)?.max(0) as u64,
                    })
                })
                .map_err(e)?;
            for row in rows {
                out.sources.push(row.map_err(e)?);
            }
        }
        let original = |id: &str| -> String { originals.get(id).map_or(id, |o| o).to_string() };

        // Entities and mentions.
        {
            let mut stmt = conn
                .prepare(
                    "SELECT s.id, m.entity, m.surface, m.start, m.end, m.rule
                     FROM mentions m JOIN sources s ON s.num = m.source
                     ORDER BY s.id, m.start, m.end, m.entity, m.rule",
                )
                .map_err(e)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(MentionRow {
                        source_id: r.get(0)?,
                        entity: r.get(1)?,
                        surface: r.get(2)?,
                        start: pos(r, 3)?,
                        end: pos(r, 4)?,
                        rule: r.get(5)?,
                    })
                })
                .map_err(e)?;
            for row in rows {
                out.mentions.push(row.map_err(e)?);
            }
            let mut per_entity: BTreeMap<&str, (usize, BTreeSet<String>)> = BTreeMap::new();
            for m in &out.mentions {
                let slot = per_entity.entry(&m.entity).or_default();
                slot.0 += 1;
                slot.1.insert(original(&m.source_id));
            }
            let mut stmt = conn
                .prepare("SELECT slug, name, kind, language FROM entities ORDER BY slug")
                .map_err(e)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                })
                .map_err(e)?;
            for row in rows {
                let (slug, name, kind, language) = row.map_err(e)?;
                if let Some((mentions, sources)) = per_entity.get(slug.as_str()) {
                    out.entities.push(EntityRow {
                        slug,
                        name,
                        kind,
                        language,
                        mentions: *mentions,
                        sources: sources.len(),
                    });
                }
            }
        }

        // Claims.
        let mut claim_views = Vec::new();
        {
            let mut stmt = conn
                .prepare(
                    "SELECT c.id, c.entity, c.polarity, c.aspect, c.key,
                            src.id, s.start, s.end, s.quote, s.rule,
                            coalesce(s.statement, s.quote)
                     FROM claims c JOIN claim_sources s ON s.claim_id = c.id
                       JOIN sources src ON src.num = s.source
                     ORDER BY c.id, src.id, s.start, s.end, s.rule",
                )
                .map_err(e)?;
            let rows = stmt
                .query_map([], |r| {
                    let id: String = r.get(0)?;
                    let head: (String, String, String, String) =
                        (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
                    let attribution = ClaimSourceRow {
                        claim_id: id.clone(),
                        source_id: r.get(5)?,
                        start: pos(r, 6)?,
                        end: pos(r, 7)?,
                        quote: r.get(8)?,
                        rule: r.get(9)?,
                    };
                    Ok((id, head, (attribution, r.get::<_, String>(10)?)))
                })
                .map_err(e)?;
            for_each_fact(rows, |id, (entity, polarity, aspect, key), group| {
                let statement = representative(group.iter().map(|(_, s)| s.as_str()));
                let sources: BTreeSet<String> =
                    group.iter().map(|(a, _)| original(&a.source_id)).collect();
                out.claims.push(ClaimRow {
                    id: id.clone(),
                    entity: entity.clone(),
                    polarity: polarity.clone(),
                    aspect: aspect.clone(),
                    statement: statement.clone(),
                    sources: sources.len(),
                    attributions: group.len(),
                });
                claim_views.push(ClaimView {
                    id,
                    entity,
                    polarity,
                    aspect,
                    key,
                    statement,
                    sources: sources.into_iter().collect(),
                });
                out.claim_sources.extend(group.into_iter().map(|(a, _)| a));
            })
            .map_err(e)?;
        }

        // Statistics.
        let mut stat_views = Vec::new();
        {
            let mut stmt = conn
                .prepare(
                    "SELECT t.id, t.entity, t.value, t.unit, t.measure_key,
                            src.id, s.start, s.end, s.quote, s.rule,
                            s.qualifier, s.measure, s.time, s.cited
                     FROM statistics t JOIN statistic_sources s ON s.statistic_id = t.id
                       JOIN sources src ON src.num = s.source
                     ORDER BY t.id, src.id, s.start, s.end, s.rule",
                )
                .map_err(e)?;
            let rows = stmt
                .query_map([], |r| {
                    let id: String = r.get(0)?;
                    let head: (Option<String>, f64, String, String) =
                        (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
                    let attribution = StatisticSourceRow {
                        statistic_id: id.clone(),
                        source_id: r.get(5)?,
                        start: pos(r, 6)?,
                        end: pos(r, 7)?,
                        quote: r.get(8)?,
                        rule: r.get(9)?,
                        qualifier: r.get(10)?,
                        measure: r.get(11)?,
                        time: r.get(12)?,
                        cited: r.get(13)?,
                    };
                    Ok((id, head, attribution))
                })
                .map_err(e)?;
            for_each_fact(rows, |id, (entity, value, unit, measure_key), group| {
                let measure = representative(group.iter().filter_map(|a| a.measure.as_deref()));
                let measure = (!measure.is_empty()).then_some(measure);
                let sources: BTreeSet<String> =
                    group.iter().map(|a| original(&a.source_id)).collect();
                out.statistics.push(StatisticRow {
                    id: id.clone(),
                    entity: entity.clone(),
                    value,
                    unit: unit.clone(),
                    measure: measure.clone(),
                    sources: sources.len(),
                    attributions: group.len(),
                });
                stat_views.push(StatisticView {
                    id,
                    entity,
                    value,
                    unit,
                    measure_key,
                    measure,
                    time: representative(group.iter().filter_map(|a| a.time.as_deref())),
                    sources: sources.into_iter().collect(),
                });
                out.statistic_sources.extend(group);
            })
            .map_err(e)?;
        }

        // Company uses.
        {
            let mut stmt = conn
                .prepare(
                    "SELECT c.id, c.entity, src.id, s.start, s.end, s.quote, s.company, s.rule
                     FROM companies c JOIN company_sources s ON s.company_id = c.id
                       JOIN sources src ON src.num = s.source
                     ORDER BY c.id, src.id, s.start, s.end, s.rule",
                )
                .map_err(e)?;
            let rows = stmt
                .query_map([], |r| {
                    let id: String = r.get(0)?;
                    let entity: Option<String> = r.get(1)?;
                    let attribution = CompanySourceRow {
                        company_id: id.clone(),
                        source_id: r.get(2)?,
                        start: pos(r, 3)?,
                        end: pos(r, 4)?,
                        quote: r.get(5)?,
                        company: r.get(6)?,
                        rule: r.get(7)?,
                    };
                    Ok((id, entity, attribution))
                })
                .map_err(e)?;
            for_each_fact(rows, |id, entity, group| {
                let sources: BTreeSet<String> =
                    group.iter().map(|a| original(&a.source_id)).collect();
                out.companies.push(CompanyRow {
                    id,
                    company: representative(group.iter().map(|a| a.company.as_str())),
                    entity,
                    sources: sources.len(),
                    attributions: group.len(),
                });
                out.company_sources.extend(group);
            })
            .map_err(e)?;
        }

        out.conflicts = conflicts::find(&claim_views, &stat_views);
        Ok(out)
    }
}

impl Datasets {
    /// Writes every dataset into `dir` (created if missing) as
    /// `<name>.<ext>`. Each file is written beside its final name and
    /// renamed into place, so a reader never sees half a file. Returns the
    /// files written.
    pub fn write(&self, dir: &Path, format: ExportFormat) -> Result<Vec<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut written = Vec::new();
        let mut w = |name: &'static str, rows: &Rows| {
            written.push(write_table(dir, name, format, rows)?);
            Ok::<(), Error>(())
        };
        w("sources", &|f| each(&self.sources, f))?;
        w("entities", &|f| each(&self.entities, f))?;
        w("mentions", &|f| each(&self.mentions, f))?;
        w("claims", &|f| each(&self.claims, f))?;
        w("claim_sources", &|f| each(&self.claim_sources, f))?;
        w("statistics", &|f| each(&self.statistics, f))?;
        w("statistic_sources", &|f| each(&self.statistic_sources, f))?;
        w("companies", &|f| each(&self.companies, f))?;
        w("company_sources", &|f| each(&self.company_sources, f))?;
        w("conflicts", &|f| each(&self.conflicts, f))?;
        Ok(written)
    }
}

/// Hands each row to `f` as a JSON object, one at a time: a whole table
/// of JSON values would take several times the memory of the rows.
fn each<T: Serialize>(
    rows: &[T],
    f: &mut dyn FnMut(serde_json::Value) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for row in rows {
        f(serde_json::to_value(row).map_err(std::io::Error::other)?)?;
    }
    Ok(())
}

type Rows<'a> =
    dyn Fn(&mut dyn FnMut(serde_json::Value) -> std::io::Result<()>) -> std::io::Result<()> + 'a;

/// Writes one dataset: RFC 4180 CSV with a header (lists joined with `;`,
/// nulls empty), a JSON array with one row per line, or JSON Lines.
fn write_table(dir: &Path, name: &str, format: ExportFormat, rows: &Rows) -> Result<PathBuf> {
    let columns = COLUMNS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .unwrap_or(&[]);
    let path = dir.join(format!("{name}.{}", format.extension()));
    let tmp = dir.join(format!(".{name}.{}.tmp", format.extension()));
    let io = |source| Error::Write {
        path: path.clone(),
        source,
    };
    let file = std::fs::File::create(&tmp).map_err(io)?;
    let mut out = std::io::BufWriter::new(file);
    match format {
        ExportFormat::Csv => {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(&mut out);
            w.write_record(columns).map_err(|e| io(e.into()))?;
            rows(&mut |row| {
                let record: Vec<String> = columns.iter().map(|c| cell(&row[*c])).collect();
                w.write_record(&record).map_err(std::io::Error::from)
            })
            .map_err(io)?;
            w.flush().map_err(io)?;
        }
        ExportFormat::Json => {
            let mut first = true;
            out.write_all(b"[").map_err(io)?;
            rows(&mut |row| {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                first = false;
                serde_json::to_writer(&mut out, &row).map_err(std::io::Error::other)
            })
            .map_err(io)?;
            out.write_all(if first { b"]\n" } else { b"\n]\n" })
                .map_err(io)?;
        }
        ExportFormat::Jsonl => {
            rows(&mut |row| {
                serde_json::to_writer(&mut out, &row).map_err(std::io::Error::other)?;
                out.write_all(b"\n")
            })
            .map_err(io)?;
        }
    }
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    drop(file);
    std::fs::rename(&tmp, &path).map_err(io)?;
    Ok(path)
}

/// Hands each fact to `f` with its attributions. `rows` are (fact id,
/// the fact's own columns, one attribution), sorted by fact id, as a join
/// of a fact table with its attribution table returns them.
fn for_each_fact<H, A>(
    rows: impl Iterator<Item = rusqlite::Result<(String, H, A)>>,
    mut f: impl FnMut(String, H, Vec<A>),
) -> rusqlite::Result<()> {
    let mut current: Option<(String, H, Vec<A>)> = None;
    for row in rows {
        let (id, head, attribution) = row?;
        match &mut current {
            Some((cur, _, group)) if *cur == id => group.push(attribution),
            _ => {
                if let Some((cur, head, group)) = current.take() {
                    f(cur, head, group);
                }
                current = Some((id, head, vec![attribution]));
            }
        }
    }
    if let Some((cur, head, group)) = current {
        f(cur, head, group);
    }
    Ok(())
}

/// A span offset as stored (SQLite integers are signed).
fn pos(r: &rusqlite::Row, i: usize) -> rusqlite::Result<usize> {
    Ok(r.get::<_, i64>(i)?.max(0) as usize)
}

fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}
