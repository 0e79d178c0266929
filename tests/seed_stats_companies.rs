//! Statistics and company-user regression: the scores of
//! `roundup::eval::findings::score` over every seed article (`corpus/`
//! against `tests/gold/seeds`) and, when the shared development set is
//! present, over its articles, held above the floors of the extractors'
//! issue.

use roundup::eval::findings::{score, FindingScores};
use roundup::eval::gold;
use roundup::ingest::{self, Input};
use roundup::Config;
use std::path::Path;

/// Micro-averaged finding scores over every gold file in `gold_dir`.
fn scores(gold_dir: &Path, docs: &Path) -> (FindingScores, usize) {
    let config = Config::builtin().unwrap();
    let mut total = FindingScores::default();
    let mut scored = 0;
    for path in gold::gold_files(gold_dir).expect("gold folder") {
        let g = gold::Gold::load(&path).expect("gold file");
        let article = ingest::load(&Input::Path(docs.join(&g.doc)), config.max_bytes)
            .unwrap_or_else(|e| panic!("loading {}: {e}", g.doc));
        let p = roundup::process(article, &config);
        let s = score(&p.document.text, &p.findings, &g);
        for line in s
            .detail
            .iter()
            .filter(|l| l.contains("statistic") || l.contains("company"))
        {
            eprintln!("{}: {line}", g.doc);
        }
        total.add(&s);
        scored += 1;
    }
    (total, scored)
}

#[test]
fn seed_statistics_and_companies_stay_above_the_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (s, scored) = scores(&root.join("tests/gold/seeds"), &root.join("corpus"));
    assert_eq!(scored, 5);
    let (st, co) = (s.statistics, s.companies);
    assert!(
        st.precision() >= 0.90,
        "statistics precision {:.3}",
        st.precision()
    );
    assert!(st.recall() >= 0.90, "statistics recall {:.3}", st.recall());
    assert!(
        co.precision() >= 0.95,
        "companies precision {:.3}",
        co.precision()
    );
    assert!(co.recall() >= 0.95, "companies recall {:.3}", co.recall());
}

#[test]
fn dev_statistics_and_companies_stay_above_the_floor() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev");
    if !dev.join("gold").is_dir() || !dev.join("articles").is_dir() {
        eprintln!("skipped: the development set is not at {}", dev.display());
        return;
    }
    let (s, scored) = scores(&dev.join("gold"), &dev.join("articles"));
    assert!(scored >= 8, "only {scored} dev articles scored");
    assert!(
        s.statistics.f1() >= 0.75,
        "dev statistics F1 {:.3}",
        s.statistics.f1()
    );
    assert!(
        s.companies.f1() >= 0.80,
        "dev companies F1 {:.3}",
        s.companies.f1()
    );
}
