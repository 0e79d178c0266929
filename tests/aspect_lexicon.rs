//! The aspect lexicon against gold: the aspect it gives each gold claim's
//! evidence must be among that claim's gold aspects often enough. A floor,
//! so that no lexicon change quietly makes aspects worse.

use roundup::eval::gold::{gold_files, Gold};
use roundup::extract::aspects::Lexicon;
use std::path::Path;

/// The share of gold claims whose evidence gets one of their gold aspects.
fn agreement(dir: &Path) -> f64 {
    let lex = Lexicon::builtin().unwrap();
    let (mut right, mut total) = (0usize, 0usize);
    for path in gold_files(dir).unwrap() {
        let gold = Gold::load(&path).unwrap();
        for c in &gold.claims {
            total += 1;
            let got = lex.aspect_of(&c.evidence);
            if c.aspects.iter().any(|a| a == got) {
                right += 1;
            } else {
                println!("  {got} vs {:?}: {}", c.aspects, c.evidence);
            }
        }
    }
    let accuracy = right as f64 / total as f64;
    println!(
        "aspect agreement on {}: {accuracy:.3} ({right}/{total})",
        dir.display()
    );
    accuracy
}

#[test]
fn the_lexicon_agrees_with_the_seed_gold() {
    let a = agreement(Path::new("tests/gold/seeds"));
    assert!(a >= 0.72, "aspect agreement on the seeds fell to {a:.3}");
}

#[test]
fn the_lexicon_agrees_with_the_dev_gold() {
    let dir = Path::new("../shared/dev/gold");
    if !dir.is_dir() {
        println!("skipped: {} is absent (the shared dev set)", dir.display());
        return;
    }
    let a = agreement(dir);
    assert!(a >= 0.63, "aspect agreement on the dev set fell to {a:.3}");
}
