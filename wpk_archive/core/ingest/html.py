"""HTML pages: the article's main text (trafilatura), not every visible line; title, date and
author from the page's metadata where it has them.

A page's navigation ("Home | News | Photo"), sidebars and footers are left out. A page that
trafilatura finds no article in (a bare fragment, a list) falls back to every visible block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wpk_archive.core import validation
from wpk_archive.core.html_text import html_to_text
from wpk_archive.core.ingest.document import Item, Refusal, Source, document_from_text
from wpk_archive.core.ingest.text import decode

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)


@dataclass(frozen=True)
class Article:
    """What a page holds: its main text (paragraphs separated by blank lines) and metadata."""

    title: str | None
    text: str
    date: str | None = None
    author: str | None = None
    main_text: bool = True
    """False when no article was found and ``text`` is every visible block of the page."""


_CONFIG: Any = None


def _config() -> Any:
    """trafilatura's settings, made once: no minimum size (a short statement is an article
    too), no network (every page is fetched by :mod:`.web`)."""
    global _CONFIG
    if _CONFIG is None:
        from trafilatura.settings import use_config

        config = use_config()
        for key in ("MIN_EXTRACTED_SIZE", "MIN_OUTPUT_SIZE", "MIN_EXTRACTED_COMM_SIZE"):
            config.set("DEFAULT", key, "1")
        _CONFIG = config
    return _CONFIG


def page_article(markup: str, url: str | None = None) -> Article:
    """The main text and metadata of an HTML page (see the module docstring)."""
    try:
        import trafilatura

        found = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            favor_recall=True,  # keep a paragraph when unsure; menus and footers still go
            config=_config(),
        )
    except Exception:  # the extractor is lenient; this guards truly broken input
        found = None
    fallback_title, visible = html_to_text(markup)
    text = getattr(found, "text", None) or ""
    if not text.strip():
        return Article(fallback_title, visible, main_text=False)
    title = getattr(found, "title", None) or fallback_title
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and lines[0] == title.strip() and len(lines) > 1:
        lines = lines[1:]  # the page's own heading repeats the title
    date, _problem = validation.parse_import_date(getattr(found, "date", None))
    author = getattr(found, "author", None)
    return Article(title, "\n\n".join(lines), date, author or None)


def decode_html(data: bytes, src: Source) -> tuple[str | None, list[Refusal]]:
    """The markup of an HTML file: in the charset its <meta> declares, else detected."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii").lower()
        if name not in ("utf-8", "utf8"):
            try:
                return data.decode(name), []
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect instead
    return decode(data, src)


def read_html(
    data: bytes, src: Source, *, url: str | None = None, fetched_at: str | None = None
) -> tuple[list[Item], list[Refusal]]:
    """An HTML file or fetched page: one document of its main text."""
    markup, notes = decode_html(data, src)
    if markup is None:
        return [], notes
    article = page_article(markup, url)
    if not article.text.strip():
        return src.refuse("the HTML page has no text to import")
    doc = document_from_text(
        article.text,
        origin=src.origin,
        title=article.title,
        date=article.date,
        author=article.author,
        url=url,
        fetched_at=fetched_at,
        original_path=None if url else src.name,
    )
    return src.one(doc, notes)
