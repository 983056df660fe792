#!/usr/bin/env bash
# Browser tests: starts `phiscan serve` on a free port and drives the page in headless Chromium
# with tests/browser/serve.mjs, then opens an HTML report of the examples and planted fixtures
# with tests/browser/report.mjs (playwright-core, pinned in package-lock.json).
# Installs Debian's chromium when it is missing and we are root; otherwise fails loudly.
# SCREENSHOT=docs/serve.png refreshes the README's picture (default: target/serve.png).
set -euo pipefail
cd "$(dirname "$0")/.."
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    echo "WARNING: Chromium not found at $chromium: the browser test needs it." >&2
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "WARNING: installing Debian's chromium package for the browser test." >&2
        apt-get install -y -qq chromium >/dev/null
    fi
    [ -x "$chromium" ] || { echo "ERROR: Chromium is missing; the browser test did NOT run." >&2; exit 1; }
fi
(cd tests/browser && npm ci --no-audit --no-fund --silent)
cargo build --quiet
out=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$out"' EXIT
"${CARGO_TARGET_DIR:-target}/debug/phiscan" serve --port 0 --no-config >"$out/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do
    url=$(grep -o 'http://[^ ]*' "$out/serve.log" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$out/serve.log" >&2; echo "ERROR: phiscan serve did not start" >&2; exit 1; }
screenshot="${SCREENSHOT:-target/serve.png}"
mkdir -p "$(dirname "$screenshot")"
CHROMIUM="$chromium" node tests/browser/serve.mjs "$url" "$screenshot"
"${CARGO_TARGET_DIR:-target}/debug/phiscan" scan --no-config -f html -o "$out/report.html" examples tests/fixtures/planted || [ $? -eq 1 ]
CHROMIUM="$chromium" node tests/browser/report.mjs "$out/report.html" "${REPORT_SCREENSHOT:-target/report.png}"
