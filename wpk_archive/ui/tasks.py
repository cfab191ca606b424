"""Background work: reads on a pool, writes serialized on one worker; results come back by signal.

Tasks never touch widgets: they call a plain function and emit its result (or error) to the GUI
thread, where the connected slot runs.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from wpk_archive.core.archive import ArchiveError, StoreError


class TaskSignals(QObject):
    """Signals of one task (delivered in the GUI thread through queued connections)."""

    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int, str)


class Task(QRunnable):
    """Runs ``fn(*args, **kwargs)`` on a worker thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # reported to the user, never a crash of the app
            worded = isinstance(exc, (ArchiveError, StoreError))  # messages written for people
            if not worded:
                traceback.print_exc()
            self.signals.failed.emit(str(exc) if worded else f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(result)

    def report(self, done: int, total: int, what: str) -> None:
        """Progress callback to hand to core functions."""
        self.signals.progress.emit(done, total, what)


class TaskRunner(QObject):
    """Starts tasks: ``read`` on a small pool, ``write`` one at a time in order."""

    busy_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reads = QThreadPool(self)
        self.reads.setMaxThreadCount(2)
        self.writes = QThreadPool(self)
        self.writes.setMaxThreadCount(1)
        self._running = 0
        self._live: set[Task] = set()  # keeps each task (and its signals) alive until it reports
        # Background tasks are mostly pure Python and share the GIL with the GUI thread; a short
        # switch interval (default 5 ms) lets the event loop run promptly between their steps.
        sys.setswitchinterval(0.001)

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[str], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """Run a read-only task on the pool."""
        return self._start(self.reads, fn, args, kwargs, done, failed)

    def submit(
        self,
        job: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """``read`` in the shape the paged models want (see ``ui.models.paging.Submit``)."""
        self.read(job, done=done, failed=failed)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[str], None] | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """Run a task that writes, after every earlier write."""
        task = self._start(self.writes, fn, args, kwargs, done, failed, start=False)
        if progress is not None:
            task.signals.progress.connect(progress)
        self.writes.start(task)
        return task

    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        done: Callable[[Any], None] | None,
        failed: Callable[[str], None] | None,
        start: bool = True,
    ) -> Task:
        task = Task(fn, *args, **kwargs)
        self._live.add(task)
        task.signals.done.connect(lambda _r, t=task: self._live.discard(t))
        task.signals.failed.connect(lambda _m, t=task: self._live.discard(t))
        self._running += 1
        self.busy_changed.emit(self._running)
        task.signals.done.connect(self._finished)
        task.signals.failed.connect(self._finished)
        if done is not None:
            task.signals.done.connect(done)
        if failed is not None:
            task.signals.failed.connect(failed)
        if start:
            pool.start(task)
        return task

    def _finished(self, *_: Any) -> None:
        self._running = max(0, self._running - 1)
        self.busy_changed.emit(self._running)

    def wait(self, msecs: int = 30000) -> None:
        """Block until every task has ended (for shutdown and tests)."""
        self.writes.waitForDone(msecs)
        self.reads.waitForDone(msecs)
