// End-to-end tests of running scenarios: non-default parameters against the
// oracle, paced runs that unfold over time, Pause / Step / Reset, and a huge
// instant run that the page survives and stops.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  appReady,
  iterations,
  logText,
  openPage,
  oracleLog,
  query,
  screenshots,
  splitTraceLine,
  startSite,
  waitState,
} from './helpers.mjs';

/** Scenarios across every topic, with parameters away from their defaults. */
const CASES = [
  ['tasks_wait_timeout', ['tasks=5', 'timeout=1.5']],
  ['tasks_gather_exception', ['fail=TaskA', 'return_exceptions=1']],
  ['tasks_wait_return_when', ['return_when=FIRST_EXCEPTION', 'fail=B']],
  ['tasks_wait_for_timeout', ['duration=1', 'timeout=3']],
  ['sync_semaphore_fetch', ['numbers=20', 'limit=4', 'latency=0.5']],
  ['sync_condition_notify', ['consumers=4', 'gap=0.3']],
  ['queue_random_workers', ['seed=7', 'items=30', 'workers=5']],
  ['queue_stop_signals', ['consumers=3', 'maxsize=1']],
  ['exec_thread_pool_map', ['workers=2', 'jobs=7', 'cost=0.5']],
  ['exec_pool_jobs', ['jobs=7', 'max_workers=3', 'cost=0.5']],
  ['thread_race_counter', ['iterations=500', 'switch_every=7', 'threads=3']],
  ['thread_rlock', ['reentrant=0']],
  ['thread_redis_consumer', ['more=7,8', 'more_at=1.5']],
  ['loop_call_soon_later_at', ['a=2', 'tom=0.5']],
];

describe('running scenarios', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  test('instant runs with non-default parameters print what run.py prints for them', async () => {
    const { context, page, problems } = await openPage(site.browser);
    const mismatches = [];
    for (const [name, args] of CASES) {
      await page.goto(site.base + query(name, args, { mode: 'instant' }));
      await appReady(page);
      // The form shows the values from the address.
      for (const arg of args) {
        const [key, value] = arg.split('=');
        assert.equal(await page.locator(`#param-${key}`).inputValue(), value, `${name}: field ${key}`);
      }
      assert.equal(await page.locator('#notices').isVisible(), false, `${name}: unexpected notice`);
      await page.click('#run');
      await waitState(page, 'done');
      const log = await logText(page);
      if (log !== oracleLog(name, args)) mismatches.push(`${name} ${args.join(' ')}`);
      // A run that ends in a traceback or a deadlock is explained in words.
      const last = log.split('\n').at(-1);
      const explained = await page.locator('#explain').isVisible();
      assert.equal(explained, /\] (Traceback|deadlock): /.test(last), `${name}: explanation panel`);
      if (/deadlock: /.test(last)) {
        const text = await page.locator('#explain').innerText();
        assert.match(text, /Deadlock/);
        assert.match(text, /waits on/, `${name}: the panel says what the tasks wait on`);
      }
    }
    assert.deepEqual(mismatches, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a paced run at 100x shows lines appearing over time, then the oracle output', async () => {
    const name = 'thread_semaphore';
    const args = ['hold=3', 'run_time=25'];
    const { context, page } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(site.base + query(name, args, { speed: '100' }));
    await appReady(page);
    assert.equal(await page.locator('#mode').inputValue(), 'paced');
    // Record when #log changes, from inside the page.
    await page.evaluate(() => {
      window.logChanges = [];
      const log = document.getElementById('log');
      new MutationObserver(() =>
        window.logChanges.push([performance.now(), log.textContent.length]),
      ).observe(log, { childList: true, characterData: true, subtree: true });
    });
    const clicked = await page.evaluate(() => performance.now());
    await page.click('#run');
    // First sample: some lines, still running.
    const first = await page.waitForFunction(() => {
      const n = document.getElementById('log').textContent.length;
      return n > 0 && { n, state: document.body.dataset.state };
    });
    const sample1 = await first.jsonValue();
    assert.equal(sample1.state, 'running', 'the run ended before the first sample');
    // Second sample: more lines, and still running.
    const second = await page.waitForFunction(
      (n) => {
        const length = document.getElementById('log').textContent.length;
        return length > n && { n: length, state: document.body.dataset.state };
      },
      sample1.n,
    );
    const sample2 = await second.jsonValue();
    assert.ok(sample2.n > sample1.n);
    assert.equal(sample2.state, 'running', 'the log did not grow while the run was going');
    await page.screenshot({ path: join(screenshots, 'run-in-progress.png'), fullPage: true });
    await waitState(page, 'done');
    const changes = await page.evaluate(() => window.logChanges);
    const finished = changes.at(-1)[0];
    // 25 virtual seconds at 100x: a quarter of a second of real time at least.
    assert.ok(finished - clicked >= 200, `the run took ${(finished - clicked).toFixed(0)} ms`);
    assert.ok(changes.length >= 5, `the log changed ${changes.length} times`);
    assert.equal(await logText(page), oracleLog(name, args));
    await context.close();
  });

  test('Pause stops a paced run, Step runs one iteration, Run continues, Reset clears', async () => {
    const name = 'tasks_gather_factorial';
    const expected = oracleLog(name);
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query(name));
    await appReady(page);
    await page.click('#run');
    // The three lines at t=0, then a one-second wait: pause during it.
    await page.waitForFunction(() => document.getElementById('log').textContent.split('\n').length >= 3);
    await page.click('#pause');
    await waitState(page, 'paused');
    assert.equal(await page.locator('#run').innerText(), 'Continue');
    assert.ok(await page.locator('#pause').isDisabled());
    const pausedAt = await iterations(page);
    const pausedLog = await logText(page);
    assert.ok(expected.startsWith(pausedLog));
    // Nothing happens while paused, though the next deadline (1 s away at
    // 1x) passes: wait on the page's own clock, then compare.
    const t0 = await page.evaluate(() => performance.now());
    await page.waitForFunction((t) => performance.now() > t + 1500, t0);
    assert.equal(await iterations(page), pausedAt);
    assert.equal(await logText(page), pausedLog);
    // Each Step is one loop iteration; the log stays a prefix of the oracle's.
    let previousLog = pausedLog;
    for (let i = 1; i <= 3; i++) {
      await page.click('#step');
      await page.waitForFunction((n) => Number(document.getElementById('iterations').textContent) === n, pausedAt + i);
      assert.equal(await page.getAttribute('body', 'data-state'), 'paused');
      const log = await logText(page);
      assert.ok(expected.startsWith(log), `after step ${i}: ${JSON.stringify(log)}`);
      assert.ok(log.length >= previousLog.length);
      previousLog = log;
    }
    // Continue at full speed.
    await page.locator('#speed').fill('9');
    assert.equal(await page.locator('.speed-value').innerText(), '100×');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), expected);
    // Reset: back to idle, nothing shown.
    await page.click('#reset');
    await waitState(page, 'idle');
    assert.equal(await logText(page), '');
    assert.equal(await iterations(page), 0);
    assert.ok(await page.locator('#reset').isDisabled());
    await context.close();
  });

  test('stepping a whole run one iteration at a time prints the oracle output', async () => {
    const name = 'tasks_say_after_create_task';
    const args = ['delay1=2', 'delay2=0.5'];
    const expected = oracleLog(name, args);
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query(name, args));
    await appReady(page);
    let steps = 0;
    while ((await page.getAttribute('body', 'data-state')) !== 'done') {
      await page.click('#step');
      steps += 1;
      await page.waitForFunction((n) => Number(document.getElementById('iterations').textContent) === n, steps);
      assert.ok(steps < 100, 'the run does not end');
      assert.ok(expected.startsWith(await logText(page)));
    }
    assert.equal(await logText(page), expected);
    assert.ok(steps >= 4, `${steps} steps`);
    await context.close();
  });

  test('real mode: loop.time() follows the wall clock and sleeps really wait', async () => {
    const name = 'tasks_say_after_create_task';
    const args = ['delay1=0.4', 'delay2=0.8'];
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(site.base + query(name, args, { mode: 'real' }));
    await appReady(page);
    assert.equal(await page.locator('#mode').inputValue(), 'real');
    const started = await page.evaluate(() => performance.now());
    await page.click('#run');
    await waitState(page, 'done');
    const elapsed = (await page.evaluate(() => performance.now())) - started;
    assert.ok(elapsed >= 750, `the run took ${elapsed.toFixed(0)} ms of real time`);
    // The same lines as the virtual run, at times close to the virtual ones.
    const real = (await logText(page)).split('\n').map(splitTraceLine);
    const virtual = oracleLog(name, args).split('\n').map(splitTraceLine);
    assert.deepEqual(
      real.map(([, text]) => text),
      virtual.map(([, text]) => text),
    );
    for (const [i, [t]] of real.entries()) {
      const expected = virtual[i][0];
      assert.ok(t >= expected - 0.005 && t < expected + 0.25, `line ${i}: ${t} s, virtually ${expected} s`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a huge instant run shows progress, keeps the page responsive, and stops at once', async (t) => {
    // The heaviest lesson at its maxima: several seconds in the page, so it is still running
    // when the checks below look.
    const name = 'thread_lock_counter';
    const args = ['iterations=1000000', 'switch_every=1', 'threads=10'];
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(site.base + query(name, args, { mode: 'instant' }));
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'running');
    // Progress: the iteration counter moves while the run goes on.
    const first = await (
      await page.waitForFunction(() => {
        const n = Number(document.getElementById('iterations').textContent);
        return n > 1000 && n;
      })
    ).jsonValue();
    await page.waitForFunction((n) => Number(document.getElementById('iterations').textContent) > n, first);
    assert.equal(await page.getAttribute('body', 'data-state'), 'running');
    // The page answers while the run goes on.
    const started = Date.now();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const frame = Date.now() - started;
    t.diagnostic(`a frame came ${frame} ms after asking, during a huge instant run`);
    assert.ok(frame < 500, `a frame took ${frame} ms`);
    // Pause holds it; Reset ends it within a second.
    await page.click('#pause');
    await waitState(page, 'paused', 1000);
    await page.click('#run');
    await waitState(page, 'running', 1000);
    const resetAt = Date.now();
    await page.click('#reset');
    await waitState(page, 'idle', 1000);
    t.diagnostic(`idle ${Date.now() - resetAt} ms after Reset`);
    assert.equal(await logText(page), '');
    // The page still works: a small run goes to the end.
    await page.fill('#param-iterations', '100');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog(name, ['iterations=100', 'switch_every=1', 'threads=10']));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
