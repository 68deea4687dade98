// Memory over a long session (issue 17, part 8): one tab opens every lesson
// of the gallery in turn, runs it and goes back, six rounds (312 switch-and-
// run cycles). After the first round, what the page holds must stay flat:
// the JS heap after a forced garbage collection, the wasm memory, and the
// DOM nodes and event listeners still alive. Not a timed test: it reads
// sizes, through the DevTools protocol and the wasm module's memory.
//
// The test waits with locators, never with page.waitForSelector: the
// element handle that returns is kept by the DevTools protocol until it is
// disposed, and with it the whole detached view it belongs to (a leak of
// the harness, which this test first measured as the page's).
//
// MEMORY_ROUNDS changes the number of rounds (at least 2).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { dist, query, serveStatic } from './helpers.mjs';

const ROUNDS = Math.max(2, Number(process.env.MEMORY_ROUNDS ?? 6));
/** The most the page may grow from the end of the first round to the end. */
const BUDGET_BYTES = 10 * 1024 * 1024;

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

/**
 * The resident memory of the browser's renderer processes, in bytes, read
 * from /proc (Linux; NaN elsewhere).
 */
async function rendererBytes(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  let total = 0;
  for (const { id } of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1];
      total += Number(kb) * 1024;
    } catch {
      return NaN;
    }
  }
  return total;
}

/** The page's memory after two forced garbage collections. */
async function measure(page, cdp, browserCdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const wasm = await page.evaluate(() => window.__playgroundMemory?.buffer.byteLength ?? NaN);
  return {
    jsHeap: metric('JSHeapUsedSize'),
    wasm,
    renderer: await rendererBytes(browserCdp),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
  };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

describe('memory over a long session', () => {
  let server;
  let base;
  let browser;

  before(async () => {
    ({ server, base } = await serveStatic(dist));
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  test(`${ROUNDS} rounds of switching to every lesson and running it stay flat after the first`, async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    // Trunk's loader announces the wasm instance; keep its memory.
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => {
        window.__playgroundMemory = event.detail.wasm.memory;
      });
    });
    const cdp = await context.newCDPSession(page);
    const browserCdp = await browser.newBrowserCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(base + query('tasks_say_after_sequential', [], { mode: 'instant' }));
    await page.locator('#run').waitFor();
    await page.click('a.back');
    await page.locator('.gallery').waitFor();
    // The lessons of the gallery's build (those written in Python hand the
    // page over to the interpreter's build, a page load of its own).
    const names = await page
      .locator('a.card-link[data-scenario]:not([data-interpreter])')
      .evaluateAll((links) => links.map((l) => l.dataset.scenario));
    assert.ok(names.length >= 50, `${names.length} lessons`);

    const samples = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const name of names) {
        await page.click(`a.card-link[data-scenario="${name}"]`);
        await page.locator('#run').waitFor();
        await page.click('#run');
        await page.locator('body[data-state="done"]').waitFor({ state: 'attached', timeout: 30_000 });
        await page.click('a.back');
        await page.locator('.gallery').waitFor();
      }
      const sample = await measure(page, cdp, browserCdp);
      samples.push(sample);
      t.diagnostic(
        `after round ${round} (${round * names.length} cycles): JS heap ${mb(sample.jsHeap)}, ` +
          `wasm ${mb(sample.wasm)}, ${sample.nodes} DOM nodes, ${sample.listeners} listeners, ` +
          `renderer resident ${mb(sample.renderer)}`,
      );
    }
    const first = samples[0];
    const last = samples.at(-1);
    const growth = last.jsHeap - first.jsHeap + (last.wasm - first.wasm);
    t.diagnostic(`growth after the first round: ${mb(growth)} (JS heap and wasm memory)`);
    t.diagnostic(`renderer resident memory: ${mb(first.renderer)} -> ${mb(last.renderer)}`);
    assert.ok(Number.isFinite(last.wasm) && last.wasm > 0, 'the wasm memory was not found');
    assert.ok(growth < BUDGET_BYTES, `the page grew ${mb(growth)} over ${(ROUNDS - 1) * names.length} cycles`);
    // What a lesson switch builds is gone after it: the DOM and the listeners
    // do not pile up (a little slack for the browser's own bookkeeping).
    assert.ok(last.nodes - first.nodes < names.length, `DOM nodes ${first.nodes} -> ${last.nodes}`);
    assert.ok(last.listeners - first.listeners < names.length, `listeners ${first.listeners} -> ${last.listeners}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
