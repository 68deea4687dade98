// End-to-end tests of the built site (dist/) in headless Chromium.
//
//   PATH=$PWD/node_modules/.bin:$PATH trunk build --release
//   node --test tests/e2e/
//
// The test serves dist/ itself (a small static server on a free port of
// 127.0.0.1) and compares the page's output with the CPython oracle
// (../shared/reference/run.py), run here with python3.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '..', '..');
const dist = join(repoRoot, 'dist');
const reference = resolve(repoRoot, '..', 'shared', 'reference');
const oracle = join(reference, 'run.py');
const expectedDir = join(reference, 'expected');
const screenshots = join(here, 'screenshots');

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
function serveStatic(root) {
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

/** What the CPython oracle prints for `name` at its defaults. */
function oracleOutput(name) {
  return execFileSync('python3', [oracle, name], { encoding: 'utf8' });
}

/** Every scenario name the oracle knows. */
function oracleNames() {
  return execFileSync('python3', [oracle, '--list'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[0]);
}

/**
 * A fresh page that records console errors, page errors and failed requests
 * in `problems`.
 */
async function openPage(browser, options = {}) {
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
async function appReady(page) {
  await page.waitForSelector('body:not([data-state="loading"])', { timeout: 15_000 });
}

describe('the playground page', () => {
  let browser;
  let server;
  let base;

  before(async () => {
    assert.ok(
      existsSync(join(dist, 'index.html')),
      `${dist}/index.html is missing: build the site first (PATH=$PWD/node_modules/.bin:$PATH trunk build --release)`,
    );
    mkdirSync(screenshots, { recursive: true });
    ({ server, base } = await serveStatic(dist));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  test('the gallery lists every scenario, grouped by topic', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(base);
    await appReady(page);
    const text = await page.locator('#app').innerText();
    for (const name of oracleNames()) {
      assert.ok(text.includes(name), `the gallery does not list ${name}`);
    }
    assert.ok(text.includes('Tasks and futures'), 'the gallery has no "Tasks and futures" topic');
    // Every scenario is either a link (runnable) or a card marked "coming soon".
    const links = await page.locator('a[data-action="open"]').count();
    const soon = await page.locator('.card.soon').count();
    assert.ok(links >= 4, `expected at least 4 runnable scenarios, found ${links}`);
    assert.equal(links + soon, oracleNames().length, `${links} links and ${soon} "coming soon" cards`);
    assert.equal(await page.locator('.card.soon:has-text("coming soon")').count(), soon);
    await page.screenshot({ path: join(screenshots, 'gallery.png'), fullPage: true });
    await context.close();
  });

  test('a scenario opened from the URL runs and prints what CPython prints', async () => {
    const name = 'tasks_say_after_sequential';
    const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}?scenario=${name}`);
    await appReady(page);
    assert.equal(await page.locator('h2').innerText(), name);
    await page.click('#run');
    await page.waitForSelector('body[data-state="done"]', { timeout: 10_000 });
    const log = await page.locator('#log').evaluate((element) => element.textContent);
    const expected = oracleOutput(name);
    assert.ok(expected.endsWith('\n'), 'the oracle output should end with a newline');
    assert.equal(log, expected.slice(0, -1));
    await page.screenshot({ path: join(screenshots, 'run-finished.png'), fullPage: true });
    await context.close();
  });

  test('every runnable scenario prints in the page what the oracle expects at its defaults', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(base);
    await appReady(page);
    const names = await page
      .locator('a[data-action="open"]')
      .evaluateAll((links) => links.map((link) => link.dataset.scenario));
    const mismatches = [];
    // Navigate inside the app (gallery -> scenario -> back), without reloads.
    for (const name of names) {
      await page.click(`a[data-scenario="${name}"]`);
      assert.equal(await page.locator('h2').innerText(), name);
      await page.click('#run');
      await page.waitForSelector('body[data-state="done"]', { timeout: 10_000 });
      const log = await page.locator('#log').evaluate((element) => element.textContent);
      const expected = readFileSync(join(expectedDir, `${name}.txt`), 'utf8');
      if (log + '\n' !== expected) mismatches.push(name);
      await page.click('a.back');
    }
    assert.deepEqual(mismatches, [], `the page's output differs from ${expectedDir}/NAME.txt`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('clicking a card opens the scenario; Back returns to the gallery', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(base);
    await appReady(page);
    await page.click('a[data-scenario="tasks_gather_factorial"]');
    await page.waitForSelector('#run');
    assert.match(page.url(), /\?scenario=tasks_gather_factorial$/);
    assert.equal(await page.locator('h2').innerText(), 'tasks_gather_factorial');
    await page.goBack();
    await page.waitForSelector('.gallery');
    assert.equal(new URL(page.url()).search, '');
    await context.close();
  });

  test('an unknown scenario in the URL is reported in the page', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}?scenario=no_such_scenario`);
    await appReady(page);
    const error = page.locator('#error');
    assert.ok(await error.isVisible(), 'the error banner is hidden');
    assert.match(await error.innerText(), /no_such_scenario/);
    assert.ok(await page.locator('.gallery').isVisible(), 'the gallery is not shown below the error');
    await page.screenshot({ path: join(screenshots, 'unknown-scenario.png') });
    await context.close();
  });

  test('narrow screens and the dark scheme render the finished run', async () => {
    const name = 'tasks_gather_factorial';
    const { context, page } = await openPage(browser, {
      viewport: { width: 380, height: 800 },
      colorScheme: 'dark',
    });
    await page.goto(`${base}?scenario=${name}`);
    await appReady(page);
    await page.click('#run');
    await page.waitForSelector('body[data-state="done"]', { timeout: 10_000 });
    const log = await page.locator('#log').evaluate((element) => element.textContent);
    assert.equal(log, oracleOutput(name).slice(0, -1));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 380px screen`);
    await page.screenshot({ path: join(screenshots, 'run-narrow-dark.png'), fullPage: true });
    await page.goto(base);
    await appReady(page);
    await page.screenshot({ path: join(screenshots, 'gallery-narrow-dark.png'), fullPage: false });
    await context.close();
  });

  test('no console errors, page errors or failed requests', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(base);
    await appReady(page);
    await page.click('a[data-scenario="tasks_say_after_sequential"]');
    await page.click('#run');
    await page.waitForSelector('body[data-state="done"]', { timeout: 10_000 });
    await page.goto(`${base}?scenario=loop_call_soon_later_at`);
    await appReady(page);
    await page.click('#run');
    await page.waitForSelector('body[data-state="done"]', { timeout: 10_000 });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
