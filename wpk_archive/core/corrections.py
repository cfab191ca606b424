"""The researcher's corrections, applied on top of what extraction produced.

Corrections are user-authored rows (see ``db/migrations/0003_corrections.sql``), kept apart from
extracted data. Every time the timeline is merged again (after an import, a re-extraction or a
better grammar), :func:`apply_to_events` replays them in order on the fresh events; a correction
whose target no longer exists is returned as an orphan, to be reported, never dropped.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wpk_archive.core.models import EVENT_KINDS, Document, Event, EventSource, Precision

EVENT_FIELDS = ("start", "end", "precision", "kind", "name")
DOCUMENT_FIELDS = ("title", "date", "source", "url")
EXPORT_FORMAT = "wpk-archive-corrections"


class CorrectionError(ValueError):
    """A correction that cannot be taken as given (bad date, unknown kind, …)."""


@dataclass(frozen=True)
class Correction:
    """One user action on an event or a document."""

    id: int
    target_type: str
    target_id: str
    action: str
    field: str | None
    value: Any
    old: Any
    created_at: str
    active: bool = True

    def describe(self) -> str:
        """One line for people."""
        what = f"{self.action} {self.field}={self.value!r}" if self.field else self.action
        return f"#{self.id} {self.target_type} {self.target_id}: {what} ({self.created_at})"


@dataclass
class Applied:
    """Events after corrections, and the corrections whose target was not found."""

    events: list[Event]
    orphans: list[Correction] = field(default_factory=list)


def precision_of(value: str) -> Precision:
    """The precision a date string is written at."""
    return {4: "year", 7: "month"}.get(len(value), "day")  # type: ignore[return-value]


def check_date(value: str) -> str:
    """``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD with sane parts; else CorrectionError."""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        numbers = []
    ok = (
        1 <= len(parts) <= 3
        and [len(p) for p in parts] == [4, 2, 2][: len(parts)]
        and len(numbers) == len(parts)
        and 1 <= (numbers[1] if len(numbers) > 1 else 1) <= 12
        and 1 <= (numbers[2] if len(numbers) > 2 else 1) <= 31
    )
    if not ok:
        raise CorrectionError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def check_event_value(name: str, value: Any) -> Any:
    """Validate a new value for an event field."""
    if name in ("start", "end"):
        return None if value in (None, "") else check_date(str(value))
    if name == "precision":
        if value not in ("day", "month", "year"):
            raise CorrectionError("precision is one of day, month, year")
        return value
    if name == "kind":
        if value not in EVENT_KINDS:
            raise CorrectionError(f"kind is one of {', '.join(EVENT_KINDS)}")
        return value
    if name == "name":
        text = str(value).strip()
        if not text:
            raise CorrectionError("an event needs a name")
        return text
    raise CorrectionError(f"events have no field {name!r}; use {', '.join(EVENT_FIELDS)}")


def source_key(source: EventSource) -> str:
    """How a correction names one source of an event."""
    return f"{source.doc_id}:{source.passage}:{source.start}"


def manual_event_id(value: dict[str, Any], created_at: str) -> str:
    """Id of a hand-made event: stable for the same content and moment."""
    raw = json.dumps(value, sort_keys=True) + created_at
    return "u" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:11]


def _event_from_value(event_id: str, value: dict[str, Any]) -> Event:
    start = value.get("start")
    end = value.get("end") or start
    return Event(
        id=event_id,
        kind=value.get("kind", "other"),
        name=value.get("name", "Event"),
        key=f"user:{event_id}",
        start=start,
        end=end,
        precision=value.get("precision") or (precision_of(start) if start else None),
        year_inferred=False,
        sources=[
            EventSource(
                doc_id=value["doc_id"],
                passage=int(value["passage"]),
                start=int(value["span_start"]),
                end=int(value["span_end"]),
                quote=value.get("quote", ""),
                start_date=start,
                end_date=end,
                precision=value.get("precision") or (precision_of(start) if start else None),
            )
        ],
        manual=True,
    )


def _sort_key(event: Event) -> tuple[bool, str, str]:
    return (event.start is None, event.start or "", event.name)


def apply_to_events(events: Iterable[Event], corrections: Iterable[Correction]) -> Applied:
    """Replay event corrections (in id order) on freshly merged events."""
    result = [copy.deepcopy(e) for e in events]
    by_id = {e.id: e for e in result}
    orphans: list[Correction] = []
    for c in sorted(corrections, key=lambda c: c.id):
        if not c.active or c.target_type != "event":
            continue
        if c.action == "add":
            made = _event_from_value(c.target_id, c.value)
            by_id[made.id] = made
            result.append(made)
            continue
        event = by_id.get(c.target_id)
        if event is None:
            orphans.append(c)
            continue
        if c.action == "set" and c.field in EVENT_FIELDS:
            _set_field(event, c.field, c.value)
        elif c.action == "reject":
            event.rejected = True
        elif c.action == "restore":
            event.rejected = False
        elif c.action == "join":
            other = by_id.pop(str(c.value), None)
            if other is None:
                orphans.append(c)
                continue
            result.remove(other)
            known = {source_key(s) for s in event.sources}
            event.sources.extend(s for s in other.sources if source_key(s) not in known)
            event.corrected.setdefault("joined", []).append(other.id)
        elif c.action == "split":
            keys = set(c.value.get("sources", []))
            moved = [s for s in event.sources if source_key(s) in keys]
            if not moved or len(moved) == len(event.sources):
                orphans.append(c)
                continue
            event.sources = [s for s in event.sources if source_key(s) not in keys]
            part = copy.deepcopy(event)
            part.id = str(c.value["new_id"])
            part.key = f"user:{part.id}"
            part.sources = moved
            part.corrected = {"split_from": event.id}
            part.manual = True
            by_id[part.id] = part
            result.append(part)
    result.sort(key=_sort_key)
    return Applied(result, orphans)


def _set_field(event: Event, name: str, value: Any) -> None:
    if name not in event.corrected:
        event.corrected[name] = getattr(event, name)
    setattr(event, name, value)
    if name == "start" and value:
        # a date is written at its precision; an explicit later precision correction wins
        event.corrected.setdefault("precision", event.precision)
        event.precision = precision_of(value)
        if (event.end is None or event.end < value) and "end" not in event.corrected:
            event.corrected["end"] = event.end
            event.end = value
    if name == "start":
        event.year_inferred = False


def apply_to_document(doc: Document, corrections: Iterable[Correction]) -> dict[str, Any]:
    """Set corrected metadata on ``doc`` in place; returns field -> the extracted value replaced."""
    replaced: dict[str, Any] = {}
    for c in sorted(corrections, key=lambda c: c.id):
        if not c.active or c.target_type != "document" or c.target_id != doc.id:
            continue
        if c.action == "set" and c.field in DOCUMENT_FIELDS:
            replaced.setdefault(c.field, getattr(doc, c.field))
            setattr(doc, c.field, c.value)
    return replaced


def export_corrections(corrections: Iterable[Correction], exported_at: str) -> dict[str, Any]:
    """Corrections as JSON-ready data, to import into another archive."""
    return {
        "format": EXPORT_FORMAT,
        "version": 1,
        "exported_at": exported_at,
        "corrections": [
            {
                "target_type": c.target_type,
                "target_id": c.target_id,
                "action": c.action,
                "field": c.field,
                "value": c.value,
                "old": c.old,
                "created_at": c.created_at,
            }
            for c in sorted(corrections, key=lambda c: c.id)
            if c.active
        ],
    }


def read_export(data: Any) -> list[dict[str, Any]]:
    """The correction rows of an export, checked; CorrectionError when it is not one."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise CorrectionError("not a WPK Archive corrections file")
    rows = data.get("corrections")
    if not isinstance(rows, list):
        raise CorrectionError("the corrections file has no list of corrections")
    needed = {"target_type", "target_id", "action", "created_at"}
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not needed <= set(row):
            raise CorrectionError(f"correction {i} of the file lacks {', '.join(sorted(needed))}")
    return rows
