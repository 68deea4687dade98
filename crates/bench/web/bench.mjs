// The browser side of the benchmarks, driven by run.mjs in headless Chromium.
//
// window.bench.engine(name, runs, warmup)      our engine compiled to wasm (release profile)
// window.bench.engineFast(name, runs, warmup)  the same, built with opt-level 3 (the fast profile)
// window.bench.spawnLocal(name, runs, warmup)  wasm-bindgen-futures' spawn_local
// window.bench.pyodide(name, runs, warmup)     Pyodide running python/workloads.py (the oracle's virtual-clock loop)
// window.bench.pyodideWebloop(name, runs, warmup) Pyodide running the same coroutines on its own loop, WebLoop
//                                              (`await` at top level of runPythonAsync: python/webloop.py)
// window.bench.python(name, runs, warmup)      our Python interpreter (wasm, release profile) running the
//                                              plain programs python/interp/wN.py (W7: the oracle's plain/*.py)
// window.bench.pythonFast(name, runs, warmup)  the same, built with opt-level 3
// window.bench.pyodidePlain(name, runs, warmup) Pyodide running the same plain programs through the
//                                              oracle's pyrun.py (python/plain.py)
//
// Each resolves to {ops, seconds: [...]} or {skipped: "why"}. The wasm side is
// timed here with performance.now() (the server sends COOP/COEP, so the page is
// cross-origin isolated and the clock is not coarsened to 100 µs); Pyodide's
// runs are timed inside Python by time.perf_counter, which reads the same clock.
//
// bench.html?nowasm loads no wasm (run.mjs, when only Pyodide's systems run); ?fast loads the
// opt-level 3 build beside the release one.

const params = new URLSearchParams(location.search);

// The bench crate's wasm (release profile), unless ?nowasm.
let wasm = null;
// The same crate built with opt-level 3 instead of the site's "z", when run.mjs serves it.
let fast = null;

const status = document.getElementById('status');

// A timed run repeats the workload until MIN_TIME seconds have passed and counts the mean
// of its repetitions (as bench-native and workloads.py do).
const MIN_TIME = 0.1;

async function timeRuns(run, runs, warmup) {
  const seconds = [];
  const reps = [];
  let ops = null;
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    let n = 0;
    let elapsed;
    for (;;) {
      ops = await run();
      if (ops === null || ops === undefined) return null;
      n += 1;
      elapsed = (performance.now() - start) / 1000;
      if (i < warmup || elapsed >= MIN_TIME) break;
    }
    if (i >= warmup) {
      seconds.push(elapsed / n);
      reps.push(n);
    }
    // Let the browser breathe (and collect garbage) between runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { ops, seconds, reps };
}

let pyodide = null;

// The interpreter's W7: the oracle's plain programs, given to both builds once.
let plainLoaded = false;

async function loadPlain(referenceFiles) {
  if (plainLoaded || !wasm) return;
  for (const file of referenceFiles.filter((f) => f.startsWith('plain/'))) {
    const response = await fetch(`/reference/${file}`);
    if (!response.ok) throw new Error(`/reference/${file}: HTTP ${response.status}`);
    const source = await response.text();
    const name = file.slice('plain/'.length);
    wasm.python_add_plain(name, source);
    if (fast) fast.python_add_plain(name, source);
  }
  plainLoaded = true;
}

/** Load Pyodide once, with workloads.py, webloop.py, plain.py and the plain programs, and the oracle (vclock, vpool,
 * pyrun, scenarios, plain) in its file system. */
async function loadPython(referenceFiles) {
  if (pyodide) return pyodide;
  const { loadPyodide } = await import('/pyodide/pyodide.mjs');
  pyodide = await loadPyodide({ indexURL: '/pyodide/' });
  const fetchText = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  };
  pyodide.FS.mkdirTree('/home/pyodide/bench');
  pyodide.FS.mkdirTree('/home/pyodide/reference/scenarios');
  pyodide.FS.mkdirTree('/home/pyodide/reference/plain');
  pyodide.FS.mkdirTree('/home/pyodide/bench/interp');
  for (const file of ['workloads.py', 'webloop.py', 'plain.py', ...[1, 2, 3, 4, 5, 6].map((i) => `interp/w${i}.py`)]) {
    pyodide.FS.writeFile(`/home/pyodide/bench/${file}`, await fetchText(`/python/${file}`));
  }
  for (const file of referenceFiles) {
    pyodide.FS.writeFile(`/home/pyodide/reference/${file}`, await fetchText(`/reference/${file}`));
  }
  pyodide.runPython(`
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, '/home/pyodide/bench')
import workloads
workloads.set_reference('/home/pyodide/reference')
import plain
plain.setup('/home/pyodide/reference')
import webloop
`);
  return pyodide;
}

window.bench = {
  async engine(name, runs, warmup) {
    if (!wasm) return { skipped: 'no wasm served' };
    const result = await timeRuns(() => wasm.engine_workload(name), runs, warmup);
    return result ?? { skipped: 'not applicable' };
  },
  async engineFast(name, runs, warmup) {
    if (!fast) return { skipped: 'no opt-level 3 build served' };
    const result = await timeRuns(() => fast.engine_workload(name), runs, warmup);
    return result ?? { skipped: 'not applicable' };
  },
  async spawnLocal(name, runs, warmup) {
    if (!wasm) return { skipped: 'no wasm served' };
    const result = await timeRuns(() => wasm.spawn_local_workload(name), runs, warmup);
    return result ?? { skipped: name === 'W5' ? 'no virtual clock' : 'the catalogue is asyncio programs' };
  },
  async python(name, runs, warmup) {
    if (!wasm) return { skipped: 'no wasm served' };
    const result = await timeRuns(() => wasm.python_workload(name), runs, warmup);
    return result ?? { skipped: 'not applicable' };
  },
  async pythonFast(name, runs, warmup) {
    if (!fast) return { skipped: 'no opt-level 3 build served' };
    const result = await timeRuns(() => fast.python_workload(name), runs, warmup);
    return result ?? { skipped: 'not applicable' };
  },
  async pyodidePlain(name, runs, warmup) {
    const py = pyodide;
    if (!py) throw new Error('call bench.loadPyodide first');
    py.globals.set('_bench_args', py.toPy([name, runs, warmup]));
    return JSON.parse(py.runPython('import json; json.dumps(plain.measure(*_bench_args))'));
  },
  async loadPyodide(referenceFiles) {
    await loadPlain(referenceFiles);
    const py = await loadPython(referenceFiles);
    return py.runPython('import sys; sys.version.split()[0]');
  },
  async pyodide(name, runs, warmup) {
    const py = pyodide;
    if (!py) throw new Error('call bench.loadPyodide first');
    py.globals.set('_bench_args', py.toPy([name, runs, warmup]));
    return JSON.parse(py.runPython('import json; json.dumps(workloads.measure(*_bench_args))'));
  },
  // What a Pyodide user gets: the coroutine awaited at top level of runPythonAsync, so it runs on
  // the WebLoop (every call_soon a setTimeout, a browser task), timed inside Python.
  async pyodideWebloop(name, runs, warmup) {
    const py = pyodide;
    if (!py) throw new Error('call bench.loadPyodide first');
    py.globals.set('_bench_args', py.toPy([name, runs, warmup]));
    return JSON.parse(await py.runPythonAsync('import json\njson.dumps(await webloop.measure(*_bench_args))'));
  },
};

if (!params.has('nowasm')) {
  wasm = await import('/pkg/asyncio_bench.js');
  await wasm.default();
  if (params.has('fast')) {
    fast = await import('/pkg-fast/asyncio_bench.js');
    await fast.default();
  }
}
status.textContent = 'Ready.';
document.body.dataset.state = 'ready';
