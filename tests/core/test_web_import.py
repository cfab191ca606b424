"""Pages and feeds from the web, served by a local HTTP server the test starts: nothing leaves
this machine."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wpk_archive.core.archive import Archive, open_archive
from wpk_archive.core.ingest import web

PAGE = """<html><head><title>{title} | KCNA Watch</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T09:00:00+09:00">
<meta name="author" content="{author}"></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/photo">Photo</a></nav>
<article><h1>{title}</h1>{body}</article>
<footer>Copyright KCNA Watch | Contact | Privacy</footer></body></html>"""


def page(
    title: str, paragraphs: list[str], date: str = "2021-01-05", author: str = "Staff"
) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, date=date, author=author, body=body).encode()


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (path, title, pubDate) items."""
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
        f"<pubDate>{date}</pubDate></item>"
        for path, title, date in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Agency</title>'
        f"<link>{base}/</link><description>news</description>{entries}</channel></rss>"
    ).encode()


@dataclass
class Site:
    """What the local server serves: path -> (status, content type, body); and what it was
    asked (paths, user agents)."""

    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    slow: set[str] = field(default_factory=set)
    base: str = ""

    def html(self, path: str, body: bytes, status: int = 200) -> None:
        self.pages[path] = (status, "text/html; charset=utf-8", body)


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.requests.append(self.path)
            served.agents.append(self.headers.get("User-Agent", ""))
            if self.path in served.slow:
                time.sleep(1.5)
            status, kind, body = served.pages.get(self.path, (404, "text/plain", b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):  # the client gave up (the timeout test)
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    with open_archive(tmp_path / "archive", bundled=False) as opened:
        yield opened


def test_an_article_page_is_imported_with_its_metadata_and_revisions(
    archive: Archive, site: Site
) -> None:
    site.html(
        "/a/plenary.html",
        page(
            "Plenary Meeting Opens",
            [
                "The plenary meeting of the tungsten committee opened.",
                "It discussed the national economy.",
            ],
            author="Pak Il",
        ),
    )
    url = site.base + "/a/plenary.html"
    report = archive.import_url(url)
    assert report.added == 1 and not report.refused, report.summary()
    doc = archive.document(archive.search("tungsten").hits[0].doc_id)
    assert doc is not None
    assert (doc.title, doc.date, doc.author, doc.url) == (
        "Plenary Meeting Opens",
        "2021-01-05",
        "Pak Il",
        url,
    )
    assert doc.fetched_at and doc.passages[0].text.startswith("The plenary meeting")
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert site.agents[0].startswith("WPK-Archive/")
    assert archive.import_url(url).duplicates == 1  # the same text again: nothing new
    site.html(
        "/a/plenary.html",
        page(
            "Plenary Meeting Opens",
            [
                "The plenary meeting of the tungsten committee opened.",
                "It discussed the people's economy.",
            ],
            author="Pak Il",
        ),
    )
    assert archive.import_url(url).updated == 1
    assert [r.url for r in archive.revisions(doc.id)] == [url, url]
    _old, _new, runs = archive.diff(doc.id)
    assert [t for op, t in runs if op != "="] == ["national", "people's"]
    del site.pages["/a/plenary.html"]
    gone = archive.import_url(url)
    assert gone.removed == 1 and "404" in gone.refused[0].problem
    assert archive.removed_at(doc.id) is not None
    assert archive.document(doc.id) is not None  # marked, never deleted


def test_a_feed_imports_every_item_it_can_and_only_what_is_new(
    archive: Archive, site: Site
) -> None:
    base = site.base
    items = [
        ("/news/1.html", "Cobalt mine expands", "Tue, 05 Jan 2021 09:00:00 +0900"),
        ("/news/2.html", "Broken page", "Wed, 06 Jan 2021 09:00:00 +0900"),
        ("/news/3.html", "Nickel plant opens", "Thu, 07 Jan 2021 09:00:00 +0900"),
    ]
    site.pages["/feed.xml"] = (200, "application/rss+xml", rss(base, items))
    site.html("/news/1.html", page("Cobalt", ["The cobalt mine expanded its output this year."]))
    site.html("/news/2.html", b"server trouble", status=500)
    site.html("/news/3.html", page("Nickel", ["The nickel plant opened in the north."]))
    report = archive.import_url(base + "/feed.xml")
    assert report.added == 2, report.summary()
    assert [Path(r.path).name for r in report.refused] == ["2.html"]
    assert "500" in report.refused[0].problem
    hit = archive.search("cobalt").hits[0]
    assert hit.title == "Cobalt mine expands" and hit.date == "2021-01-05"  # the feed's words
    doc = archive.document(hit.doc_id)
    assert doc is not None and doc.url == base + "/news/1.html" and doc.source == "Test Agency"
    # again, with one more item: only the new one (and the one that failed) is fetched
    items.append(("/news/4.html", "Zinc works", "Fri, 08 Jan 2021 09:00:00 +0900"))
    site.pages["/feed.xml"] = (200, "application/rss+xml", rss(base, items))
    site.html("/news/4.html", page("Zinc", ["The zinc works fulfilled the plan ahead of time."]))
    site.requests.clear()
    again = archive.import_url(base + "/feed.xml")
    assert again.added == 1 and again.duplicates == 2, again.summary()
    assert "/news/1.html" not in site.requests and "/news/4.html" in site.requests
    # the feed drops item 1 and its page is gone: marked removed at source
    site.pages["/feed.xml"] = (200, "application/rss+xml", rss(base, items[1:]))
    del site.pages["/news/1.html"]
    third = archive.import_url(base + "/feed.xml")
    assert third.removed == 1
    assert archive.removed_at(doc.id) is not None


def test_an_atom_feed_is_read(archive: Archive, site: Site) -> None:
    site.pages["/atom.xml"] = (
        200,
        "application/atom+xml",
        (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Atom Agency</title><id>urn:x</id><updated>2021-01-09T00:00:00Z</updated>"
            f'<entry><title>Basalt quarry</title><link href="{site.base}/b.html"/>'
            "<id>urn:entry:1</id><updated>2021-01-09T00:00:00Z</updated></entry></feed>"
        ).encode(),
    )
    site.html("/b.html", page("Basalt", ["The basalt quarry was opened to visitors."]))
    report = archive.import_url(site.base + "/atom.xml")
    assert report.added == 1
    doc = archive.document(archive.search("basalt").hits[0].doc_id)
    assert doc is not None and doc.source_id == "urn:entry:1" and doc.date == "2021-01-09"


def test_fetching_has_a_timeout_and_a_size_limit(
    archive: Archive, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.html("/slow.html", page("Slow", ["A slow page."]))
    site.slow.add("/slow.html")
    site.html("/big.html", page("Big", ["word " * 5000]))
    monkeypatch.setattr(web, "TIMEOUT", 0.5)
    monkeypatch.setattr(web, "MAX_BYTES", 10_000)
    slow = archive.import_url(site.base + "/slow.html")
    assert slow.added == 0 and "did not answer" in slow.refused[0].problem
    big = archive.import_url(site.base + "/big.html")
    assert big.added == 0 and "limit" in big.refused[0].problem
    with pytest.raises(Exception, match="not a web address"):
        archive.import_url("file:///etc/passwd")
