"""The people doors of the gateway: a part of :class:`wpk_archive.core.archive.Archive`.

People named in the archive, their printed lists and the user's splits (issue #17). Like the rest
of the gateway, one door per method (its signature, its docstring and one call into
:mod:`wpk_archive.core.operations.people` or the store); the work itself is there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from wpk_archive.core import people, shapes
from wpk_archive.core.operations import people as people_ops
from wpk_archive.core.operations.common import ArchiveError
from wpk_archive.core.people import Appearance, Person

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive


def _archive(doors: PeopleDoors) -> Archive:
    """The open archive these doors are part of (as the operations take it)."""
    return cast("Archive", doors)


class PeopleDoors:
    """People, printed lists and the user's splits (mixed into :class:`Archive`)."""

    def people(self) -> list[Person]:
        """Every person named in the archive (the user's splits applied), most appearances
        first."""
        return people_ops.all_people(_archive(self))

    def document_headers(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Title, date, source and URL of the stored documents among ``ids`` (what exports
        say of each source)."""
        return _archive(self)._store.document_headers(ids)

    def newest_date(self) -> str | None:
        """The latest publication date of the archive's articles: what "days absent" counts to
        (an archive of old articles is not about today)."""
        return _archive(self)._store.newest_date()

    def person(self, name_or_id: str) -> Person:
        """One person: by id, else by name or any written form of it (case-insensitively), else
        by any spelling of the name. ArchiveError when none or several match."""
        try:
            return people_ops.find_person(self.people(), name_or_id, _archive(self)._index.variants)
        except people_ops.PeopleError as exc:
            raise ArchiveError(str(exc)) from exc

    def person_detail(self, person: Person | str) -> dict[str, Any]:
        """A person with every appearance and its timeline event (the ``person --json`` shape)."""
        found = self.person(person) if isinstance(person, str) else person
        return people_ops.person_detail(_archive(self), found)

    def split_person(
        self,
        name_or_id: str,
        label: str,
        *,
        office: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_ids: Iterable[str] = (),
        anchors: Iterable[tuple[str, int]] = (),
    ) -> int:
        """Record that some appearances of a person are another person, ``label`` (those whose
        office matches the pattern, in the dates, documents or at the anchors given); kept as the
        user's data and applied after every extraction. Returns the split's id."""
        return people_ops.split_person(
            _archive(self),
            name_or_id,
            label,
            office=office,
            since=since,
            until=until,
            doc_ids=doc_ids,
            anchors=anchors,
        )

    def person_splits(self) -> list[dict[str, Any]]:
        """The user's splits (undone ones too): id, rule, created_at, active."""
        return _archive(self)._store.person_splits(active_only=False)

    def remove_person_split(self, split_id: int) -> None:
        """Undo one of the user's splits (it stays on record, inactive)."""
        archive = _archive(self)
        archive._require_writable()
        if not archive._store.set_person_split_active(split_id, False):
            raise ArchiveError(f"no split {split_id}")

    def printed_lists(self) -> list[people_ops.PrintedList]:
        """Every printed list of names in the archive, newest first."""
        return people_ops.printed_lists(_archive(self))

    def printed_list(self, ref: str) -> tuple[people_ops.PrintedList, list[Appearance]]:
        """One printed list, in printed order: by its id (DOC:PASSAGE:N) or DOC:N."""
        try:
            return people_ops.resolve_list(_archive(self), ref)
        except people_ops.PeopleError as exc:
            raise ArchiveError(str(exc)) from exc

    def compare_lists(self, ref_a: str, ref_b: str) -> dict[str, Any]:
        """Two printed lists compared (a the earlier): their headers, and who moved up, moved
        down, is new in b, is missing from b, stayed (the ``compare-lists --json`` shape)."""
        header_a, a = self.printed_list(ref_a)
        header_b, b = self.printed_list(ref_b)
        comparison = people.compare_lists(
            people_ops.rekeyed(_archive(self), a), people_ops.rekeyed(_archive(self), b)
        )
        return shapes.comparison_to_json(header_a, header_b, comparison)
