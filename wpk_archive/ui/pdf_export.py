"""A document exported as PDF, laid out from plain text blocks (core's ``document_blocks``).

The text is inserted as text, never parsed as Markdown or HTML, so nothing in a document (for
instance "<<Rodong Sinmun>>", which an HTML reader takes for a tag) can hide what follows it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import (
    QFont,
    QPageSize,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from wpk_archive.core.export import Block


def _char(size: float = 0, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if size:
        fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    return fmt


def pdf_document(blocks: list[Block]) -> QTextDocument:
    """A text document of ``blocks``: title, meta line, headings, bullets, numbered passages."""
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    plain = _char()
    for i, block in enumerate(blocks):
        layout = QTextBlockFormat()
        layout.setBottomMargin(6)
        if block.kind == "heading":
            layout.setTopMargin(10)
        if i:
            cursor.insertBlock(layout, plain)
        else:
            cursor.setBlockFormat(layout)
        if block.kind == "title":
            cursor.insertText(block.text, _char(16, bold=True))
        elif block.kind == "meta":
            cursor.insertText(block.text, _char(italic=True))
        elif block.kind == "heading":
            cursor.insertText(block.text, _char(13, bold=True))
        elif block.kind == "item":
            cursor.insertText("• " + block.text, plain)
        elif block.kind == "passage":
            cursor.insertText(f"{block.number}. ", _char(bold=True))
            cursor.insertText(block.text, plain)
        else:
            cursor.insertText(block.text, plain)
    return doc


def write_pdf(blocks: list[Block], path: Path) -> None:
    """Print ``blocks`` to an A4 PDF at ``path``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setOutputFileName(str(path))
    pdf_document(blocks).print_(printer)
