"""The command line in a pipeline and beside the app: quiet on a closed pipe, and read-only
commands say nothing about read-only mode while another program holds the archive."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.processes import held_by_another_process


def _cli(archive: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wpk_archive", "--archive", str(archive), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _long_article(tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    paragraphs = [f"Paragraph {i} of the long report on the orchard meeting." for i in range(4000)]
    path.write_text("A long report\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    return path


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    archive = tmp_path / "a"
    assert _cli(archive, "import", str(_long_article(tmp_path))).returncode == 0
    doc_id = json.loads(_cli(archive, "search", "long report", "--json").stdout)["hits"][0][
        "doc_id"
    ]
    # `wpk-archive show ID | head -1`: far more than a pipe holds, and the reader leaves at once
    process = subprocess.Popen(
        [sys.executable, "-m", "wpk_archive", "--archive", str(archive), "show", doc_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"A long report")
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
    assert stderr == ""
    assert process.returncode == 141


def test_read_commands_beside_the_app_say_nothing_about_read_only(tmp_path: Path) -> None:
    archive = tmp_path / "a"
    assert _cli(archive, "timeline").returncode == 0
    with held_by_another_process(archive) as app:
        assert app == "writable"
        for args in (
            ("search", "congress"),
            ("timeline",),
            ("doctor", "--check-only"),
            ("export", "timeline", str(tmp_path / "t.csv")),
            ("corrections", "list"),
        ):
            out = _cli(archive, *args)
            assert out.returncode == 0, (args, out.stderr)
            assert "read-only" not in out.stderr.lower(), (args, out.stderr)
            assert "another" not in out.stderr.lower(), (args, out.stderr)
        # a write explains, once, why it cannot be done now
        out = _cli(archive, "import", str(_long_article(tmp_path)))
        assert out.returncode == 2
        assert out.stderr.count("Another WPK Archive window has this archive open") == 1
    assert _cli(archive, "import", str(_long_article(tmp_path))).returncode == 0
