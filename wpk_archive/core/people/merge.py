"""Appearances of all documents merged into people: one person per key, split where the user
said two people share a name; and the JSON shapes of people and appearances."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from wpk_archive.core.people.model import Appearance, Office, Person, Split
from wpk_archive.core.people.names import person_key
from wpk_archive.core.people.offices import office_key, split_offices
from wpk_archive.core.search.variants import Variants


def person_id(key: str, label: str | None = None) -> str:
    """A person's stable id: from the key (and the split's label), so it survives re-extraction."""
    seed = key if label is None else f"{key}\x00{label}"
    return "p" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:10]


def split_matches(split: Split, appearance: Appearance) -> bool:
    """Whether ``appearance`` is one of those ``split`` moves to another person."""
    conditions = 0
    if split.office is not None:
        conditions += 1
        if appearance.office is None or not re.search(split.office, appearance.office, re.I):
            return False
    if split.since is not None:
        conditions += 1
        if appearance.doc_date is None or appearance.doc_date[: len(split.since)] < split.since:
            return False
    if split.until is not None:
        conditions += 1
        if appearance.doc_date is None or appearance.doc_date[: len(split.until)] > split.until:
            return False
    if split.doc_ids:
        conditions += 1
        if appearance.doc_id not in split.doc_ids:
            return False
    if split.anchors:
        conditions += 1
        if (appearance.doc_id, appearance.start) not in split.anchors:
            return False
    return conditions > 0


def merge_people(
    appearances: Iterable[Appearance],
    splits: Sequence[Split] = (),
    variants: Variants | None = None,
) -> list[Person]:
    """People from appearances: one per person key, most appearances first.

    Each split rule (in order; the first that matches wins) moves the appearances it matches
    from its person to a person of its own, labelled by the rule. ``variants`` re-keys the
    appearances with a user's variants table (their stored ``person_key`` otherwise).
    """
    by_key: dict[str, list[Appearance]] = {}
    for appearance in appearances:
        key = appearance.person_key
        if variants is not None:
            key = person_key(appearance.name, variants)
        by_key.setdefault(key, []).append(appearance)
    rules: dict[str, list[Split]] = {}
    ids = {person_id(key): key for key in by_key}
    for split in splits:
        key = ids.get(split.person) or person_key(split.person, variants)
        rules.setdefault(key, []).append(split)
    groups: dict[tuple[str, str | None], list[Appearance]] = {}
    for key, items in by_key.items():
        for appearance in items:
            label = next(
                (s.label for s in rules.get(key, ()) if split_matches(s, appearance)), None
            )
            groups.setdefault((key, label), []).append(appearance)
    people = [_person(key, label, items) for (key, label), items in groups.items()]
    people.sort(key=lambda p: (-len(p.appearances), p.name, p.id))
    return people


def _person(key: str, label: str | None, items: list[Appearance]) -> Person:
    items = sorted(items, key=lambda a: (a.doc_date or "", a.doc_id, a.start))
    forms = Counter(a.name for a in items)
    first_index: dict[str, int] = {}
    for index, appearance in enumerate(items):
        first_index.setdefault(appearance.name, index)
    variants = sorted(forms, key=lambda f: (-forms[f], first_index[f]))
    dates = [a.doc_date for a in items if a.doc_date]
    name = variants[0] if label is None else f"{variants[0]} ({label})"
    return Person(
        id=person_id(key, label),
        key=key,
        name=name,
        variants=variants,
        appearances=items,
        first_seen=min(dates) if dates else None,
        last_seen=max(dates) if dates else None,
        offices=offices_of(items),
        label=label,
    )


def offices_of(appearances: Iterable[Appearance]) -> list[Office]:
    """The single offices the appearances give, spellings of one office grouped, in the order
    first seen; each titled by its most frequent spelling."""
    groups: dict[str, list[tuple[str, str | None]]] = {}
    for appearance in appearances:
        if not appearance.office:
            continue
        for title in split_offices(appearance.office):
            groups.setdefault(office_key(title), []).append((title, appearance.doc_date))
    offices = []
    for seen in groups.values():
        titles = Counter(title for title, _ in seen)
        dates = [d for _, d in seen if d]
        offices.append(
            Office(
                title=titles.most_common(1)[0][0],
                first_seen=min(dates) if dates else None,
                last_seen=max(dates) if dates else None,
                count=len(seen),
            )
        )
    offices.sort(key=lambda o: (o.first_seen or "", -o.count, o.title))
    return offices


def days_absent(person: Person, as_of: date) -> int | None:
    """Days from the person's last appearance to ``as_of`` (None without a dated appearance)."""
    if person.last_seen is None or len(person.last_seen) < 10:
        return None
    return (as_of - date.fromisoformat(person.last_seen[:10])).days


def appearances_per_month(person: Person) -> list[tuple[str, int]]:
    """("YYYY-MM", count) for every month from the first to the last appearance, zeros included
    (what a chart of appearances over time draws)."""
    counts = Counter(a.doc_date[:7] for a in person.appearances if a.doc_date)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        period = f"{year:04d}-{month:02d}"
        months.append((period, counts.get(period, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def lists_of(appearances: Iterable[Appearance]) -> dict[str, list[Appearance]]:
    """The printed lists among ``appearances``, by list id, each in printed order."""
    lists: dict[str, list[Appearance]] = {}
    for appearance in appearances:
        if appearance.list_id is not None:
            lists.setdefault(appearance.list_id, []).append(appearance)
    for members in lists.values():
        members.sort(key=lambda a: (a.list_position or 0, a.start))
    return lists
