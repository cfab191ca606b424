"""People in the archive: what the :class:`~wpk_archive.core.archive.Archive` gateway delegates
to for officials, their printed lists and the user's splits.

Appearances are extracted at import (and again when :data:`people.PEOPLE_VERSION` changes, or on
``reextract``) and stored per document; people are merged from them whenever they are asked
for, with the archive's variants table and the user's splits (stored apart, never written by
extraction), so a split survives every re-extraction. An appearance's timeline event is the
event with a source in the same document and passage, read from the current timeline.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wpk_archive.core import people
from wpk_archive.core.models import Document
from wpk_archive.core.operations.common import ArchiveError
from wpk_archive.core.people import Appearance, Person, Split
from wpk_archive.core.search.variants import Variants
from wpk_archive.core.validation import date_problem, parse_date_value

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive

PEOPLE_META = "people_version"
"""Meta key: the :data:`people.PEOPLE_VERSION` the stored appearances were extracted with."""


class PeopleError(ValueError):
    """A person or list that cannot be found, or a split that cannot be made (worded for people)."""


def put_appearances(archive: Archive, docs: Iterable[Document]) -> None:
    """Extract and store the appearances of ``docs`` (inside the caller's transaction)."""
    for doc in docs:
        archive._store.put_appearances(doc.id, people.extract_appearances(doc))


def splits(archive: Archive) -> list[Split]:
    """The user's active splits, in the order made (unreadable rules skipped)."""
    found = []
    for row in archive._store.person_splits():
        rule = row["rule"]
        if isinstance(rule, dict):
            try:
                found.append(Split.from_json(rule))
            except (KeyError, TypeError, ValueError):
                continue
    return found


def all_people(archive: Archive) -> list[Person]:
    """Every person named in the archive, most appearances first."""
    return people.merge_people(
        archive._store.appearances(), splits(archive), archive._index.variants
    )


def find_person(
    candidates: Sequence[Person], name_or_id: str, variants: Variants | None = None
) -> Person:
    """The person with this id, else the one whose name, else one of whose written forms, else
    whose key (any spelling of the name) matches ``name_or_id``, case-insensitively.

    PeopleError when none matches, or several do at the same step (the message lists them)."""
    wanted = name_or_id.strip()
    for person in candidates:
        if person.id == wanted:
            return person
    folded = wanted.casefold()
    key = people.person_key(wanted, variants)
    steps = (
        lambda p: p.name.casefold() == folded,
        lambda p: any(v.casefold() == folded for v in p.variants),
        lambda p: p.key == key,
    )
    for step in steps:
        matches = [p for p in candidates if step(p)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            shown = "; ".join(f"{p.id} {p.name} ({len(p.appearances)})" for p in matches[:10])
            raise PeopleError(f"{len(matches)} people are named {wanted!r}: {shown}; give an id")
    raise PeopleError(f"no person named {wanted!r} in the archive (wpk-archive people lists them)")


def event_links(archive: Archive, appearances: Iterable[Appearance]) -> dict[tuple[str, int], str]:
    """(document id, passage) -> the timeline event with a source in that passage (the first in
    text order), for the passages of ``appearances`` that have one."""
    sources = archive._store.event_sources_in((a.doc_id, a.passage) for a in appearances)
    return {key: found[0][1] for key, found in sources.items() if found}


def person_detail(archive: Archive, person: Person) -> dict[str, Any]:
    """The ``person --json`` shape: the person with every appearance, each with its event."""
    return people.person_to_json(person, event_links(archive, person.appearances))


# -- the user's splits ------------------------------------------------------------------------


def _bound(value: str | None, what: str) -> str | None:
    if value is None or not value.strip():
        return None
    parsed = parse_date_value(value)
    if parsed is None:
        raise PeopleError(f"{what} {date_problem(value)}")
    return parsed


def make_split(
    archive: Archive,
    person: Person,
    label: str,
    *,
    office: str | None = None,
    since: str | None = None,
    until: str | None = None,
    doc_ids: Sequence[str] = (),
    anchors: Sequence[tuple[str, int]] = (),
) -> Split:
    """A split of ``person``'s appearances checked as the user wrote it: a label, at least one
    condition, a regular expression that compiles, dates that exist, documents in the archive,
    and at least one appearance (not all) that it moves."""
    label = " ".join(label.split())
    if not label or len(label) > 80:
        raise PeopleError("give the new person a label of 1 to 80 characters")
    if office is not None:
        try:
            re.compile(office)
        except re.error as exc:
            raise PeopleError(
                f"the office pattern {office!r} is not a regular expression: {exc}"
            ) from exc
    known = {doc_id for doc_id in doc_ids if archive._store.document_hash(doc_id) is not None}
    missing = [d for d in doc_ids if d not in known]
    if missing:
        raise PeopleError(f"no document {missing[0]} in the archive")
    rule = Split(
        person=person.key,
        label=label,
        office=office or None,
        since=_bound(since, "since:"),
        until=_bound(until, "until:"),
        doc_ids=tuple(doc_ids),
        anchors=tuple(anchors),
    )
    if rule.to_json().keys() <= {"person", "label"}:
        raise PeopleError("say which appearances are the other person (office, dates, documents)")
    moved = sum(1 for a in person.appearances if people.split_matches(rule, a))
    if moved == 0:
        raise PeopleError(f"the split matches none of the {len(person.appearances)} appearances")
    if moved == len(person.appearances):
        raise PeopleError("the split matches every appearance: nothing would be left to split")
    return rule


@dataclass(frozen=True)
class PrintedList:
    """One printed list of the archive, as the list pickers show it."""

    list_id: str
    doc_id: str
    passage: int
    kind: str | None
    length: int
    title: str
    date: str | None
    number: int
    """The list's number in its document (from 1)."""

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of a list header."""
        return {
            "list_id": self.list_id,
            "doc_id": self.doc_id,
            "number": self.number,
            "passage": self.passage,
            "kind": self.kind,
            "length": self.length,
            "title": self.title,
            "date": self.date,
        }


def printed_lists(archive: Archive) -> list[PrintedList]:
    """Every printed list in the archive, newest first."""
    return [_header(row) for row in archive._store.printed_lists()]


def _header(row: dict[str, Any]) -> PrintedList:
    return PrintedList(
        list_id=row["list_id"],
        doc_id=row["doc_id"],
        passage=int(row["passage"]),
        kind=row["kind"],
        length=int(row["length"]),
        title=row["title"],
        date=row["date"],
        number=int(str(row["list_id"]).rsplit(":", 1)[1]),
    )


def resolve_list(archive: Archive, ref: str) -> tuple[PrintedList, list[Appearance]]:
    """A list from its id (``DOC:PASSAGE:N``, as ``person --json`` gives it) or from a document
    and the list's number in it (``DOC:N``; a unique prefix of the document id will do)."""
    parts = ref.strip().split(":")
    if len(parts) not in (2, 3) or not all(parts) or not parts[-1].isdigit():
        raise PeopleError(
            f"{ref!r} names no list: give a list id DOC:PASSAGE:N (see person --json) or a "
            "document and the list's number in it, DOC:N"
        )
    doc = archive.document(parts[0])
    if doc is None:
        raise PeopleError(f"no document {parts[0]} in the archive")
    members = people.lists_of(archive._store.appearances(doc_id=doc.id))
    if len(parts) == 3:
        list_id = f"{doc.id}:{parts[1]}:{parts[2]}"
    else:
        numbered = {int(k.rsplit(":", 1)[1]): k for k in members}
        list_id = numbered.get(int(parts[1]), "")
    if list_id not in members:
        count = len(members)
        raise PeopleError(
            f"document {doc.id} has no list {ref.split(':', 1)[1]} "
            f"(it has {count} printed list{'s' if count != 1 else ''})"
        )
    items = members[list_id]
    header = PrintedList(
        list_id=list_id,
        doc_id=doc.id,
        passage=items[0].passage,
        kind=items[0].list_kind,
        length=len(items),
        title=doc.title,
        date=doc.date,
        number=int(list_id.rsplit(":", 1)[1]),
    )
    return header, items


def rekeyed(archive: Archive, items: Sequence[Appearance]) -> list[Appearance]:
    """Appearances keyed with the archive's variants table (as people are merged)."""
    variants = archive._index.variants
    return [dataclasses.replace(a, person_key=people.person_key(a.name, variants)) for a in items]


def upgrade(archive: Archive, batch: int) -> int:
    """Extract every document's appearances again (the extraction changed since they were
    stored); returns the number of documents read."""
    done = 0
    pending: list[Document] = []
    for doc in archive._store.iter_documents():
        pending.append(doc)
        if len(pending) >= batch:
            with archive._store.transaction():
                put_appearances(archive, pending)
            done += len(pending)
            pending = []
    with archive._store.transaction():
        put_appearances(archive, pending)
        archive._store.set_meta(PEOPLE_META, str(people.PEOPLE_VERSION))
    return done + len(pending)


def split_person(
    archive: Archive,
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
    archive._require_writable()
    person = archive.person(name_or_id)
    try:
        rule = make_split(
            archive,
            person,
            label,
            office=office,
            since=since,
            until=until,
            doc_ids=[document_id(archive, d) for d in doc_ids],
            anchors=[(document_id(archive, d), offset) for d, offset in anchors],
        )
    except PeopleError as exc:
        raise ArchiveError(str(exc)) from exc
    return archive._store.add_person_split(rule.to_json())


def document_id(archive: Archive, doc_id: str) -> str:
    doc = archive._store.document_headers([doc_id]).get(doc_id)
    if doc is not None:
        return doc_id
    matches = archive._store.find_document_ids(doc_id) if len(doc_id) >= 4 else []
    if len(matches) == 1:
        return matches[0]
    raise ArchiveError(f"no document {doc_id} in the archive")
