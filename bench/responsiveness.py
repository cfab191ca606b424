#!/usr/bin/env python
"""How long the window's event loop stalls while an import runs and the user keeps working.

    python bench/responsiveness.py [--json] [--articles N] [--preload N] [--shots DIR]

The window (offscreen) opens an archive that already holds ``--preload`` articles (default
3,000: articles 2,001-5,000 of kcna_2011_2012.jsonl.gz) and ``--meetings`` generated reports
of plenary meetings (default 600, ~400 timeline events), so both lists have pages to read while
they are scrolled, then imports the first ``--articles`` (default 2,000) of the same file through the window's own
import flow. While the import runs, a user is simulated on the GUI thread, one step every
25 ms: the timeline is scrolled down page by page (which reads its next pages), then the
document list, then a query is typed into the search box key by key (search as you type), and
round again. A precise 10 ms timer measures the event loop: every gap between two ticks beyond
the 10 ms is a stall, which the user feels as a frozen window. The measure runs from the start of
the import until 1 s after the window has shown its result (the refresh included).

Prints ``{"max_stall_ms", "p99_stall_ms", ...}`` with ``--json``, else a short table. Target:
max_stall_ms <= 50. Not a test: figures on a shared 2-core machine are noisy; run it a few times.

It runs on older checkouts too (``PYTHONPATH=/path/to/checkout``), for before/after figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from wpk_archive.core.archive import open_archive
from wpk_archive.ui.main_window import MainWindow

CORPUS = Path(os.environ.get("WPK_BENCH_CORPUS", "/work/shared/corpus")) / "kcna_2011_2012.jsonl.gz"
TICK_MS = 10
STEP_MS = 25
QUERY = "Kim Jong Un congress"
MONTHS = "January February March April May June July August September October November December"


def _nth(n: int) -> str:
    return f"{n}" + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def write_meeting_reports(target: Path, count: int) -> Path:
    """``count`` generated articles that each date a Central Committee plenary meeting (about
    0.6 timeline events each): the KCNA articles alone name few meetings (15 events in 3,000
    articles), too few for the timeline to have pages to read while it is scrolled."""
    months = MONTHS.split()
    with target.open("w", encoding="utf-8") as out:
        for i in range(count):
            k, c = i % 20 + 1, i // 20 + 1
            text = (
                f"The {_nth(k)} Plenary Meeting of the {_nth(c)} Central Committee of the WPK "
                f"was held on {k} {months[k % 12]} {1950 + c}. Orchard {i} was discussed."
            )
            row = {
                "title": f"Report {i} on a plenary meeting",
                "date": f"{1950 + c}-01-01",
                "source": "generated",
                "text": text,
            }
            out.write(json.dumps(row) + "\n")
    return target


def write_lines(target: Path, first: int, count: int) -> Path:
    """Articles ``first`` .. ``first + count - 1`` of the corpus as a JSONL file."""
    with (
        gzip.open(CORPUS, "rt", encoding="utf-8") as lines,
        target.open("w", encoding="utf-8") as out,
    ):
        for i, line in enumerate(lines):
            if i >= first + count:
                break
            if i >= first:
                out.write(line)
    return target


def wait(condition: Any, timeout_s: float) -> None:
    """Run the event loop until ``condition()`` holds."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


class User:
    """Scrolls the timeline, then the documents, then types a query; round and round."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.step = 0
        self.typed = 0
        self.actions = {"timeline_scrolls": 0, "document_scrolls": 0, "keys_typed": 0}
        self.phase = 0

    def act(self) -> None:
        w = self.window
        self.step += 1
        if self.phase == 0:  # the timeline, a page at a time
            if w.tabs.currentWidget() is not w.timeline_pane:
                w.tabs.setCurrentWidget(w.timeline_pane)
            self._scroll(w.timeline)
            self.actions["timeline_scrolls"] += 1
            if self.step % 10 == 0:
                self.phase = 1
        elif self.phase == 1:  # the document list
            if w.tabs.currentWidget() is not w.documents:
                w.tabs.setCurrentWidget(w.documents)
            self._scroll(w.documents)
            self.actions["document_scrolls"] += 1
            if self.step % 10 == 0:
                self.phase = 2
        else:  # a query, key by key
            box = w.search.box
            if self.typed == 0:
                box.clear()
            QTest.keyClick(box, QUERY[self.typed])
            self.typed += 1
            self.actions["keys_typed"] += 1
            if self.typed == len(QUERY):
                self.typed = 0
                self.phase = 0

    @staticmethod
    def _scroll(view: Any) -> None:
        bar = view.verticalScrollBar()
        bar.setValue(min(bar.maximum(), bar.value() + 3 * max(bar.pageStep(), 1)))


class Watchdog:
    """(--diagnose) Samples the GUI thread's Python stack while it is late, to say what stalls."""

    def __init__(self, gui: int) -> None:
        import collections
        import threading

        self.gui = gui
        self.last = time.perf_counter()
        self.samples: collections.Counter[str] = collections.Counter()
        self.late_wakes: collections.Counter[str] = collections.Counter()
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def tick(self) -> None:
        self.last = time.perf_counter()

    def run(self) -> None:
        import traceback

        while self.running:
            before = time.perf_counter()
            time.sleep(0.003)
            if time.perf_counter() - before > 0.020:  # this thread waited for the interpreter
                for ident, frame in sys._current_frames().items():
                    if ident != self.gui and ident != self.thread.ident:
                        stack = traceback.extract_stack(frame)[-3:]
                        where = " < ".join(
                            f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(stack)
                        )
                        self.late_wakes[where] += 1
            if time.perf_counter() - self.last > 0.025:
                frame = sys._current_frames().get(self.gui)
                if frame is not None:
                    stack = traceback.extract_stack(frame)[-4:]
                    self.samples[
                        " < ".join(
                            f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(stack)
                        )
                    ] += 1

    def report(self) -> None:
        self.running = False
        print("GUI thread while late (3 ms samples):", file=sys.stderr)
        for where, n in self.samples.most_common(15):
            print(f"{n:5}  {where}", file=sys.stderr)
        print("Other threads when the watchdog woke >20 ms late:", file=sys.stderr)
        for where, n in self.late_wakes.most_common(15):
            print(f"{n:5}  {where}", file=sys.stderr)


def measure(
    articles: int,
    preload: int,
    meetings: int,
    shots: Path | None,
    diagnose: bool = False,
    idle: float = 0.0,
    switch_interval: float = 0.0,
    no_user: bool = False,
) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        feed = write_lines(Path(tmp) / "import.jsonl", 0, articles)
        with open_archive(folder) as archive:
            archive.import_paths(
                [
                    write_lines(Path(tmp) / "preload.jsonl", articles, preload),
                    write_meeting_reports(Path(tmp) / "meetings.jsonl", meetings),
                ]
            )
            events, documents = archive.count_events(), archive.stats()["documents"]
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(folder, settings=settings)
        if switch_interval:
            sys.setswitchinterval(switch_interval)  # (an experiment: overrides the app's choice)
        window.resize(1360, 840)
        window.show()
        wait(lambda: window.archive is not None and window.reader.state is not None, 120)
        wait(lambda: not window.tasks._running, 120)  # the index check and first reads
        QTest.qWait(2000)  # the search lookups are read in the background after opening

        gaps: list[int] = []
        clock = QElapsedTimer()
        ticker = QTimer()
        ticker.setTimerType(Qt.TimerType.PreciseTimer)
        ticker.setInterval(TICK_MS)
        log: list[tuple[float, str]] = []

        def tick() -> None:
            gap = clock.restart()
            gaps.append(gap)
            if diagnose and gap > TICK_MS + 25:
                log.append((time.perf_counter(), f"STALL {gap - TICK_MS} ms"))

        ticker.timeout.connect(tick)
        if diagnose:
            import threading

            watchdog = Watchdog(threading.get_ident())
            ticker.timeout.connect(watchdog.tick)
        user = User(window)
        driver = QTimer()
        driver.setInterval(STEP_MS)
        if diagnose:

            def timed_act() -> None:
                phase, t0 = user.phase, time.perf_counter()
                user.act()
                log.append(
                    (
                        time.perf_counter(),
                        f"act {phase} took {(time.perf_counter() - t0) * 1000:.0f} ms",
                    )
                )

            driver.timeout.connect(timed_act)
        else:
            driver.timeout.connect(user.act)
        if diagnose:
            for signal in ("search_done", "timeline_loaded", "document_shown", "import_finished"):
                getattr(window, signal).connect(
                    lambda *_a, s=signal: log.append((time.perf_counter(), s))
                )
            for name in ("timeline_model", "documents_model"):
                model = getattr(window, name)
                if hasattr(model, "page_loaded"):
                    model.page_loaded.connect(
                        lambda n=name: log.append((time.perf_counter(), f"{n} page"))
                    )
        reports: list[Any] = []
        searches = [0]
        window.search_done.connect(lambda: searches.__setitem__(0, searches[0] + 1))
        pages = {"timeline": 0, "documents": 0}
        for name, model in (
            ("timeline", window.timeline_model),
            ("documents", window.documents_model),
        ):
            if hasattr(model, "page_loaded"):
                model.page_loaded.connect(lambda n=name: pages.__setitem__(n, pages[n] + 1))
        loop = QEventLoop()
        finished_at: list[float] = []

        def finished(report: Any) -> None:
            reports.append(report)
            finished_at.append(time.perf_counter())
            QTimer.singleShot(1000, loop.quit)  # the refresh that follows is measured too

        def shoot(n: int) -> None:
            if shots is None:
                return
            # the list scrolled to its end asks for its next page: placeholders until it comes
            view = window.documents if n == 0 else window.timeline
            window.tabs.setCurrentWidget(window.documents if n == 0 else window.timeline_pane)
            view.scrollToBottom()
            path = shots / f"during-import-{n}.png"
            window.grab().save(str(path))
            print(f"wrote {path}", file=sys.stderr)

        for n, at_ms in enumerate((1500, 2500)):
            QTimer.singleShot(at_ms, lambda n=n: shoot(n))
        started = time.perf_counter()
        clock.start()
        ticker.start()
        if not no_user:
            driver.start()
        if idle:  # no import: the noise floor of this machine and of the simulated user
            QTimer.singleShot(int(idle * 1000), lambda: finished(None))
        else:
            window.import_finished.connect(finished)
            imports = getattr(window, "imports", window)  # older checkouts: MainWindow.import_paths
            imports.import_paths([feed])
        QTimer.singleShot(600_000, loop.quit)
        loop.exec()
        import_s = (finished_at or [time.perf_counter()])[0] - started
        driver.stop()
        ticker.stop()
        if diagnose:
            watchdog.report()
            print("What came before each stall:", file=sys.stderr)
            for i, (at, what) in enumerate(log):
                if what.startswith("STALL"):
                    before = [f"{w} (-{(at - t) * 1000:.0f} ms)" for t, w in log[max(0, i - 4) : i]]
                    print(f"  {what}: after {', '.join(before)}", file=sys.stderr)
        report = reports[0]
        window.close()
        app.processEvents()
    stalls = sorted(max(0, g - TICK_MS) for g in gaps)
    return {
        "max_stall_ms": stalls[-1] if stalls else None,
        "p99_stall_ms": stalls[min(len(stalls) - 1, int(len(stalls) * 0.99))] if stalls else None,
        "median_gap_ms": statistics.median(gaps) if gaps else None,
        "ticks": len(gaps),
        "stalls_over_50ms": sum(s > 50 for s in stalls),
        "import_s": round(import_s, 1),
        "switch_interval_ms": sys.getswitchinterval() * 1000,
        "articles_added": report.added if report is not None else 0,
        "preloaded": preload,
        "events_before": events,
        "documents_before": documents,
        "pages_read": pages,
        "searches_shown": searches[0],
        **user.actions,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--preload", type=int, default=3000)
    parser.add_argument("--meetings", type=int, default=600, help="generated meeting reports")
    parser.add_argument(
        "--diagnose", action="store_true", help="say what the GUI thread did when late"
    )
    parser.add_argument(
        "--idle", type=float, default=0.0, help="no import: the user alone for this many seconds"
    )
    parser.add_argument(
        "--switch-interval", type=float, default=0.0, help="(experiment) sys.setswitchinterval"
    )
    parser.add_argument("--no-user", action="store_true", help="(experiment) import only")
    parser.add_argument("--shots", type=Path, help="save two screenshots during the import here")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    result = measure(
        args.articles,
        args.preload,
        args.meetings,
        args.shots,
        args.diagnose,
        args.idle,
        args.switch_interval,
        args.no_user,
    )
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>18}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
