"""Re-sent stories in an archive: each imported document compared with the archive's others,
the pairs found stored, grouped, and split apart where the user says they are not one story.

The finding itself is :mod:`wpk_archive.core.ingest.neardup`; this keeps its index in step
with the store. The user's splits are corrections (target_type "document", action "separate",
value: the ids of the documents it is not a re-send of), so they survive re-import and
re-extraction like every correction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from wpk_archive.core.corrections import Correction
from wpk_archive.core.ingest import neardup
from wpk_archive.core.models import Document, Event
from wpk_archive.core.store import Store

SIGNATURE_META = "neardup_signature_version"


class ResentStories:
    """The archive's near-duplicate index (loaded from the store on first use)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._index: neardup.NearDuplicateIndex | None = None

    def _loaded(self) -> neardup.NearDuplicateIndex:
        """The index of the stored signatures, loaded on first use."""
        if self._index is not None:
            return self._index
        index = neardup.NearDuplicateIndex()
        if self.store.get_meta(SIGNATURE_META) not in (None, str(neardup.SIGNATURE_VERSION)):
            self.store.clear_signatures()  # a new signature scheme: every one is redone
            self.store.set_meta(SIGNATURE_META, str(neardup.SIGNATURE_VERSION))
        elif self.store.get_meta(SIGNATURE_META) is None:
            self.store.set_meta(SIGNATURE_META, str(neardup.SIGNATURE_VERSION))
        for doc_id, raw in self.store.signatures():
            if raw:
                index.add(doc_id, np.frombuffer(raw, dtype=np.uint32).copy())
        self._index = index
        return index

    def note(self, docs: Sequence[Document], updated: Iterable[str] = ()) -> int:
        """Compare stored documents (new ones, or new revisions: ``updated``) with the archive
        and with each other, and store their signatures and pairs; call inside a write
        transaction. Returns how many of them are re-sent stories of another document."""
        index = self._loaded()
        changed = set(updated)
        for doc_id in changed:
            index.remove(doc_id)
        batch = {doc.id: doc for doc in docs}
        rows: list[tuple[str, bytes | None]] = []
        resent = 0
        for doc, sig in zip(docs, neardup.signatures([d.text for d in docs]), strict=True):
            rows.append((doc.id, sig.tobytes() if sig is not None else None))
            pairs: list[tuple[str, float]] = []
            if sig is not None:
                for other_id, _estimate in index.matches(doc.id, sig):
                    other = batch.get(other_id) or self.store.document(
                        other_id, with_passages=False
                    )
                    if other is None:
                        continue
                    score = neardup.same_story(doc, other)
                    if score is not None:
                        pairs.append((other_id, score))
                index.add(doc.id, sig)
            if pairs or doc.id in changed:
                self.store.replace_near_duplicates(doc.id, pairs)
            resent += bool(pairs)
        self.store.put_signatures(rows)
        return resent

    def defer(self, updated: Iterable[str]) -> None:
        """A big import notes its documents at its end (:meth:`note_missing`), while the
        indexing process finishes: a new revision's old signature is dropped now so that its
        new text is noted then."""
        changed = list(updated)
        if changed:
            self.store.drop_signatures(changed)
            for doc_id in changed:  # its pairs were of its earlier text
                self.store.replace_near_duplicates(doc_id, [])
                if self._index is not None:
                    self._index.remove(doc_id)

    def note_missing(self, chunk: int = 500) -> int:
        """Note every stored document that has no signature yet (those of a big import, and
        those imported before schema 5), in chunks, each chunk in one transaction."""
        self._loaded()
        missing = self.store.documents_without_signature()
        resent = 0
        for start in range(0, len(missing), chunk):
            with self.store.transaction():
                docs = self.store.documents_without_passages_by_id(missing[start : start + chunk])
                resent += self.note(docs)
        return resent

    def forget(self, doc_id: str) -> None:
        """A deleted document leaves the index (the store's rows went with it)."""
        if self._index is not None:
            self._index.remove(doc_id)

    def group_of(self) -> dict[str, str]:
        """Document id -> group id, for every document of a group of re-sent stories."""
        separated = _separated(self.store.corrections(target_type="document"))
        pairs = [(a, b) for a, b, _ in self.store.near_duplicate_pairs()]
        return neardup.groups(pairs, separated)

    def duplicates(self, doc_id: str) -> list[str]:
        """The other documents of ``doc_id``'s group (its other publications), oldest first."""
        group_of = self.group_of()
        group = group_of.get(doc_id)
        if group is None:
            return []
        others = [d for d, g in group_of.items() if g == group and d != doc_id]
        headers = self.store.document_headers(others)
        return sorted(others, key=lambda d: ((headers.get(d) or {}).get("date") or "", d))

    def count_independent(self, events: Sequence[Event]) -> None:
        """Each event's sources counted with every group of re-sent stories as one."""
        neardup.count_independent(events, self.group_of())


def _separated(corrections: Iterable[Correction]) -> list[tuple[str, str]]:
    """The pairs the user split apart (active "separate" corrections)."""
    pairs: list[tuple[str, str]] = []
    for c in corrections:
        if c.active and c.action == "separate" and isinstance(c.value, list):
            pairs.extend((c.target_id, other) for other in c.value if isinstance(other, str))
    return pairs
