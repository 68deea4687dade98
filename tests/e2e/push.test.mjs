// End-to-end tests of values pushed into a running loop from the page: the
// seeds' consumer thread (thread_redis_consumer) and background loop
// (thread_background_loop_queue), in paced and real modes. A pushed value
// appears in the log and as a new task in the timeline.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appReady, logText, openPage, query, screenshots, splitTraceLine, startSite, waitState } from './helpers.mjs';

/** The task count the timeline's text version states ("5 tasks from ..."). */
async function timelineTasks(page) {
  const head = await page.locator('#timeline .tl-summary p').first().textContent();
  const match = /^(\d+) tasks?/.exec(head ?? '');
  return match ? Number(match[1]) : 0;
}

describe('pushing values into a running loop', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  test('paced: a pushed delay runs on the background loop, in the log and the timeline', async () => {
    const name = 'thread_background_loop_queue';
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(site.base + query(name, ['first=4', 'second=2'], { mode: 'paced', speed: '2' }));
    await appReady(page);
    assert.equal(await page.locator('#push').isDisabled(), true, 'nothing to push into before a run');
    await page.click('#run');
    await waitState(page, 'running');
    await page.waitForFunction(() => document.querySelector('#push') && !document.querySelector('#push').disabled);
    const tasksBefore = await timelineTasks(page);
    await page.fill('#push-value', '1');
    await page.click('#push');
    await page.waitForFunction(() => /Pushed 1/.test(document.querySelector('#push-status').textContent));
    await waitState(page, 'done', 20_000);
    const log = await logText(page);
    assert.match(log, /\] pushed from the page: run_coroutine_threadsafe\(do_sleep\(1, queue, "pushed-1"\), new_loop\)/);
    assert.match(log, /\] pushed-1 协程运行完\.\./);
    // The seed's two coroutines still print; the run waits for the third.
    assert.equal(log.split('\n').filter((l) => l.includes('协程运行完')).length, 3, log);
    // The pushed line comes before the first seeded completion at 2 s, and
    // its do_sleep(1) ends 1 s of loop time after it was pushed.
    const time = (pattern) => splitTraceLine(log.split('\n').find((l) => pattern.test(l)))[0];
    const pushedAt = time(/pushed from the page/);
    assert.ok(pushedAt > 0 && pushedAt < 2, `pushed at ${pushedAt}`);
    assert.ok(Math.abs(time(/pushed-1 协程运行完/) - (pushedAt + 1)) < 0.0015, log);
    assert.equal(await timelineTasks(page), tasksBefore + 1, 'the pushed coroutine has its own lane');
    await page.screenshot({ path: join(screenshots, 'push-paced.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('real: a value pushed onto the redis list is picked up at the next poll', async () => {
    const name = 'thread_redis_consumer';
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(site.base + query(name, ['tasks=1', 'poll=0.2'], { mode: 'real' }));
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'running');
    await page.fill('#push-value', '0');
    await page.press('#push-value', 'Enter');
    await waitState(page, 'done', 20_000);
    const lines = (await logText(page)).split('\n');
    const pushed = lines.findIndex((l) => /\] pushed from the page: redis-cli lpush queue 0$/.test(l));
    assert.ok(pushed > 0, lines.join('\n'));
    assert.equal(lines.filter((l) => l.includes('协程运行完')).length, 2, lines.join('\n'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Back replays what was pushed: after Back the log is the one the run had then', async () => {
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(site.base + query('thread_redis_consumer', [], { mode: 'paced' }));
    await appReady(page);
    const iterations = async () => Number(await page.locator('#iterations').textContent());
    const logs = [];
    const step = async () => {
      const n = await iterations();
      await page.click('#step');
      await page.waitForFunction((m) => document.querySelector('#iterations')?.textContent === String(m), n + 1);
      logs[n + 1] = await logText(page);
    };
    await step();
    await step();
    await page.fill('#push-value', '2');
    await page.click('#push');
    await page.waitForFunction(() => /Pushed 2/.test(document.querySelector('#push-status').textContent));
    await step();
    await step();
    const now = await iterations();
    assert.match(logs[now], /pushed from the page: redis-cli lpush queue 2/);
    await page.click('#back');
    await page.waitForFunction((m) => document.querySelector('#iterations')?.textContent === String(m), now - 1);
    assert.equal(await logText(page), logs[now - 1]);
    await page.click('#back');
    await page.waitForFunction((m) => document.querySelector('#iterations')?.textContent === String(m), now - 2);
    assert.equal(await logText(page), logs[now - 2]);
    // Stepping on from there takes the push again, as the run did.
    const then = logs[now - 1];
    await step();
    assert.equal(await logText(page), then);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('bad values and pushes outside a run get a message and change nothing', async () => {
    const name = 'thread_background_loop_queue';
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(site.base + query(name, ['first=3', 'second=1'], { mode: 'paced', speed: '1' }));
    await appReady(page);
    // Enter outside a run: told to run first.
    await page.fill('#push-value', '2');
    await page.press('#push-value', 'Enter');
    assert.match(await page.locator('#push-status').textContent(), /Run the scenario first/);
    await page.click('#run');
    await waitState(page, 'running');
    for (const [value, message] of [
      ['abc', /whole number of seconds, got "abc"/],
      ['-2', /from 0 to 3600 seconds, got -2/],
      ['1e9', /whole number/],
    ]) {
      await page.fill('#push-value', value);
      await page.click('#push');
      assert.match(await page.locator('#push-status').textContent(), message);
      assert.equal(await page.locator('#push-value').getAttribute('aria-invalid'), 'true');
    }
    await page.click('#pause');
    await waitState(page, 'paused');
    await page.fill('#push-value', '0');
    await page.click('#push');
    assert.match(await page.locator('#push-status').textContent(), /Pushed 0 \(the loop takes it when it runs on\)/);
    await page.click('#run');
    await waitState(page, 'done', 20_000);
    const log = await logText(page);
    assert.equal(log.split('\n').filter((l) => l.includes('协程运行完')).length, 3, log);
    assert.doesNotMatch(log, /abc|refused/);
    // Instant mode: the push box says why it is off.
    await page.selectOption('#mode', 'instant');
    assert.match(await page.locator('#push').getAttribute('title'), /Instant mode runs to the end at once/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
