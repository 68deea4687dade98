// The Web Worker pool in headless Chromium: run.mjs calls poolFigures() with the site served at
// /site/ (and this folder at /bench/), and puts what it returns under `pool` in its JSON.
//
// The built page exports the benchmarks (src/bench_api.rs) as window.wasmBindings.pool_bench_*;
// each makes its own WorkerPool of the page's real workers (worker_loader.js) and drops it after,
// so the page itself is not disturbed. Three figures, each beside a peer measured in the same page:
//   speedup   `chunks` × count_primes(n) started at once on a pool capped at 1 worker and at 2,
//             and on the page's own thread (no workers), interleaved run by run after a warm-up
//   latency   round trips of an empty job (echo('')) one at a time: through the engine (submit_job
//             on an event loop to its future done), through the pool alone (start to done), and a
//             raw postMessage to a trivial JavaScript worker (echo-worker.js), in interleaved blocks
//   frames    a requestAnimationFrame loop in the page while the pool runs ~`busyMs` of chunks on
//             2, hardwareConcurrency and hardwareConcurrency + 4 workers (the default
//             ThreadPoolExecutor's size), beside the idle page and the same chunks on the page's thread
// Nothing here asserts a number.

import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * CPU time (clock ticks) of the whole machine (`total`, `busy`) and of this process's tree
 * (`ours`: node and the Chromium it launched), from /proc. The machine is shared: what is
 * neither idle nor ours is other work competing with the benchmark.
 */
function cpuTicks() {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const fields = cpu.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const busy = total - fields[3] - fields[4];
  const procs = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(pid), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // gone meanwhile
    }
  }
  let ours = 0;
  for (const [pid, proc] of procs) {
    for (let p = pid, hops = 0; p > 1 && hops < 50; p = procs.get(p)?.ppid ?? 0, hops++) {
      if (p === process.pid) {
        ours += proc.ticks;
        break;
      }
    }
  }
  return { total, busy, ours };
}

/** The share of the machine (all cores) that other processes used between two cpuTicks(). */
function otherShare(before, after) {
  const total = after.total - before.total;
  return total > 0 ? Math.max(0, (after.busy - before.busy - (after.ours - before.ours)) / total) : 0;
}

/** Defaults for the pool's options (run.mjs's --pool-* flags). */
export const POOL_DEFAULTS = {
  poolChunks: 16,
  poolN: 1_000_000,
  poolRuns: 9,
  poolSamples: 500,
  poolWarmup: 20,
  poolBlocks: 5,
  poolFrameRuns: 5,
  poolBusyMs: 2000,
};

/** Round trips to a trivial JS worker, timed in its `message` handler. */
async function jsEchoInPage([samples, warmup]) {
  const worker = new Worker('/bench/echo-worker.js');
  try {
    await new Promise((resolve, reject) => {
      worker.onmessage = resolve;
      worker.onerror = () => reject(new Error('echo-worker.js did not load'));
      worker.postMessage('');
    });
    const times = [];
    for (let i = 0; i < warmup + samples; i++) {
      const start = performance.now();
      const end = await new Promise((resolve) => {
        worker.onmessage = () => resolve(performance.now());
        worker.postMessage('');
      });
      if (i >= warmup) times.push(end - start);
    }
    return times;
  } finally {
    worker.terminate();
  }
}

/**
 * Frame gaps (between successive requestAnimationFrame timestamps) that overlap the busy interval
 * of pool_bench_saturate(workers, chunks, n), or of `idleMs` of doing nothing when workers is null.
 */
async function framesInPage([workers, chunks, n, idleMs]) {
  const stamps = [];
  let running = true;
  const tick = (t) => {
    stamps.push(t);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  await sleep(300);
  let result;
  if (workers === null) {
    const start = performance.now();
    await sleep(idleMs);
    result = { workers: null, chunks: 0, n, start, end: performance.now() };
  } else {
    result = await window.wasmBindings.pool_bench_saturate(workers, chunks, n);
  }
  await sleep(200);
  running = false;
  const gaps = [];
  const long = []; // [ms from the start of the busy interval, gap] of the frames over 50 ms
  for (let i = 1; i < stamps.length; i++) {
    if (stamps[i] > result.start && stamps[i - 1] < result.end) {
      const gap = stamps[i] - stamps[i - 1];
      gaps.push(gap);
      if (gap > 50) long.push([stamps[i - 1] - result.start, gap]);
    }
  }
  return { ...result, gaps, long };
}

export async function poolFigures(browser, base, options) {
  const o = { ...POOL_DEFAULTS, ...options };
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  const check = () => {
    if (problems.length) throw new Error(`pool benchmark: ${problems.join('; ')}`);
  };
  const log = (text) => process.stderr.write(`  pool: ${text}\n`);
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  const loadBefore = load();
  try {
    await page.goto(`${base}/site/`);
    // Interactive (as run.mjs's page figures define it) and the exports bound.
    await page.waitForFunction(
      () => {
        const state = document.body?.dataset.state;
        return state && state !== 'loading' && document.querySelector('.gallery a[data-scenario]') &&
          typeof window.wasmBindings?.pool_bench_speedup === 'function';
      },
      null,
      { polling: 'raf', timeout: 60_000 },
    );
    const env = await page.evaluate(() => ({
      hardwareConcurrency: navigator.hardwareConcurrency,
      crossOriginIsolated: window.crossOriginIsolated,
    }));
    check();

    // 1. Speed-up: 1 worker, 2 workers, the page's thread; one call per round (each warms its
    // own pools), so that every run has its share of other processes' CPU beside it.
    log(`speed-up: ${o.poolChunks} × count_primes(${o.poolN}), ${o.poolRuns} runs`);
    const speedup = {
      chunks: o.poolChunks,
      n: o.poolN,
      configs: [1, 2, 0].map((w) => ({ workers: w, ms: [] })),
      other: [], // the other processes' share during each run
    };
    for (let run = 0; run < o.poolRuns; run++) {
      const before = cpuTicks();
      const round = await page.evaluate(
        ([chunks, n]) => window.wasmBindings.pool_bench_speedup(chunks, n, [1, 2, 0], 1),
        [o.poolChunks, o.poolN],
      );
      speedup.other.push(otherShare(before, cpuTicks()));
      check();
      speedup.value = round.value;
      round.configs.forEach((c, i) => speedup.configs[i].ms.push(...c.ms));
    }
    const oneWorker = median(speedup.configs.find((c) => c.workers === 1).ms);
    const chunkMs = oneWorker / o.poolChunks;

    // 2. Latency, in interleaved blocks: the engine and the pool (one call), then the JS peer.
    const perBlock = Math.ceil(o.poolSamples / o.poolBlocks);
    log(`latency: ${o.poolBlocks} blocks of ${perBlock} samples after ${o.poolWarmup} warm-up`);
    const latency = { engine: [], pool: [], js: [], other: [] };
    for (let block = 0; block < o.poolBlocks; block++) {
      const before = cpuTicks();
      const ours = await page.evaluate(
        ([samples, warmup]) => window.wasmBindings.pool_bench_latency(samples, warmup),
        [perBlock, o.poolWarmup],
      );
      check();
      latency.engine.push(...ours.engine);
      latency.pool.push(...ours.pool);
      latency.js.push(...(await page.evaluate(jsEchoInPage, [perBlock, o.poolWarmup])));
      check();
      latency.other.push(otherShare(before, cpuTicks()));
    }

    // 3. Frames while the pool is saturated, beside the idle page and the page's thread doing it.
    const hc = env.hardwareConcurrency;
    const counts = [...new Set([2, hc, hc + 4])];
    const configs = [
      { label: 'idle', workers: null },
      ...counts.map((w) => ({ label: `${w} workers`, workers: w })),
      { label: 'main thread', workers: 0 },
    ];
    const frames = configs.map((c) => ({ ...c, runs: [] }));
    for (let run = 0; run < o.poolFrameRuns; run++) {
      for (const row of frames) {
        const busy = row.workers === null || row.workers === 0 ? 1 : Math.min(row.workers, hc);
        const chunks = Math.max(busy, Math.round((o.poolBusyMs / chunkMs) * busy));
        const before = cpuTicks();
        const result = await page.evaluate(framesInPage, [row.workers, chunks, o.poolN, o.poolBusyMs]);
        const other = otherShare(before, cpuTicks());
        check();
        const { gaps, long } = result;
        row.runs.push({ chunks: result.chunks, busyMs: result.end - result.start, gaps, long, other });
      }
      log(`frames: run ${run + 1} of ${o.poolFrameRuns} done`);
    }
    return {
      ...env,
      loadBefore,
      loadAfter: load(),
      chunks: o.poolChunks,
      n: o.poolN,
      runs: o.poolRuns,
      warmup: o.poolWarmup,
      busyMs: o.poolBusyMs,
      speedup,
      latency,
      frames,
    };
  } finally {
    await context.close();
  }
}
