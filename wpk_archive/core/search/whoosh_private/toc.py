"""The table of contents: signed JSON, never Whoosh's pickle (part of
:mod:`wpk_archive.core.search.whoosh_private`): the signed index and its writer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3Segment
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, FileIndex, clean_files
from whoosh.index import LockError as LockError  # raised when another writer holds the index
from whoosh.writing import SegmentWriter

from wpk_archive.core.search import trust

# -- the table of contents: signed JSON, never Whoosh's pickle ----------------------------------


def segment_record(segment: Any) -> dict[str, Any]:
    """What Whoosh's pickled table of contents keeps of a segment, as plain JSON data."""
    codec = segment.codec()
    return {
        "segid": segment.segid,
        "prefix": f"{segment.segment_id()}.",
        "doccount": int(segment.doc_count_all()),
        "deleted": sorted(int(d) for d in segment.deleted_docs()),
        "compound": bool(segment.compound),
        "fieldlengths": {k: int(v) for k, v in getattr(segment, "_fieldlengths", {}).items()},
        "codec": [codec._blocklimit, codec._compression, codec._inlinelimit],
    }


def segment_from(record: dict[str, Any], indexname: str) -> Any:
    """A Whoosh segment object from :func:`segment_record`'s data."""
    blocklimit, compression, inlinelimit = (int(x) for x in record["codec"])
    deleted = {int(d) for d in record.get("deleted", ())} or None
    segment = W3Segment(
        W3Codec(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit),
        indexname,
        doccount=int(record["doccount"]),
        segid=str(record["segid"]),
        deleted=deleted,
    )
    segment.compound = bool(record.get("compound"))
    segment._fieldlengths = {str(k): int(v) for k, v in record.get("fieldlengths", {}).items()}
    return segment


class SignedIndex(FileIndex):  # type: ignore[misc]
    """A Whoosh index whose table of contents is ``wpk_toc.json``, signed and checked by
    :mod:`.trust` (schema from code). Whoosh's ``.toc`` pickle is still written, for Whoosh's
    own tools, and never read."""

    def __init__(self, folder: Path, schema: Any, indexname: str) -> None:
        # FileIndex.__init__ would read the pickled .toc: not called
        self.folder = folder
        self.storage = FileStorage(str(folder))
        self._schema = schema
        self.indexname = indexname
        self._verified: tuple[Any, tuple[int, list[dict[str, Any]]]] | None = None

    @classmethod
    def create_in(cls, folder: Path, schema: Any, indexname: str) -> SignedIndex:
        """A new, empty index in ``folder``."""
        storage = FileStorage(str(folder))
        TOC.create(storage, schema, indexname)
        ix = cls(folder, schema, indexname)
        ix.commit_toc(0, [])
        return ix

    def latest_generation(self) -> int:
        return trust.toc_generation(self.folder)

    def verify(self) -> None:
        """Check the signature and every file now (raises trust.Untrusted)."""
        self._verified_toc()

    def _verified_toc(self) -> tuple[int, list[dict[str, Any]]]:
        try:
            st = (self.folder / trust.TOC_FILE).stat()
            stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError as exc:
            raise trust.Untrusted(f"the index has no table of contents ({exc})") from exc
        if self._verified is None or self._verified[0] != stamp:
            self._verified = (stamp, trust.read_toc(self.folder))
        return self._verified[1]

    def _read_toc(self) -> Any:
        generation, records = self._verified_toc()
        # fresh segment objects each time, as Whoosh's own reading makes: writers change them
        segments = [segment_from(r, self.indexname) for r in records]
        return TOC(self._schema, segments, generation)

    def writer(self, procs: int = 1, **kwargs: Any) -> Any:
        return SignedWriter(self, **kwargs)

    def commit_toc(self, generation: int, segments: list[Any]) -> None:
        """Sign and write the table of contents for ``segments`` at ``generation``."""
        files = [name for s in segments for name in s.list_files(self.storage)]
        trust.write_toc(self.folder, generation, [segment_record(s) for s in segments], files)


class SignedWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer, committing through the signed table of contents."""

    def __init__(self, ix: SignedIndex, **kwargs: Any) -> None:
        super().__init__(ix, **kwargs)
        self.signed_index = ix

    def _commit_toc(self, segments: list[Any]) -> None:
        TOC(self.schema, segments, self.generation).write(self.storage, self.indexname)
        self.signed_index.commit_toc(self.generation, segments)
        clean_files(self.storage, self.indexname, self.generation, segments)
