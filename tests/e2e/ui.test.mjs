// End-to-end tests of the page's state and controls: the parameter form,
// the URL, the embedded layout and its snippet, the Python pane, copying,
// and keyboard shortcuts.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appReady,
  iterations,
  logText,
  openPage,
  oracleLog,
  query,
  reference,
  screenshots,
  startSite,
  waitState,
} from './helpers.mjs';

describe('page state and controls', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  test('the gallery search filters scenarios by name and summary', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base);
    await appReady(page);
    const visible = () =>
      page.$$eval('li[data-search]', (cards) =>
        cards.filter((c) => !c.hidden && c.offsetParent !== null).map((c) => c.querySelector('.card-name').textContent),
      );
    const all = await page.locator('li[data-search]').count();
    assert.ok(all >= 49, `${all} cards`);
    assert.equal((await visible()).length, all);
    await page.fill('#search', 'Semaphore');
    await page.waitForFunction(() => /match/.test(document.getElementById('search-status').textContent));
    const found = await visible();
    assert.ok(found.includes('sync_semaphore_fetch'), found.join(', '));
    assert.ok(found.includes('thread_semaphore'), found.join(', '));
    assert.ok(!found.includes('tasks_gather_factorial'), found.join(', '));
    assert.equal(await page.locator('#search-status').innerText(), `${found.length} scenarios match.`);
    // Every word must match, in name or summary; topics left empty hide.
    await page.fill('#search', 'queue priority');
    await page.waitForFunction(() => document.getElementById('search-status').textContent === '1 scenario matches.');
    assert.deepEqual(await visible(), ['queue_priority_semaphore']);
    assert.equal(await page.locator('section.topic:not([hidden])').count(), 1);
    await page.fill('#search', '<img src=x onerror=alert(1)> nothing');
    await page.waitForFunction(() => document.getElementById('search-status').textContent === 'No scenario matches.');
    assert.equal(await page.locator('img').count(), 0);
    await page.fill('#search', '');
    await page.waitForFunction(() => document.getElementById('search-status').textContent === '');
    assert.equal((await visible()).length, all);
    await context.close();
  });

  test('a bad value is marked at its field and Run waits until it is fixed', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query('tasks_wait_timeout', [], { mode: 'instant' }));
    await appReady(page);
    const field = page.locator('#param-tasks');
    const error = page.locator('#error-tasks');
    assert.equal(await error.isVisible(), false);
    await field.fill('999');
    await page.waitForSelector('#error-tasks:not([hidden])');
    assert.equal(await error.innerText(), 'tasks=999 is out of range [1, 20]');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.ok(await page.locator('#run').isDisabled(), 'Run is enabled with a bad value');
    assert.ok(await page.locator('#run-blocked').isVisible());
    // Not a number at all (the browser reads "1e" as no number).
    await field.fill('');
    await field.pressSequentially('1e');
    await page.waitForFunction(() => /not a number/.test(document.getElementById('error-tasks').textContent));
    assert.match(await error.innerText(), /allowed: a whole number from 1 to 20/);
    assert.ok(await page.locator('#run').isDisabled());
    // An invalid value commits nothing, not even the "1" typed before the
    // "e": the URL keeps the value from before the edit (the default).
    assert.equal(new URL(page.url()).searchParams.get('tasks'), null);
    // A float where an int is expected: run.py's message, with the range.
    await field.fill('2.5');
    await page.waitForFunction(() => /expected int/.test(document.getElementById('error-tasks').textContent));
    assert.equal(await error.innerText(), "tasks: expected int, got '2.5' (allowed: a whole number from 1 to 20)");
    // Fixed: the message goes, Run comes back, and runs the new value.
    await field.fill('4');
    await page.waitForSelector('#error-tasks[hidden]', { state: 'attached' });
    assert.ok(await page.locator('#run').isEnabled());
    assert.equal(await field.getAttribute('aria-invalid'), null);
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog('tasks_wait_timeout', ['tasks=4']));
    // Reset to defaults.
    await page.click('#defaults');
    assert.equal(await field.inputValue(), '3');
    assert.ok(!page.url().includes('tasks='), page.url());
    await context.close();
  });

  test('choices are selects, ranges have sliders, and every control has a label', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query('tasks_wait_return_when'));
    await appReady(page);
    assert.equal(await page.locator('#param-return_when').evaluate((e) => e.tagName), 'SELECT');
    assert.deepEqual(
      await page.locator('#param-fail option').allInnerTexts(),
      ['none', 'A', 'B', 'C'],
    );
    assert.equal(await page.locator('#param-a').getAttribute('type'), 'number');
    assert.equal(await page.locator('#param-a').getAttribute('max'), '3600');
    await page.goto(site.base + query('tasks_wait_timeout'));
    await appReady(page);
    // The slider and the number field stay together.
    await page.locator('input[type=range][data-param="2"]').fill('7');
    assert.equal(await page.locator('#param-tasks').inputValue(), '7');
    await page.waitForFunction(() => location.search.includes('tasks=7'));
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((e) => !(e.labels?.length || e.getAttribute('aria-label') || e.textContent.trim()))
        .map((e) => e.outerHTML),
    );
    assert.deepEqual(unlabelled, []);
    await context.close();
  });

  test('the URL follows every edit and a reload restores it', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query('sync_semaphore_fetch'));
    await appReady(page);
    await page.fill('#param-limit', '2');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('limit') === '2');
    await page.fill('#param-latency', '0.25');
    // Speed is for paced runs (the default mode), so set it first.
    await page.locator('#speed').fill('7');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('speed') === '20');
    await page.selectOption('#mode', 'instant');
    assert.ok(await page.locator('#speed').isDisabled(), 'speed applies to paced runs only');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('scenario'), 'sync_semaphore_fetch');
    assert.equal(url.searchParams.get('latency'), '0.25');
    assert.equal(url.searchParams.get('mode'), 'instant');
    await page.reload();
    await appReady(page);
    assert.equal(await page.locator('#param-limit').inputValue(), '2');
    assert.equal(await page.locator('#param-latency').inputValue(), '0.25');
    assert.equal(await page.locator('#mode').inputValue(), 'instant');
    assert.equal(await page.locator('.speed-value').innerText(), '20×');
    // Back at a default, a parameter leaves the URL.
    await page.fill('#param-limit', '6');
    await page.waitForFunction(() => !location.search.includes('limit='));
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog('sync_semaphore_fetch', ['latency=0.25']));
    await context.close();
  });

  test('a bad value in the URL is reported and replaced by the default', async () => {
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(`${site.base}?scenario=tasks_wait_timeout&tasks=999&mode=warp&speed=0&bogus=<b>x</b>`);
    await appReady(page);
    const notices = page.locator('#notices');
    assert.ok(await notices.isVisible(), 'no notice');
    const text = await notices.innerText();
    assert.match(text, /tasks=999 is out of range \[1, 20\]: using the default, tasks=3/);
    assert.match(text, /mode='warp' is not one of instant, paced, real/);
    assert.match(text, /speed='0' is out of range \[0.25, 100\]/);
    // Text from the URL is shown as text, never as HTML.
    assert.match(text, /no parameter '<b>x<\/b>'|no parameter 'bogus'/);
    assert.equal(await page.locator('#notices b').count(), 0);
    assert.equal(await page.locator('#param-tasks').inputValue(), '3');
    assert.equal(await page.locator('#mode').inputValue(), 'paced');
    // The address now holds what the page uses.
    assert.equal(new URL(page.url()).search, '?scenario=tasks_wait_timeout');
    assert.ok(await page.locator('#run').isEnabled());
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('?embed=1 shows the compact layout, and Embed gives its snippet', async () => {
    const { context, page } = await openPage(site.browser, {
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(site.base + query('sync_semaphore_fetch', ['limit=3']));
    await appReady(page);
    await page.click('#embed');
    const snippet = await page.locator('#embed-code').inputValue();
    const src = snippet.match(/src="([^"]+)"/)?.[1];
    assert.ok(src, snippet);
    const embedUrl = new URL(src.replaceAll('&amp;', '&'));
    assert.equal(embedUrl.searchParams.get('embed'), '1');
    assert.equal(embedUrl.searchParams.get('limit'), '3');
    assert.match(snippet, /^<iframe data-asyncio-playground src="[^"]+" title="asyncio playground: sync_semaphore_fetch"/);
    assert.match(snippet, /\n<script src="http:\/\/[^"]+\/embed\.js" defer><\/script>$/);
    // The snippet follows the form.
    await page.fill('#param-limit', '4');
    await page.waitForFunction(() => document.getElementById('embed-code').value.includes('limit=4'));
    const src4 = (await page.locator('#embed-code').inputValue()).match(/src="([^"]+)"/)[1];
    await page.click('#copy-embed');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('#embed-panel .copy-status').textContent));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.locator('#embed-code').inputValue());

    // The embedded page itself.
    const embedPage = await context.newPage();
    await embedPage.setViewportSize({ width: 600, height: 700 });
    await embedPage.goto(src4.replaceAll('&amp;', '&'));
    await appReady(embedPage);
    assert.ok(await embedPage.locator('body.embed').count());
    for (const hidden of ['.site-header', '.site-footer', '.params', '.python', '#embed', 'a.back']) {
      assert.equal(await embedPage.locator(hidden).isVisible(), false, `${hidden} shows in the embed`);
    }
    for (const shown of ['#run', '#step', '#mode', '#timeline', '#log', 'a.full-page']) {
      assert.ok(await embedPage.locator(shown).isVisible(), `${shown} is missing from the embed`);
    }
    const full = new URL(await embedPage.locator('a.full-page').getAttribute('href'), embedPage.url());
    assert.equal(full.searchParams.get('embed'), null);
    assert.equal(full.searchParams.get('limit'), '4');
    await embedPage.selectOption('#mode', 'instant');
    await embedPage.click('#run');
    await waitState(embedPage, 'done');
    assert.equal(await logText(embedPage), oracleLog('sync_semaphore_fetch', ['limit=4']));
    await embedPage.screenshot({ path: join(screenshots, 'embed.png'), fullPage: true });
    await context.close();
  });

  test('the Python pane shows the program with the current values; it prints the log', async () => {
    const name = 'tasks_gather_factorial';
    const args = ['a=3', 'c=5', 'step=0.5'];
    const { context, page } = await openPage(site.browser, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(site.base + query(name, args, { mode: 'instant' }));
    await appReady(page);
    assert.ok((await page.locator('#python .tok-kw').count()) > 3, 'no highlighted keywords');
    assert.ok((await page.locator('#python .tok-str').count()) > 0, 'no highlighted strings');
    assert.match(
      await page.locator('#python-note').innerText(),
      /^The oracle's pyrun\.py runs this program on a virtual clock and prints exactly the output shown/,
    );
    await page.click('#copy-python');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('.python .copy-status').textContent));
    const program = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(program, await page.locator('#python').textContent());
    assert.match(program, /asyncio\.sleep\(0\.5\)/);
    // The program, run by the oracle's pyrun.py, prints what the page prints.
    await page.click('#run');
    await waitState(page, 'done');
    const dir = mkdtempSync(join(tmpdir(), 'playground-'));
    writeFileSync(join(dir, `${name}.py`), program);
    const printed = execFileSync('python3', [join(reference, 'pyrun.py'), join(dir, `${name}.py`)], {
      encoding: 'utf8',
    });
    assert.equal(printed.slice(0, -1), await logText(page));
    // An edit changes the program.
    await page.fill('#param-step', '0.75');
    await page.waitForFunction(() => /asyncio\.sleep\(0\.75\)/.test(document.getElementById('python').textContent));
    // Copying the log.
    await page.click('#copy-log');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('.output .copy-status').textContent));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await logText(page));
    // Thread scenarios say they are modelled instead.
    await page.goto(site.base + query('thread_lock_counter'));
    await appReady(page);
    const note = await page.locator('#python-note').innerText();
    assert.doesNotMatch(note, /you get these lines/);
    assert.match(note, /model/i);
    assert.match(await page.locator('#python').textContent(), /import threading/);
    await context.close();
  });

  test('a copy that fails is reported in words', async () => {
    // No clipboard permission: writeText is refused.
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query('sync_event', [], { mode: 'instant' }));
    await appReady(page);
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
      });
    });
    await page.click('#copy-python');
    await page.waitForFunction(() => document.querySelector('.python .copy-status').textContent.length > 0);
    assert.match(
      await page.locator('.python .copy-status').innerText(),
      /Could not copy \(Write permission denied\.\)\. Select the text and copy it by hand\./,
    );
    await context.close();
  });

  test('keyboard: space runs and pauses, s steps, r resets; not while typing', async () => {
    const name = 'tasks_gather_factorial';
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query(name));
    await appReady(page);
    await page.locator('h2').focus();
    await page.keyboard.press('s');
    await waitState(page, 'paused');
    assert.equal(await iterations(page), 1);
    await page.keyboard.press('s');
    await page.waitForFunction(() => document.getElementById('iterations').textContent === '2');
    await page.keyboard.press(' ');
    await waitState(page, 'running');
    await page.keyboard.press(' ');
    await waitState(page, 'paused');
    await page.keyboard.press('r');
    await waitState(page, 'idle');
    assert.equal(await logText(page), '');
    // Typing in a field is typing.
    await page.locator('#param-a').focus();
    await page.keyboard.press('s');
    await page.keyboard.press(' ');
    assert.equal(await page.getAttribute('body', 'data-state'), 'idle');
    assert.equal(await iterations(page), 0);
    // Focus is visible on the controls.
    await page.locator('#run').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const outline = await page.locator('#run').evaluate((e) => getComputedStyle(e).outlineStyle);
    assert.notEqual(outline, 'none');
    // Space on a focused button is that button's own click (once).
    await page.keyboard.press(' ');
    await waitState(page, 'running');
    await page.keyboard.press('r');
    await waitState(page, 'idle');
    await context.close();
  });
});
