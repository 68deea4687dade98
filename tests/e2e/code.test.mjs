// Your own code in the page: programs opened by #code= links run by the
// interpreter's build of the page, the editor's errors, line marks and lane
// names, Back, the Edit button of a lesson, the lessons written in Python,
// and accessibility of the code view.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appReady, logText, openPage, repoRoot, reference, screenshots, startSite, waitState, seriousViolations } from './helpers.mjs';


const userprog = join(reference, 'userprog');
const pylessons = join(repoRoot, 'crates', 'scenarios', 'src', 'pylessons');

/** `#code=` for `source`: base64url of its UTF-8, no padding. */
function codeFragment(source) {
  return '#code=' + Buffer.from(source, 'utf8').toString('base64url');
}

/** Wait until the interpreter's build shows its editor. */
async function editorReady(page) {
  await page.waitForSelector('.cm-editor .cm-content', { timeout: 30_000 });
}

/** Replace the editor's whole text by typing `text` (closing brackets typed by hand are skipped). */
async function replaceText(page, text) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** The editor's text on screen, line by line (CodeMirror draws only the lines in view). */
function editorText(page) {
  return page.$$eval('.cm-content .cm-line', (lines) => lines.map((l) => l.textContent).join('\n'));
}

/** What the inspector says, as text. */
function inspectorText(page) {
  return page.$eval('.inspector', (e) => e.textContent);
}


describe('your own code', () => {
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  const programs = [
    'py_dataclass_orders',
    'exec_thread_pool_max_workers',
    'deadlock_forgotten_set',
    'exc_escapes_main_raise_from',
    'py_async_iterator_generator',
    'queue_producer_consumer_sentinel',
  ];
  for (const name of programs) {
    test(`a #code= link runs userprog/${name}.py as pyrun.py does`, async () => {
      const { context, page, problems } = await openPage(site.browser);
      const source = readFileSync(join(userprog, `${name}.py`), 'utf8');
      await page.goto(site.base + '?mode=instant' + codeFragment(source));
      await editorReady(page);
      assert.ok(source.startsWith(await editorText(page)), 'the editor shows the program');
      await page.click('#run');
      await waitState(page, 'done', 30_000);
      const expected = readFileSync(join(userprog, 'expected', `${name}.txt`), 'utf8').replace(/\n$/, '');
      assert.equal(await logText(page), expected);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const name of ['taskgroup_cancel_siblings', 'timeout_reschedule']) {
    test(`the Python lesson ${name} opens from the gallery's build and prints pyrun.py's trace`, async () => {
      const { context, page, problems } = await openPage(site.browser);
      await page.goto(site.base + `?scenario=${name}&mode=instant`);
      await editorReady(page);
      assert.match(page.url(), new RegExp(`scenario=${name}`));
      await page.click('#run');
      await waitState(page, 'done', 30_000);
      const expected = readFileSync(join(pylessons, 'expected', `${name}.txt`), 'utf8').replace(/\n$/, '');
      assert.equal(await logText(page), expected);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('a lesson edited in the editor runs as written; Reset code brings the lesson back', async () => {
    const { context, page, problems } = await openPage(site.browser);
    await page.goto(site.base + '?scenario=sync_event&mode=instant');
    await appReady(page);
    await page.click('#edit-code');
    await editorReady(page);
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('.cm-editor')), 'the editor has the focus');
    await page.click('#run');
    await waitState(page, 'done');
    const lesson = await logText(page);
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    // Typed as a user types (closing brackets and quotes are stepped over).
    await page.keyboard.press('Enter');
    await page.keyboard.type('print("after the lesson")');
    await page.waitForSelector('#code-detached:not([hidden])');
    assert.match(page.url(), /scenario=sync_event.*#code=/);
    await page.click('#run');
    await waitState(page, 'done');
    const edited = (await logText(page)).split('\n');
    assert.equal(edited.slice(0, -1).join('\n'), lesson);
    assert.match(edited.at(-1), /^\[ +[0-9.]+\] after the lesson$/);
    await page.click('#reset-code');
    await page.waitForSelector('#code-detached[hidden]', { state: 'attached' });
    assert.doesNotMatch(page.url(), /#code=/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the editor colours the program with the program pane’s tokenizer, also as it is edited', async () => {
    const { context, page, problems } = await openPage(site.browser);
    const source = 'import asyncio\n\nasync def main():\n    s = """one\n# two\n"""\n    print(s, 1.5)  # é\n\nasyncio.run(main())\n';
    await page.goto(site.base + codeFragment(source));
    await editorReady(page);
    const coloured = () =>
      page.evaluate(() => {
        const of = (cls) => [...document.querySelectorAll(`.cm-content .${cls}`)].map((e) => e.textContent);
        return { kw: of('tok-kw'), bi: of('tok-bi'), str: of('tok-str'), com: of('tok-com'), num: of('tok-num') };
      });
    const tokens = await coloured();
    assert.deepEqual(tokens.kw, ['import', 'async', 'def']);
    assert.deepEqual(tokens.bi, ['print']);
    // A triple-quoted string over three lines, its `#` line included, is one string.
    assert.deepEqual(tokens.str, ['"""one', '# two', '"""']);
    assert.deepEqual(tokens.com, ['# é']);
    assert.deepEqual(tokens.num, ['1.5']);
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('await x  # later');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.cm-content .tok-com')].some((e) => e.textContent === '# later'),
    );
    assert.ok((await coloured()).kw.includes('await'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a syntax error is underlined at its line, and Run says why it waits', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + codeFragment('import asyncio\nprint("fine")\n'));
    await editorReady(page);
    await replaceText(page, 'import asyncio\n\nx = = 1\n');
    await page.waitForSelector('#code-problem:not([hidden])');
    assert.match(await page.textContent('#code-problem'), /^Line 3, column 5: SyntaxError: invalid syntax/);
    const errorLine = await page.$eval('.cm-py-error-line', (l) => l.textContent);
    assert.equal(errorLine, 'x = = 1');
    assert.ok(await page.isDisabled('#run'));
    assert.match(await page.textContent('#run-blocked'), /error on line 3/);
    // Fixed: Run comes back.
    await replaceText(page, 'print("fixed")\n');
    await page.waitForSelector('#code-problem', { state: 'hidden' });
    assert.ok(!(await page.isDisabled('#run')));
    await context.close();
  });

  test('recursion without end is a RecursionError while the browser\'s stack still has room, and the page runs on', async () => {
    // Chromium's stack (about 1 MB for wasm and JavaScript) holds fewer
    // Python frames than Python's limit on these paths; overflowing it would
    // kill the page's wasm (src/code/stack.rs).
    const programs = {
      plain: 'def f(n):\n    return 1 + f(n + 1)\n',
      decorated: 'import functools\ndef trace(g):\n    @functools.wraps(g)\n    def w(*a, **k):\n        return g(*a, **k)\n    return w\n@trace\ndef f(n):\n    return 1 + f(n + 1)\n',
      method: 'class A:\n    def f(self, n):\n        return [self.f(n + 1) for _ in range(1)][0]\n',
      generator: 'def g(n):\n    yield from g(n + 1)\n    yield n\ndef f(n):\n    return sum(g(n))\n',
      coroutine: 'import asyncio\nasync def c(n):\n    return 1 + await c(n + 1)\ndef f(n):\n    return asyncio.run(c(n))\n',
    };
    const { context, page, problems } = await openPage(site.browser);
    for (const [name, body] of Object.entries(programs)) {
      const call = name === 'method' ? 'A().f(0)' : 'f(0)';
      const source = body + `try:\n    ${call}\nexcept RecursionError as e:\n    print("caught", e)\nprint("after")\n`;
      await page.goto(site.base + '?mode=instant' + codeFragment(source));
      await editorReady(page);
      for (const run of [1, 2]) {
        await page.click('#run');
        await waitState(page, 'done', 30_000);
        const log = await logText(page);
        assert.match(log, /caught maximum recursion depth exceeded/, `${name}, run ${run}`);
        assert.match(log, /after$/, `${name}, run ${run}`);
      }
    }
    // Freeing chains 200,000 deep does not recurse either.
    const chains = 't = None\nfor i in range(200000):\n    t = (i, t)\nf = lambda: 0\nfor i in range(200000):\n    f = (lambda g: lambda: g)(f)\ndel t, f\nprint("freed")\n';
    await page.goto(site.base + '?mode=instant' + codeFragment(chains));
    await editorReady(page);
    await page.click('#run');
    await waitState(page, 'done', 30_000);
    assert.match(await logText(page), /^\[\s*0\.000\] freed$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the library modules a program imports are fetched before it runs, and only those', async () => {
    const source = [
      'import asyncio, enum, logging, re, sys',
      'from pprint import pformat',
      'class Color(enum.Enum):',
      '    RED = 1',
      '    GREEN = 2',
      'async def main():',
      "    logging.basicConfig(stream=sys.stdout, format='%(levelname)s:%(message)s', level=logging.INFO)",
      "    logging.info('colors %s', [c.name for c in Color])",
      '    await asyncio.sleep(0.5)',
      "    print(re.findall(r'\\d+', 'a1b22c333'), pformat({'b': [1] * 3, 'a': Color.RED}))",
      'asyncio.run(main())',
      '',
    ].join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'library-')), 'prog.py');
    writeFileSync(file, source);
    const expected = execFileSync('python3', [join(reference, 'pyrun.py'), file], { encoding: 'utf8' }).replace(/\n$/, '');
    const { context, page, problems } = await openPage(site.browser);
    const fetched = [];
    page.on('request', (request) => {
      const match = /\/py\/([^/]+)$/.exec(new URL(request.url()).pathname);
      if (match) fetched.push(match[1]);
    });
    await page.goto(site.base + '?mode=instant' + codeFragment(source));
    await editorReady(page);
    await page.click('#run');
    await waitState(page, 'done', 30_000);
    assert.equal(await logText(page), expected);
    // pprint imports re; asyncio's own Python part and contextvars are inside the wasm.
    assert.deepEqual([...new Set(fetched)].sort(), ['enum.py', 'logging.py', 'pprint.py', 're.py']);
    // A program that imports none of them fetches nothing more.
    fetched.length = 0;
    await replaceText(page, 'import asyncio, time\nasync def main():\n    await asyncio.sleep(1)\n    print("ok")\nasyncio.run(main())\n');
    await page.click('#run');
    await waitState(page, 'done', 30_000);
    assert.match(await logText(page), /^\[\s*1\.000\] ok$/);
    assert.deepEqual(fetched, []);
    // A module's own imports come in a second round: inspect imports types.
    await replaceText(page, 'import inspect\nasync def f(a, *, b=2): pass\nprint(inspect.signature(f), inspect.iscoroutinefunction(f))\n');
    await page.click('#run');
    await waitState(page, 'done', 30_000);
    assert.match(await logText(page), /^\[\s*0\.000\] \(a, \*, b=2\) True$/);
    assert.deepEqual(fetched, ['inspect.py', 'types.py']);
    // Subclassing asyncio.Queue fetches the Python versions of the queues and locks.
    fetched.length = 0;
    await replaceText(
      page,
      'import asyncio\nclass Q(asyncio.Queue):\n    def _put(self, item):\n        super()._put(item * 2)\n' +
        'async def main():\n    q = Q()\n    await q.put(21)\n    print(await q.get(), isinstance(q, asyncio.Queue))\n' +
        'asyncio.run(main())\n',
    );
    await page.click('#run');
    await waitState(page, 'done', 30_000);
    assert.match(await logText(page), /^\[\s*0\.000\] 42 True$/);
    assert.ok(fetched.includes('_asyncio_bases.py') && fetched.includes('heapq.py'), fetched.join(', '));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a library module that cannot be fetched is named, and Run works once it can be', async () => {
    const { context, page } = await openPage(site.browser);
    await context.route(/\/py\/re\.py$/, (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(site.base + '?mode=instant' + codeFragment("import re\nprint(re.sub('a', 'b', 'aa'))\n"));
    await editorReady(page);
    await page.click('#run');
    await page.waitForSelector('#error:not([hidden])');
    assert.match(
      await page.textContent('#error'),
      /^Could not load the playground's module re, which the program imports \(py\/re\.py: HTTP 404\)/,
    );
    // The run did not start: nothing printed, and Run is there to try again.
    await waitState(page, 'idle');
    assert.equal(await logText(page), '');
    assert.ok(!(await page.isDisabled('#run')));
    await context.unroute(/\/py\/re\.py$/);
    await page.click('#run');
    await waitState(page, 'done', 30_000);
    assert.match(await logText(page), /^\[\s*0\.000\] bb$/);
    assert.ok(await page.isHidden('#error'));
    await context.close();
  });

  test('a program outside the subset is refused before it runs, naming the construct and its line', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + codeFragment('import os\nprint(1)\n'));
    await editorReady(page);
    await page.waitForSelector('#code-problem:not([hidden])');
    assert.match(await page.textContent('#code-problem'), /^Line 1, column \d+: ModuleNotFoundError: No module named 'os'/);
    assert.ok(await page.isDisabled('#run'));
    await context.close();
  });

  test('a runtime error shows its traceback, whose line links move the editor there', async () => {
    const { context, page } = await openPage(site.browser);
    const source = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    1 / 0\n\nasyncio.run(main())\n';
    await page.goto(site.base + '?mode=instant' + codeFragment(source));
    await editorReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal((await logText(page)).split('\n').at(-1), '[    1.000] Traceback: ZeroDivisionError: division by zero');
    const traceback = await page.textContent('#traceback');
    assert.match(traceback, /File "main.py", line 5, in main/);
    await page.click('#traceback .line-link[data-line="5"]');
    await page.waitForFunction(() => document.querySelector('.cm-activeLine')?.textContent === '    1 / 0');
    await context.close();
  });

  test('a task that never awaits is stopped with the runaway error naming it and its line', async () => {
    const { context, page } = await openPage(site.browser);
    const source = 'import asyncio\n\nasync def spin():\n    n = 0\n    while True:\n        n += 1\n\nasyncio.run(spin())\n';
    await page.goto(site.base + '?mode=paced' + codeFragment(source));
    await editorReady(page);
    await page.click('#run');
    await waitState(page, 'done', 60_000);
    const last = (await logText(page)).split('\n').at(-1);
    assert.match(last, /runaway: Task-1 ran \d+ statements without awaiting \(in spin, line [56]\)/);
    await context.close();
  });

  test('paused, each task’s line is marked; lanes are named by their coroutine; Back restores the previous iteration', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 1366, height: 900 } });
    const source = [
      'import asyncio',
      '',
      'async def worker(name, delay):',
      '    await asyncio.sleep(delay)',
      '    print(name, "done")',
      '',
      'async def main():',
      '    await asyncio.gather(worker("a", 1), worker("b", 2))',
      '',
      'asyncio.run(main())',
      '',
    ].join('\n');
    await page.goto(site.base + '?mode=paced' + codeFragment(source));
    await editorReady(page);
    const states = [];
    for (let i = 0; i < 5; i++) {
      await page.click('#step');
      await page.waitForFunction((n) => document.querySelector('#iterations')?.textContent === String(n), i + 1);
      states.push({ log: await logText(page), inspector: await inspectorText(page) });
    }
    // Marks: the running task strongly, the waiting ones in their lane colour, names in the gutter.
    await page.waitForSelector('.cm-task-running');
    const marked = await page.$$eval('.cm-task-line', (lines) => lines.map((l) => l.textContent.trim()));
    assert.ok(marked.includes('await asyncio.sleep(delay)'), marked.join(' | '));
    assert.ok(marked.includes('await asyncio.gather(worker("a", 1), worker("b", 2))'), marked.join(' | '));
    const gutter = await page.$$eval('.cm-task-gutter .cm-gutterElement', (e) => e.map((x) => x.textContent));
    assert.ok(gutter.some((t) => t.startsWith('Task-1')), gutter.join(' | '));
    // Lanes: Task-N · coroutine(arguments), in the inspector's task list.
    const inspector = await inspectorText(page);
    assert.match(inspector, /Task-1 · main\(\)/);
    assert.match(inspector, /Task-2 · worker\('a', 1\)/);
    assert.match(inspector, /line 4/);
    // Back: the log and the inspector of the iteration before.
    await page.click('#back');
    await page.waitForFunction(() => document.querySelector('#iterations')?.textContent === '4');
    assert.equal(await logText(page), states[3].log);
    assert.equal(await inspectorText(page), states[3].inspector);
    await page.keyboard.press('b');
    await page.waitForFunction(() => document.querySelector('#iterations')?.textContent === '3');
    assert.equal(await inspectorText(page), states[2].inspector);
    await page.screenshot({ path: join(screenshots, 'code-paused.png'), fullPage: true });
    await context.close();
  });

  test('a lesson steps back too', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + '?scenario=sync_event&mode=paced');
    await appReady(page);
    const logs = [];
    for (let i = 0; i < 4; i++) {
      await page.click('#step');
      await page.waitForFunction((n) => document.querySelector('#iterations')?.textContent === String(n), i + 1);
      logs.push(await logText(page));
    }
    await page.click('#back');
    await page.waitForFunction(() => document.querySelector('#iterations')?.textContent === '3');
    assert.equal(await logText(page), logs[2]);
    await context.close();
  });

  test('a deadlocked program ends with the deadlock line and the page says what each task waited on', async () => {
    const { context, page } = await openPage(site.browser);
    const source = [
      'import asyncio',
      '',
      'async def main():',
      '    a, b, e = asyncio.Lock(), asyncio.Lock(), asyncio.Event()',
      '    async def holder():',
      '        async with a:',
      '            await e.wait()',
      '    t = asyncio.create_task(holder())',
      '    await asyncio.sleep(0)',
      '    async with b:',
      '        async with a:',
      '            pass',
      '',
      'asyncio.run(main())',
      '',
    ].join('\n');
    await page.goto(site.base + '?mode=instant' + codeFragment(source));
    await editorReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    assert.match((await logText(page)).split('\n').at(-1), /deadlock/);
    const explanation = await page.textContent('.explain');
    assert.match(explanation, /Task-1 waits on Lock lock-1 \(held by Task-2\)/);
    assert.match(explanation, /Task-2 waits on Event event-1/);
    // Each primitive has its own row in the inspector: two locks are not one.
    const names = await page.$$eval('.inspector .insp-name', (e) => e.map((x) => x.textContent));
    for (const name of ['lock-1', 'lock-2', 'event-1']) assert.ok(names.includes(name), names.join(' | '));
    await context.close();
  });

  test('real mode runs a program on the page clock, in order', async () => {
    const { context, page, problems } = await openPage(site.browser);
    const source = [
      'import asyncio',
      'async def tick(name, delay):',
      '    await asyncio.sleep(delay)',
      '    print(name)',
      'async def main():',
      '    await asyncio.gather(tick("b", 0.2), tick("a", 0.1))',
      '    print("done")',
      'asyncio.run(main())',
      '',
    ].join('\n');
    await page.goto(site.base + '?mode=real' + codeFragment(source));
    await editorReady(page);
    await page.click('#run');
    await waitState(page, 'done', 30_000);
    const texts = (await logText(page)).split('\n').map((line) => line.replace(/^\[ *[0-9.]+\] /, ''));
    assert.deepEqual(texts, ['a', 'b', 'done']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('hovering a timeline bar marks its task’s line', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 1366, height: 900 } });
    const source = 'import asyncio\n\nasync def nap():\n    await asyncio.sleep(5)\n\nasyncio.run(nap())\n';
    await page.goto(site.base + '?mode=instant' + codeFragment(source));
    await editorReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    // The middle of the only lane's sleeping bar.
    const box = await page.locator('.timeline canvas.tl-canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 38);
    await page.waitForSelector('.cm-task-hover');
    assert.equal((await page.textContent('.cm-task-hover')).trim(), 'await asyncio.sleep(5)');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height + 200);
    await page.waitForSelector('.cm-task-hover', { state: 'detached' });
    await context.close();
  });

  test('a thread lesson’s program says why it is read-only', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + '?scenario=thread_lock_counter');
    await appReady(page);
    assert.match(await page.textContent('#read-only-note'), /^Read-only: /);
    assert.equal(await page.locator('#edit-code').count(), 0);
    await context.close();
  });

  test('the interpreter’s build runs an unedited lesson as its Python program: the same log, with line marks', async () => {
    const { context, page, problems } = await openPage(site.browser, { viewport: { width: 1366, height: 900 } });
    await page.goto(site.base + '?scenario=tasks_gather_factorial&mode=instant');
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    const rust = await logText(page);
    await page.click('#edit-code');
    await editorReady(page);
    await page.selectOption('#mode', 'instant');
    await page.click('#run');
    await waitState(page, 'done');
    assert.equal(await logText(page), rust);
    // Paused, the tasks' lines are marked: only a program the interpreter runs has them.
    await page.selectOption('#mode', 'paced');
    for (let i = 0; i < 3; i++) {
      await page.click('#step');
      await page.waitForFunction((n) => document.querySelector('#iterations')?.textContent === String(n), i + 1);
    }
    await page.waitForSelector('.cm-task-running');
    assert.match(await inspectorText(page), /Task-2 · factorial\('A', 2\)/);
    assert.doesNotMatch(page.url(), /#code=/, 'an unedited lesson keeps its plain address');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('from the interpreter’s build, a thread lesson opens in the gallery’s build, and Back returns to the program', async () => {
    const { context, page, problems } = await openPage(site.browser);
    const source = 'import asyncio\n\nasync def main():\n    print("mine")\n\nasyncio.run(main())\n';
    await page.goto(site.base + '?mode=instant' + codeFragment(source));
    await editorReady(page);
    assert.equal(await page.evaluate(() => typeof window.playgroundUpgrade), 'undefined', 'the interpreter’s build');
    await page.click('a[data-action="gallery"]');
    await page.waitForSelector('.gallery a[data-scenario="thread_lock_counter"]');
    await page.click('.gallery a[data-scenario="thread_lock_counter"]');
    // The page reloads into the gallery's build, which has the lesson's code.
    await page.waitForFunction(() => typeof window.playgroundUpgrade === 'function' && document.querySelector('#read-only-note'));
    assert.match(page.url(), /scenario=thread_lock_counter/);
    assert.doesNotMatch(page.url(), /#code=/);
    await appReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    assert.match(await logText(page), /\[ +\d+\.\d+\] /);
    await page.goBack();
    await page.goBack();
    await editorReady(page);
    assert.match(await editorText(page), /print\("mine"\)/);
    // The reload and Back cancel whatever is still loading (the icon, say): not a failure.
    assert.deepEqual(problems.filter((p) => !/^request failed: .* net::ERR_ABORTED$/.test(p)), []);
    await context.close();
  });

  test('a malformed #code= link says so and opens the starter program', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base + '#code=not*base64');
    await editorReady(page);
    assert.match(await page.textContent('#notices'), /The link's program could not be read \('\*' at position 4/);
    assert.match(await editorText(page), /^import asyncio/);
    assert.ok(!(await page.isDisabled('#run')));
    await context.close();
  });

  test('programs up to 8 KB round-trip through the address, and edits are written back to it', async () => {
    const { context, page } = await openPage(site.browser);
    const lines = ['import asyncio', ''];
    for (let i = 0; lines.join('\n').length < 8000; i++) lines.push(`print(${i}, "é ü 世界 — ${'x'.repeat(40)}")`);
    const source = lines.join('\n') + '\n';
    await page.goto(site.base + '?mode=instant' + codeFragment(source));
    await editorReady(page);
    assert.ok(source.startsWith(await editorText(page)), 'the editor shows the program');
    await page.click('#run');
    await waitState(page, 'done');
    const printed = (await logText(page)).split('\n');
    assert.equal(printed.length, lines.length - 2);
    assert.equal(printed.at(-1), `[    0.000] ${lines.length - 3} é ü 世界 — ${'x'.repeat(40)}`);
    await page.click('.cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('print("end")\n');
    await page.waitForFunction(() => /#code=/.test(location.hash) && location.hash.length > 100);
    const carried = Buffer.from(new URL(page.url()).hash.slice('#code='.length), 'base64url').toString('utf8');
    assert.equal(carried, source + 'print("end")\n');
    await context.close();
  });

  test('Write your own opens the starter program from the gallery', async () => {
    const { context, page } = await openPage(site.browser);
    await page.goto(site.base);
    await appReady(page);
    await page.click('a[data-action="open-code"]');
    await editorReady(page);
    assert.match(await editorText(page), /^import asyncio/);
    assert.equal(await page.title(), 'main.py · asyncio playground');
    await page.selectOption('#mode', 'instant');
    await page.click('#run');
    await waitState(page, 'done');
    assert.match(await logText(page), /\[ +\d+\.\d+\] \['A done', 'B done', 'C done'\]$/);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds nothing critical or serious on your own code, paused with marks (${colorScheme})`, async () => {
      const { context, page } = await openPage(site.browser, { colorScheme, viewport: { width: 1280, height: 900 } });
      await page.goto(site.base + '?mode=paced#code=' + Buffer.from(readFileSync(join(userprog, 'sync_lock_bank_account.py'))).toString('base64url'));
      await editorReady(page);
      for (let i = 0; i < 4; i++) await page.click('#step');
      await page.waitForSelector('.cm-task-line');
      assert.deepEqual(await seriousViolations(page), []);
      await page.screenshot({ path: join(screenshots, `code-${colorScheme}.png`), fullPage: true });
      await context.close();
    });
  }

  test('at phone width the editor and the output fit', async () => {
    const { context, page } = await openPage(site.browser, { viewport: { width: 380, height: 800 }, colorScheme: 'dark' });
    await page.goto(site.base + '?mode=instant#code=' + Buffer.from(readFileSync(join(userprog, 'tasks_hello_sleep_result.py'))).toString('base64url'));
    await editorReady(page);
    await page.click('#run');
    await waitState(page, 'done');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: join(screenshots, 'code-narrow-dark.png'), fullPage: true });
    await context.close();
  });
});
