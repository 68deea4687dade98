#!/usr/bin/env bash
# Install what is missing, build the page, and serve it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
echo "Serving the asyncio playground on http://127.0.0.1:8080"
exec trunk serve --release
