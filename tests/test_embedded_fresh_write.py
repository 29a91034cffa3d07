"""A first write into an empty embedded store indexes names in one pass (issue #17's start-up),
and leaves exactly the search index the per-row triggers would have built."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import stratgraph.graph.embedded as embedded
from stratgraph.api import extract_documents
from stratgraph.graph.embedded import EmbeddedStore

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _index(path: Path) -> tuple[list, list, list]:
    con = sqlite3.connect(path)
    try:
        names = con.execute("SELECT rowid, node_id, name FROM search_names ORDER BY rowid").fetchall()
        words = con.execute("SELECT term, doc, cnt FROM search_vocab ORDER BY term").fetchall()
        triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                               "ORDER BY name").fetchall()
    finally:
        con.close()
    return names, words, triggers


@pytest.fixture(scope="module")
def graphs():
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix == ".txt")
    first = extract_documents(files[:3]).graph
    second = extract_documents(files[3:]).graph
    return first, second


def test_a_first_write_builds_the_index_the_triggers_would(tmp_path: Path, graphs,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = graphs
    assert any(n.properties.get("aliases") for n in first.nodes.values()), "no aliases to index"
    fast = tmp_path / "fast.db"
    EmbeddedStore(fast).write(first)
    monkeypatch.setattr(embedded, "_pause_search_triggers_if_empty", lambda con: False)
    slow = tmp_path / "slow.db"
    EmbeddedStore(slow).write(first)
    assert _index(fast) == _index(slow)
    assert _index(fast)[0] and len(_index(fast)[2]) == 5
    # Later writes (triggers back in place) keep both the same.
    monkeypatch.undo()
    for path in (fast, slow):
        EmbeddedStore(path).write(second)
    assert _index(fast) == _index(slow)
    name = next(iter(second.nodes.values())).name
    hits = EmbeddedStore(fast).search(name)
    assert hits and hits == EmbeddedStore(slow).search(name)


def test_a_failed_first_write_leaves_the_triggers(tmp_path: Path, graphs,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.db"
    EmbeddedStore(path).read()  # the file and its schema exist, empty

    def fail(con, graph):
        raise sqlite3.OperationalError("stopped")

    monkeypatch.setattr(embedded, "_fill_search_index", fail)
    with pytest.raises(Exception):
        EmbeddedStore(path).write(graphs[0])
    triggers = {name for name, _ in _index(path)[2]}
    assert {"nodes_search_insert", "search_names_insert"} <= triggers


def _commits(path: Path) -> int:
    """The file change counter SQLite keeps in its header: one per committed write."""
    return int.from_bytes(path.read_bytes()[24:28], "big")


def test_a_new_file_is_made_in_one_transaction(tmp_path: Path, graphs) -> None:
    # Judged by the empty file's table list, opening a new file ran the whole schema a second
    # time and a facts transaction after the one that made it (issue #17's start-up).
    path = tmp_path / "g.db"
    EmbeddedStore(path).write(graphs[0])
    assert _commits(path) == 2  # the file made, then the graph written
    con = sqlite3.connect(path)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()
    assert {"meta", "nodes", "edges", "answers", "search_names", "fact_actions", "fact_refs"} <= tables
    # Opened again, it is a current file: nothing to add, nothing written.
    assert EmbeddedStore(path).summary().nodes == len(graphs[0].nodes)
    assert _commits(path) == 2
