"""How fast the PDF and Word readers read a long plan, against the libraries' bare text.

Run:  python bench/bench_read.py [--pages 100] [--memory-pages 500] [--repeat 3] [--out DIR]

Builds a plan of about ``--pages`` A4 pages from the example plans repeated (their headings,
lists and tables, written by ``tests/formats``), as a PDF and as a Word document, then times
side by side in one run, best of ``--repeat``:

- PDF: ``read_document`` (our reader: blocks, tables, furniture, rendering) against
  pypdfium2's plain ``get_textpage().get_text_range()`` per page (the floor: text with no
  layout) and pdfplumber's ``extract_text()`` per page (the library our reader is built on);
- Word: ``read_document`` against python-docx reading every paragraph's text (the floor), and
  every paragraph's and table cell's text.

Word has no pages of its own, so its pages per second count the pages of the same plan as a
PDF. Peak memory: each reader reads a ``--memory-pages`` PDF in a fresh interpreter, which
reports its ``ru_maxrss``; a child that only imports the libraries gives the baseline. (Linux
carries a process's peak RSS across ``exec``, so a child started by a large parent reports at
least the parent's size: the files are built in a child too, and the memory children run
first, from a parent that has imported nothing but the standard library.)
Generated files are cached in ``--out`` (default ``/tmp/stratgraph-bench/read``).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the format writers of the conformance suite

# -- the long plan --------------------------------------------------------------------------


def plan_blocks(copies: int) -> list:
    """The five example plans' blocks, ``copies`` times over, on consecutive lines."""
    from stratgraph.loaders.read.text import parse_blocks

    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    blocks: list = []
    offset = 0
    for _ in range(copies):
        for text in texts:
            for b in parse_blocks(text):
                blocks.append(replace(b, line=b.line + offset, end_line=b.end_line + offset))
            offset += text.count("\n") + 2
    return blocks


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def build(out: Path, pages: int) -> tuple[Path, Path, int]:
    """A PDF and a Word document of the same plan of at least ``pages`` PDF pages."""
    from formats import write_docx, write_pdf

    out.mkdir(parents=True, exist_ok=True)
    probe = out / "probe.pdf"
    if not probe.exists():
        write_pdf(plan_blocks(1), probe)
    copies = -(-pages // pdf_pages(probe))  # ceiling
    pdf, docx = out / f"plan-{copies}x.pdf", out / f"plan-{copies}x.docx"
    if not pdf.exists() or not docx.exists():
        blocks = plan_blocks(copies)
        write_pdf(blocks, pdf)
        write_docx(blocks, docx)
    return pdf, docx, pdf_pages(pdf)


# -- what is timed --------------------------------------------------------------------------


def pypdfium2_text(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    chars = 0
    for page in pdf:
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return chars


def pdfplumber_text(path: Path) -> int:
    import pdfplumber

    chars = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            chars += len(page.extract_text() or "")
            page.close()  # pdfplumber caches each page's objects until closed
    return chars


def ours(path: Path) -> int:
    from stratgraph.loaders.read import read_document

    return len(read_document(path).text)


def python_docx_paragraphs(path: Path) -> int:
    import docx

    return sum(len(p.text) for p in docx.Document(str(path)).paragraphs)


def python_docx_paragraphs_and_cells(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    chars = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                chars += len(cell.text)
    return chars


READERS: dict[str, Callable[[Path], int]] = {
    "pypdfium2": pypdfium2_text,
    "pdfplumber": pdfplumber_text,
    "ours": ours,
    "python-docx": python_docx_paragraphs,
    "python-docx+cells": python_docx_paragraphs_and_cells,
}


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


# -- peak memory, one reader per interpreter ------------------------------------------------


def child(method: str, path: Path) -> None:
    """Run in a fresh interpreter: read ``path`` with ``method``, print time and peak RSS."""
    import pdfplumber  # noqa: F401  (every child imports the same libraries, so the
    import pypdfium2  # noqa: F401   baseline child measures what they cost alone)

    import stratgraph.loaders.read.pdf  # noqa: F401

    start = time.perf_counter()
    chars = READERS[method](path) if method != "baseline" else 0
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"method": method, "seconds": seconds, "peak_mb": peak_kb / 1024,
                      "chars": chars}))


def _run_child(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, *args], check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def peak_memory(method: str, path: Path) -> dict:
    return _run_child("--child", method, str(path))


def built(out: Path, pages: int) -> tuple[Path, Path, int]:
    """``build`` in a child process (reportlab's memory stays out of this one)."""
    r = _run_child("--build", str(pages), "--out", str(out))
    return Path(r["pdf"]), Path(r["docx"]), r["pages"]


# -- the run --------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--memory-pages", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("/tmp/stratgraph-bench/read"))
    parser.add_argument("--child", nargs=2, metavar=("METHOD", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--build", type=int, metavar="PAGES", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    if args.build:
        pdf, docx_path, pages = build(args.out, args.build)
        print(json.dumps({"pdf": str(pdf), "docx": str(docx_path), "pages": pages}))
        return

    pdf, docx_path, pages = built(args.out, args.pages)
    big, _, big_pages = built(args.out, args.memory_pages)
    memory = [("imports only", peak_memory("baseline", big))]
    memory += [(m, peak_memory(m, big)) for m in ("pypdfium2", "pdfplumber", "ours")]

    print(f"plan: {pages} PDF pages ({pdf.stat().st_size / 1e6:.1f} MB PDF, "
          f"{docx_path.stat().st_size / 1e6:.2f} MB .docx), best of {args.repeat}")
    for label, path, methods in (
        ("PDF ", pdf, ("pypdfium2", "pdfplumber", "ours")),
        ("Word", docx_path, ("python-docx", "python-docx+cells", "ours")),
    ):
        for method in methods:
            READERS[method](path)  # warm imports and caches outside the timing
        floor = None
        for method in methods:
            seconds = best_of(args.repeat, lambda m=method, p=path: READERS[m](p))
            floor = floor or seconds
            print(f"{label} {method:18} {seconds:7.3f} s  {pages / seconds:8.1f} pages/s  "
                  f"({seconds / floor:5.1f}x the floor)")

    print(f"peak memory, {big_pages}-page PDF ({big.stat().st_size / 1e6:.1f} MB), "
          "each in a fresh interpreter:")
    base = memory[0][1]["peak_mb"]
    for method, r in memory:
        line = f"  {method:18} peak {r['peak_mb']:7.1f} MB"
        if method != "imports only":
            line += (f"  (+{r['peak_mb'] - base:.1f} MB over imports)  {r['seconds']:6.2f} s  "
                     f"{big_pages / r['seconds']:7.1f} pages/s")
        print(line)


if __name__ == "__main__":
    main()
