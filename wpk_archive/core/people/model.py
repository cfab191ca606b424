"""Plain data of the people extraction: appearances, people, splits and list comparisons.

Offsets follow :mod:`wpk_archive.core.models`: ``start``/``end`` are half-open offsets into the
document's full text, passages count from 1, dates are ISO strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LIST_KINDS: tuple[str, ...] = (
    "present",
    "accompanied",
    "participants",
    "funeral_committee",
    "presidium",
    "elected",
    "mourners",
    "delegation",
    "other",
)
"""What a list of names is: who was present, who accompanied the leader, who took part, who sat
on a funeral committee or a presidium, who was elected, who mourned, who was in a delegation;
"other" for speakers, greeters and the like."""


@dataclass(frozen=True)
class Appearance:
    """One official named in one document: in a printed list, or with an office in apposition.

    ``name`` is the name as written (``doc.text[start:end]``); ``person_key`` its normalised
    identity (:func:`wpk_archive.core.people.person_key`). Inside a list, ``list_id`` names the
    list (``"{doc_id}:{passage}:{n}"``, n counting the document's lists from 1),
    ``list_position`` counts from 1 in the order printed and ``list_length`` is the number of
    names in the list; outside a list the three are None. ``office`` is the office the text gives
    the person (after the name: "Kim Tok Hun, member of ... and premier of the Cabinet"; or before
    it: "Premier Choe Yong Rim"), None when it gives none. ``doc_date`` is the document's
    publication date.
    """

    doc_id: str
    passage: int
    start: int
    end: int
    name: str
    person_key: str
    list_id: str | None = None
    list_kind: str | None = None
    list_position: int | None = None
    list_length: int | None = None
    office: str | None = None
    doc_date: str | None = None


@dataclass
class Office:
    """One office a person held as the texts give it, and when it was seen."""

    title: str
    first_seen: str | None
    last_seen: str | None
    count: int = 0

    def to_json(self) -> dict[str, Any]:
        """The JSON shape: ``{"title", "first_seen", "last_seen"}``."""
        return {"title": self.title, "first_seen": self.first_seen, "last_seen": self.last_seen}


@dataclass
class Person:
    """One person: every appearance under any written form of the name.

    ``name`` is the most frequent written form, ``variants`` every written form (most frequent
    first); ``first_seen``/``last_seen`` are the earliest and latest publication dates of the
    appearances; ``offices`` the distinct offices (each split at "and"/"," into single offices),
    in the order first seen.
    """

    id: str
    key: str
    name: str
    variants: list[str]
    appearances: list[Appearance]
    first_seen: str | None
    last_seen: str | None
    offices: list[Office] = field(default_factory=list)
    label: str | None = None
    """The label of the user's split that made this person, None for an unsplit person."""

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of the ``people`` listing."""
        return {
            "id": self.id,
            "name": self.name,
            "variants": list(self.variants),
            "appearances": len(self.appearances),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "offices": [office.to_json() for office in self.offices],
        }


@dataclass(frozen=True)
class Split:
    """A user's correction: some appearances of one person belong to another person.

    ``person`` is the person key (or a written form of the name) the rule applies to. An
    appearance moves to the new person ``label`` when it matches every condition given:
    ``office`` a regular expression searched (case-insensitively) in the appearance's office;
    ``since``/``until`` inclusive bounds on its publication date (a prefix such as "2012" or
    "2012-04" works); ``doc_ids`` the documents; ``anchors`` exact appearances as
    ``(doc_id, start)`` (stable across re-extraction: offsets are into the unchanged text).
    A rule with no condition matches nothing. Rules are data: :meth:`to_json` and
    :meth:`from_json` store and read them, and :func:`merge_people` applies them after every
    extraction.
    """

    person: str
    label: str
    office: str | None = None
    since: str | None = None
    until: str | None = None
    doc_ids: tuple[str, ...] = ()
    anchors: tuple[tuple[str, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The rule as a JSON object (only the conditions given)."""
        data: dict[str, Any] = {"person": self.person, "label": self.label}
        if self.office is not None:
            data["office"] = self.office
        if self.since is not None:
            data["since"] = self.since
        if self.until is not None:
            data["until"] = self.until
        if self.doc_ids:
            data["doc_ids"] = list(self.doc_ids)
        if self.anchors:
            data["anchors"] = [[doc_id, start] for doc_id, start in self.anchors]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Split:
        """A rule from its JSON object (see :meth:`to_json`)."""
        return cls(
            person=str(data["person"]),
            label=str(data["label"]),
            office=data.get("office"),
            since=data.get("since"),
            until=data.get("until"),
            doc_ids=tuple(str(d) for d in data.get("doc_ids", ())),
            anchors=tuple((str(a[0]), int(a[1])) for a in data.get("anchors", ())),
        )


@dataclass(frozen=True)
class ListEntry:
    """One person of a list comparison, with the positions in both lists.

    ``position_a``/``position_b`` are the printed positions (None where absent);
    ``rank_a``/``rank_b`` the positions among the people both lists share, which is what
    "moved up" and "moved down" compare (a name dropped above someone does not move them).
    """

    person_key: str
    name: str
    position_a: int | None
    position_b: int | None
    rank_a: int | None = None
    rank_b: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of one entry."""
        return {
            "person_key": self.person_key,
            "name": self.name,
            "position_a": self.position_a,
            "position_b": self.position_b,
            "rank_a": self.rank_a,
            "rank_b": self.rank_b,
        }


@dataclass
class ListComparison:
    """Two lists compared: who moved up or down, who is new in b, who is missing from b."""

    moved_up: list[ListEntry]
    moved_down: list[ListEntry]
    new: list[ListEntry]
    missing: list[ListEntry]
    same: list[ListEntry]

    def to_json(self) -> dict[str, Any]:
        """The JSON shape: one array of entries per group."""
        return {
            group: [entry.to_json() for entry in getattr(self, group)]
            for group in ("moved_up", "moved_down", "new", "missing", "same")
        }
