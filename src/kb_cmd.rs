//! The knowledge-base commands of the binary: `ingest`, `export`,
//! `sources`, `rebuild` and `report`, and the KB half of the main job. Extraction
//! runs in parallel; writing happens here, one source per transaction, in
//! input order.

use crate::cli::{
    DataFormat, ExportArgs, IngestArgs, ListFormat, RebuildArgs, ReportArgs, SourcesAction,
};
use crate::{config, exit_code, for_each_processed, thread_pool};
use anyhow::{Context, Result};
use roundup::ingest::Input;
use roundup::kb::export::{Datasets, ExportFormat};
use roundup::kb::{Added, KnowledgeBase};
use roundup::{Config, Processed};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

/// What an ingest did, for the closing summary.
#[derive(Debug, Default)]
pub struct Summary {
    pub added: usize,
    pub unchanged: usize,
    pub replaced: usize,
    pub failed: usize,
    pub facts: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} source(s) added, {} unchanged, {} replaced, {} failed; {} new fact(s)",
            self.added, self.unchanged, self.replaced, self.failed, self.facts
        )
    }
}

/// The time recorded as a source's ingest time (UTC, seconds).
fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Sources written per transaction: enough to share index pages between
/// sources, few enough that a concurrent writer waits well under a second.
const BATCH: usize = 128;

/// Processes the inputs in parallel and writes them into the KB, in input
/// order, [`BATCH`] sources per transaction (each source whole or not at
/// all); `also` sees every article written (the main job writes its
/// per-article files there). Failing inputs are reported and counted.
pub fn ingest_into(
    kb: &mut KnowledgeBase,
    inputs: &[Input],
    config: &Config,
    threads: Option<usize>,
    mut also: impl FnMut(&Processed) -> Result<()>,
) -> Result<Summary> {
    let pool = thread_pool(threads)?;
    let mut summary = Summary::default();
    let stamp = now();
    let mut pending: Vec<Processed> = Vec::with_capacity(BATCH);
    let mut flush = |pending: &mut Vec<Processed>, summary: &mut Summary| -> Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let results = match kb.add_batch(pending, config, &stamp) {
            Ok(results) => results,
            Err(e) => {
                // The whole transaction failed: nothing of it is in.
                eprintln!("roundup: error: {e}");
                summary.failed += pending.len();
                pending.clear();
                return Ok(());
            }
        };
        for (p, result) in pending.iter().zip(results) {
            match result {
                Ok(Added::New { facts }) => {
                    summary.added += 1;
                    summary.facts += facts;
                }
                Ok(Added::Unchanged) => summary.unchanged += 1,
                Ok(Added::Replaced { facts, .. }) => {
                    summary.replaced += 1;
                    summary.facts += facts;
                }
                Err(e) => {
                    summary.failed += 1;
                    eprintln!("roundup: error: '{}': {e}", p.article.origin);
                    continue;
                }
            }
            also(p)?;
        }
        pending.clear();
        Ok(())
    };
    for_each_processed(&pool, inputs, config, |result| {
        match result {
            Ok(p) => {
                pending.push(p);
                if pending.len() >= BATCH {
                    flush(&mut pending, &mut summary)?;
                }
            }
            Err(e) => {
                summary.failed += 1;
                eprintln!("roundup: error: {e}");
            }
        }
        Ok(())
    })?;
    flush(&mut pending, &mut summary)?;
    Ok(summary)
}

pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let a = &args.input;
    let config = config(
        a.rules.as_deref(),
        a.catalog.as_deref(),
        a.max_mib,
        a.timeout,
    )?;
    let mut kb = open(&args.kb.kb)?;
    let inputs: Vec<Input> = a.inputs.iter().map(|s| Input::parse(s)).collect();
    let summary = ingest_into(&mut kb, &inputs, &config, a.threads, |_| Ok(()))?;
    eprintln!("roundup: {summary} in '{}'", kb.path().display());
    Ok(exit_code(summary.failed))
}

pub fn open(path: &Path) -> Result<KnowledgeBase> {
    KnowledgeBase::open(path)
        .with_context(|| format!("opening the knowledge base '{}'", path.display()))
}

fn open_existing(path: &Path) -> Result<KnowledgeBase> {
    KnowledgeBase::open_existing(path)
        .with_context(|| format!("opening the knowledge base '{}'", path.display()))
}

fn export_format(f: DataFormat) -> ExportFormat {
    match f {
        DataFormat::Csv => ExportFormat::Csv,
        DataFormat::Json => ExportFormat::Json,
        DataFormat::Jsonl => ExportFormat::Jsonl,
    }
}

/// Every dataset of `kb`, read once for the exports and the report.
pub fn datasets(kb: &KnowledgeBase) -> Result<Datasets> {
    kb.datasets().context("reading the knowledge base")
}

/// Writes every dataset into `dir`; returns the row counts line.
pub fn write_exports(data: &Datasets, dir: &Path, formats: &[ExportFormat]) -> Result<String> {
    for &format in formats {
        data.write(dir, format)
            .with_context(|| format!("exporting into '{}'", dir.display()))?;
    }
    Ok(format!(
        "{} sources, {} claims, {} statistics, {} company uses, {} conflicts",
        data.sources.len(),
        data.claims.len(),
        data.statistics.len(),
        data.companies.len(),
        data.conflicts.len()
    ))
}

pub fn export(args: ExportArgs) -> Result<ExitCode> {
    let kb = open_existing(&args.kb.kb)?;
    let format = export_format(args.format);
    let counts = write_exports(&datasets(&kb)?, &args.out, &[format])?;
    eprintln!(
        "roundup: exported {counts} as {} into '{}'",
        format.extension(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the HTML report of `kb` into `dir`.
pub fn write_report(
    kb: &KnowledgeBase,
    data: &Datasets,
    dir: &Path,
) -> Result<roundup::report::Written> {
    roundup::report::write(kb, data, dir)
        .with_context(|| format!("writing the report into '{}'", dir.display()))
}

pub fn report(args: ReportArgs) -> Result<ExitCode> {
    let kb = open_existing(&args.kb.kb)?;
    let written = write_report(&kb, &datasets(&kb)?, &args.out)?;
    eprintln!(
        "roundup: wrote {} pages into '{}'; open '{}'",
        written.pages,
        args.out.display(),
        args.out.join("index.html").display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn sources(args: crate::cli::SourcesArgs) -> Result<ExitCode> {
    let mut kb = open_existing(&args.kb.kb)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.action {
        SourcesAction::List { all, format } => {
            let list = kb.sources(all)?;
            match format {
                ListFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &list)?;
                    writeln!(out)?;
                }
                ListFormat::Text => {
                    for s in &list {
                        let state = if s.replaced_by.is_some() {
                            " (replaced)"
                        } else {
                            ""
                        };
                        writeln!(
                            out,
                            "{}  {:<10}  {}{}  {}",
                            &s.id[..12.min(s.id.len())],
                            s.published.as_deref().unwrap_or("-"),
                            s.origin,
                            state,
                            one_line(s.title.as_deref().unwrap_or("")),
                        )?;
                    }
                }
            }
        }
        SourcesAction::Show { id, format } => {
            let id = kb.resolve(&id)?;
            let detail = kb.source_detail(&id)?;
            match format {
                ListFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &detail)?;
                    writeln!(out)?;
                }
                ListFormat::Text => {
                    let s = &detail.source;
                    let field = |v: &Option<String>| one_line(v.as_deref().unwrap_or("-"));
                    writeln!(out, "id            {}", s.id)?;
                    writeln!(out, "origin        {}", s.origin)?;
                    writeln!(out, "format        {}", s.format)?;
                    writeln!(out, "title         {}", field(&s.title))?;
                    writeln!(out, "author        {}", field(&s.author))?;
                    writeln!(out, "published     {}", field(&s.published))?;
                    writeln!(out, "site          {}", field(&s.site))?;
                    writeln!(out, "canonical url {}", field(&s.canonical_url))?;
                    writeln!(out, "bytes         {}", s.size)?;
                    writeln!(out, "ingested at   {}", s.ingested_at)?;
                    if let Some(newer) = &s.replaced_by {
                        writeln!(out, "replaced by   {newer}")?;
                    }
                    if let Some(original) = &detail.duplicate_of {
                        writeln!(out, "copy of       {original}")?;
                    }
                    for old in &detail.history {
                        writeln!(out, "older version {} ({})", old.id, old.ingested_at)?;
                    }
                    writeln!(
                        out,
                        "findings      {} mentions, {} claims, {} statistics, {} company uses, {} dropped blocks",
                        detail.mentions, detail.claims, detail.statistics, detail.companies, detail.dropped
                    )?;
                }
            }
        }
        SourcesAction::Remove { id } => {
            let id = kb.resolve(&id)?;
            let removed = kb.remove(&id)?;
            eprintln!(
                "roundup: removed {id}: {} attribution(s), {} fact(s) left with no source",
                removed.attributions, removed.facts
            );
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A terminal-safe single line: control characters (escape sequences an
/// article could carry) become spaces.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn rebuild(args: RebuildArgs) -> Result<ExitCode> {
    let config = config(
        args.rules.as_deref(),
        args.catalog.as_deref(),
        256,
        roundup::ingest::DEFAULT_TIMEOUT,
    )?;
    let mut kb = open_existing(&args.kb.kb)?;
    let articles = kb.articles()?;
    let pool = thread_pool(args.threads)?;
    let total = articles.len();
    let mut facts = 0;
    // Chunks bound memory: a whole KB's documents need not be held at once.
    let mut rest = articles.into_iter();
    loop {
        let chunk: Vec<_> = rest.by_ref().take(256).collect();
        if chunk.is_empty() {
            break;
        }
        let done: Vec<Processed> = pool.install(|| {
            use rayon::prelude::*;
            chunk
                .into_par_iter()
                .map(|a| roundup::process(a, &config))
                .collect()
        });
        for p in &done {
            facts += kb.refresh(p, &config)?;
        }
    }
    eprintln!(
        "roundup: rebuilt {total} source(s) with the current rules; {facts} fact(s) added back"
    );
    Ok(ExitCode::SUCCESS)
}
