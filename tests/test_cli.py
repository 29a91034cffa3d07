"""The command line, driven through typer's CliRunner and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratgraph.graph.model import document_name
from stratgraph.cli.main import app

runner = CliRunner()

PLAN = """# Wexbridge City Council Delivery Plan 2024-25

# Getting around

We will launch a bus app for the city by March 2025.
"""


def commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_has_help_text() -> None:
    names = commands()
    assert {"build", "stats", "export", "query", "viz", "loaders"} <= set(names)
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        import typer.main

        command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
        assert command.help and len(command.help.strip()) > 10, name


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from stratgraph.cli.main import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('neo4j', 'pyvis', 'networkx') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in out.stdout


def test_build_stats_and_export_jsonl(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "delivery.txt"
    plan.parent.mkdir()
    plan.write_text(PLAN, encoding="utf-8")
    graph = tmp_path / "g.json"
    result = runner.invoke(app, ["build", str(plan.parent), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    assert "delivery.txt" in result.output

    result = runner.invoke(app, ["stats", "--graph", str(graph), "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["labels"]["Plan"] == 1
    assert [document_name(d["document"]) for d in stats["documents"]] == ["delivery.txt"]

    out = tmp_path / "g.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    nodes = [r for r in records if r["type"] == "node"]
    rels = [r for r in records if r["type"] == "relationship"]
    assert nodes and rels
    for node in nodes:
        assert set(node) == {"type", "id", "labels", "properties"}
        assert {"name", "source_document", "source_line"} <= set(node["properties"])
    ids = {n["id"] for n in nodes}
    for rel in rels:
        assert set(rel) == {"type", "id", "label", "properties", "start", "end"}
        assert rel["start"]["id"] in ids and rel["end"]["id"] in ids
        assert rel["start"]["labels"] and rel["end"]["labels"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty file"), (b"\x00\x01\x02\x03binary\x00", "binary file"), (b"   \n\n", "empty file")],
)
def test_a_file_that_is_not_a_plan_is_one_line_and_others_still_load(
    tmp_path: Path, content: bytes, message: str
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(content)
    (folder / "good.txt").write_text(PLAN, encoding="utf-8")
    graph = tmp_path / "g.json"
    result = runner.invoke(app, ["build", str(folder), "--graph", str(graph)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "bad.txt" in errors[0] and message in errors[0]
    stats = json.loads(runner.invoke(app, ["stats", "--graph", str(graph), "--json"]).output)
    assert [document_name(d["document"]) for d in stats["documents"]] == ["good.txt"]


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = runner.invoke(app, ["build", str(missing), "--graph", str(tmp_path / "g.json")])
    assert result.exit_code == 1
    assert "nowhere.txt" in result.stderr and "not found" in result.stderr
    assert "Traceback" not in result.output


def test_a_bad_build_never_loses_what_was_loaded_before(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PLAN, encoding="utf-8")
    graph = tmp_path / "g.json"
    assert runner.invoke(app, ["build", str(good), "--graph", str(graph)]).exit_code == 0
    before = graph.read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert runner.invoke(app, ["build", str(bad), "--graph", str(graph)]).exit_code == 1
    assert graph.read_bytes() == before


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    graph.write_text("{broken", encoding="utf-8")
    plain = runner.invoke(app, ["stats", "--graph", str(graph)])
    assert plain.exit_code == 1 and "g.json" in plain.stderr
    debug = runner.invoke(app, ["--debug", "stats", "--graph", str(graph)])
    assert debug.exit_code != 0 and debug.exception is not None


def test_console_script_runs(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "stratgraph.cli.main", "loaders"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert "delivery-plan" in out.stdout and "narrative" in out.stdout


def test_real_corpus_builds_and_exports_jsonl_with_provenance(corpus_dir: Path, tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    result = runner.invoke(app, ["build", str(corpus_dir), "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "g.jsonl"
    assert runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--graph", str(graph)]
                         ).exit_code == 0
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    records = [json.loads(line) for line in lines[:-1]]
    nodes = [r for r in records if r["type"] == "node"]
    assert len(nodes) > 1000
    corpus_files = {p.name for p in corpus_dir.glob("*.txt")}
    for node in nodes:
        props = node["properties"]
        assert document_name(props["source_document"]) in corpus_files
        assert isinstance(props["source_line"], int) and props["source_line"] >= 1
        assert props["name"].strip()
    for rel in (r for r in records if r["type"] == "relationship"):
        assert rel["properties"]["method"] in {"stated", "inferred", "curated"}
        assert 0 <= rel["properties"]["confidence"] <= 1
