"""Minify the site's own scripts and style sheets in Trunk's staging directory.

Called by scripts/csp.py (the one post_build hook that writes index.html).
Trunk 0.21's own `--minify` cannot parse wasm-bindgen's glue ("Failed to
minify JS") and leaves it whole, so this runs esbuild (already a dependency:
it bundles the editor) over:
- the wasm-bindgen glue `playground.js`, `playground_code.js` and `worker.js`;
- `loader.js` (written by csp.py);
- every `.css`.

`editor.js` is minified when bundled, and `embed.js` stays readable for the
authors who copy it. Minifying saves about 6 kB gzip on the gallery's first
load (the glue 10.4 -> 7.7 kB, the style sheets 10.4 -> 7.4 kB).

Trunk wrote `integrity="sha384-..."` for the files it links from index.html;
after minifying, those digests are recomputed. A file that is not minified
keeps its digest.
"""

import base64
import hashlib
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ESBUILD = os.path.join(ROOT, "node_modules", ".bin", "esbuild")
SCRIPTS = ("playground.js", "playground_code.js", "worker.js", "loader.js")


def sri(path: str) -> str:
    """The `sha384-...` digest of a file, as Trunk writes it."""
    with open(path, "rb") as f:
        return "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode("ascii")


def esbuild(path: str) -> None:
    """Minify one file in place: an ES module, or a style sheet."""
    args = [ESBUILD, path, "--minify", "--log-level=warning", f"--outfile={path}", "--allow-overwrite"]
    if path.endswith(".js"):
        args.append("--format=esm")
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"minify.py: esbuild failed on {os.path.basename(path)}: {done.stderr.strip()}")


def minify(staging: str, html: str) -> str:
    """Minify the staged scripts and style sheets; return `html` with their digests updated."""
    if not os.path.exists(ESBUILD):
        raise SystemExit(f"minify.py: {ESBUILD} is missing (run scripts/setup.sh)")
    names = [n for n in SCRIPTS if os.path.exists(os.path.join(staging, n))]
    names += sorted(n for n in os.listdir(staging) if n.endswith(".css"))
    for name in names:
        esbuild(os.path.join(staging, name))

    def redigest(m: re.Match) -> str:
        name = m.group(2)
        if name not in names:
            return m.group(0)
        return f'{m.group(1)}{sri(os.path.join(staging, name))}"'

    return re.sub(r'(href="\./([^"]+)"[^>]*?\bintegrity=")sha384-[^"]*"', redigest, html)
