//! Entity floors of the extraction issue: on the seeds precision and
//! recall >= 0.95; on the dev articles (other authors, read from
//! ../shared/dev when present) F1 >= 0.90.

use roundup::eval::findings::score;
use roundup::eval::gold::{gold_files, Gold};
use roundup::eval::Counts;
use roundup::ingest::{load, Input};
use roundup::{process, Config};
use std::path::Path;

fn entity_counts(gold_dir: &Path, docs: &Path) -> Counts {
    let config = Config::builtin().unwrap();
    let mut total = Counts::default();
    for path in gold_files(gold_dir).unwrap() {
        let gold = Gold::load(&path).unwrap();
        let article = load(&Input::Path(docs.join(&gold.doc)), config.max_bytes).unwrap();
        let p = process(article, &config);
        total.add(score(&p.document.text, &p.findings, &gold).entities);
    }
    println!(
        "entities on {}: precision {:.3} recall {:.3} F1 {:.3}",
        docs.display(),
        total.precision(),
        total.recall(),
        total.f1()
    );
    total
}

#[test]
fn seed_entities_stay_above_the_floor() {
    let c = entity_counts(Path::new("tests/gold/seeds"), Path::new("corpus"));
    assert!(c.precision() >= 0.95, "precision {:.3}", c.precision());
    assert!(c.recall() >= 0.95, "recall {:.3}", c.recall());
}

#[test]
fn dev_entities_stay_above_the_floor() {
    let dir = Path::new("../shared/dev");
    if !dir.is_dir() {
        println!("skipped: {} is absent (the shared dev set)", dir.display());
        return;
    }
    let c = entity_counts(&dir.join("gold"), &dir.join("articles"));
    assert!(c.f1() >= 0.90, "F1 {:.3}", c.f1());
}
