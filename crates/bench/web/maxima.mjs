// The heaviest lessons at their maxima, in the page's instant mode beside the native runner: run.mjs
// calls maximaFigures() with the site served at /site/ and puts what it returns under `maxima`.
//
// scripts/maxima.py --json runs every lesson with every parameter at its heaviest end through the
// native runner (`asyncio-play`, the fast profile) and lists them slowest first; the `top` slowest
// that end normally (exit 0) are timed again here, interleaved run by run:
//   native  the runner's process, from spawn to exit (it prints every line to a pipe)
//   page    the built site opened at the lesson's address with its parameters and mode=instant:
//           from the Run button's click to `<body data-state="done">`, timed inside the page with
//           performance.now() (a MutationObserver stamps the state change), so the browser
//           protocol's latency is not counted. The page runs the lesson in slices that yield to
//           the browser, feeds the timeline and the inspector, and keeps the last lines of the log.
// Nothing here asserts a number.

import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The lessons at their maxima, slowest first, as scripts/maxima.py --json times them. */
function heaviest(repoRoot, runner, top, names) {
  const done = spawnSync('python3', [`${repoRoot}/scripts/maxima.py`, '--runner', runner, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (done.status !== 0) throw new Error(`scripts/maxima.py failed: ${done.stderr}`);
  return JSON.parse(done.stdout)
    .filter((row) => row.exit === 0 && (!names || names.includes(row.name)))
    .slice(0, top);
}

/** One native run: wall time of the runner's process, in seconds. */
function nativeRun(runner, row) {
  const start = performance.now();
  const done = spawnSync(runner, [row.name, ...row.args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - start) / 1000;
  if (done.status !== 0) throw new Error(`${row.name}: the runner exited ${done.status}: ${done.stderr}`);
  return seconds;
}

/** The page's address for a lesson with its parameters, in instant mode. */
function address(base, row) {
  const params = new URLSearchParams({ scenario: row.name });
  for (const arg of row.args) {
    const at = arg.indexOf('=');
    params.append(arg.slice(0, at), arg.slice(at + 1));
  }
  params.append('mode', 'instant');
  return `${base}/site/?${params}`;
}

/** One page run: load the lesson, click Run, and return the seconds until the run is done. */
async function pageRun(page, url, timeoutMs) {
  await page.goto(url);
  await page.waitForSelector('body:not([data-state="loading"])', { timeout: 30_000 });
  const notice = await page.locator('#notices').isVisible();
  if (notice) throw new Error(`${url}: the page refused the address: ${await page.locator('#notices').innerText()}`);
  await page.evaluate(() => {
    window.maximaDone = new Promise((resolve) => {
      new MutationObserver(() => {
        const state = document.body.getAttribute('data-state');
        if (state === 'done' || state === 'error') resolve({ state, at: performance.now() });
      }).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
    });
    window.maximaStart = performance.now();
    document.getElementById('run').click();
  });
  const end = await page.evaluate(
    (ms) =>
      Promise.race([window.maximaDone, new Promise((resolve) => setTimeout(() => resolve({ state: 'timeout' }), ms))]),
    timeoutMs,
  );
  if (end.state !== 'done') throw new Error(`${url}: the run ended in state ${end.state}`);
  return (end.at - (await page.evaluate(() => window.maximaStart))) / 1000;
}

/**
 * `{runner, rows: [{name, args, lines, native: [s...], page: [s...], nativeMedian, pageMedian,
 * ratio}]}` for the `top` heaviest lessons (among `names` if given), `runs` interleaved runs each
 * after `warmup`.
 */
export async function maximaFigures(browser, base, options) {
  const { repoRoot, runner, top = 6, names, runs = 3, warmup = 1, timeoutMs = 120_000 } = options;
  const rows = heaviest(repoRoot, runner, top, names);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const out = [];
  for (const row of rows) {
    const url = address(base, row);
    for (let i = 0; i < warmup; i++) {
      nativeRun(runner, row);
      await pageRun(page, url, timeoutMs);
    }
    const native = [];
    const inPage = [];
    for (let i = 0; i < runs; i++) {
      native.push(nativeRun(runner, row));
      inPage.push(await pageRun(page, url, timeoutMs));
    }
    const nativeMedian = median(native);
    const pageMedian = median(inPage);
    out.push({
      name: row.name,
      args: row.args,
      lines: row.lines,
      native,
      page: inPage,
      nativeMedian,
      pageMedian,
      ratio: pageMedian / nativeMedian,
    });
    process.stderr.write(`  ${row.name}: page ${pageMedian.toFixed(3)} s, native ${nativeMedian.toFixed(3)} s\n`);
  }
  await context.close();
  return { runner, rows: out };
}
