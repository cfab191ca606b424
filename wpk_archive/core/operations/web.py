"""Importing from the web: an article page, or a feed whose entries' pages are fetched.

- A page is the same document when fetched again (its URL is its identity): a changed text
  becomes a new revision, the same text is "already present".
- A feed entry already in the archive is fetched again only when the feed says it was updated
  after it was fetched: importing the same feed again adds only what is new.
- One entry that fails (a page that does not answer, has no text) is refused with why; the
  others are imported all the same.
- "Removed at source": a page that now answers 404 or 410, and an entry of the feed that the
  feed no longer lists and whose page answers so, are marked (never deleted).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from wpk_archive.core.ingest import web
from wpk_archive.core.ingest.document import Item, Refusal
from wpk_archive.core.operations.common import ArchiveError, ImportReport

if TYPE_CHECKING:
    from wpk_archive.core.archive import Archive
    from wpk_archive.core.operations.common import Progress

MAX_REMOVAL_CHECKS = 50
"""Entries a feed no longer lists that are checked at their source, per import."""


def _merge(into: ImportReport, other: ImportReport) -> None:
    into.added += other.added
    into.updated += other.updated
    into.duplicates += other.duplicates
    into.resent += other.resent
    into.refused.extend(other.refused)
    into.notes.extend(other.notes)
    into.notices.extend(other.notices)
    into.stored |= other.stored
    into.cancelled = into.cancelled or other.cancelled


def import_url(
    archive: Archive,
    url: str,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    fetch: web.Fetch | None = None,
    pause: Callable[[], None] | None = None,
) -> ImportReport:
    """Import an article page or a feed (see the module docstring)."""
    fetch = fetch or (lambda u: web.fetch(u))
    pause = pause or web.wait_politely
    archive._require_writable()
    try:
        url = web.check_url(url)
    except ValueError as exc:
        raise ArchiveError(str(exc)) from exc
    report = ImportReport()
    if progress is not None:
        progress(0, 0, f"fetching {url}")
    try:
        fetched = fetch(url)
    except web.FetchError as exc:
        report.refused.append(Refusal(url, str(exc)))
        if exc.gone:
            _mark_gone(archive, [web.page_origin(url)], report)
        return report
    if not web.is_feed(fetched):
        page_items, notes = web.read_page(fetched, web.page_origin(url), requested=url)
        report.take(notes)
        if page_items:
            _merge(report, archive.import_items(page_items, cancelled=cancelled))
        return report
    try:
        feed = web.parse_feed(fetched)
    except ValueError as exc:
        report.refused.append(Refusal(url, str(exc)))
        return report
    total = len(feed.entries)

    def feed_items() -> Iterator[Item]:
        for n, entry in enumerate(feed.entries):
            if cancelled is not None and cancelled():
                report.cancelled = True
                return
            if progress is not None:
                progress(n, total, entry.title or entry.link or "")
            if _known_and_unchanged(archive, entry):
                report.duplicates += 1
                continue
            if n:
                pause()
            found, notes = web.read_entry(entry, feed, fetch)
            report.take(notes)
            yield from found
        if progress is not None:
            progress(total, total, "")

    _merge(report, archive.import_items(feed_items(), cancelled=cancelled, total=total))
    if not report.cancelled:
        _check_unlisted(archive, feed, fetch, report)
    return report


def _known_and_unchanged(archive: Archive, entry: web.Entry) -> bool:
    """Whether the entry's page is in the archive and the feed does not say it changed since."""
    if not entry.link:
        return False
    doc_id = archive._store.document_id_for_origin(web.page_origin(entry.link))
    if doc_id is None:
        return False
    doc = archive._store.document(doc_id, with_passages=False)
    if doc is None or doc.fetched_at is None:
        return False
    return entry.updated is None or entry.updated <= doc.fetched_at


def _mark_gone(archive: Archive, origins: list[str], report: ImportReport) -> None:
    ids = [d for d in (archive._store.document_id_for_origin(o) for o in origins) if d]
    if ids:
        report.removed += archive._store.mark_removed(ids, web.now_iso())


def _check_unlisted(
    archive: Archive, feed: web.Feed, fetch: web.Fetch, report: ImportReport
) -> None:
    """Entries imported from this feed that it no longer lists: marked "removed at source" when
    their page answers 404 or 410 (a feed that merely rolls on is not a removal)."""
    listed = {web.page_origin(e.link) for e in feed.entries if e.link}
    gone: list[str] = []
    checked = 0
    for row in archive._store.documents_read_from(feed.url):
        if row["origin"] in listed or row["removed_at"] or not row["url"]:
            continue
        if checked >= MAX_REMOVAL_CHECKS:
            break
        checked += 1
        try:
            fetch(row["url"])
        except web.FetchError as exc:
            if exc.gone:
                gone.append(row["origin"])
    _mark_gone(archive, gone, report)
