//! The knowledge base: an embedded SQLite file that grows as articles are
//! fed in, where each fact is stored once with every source that states it.
//!
//! Writing: [`KnowledgeBase::add`] writes one processed article in one
//! `BEGIN IMMEDIATE` transaction, so a crash leaves every source either
//! fully in or not at all, and two processes take turns (WAL mode and a
//! busy timeout). Facts are merged by key ([`keys`]): a lookup per finding,
//! never a comparison of every pair. What depends on the whole set
//! (near-duplicate sources, conflicts, the representative wording of a
//! fact) is derived when read ([`dedupe`], [`conflicts`], [`export`]), so
//! it cannot depend on the order sources arrived in.

pub mod conflicts;
pub mod dedupe;
pub mod export;
pub mod keys;

use crate::error::{Error, Result};
use crate::model::{Article, Format, Origin, SourceId};
use crate::Processed;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Where the main job keeps its knowledge base.
pub const DEFAULT_PATH: &str = "output/roundup.db";

const SCHEMA: &str = include_str!("schema.sql");

/// How long a writer waits for another process's transaction to end.
const BUSY_TIMEOUT: Duration = Duration::from_secs(120);

/// An open knowledge base.
pub struct KnowledgeBase {
    conn: Connection,
    path: PathBuf,
}

/// What adding one article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// A new source, with the number of facts it brought that the KB did
    /// not hold before.
    New { facts: usize },
    /// The same bytes were already in the KB.
    Unchanged,
    /// New bytes from an origin the KB held: the old version (its id) is
    /// kept as history and its facts were replaced.
    Replaced { old: String, facts: usize },
}

/// One source as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceInfo {
    pub id: String,
    pub origin: String,
    pub format: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub canonical_url: Option<String>,
    pub size: u64,
    pub ingested_at: String,
    /// The newer version of the same origin, when this one is history.
    pub replaced_by: Option<String>,
}

/// One source in detail: `roundup sources show`.
#[derive(Debug, Clone, Serialize)]
pub struct SourceDetail {
    pub source: SourceInfo,
    /// The source this one copies, if it is a near duplicate.
    pub duplicate_of: Option<String>,
    /// Older versions of the same origin, newest first.
    pub history: Vec<SourceInfo>,
    pub mentions: usize,
    pub claims: usize,
    pub statistics: usize,
    pub companies: usize,
    pub dropped: usize,
}

/// What removing a source took with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removed {
    pub attributions: usize,
    /// Facts left with no source, removed too.
    pub facts: usize,
}

impl KnowledgeBase {
    /// Opens the knowledge base at `path`, creating it (and its folder)
    /// when missing. A file made by a newer roundup is refused.
    pub fn open(path: &Path) -> Result<KnowledgeBase> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Read {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| kb_err(path, e))?;
        let mut kb = KnowledgeBase {
            conn,
            path: path.to_path_buf(),
        };
        kb.prepare()?;
        Ok(kb)
    }

    /// Opens an existing knowledge base for reading; a missing file is an
    /// error rather than a new empty KB.
    pub fn open_existing(path: &Path) -> Result<KnowledgeBase> {
        if !path.exists() {
            return Err(Error::Missing {
                path: path.to_path_buf(),
            });
        }
        KnowledgeBase::open(path)
    }

    /// The file this KB lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn prepare(&mut self) -> Result<()> {
        let path = self.path.clone();
        let e = |err| kb_err(&path, err);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(e)?;
        // WAL lets readers go on while one writer commits; NORMAL
        // synchronisation still never loses a committed transaction's
        // integrity, only (on power loss) the last few commits.
        // Switching a new file to WAL needs the file to itself: a second
        // process opening the same new file at that moment is told
        // "database is locked" at once, without SQLite's busy wait, so the
        // switch is tried again until the busy timeout.
        let started = std::time::Instant::now();
        loop {
            match self.conn.pragma_update(None, "journal_mode", "WAL") {
                Ok(()) => break,
                Err(rusqlite::Error::SqliteFailure(f, _))
                    if f.code == rusqlite::ErrorCode::DatabaseBusy
                        && started.elapsed() < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(err) => return Err(e(err)),
            }
        }
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(e)?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(e)?;
        // Checkpoint every 32 MiB of WAL rather than 4: index pages that
        // many small transactions dirty again and again are copied back
        // into the database far less often.
        self.conn
            .pragma_update(None, "wal_autocheckpoint", 8192)
            .map_err(e)?;
        // A batch of sources dirties more pages than the default 2 MiB
        // cache holds (spilling mid-transaction), and each source's
        // savepoint journals the pages it touches: 16 MiB of cache and an
        // in-memory sub-journal keep both off the disk.
        self.conn
            .pragma_update(None, "cache_size", -16384)
            .map_err(e)?;
        self.conn
            .pragma_update(None, "temp_store", "MEMORY")
            .map_err(e)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        let has_meta: bool = tx
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map_err(e)?
            > 0;
        if has_meta {
            let found: Option<String> = tx
                .query_row(
                    "SELECT value FROM meta WHERE key = 'schema_version'",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .map_err(e)?;
            let found: u32 = found.and_then(|v| v.parse().ok()).unwrap_or(0);
            if found != SCHEMA_VERSION {
                return Err(Error::KbSchema {
                    path: self.path.clone(),
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
        } else {
            let tables: i64 = tx
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(e)?;
            if tables > 0 {
                return Err(Error::KbSchema {
                    path: self.path.clone(),
                    found: 0,
                    supported: SCHEMA_VERSION,
                });
            }
            tx.execute_batch(SCHEMA).map_err(e)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)",
                [SCHEMA_VERSION.to_string()],
            )
            .map_err(e)?;
        }
        tx.commit().map_err(e)
    }

    /// Adds one processed article in its own transaction. `now` is the
    /// ingest time to record (kept in the KB, never exported).
    pub fn add(&mut self, p: &Processed, config: &crate::Config, now: &str) -> Result<Added> {
        let path = self.path.clone();
        let e = |err| kb_err(&path, err);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        let added = add_in(&tx, p, config, now).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(added)
    }

    /// Adds several processed articles in one transaction, each inside a
    /// savepoint of its own: a source that fails to write is rolled back
    /// alone and reported in its slot, and a crash leaves every source
    /// either fully in or not at all. One commit for many sources writes
    /// the index pages they share once, not once per source.
    pub fn add_batch(
        &mut self,
        batch: &[Processed],
        config: &crate::Config,
        now: &str,
    ) -> Result<Vec<Result<Added>>> {
        let path = self.path.clone();
        let e = |err| kb_err(&path, err);
        let mut tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        let mut out = Vec::with_capacity(batch.len());
        for p in batch {
            let sp = tx.savepoint().map_err(e)?;
            match add_in(&sp, p, config, now) {
                Ok(added) => {
                    sp.commit().map_err(e)?;
                    out.push(Ok(added));
                }
                // Dropping the savepoint rolls this source back.
                Err(err) => out.push(Err(e(err))),
            }
        }
        tx.commit().map_err(e)?;
        Ok(out)
    }

    /// Replaces a current source's facts with a new extraction of the same
    /// bytes (after the rules changed), in one transaction.
    pub fn refresh(&mut self, p: &Processed, config: &crate::Config) -> Result<usize> {
        let path = self.path.clone();
        let e = |err| kb_err(&path, err);
        let id = p.article.id.as_str();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        remove_facts(&tx, id).map_err(e)?;
        let meta = crate::output::metadata(p);
        let dropped = serde_json::to_string(&dropped_blocks(p)).unwrap_or_else(|_| "[]".into());
        tx.execute(
            "UPDATE sources SET title = ?2, author = ?3, published = ?4, site = ?5,
               canonical_url = ?6, text = ?7, simhash = ?8, dropped = ?9 WHERE id = ?1",
            params![
                id,
                meta.title,
                meta.author,
                meta.published,
                meta.site,
                meta.canonical_url,
                p.document.text,
                dedupe::simhash(&kept_text(p)) as i64,
                dropped,
            ],
        )
        .map_err(e)?;
        let facts = insert_findings(&tx, p, config).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(facts)
    }

    /// Every current source as an [`Article`] rebuilt from its stored
    /// bytes, in id order: what `roundup rebuild` extracts again.
    pub fn articles(&self) -> Result<Vec<Article>> {
        let e = |err| kb_err(&self.path, err);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT origin, format, bytes FROM sources
                 WHERE replaced_by IS NULL ORDER BY id",
            )
            .map_err(e)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                ))
            })
            .map_err(e)?;
        let mut out = Vec::new();
        for row in rows {
            let (origin, format, bytes) = row.map_err(e)?;
            let format = match format.as_str() {
                "html" => Format::Html,
                "markdown" => Format::Markdown,
                _ => Format::Text,
            };
            // The id is the hash of the stored bytes, computed again rather
            // than trusted from the row.
            out.push(Article {
                id: SourceId::of_bytes(&bytes),
                origin: parse_origin(&origin),
                format,
                bytes,
            });
        }
        Ok(out)
    }

    /// The sources, current ones only unless `history`, by origin then id.
    pub fn sources(&self, history: bool) -> Result<Vec<SourceInfo>> {
        let e = |err| kb_err(&self.path, err);
        let sql = format!(
            "SELECT id, origin, format, title, author, published, site, canonical_url,
                    length(bytes), ingested_at, replaced_by
             FROM sources {} ORDER BY origin, id",
            if history {
                ""
            } else {
                "WHERE replaced_by IS NULL"
            }
        );
        let mut stmt = self.conn.prepare(&sql).map_err(e)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(SourceInfo {
                    id: r.get(0)?,
                    origin: r.get(1)?,
                    format: r.get(2)?,
                    title: r.get(3)?,
                    author: r.get(4)?,
                    published: r.get(5)?,
                    site: r.get(6)?,
                    canonical_url: r.get(7)?,
                    size: r.get::<_, i64>(8)?.max(0) as u64,
                    ingested_at: r.get(9)?,
                    replaced_by: r.get(10)?,
                })
            })
            .map_err(e)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(e)
    }

    /// Finds a source by full id, unique id prefix (at least 4 digits) or
    /// origin (current version). A prefix shared by several is an error
    /// that lists them.
    pub fn resolve(&self, what: &str) -> Result<String> {
        let e = |err| kb_err(&self.path, err);
        let by_origin: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM sources WHERE origin = ?1 AND replaced_by IS NULL",
                [what],
                |r| r.get(0),
            )
            .optional()
            .map_err(e)?;
        if let Some(id) = by_origin {
            return Ok(id);
        }
        let lower = what.to_ascii_lowercase();
        if lower.len() >= 4 && lower.bytes().all(|b| b.is_ascii_hexdigit()) {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM sources WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 6")
                .map_err(e)?;
            let upper = format!("{lower}g");
            let ids = stmt
                .query_map(params![lower, upper], |r| r.get::<_, String>(0))
                .map_err(e)?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(e)?;
            match ids.len() {
                1 => return Ok(ids.into_iter().next().unwrap_or_default()),
                0 => {}
                _ => {
                    return Err(Error::Ambiguous {
                        what: what.to_string(),
                        candidates: ids,
                    })
                }
            }
        }
        Err(Error::NoSource {
            what: what.to_string(),
            kb: self.path.clone(),
        })
    }

    /// Removes a source (current or history): exactly its attributions,
    /// and every fact left with no source.
    pub fn remove(&mut self, id: &str) -> Result<Removed> {
        let path = self.path.clone();
        let e = |err| kb_err(&path, err);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        let removed = remove_facts(&tx, id).map_err(e)?;
        // Older versions of its origin stay history: they record that the
        // origin once said something else.
        tx.execute("DELETE FROM sources WHERE id = ?1", [id])
            .map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(removed)
    }

    /// For every current source that copies another, its original.
    pub fn originals(&self) -> Result<std::collections::BTreeMap<String, String>> {
        let e = |err| kb_err(&self.path, err);
        let mut stmt = self
            .conn
            .prepare("SELECT id, simhash, published FROM sources WHERE replaced_by IS NULL")
            .map_err(e)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(dedupe::Fingerprint {
                    id: r.get(0)?,
                    simhash: r.get::<_, i64>(1)? as u64,
                    published: r.get(2)?,
                })
            })
            .map_err(e)?;
        let fingerprints = rows.collect::<rusqlite::Result<Vec<_>>>().map_err(e)?;
        Ok(dedupe::originals(&fingerprints))
    }

    /// One source with its history, original and fact counts.
    pub fn source_detail(&self, id: &str) -> Result<SourceDetail> {
        let e = |err| kb_err(&self.path, err);
        let all = self.sources(true)?;
        let Some(source) = all.iter().find(|s| s.id == id).cloned() else {
            return Err(Error::NoSource {
                what: id.to_string(),
                kb: self.path.clone(),
            });
        };
        let mut history: Vec<SourceInfo> = all
            .into_iter()
            .filter(|s| s.origin == source.origin && s.id != source.id && s.replaced_by.is_some())
            .collect();
        history.sort_by(|a, b| b.ingested_at.cmp(&a.ingested_at).then(a.id.cmp(&b.id)));
        let count = |table: &str| -> Result<usize> {
            self.conn
                .query_row(
                    &format!(
                        "SELECT count(*) FROM {table}
                         WHERE source = (SELECT num FROM sources WHERE id = ?1)"
                    ),
                    [id],
                    |r| r.get::<_, i64>(0),
                )
                .map(|n| n.max(0) as usize)
                .map_err(e)
        };
        let dropped: String = self
            .conn
            .query_row("SELECT dropped FROM sources WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .map_err(e)?;
        let dropped: Vec<DroppedBlock> = serde_json::from_str(&dropped).unwrap_or_default();
        Ok(SourceDetail {
            duplicate_of: self.originals()?.get(id).cloned(),
            history,
            mentions: count("mentions")?,
            claims: count("claim_sources")?,
            statistics: count("statistic_sources")?,
            companies: count("company_sources")?,
            dropped: dropped.len(),
            source,
        })
    }

    /// A source's document text (what every span of its findings indexes)
    /// and the blocks cleaning dropped, with their rules.
    pub fn document(&self, id: &str) -> Result<(String, Vec<DroppedBlock>)> {
        let e = |err| kb_err(&self.path, err);
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT text, dropped FROM sources WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(e)?;
        let Some((text, dropped)) = row else {
            return Err(Error::NoSource {
                what: id.to_string(),
                kb: self.path.clone(),
            });
        };
        Ok((text, serde_json::from_str(&dropped).unwrap_or_default()))
    }

    /// The connection, for the read-side modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Checks the file with SQLite's own integrity check.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|err| kb_err(&self.path, err))
    }
}

pub(crate) fn kb_err(path: &Path, source: rusqlite::Error) -> Error {
    Error::Kb {
        path: path.to_path_buf(),
        source,
    }
}

fn parse_origin(origin: &str) -> Origin {
    if origin == "-" {
        Origin::Stdin
    } else if origin.starts_with("http://") || origin.starts_with("https://") {
        Origin::Url(origin.to_string())
    } else {
        Origin::Path(PathBuf::from(origin))
    }
}

/// The kept content, one block per line: what near-duplicates compare.
fn kept_text(p: &Processed) -> String {
    let mut out = String::new();
    for i in p.cleaned.kept() {
        out.push_str(p.document.block_text(&p.document.blocks[i]));
        out.push('\n');
    }
    out
}

/// A block cleaning dropped, as stored for the audit.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct DroppedBlock {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub rule: String,
}

fn dropped_blocks(p: &Processed) -> Vec<DroppedBlock> {
    let mut out: Vec<DroppedBlock> = p
        .cleaned
        .dropped
        .iter()
        .filter_map(|d| {
            let b = p.document.blocks.get(d.block)?;
            Some(DroppedBlock {
                start: b.span.start,
                end: b.span.end,
                kind: b.kind.label().to_string(),
                rule: d.rule.clone(),
            })
        })
        .collect();
    out.sort_by_key(|d| (d.start, d.end));
    out
}

/// Writes one processed article inside the caller's transaction.
fn add_in(
    tx: &Connection,
    p: &Processed,
    config: &crate::Config,
    now: &str,
) -> rusqlite::Result<Added> {
    let id = p.article.id.as_str();
    let origin = p.article.origin.to_string();
    let existing: Option<Option<String>> = tx
        .query_row("SELECT replaced_by FROM sources WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    match existing {
        Some(None) => return Ok(Added::Unchanged),
        // An old version coming back: it becomes current again below.
        Some(Some(_)) => {
            tx.execute("DELETE FROM sources WHERE id = ?1", [id])?;
        }
        None => {}
    }
    // Stdin has no identity of its own: one piped article never
    // replaces another.
    let old: Option<String> = if p.article.origin == Origin::Stdin {
        None
    } else {
        tx.query_row(
            "SELECT id FROM sources WHERE origin = ?1 AND replaced_by IS NULL",
            [&origin],
            |r| r.get(0),
        )
        .optional()?
    };
    if let Some(old) = &old {
        remove_facts(tx, old)?;
        tx.execute(
            "UPDATE sources SET replaced_by = ?2 WHERE id = ?1",
            params![old, id],
        )?;
    }
    let meta = crate::output::metadata(p);
    let kept = kept_text(p);
    let dropped = serde_json::to_string(&dropped_blocks(p)).unwrap_or_else(|_| "[]".into());
    tx.execute(
        "INSERT INTO sources (id, origin, format, title, author, published, site,
               canonical_url, bytes, text, simhash, dropped, ingested_at, replaced_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, NULL)",
        params![
            id,
            origin,
            p.article.format.name(),
            meta.title,
            meta.author,
            meta.published,
            meta.site,
            meta.canonical_url,
            p.article.bytes,
            p.document.text,
            dedupe::simhash(&kept) as i64,
            dropped,
            now,
        ],
    )?;
    let facts = insert_findings(tx, p, config)?;
    Ok(match old {
        Some(old) => Added::Replaced { old, facts },
        None => Added::New { facts },
    })
}

/// Deletes a source's mentions and attributions, then the facts they
/// leave without a source. Returns what went.
fn remove_facts(tx: &Connection, id: &str) -> rusqlite::Result<Removed> {
    let mut removed = Removed::default();
    let Some(num): Option<i64> = tx
        .query_row("SELECT num FROM sources WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
    else {
        return Ok(removed);
    };
    tx.execute("DELETE FROM mentions WHERE source = ?1", [num])?;
    for (facts, attributions, fk) in [
        ("claims", "claim_sources", "claim_id"),
        ("statistics", "statistic_sources", "statistic_id"),
        ("companies", "company_sources", "company_id"),
    ] {
        // One id per attribution row: each row is one count off its fact.
        let touched: Vec<String> = {
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT {fk} FROM {attributions} WHERE source = ?1"
            ))?;
            let rows = stmt.query_map([num], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        removed.attributions += tx.execute(
            &format!("DELETE FROM {attributions} WHERE source = ?1"),
            [num],
        )?;
        let mut less = tx.prepare_cached(&format!(
            "UPDATE {facts} SET attributions = attributions - 1 WHERE id = ?1"
        ))?;
        for fact in &touched {
            less.execute([fact])?;
        }
        let mut orphan = tx.prepare_cached(&format!(
            "DELETE FROM {facts} WHERE id = ?1 AND attributions <= 0"
        ))?;
        for fact in &touched {
            removed.facts += orphan.execute([fact])?;
        }
    }
    Ok(removed)
}

/// Writes one article's findings: mentions, and each claim, statistic and
/// company use merged by key with its attribution. Returns how many facts
/// were new to the KB.
fn insert_findings(
    tx: &Connection,
    p: &Processed,
    config: &crate::Config,
) -> rusqlite::Result<usize> {
    let id: i64 = tx.query_row(
        "SELECT num FROM sources WHERE id = ?1",
        [p.article.id.as_str()],
        |r| r.get(0),
    )?;
    let f = &p.findings;
    let mut new_facts = 0;
    // Two rules may state one fact at one span: one attribution is kept.
    let mut seen: HashSet<(String, usize, usize)> = HashSet::new();
    {
        let mut entity = tx.prepare_cached(
            "INSERT OR IGNORE INTO entities (slug, name, kind, language) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut mention = tx.prepare_cached(
            "INSERT INTO mentions (source, entity, surface, start, end, rule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut known: HashSet<&str> = HashSet::new();
        for m in &f.entities {
            if let Some(e) = config
                .catalog
                .get(&m.entity)
                .filter(|_| known.insert(&m.entity))
            {
                let kind = serde_json::to_value(e.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default();
                entity.execute(params![e.slug, e.name, kind, e.language])?;
            }
            mention.execute(params![
                id,
                m.entity,
                m.surface,
                m.start as i64,
                m.end as i64,
                m.rule
            ])?;
        }
    }
    {
        let mut fact = tx.prepare_cached(
            "INSERT INTO claims (id, entity, polarity, aspect, key, attributions)
             VALUES (?1, ?2, ?3, ?4, ?5, 1)
             ON CONFLICT (id) DO UPDATE SET attributions = attributions + 1
             RETURNING attributions",
        )?;
        let mut attr = tx.prepare_cached(
            "INSERT INTO claim_sources
               (claim_id, source, start, end, quote, statement, rule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for c in &f.claims {
            let statement = keys::statement(&c.quote);
            let names: Vec<&str> = f
                .entities
                .iter()
                .filter(|m| m.start >= c.start && m.end <= c.end)
                .map(|m| m.surface.as_str())
                .collect();
            let key = config.statements.key(statement, &names);
            let polarity = c.polarity.name();
            let claim_id = keys::id("claim", &[&c.entity, polarity, &c.aspect, &key]);
            new_facts += usize::from(
                fact.query_row(params![claim_id, c.entity, polarity, c.aspect, key], |r| {
                    r.get::<_, i64>(0)
                })? == 1,
            );
            attr.execute(params![
                claim_id,
                id,
                c.start as i64,
                c.end as i64,
                c.quote,
                statement,
                c.rule
            ])?;
        }
    }
    {
        let mut fact = tx.prepare_cached(
            "INSERT INTO statistics (id, entity, value, unit, measure_key, attributions)
             VALUES (?1, ?2, ?3, ?4, ?5, 1)
             ON CONFLICT (id) DO UPDATE SET attributions = attributions + 1
             RETURNING attributions",
        )?;
        let mut attr = tx.prepare_cached(
            "INSERT INTO statistic_sources
               (statistic_id, source, start, end, quote, rule, qualifier, measure, time, cited)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for s in &f.statistics {
            // "of Node.js developers" and "of NodeJS developers" measure
            // the same thing: entity names are not part of a measure.
            let measure = s.measure.as_deref().unwrap_or("");
            let names: Vec<&str> = config
                .matcher
                .find_in(measure, false)
                .into_iter()
                .map(|f| &measure[f.span.range()])
                .collect();
            let measure_key = config.statements.key(measure, &names);
            let entity = s.entity.as_deref().unwrap_or("");
            let value = keys::value(s.value);
            let stat_id = keys::id("statistic", &[entity, s.unit.name(), &value, &measure_key]);
            if !seen.insert((stat_id.clone(), s.start, s.end)) {
                continue;
            }
            new_facts += usize::from(
                fact.query_row(
                    params![stat_id, s.entity, s.value, s.unit.name(), measure_key],
                    |r| r.get::<_, i64>(0),
                )? == 1,
            );
            attr.execute(params![
                stat_id,
                id,
                s.start as i64,
                s.end as i64,
                s.quote,
                s.rule,
                s.qualifier,
                s.measure,
                s.time,
                s.cited
            ])?;
        }
    }
    {
        let mut fact = tx.prepare_cached(
            "INSERT INTO companies (id, company_key, entity, attributions)
             VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (id) DO UPDATE SET attributions = attributions + 1
             RETURNING attributions",
        )?;
        let mut attr = tx.prepare_cached(
            "INSERT INTO company_sources
               (company_id, source, start, end, quote, company, rule)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for c in &f.companies {
            let key = keys::company(&c.company);
            let entity = c.entity.as_deref().unwrap_or("");
            let company_id = keys::id("company", &[&key, entity]);
            if !seen.insert((company_id.clone(), c.start, c.end)) {
                continue;
            }
            new_facts += usize::from(
                fact.query_row(params![company_id, key, c.entity], |r| r.get::<_, i64>(0))? == 1,
            );
            attr.execute(params![
                company_id,
                id,
                c.start as i64,
                c.end as i64,
                c.quote,
                c.company,
                c.rule
            ])?;
        }
    }
    Ok(new_facts)
}
