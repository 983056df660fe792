#!/usr/bin/env bash
# Does cost grow linearly with size? Scans the generated NDJSON and tweets.js corpora of each
# size (default 10M 100M 1G) on all cores, report to /dev/null, once each, and prints MB/s and
# peak memory per size. Usage: bench/scaling.sh [SIZE...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10M 100M 1G)
cargo build --release --quiet
cargo build --release --quiet --example gen-corpus
echo "| size | file | MB/s | peak RSS |"
echo "|---|---|---:|---:|"
for size in "${sizes[@]}"; do
    out="bench/out/$size"
    [ -s "$out/posts.ndjson" ] || ./target/release/examples/gen-corpus --size "$size" --out "$out" >/dev/null
    for file in posts.ndjson tweets.js; do
        path="$out/$file"
        bytes=$(stat -c %s "$path")
        /usr/bin/time -o "$out/time.txt" -f "%e %M" \
            ./target/release/phiscan scan -q --format jsonl -o /dev/null "$path" 2>/dev/null || true
        read -r seconds kb < <(tail -1 "$out/time.txt")
        echo "| $size | $file | $(echo "scale=1; $bytes / 1048576 / $seconds" | bc -l) | $((kb / 1024)) MB |"
    done
done
