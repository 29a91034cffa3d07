"""``stratgraph text`` and what ``build`` says about each document it read."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from stratgraph.cli.main import app

runner = CliRunner()

PLAN = """# Northbridge City Council Plan 2024-28

Our priorities are:
- Homes for everyone
- A greener city

## Homes for everyone

We will build 400 council homes by March 2027.
"""


def _plan(tmp_path: Path, text: str = PLAN, name: str = "plan.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_prints_the_rendering_with_line_numbers(tmp_path: Path) -> None:
    result = runner.invoke(app, ["text", str(_plan(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split(None, 1) == ["1", "# Northbridge City Council Plan 2024-28"]
    assert lines[8].split(None, 1) == ["9", "We will build 400 council homes by March 2027."]


def test_text_blocks_and_explain_show_kinds_and_rules(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    blocks = runner.invoke(app, ["text", "--blocks", str(plan)]).output
    assert "4  list_item[1]: Homes for everyone" in blocks
    assert "7  heading[2]: Homes for everyone" in blocks
    explained = runner.invoke(app, ["text", "--explain", str(plan)]).output
    assert "-> Outcome 'Homes for everyone'  [list-after-outcomes-cue]" in explained
    assert "-> Action 'Build 400 council homes by March 2027'  [we-will-sentence]" in explained


def test_text_never_passes_terminal_codes_through(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "# Plan\n\nWe will \x1b]0;pwned\x07 clear \x1b[2J the screen.\n")
    result = runner.invoke(app, ["text", str(plan)])
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_unsupported_and_broken_files_are_one_line_each(tmp_path: Path) -> None:
    doc = tmp_path / "plan.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    result = runner.invoke(app, ["text", str(doc)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "plan.doc" in result.output and "save it as .docx or PDF" in result.output
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.7 not really")
    result = runner.invoke(app, ["text", str(pdf)])
    assert result.exit_code == 1 and "broken.pdf" in result.output
    assert result.output.strip().count("\n") == 0


def test_build_says_which_reader_read_each_document_and_warns_on_empty_ones(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    notes = _plan(tmp_path, "Minutes of the meeting held on Tuesday.\n\nApologies were received.\n",
                  "notes.txt")
    graph = tmp_path / "g.json"
    result = runner.invoke(app, ["build", str(plan), str(notes), "--graph", str(graph)])
    assert re.search(r"read plan\.md#[0-9a-f]{12} \(markdown\) with general \(sure 1\.00\)",
                     result.output)
    assert re.search(r"warning: notes\.txt#[0-9a-f]{12}: no outcome and no action found: is this a plan\?",
                     result.output)
    # Notes are not a plan: said, left out of the graph, and the exit code says so (issue 14).
    assert result.exit_code == 1, result.output
    assert re.search(r"notes\.txt(#[0-9a-f]{12})?: no theme, outcome, action or measure: not a plan, not saved",
                     result.output)
    from stratgraph.graph.embedded import EmbeddedStore
    from stratgraph.graph.model import document_name

    saved = EmbeddedStore(graph).read()
    assert {document_name(n.provenance.document) for n in saved.nodes.values()} == {"plan.md"}


def test_a_folder_of_every_format_builds_and_office_files_are_reported(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from formats.to_docx import write_docx
    from formats.to_html import write_html
    from formats.to_pdf import write_pdf
    from stratgraph.loaders.read.text import parse_blocks

    folder = tmp_path / "plans"
    folder.mkdir()
    blocks = parse_blocks(PLAN)
    _plan(folder, PLAN, "a.md")
    write_html(blocks, folder / "b.html")
    write_docx(blocks, folder / "c.docx")
    write_pdf(blocks, folder / "d.pdf")
    (folder / "e.pptx").write_bytes(b"PK\x03\x04 slides")
    result = runner.invoke(app, ["build", str(folder), "--graph", str(tmp_path / "g.json")])
    assert result.exit_code == 1
    for name, fmt in (("a.md", "markdown"), ("b.html", "html"), ("c.docx", "docx"), ("d.pdf", "pdf")):
        assert re.search(rf"read {re.escape(name)}#[0-9a-f]{{12}} \({fmt}", result.output)
    errors = [ln for ln in result.output.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "e.pptx" in errors[0] and "export it to PDF" in errors[0]
