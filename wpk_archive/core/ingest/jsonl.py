"""JSON Lines: one article a line (title and text; date, source, url, author and id optional)."""

from __future__ import annotations

import json
import re

from wpk_archive.core import validation
from wpk_archive.core.ingest.document import Item, Refusal, content_hash, document_from_text

_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = ("title", "text", "url", "source", "author", "id")


def read_jsonl(text: str, name: str) -> tuple[list[Item], list[Refusal]]:
    """Articles of a JSON Lines file: one object a line with title and text (date, source, url,
    author and the source's own ``id`` optional).

    Each bad line is refused with its number and why (broken JSON, nesting too deep, a number too
    long, no title or text, an impossible date), and the rest is read. Lone surrogates (which
    no file can store) are replaced, with a note; NUL bytes are removed.

    Which document a line is (for re-imports: a changed text becomes a new revision of it): the
    source's ``id`` when given, else url and title, else its content.
    """
    items: list[Item] = []
    refusals: list[Refusal] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            refusals.append(Refusal(name, f"broken JSON line ({exc.msg}); line skipped", number))
            continue
        except RecursionError:
            refusals.append(Refusal(name, "JSON nested too deeply; line skipped", number))
            continue
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            refusals.append(Refusal(name, f"unreadable JSON value ({exc}); line skipped", number))
            continue
        if not isinstance(row, dict):
            refusals.append(Refusal(name, "line is not a JSON object; line skipped", number))
            continue
        fields, surrogates = _strings(row)
        title, body = fields.get("title"), fields.get("text")
        if title is None or body is None or not body.strip():
            refusals.append(
                Refusal(name, "line lacks a 'title' or 'text' string; line skipped", number)
            )
            continue
        date, problem = validation.parse_import_date(row.get("date"))
        if problem:
            refusals.append(Refusal(name, f"{problem}; line skipped", number))
            continue
        if surrogates:
            refusals.append(
                Refusal(
                    name,
                    f"{surrogates} invalid character(s) (lone surrogates) replaced by \ufffd",
                    number,
                    kind="repaired",
                )
            )
        url, source, source_id = fields.get("url"), fields.get("source"), fields.get("id")
        if source_id:
            origin = f"id:{source or ''}:{source_id}"
        elif url:  # a url alone is not unique in real feeds (daily index pages): url + title is
            origin = f"url:{url}#{title}"
        else:
            origin = f"jsonl:{content_hash(title + chr(0) + body)}"
        # Distinct articles may share url and title (a story re-sent with changes): the second
        # one of a file is its own document, not an update of the first, on every import alike.
        seen[origin] = seen.get(origin, 0) + 1
        if seen[origin] > 1:
            origin = f"{origin}#{seen[origin]}"
        doc = document_from_text(
            body,
            origin=origin,
            title=title,
            date=date,
            source=source,
            url=url,
            original_path=name,
            author=fields.get("author"),
            source_id=source_id,
        )
        items.append(Item(origin, doc))
    return items, refusals


def _strings(row: dict[str, object]) -> tuple[dict[str, str], int]:
    """The string fields an article uses (title, text, url, source, author, id), with lone
    surrogates replaced; and how many were replaced. A numeric id is taken as text."""
    found: dict[str, str] = {}
    replaced = 0
    for key in _FIELDS:
        value = row.get(key)
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            continue
        value, n = _SURROGATE.subn("\ufffd", value)
        replaced += n
        if key not in ("title", "text"):
            value = validation.clean_title(value)
            if not value:
                continue
        found[key] = value
    return found, replaced
