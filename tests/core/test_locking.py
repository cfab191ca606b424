"""The writer's lock is the operating system's: a second program opens read-only, and deleting
the lock file does not let it write (issue #18: a deleted lock file once let two writers run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.processes import held_by_another_process
from wpk_archive.core.archive import ReadOnlyArchive, open_archive


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "orchard.txt"
    path.write_text("Orchard news\n\nThe orchard meeting was held.", encoding="utf-8")
    return path


def test_a_second_process_opens_read_only_with_a_notice(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    open_archive(folder).close()
    with held_by_another_process(folder) as first:
        assert first == "writable"
        with open_archive(folder) as second:
            assert second.readonly
            assert "Another WPK Archive window" in (second.notice or "")
            assert second.search("congress").total > 0
            with pytest.raises(ReadOnlyArchive):
                second.import_paths([_article(tmp_path)])
    with open_archive(folder) as after:  # the lock went with the process
        assert not after.readonly


def test_deleting_the_lock_file_does_not_let_a_second_writer_in(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    open_archive(folder).close()
    with held_by_another_process(folder) as first:
        assert first == "writable"
        (folder / "archive.lock").unlink()
        with open_archive(folder) as second:
            assert second.readonly, "a second writer got in after the lock file was deleted"
            with pytest.raises(ReadOnlyArchive):
                second.import_paths([_article(tmp_path)])
        with held_by_another_process(folder) as third:
            assert third == "read-only"
    with open_archive(folder) as after:
        assert not after.readonly


def test_two_archives_in_one_process_do_not_both_write(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    with open_archive(folder) as first:
        (folder / "archive.lock").unlink()
        with open_archive(folder) as second:
            assert not first.readonly and second.readonly
    with open_archive(folder) as again:
        assert not again.readonly
