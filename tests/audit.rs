//! `roundup audit` through the binary, on the KB built from the seeds:
//! what the gold says about Django is there with its sources, the seed
//! conflict is found, lookups are forgiving, and article text never
//! reaches the terminal as control sequences.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn roundup() -> Command {
    Command::cargo_bin("roundup").expect("the roundup binary is built")
}

fn run(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(cmd: &mut Command) -> String {
    let (success, stdout, stderr) = run(cmd);
    assert!(success, "roundup failed: {stderr}");
    stdout
}

/// A KB built from `corpus/`.
fn seed_kb(dir: &Path) -> PathBuf {
    let kb = dir.join("kb.db");
    ok(roundup().args(["ingest", "corpus", "--kb"]).arg(&kb));
    kb
}

fn audit(kb: &Path, args: &[&str]) -> String {
    ok(roundup().arg("audit").args(args).arg("--kb").arg(kb))
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The gold's items about Django, from every seed gold file.
fn gold_django(kind: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("tests/gold/seeds").unwrap() {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        for item in gold[kind].as_array().into_iter().flatten() {
            if item["entity"] == "django" {
                out.push(item.clone());
            }
        }
    }
    out
}

#[test]
fn django_has_the_gold_users_and_pros_each_with_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let kb = seed_kb(dir.path());
    let report: Value =
        serde_json::from_str(&audit(&kb, &["entity", "DJANGO", "--format", "json"])).unwrap();
    assert_eq!(report["entity"]["slug"], "django");

    let companies = report["companies"].as_array().unwrap();
    for gold in gold_django("companies") {
        let name = gold["company"].as_str().unwrap();
        let found = companies
            .iter()
            .find(|c| norm(c["company"].as_str().unwrap()) == norm(name))
            .unwrap_or_else(|| panic!("{name} is not listed: {companies:#?}"));
        assert!(!found["sources"].as_array().unwrap().is_empty(), "{found}");
    }

    let pros: Vec<&Value> = report["aspects"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["pros"].as_array().unwrap())
        .collect();
    assert!(pros
        .iter()
        .all(|p| !p["sources"].as_array().unwrap().is_empty()));
    let gold_pros: Vec<Value> = gold_django("claims")
        .into_iter()
        .filter(|c| c["polarity"] == "pro")
        .collect();
    let missed: Vec<&str> = gold_pros
        .iter()
        .map(|g| g["evidence"].as_str().unwrap())
        .filter(|evidence| {
            !pros.iter().any(|p| {
                p["quotes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|q| norm(q.as_str().unwrap()).contains(&norm(evidence)))
            })
        })
        .collect();
    assert!(
        missed.is_empty(),
        "{} of {} gold Django pros listed; missed: {missed:#?}",
        gold_pros.len() - missed.len(),
        gold_pros.len()
    );

    let text = audit(&kb, &["entity", "django"]);
    assert!(text.contains("Django (django, framework)"), "{text}");
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "wider than 80 columns:\n{text}"
    );
}

#[test]
fn conflicts_include_the_seed_contradiction_about_project_size() {
    let dir = tempfile::tempdir().unwrap();
    let kb = seed_kb(dir.path());
    let text = audit(&kb, &["conflicts"]);
    let at = text.find("Django Suits All Projects").expect(&text);
    let block = &text[text[..at].rfind("\n\n").unwrap_or(0)..];
    let block = &block[..block[2..].find("\n\n").map_or(block.len(), |i| i + 2)];
    assert!(block.contains("Not Suitable for Small Projects"), "{block}");
    let list: Value = serde_json::from_str(&audit(
        &kb,
        &["conflicts", "--entity", "django", "--format", "json"],
    ))
    .unwrap();
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["entity"] == "django"));
}

#[test]
fn a_misspelt_entity_gets_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let kb = seed_kb(dir.path());
    let (success, _, stderr) = run(roundup()
        .args(["audit", "entity", "djnago", "--kb"])
        .arg(&kb));
    assert!(!success);
    assert!(stderr.contains("did you mean django"), "{stderr}");
}

#[test]
fn a_source_audit_shows_findings_and_what_was_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let kb = seed_kb(dir.path());
    let origin = "corpus/002_34647878c5357e6f.txt";
    let report: Value =
        serde_json::from_str(&audit(&kb, &["source", origin, "--format", "json"])).unwrap();
    let text = std::fs::read_to_string(origin).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.len() > 20);
    for f in findings {
        let (start, end) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], f["quote"].as_str().unwrap(), "{f}");
    }
    let dropped = report["dropped"].as_array().unwrap();
    assert!(dropped
        .iter()
        .all(|d| d["rule"].as_str().is_some_and(|r| !r.is_empty())));

    // A claim from it: every source, the quote and its sentence.
    let claim = findings.iter().find(|f| f["kind"] == "claim").unwrap();
    let id = claim["fact"].as_str().unwrap();
    let detail: Value =
        serde_json::from_str(&audit(&kb, &["claim", &id[..10], "--format", "json"])).unwrap();
    let first = &detail["attributions"][0];
    assert!(first["context"]
        .as_str()
        .unwrap()
        .contains(first["quote"].as_str().unwrap().lines().next().unwrap()));
    let human = audit(&kb, &["claim", id]);
    assert!(human.contains("context:"), "{human}");
}

#[test]
fn statistics_show_their_cited_origin_and_flag_disagreement() {
    let dir = tempfile::tempdir().unwrap();
    let kb = seed_kb(dir.path());
    let list: Value =
        serde_json::from_str(&audit(&kb, &["stats", "node.js", "--format", "json"])).unwrap();
    let list = list.as_array().unwrap();
    assert!(list.iter().all(|s| s["entity"] == "nodejs"));
    assert!(list.iter().any(|s| s["cited"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "Enterprise Apps Today")));
    assert!(list.iter().any(|s| s["disputed"] == true), "{list:#?}");
    let text = audit(&kb, &["stats"]);
    assert!(text.contains('*'), "{text}");
}

#[test]
fn article_text_never_reaches_the_terminal_as_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("evil.md");
    std::fs::write(
        &article,
        "---\ntitle: \"Evil \\e[31mred\\e[0m <script>alert(1)</script>\"\n---\n\n# Evil \u{1b}[2J title\n\n## Advantages of Django\n\n- Fast \u{1b}]0;pwned\u{7} and \u{1b}[31msecure\u{1b}[0m\n\nDjango is used by Evil\u{1b}[5mCorp.\n",
    )
    .unwrap();
    let kb = dir.path().join("kb.db");
    ok(roundup()
        .args(["ingest"])
        .arg(&article)
        .arg("--kb")
        .arg(&kb));
    for args in [
        vec!["entity", "django"],
        vec!["source", article.to_str().unwrap()],
        vec!["conflicts"],
        vec!["stats"],
    ] {
        let out = audit(&kb, &args);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}:\n{out}"
        );
    }
    let out = audit(&kb, &["entity", "django"]);
    assert!(out.contains("Fast"), "{out}");
}
