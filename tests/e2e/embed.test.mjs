// Embeds in an author's page (docs/embedding.md): www/embed.js and the page's
// embed mode, with the host page and the playground on two loopback origins
// (two ports). The host pages are tests/fixtures/embed-host/, copied with
// __SITE__ and __HOST__ replaced by the two origins.
//
// 'embed.js with a stand-in page' tests embed.js alone against
// fixtures/embed-host/fake-site/ (a page that posts the heights it is told);
// 'embeds of the built site' tests it with the real page from dist/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dist,
  launchBrowser,
  logText,
  openPage,
  reference,
  repoRoot,
  screenshots,
  serveStatic,
  waitState,
} from './helpers.mjs';

const fixtures = join(repoRoot, 'tests', 'fixtures', 'embed-host');
const embedJs = join(repoRoot, 'www', 'embed.js');
const program = readFileSync(join(fixtures, 'gather.py'), 'utf8');

/** Serve a fresh folder; `fill(dir, base)` writes its files once the base URL is known. */
async function serveFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const { server, base } = await serveStatic(dir);
  return { dir, base, close: () => (server.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** The host pages, served, with their links to `site`. */
async function serveHost(site) {
  const host = await serveFolder('embed-host-');
  for (const name of readdirSync(fixtures)) {
    if (statSync(join(fixtures, name)).isDirectory()) continue;
    const text = readFileSync(join(fixtures, name), 'utf8');
    writeFileSync(join(host.dir, name), text.replaceAll('__SITE__', site).replaceAll('__HOST__', host.base));
  }
  return host;
}

/** The iframe element `selector` and its frame, once the frame has a document. */
async function frameOf(page, selector) {
  const element = await page.waitForSelector(`${selector}[src]`, { state: 'attached' });
  const frame = await element.contentFrame();
  await frame.waitForLoadState('domcontentloaded');
  return frame;
}

/** The iframe's height in the host page. */
function iframeHeight(page, selector) {
  return page.$eval(selector, (iframe) => iframe.clientHeight);
}

/** Poll `check` (an async function returning true or a reason) until it is true. */
async function eventually(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let reason;
  for (;;) {
    reason = await check();
    if (reason === true) return;
    if (Date.now() > end) assert.fail(`${what}: ${reason}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Two animation frames of the host page: anything embed.js coalesced has been applied. */
function twoFrames(page) {
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/** The program of a `#code=` address. */
function decodeCode(src) {
  const code = new URL(src).hash.match(/^#code=([A-Za-z0-9_-]*)$/);
  assert.ok(code, `no #code= in ${src}`);
  return Buffer.from(code[1], 'base64url').toString('utf8');
}

describe('embed.js with a stand-in page', () => {
  let site;
  let host;
  let browser;

  before(async () => {
    site = await serveFolder('embed-site-');
    copyFileSync(embedJs, join(site.dir, 'embed.js'));
    for (const name of readdirSync(join(fixtures, 'fake-site'))) {
      copyFileSync(join(fixtures, 'fake-site', name), join(site.dir, name));
    }
    host = await serveHost(site.base);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    host?.close();
    site?.close();
  });

  test('embed.js is small and plain', () => {
    const source = readFileSync(embedJs);
    const gzip = execFileSync('gzip', ['-9c'], { input: source });
    assert.ok(gzip.length <= 5 * 1024, `embed.js is ${gzip.length} bytes gzip`);
    assert.doesNotMatch(source.toString(), /\b(import|export)\b[\s{*]|localStorage|sessionStorage|document\.cookie/);
  });

  test('an embed that posted its height before embed.js ran is asked again', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(host.base + 'late.html');
    await eventually(async () => (await iframeHeight(page, '#late')) === 275 || 'not 275 yet', '#late takes its height');
    const before = await page.evaluate(() => window.embedJsAddedAfter);
    assert.ok(before >= 1, `embed.js was added after ${before} messages`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('each embed takes the height its own page posts, once a frame; nothing else moves an iframe', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(host.base + 'resize.html');
    const a = await frameOf(page, '#a');
    const b = await frameOf(page, '#b');
    await eventually(async () => (await iframeHeight(page, '#a')) === 250 || 'not 250 yet', '#a takes its first height');
    await eventually(async () => (await iframeHeight(page, '#b')) === 500 || 'not 500 yet', '#b takes its first height');
    assert.equal(await iframeHeight(page, '#plain'), 420, 'an iframe without data-asyncio-playground keeps its height');

    // A later height, and a burst of heights in one task: one change a frame, the last wins.
    await a.evaluate(() => window.postHeight(640.4));
    await eventually(async () => (await iframeHeight(page, '#a')) === 641 || 'not 641 yet', '#a follows');
    assert.equal(await iframeHeight(page, '#b'), 500, "#a's message resized only #a");
    const before = await page.evaluate(() => window.heightChanges.get('b') || 0);
    await b.evaluate(() => window.burst(Array.from({ length: 50 }, (_, i) => 600 + i)));
    await eventually(async () => (await iframeHeight(page, '#b')) === 649 || 'not 649 yet', '#b takes the last of a burst');
    await twoFrames(page);
    const changes = (await page.evaluate(() => window.heightChanges.get('b'))) - before;
    assert.ok(changes <= 5, `50 heights posted in one task changed #b's style ${changes} times`);

    // An iframe whose page navigated to another origin, and the host's own messages.
    await eventually(
      () => page.evaluate(() => window.received.some((m) => m.data?.height === 999) || 'not yet'),
      'the other origin posted its height',
    );
    await page.evaluate(() => window.postMessage({ type: 'asyncio-playground:height', height: 77 }, '*'));
    await eventually(
      () => page.evaluate(() => window.received.some((m) => m.data?.height === 77) || 'not yet'),
      'the host posted its height',
    );
    await twoFrames(page);
    assert.equal(await iframeHeight(page, '#moved'), 420, 'a message from another origin moved the iframe');
    const heights = await page.$$eval('iframe', (frames) => frames.map((f) => f.clientHeight));
    assert.ok(!heights.includes(77), "the host's own message moved an iframe");
    assert.equal(await page.evaluate(() => localStorage.length + document.cookie.length), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a <pre> becomes an iframe of its code with the options of its attributes', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(host.base + 'code.html');
    const iframe = await page.waitForSelector('iframe#brew[src]');
    assert.equal(await page.locator('pre').count(), 0, 'the <pre> is gone');
    const attributes = await iframe.evaluate((f) =>
      Object.fromEntries([...f.attributes].map((a) => [a.name, a.value])),
    );
    assert.equal(attributes['data-asyncio-playground'], '');
    assert.equal(attributes.sandbox, 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    assert.equal(attributes.title, 'asyncio playground: async def brew()');
    assert.equal(attributes.height, '300');
    assert.equal(attributes.width, '100%');
    const src = new URL(attributes.src);
    assert.equal(src.origin + src.pathname, site.base, 'the site is where embed.js comes from');
    assert.deepEqual(Object.fromEntries(src.searchParams), {
      embed: '1',
      view: 'code,controls,output,timeline',
      mode: 'instant',
      autorun: '1',
    });
    assert.match(attributes.src, /view=code,controls,output,timeline/, 'commas stay readable');
    // Its text, unindented, without the blank lines around it, entities and any Unicode as written.
    assert.equal(decodeCode(attributes.src), program);

    // A lesson, and a site named by data-playground on an ancestor.
    await page.goto(host.base + 'resize.html');
    await page.locator('#moved-base').scrollIntoViewIfNeeded();
    const lesson = await page.waitForSelector('iframe#moved-base[src]');
    const lessonSrc = new URL(await lesson.getAttribute('src'));
    assert.equal(lessonSrc.origin + lessonSrc.pathname, site.base + 'index.html');
    assert.equal(lessonSrc.hash, '');
    assert.deepEqual(Object.fromEntries(lessonSrc.searchParams), {
      scenario: 'sync_semaphore_fetch',
      embed: '1',
      view: 'controls,output',
      theme: 'dark',
      speed: '4',
      limit: '3',
      n: '7',
    });
    assert.equal(await lesson.getAttribute('title'), 'asyncio playground: twelve fetches');

    // A block added later is converted too.
    await page.evaluate(() => {
      const pre = document.createElement('pre');
      pre.id = 'added';
      pre.setAttribute('data-asyncio-playground', '');
      pre.textContent = '\n  print("late")\n\n';
      document.getElementById('moved-base').after(pre);
    });
    const added = await page.waitForSelector('iframe#added[src]');
    assert.equal(decodeCode(await added.getAttribute('src')), 'print("late")\n');
    assert.equal(await added.getAttribute('title'), 'asyncio playground: print("late")');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('embeds load only near the viewport', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 1000, height: 700 } });
    const documents = [];
    page.on('request', (request) => {
      if (request.url().startsWith(site.base) && request.resourceType() === 'document') documents.push(request.url());
    });
    await page.goto(host.base + 'ten.html');
    await page.waitForSelector('iframe#embed-1[src]');
    await page.waitForTimeout(500);
    const loaded = () => page.$$eval('iframe[src]', (frames) => frames.map((f) => f.id));
    assert.deepEqual(await loaded(), ['embed-1']);
    assert.equal(await page.locator('pre[data-asyncio-playground]').count(), 9, 'the other nine stay readable code');
    assert.equal(documents.length, 1);

    await page.locator('#embed-6').scrollIntoViewIfNeeded();
    await page.waitForSelector('iframe#embed-6[src]');
    await page.waitForTimeout(500);
    assert.deepEqual(await loaded(), ['embed-1', 'embed-6']);
    assert.equal(documents.length, 2);

    // An iframe[data-src] gets its src when it comes near.
    await page.goto(host.base + 'resize.html');
    await page.waitForSelector('iframe#a[src]');
    assert.equal(await page.getAttribute('#later', 'src'), null);
    await page.locator('#later').scrollIntoViewIfNeeded();
    await page.waitForSelector('iframe#later[src]');
    const later = await frameOf(page, '#later');
    await eventually(async () => (await iframeHeight(page, '#later')) === 333 || 'not 333 yet', '#later takes its height');
    assert.ok(later.url().endsWith('?h=333'));
    assert.deepEqual(problems, []);
    await context.close();
  });
});

/** The height of the page's content, however tall its viewport (body has min-height: 100vh). */
function contentHeight(frame) {
  return frame.evaluate(() => {
    const body = document.body;
    let bottom = 0;
    for (const child of body.children) {
      const box = child.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      bottom = Math.max(bottom, box.bottom + scrollY + parseFloat(getComputedStyle(child).marginBottom));
    }
    const style = getComputedStyle(body);
    return Math.ceil(bottom + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth) + parseFloat(style.marginBottom));
  });
}

/** Wait until the iframe is as tall as its content (within 4 px) and nothing scrolls inside it. */
function heightFits(page, selector, frame) {
  return eventually(async () => {
    const outer = await iframeHeight(page, selector);
    const inner = await contentHeight(frame);
    const scroll = await frame.evaluate(() => document.documentElement.scrollHeight);
    if (Math.abs(outer - inner) > 4) return `the iframe is ${outer} px, its content ${inner} px`;
    if (scroll > outer + 4) return `the iframe is ${outer} px and scrolls to ${scroll} px`;
    return true;
  }, `${selector} fits its content`);
}

/** Wait until the page in `frame` has started. */
function frameReady(frame, timeout = 30_000) {
  return frame.waitForSelector('body:not([data-state="loading"])', { timeout });
}

/** The background colour of the page in `frame` as [r, g, b] and its luminance. */
async function background(frame) {
  const css = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = css.match(/\d+(\.\d+)?/g).map(Number);
  return { css, light: 0.2126 * r + 0.7152 * g + 0.0722 * b > 128 };
}

describe('embeds of the built site', () => {
  let site;
  let host;
  let browser;
  const expected = execFileSync('python3', [join(reference, 'pyrun.py'), join(fixtures, 'gather.py')], {
    encoding: 'utf8',
  }).replace(/\n$/, '');

  before(async () => {
    assert.ok(
      existsSync(join(dist, 'embed.js')),
      `${dist}/embed.js is missing: rebuild the site (PATH=$PWD/node_modules/.bin:$PATH trunk build --release)`,
    );
    const served = await serveStatic(dist);
    site = { base: served.base, close: () => served.server.close() };
    host = await serveHost(site.base);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    host?.close();
    site?.close();
  });

  test('a lesson embed that posted its height before embed.js ran answers when asked', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(host.base + 'late-lesson.html');
    const frame = await frameOf(page, '#late');
    await frameReady(frame);
    await heightFits(page, '#late', frame);
    assert.ok((await page.evaluate(() => window.embedJsAddedAfter)) >= 1, 'embed.js was there before the page posted');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a lesson embed is as tall as its content after load and after a run', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(host.base + 'lesson.html');
    const frame = await frameOf(page, '#lesson');
    await frameReady(frame);
    await heightFits(page, '#lesson', frame);
    const loadedHeight = await iframeHeight(page, '#lesson');
    await frame.click('#run');
    await waitState(frame, 'done');
    await heightFits(page, '#lesson', frame);
    assert.ok((await iframeHeight(page, '#lesson')) >= loadedHeight, 'the output made the embed shorter');
    await page.screenshot({ path: join(screenshots, 'embed-lesson.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a <pre> block's embed prints what pyrun.py prints for its program", async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(host.base + 'code.html');
    const frame = await frameOf(page, '#brew');
    assert.equal(decodeCode(frame.url()), program);
    // data-autorun="1" data-mode="instant": it runs by itself.
    await waitState(frame, 'done', 60_000);
    assert.equal(await logText(frame), expected);
    await heightFits(page, '#brew', frame);
    await page.screenshot({ path: join(screenshots, 'embed-code.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"Open in the asyncio playground" opens the full page with the same state', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(host.base + 'lesson.html');
    const lesson = await frameOf(page, '#lesson');
    await frameReady(lesson);
    const [full] = await Promise.all([context.waitForEvent('page'), lesson.click('a.full-page')]);
    await full.waitForSelector('body:not([data-state="loading"])', { timeout: 15_000 });
    const url = new URL(full.url());
    assert.equal(url.origin + url.pathname, site.base);
    assert.equal(url.searchParams.get('scenario'), 'tasks_gather_factorial');
    assert.equal(url.searchParams.get('mode'), 'instant');
    assert.equal(url.searchParams.get('embed'), null);
    assert.equal(await full.locator('.scenario-name').textContent(), 'tasks_gather_factorial');
    assert.equal(await full.locator('body.embed').count(), 0);
    await full.close();

    await page.goto(host.base + 'code.html');
    const code = await frameOf(page, '#brew');
    await frameReady(code);
    const [fullCode] = await Promise.all([context.waitForEvent('page'), code.click('a.full-page')]);
    await fullCode.waitForSelector('.cm-editor .cm-content', { timeout: 30_000 });
    const codeUrl = new URL(fullCode.url());
    assert.equal(codeUrl.hash, new URL(code.url()).hash, 'the same #code=');
    assert.equal(codeUrl.searchParams.get('mode'), 'instant');
    assert.equal(codeUrl.searchParams.get('embed'), null);
    await fullCode.click('#run');
    await waitState(fullCode, 'done', 30_000);
    assert.equal(await logText(fullCode), expected);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('theme=dark and theme=light hold whatever the OS scheme', async () => {
    const seen = {};
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, problems } = await openPage(browser, { colorScheme });
      await page.goto(host.base + 'themes.html');
      for (const theme of ['dark', 'light']) {
        const frame = await frameOf(page, `#${theme}`);
        await frameReady(frame);
        const { css, light } = await background(frame);
        assert.equal(light, theme === 'light', `theme=${theme} in a ${colorScheme} OS has background ${css}`);
        seen[theme] ??= css;
        assert.equal(css, seen[theme], `theme=${theme} differs between OS schemes`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('380 px wide, the output shows without scrolling inside the frame', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 380, height: 740 } });
    for (const [file, selector] of [['lesson.html', '#lesson'], ['code.html', '#brew']]) {
      await page.goto(host.base + file);
      const frame = await frameOf(page, selector);
      await frameReady(frame);
      if (file === 'lesson.html') await frame.click('#run');
      await waitState(frame, 'done', 60_000);
      await heightFits(page, selector, frame);
      const box = await frame.evaluate(() => {
        const r = document.getElementById('log').getBoundingClientRect();
        return {
          top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,
          width: innerWidth, viewport: innerHeight, scrollWidth: document.documentElement.scrollWidth,
        };
      });
      assert.ok(box.height > 0, `${file}: #log is not shown`);
      // The controls and the first lines of output in the frame's first 400 px.
      assert.ok(box.top + 40 <= 400, `${file}: the output starts at ${box.top} px`);
      assert.ok(box.top >= 0 && box.bottom <= box.viewport + 1, `${file}: #log is outside the frame: ${JSON.stringify(box)}`);
      assert.ok(box.left >= 0 && box.right <= box.width + 1, `${file}: #log is wider than the frame: ${JSON.stringify(box)}`);
      assert.ok(box.scrollWidth <= box.width + 1, `${file}: the frame scrolls sideways: ${JSON.stringify(box)}`);
      await page.screenshot({ path: join(screenshots, `embed-narrow-${file.replace('.html', '')}.png`), fullPage: true });
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the demo post (embed-demo.html) runs its three embeds in both schemes and on a phone', async () => {
    const cases = [
      ['light', { width: 1280, height: 800 }],
      ['dark', { width: 1280, height: 800 }],
      ['light', { width: 380, height: 800 }],
      ['dark', { width: 380, height: 800 }],
    ];
    for (const [colorScheme, viewport] of cases) {
      const { context, page, problems } = await openPage(browser, { colorScheme, viewport });
      await page.goto(site.base + 'embed-demo.html');
      const frames = page.locator('iframe[data-asyncio-playground]');
      for (let i = 0; i < 3; i++) {
        await page.locator('article > h2').nth(i).scrollIntoViewIfNeeded();
        await eventually(async () => (await frames.count()) > i || 'not converted yet', `embed ${i + 1} of the demo`);
        const frame = await frames.nth(i).elementHandle().then((element) => element.contentFrame());
        await frameReady(frame);
        await frame.click('#run');
        await waitState(frame, 'done', 60_000);
      }
      assert.equal(await page.locator('pre').count(), 0);
      const themed = await page.locator('.dark-box iframe').elementHandle().then((element) => element.contentFrame());
      assert.equal((await background(themed)).light, false, 'data-theme="dark" in the dark box');
      await page.evaluate(() => scrollTo(0, 0));
      await page.waitForTimeout(300);
      const name = `embed-demo-${colorScheme}-${viewport.width}.png`;
      await page.screenshot({ path: join(screenshots, name), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('of ten embeds, only those near the viewport load the wasm', async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width: 1000, height: 700 } });
    // Each embed fetches one or two (the page preloads the gallery's wasm, a #code= link runs the interpreter's).
    const wasm = new Set();
    page.on('request', (request) => {
      if (/_bg\.wasm$/.test(new URL(request.url()).pathname)) wasm.add(request.frame());
    });
    await page.goto(host.base + 'ten.html');
    await frameReady(await frameOf(page, '#embed-1'));
    await page.waitForTimeout(1000);
    const loaded = () => page.$$eval('iframe[src]', (frames) => frames.map((f) => f.id));
    assert.deepEqual(await loaded(), ['embed-1']);
    assert.equal(wasm.size, 1, 'frames that fetched wasm');
    await page.locator('#embed-6').scrollIntoViewIfNeeded();
    await frameReady(await frameOf(page, '#embed-6'));
    await page.waitForTimeout(1000);
    assert.deepEqual(await loaded(), ['embed-1', 'embed-6']);
    assert.equal(wasm.size, 2, 'frames that fetched wasm');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
