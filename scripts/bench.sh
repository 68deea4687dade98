#!/usr/bin/env bash
# Build and run every benchmark, then write BENCHMARKS.md at the repository root.
#
#   scripts/bench.sh           build everything, run natively and in headless Chromium (~7-10 min)
#   scripts/bench.sh --pool    only the Web Worker pool (~3 min): build the site, run
#                              crates/bench/web/pool.mjs, and replace that section of BENCHMARKS.md
#   scripts/bench.sh --check   only build everything, quickly (dev profile), and check the
#                              harness scripts parse: what scripts/test.sh calls
#
# Environment: BENCH_RUNS (default 5) timed runs per workload, BENCH_WARMUP (1) untimed
# runs before them; BENCH_PYODIDE_RUNS (3) and BENCH_PYODIDE_WARMUP (0) for Pyodide, whose
# runs take seconds each; BENCH_CALLGRIND=0 skips the instruction counts (valgrind).
# Intermediate results go to target/bench-results/.
#
# What runs (details in BENCHMARKS.md and crates/bench/):
#   native   target/fast/bench-native (our engine, tokio, smol) and
#            crates/bench/python/bench_cpython.py (CPython), one process per system, workload and run
#   browser  crates/bench/web/run.mjs: the bench crate's wasm (our engine, spawn_local), Pyodide,
#            and the site built by `trunk build --release` (page weight, time to the gallery,
#            and the Web Worker pool: crates/bench/web/pool.mjs calling the page's src/bench_api.rs)
# Benchmarks are never asserted: this script fails only when something does not build or run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never

mode=run
case "${1:-}" in
    --check) mode=check ;;
    --pool) mode=pool ;;
    "") ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "usage: scripts/bench.sh [--check | --pool]" >&2; exit 2 ;;
esac

RUNS=${BENCH_RUNS:-5}
WARMUP=${BENCH_WARMUP:-1}
PYODIDE_RUNS=${BENCH_PYODIDE_RUNS:-3}
PYODIDE_WARMUP=${BENCH_PYODIDE_WARMUP:-0}
REFERENCE="$(cd .. && pwd)/shared/reference"
WORKLOADS=(W1 W2 W3 W4 W5 W6 W7)
PKG=target/bench-web/pkg
PKG_FAST=target/bench-web/pkg-fast
OUT=target/bench-results

step() { printf '\n==> %s\n' "$*" >&2; }

# The environment of this run, for report.py.
lock_version() { grep -A1 "^name = \"$1\"$" Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p' | head -1; }
write_meta() {
    python3 - "$1" <<EOF
import json, subprocess, sys, datetime
def sh(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
commit = sh("git", "rev-parse", "--short", "HEAD") + (" + uncommitted changes" if sh("git", "status", "--porcelain") else "")
json.dump({
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    "commit": commit, "cpu": cpu, "cores": sh("nproc"),
    "load_before": "$load_before", "load_after": " ".join(open("/proc/loadavg").read().split()[:3]),
    "rustc": sh("rustc", "-V"), "python": sys.version.split()[0], "node": "node " + sh("node", "--version"),
    "tokio": "$(lock_version tokio)", "async_executor": "$(lock_version async-executor)",
    "runs": $RUNS, "warmup": $WARMUP, "pyodide_runs": $PYODIDE_RUNS, "pyodide_warmup": $PYODIDE_WARMUP,
}, open(sys.argv[1], "w"))
EOF
}

if [[ $mode == check ]]; then
    step "build the native benchmarks (dev profile)"
    cargo build --quiet -p asyncio-bench --bins
    step "build the browser benchmarks (wasm32, dev profile)"
    cargo build --quiet -p asyncio-bench --lib --target wasm32-unknown-unknown
    step "check the harness scripts parse"
    python3 - crates/bench/python/*.py crates/bench/report.py <<'EOF'
import ast, sys
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        ast.parse(f.read(), path)
EOF
    for js in crates/bench/web/*.mjs crates/bench/web/*.js; do node --check "$js"; done
    bash -n "$0"
    echo "bench check passed: everything builds" >&2
    exit 0
fi

start=$SECONDS
mkdir -p "$OUT"
if [[ ! -d node_modules/pyodide || ! -d node_modules/playwright-core ]]; then
    step "npm install (pyodide, playwright-core)"
    npm install --no-audit --no-fund >&2
fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The site goes to its own folder: dist/ belongs to `trunk serve` and the tests, which may be
# running at the same time.
SITE="$PWD/target/bench-site"

if [[ $mode == pool ]]; then
    step "build the site (trunk build --release --dist $SITE)"
    trunk build --release --dist "$SITE" >&2
    step "browser: the Web Worker pool in headless Chromium"
    node crates/bench/web/run.mjs --dist "$SITE" --pool-only > "$OUT/pool.json"
    write_meta "$OUT/meta-pool.json"
    python3 crates/bench/report.py --pool-only --browser "$OUT/pool.json" --meta "$OUT/meta-pool.json" \
        --out BENCHMARKS.md
    echo "updated the Web Worker pool's section of BENCHMARKS.md in $((SECONDS - start)) s" >&2
    exit 0
fi

step "build the native benchmarks (fast profile)"
cargo build --quiet -p asyncio-bench --profile fast --bin bench-native
step "build the browser benchmarks (wasm32, release profile) and bind them"
cargo build --quiet -p asyncio-bench --lib --target wasm32-unknown-unknown --profile release
wasm-bindgen --target web --out-dir "$PKG" target/wasm32-unknown-unknown/release/asyncio_bench.wasm
step "build the browser benchmarks again with the fast profile (opt-level 3), for comparison"
cargo build --quiet -p asyncio-bench --lib --target wasm32-unknown-unknown --profile fast
wasm-bindgen --target web --out-dir "$PKG_FAST" target/wasm32-unknown-unknown/fast/asyncio_bench.wasm
step "build the site (trunk build --release --dist $SITE)"
trunk build --release --dist "$SITE" >&2

# One process per system, workload and run, the systems interleaved run by run: a change of
# load on the shared machine then hits every system alike, and each process's peak RSS is its
# workload's.
step "native: our engine, tokio, smol, CPython $(python3 -c 'import sys; print(sys.version.split()[0])') ($RUNS interleaved runs, each after $WARMUP warm-up)"
: > "$OUT/native.jsonl"
for w in "${WORKLOADS[@]}"; do
    for ((run = 1; run <= RUNS; run++)); do
        for system in engine tokio smol; do
            target/fast/bench-native --runs 1 --warmup "$WARMUP" "$system" "$w" >> "$OUT/native.jsonl"
        done
        python3 crates/bench/python/bench_cpython.py --runs 1 --warmup "$WARMUP" --reference "$REFERENCE" "$w" \
            >> "$OUT/native.jsonl"
    done
    printf '  %s done\n' "$w" >&2
done

# Instruction counts do not depend on the load of the machine: they back the timings.
if [[ ${BENCH_CALLGRIND:-1} != 0 ]] && command -v valgrind > /dev/null; then
    step "native: instructions per operation (valgrind --tool=callgrind, one repetition each)"
    callgrind() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null target/fast/bench-native \
            --runs "$1" --warmup 0 --min-time 0 "$2" "$3" 2> "$OUT/callgrind.err" > "$OUT/callgrind.out"
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$OUT/callgrind.err"
    }
    baseline=$(callgrind 0 engine W1)   # process start and exit, no workload
    : > "$OUT/callgrind.jsonl"
    for system in engine tokio smol; do
        for w in "${WORKLOADS[@]}"; do
            instructions=$(callgrind 1 "$system" "$w")
            if grep -q '"ops"' "$OUT/callgrind.out"; then
                sed "s/}\$/, \"instructions\": $((instructions - baseline))}/" "$OUT/callgrind.out" >> "$OUT/callgrind.jsonl"
            fi
        done
        printf '  %s done\n' "$system" >&2
    done
    CALLGRIND_ARGS=(--callgrind "$OUT/callgrind.jsonl")
else
    CALLGRIND_ARGS=()
fi

step "browser: headless Chromium (page figures, wasm engine, spawn_local, Pyodide, Web Worker pool)"
node crates/bench/web/run.mjs --pkg "$PKG" --pkg-fast "$PKG_FAST" --dist "$SITE" --reference "$REFERENCE" \
    --runs "$RUNS" --warmup "$WARMUP" --pyodide-runs "$PYODIDE_RUNS" --pyodide-warmup "$PYODIDE_WARMUP" \
    > "$OUT/browser.json"

step "write BENCHMARKS.md"
write_meta "$OUT/meta.json"
python3 crates/bench/report.py --native "$OUT/native.jsonl" --browser "$OUT/browser.json" --meta "$OUT/meta.json" \
    "${CALLGRIND_ARGS[@]}" --notes crates/bench/NOTES.md --out BENCHMARKS.md
echo "wrote BENCHMARKS.md in $((SECONDS - start)) s" >&2
