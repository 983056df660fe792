//! `phiscan serve`: a draft checker in the browser for people who never open a terminal.
//!
//! One self-contained page (HTML, CSS and JavaScript embedded in the binary: no CDN, no fonts,
//! no network) and one JSON endpoint, `POST /api/scan`, that runs the same engine, rules and
//! configuration as `phiscan scan` and answers with the `--format json` report plus the
//! Safe-Harbor-redacted text.
//!
//! What a user pastes is health information about real people, so the server is careful:
//! bound to loopback unless told otherwise; nothing it receives is written to disk or logged;
//! every response is `Cache-Control: no-store` under a strict Content-Security-Policy; request
//! bodies are limited; and a request whose `Host` or `Origin` is not this machine is refused,
//! so that a web page elsewhere cannot reach the server through DNS rebinding.

mod guard;

use crate::config::Config;
use crate::engine::Engine;
use crate::inputs::{Format, Source};
use crate::report::ScanReport;
use crate::scan::{self, ScanSettings};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

const PAGE: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/app.css");

/// How `phiscan serve` was asked to run.
pub struct ServeOptions {
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the page in the default browser once listening.
    pub open: bool,
    /// Largest request body accepted, in bytes.
    pub max_request_bytes: usize,
}

/// What every request shares: the compiled rules and the configuration.
struct Scanner {
    engine: Engine,
    config: Config,
    max_request_bytes: usize,
}

/// Serves until the process is stopped. Errors are those of starting up (the port is taken).
pub fn run(options: ServeOptions, engine: Engine, config: Config) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(serve(options, engine, config))
}

async fn serve(options: ServeOptions, engine: Engine, config: Config) -> Result<(), String> {
    let address = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen on {address}: {e}"))?;
    let address = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    if !options.bind.is_loopback() {
        eprintln!(
            "phiscan serve: WARNING: listening on {address}, reachable from other machines; \
             anyone who can reach it can scan text through it. Use the default 127.0.0.1 unless you mean it."
        );
    }
    let url = match address.ip() {
        ip if ip.is_unspecified() => format!("http://127.0.0.1:{}/", address.port()),
        IpAddr::V6(ip) => format!("http://[{ip}]:{}/", address.port()),
        IpAddr::V4(ip) => format!("http://{ip}:{}/", address.port()),
    };
    println!("phiscan serve: open {url} in your browser (Ctrl-C to stop)");
    if options.open {
        open_browser(&url);
    }
    let scanner = Arc::new(Scanner {
        engine,
        config,
        max_request_bytes: options.max_request_bytes,
    });
    let allowed = guard::AllowedHosts::new(options.bind);
    let app = Router::new()
        .route(
            "/",
            get(|| async { page(PAGE, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { page(SCRIPT, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/app.css",
            get(|| async { page(STYLE, "text/css; charset=utf-8") }),
        )
        .route("/api/scan", post(scan_request))
        // The handler reports an oversized body itself, in words; axum's own limit is lifted
        // just above ours so that it never answers first.
        .layer(DefaultBodyLimit::max(options.max_request_bytes + 1))
        .with_state(scanner)
        .layer(axum::middleware::from_fn_with_state(allowed, guard::check));
    axum::serve(listener, app)
        .await
        .map_err(|e| format!("the server stopped: {e}"))
}

fn page(body: &'static str, content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// A JSON error the page shows as is.
fn failure(status: StatusCode, message: impl Into<String>) -> Response {
    let body = serde_json::json!({ "error": message.into() });
    (status, axum::Json(body)).into_response()
}

#[derive(serde::Deserialize)]
struct ScanQuery {
    /// The dropped file's name: it chooses the format, as a path does for `phiscan scan`.
    name: Option<String>,
}

#[derive(serde::Deserialize)]
struct DraftRequest {
    text: String,
}

/// `POST /api/scan`: a JSON body `{"text": "..."}` scans a draft; any other body is a file,
/// named by `?name=`, read as `phiscan scan` would read it from disk.
async fn scan_request(
    State(scanner): State<Arc<Scanner>>,
    Query(query): Query<ScanQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let limit = scanner.max_request_bytes;
    let too_big = || {
        failure(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "This is more than the {} this page accepts. Scan big files with `phiscan scan FILE` instead.",
                human_size(limit)
            ),
        )
    };
    let body = match body {
        Ok(body) if body.len() > limit => return too_big(),
        Ok(body) => body,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return too_big(),
        Err(e) => return failure(e.status(), format!("could not read the request: {e}")),
    };
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let source = if is_json {
        match serde_json::from_slice::<DraftRequest>(&body) {
            Ok(draft) => Source::Text(draft.text),
            Err(e) => {
                return failure(
                    StatusCode::BAD_REQUEST,
                    format!("expected {{\"text\": \"...\"}}: {e}"),
                );
            }
        }
    } else {
        let name = query.name.unwrap_or_else(|| "upload".to_string());
        // Only the file's own name: a path in it must not look like a place on this machine.
        let name = name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("upload")
            .to_string();
        Source::Upload {
            name,
            bytes: body.to_vec(),
        }
    };
    let worker = Arc::clone(&scanner);
    match tokio::task::spawn_blocking(move || worker.scan(source)).await {
        Ok(answer) => (StatusCode::OK, axum::Json(answer)).into_response(),
        Err(_) => failure(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the scan stopped unexpectedly; nothing was stored",
        ),
    }
}

impl Scanner {
    /// The `--format json` report of one source, plus the redacted text of a draft. A draft is
    /// read as plain text whatever it looks like, so that finding offsets are offsets into
    /// the text box.
    fn scan(&self, source: Source) -> serde_json::Value {
        let is_draft = matches!(source, Source::Text(_));
        let settings = ScanSettings {
            input_format: is_draft.then_some(Format::Text),
            ..ScanSettings::new(&self.engine, &self.config)
        };
        let redacted = match &source {
            Source::Text(text) => {
                let (copy, _, _) = crate::safe_harbor::redact_text(
                    &settings,
                    Format::Text,
                    text.clone(),
                    "<text>",
                );
                Some(copy)
            }
            _ => None,
        };
        let (files, errors) = scan::scan(std::slice::from_ref(&source), &settings);
        let report = ScanReport::new(files, errors);
        let mut answer = crate::reports::json::to_value(&report);
        if let (Some(copy), Some(object)) = (redacted, answer.as_object_mut()) {
            object.insert("redacted".into(), serde_json::Value::String(copy));
        }
        answer
    }
}

fn human_size(bytes: usize) -> String {
    let rounded = |unit: usize| (bytes + unit / 2) / unit;
    if bytes >= 1 << 20 {
        format!("{} MB", rounded(1 << 20))
    } else if bytes >= 1 << 10 {
        format!("{} KB", rounded(1 << 10))
    } else {
        format!("{bytes} bytes")
    }
}

/// Asks the desktop to open `url`; says so when it cannot, the address being printed anyway.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = command {
        eprintln!("phiscan serve: could not open a browser ({e}); open the address above by hand");
    }
}
