"""PDF files: the text layer (pypdfium2), page by page, each passage knowing its page.

Lines of a page are joined into paragraphs (a PDF has lines, not paragraphs): a line ends its
paragraph when it is clearly short, or ends a sentence before an indented or capitalised line;
a word hyphenated at a line end is joined again. Pages are never joined: a passage sits on one
page, and a citation can say "p. 12".

A PDF without a text layer (a scan) is refused with what to do; with ``ocr`` and ``tesseract``
on PATH its pages are rendered and read by OCR instead.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from wpk_archive.core import validation
from wpk_archive.core.ingest.document import (
    Item,
    Refusal,
    Source,
    document_from_text,
    normalize_text,
)

OCR_DPI = 300
OCR_TIMEOUT = 300
"""Seconds tesseract may take for one page."""
_SENTENCE_END = re.compile(r"""[.!?:;"”’)]$""")


def tesseract() -> str | None:
    """The tesseract program, when installed."""
    return shutil.which("tesseract")


def _paragraphs(page_text: str) -> str:
    """A page's lines joined into paragraphs separated by blank lines."""
    lines = [
        line.rstrip() for line in page_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    lengths = [len(line.strip()) for line in lines if line.strip()]
    if not lengths:
        return ""
    full = statistics.median(lengths)
    paragraphs: list[str] = []
    current = ""
    for n, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if current.endswith("-") and stripped[:1].islower():
            current = current[:-1] + stripped
        else:
            current = f"{current} {stripped}" if current else stripped
        following = next((x for x in lines[n + 1 :] if x.strip()), "")
        short = len(stripped) < 0.75 * full
        ends = bool(_SENTENCE_END.search(stripped))
        indented = following[:1].isspace()
        if (short and (ends or not following[:1].islower())) or (ends and indented):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _ocr_page(page: object, program: str, languages: str) -> str:
    """The text tesseract reads on one rendered page."""
    bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)  # type: ignore[attr-defined]
    pixels = bitmap.to_numpy()
    height, width = pixels.shape[0], pixels.shape[1]
    gray = pixels if pixels.ndim == 2 else pixels[:, :, 0]
    with tempfile.TemporaryDirectory(prefix="wpk-ocr-") as folder:
        image = Path(folder) / "page.pgm"
        image.write_bytes(b"P5\n%d %d\n255\n" % (width, height) + gray.tobytes())
        done = subprocess.run(
            [program, str(image), "stdout", "-l", languages],
            capture_output=True,
            timeout=OCR_TIMEOUT,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode("utf-8", "replace").strip()[-300:])
    return done.stdout.decode("utf-8", "replace")


def _ocr_languages(program: str) -> str:
    """English, plus Korean when tesseract has it (Debian: tesseract-ocr-kor)."""
    try:
        listed = subprocess.run(
            [program, "--list-langs"], capture_output=True, timeout=30, check=False
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return "eng"
    have = {line.strip() for line in listed.splitlines()}
    return "+".join(lang for lang in ("eng", "kor") if lang in have) or "eng"


def read_pdf(data: bytes, src: Source) -> tuple[list[Item], list[Refusal]]:
    """A PDF: one document of its pages' text (see the module docstring)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            return src.refuse(
                "the PDF is protected by a password; open it and save a copy without one"
            )
        return src.refuse(f"not a readable PDF ({exc}); the file may be damaged or cut short")
    try:
        return _read_pages(pdf, src)
    finally:
        pdf.close()


def _read_pages(pdf: object, src: Source) -> tuple[list[Item], list[Refusal]]:
    pages = [pdf[i] for i in range(len(pdf))]  # type: ignore[arg-type, index]
    texts = [_paragraphs(page.get_textpage().get_text_range()) for page in pages]
    notes: list[Refusal] = []
    if not any(t.strip() for t in texts):
        program = tesseract()
        if not src.ocr:
            how = (
                "import it with OCR (wpk-archive import --ocr, or the import dialog's OCR option)"
                if program
                else "install tesseract (Debian: tesseract-ocr, and tesseract-ocr-kor for Korean) "
                "and import it with OCR (--ocr)"
            )
            return src.refuse(
                f"the PDF has no text layer ({len(pages)} page(s) of images: a scan?); {how}"
            )
        if program is None:
            return src.refuse(
                "the PDF has no text layer, and OCR needs tesseract (Debian: tesseract-ocr, "
                "tesseract-ocr-kor for Korean), which is not installed"
            )
        languages = _ocr_languages(program)
        try:
            texts = [_paragraphs(_ocr_page(page, program, languages)) for page in pages]
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            return src.refuse(f"OCR of the scanned PDF failed ({exc})")
        notes.append(
            Refusal(src.name, f"read by OCR ({languages}): check the text", kind="repaired")
        )
        if not any(t.strip() for t in texts):
            return src.refuse("OCR found no text in the scanned PDF")
    pieces: list[str] = []
    starts: list[int] = []
    position = 0
    for text in texts:
        text = normalize_text(text)
        starts.append(position)
        pieces.append(text)
        position += len(text) + 2
    metadata = _metadata(pdf)
    doc = document_from_text(
        "\n\n".join(pieces),
        origin=src.origin,
        title=metadata.get("Title") or None,
        author=metadata.get("Author") or None,
        date=None,  # (a file's creation date is not its publication date: a date line is)
        page_starts=starts,
        original_path=src.name,
    )
    return [Item(src.origin, doc)], notes


def _metadata(pdf: object) -> dict[str, str]:
    """The PDF's document information (Title, Author...), empty strings dropped."""
    try:
        found = pdf.get_metadata_dict(skip_empty=True)  # type: ignore[attr-defined]
    except Exception:
        return {}
    return {
        k: validation.clean_title(v) for k, v in found.items() if isinstance(v, str) and v.strip()
    }


__all__ = ["read_pdf", "tesseract"]
