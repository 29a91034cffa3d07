"""Printing results for people: summary tables and a progress bar for long builds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from typing import TYPE_CHECKING

from stratgraph.graph.summary import Summary

if TYPE_CHECKING:
    from rich.text import Text

#: Builds of at least this many files show a progress bar.
PROGRESS_FROM = 10
#: Documents `stats` lists one per row; a national graph's thousands are counted, not listed.
DOCUMENT_ROWS = 40



def _to_terminal() -> bool:
    import sys

    return sys.stdout.isatty()


def print_summary(summary: Summary, loaded: list[str] | None = None) -> None:
    """Totals, then per-label and per-type counts, then one row per document.

    On a terminal the tables are rich's; into a file or pipe they are plain aligned text, in
    full (no wrapping or cut names), and rich is never imported (a build's output is mostly
    read by scripts and logs; rich's import and layout were a tenth of a small build's CPU).
    """
    totals = (f"{summary.nodes} nodes, {summary.relationships} relationships"
              + (f" (loaded {len(loaded)} document(s) this run)" if loaded is not None else ""))
    kinds = [(label, count) for label, count in summary.labels.items()]
    kinds += [(type_, count) for type_, count in summary.types.items()]
    kinds += [(f"  {method} links", count) for method, count in summary.methods.items()]
    listed = summary.documents[:DOCUMENT_ROWS]
    title = "By document" if len(listed) == len(summary.documents) else (
        f"By document: the first {len(listed)} of {len(summary.documents)} (all: --json)")
    documents = [(d.document, sum(d.nodes.values()), sum(d.relationships.values()),
                  ", ".join(f"{k} {v}" for k, v in d.nodes.items())) for d in listed]
    if _to_terminal():
        _rich_summary(totals, kinds, title, documents)
        return
    lines = [totals, "", "By label and type"]
    lines += _plain_table(("label / type", "count"), kinds, numeric=(False, True))
    lines += ["", title]
    lines += _plain_table(("document", "nodes", "relationships", "node labels"), documents,
                          numeric=(False, True, True, False))
    _write_lines(lines)


def _plain_table(headers: tuple[str, ...], rows: list[tuple[object, ...]],
                 numeric: tuple[bool, ...]) -> list[str]:
    """Columns two spaces apart under a dashed rule; numbers right-aligned; every cell
    printable (document text never drives the terminal)."""
    cells = [[printable(str(v)) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if right else v.ljust(w)
                         for v, w, right in zip(values, widths, numeric)).rstrip()

    return [line(list(headers)), line(["-" * w for w in widths]), *(line(r) for r in cells)]


def _write_lines(lines: list[str]) -> None:
    echo("\n".join(lines))


def _rich_summary(totals: str, kinds: list[tuple[str, int]], title: str,
                  documents: list[tuple[str, int, int, str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(_plain(totals))
    table = Table(title="By label and type", show_edge=False)
    table.add_column("label / type")
    table.add_column("count", justify="right")
    # Cells are Text, never markup: a name such as "[/bold]" is shown, not obeyed.
    for name, count in kinds:
        table.add_row(_plain(name), str(count))
    console.print(table)
    docs = Table(title=title, show_edge=False)
    docs.add_column("document")
    docs.add_column("nodes", justify="right")
    docs.add_column("relationships", justify="right")
    docs.add_column("node labels")
    for document, nodes, rels, labels in documents:
        docs.add_row(_plain(document), str(nodes), str(rels), _plain(labels))
    console.print(docs)


@contextmanager
def progress_callback(total: int) -> Iterator[Callable[[Path], None] | None]:
    """A callback that advances a progress bar per file, or None for small builds and when
    stderr is no terminal (a transient bar shows nothing there; rich is not even imported)."""
    import sys

    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("reading plans", total=total)

        def tick(path: Path) -> None:
            progress.update(task, advance=1, description=_markup_free(f"reading {path.name}"))

        yield tick


# Control characters (C0 but tab, DEL, C1) and the bidi overrides: a document's text must never
# drive the terminal (set its title, clear it, reorder what is shown).
_UNPRINTABLE = dict.fromkeys([*range(0, 9), *range(10, 32), *range(127, 160),
                              0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                              0x2066, 0x2067, 0x2068, 0x2069], "\ufffd")


def printable(text: str) -> str:
    """``text`` with every character that could control a terminal shown as U+FFFD."""
    return text.translate(_UNPRINTABLE)


# Characters JSON leaves as they are (json escapes only C0) that could still drive a terminal.
JSON_ESCAPES = {c: f"\\u{c:04x}" for c in [*range(127, 160), 0x202A, 0x202B, 0x202C, 0x202D,
                                               0x202E, 0x2066, 0x2067, 0x2068, 0x2069]}


def json_text(value: object) -> str:
    """``value`` as indented JSON, the text exact: characters that could drive a terminal are
    written as ``\\uXXXX`` escapes, which every JSON reader turns back into the same text."""
    import json

    return json.dumps(value, indent=2, ensure_ascii=False).translate(JSON_ESCAPES)


def for_terminal(text: str) -> str:
    """``text`` (CSV, several lines) as printed: exact into a file or pipe; on a terminal,
    control characters are shown as U+FFFD, line by line."""
    import sys

    if not sys.stdout.isatty():
        return text
    return "\n".join(printable(line) for line in text.split("\n"))


def _plain(text: str) -> Text:
    """``text`` for a rich table cell: as it is (no markup), nothing that drives a terminal."""
    from rich.text import Text

    return Text(printable(text))


def _markup_free(text: str) -> str:
    from rich.markup import escape

    return escape(printable(text))


def echo(text: str, *, err: bool = False) -> None:
    """Print ``text`` and a newline to stdout (or stderr), as ``typer.echo`` does.

    A command typer runs prints through typer's echo. ``build``'s quick path
    (:mod:`stratgraph.cli.build_command`), which never imports typer, prints the same bytes
    with the same write and flush: it runs only where click's echo adds nothing (streams in
    UTF-8), and its lines hold no escape sequence for click to strip (document text is
    :func:`printable` first)."""
    import sys

    typer = sys.modules.get("typer")
    if typer is not None:
        typer.echo(text, err=err)
        return
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    stream.write(text + "\n")
    stream.flush()


def say(text: str, *, err: bool = False) -> None:
    """Print a line that may hold document text or user input, safe for a terminal."""
    echo(printable(text), err=err)


def _echo(text: str) -> None:
    say(text)


def print_readings(extractions) -> None:  # noqa: ANN001 (Extraction, imported lazily)
    """One line per document read: its format, pages, the reader chosen and how sure it was;
    then each document's warnings."""
    for e in extractions:
        pages = f", {e.pages} page(s)" if e.pages else ""
        echo(printable(f"read {e.document} ({e.format}{pages}) with {e.loader} "
                       f"(sure {e.recognition:.2f})"), err=True)
        for warning in e.warnings:
            # Some loaders already name the file ("plan.txt:87: ..."): name it once.
            where = "" if warning.startswith(f"{e.document}:") else f"{e.document}: "
            echo(printable(f"warning: {where}{warning}"), err=True)


def _where(doc, line: int) -> str:  # noqa: ANN001 (Document)
    page = doc.page_of(line)
    return f"{line:>5}" if page is None else f"p{page:<3} {line:>5}"


def print_lines(doc, *, furniture: bool = False) -> None:  # noqa: ANN001 (Document)
    """The rendering with 1-based line numbers (and pages, for paged documents)."""
    for number, line in enumerate(doc.lines, start=1):
        if number == len(doc.lines) and not line:
            break
        _echo(f"{_where(doc, number)}  {line}")
    if furniture:
        _print_furniture(doc)


def _print_furniture(doc) -> None:  # noqa: ANN001
    if not doc.furniture:
        return
    _echo(f"-- furniture kept out of the graph ({len(doc.furniture)} block(s)) --")
    for block in doc.furniture:
        page = f"p{block.page} " if block.page else ""
        _echo(f"{page}{block.role or 'furniture'}: {block.text}")


def print_blocks(doc, *, furniture: bool = False) -> None:  # noqa: ANN001 (Document)
    """Each block with its lines, kind, level or marker, then its text (tables row by row)."""
    for block in doc.blocks:
        span = f"{block.line}" if block.end_line == block.line else f"{block.line}-{block.end_line}"
        page = f"p{block.page} " if block.page else ""
        kind = block.kind.value
        if block.level:
            kind += f"[{block.level}]"
        if block.kind.value == "table":
            _echo(f"{page}{span:>9}  {kind} ({len(block.rows)} rows)")
            for row in block.rows:
                _echo(" " * 12 + " | ".join(c.replace("\n", " / ") for c in row))
        else:
            _echo(f"{page}{span:>9}  {kind}: {block.text}")
    if furniture:
        _print_furniture(doc)


def print_explained(doc, explained) -> None:  # noqa: ANN001 (Document, Explained)
    """Each block, then the nodes made from its lines with their rules."""
    e = explained.extraction
    _echo(f"{doc.name}: read as {doc.format} with {e.loader} (sure {e.recognition:.2f})")
    for block in doc.blocks:
        first = block.text.split("\n", 1)[0]
        _echo(f"{block.line:>5}  {block.kind.value}: {first[:100]}")
        for line in range(block.line, block.end_line + 1):
            for label, name, rule in explained.by_line.get(line, ()):
                _echo(f"{'':>7}-> {label} {name!r}  [{rule}]")
    for warning in e.warnings:
        _echo(f"warning: {warning}")
