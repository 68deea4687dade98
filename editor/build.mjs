#!/usr/bin/env node
// Bundle editor/editor.js (CodeMirror 6 and the editor's own parts) into one
// minified ES module and print its raw and gzip -9 sizes.
//
//   node editor/build.mjs               -> dist/editor.js
//   node editor/build.mjs OUT.js        -> OUT.js
//   node editor/build.mjs --staging     -> $TRUNK_STAGING_DIR/editor.js (the Trunk post_build hook)
//
// Exits 1 on any error, so a failed bundle fails `trunk build`.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');

function fail(message) {
  console.error(`editor/build.mjs: ${message}`);
  process.exit(1);
}

function outputPath(arg) {
  if (arg === '--staging') {
    const staging = process.env.TRUNK_STAGING_DIR;
    if (!staging) fail('--staging needs TRUNK_STAGING_DIR (run me as a Trunk hook)');
    return join(staging, 'editor.js');
  }
  if (arg !== undefined && arg.startsWith('-')) fail(`unknown option ${arg}`);
  return resolve(arg ?? join(repoRoot, 'dist', 'editor.js'));
}

// CodeMirror mounts its base theme with style-mod, which puts it in a
// <style> element when the editor is in a document (adoptedStyleSheets only
// for shadow roots). The page's policy (`style-src 'self'`, scripts/csp.py)
// blocks that element, so the editor would lose its layout. This patch makes
// documents use a constructed sheet in document.adoptedStyleSheets too (CSSOM,
// which the policy allows); browsers without adoptedStyleSheets still get the
// <style> element. If style-mod's code changes, the build fails here.
const STYLE_MOD_TEST = '!root.head && root.adoptedStyleSheets && win.CSSStyleSheet';
const STYLE_MOD_PATCHED = 'root.adoptedStyleSheets && win.CSSStyleSheet';

const adoptedStylesInDocuments = {
  name: 'style-mod-adopted-sheets-in-documents',
  setup(build) {
    let patched = 0;
    build.onStart(() => {
      patched = 0;
    });
    build.onLoad({ filter: /[\\/]style-mod[\\/]src[\\/]style-mod\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const count = source.split(STYLE_MOD_TEST).length - 1;
      if (count !== 1) {
        return { errors: [{ text: `style-mod changed: expected one "${STYLE_MOD_TEST}" in ${args.path}, found ${count}` }] };
      }
      patched += 1;
      return { contents: source.replace(STYLE_MOD_TEST, STYLE_MOD_PATCHED), loader: 'js' };
    });
    build.onEnd((result) => {
      if (result.errors.length === 0 && patched !== 1) {
        result.errors.push({ text: `the style-mod patch applied ${patched} times, not once (is style-mod still bundled from src/style-mod.js?)` });
      }
    });
  },
};

const BANNER =
  '/*! The playground editor (editor/editor.js). Bundles CodeMirror 6, Lezer, style-mod, w3c-keyname and ' +
  '@marijn/find-cluster-break: MIT licence, (c) Marijn Haverbeke and others, https://codemirror.net */';

async function main() {
  const args = process.argv.slice(2);
  if (args.length > 1) fail('expected at most one argument: OUT.js or --staging');
  const out = outputPath(args[0]);
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    fail(`esbuild is not installed (run npm ci): ${error.message}`);
  }
  mkdirSync(dirname(out), { recursive: true });
  const result = await esbuild.build({
    entryPoints: [join(here, 'editor.js')],
    outfile: out,
    write: false,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    sourcemap: false,
    legalComments: 'none',
    banner: { js: BANNER },
    logLevel: 'warning',
    absWorkingDir: repoRoot,
    plugins: [adoptedStylesInDocuments],
  });
  if (result.errors.length > 0) fail(result.errors.map((error) => error.text).join('\n'));
  if (result.outputFiles.length !== 1) fail(`expected one output file, got ${result.outputFiles.length}`);
  const code = Buffer.from(result.outputFiles[0].contents);
  writeFileSync(out, code);
  const gzip = gzipSync(code, { level: constants.Z_BEST_COMPRESSION });
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const rel = relative(process.cwd(), out);
  const shown = rel && !rel.startsWith('..') ? rel : out;
  console.log(`editor/build.mjs: ${shown} ${kb(code.length)} raw (${code.length} B), ${kb(gzip.length)} gzip -9 (${gzip.length} B)`);
}

main().catch((error) => fail(error?.stack ?? String(error)));
