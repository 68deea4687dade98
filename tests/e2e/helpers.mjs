// Shared by the end-to-end tests: a static server over dist/, Chromium, and
// the CPython oracle (../shared/reference/run.py) run with python3.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
export const repoRoot = resolve(here, '..', '..');
// PLAYGROUND_DIST: another build of the site to test (default: dist/).
export const dist = process.env.PLAYGROUND_DIST ? resolve(process.env.PLAYGROUND_DIST) : join(repoRoot, 'dist');
export const reference = resolve(repoRoot, '..', 'shared', 'reference');
export const oracle = join(reference, 'run.py');
export const expectedDir = join(reference, 'expected');
export const screenshots = join(here, 'screenshots');

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
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

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serve `root` on a free port of 127.0.0.1; resolves to the server and its base URL. */
export function serveStatic(root) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    response.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolveServer({ server, base: `http://127.0.0.1:${port}/` });
    });
  });
}

/** Headless Chromium as every test runs it. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

let axeSource = null;

/** axe-core's critical and serious violations on the page, in words. */
export async function seriousViolations(page) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, not an inline <script> tag: the
  // page's Content-Security-Policy refuses inline scripts (scripts/csp.py).
  await page.evaluate(`${axeSource}\n;void 0`);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The built site, served, and a browser: call in `before`, close in `after`. */
export async function startSite() {
  assert.ok(
    existsSync(join(dist, 'index.html')),
    `${dist}/index.html is missing: build the site first (PATH=$PWD/node_modules/.bin:$PATH trunk build --release)`,
  );
  mkdirSync(screenshots, { recursive: true });
  const { server, base } = await serveStatic(dist);
  const browser = await launchBrowser();
  return {
    base,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** What the CPython oracle prints for `name` with `key=value` arguments. */
export function oracleOutput(name, args = []) {
  return execFileSync('python3', [oracle, name, ...args], { encoding: 'utf8' });
}

/** The oracle's output as #log's text (the lines without the last newline). */
export function oracleLog(name, args = []) {
  const out = oracleOutput(name, args);
  assert.ok(out.endsWith('\n'), `the oracle output for ${name} should end with a newline`);
  return out.slice(0, -1);
}

/** The expected output file of `name` at its defaults. */
export function expectedFile(name) {
  return readFileSync(join(expectedDir, `${name}.txt`), 'utf8');
}

/** Every scenario name the oracle knows. */
export function oracleNames() {
  return execFileSync('python3', [oracle, '--list'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[0]);
}

/**
 * A fresh page that records console errors, page errors and failed requests
 * in `problems`.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { context, page, problems };
}

/** Wait until the app has rendered a view (the wasm has started). */
export async function appReady(page) {
  await page.waitForSelector('body:not([data-state="loading"])', { timeout: 15_000 });
}

/** #log's text: exactly the trace lines. */
export function logText(page) {
  return page.locator('#log').evaluate((element) => element.textContent);
}

/** Wait for `<body data-state=state>`. */
export function waitState(page, state, timeout = 15_000) {
  return page.waitForSelector(`body[data-state="${state}"]`, { timeout });
}

/** A trace line `[    1.234] text` as [1.234, text]. */
export function splitTraceLine(line) {
  const match = /^\[\s*([0-9.]+)\] (.*)$/.exec(line);
  assert.ok(match, `not a trace line: ${line}`);
  return [Number(match[1]), match[2]];
}

/** The iteration counter the page shows. */
export async function iterations(page) {
  return Number(await page.locator('#iterations').textContent());
}

/** The query string of `name` with `args` (`key=value` strings) and extra pairs. */
export function query(name, args = [], extra = {}) {
  const params = new URLSearchParams({ scenario: name });
  for (const arg of args) {
    const at = arg.indexOf('=');
    params.append(arg.slice(0, at), arg.slice(at + 1));
  }
  for (const [key, value] of Object.entries(extra)) params.append(key, value);
  return `?${params}`;
}
