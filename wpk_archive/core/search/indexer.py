"""Indexing on the second core: a child process that writes the index while the importer
stores and analyses the next batch.

A bulk import does two kinds of work of about the same size: storing, dating and summarising
articles (the importer, in this process), and analysing their passages into index postings (the
child). Each batch goes to the child through a pipe as soon as its store transaction commits;
the pipe holds about one batch, so the importer is never far ahead and memory stays flat. The
child keeps one bulk segment writer (:mod:`wpk_archive.core.search.segments`) for the whole import and
commits when asked, so the index gains a few large segments instead of one per batch.

The store stays the truth: if the child fails or is killed, the index is simply behind the
store, and the archive rebuilds it on its next check.
"""

from __future__ import annotations

import contextlib
import gc
import os

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
import pickle
import queue
import subprocess
import sys
import threading
import traceback
from pathlib import Path
from typing import IO, Any

from wpk_archive.core.models import Document

IDLE_FLUSH_PASSAGES = 30_000
"""The child writes a segment when it is idle and holds at least this many passages (or half of
what it has written before, so a big import makes few segments)."""
WORKER_FLAG = "--index-worker"
"""The built app's command line for the child (``wpk-archive --index-worker PATH``)."""

Kinds = dict[tuple[str, int], set[str]]


class IndexerFailed(Exception):
    """The indexing process stopped before committing; the index must be rebuilt."""


class BackgroundIndexer:
    """Feeds batches of documents to a child process that indexes them (see module doc).

    The child is a fresh interpreter (not a fork: the parent may be a Qt application with
    running threads) that reads pickled messages on its stdin and answers on its stdout.
    """

    def __init__(self, index_path: Path) -> None:
        if getattr(sys, "frozen", False):  # the built app: its executable takes the flag
            command = [sys.executable, WORKER_FLAG, str(index_path)]
        else:
            command = [sys.executable, "-m", "wpk_archive.core.search.indexer", str(index_path)]
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._closed = False
        assert self._process.stdin is not None
        _widen_pipe(self._process.stdin.fileno())

    def add(self, docs: list[Document], kinds: Kinds, delete: list[str]) -> None:
        """Index ``docs`` (first removing the passages of the documents in ``delete``)."""
        from wpk_archive.core.search.fields import article_record

        own = {key: value for key, value in kinds.items() if value}
        # only what the index needs: the passages' texts once (not the whole text again)
        self._send(("add", [article_record(doc) for doc in docs], own, delete))

    def commit(self) -> int:
        """Commit everything sent so far and stop the child; returns the passages indexed."""
        self._send(("commit",))
        try:
            assert self._process.stdout is not None
            reply = pickle.load(self._process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            raise IndexerFailed(f"the indexing process stopped ({exc})") from exc
        finally:
            self._close()
        if reply[0] != "done":
            raise IndexerFailed(reply[1])
        return int(reply[1])

    def cancel(self) -> None:
        """Stop the child without committing."""
        if self._closed:
            return
        with contextlib.suppress(IndexerFailed):
            self._send(("cancel",))
        self._close()

    def _send(self, message: tuple[Any, ...]) -> None:
        if self._closed:
            raise IndexerFailed("the indexing process was already closed")
        try:
            assert self._process.stdin is not None
            pickle.dump(message, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self._process.stdin.flush()
        except OSError as exc:
            self._close()
            raise IndexerFailed(f"the indexing process stopped ({exc})") from exc

    def _close(self) -> None:
        self._closed = True
        for stream in (self._process.stdin, self._process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        try:
            self._process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


PIPE_BYTES = 1 << 20
"""The pipe to the child is widened to this (Linux; the default is 64 KiB): a batch of 1,000
articles is a few MB, and the child's reading thread takes the GIL again for every read, so a
narrow pipe kept the importer waiting while the child wrote a segment (0.7 s of a corpus import)."""


def _widen_pipe(fd: int) -> None:
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if set_size is None:
        return
    with contextlib.suppress(OSError):  # (the system's pipe-max-size may be lower)
        fcntl.fcntl(fd, set_size, PIPE_BYTES)


BACKGROUND_NICENESS = 10
"""How much the indexing process lowers its CPU priority (bench/responsiveness.py: the longest
stall of the window during an import fell from 56-121 ms to 48-58 ms on a loaded 2-core machine)."""


def worker_main(index_path: str) -> int:
    """The child: one bulk writer, fed until told to commit or cancel."""
    inbox = sys.stdin.buffer
    outbox = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the reply stream
    # the thread that drains the pipe gets the GIL sooner (Python's default is 5 ms)
    sys.setswitchinterval(0.001)
    # postings are millions of short-lived acyclic objects: the cycle collector runs seldom
    # (0.5 s less of a corpus import's indexing; the process ends with the import)
    gc.freeze()
    gc.set_threshold(50_000, 20, 10)
    if hasattr(os, "nice"):  # background work: when the cores are busy, the window goes first
        with contextlib.suppress(OSError):
            os.nice(BACKGROUND_NICENESS)
    return _serve(index_path, inbox, outbox)


def _serve(index_path: str, inbox: IO[bytes], outbox: IO[bytes]) -> int:
    from wpk_archive.core.search.index import SEGMENT_PASSAGES, PassageIndex

    def reply(message: tuple[Any, ...]) -> None:
        pickle.dump(message, outbox, protocol=pickle.HIGHEST_PROTOCOL)
        outbox.flush()

    index = PassageIndex(Path(index_path))
    writer: Any = None
    added = 0
    error: str | None = None
    flushed = 0
    # a thread drains the pipe, so the importer never waits on us while a segment is written
    messages: queue.Queue[tuple[Any, ...] | BaseException] = queue.Queue()

    def read() -> None:
        try:
            while True:
                message = pickle.load(inbox)
                messages.put(message)
                if message[0] in ("commit", "cancel"):
                    return
        except BaseException as exc:  # EOF: the importer went away
            messages.put(exc)

    threading.Thread(target=read, name="wpk-indexer-inbox", daemon=True).start()
    try:
        writer = index.bulk_writer()
        while True:
            if messages.empty() and writer.docnum >= max(IDLE_FLUSH_PASSAGES, flushed // 2):
                # nothing to do until the next batch: write what we hold as a segment now, so
                # less is left to write after the last batch (segments grow as the import does)
                flushed += writer.docnum
                writer.commit(merge=False)
                writer = index.bulk_writer()
            message = messages.get()
            if isinstance(message, BaseException):
                raise EOFError(str(message))
            if message[0] == "cancel":
                writer.cancel()
                return 0
            if message[0] == "commit":
                break
            _, docs, kinds, delete = message
            if error is not None:
                continue  # keep reading so the importer is not blocked; report at commit
            try:
                for doc_id in delete:
                    writer.delete_by_term("doc_id", doc_id)
                for doc in docs:
                    passages = index.passage_fields(doc, kinds)
                    writer.add_passages(index.article_fields(doc), passages)
                    added += len(passages)
                if writer.docnum >= SEGMENT_PASSAGES:  # bound the memory one segment takes
                    flushed += writer.docnum
                    writer.commit(merge=False)
                    writer = index.bulk_writer()
            except Exception:
                error = traceback.format_exc(limit=3)
        if error is not None:
            _cancel(writer)
            reply(("error", f"indexing failed: {error}"))
            return 1
        writer.commit(merge=False)
        reply(("done", added))
        return 0
    except EOFError:  # the importer went away: leave the index as it was
        _cancel(writer)
        return 1
    except Exception as exc:  # (a full disk, too): say why, the importer rebuilds later
        _cancel(writer)
        with contextlib.suppress(OSError, ValueError):
            reply(("error", f"indexing failed: {type(exc).__name__}: {exc}"))
        return 1
    finally:
        index.close()


def _cancel(writer: Any) -> None:
    """Drop what a writer holds; a writer that cannot even be cancelled (a full disk) is left,
    as the index will be rebuilt from the store."""
    if writer is not None and not writer.is_closed:
        with contextlib.suppress(Exception):
            writer.cancel()


if __name__ == "__main__":
    raise SystemExit(worker_main(sys.argv[1]))
