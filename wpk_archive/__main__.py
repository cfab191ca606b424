"""``python -m wpk_archive``: the same as the ``wpk-archive`` command."""

from wpk_archive.cli import main

raise SystemExit(main())
