#!/usr/bin/env bash
# Install what is missing, then run every test of the playground:
#   1. rustfmt check          5. browser tests (wasm-bindgen-test, headless Chromium)
#   2. clippy, warnings denied 6. end-to-end tests of the served page (node --test)
#   3. generated files current 7. oracle comparison of every scenario
#   4. host tests             8. Python programs run by pyrun.py
#                             9. the interpreter's corpora (userprog/, plain/) byte for byte
#                            10. the benchmark command still builds (it is never timed here)
# Every step runs even when an earlier one failed; the summary at the end
# names the failed steps and the exit status is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --test || { echo "setup failed"; exit 1; }
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TERM_COLOR=never

failed=()
passed=()
run_step() {
    local name="$1"; shift
    local start=$SECONDS
    printf '\n\033[1m==> %s\033[0m\n' "$name"
    if "$@"; then
        passed+=("$name ($((SECONDS - start)) s)")
    else
        failed+=("$name ($((SECONDS - start)) s)")
    fi
}

run_step "rustfmt" cargo fmt --all --check
run_step "clippy (host)" cargo clippy --workspace --all-targets --quiet -- -D warnings
run_step "clippy (wasm)" cargo clippy -p asyncio-playground --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
run_step "generated metadata" python3 scripts/gen_meta.py --check
run_step "host tests" cargo test --workspace
run_step "site build" trunk build --release
run_step "browser tests" cargo test -p asyncio-playground --target wasm32-unknown-unknown --tests
run_step "end-to-end tests" node --test tests/e2e/
run_step "oracle comparison" bash -c 'cargo build --quiet -p asyncio-scenarios --bin asyncio-play && python3 scripts/oracle.py --quiet'
run_step "python programs" python3 scripts/plain_check.py
run_step "python corpus (interpreter)" bash -c 'cargo build --quiet -p asyncio-scenarios --bin asyncio-play && python3 scripts/python_corpus.py --quiet --bin target/debug/asyncio-play'
run_step "benchmarks build" scripts/bench.sh --check

printf '\n\033[1m==> summary\033[0m\n'
for p in "${passed[@]}"; do echo "passed: $p"; done
for f in "${failed[@]}"; do echo "FAILED: $f"; done
if ((${#failed[@]})); then
    exit 1
fi
echo "all test steps passed"
