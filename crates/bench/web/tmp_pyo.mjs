import { loadPyodide } from 'pyodide';
import { readFileSync, readdirSync } from 'node:fs';
const py = await loadPyodide({ indexURL: '/work/main/node_modules/pyodide/' });
py.FS.mkdirTree('/home/pyodide/reference/scenarios');
for (const f of ['vclock.py','vpool.py']) py.FS.writeFile('/home/pyodide/reference/'+f, readFileSync('/work/shared/reference/'+f));
for (const f of readdirSync('/work/shared/reference/scenarios')) py.FS.writeFile('/home/pyodide/reference/scenarios/'+f, readFileSync('/work/shared/reference/scenarios/'+f));
py.FS.writeFile('/home/pyodide/workloads.py', readFileSync('crates/bench/python/workloads.py'));
const out = py.runPython(`
import sys, json
sys.path.insert(0, '/home/pyodide')
import workloads
workloads.set_reference('/home/pyodide/reference')
res = []
for w in ${JSON.stringify(process.argv.slice(2))}:
    r = workloads.measure(w, 1, 0)
    res.append((w, r['ops'], r['seconds'][0], r['seconds'][0]/r['ops']*1e9))
json.dumps(res)
`);
console.log(out);
