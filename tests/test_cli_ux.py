"""A terminal user's first hour (issue 14): no answer is silently empty, and what is printed
reads in an 80-column terminal.

Unknown names in ``--param`` are errors naming the closest; input with no plan fails; the demo
keeps to its own graph file; help shows flags as flags; Ctrl-C while starting is one line;
tables fit 80 columns with ``--format`` for full output.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from stratgraph.cli.query_command import TABLE_PAGE
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.cli.table import short_documents
from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.model import Label, RelType
from stratgraph.graph.suggest import closest

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def example_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from stratgraph.api import build

    graph = tmp_path_factory.mktemp("examples") / "graph.json"
    result = build([ROOT / "examples"], EmbeddedStore(graph))
    assert result.ok, result.errors
    return graph


def _typo(name: str) -> str:
    """``name`` with one letter dropped from the middle, as a hurried user types it."""
    middle = len(name) // 2
    return name[:middle] + name[middle + 1:]


# -- 1. unknown names are errors with suggestions ------------------------------------------

@pytest.mark.parametrize(
    ("query", "param", "label"),
    [
        ("orphan-actions", "theme", Label.THEME),
        ("orphan-actions", "plan", Label.PLAN),
        ("strategy-feeds", "strategy", Label.STRATEGY),
        ("strategy-feeds", "outcome", Label.OUTCOME),
        ("lead-portfolio", "lead", Label.CABINET_LEAD),
        ("plan-evolution", "organisation", Label.ORGANISATION),
    ],
)
def test_a_misspelt_name_is_an_error_that_names_the_closest(
    example_graph: Path, query: str, param: str, label: Label
) -> None:
    names = [n for _, n in EmbeddedStore(example_graph).names([label])]
    # A name long enough to misspell, and whose misspelling names nothing else.
    name = next(n for n in names if len(n) > 6 and _typo(n).lower() not in {m.lower() for m in names})
    wrong = _typo(name)
    result = runner.invoke(app, ["query", query, "-p", f"{param}={wrong}", "--graph",
                                 str(example_graph)])
    assert result.exit_code == 1, result.output
    assert f"no {param} named {wrong!r}; did you mean" in result.output
    assert repr(name) in result.output
    assert "0 row(s)" not in result.output

    right = runner.invoke(app, ["query", query, "-p", f"{param}={name.upper()}", "-f", "json",
                                "--graph", str(example_graph)])
    assert right.exit_code == 0, right.output


def test_a_plan_answers_to_its_document_file_and_an_id_is_not_a_name(example_graph: Path) -> None:
    store = EmbeddedStore(example_graph)
    plan = next(n for n in store.read().nodes.values() if n.label is Label.PLAN)
    for value in (plan.provenance.document, plan.id):
        result = runner.invoke(app, ["query", "orphan-actions", "-p", f"plan={value}", "-f",
                                     "json", "--graph", str(example_graph)])
        assert result.exit_code == 0, result.output


def test_a_known_name_with_no_rows_is_still_an_empty_answer(tmp_path: Path) -> None:
    b = DocumentGraphBuilder("tidy-plan.txt")
    b.plan("Tidy Plan", 1)
    housing = b.theme("Housing", 3)
    outcome = b.outcome("Decent homes", 4, theme=housing, level="theme")
    action = b.action("Build homes", 5, theme=housing, deadline="2025")
    b.link(RelType.SUPPORTS, action, outcome, 5)
    graph = tmp_path / "g.json"
    EmbeddedStore(graph).write(b.graph)
    result = runner.invoke(app, ["query", "orphan-actions", "-p", "theme=housing",
                                 "-p", "reason=NO_OUTCOME", "-f", "json", "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []


def test_closest_names() -> None:
    names = ["Housing", "Housing market", "Growing the economy", "Health"]
    assert closest("Hosing", names)[0] == "Housing"
    assert closest("zzzzqqq", names) == []


# -- 2. no plans: warn and fail ----------------------------------------------------------

def test_a_folder_with_no_plans_fails_and_builds_nothing(tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    empty = tmp_path / "empty"
    empty.mkdir()
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    (sheets / "budget.csv").write_text("line,amount\nroads,100\n", encoding="utf-8")
    for folder in (empty, sheets):
        result = runner.invoke(app, ["build", str(folder), "--graph", str(graph)])
        assert result.exit_code == 1, result.output
        assert "no plan files in" in result.output and "nothing was built" in result.output
        assert not graph.exists()


def test_stats_on_a_missing_graph_says_to_build_first(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--graph", str(tmp_path / "none.json")])
    assert result.exit_code == 1
    assert "run `stratgraph build` first" in result.output
    assert "0 nodes" not in result.output


# -- 3. the demo's own graph -------------------------------------------------------------

def test_make_demo_builds_into_its_own_graph_file_and_says_so() -> None:
    recipe = subprocess.run(["make", "-n", "demo"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout
    commands = [line for line in recipe.splitlines() if "bin/stratgraph " in line
                and not line.lstrip().startswith("echo")]
    assert commands, recipe
    graphs = set()
    for line in commands:
        words = line.split()
        assert "--graph" in words, f"the demo must not use the default graph: {line}"
        graphs.add(words[words.index("--graph") + 1])
    assert len(graphs) == 1 and ".stratgraph/graph.db" not in graphs
    (demo_graph,) = graphs
    assert any(demo_graph in line for line in recipe.splitlines() if "echo" in line)


# -- 4. terminal ---------------------------------------------------------------------------

@pytest.mark.parametrize("command", [[], ["build"], ["stats"], ["query"], ["viz"], ["export"],
                                     ["text"], ["loaders"]])
def test_help_shows_flags_as_flags(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "<bool>" not in result.output
    assert "--help" in result.output


def test_ctrl_c_while_starting_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    # Deterministic: the interrupt arrives while the CLI imports typer, as a Ctrl-C at start-up.
    script = ROOT / "pyproject.toml"
    target = tomllib.loads(script.read_text(encoding="utf-8"))["project"]["scripts"]["stratgraph"]
    module, func = target.split(":")
    code = (
        "import builtins, importlib, sys\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *a, **k):\n"
        "    if name == 'typer' or name.startswith('typer.'):\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = interrupted\n"
        "sys.argv = ['stratgraph', '--help']\n"
        f"getattr(importlib.import_module({module!r}), {func!r})()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 130
    assert done.stderr.strip() == "interrupted"


def _seventy_rows(tmp_path: Path) -> Path:
    """A plan (with a long file name, as councils name them) with 70 orphan actions."""
    b = DocumentGraphBuilder("leicestershire-county-council-strategic-plan-2018-22.txt")
    b.plan("Leicestershire County Council Strategic Plan 2018-22", 1)
    for t in range(7):
        theme = b.theme(f"Theme {t}: keeping people safe and well in their communities", 10 + t)
        for a in range(10):
            line = 100 + 10 * t + a
            name = (f"Work with partners across the county to deliver programme {t}.{a}, "
                    "improving outcomes for residents in every district")
            b.action(name, line, theme=theme, deadline="March 2022" if a % 2 else None)
    graph = tmp_path / "g.json"
    EmbeddedStore(graph).write(b.graph)
    return graph


def test_a_seventy_row_table_fits_80_columns(tmp_path: Path) -> None:
    graph = _seventy_rows(tmp_path)
    # --limit: a whole-graph answer of more than a page otherwise shows its summary first.
    result = runner.invoke(app, ["query", "orphan-actions", "--limit", "100", "--graph",
                                 str(graph)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    assert "orphan-actions: 70 row(s)" in lines[0]
    # Before: 11 lines a row at 80 columns, names folded mid-word. Now a heading per theme and
    # about 4 lines a row (the action's 90 characters, one reason code a line).
    assert len(lines) <= 70 * 5, len(lines)
    # Every row's source as a short document name with file:line, never broken.
    short = short_documents(["leicestershire-county-council-strategic-plan-2018-22.txt"])
    stem = short["leicestershire-county-council-strategic-plan-2018-22.txt"]
    assert len(stem) <= 16
    for t in range(7):
        for a in range(10):
            assert f"{stem}:{100 + 10 * t + a}" in result.output
    assert f"{stem} = leicestershire-county-council-strategic-plan-2018-22.txt" in " ".join(
        line.strip() for line in lines)


def test_format_still_gives_everything_in_full(tmp_path: Path) -> None:
    graph = _seventy_rows(tmp_path)
    result = runner.invoke(app, ["query", "orphan-actions", "-f", "json", "--graph", str(graph)],
                           env={"COLUMNS": "80"})
    rows = json.loads(result.output)
    assert len(rows) == 70
    assert all(r["source_document"] == "leicestershire-county-council-strategic-plan-2018-22.txt"
               for r in rows)
    assert all(r["action"].endswith("improving outcomes for residents in every district")
               for r in rows)


def test_short_document_names_stay_distinct() -> None:
    short = short_documents(["leicester-city-delivery-plan-2013-14.txt",
                             "leicestershire-county-strategic-plan-2014-18.txt",
                             "plan.txt"])
    assert short == {"leicester-city-delivery-plan-2013-14.txt": "lcdp-2013-14",
                     "leicestershire-county-strategic-plan-2014-18.txt": "lcsp-2014-18",
                     "plan.txt": "plan.txt"}
    clash = short_documents(["leicester-city-plan-2020.txt", "luton-council-plan-2020.txt"])
    assert len(set(clash.values())) == 2


def test_readme_says_how_to_reach_the_installed_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".venv/bin/stratgraph" in readme
    assert "source .venv/bin/activate" in readme


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "stratgraph").exists() and
                    not os.environ.get("CI"), reason="no ./.venv/bin/stratgraph here")
def test_the_installed_command_starts() -> None:
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "stratgraph"), "--help"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Usage" in done.stdout


@pytest.mark.parametrize("query", ["orphan-actions", "unsupported-outcomes", "coverage",
                                   "lead-portfolio", "cross-theme-dependencies",
                                   "strategy-feeds", "plan-evolution"])
def test_every_query_reads_in_80_columns(example_graph: Path, query: str) -> None:
    result = runner.invoke(app, ["query", query, "--graph", str(example_graph)],
                           env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    rows = json.loads(runner.invoke(app, ["query", query, "-f", "json", "--graph",
                                          str(example_graph)]).output)
    if len(rows) > TABLE_PAGE:
        # A whole-graph answer longer than a page: the summary first, then the first page.
        assert lines[0].startswith(f"{query} summary by "), lines[0]
        assert f"{query}, first {TABLE_PAGE} rows: {TABLE_PAGE} row(s)" in lines
    else:
        assert f"{query}: {len(rows)} row(s)" == lines[0]
    # Sources show whole, as short file:line, in table and block layouts alike.
    for row in rows[:20]:
        if row.get("source_document"):
            short = short_documents([r["source_document"] for r in rows if r.get("source_document")]
                                    + [e.rpartition(":")[0] for r in rows
                                       for e in r.get("evidence") or ()])
            assert f"{short[row['source_document']]}:{row['source_line']}" in result.output


def test_stats_of_a_national_graph_counts_its_documents_rather_than_listing_them(
        capsys: pytest.CaptureFixture[str]) -> None:
    from stratgraph.cli.render import DOCUMENT_ROWS, print_summary
    from stratgraph.graph.summary import DocumentCounts, Summary

    documents = [DocumentCounts(f"council-{i:04}.pdf#{i:012x}", {"Action": 3}, {"SUPPORTS": 2})
                 for i in range(2400)]
    print_summary(Summary(7200, 4800, {"Action": 7200}, {"SUPPORTS": 4800}, {}, documents))
    out = capsys.readouterr().out
    assert f"the first {DOCUMENT_ROWS} of 2400 (all: --json)" in out
    assert "council-0039.pdf" in out and "council-0040.pdf" not in out
