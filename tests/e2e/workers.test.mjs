// End-to-end tests of real mode on the page's pool of Web Workers: the
// executor scenarios print what CPython prints, up to what real timing
// decides; the frame meter stalls when the loop thread blocks and stays
// smooth when the work runs in the pool; a pool whose workers cannot load
// fails with one clear message.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appReady,
  logText,
  openPage,
  oracleLog,
  reference,
  query,
  screenshots,
  splitTraceLine as split,
  startSite,
  waitState,
} from './helpers.mjs';


/**
 * A line's text with what real timing decides replaced by a marker: measured
 * durations (`Cost: 0.5012`), and which worker process took a task (the one
 * that finished its last task first).
 */
function normalise(text) {
  return text.replace(/Cost: [0-9.e-]+$/, 'Cost: <seconds>').replace(/^worker-\d+ /, 'worker-N ');
}

/**
 * What real asyncio guarantees of a real-time run against the virtual one:
 * the same lines; each at least at its virtual time and at most `slack`
 * seconds later; lines of different virtual times in the same order, lines
 * of the same virtual time in any order (real timing breaks those ties).
 */
function assertRealRun(realText, virtualText, slack = 0.3) {
  const real = realText.split('\n').map(split);
  const virtual = virtualText.split('\n').map(split);
  assert.equal(real.length, virtual.length, `line counts differ:\n${realText}\n---\n${virtualText}`);
  let i = 0;
  while (i < virtual.length) {
    let j = i;
    while (j < virtual.length && virtual[j][0] === virtual[i][0]) j += 1;
    const want = virtual.slice(i, j).map(([, text]) => normalise(text)).sort();
    const got = real.slice(i, j).map(([, text]) => normalise(text)).sort();
    assert.deepEqual(got, want, `the lines at ${virtual[i][0]} s:\n${realText}`);
    for (const [t] of real.slice(i, j)) {
      const expected = virtual[i][0];
      assert.ok(t >= expected - 0.005 && t <= expected + slack, `${t} s for a line at ${expected} s:\n${realText}`);
    }
    i = j;
  }
  // Measured durations are close to the virtual ones.
  for (const [k, [, text]] of virtual.entries()) {
    const cost = /Cost: ([0-9.e-]+)$/.exec(text);
    if (cost) {
      const measured = Number(/Cost: ([0-9.e-]+)$/.exec(real[k][1])[1]);
      assert.ok(measured >= Number(cost[1]) - 0.005 && measured <= Number(cost[1]) + slack, real[k][1]);
    }
  }
}

/** What the oracle's pyrun.py prints running `source`, without the last newline. */
function pyrunLog(source) {
  const file = join(mkdtempSync(join(tmpdir(), 'pyrun-')), 'main.py');
  writeFileSync(file, source);
  return execFileSync('python3', [join(reference, 'pyrun.py'), file], { encoding: 'utf8' }).slice(0, -1);
}

/**
 * Run `name` with `args` in real mode (or, with `code`, that program opened by
 * a `#code=` link) and return the log, the workers' panel and the meter.
 */
async function runReal(site, name, args, { timeout = 30_000, code } = {}) {
  const { context, page, problems } = await openPage(site.browser);
  const fragment = code === undefined ? '' : '#code=' + Buffer.from(code, 'utf8').toString('base64url');
  const address = code === undefined ? query(name, args, { mode: 'real' }) : '?mode=real';
  await page.goto(site.base + address + fragment);
  await appReady(page);
  // The page is being drawn (a fresh headless page may not produce frames
  // yet), so that the frame meter sees the whole run.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.click('#run');
  await waitState(page, 'done', timeout);
  // The meter stops a moment after the run and then writes its final
  // figures (the frame a last blocking slice delayed included).
  await page.waitForSelector('.meter:not([data-running])', { timeout: 5_000 });
  const log = await logText(page);
  const workers = await page.locator('#workers').evaluate((e) => ({
    hidden: e.hidden,
    text: e.textContent,
    jobs: Number(e.dataset.jobs ?? 'NaN'),
    workers: Number(e.dataset.workers ?? 'NaN'),
  }));
  const meter = await page.locator('.meter').evaluate((e) => ({
    longest: Number(e.dataset.longestMs),
    frames: Number(e.dataset.frames),
    stalls: Number(e.dataset.stalls),
  }));
  return { context, page, problems, log, workers, meter };
}

/** The executor scenarios in real mode, with short costs. */
const CASES = [
  ['exec_thread_pool_map', ['workers=3', 'jobs=7', 'cost=0.3'], 7],
  ['exec_pool_jobs', ['jobs=4', 'max_workers=2', 'cost=0.3'], 8],
  ['exec_run_in_executor', ['a_cost=0.4', 'b_delay=0.2'], 2],
  ['process_pool', ['processes=2', 'jobs=3', 'tick=0.2'], 3],
  ['process_master_worker', ['workers=2', 'tasks=3', 'cost=0.2'], 3],
  ['process_queue', ['run_time=1.2', 'write_every=0.3', 'read_every=0.2'], 4],
  ['thread_run_coroutine_threadsafe', ['a_cost=0.3', 'timeout=1'], 1],
  ['thread_run_coroutine_threadsafe', ['a_cost=0.6', 'timeout=0.2'], 1],
];

describe('real mode on Web Workers', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  for (const [name, args, minJobs] of CASES) {
    test(`${name} ${args.join(' ')}: the oracle's lines, in real time, with the jobs on workers`, async () => {
      const run = await runReal(site, name, args);
      assertRealRun(run.log, oracleLog(name, args));
      assert.equal(run.workers.hidden, false, 'real mode lists the workers');
      assert.ok(run.workers.jobs >= minJobs, `${run.workers.jobs} jobs ran on workers: ${run.workers.text}`);
      assert.ok(run.workers.workers >= 1, run.workers.text);
      assert.deepEqual(run.problems, []);
      await run.context.close();
    });
  }

  test("your own program's executor jobs sleep on the Web Workers in real mode", async () => {
    const code = [
      'import asyncio, time',
      'from concurrent.futures import ProcessPoolExecutor',
      '',
      'def work(n):',
      '    time.sleep(0.3 * n)',
      '    return n * n',
      '',
      'async def main():',
      '    loop = asyncio.get_running_loop()',
      '    with ProcessPoolExecutor(max_workers=2) as pool:',
      '        jobs = [loop.run_in_executor(pool, work, n) for n in (1, 2, 3)]',
      '        for done in asyncio.as_completed(jobs):',
      '            print("got", await done)',
      '    print("all done")',
      '',
      'asyncio.run(main())',
      '',
    ].join('\n');
    const run = await runReal(site, null, [], { code });
    assertRealRun(run.log, pyrunLog(code));
    assert.equal(run.workers.hidden, false, 'real mode lists the workers');
    assert.equal(run.workers.jobs, 3, run.workers.text);
    assert.deepEqual(run.problems, []);
    await run.page.screenshot({ path: join(screenshots, 'code-real-workers.png'), fullPage: true });
    assert.match(run.workers.text, /3 jobs this run/);
    // The inspector lists the program's pool as it lists a lesson's.
    const names = await run.page.$$eval('.inspector .insp-name', (e) => e.map((x) => x.textContent));
    assert.ok(names.includes('process_pool-1'), names.join(' | '));
    await run.context.close();
  });

  test('the meter stalls while the loop thread blocks, and not while the pool works', async () => {
    // c2 of exec_run_in_executor calls time.sleep(1) on the loop thread.
    const blocking = await runReal(site, 'exec_run_in_executor', ['a_cost=1', 'b_delay=0.3']);
    assert.ok(blocking.meter.longest >= 800, `longest frame ${blocking.meter.longest} ms: ${JSON.stringify(blocking.meter)}\n${blocking.log}`);
    assert.ok(blocking.meter.stalls >= 1);
    await blocking.page.screenshot({ path: join(screenshots, 'meter-blocked.png'), fullPage: true });
    await blocking.context.close();

    // The same kind of work, saturating two workers: the page keeps drawing.
    const pooled = await runReal(site, 'exec_cpu_offload', ['where=pool', 'chunks=8', 'n=1000000', 'workers=2']);
    const lines = pooled.log.split('\n');
    assert.match(lines[1], /\] 8 x count_primes\(1000000\) = 78498 each, in [0-9.]+ s$/);
    const ticks = Number(/ticked (\d+) times/.exec(lines[2])[1]);
    assert.ok(ticks >= 1, `the heartbeat ticked ${ticks} times while the pool worked`);
    assert.ok(pooled.meter.frames >= 5, `${pooled.meter.frames} frames`);
    assert.ok(pooled.meter.longest < 250, `longest frame ${pooled.meter.longest} ms while the pool worked`);
    assert.equal(pooled.workers.jobs >= 8, true, pooled.workers.text);
    await pooled.page.screenshot({ path: join(screenshots, 'meter-pool.png'), fullPage: true });
    await pooled.context.close();

    // Counted on the loop thread instead, the heartbeat never ticks.
    const onLoop = await runReal(site, 'exec_cpu_offload', ['where=loop', 'chunks=4', 'n=1000000']);
    assert.match(onLoop.log, /the heartbeat ticked 0 times/);
    assert.ok(onLoop.meter.longest >= 100, `longest frame ${onLoop.meter.longest} ms`);
    await onLoop.context.close();
  });

  test('a crash, a throw and a deadline each fail one job with a clear message; the pool keeps serving', async () => {
    const run = await runReal(site, 'exec_worker_faults', ['n=100000', 'deadline=0.3', 'hang=5']);
    const lines = run.log.split('\n').map((line) => split(line)[1]);
    assert.deepEqual(lines.filter((l) => l.startsWith('submit ')), [
      'submit count_primes(100000)',
      "submit crash('boom')",
      "submit throw('bad input')",
      'submit busy_wait(5000.0) with a 0.3 s deadline',
      'submit fib(20)',
    ]);
    assert.ok(lines.includes('count_primes(100000) -> 9592'), run.log);
    assert.ok(
      lines.some((l) => /^crash\('boom'\) raised RuntimeError: job crash\('boom'\) failed in Web Worker \d+: panicked: .*boom.*; the worker was replaced$/.test(l)),
      run.log,
    );
    assert.ok(
      lines.some((l) => /^throw\('bad input'\) raised RuntimeError: job throw\('bad input'\) failed in Web Worker \d+: threw: bad input; the worker was replaced$/.test(l)),
      run.log,
    );
    assert.ok(
      lines.some((l) => /^busy_wait\(5000\.0\) raised TimeoutError: job busy_wait\(5000\.0\) ran past its deadline of 0\.3 s; Web Worker \d+ was terminated and replaced$/.test(l)),
      run.log,
    );
    assert.ok(lines.includes('fib(20) -> 6765'), run.log);
    assert.equal(lines.at(-1), '2 results, 3 exceptions: the pool kept serving');
    // The deadline struck at about 0.3 s, not after the 5 s the job wanted.
    const times = run.log.split('\n').map((line) => split(line)[0]);
    const submitted = times[lines.indexOf('submit busy_wait(5000.0) with a 0.3 s deadline')];
    const failed = times[lines.findIndex((l) => l.startsWith('busy_wait(5000.0) raised'))];
    assert.ok(failed - submitted >= 0.29 && failed - submitted < 1.5, `the deadline struck after ${failed - submitted} s`);
    assert.match(run.workers.text, /3 replaced/);
    assert.equal(run.workers.jobs, 5);
    await run.page.screenshot({ path: join(screenshots, 'worker-faults.png'), fullPage: true });
    await run.context.close();
  });

  test('Reset stops the jobs a run has out, and the next run gets free workers', async () => {
    const { context, page, problems } = await openPage(site.browser);
    const args = ['workers=2', 'jobs=4', 'cost=60'];
    await page.goto(site.base + query('exec_thread_pool_map', args, { mode: 'real' }));
    await appReady(page);
    await page.click('#run');
    // Two one-minute jobs on two workers, the panel redrawn as they run.
    await page.waitForFunction(() => /, 2 busy/.test(document.querySelector('#workers .workers-head')?.textContent));
    await page.waitForFunction(() => /busy_wait\(60000\.0\), for 0\.[3-9]/.test(document.querySelector('#workers').textContent));
    // Nothing but the workers can move the loop on, and the status says so.
    await page.waitForFunction(() => /the loop waits for its Web Workers/.test(document.querySelector('#status').textContent));
    await page.click('#reset');
    await page.waitForFunction(() => /, 0 busy/.test(document.querySelector('#workers .workers-head')?.textContent));
    // A short run now finishes at once: nothing of the old one is in its way.
    await page.fill('[data-param="2"]', '0.2');
    await page.click('#run');
    await waitState(page, 'done', 10_000);
    assertRealRun(await logText(page), oracleLog('exec_thread_pool_map', ['workers=2', 'jobs=4', 'cost=0.2']));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('workers that cannot load give one clear error, not a hang', async () => {
    const { context, page } = await openPage(site.browser);
    await context.route(/worker_bg\.wasm$/, (route) => route.abort());
    const args = ['where=pool', 'chunks=3', 'n=1000', 'workers=2'];
    await page.goto(site.base + query('exec_cpu_offload', args, { mode: 'real' }));
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done', 30_000);
    const log = await logText(page);
    const last = log.split('\n').at(-1);
    assert.match(last, /\] Traceback: RuntimeError: the Web Workers could not start: /, log);
    assert.equal(log.split('\n').filter((l) => l.includes('could not start')).length, 1, log);
    // The workers' panel says so too.
    assert.match(await page.locator('#workers').textContent(), /could not start/);
    // The page still works: an instant run prints what the virtual pool prints.
    await page.selectOption('#mode', 'instant');
    await page.click('#run');
    await waitState(page, 'done');
    assert.match(await logText(page), /\] 3 x count_primes\(1000\) = 168 each, in 0\.20 s\n/);
    await context.close();
  });
});
