//! CLI tests on the built binary: inputs of every kind, bad inputs, batch
//! behaviour and the shape of `roundup extract`.

use assert_cmd::Command;
use std::io::Write;
use std::path::Path;

fn roundup() -> Command {
    Command::cargo_bin("roundup").expect("the roundup binary is built")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "roundup failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const ARTICLE: &str = "Best Backend Frameworks\n\nDjango is a Python framework known for its batteries-included approach.\n";

#[test]
fn clean_prints_kept_content_one_block_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = stdout_of(roundup().arg("clean").arg(&f));
    assert!(out.contains("Django is a Python framework"), "{out}");
    assert!(out.lines().all(|l| !l.trim().is_empty()), "{out}");
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = stdout_of(roundup().args(["clean", "-"]).write_stdin(ARTICLE));
    assert!(out.contains("batteries-included"), "{out}");
}

#[test]
fn extract_prints_one_json_object_per_article_with_the_documented_fields() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.md", ARTICLE.as_bytes());
    let out = stdout_of(roundup().arg("extract").arg(&f).args(["--format", "json"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let source = &v["source"];
    assert_eq!(source["id"].as_str().unwrap().len(), 64);
    assert_eq!(source["format"], "markdown");
    assert!(source["origin"].as_str().unwrap().ends_with("a.md"));
    for key in ["title", "author", "published", "site"] {
        assert!(source.get(key).is_some(), "source.{key} missing: {v}");
    }
    assert!(v["content"].as_str().unwrap().contains("Django"));
    assert!(v.get("text").is_none(), "text is for HTML only");
    for key in ["dropped", "entities", "claims", "statistics", "companies"] {
        assert!(v[key].is_array(), "{key} is not an array: {v}");
    }
}

#[test]
fn html_extract_carries_the_document_text_that_spans_index() {
    let page = "<html><head><title>Frameworks</title></head><body><article><h1>Frameworks</h1><p>Flask is a lightweight Python micro framework that many teams like.</p></article></body></html>";
    let out = stdout_of(roundup().args(["extract", "-"]).write_stdin(page));
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["source"]["format"], "html");
    let text = v["text"].as_str().unwrap();
    assert!(text.contains("Flask is a lightweight"), "{text}");
    for d in v["dropped"].as_array().unwrap() {
        let (s, e) = (d["start"].as_u64().unwrap(), d["end"].as_u64().unwrap());
        assert!(s <= e && e as usize <= text.len());
    }
}

#[test]
fn the_same_bytes_have_the_same_id_whatever_their_origin() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let b = write(dir.path(), "b.txt.gz", &gzip(ARTICLE.as_bytes()));
    let out = stdout_of(roundup().arg("extract").arg(&a).arg(&b));
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["id"].to_string())
        .collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[0], ids[1]);
}

#[test]
fn folders_are_read_recursively_in_a_stable_order_skipping_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "b.txt", b"Second article about Flask.\n");
    write(dir.path(), "a/z.txt", b"First article about Django.\n");
    write(dir.path(), ".hidden.txt", b"Hidden article about Rails.\n");
    write(dir.path(), ".git/c.txt", b"Hidden folder about Laravel.\n");
    let out = stdout_of(roundup().arg("clean").arg(dir.path()));
    assert_eq!(
        out,
        "First article about Django.\nSecond article about Flask.\n"
    );
}

#[test]
fn gzip_html_is_detected_through_the_compression() {
    let dir = tempfile::tempdir().unwrap();
    let page = b"<html><body><article><p>Express is a minimal web framework for Node.js applications.</p></article></body></html>";
    let f = write(dir.path(), "page.html.gz", &gzip(page));
    let out = stdout_of(roundup().arg("extract").arg(&f));
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["source"]["format"], "html");
    assert!(v["content"]
        .as_str()
        .unwrap()
        .contains("Express is a minimal"));
}

#[test]
fn a_txt_file_that_is_really_html_is_html() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "page.txt",
        b"<!DOCTYPE html><html><body><p>Koa is a small framework by the Express team.</p></body></html>",
    );
    let out = stdout_of(roundup().arg("extract").arg(&f));
    assert!(out.contains(r#""format":"html""#), "{out}");
}

#[test]
fn utf16_and_legacy_charsets_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    for u in "Phoenix runs on Elixir and the BEAM, très vite.\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let a = write(dir.path(), "a.txt", &utf16);
    let b = write(
        dir.path(),
        "b.html",
        b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 owners \x93love\x94 Laravel for its elegant syntax and tooling.</p></body></html>",
    );
    let out = stdout_of(roundup().arg("clean").arg(&a).arg(&b));
    assert!(out.contains("très vite"), "{out}");
    assert!(
        out.contains("Café owners \u{201c}love\u{201d} Laravel"),
        "{out}"
    );
}

#[test]
fn invalid_utf8_is_replaced_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        "bad.txt",
        b"Rails is \xff\xfe productive for small teams.\n",
    );
    let out = stdout_of(roundup().arg("clean").arg(&f));
    assert!(
        out.contains("Rails is \u{fffd}\u{fffd} productive"),
        "{out}"
    );
}

/// Each bad input gets a one-line error naming it; the good file in the
/// same batch is still processed and the exit code says something failed.
#[test]
fn bad_inputs_are_reported_one_line_each_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", ARTICLE.as_bytes());
    let empty = write(dir.path(), "empty.txt", b"");
    let image = write(
        dir.path(),
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0",
    );
    let mut gz = gzip(ARTICLE.repeat(20).as_bytes());
    gz.truncate(gz.len() / 2);
    let truncated = write(dir.path(), "cut.txt.gz", &gz);
    let missing = dir.path().join("missing.txt");
    let mut cmd = roundup();
    cmd.arg("clean")
        .arg(&empty)
        .arg(&image)
        .arg(&truncated)
        .arg(&missing)
        .arg(&good);
    // Reading /proc/self/mem from offset 0 fails with EIO even for root, for
    // whom a chmod 000 file would still be readable.
    let unreadable = Path::new("/proc/self/mem");
    let linux = unreadable.exists();
    if linux {
        cmd.arg(unreadable);
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Django is a Python framework"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("roundup: error:"))
        .collect();
    assert_eq!(errors.len(), 4 + linux as usize, "{stderr}");
    for (name, what) in [
        ("empty.txt", "is empty"),
        ("photo.txt", "binary file (PNG image)"),
        ("cut.txt.gz", "not valid gzip"),
        ("missing.txt", "does not exist"),
    ] {
        assert!(
            errors.iter().any(|l| l.contains(name) && l.contains(what)),
            "no error naming {name} ({what}) in:\n{stderr}"
        );
    }
    if linux {
        assert!(
            errors.iter().any(|l| l.contains("/proc/self/mem")),
            "{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn html_nested_100000_deep_does_not_overflow_the_stack() {
    let depth = 100_000;
    let mut page = String::from(
        "<html><body><article><p>Gin is a fast Go web framework with a small API.</p>",
    );
    page.push_str(&"<div>".repeat(depth));
    page.push_str("deep text");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</article></body></html>");
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "deep.html", page.as_bytes());
    let out = roundup().arg("clean").arg(&f).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Gin is a fast Go web framework"));
}

#[test]
fn a_50_mb_html_page_is_processed() {
    let para = "<p>Spring Boot makes it easy to create stand-alone, production-grade Spring applications that you can just run, with sensible defaults.</p>\n";
    let mut page = String::from("<html><head><title>Big</title></head><body><article><h1>Big</h1>");
    while page.len() < 50 << 20 {
        page.push_str(para);
    }
    page.push_str("</article></body></html>");
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "big.html", page.as_bytes());
    let out = roundup().arg("clean").arg(&f).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kept = out.stdout.iter().filter(|&&b| b == b'\n').count();
    assert!(kept > 100_000, "only {kept} lines kept");
}

#[test]
fn inputs_over_the_size_limit_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "big.txt", &vec![b'a'; 2 << 20]);
    let out = roundup()
        .args(["clean", "--max-mib", "1"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("big.txt") && stderr.contains("larger than"),
        "{stderr}"
    );
}

#[test]
fn explain_lists_every_block_as_keep_or_drop() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = stdout_of(roundup().args(["clean", "--explain"]).arg(&f));
    let verdicts: Vec<&str> = out.lines().filter(|l| !l.starts_with("==")).collect();
    assert_eq!(verdicts.len(), 2, "{out}");
    assert!(verdicts
        .iter()
        .all(|l| l.starts_with("KEEP") || l.starts_with("DROP ")));
}

#[test]
fn the_main_job_writes_results_under_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write(&corpus, "one.txt", ARTICLE.as_bytes());
    let out = dir.path().join("out");
    roundup()
        .arg("run")
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let clean = std::fs::read_to_string(out.join("clean/one.txt")).unwrap();
    assert!(clean.contains("Django"));
    let jsonl = std::fs::read_to_string(out.join("articles.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 1);
}

#[test]
fn a_broken_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let big = "Django is a Python framework with batteries included.\n".repeat(50_000);
    let f = write(dir.path(), "a.txt", big.as_bytes());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roundup"))
        .arg("clean")
        .arg(&f)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{stderr}");
}

#[test]
fn rules_lists_every_rule_id_with_its_reason() {
    let out = stdout_of(roundup().arg("rules"));
    for id in [
        "html.nav",
        "boilerplate.reading-time",
        "boilerplate.author-bio",
    ] {
        assert!(
            out.lines()
                .any(|l| l.starts_with(id) && l.len() > id.len() + 5),
            "{id}:\n{out}"
        );
    }
}

#[test]
fn eval_into_a_closed_pipe_ends_quietly() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("roundup"))
        .args([
            "eval",
            "--gold",
            "tests/gold/seeds",
            "--docs",
            "corpus",
            "--detail",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{stderr}");
}

#[test]
fn the_hidden_gen_command_writes_n_articles_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("tmp");
    let out = roundup()
        .args(["gen", "5", "--out"])
        .arg(&out_dir)
        .args(["--seed", "3"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("wrote 5 articles to"), "{stderr}");
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names[0].starts_with("gen-000000."), "{names:?}");
    let help = stdout_of(roundup().arg("--help"));
    assert!(!help.contains("gen"), "{help}");
}
