// End-to-end tests of the built site (dist/) in headless Chromium: the
// gallery, opening scenarios, and every scenario at its defaults.
//
//   PATH=$PWD/node_modules/.bin:$PATH trunk build --release
//   node --test tests/e2e/
//
// The tests serve dist/ themselves (a small static server on a free port of
// 127.0.0.1, see helpers.mjs) and compare the page's output with the CPython
// oracle (../shared/reference/run.py), run here with python3.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  appReady,
  expectedFile,
  logText,
  openPage,
  oracleLog,
  oracleNames,
  screenshots,
  startSite,
  waitState,
} from './helpers.mjs';

describe('the playground page', () => {
  let site;
  let base;

  before(async () => {
    site = await startSite();
    base = site.base;
  });

  after(async () => {
    await site?.close();
  });

  test('the gallery lists every scenario, grouped by step of the learning path', async (t) => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(base);
    await appReady(page);
    const text = await page.locator('#app').innerText();
    for (const name of oracleNames()) {
      assert.ok(text.includes(name), `the gallery does not list ${name}`);
    }
    assert.ok(text.includes('Coroutines and tasks'), 'the gallery has no "Coroutines and tasks" step');
    // Every scenario is either a link (runnable) or a card marked "coming soon".
    const links = await page.locator('a[data-action="open"]').count();
    const soon = await page.locator('.card.soon').count();
    assert.ok(links >= 4, `expected at least 4 runnable scenarios, found ${links}`);
    // The oracle's scenarios, plus the playground's own extras (e.g. the
    // crawler bug, which the oracle cannot run: it never ends in Python).
    assert.ok(links + soon >= oracleNames().length, `${links} links and ${soon} "coming soon" cards`);
    assert.equal(await page.locator('.card.soon:has-text("coming soon")').count(), soon);
    // Time to an interactive gallery, as the page marks it.
    const interactive = await page.evaluate(
      () => performance.getEntriesByName('playground-interactive')[0]?.startTime,
    );
    assert.ok(interactive > 0, 'the page did not mark playground-interactive');
    t.diagnostic(`gallery interactive ${interactive.toFixed(0)} ms after navigation start`);
    await page.screenshot({ path: join(screenshots, 'gallery.png'), fullPage: true });
    await context.close();
  });

  test('a scenario opened from the URL runs paced by default and prints what CPython prints', async () => {
    const name = 'tasks_say_after_sequential';
    const { context, page } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}?scenario=${name}&delay1=0.5&delay2=0.5`);
    await appReady(page);
    assert.equal(await page.locator('h2').innerText(), name);
    assert.equal(await page.locator('#mode').inputValue(), 'paced');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog(name, ['delay1=0.5', 'delay2=0.5']));
    await context.close();
  });

  test('every runnable scenario prints in the page what the oracle expects at its defaults', async () => {
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(base);
    await appReady(page);
    const known = new Set(oracleNames());
    const names = (
      await page.locator('a[data-action="open"]').evaluateAll((links) => links.map((link) => link.dataset.scenario))
    ).filter((name) => known.has(name));
    assert.equal(names.length, known.size, 'every oracle scenario is runnable in the page');
    const mismatches = [];
    // Navigate inside the app (gallery -> scenario -> back), without reloads;
    // the mode chosen once carries over from scenario to scenario.
    for (const [i, name] of names.entries()) {
      await page.click(`a[data-scenario="${name}"]`);
      assert.equal(await page.locator('h2').innerText(), name);
      if (i === 0) await page.selectOption('#mode', 'instant');
      assert.equal(await page.locator('#mode').inputValue(), 'instant');
      await page.click('#run');
      await waitState(page, 'done');
      const log = await logText(page);
      if (log + '\n' !== expectedFile(name)) mismatches.push(name);
      await page.click('a.back');
    }
    assert.deepEqual(mismatches, [], `the page's output differs from the oracle's expected/NAME.txt`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('clicking a card opens the scenario; Back returns to the gallery', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(base);
    await appReady(page);
    await page.click('a[data-scenario="tasks_gather_factorial"]');
    await page.waitForSelector('#run');
    assert.match(page.url(), /\?scenario=tasks_gather_factorial$/);
    assert.equal(await page.locator('h2').innerText(), 'tasks_gather_factorial');
    await page.goBack();
    await page.waitForSelector('.gallery');
    assert.equal(new URL(page.url()).search, '');
    await context.close();
  });

  test('an unknown scenario in the URL is reported in the page', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(`${base}?scenario=no_such_scenario`);
    await appReady(page);
    const error = page.locator('#error');
    assert.ok(await error.isVisible(), 'the error banner is hidden');
    assert.match(await error.innerText(), /no_such_scenario/);
    assert.ok(await page.locator('.gallery').isVisible(), 'the gallery is not shown below the error');
    await page.screenshot({ path: join(screenshots, 'unknown-scenario.png') });
    await context.close();
  });

  test('narrow screens and the dark scheme render the finished run', async () => {
    const name = 'tasks_gather_factorial';
    const { context, page } = await openPage(site.browser, {
      viewport: { width: 380, height: 800 },
      colorScheme: 'dark',
    });
    await page.goto(`${base}?scenario=${name}&mode=instant`);
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), oracleLog(name));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 380px screen`);
    await page.screenshot({ path: join(screenshots, 'run-narrow-dark.png'), fullPage: true });
    await page.goto(base);
    await appReady(page);
    const galleryOverflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(galleryOverflow <= 0, `the gallery is ${galleryOverflow}px wider than a 380px screen`);
    await page.screenshot({ path: join(screenshots, 'gallery-narrow-dark.png'), fullPage: false });
    await context.close();
  });

  test('no console errors, page errors or failed requests', async () => {
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(base);
    await appReady(page);
    await page.click('a[data-scenario="tasks_say_after_sequential"]');
    await page.selectOption('#mode', 'instant');
    await page.click('#run');
    await waitState(page, 'done');
    await page.goto(`${base}?scenario=loop_call_soon_later_at&mode=instant`);
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
