//! Claims regression: the claim scores of `roundup::process` against the
//! seed gold (`tests/gold/seeds` over `corpus/`) must stay above the floors
//! of the claims issue, and so must those on the shared development set
//! (`../shared/dev`) when it is present.

use roundup::eval::findings::{score, FindingScores};
use roundup::eval::gold;
use roundup::ingest::{self, Input};
use roundup::Config;
use std::path::Path;

/// Claim scores summed over every gold file in `gold_dir`.
fn claims(gold_dir: &Path, docs: &Path) -> FindingScores {
    let config = Config::builtin().unwrap();
    let mut total = FindingScores::default();
    for path in gold::gold_files(gold_dir).expect("gold folder") {
        let g = gold::Gold::load(&path).expect("gold file");
        let article = ingest::load(&Input::Path(docs.join(&g.doc)), config.max_bytes)
            .unwrap_or_else(|e| panic!("loading {}: {e}", g.doc));
        let p = roundup::process(article, &config);
        let s = score(&p.document.text, &p.findings, &g);
        eprintln!(
            "{:<55} tp {:>3} fp {:>3} fn {:>3}",
            g.doc, s.claims.tp, s.claims.fp, s.claims.fn_
        );
        total.add(&s);
    }
    eprintln!(
        "claims: precision {:.3} recall {:.3} aspect accuracy {:.3}",
        total.claims.precision(),
        total.claims.recall(),
        total.aspect_accuracy()
    );
    total
}

#[test]
fn seed_claims_stay_above_the_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let s = claims(&root.join("tests/gold/seeds"), &root.join("corpus"));
    assert!(
        s.claims.recall() >= 0.80,
        "seed claims recall {:.3} < 0.80",
        s.claims.recall()
    );
    assert!(
        s.claims.precision() >= 0.85,
        "seed claims precision {:.3} < 0.85",
        s.claims.precision()
    );
    assert!(
        s.aspect_accuracy() >= 0.80,
        "seed aspect accuracy {:.3} < 0.80",
        s.aspect_accuracy()
    );
}

#[test]
fn dev_claims_stay_above_the_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/dev");
    if !dev.join("gold").is_dir() {
        println!("skipped: {} is absent (the shared dev set)", dev.display());
        return;
    }
    let s = claims(&dev.join("gold"), &dev.join("articles"));
    assert!(
        s.claims.recall() >= 0.60,
        "dev claims recall {:.3} < 0.60",
        s.claims.recall()
    );
    assert!(
        s.claims.precision() >= 0.75,
        "dev claims precision {:.3} < 0.75",
        s.claims.precision()
    );
}
