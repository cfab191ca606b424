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
        self._pending: list[tuple[str, np.ndarray]] = []

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
        signed = self._sign(docs, updated)
        self.store.put_signatures((doc_id, sig.tobytes()) for doc_id, sig in signed)
        known = {doc.id: doc for doc in docs}
        return sum(self._match(doc_id, sig, known) for doc_id, sig in signed)

    def sign(self, docs: Sequence[Document], updated: Iterable[str] = ()) -> None:
        """For a big import: sign a batch now (its texts are at hand) and compare it at the
        end (:meth:`note_pending`), while the indexing process finishes. Until then its
        signatures are not stored: cut short, the next :meth:`note_pending` reads them again."""
        self._pending.extend(self._sign(docs, updated))

    def note_pending(self, chunk: int = 500) -> int:
        """Compare the documents signed by :meth:`sign` (and any stored document without a
        signature: one whose import was cut short, or imported before schema 5) with the
        archive; returns how many are re-sent stories. Each chunk is one transaction."""
        pending, self._pending = self._pending, []
        resent = 0
        for start in range(0, len(pending), chunk):
            part = pending[start : start + chunk]
            with self.store.transaction():
                self.store.put_signatures((doc_id, sig.tobytes()) for doc_id, sig in part)
                known: dict[str, Document] = {}
                resent += sum(self._match(doc_id, sig, known) for doc_id, sig in part)
        missing = self.store.documents_without_signature()
        for start in range(0, len(missing), chunk):
            with self.store.transaction():
                docs = self.store.documents_without_passages_by_id(missing[start : start + chunk])
                resent += self.note(docs)
        return resent

    def _sign(
        self, docs: Sequence[Document], updated: Iterable[str]
    ) -> list[tuple[str, np.ndarray]]:
        """The signatures of ``docs`` (texts too short for one are recorded as such now; a new
        revision's pairs, of its earlier text, are dropped)."""
        index = self._loaded()
        for doc_id in updated:
            index.remove(doc_id)
            self.store.replace_near_duplicates(doc_id, [])
        short: list[tuple[str, bytes | None]] = []
        signed: list[tuple[str, np.ndarray]] = []
        for doc, sig in zip(docs, neardup.signatures([d.text for d in docs]), strict=True):
            if sig is None:
                short.append((doc.id, None))
            else:
                signed.append((doc.id, sig))
        self.store.put_signatures(short)
        if updated:
            self.store.drop_signatures(d for d, _ in signed)  # the earlier text's
        return signed

    def _match(self, doc_id: str, sig: np.ndarray, known: dict[str, Document]) -> bool:
        """Compare one signed document with the indexed ones (then index it); store its pairs.
        ``known``: documents at hand, by id (others are read when a candidate needs them)."""
        index = self._loaded()
        pairs: list[tuple[str, float]] = []
        for other_id, _estimate in index.matches(doc_id, sig):
            doc, other = (self._text_of(d, known) for d in (doc_id, other_id))
            if doc is None or other is None:
                continue
            score = neardup.same_story(doc, other)
            if score is not None:
                pairs.append((other_id, score))
        index.add(doc_id, sig)
        if pairs:
            self.store.replace_near_duplicates(doc_id, pairs)
        return bool(pairs)

    def _text_of(self, doc_id: str, known: dict[str, Document]) -> Document | None:
        if doc_id not in known:
            found = self.store.document(doc_id, with_passages=False)
            if found is None:
                return None
            known[doc_id] = found
        return known[doc_id]

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
