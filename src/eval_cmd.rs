//! `roundup eval`: runs the library's scorers and prints their figures.

use crate::cli::{EvalArgs, EvalBench, HtmlBenchArgs};
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use roundup::eval::{bench, findings, gold, Counts};
use roundup::extract::{extract_timed, EXTRACTORS};
use roundup::ingest::{self, Input};
use roundup::model::{Article, Cleaned, Document, Format, Origin};
use roundup::{output, Config};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// `println!` that returns the write error instead of panicking, so a
/// closed pipe (`roundup eval --detail | head`) ends the run quietly.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout(), $($arg)*).context("writing output")?
    };
}

pub fn run(args: EvalArgs) -> Result<ExitCode> {
    match args.bench {
        Some(EvalBench::Html(b)) => html_bench(b),
        Some(EvalBench::Speed { inputs, runs }) => speed(&inputs, runs),
        None => {
            let (Some(gold_dir), Some(docs)) = (args.gold, args.docs) else {
                bail!("eval needs --gold DIR and --docs DIR (or the `html` benchmark)");
            };
            gold_eval(&gold_dir, &docs, args.detail)
        }
    }
}

fn gold_eval(gold_dir: &Path, docs: &Path, detail: bool) -> Result<ExitCode> {
    let config = Config::builtin()?;
    let files = gold::gold_files(gold_dir)?;
    if files.is_empty() {
        bail!("no gold files (*.json) in '{}'", gold_dir.display());
    }
    let mut lines_total = Counts::default();
    let mut lines_scored = 0;
    let mut total = findings::FindingScores::default();
    for path in &files {
        let g = gold::Gold::load(path)?;
        let doc_path = docs.join(&g.doc);
        let article = ingest::load(&Input::Path(doc_path.clone()), config.max_bytes)
            .with_context(|| format!("loading the article of '{}'", path.display()))?;
        let p = roundup::process(article, &config);
        let f = findings::score(&p.document.text, &p.findings, &g);
        let lines = g.drop_lines.as_ref().map(|l| gold::score_lines(&p, l));
        outln!("{}", g.doc);
        if let Some(l) = &lines {
            outln!("  {:<12} {}", "boilerplate", counts(&l.counts));
            lines_total.add(l.counts);
            lines_scored += 1;
        }
        for (name, c) in [
            ("entities", &f.entities),
            ("claims", &f.claims),
            ("statistics", &f.statistics),
            ("companies", &f.companies),
        ] {
            outln!("  {name:<12} {}", counts(c));
        }
        if detail {
            if let Some(l) = &lines {
                let text_lines: Vec<&str> = p.document.text.split('\n').collect();
                for (tag, list) in [("missed", &l.missed), ("added", &l.added)] {
                    for &n in list {
                        let line = text_lines.get(n - 1).copied().unwrap_or("");
                        let shown: String = line.trim().chars().take(90).collect();
                        outln!("    {tag} line {n}: {shown}");
                    }
                }
            }
            for d in &f.detail {
                let shown: String = d.chars().take(140).collect();
                outln!("    {shown}");
            }
        }
        total.add(&f);
    }
    outln!("\ntotal over {} article(s), micro-averaged:", files.len());
    if lines_scored > 0 {
        outln!("  {:<12} {}", "boilerplate", prf(&lines_total));
    }
    outln!("  {:<12} {}", "entities", prf(&total.entities));
    outln!(
        "  {:<12} {}  aspect accuracy {:.3}",
        "claims",
        prf(&total.claims),
        total.aspect_accuracy()
    );
    outln!("  {:<12} {}", "statistics", prf(&total.statistics));
    outln!("  {:<12} {}", "companies", prf(&total.companies));
    Ok(ExitCode::SUCCESS)
}

fn counts(c: &Counts) -> String {
    format!("tp {:>4}  fp {:>4}  fn {:>4}", c.tp, c.fp, c.fn_)
}

fn prf(c: &Counts) -> String {
    format!(
        "precision {:.3}  recall {:.3}  F1 {:.3}  ({})",
        c.precision(),
        c.recall(),
        c.f1(),
        counts(c)
    )
}

/// Extracts one page's article text as `roundup clean` prints it.
fn extract_page(html: &[u8], config: &Config) -> String {
    match ingest::article_from_bytes(Origin::Stdin, html.to_vec(), config.max_bytes) {
        Ok(mut article) => {
            article.format = Format::Html;
            output::content(&roundup::process(article, config))
        }
        Err(_) => String::new(),
    }
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn html_bench(args: HtmlBenchArgs) -> Result<ExitCode> {
    let pages = bench::load(&args.dir).with_context(|| {
        format!(
            "loading the benchmark from '{}' (ground-truth.json and html/)",
            args.dir.display()
        )
    })?;
    let config = Config::builtin()?;
    let mb = pages.iter().map(|p| p.html.len()).sum::<usize>() as f64 / 1e6;
    let runs = args.runs.max(1);

    let mut texts = Vec::new();
    let mut serial = Vec::new();
    for _ in 0..runs {
        let t0 = Instant::now();
        texts = pages
            .iter()
            .map(|p| extract_page(&p.html, &config))
            .collect();
        serial.push(t0.elapsed());
    }
    let mut parallel = Vec::new();
    for _ in 0..runs {
        let t0 = Instant::now();
        let _: Vec<String> = pages
            .par_iter()
            .map(|p| extract_page(&p.html, &config))
            .collect();
        parallel.push(t0.elapsed());
    }

    let scores: Vec<bench::PageScore> = pages
        .iter()
        .zip(&texts)
        .map(|(p, t)| bench::score_page(t, &p.truth))
        .collect();
    let (p, r, f1) = bench::summarise(&scores);
    if let Some(dir) = &args.dump {
        std::fs::create_dir_all(dir).with_context(|| format!("creating '{}'", dir.display()))?;
        for (page, text) in pages.iter().zip(&texts) {
            let path = dir.join(format!("{}.txt", page.id));
            std::fs::write(&path, text).with_context(|| format!("writing '{}'", path.display()))?;
        }
    }
    if args.worst > 0 {
        let mut order: Vec<usize> = (0..pages.len()).collect();
        let f = |s: &bench::PageScore| roundup::eval::f1(s.precision, s.recall);
        order.sort_by(|&a, &b| f(&scores[a]).total_cmp(&f(&scores[b])));
        for &i in order.iter().take(args.worst) {
            outln!(
                "  {}  P {:.3}  R {:.3}",
                pages[i].id,
                scores[i].precision,
                scores[i].recall
            );
        }
    }
    let articles: Vec<Article> = pages
        .iter()
        .filter_map(|p| {
            let mut a =
                ingest::article_from_bytes(Origin::Stdin, p.html.clone(), config.max_bytes).ok()?;
            a.format = Format::Html;
            Some(a)
        })
        .collect();
    let stages = stage_times(&articles, &config, runs);
    let n = pages.len() as f64;
    let (s, par) = (median(serial), median(parallel));
    outln!(
        "article extraction: {} pages ({mb:.1} MB): precision {p:.4}  recall {r:.4}  F1 {f1:.4}",
        pages.len()
    );
    outln!(
        "speed, one thread: {:.1} pages/s ({:.2} MB/s); {} threads: {:.1} pages/s (median of {runs})",
        n / s.as_secs_f64(),
        mb / s.as_secs_f64(),
        rayon::current_num_threads(),
        n / par.as_secs_f64()
    );
    outln!("{stages}");
    Ok(ExitCode::SUCCESS)
}

/// Times each stage alone over the articles, one thread, and reports the
/// medians: parse (decode included), clean, extract.
fn stage_times(articles: &[Article], config: &Config, runs: usize) -> String {
    let (mut parse, mut clean, mut extract) = (Vec::new(), Vec::new(), Vec::new());
    let mut parts: Vec<[Duration; EXTRACTORS.len()]> = Vec::new();
    for _ in 0..runs.max(1) {
        let t0 = Instant::now();
        let docs: Vec<Document> = articles.iter().map(roundup::parse::parse).collect();
        parse.push(t0.elapsed());
        let t0 = Instant::now();
        let cleaned: Vec<Cleaned> = docs
            .iter()
            .map(|d| roundup::clean::clean(d, &config.rules))
            .collect();
        clean.push(t0.elapsed());
        let t0 = Instant::now();
        let mut part = [Duration::ZERO; EXTRACTORS.len()];
        let findings: Vec<_> = docs
            .iter()
            .zip(&cleaned)
            .map(|(d, c)| extract_timed(d, c, config, |i, t| part[i] += t))
            .collect();
        extract.push(t0.elapsed());
        parts.push(part);
        // Every stage's output outlives its clock, as the next stage would
        // read it: none is charged for freeing what it made.
        std::hint::black_box((docs, cleaned, findings));
    }
    let ms = |xs: Vec<Duration>| median(xs).as_secs_f64() * 1e3;
    let (p, c, e) = (ms(parse), ms(clean), ms(extract));
    let breakdown: Vec<String> = EXTRACTORS
        .iter()
        .enumerate()
        .map(|(i, name)| format!("{name} {:.2}", ms(parts.iter().map(|t| t[i]).collect())))
        .collect();
    format!(
        "stages over {} article(s), one thread (median of {runs}): parse {p:.2} ms, clean {c:.2} ms, extract {e:.2} ms (extract/clean {:.2})\n  extract by extractor (ms): {}",
        articles.len(),
        e / c.max(1e-9),
        breakdown.join(", ")
    )
}

/// `roundup eval speed`: stage times on any inputs (default corpus/).
fn speed(inputs: &[String], runs: usize) -> Result<ExitCode> {
    let config = Config::builtin()?;
    let inputs: Vec<Input> = inputs.iter().map(|a| Input::parse(a)).collect();
    let mut articles = Vec::new();
    for input in ingest::expand(&inputs) {
        articles.push(ingest::load(&input?, config.max_bytes)?);
    }
    if articles.is_empty() {
        bail!("no articles to time");
    }
    outln!("{}", stage_times(&articles, &config, runs));
    Ok(ExitCode::SUCCESS)
}
