#!/usr/bin/env bash
# Validates phiscan's SARIF with Microsoft's SARIF Multitool, using the rule kinds GitHub code
# scanning's ingestion rules are written in ("Sarif;Gh"). Fails on any error or warning.
# The Multitool comes from the npm registry (@microsoft/sarif-multitool-linux) into a cache
# folder; nothing is installed globally.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${PHISCAN_TOOLS_DIR:-target/tools}"
multitool="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$multitool" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund @microsoft/sarif-multitool-linux@5 >/dev/null
  chmod u+x "$multitool"
fi
# The debug binary `cargo test` already built: a release build would double the CI time.
cargo build --quiet
sarif="$tools/phiscan.sarif"
# Exit 1 (findings) is expected here; 2 would be an error.
"${CARGO_TARGET_DIR:-target}/debug/phiscan" scan --no-config -f sarif -o "$sarif" examples tests/fixtures/planted tests/fixtures/broken || [ $? -le 2 ]
log="$tools/validate.log"
"$multitool" validate --rule-kind "Sarif;Gh" "$sarif" >"$log" 2>&1 || { cat "$log"; exit 1; }
if grep -E ': (error|warning) (SARIF|GH)[0-9]+' "$log"; then
  echo "SARIF validation found errors or warnings" >&2
  exit 1
fi
echo "SARIF valid: $(grep -c '"ruleId"' "$sarif") results, no errors or warnings (Sarif;Gh rules)"
