"""Reader conformance: the same plan in Markdown, HTML, Word and PDF reads as its text version.

Each example plan (``examples/*.txt``) is written in every format from its blocks
(``tests/formats``), read back with ``SourceDocument.from_path`` and extracted. The text version
is the reference: the format must give the same blocks (kinds, levels, texts, table cells)
and the same graph (nodes and relationships, provenance such as lines and pages aside). The
PDF layouts are checked too: two columns, slides, a table across page breaks. Node ids are keyed on the document's name, so each format's
document is given the text file's name before extraction.

What a format cannot do yet is an expected failure that says why; ``strict`` makes it fail
loudly once it passes, so the mark goes with the fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXAMPLES
from formats import write_docx, write_html, write_md, write_pdf
from formats.common import plain

from stratgraph.graph.data import GraphData
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.read.model import Block, BlockKind, Document
from stratgraph.loaders.read.text import parse_blocks
from stratgraph.loaders.registry import extract

PLANS = sorted(p.name for p in EXAMPLES.glob("*.txt"))
WRITERS: dict[str, Callable[..., Path]] = {
    "md": write_md, "html": write_html, "docx": write_docx, "pdf": write_pdf,
}
#: The reader module each format needs; a format whose reader is not written yet is skipped.
READERS = {
    "md": "stratgraph.loaders.read.text",
    "html": "stratgraph.loaders.read.html",
    "docx": "stratgraph.loaders.read.docx",
    "pdf": "stratgraph.loaders.read.pdf",
}
#: Properties that say where a record was read, not what it is.
PROVENANCE = frozenset({"source_line", "source_page", "mentions"})

# -- generating and reading -----------------------------------------------------------------


def _reader_available(fmt: str) -> None:
    pytest.importorskip(READERS[fmt], reason=f"the {fmt} reader is not written yet")


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("formats")


_cache: dict[tuple[str, str], Document] = {}


def text_doc(plan: str) -> Document:
    """The text version of an example plan, read as the build reads it."""
    key = ("txt", plan)
    if key not in _cache:
        _cache[key] = SourceDocument.from_path(EXAMPLES / plan)
    return _cache[key]


def format_doc(fmt: str, plan: str, out_dir: Path, **options: object) -> Document:
    """``plan`` written in ``fmt`` from its text version's blocks, then read back."""
    _reader_available(fmt)
    variant = "".join(f".{k}-{v}" for k, v in sorted(options.items()))
    key = (fmt + variant, plan)
    if key not in _cache:
        blocks = parse_blocks(text_doc(plan).text)
        path = out_dir / f"{Path(plan).stem}{variant}.{fmt}"
        WRITERS[fmt](blocks, path, **options)
        _cache[key] = SourceDocument.from_path(path)
    return _cache[key]


# -- comparing graphs -----------------------------------------------------------------------


def _value(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def graph_records(graph: GraphData) -> tuple[set[tuple], set[tuple]]:
    """Nodes as (id, label, name, properties) and relationships as (type, start, end,
    method), provenance left out."""
    nodes = {
        (n.id, str(n.label), n.name,
         tuple(sorted((k, _value(v)) for k, v in n.properties.items() if k not in PROVENANCE)))
        for n in graph.nodes.values()
    }
    rels = {(str(r.type), r.start, r.end, str(r.method)) for r in graph.relationships.values()}
    return nodes, rels


def _differences(expected: GraphData, got: GraphData) -> list[str]:
    names = {n.id: f"{n.label}:{n.name}" for g in (expected, got) for n in g.nodes.values()}
    en, er = graph_records(expected)
    gn, gr = graph_records(got)
    out = [f"missing node {n[1]} {n[2]!r} {dict(n[3])}" for n in sorted(en - gn)]
    out += [f"extra node {n[1]} {n[2]!r} {dict(n[3])}" for n in sorted(gn - en)]
    out += [f"missing {r[0]} {names.get(r[1])} -> {names.get(r[2])} ({r[3]})"
            for r in sorted(er - gr)]
    out += [f"extra {r[0]} {names.get(r[1])} -> {names.get(r[2])} ({r[3]})"
            for r in sorted(gr - er)]
    return out


# -- comparing blocks -----------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split())


def _row(row: Iterable[str]) -> tuple[str, ...]:
    cells = [_norm(c) for c in row]
    while cells and not cells[-1]:
        cells.pop()  # a text row may stop short where a real table has empty cells
    return tuple(cells)


def block_key(block: Block) -> tuple:
    """What a block is, modulo whitespace: kind, level, text (a table: its rows).

    A heading is compared without its inline marks: a heading's bold is its style.
    """
    if block.kind is BlockKind.TABLE:
        return ("table", tuple(_row(r) for r in block.rows))
    if block.kind is BlockKind.HEADING:
        return ("heading", block.level, _norm(plain(block.text)))
    if block.kind is BlockKind.LIST_ITEM:
        return ("list_item", block.level, _norm(block.text))
    return (block.kind.value, _norm(block.text))


def _first_difference(expected: list[tuple], got: list[tuple]) -> str:
    for i, (e, g) in enumerate(zip(expected, got)):
        if e != g:
            return f"block {i}: expected {e!r}\n          got {g!r}"
    return f"{len(expected)} blocks expected, {len(got)} read (first extra: " \
           f"{(got[len(expected)] if len(got) > len(expected) else expected[len(got)])!r})"


# -- the suite -------------------------------------------------------------------------------


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("fmt", list(WRITERS))
def test_same_graph_as_the_text_version(fmt: str, plan: str, out_dir: Path) -> None:
    text = text_doc(plan)
    doc = replace(format_doc(fmt, plan, out_dir), name=text.name)
    expected, got = extract(text), extract(doc)
    assert got.loader == expected.loader
    differences = _differences(expected.graph, got.graph)
    assert not differences, f"{fmt} {plan}:\n" + "\n".join(differences[:40])


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_same_blocks_as_the_text_version(fmt: str, plan: str, out_dir: Path) -> None:
    expected = [block_key(b) for b in text_doc(plan).blocks]
    got = [block_key(b) for b in format_doc(fmt, plan, out_dir).blocks]
    assert got == expected, _first_difference(expected, got)


_SPLIT_HYPHEN = re.compile(r"(?<=\w)(?:- | -)(?=\w)")


def _pdf_key(block: Block) -> tuple:
    """``block_key`` less a repair only the PDF reader makes: it closes up a hyphen split from
    its word inside a line ("anti- social"), which a text conversion keeps."""
    key = block_key(block)
    if block.kind is BlockKind.TABLE:
        return ("table", tuple(tuple(_SPLIT_HYPHEN.sub("-", c) for c in row) for row in key[1]))
    return (*key[:-1], _SPLIT_HYPHEN.sub("-", key[-1]))


def _kinds(blocks: Iterable[Block], kind: BlockKind) -> list[tuple]:
    return [_pdf_key(b) for b in blocks if b.kind is kind]


@pytest.mark.parametrize("plan", PLANS)
def test_pdf_same_blocks_as_the_text_version(plan: str, out_dir: Path) -> None:
    expected = [_pdf_key(b) for b in text_doc(plan).blocks]
    got = [_pdf_key(b) for b in format_doc("pdf", plan, out_dir).blocks]
    assert got == expected, _first_difference(expected, got)


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_page_furniture_is_not_text(fmt: str, out_dir: Path) -> None:
    plan = "wexbridge-city-delivery-plan-2024-25.txt"
    doc = format_doc(fmt, plan, out_dir)
    title = "CITY MAYOR'S DELIVERY PLAN"
    # The running header is the plan's own title: it is rendered once, as the title.
    assert sum(_norm(plain(line)).lstrip("# ") == title for line in doc.lines) == 1
    for chrome in ("Page 1", "Page 2", "Skip to content", "Accept all cookies", "Related pages",
                   "Share on Facebook", "Privacy notice", "Bins and recycling", "Your council"):
        assert chrome not in doc.text, chrome
    if fmt == "pdf":
        assert doc.page_count and doc.page_count > 1
        assert any("Page 2" in b.text for b in doc.furniture)


# -- the PDF layouts -------------------------------------------------------------------------


def _stream(blocks: Iterable[Block]) -> str:
    """A document's words in reading order, spaces and marks left out: where a column or page
    ends inside a paragraph the reader may rightly join its two parts, and a long token broken
    at a column's edge ("Corpo|ratePlan2005.doc") may come back with a space."""
    parts = []
    for b in blocks:
        if b.kind is BlockKind.TABLE:
            parts.extend(plain(c) for row in b.rows for c in row)
        else:
            parts.append(plain(b.text))
    return _SPLIT_HYPHEN.sub("-", "".join("".join(parts).split()))


@pytest.mark.parametrize("plan", PLANS)
def test_pdf_two_columns_read_column_by_column(plan: str, out_dir: Path) -> None:
    text = text_doc(plan).blocks
    two = format_doc("pdf", plan, out_dir, columns=2).blocks
    for kind in (BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.TABLE):
        expected, got = _kinds(text, kind), _kinds(two, kind)
        assert got == expected, f"{kind.value}s: " + _first_difference(expected, got)
    expected, got = _stream(text), _stream(two)
    at = next((i for i, (e, g) in enumerate(zip(expected, got)) if e != g),
              min(len(expected), len(got)))
    assert got == expected, f"at {at}: expected ...{expected[at - 60:at + 60]}\n" \
                            f"                 got ...{got[at - 60:at + 60]}"


def test_pdf_slides_read_as_titles_and_bullets(out_dir: Path) -> None:
    plan = "wexshire-county-strategic-plan-2024-28.txt"
    source = [b for b in text_doc(plan).blocks if b.kind is not BlockKind.TABLE]
    doc = format_doc("pdf", plan, out_dir, landscape_slides=True)
    # Each slide: its title a heading, everything else a bullet, in order.
    expected = [("heading", _norm(plain(b.text))) if b.kind is BlockKind.HEADING
                else ("list_item", _norm(b.text)) for b in source]
    got = [(b.kind.value, _norm(plain(b.text)) if b.kind is BlockKind.HEADING else _norm(b.text))
           for b in doc.blocks if b.kind is not BlockKind.TABLE]
    assert got == expected, _first_difference(expected, got)
    headings = [b for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert doc.page_count is not None and doc.page_count >= len(headings)
    # Slide n's title is on page n or later, never before the one before it.
    pages = [b.page for b in headings]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)


def _long_table() -> list[Block]:
    header = ("Performance measure", "Target 2024/25", "Lead")
    rows = [header] + [
        (f"Measure {i}: residents helped by service {i} across the city",
         f"{100 + i * 7} people", "Director of Place" if i % 2 else "Director of People")
        for i in range(1, 71)
    ]
    return [
        Block(BlockKind.HEADING, "Performance measures", 1, 1, level=1),
        Block(BlockKind.PARAGRAPH, "The measures we report to Cabinet every quarter.", 3, 3),
        Block(BlockKind.TABLE, "", 5, 5 + len(rows) - 1, rows=tuple(rows), header=True),
        Block(BlockKind.PARAGRAPH, "Targets are reviewed each spring.", 77, 77),
    ]


def _long_table_doc(out_dir: Path) -> tuple[list[Block], Document]:
    _reader_available("pdf")
    key = ("long-table", "")
    blocks = _long_table()
    if key not in _cache:
        _cache[key] = SourceDocument.from_path(write_pdf(blocks, out_dir / "long-table.pdf"))
    return blocks, _cache[key]


def test_pdf_table_across_a_page_break_reads_as_one_table(out_dir: Path) -> None:
    blocks, doc = _long_table_doc(out_dir)
    assert doc.page_count == 3
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1, f"{len(tables)} tables read"
    # The header row repeated on the next pages is not a row of the table.
    assert [_row(r) for r in tables[0].rows] == [_row(r) for r in blocks[2].rows]
    assert [block_key(b) for b in doc.blocks if b.kind is not BlockKind.TABLE] == \
        [block_key(b) for b in blocks if b.kind is not BlockKind.TABLE]
    assert doc.blocks[-1].page == 3


def test_pdf_rows_after_a_page_break_are_on_the_next_page(out_dir: Path) -> None:
    _, doc = _long_table_doc(out_dir)
    table = next(b for b in doc.blocks if b.kind is BlockKind.TABLE)
    assert "Measure 70" in doc.line(table.end_line)
    assert doc.page_of(table.end_line) == 3


# -- Markdown's rendering -------------------------------------------------------------------


@pytest.mark.parametrize("plan", PLANS)
def test_markdown_lines_are_the_text_versions(plan: str, out_dir: Path) -> None:
    """Pipe tables become tab rows and their rule rows go, so every block keeps its line."""
    text = text_doc(plan)
    md = format_doc("md", plan, out_dir)
    assert len(md.lines) == len(text.lines)
    assert [(b.line, b.end_line) for b in md.blocks] == [(b.line, b.end_line) for b in text.blocks]


def test_text_files_render_byte_for_byte(tmp_path: Path) -> None:
    raw = "| a | b |\n|---|---|\n| 1 | 2 |\n\tx\t\n"
    path = tmp_path / "plan.txt"
    path.write_text(raw, encoding="utf-8")
    assert SourceDocument.from_path(path).text == raw
    md = tmp_path / "plan.md"
    md.write_text(raw + "\nescaped | pipe\n", encoding="utf-8")
    assert SourceDocument.from_path(md).text == "a\tb\n1\t2\n\tx\t\n\nescaped | pipe\n"


def test_markdown_pipe_tables_only() -> None:
    from stratgraph.loaders.read.text import markdown_rendering

    md = ("Intro | not a table\n\n"
          "Theme | Lead\n:--- | ---:\nHousing \\| homes | Cllr Hale\n\n"
          "```\n| in | fence |\n|---|---|\n```\n"
          "| one |\n|---|\n| x |\n"
          "Title\n---\n")
    assert markdown_rendering(md) == (
        "Intro | not a table\n\n"
        "Theme\tLead\nHousing | homes\tCllr Hale\n\n"
        "```\n| in | fence |\n|---|---|\n```\n"
        "one\nx\n"
        "Title\n---\n")


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_markup_in_a_plan_stays_text(fmt: str, tmp_path: Path) -> None:
    _reader_available(fmt)
    hostile = 'Budget <b>not bold</b> & <script>alert("x")</script> &amp; 5 < 6'
    blocks = [
        Block(BlockKind.HEADING, "Finance & <Commercial>", 1, 1, level=1),
        Block(BlockKind.PARAGRAPH, hostile, 3, 3),
        Block(BlockKind.TABLE, "", 5, 6, header=True,
              rows=(("Measure", "Target"), ("Variance <1% & falling", "**A** & <i>B</i>"))),
    ]
    doc = SourceDocument.from_path(WRITERS[fmt](blocks, tmp_path / f"hostile.{fmt}"))
    got = [block_key(b) for b in doc.blocks]
    # (A one-page PDF's running header cannot be told from a first line, so it may be read
    # as a paragraph before the heading: look for the blocks, in order.)
    heading, paragraph = (block_key(b) for b in blocks[:2])
    assert heading in got and paragraph in got and got.index(heading) < got.index(paragraph)
    table = next(b for b in doc.blocks if b.kind is BlockKind.TABLE)
    assert _row(table.rows[1])[0] == "Variance <1% & falling"
