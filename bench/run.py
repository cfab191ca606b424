#!/usr/bin/env python
"""Performance benchmark of WPK Archive on the real KCNA corpus (issue #7).

Not a test: a script that measures and prints a table, and writes JSON to
bench/out/results-<timestamp>.json. See bench/README.md for what each figure means.

    .venv/bin/python bench/run.py                  # subset + full corpus + baselines + GUI
    .venv/bin/python bench/run.py --subset-only    # 2,000 articles, quick
    .venv/bin/python bench/run.py --scale 200000   # also a 200,000-article archive (slow, resumable)

Every measurement that builds or opens something runs in a child process of this script
(``run.py --child KIND SPEC.json``), so peak memory is the child's own and nothing is warm
from an earlier stage except the operating system's file cache.
"""

from __future__ import annotations

import time

_T_SCRIPT = time.monotonic()  # first thing: the in-process start mark for the GUI child

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
CORPUS = Path(os.environ.get("WPK_BENCH_CORPUS", "/work/shared/corpus"))
CORPUS_FILES = ("kcna_2011_2012.jsonl.gz", "kcna_2023_2024.jsonl.gz")
SUBSET = 2000
QUERIES = BENCH / "perf_queries.txt"  # bench/queries.txt is search_bench.py's (other format)

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Targets from issue #7 (this machine, 19,873 articles unless marked 'scale').
TARGETS = {
    "import_s": 25.0,
    "import_vs_recollindex": 1.0,
    "search_p50_ms": 5.0,
    "search_p95_ms": 20.0,
    "cold_start_s": 1.0,
    "timeline_paint_ms": 150.0,
    "app_peak_rss_mb": 300.0,
    "scale_search_p95_ms": 100.0,
    "scale_open_s": 1.5,
}


# ================================================================================================
# corpus
# ================================================================================================


def corpus_lines(name: str) -> list[str]:
    """The JSON lines of one corpus file (non-empty)."""
    with gzip.open(CORPUS / name, "rt", encoding="utf-8") as fh:
        return [line for line in fh.read().split("\n") if line.strip()]


_ERA_YEAR = re.compile(r"\b(20[012]\d)\b")


def perturb(line: str, copy: int) -> str:
    """A perturbed copy of one article: dates +3*copy years (metadata and text), the url marked,
    and a doubled space so the content hash differs even when the text names no year."""
    row = json.loads(line)
    shift = 3 * copy
    date = row.get("date")
    if isinstance(date, str) and len(date) >= 4 and date[:4].isdigit():
        row["date"] = f"{int(date[:4]) + shift:04d}{date[4:]}"
    text = _ERA_YEAR.sub(lambda m: str(int(m.group(1)) + shift), row.get("text") or "")
    i = text.find(" ")
    text = text[:i] + " " * (copy + 1) + text[i + 1 :] if i >= 0 else text + "\n" + "." * copy
    row["text"] = text
    if row.get("url"):
        row["url"] = f"{row['url']}#copy{copy}"
    return json.dumps(row, ensure_ascii=False)


def dataset_lines(dataset: str) -> Iterator[str]:
    """JSON lines of a dataset: 'subset', 'full' or 'scale:N' (real corpus + perturbed copies)."""
    if dataset == "subset":
        yield from corpus_lines(CORPUS_FILES[0])[:SUBSET]
        return
    real: list[str] = []
    for name in CORPUS_FILES:
        real.extend(corpus_lines(name))
    if dataset == "full":
        yield from real
        return
    if not dataset.startswith("scale:"):
        raise SystemExit(f"unknown dataset {dataset}")
    target = int(dataset.split(":", 1)[1])
    produced = 0
    copy = 0
    while produced < target:
        for line in real:
            if produced >= target:
                break
            yield line if copy == 0 else perturb(line, copy)
            produced += 1
        copy += 1


def dataset_items(dataset: str, chunk: int = 1000) -> Iterator[Any]:
    """wpk_archive Items of a dataset, read through the app's own JSON Lines reader."""
    from wpk_archive.core.ingest import read_jsonl

    buf: list[str] = []
    for line in dataset_lines(dataset):
        buf.append(line)
        if len(buf) >= chunk:
            items, _refused = read_jsonl("\n".join(buf), f"{dataset}.jsonl")
            yield from items
            buf = []
    if buf:
        items, _refused = read_jsonl("\n".join(buf), f"{dataset}.jsonl")
        yield from items


def dataset_label(dataset: str) -> str:
    return dataset.replace(":", "-")


# ================================================================================================
# queries
# ================================================================================================


CATEGORIES = {"single", "and", "or", "phrase", "prefix", "name", "date", "facets", "all"}


def load_queries(path: Path | None = None) -> list[dict[str, Any]]:
    """Queries: 'category TAB query [TAB JSON kwargs]' (perf_queries.txt), or the format of
    bench/queries.txt ('query [TAB key=value ...]', category guessed) when given with --queries."""
    path = path or QUERIES
    queries = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) >= 2 and parts[0].strip() in CATEGORIES:
            kwargs = json.loads(parts[2]) if len(parts) > 2 and parts[2].strip() else {}
            queries.append({"category": parts[0].strip(), "query": parts[1].strip(), "kwargs": kwargs})
            continue
        query = parts[0].strip()
        kwargs = {}
        for opt in parts[1:]:
            key, _, value = opt.strip().partition("=")
            kwargs[key] = True if key == "facets" else value
        category = "facets" if kwargs.pop("facets", False) else (
            "date" if "date:" in query or "date_from" in kwargs or "date_to" in kwargs else "all")
        queries.append({"category": category, "query": query, "kwargs": kwargs})
    return queries


def pct(values: list[float], q: float) -> float | None:
    """Percentile by linear interpolation (q in 0..100)."""
    if not values:
        return None
    s = sorted(values)
    if len(s) == 1:
        return s[0]
    pos = (len(s) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def latency_summary(per_query: list[dict[str, Any]]) -> dict[str, Any]:
    """p50/p95 over every timed call, overall and per category."""
    cats: dict[str, list[float]] = {}
    every: list[float] = []
    for q in per_query:
        if q.get("skipped"):
            continue
        cats.setdefault(q["category"], []).extend(q["samples_ms"])
        every.extend(q["samples_ms"])
    return {
        "overall": {"p50_ms": pct(every, 50), "p95_ms": pct(every, 95), "n": len(every)},
        "by_category": {
            c: {"p50_ms": pct(v, 50), "p95_ms": pct(v, 95), "n": len(v)} for c, v in cats.items()
        },
    }


# ================================================================================================
# child processes
# ================================================================================================


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    out = [pid]
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/children") as fh:
                    kids = [int(x) for x in fh.read().split()]
            except OSError:
                continue
            out.extend(kids)
            stack.extend(kids)
    return out


def run_process(
    argv: list[str],
    *,
    env: dict[str, str] | None = None,
    timeout: float = 3600,
    log: Path | None = None,
    sample: bool = True,
) -> dict[str, Any]:
    """Run a process; wall time, exit code, peak RSS (its own rusage via wait4, and the sampled
    sum over its process tree, which counts helper processes running at the same time)."""
    log_fh = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    try:
        t0 = time.monotonic()
        proc = subprocess.Popen(argv, stdout=log_fh, stderr=subprocess.STDOUT, env=env)
        peak_tree = 0
        timed_out = False
        status = None
        ru = None
        next_sample = 0.0
        while True:
            pid, st, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                status, ru = st, usage
                break
            now = time.monotonic()
            if sample and now >= next_sample:
                peak_tree = max(peak_tree, sum(_rss_kb(p) for p in _descendants(proc.pid)))
                next_sample = now + 0.05
            if now - t0 > timeout:
                proc.send_signal(signal.SIGKILL)
                pid, st, usage = os.wait4(proc.pid, 0)
                status, ru = st, usage
                timed_out = True
                break
            time.sleep(0.005)
        wall = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if log:
            log_fh.close()  # type: ignore[union-attr]
    return {
        "t_launch": t0,
        "wall_s": wall,
        "rc": proc.returncode,
        "maxrss_mb": ru.ru_maxrss / 1024 if ru else None,
        "peak_tree_rss_mb": peak_tree / 1024 if sample else None,
        "timed_out": timed_out,
    }


def run_child(
    kind: str, spec: dict[str, Any], *, timeout: float = 3600, tag: str = ""
) -> dict[str, Any]:
    """Run ``run.py --child kind`` with a spec; returns its JSON result plus process figures."""
    logs = OUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    name = f"{kind}-{tag or 'x'}-{os.getpid()}-{time.monotonic_ns()}"
    spec_path = logs / f"{name}.spec.json"
    out_path = logs / f"{name}.out.json"
    spec = dict(spec, out=str(out_path))
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if kind == "gui":
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["WPK_BENCH_T_LAUNCH"] = repr(time.monotonic())
    proc = run_process(
        [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(spec_path)],
        env=env,
        timeout=timeout,
        log=logs / f"{name}.log",
    )
    result: dict[str, Any] = {}
    if out_path.exists():
        result = json.loads(out_path.read_text(encoding="utf-8"))
        out_path.unlink()
    spec_path.unlink()
    if proc["rc"] != 0 or not result:
        tail = (logs / f"{name}.log").read_text(errors="replace")[-3000:]
        print(f"  !! child {kind} failed (rc={proc['rc']}); log {logs / (name + '.log')}:\n{tail}")
        result["error"] = f"rc={proc['rc']}"
    else:
        (logs / f"{name}.log").unlink(missing_ok=True)
    result["process"] = proc
    return result


def _self_rss() -> dict[str, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_maxrss_mb": me, "children_maxrss_mb": kids}


def _dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


# -- child: import into the archive --------------------------------------------------------------


def child_import(spec: dict[str, Any]) -> dict[str, Any]:
    from wpk_archive.core.archive import open_archive

    dest = Path(spec["dest"])
    stream = spec.get("stream", False)
    res: dict[str, Any] = {"dataset": spec["dataset"], "streamed": stream}
    t = time.perf_counter()
    if stream:
        items: Any = dataset_items(spec["dataset"])
        res["parse_s"] = None
    else:
        items = list(dataset_items(spec["dataset"]))
        res["parse_s"] = time.perf_counter() - t
        res["items"] = len(items)
    res["rss_before_import_mb"] = _rss_kb(os.getpid()) / 1024
    t = time.perf_counter()
    archive = open_archive(dest)
    res["open_new_s"] = time.perf_counter() - t  # includes the quiet import of the bundled corpus
    prof = None
    if spec.get("profile"):
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    t = time.perf_counter()
    report = archive.import_items(items)
    res["import_s"] = time.perf_counter() - t
    if prof is not None:
        prof.disable()
        prof.dump_stats(spec["profile"])
    res["report"] = {
        "added": report.added,
        "updated": report.updated,
        "duplicates": report.duplicates,
        "refused": len(report.refused),
        "summary": report.summary(),
    }
    res["stats"] = archive.stats()
    archive.close()
    res["sqlite_bytes"] = sum(_dir_size(p) for p in dest.glob("archive.sqlite*"))
    res["index_bytes"] = _dir_size(dest / "index")
    res.update(_self_rss())
    return res


# -- child: searches on the archive --------------------------------------------------------------


def child_search(spec: dict[str, Any]) -> dict[str, Any]:
    import inspect

    from wpk_archive.core.archive import open_archive

    t = time.perf_counter()
    archive = open_archive(Path(spec["archive"]))
    open_s = time.perf_counter() - t
    params = inspect.signature(archive.search).parameters
    notes: list[str] = []
    base_kwargs: dict[str, Any] = {"limit": 20}
    for name in ("cache", "use_cache"):
        if name in params:
            base_kwargs[name] = False
            notes.append(f"passed {name}=False")
    plan = []
    for q in load_queries(Path(spec["queries"])):
        kwargs = dict(base_kwargs)
        skipped = None
        for k, v in q["kwargs"].items():
            if k in params:
                kwargs[k] = v
            else:
                skipped = f"Archive.search has no '{k}' argument"
        if q["category"] == "facets":
            if "facets" in params:
                kwargs["facets"] = True
            else:
                skipped = "Archive.search has no 'facets' argument"
        plan.append({**q, "call_kwargs": kwargs, "skipped": skipped})
    runnable = [p for p in plan if not p["skipped"]]
    # the first search after opening checks the index against the store: timed apart
    t = time.perf_counter()
    archive.search(runnable[0]["query"], **runnable[0]["call_kwargs"])
    first_ms = (time.perf_counter() - t) * 1000
    for p in runnable:  # warm-up pass (not recorded)
        r = archive.search(p["query"], **p["call_kwargs"])
        p["total"] = r.total
        p["hits"] = len(r.hits)
        p["snippets"] = sum(1 for h in r.hits if h.snippet)
        p["message"] = getattr(r, "message", None)
        p["has_facets"] = bool(getattr(r, "facets", None))
        p["samples_ms"] = []
    rng = random.Random(7)
    for _ in range(spec["repeats"]):
        order = list(runnable)
        rng.shuffle(order)
        for p in order:
            t = time.perf_counter()
            archive.search(p["query"], **p["call_kwargs"])
            p["samples_ms"].append((time.perf_counter() - t) * 1000)
    if spec.get("profile"):
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
        for p in runnable:
            archive.search(p["query"], **p["call_kwargs"])
        prof.disable()
        prof.dump_stats(spec["profile"])
    archive.close()
    for p in plan:
        p.pop("call_kwargs", None)
        if p.get("samples_ms"):
            p["median_ms"] = statistics.median(p["samples_ms"])
    return {
        "open_s": open_s,
        "first_search_ms": first_ms,
        "queries": plan,
        "notes": notes,
        "signature": list(params),
        **_self_rss(),
    }


# -- child: SQLite FTS5 baseline -----------------------------------------------------------------

FTS5_SCHEMA = (
    "CREATE VIRTUAL TABLE passages USING fts5(text, title, doc_id UNINDEXED, ordinal UNINDEXED, "
    "date UNINDEXED, source UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')"
)


def child_fts5_import(spec: dict[str, Any]) -> dict[str, Any]:
    db_path = Path(spec["db"])
    for p in db_path.parent.glob(db_path.name + "*"):
        p.unlink()
    t = time.perf_counter()
    batches: list[list[tuple[Any, ...]]] = []
    batch: list[tuple[Any, ...]] = []
    n_docs = 0
    for item in dataset_items(spec["dataset"]):
        doc = item.document
        n_docs += 1
        batch.extend(
            (p.text, doc.title, doc.id, p.ordinal, doc.date or "", doc.source or "")
            for p in doc.passages
        )
        if n_docs % 500 == 0:
            batches.append(batch)
            batch = []
    if batch:
        batches.append(batch)
    parse_s = time.perf_counter() - t
    t = time.perf_counter()
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(FTS5_SCHEMA)
    n = 0
    for b in batches:  # one transaction per 500 articles, as the archive commits
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO passages VALUES (?,?,?,?,?,?)", b)
        conn.execute("COMMIT")
        n += len(b)
    conn.close()
    import_s = time.perf_counter() - t
    return {
        "parse_s": parse_s,
        "import_s": import_s,
        "docs": n_docs,
        "passages": n,
        "db_bytes": sum(_dir_size(p) for p in db_path.parent.glob(db_path.name + "*")),
        **_self_rss(),
    }


_TOKEN = re.compile(r'"[^"]*"|\S+')


def to_fts5(query: str, kwargs: dict[str, Any]) -> tuple[str, list[str], list[Any]]:
    """The archive's query language as an FTS5 MATCH expression (+ SQL filters for dates)."""
    terms: list[str] = []
    where: list[str] = []
    args: list[Any] = []
    for tok in _TOKEN.findall(query):
        if tok in ("AND", "OR", "NOT") or tok.startswith('"'):
            terms.append(tok)
        elif ":" in tok and not tok.startswith(":"):
            field, _, value = tok.partition(":")
            if field == "date":
                where.append("date LIKE ?")
                args.append(value.strip('"') + "%")
            elif field == "title":
                terms.append(f'title : "{value.strip(chr(34))}"')
            else:
                terms.append('"' + value.strip('"') + '"')
        elif (tok.endswith("*") and re.fullmatch(r"\w+\*", tok)) or re.fullmatch(r"\w+", tok):
            terms.append(tok)
        else:
            terms.append('"' + tok.replace('"', "") + '"')
    if kwargs.get("date_from"):
        where.append("date >= ?")
        args.append(kwargs["date_from"])
    if kwargs.get("date_to"):
        where.append("substr(date, 1, ?) <= ?")
        args.extend([len(kwargs["date_to"]), kwargs["date_to"]])
    expr = " ".join(terms)
    if not any(t.startswith("title :") for t in terms):
        expr = f"text : ({expr})"
    return expr, where, args


def child_fts5_search(spec: dict[str, Any]) -> dict[str, Any]:
    conn = sqlite3.connect(f"file:{spec['db']}?mode=ro", uri=True)
    plan = []
    for q in load_queries(Path(spec["queries"])):
        expr, where, args = to_fts5(q["query"], q["kwargs"])
        cond = " AND ".join(["passages MATCH ?", *where])
        plan.append({**q, "fts5": expr, "_cond": cond, "_args": [expr, *args]})

    def run(p: dict[str, Any]) -> tuple[int, int]:
        total = conn.execute(
            f"SELECT count(*) FROM passages WHERE {p['_cond']}", p["_args"]
        ).fetchone()[0]
        rows = conn.execute(
            "SELECT doc_id, ordinal, title, date, "
            "snippet(passages, 0, '<mark>', '</mark>', ' … ', 40), bm25(passages) "
            f"FROM passages WHERE {p['_cond']} ORDER BY bm25(passages) LIMIT 20",
            p["_args"],
        ).fetchall()
        if p["category"] == "facets":  # counts by year and by source over the whole result
            conn.execute(
                f"SELECT substr(date, 1, 4), count(*) FROM passages WHERE {p['_cond']} GROUP BY 1",
                p["_args"],
            ).fetchall()
            conn.execute(
                f"SELECT source, count(*) FROM passages WHERE {p['_cond']} GROUP BY 1", p["_args"]
            ).fetchall()
        return total, len(rows)

    t = time.perf_counter()
    run(plan[0])
    first_ms = (time.perf_counter() - t) * 1000
    for p in plan:
        try:
            p["total"], p["hits"] = run(p)
            p["samples_ms"] = []
        except sqlite3.Error as exc:
            p["skipped"] = f"FTS5 error: {exc}"
    rng = random.Random(7)
    ok = [p for p in plan if not p.get("skipped")]
    for _ in range(spec["repeats"]):
        order = list(ok)
        rng.shuffle(order)
        for p in order:
            t = time.perf_counter()
            run(p)
            p["samples_ms"].append((time.perf_counter() - t) * 1000)
    for p in plan:
        p.pop("_cond")
        p.pop("_args")
        if p.get("samples_ms"):
            p["median_ms"] = statistics.median(p["samples_ms"])
    return {"first_search_ms": first_ms, "queries": plan, **_self_rss()}


# -- child: GUI cold start -----------------------------------------------------------------------


def child_gui(spec: dict[str, Any]) -> dict[str, Any]:
    t_launch = float(os.environ["WPK_BENCH_T_LAUNCH"])
    marks: dict[str, float] = {"script_start": _T_SCRIPT}

    def mark(name: str) -> None:
        marks.setdefault(name, time.monotonic())

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    mark("qt_imported")
    from wpk_archive.ui.main_window import MainWindow

    mark("app_imported")
    app = QApplication([sys.argv[0]])
    mark("qapplication")

    class PaintWatch(QObject):
        def eventFilter(self, obj: Any, ev: Any) -> bool:
            if ev.type() == QEvent.Type.Paint:
                if obj is window:
                    mark("window_first_paint")
                elif (
                    obj is viewport and "timeline_loaded" in marks and "timeline_paint" not in marks
                ):
                    mark("timeline_paint")
                    # after this paint event has been handled:
                    QTimer.singleShot(0, lambda: (mark("timeline_painted"), finish()))
            return False

    def finish() -> None:
        QTimer.singleShot(50, app.quit)

    window = MainWindow(Path(spec["archive"]))
    mark("window_constructed")
    viewport = window.timeline.viewport()
    watch = PaintWatch()
    window.installEventFilter(watch)
    viewport.installEventFilter(watch)
    window.archive_ready.connect(lambda: mark("archive_ready"))
    window.timeline_loaded.connect(lambda: (mark("timeline_loaded"), viewport.update()))
    window.show()
    mark("shown")
    QTimer.singleShot(int(spec.get("timeout_s", 60) * 1000), app.quit)
    app.exec()
    rows = window.timeline_model.rowCount()
    total = window.timeline_model.total
    window.close()
    res = {
        "from_launch_s": {k: v - t_launch for k, v in marks.items()},
        "from_script_s": {k: v - _T_SCRIPT for k, v in marks.items()},
        "timeline_rows": rows,
        "timeline_total": total,
        "rss_at_exit_mb": _rss_kb(os.getpid()) / 1024,
        **_self_rss(),
    }
    if "timeline_paint" in marks and "archive_ready" in marks:
        res["timeline_paint_after_ready_ms"] = (
            marks["timeline_painted"] - marks["archive_ready"]
        ) * 1000
    return res


CHILDREN = {
    "import": child_import,
    "search": child_search,
    "fts5_import": child_fts5_import,
    "fts5_search": child_fts5_search,
    "gui": child_gui,
}


# ================================================================================================
# Recoll baseline (run from the parent: each recoll command is a whole process)
# ================================================================================================


def recoll_available() -> bool:
    return bool(shutil.which("recollindex") and shutil.which("recollq"))


def recoll_prepare(dataset: str, base: Path) -> tuple[Path, Path, int]:
    """Articles as .txt files (title line, blank line, text; mtime = article date) + a config."""
    docs = base / "docs"
    conf = base / "conf"
    marker = base / "docs.done"
    count = 0
    if marker.exists():
        count = int(marker.read_text())
    else:
        shutil.rmtree(docs, ignore_errors=True)
        for n, line in enumerate(dataset_lines(dataset)):
            row = json.loads(line)
            d = docs / f"{n // 1000:04d}"
            if n % 1000 == 0:
                d.mkdir(parents=True, exist_ok=True)
            f = d / f"{n:06d}.txt"
            f.write_text(f"{row.get('title', '')}\n\n{row.get('text', '')}\n", encoding="utf-8")
            date = row.get("date") or ""
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                ts = time.mktime(time.strptime(date + " 12", "%Y-%m-%d %H"))
                os.utime(f, (ts, ts))
            count = n + 1
        marker.write_text(str(count))
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "recoll.conf").write_text(
        f"topdirs = {docs}\n"
        "indexstemminglanguages = english\n"
        "noaspell = 1\n"  # the spelling dictionary only feeds GUI suggestions
        "loglevel = 1\n"
        "idxflushmb = 64\n",
        encoding="utf-8",
    )
    return docs, conf, count


def recoll_index(conf: Path) -> dict[str, Any]:
    for name in ("xapiandb", "idxstatus.txt", "aspdict.en.rws"):
        p = conf / name
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
    proc = run_process(["recollindex", "-c", str(conf)], timeout=3600, log=conf / "index.log")
    proc["index_bytes"] = _dir_size(conf / "xapiandb")
    return proc


def to_recoll(query: str, kwargs: dict[str, Any]) -> str:
    out = []
    for tok in _TOKEN.findall(query):
        if tok.startswith("date:"):
            v = tok[5:]
            out.append(f"date:{v}-01-01/{v}-12-31" if re.fullmatch(r"\d{4}", v) else tok)
        elif tok == "AND":
            continue  # conjunction is implicit in Recoll's language
        else:
            out.append(tok)
    if kwargs.get("date_from") or kwargs.get("date_to"):
        out.append(f"date:{kwargs.get('date_from', '')}/{kwargs.get('date_to', '')}")
    return " ".join(out)


def recoll_search(conf: Path, repeats: int) -> dict[str, Any]:
    plan = []
    for q in load_queries(QUERIES):
        rq = to_recoll(q["query"], q["kwargs"])
        plan.append({**q, "recoll": rq, "samples_ms": []})
    env = dict(os.environ, RECOLL_CONFDIR=str(conf))

    def run(p: dict[str, Any]) -> float:
        t = time.monotonic()
        r = subprocess.run(
            ["recollq", "-c", str(conf), "-n", "20", "-A", p["recoll"]],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        ms = (time.monotonic() - t) * 1000
        m = re.search(r"^(\d+) results", r.stdout, re.M)
        p["total"] = int(m.group(1)) if m else 0
        return ms

    first_ms = run(plan[0])
    for p in plan:
        run(p)  # warm-up
    rng = random.Random(7)
    for _ in range(repeats):
        order = list(plan)
        rng.shuffle(order)
        for p in order:
            p["samples_ms"].append(run(p))
    for p in plan:
        p["median_ms"] = statistics.median(p["samples_ms"])
    return {"first_search_ms": first_ms, "queries": plan}


# ================================================================================================
# the benchmark
# ================================================================================================


def archive_dir(dataset: str) -> Path:
    return OUT / "archives" / dataset_label(dataset)


def bench_import(dataset: str, args: argparse.Namespace) -> dict[str, Any]:
    dest = archive_dir(dataset)
    done = dest.parent / (dest.name + ".import.json")
    scale = dataset.startswith("scale:")
    if (args.reuse or scale) and done.exists() and (dest / "archive.sqlite").exists():
        res = json.loads(done.read_text())
        res["reused"] = True
        print(f"  import: reusing {dest} (measured {res.get('measured_at')})")
        return res
    repeats = args.import_repeats if args.import_repeats else (3 if dataset == "subset" else 1)
    if scale and (dest / "archive.sqlite").exists():
        print(
            f"  import: resuming an unfinished build in {dest} (duplicates are skipped; "
            "the time below is NOT a clean figure)"
        )
        repeats = 1
        runs = [
            run_child(
                "import",
                {"dataset": dataset, "dest": str(dest), "stream": True},
                timeout=6 * 3600,
                tag=dataset_label(dataset),
            )
        ]
        runs[0]["resumed"] = True
    else:
        runs = []
        for i in range(repeats):
            shutil.rmtree(dest, ignore_errors=True)
            print(f"  import {i + 1}/{repeats} …", flush=True)
            runs.append(
                run_child(
                    "import",
                    {"dataset": dataset, "dest": str(dest), "stream": scale},
                    timeout=6 * 3600,
                    tag=dataset_label(dataset),
                )
            )
    ok = [r for r in runs if "import_s" in r]
    if not ok:
        raise SystemExit(f"import of {dataset} failed")
    last = ok[-1]
    res = {
        "dataset": dataset,
        "runs": runs,
        "import_s": statistics.median(r["import_s"] for r in ok),
        "import_s_all": [r["import_s"] for r in ok],
        "parse_s": last.get("parse_s"),
        "open_new_s": last.get("open_new_s"),
        "documents": last["stats"]["documents"],
        "passages": last["stats"]["passages"],
        "events": last["stats"]["events"],
        "report": last["report"],
        "articles_in": (
            last["report"]["added"]
            + last["report"]["updated"]
            + last["report"]["duplicates"]
            + last["report"]["refused"]
        ),
        "sqlite_mb": last["sqlite_bytes"] / 2**20,
        "index_mb": last["index_bytes"] / 2**20,
        "peak_rss_mb": max(r["process"]["maxrss_mb"] or 0 for r in ok),
        "peak_tree_rss_mb": max(r["process"]["peak_tree_rss_mb"] or 0 for r in ok),
        "rss_before_import_mb": last.get("rss_before_import_mb"),
        "streamed": last.get("streamed"),
        "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "reused": False,
    }
    res["articles_per_s"] = res["articles_in"] / res["import_s"]
    done.write_text(json.dumps(res, indent=1))
    return res


def bench_search(
    dataset: str, args: argparse.Namespace, profile: str | None = None
) -> dict[str, Any]:
    res = run_child(
        "search",
        {
            "archive": str(archive_dir(dataset)),
            "queries": str(QUERIES),
            "repeats": args.repeats,
            "profile": profile,
        },
        timeout=3600,
        tag=dataset_label(dataset),
    )
    if "queries" in res:
        res["latency"] = latency_summary(res["queries"])
    return res


def bench_fts5(dataset: str, args: argparse.Namespace) -> dict[str, Any]:
    db = OUT / "fts5" / f"{dataset_label(dataset)}.sqlite"
    db.parent.mkdir(parents=True, exist_ok=True)
    imp = run_child("fts5_import", {"dataset": dataset, "db": str(db)}, tag=dataset_label(dataset))
    srch = run_child(
        "fts5_search",
        {"db": str(db), "queries": str(QUERIES), "repeats": args.repeats},
        tag=dataset_label(dataset),
    )
    if "queries" in srch:
        srch["latency"] = latency_summary(srch["queries"])
    return {"import": imp, "search": srch}


def bench_recoll(dataset: str, args: argparse.Namespace) -> dict[str, Any]:
    base = OUT / "recoll" / dataset_label(dataset)
    _docs, conf, count = recoll_prepare(dataset, base)
    runs = [recoll_index(conf) for _ in range(args.recoll_repeats)]
    srch = recoll_search(conf, max(2, args.repeats // 2))
    srch["latency"] = latency_summary(srch["queries"])
    return {
        "files": count,
        "index_runs": runs,
        "index_s": statistics.median(r["wall_s"] for r in runs),
        "index_mb": runs[-1]["index_bytes"] / 2**20,
        "peak_rss_mb": max(r["maxrss_mb"] or 0 for r in runs),
        "search": srch,
    }


def bench_gui(dataset: str, args: argparse.Namespace) -> dict[str, Any]:
    runs = []
    for _ in range(args.gui_repeats):
        r = run_child(
            "gui",
            {"archive": str(archive_dir(dataset)), "timeout_s": 60},
            timeout=120,
            tag=dataset_label(dataset),
        )
        runs.append(r)
    ok = [r for r in runs if "from_launch_s" in r and "archive_ready" in r["from_launch_s"]]

    def med(key: str, where: str = "from_launch_s") -> float | None:
        vals = [r[where][key] for r in ok if key in r[where]]
        return statistics.median(vals) if vals else None

    paint = [r["timeline_paint_after_ready_ms"] for r in ok if "timeline_paint_after_ready_ms" in r]
    return {
        "runs": runs,
        "ready_s": med("archive_ready"),
        "ready_from_script_s": med("archive_ready", "from_script_s"),
        "timeline_loaded_s": med("timeline_loaded"),
        "timeline_painted_s": med("timeline_painted"),
        "window_first_paint_s": med("window_first_paint"),
        "app_imported_s": med("app_imported"),
        "timeline_paint_after_ready_ms": statistics.median(paint) if paint else None,
        "peak_rss_mb": max((r["process"]["maxrss_mb"] or 0 for r in ok), default=None),
        "timeline_rows": ok[-1].get("timeline_rows") if ok else None,
    }


# -- report ----------------------------------------------------------------------------------------


def _f(v: Any, fmt: str = "{:.1f}") -> str:
    return "—" if v is None else fmt.format(v)


def verdict(value: float | None, target: float) -> str:
    if value is None:
        return "n/a"
    return f"{'PASS' if value <= target else 'MISS'} ({value / target:.2f}× target)"


def print_report(results: dict[str, Any]) -> list[dict[str, Any]]:
    checks: list[dict[str, Any]] = []
    for ds, r in results["datasets"].items():
        imp = r["archive_import"]
        lat = r.get("archive_search", {}).get("latency", {}).get("overall", {})
        fts = r.get("fts5")
        rec = r.get("recoll")
        gui = r.get("gui")
        print()
        print(
            f"=== {ds}: {imp['articles_in']} articles in ({imp['report']['summary']}); "
            f"{imp['documents']} documents, {imp['passages']} passages, {imp['events']} events"
            + ("  [import figures reused]" if imp.get("reused") else "")
        )
        hdr = f"{'figure':34} {'WPK Archive':>13} {'FTS5':>10} {'Recoll':>10} {'÷FTS5':>8} {'÷Recoll':>8}"
        print(hdr)
        print("-" * len(hdr))

        def row(name: str, ours: Any, f5: Any = None, rc: Any = None, fmt: str = "{:.1f}") -> None:
            r5 = f"{ours / f5:.1f}×" if ours and f5 else "—"
            rr = f"{ours / rc:.2f}×" if ours and rc else "—"
            print(
                f"{name:34} {_f(ours, fmt):>13} {_f(f5, fmt):>10} {_f(rc, fmt):>10} {r5:>8} {rr:>8}"
            )

        f5i = fts["import"] if fts else {}
        f5l = fts["search"].get("latency", {}).get("overall", {}) if fts else {}
        rcl = rec["search"]["latency"]["overall"] if rec else {}
        row(
            "import wall (s)",
            imp["import_s"],
            f5i.get("import_s"),
            rec and rec["index_s"],
            "{:.2f}",
        )
        row(
            "import articles/s",
            imp["articles_per_s"],
            f5i.get("docs", 0) / f5i["import_s"] if f5i.get("import_s") else None,
            rec["files"] / rec["index_s"] if rec else None,
            "{:.0f}",
        )
        row(
            "  parse (read_jsonl, not timed above)",
            imp.get("parse_s"),
            f5i.get("parse_s"),
            None,
            "{:.2f}",
        )
        row(
            "import peak RSS (MB)",
            imp["peak_rss_mb"],
            f5i.get("process", {}).get("maxrss_mb"),
            rec and rec["peak_rss_mb"],
            "{:.0f}",
        )
        row(
            "  peak RSS incl. helpers (MB)",
            imp["peak_tree_rss_mb"],
            f5i.get("process", {}).get("peak_tree_rss_mb"),
            None,
            "{:.0f}",
        )
        row(
            "store size (MB)",
            imp["sqlite_mb"],
            f5i.get("db_bytes", 0) / 2**20 if f5i else None,
            None,
            "{:.1f}",
        )
        row("index size (MB)", imp["index_mb"], None, rec and rec["index_mb"], "{:.1f}")
        row("search p50 (ms)", lat.get("p50_ms"), f5l.get("p50_ms"), rcl.get("p50_ms"), "{:.2f}")
        row("search p95 (ms)", lat.get("p95_ms"), f5l.get("p95_ms"), rcl.get("p95_ms"), "{:.2f}")
        s = r.get("archive_search", {})
        row(
            "first search after open (ms)",
            s.get("first_search_ms"),
            fts["search"].get("first_search_ms") if fts else None,
            rec["search"]["first_search_ms"] if rec else None,
            "{:.1f}",
        )
        cats = s.get("latency", {}).get("by_category", {})
        f5c = fts["search"].get("latency", {}).get("by_category", {}) if fts else {}
        rcc = rec["search"]["latency"]["by_category"] if rec else {}
        for c, v in cats.items():
            row(
                f"  {c:8} p50 / p95 (ms)",
                v["p50_ms"],
                (f5c.get(c) or {}).get("p50_ms"),
                (rcc.get(c) or {}).get("p50_ms"),
                "{:.2f}",
            )
            row(
                "",
                v["p95_ms"],
                (f5c.get(c) or {}).get("p95_ms"),
                (rcc.get(c) or {}).get("p95_ms"),
                "{:.2f}",
            )
        skipped = [q for q in s.get("queries", []) if q.get("skipped")]
        for q in skipped:
            print(f"  note: skipped {q['category']} {q['query']!r}: {q['skipped']}")
        zero = [
            q["query"] for q in s.get("queries", []) if not q.get("skipped") and q.get("total") == 0
        ]
        if zero:
            print(f"  note: queries with no hits in WPK Archive: {zero}")
        if gui:
            row("cold start → archive_ready (s)", gui["ready_s"], None, None, "{:.2f}")
            row("  from script start (s)", gui["ready_from_script_s"], None, None, "{:.2f}")
            row("  imports done (s)", gui["app_imported_s"], None, None, "{:.2f}")
            row("  window first paint (s)", gui["window_first_paint_s"], None, None, "{:.2f}")
            row("→ timeline_loaded (s)", gui["timeline_loaded_s"], None, None, "{:.2f}")
            row("→ timeline painted (s)", gui["timeline_painted_s"], None, None, "{:.2f}")
            row(
                "timeline paint after ready (ms)",
                gui["timeline_paint_after_ready_ms"],
                None,
                None,
                "{:.0f}",
            )
            row("app peak RSS (MB)", gui["peak_rss_mb"], None, None, "{:.0f}")

        # targets
        def check(name: str, value: float | None, key: str, ds: str = ds) -> None:
            checks.append(
                {
                    "dataset": ds,
                    "target": name,
                    "value": value,
                    "limit": TARGETS[key],
                    "pass": None if value is None else value <= TARGETS[key],
                }
            )

        if ds == "full":
            check("full import ≤ 25 s", imp["import_s"], "import_s")
            if rec:
                check(
                    "import ≤ recollindex (ratio)",
                    imp["import_s"] / rec["index_s"],
                    "import_vs_recollindex",
                )
            check("search p50 ≤ 5 ms", lat.get("p50_ms"), "search_p50_ms")
            check("search p95 ≤ 20 ms", lat.get("p95_ms"), "search_p95_ms")
            if gui:
                check("cold start to interactive ≤ 1.0 s", gui["ready_s"], "cold_start_s")
                check(
                    "timeline first paint ≤ 150 ms (after ready)",
                    gui["timeline_paint_after_ready_ms"],
                    "timeline_paint_ms",
                )
                check("app peak RSS ≤ 300 MB", gui["peak_rss_mb"], "app_peak_rss_mb")
        if ds.startswith("scale:"):
            check("scale: search p95 ≤ 100 ms", lat.get("p95_ms"), "scale_search_p95_ms")
            if gui:
                check("scale: open ≤ 1.5 s", gui["ready_s"], "scale_open_s")
    if checks:
        print()
        print("=== targets (issue #7)")
        for c in checks:
            print(
                f"  {c['dataset']:12} {c['target']:46} {_f(c['value'], '{:.2f}'):>9}  "
                f"{verdict(c['value'], c['limit'])}"
            )
    return checks


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--child", nargs=2, metavar=("KIND", "SPEC"), help=argparse.SUPPRESS)
    ap.add_argument("--subset-only", action="store_true", help="2,000 articles only (quick)")
    ap.add_argument(
        "--scale",
        type=int,
        default=0,
        metavar="N",
        help="also build and measure an N-article archive (real + perturbed copies)",
    )
    ap.add_argument("--no-recoll", action="store_true", help="skip the Recoll baseline")
    ap.add_argument("--no-fts5", action="store_true", help="skip the SQLite FTS5 baseline")
    ap.add_argument("--no-gui", action="store_true", help="skip the cold-start measurement")
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="reuse archives built by an earlier run (bench/out/archives/)",
    )
    ap.add_argument("--json", type=Path, help="where to write the results JSON")
    ap.add_argument("--repeats", type=int, default=7, help="timed runs of each query (default 7)")
    ap.add_argument(
        "--import-repeats",
        type=int,
        default=0,
        help="imports per dataset (default: 3 for the subset, 1 otherwise)",
    )
    ap.add_argument("--recoll-repeats", type=int, default=1, help="recollindex runs (default 1)")
    ap.add_argument("--gui-repeats", type=int, default=3, help="cold starts (default 3)")
    ap.add_argument("--queries", type=Path, help="query file (default bench/perf_queries.txt)")
    ap.add_argument(
        "--profile",
        action="store_true",
        help="also cProfile the subset import and one pass of the queries",
    )
    args = ap.parse_args()

    if args.child:
        kind, spec_path = args.child
        spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
        res = CHILDREN[kind](spec)
        Path(spec["out"]).write_text(json.dumps(res, default=str), encoding="utf-8")
        if kind == "gui":
            # PySide6 6.12 on Python 3.11 can abort in interpreter finalization ("none_dealloc")
            # after the window has closed; the figures are written, so leave without finalizing.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
        return 0

    global QUERIES
    if args.queries:
        QUERIES = args.queries.resolve()
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    datasets = ["subset"] if args.subset_only else ["subset", "full"]
    if args.scale:
        datasets.append(f"scale:{args.scale}")
    use_recoll = not args.no_recoll and recoll_available()
    if not args.no_recoll and not use_recoll:
        print("note: Recoll is not installed (apt-get install recoll): its baseline is skipped")
    try:
        rev = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        dirty = bool(
            subprocess.run(
                ["git", "-C", str(ROOT), "status", "--porcelain", "wpk_archive"],
                capture_output=True,
                text=True,
            ).stdout.strip()
        )
    except OSError:
        rev, dirty = "", False
    results: dict[str, Any] = {
        "meta": {
            "started": stamp,
            "git": rev + ("+dirty" if dirty else ""),
            "python": sys.version.split()[0],
            "sqlite": sqlite3.sqlite_version,
            "cpus": os.cpu_count(),
            "loadavg_start": os.getloadavg(),
            "repeats": args.repeats,
            "queries": load_queries(),
            "recoll": use_recoll,
        },
        "datasets": {},
    }
    for ds in datasets:
        print(f"\n## {ds}", flush=True)
        r: dict[str, Any] = {}
        results["datasets"][ds] = r
        r["archive_import"] = bench_import(ds, args)
        print(f"  import {r['archive_import']['import_s']:.2f} s", flush=True)
        prof = str(OUT / f"profile-search-{dataset_label(ds)}.prof") if args.profile else None
        r["archive_search"] = bench_search(ds, args, prof if ds == "subset" else None)
        print(
            f"  search p50/p95 {r['archive_search'].get('latency', {}).get('overall')}", flush=True
        )
        scale = ds.startswith("scale:")
        if not args.no_fts5 and not scale:
            r["fts5"] = bench_fts5(ds, args)
            print(f"  fts5 import {r['fts5']['import'].get('import_s')}", flush=True)
        if use_recoll and not scale:
            r["recoll"] = bench_recoll(ds, args)
            print(f"  recollindex {r['recoll']['index_s']:.2f} s", flush=True)
        if not args.no_gui and ds != "subset":
            r["gui"] = bench_gui(ds, args)
            print(f"  cold start → ready {r['gui']['ready_s']}", flush=True)
        if args.profile and ds == "subset":
            r["profile"] = profile_import(ds)
    results["meta"]["loadavg_end"] = os.getloadavg()
    results["targets"] = print_report(results)
    path = args.json or OUT / f"results-{stamp}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(f"\nresults: {path}")
    return 0


def profile_import(dataset: str) -> dict[str, Any]:
    """cProfile of one import (main process only: Whoosh's helper process is not seen)."""
    import pstats

    dest = OUT / "archives" / f"profile-{dataset_label(dataset)}"
    shutil.rmtree(dest, ignore_errors=True)
    prof = OUT / f"profile-import-{dataset_label(dataset)}.prof"
    res = run_child(
        "import", {"dataset": dataset, "dest": str(dest), "profile": str(prof)}, tag="profile"
    )
    shutil.rmtree(dest, ignore_errors=True)
    texts = {}
    for name, path in (
        ("import", prof),
        ("search", OUT / f"profile-search-{dataset_label(dataset)}.prof"),
    ):
        if not path.exists():
            continue
        txt = OUT / (path.stem + ".txt")
        with open(txt, "w") as fh:
            st = pstats.Stats(str(path), stream=fh)
            st.sort_stats("cumulative").print_stats(15)
            st.sort_stats("tottime").print_stats(15)
        texts[name] = str(txt)
        print(f"  profile of {name}: {txt}")
    return {"import_s_under_profile": res.get("import_s"), "files": texts}


if __name__ == "__main__":
    sys.exit(main())
