"""Pages and feeds from the web: fetched over HTTP(S) within bounds, read as documents.

Every request says who it is (USER_AGENT), waits at most TIMEOUT seconds, and reads at most
MAX_BYTES. A URL is a feed when it says so (RSS, Atom or RDF, by its content type or its first
element), and then each of its entries' pages is fetched and read; else it is one article page.
Nothing here touches the store: :mod:`wpk_archive.core.operations.web` does that.
"""

from __future__ import annotations

import calendar
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from wpk_archive import __version__
from wpk_archive.core.ingest.document import (
    Item,
    Refusal,
    Source,
    document_from_text,
    normalize_text,
)
from wpk_archive.core.ingest.html import page_article, read_html
from wpk_archive.core.validation import clean_title

USER_AGENT = (
    f"WPK-Archive/{__version__} (a researcher's desktop archive; fetches one page at a time, "
    "only when its user asks)"
)
TIMEOUT = 20.0
MAX_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 500
_FEED_TYPES = ("rss", "atom", "rdf")
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


class FetchError(Exception):
    """A URL that could not be fetched, worded for the user; ``status`` is the HTTP status when
    the server answered (404, 410: the page is gone)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status

    @property
    def gone(self) -> bool:
        """Whether the server says the page is no longer there."""
        return self.status in (404, 410)


@dataclass(frozen=True)
class Fetched:
    """What a URL gave: the final URL (after redirects), the content type and the bytes."""

    url: str
    content_type: str
    data: bytes
    fetched_at: str


Fetch = Callable[[str], "Fetched"]


def now_iso() -> str:
    """The current UTC time, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL (the fragment dropped), else ValueError worded for the user."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{url!r} is not a web address (http:// or https://)")
    return urllib.parse.urlunsplit(parts._replace(fragment=""))


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """GET ``url`` (FetchError when it fails, is too big or is not http(s)); at most
    ``timeout`` seconds of silence (default TIMEOUT) and ``max_bytes`` (default MAX_BYTES)."""
    timeout = TIMEOUT if timeout is None else timeout
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    try:
        url = check_url(url)
    except ValueError as exc:
        raise FetchError(str(exc)) from exc
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"{url} is {int(length) // 2**20} MB, over the {max_bytes // 2**20} MB limit"
                )
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise FetchError(f"{url} is over the {max_bytes // 2**20} MB limit")
            final = response.geturl()
            if final and final != url:
                check_url(final)  # a redirect to another scheme is refused
            return Fetched(final or url, response.headers.get("Content-Type", ""), data, now_iso())
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: the server answered {exc.code} {exc.reason}", exc.code) from exc
    except urllib.error.URLError as exc:
        raise FetchError(f"{url} could not be reached ({exc.reason})") from exc
    except TimeoutError as exc:
        raise FetchError(f"{url} did not answer within {timeout:g} seconds") from exc
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url} could not be fetched ({exc})") from exc


def is_feed(fetched: Fetched) -> bool:
    """Whether the bytes are an RSS, Atom or RDF feed."""
    kind = fetched.content_type.lower()
    if any(f"{t}+xml" in kind or f"/{t}" in kind for t in _FEED_TYPES):
        return True
    return bool(_FEED_START.match(fetched.data[:4096]))


@dataclass(frozen=True)
class Entry:
    """One entry of a feed."""

    link: str | None
    id: str | None
    title: str | None
    date: str | None
    updated: str | None
    author: str | None
    content: str
    """The entry's own text (its content or summary), as HTML."""


@dataclass
class Feed:
    """A feed's title and entries (at most MAX_ENTRIES)."""

    url: str
    title: str | None
    entries: list[Entry] = field(default_factory=list)


def _stamp(value: Any) -> str | None:
    """A feedparser time (a UTC struct_time) as an ISO time."""
    if not value:
        return None
    try:
        seconds = calendar.timegm(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat()


def parse_feed(fetched: Fetched) -> Feed:
    """The entries of a feed (ValueError when the bytes are no feed at all)."""
    import feedparser

    parsed = feedparser.parse(fetched.data, response_headers={"content-location": fetched.url})
    if not parsed.entries and parsed.get("bozo") and not parsed.feed:
        raise ValueError(f"{fetched.url} is not a readable feed ({parsed.get('bozo_exception')})")
    feed = Feed(fetched.url, parsed.feed.get("title"))
    for entry in parsed.entries[:MAX_ENTRIES]:
        link = entry.get("link")
        if link:
            link = urllib.parse.urljoin(fetched.url, link)
        content = entry.get("content") or []
        text = content[0].get("value", "") if content else entry.get("summary", "")
        # (dict.get: feedparser's own get maps one stamp onto the other, with a warning)
        published_at, updated_at = (
            dict.get(entry, "published_parsed"),
            dict.get(entry, "updated_parsed"),
        )
        published = _stamp(published_at or updated_at)
        feed.entries.append(
            Entry(
                link=link,
                id=entry.get("id") or link,
                title=entry.get("title"),
                date=published[:10] if published else None,
                updated=_stamp(updated_at or published_at),
                author=entry.get("author"),
                content=text or "",
            )
        )
    return feed


def page_origin(url: str) -> str:
    """The origin of an article page: its URL (a page is the same document when fetched again)."""
    return "web:" + check_url(url)


def read_page(fetched: Fetched, origin: str, *, requested: str) -> tuple[list[Item], list[Refusal]]:
    """An article page as one document (its main text; title, date, author from its metadata)."""
    src = Source(requested, origin, ".html")
    return read_html(fetched.data, src, url=fetched.url, fetched_at=fetched.fetched_at)


def read_entry(entry: Entry, feed: Feed, fetch_page: Fetch) -> tuple[list[Item], list[Refusal]]:
    """One feed entry: its page fetched and read, titled and dated by the feed; when the page
    cannot be fetched, the entry's own text if it has one (with a note), else a refusal."""
    shown = entry.link or entry.id or feed.url
    if not entry.link:
        return [], [Refusal(shown, "the feed entry has no link to an article")]
    origin = page_origin(entry.link)
    try:
        fetched = fetch_page(entry.link)
        items, notes = read_page(fetched, origin, requested=entry.link)
    except FetchError as exc:
        items, notes = [], [Refusal(shown, str(exc))]
        fetched = None
    if not items:
        article = page_article(entry.content) if entry.content.strip() else None
        if article is None or len(article.text) < 200:
            return [], notes or [Refusal(shown, "the page has no text to import")]
        why = notes[0].problem if notes else "the page had no text"
        doc = document_from_text(article.text, origin=origin, url=entry.link, fetched_at=now_iso())
        items = [Item(origin, doc)]
        notes = [Refusal(shown, f"{why}; the feed's own text was imported", kind="repaired")]
    doc = items[0].document
    if entry.title and clean_title(normalize_text(entry.title)):
        doc.title = clean_title(normalize_text(entry.title))
    doc.date = entry.date or doc.date
    doc.author = entry.author or doc.author
    doc.source = feed.title or doc.source
    doc.source_id = entry.id
    doc.original_path = feed.url
    if fetched is not None:
        doc.url = fetched.url
    return items, [n for n in notes if n.repaired]


def wait_politely(seconds: float = 0.2) -> None:
    """A pause between the pages of one feed (one server, one request at a time)."""
    time.sleep(seconds)
