"""An archive folder from someone else runs no code (issue #18 item 1): the index is a cache
this installation signs, and every pickle read from it is decoded as plain data only."""

from __future__ import annotations

import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_search_queries import ARTICLES, new_archive
from wpk_archive.core.archive import open_archive
from wpk_archive.core.search import trust
from wpk_archive.core.search import whoosh_private as wp
from wpk_archive.core.search.analysis import schema


class Planted:
    """Unpickling this writes a marker file: what a hostile archive would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, (f"open({str(self.marker)!r}, 'w').write('pwned')",))


def test_a_planted_pickle_really_runs_when_unpickled_plainly(tmp_path: Path) -> None:
    """The test's own check: the payload does what it says (so the tests below can fail)."""
    marker = tmp_path / "marker"
    pickle.loads(pickle.dumps(Planted(marker)))
    assert marker.exists()


def test_the_restricted_unpickler_refuses_every_global(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    payload = pickle.dumps(Planted(marker))
    with pytest.raises(pickle.UnpicklingError):
        wp.plain_loads(payload)
    import whoosh.codec.whoosh3
    import whoosh.filedb.structfile

    with pytest.raises(pickle.UnpicklingError):
        whoosh.codec.whoosh3.loads(payload)  # Whoosh's own readers decode through it too
    assert not marker.exists()
    # what Whoosh legitimately pickles still reads
    data = (tuple(range(5)), None, [b"", b"\x00\xff", b"ab"])
    for protocol in (2, 5):
        assert wp.plain_loads(pickle.dumps(data, protocol)) == data
    assert whoosh.filedb.structfile.load_pickle is wp.plain_load


def _plant_toc(index: Path, marker: Path) -> None:
    """Replace Whoosh's .toc with one whose segment list unpickles to the payload."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    toc = sorted(index.glob("_passages_*.toc"))[-1]
    generation = int(toc.stem.rsplit("_", 1)[1])
    toc.unlink()
    TOC(schema(), Planted(marker), generation).write(FileStorage(str(index)), "passages")
    assert toc.exists()


def _check_nothing_runs(folder: Path, marker: Path, *, rebuilt: bool) -> None:
    """open, doctor --check-only and search never create the marker; search still works."""
    with open_archive(folder) as archive:
        lines = archive.doctor(repair=False)
        assert any(line.startswith("search index:") for line in lines)
        assert not marker.exists()
        result = archive.search("rice")  # rebuilt from the store, then answered
        assert result.total > 0 and not marker.exists()
        assert any("rebuilt" in n for n in archive.take_notices()) == rebuilt
        assert {h.title for h in archive.search("wheat").hits} == {"Wheat"}
    assert not marker.exists()


def test_a_planted_toc_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    folder = tmp_path / "a"
    new_archive(folder, ARTICLES).close()
    _plant_toc(folder / "index", marker)
    _check_nothing_runs(folder, marker, rebuilt=False)  # Whoosh's .toc is never read at all


def test_a_planted_segment_file_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    folder = tmp_path / "a"
    new_archive(folder, ARTICLES).close()
    segment = next(p for p in (folder / "index").glob("passages_*") if "LOCK" not in p.name)
    segment.write_bytes(pickle.dumps(Planted(marker)) * 4)
    _check_nothing_runs(folder, marker, rebuilt=True)  # changed since signed: set aside


def test_an_index_signed_by_another_installation_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "a"
    monkeypatch.setenv("WPK_CONFIG_HOME", str(tmp_path / "theirs"))
    new_archive(folder, ARTICLES).close()
    monkeypatch.setenv("WPK_CONFIG_HOME", str(tmp_path / "mine"))
    with open_archive(folder) as archive:
        assert not archive._index.exists()
        assert any("not" in line for line in archive.doctor(repair=False) if "index" in line)
        assert {h.title for h in archive.search("wheat").hits} == {"Wheat"}
    key = trust.key_path()
    assert key.parent == tmp_path / "mine"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_pickle_under_a_valid_signature_still_runs_nothing(tmp_path: Path) -> None:
    """Defence in depth: were the signature bypassed, the stored fields and posting blocks
    are still decoded as plain data. Written here with this installation's own key."""
    marker = tmp_path / "marker"
    folder = tmp_path / "a"
    new_archive(folder, ARTICLES).close()
    with open_archive(folder) as archive:
        archive._index.open()
        writer = archive._index._ix.writer()
        writer.add_document(pid=Planted(marker), doc_id="planted", text="wheat wheat wheat")
        writer.commit(merge=False)  # a signed commit: this installation's key
        assert archive._index.exists()
    assert not marker.exists()
    with open_archive(folder) as archive:
        result = archive.search("wheat")  # the planted passage ranks first: decoding refuses it
        assert not marker.exists()
        assert {h.title for h in result.hits} == {"Wheat"}  # answered after a rebuild
    assert not marker.exists()


def test_a_hostile_archive_folder_runs_nothing_through_the_cli(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    folder = tmp_path / "a"
    new_archive(folder, ARTICLES).close()
    _plant_toc(folder / "index", marker)
    repo = Path(__file__).resolve().parents[2]
    env = {"PYTHONPATH": str(repo), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    for args in (["doctor", "--check-only"], ["search", "rice"]):
        out = subprocess.run(
            [sys.executable, "-m", "wpk_archive", "--archive", str(folder), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert not marker.exists(), out.stderr
    assert out.returncode == 0, out.stderr
    assert "matching passage" in out.stdout
