#!/usr/bin/env bash
# Measures phiscan against the limits of the machine, on the same files in one run:
#   cat (memory bandwidth), ripgrep with bench/naive_patterns.txt (a detector that only matches
#   patterns), phiscan with the full shipped rules on 1 and 2 threads (report to /dev/null),
#   peak memory, and the latency of one 280-character draft with `scan --text`.
# Usage: bench/run.sh [SIZE]   (SIZE like 10M, 100M, 1G; default 100M)
# Prints a Markdown table for the README. Installs ripgrep, hyperfine and GNU time from the
# distribution's packages when they are missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-100M}"
out="bench/out/$size"

need() {
    command -v "$1" >/dev/null 2>&1 && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -qq "$2" >/dev/null 2>&1 || true
    fi
    command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is missing (package $2)" >&2; exit 2; }
}
need rg ripgrep
need hyperfine hyperfine
[ -x /usr/bin/time ] || need /usr/bin/time time

cargo build --release --quiet
cargo build --release --quiet --example gen-corpus
[ -s "$out/posts.ndjson" ] || ./target/release/examples/gen-corpus --size "$size" --out "$out"
phiscan=./target/release/phiscan

# Best of $RUNS wall-clock runs (default 3), in seconds; the command's own output goes nowhere.
seconds() {
    local best=""
    for _ in $(seq "${RUNS:-3}"); do
        local start end took
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        took=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$took < $best" | bc -l)" = 1 ]; then best=$took; fi
    done
    echo "$best"
}
# Peak resident memory of one run, in MB.
peak_mb() {
    /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1024}'
}
mbps() { echo "scale=1; $1 / 1048576 / $2" | bc -l; }

echo "| file | tool | MB/s | posts/s | vs ripgrep | peak RSS |"
echo "|---|---|---:|---:|---:|---:|"
for file in posts.ndjson tweets.js posts.txt; do
    path="$out/$file"
    bytes=$(stat -c %s "$path")
    posts=$(grep -c '"text"\|"full_text"' "$path" || true)
    [ "$file" = posts.txt ] && posts=$(grep -c . "$path")
    cat_s=$(seconds cat "$path")
    rg_s=$(seconds rg -c -f bench/naive_patterns.txt "$path")
    rg_mbps=$(mbps "$bytes" "$rg_s")
    echo "| $file | cat | $(mbps "$bytes" "$cat_s") | | | |"
    echo "| $file | ripgrep, naive patterns | $rg_mbps | | 1 | $(peak_mb rg -c -f bench/naive_patterns.txt "$path") MB |"
    for threads in 1 2; do
        run=("$phiscan" scan --no-config -j "$threads" --format jsonl "$path")
        s=$(seconds "${run[@]}")
        m=$(mbps "$bytes" "$s")
        echo "| $file | phiscan, $threads thread(s) | $m | $(echo "$posts / $s" | bc) | $(echo "scale=3; $m / $rg_mbps" | bc -l) | $(peak_mb "${run[@]}") MB |"
    done
done

# 100 user rules of the kinds organisations add (bench/extra_rules.toml), on the NDJSON file.
extra=bench/extra_rules.toml
path="$out/posts.ndjson"
bytes=$(stat -c %s "$path")
base_s=$(seconds "$phiscan" scan --no-config -j 1 --format jsonl "$path")
extra_s=$(seconds "$phiscan" scan --no-config --rules "$extra" -j 1 --format jsonl "$path")
echo
echo "100 extra user rules on posts.ndjson, 1 thread: $(mbps "$bytes" "$base_s") MB/s without, $(mbps "$bytes" "$extra_s") MB/s with ($(echo "scale=1; 100 * ($extra_s - $base_s) / $extra_s" | bc -l)% of throughput lost)."

draft="Happy 96th birthday to our resident Rosa Delgado! 🎂 She was admitted to the memory-care unit on 3/14/2021 and our nurses threw her a party. Call her daughter at (555) 201-7734 or email rosa.family@example.com to send wishes. #MemoryCare"
hyperfine --style none --runs 30 --warmup 3 -N -i --export-json "$out/draft.json" \
    "$phiscan scan --no-config --text '$draft'" >/dev/null 2>&1 || true
median=$(python3 -c "import json,sys; r=json.load(open('$out/draft.json'))['results'][0]; print('%.1f' % (r['median']*1000))" 2>/dev/null || echo "?")
echo
echo "One ${#draft}-character draft, \`scan --text\`, process start to exit: median $median ms over 30 runs."
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')."
