#!/usr/bin/env bash
# Runs `phiscan eval` on every shared corpus, each scored on the labels it annotates
# (../shared/corpora/MANIFEST.json), and prints the full reports. The README's table comes from this.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora="${1:-../shared/corpora}"
cargo build --release --quiet
run() { ./target/release/phiscan eval --no-config "$corpora/$1" "${@:2}"; }
run dev_social.jsonl
run presidio_synth.jsonl --labels NAME,ADDRESS,LOCATION,ZIP,DATE,AGE,PHONE,FAX,EMAIL,SSN,CREDIT_CARD,LICENSE,URL,IP,ACCOUNT
run meddocan.jsonl
run btc_twitter.jsonl --labels NAME,LOCATION
run wnut17.jsonl --labels NAME,LOCATION
# The same hospital posts and synthetic records with every name replaced by a made-up one no
# shipped list has: how much detection leans on the census lists.
run dev_social.jsonl --unlisted-names
run presidio_synth.jsonl --labels NAME,ADDRESS,LOCATION,ZIP,DATE,AGE,PHONE,FAX,EMAIL,SSN,CREDIT_CARD,LICENSE,URL,IP,ACCOUNT --unlisted-names
