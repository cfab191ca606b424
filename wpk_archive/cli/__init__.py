"""The ``wpk-archive`` command: a thin layer over :class:`wpk_archive.core.archive.Archive`.

With ``--json``, stdout holds only JSON; messages go to stderr.

The package: :mod:`.parser` (options and commands), :mod:`.terminal` (what is printed, made
safe for a terminal; JSON on stdout), and the handlers: :mod:`.commands_reading` (search, show,
diff, timeline, dates, summary), :mod:`.commands_editing` (import, upkeep, corrections, exports),
:mod:`.commands_research` (people, lists, trend, kwic, export search).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from wpk_archive.cli import commands_editing as editing
from wpk_archive.cli import commands_reading as reading
from wpk_archive.cli import commands_research
from wpk_archive.cli.parser import build_parser
from wpk_archive.cli.terminal import print
from wpk_archive.core.archive import (
    DB_NAME,
    ArchiveError,
    StoreDamaged,
    StoreError,
    default_archive_path,
    open_archive,
)
from wpk_archive.core.search.indexer import WORKER_FLAG, worker_main
from wpk_archive.core.store import damage_marks
from wpk_archive.core.validation import date_problem, parse_date_value

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == [WORKER_FLAG] and len(argv) == 2:  # the built app's indexing process
        return worker_main(argv[1])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from wpk_archive.selftest import run_self_test

        return run_self_test()
    command = args.command or "gui"
    if command == "dates":  # reads no archive
        return reading.dates(args)
    for name in ("date_from", "date_to"):  # the same date rule as everywhere else
        value = getattr(args, name, None)
        if value is not None and parse_date_value(value) is None:
            print(f"wpk-archive: --{name[5:]} {date_problem(value)}", file=sys.stderr)
            return 2
    if command == "gui":
        from wpk_archive.ui.app import run

        return run(args.archive, screenshot=getattr(args, "screenshot", None))
    try:
        if command == "doctor":  # opens the store read-only for --check-only, and salvages
            return editing.doctor(args)
        # a read needs no notice when another program holds the writer's lock, and a write
        # refused for that reason says so in its error
        with open_archive(args.archive) as archive:
            notice = archive.notice or ""
            if archive.held_elsewhere and archive.readonly_reason:
                # beside the app, a read needs no word; a write refused says why in its error
                notice = notice.replace(archive.readonly_reason, "").strip()
            if notice:
                print(notice, file=sys.stderr)
            handler = _COMMANDS[command]
            status = int(handler(archive, args))
            for notice in archive.take_notices():  # raised while the command ran
                print(notice, file=sys.stderr)
            sys.stdout.flush()  # a closed pipe shows here, inside the handler below
            return status
    except BrokenPipeError:
        # the reader of our output went away (``| head``): stop quietly, like any Unix tool;
        # stdout is pointed at devnull so the interpreter's last flush does not complain
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe
    except StoreDamaged as exc:
        folder = Path(args.archive).expanduser() if args.archive else default_archive_path()
        if (folder / DB_NAME).exists():
            damage_marks.mark_damaged(folder, exc.reason)
        print(f"wpk-archive: {exc}", file=sys.stderr)
        return 2
    except (ArchiveError, StoreError) as exc:
        print(f"wpk-archive: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("wpk-archive: interrupted", file=sys.stderr)
        return 130


_COMMANDS = {**reading.COMMANDS, **editing.COMMANDS, **commands_research.COMMANDS}
