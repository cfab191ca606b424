"""Plain text and Markdown files: bytes decoded (encodings detected), Markdown markup removed.

Markdown keeps its paragraphs and loses its markup: ``# Politburo meeting`` is the title
"Politburo meeting", ``**July 15, 2012**`` is the date line "July 15, 2012", a link is its text.
"""

from __future__ import annotations

import html
import re

from wpk_archive.core import validation
from wpk_archive.core.encodings import decode_bytes, looks_binary
from wpk_archive.core.ingest.document import Item, Refusal, Source, document_from_text

TEXT_HINT = "import .txt, .md, .html, .jsonl, .pdf, .docx, .odt or .epub files"


def decode(data: bytes, src: Source) -> tuple[str | None, list[Refusal]]:
    """The text of a text file's bytes, and the notes of repairs; (None, [refusal]) when the
    bytes are empty or not text."""
    if not data.strip():
        return None, [Refusal(src.name, "file is empty; nothing to import")]
    if looks_binary(data):
        return None, [Refusal(src.name, f"not a text file (binary content); {TEXT_HINT}")]
    repairs: list[str] = []
    try:
        text = decode_bytes(data, src.name, repairs)
    except ValueError as exc:
        return None, [Refusal(src.name, str(exc))]
    return text, [Refusal(src.name, why, kind="repaired") for why in repairs]


def read_text(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    """A plain text file: one document, titled by its first line."""
    text, notes = decode(data, src)
    if text is None:
        return [], notes
    if not text.strip():
        return src.refuse("file holds only whitespace; nothing to import")
    return src.one(document_from_text(text, origin=src.origin, original_path=src.name), notes)


def read_markdown(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    """A Markdown file: its text without markup, titled by its first heading (or front matter)."""
    raw, notes = decode(data, src)
    if raw is None:
        return [], notes
    meta, text = markdown_to_text(raw)
    if not text.strip():
        return src.refuse("file holds only whitespace or markup; nothing to import")
    date, _problem = validation.parse_import_date(meta.get("date"))
    doc = document_from_text(
        text,
        origin=src.origin,
        title=meta.get("title"),
        date=date,
        author=meta.get("author"),
        original_path=src.name,
    )
    return src.one(doc, notes)


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^(\s*)[-*+]\s+(?:\[[ xX]\]\s+)?")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link: its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolink
    (re.compile(r"`+([^`]+?)`+"), r"\1"),  # code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"\*(?=[^\s*])(.+?)(?<=[^\s*])\*"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
)


def _inline(text: str) -> str:
    """One line's inline markup removed (escaped characters kept as written)."""
    kept: list[str] = []

    def hold(match: re.Match[str]) -> str:
        kept.append(match.group(1))
        return f"\ue000{len(kept) - 1}\ue001"

    text = _ESCAPE.sub(hold, text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    text = html.unescape(text)
    return re.sub("\ue000(\\d+)\ue001", lambda m: kept[int(m.group(1))], text)


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """The title, date and author of a YAML front matter block, and the lines it takes."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    meta: dict[str, str] = {}
    for n, line in enumerate(lines[1:60], 1):
        if line.strip() in ("---", "..."):
            return meta, n + 1
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("title", "date", "author"):
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return {}, 0  # not front matter after all: a rule at the top


def markdown_to_text(markdown: str) -> tuple[dict[str, str], str]:
    """({"title", "date", "author"} as found, the text without markup), lines kept in place.

    Headings lose their marks (the first becomes the title), emphasis, links, images, code and
    inline HTML keep only their text, list bullets and quote marks go, code blocks keep their
    lines, rules and reference definitions become blank lines.
    """
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, skip = _front_matter(lines)
    out: list[str] = [""] * skip
    fence: str | None = None
    title: str | None = meta.get("title")
    for line in lines[skip:]:
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
                out.append("")
            else:
                out.append(line)
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)[0] * 3
            out.append("")
            continue
        heading = _ATX.match(line)
        if heading:
            text = _inline(heading.group(2) or "")
            if title is None and text and not any(x.strip() for x in out):
                title = text  # a heading that opens the file
            elif title is None and text and len(out) < 12 and heading.group(1) == "#":
                title = text
            out.append(text)
            continue
        previous = out[-1].strip() if out else ""
        if _SETEXT.match(line) and previous and not _BULLET.match(out[-1]):
            if title is None and len(out) < 12:
                title = previous
            out.append("")
            continue
        if _RULE.match(line) or _REFERENCE.match(line) or _TABLE_RULE.match(line):
            out.append("")
            continue
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        if line.strip().startswith("|") and line.strip().endswith("|"):
            cells = [_inline(c.strip()) for c in line.strip().strip("|").split("|")]
            out.append(" | ".join(c for c in cells if c))
            continue
        out.append(_inline(_BULLET.sub(r"\1", line)))
    if title:
        meta["title"] = title
    return meta, "\n".join(out)
