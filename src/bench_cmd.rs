//! `roundup bench kb`: the knowledge base's scale figures, printed. It
//! generates synthetic articles, builds a KB from the first `small` and
//! one from all `large` of them (timing each, in this process, with the
//! same code `roundup ingest` runs), then times adding one new article to
//! the large KB as a whole `roundup ingest` process, and the export of the
//! large KB. `roundup bench report` times the HTML report of a KB of
//! synthetic articles and measures its index page. Timings belong here,
//! never in tests.

use crate::cli::{BenchKbArgs, BenchReportArgs};
use crate::kb_cmd;
use anyhow::{Context, Result};
use roundup::ingest::Input;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The peak resident memory of this process so far, in MiB (Linux).
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn fresh(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", path.display()));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("removing '{}'", p.display()))?;
        }
    }
    Ok(())
}

/// Writes the synthetic articles `0..n` of `seed` into `dir`.
fn generate(
    generator: &roundup::gen::Generator,
    seed: u64,
    n: u64,
    dir: &Path,
) -> Result<Vec<Input>> {
    let mut files = Vec::new();
    for i in 0..n {
        let a = generator.article(seed, i);
        let path = dir.join(&a.name);
        std::fs::write(&path, a.text).with_context(|| format!("writing '{}'", path.display()))?;
        files.push(Input::Path(path));
    }
    Ok(files)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub fn kb(args: BenchKbArgs) -> Result<ExitCode> {
    let catalog = roundup::catalog::Catalog::builtin()?;
    let generator = roundup::gen::Generator::new(&catalog)?;
    let config = roundup::Config::new(roundup::clean::Rules::builtin(), &catalog)?;
    let articles = args.dir.join("articles");
    let extra = args.dir.join("extra");
    for d in [&articles, &extra] {
        std::fs::create_dir_all(d).with_context(|| format!("creating '{}'", d.display()))?;
    }
    let files = generate(&generator, args.seed, args.large, &articles)?;
    eprintln!(
        "generated {} articles in '{}'",
        args.large,
        articles.display()
    );

    let build = |n: usize, name: &str| -> Result<(f64, PathBuf)> {
        let db = args.dir.join(name);
        fresh(&db)?;
        let mut kb = kb_cmd::open(&db)?;
        let start = Instant::now();
        let summary = kb_cmd::ingest_into(&mut kb, &files[..n], &config, args.threads, |_| Ok(()))?;
        let secs = start.elapsed().as_secs_f64();
        anyhow::ensure!(summary.failed == 0, "{summary}");
        Ok((secs, db))
    };
    // The small build is short enough for the machine's noise to matter:
    // its median of three is the reference.
    let mut smalls = Vec::new();
    for _ in 0..3 {
        smalls.push(build(args.small as usize, "small.db")?.0);
    }
    let t_small = median(smalls);
    let (t_large, large_db) = build(args.large as usize, "large.db")?;
    let peak = peak_mib();

    // One new article at a time, each a whole process, as a user runs it.
    let exe = std::env::current_exe().context("finding the roundup binary")?;
    let mut one = Vec::new();
    for k in 0..args.runs.max(1) {
        let a = generator.article(args.seed, args.large + k as u64);
        let path = extra.join(&a.name);
        std::fs::write(&path, a.text).with_context(|| format!("writing '{}'", path.display()))?;
        let start = Instant::now();
        let status = std::process::Command::new(&exe)
            .arg("ingest")
            .arg(&path)
            .arg("--kb")
            .arg(&large_db)
            .stderr(std::process::Stdio::null())
            .status()
            .context("running roundup ingest")?;
        one.push(start.elapsed().as_secs_f64());
        anyhow::ensure!(
            status.success(),
            "roundup ingest '{}' failed",
            path.display()
        );
    }
    let t_one = median(one);

    let kb = kb_cmd::open(&large_db)?;
    let start = Instant::now();
    kb_cmd::write_exports(
        &kb_cmd::datasets(&kb)?,
        &args.dir.join("export"),
        &[roundup::kb::export::ExportFormat::Csv],
    )?;
    let t_export = start.elapsed().as_secs_f64();
    let size = std::fs::metadata(&large_db).map(|m| m.len()).unwrap_or(0);

    println!(
        "ingest {:>6} articles: {t_small:8.2} s ({:.0} articles/s; median of 3)",
        args.small,
        args.small as f64 / t_small
    );
    println!(
        "ingest {:>6} articles: {t_large:8.2} s ({:.0} articles/s); KB {:.0} MiB",
        args.large,
        args.large as f64 / t_large,
        size as f64 / f64::from(1 << 20)
    );
    println!(
        "ratio {}/{}: {:.2} (limit 12)",
        args.large,
        args.small,
        t_large / t_small
    );
    println!(
        "peak memory of this process after both builds: {}",
        peak.map_or("unknown".into(), |m| format!("{m:.0} MiB (limit 1024)"))
    );
    println!(
        "add one article to the {}-article KB (whole process, median of {}): {:.3} s = {:.2}% of its build (limit 2%)",
        args.large,
        args.runs.max(1),
        t_one,
        100.0 * t_one / t_large
    );
    println!(
        "export the {}-article KB as CSV: {t_export:.2} s",
        args.large
    );
    Ok(ExitCode::SUCCESS)
}

pub fn report(args: BenchReportArgs) -> Result<ExitCode> {
    let catalog = roundup::catalog::Catalog::builtin()?;
    let generator = roundup::gen::Generator::new(&catalog)?;
    let config = roundup::Config::new(roundup::clean::Rules::builtin(), &catalog)?;
    let articles = args.dir.join("articles");
    std::fs::create_dir_all(&articles)
        .with_context(|| format!("creating '{}'", articles.display()))?;
    let files = generate(&generator, args.seed, args.n, &articles)?;
    let db = args.dir.join("kb.db");
    fresh(&db)?;
    let mut kb = kb_cmd::open(&db)?;
    let summary = kb_cmd::ingest_into(&mut kb, &files, &config, None, |_| Ok(()))?;
    anyhow::ensure!(summary.failed == 0, "{summary}");

    // Timed as `roundup report` runs: reading the datasets included.
    let out = args.dir.join("report");
    let mut times = Vec::new();
    let mut written = None;
    for _ in 0..args.runs.max(1) {
        let start = Instant::now();
        let data = kb_cmd::datasets(&kb)?;
        written = Some(kb_cmd::write_report(&kb, &data, &out)?);
        times.push(start.elapsed().as_secs_f64());
    }
    let t = median(times);
    let written = written.context("no report was written")?;
    println!(
        "report of {} articles: {t:.2} s (median of {}; limit 10 s), {} pages",
        args.n,
        args.runs.max(1),
        written.pages
    );
    println!(
        "index page: {:.2} MiB (limit 2 MB = 1.91 MiB)",
        written.index_bytes as f64 / f64::from(1 << 20)
    );
    Ok(ExitCode::SUCCESS)
}
