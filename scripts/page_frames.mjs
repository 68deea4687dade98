// Frame times while a paced run draws a 10,000-event timeline: the page's
// smoothness figure (issue 6), measured, never asserted.
//
//   node scripts/page_frames.mjs [DIST]     (build the site first)
//
// Opens exec_pool_jobs with 1,000 jobs (about 12,000 trace events) in paced
// mode at 100x, records every requestAnimationFrame interval for the whole
// run, and prints the longest frame, the 99th percentile and the median.
import { startSite, openPage, appReady } from '../tests/e2e/helpers.mjs';

const site = await startSite();
try {
  const { page } = await openPage(site.browser);
  await page.goto(`${site.base}?scenario=exec_pool_jobs&jobs=1000&mode=paced&speed=100`);
  await appReady(page);
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (document.body.dataset.state !== 'done') requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.click('#run');
  await page.waitForFunction(() => document.body.dataset.state === 'done', null, { timeout: 120_000 });
  const frames = await page.evaluate(() => window.__frames.slice(1));
  const events = await page.evaluate(() => document.getElementById('log').textContent.split('\n').length);
  frames.sort((a, b) => a - b);
  const at = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
  console.log(
    JSON.stringify({
      scenario: 'exec_pool_jobs jobs=1000 paced 100x',
      log_lines: events,
      frames: frames.length,
      median_ms: +at(0.5).toFixed(1),
      p99_ms: +at(0.99).toFixed(1),
      longest_ms: +frames[frames.length - 1].toFixed(1),
    }),
  );
} finally {
  await site.close();
}
