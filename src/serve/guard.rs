//! Who may talk to the server, and the headers every answer carries.
//!
//! A browser sends the `Host` it was asked to reach and, for cross-site requests, its page's
//! `Origin`. A hostile page can point a name of its own at 127.0.0.1 (DNS rebinding) but cannot
//! make the browser send `Host: localhost`, so any other host is refused.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;

/// No script, style, image or connection from anywhere but the server itself; no framing, no
/// forms posting elsewhere.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; \
     frame-ancestors 'none'";

/// The host names a request may carry: this machine's, and the address bound to when the
/// user chose one with `--bind`.
#[derive(Clone)]
pub struct AllowedHosts {
    bound: Option<String>,
}

impl AllowedHosts {
    pub fn new(bind: IpAddr) -> AllowedHosts {
        let bound = (!bind.is_loopback() && !bind.is_unspecified()).then(|| bind.to_string());
        AllowedHosts { bound }
    }

    /// Whether `host` (a `Host` header value, port and IPv6 brackets included) is allowed.
    fn allows(&self, host: &str) -> bool {
        let name = match host.strip_prefix('[') {
            Some(rest) => rest.split(']').next().unwrap_or(""),
            None => host.rsplit_once(':').map_or(host, |(name, _)| name),
        };
        let name = name.to_ascii_lowercase();
        matches!(name.as_str(), "localhost" | "127.0.0.1" | "::1")
            || self.bound.as_deref() == Some(name.as_str())
    }

    /// Why the request is refused, if it is.
    fn refusal(&self, headers: &HeaderMap) -> Option<&'static str> {
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        match text(header::HOST) {
            Some(host) if self.allows(host) => {}
            _ => return Some("this server only answers requests addressed to localhost"),
        }
        match text(header::ORIGIN) {
            None => None,
            Some(origin) => {
                let host = origin
                    .strip_prefix("http://")
                    .or_else(|| origin.strip_prefix("https://"));
                match host {
                    Some(host) if self.allows(host) => None,
                    _ => Some("this server only answers its own page"),
                }
            }
        }
    }
}

/// Refuses requests from elsewhere and adds the privacy headers to every response.
pub async fn check(State(allowed): State<AllowedHosts>, request: Request, next: Next) -> Response {
    let mut response = match allowed.refusal(request.headers()) {
        Some(reason) => {
            let body = serde_json::json!({ "error": reason });
            (StatusCode::FORBIDDEN, axum::Json(body)).into_response()
        }
        None => next.run(request).await,
    };
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CACHE_CONTROL, "no-store"),
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_hosts_pass() {
        let local = AllowedHosts::new(IpAddr::from([127, 0, 0, 1]));
        for host in [
            "localhost",
            "localhost:8080",
            "127.0.0.1:9",
            "[::1]:80",
            "LOCALHOST",
        ] {
            assert!(local.allows(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:8080",
            "127.0.0.1.evil.example",
            "",
            "[::2]",
        ] {
            assert!(!local.allows(host), "{host}");
        }
        let lan = AllowedHosts::new(IpAddr::from([192, 168, 1, 20]));
        assert!(lan.allows("192.168.1.20:7878") && lan.allows("localhost"));
    }

    #[test]
    fn foreign_origins_are_refused() {
        let local = AllowedHosts::new(IpAddr::from([127, 0, 0, 1]));
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:7878"));
        assert_eq!(local.refusal(&headers), None);
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:7878"),
        );
        assert_eq!(local.refusal(&headers), None);
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://evil.example"),
        );
        assert!(local.refusal(&headers).is_some());
        headers.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(local.refusal(&headers).is_some());
        headers.remove(header::ORIGIN);
        headers.insert(
            header::HOST,
            HeaderValue::from_static("rebound.evil.example"),
        );
        assert!(local.refusal(&headers).is_some());
    }
}
