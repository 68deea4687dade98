#!/usr/bin/env bash
# Build and run every benchmark, then write BENCHMARKS.md at the repository root.
#
#   scripts/bench.sh           build everything, run natively and in headless Chromium (~10-14 min)
#   scripts/bench.sh --pool    only the Web Worker pool (~3 min): build the site, run
#                              crates/bench/web/pool.mjs, and replace that section of BENCHMARKS.md
#   scripts/bench.sh --python  only the Python interpreter (crates/python): the plain programs
#                              crates/bench/python/interp/ (W7: the oracle's plain/*.py) on our
#                              interpreter beside CPython (pyrun.py) natively and beside Pyodide in
#                              Chromium, and the interpreter's wasm size; replaces that section of
#                              BENCHMARKS.md. W1 and W5 take minutes per run (see NOTES.md)
#   scripts/bench.sh --check   only build everything, quickly (dev profile), and check the
#                              harness scripts parse: what scripts/test.sh calls
#
# Environment: BENCH_RUNS (default 5) timed runs per workload, BENCH_WARMUP (1) untimed
# runs before them; BENCH_PYODIDE_RUNS (3) and BENCH_PYODIDE_WARMUP (0) for Pyodide (both its
# loops: the oracle's virtual clock and its own WebLoop), whose runs take seconds each;
# BENCH_CALLGRIND=0 skips the instruction counts (valgrind);
# BENCH_PYTHON=1 adds the Python interpreter's figures to a full run (otherwise the full run keeps
# BENCHMARKS.md's existing "Python interpreter" section), BENCH_PYTHON_RUNS (default BENCH_RUNS)
# and BENCH_PYTHON_WORKLOADS (default "W1 W2 W3 W4 W5 W6 W7") adjust them.
# Builds go to $CARGO_TARGET_DIR (default target/); intermediate results to target/bench-results/.
#
# What runs (details in BENCHMARKS.md and crates/bench/):
#   native   target/fast/bench-native (our engine, tokio, smol) and
#            crates/bench/python/bench_cpython.py (CPython), one process per system, workload and run
#   browser  crates/bench/web/run.mjs: the bench crate's wasm (our engine, spawn_local), Pyodide (on
#            the oracle's virtual-clock loop, and on its own WebLoop: python/webloop.py), and the site
#            built by `trunk build --release` (page weight, time to the gallery, the Web Worker
#            pool: crates/bench/web/pool.mjs calling the page's src/bench_api.rs, and the heaviest
#            lessons at their maxima in its instant mode beside target/fast/asyncio-play:
#            crates/bench/web/maxima.mjs)
# Benchmarks are never asserted: this script fails only when something does not build or run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never

mode=run
case "${1:-}" in
    --check) mode=check ;;
    --pool) mode=pool ;;
    --python) mode=python ;;
    "") ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    *) echo "usage: scripts/bench.sh [--check | --pool | --python]" >&2; exit 2 ;;
esac

RUNS=${BENCH_RUNS:-5}
WARMUP=${BENCH_WARMUP:-1}
PYODIDE_RUNS=${BENCH_PYODIDE_RUNS:-3}
PYODIDE_WARMUP=${BENCH_PYODIDE_WARMUP:-0}
REFERENCE="$(cd .. && pwd)/shared/reference"
WORKLOADS=(W1 W2 W3 W4 W5 W6 W7)
read -r -a PY_WORKLOADS <<< "${BENCH_PYTHON_WORKLOADS:-W1 W2 W3 W4 W5 W6 W7}"
PY_RUNS=${BENCH_PYTHON_RUNS:-$RUNS}
TARGET=${CARGO_TARGET_DIR:-target}
PKG=target/bench-web/pkg
PKG_FAST=target/bench-web/pkg-fast
PKG_PY=target/bench-web/pkg-python
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
commit = sh("git", "rev-parse", "--short", "HEAD") + (" + uncommitted changes" if sh("git", "status", "--porcelain", "--", ".", ":!BENCHMARKS.md") else "")
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
    python3 - crates/bench/python/*.py crates/bench/python/interp/*.py crates/bench/report.py <<'EOF'
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

# The Python interpreter's wasm alone (feature python-only: only src/web_python.rs's exports),
# optimised as Trunk optimises the site's (wasm-opt -Oz), then its size, raw and gzip -9. It overwrites
# the full build's asyncio_bench.wasm, which has been bound into $PKG already.
python_size() {
    step "build the interpreter's wasm alone (wasm32, release-code profile as the #code= build, feature python-only) and weigh it"
    cargo build --quiet -p asyncio-bench --lib --target wasm32-unknown-unknown --profile release-code \
        --features python-only
    wasm-bindgen --target web --out-dir "$PKG_PY" "$TARGET"/wasm32-unknown-unknown/release-code/asyncio_bench.wasm
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-multivalue --enable-reference-types \
        -o "$PKG_PY/asyncio_bench_bg.opt.wasm" "$PKG_PY/asyncio_bench_bg.wasm"
    python3 - "$PKG_PY" > "$OUT/python-size.json" <<'EOF'
import gzip, json, os, sys
pkg = sys.argv[1]
def size(name):
    data = open(os.path.join(pkg, name), "rb").read()
    return {"raw": len(data), "gzip": len(gzip.compress(data, 9, mtime=0))}
json.dump({"wasm": size("asyncio_bench_bg.wasm"), "wasm_opt": size("asyncio_bench_bg.opt.wasm"),
           "js": size("asyncio_bench.js")}, sys.stdout)
EOF
}

# The plain programs natively: our interpreter (bench-native python) and CPython through pyrun.py
# (bench_cpython.py --plain), one process per system, workload and run, interleaved.
python_native() {
    step "native: our Python interpreter and CPython (pyrun.py) on the plain programs ($PY_RUNS interleaved runs, each after $WARMUP warm-up)"
    : > "$OUT/python-native.jsonl"
    for w in "${PY_WORKLOADS[@]}"; do
        for ((run = 1; run <= PY_RUNS; run++)); do
            "$TARGET"/fast/bench-native --runs 1 --warmup "$WARMUP" --reference "$REFERENCE" python "$w" \
                >> "$OUT/python-native.jsonl"
            python3 crates/bench/python/bench_cpython.py --plain --runs 1 --warmup "$WARMUP" \
                --reference "$REFERENCE" "$w" >> "$OUT/python-native.jsonl"
        done
        printf '  %s done\n' "$w" >&2
    done
}

step "build the native benchmarks and the lessons' runner (fast profile)"
cargo build --quiet -p asyncio-bench --profile fast --bin bench-native
cargo build --quiet -p asyncio-scenarios --profile fast --bin asyncio-play
step "build the browser benchmarks (wasm32, release profile) and bind them"
cargo build --quiet -p asyncio-bench --lib --target wasm32-unknown-unknown --profile release
wasm-bindgen --target web --out-dir "$PKG" "$TARGET"/wasm32-unknown-unknown/release/asyncio_bench.wasm
step "build the browser benchmarks again with the fast profile (opt-level 3), for comparison"
cargo build --quiet -p asyncio-bench --lib --target wasm32-unknown-unknown --profile fast
wasm-bindgen --target web --out-dir "$PKG_FAST" "$TARGET"/wasm32-unknown-unknown/fast/asyncio_bench.wasm
step "build the site (trunk build --release --dist $SITE)"
trunk build --release --dist "$SITE" >&2

if [[ $mode == python ]]; then
    python_size
    python_native
    step "browser: our Python interpreter and Pyodide (pyrun.py) on the plain programs, the page's first load"
    node crates/bench/web/run.mjs --pkg "$PKG" --pkg-fast "$PKG_FAST" --dist "$SITE" --reference "$REFERENCE" \
        --python-only --workloads "$(IFS=,; echo "${PY_WORKLOADS[*]}")" --runs "$PY_RUNS" --warmup "$WARMUP" \
        --pyodide-runs "$PYODIDE_RUNS" --pyodide-warmup "$PYODIDE_WARMUP" > "$OUT/python-browser.json"
    RUNS=$PY_RUNS write_meta "$OUT/meta-python.json"
    python3 crates/bench/report.py --python-only --python-native "$OUT/python-native.jsonl" \
        --browser "$OUT/python-browser.json" --python-size "$OUT/python-size.json" --meta "$OUT/meta-python.json" \
        --out BENCHMARKS.md
    echo "updated the Python interpreter's section of BENCHMARKS.md in $((SECONDS - start)) s" >&2
    exit 0
fi
PYTHON_ARGS=()
if [[ ${BENCH_PYTHON:-0} == 1 ]]; then
    python_size
    python_native
    PYTHON_ARGS=(--python-native "$OUT/python-native.jsonl" --python-size "$OUT/python-size.json")
fi

# One process per system, workload and run, the systems interleaved run by run: a change of
# load on the shared machine then hits every system alike, and each process's peak RSS is its
# workload's.
step "native: our engine, tokio, smol, CPython $(python3 -c 'import sys; print(sys.version.split()[0])') ($RUNS interleaved runs, each after $WARMUP warm-up)"
: > "$OUT/native.jsonl"
for w in "${WORKLOADS[@]}"; do
    for ((run = 1; run <= RUNS; run++)); do
        for system in engine tokio smol; do
            "$TARGET"/fast/bench-native --runs 1 --warmup "$WARMUP" "$system" "$w" >> "$OUT/native.jsonl"
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
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$TARGET"/fast/bench-native \
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

step "browser: headless Chromium (page figures, wasm engine, spawn_local, Pyodide and its WebLoop, Web Worker pool, lessons at their maxima)"
node crates/bench/web/run.mjs --pkg "$PKG" --pkg-fast "$PKG_FAST" --dist "$SITE" --reference "$REFERENCE" \
    --runs "$RUNS" --warmup "$WARMUP" --pyodide-runs "$PYODIDE_RUNS" --pyodide-warmup "$PYODIDE_WARMUP" \
    --maxima --runner "$TARGET"/fast/asyncio-play \
    $([[ ${BENCH_PYTHON:-0} == 1 ]] && echo --python) > "$OUT/browser.json"

step "write BENCHMARKS.md"
write_meta "$OUT/meta.json"
python3 crates/bench/report.py --native "$OUT/native.jsonl" --browser "$OUT/browser.json" --meta "$OUT/meta.json" \
    "${CALLGRIND_ARGS[@]}" "${PYTHON_ARGS[@]}" --notes crates/bench/NOTES.md --out BENCHMARKS.md
echo "wrote BENCHMARKS.md in $((SECONDS - start)) s" >&2
