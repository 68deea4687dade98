#!/usr/bin/env python3
"""Write BENCHMARKS.md from the results of scripts/bench.sh.

    python3 report.py --native native.jsonl --browser browser.json --meta meta.json \
        --notes NOTES.md --out BENCHMARKS.md
    python3 report.py --pool-only --browser pool.json --meta meta.json --out BENCHMARKS.md
    python3 report.py --python-only --python-native python-native.jsonl --browser python-browser.json \
        --python-size python-size.json --meta meta.json --out BENCHMARKS.md

The second form (scripts/bench.sh --pool) replaces only the Web Worker pool's
section of an existing BENCHMARKS.md (or adds it before "## Goals"); the third
(scripts/bench.sh --python) the Python interpreter's. The first form writes the
interpreter's section when given --python-native (and --python-size), and
otherwise keeps the one already in --out.

native.jsonl: one object per line from bench-native and bench_cpython.py;
browser.json: the object printed by web/run.mjs; meta.json: the environment.
Every cell is a median over the runs of this invocation; ratios compare
systems measured in the same invocation. Nothing here asserts a number.
"""

import argparse
import json
import math
import statistics

WORKLOADS = ["W1", "W2", "W3", "W4", "W5", "W6", "W7"]
WHAT = {
    "W1": "spawn and finish 100k trivial tasks",
    "W2": "1M `sleep(0)` yields over 1,000 tasks",
    "W3": "10k tasks through `Semaphore(10)`",
    "W4": "200k items through `Queue(maxsize=100)`",
    "W5": "100k timers, distinct deadlines, virtual clock",
    "W6": "1,000 tasks x 100 lock acquisitions",
    "W7": "the whole default scenario catalogue",
}
UNIT = {"W1": "task", "W2": "yield", "W3": "task", "W4": "item", "W5": "timer", "W6": "acquisition", "W7": "catalogue"}
NATIVE = [("engine", "our engine"), ("cpython", "CPython 3.11 asyncio"), ("tokio", "tokio current-thread"),
          ("smol", "smol LocalExecutor")]
BROWSER = [("engine-wasm", "our engine (wasm, as shipped)"), ("engine-wasm-o3", "our engine (wasm, opt-level 3)"),
           ("pyodide", "Pyodide"), ("pyodide-webloop", "Pyodide, its WebLoop (`await` at top level)"),
           ("spawn_local", "wasm-bindgen-futures spawn_local")]
# The orientation figures of issue 8 (median ns per operation).
GIVEN = {
    "cpython": {"W1": 8100, "W2": 940, "W3": 8400, "W4": 650, "W5": 24000, "W6": 5900},
    "tokio": {"W1": 270, "W2": 47, "W3": 400, "W4": 67, "W5": 850, "W6": 300},
    "smol": {"W1": 190},
    "pyodide": {"W1": 54000, "W2": 18000},
}


def load_results(rows):
    """{(system, workload): row}, the rows of one system and workload merged
    (bench.sh runs one process per run): `seconds` of every run, the median
    peak RSS, and `median` (seconds) and `per_op` (ns) added."""
    out = {}
    peaks = {}
    for row in rows:
        key = (row["system"], row["workload"])
        if key not in out:
            out[key] = dict(row, seconds=list(row.get("seconds", [])))
        else:
            out[key]["seconds"] += row.get("seconds", [])
        if "peak_rss_kb" in row:
            peaks.setdefault(key, []).append((row["peak_rss_kb"], row["base_rss_kb"]))
    for key, row in out.items():
        if key in peaks:
            row["peak_rss_kb"] = statistics.median(p for p, _ in peaks[key])
            row["base_rss_kb"] = statistics.median(b for _, b in peaks[key])
        if row["seconds"]:
            row["median"] = statistics.median(row["seconds"])
            row["per_op"] = row["median"] / row["ops"] * 1e9
        else:
            row.pop("seconds")
    return out


def fmt_time(row, workload):
    """The absolute figure: ns per operation, or the whole run for W7."""
    if workload == "W7":
        ms = row["median"] * 1e3
        return f"{ms:,.1f} ms" if ms >= 10 else f"{ms:,.2f} ms"
    ns = row["per_op"]
    if ns >= 1e6:  # Pyodide's WebLoop, where a wake-up can wait for a clamped setTimeout
        return f"{ns / 1e6:,.2f} ms"
    if ns >= 1e5:
        return f"{ns / 1e3:,.0f} µs"
    if ns >= 100:
        return f"{ns:,.0f} ns"
    return f"{ns:,.1f} ns"


def fmt_ratio(ratio):
    if ratio >= 10:
        return f"{ratio:,.0f}"
    if ratio >= 0.1:
        return f"{ratio:.2f}"
    if ratio >= 0.01:
        return f"{ratio:.3f}"
    return f"{ratio:.{1 - math.floor(math.log10(ratio))}f}"  # two significant digits


def cell(results, system, workload, base):
    row = results.get((system, workload))
    if row is None:
        return "—"
    if "skipped" in row:
        return f"n/a ({row['skipped']})"
    text = fmt_time(row, workload)
    if system != base and (base, workload) in results and "median" in results[(base, workload)]:
        # Per operation (Pyodide's WebLoop runs some workloads at reduced sizes); W7: the whole catalogue.
        key = "median" if workload == "W7" else "per_op"
        text += f" · {fmt_ratio(results[(base, workload)][key] / row[key])}"
    if row.get("sizes"):  # a run smaller than the workload's (Pyodide's WebLoop)
        text += f" ({row['sizes']})"
    return text


def table(results, systems, base, extra=None, what=None):
    what = dict(WHAT, **(what or {}))
    head = ["workload", "per"] + [title for _, title in systems] + ([extra[0]] if extra else [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for w in WORKLOADS:
        if not any((s, w) in results for s, _ in systems):
            continue
        unit = UNIT[w]
        if w == "W7":  # say how many scenarios each side ran: they should be the same
            counts = sorted({str(results[(s, w)]["ops"]) for s, _ in systems if "ops" in results.get((s, w), {})})
            unit = f"catalogue ({' / '.join(counts)} {'scenarios' if what['W7'] == WHAT['W7'] else 'programs'})"
        cells = [f"**{w}** {what[w]}", unit] + [cell(results, s, w, base) for s, _ in systems]
        if extra:
            cells.append(extra[1](w))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def webloop_notes(browser):
    """The bullet under the Chromium table for Pyodide's WebLoop (empty without its rows)."""
    rows = {w: browser[("pyodide-webloop", w)] for w in WORKLOADS if ("pyodide-webloop", w) in browser}
    if not rows:
        return []
    timeouts = ", ".join(f"{w} {row['timeouts_per_op']:.2g}" for w, row in rows.items()
                         if "timeouts_per_op" in row)
    reduced = "; ".join(f"{w} {row['sizes']} (full size: {row.get('full_sizes', '?')})" for w, row in rows.items()
                        if row.get("sizes") and w != "W5")
    skipped = "; ".join(f"{w}: {row['skipped']}" for w, row in rows.items() if "skipped" in row)
    text = (
        "- **Pyodide, its WebLoop**: the same Pyodide and the same coroutines of `workloads.py`, each awaited at top "
        "level of `pyodide.runPythonAsync` (`crates/bench/python/webloop.py`), as a Pyodide user runs asyncio code: "
        "they run on Pyodide's own loop, `pyodide.webloop.WebLoop` (`asyncio.run` and `run_until_complete` cannot "
        "block there), where every `call_soon` is a `setTimeout(callback, 0)`, a browser task, and every "
        "`call_later` a browser timer. Timed inside Python as the Pyodide column; every run checks that the running "
        "loop is the WebLoop and its tasks `PyodideTask`s, and the workload's checked result. Chromium clamps a "
        "`setTimeout` nested more than 5 deep to at least 4 ms (the HTML standard's nesting rule), and on the "
        "WebLoop every wake-up is a timeout set from another's callback: where tasks hand over to each other one at "
        "a time (W3's semaphore, W4's full queue, W6's lock), a handover waits ~4 ms: a cost of the WebLoop's "
        "design (one `setTimeout` per callback), not of CPython's asyncio."
    )
    if timeouts:
        text += f" `setTimeout` calls per operation (an untimed run at about a tenth of the size): {timeouts}."
    if reduced:
        text += (f" Reduced sizes, in the cells, where a full-size run would take more than ~20 s: {reduced}; the "
                 "time per operation is comparable, the whole run is not.")
    w5 = rows.get("W5")
    if w5 and w5.get("sizes"):
        text += (f" W5 ({w5['sizes']}; full size: {w5.get('full_sizes', '?')}): the WebLoop has no virtual clock, so its sleeps are real browser timers "
                 "and a run lasts at least its last deadline: its time per timer is mostly waiting, where the "
                 "other columns' virtual clock jumps to each deadline.")
    if skipped:
        text += f" {skipped} (n/a)."
    return [text]


def instructions_table(counts):
    systems = [("engine", "our engine"), ("tokio", "tokio current-thread"), ("smol", "smol LocalExecutor")]
    head = ["workload", "per"] + [title for _, title in systems]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for w in WORKLOADS:
        if not any((s, w) in counts for s, _ in systems):
            continue
        cells = [f"**{w}** {WHAT[w]}", UNIT[w]]
        base = counts.get(("engine", w))
        for system, _ in systems:
            row = counts.get((system, w))
            if row is None:
                cells.append("n/a")
                continue
            if w == "W7":  # the whole catalogue, as in the time tables
                text = f"{row['instructions'] / 1e6:,.1f} M"
            else:
                text = f"{row['instructions'] / row['ops']:,.0f}"
            if system != "engine" and base:
                text += f" · {fmt_ratio(base['instructions'] / row['instructions'])}"
            cells.append(text)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def mib(kb):
    return f"{kb / 1024:,.1f} MiB"


def rss_table(native):
    head = ["workload"] + [title for _, title in NATIVE]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for w in ["W1", "W5"]:
        cells = [f"**{w}** {WHAT[w]}"]
        for system, _ in NATIVE:
            row = native.get((system, w))
            if not row or "peak_rss_kb" not in row:
                cells.append("n/a")
                continue
            cells.append(f"{mib(row['peak_rss_kb'])} (base {mib(row['base_rss_kb'])})")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def kb(n):
    return f"{n / 1000:,.1f} kB" if n < 1_000_000 else f"{n / 1e6:,.2f} MB"


def page_section(page):
    site, py = page["site"], page["pyodide"]
    site_wasm = [f for f in site["files"] if f["path"].endswith(".wasm")]
    py_wasm = [f for f in py["files"] if f["path"].endswith(".wasm")]

    def total(files, key):
        return sum(f[key] for f in files)

    def med(loads, key):
        return statistics.median(load[key] for load in loads)

    site_bytes, py_bytes = med(site["loads"], "bytes"), med(py["loads"], "bytes")
    site_ms, py_ms = med(site["loads"], "ms"), med(py["loads"], "ms")
    rows = [
        ("wasm, raw", kb(total(site_wasm, "raw")), kb(total(py_wasm, "raw")),
         total(py_wasm, "raw") / total(site_wasm, "raw")),
        ("wasm, gzip -9", kb(total(site_wasm, "gzip")), kb(total(py_wasm, "gzip")),
         total(py_wasm, "gzip") / total(site_wasm, "gzip")),
        ("all files, raw", kb(total(site["files"], "raw")), kb(total(py["files"], "raw")),
         total(py["files"], "raw") / total(site["files"], "raw")),
        ("all files, gzip -9", kb(total(site["files"], "gzip")), kb(total(py["files"], "gzip")),
         total(py["files"], "gzip") / total(site["files"], "gzip")),
        ("bytes downloaded on first load (gzip on the wire, headers included)", kb(site_bytes), kb(py_bytes),
         py_bytes / site_bytes),
        ("requests on first load", f"{med(site['loads'], 'requests'):.0f}", f"{med(py['loads'], 'requests'):.0f}", None),
        ("time to interactive gallery / to Pyodide's first printed line", f"{site_ms:,.0f} ms", f"{py_ms:,.0f} ms",
         py_ms / site_ms),
    ]
    lines = ["| | our site (`trunk build --release`) | Pyodide " + py["version"] + " | Pyodide ÷ ours |",
             "|---|---|---|---|"]
    for label, ours, theirs, ratio in rows:
        lines.append(f"| {label} | {ours} | {theirs} | {'' if ratio is None else f'{ratio:,.1f}'} |")
    files = ", ".join(f"`{f['path']}` {kb(f['raw'])} ({kb(f['gzip'])} gzip)" for f in site["files"])
    first = site["loads"][0]["files"]
    loaded = ", ".join(f"`{f['url'].split('/')[-1] or 'index.html'}` {kb(f['body'])}" for f in first)
    py_loaded = ", ".join(f"`{f['url'].split('/')[-1]}` {kb(f['body'])}" for f in py["loads"][0]["files"])
    notes = [
        "",
        f"Median of {len(site['loads'])} cold loads of the site and {len(py['loads'])} of Pyodide, each in a fresh "
        "browser context (empty cache), from a local server on 127.0.0.1 that gzips every response (level 9): "
        "times are local, without network latency, so they measure download size only through parsing and "
        "compiling, not through bandwidth.",
        f"- The built site: {files}.",
        f"- The site's first load fetched: {loaded}. The gallery is interactive when `<body data-state>` is no "
        "longer `loading` and a `.gallery a[data-scenario]` link exists. The Web Worker and its wasm are not fetched before a "
        "scenario runs, so they are in the totals of all files but not in the first load.",
        f"- Pyodide's first print fetched: {py_loaded} (`pyodide-first.html`: `loadPyodide()`, then "
        "`print(...)`; the time is taken in the stdout callback).",
    ]
    return "\n".join(lines + notes), {"bytes_ratio": py_bytes / site_bytes, "time_ratio": py_ms / site_ms,
                                      "site_bytes": site_bytes}


MAXIMA_GOAL = 2.0


def maxima_section(maxima):
    """The heaviest lessons at their maxima: the page's instant mode beside the native runner."""
    lines = ["| lesson at its maxima | lines printed | native runner | the page, instant mode | page ÷ native |",
             "|---|---|---|---|---|"]
    for row in maxima["rows"]:
        lines.append(f"| `{row['name']}` {' '.join(row['args'])} | {row['lines']:,} | "
                     f"{ms(row['nativeMedian'] * 1000)} | {ms(row['pageMedian'] * 1000)} | {row['ratio']:.2f} |")
    runs = len(maxima["rows"][0]["page"]) if maxima["rows"] else 0
    notes = [
        "",
        "`crates/bench/web/maxima.mjs`: `scripts/maxima.py --json` runs every lesson with every parameter at its "
        "heaviest end through the native runner and lists them slowest first; the slowest that end normally are "
        f"timed again, {runs} interleaved runs each after a warm-up, median. **Native runner**: "
        f"`{maxima['runner'].split('/target/')[-1]}` (the `fast` profile), from spawn to exit, printing every line "
        "to a pipe. **The page**: the built site at the lesson's address with its parameters and `mode=instant`, "
        "from the Run button's click to `<body data-state=\"done\">`, timed in the page with `performance.now()`. "
        "The page runs the lesson in slices of ~8 ms between which the browser draws, records the trace for the "
        "timeline and the inspector (up to 200,000 records), shows its progress every 250 ms and keeps the first "
        "100,000 lines of the output in `#log`.",
    ]
    return "\n".join(lines + notes)


def goals_section(native, browser, page_ratios, maxima=None):
    lines = ["| goal | workload | measured | met |", "|---|---|---|---|"]

    def ratio(results, base, peer, w):
        a, b = results.get((base, w)), results.get((peer, w))
        if not a or not b or "median" not in a or "median" not in b:
            return None
        return a["median"] / b["median"]

    for w in WORKLOADS:
        r = ratio(browser, "engine-wasm", "engine-wasm-o3", w)
        if r is not None:
            lines.append(f"| the shipped wasm within 1.2× of the opt-level 3 build (shipped ÷ opt-level 3 ≤ 1.2) | "
                         f"{w} | {r:.2f} | {'yes' if r <= 1.2 else '**no**'} |")
    for w in ["W1", "W5"]:
        a, b = native.get(("engine", w)), native.get(("tokio", w))
        if a and b and "peak_rss_kb" in a and "peak_rss_kb" in b:
            met = a["peak_rss_kb"] <= b["peak_rss_kb"]
            lines.append(f"| peak memory at most tokio's | {w} | {mib(a['peak_rss_kb'])} vs {mib(b['peak_rss_kb'])} | "
                         f"{'yes' if met else '**no**'} |")
    for row in (maxima or {}).get("rows", []):
        r = row["ratio"]
        lines.append(f"| a lesson at its maxima: the page's instant mode within {MAXIMA_GOAL:.0f}× of the native "
                     f"runner | `{row['name']}` | {r:.2f} | {'yes' if r <= MAXIMA_GOAL else '**no**'} |")

    for w in WORKLOADS[:6]:
        r = ratio(native, "engine", "tokio", w)
        if r is not None:
            lines.append(f"| as fast as tokio current-thread (engine ÷ tokio ≤ 1.0) | {w} | {r:.2f} | "
                         f"{'yes' if r <= 1.0 else '**no**'} |")
    for w in WORKLOADS:
        r = ratio(native, "cpython", "engine", w)
        if r is not None:
            lines.append(f"| ≥ 25× faster than CPython natively | {w} | {r:,.0f}× | {'yes' if r >= 25 else '**no**'} |")
    for w in WORKLOADS:
        r = ratio(browser, "pyodide", "engine-wasm", w)
        if r is not None:
            lines.append(f"| ≥ 200× faster than Pyodide in Chromium | {w} | {r:,.0f}× | "
                         f"{'yes' if r >= 200 else '**no**'} |")
    if page_ratios and "site_bytes" in page_ratios:
        n = page_ratios["site_bytes"]
        lines.append(f"| the gallery's first load ≤ 400 kB (gzip on the wire) | first load | {kb(n)} | "
                     f"{'yes' if n <= 400_000 else '**no**'} |")
    if page_ratios:
        b = page_ratios["bytes_ratio"]
        lines.append(f"| ≥ 20× fewer bytes downloaded than Pyodide | first load | {b:,.1f}× | "
                     f"{'yes' if b >= 20 else '**no**'} |")
    return "\n".join(lines)


def given_section(native, browser):
    lines = ["| system | workload | issue's figure | measured here | measured ÷ figure |", "|---|---|---|---|---|"]
    for system, figures in GIVEN.items():
        results = browser if system == "pyodide" else native
        for w, ns in figures.items():
            row = results.get((system, w))
            if not row or "per_op" not in row:
                continue
            lines.append(f"| {system} | {w} | {ns:,} ns | {row['per_op']:,.0f} ns | {row['per_op'] / ns:.2f} |")
    return "\n".join(lines)


PYTHON_TITLE = "## Python interpreter"
PY_NATIVE = [("python", "our interpreter"), ("cpython-plain", "CPython 3.11 (pyrun.py)")]
PY_BROWSER = [("python-wasm", "our interpreter (wasm, opt-level \"z\")"),
              ("python-wasm-o3", "our interpreter (wasm, opt-level 3)"), ("pyodide-plain", "Pyodide (pyrun.py)")]
PY_WHAT = {"W7": "every plain program of the oracle (`plain/*.py`)"}
FIRST_LOAD_BUDGET = 400_000  # bytes, gzip: the gallery's first load
RUN_CODE_BUDGET = 500_000  # bytes, gzip: everything needed to run one's own code
SLOWER_THAN_CPYTHON = 2.0


def python_section(native, browser, size, page, meta):
    """Our interpreter (crates/python) on the plain programs, natively beside CPython and in
    Chromium beside Pyodide, and its wasm's weight beside the page's first load."""
    out = [
        PYTHON_TITLE,
        "",
        f"Measured {meta['date']} at commit `{meta['commit']}` on {meta['cpu']} ({meta['cores']} cores, load "
        f"average {meta['load_before']} before and {meta['load_after']} after). The workloads as plain asyncio "
        "programs (`crates/bench/python/interp/w1.py` ... `w6.py`: workloads.py's operation counts, each prints "
        "one checked line; W7 = every program of the oracle's `plain/` folder, one after the other), run by our "
        "interpreter (`asyncio_python::run_source`, `crates/bench/src/interp.rs`) and by CPython through the "
        "oracle's `pyrun.py` (`run_program`, output captured, `crates/bench/python/plain.py`): the same files on "
        "both sides, every loop on a virtual clock, source compiled inside the timed run on both. Each cell: the "
        "median time per operation, then after the `·` **our interpreter's time ÷ that system's time** (below "
        f"1.00 ours is faster). Native: {meta['runs']} interleaved runs, each in its own process after "
        f"{meta['warmup']} warm-up, interpreter built with the `fast` profile (`bench-native python`). Where "
        "the time goes and what would close the gaps: `crates/bench/NOTES.md`, \"The Python interpreter\"."
        + (" " + meta["python_note"] if meta.get("python_note") else ""),
        "",
    ]
    def runs_note(results, systems):
        """How many runs are behind each median, when that differs from workload to workload."""
        counts = {w: len(results[(s, w)].get("seconds", [])) for w in WORKLOADS for s, _ in systems[:1]
                  if (s, w) in results}
        if len(set(counts.values())) <= 1:
            return []
        return ["Runs behind each median (our interpreter; its peers' alike): "
                + ", ".join(f"{w} {n}" for w, n in counts.items()) + ".", ""]

    if native:
        out += [table(native, PY_NATIVE, "python", what=PY_WHAT), ""] + runs_note(native, PY_NATIVE)
    if any(s in dict(PY_BROWSER) for s, _ in browser):
        out += [
            "In headless Chromium: the bench crate's wasm (`src/web_python.rs`, `python_workload`) built with the "
            "site's `release` profile (opt-level \"z\") and with `fast` (opt-level 3), beside Pyodide (CPython "
            f"{meta.get('pyodide_version', '?')}) running the same files through `pyrun.py` in the page's Pyodide "
            "(`crates/bench/python/plain.py`: its loops' self-pipe, `_multiprocessing` and `time.tzset` stubbed out "
            "under Emscripten). Median of the runs after warm-up, systems interleaved run by run.",
            "",
            table(browser, PY_BROWSER, "python-wasm", what=PY_WHAT),
            "",
        ] + runs_note(browser, PY_BROWSER)
    goals = []
    if size:
        wasm, js = size["wasm_opt"], size["js"]
        lazy = wasm["gzip"] + js["gzip"]
        out += [
            "### Size",
            "",
            "| | raw | gzip -9 |",
            "|---|---|---|",
            f"| (a) the interpreter alone: wasm (feature `python-only`, the `#code=` build's `release-code` profile, after `wasm-opt -Oz`) | "
            f"{kb(wasm['raw'])} | {kb(wasm['gzip'])} |",
            f"| (a) its wasm-bindgen glue (`asyncio_bench.js`) | {kb(js['raw'])} | {kb(js['gzip'])} |",
            f"| (a) before `wasm-opt` | {kb(size['wasm']['raw'])} | {kb(size['wasm']['gzip'])} |",
        ]
        first = None
        if page:
            loads = page["site"]["loads"]
            first = statistics.median(load["bodyBytes"] for load in loads)
            py_first = statistics.median(load["bodyBytes"] for load in page["pyodide"]["loads"])
            code_loads = page.get("code", {}).get("loads", [])
            out += [
                f"| (b) the gallery's first load (`trunk build --release`, bodies on the wire, gzip; median of "
                f"{len(loads)} cold loads) | | {kb(first)} |",
            ]
            if code_loads:
                code = statistics.median(load["bodyBytes"] for load in code_loads)
                out.append(f"| (c) a `#code=` link's load until the program has printed (the interpreter's build "
                           f"of the page and the editor; median of {len(code_loads)} cold loads) | | **{kb(code)}** |")
            else:
                code = first + lazy
                out.append(f"| (a) + (b): everything needed to run one's own code | | **{kb(code)}** |")
            out.append(f"| Pyodide {page['pyodide']['version']}'s first print (bodies on the wire, gzip) | | "
                       f"{kb(py_first)} |")
            goals += [
                f"| the gallery's first load ≤ {kb(FIRST_LOAD_BUDGET)} gzip (interpreter loaded lazily) | {kb(first)} "
                f"| {'yes' if first <= FIRST_LOAD_BUDGET else '**no**'} |",
                f"| everything to run one's own code ≤ {kb(RUN_CODE_BUDGET)} gzip (Pyodide: {kb(py_first)}) | "
                f"{kb(code)} ({py_first / code:,.1f}× less than Pyodide) | "
                f"{'yes' if code <= RUN_CODE_BUDGET else '**no**'} |",
            ]
            if code_loads:
                fetched = ", ".join(f"`{f['url'].split('?')[0].split('#')[0].rsplit('/', 1)[-1] or 'index.html'}` "
                                    f"{kb(f['body'])}" for f in code_loads[0]["files"])
                out += ["", f"(c) fetched: {fetched}. Time to the program's output: "
                        f"{statistics.median(load['ms'] for load in code_loads):,.0f} ms (median, local server)."]
        out += ["", "(a) is the interpreter (and the engine it runs on) alone behind `run_python(source, filename) "
                "-> lines`, without the page: what the interpreter adds to a page, roughly. The site ships it "
                "inside a second build of the page (`playground_code`), which a `#code=` link starts at once and "
                "the gallery's build hands over to when a view needs the interpreter (c).", ""]
    for w in WORKLOADS:
        a, b = native.get(("python", w)), native.get(("cpython-plain", w))
        if a and b and "median" in a and "median" in b:
            r = a["median"] / b["median"]
            goals.append(f"| within {SLOWER_THAN_CPYTHON:g}× of CPython natively (ours ÷ CPython ≤ "
                         f"{SLOWER_THAN_CPYTHON:g}) | {w}: {r:.2f} | {'yes' if r <= SLOWER_THAN_CPYTHON else '**no**'} |")
    for w in WORKLOADS:
        a, b = browser.get(("python-wasm", w)), browser.get(("pyodide-plain", w))
        if a and b and "median" in a and "median" in b:
            r = a["median"] / b["median"]
            goals.append(f"| faster than Pyodide in Chromium (ours, opt-level \"z\", ÷ Pyodide < 1) | {w}: {r:.2f} | "
                         f"{'yes' if r < 1 else '**no**'} |")
    if goals:
        out += ["### Goals of the interpreter", "", "| goal | measured | met |", "|---|---|---|"] + goals + [""]
    return "\n".join(out).rstrip()


def existing_section(path, title):
    """The section `title` of the file at `path` (up to the next `## `), or None."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError:
        return None
    if title not in lines:
        return None
    start = lines.index(title)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).rstrip()


POOL_TITLE = "## Web Worker pool (headless Chromium)"
SPEEDUP_GOAL = 1.7
FRAME_BUDGET_MS = 50
QUIET = 0.10  # runs during which other processes used less than this share of the machine


def percentile(values, p):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))]


def ms(x):
    if x >= 100:
        return f"{x:,.0f} ms"
    if x >= 1:
        return f"{x:.1f} ms"
    return f"{x:.3f} ms"


def pct(share):
    return f"{share * 100:.0f} %"


def pool_section(pool, meta):
    """The Web Worker pool's figures (web/pool.mjs): speed-up, round trip, frames. `other` figures
    are the share of the machine (all cores) that processes outside the benchmark used meanwhile."""
    hc = pool["hardwareConcurrency"]
    sp = pool["speedup"]
    configs = {c["workers"]: c["ms"] for c in sp["configs"]}
    other = sp.get("other", [0.0] * len(configs[1]))
    one, two = statistics.median(configs[1]), statistics.median(configs[2])
    speedup = one / two
    chunks, n = sp["chunks"], sp["n"]
    quiet = [i for i, share in enumerate(other) if share < QUIET]
    out = [
        POOL_TITLE,
        "",
        f"Measured {meta['date']} at commit `{meta['commit']}` on {meta['cpu']} ({meta['cores']} cores, "
        f"`navigator.hardwareConcurrency` = {hc}; load average {pool['loadBefore']} before and "
        f"{pool['loadAfter']} after), Chromium {pool.get('chromium', '?')}, in the site built by "
        "`trunk build --release`, cross-origin isolated "
        f"({'yes' if pool.get('crossOriginIsolated') else '**no**: `performance.now()` is coarsened'}). "
        "`crates/bench/web/pool.mjs` opens the page, waits until it is interactive and calls the benchmarks "
        "the page exports (`src/bench_api.rs`, `window.wasmBindings.pool_bench_*`). Each makes its own "
        "`WorkerPool` of the page's real workers (`worker_loader.js`), prewarms it, runs the job twice on "
        "every worker before timing (so loading, compiling and tiering up are excluded), and drops it after. "
        "The machine is shared: **other** is the share of all its cores that processes outside the "
        "benchmark used meanwhile (`/proc/stat` minus the CPU time of the harness and its Chromium).",
        "",
        "### CPU-bound speed-up",
        "",
        f"{chunks} jobs `count_primes({n:,})` started at once; wall time from the first start to the last "
        f"result; median of {len(configs[1])} runs, the three configurations interleaved run by run.",
        "",
        "| runs on | wall time (median) | every run | speed-up over 1 worker |",
        "|---|---|---|---|",
    ]
    labels = {1: "a pool capped at 1 worker", 2: "a pool capped at 2 workers",
              0: "the page's own thread, no workers (peer)"}
    for workers in (1, 2, 0):
        if workers in configs:
            times = configs[workers]
            med = statistics.median(times)
            runs = ", ".join(f"{t:,.0f}" for t in times)
            out.append(f"| {labels[workers]} | {ms(med)} | {runs} ms | {one / med:.2f}× |")
    out += [
        "",
        f"Other processes' share during each run: {', '.join(pct(x) for x in other)}. ",
    ]
    if len(quiet) == len(other):
        out[-1] += f"Every run had less than {pct(QUIET)} of other work."
    elif quiet:
        q1 = statistics.median(configs[1][i] for i in quiet)
        q2 = statistics.median(configs[2][i] for i in quiet)
        out[-1] += (f"Over the {len(quiet)} runs with less than {pct(QUIET)} of other work: 1 worker "
                    f"{ms(q1)}, 2 workers {ms(q2)}, **{q1 / q2:.2f}×**.")
    else:
        out[-1] += f"No run had less than {pct(QUIET)} of other work."
    if 0 in configs:
        out[-1] += (f" One `count_primes({n:,})` (= {sp['value']}) takes {one / chunks:,.0f} ms on a worker and "
                    f"{statistics.median(configs[0]) / chunks:,.0f} ms on the page's thread (the same code, "
                    "both wasm built with opt-level \"z\").")
    lat = pool["latency"]
    out += [
        "",
        "### Round trip of an empty job",
        "",
        f"`echo('')` on one warm worker, one at a time: {len(lat['engine'])} samples per path after "
        f"{pool['warmup']} warm-up per block, in {len(lat.get('other', [])) or 'several'} interleaved blocks "
        "(each with a fresh pool). **Through the engine**: from `VirtualPool::submit_job(&loop, "
        "Job::Echo { text: \"\" }, 0.0, None)` on an `EventLoop` (virtual clock) whose workers are the pool "
        "(`set_workers`) to its future being done: the request posted, run, the reply decoded, the outcome "
        "`call_soon_threadsafe`d and the loop iterated from the pool's outcome callback. **The pool alone**: "
        "`WorkerBackend::start` to its `done` (the protocol, no loop). **Peer**: a raw `postMessage('')` to a "
        "trivial JavaScript worker (`crates/bench/web/echo-worker.js`) that posts it back, timed in the "
        "`message` handler.",
        "",
        "| path | median | p99 | max |",
        "|---|---|---|---|",
    ]
    for key, label in [("engine", "through the engine: `submit_job` → future done"),
                       ("pool", "the pool alone: `WorkerPool::start` → `done`"),
                       ("js", "raw `postMessage` to a JS echo worker (peer)")]:
        values = lat[key]
        out.append(f"| {label} | {ms(statistics.median(values))} | {ms(percentile(values, 99))} | "
                   f"{ms(max(values))} |")
    engine_med, js_med = statistics.median(lat["engine"]), statistics.median(lat["js"])
    out += [
        "",
        f"Our protocol and engine add {(engine_med - js_med) * 1e3:,.0f} µs to the median round trip of a "
        f"plain JavaScript worker ({engine_med / js_med:.1f}×). Other processes' share during each block: "
        f"{', '.join(pct(x) for x in lat.get('other', []))}.",
        "",
        "### The main thread's frames while the pool is saturated",
        "",
        "A `requestAnimationFrame` loop in the page records the time between successive frames (headless "
        "Chromium draws at 60 Hz, so a frame lasts a multiple of 16.7 ms: 16.7 ms is no frame missed); counted are "
        f"the frames that overlap the busy interval: about {ms(pool.get('busyMs', 2000))} of "
        f"`count_primes({n:,})` chunks per busy core, all started at once. {len(pool['frames'][0]['runs'])} "
        "runs of each, interleaved. Peers: the idle page, and the chunks on the page's own thread (one per "
        "macrotask, as the loop would run them without workers). *Longest* is over all runs; each run's "
        "longest is listed with the other processes' share during it.",
        "",
        "| load | busy for (median) | frames | longest | every run's longest (other) | median frame "
        f"| frames over {FRAME_BUDGET_MS} ms |",
        "|---|---|---|---|---|---|---|",
    ]
    goals = []
    for row in pool["frames"]:
        workers = row["workers"]
        gaps = [g for run in row["runs"] for g in run["gaps"]]
        longest = max(gaps) if gaps else 0.0
        per_run = ", ".join(f"{max(run['gaps']):,.0f} ({pct(run.get('other', 0))})" for run in row["runs"]
                            if run["gaps"])
        busy = statistics.median(run["busyMs"] for run in row["runs"])
        counts = "/".join(str(c) for c in sorted({run["chunks"] for run in row["runs"]}))
        if workers is None:
            label = "idle page, no jobs (peer)"
        elif workers == 0:
            label = f"{counts} chunks on the page's own thread (peer)"
        else:
            note = ""
            if workers == hc:
                note = " (= `hardwareConcurrency`)"
            elif workers == hc + 4:
                note = " (the default `ThreadPoolExecutor`'s size here, min(32, cpus + 4))"
            label = f"{counts} chunks on {workers} workers{note}"
            quiet_runs = [max(run["gaps"]) for run in row["runs"] if run["gaps"] and run.get("other", 0) < QUIET]
            if workers in (2, hc):
                goals.append((workers, longest, quiet_runs))
        over = sum(1 for g in gaps if g > FRAME_BUDGET_MS)
        out.append(f"| {label} | {ms(busy)} | {len(gaps)} | **{ms(longest)}** | {per_run} | "
                   f"{ms(statistics.median(gaps)) if gaps else '—'} | {over} |")
    out += [
        "",
        "### Goals of the pool",
        "",
        "| goal | measured | met |",
        "|---|---|---|",
        f"| 2 workers ≥ {SPEEDUP_GOAL}× faster than 1 on `count_primes` chunks (medians) | {speedup:.2f}× "
        f"({ms(one)} → {ms(two)}) | {'yes' if speedup >= SPEEDUP_GOAL else '**no**'} |",
    ]
    for workers, longest, quiet_runs in goals:
        what = f"{workers} workers"
        if workers == hc:
            what += " (= `hardwareConcurrency`)"
        quiet_note = (f"; {max(quiet_runs):,.0f} ms over the runs with less than {pct(QUIET)} of other work"
                      if quiet_runs and max(quiet_runs) < longest else "")
        out.append(f"| longest frame ≤ {FRAME_BUDGET_MS} ms with {what} busy | {ms(longest)}{quiet_note} | "
                   f"{'yes' if longest <= FRAME_BUDGET_MS else '**no**'} |")
    return "\n".join(out)


def merge_section(document, title, section):
    """Replace the section `title` (up to the next `## ` heading) of `document`, or add it before
    `## Goals` (else at the end)."""
    lines = document.split("\n")
    if title in lines:
        start = lines.index(title)
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    else:
        start = end = next((i for i, line in enumerate(lines) if line == "## Goals"), len(lines))
    return "\n".join(lines[:start] + section.split("\n") + [""] + lines[end:])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--native")
    parser.add_argument("--pool-only", action="store_true",
                        help="replace only the Web Worker pool's section of --out with --browser's pool")
    parser.add_argument("--browser")
    parser.add_argument("--meta", required=True)
    parser.add_argument("--callgrind")
    parser.add_argument("--notes")
    parser.add_argument("--python-only", action="store_true",
                        help="replace only the Python interpreter's section of --out")
    parser.add_argument("--python-native", help="bench-native python and bench_cpython.py --plain rows")
    parser.add_argument("--python-size", help="the interpreter's wasm sizes (scripts/bench.sh)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.pool_only:
        with open(args.browser, encoding="utf-8") as f:
            browser_json = json.load(f)
        with open(args.meta, encoding="utf-8") as f:
            meta = json.load(f)
        section = pool_section(dict(browser_json["pool"], chromium=browser_json.get("chromium")), meta)
        with open(args.out, encoding="utf-8") as f:
            document = f.read()
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(merge_section(document, POOL_TITLE, section))
        return
    def python_figures(browser_json, meta):
        native = {}
        if args.python_native:
            with open(args.python_native, encoding="utf-8") as f:
                native = load_results(json.loads(line) for line in f if line.strip())
        size = None
        if args.python_size:
            with open(args.python_size, encoding="utf-8") as f:
                size = json.load(f)
        browser = load_results(browser_json.get("workloads", []))
        versions = {r.get("version") for r in browser_json.get("workloads", []) if r.get("system") == "pyodide-plain"}
        meta = dict(meta, pyodide_version=next(iter(versions - {None}), ""))
        return python_section(native, browser, size, browser_json.get("page"), meta)

    if args.python_only:
        with open(args.browser, encoding="utf-8") as f:
            browser_json = json.load(f)
        with open(args.meta, encoding="utf-8") as f:
            meta = json.load(f)
        section = python_figures(browser_json, meta)
        with open(args.out, encoding="utf-8") as f:
            document = f.read()
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(merge_section(document, PYTHON_TITLE, section))
        return
    if not args.native:
        parser.error("--native is required (except with --pool-only or --python-only)")
    with open(args.native, encoding="utf-8") as f:
        native = load_results(json.loads(line) for line in f if line.strip())
    browser_json = {}
    if args.browser:
        with open(args.browser, encoding="utf-8") as f:
            browser_json = json.load(f)
    browser = load_results(browser_json.get("workloads", []))
    with open(args.meta, encoding="utf-8") as f:
        meta = json.load(f)

    # The wasm build beside the native engine.
    def wasm_vs_native(w):
        a, b = browser.get(("engine-wasm", w)), native.get(("engine", w))
        if not a or not b or "median" not in a or "median" not in b:
            return "—"
        return f"{a['median'] / b['median']:.1f}"

    out = [
        "# Benchmarks",
        "",
        "Generated by `scripts/bench.sh` — do not edit by hand; run it again. "
        f"Run {meta['date']} at commit `{meta['commit']}` on {meta['cpu']} ({meta['cores']} cores, load average "
        f"{meta['load_before']} before and {meta['load_after']} after: the machine is shared, so absolute times "
        "vary from run to run; the ratios, measured in the same run, vary less). "
        f"{meta['rustc']}; Python {meta['python']}; {meta['node']}; Chromium {browser_json.get('chromium', '?')}; "
        f"tokio {meta['tokio']}, async-executor {meta['async_executor']}.",
        "",
        "Each cell: the median over the runs of the time per operation (W7: of the whole catalogue), then, after "
        "the `·`, **our engine's time ÷ that system's time**: below 1.00 our engine is faster (0.04 = 25× "
        f"faster). Native: median of {meta['runs']} runs, each in its own process after {meta['warmup']} warm-up "
        "run, the systems interleaved run by run. Browser: one page for all, the systems interleaved run by run; "
        f"median of {meta['runs']} runs after {meta['warmup']} warm-up for the wasm builds, "
        f"{meta['pyodide_runs']} runs after {meta['pyodide_warmup']} warm-up for Pyodide (seconds per run).",
        "",
        "## Natively",
        "",
        table(native, NATIVE, "engine"),
        "",
        "- **our engine**: `crates/bench/src/engine.rs`, the public API as a user writes it (`run(&EventLoop::new(), "
        "main)`, `create_task`, `sleep0`, `Semaphore::acquire_guard`, `Queue::put/get`, `Lock::acquire_guard`), on "
        "the virtual clock, built with the `fast` profile (opt-level 3, LTO).",
        "- **CPython**: `crates/bench/python/workloads.py` — the same programs — with `asyncio.run` (the stock "
        "selector loop) for W1–W4 and W6, and the oracle's `vclock.VirtualClockLoop` for W5 and W7. W7 runs "
        "every oracle scenario at its defaults in one Python process, one `vclock.run` each, output captured "
        "(scenario modules are imported before timing); our engine runs `asyncio_scenarios::catalogue()` with "
        "`run_on`, output collected, one fresh loop per scenario.",
        "- **tokio** (current-thread runtime; `yield_now`, `sync::Semaphore`, `sync::mpsc::channel(100)`, "
        "`sync::Mutex`, W5 with `start_paused(true)`) and **smol** (`async_executor::LocalExecutor`, "
        "`futures_lite::future::yield_now`, `async_lock`, `async_channel::bounded(100)`): "
        "`crates/bench/src/peers.rs`. smol has no virtual clock, so no W5; the catalogue is asyncio programs, so "
        "no W7 for either.",
        "",
        "### Peak memory (resident set)",
        "",
        "Peak RSS of the process that ran the workload (a warm-up and one timed run; median over the runs), and "
        "in brackets the same process's peak before the workload started (runtime and interpreter). Rust: "
        "`VmHWM` from /proc/self/status; CPython: `getrusage` `ru_maxrss`.",
        "",
        rss_table(native),
        "",
    ]
    if browser:
        out += [
            "## In headless Chromium",
            "",
            table(browser, BROWSER, "engine-wasm", ("wasm ÷ native engine", wasm_vs_native)),
            "",
            "- **our engine (wasm, as shipped)**: the same `engine.rs` compiled to wasm32 with the `release` profile "
            "(what the site ships: opt-level \"z\", LTO), through wasm-bindgen; timed in the page with "
            "`performance.now()` (cross-origin isolated, so not coarsened). **opt-level 3**: the same crate with "
            "the `fast` profile, for comparison (the ratio after `·` is still against the shipped build; the page "
            "does not ship it).",
            "- **Pyodide**: CPython 3.11 compiled to wasm (npm `pyodide`, pinned to the last 3.11 release), running "
            "`workloads.py` unchanged. Pyodide cannot create the stock selector loop (`socket.socketpair()` fails "
            "under Emscripten), so every workload runs on the oracle's virtual-clock loop with its self-pipe "
            "stubbed out (the scheduling is CPython's `_run_once`, unchanged). This is not the loop a Pyodide user's "
            "`await` gets: that is the next column.",
            *webloop_notes(browser),
            "- **spawn_local**: wasm-bindgen-futures' `spawn_local` with a minimal join handle, `futures_lite`'s "
            "`yield_now`, `async_lock` and `async_channel` (`crates/bench/src/web.rs`). No virtual clock (W5), no "
            "asyncio programs (W7).",
            "",
        ]
    page_ratios = None
    if "page" in browser_json:
        section, page_ratios = page_section(browser_json["page"])
        out += ["## Page weight and start-up", "", section, ""]
    if browser_json.get("maxima"):
        out += ["## The heaviest lessons at their maxima", "", maxima_section(browser_json["maxima"]), ""]
    if args.callgrind:
        with open(args.callgrind, encoding="utf-8") as f:
            counts = {(r["system"], r["workload"]): r for r in (json.loads(line) for line in f if line.strip())}
        out += ["### Instructions per operation", "",
                "`valgrind --tool=callgrind` on `bench-native --runs 1 --warmup 0 --min-time 0`, one repetition, "
                "minus the instructions of a process that runs nothing. Counts do not depend on the machine's load, "
                "so they check the timings above; they ignore cache misses, branch mispredictions and the cost of "
                "atomic instructions (tokio's tasks are `Send`), so a time ratio can differ from the count ratio.",
                "", instructions_table(counts), ""]
    if "pool" in browser_json:
        out += [pool_section(dict(browser_json["pool"], chromium=browser_json.get("chromium")), meta), ""]
    if args.python_native:
        out += [python_figures(browser_json, meta), ""]
    else:  # keep the section of the last `scripts/bench.sh --python`
        kept = existing_section(args.out, PYTHON_TITLE)
        if kept:
            out += [kept, ""]
    out += [
        "## Goals",
        "",
        goals_section(native, browser, page_ratios, browser_json.get("maxima")),
        "",
        "The issue's orientation figures beside this run's (they were measured elsewhere; the quotient says how "
        "fast this machine was, not how fast the engine is):",
        "",
        given_section(native, browser),
        "",
    ]
    if args.notes:
        with open(args.notes, encoding="utf-8") as f:
            out.append(f.read().rstrip() + "\n")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
