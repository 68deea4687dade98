// Browser benchmarks in headless Chromium; prints one JSON object on stdout.
//
//   node crates/bench/web/run.mjs --pkg DIR [--pkg-fast DIR] [--dist DIR] [--reference DIR]
//        [--runs 5] [--warmup 1] [--pyodide-runs 3] [--pyodide-warmup 0] [--loads 5]
//        [--workloads W1,W2,...] [--skip-workloads] [--skip-page] [--skip-pool] [--pool-only]
//        [--python] [--python-only] [--systems pyodide,pyodide-webloop,...]
//        [--pool-chunks 16] [--pool-n 1000000] [--pool-runs 5] [--pool-samples 500]
//        [--maxima --runner PATH [--maxima-top 6] [--maxima-runs 3]]
//
// --pkg is the wasm-bindgen output of the bench crate (asyncio_bench.js + _bg.wasm) built with the
// release profile (the site's), --pkg-fast (optional) the same built with the fast profile,
// --dist the site built by `trunk build --release`. scripts/bench.sh passes both.
// --pool-only runs only the Web Worker pool's figures (pool.mjs), which need only --dist.
// --python adds our Python interpreter (the bench crate's web_python.rs) and Pyodide running the
// same plain programs (python/interp/wN.py, W7 the oracle's plain/*.py, through pyrun.py);
// --python-only runs only those two among the workloads (no pool, engine, spawn_local or workloads.py
// figures; the page's figures still, for its first load, unless --skip-page).
// --systems runs only the named systems among the workloads (engine-wasm, engine-wasm-o3, spawn_local,
// pyodide, pyodide-webloop, python-wasm, python-wasm-o3, pyodide-plain), whatever --python says; with
// Pyodide's alone, the page loads no wasm and --pkg is not needed.
// --maxima adds the heaviest lessons at their maxima in the site's instant mode beside the native
// runner --runner (maxima.mjs), under `maxima` in the output.
//
// Pyodide runs workloads.py twice: `pyodide` on the oracle's virtual-clock loop (workloads.measure),
// `pyodide-webloop` on Pyodide's own WebLoop (python/webloop.py, awaited at top level of
// runPythonAsync), with reduced sizes where a full run would take more than ~20 s (its rows say so in
// `sizes`).
//
// A static server on 127.0.0.1 (a free port) serves, gzip-compressed when the browser
// asks for it (as any real host would):
//   /site/       the site (dist/)            /pkg/        the bench crate's wasm
//   /bench/      this folder                 /pyodide/    node_modules/pyodide
//   /python/     crates/bench/python         /reference/  the CPython oracle
// with COOP/COEP headers, so pages are cross-origin isolated and performance.now() is
// not coarsened.
//
// Output: {chromium, workloads: [{system, workload, ops, seconds[, sizes, full_sizes, loop, timeouts_per_op]} |
// {system, workload, skipped}], page: {site: {...}, pyodide: {...}}, pool: {...} (see pool.mjs),
// maxima: {...} (see maxima.mjs)}. Nothing here asserts a number.

import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { maximaFigures } from './maxima.mjs';
import { poolFigures } from './pool.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');

function parseArgs(argv) {
  const options = {
    pkg: join(repoRoot, 'target', 'bench-web', 'pkg'),
    dist: join(repoRoot, 'dist'),
    reference: resolve(repoRoot, '..', 'shared', 'reference'),
    runs: 5,
    warmup: 1,
    pyodideRuns: 3,
    pyodideWarmup: 0,
    loads: 5,
    workloads: ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7'],
    skipWorkloads: false,
    skipPage: false,
    skipPool: false,
    python: false,
    pythonOnly: false,
    systems: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--pkg': options.pkg = resolve(value()); break;
      case '--pkg-fast': options.pkgFast = resolve(value()); break;
      case '--dist': options.dist = resolve(value()); break;
      case '--reference': options.reference = resolve(value()); break;
      case '--runs': options.runs = Number(value()); break;
      case '--warmup': options.warmup = Number(value()); break;
      case '--pyodide-runs': options.pyodideRuns = Number(value()); break;
      case '--pyodide-warmup': options.pyodideWarmup = Number(value()); break;
      case '--loads': options.loads = Number(value()); break;
      case '--workloads': options.workloads = value().split(','); break;
      case '--skip-workloads': options.skipWorkloads = true; break;
      case '--skip-page': options.skipPage = true; break;
      case '--skip-pool': options.skipPool = true; break;
      case '--pool-only': options.skipPage = options.skipWorkloads = true; break;
      case '--python': options.python = true; break;
      case '--python-only': options.python = options.pythonOnly = options.skipPool = true; break;
      case '--systems': options.systems = value().split(','); break;
      case '--maxima': options.maxima = true; break;
      case '--runner': options.runner = resolve(value()); break;
      case '--maxima-top': options.maximaTop = Number(value()); break;
      case '--maxima-runs': options.maximaRuns = Number(value()); break;
      case '--pool-chunks': options.poolChunks = Number(value()); break;
      case '--pool-n': options.poolN = Number(value()); break;
      case '--pool-runs': options.poolRuns = Number(value()); break;
      case '--pool-samples': options.poolSamples = Number(value()); break;
      default: throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.py': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
  '.map': 'application/json',
};

const gzipCache = new Map();
function gzipped(file) {
  const key = `${file}:${statSync(file).mtimeMs}`;
  if (!gzipCache.has(key)) gzipCache.set(key, gzipSync(readFileSync(file), { level: 9 }));
  return gzipCache.get(key);
}

/** Serve `mounts` ({prefix: folder}) on a free port of 127.0.0.1. */
function serve(mounts) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    if (!prefix) {
      response.writeHead(404).end('not found');
      return;
    }
    const root = mounts[prefix];
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    const headers = {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    };
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      const body = gzipped(file);
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length });
      response.end(body);
    } else {
      response.writeHead(200, { ...headers, 'content-length': statSync(file).size });
      createReadStream(file).pipe(response);
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveServer({ server, base: `http://127.0.0.1:${server.address().port}` }));
  });
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh context (empty cache) and page; page errors are collected in `problems`. */
async function freshPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Every response of the context, the Web Worker's included: its size on the wire.
  const transfers = [];
  context.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) return;
    transfers.push({
      url: request.url(),
      body: sizes.responseBodySize,
      headers: sizes.responseHeadersSize,
    });
  });
  return { context, page, problems, transfers };
}

function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

function fileSizes(folder, filter = () => true) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (filter(path)) {
        files.push({ path: path.slice(folder.length + 1), raw: statSync(path).size, gzip: gzipped(path).length });
      }
    }
  };
  walk(folder);
  return files;
}

/** Load `url` cold `loads` times; `ready(page)` resolves to the milliseconds from navigation start. */
async function coldLoads(browser, url, loads, ready) {
  const results = [];
  for (let i = 0; i < loads; i++) {
    const { context, page, problems, transfers } = await freshPage(browser);
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await ready(page);
    // Let late responses (source maps are never fetched; the worker's wasm may still be in flight) settle.
    await page.waitForLoadState('networkidle');
    await new Promise((r) => setTimeout(r, 200));
    if (problems.length) throw new Error(`${url}: ${problems.join('; ')}`);
    results.push({
      ms,
      requests: transfers.length,
      bytes: sum(transfers.map((t) => t.body + t.headers)),
      bodyBytes: sum(transfers.map((t) => t.body)),
      files: transfers.map((t) => ({ url: t.url.replace(/^http:\/\/[^/]+/, ''), body: t.body })),
    });
    await context.close();
  }
  return results;
}

async function pageFigures(browser, base, options) {
  // Our site: sizes on disk, then cold loads until the gallery is shown and usable.
  const siteFiles = fileSizes(options.dist);
  const galleryReady = async (page) => {
    const handle = await page.waitForFunction(
      () => {
        // The app has started (body[data-state] is no longer "loading") and the gallery lists scenarios.
        const state = document.body?.dataset.state;
        const ready = state && state !== 'loading' && document.querySelector('.gallery a[data-scenario]');
        return ready ? performance.now() : null;
      },
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    return handle.jsonValue();
  };
  const siteLoads = await coldLoads(browser, `${base}/site/`, options.loads, galleryReady);

  // Your own code: a #code= link (the interpreter's build of the page and the editor) until the
  // program has run in instant mode and printed, as Pyodide's load is timed to its first print.
  const program = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("hello")\n\nasyncio.run(main())\n';
  const codeUrl = `${base}/site/?mode=instant#code=${Buffer.from(program).toString('base64url')}`;
  const codeRan = async (page) => {
    await page.waitForSelector('.cm-editor .cm-content', { timeout: 60_000 });
    await page.click('#run');
    const handle = await page.waitForFunction(
      () => (document.body?.dataset.state === 'done' ? performance.now() : null),
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    return handle.jsonValue();
  };
  const codeLoads = await coldLoads(browser, codeUrl, options.loads, codeRan);

  // Pyodide: its core files, then cold loads until the first print().
  const pyodideDir = join(repoRoot, 'node_modules', 'pyodide');
  const pyodideFiles = fileSizes(pyodideDir, (p) => !p.endsWith('.map') && !p.endsWith('.d.ts') && !p.endsWith('.md'));
  const firstPrint = async (page) => {
    const handle = await page.waitForFunction(
      () => window.loadError ?? window.firstPrint ?? null,
      null,
      { polling: 50, timeout: 120_000 },
    );
    const value = await handle.jsonValue();
    if (typeof value === 'string') throw new Error(`Pyodide: ${value}`);
    return value;
  };
  const pyodideLoads = await coldLoads(browser, `${base}/bench/pyodide-first.html`, Math.min(options.loads, 3), firstPrint);
  return {
    site: { files: siteFiles, loads: siteLoads },
    code: { loads: codeLoads },
    pyodide: { files: pyodideFiles, loads: pyodideLoads, version: JSON.parse(readFileSync(join(pyodideDir, 'package.json'))).version },
  };
}

/** The browser systems: all of them, or those of --systems. */
function browserSystems(options) {
  const fastBuild = (system) => (options.pkgFast ? [system] : []);
  const wasm = { runs: options.runs, warmup: options.warmup };
  const pyodide = { runs: options.pyodideRuns, warmup: options.pyodideWarmup };
  const all = [
    { system: 'engine-wasm', method: 'engine', ...wasm },
    ...fastBuild({ system: 'engine-wasm-o3', method: 'engineFast', ...wasm }),
    { system: 'spawn_local', method: 'spawnLocal', ...wasm },
    { system: 'pyodide', method: 'pyodide', ...pyodide, python: true },
    { system: 'pyodide-webloop', method: 'pyodideWebloop', ...pyodide, python: true },
    { system: 'python-wasm', method: 'python', ...wasm, interp: true },
    ...fastBuild({ system: 'python-wasm-o3', method: 'pythonFast', ...wasm, interp: true }),
    { system: 'pyodide-plain', method: 'pyodidePlain', ...pyodide, python: true, interp: true },
  ];
  if (options.systems) {
    const known = new Set(all.map((s) => s.system));
    const unknown = options.systems.filter((name) => !known.has(name));
    if (unknown.length) throw new Error(`--systems: unknown ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
    return all.filter((s) => options.systems.includes(s.system));
  }
  return all.filter((s) => (s.interp ? options.python : !options.pythonOnly));
}

/**
 * Every workload on every browser system. Runs are interleaved (engine, spawn_local, Pyodide,
 * then again), so that a change of load on the shared machine hits all systems alike.
 */
async function workloadFigures(browser, base, options) {
  const systems = browserSystems(options);
  const wasmNeeded = systems.some((s) => !s.python);
  const { context, page, problems } = await freshPage(browser);
  page.setDefaultTimeout(0);
  const query = !wasmNeeded ? '?nowasm' : options.pkgFast ? '?fast' : '';
  await page.goto(`${base}/bench/bench.html${query}`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
  const check = () => {
    if (problems.length) throw new Error(problems.join('; '));
  };
  const pyFiles = (dir) => readdirSync(join(options.reference, dir)).filter((f) => f.endsWith('.py')).sort()
    .map((f) => `${dir}/${f}`);
  const referenceFiles = ['vclock.py', 'vpool.py', 'pyrun.py', ...pyFiles('scenarios'), ...pyFiles('plain')];
  const version = await page.evaluate((files) => window.bench.loadPyodide(files), referenceFiles);
  check();
  for (const s of systems) if (s.python) s.version = version;
  const once = async (method, name, runs, warmup) => {
    const result = await page.evaluate(([m, n, r, w]) => window.bench[m](n, r, w), [method, name, runs, warmup]);
    check();
    return result;
  };
  const results = [];
  for (const name of options.workloads) {
    const rows = new Map();
    for (const s of systems) {
      const row = { system: s.system, workload: name, ...(s.version ? { version: s.version } : {}), seconds: [] };
      if (s.warmup > 0) {
        const warm = await once(s.method, name, 0, s.warmup);
        if (warm.skipped) row.skipped = warm.skipped;
      }
      rows.set(s.system, row);
    }
    const rounds = Math.max(...systems.map((s) => s.runs));
    for (let round = 0; round < rounds; round++) {
      for (const s of systems) {
        const row = rows.get(s.system);
        if (round >= s.runs || row.skipped) continue;
        const result = await once(s.method, name, 1, 0);
        if (result.skipped) {
          row.skipped = result.skipped;
          continue;
        }
        row.ops = result.ops;
        row.seconds.push(...result.seconds);
        // pyodide-webloop: its reduced sizes, the loop it ran on, setTimeout calls per operation.
        for (const key of ['sizes', 'full_sizes', 'loop', 'timeouts_per_op']) if (key in result) row[key] = result[key];
      }
    }
    for (const row of rows.values()) {
      if (row.skipped) delete row.seconds;
      results.push(row);
    }
    process.stderr.write(`  ${name} done\n`);
  }
  await context.close();
  return results;
}

const options = parseArgs(process.argv.slice(2));
const pyodideOnly = options.systems && browserSystems(options).every((s) => s.python);
const needed = [
  ...(options.skipWorkloads ? [] : [...(pyodideOnly ? [] : [['--pkg', options.pkg]]), ['--reference', options.reference]]),
  ...(options.skipPage && options.skipPool && !options.maxima ? [] : [['--dist', options.dist]]),
  ...(options.maxima ? [['--runner', options.runner ?? '(missing)']] : []),
];
for (const [what, dir] of needed) {
  if (!existsSync(dir)) throw new Error(`${what} ${dir} does not exist`);
}
const { server, base } = await serve({
  '/site/': options.dist,
  ...(pyodideOnly ? {} : { '/pkg/': options.pkg }),
  ...(options.pkgFast ? { '/pkg-fast/': options.pkgFast } : {}),
  '/bench/': here.replace(/\/$/, ''),
  '/pyodide/': join(repoRoot, 'node_modules', 'pyodide'),
  '/python/': join(repoRoot, 'crates', 'bench', 'python'),
  '/reference/': options.reference,
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const output = { chromium: browser.version() };
  if (!options.skipPage) {
    process.stderr.write('page figures...\n');
    output.page = await pageFigures(browser, base, options);
  }
  if (!options.skipWorkloads) {
    process.stderr.write('workloads...\n');
    output.workloads = await workloadFigures(browser, base, options);
  }
  if (!options.skipPool) {
    process.stderr.write('Web Worker pool...\n');
    output.pool = await poolFigures(browser, base, options);
  }
  if (options.maxima) {
    process.stderr.write('the heaviest lessons at their maxima...\n');
    output.maxima = await maximaFigures(browser, base, {
      repoRoot,
      runner: options.runner,
      top: options.maximaTop,
      runs: options.maximaRuns,
    });
  }
  process.stdout.write(JSON.stringify(output) + '\n');
} finally {
  await browser.close();
  server.close();
}
