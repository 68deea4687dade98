#!/usr/bin/env python3
"""Trunk post_build hook: a Content-Security-Policy without inline script.

Trunk 0.21 writes its wasm loader into index.html as an inline
`<script type="module">`, and it has no nonce support. This hook, run on the
staging directory (TRUNK_STAGING_DIR) before Trunk publishes it, moves every
inline script into `loader.js` (loaded with `src` and an SRI hash, like
Trunk's own assets) and adds the policy as the first element of <head>:
only our own scripts and wasm ('wasm-unsafe-eval'), no inline script, no
inline style (the page sets styles through the CSSOM, which CSP allows).
`frame-ancestors` is ignored in a <meta> policy; the page may be framed by any
site, which is what the embed snippet is for.

It also minifies the site's scripts and style sheets (scripts/minify.py),
here because this is the hook that writes index.html, whose integrity
digests change with them.
"""

import os
import re
import sys

from minify import minify, sri

POLICY = (
    "default-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self'; "
    "img-src 'self' data:; "
    "connect-src 'self'; "
    "worker-src 'self'; "
    "object-src 'none'; "
    "base-uri 'none'; "
    "form-action 'none'"
)

INLINE = re.compile(r'<script type="module">(.*?)</script>', re.S)


# The page comes in two builds (index.html): `playground` (the gallery and
# the lessons) and `playground_code` (the same page with the Python
# interpreter and the CodeMirror editor, editor.js). A `#code=` link starts
# the second at once; otherwise the first starts, and hands the page over
# through `playgroundUpgrade` when a view needs the interpreter: it stops
# itself (`playground_shutdown`), and the second renders the same address.
UPGRADE = """
const codeLink = /(^#|&)code=/.test(location.hash);
function loadFailed(error) {
  const banner = document.getElementById('error');
  if (banner) {
    banner.textContent = 'The Python interpreter could not be loaded: ' + error + '. Reload the page to try again.';
    banner.hidden = false;
  }
  document.body.setAttribute('data-state', 'error');
}
async function startCode(reason) {
  const [editor, app] = await Promise.all([import('./editor.js'), import('./playground_code.js')]);
  window.asyncioEditor = editor;
  if (reason) window.playgroundUpgradeReason = reason;
  await app.default({ module_or_path: './playground_code_bg.wasm' });
}
window.playgroundUpgrade = (reason) => {
  window.playgroundUpgrade = undefined;
  setTimeout(() => {
    window.wasmBindings?.playground_shutdown?.();
    startCode(reason).catch(loadFailed);
  }, 0);
};
"""


def upgradable(trunk_loader: str) -> str:
    """Trunk's loader (its static import first), run only without `#code=`."""
    lines = trunk_loader.splitlines()
    imports = [line for line in lines if line.startswith("import ")]
    rest = [line for line in lines if not line.startswith("import ") and line.strip()]
    if len(imports) != 1 or "./playground.js" not in imports[0]:
        raise SystemExit(f"csp.py: unexpected Trunk loader: {trunk_loader!r}")
    body = "\n".join("  " + line for line in rest)
    return (
        imports[0] + "\n" + UPGRADE
        + "if (codeLink) {\n  window.playgroundUpgrade = undefined;\n  await startCode('').catch(loadFailed);\n"
        + "} else {\n" + body + "\n}\n"
    )


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print("csp.py: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)", file=sys.stderr)
        return 1
    index = os.path.join(staging, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    scripts = INLINE.findall(html)
    if len(scripts) != 1:
        print(f"csp.py: expected one inline module script in index.html, found {len(scripts)}", file=sys.stderr)
        return 1
    loader = upgradable(scripts[0].strip())
    with open(os.path.join(staging, "loader.js"), "w", encoding="utf-8") as f:
        f.write(loader)
    html = minify(staging, html)
    tag = f'<script type="module" src="./loader.js" integrity="{sri(os.path.join(staging, "loader.js"))}"></script>'
    html = INLINE.sub(lambda _m: tag, html, count=1)
    if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) or re.search(r"\son[a-z]+=", html):
        print("csp.py: index.html still has an inline script or handler", file=sys.stderr)
        return 1
    # Trunk preloads the gallery build's wasm; a #code= link never uses it
    # (loader.js starts the interpreter's build instead), so the loader
    # fetches whichever it needs.
    html, n = re.subn(r'<link rel="preload" href="\./playground_bg\.wasm"[^>]*>', "", html)
    if n != 1:
        print("csp.py: expected one preload of playground_bg.wasm in index.html", file=sys.stderr)
        return 1
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}" />'
    html, n = re.subn(r'(<meta charset="utf-8" />)', lambda m: m.group(1) + "\n    " + meta, html, count=1)
    if n != 1:
        print('csp.py: no <meta charset="utf-8" /> to put the policy after', file=sys.stderr)
        return 1
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
