"""Plain text from HTML: visible text only, scripts, styles and remote references dropped."""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head"}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
    "dl",
    "main",
    "aside",
    "nav",
}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP and tag != "head":
            self._skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP and tag != "head":
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str | None, str]:
    """(title, text) of an HTML page: block elements become paragraphs, nothing executable kept."""
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; this guards truly broken input
        pass
    raw = "".join(parser.parts)
    paragraphs = []
    for block in raw.split("\n\n"):
        line = " ".join(block.split())
        if line:
            paragraphs.append(line)
    title = " ".join(parser.title.split()) or None
    return title, "\n\n".join(paragraphs)
