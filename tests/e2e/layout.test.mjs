// End-to-end tests of the lesson page's layout (issue 17): Run, the first
// output lines and the start of the timeline above the fold on laptop
// screens, the wheel over the timeline, the run controls never covering the
// timeline's, the frame meter's panel, parameter edits (an invalid value
// commits nothing; an edit during a run applies to the next one), the
// gallery's learning path, its search and focus after Back, and the CJK font
// stack with the English gloss. Screenshots go to tests/e2e/screenshots/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appReady, logText, openPage, oracleLog, query, screenshots, startSite, waitState, seriousViolations } from './helpers.mjs';


/** The laptop and desktop screens the issue was measured on. */
const SCREENS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];


/** Where things are, in CSS pixels from the top of the viewport. */
function positions(page) {
  return page.evaluate(() => {
    const box = (selector) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: Math.round(r.height) };
    };
    const log = document.getElementById('log');
    const style = getComputedStyle(log);
    return {
      scrollY: window.scrollY,
      viewport: window.innerHeight,
      run: box('#run'),
      log: box('#log'),
      logPaddingTop: parseFloat(style.paddingTop),
      logMaxHeight: parseFloat(style.maxHeight),
      logScrollTop: log.scrollTop,
      lineHeight: parseFloat(style.lineHeight),
      timeline: box('.timeline'),
      toolbar: box('.tl-toolbar'),
      zoom: box('.tl-toolbar .tl-button'),
    };
  });
}

describe('lesson layout and learning path', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  for (const screen of SCREENS) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${screen.width}x${screen.height} (${colorScheme}): Run, the first output lines and the timeline's start are above the fold`, async (t) => {
        const { context, page, problems } = await openPage(site.browser, { viewport: screen, colorScheme });
        // A short output and a long one (the log scrolls inside its box).
        for (const name of ['tasks_say_after_sequential', 'exec_pool_jobs']) {
          await page.goto(site.base + query(name, [], { mode: 'instant' }));
          await appReady(page);
          const before = await positions(page);
          t.diagnostic(`${name} before the run: Run ${before.run.top}-${before.run.bottom} px`);
          assert.equal(before.scrollY, 0);
          assert.ok(before.run.bottom <= screen.height, `${name}: Run ends at ${before.run.bottom} px`);
          await page.click('#run');
          await waitState(page, 'done');
          assert.equal(await logText(page), oracleLog(name));
          const done = await positions(page);
          // The first three lines of the log and the timeline's first row
          // (its zoom buttons) are on screen, without scrolling.
          const threeLines = done.log.top + done.logPaddingTop + 3 * done.lineHeight;
          t.diagnostic(
            `${name} after the run: log ${done.log.top}-${done.log.bottom} px, timeline from ` +
              `${done.timeline.top} px (zoom buttons ${done.zoom.top}-${done.zoom.bottom} px)`,
          );
          assert.equal(done.scrollY, 0);
          assert.equal(done.logScrollTop, 0, `${name}: the log does not show its first lines`);
          assert.ok(threeLines <= screen.height, `${name}: the third output line ends at ${threeLines} px`);
          assert.ok(done.zoom.bottom <= screen.height, `${name}: the timeline's zoom buttons end at ${done.zoom.bottom} px`);
          const shot = name === 'exec_pool_jobs' ? 'fold-long' : 'fold';
          await page.screenshot({ path: join(screenshots, `${shot}-${screen.width}x${screen.height}-${colorScheme}.png`) });
        }
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }

  test('in every lesson at 1280x800 and 1366x768, Run, the output and the timeline fit, whatever the output', async () => {
    const { context, page } = await openPage(site.browser, { viewport: SCREENS[0] });
    await page.goto(site.base);
    await appReady(page);
    const names = await page.locator('a.card-link[data-scenario]').evaluateAll((links) => links.map((l) => l.dataset.scenario));
    const misses = [];
    for (const screen of SCREENS.slice(0, 2)) {
      await page.setViewportSize(screen);
      for (const name of names) {
        await page.goto(site.base + query(name, [], { mode: 'instant' }));
        await appReady(page);
        // A lesson written in Python opens in the interpreter's build.
        await page.locator('#log').waitFor();
        const at = await positions(page);
        // The log grows with the output up to its maximum height, pushing
        // the timeline down by as much.
        const toolbarAtWorst = at.zoom.bottom + (at.logMaxHeight - at.log.height);
        const threeLines = at.log.top + at.logPaddingTop + 3 * at.lineHeight;
        if (at.run.bottom > screen.height || threeLines > screen.height || toolbarAtWorst > screen.height) {
          misses.push(
            `${screen.width}x${screen.height} ${name}: Run ends at ${at.run.bottom}, line 3 at ${threeLines}, ` +
              `the zoom buttons at up to ${toolbarAtWorst} px`,
          );
        }
      }
    }
    assert.deepEqual(misses, []);
    await context.close();
  });

  test('380 px wide: Run is on the first screen and the output one scroll away, in every lesson', async () => {
    const screen = { width: 380, height: 800 };
    const { context, page } = await openPage(site.browser, { viewport: screen, colorScheme: 'dark' });
    await page.goto(site.base);
    await appReady(page);
    const names = await page.locator('a.card-link[data-scenario]').evaluateAll((links) => links.map((l) => l.dataset.scenario));
    assert.ok(names.length >= 52, `${names.length} lessons`);
    const far = [];
    for (const name of names) {
      await page.goto(site.base + query(name, [], { mode: 'instant' }));
      await appReady(page);
      await page.locator('#log').waitFor();
      const at = await positions(page);
      if (at.run.bottom > screen.height || at.log.top > 2 * screen.height) {
        far.push(`${name}: Run ends at ${at.run.bottom} px, the output starts at ${at.log.top} px`);
      }
    }
    assert.deepEqual(far, []);
    await page.goto(site.base + query('tasks_say_after_sequential', [], { mode: 'instant' }));
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await page.screenshot({ path: join(screenshots, 'fold-380-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(screenshots, 'fold-380-light.png') });
    await context.close();
  });

  test('the wheel over the timeline scrolls the page; Ctrl+wheel zooms', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(site.base + query('sync_semaphore_fetch', [], { mode: 'instant' }));
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    const canvas = page.locator('.tl-canvas');
    await canvas.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const middle = await page.evaluate(() => window.scrollY);
    assert.ok(middle > 0, 'the page did not scroll to the timeline');
    await page.mouse.wheel(0, -120);
    await page.waitForFunction((y) => window.scrollY < y, middle);
    const up = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 240);
    await page.waitForFunction((y) => window.scrollY > y, up);
    // The lanes' box is exactly as tall as its content: nothing to trap the wheel.
    const overflow = await page
      .locator('.tl-scroll')
      .evaluate((e) => e.scrollHeight - e.clientHeight);
    assert.equal(overflow, 0);
    // Ctrl+wheel zooms the timeline and leaves the page where it is.
    const range = await page.locator('.tl-range').textContent();
    const box2 = await canvas.boundingBox();
    await page.mouse.move(box2.x + box2.width / 2, box2.y + 40);
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await page.waitForFunction((old) => document.querySelector('.tl-range').textContent !== old, range);
    assert.equal(await page.evaluate(() => window.scrollY), scrolled);
    await context.close();
  });

  test('the run controls never cover the timeline controls', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 1366, height: 768 } });
    await page.goto(site.base + query('tasks_gather_factorial', [], { mode: 'instant' }));
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    for (const block of ['start', 'center', 'end']) {
      await page.locator('.tl-toolbar').evaluate((e, block) => e.scrollIntoView({ block }), block);
      const covered = await page.evaluate(() => {
        const misses = [];
        for (const element of [...document.querySelectorAll('.tl-toolbar .tl-button'), document.querySelector('.tl-canvas')]) {
          const r = element.getBoundingClientRect();
          const x = r.left + Math.min(r.width / 2, 20);
          const y = r.top + Math.min(r.height / 2, 10);
          if (y < 0 || y > window.innerHeight) continue;
          const hit = document.elementFromPoint(x, y);
          if (hit !== element && !element.contains(hit)) misses.push(`${element.className} under ${hit?.className}`);
        }
        return misses;
      });
      assert.deepEqual(covered, [], `scrolled to the toolbar's ${block}`);
    }
    assert.equal(await page.locator('.runbar').evaluate((e) => getComputedStyle(e).position), 'static');
    await context.close();
  });

  test('the frame meter sits in a collapsible panel, open by default only in real mode', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 1280, height: 800 } });
    for (const mode of ['instant', 'paced']) {
      await page.goto(site.base + query('exec_run_in_executor', [], { mode }));
      await appReady(page);
      assert.equal(await page.locator('#meter-panel').evaluate((e) => e.open), false, `${mode}: open`);
      assert.equal(await page.locator('#meter-panel .meter').count(), 1, 'the meter is in the panel');
      assert.equal(await page.locator('.meter').isVisible(), false);
    }
    // Below the output and the program, not under Run.
    const order = await page.evaluate(() => {
      const top = (s) => document.querySelector(s).getBoundingClientRect().top;
      return { meter: top('#meter-panel'), log: top('#log'), python: top('.python') };
    });
    assert.ok(order.meter > order.log && order.meter > order.python, JSON.stringify(order));
    // Choosing real mode opens it; it opens itself for a real-mode URL too.
    await page.selectOption('#mode', 'real');
    assert.equal(await page.locator('#meter-panel').evaluate((e) => e.open), true);
    await page.goto(site.base + query('exec_run_in_executor', [], { mode: 'real' }));
    await appReady(page);
    assert.equal(await page.locator('#meter-panel').evaluate((e) => e.open), true);
    assert.ok(await page.locator('.meter-canvas').isVisible());
    // Closed by hand, it still measures the run.
    await page.locator('#meter-panel summary').click();
    await page.selectOption('#mode', 'paced');
    await page.click('#run');
    await waitState(page, 'done');
    await page.waitForSelector('.meter:not([data-running])', { state: 'attached' });
    assert.ok(Number(await page.locator('.meter').getAttribute('data-frames')) > 0);
    await context.close();
  });

  test('an edit during a run applies to the next run, and says so', async () => {
    const name = 'sync_semaphore_fetch';
    const { context, page } = await openPage(site.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(site.base + query(name, [], { mode: 'paced', speed: '0.25' }));
    await appReady(page);
    const program = () => page.locator('#python').textContent();
    await page.click('#run');
    await waitState(page, 'running');
    await page.fill('#param-limit', '2');
    await page.waitForSelector('#edit-notice:not([hidden])');
    const notice = await page.locator('#edit-notice').innerText();
    assert.match(notice, /Applies to the next run/);
    assert.match(notice, /limit=6/);
    assert.match(await program(), /asyncio\.Semaphore\(6\)/, 'the program shows the running values');
    // Paused is still during the run.
    await page.click('#pause');
    await waitState(page, 'paused');
    assert.match(await program(), /asyncio\.Semaphore\(6\)/);
    assert.ok(await page.locator('#edit-notice').isVisible());
    // Back to the running value: nothing to say.
    await page.fill('#param-limit', '6');
    await page.waitForSelector('#edit-notice[hidden]', { state: 'attached' });
    await page.fill('#param-limit', '2');
    await page.waitForSelector('#edit-notice:not([hidden])');
    assert.deepEqual(await seriousViolations(page), [], 'the page with the notice');
    // Once the run is over the program shows the next run's values.
    await page.click('#reset');
    await waitState(page, 'idle');
    assert.ok(await page.locator('#edit-notice').isHidden());
    assert.match(await program(), /asyncio\.Semaphore\(2\)/);
    await page.selectOption('#mode', 'instant');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog(name, ['limit=2']));
    await context.close();
  });

  test('an invalid value commits nothing to the address or the program', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query('sync_semaphore_fetch', [], { mode: 'instant' }));
    await appReady(page);
    const field = page.locator('#param-limit');
    await field.fill('');
    await field.pressSequentially('99999999999999999999');
    await page.waitForSelector('#error-limit:not([hidden])');
    assert.equal(new URL(page.url()).searchParams.get('limit'), null, 'its valid prefix "9" was committed');
    assert.match(await page.locator('#python').textContent(), /asyncio\.Semaphore\(6\)/);
    // A valid value committed (Enter) is where the next edit starts from.
    await field.fill('3');
    await field.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('limit') === '3');
    await field.fill('');
    await field.pressSequentially('12345');
    await page.waitForSelector('#error-limit:not([hidden])');
    assert.equal(new URL(page.url()).searchParams.get('limit'), '3');
    assert.match(await page.locator('#python').textContent(), /asyncio\.Semaphore\(3\)/);
    await context.close();
  });

  test('the gallery is a learning path; Enter opens the only match; Back returns focus to the lesson', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(site.base);
    await appReady(page);
    assert.equal(await page.locator('.gallery h2').innerText(), 'Start here');
    const steps = await page.locator('section.topic h3').evaluateAll((hs) =>
      hs.map((h) => h.querySelector('span:not(.step-number):not(.count)').textContent),
    );
    assert.deepEqual(steps.slice(0, 6), [
      'Coroutines and tasks',
      'gather and wait',
      'Synchronisation',
      'Queues',
      'Executors',
      'Threads and processes',
    ]);
    const first = await page.locator('a.card-link').first().getAttribute('data-scenario');
    assert.equal(first, 'tasks_say_after_sequential');
    await page.screenshot({ path: join(screenshots, 'gallery-path.png') });
    // Enter with one match opens it.
    await page.fill('#search', 'queue priority');
    await page.waitForFunction(() => document.getElementById('search-status').textContent === '1 scenario matches.');
    await page.locator('#search').press('Enter');
    await page.waitForSelector('#run');
    assert.equal(await page.locator('h2').innerText(), 'queue_priority_semaphore');
    // Back: focus on the lesson's link, not on <body>.
    await page.goBack();
    await page.waitForSelector('.gallery');
    await page.waitForFunction(() => document.activeElement?.dataset?.scenario === 'queue_priority_semaphore');
    // Enter with several matches does nothing.
    await page.fill('#search', 'semaphore');
    await page.locator('#search').press('Enter');
    assert.equal(await page.locator('.gallery').count(), 1);
    // The lesson's own link back does the same, and the next-lesson link
    // follows the path.
    await page.fill('#search', '');
    await page.click('a[data-scenario="tasks_gather_factorial"]');
    await page.waitForSelector('#run');
    assert.equal(await page.locator('a.next-lesson').getAttribute('data-scenario'), 'tasks_gather_groups');
    await page.click('a.back');
    await page.waitForFunction(() => document.activeElement?.dataset?.scenario === 'tasks_gather_factorial');
    const inView = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the focused link is on screen');
    await context.close();
  });

  test('380 px wide: the log scrolls sideways to the end of its longest line, Chinese included', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 380, height: 800 } });
    for (const name of ['queue_random_workers', 'tasks_await_sequential']) {
      await page.goto(site.base + query(name, [], { mode: 'instant' }));
      await appReady(page);
      await page.click('#run');
      await waitState(page, 'done');
      // Each block of lines is laid out only on screen and clips what overflows it: it must be at
      // least as wide as its lines laid out in full (a copy without containment).
      const widths = await page.locator('#log').evaluate((log) => [...log.children].map((block) => {
        const copy = block.cloneNode(true);
        copy.style.contentVisibility = 'visible';
        log.append(copy);
        const full = copy.getBoundingClientRect().width;
        copy.remove();
        return { box: block.getBoundingClientRect().width, full };
      }));
      assert.ok(widths.length > 0, name);
      for (const { box, full } of widths) assert.ok(box >= full - 1, `${name}: a block ${box}px wide for ${full}px of lines`);
      const sideways = await page.locator('#log').evaluate((log) => log.scrollWidth - log.clientWidth);
      assert.ok(sideways > 0, `${name}: the log does not scroll sideways`);
    }
    await context.close();
  });

  test('Chinese output: a CJK font stack, and an English gloss in About', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(site.base + query('tasks_await_sequential', [], { mode: 'instant' }));
    await appReady(page);
    for (const selector of ['#log', '#python', 'body']) {
      const family = await page.locator(selector).evaluate((e) => getComputedStyle(e).fontFamily);
      for (const font of ['Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei']) {
        assert.ok(family.includes(font), `${selector}: ${family}`);
      }
    }
    await page.locator('.about summary').click();
    const about = page.locator('.about');
    assert.match(await about.locator('p').first().innerText(), /^Awaiting coroutines one after the other/);
    assert.doesNotMatch(await about.locator('p').first().innerText(), /seed|\.txt/);
    const gloss = await about.locator('.gloss li').allInnerTexts();
    assert.ok(gloss.some((line) => line.startsWith('main执行 — main runs')), gloss.join('\n'));
    assert.equal(await about.locator('.gloss [lang="zh-Hans"]').count(), gloss.length);
    // The output itself stays the oracle's.
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog('tasks_await_sequential'));
    assert.deepEqual(await seriousViolations(page), [], 'About open, with the gloss');
    await context.close();
  });

  test('the wording says what the output is', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + query('tasks_gather_factorial'));
    await appReady(page);
    const tagline = await page.locator('.tagline').innerText();
    assert.doesNotMatch(tagline, /exactly what CPython/);
    assert.match(tagline, /virtual clock/);
    assert.match(await page.locator('#trace-note').innerText(), /\[t\] text: t is loop\.time\(\)/);
    const note = await page.locator('#python-note').innerText();
    assert.match(note, /pyrun\.py/);
    assert.match(note, /python3 prints the same text without the stamps/);
    await page.goto(site.base + query('tasks_crawler_bug'));
    await appReady(page);
    assert.doesNotMatch(await page.locator('#python-note').innerText(), /prints exactly/);
    await context.close();
  });
});
