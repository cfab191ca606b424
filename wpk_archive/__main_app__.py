"""Entry script of the standalone desktop build (PyInstaller, see build_app.spec).

The built ``wpk-archive`` executable behaves exactly like the ``wpk-archive`` command: it just
calls :func:`wpk_archive.cli.main`. ``--self-test`` (check the build end to end, offscreen) is
handled here too, so the build can be checked whether or not cli.py knows the flag.
"""

from __future__ import annotations

import sys


def main() -> int:
    """Run the self-test when asked, else the ``wpk-archive`` command line."""
    argv = sys.argv[1:]
    if argv[:1] == ["--self-test"]:
        from wpk_archive.selftest import run_self_test

        return run_self_test()
    from wpk_archive.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
