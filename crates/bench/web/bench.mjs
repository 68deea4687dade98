// The browser side of the benchmarks, driven by run.mjs in headless Chromium.
//
// window.bench.engine(name, runs, warmup)      our engine compiled to wasm (release profile)
// window.bench.spawnLocal(name, runs, warmup)  wasm-bindgen-futures' spawn_local
// window.bench.pyodide(name, runs, warmup)     Pyodide running python/workloads.py
//
// Each resolves to {ops, seconds: [...]} or {skipped: "why"}. The wasm side is
// timed here with performance.now() (the server sends COOP/COEP, so the page is
// cross-origin isolated and the clock is not coarsened to 100 µs); Pyodide's
// runs are timed inside Python by time.perf_counter, which reads the same clock.

import init, { engine_workload, spawn_local_workload } from '/pkg/asyncio_bench.js';

const status = document.getElementById('status');

async function timeRuns(run, runs, warmup) {
  const seconds = [];
  let ops = null;
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    ops = await run();
    const elapsed = (performance.now() - start) / 1000;
    if (ops === null || ops === undefined) return null;
    if (i >= warmup) seconds.push(elapsed);
    // Let the browser breathe (and collect garbage) between runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { ops, seconds };
}

let pyodide = null;

/** Load Pyodide once, with workloads.py and the oracle (vclock, vpool, scenarios) in its file system. */
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
  pyodide.FS.writeFile('/home/pyodide/bench/workloads.py', await fetchText('/python/workloads.py'));
  for (const file of referenceFiles) {
    pyodide.FS.writeFile(`/home/pyodide/reference/${file}`, await fetchText(`/reference/${file}`));
  }
  pyodide.runPython(`
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, '/home/pyodide/bench')
import workloads
workloads.set_reference('/home/pyodide/reference')
`);
  return pyodide;
}

window.bench = {
  async engine(name, runs, warmup) {
    const result = await timeRuns(() => engine_workload(name), runs, warmup);
    return result ?? { skipped: 'not applicable' };
  },
  async spawnLocal(name, runs, warmup) {
    const result = await timeRuns(() => spawn_local_workload(name), runs, warmup);
    return result ?? { skipped: name === 'W5' ? 'no virtual clock' : 'the catalogue is asyncio programs' };
  },
  async loadPyodide(referenceFiles) {
    const py = await loadPython(referenceFiles);
    return py.runPython('import sys; sys.version.split()[0]');
  },
  async pyodide(name, runs, warmup) {
    const py = pyodide;
    if (!py) throw new Error('call bench.loadPyodide first');
    py.globals.set('_bench_args', py.toPy([name, runs, warmup]));
    return JSON.parse(py.runPython('import json; json.dumps(workloads.measure(*_bench_args))'));
  },
};

await init();
status.textContent = 'Ready.';
document.body.dataset.state = 'ready';
