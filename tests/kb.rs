//! The knowledge base through the binary: idempotent and order-free
//! ingest, byte-identical exports, replacement with history, removal,
//! near-duplicate sources, conflicts, crash safety under SIGKILL, two
//! writers at once, and a schema it does not know.

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn roundup() -> Command {
    Command::cargo_bin("roundup").expect("the roundup binary is built")
}

fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "roundup failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8_lossy(&out.stderr)
}

/// The seed articles, sorted.
fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5);
    files
}

fn ingest(kb: &Path, files: &[PathBuf], threads: usize) -> String {
    run_ok(
        roundup()
            .arg("ingest")
            .args(files)
            .arg("--kb")
            .arg(kb)
            .arg("-j")
            .arg(threads.to_string()),
    )
}

/// Every exported file, in every format, by name.
fn exports(kb: &Path, dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for format in ["csv", "json", "jsonl"] {
        run_ok(
            roundup()
                .arg("export")
                .arg("--kb")
                .arg(kb)
                .arg("--format")
                .arg(format)
                .arg("--out")
                .arg(dir),
        );
    }
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        out.insert(name, std::fs::read(&path).unwrap());
    }
    assert_eq!(out.len(), 30, "{:?}", out.keys());
    out
}

#[test]
fn exports_do_not_depend_on_order_threads_or_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus();
    let mut reversed = files.clone();
    reversed.reverse();

    let a = dir.path().join("a.db");
    let first = ingest(&a, &files, 1);
    assert!(
        first.contains(&format!("{} source(s) added", files.len())),
        "{first}"
    );
    let again = ingest(&a, &files, 2);
    assert!(
        again.contains(&format!("0 source(s) added, {} unchanged", files.len())),
        "{again}"
    );
    assert!(again.contains("0 new fact(s)"), "{again}");

    let b = dir.path().join("b.db");
    ingest(&b, &reversed, 2);
    let c = dir.path().join("c.db");
    for f in &reversed {
        ingest(&c, std::slice::from_ref(f), 1);
    }

    let ea = exports(&a, &dir.path().join("ea"));
    let eb = exports(&b, &dir.path().join("eb"));
    let ec = exports(&c, &dir.path().join("ec"));
    for (name, bytes) in &ea {
        assert!(
            eb[name] == *bytes,
            "{name} differs after reverse order, 2 threads"
        );
        assert!(ec[name] == *bytes, "{name} differs after one-by-one ingest");
    }
    let claims = String::from_utf8(ea["claims.csv"].clone()).unwrap();
    assert!(claims.starts_with("id,entity,polarity,aspect,statement,sources,attributions\r\n"));
    assert!(!String::from_utf8_lossy(&ea["sources.json"]).contains("ingested"));
}

#[test]
fn the_seed_conflict_and_the_seed_users_are_in_the_kb() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("kb.db");
    ingest(&kb, &corpus(), 2);
    let e = exports(&kb, &dir.path().join("out"));
    let conflicts = String::from_utf8_lossy(&e["conflicts.csv"]).into_owned();
    let django = conflicts
        .lines()
        .find(|l| l.contains(",django,") && l.contains("Suits All Projects"))
        .unwrap_or_else(|| panic!("no Django project-size conflict in:\n{conflicts}"));
    assert!(
        django.contains("Not Suitable for Small Projects"),
        "{django}"
    );
    let companies = String::from_utf8_lossy(&e["companies.csv"]).into_owned();
    assert!(
        companies.lines().any(|l| l.contains("Instagram")),
        "{companies}"
    );
}

const RAILS_A: &str =
    "# Why Rails\n\n## Advantages of Ruby on Rails\n\n- Easy to learn\n- Large community\n";
const RAILS_B: &str =
    "# Rails in 2024\n\n## Pros of Rails\n\n- It is easy to learn\n- Mature ecosystem\n";
const RAILS_C: &str =
    "# Rails review\n\n## Rails strengths\n\n- Rails is an easy framework to learn\n- Fast prototyping\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn csv_rows(bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(bytes);
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn paraphrases_merge_into_one_claim_with_every_source() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        write(dir.path(), "a.md", RAILS_A),
        write(dir.path(), "b.md", RAILS_B),
        write(dir.path(), "c.md", RAILS_C),
    ];
    let kb = dir.path().join("kb.db");
    ingest(&kb, &files, 2);
    let e = exports(&kb, &dir.path().join("out"));
    let claims = csv_rows(&e["claims.csv"]);
    let easy: Vec<_> = claims
        .iter()
        .filter(|c| c["statement"].to_lowercase().contains("easy"))
        .collect();
    assert_eq!(easy.len(), 1, "{claims:#?}");
    assert_eq!(easy[0]["entity"], "rails");
    assert_eq!(easy[0]["sources"], "3");
    let attributions = csv_rows(&e["claim_sources.csv"]);
    let quotes: Vec<&str> = attributions
        .iter()
        .filter(|a| a["claim_id"] == easy[0]["id"])
        .map(|a| a["quote"].as_str())
        .collect();
    assert_eq!(quotes.len(), 3, "{quotes:?}");
    assert!(
        quotes.contains(&"Rails is an easy framework to learn"),
        "{quotes:?}"
    );
}

#[test]
fn new_bytes_replace_an_origin_and_removal_takes_only_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.md", RAILS_A);
    let b = write(dir.path(), "b.md", RAILS_B);
    let kb = dir.path().join("kb.db");
    ingest(&kb, &[a.clone(), b.clone()], 1);

    write(
        dir.path(),
        "a.md",
        &RAILS_A.replace("Large community", "Slow at runtime"),
    );
    let out = ingest(&kb, std::slice::from_ref(&a), 1);
    assert!(
        out.contains("0 source(s) added, 0 unchanged, 1 replaced"),
        "{out}"
    );
    let list = run_ok(
        roundup()
            .args(["sources", "list", "--all", "--kb"])
            .arg(&kb),
    );
    assert_eq!(
        list.lines().filter(|l| l.contains("(replaced)")).count(),
        1,
        "{list}"
    );
    let current = run_ok(roundup().args(["sources", "list", "--kb"]).arg(&kb));
    assert_eq!(current.lines().count(), 2, "{current}");
    let e = exports(&kb, &dir.path().join("e1"));
    let claims = String::from_utf8_lossy(&e["claims.csv"]).into_owned();
    assert!(!claims.contains("Large community"), "{claims}");
    assert!(claims.contains("Slow at runtime"), "{claims}");
    let shown = run_ok(
        roundup()
            .args(["sources", "show"])
            .arg(&a)
            .arg("--kb")
            .arg(&kb),
    );
    assert!(shown.contains("older version"), "{shown}");

    // Removing b: the shared "easy to learn" claim stays (a states it),
    // b's own "Mature ecosystem" goes.
    let removed = run_ok(
        roundup()
            .args(["sources", "remove"])
            .arg(&b)
            .arg("--kb")
            .arg(&kb),
    );
    assert!(removed.contains("removed"), "{removed}");
    let e = exports(&kb, &dir.path().join("e2"));
    let claims = csv_rows(&e["claims.csv"]);
    assert!(
        claims.iter().all(|c| !c["statement"].contains("Mature")),
        "{claims:#?}"
    );
    let easy = claims
        .iter()
        .find(|c| c["statement"].to_lowercase().contains("easy"))
        .expect("the shared claim stays");
    assert_eq!(easy["sources"], "1");
    let attributions = csv_rows(&e["claim_sources.csv"]);
    assert!(attributions.iter().all(|r| !r["source_id"].is_empty()));
    let sources = csv_rows(&e["sources.csv"]);
    assert_eq!(sources.len(), 1);
}

#[test]
fn a_syndicated_copy_links_to_its_original_and_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let body = std::fs::read_to_string(&corpus()[2]).unwrap();
    let original = write(dir.path(), "original.txt", &body);
    let copy = write(
        dir.path(),
        "copy.txt",
        &format!("{body}\n\nThis article first appeared on our partner site.\n"),
    );
    let kb = dir.path().join("kb.db");
    ingest(&kb, &[copy, original], 2);
    let e = exports(&kb, &dir.path().join("out"));
    let sources = csv_rows(&e["sources.csv"]);
    assert_eq!(sources.len(), 2);
    let linked: Vec<_> = sources
        .iter()
        .filter(|s| !s["duplicate_of"].is_empty())
        .collect();
    assert_eq!(linked.len(), 1, "{sources:#?}");
    let claims = csv_rows(&e["claims.csv"]);
    assert!(
        claims.iter().all(|c| c["sources"] == "1"),
        "copies count once"
    );
    assert!(claims.iter().any(|c| c["attributions"] == "2"));
}

#[test]
fn a_kb_of_an_unknown_schema_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("kb.db");
    ingest(&kb, &corpus()[..1], 1);
    let conn = rusqlite::Connection::open(&kb).unwrap();
    conn.execute(
        "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
        [],
    )
    .unwrap();
    drop(conn);
    let out = roundup()
        .args(["export", "--kb"])
        .arg(&kb)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("schema version 99"), "{err}");

    let not_a_kb = write(dir.path(), "other.db", "");
    let conn = rusqlite::Connection::open(&not_a_kb).unwrap();
    conn.execute("CREATE TABLE t (x)", []).unwrap();
    drop(conn);
    let out = roundup()
        .args(["sources", "list", "--kb"])
        .arg(&not_a_kb)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let missing = roundup()
        .args(["sources", "list", "--kb"])
        .arg(dir.path().join("none.db"))
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("does not exist"));
}

/// `n` distinct articles made from the seeds: each is a seed with a line
/// of its own appended, so it has its own bytes and the seed's findings.
fn batch(dir: &Path, n: usize) -> Vec<PathBuf> {
    let seeds: Vec<String> = corpus()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    (0..n)
        .map(|i| {
            let text = format!("{}\n\nReference {i:05}.\n", seeds[i % seeds.len()]);
            write(dir, &format!("article-{i:05}.txt"), &text)
        })
        .collect()
}

fn counts_by_source(kb: &Path) -> BTreeMap<String, (String, i64, i64, i64)> {
    let conn = rusqlite::Connection::open(kb).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT s.id, s.origin,
               (SELECT count(*) FROM mentions m WHERE m.source = s.num),
               (SELECT count(*) FROM claim_sources c WHERE c.source = s.num),
               (SELECT count(*) FROM statistic_sources t WHERE t.source = s.num)
             FROM sources s",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn seed_index(origin: &str) -> usize {
    let n: usize = origin
        .rsplit("article-")
        .next()
        .and_then(|s| s.strip_suffix(".txt"))
        .and_then(|s| s.parse().ok())
        .unwrap();
    n % 5
}

#[test]
fn a_killed_ingest_leaves_only_whole_sources_and_the_next_one_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let files = batch(&articles, 1500);

    // What a whole source holds, per seed.
    let reference = dir.path().join("reference.db");
    ingest(&reference, &files[..5], 1);
    let whole: BTreeMap<usize, (i64, i64, i64)> = counts_by_source(&reference)
        .into_values()
        .map(|(origin, m, c, s)| (seed_index(&origin), (m, c, s)))
        .collect();

    let kb = dir.path().join("kb.db");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roundup"))
        .arg("ingest")
        .arg(&articles)
        .arg("--kb")
        .arg(&kb)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some sources are in, well before all are.
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let n =
            rusqlite::Connection::open_with_flags(&kb, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .and_then(|c| {
                    c.query_row("SELECT count(*) FROM sources", [], |r| r.get::<_, i64>(0))
                })
                .unwrap_or(0);
        if n >= 20 || started.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();

    let conn = rusqlite::Connection::open(&kb).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    let partial = counts_by_source(&kb);
    assert!(
        !partial.is_empty() && partial.len() < files.len(),
        "the kill came at {} of {} sources",
        partial.len(),
        files.len()
    );
    for (origin, m, c, s) in partial.values() {
        assert_eq!(
            (*m, *c, *s),
            whole[&seed_index(origin)],
            "{origin} is not whole"
        );
    }

    let out = ingest(&kb, std::slice::from_ref(&articles), 2);
    let expect = format!(
        "{} source(s) added, {} unchanged",
        files.len() - partial.len(),
        partial.len()
    );
    assert!(out.contains(&expect), "{out}");
    let all = counts_by_source(&kb);
    assert_eq!(all.len(), files.len());
    for (origin, m, c, s) in all.values() {
        assert_eq!(
            (*m, *c, *s),
            whole[&seed_index(origin)],
            "{origin} is not whole"
        );
    }
}

#[test]
fn two_ingests_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let left = dir.path().join("left");
    let right = dir.path().join("right");
    std::fs::create_dir(&left).unwrap();
    std::fs::create_dir(&right).unwrap();
    let files = batch(&left, 200);
    for f in files.iter().skip(100) {
        std::fs::rename(f, right.join(f.file_name().unwrap())).unwrap();
    }
    let kb = dir.path().join("kb.db");
    let spawn = |what: &Path| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("roundup"))
            .arg("ingest")
            .arg(what)
            .arg("--kb")
            .arg(&kb)
            .arg("-j1")
            .output()
            .unwrap()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| spawn(&left));
        let b = s.spawn(|| spawn(&right));
        (a.join().unwrap(), b.join().unwrap())
    });
    for out in [&a, &b] {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("100 source(s) added"));
    }
    assert_eq!(counts_by_source(&kb).len(), 200);
}

#[test]
fn rebuild_extracts_again_with_the_current_rules() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("kb.db");
    let article = write(
        dir.path(),
        "a.md",
        "# Frameworks\n\n## Advantages of Zorblet\n\n- Easy to learn\n\nZorblet is used by Acme.\n",
    );
    ingest(&kb, std::slice::from_ref(&article), 1);
    let before = exports(&kb, &dir.path().join("e1"));
    run_ok(roundup().args(["rebuild", "--kb"]).arg(&kb));
    let same = exports(&kb, &dir.path().join("e2"));
    assert!(
        before == same,
        "a rebuild with the same rules changes nothing"
    );
    assert!(!String::from_utf8_lossy(&before["mentions.csv"]).contains("zorblet"));

    // A catalog that knows the name: the rebuild finds it in the stored
    // bytes, though the article file is gone.
    std::fs::remove_file(&article).unwrap();
    let catalog = write(
        dir.path(),
        "catalog.toml",
        "[[entity]]\nslug = \"zorblet\"\nname = \"Zorblet\"\nkind = \"framework\"\n",
    );
    let out = run_ok(
        roundup()
            .args(["rebuild", "--kb"])
            .arg(&kb)
            .arg("--catalog")
            .arg(&catalog),
    );
    assert!(out.contains("rebuilt 1 source"), "{out}");
    let after = exports(&kb, &dir.path().join("e3"));
    let mentions = String::from_utf8_lossy(&after["mentions.csv"]).into_owned();
    assert!(mentions.contains(",zorblet,Zorblet,"), "{mentions}");
    let claims = String::from_utf8_lossy(&after["claims.csv"]).into_owned();
    assert!(claims.contains("zorblet,pro,learning-curve"), "{claims}");
}
