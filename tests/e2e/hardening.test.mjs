// End-to-end tests of issue 9's hardening: the Content-Security-Policy (no
// inline script), text from the URL that is never HTML, the page inside a
// sandboxed iframe of another origin, and the cap on the log.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appReady, logText, openPage, oracleLog, query, serveStatic, startSite, waitState } from './helpers.mjs';

/** Record every CSP violation of the page in `window.__csp` (before any script of the page runs). */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

const PAYLOADS = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">'];

describe('hardening', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  test('the page runs under its Content-Security-Policy without a violation', async () => {
    const { context, page, problems } = await openPage(site.browser);
    await recordViolations(page);
    await page.goto(site.base);
    await appReady(page);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(policy, /unsafe-inline/);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
    assert.ok((await page.locator('.card, [data-scenario]').count()) > 10, 'the gallery is shown');
    const name = 'tasks_say_after_sequential';
    // Instant, then paced at the highest speed; the timeline is drawn and hovered.
    await page.goto(site.base + query(name, [], { mode: 'instant' }));
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog(name));
    const canvas = page.locator('#timeline canvas').first();
    if ((await canvas.count()) > 0) await canvas.hover();
    await page.goto(site.base + query(name, [], { mode: 'paced', speed: '100' }));
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog(name));
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('text from the URL is never interpreted as HTML', async () => {
    const { context, page } = await openPage(site.browser);
    await recordViolations(page);
    const name = 'tasks_wait_timeout';
    await page.goto(site.base + query(name));
    await appReady(page);
    const params = await page.evaluate(() =>
      [...document.querySelectorAll('[id^="param-"]')].map((element) => element.id.slice('param-'.length)),
    );
    assert.ok(params.length >= 2, `parameters of ${name}: ${params}`);
    const keys = ['scenario', 'mode', 'speed', 'embed', ...params, 'no_such_key'];
    for (const payload of PAYLOADS) {
      for (const key of keys) {
        const search = new URLSearchParams(key === 'scenario' ? {} : { scenario: name });
        search.set(key, payload);
        await page.goto(`${site.base}?${search}`);
        await appReady(page);
        const where = `${key}=${payload}`;
        assert.equal(await page.evaluate(() => window.__pwned), undefined, where);
        assert.equal(await page.locator('img[src="x"], img[onerror]').count(), 0, where);
        assert.equal(await page.locator('main script, #notices script, #error script').count(), 0, where);
        // Where the page reports the value, it shows it as text.
        const shown = await page.evaluate(
          () => `${document.getElementById('error').textContent}\n${document.getElementById('notices').textContent}`,
        );
        if (key === 'scenario' || params.includes(key)) {
          assert.ok(shown.includes(payload), `${where}: reported as text, got ${JSON.stringify(shown)}`);
        }
      }
    }
    // The snippet and the address of a run with a payload stay text too.
    const search = new URLSearchParams({ scenario: name, mode: 'instant', [params[0]]: PAYLOADS[1] });
    await page.goto(`${site.base}?${search}`);
    await appReady(page);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    await context.close();
  });

  test('the page works inside a sandboxed iframe of another origin', async () => {
    const name = 'tasks_say_after_sequential';
    const parentRoot = mkdtempSync(join(tmpdir(), 'playground-parent-'));
    const src = `${site.base}?scenario=${name}&embed=1&mode=instant`;
    writeFileSync(
      join(parentRoot, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>parent</title></head><body>
<iframe id="embedded" title="asyncio playground" width="800" height="600"
  sandbox="allow-scripts allow-same-origin" src="${src}"></iframe></body></html>`,
    );
    const parent = await serveStatic(parentRoot);
    try {
      assert.notEqual(new URL(parent.base).origin, new URL(site.base).origin);
      const { context, page, problems } = await openPage(site.browser);
      await page.goto(parent.base);
      const handle = await page.waitForSelector('#embedded');
      const frame = await handle.contentFrame();
      await frame.waitForSelector('body:not([data-state="loading"])', { timeout: 15_000 });
      assert.equal(await frame.evaluate(() => document.body.classList.contains('embed')), true);
      await frame.click('#run');
      await frame.waitForSelector('body[data-state="done"]', { timeout: 15_000 });
      const log = await frame.locator('#log').evaluate((element) => element.textContent);
      assert.equal(log, oracleLog(name));
      // A message from the parent changes nothing: the page accepts none.
      await page.evaluate(() =>
        document.getElementById('embedded').contentWindow.postMessage({ type: 'run', scenario: 'x' }, '*'),
      );
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      assert.equal(await frame.getAttribute('body', 'data-state'), 'done');
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      parent.server.close();
      rmSync(parentRoot, { recursive: true, force: true });
    }
  });

  test('the Embed snippet uses the sandbox the page works in', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query('tasks_say_after_sequential'));
    await appReady(page);
    await page.click('#embed');
    const snippet = await page.locator('#embed-code').inputValue();
    assert.match(snippet, / sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"/);
    await context.close();
  });

  test('a step that never awaits is stopped within 2 s, with its runaway line and an explanation', async () => {
    const name = 'tasks_crawler_bug';
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(site.base + query(name, [], { mode: 'instant' }));
    await appReady(page);
    const started = Date.now();
    await page.click('#run');
    await waitState(page, 'done', 2000);
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 2000, `the run ended ${elapsed} ms after Run`);
    const last = (await logText(page)).split('\n').at(-1);
    assert.match(last, /^\[\s*[0-9.]+\] runaway: Task-1 did \d+ operations in one step without awaiting/);
    assert.equal(await page.locator('#explain').isVisible(), true);
    assert.match(await page.locator('#explain h4').textContent(), /^Runaway/);
    assert.match(await page.locator('#explain').textContent(), /without ever awaiting/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a run with millions of lines is capped with a visible notice and the page stays responsive', async (t) => {
    const name = 'thread_semaphore';
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(site.base + query(name, ['hold=0.01', 'run_time=3600'], { mode: 'instant' }));
    await appReady(page);
    assert.equal(await page.locator('#log-truncated').isVisible(), false);
    await page.click('#run');
    await page.waitForSelector('#log-truncated:not([hidden])', { timeout: 60_000 });
    assert.match(await page.locator('#log-truncated').textContent(), /Output truncated after 100,000 lines/);
    const lines = await page.locator('#log').evaluate((element) => element.textContent.split('\n').length);
    assert.equal(lines, 100_000);
    // The run goes on past the cap: the line counter passes it.
    await page.waitForFunction(() => Number(document.getElementById('line-count')?.textContent ?? 0) > 100_000, null, {
      timeout: 60_000,
    });
    // The timeline stops recording too, and says so.
    await page.waitForSelector('#timeline .tl-truncated:not([hidden])', { timeout: 60_000 });
    // The page answers, and Reset ends the run and clears the notice.
    const started = Date.now();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    t.diagnostic(`a frame came ${Date.now() - started} ms after asking, past the cap`);
    await page.click('#reset');
    await waitState(page, 'idle', 2000);
    assert.equal(await logText(page), '');
    assert.equal(await page.locator('#log-truncated').isVisible(), false);
    // A normal run afterwards shows exactly the trace, with no notice.
    await page.fill('#param-run_time', '3');
    await page.fill('#param-hold', '1');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog(name, ['hold=1', 'run_time=3']));
    assert.equal(await page.locator('#log-truncated').isVisible(), false);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
