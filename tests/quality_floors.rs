//! Quality floors of the foundation and extraction issues, scored the way
//! `roundup eval` scores (../shared/ANNOTATION.md): on the seed articles
//! (`corpus/` against `tests/gold/seeds`) and, when ../shared/dev is
//! present, on the dev articles by other authors. Each set is processed
//! once; every floor is its own assertion so a failure names the figure.

use roundup::eval::findings::{score, FindingScores};
use roundup::eval::gold::{gold_files, score_lines, Gold};
use roundup::eval::Counts;
use roundup::ingest::{load, Input};
use roundup::{process, Config};
use std::path::{Path, PathBuf};

/// Every score of one set of gold files, summed (micro-averaged).
struct SetScores {
    findings: FindingScores,
    /// Dropped lines, over the articles whose gold has line numbers.
    lines: Counts,
    articles: usize,
    line_articles: usize,
}

fn score_set(gold_dir: &Path, docs: &Path) -> SetScores {
    let config = Config::builtin().unwrap();
    let mut s = SetScores {
        findings: FindingScores::default(),
        lines: Counts::default(),
        articles: 0,
        line_articles: 0,
    };
    for path in gold_files(gold_dir).expect("gold folder") {
        let gold = Gold::load(&path).expect("gold file");
        let article = load(&Input::Path(docs.join(&gold.doc)), config.max_bytes)
            .unwrap_or_else(|e| panic!("loading {}: {e}", gold.doc));
        let p = process(article, &config);
        s.findings.add(&score(&p.document.text, &p.findings, &gold));
        if let Some(lines) = &gold.drop_lines {
            s.lines.add(score_lines(&p, lines).counts);
            s.line_articles += 1;
        }
        s.articles += 1;
    }
    let f = &s.findings;
    for (name, c) in [
        ("boilerplate", &s.lines),
        ("entities", &f.entities),
        ("claims", &f.claims),
        ("statistics", &f.statistics),
        ("companies", &f.companies),
    ] {
        println!(
            "{}: {name:<12} precision {:.3} recall {:.3} F1 {:.3}",
            docs.display(),
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    println!(
        "{}: aspect accuracy {:.3}",
        docs.display(),
        f.aspect_accuracy()
    );
    s
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn at_least(what: &str, value: f64, floor: f64) {
    assert!(value >= floor, "{what} {value:.3} < {floor}");
}

#[test]
fn seed_figures_stay_above_the_floors() {
    let s = score_set(&root().join("tests/gold/seeds"), &root().join("corpus"));
    assert_eq!((s.articles, s.line_articles), (5, 5));
    let f = &s.findings;
    at_least("seed boilerplate precision", s.lines.precision(), 0.97);
    at_least("seed boilerplate recall", s.lines.recall(), 0.95);
    at_least("seed entity precision", f.entities.precision(), 0.95);
    at_least("seed entity recall", f.entities.recall(), 0.95);
    at_least("seed claim recall", f.claims.recall(), 0.80);
    at_least("seed claim precision", f.claims.precision(), 0.85);
    at_least("seed aspect accuracy", f.aspect_accuracy(), 0.80);
    at_least("seed statistics precision", f.statistics.precision(), 0.90);
    at_least("seed statistics recall", f.statistics.recall(), 0.90);
    at_least("seed company precision", f.companies.precision(), 0.95);
    at_least("seed company recall", f.companies.recall(), 0.95);
}

#[test]
fn dev_figures_stay_above_the_floors() {
    let dev = root().join("../shared/dev");
    if !dev.join("gold").is_dir() || !dev.join("articles").is_dir() {
        println!("skipped: {} is absent (the shared dev set)", dev.display());
        return;
    }
    let s = score_set(&dev.join("gold"), &dev.join("articles"));
    assert!(s.articles >= 8, "only {} dev articles scored", s.articles);
    assert!(
        s.line_articles >= 7,
        "only {} with line gold",
        s.line_articles
    );
    let f = &s.findings;
    // Boilerplate has no floor in the issue: measured 1.000 / 0.995 when
    // written; the margin allows a deliberate trade, not a slide.
    at_least("dev boilerplate precision", s.lines.precision(), 0.97);
    at_least("dev boilerplate recall", s.lines.recall(), 0.96);
    at_least("dev entity F1", f.entities.f1(), 0.90);
    at_least("dev claim recall", f.claims.recall(), 0.60);
    at_least("dev claim precision", f.claims.precision(), 0.75);
    at_least("dev statistics F1", f.statistics.f1(), 0.75);
    at_least("dev company F1", f.companies.f1(), 0.80);
}

#[test]
fn holdout_figures_stay_near_their_measured_levels() {
    // Not floors of an issue: what the twenty-four project-written
    // articles of tests/holdout score (claims 0.826 / 0.611, entities F1
    // 0.972, statistics F1 0.853, companies F1 0.908, dropped lines 1.000
    // / 0.897), less a margin for a deliberate trade.
    let dir = root().join("tests/holdout");
    let s = score_set(&dir.join("gold"), &dir.join("articles"));
    assert_eq!(s.articles, 24);
    let f = &s.findings;
    at_least("holdout boilerplate precision", s.lines.precision(), 0.95);
    at_least("holdout boilerplate recall", s.lines.recall(), 0.84);
    at_least("holdout entity F1", f.entities.f1(), 0.94);
    at_least("holdout claim precision", f.claims.precision(), 0.77);
    at_least("holdout claim recall", f.claims.recall(), 0.56);
    at_least("holdout statistics F1", f.statistics.f1(), 0.79);
    at_least("holdout company F1", f.companies.f1(), 0.86);
}
