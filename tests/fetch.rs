//! CLI tests for `http(s)://` inputs on the built binary. Each test starts
//! its own tiny HTTP/1.1 server on 127.0.0.1 (a `TcpListener` on port 0 in
//! a thread), so nothing here reaches beyond this machine.

use assert_cmd::Command;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

fn roundup() -> Command {
    let mut cmd = Command::cargo_bin("roundup").expect("the roundup binary is built");
    // A proxy set in the environment must not carry the loopback requests
    // elsewhere.
    for var in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// What the test server answers to one request.
struct Reply {
    status: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
    /// Send `Content-Length`; without it the body ends when the
    /// connection closes, so the client cannot know the size up front.
    length: bool,
}

impl Reply {
    fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: "200 OK",
            headers: vec![("Content-Type", content_type.to_string())],
            body: body.into(),
            length: true,
        }
    }

    fn redirect(status: &'static str, location: String) -> Reply {
        Reply {
            status,
            headers: vec![("Location", location)],
            body: Vec::new(),
            length: true,
        }
    }

    fn not_found() -> Reply {
        Reply {
            status: "404 Not Found",
            headers: vec![("Content-Type", "text/plain".to_string())],
            body: b"no such page".to_vec(),
            length: true,
        }
    }
}

/// Starts a server whose `route(path, base)` answers each request, `base`
/// being `http://127.0.0.1:PORT`; returns the base. The server lives as
/// long as the test process and serves only what the test asks for.
fn serve(route: impl Fn(&str, &str) -> Reply + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let route = std::sync::Arc::new(route);
    let served = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let (route, base) = (route.clone(), served.clone());
            std::thread::spawn(move || answer(stream, &*route, &base));
        }
    });
    base
}

fn answer(mut stream: TcpStream, route: &dyn Fn(&str, &str) -> Reply, base: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // The headers are read and ignored: the routes answer by path alone.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
        line.clear();
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let reply = route(path, base);
    let mut head = format!("HTTP/1.1 {}\r\nConnection: close\r\n", reply.status);
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if reply.length {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    // The client may hang up early (a refused content type or size): that
    // is the behaviour under test, not a server failure.
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&reply.body);
}

const PAGE: &str = "<!doctype html><html><head><title>Frameworks</title></head><body><article><h1>Frameworks</h1><p>Flask is a lightweight Python micro framework that many teams like.</p></article></body></html>";

/// Runs roundup and returns (exit code, stdout, stderr).
fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json_lines(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Runs `roundup extract URL`, which must succeed, and returns its one
/// JSON object.
fn extract_one(url: &str) -> serde_json::Value {
    let (code, out, err) = run(roundup().args(["extract", url]));
    assert_eq!(code, 0, "{err}");
    let mut objects = json_lines(&out);
    assert_eq!(objects.len(), 1, "{out}");
    objects.remove(0)
}

#[test]
fn extract_reads_a_page_and_records_its_url_as_the_origin() {
    let base = serve(|path, _| match path {
        "/frameworks" => Reply::ok("text/html; charset=utf-8", PAGE),
        _ => Reply::not_found(),
    });
    let url = format!("{base}/frameworks");
    let v = extract_one(&url);
    assert_eq!(v["source"]["origin"], url.as_str());
    assert_eq!(v["source"]["format"], "html");
    assert!(v["content"].as_str().unwrap().contains("Flask"), "{v}");
}

#[test]
fn a_redirect_chain_is_followed_and_the_final_url_recorded() {
    let base = serve(|path, base| match path {
        "/old" => Reply::redirect("301 Moved Permanently", format!("{base}/middle")),
        // A relative Location, as many servers send.
        "/middle" => Reply::redirect("302 Found", "/new.html".to_string()),
        "/new.html" => Reply::ok("text/html", PAGE),
        _ => Reply::not_found(),
    });
    let v = extract_one(&format!("{base}/old"));
    assert_eq!(v["source"]["origin"], format!("{base}/new.html").as_str());
}

/// A server where `/hop/N` redirects to `/hop/N+1` and `/hop/6` is the
/// page: from `/hop/1` that is 5 redirects, from `/hop/0` it is 6.
fn redirect_chain() -> String {
    serve(|path, base| match path.strip_prefix("/hop/") {
        Some("6") => Reply::ok("text/html", PAGE),
        Some(n) => {
            let next = n.parse::<u32>().unwrap_or(0) + 1;
            Reply::redirect("302 Found", format!("{base}/hop/{next}"))
        }
        None if path == "/good" => Reply::ok("text/html", PAGE),
        None => Reply::not_found(),
    })
}

#[test]
fn five_redirects_are_followed() {
    let base = redirect_chain();
    let v = extract_one(&format!("{base}/hop/1"));
    assert_eq!(v["source"]["origin"], format!("{base}/hop/6").as_str());
}

#[test]
fn a_sixth_redirect_fails_that_url_alone() {
    let base = redirect_chain();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(
        &file,
        "Django is a Python framework known for its batteries.\n",
    )
    .unwrap();
    let too_far = format!("{base}/hop/0");
    let (code, out, err) = run(roundup()
        .arg("extract")
        .arg(&too_far)
        .arg(format!("{base}/good"))
        .arg(&file));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("cannot fetch '{too_far}': more than 5 redirects")),
        "{err}"
    );
    let origins: Vec<String> = json_lines(&out)
        .iter()
        .map(|v| v["source"]["origin"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(origins.len(), 2, "{out}");
    assert_eq!(origins[0], format!("{base}/good"));
    assert!(origins[1].ends_with("a.txt"), "{origins:?}");
}

#[test]
fn an_error_status_is_an_error_naming_the_url() {
    let base = serve(|_, _| Reply::not_found());
    let url = format!("{base}/missing.html");
    let (code, out, err) = run(roundup().args(["clean", &url]));
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!("cannot fetch '{url}': HTTP 404 Not Found")),
        "{err}"
    );
}

#[test]
fn a_content_type_that_is_no_article_is_refused() {
    let base = serve(|_, _| Reply::ok("image/png", b"\x89PNG\r\n\x1a\n\0\0".to_vec()));
    let url = format!("{base}/logo");
    let (code, _, err) = run(roundup().args(["clean", &url]));
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "cannot fetch '{url}': content type 'image/png' is not an article"
        )),
        "{err}"
    );
}

#[test]
fn a_body_over_the_size_limit_is_refused_with_or_without_a_length() {
    let big = "word ".repeat((1 << 20) / 5 + 1);
    let base = serve(move |path, _| {
        let mut reply = Reply::ok("text/plain", big.clone());
        reply.length = path == "/with-length";
        reply
    });
    for path in ["/with-length", "/until-close"] {
        let url = format!("{base}{path}");
        let (code, _, err) = run(roundup().args(["clean", "--max-mib", "1", &url]));
        assert_eq!(code, 1, "{path}");
        assert!(
            err.contains(&format!("cannot fetch '{url}': larger than 1 MiB")),
            "{err}"
        );
    }
}

#[test]
fn a_server_that_never_answers_times_out() {
    // Connections complete in the kernel's backlog, but nothing accepts
    // them, so no reply ever comes.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/slow", silent.local_addr().unwrap());
    let start = Instant::now();
    let (code, _, err) = run(roundup().args(["clean", "--timeout", "1", &url]));
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!("cannot fetch '{url}': timed out after 1 s")),
        "{err}"
    );
    drop(silent);
}

#[test]
fn gzip_transfer_is_undone_and_the_content_type_names_the_format() {
    let markdown = "# Frameworks\n\nFlask is a lightweight Python micro framework.\n";
    let base = serve(move |_, _| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(markdown.as_bytes()).unwrap();
        let mut reply = Reply::ok("text/markdown", enc.finish().unwrap());
        reply.headers.push(("Content-Encoding", "gzip".to_string()));
        reply
    });
    let v = extract_one(&format!("{base}/notes"));
    assert_eq!(v["source"]["format"], "markdown");
    assert!(v["content"].as_str().unwrap().contains("Flask"), "{v}");
}

#[test]
fn the_main_job_reads_urls_too() {
    let base = serve(|_, _| Reply::ok("text/html", PAGE));
    let url = format!("{base}/frameworks.html");
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(roundup().arg("run").arg(&url).arg("--out").arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    let jsonl = std::fs::read_to_string(dir.path().join("articles.jsonl")).unwrap();
    let v = &json_lines(&jsonl)[0];
    assert_eq!(v["source"]["origin"], url.as_str());
}
