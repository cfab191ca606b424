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
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from wpk_archive.core import validation
from wpk_archive.core.models import Document, Event, EventSource, Precision
from wpk_archive.core.validation import ValidationError

EVENT_FIELDS = ("start", "end", "precision", "kind", "name")
DOCUMENT_FIELDS = ("title", "date", "source", "url")
EXPORT_FORMAT = "wpk-archive-corrections"


class CorrectionError(ValidationError):
    """A correction that cannot be taken as given (bad date, unknown kind, …)."""


class UnreadableValue(str):
    """A stored value that is not JSON (the store was edited by hand): never applied."""

    __slots__ = ()


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
        """One line for people (plain text: control characters in values are not printed)."""
        what = f"{self.action} {self.field}={self.value!r}" if self.field else self.action
        if self.action == "join":
            what = f"join {self.value!r}"
        line = f"#{self.id} {self.target_type} {self.target_id}: {what} ({self.created_at})"
        return "".join(ch if ch.isprintable() else "?" for ch in line)


@dataclass
class Applied:
    """Events after corrections, the corrections whose target was not found, and those that
    could not be applied (each with the reason); both kinds are kept on record, never dropped."""

    events: list[Event]
    orphans: list[Correction] = field(default_factory=list)
    failed: list[tuple[Correction, str]] = field(default_factory=list)


def precision_of(value: str) -> Precision:
    """The precision a date string is written at."""
    return {4: "year", 7: "month"}.get(len(value), "day")  # type: ignore[return-value]


def _checked(check: Callable[..., Any], *args: Any) -> Any:
    try:
        return check(*args)
    except ValidationError as exc:
        raise CorrectionError(str(exc)) from None


def check_date(value: str) -> str:
    """``value`` if it is a real date written YYYY, YYYY-MM or YYYY-MM-DD; else CorrectionError."""
    return str(_checked(validation.check_date, value))


def check_event_value(name: str, value: Any) -> Any:
    """Validate a new value for an event field (the same rules for dialogs, CLI and files)."""
    if name in ("start", "end"):
        return _checked(validation.check_optional_date, value)
    if name == "precision":
        return _checked(validation.check_precision, value)
    if name == "kind":
        return _checked(validation.check_kind, value)
    if name == "name":
        return _checked(validation.check_name, value)
    raise CorrectionError(f"events have no field {name!r}; use {', '.join(EVENT_FIELDS)}")


def check_document_value(name: str, value: Any) -> Any:
    """Validate a new value for a document field (title, date, source, url)."""
    if name not in DOCUMENT_FIELDS:
        raise CorrectionError(f"documents have no field {name!r}; use {', '.join(DOCUMENT_FIELDS)}")
    return _checked(validation.check_document_value, name, value)


def check_added_event(value: Any) -> dict[str, Any]:
    """The value of an "add" correction (a hand-made event), checked field by field."""
    if not isinstance(value, dict):
        raise CorrectionError(
            "an added event needs its fields (kind, name, start, doc_id, passage)"
        )
    checked: dict[str, Any] = {
        "kind": check_event_value("kind", value.get("kind", "other")),
        "name": check_event_value("name", value.get("name")),
        "start": check_event_value("start", value.get("start")),
        "end": check_event_value("end", value.get("end")),
        "doc_id": _checked(validation.check_identifier, value.get("doc_id"), "document id"),
    }
    if value.get("precision") is not None:
        checked["precision"] = check_event_value("precision", value["precision"])
    numbers = {}
    for name in ("passage", "span_start", "span_end"):
        number = value.get(name)
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number < 2**40:
            raise CorrectionError(f"an added event's {name} must be a whole number")
        numbers[name] = number
    if numbers["passage"] < 1 or numbers["span_start"] >= numbers["span_end"]:
        raise CorrectionError("an added event needs a passage from 1 and a span start < end")
    checked.update(numbers)
    quote = value.get("quote", "")
    if not isinstance(quote, str) or len(quote) > 100_000:
        raise CorrectionError("an added event's quote must be text (at most 100,000 characters)")
    checked["quote"] = validation.clean_text(quote)
    if checked["start"] and checked["end"] and checked["end"] < checked["start"]:
        raise CorrectionError("an added event cannot end before it starts")
    return checked


def check_split(value: Any) -> dict[str, Any]:
    """The value of a "split" correction: the source keys moved, and the new event's id."""
    if not isinstance(value, dict) or not isinstance(value.get("sources"), list):
        raise CorrectionError("a split needs the list of sources it moves and the new event id")
    keys = value["sources"]
    if not keys or not all(isinstance(k, str) and _SOURCE_KEY.fullmatch(k) for k in keys):
        raise CorrectionError("a split names its sources as DOC:PASSAGE:OFFSET")
    return {
        "sources": sorted(set(keys)),
        "new_id": _checked(validation.check_identifier, value.get("new_id"), "event id"),
    }


_SOURCE_KEY = re.compile(r"[\w.-]{1,200}:\d{1,9}:\d{1,12}", re.ASCII)
EVENT_ACTIONS = ("set", "reject", "restore", "add", "join", "split")
DOCUMENT_ACTIONS = ("set", "delete", "separate")
"""``separate``: the document is not a re-send of the documents its value lists (a wrong group
of near-duplicates split by the user)."""


def check_correction(
    target_type: Any, target_id: Any, action: Any, field_name: Any, value: Any
) -> tuple[str | None, Any]:
    """(field, value) of one correction as it may be stored and replayed; CorrectionError if not.

    The same rules as the dialogs and the CLI's edits, applied to every correction, from a file
    or from the store: a real date, a known kind, a plain-text name, no self-join.
    """
    if target_type not in ("event", "document"):
        raise CorrectionError(f"{target_type!r} is not a target: use event or document")
    if isinstance(value, UnreadableValue):
        raise CorrectionError("its stored value is not readable (not JSON)")
    _checked(validation.check_identifier, target_id, f"{target_type} id")
    actions = EVENT_ACTIONS if target_type == "event" else DOCUMENT_ACTIONS
    if action not in actions:
        raise CorrectionError(
            f"{action!r} is not something done to a {target_type}: use {', '.join(actions)}"
        )
    if action == "set":
        if target_type == "event":
            if field_name not in EVENT_FIELDS:
                raise CorrectionError(f"events have no field {field_name!r}")
            return field_name, check_event_value(field_name, value)
        if field_name not in DOCUMENT_FIELDS:
            raise CorrectionError(f"documents have no field {field_name!r}")
        return field_name, check_document_value(field_name, value)
    if action == "add":
        return None, check_added_event(value)
    if action == "join":
        other = _checked(validation.check_identifier, value, "event id")
        if other == target_id:
            raise CorrectionError("an event cannot be joined with itself")
        return None, other
    if action == "split":
        return None, check_split(value)
    if action == "separate":
        if not isinstance(value, list) or not value:
            raise CorrectionError("a separation names the documents it is apart from")
        others = [_checked(validation.check_identifier, v, "document id") for v in value]
        if target_id in others:
            raise CorrectionError("a document cannot be separated from itself")
        return None, sorted(set(others))
    return None, None  # reject, restore, delete carry no value


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
    """Replay event corrections (in id order) on freshly merged events.

    A correction is checked again before it is replayed (it may come from an older program or a
    file): one that is not valid, or that fails, is skipped and listed in ``failed`` with the
    reason, so a bad row never stops the timeline from being built.
    """
    result = [copy.deepcopy(e) for e in events]
    by_id = {e.id: e for e in result}
    applied = Applied(result)
    for c in sorted(corrections, key=lambda c: c.id):
        if not c.active or c.target_type != "event":
            continue
        try:
            _, value = check_correction(c.target_type, c.target_id, c.action, c.field, c.value)
        except CorrectionError as exc:
            applied.failed.append((c, str(exc)))
            continue
        if c.action == "add":
            if c.target_id in by_id:
                applied.failed.append((c, f"an event {c.target_id} exists already"))
                continue
            made = _event_from_value(c.target_id, value)
            by_id[made.id] = made
            result.append(made)
            continue
        event = by_id.get(c.target_id)
        if event is None:
            applied.orphans.append(c)
            continue
        before = copy.deepcopy(event)
        try:
            if not _apply_one(event, c, value, by_id, result):
                applied.orphans.append(c)
        except Exception as exc:  # a replay never takes the timeline down: skip and report
            event.__dict__.update(before.__dict__)
            applied.failed.append((c, f"could not be applied ({type(exc).__name__}: {exc})"))
    result.sort(key=_sort_key)
    return applied


def _apply_one(
    event: Event, c: Correction, value: Any, by_id: dict[str, Event], result: list[Event]
) -> bool:
    """Apply one checked correction to ``event``; False when what it names is not there."""
    if c.action == "set" and c.field in EVENT_FIELDS:
        _set_field(event, c.field, value)
    elif c.action == "reject":
        event.rejected = True
    elif c.action == "restore":
        event.rejected = False
    elif c.action == "join":
        other = by_id.get(str(value))
        if other is None or other is event:
            return False
        del by_id[other.id]
        result.remove(other)
        known = {source_key(s) for s in event.sources}
        event.sources.extend(s for s in other.sources if source_key(s) not in known)
        event.corrected.setdefault("joined", []).append(other.id)
    elif c.action == "split":
        keys = set(value["sources"])
        moved = [s for s in event.sources if source_key(s) in keys]
        if not moved or len(moved) == len(event.sources) or value["new_id"] in by_id:
            return False
        event.sources = [s for s in event.sources if source_key(s) not in keys]
        part = copy.deepcopy(event)
        part.id = str(value["new_id"])
        part.key = f"user:{part.id}"
        part.sources = moved
        part.corrected = {"split_from": event.id}
        part.manual = True
        by_id[part.id] = part
        result.append(part)
    return True


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
            try:
                value = check_document_value(c.field, c.value)
            except CorrectionError:
                continue  # listed by the archive's check of its corrections; never applied
            replaced.setdefault(c.field, getattr(doc, c.field))
            setattr(doc, c.field, value)
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
                # a delete keeps the document's text for undo; an export does not carry it
                "old": {"title": c.old.get("title")}
                if c.action == "delete" and isinstance(c.old, dict)
                else c.old,
                "created_at": c.created_at,
            }
            for c in sorted(corrections, key=lambda c: c.id)
            if c.active
        ],
    }


def describe_issues(applied: Applied) -> dict[int, str]:
    """Correction id -> why it did nothing, for the orphans and failures of one replay."""
    issues = {
        c.id: "target not found: the event is not on the timeline now (kept)"
        for c in applied.orphans
    }
    issues.update({c.id: f"not applied: {reason}" for c, reason in applied.failed})
    return issues


@dataclass
class CorrectionsImport:
    """What an import of a corrections file did."""

    added: int = 0
    already: int = 0
    deleted: int = 0
    refused: list[RowRefusal] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people."""
        line = f"imported {self.added} correction(s), {self.already} already present"
        if self.deleted:
            line += f", {self.deleted} document(s) deleted"
        if self.refused:
            line += f", {len(self.refused)} refused"
        return line


@dataclass(frozen=True)
class RowRefusal:
    """A row of a corrections file that was not taken, and why (rows count from 1)."""

    row: int
    problem: str

    def __str__(self) -> str:
        return f"correction {self.row}: {self.problem}"


def read_export(
    data: Any, *, allow_deletes: bool = False
) -> tuple[list[dict[str, Any]], list[RowRefusal]]:
    """The valid correction rows of an export, and each refused row with its number and reason.

    CorrectionError when ``data`` is not a corrections export at all. Each row is checked with
    the rules of the dialogs and the CLI (:func:`check_correction`); a ``delete`` row is taken
    only with ``allow_deletes``. Rows come back with checked values (``old`` dropped: the
    archive that imports them records its own current value).
    """
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise CorrectionError("not a WPK Archive corrections file")
    if data.get("version", 1) != 1:
        raise CorrectionError(
            f"corrections file version {data.get('version')!r} is not known; this program reads 1"
        )
    rows = data.get("corrections")
    if not isinstance(rows, list):
        raise CorrectionError("the corrections file has no list of corrections")
    needed = ("target_type", "target_id", "action", "created_at")
    good: list[dict[str, Any]] = []
    refused: list[RowRefusal] = []
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not set(needed) <= set(row):
            refused.append(RowRefusal(i, f"lacks {', '.join(needed)}"))
            continue
        try:
            field_name, value = check_correction(
                row["target_type"],
                row["target_id"],
                row["action"],
                row.get("field"),
                row.get("value"),
            )
            created = _checked(validation.check_timestamp, row["created_at"])
        except CorrectionError as exc:
            refused.append(RowRefusal(i, str(exc)))
            continue
        if row["action"] == "delete" and not allow_deletes:
            refused.append(
                RowRefusal(
                    i, f"deletes document {row['target_id']}; give --allow-deletes to take it"
                )
            )
            continue
        good.append(
            {
                "target_type": row["target_type"],
                "target_id": row["target_id"].strip(),
                "action": row["action"],
                "field": field_name,
                "value": value,
                "created_at": created,
            }
        )
    return good, refused
