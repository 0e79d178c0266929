//! The `roundup` binary: parses the command line, runs the library over
//! the inputs in parallel, prints results in input order, reports each
//! failing input on stderr and exits non-zero if any failed.

mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{Cli, Command, InputArgs};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use roundup::ingest::{self, Input};
use roundup::{output, Config, Processed};
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("roundup: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Clean(args) => {
            let explain = args.explain;
            batch(&args.input, |p, out| {
                if explain {
                    writeln!(out, "== {}", p.article.origin)?;
                    out.write_all(output::explain(p).as_bytes())
                } else {
                    out.write_all(output::content(p).as_bytes())
                }
            })
        }
        Command::Extract(args) => {
            let pretty = args.pretty;
            batch(&args.input, |p, out| {
                let json = output::extract_json(p);
                if pretty {
                    serde_json::to_writer_pretty(&mut *out, &json)?;
                } else {
                    serde_json::to_writer(&mut *out, &json)?;
                }
                writeln!(out)
            })
        }
        Command::Run(args) => main_job(args),
        Command::Eval(args) => eval_cmd::run(args),
        Command::Ingest(args) => kb_cmd::ingest(args),
        Command::Export(args) => kb_cmd::export(args),
        Command::Sources(args) => kb_cmd::sources(args),
        Command::Rebuild(args) => kb_cmd::rebuild(args),
        Command::Audit(args) => audit_cmd::run(args),
        Command::Report(args) => kb_cmd::report(args),
        Command::Rules { rules } => list_rules(rules.as_deref()),
        Command::Gen(args) => write_generated(&args),
        Command::Bench(cli::Bench::Kb(args)) => bench_cmd::kb(args),
        Command::Bench(cli::Bench::Report(args)) => bench_cmd::report(args),
    }
}

/// Writes the synthetic articles `0..N` of the seed into the folder.
fn write_generated(args: &cli::GenArgs) -> Result<ExitCode> {
    let catalog = roundup::catalog::Catalog::builtin()?;
    let generator = roundup::gen::Generator::new(&catalog)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating '{}'", args.out.display()))?;
    for i in 0..args.n {
        let article = generator.article(args.seed, i);
        let path = args.out.join(&article.name);
        std::fs::write(&path, article.text)
            .with_context(|| format!("writing '{}'", path.display()))?;
    }
    eprintln!("wrote {} articles to {}", args.n, args.out.display());
    Ok(ExitCode::SUCCESS)
}

mod audit_cmd;
mod bench_cmd;
mod eval_cmd;
mod kb_cmd;

/// Prints every rule id with why it drops: the HTML parser's, then the
/// cleaner's (the user's first, as they are tried first).
fn list_rules(user: Option<&Path>) -> Result<ExitCode> {
    let rules = match user {
        Some(path) => roundup::clean::Rules::with_user_file(path)
            .with_context(|| format!("loading rules from '{}'", path.display()))?,
        None => roundup::clean::Rules::builtin(),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (id, why) in roundup::parse::html::rules()
        .into_iter()
        .chain(rules.describe())
    {
        writeln!(out, "{id:<32} {why}").context("writing output")?;
    }
    out.flush().context("writing output")?;
    Ok(ExitCode::SUCCESS)
}

/// Builds the library config from the user's rule and catalog files and
/// input limits.
fn config(
    rules: Option<&Path>,
    catalog: Option<&Path>,
    max_mib: usize,
    timeout: Duration,
) -> Result<Config> {
    let rules = match rules {
        Some(path) => roundup::clean::Rules::with_user_file(path)
            .with_context(|| format!("loading rules from '{}'", path.display()))?,
        None => roundup::clean::Rules::builtin(),
    };
    let catalog = match catalog {
        Some(path) => roundup::catalog::Catalog::with_user_file(path)
            .with_context(|| format!("loading the catalog from '{}'", path.display()))?,
        None => roundup::catalog::Catalog::builtin()?,
    };
    let mut config = Config::new(rules, &catalog)?;
    config.max_bytes = max_mib.saturating_mul(1 << 20);
    config.fetch_timeout = timeout;
    Ok(config)
}

fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(n.max(1));
    }
    builder.build().context("starting worker threads")
}

/// Loads and processes every input in parallel, then hands each result to
/// `emit` in input order. A failing input is reported and skipped; the
/// exit code says whether any failed.
fn batch(
    args: &InputArgs,
    mut emit: impl FnMut(&Processed, &mut dyn Write) -> io::Result<()>,
) -> Result<ExitCode> {
    let config = config(
        args.rules.as_deref(),
        args.catalog.as_deref(),
        args.max_mib,
        args.timeout,
    )?;
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    let pool = thread_pool(args.threads)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for_each_processed(&pool, &inputs, &config, |result| {
        match result {
            Ok(p) => emit(&p, &mut out).context("writing output")?,
            Err(e) => {
                failed += 1;
                out.flush().context("writing output")?;
                eprintln!("roundup: error: {e}");
            }
        }
        Ok(())
    })?;
    out.flush().context("writing output")?;
    Ok(exit_code(failed))
}

fn exit_code(failed: usize) -> ExitCode {
    if failed > 0 {
        eprintln!("roundup: {failed} input(s) failed");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// How many inputs are processed in parallel before their results are
/// handed on in order: bounds memory on large batches.
const CHUNK: usize = 256;

/// Expands the inputs, then loads and processes them in parallel, chunk by
/// chunk, handing every result to `sink` in the expanded input order. A
/// progress bar shows on stderr for batches when stderr is a terminal.
fn for_each_processed(
    pool: &rayon::ThreadPool,
    inputs: &[Input],
    config: &Config,
    mut sink: impl FnMut(roundup::Result<Processed>) -> Result<()>,
) -> Result<()> {
    let expanded = ingest::expand(inputs);
    let progress = if expanded.len() > 1 {
        ProgressBar::new(expanded.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {per_sec}, eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    // The workers process chunk n+1 while this thread hands chunk n to the
    // sink (which may be writing to the knowledge base): one chunk in
    // flight bounds memory, and writing never waits for extraction.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<roundup::Result<Processed>>>(1);
    let progress_ref = &progress;
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            let mut rest = expanded.into_iter();
            loop {
                let chunk: Vec<roundup::Result<Input>> = rest.by_ref().take(CHUNK).collect();
                if chunk.is_empty() {
                    break;
                }
                let results = pool.install(|| {
                    chunk
                        .into_par_iter()
                        .map(|input| {
                            let article = ingest::load_with(&input?, &config.limits())?;
                            let processed = roundup::process(article, config);
                            progress_ref.inc(1);
                            Ok(processed)
                        })
                        .collect()
                });
                // The receiver is gone when the sink failed: stop early.
                if tx.send(results).is_err() {
                    break;
                }
            }
        });
        for results in rx {
            for result in results {
                progress.suspend(|| sink(result))?;
            }
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    Ok(())
}

/// The main job: feed every article into the knowledge base
/// (`<out>/roundup.db` unless `--kb`), refresh the exports (CSV and JSON)
/// and the HTML report (`<out>/report`) in the output folder, and write `clean/<file>.txt` (kept content) and
/// `articles.jsonl` (one `roundup extract` object per article).
fn main_job(args: cli::RunArgs) -> Result<ExitCode> {
    let config = config(
        args.rules.as_deref(),
        args.catalog.as_deref(),
        256,
        args.timeout,
    )?;
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    let kb_path = args
        .kb
        .clone()
        .unwrap_or_else(|| args.out.join("roundup.db"));
    let mut kb = kb_cmd::open(&kb_path)?;
    let clean_dir = args.out.join("clean");
    std::fs::create_dir_all(&clean_dir)
        .with_context(|| format!("creating '{}'", clean_dir.display()))?;
    let jsonl_path = args.out.join("articles.jsonl");
    let mut jsonl = io::BufWriter::new(
        std::fs::File::create(&jsonl_path)
            .with_context(|| format!("creating '{}'", jsonl_path.display()))?,
    );
    let mut written = std::collections::HashSet::new();
    let summary = kb_cmd::ingest_into(&mut kb, &inputs, &config, args.threads, |p| {
        let clean_path = clean_dir.join(clean_file_name(p, &mut written));
        std::fs::write(&clean_path, output::content(p))
            .with_context(|| format!("writing '{}'", clean_path.display()))?;
        serde_json::to_writer(&mut jsonl, &output::extract_json(p))
            .with_context(|| format!("writing '{}'", jsonl_path.display()))?;
        writeln!(jsonl).with_context(|| format!("writing '{}'", jsonl_path.display()))
    })?;
    jsonl
        .flush()
        .with_context(|| format!("writing '{}'", jsonl_path.display()))?;
    let data = kb_cmd::datasets(&kb)?;
    let counts = kb_cmd::write_exports(
        &data,
        &args.out,
        &[
            roundup::kb::export::ExportFormat::Csv,
            roundup::kb::export::ExportFormat::Json,
        ],
    )?;
    let report_dir = args.out.join("report");
    kb_cmd::write_report(&kb, &data, &report_dir)?;
    eprintln!("roundup: {summary} in '{}'", kb_path.display());
    eprintln!(
        "roundup: the knowledge base holds {counts}; exports in '{}', report in '{}'",
        args.out.display(),
        report_dir.display()
    );
    Ok(exit_code(summary.failed))
}

/// `a.txt` and `a.md` become `a.txt` and `a.md.txt`; a name already written
/// in this run (the same file name in two folders) gets the source id's
/// first 12 digits, so no result overwrites another.
fn clean_file_name(p: &Processed, written: &mut std::collections::HashSet<String>) -> String {
    let id = p.article.id.as_str();
    let base = match &p.article.origin {
        roundup::model::Origin::Path(path) => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| id.to_string()),
        _ => id.to_string(),
    };
    let stem = base.strip_suffix(".txt").unwrap_or(&base);
    let mut name = format!("{stem}.txt");
    if !written.insert(name.clone()) {
        name = format!("{stem}-{}.txt", &id[..12]);
        written.insert(name.clone());
    }
    name
}
