#!/usr/bin/env bash
# Pack the site as a versioned archive an author can host and pin
# (docs/embedding.md): asyncio-playground-VERSION.tar.gz, holding the site
# under a top folder asyncio-playground-VERSION/.
#
#   scripts/release.sh               build the site (trunk build --release) into
#                                    a temporary folder, then pack it
#   scripts/release.sh --no-build    pack dist/ as it is
#   scripts/release.sh --out DIR     write the archive into DIR (default: target/)
#
# VERSION is the root Cargo.toml's [package] version. The archive is
# reproducible: files in name order, owner 0, every mtime the last commit's
# time (or SOURCE_DATE_EPOCH), gzip without a timestamp; no source maps.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
out=target
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) build=0 ;;
        --out) out="${2:?--out needs a folder}"; shift ;;
        -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "release.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

version=$(python3 -c 'import tomllib; print(tomllib.load(open("Cargo.toml", "rb"))["package"]["version"])')
name="asyncio-playground-$version"
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ $build == 1 ]]; then
    export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
    echo "release: building the site (trunk build --release, a few minutes)"
    trunk build --release --dist "$work/dist"
    site="$work/dist"
else
    site=dist
fi
for file in index.html loader.js embed.js embed-demo.html; do
    if [[ ! -f "$site/$file" ]]; then
        echo "release: $site/$file is missing: build the site first (or drop --no-build)" >&2
        exit 1
    fi
done

mkdir -p "$work/$name" "$out"
(cd "$site" && find . -type f ! -name '*.map' ! -path './.stage/*' -print0) |
    (cd "$site" && xargs -0 cp --parents -t "$work/$name")

archive="$(cd "$out" && pwd)/$name.tar.gz"
tar -C "$work" --sort=name --owner=0 --group=0 --numeric-owner --mode='u+rwX,go+rX,go-w' \
    --mtime="@$epoch" --format=gnu -cf - "$name" | gzip -9n >"$archive"

files=$(tar -tzf "$archive" | grep -vc '/$')
size=$(du -k "$archive" | cut -f1)
echo "release: $archive ($size KB, $files files, version $version)"
