#!/usr/bin/env bash
# Install whatever is missing to build (and, with --test, to test) the
# playground on a fresh Debian 12 machine of this project's kind. Idempotent:
# when everything is present it only checks versions (a few seconds).
#
#   scripts/setup.sh          wasm target, wasm-bindgen-cli, Trunk, npm packages
#   scripts/setup.sh --test   the same plus Debian's chromium and chromium-driver
#
# Pinned versions and traps: ../shared/TOOLCHAIN.md.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
    # --locked fails for this crate (its lock names a yanked version).
    step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]]; then
    # Trunk 0.22 needs a newer rustc than this machine has: pin 0.21.
    step "installing trunk $TRUNK_VERSION (about 6 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# npm packages: wasm-opt (binaryen; never Debian's, whose wasm does not load)
# and playwright-core for the end-to-end tests.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    step "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
fi

if [[ $want_test == 1 ]]; then
    if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
        step "installing chromium and chromium-driver"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
    fi
fi

# Trunk builds offline (Trunk.toml): fetch the crates once.
if [[ ! -f target/.fetched || Cargo.lock -nt target/.fetched ]]; then
    step "fetching crates"
    cargo fetch --quiet
    mkdir -p target && touch target/.fetched
fi
