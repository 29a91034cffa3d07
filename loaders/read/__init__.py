"""The reading layer: plan files of every format to one :class:`Document`.

``read_document`` picks a reader by what the file is (its first bytes, then its suffix), and
imports it only when needed: a text build never loads the PDF or Word libraries.

=========  =====================================  ==========================
format     suffixes                               library
=========  =====================================  ==========================
text       .txt .text                             (standard library)
markdown   .md .markdown                          (standard library)
html       .html .htm                             beautifulsoup4
docx       .docx                                  python-docx
pdf        .pdf                                   pdfplumber (on pypdfium2)
odt        .odt                                   (zipfile and lxml)
xlsx       .xlsx .xlsm                            openpyxl
ods        .ods                                   (zipfile and lxml)
csv        .csv (named, not from a folder walk)    (standard library)
doc, rtf   .doc .rtf (as .docx), .xls (as .xlsx)  LibreOffice, when installed
pptx       .pptx                                  python-pptx
=========  =====================================  ==========================
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from stratgraph.errors import LoaderError
from stratgraph.loaders.read.model import Block, BlockKind, Document

__all__ = ["Block", "BlockKind", "Document", "MAX_BYTES", "MAX_LINES", "OFFICE_SUFFIXES",
           "READABLE_SUFFIXES", "limit_lines", "read_bytes", "read_document"]

#: Larger files are not plans; refusing them keeps a stray database dump from eating memory.
MAX_BYTES = 64 * 1024 * 1024
#: Lines of a plan's rendering a build reads. Memory grows with what is read from each line
#: (about 8 KB a line when every line is an item; see BENCHMARKS.md, "Memory per plan"), so
#: this bounds any one plan's build; the largest real plans run to a few thousand lines.
MAX_LINES = 20_000
_NON_BLANK = re.compile(r"\S")

_TEXT = frozenset({".txt", ".text"})
_MARKDOWN = frozenset({".md", ".markdown"})
_HTML = frozenset({".html", ".htm"})
_SHEETS = frozenset({".xlsx", ".xlsm", ".ods"})
#: Old formats read through LibreOffice (loaders/read/convert.py): suffix -> (what the file
#: is, in the one-line errors; the format LibreOffice converts it to).
_CONVERTED = {
    ".doc": ("an old Word file (.doc)", "docx"),
    ".rtf": ("a rich-text file (.rtf)", "docx"),
    ".xls": ("an old Excel file (.xls)", "xlsx"),
}
#: Every suffix a folder walk picks up. Not .csv: a folder's CSV files are mostly data
#: exports, not plans; a tracker saved as CSV is read when named (``stratgraph build t.csv``).
READABLE_SUFFIXES = (_TEXT | _MARKDOWN | _HTML | _SHEETS
                     | frozenset({".docx", ".pdf", ".odt", ".pptx", *_CONVERTED}))
#: Formats councils use that stratgraph does not read, and what to do instead.
_UNSUPPORTED = {
    ".ppt": "an old PowerPoint file (.ppt): save it as .pptx or export it to PDF",
    ".odp": "a presentation: export it to PDF",
    ".epub": "an e-book: export it to PDF",
}
_SUPPORTED_LIST = (".txt, .md, .html, .docx, .odt, .pdf, .xlsx, .ods, .csv, .pptx "
                   "(.doc, .rtf, .xls with LibreOffice)")
#: Office formats a folder walk also picks up, so a plan saved in one is reported (one line
#: saying what to save it as) rather than silently left out of the graph.
OFFICE_SUFFIXES = frozenset(s for s in _UNSUPPORTED if s != ".epub")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF = b"{\\rtf"
_ODF_MIMETYPE = re.compile(rb"^mimetype(application/vnd\.oasis\.opendocument\.[a-z-]+)")


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in a user's words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read(path: Path) -> bytes:
    """The file's bytes, bounded before they are read.

    Only a regular file is opened (a named pipe would block the build; a device such as
    ``/dev/zero`` has no size to check and never ends); the open does not block and the file
    is checked again once open, in case it was swapped; then at most ``MAX_BYTES + 1`` bytes
    are read, so a file that grows after the check is refused too.
    """
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise LoaderError(f"{_kind(mode)}, not a plan file", file=str(path))
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        with os.fdopen(os.open(path, flags), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise LoaderError(f"{_kind(info.st_mode)}, not a plan file", file=str(path))
            if info.st_size > MAX_BYTES:
                raise LoaderError(f"file is {info.st_size} bytes; plans over {MAX_BYTES} bytes "
                                  "are refused", file=str(path))
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise LoaderError(f"file is over {MAX_BYTES} bytes (it grew while being read); "
                              f"plans over {MAX_BYTES} bytes are refused", file=str(path))
        return data
    except FileNotFoundError as exc:
        raise LoaderError("file not found (was it moved or deleted during the build?)",
                          file=str(path)) from exc
    except IsADirectoryError as exc:
        raise LoaderError("is a folder, not a plan file", file=str(path)) from exc
    except PermissionError as exc:
        raise LoaderError("permission denied", file=str(path)) from exc
    except OSError as exc:
        raise LoaderError(f"cannot read ({exc.strerror or exc})", file=str(path)) from exc


def _ole_kind(data: bytes) -> str:
    """What an OLE compound file (Office 97-2003, or any encrypted Office file) holds, by the
    names of its streams (UTF-16 in its directory)."""
    def has(name: str) -> bool:
        return name.encode("utf-16-le") in data

    if has("EncryptedPackage") or has("EncryptionInfo"):
        return "encrypted"
    if has("PowerPoint Document"):
        return "ole"  # a presentation: refused with the other kinds (its text may say "Book")
    if has("WordDocument"):
        return "doc"
    if has("Workbook") or has("Book"):
        return "xls"
    return "ole"


def _sniff(data: bytes, suffix: str) -> str:
    """The format by content first (a PDF saved as .txt is still a PDF), then by suffix."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        # OpenDocument's first entry is its mimetype, stored uncompressed (ODF 1.2, 3.3).
        if m := _ODF_MIMETYPE.match(data[30:130]):
            kind = m.group(1).decode("ascii").rsplit(".", 1)[-1]
            return {"text": "odt", "text-template": "odt", "spreadsheet": "ods",
                    "spreadsheet-template": "ods"}.get(kind, "odf-other")
        names = data[:65536]
        if b"word/" in names or suffix == ".docx":
            return "docx"
        if b"xl/" in names or suffix in (".xlsx", ".xlsm"):
            return "xlsx"
        if b"ppt/" in names or suffix == ".pptx":
            return "pptx"
        if suffix == ".odt":
            return "odt"
        if suffix == ".ods":
            return "ods"
        return "zip"
    if data.startswith(_OLE):
        kind = _ole_kind(data)
        return "docx" if kind == "ole" and suffix == ".docx" else kind  # the Word reader says why
    if head.startswith(_RTF):
        return "rtf"
    if suffix in _HTML:
        return "html"
    if suffix in _MARKDOWN:
        return "markdown"
    lowered = head[:256].lower()
    if suffix not in _TEXT and (lowered.startswith(b"<!doctype html") or lowered.startswith(b"<html")):
        return "html"
    if suffix in (".pdf", ".docx", ".odt", ".ods", ".csv", ".rtf"):
        return suffix[1:]
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".doc", ".xls"):
        return suffix[1:] + "-damaged"
    return "text"


def _converted(data: bytes, name: str, path: str | None, fmt: str) -> Document:
    """A .doc, .rtf or .xls read through LibreOffice's conversion to .docx or .xlsx."""
    from stratgraph.loaders.read.convert import convert

    what, target = _CONVERTED[f".{fmt}"]
    where = path or name
    converted = convert(data, where, f".{fmt}", target, what=what)
    if target == "xlsx":
        from stratgraph.loaders.read.sheets import read_xlsx

        return read_xlsx(converted, name, path)
    from stratgraph.loaders.read.docx import read_docx

    return read_docx(converted, name, path)


def read_bytes(data: bytes, name: str, path: str | None = None, suffix: str = "") -> Document:
    """Read a plan from its bytes; ``name`` is its provenance key, ``suffix`` its file suffix."""
    suffix = suffix.lower()
    where = path or name
    if suffix in _UNSUPPORTED and not data[:5].lstrip().startswith(b"%PDF-"):
        raise LoaderError(f"{_UNSUPPORTED[suffix]} (stratgraph reads {_SUPPORTED_LIST})",
                          file=where)
    fmt = _sniff(data, suffix)
    if fmt == "zip":
        raise LoaderError(f"a zip archive, not a Word document (stratgraph reads {_SUPPORTED_LIST})",
                          file=where)
    if fmt == "odf-other":
        raise LoaderError(f"an OpenDocument file of a kind that is not a plan's text or sheets: "
                          f"export it to PDF (stratgraph reads {_SUPPORTED_LIST})", file=where)
    if fmt == "encrypted":
        raise LoaderError("a password-protected (encrypted) Office file: save it again without "
                          "the password", file=where)
    if fmt == "ole" or fmt.endswith("-damaged"):
        raise LoaderError("not a readable Office file (damaged, or an Office 97-2003 file of "
                          "another kind): save it as .docx or PDF", file=where)
    if fmt in ("doc", "xls", "rtf"):
        return _converted(data, name, path, fmt)
    if fmt == "pdf":
        from stratgraph.loaders.read.pdf import read_pdf

        return read_pdf(data, name, path)
    if fmt == "docx":
        from stratgraph.loaders.read.docx import read_docx

        return read_docx(data, name, path)
    if fmt == "pptx":
        from stratgraph.loaders.read.pptx import read_pptx

        return read_pptx(data, name, path)
    if fmt == "odt":
        from stratgraph.loaders.read.odt import read_odt

        return read_odt(data, name, path)
    if fmt in ("xlsx", "ods", "csv"):
        from stratgraph.loaders.read import sheets

        reader = {"xlsx": sheets.read_xlsx, "ods": sheets.read_ods, "csv": sheets.read_csv}[fmt]
        return reader(data, name, path)
    if fmt == "html":
        from stratgraph.loaders.read.html import read_html

        return read_html(data, name, path)
    from stratgraph.loaders.read.text import read_text

    return read_text(data, name, path, markdown=fmt == "markdown")


def read_document(path: str | Path) -> Document:
    """Read the plan file at ``path`` into a :class:`Document`.

    The document's ``name`` (its provenance key) is its file name and content id
    (:func:`stratgraph.graph.model.document_key`): plans that share a file name stay apart.
    Raises :class:`LoaderError` naming the file for a missing, unreadable, oversized, empty,
    binary, damaged or unsupported file, and for a folder, pipe, device or socket.
    """
    from stratgraph.graph.model import document_key

    p = Path(path)
    data = _read(p)
    return read_bytes(data, document_key(p.name, data), str(p), p.suffix)



def limit_lines(doc: Document, max_lines: int | None = None) -> tuple[Document, str | None]:
    """``doc`` cut to its first ``max_lines`` lines (:data:`MAX_LINES`), and a warning saying
    so, or ``doc`` itself and None when it is within the cap.

    A text plan's blocks are parsed on first use, so cutting it before then also bounds the
    reading; the blocks of other formats past the cap are dropped.
    """
    from dataclasses import replace

    cap = MAX_LINES if max_lines is None else max_lines
    text = doc.text
    end = -1
    for _ in range(cap):
        end = text.find("\n", end + 1)
        if end < 0:
            return doc, None
    if _NON_BLANK.search(text, end + 1) is None:  # only blank lines past the cap
        return doc, None
    total = text.count("\n", end) + cap

    def kept(blocks: tuple[Block, ...] | None) -> tuple[Block, ...] | None:
        if blocks is None:
            return None
        return tuple(b for b in blocks if b.line <= cap and (b.end_line or b.line) <= cap)

    cut = replace(
        doc, text=text[:end], parsed_blocks=kept(doc.parsed_blocks),
        furniture=kept(doc.furniture) or (),
        page_starts=tuple(p for p in doc.page_starts if p <= cap))
    return cut, (f"{doc.name}: {total} lines; only the first {cap} were read (a plan is read "
                 f"up to {cap} lines, to bound the memory a build takes; split the rest into "
                 "another file)")
