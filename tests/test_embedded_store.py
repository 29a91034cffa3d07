"""The embedded store: idempotent, atomic, replace-by-document."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from stratgraph.errors import StoreError
from stratgraph.graph.embedded import EmbeddedStore
from test_model import small_graph


def test_write_then_reopen_gives_the_same_graph(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.write(small_graph())
    again = EmbeddedStore(path).read()
    assert again.nodes == small_graph().nodes
    assert again.relationships == small_graph().relationships


def test_writing_twice_gives_no_duplicates_and_the_same_graph(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.write(small_graph(), replace_documents=["a.txt"])
    first = EmbeddedStore(path).read()
    store.write(small_graph(), replace_documents=["a.txt"])
    assert EmbeddedStore(path).read() == first
    store.write(small_graph())
    assert EmbeddedStore(path).read() == first


def test_replace_removes_stale_nodes_of_that_document_only(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.json")
    store.write(small_graph("a.txt"))
    store.write(small_graph("b.txt"))
    from stratgraph.graph.builder import DocumentGraphBuilder

    b = DocumentGraphBuilder("a.txt")
    b.plan("A plan", 1)
    store.write(b.graph, replace_documents=["a.txt"])
    docs = {n.provenance.document for n in store.read().nodes.values()}
    assert docs == {"a.txt", "b.txt"}
    names = {n.name for n in store.read().nodes.values() if n.provenance.document == "a.txt"}
    assert names == {"A plan"}


def test_a_failed_save_keeps_the_previous_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.write(small_graph())
    before = EmbeddedStore(path).read()
    from stratgraph.graph import sqlite_tables
    from stratgraph.graph.builder import DocumentGraphBuilder

    def disk_full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    # Fails after the write has begun deleting and inserting rows.
    monkeypatch.setattr(sqlite_tables, "edge_row", disk_full)
    b = DocumentGraphBuilder("a.txt")
    b.plan("Another", 1)
    b.theme("T", 2)
    with pytest.raises(StoreError, match="disk is full"):
        store.write(b.graph, replace_documents=["a.txt"])
    assert EmbeddedStore(path).read() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_interrupt_during_save_keeps_the_previous_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.write(small_graph())
    before = EmbeddedStore(path).read()
    from stratgraph.graph import sqlite_tables

    def ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sqlite_tables, "edge_row", ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        store.write(small_graph("z.txt"))
    assert EmbeddedStore(path).read() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_a_damaged_graph_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError, match="g.json"):
        EmbeddedStore(path)
    path.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    with pytest.raises(StoreError, match="not a stratgraph graph"):
        EmbeddedStore(path)


def test_networkx_view_is_a_multidigraph_with_provenance(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.json")
    store.write(small_graph())
    g = store.networkx
    assert g.is_multigraph() and g.is_directed()
    for _, data in g.nodes(data=True):
        assert data["source_document"] == "a.txt"
    for _, _, data in g.edges(data=True):
        assert data["method"] == "stated"
