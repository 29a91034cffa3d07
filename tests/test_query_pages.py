"""Whole-graph answers: pages (--limit/--offset), summaries first, rows streamed as CSV, JSON
and JSON lines (issue #17). The same on Neo4j: tests/test_queries_neo4j.py."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.cli.query_command import TABLE_PAGE, format_rows, write_rows
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.queries import (
    QUERIES,
    query_summary,
    run_query,
    stream_query,
    summarise_rows,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

runner = CliRunner()


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import synthetic

    path = tmp_path_factory.mktemp("pages") / "graph.json"
    EmbeddedStore(path).write(synthetic.synthetic_graph(councils=2))
    return path


def _cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_pages_are_slices_of_the_whole_answer(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    for name in sorted(QUERIES):
        rows = run_query(store, name)
        for offset, limit in ((0, 3), (5, 5), (len(rows) - 1, 10), (len(rows) + 5, 1), (2, 0)):
            page = list(stream_query(store, name, offset=max(offset, 0), limit=limit))
            assert page == rows[max(offset, 0):max(offset, 0) + limit], (name, offset, limit)


def test_the_summary_counts_rows_per_plan_and_reason(graph_file: Path) -> None:
    store = EmbeddedStore(graph_file)
    rows = run_query(store, "orphan-actions")
    summary = query_summary(store, "orphan-actions")
    assert sum(r["rows"] for r in summary) == len(rows)
    for line in summary:
        mine = [r for r in rows if r["plan"] == line["plan"]]
        assert line["rows"] == len(mine)
        for reason in ("NO_DEADLINE", "NO_MEASURE", "NO_OUTCOME", "NO_OWNER"):
            assert line.get(reason, 0) == sum(reason in r["reasons"] for r in mine)
    for name in QUERIES:
        assert query_summary(store, name) == summarise_rows(QUERIES[name], run_query(store, name))


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_streamed_output_is_the_same_text_as_before(graph_file: Path, fmt: str) -> None:
    store = EmbeddedStore(graph_file)
    for name in ("orphan-actions", "coverage", "plan-evolution"):
        rows = run_query(store, name)
        columns = QUERIES[name].column_names
        out = io.StringIO()
        assert write_rows(iter(rows), columns, fmt, out) == len(rows)
        assert out.getvalue() == format_rows(rows, columns, fmt) + "\n"
        empty = io.StringIO()
        write_rows(iter([]), columns, fmt, empty)
        assert empty.getvalue() == format_rows([], columns, fmt) + "\n"


def test_query_cli_pages_and_streams(graph_file: Path) -> None:
    rows = run_query(EmbeddedStore(graph_file), "orphan-actions")
    assert len(rows) > TABLE_PAGE
    lines = _cli("query", "orphan-actions", "-f", "jsonl", "--offset", "3", "--limit", "4",
                 "--graph", str(graph_file)).splitlines()
    assert [json.loads(line) for line in lines] == rows[3:7]
    every = _cli("query", "orphan-actions", "-f", "csv", "--graph", str(graph_file))
    assert len(list(csv.reader(io.StringIO(every)))) == len(rows) + 1
    summary = json.loads(_cli("query", "orphan-actions", "--summary", "-f", "json",
                              "--graph", str(graph_file)))
    assert sum(r["rows"] for r in summary) == len(rows)


def test_a_whole_graph_table_shows_the_summary_then_one_page(graph_file: Path) -> None:
    out = _cli("query", "orphan-actions", "--graph", str(graph_file))
    assert "orphan-actions summary by plan" in out
    assert f"first {TABLE_PAGE} rows" in out and "--offset" in out
    # A named item is read in full, as before.
    plan = run_query(EmbeddedStore(graph_file), "orphan-actions")[0]["plan_id"]
    named = _cli("query", "orphan-actions", "-p", f"plan={plan}", "--graph", str(graph_file))
    assert "summary" not in named


def test_a_negative_page_is_refused(graph_file: Path) -> None:
    result = runner.invoke(app, ["query", "coverage", "--limit", "-1", "--graph", str(graph_file)])
    assert result.exit_code != 0
