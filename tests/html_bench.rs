//! HTML main-content extraction on the article-extraction benchmark
//! (../shared/bench/article-extraction, 181 real pages): the F1 of what
//! `roundup clean` prints must stay at or above the floor, 0.965
//! (trafilatura measures 0.960 on this set). Quality only: speed is
//! measured by `roundup eval html`, never by a timed test.

use roundup::eval::bench;
use roundup::ingest::article_from_bytes;
use roundup::model::{Format, Origin};
use roundup::{output, process, Config};
use std::path::Path;

#[test]
fn article_extraction_f1_stays_above_the_floor() {
    let dir = Path::new("../shared/bench/article-extraction");
    if !dir.join("ground-truth.json").is_file() {
        println!(
            "skipped: {} is absent (the shared benchmark)",
            dir.display()
        );
        return;
    }
    let pages = bench::load(dir).unwrap();
    assert_eq!(pages.len(), 181);
    let config = Config::builtin().unwrap();
    let scores: Vec<bench::PageScore> = pages
        .iter()
        .map(|p| {
            let mut article =
                article_from_bytes(Origin::Stdin, p.html.clone(), config.max_bytes).unwrap();
            article.format = Format::Html;
            bench::score_page(&output::content(&process(article, &config)), &p.truth)
        })
        .collect();
    let (precision, recall, f1) = bench::summarise(&scores);
    println!("article extraction: precision {precision:.4} recall {recall:.4} F1 {f1:.4}");
    assert!(f1 >= 0.965, "F1 {f1:.4} is below 0.965");
}
