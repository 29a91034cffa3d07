"""The summary `build` and `stats` print: rich tables on a terminal, plain aligned text into a
file or pipe, both showing document text as written and never as markup or control codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import stratgraph.cli.render as render
from stratgraph.cli.main import app
from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.embedded import EmbeddedStore

runner = CliRunner()

DOCUMENT = "[/bold]a-rather-long-council-plan-name-that-a-terminal-table-would-cut.txt"
THEME = "Housing [red]now \x1b[2J"


def saved_graph(tmp_path: Path) -> Path:
    b = DocumentGraphBuilder(DOCUMENT)
    b.plan("Council Plan", 1)
    theme = b.theme(THEME, 3)
    b.action("Build homes", 5, theme=theme)
    path = tmp_path / "graph.db"
    EmbeddedStore(path).write(b.graph)
    return path


def test_into_a_pipe_the_summary_is_plain_aligned_text(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--graph", str(saved_graph(tmp_path))])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "3 nodes, 2 relationships"
    assert "By label and type" in lines and "By document" in lines
    assert not set(result.output) & set("┃│━╇")
    kinds = lines.index("By label and type")
    assert lines[kinds + 1].split() == ["label", "/", "type", "count"]
    rows = dict(line.rsplit(None, 1) for line in lines[kinds + 3:kinds + 6])
    assert rows == {"Action": "1", "Plan": "1", "Theme": "1"}
    # Names in full (a file is read by scripts), markup shown as written.
    row = next(line for line in lines if line.startswith(DOCUMENT))
    assert row.split()[1:3] == ["3", "2"]
    assert "\x1b" not in result.output


def test_on_a_terminal_the_summary_is_rich_and_still_safe(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "_to_terminal", lambda: True)
    result = runner.invoke(app, ["stats", "--graph", str(saved_graph(tmp_path))],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "┃" in result.output and "By label and type" in result.output
    assert "[/bold]a-rather" in result.output  # shown, not obeyed
    assert "\x1b" not in result.output


def test_a_build_into_a_pipe_imports_neither_rich_nor_pydantic(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("# Wexbridge Delivery Plan 2024-25\n\n# Getting around\n\n"
                    "We will launch a bus app by March 2025.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from stratgraph.cli.main import main\n"
        f"sys.argv = ['stratgraph', 'build', {str(plan)!r}, '--graph', "
        f"{str(tmp_path / 'g.db')!r}, '--threshold', '0.5', '--no-infer']\n"  # options coerced too
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print('LOADED', sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'pydantic'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert "LOADED []" in out.stdout
    assert "nodes," in out.stdout
