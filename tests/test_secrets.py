"""The Neo4j password: read from safe places, never shown."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.config import StoreConfig, read_password_file
from stratgraph.errors import StoreError

SECRET = "s3cret-Pa55word!"
runner = CliRunner()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_repr_of_the_config_hides_the_password() -> None:
    config = StoreConfig(kind="neo4j", password=SECRET)
    assert SECRET not in repr(config)


def test_password_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pw"
    path.write_text(SECRET + "\n", encoding="utf-8")
    path.chmod(0o644)
    with pytest.raises(StoreError, match="readable by other users") as info:
        read_password_file(path)
    assert SECRET not in str(info.value)
    path.chmod(0o600)
    assert read_password_file(path) == SECRET


def test_connection_failure_never_shows_the_password(tmp_path: Path) -> None:
    # A real refused connection: nothing listens on this loopback port.
    uri = f"bolt://127.0.0.1:{free_port()}"
    pw = tmp_path / "pw"
    pw.write_text(SECRET, encoding="utf-8")
    pw.chmod(0o600)
    for args in (["--password", SECRET], ["--password-file", str(pw)]):
        result = runner.invoke(app, ["stats", "--store", "neo4j", "--uri", uri, *args])
        assert result.exit_code == 1
        assert SECRET not in result.output and SECRET not in (result.stderr or "")
        assert len([l for l in result.stderr.splitlines() if l.strip()]) == 1
        assert "Traceback" not in result.output


def test_exports_never_carry_the_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    plan = tmp_path / "p.txt"
    plan.write_text("Wexbridge City Council Plan 2024-25\n\n# Housing\n\nWe will build homes.\n",
                    encoding="utf-8")
    graph = tmp_path / "g.json"
    assert runner.invoke(app, ["build", str(plan), "--graph", str(graph)]).exit_code == 0
    for fmt in ("jsonl", "json", "graphml", "cypher"):
        out = tmp_path / f"out.{fmt}"
        assert runner.invoke(app, ["export", "-f", fmt, "-o", str(out), "--graph", str(graph)]
                             ).exit_code == 0
        assert SECRET not in out.read_text(encoding="utf-8")
    html = tmp_path / "g.html"
    assert runner.invoke(app, ["viz", "-o", str(html), "--graph", str(graph)]).exit_code == 0
    assert SECRET not in html.read_text(encoding="utf-8")
    # The graph file is SQLite: text values are stored as plain UTF-8 bytes.
    assert SECRET.encode() not in graph.read_bytes()
