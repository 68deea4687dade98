#!/usr/bin/env python3
"""Write BENCHMARKS.md from the results of scripts/bench.sh.

    python3 report.py --native native.jsonl --browser browser.json --meta meta.json \
        --notes NOTES.md --out BENCHMARKS.md

native.jsonl: one object per line from bench-native and bench_cpython.py;
browser.json: the object printed by web/run.mjs; meta.json: the environment.
Every cell is a median over the runs of this invocation; ratios compare
systems measured in the same invocation. Nothing here asserts a number.
"""

import argparse
import json
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
           ("pyodide", "Pyodide"), ("spawn_local", "wasm-bindgen-futures spawn_local")]
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
    if ns >= 100:
        return f"{ns:,.0f} ns"
    return f"{ns:,.1f} ns"


def fmt_ratio(ratio):
    if ratio >= 10:
        return f"{ratio:,.0f}"
    if ratio >= 0.1:
        return f"{ratio:.2f}"
    return f"{ratio:.3f}"


def cell(results, system, workload, base):
    row = results.get((system, workload))
    if row is None:
        return "—"
    if "skipped" in row:
        return f"n/a ({row['skipped']})"
    text = fmt_time(row, workload)
    if system != base and (base, workload) in results and "median" in results[(base, workload)]:
        text += f" · {fmt_ratio(results[(base, workload)]['median'] / row['median'])}"
    return text


def table(results, systems, base, extra=None):
    head = ["workload", "per"] + [title for _, title in systems] + ([extra[0]] if extra else [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for w in WORKLOADS:
        if not any((s, w) in results for s, _ in systems):
            continue
        unit = UNIT[w]
        if w == "W7":  # say how many scenarios each side ran: they should be the same
            counts = sorted({str(results[(s, w)]["ops"]) for s, _ in systems if "ops" in results.get((s, w), {})})
            unit = f"catalogue ({' / '.join(counts)} scenarios)"
        cells = [f"**{w}** {WHAT[w]}", unit] + [cell(results, s, w, base) for s, _ in systems]
        if extra:
            cells.append(extra[1](w))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


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
    return "\n".join(lines + notes), {"bytes_ratio": py_bytes / site_bytes, "time_ratio": py_ms / site_ms}


def goals_section(native, browser, page_ratios):
    lines = ["| goal | workload | measured | met |", "|---|---|---|---|"]

    def ratio(results, base, peer, w):
        a, b = results.get((base, w)), results.get((peer, w))
        if not a or not b or "median" not in a or "median" not in b:
            return None
        return a["median"] / b["median"]

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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--native", required=True)
    parser.add_argument("--browser")
    parser.add_argument("--meta", required=True)
    parser.add_argument("--callgrind")
    parser.add_argument("--notes")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
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
            "stubbed out (the scheduling is CPython's `_run_once`, unchanged).",
            "- **spawn_local**: wasm-bindgen-futures' `spawn_local` with a minimal join handle, `futures_lite`'s "
            "`yield_now`, `async_lock` and `async_channel` (`crates/bench/src/web.rs`). No virtual clock (W5), no "
            "asyncio programs (W7).",
            "",
        ]
    page_ratios = None
    if "page" in browser_json:
        section, page_ratios = page_section(browser_json["page"])
        out += ["## Page weight and start-up", "", section, ""]
    if args.callgrind:
        with open(args.callgrind, encoding="utf-8") as f:
            counts = {(r["system"], r["workload"]): r for r in (json.loads(line) for line in f if line.strip())}
        out += ["### Instructions per operation", "",
                "`valgrind --tool=callgrind` on `bench-native --runs 1 --warmup 0 --min-time 0`, one repetition, "
                "minus the instructions of a process that runs nothing. Counts do not depend on the machine's load, "
                "so they check the timings above; they ignore cache misses, branch mispredictions and the cost of "
                "atomic instructions (tokio's tasks are `Send`), so a time ratio can differ from the count ratio.",
                "", instructions_table(counts), ""]
    out += [
        "## Goals",
        "",
        goals_section(native, browser, page_ratios),
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
