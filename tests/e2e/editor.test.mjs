// The code editor module (editor/editor.js, bundled by editor/build.mjs) in
// headless Chromium, on a fixture page (tests/fixtures/editor/) under the
// page's Content-Security-Policy: typing, undo, Tab, Ctrl-Enter, setText,
// setReadOnly, setDiagnostics, setMarks, goToLine, destroy, the colours of
// both schemes, and no console error or CSP violation anywhere.
//
// The test bundles the editor itself into a temporary directory (so it always
// tests the current source), beside copies of the fixture, www/style.css and
// www/editor.css, and serves that directory.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, repoRoot, serveStatic, seriousViolations } from './helpers.mjs';

const fixtureDir = join(repoRoot, 'tests', 'fixtures', 'editor');


/** scripts/csp.py's POLICY, its string pieces joined. */
function cspPolicy() {
  const source = readFileSync(join(repoRoot, 'scripts', 'csp.py'), 'utf8');
  const block = /^POLICY = \(\n([\s\S]*?)\n\)/m.exec(source);
  assert.ok(block, 'scripts/csp.py should define POLICY = ( ... )');
  return [...block[1].matchAll(/"([^"]*)"/g)].map((match) => match[1]).join('');
}

function hexToRgb(hex) {
  const value = hex.trim().replace('#', '');
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(value.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

let site;
let root;
let browser;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'editor-e2e-'));
  const output = execFileSync('node', [join(repoRoot, 'editor', 'build.mjs'), join(root, 'editor.js')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  process.stdout.write(output);
  copyFileSync(join(fixtureDir, 'index.html'), join(root, 'index.html'));
  copyFileSync(join(fixtureDir, 'fixture.js'), join(root, 'fixture.js'));
  copyFileSync(join(repoRoot, 'www', 'style.css'), join(root, 'style.css'));
  copyFileSync(join(repoRoot, 'www', 'editor.css'), join(root, 'editor.css'));
  copyFileSync(join(repoRoot, 'www', 'favicon.svg'), join(root, 'favicon.svg'));
  site = await serveStatic(root);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  site?.server.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The fixture page with its editor created; `done()` checks it stayed clean. */
async function openFixture(options = {}) {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1000, height: 700 }, ...options });
  await page.goto(site.base);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 10_000 });
  return {
    page,
    async done() {
      const violations = await page.evaluate(() => window.fixture.log.violations);
      assert.deepEqual(violations, [], 'no CSP violation');
      assert.deepEqual(problems, [], 'no console error, page error or failed request');
      await context.close();
    },
  };
}

const text = (page) => page.evaluate(() => window.fixture.editor.getText());
const lineOf = (page, number) => page.locator('.cm-content > .cm-line').nth(number - 1);
const lineClasses = (page, number) => lineOf(page, number).evaluate((line) => [...line.classList]);

/** The task gutter's element beside line `number` (same top), as {text, title, classes}. */
function gutterBeside(page, number) {
  return lineOf(page, number).evaluate((line) => {
    const top = line.getBoundingClientRect().top;
    const element = [...document.querySelectorAll('.cm-task-gutter .cm-gutterElement')].find(
      (candidate) => Math.abs(candidate.getBoundingClientRect().top - top) < 2 && candidate.offsetHeight > 0,
    );
    if (!element) return null;
    return {
      text: element.textContent,
      title: element.querySelector('[title]')?.title ?? '',
      classes: [...element.classList],
    };
  });
}

describe('the editor module', () => {
  test('the fixture page carries the page policy of scripts/csp.py', () => {
    const html = readFileSync(join(fixtureDir, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    assert.ok(meta, 'the fixture has a CSP <meta>');
    assert.equal(meta[1], cspPolicy());
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    assert.doesNotMatch(html, /<style/, 'no inline style');
  });

  test('importing it defines nothing and it exports only createEditor', async () => {
    const { page, done } = await openFixture();
    const log = await page.evaluate(() => window.fixture.log);
    assert.deepEqual(log.exports, ['createEditor']);
    assert.deepEqual(log.importEffects, []);
    for (const symbol of log.importSymbols) assert.equal(symbol, 'Symbol(ͼ)', "only style-mod's shared counter");
    await done();
  });

  test('is labelled, highlighted and styled from the page variables (light)', async () => {
    const { page, done } = await openFixture({ colorScheme: 'light' });
    const content = page.locator('.cm-content');
    assert.equal(await content.getAttribute('aria-label'), 'Python program');
    assert.equal(await content.getAttribute('role'), 'textbox');
    assert.equal(await content.getAttribute('contenteditable'), 'true');
    const tokens = await page.evaluate(() => {
      const of = (cls) => [...document.querySelectorAll(`.cm-content .${cls}`)].map((e) => e.textContent);
      return { kw: of('tok-kw'), bi: of('tok-bi'), str: of('tok-str'), num: of('tok-num') };
    });
    for (const word of ['import', 'async', 'def', 'await']) assert.ok(tokens.kw.includes(word), `keyword ${word}: ${tokens.kw}`);
    assert.ok(tokens.bi.includes('print'), `builtin print: ${tokens.bi}`);
    assert.ok(tokens.str.includes("'hello'"), `string: ${tokens.str}`);
    assert.ok(tokens.num.includes('1'), `number: ${tokens.num}`);
    const styles = await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      const editor = document.querySelector('.cm-editor');
      return {
        vars: { kw: root.getPropertyValue('--tok-kw'), codeBg: root.getPropertyValue('--code-bg') },
        kw: getComputedStyle(document.querySelector('.cm-content .tok-kw')).color,
        background: getComputedStyle(editor).backgroundColor,
        // CodeMirror's base theme (adoptedStyleSheets) applied under the CSP.
        display: getComputedStyle(editor).display,
        gutters: getComputedStyle(document.querySelector('.cm-gutters')).display,
        font: getComputedStyle(document.querySelector('.cm-scroller')).fontFamily,
      };
    });
    assert.equal(styles.kw, hexToRgb(styles.vars.kw));
    assert.equal(styles.background, hexToRgb(styles.vars.codeBg));
    assert.equal(styles.display, 'flex', "CodeMirror's base theme applies");
    assert.equal(styles.gutters, 'flex');
    assert.match(styles.font, /ui-monospace/, 'the page --mono font');
    await done();
  });

  test('follows the dark scheme through the same variables', async () => {
    const { page, done } = await openFixture({ colorScheme: 'dark' });
    const styles = await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      return {
        codeBg: root.getPropertyValue('--code-bg'),
        kwVar: root.getPropertyValue('--tok-kw'),
        background: getComputedStyle(document.querySelector('.cm-editor')).backgroundColor,
        kw: getComputedStyle(document.querySelector('.cm-content .tok-kw')).color,
      };
    });
    assert.equal(styles.codeBg.trim(), '#141922', 'the dark --code-bg of www/style.css');
    assert.equal(styles.background, hexToRgb(styles.codeBg));
    assert.equal(styles.kw, hexToRgb(styles.kwVar));
    await done();
  });

  test('typing changes the text and calls onChange; Ctrl-Z undoes it', async () => {
    const { page, done } = await openFixture();
    const program = await page.evaluate(() => window.fixture.PROGRAM);
    await lineOf(page, 5).click();
    await page.keyboard.press('End');
    await page.keyboard.type('  # hi');
    const typed = program.replace('    print(what)', '    print(what)  # hi');
    assert.equal(await text(page), typed);
    await page.waitForFunction((expected) => window.fixture.log.changes.at(-1) === expected, typed);
    await page.keyboard.press('Control+z');
    assert.equal(await text(page), program);
    await page.waitForFunction((expected) => window.fixture.log.changes.at(-1) === expected, program);
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await text(page), typed, 'redo');
    await done();
  });

  test('Enter indents after a colon, Tab indents by four spaces, Escape then Tab leaves', async () => {
    const { page, done } = await openFixture();
    await page.evaluate(() => window.fixture.editor.goToLine(7)); // async def main():
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('x = 1');
    assert.equal((await text(page)).split('\n')[7], '    x = 1');
    await page.evaluate(() => window.fixture.editor.goToLine(13)); // asyncio.run(main())
    await page.keyboard.press('Tab');
    assert.equal((await text(page)).split('\n')[12], '    asyncio.run(main())');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'cm-content');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'after', 'Escape then Tab moves focus on');
    assert.equal((await text(page)).split('\n')[12], '    asyncio.run(main())', 'that Tab did not indent');
    await done();
  });

  test('colours come from the caller’s tokenizer: on edits, and in what scrolls into view', async () => {
    const { page, done } = await openFixture();
    const coloured = (cls) => page.$$eval(`.cm-content .${cls}`, (spans) => spans.map((span) => span.textContent));
    const tokenized = () => page.evaluate(() => window.fixture.log.tokenized);
    assert.ok((await coloured('tok-com')).length === 0);
    const before = await tokenized();
    await lineOf(page, 5).click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp'); // moving the cursor does not tokenize again
    assert.equal(await tokenized(), before);
    await page.keyboard.press('End');
    await page.keyboard.type('  # done 42');
    assert.deepEqual(await coloured('tok-com'), ['# done 42']);
    assert.ok((await tokenized()) > before, 'an edit tokenizes the text again');
    // A long program: the last line is coloured once scrolled into view.
    await page.evaluate(() => {
      const lines = Array.from({ length: 400 }, (_, i) => `x${i} = ${i}`);
      window.fixture.editor.setText(`${lines.join('\n')}\nawait last('end')\n`);
    });
    assert.ok(!(await coloured('tok-str')).includes("'end'"), 'not drawn before it is in view');
    await page.evaluate(() => window.fixture.editor.goToLine(401));
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.cm-content .tok-str')].some((span) => span.textContent === "'end'"),
    );
    assert.ok((await coloured('tok-kw')).includes('await'));
    await done();
  });

  test('Python indentation: after a colon, inside brackets, after return, and else at its if', async () => {
    const { page, done } = await openFixture();
    const cases = [
      // [text, the line to end with Enter and what to type, the expected text]
      ['if x:', 'y = 1', 'if x:\n    y = 1'],
      ['def f():\n    return 1', 'z = 2', 'def f():\n    return 1\nz = 2'],
      ['total = add(1,', '2)', 'total = add(1,\n    2)'],
      ['def f(a,\n      b):', 'pass', 'def f(a,\n      b):\n    pass'],
      ['x = f(1,\n      2)', 'y = 3', 'x = f(1,\n      2)\ny = 3'],
      ['for i in x:  # loop', 'go()', 'for i in x:  # loop\n    go()'],
      ['if a:\n    one()', 'else:', 'if a:\n    one()\nelse:'],
      ['try:\n    if b:\n        one()', 'except E:', 'try:\n    if b:\n        one()\nexcept E:'],
    ];
    for (const [start, typed, expected] of cases) {
      await page.evaluate((value) => window.fixture.editor.setText(value), start);
      const lines = start.split('\n').length;
      await page.evaluate((n) => window.fixture.editor.goToLine(n), lines);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type(typed);
      assert.equal(await text(page), expected, `after ${JSON.stringify(start)}`);
    }
    await done();
  });

  test('Ctrl-Enter calls onRun and inserts nothing', async () => {
    const { page, done } = await openFixture();
    const before = await text(page);
    await lineOf(page, 3).click();
    await page.keyboard.press('Control+Enter');
    assert.equal(await page.evaluate(() => window.fixture.log.runs), 1);
    assert.equal(await text(page), before);
    await done();
  });

  test('onChange and onRun may call back into the editor', async () => {
    const { page, done } = await openFixture();
    await page.evaluate(() => {
      const parent = document.createElement('div');
      parent.id = 'second';
      document.querySelector('main').append(parent);
      const editor = window.fixture.createEditor(parent, {
        doc: 'x = 1',
        label: 'Second program',
        onChange: (value) => {
          editor.setDiagnostics([{ line: 1, col: 1, message: `length ${value.length}` }]);
          editor.setMarks([{ line: 1, kind: 'running', task: 'Task-1', lane: 0 }]);
        },
        onRun: () => editor.setText('pass'),
      });
      window.second = editor;
    });
    await page.locator('#second .cm-line').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    await page.waitForSelector('#second .cm-py-error-msg');
    assert.equal(await page.locator('#second .cm-py-error-msg').textContent(), 'length 6');
    assert.equal(await page.locator('#second .cm-task-line').count(), 1);
    await page.keyboard.press('Control+Enter');
    assert.equal(await page.evaluate(() => window.second.getText()), 'pass');
    assert.equal(await page.locator('#second .cm-py-error-msg, #second .cm-task-line').count(), 0, 'setText clears both');
    await done();
  });

  test('setText replaces the document without calling onChange', async () => {
    const { page, done } = await openFixture();
    const changes = await page.evaluate(async () => {
      window.fixture.editor.setText('x = 1\nprint(x)\n');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return window.fixture.log.changes.length;
    });
    assert.equal(changes, 0);
    assert.equal(await text(page), 'x = 1\nprint(x)\n');
    assert.equal(await page.locator('.cm-content > .cm-line').count(), 3);
    assert.equal(await lineOf(page, 2).textContent(), 'print(x)');
    await done();
  });

  test('setReadOnly stops edits and says so; readOnly at creation too', async () => {
    const { page, done } = await openFixture();
    const before = await text(page);
    await page.evaluate(() => window.fixture.editor.setReadOnly(true));
    assert.equal(await page.locator('.cm-content').getAttribute('aria-readonly'), 'true');
    await lineOf(page, 1).click();
    await page.keyboard.type('zz');
    await page.keyboard.press('Enter');
    assert.equal(await text(page), before);
    await page.evaluate(() => window.fixture.editor.setReadOnly(false));
    assert.equal(await page.locator('.cm-content').getAttribute('aria-readonly'), null);
    await page.keyboard.type('zz');
    assert.notEqual(await text(page), before);

    const second = await page.evaluate(() => {
      const parent = document.createElement('div');
      parent.id = 'second';
      document.querySelector('main').append(parent);
      const editor = window.fixture.createEditor(parent, { doc: 'pass', label: 'Read-only program', readOnly: true });
      const content = parent.querySelector('.cm-content');
      return { label: content.getAttribute('aria-label'), readonly: content.getAttribute('aria-readonly'), text: editor.getText() };
    });
    assert.deepEqual(second, { label: 'Read-only program', readonly: 'true', text: 'pass' });
    await done();
  });

  test('setDiagnostics underlines from the column to the end of the line and shows the message', async () => {
    const { page, done } = await openFixture();
    const message = "NameError: name 'asyncio' is not defined";
    await page.evaluate((m) => window.fixture.editor.setDiagnostics([{ line: 4, col: 11, message: m }]), message);
    const underline = lineOf(page, 4).locator('.cm-py-error');
    assert.equal(await underline.count(), 1);
    assert.equal(await underline.textContent(), 'asyncio.sleep(delay)');
    assert.equal(await underline.getAttribute('title'), message);
    assert.ok((await lineClasses(page, 4)).includes('cm-py-error-line'));
    assert.ok(!(await lineClasses(page, 3)).includes('cm-py-error-line'));
    assert.equal(await page.locator('.cm-py-error-line').count(), 1);
    const note = page.locator('.cm-py-error-msg');
    assert.equal(await note.count(), 1);
    assert.equal(await note.textContent(), message);
    assert.equal(await note.getAttribute('role'), 'note');
    assert.ok(await note.isVisible());
    // Right under line 4, above line 5.
    const [line4, box, line5] = await Promise.all([lineOf(page, 4).boundingBox(), note.boundingBox(), lineOf(page, 5).boundingBox()]);
    assert.ok(box.height > 0 && box.y >= line4.y + line4.height - 1 && box.y + box.height <= line5.y + 1, 'the message is between lines 4 and 5');
    const styles = await underline.evaluate((element) => getComputedStyle(element).textDecorationLine);
    assert.match(styles, /underline/);

    // A column past the end: the last character. An empty line: a one-space mark.
    await page.evaluate(() =>
      window.fixture.editor.setDiagnostics([
        { line: 1, col: 99, message: 'past the end' },
        { line: 2, col: 1, message: 'on an empty line' },
      ]),
    );
    assert.equal(await lineOf(page, 1).locator('.cm-py-error').textContent(), 'o');
    assert.equal(await lineOf(page, 2).locator('.cm-py-error').getAttribute('title'), 'on an empty line');
    assert.deepEqual(await page.locator('.cm-py-error-msg').allTextContents(), ['past the end', 'on an empty line']);

    // wasm-bindgen turns Rust u64s into BigInts: they work too.
    await page.evaluate(() => window.fixture.editor.setDiagnostics([{ line: 5n, col: 5n, message: 'from u64s' }]));
    assert.equal(await lineOf(page, 5).locator('.cm-py-error').textContent(), 'print(what)');

    // Columns count code points, as CPython's do.
    await page.evaluate(() => {
      window.fixture.editor.setText("print('héllo 😀', x)\n");
      window.fixture.editor.setDiagnostics([{ line: 1, col: 18, message: 'at x' }]);
    });
    assert.equal(await lineOf(page, 1).locator('.cm-py-error').textContent(), 'x)');

    await page.evaluate(() => window.fixture.editor.setDiagnostics([]));
    assert.equal(await page.locator('.cm-py-error, .cm-py-error-msg, .cm-py-error-line').count(), 0);
    await done();
  });

  test('setMarks puts the task classes on the lines and the names in the gutter', async () => {
    const { page, done } = await openFixture();
    await page.evaluate(() =>
      window.fixture.editor.setMarks([
        { line: 4, kind: 'waiting', task: 'Task-2', lane: 1 },
        { line: 4, kind: 'running', task: 'Task-3', lane: 2 },
        { line: 9, kind: 'waiting', task: 'Task-1', lane: 0 },
        { line: 9, kind: 'hover', task: 'Task-1', lane: 0 },
        { line: 5, kind: 'hover', task: 'Task-4', lane: 11 },
        { line: 99, kind: 'running', task: 'Task-9', lane: 3 },
      ]),
    );
    const line4 = await lineClasses(page, 4);
    for (const cls of ['cm-task-line', 'cm-task-running', 'cm-lane-2']) assert.ok(line4.includes(cls), `${cls} in ${line4}`);
    assert.ok(!line4.includes('cm-task-waiting'), 'running wins over waiting');
    const line9 = await lineClasses(page, 9);
    for (const cls of ['cm-task-line', 'cm-task-waiting', 'cm-task-hover', 'cm-lane-0']) assert.ok(line9.includes(cls), `${cls} in ${line9}`);
    const line5 = await lineClasses(page, 5);
    for (const cls of ['cm-task-line', 'cm-task-hover', 'cm-lane-3']) assert.ok(line5.includes(cls), `${cls} in ${line5}`);
    assert.equal(await page.locator('.cm-task-line').count(), 3, 'line 99 is past the end: ignored');

    const gutter4 = await gutterBeside(page, 4);
    assert.equal(gutter4.text, 'Task-3 +1');
    assert.equal(gutter4.title, 'Task-3 (running), Task-2 (waiting)');
    assert.equal((await gutterBeside(page, 9)).text, 'Task-1');
    assert.equal((await gutterBeside(page, 5)).text, 'Task-4');
    assert.equal((await gutterBeside(page, 6))?.text ?? '', '');
    // The task gutter is left of the line numbers.
    const [tasks, numbers] = await Promise.all([page.locator('.cm-task-gutter').boundingBox(), page.locator('.cm-lineNumbers').boundingBox()]);
    assert.ok(tasks.x + tasks.width <= numbers.x + 1);
    // The running line is tinted with its lane colour.
    const tint = await lineOf(page, 4).evaluate((line) => getComputedStyle(line).backgroundColor);
    assert.notEqual(tint, 'rgba(0, 0, 0, 0)');

    // Cheap to call often: a flood of changes costs one update per frame,
    // and the last call wins.
    const elapsed = await page.evaluate(() => {
      const editor = window.fixture.editor;
      const start = performance.now();
      for (let i = 0; i < 1000; i++) {
        editor.setMarks([
          { line: 1 + (i % 12), kind: 'running', task: `Task-${i % 7}`, lane: i % 8 },
          { line: 1 + ((i * 5) % 12), kind: 'waiting', task: 'Task-1', lane: 0 },
        ]);
      }
      return performance.now() - start;
    });
    console.log(`1000 setMarks calls in one task: ${elapsed.toFixed(1)} ms`);
    assert.ok(elapsed < 500, `1000 setMarks calls took ${elapsed} ms`);
    // i = 999: Task-5 running on line 4 (lane 7), Task-1 waiting on line 4.
    await page.waitForFunction(() => document.querySelectorAll('.cm-task-line').length === 1);
    const last = await lineClasses(page, 4);
    for (const cls of ['cm-task-line', 'cm-task-running', 'cm-lane-7']) assert.ok(last.includes(cls), `${cls} in ${last}`);
    assert.equal((await gutterBeside(page, 4)).text, 'Task-5 +1');

    await page.evaluate(() => window.fixture.editor.setMarks([]));
    await page.waitForFunction(() => document.querySelectorAll('.cm-task-line').length === 0);
    assert.equal((await page.locator('.cm-task-gutter').textContent()).replace('Task-10 +9', ''), '', 'no names left (the spacer aside)');
    await done();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds nothing critical or serious with marks and a diagnostic (${colorScheme})`, async () => {
      const { page, done } = await openFixture({ colorScheme });
      await page.evaluate(() => {
        const { editor } = window.fixture;
        // Every lane, running and waiting, over every kind of token.
        editor.setMarks(
          Array.from({ length: 16 }, (_, i) => ({
            line: 1 + (i % 12),
            kind: i < 8 ? 'running' : 'waiting',
            task: `Task-${i + 1}`,
            lane: i % 8,
          })).concat([{ line: 10, kind: 'hover', task: 'Task-4', lane: 3 }]),
        );
        editor.setDiagnostics([{ line: 12, col: 9, message: "NameError: name 'main' is not defined" }]);
        editor.goToLine(7);
      });
      assert.deepEqual(await seriousViolations(page), []);
      await done();
    });
  }

  test('goToLine selects the line start, scrolls to it and focuses the editor', async () => {
    const { page, done } = await openFixture();
    await page.locator('#before').focus();
    await page.evaluate(() => window.fixture.editor.goToLine(10));
    assert.equal(await page.evaluate(() => document.activeElement.className), 'cm-content');
    assert.ok((await lineClasses(page, 10)).includes('cm-activeLine'));
    await page.keyboard.type('#');
    assert.equal((await text(page)).split('\n')[9], '#    await task');

    // A long program scrolls inside the editor (its max height) to the line.
    await page.evaluate(() => {
      window.fixture.editor.setText(Array.from({ length: 300 }, (_, i) => `x${i + 1} = ${i + 1}`).join('\n'));
      window.fixture.editor.goToLine(250);
    });
    await page.waitForFunction(() => {
      const line = [...document.querySelectorAll('.cm-line')].find((element) => element.textContent === 'x250 = 250');
      if (!line) return false;
      const box = line.getBoundingClientRect();
      const scroller = document.querySelector('.cm-scroller').getBoundingClientRect();
      return box.top >= scroller.top && box.bottom <= scroller.bottom;
    });
    const scrolled = await page.evaluate(() => document.querySelector('.cm-scroller').scrollTop);
    assert.ok(scrolled > 0);
    await done();
  });

  test('destroy removes the editor; later calls do nothing', async () => {
    const { page, done } = await openFixture();
    const left = await page.evaluate(() => {
      const { editor } = window.fixture;
      editor.destroy();
      editor.setText('x');
      editor.setMarks([{ line: 1, kind: 'running', task: 'Task-1', lane: 0 }]);
      editor.setDiagnostics([{ line: 1, col: 1, message: 'm' }]);
      editor.setReadOnly(true);
      editor.goToLine(1);
      editor.focus();
      editor.destroy();
      return document.getElementById('editor').childElementCount;
    });
    assert.equal(left, 0);
    await done();
  });
});
