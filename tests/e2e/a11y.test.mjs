// Accessibility checks with axe-core (injected into the page) and the
// screenshots of the finished run and the dark scheme.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appReady, openPage, query, screenshots, startSite, waitState, seriousViolations } from './helpers.mjs';



describe('accessibility and looks', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds nothing critical or serious on the gallery (${colorScheme})`, async () => {
      const { context, page } = await openPage(site.browser, { colorScheme });
      await page.goto(site.base);
      await appReady(page);
      assert.deepEqual(await seriousViolations(page), []);
      await context.close();
    });

    test(`axe finds nothing critical or serious on a scenario, before and after a run (${colorScheme})`, async () => {
      const { context, page } = await openPage(site.browser, {
        colorScheme,
        viewport: { width: 1280, height: 900 },
      });
      await page.goto(site.base + query('sync_condition_notify', ['consumers=4', 'gap=0.3'], { mode: 'instant' }));
      await appReady(page);
      const before = await seriousViolations(page);
      await page.click('#run');
      await waitState(page, 'done');
      const shot = colorScheme === 'dark' ? 'run-finished-dark.png' : 'run-finished.png';
      await page.screenshot({ path: join(screenshots, shot), fullPage: true });
      // A bad value and the embed panel on screen too.
      await page.fill('#param-gap', '-1');
      await page.click('#embed');
      const after = await seriousViolations(page);
      assert.deepEqual(before, [], 'before the run');
      assert.deepEqual(after, [], 'after the run, with a bad value and the embed panel');
      await context.close();
    });
  }

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds nothing critical or serious with the push box, the meter and the workers (${colorScheme})`, async () => {
      const { context, page } = await openPage(site.browser, { colorScheme, viewport: { width: 1280, height: 900 } });
      await page.goto(site.base + query('thread_redis_consumer', ['tasks=3', 'poll=0.5'], { mode: 'paced', speed: '2' }));
      await appReady(page);
      await page.click('#run');
      await page.fill('#push-value', 'x');
      await page.click('#push');
      assert.deepEqual(await seriousViolations(page), [], 'the push box with an error');
      await waitState(page, 'done');
      await page.goto(site.base + query('exec_cpu_offload', ['n=100000'], { mode: 'real' }));
      await appReady(page);
      await page.click('#run');
      await waitState(page, 'done');
      assert.deepEqual(await seriousViolations(page), [], 'the meter and the workers panel');
      await page.locator('#live').screenshot({ path: join(screenshots, `live-${colorScheme}.png`) });
      await context.close();
    });
  }

  test('axe finds nothing critical or serious in the embedded layout', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 600, height: 700 } });
    await page.goto(site.base + query('tasks_gather_factorial', [], { embed: '1', mode: 'instant' }));
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    assert.deepEqual(await seriousViolations(page), []);
    await context.close();
  });

  test('the gallery in the dark scheme', async () => {
    const { context, page } = await openPage(site.browser, {
      colorScheme: 'dark',
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(site.base);
    await appReady(page);
    await page.screenshot({ path: join(screenshots, 'gallery-dark.png') });
    await context.close();
  });
});
