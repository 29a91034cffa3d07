"""The embedded store: idempotent, atomic, replace-by-document."""

from __future__ import annotations

import json
import os
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


def test_writing_twice_gives_no_duplicates_and_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.write(small_graph(), replace_documents=["a.txt"])
    first = path.read_bytes()
    store.write(small_graph(), replace_documents=["a.txt"])
    assert path.read_bytes() == first
    store.write(small_graph())
    assert path.read_bytes() == first


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


def test_a_failed_save_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.write(small_graph())
    before = path.read_bytes()

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    from stratgraph.graph.builder import DocumentGraphBuilder

    b = DocumentGraphBuilder("c.txt")
    b.plan("Another", 1)
    with pytest.raises(StoreError, match="No space left"):
        store.write(b.graph)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_interrupt_during_save_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.write(small_graph())
    before = path.read_bytes()

    def ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        store.write(small_graph("z.txt"))
    assert path.read_bytes() == before
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
