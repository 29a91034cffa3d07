"""The explorer's search index (issue #16): kept in step with the nodes on every write and
removal, added to a graph file written before it, and safe for any text typed, on the
embedded store and a real Neo4j (its full-text index).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from stratgraph.graph.data import GraphData
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.explore import Candidate, lucene_escape, rank, lucene_query, query_words
from stratgraph.graph.model import Label, Node, Provenance
from stratgraph.graph.store import GraphStore


def graph(document: str, *names: tuple[str, str, tuple[str, ...]]) -> GraphData:
    """Themes of one document: (id, name, aliases) each."""
    data = GraphData()
    for i, (id_, name, aliases) in enumerate(names, 1):
        props = {"aliases": list(aliases)} if aliases else {}
        data.nodes[id_] = Node(id_, Label.THEME, name, Provenance(document, i), props)
    return data


def found(store: GraphStore, text: str) -> list[tuple[str, str]]:
    return [(h.id, h.matched) for h in store.search(text)]


def test_search_follows_every_write_and_removal(make_store: Callable[[], GraphStore]) -> None:
    store = make_store()
    store.write(graph("a.txt", ("theme:1", "Health and Wellbeing", ()),
                      ("theme:2", "Thriving Neighbourhoods", ("Safer Streets",))))
    assert found(store, "helth and welbeing")[0] == ("theme:1", "Health and Wellbeing")
    assert found(store, "safer streats")[0] == ("theme:2", "Safer Streets")
    # Renamed by the next build of the document: the old name no longer finds it.
    store.write(graph("a.txt", ("theme:1", "Healthy Lives", ()),
                      ("theme:2", "Thriving Neighbourhoods", ())),
                replace_documents=["a.txt"])
    assert found(store, "helthy lives")[0] == ("theme:1", "Healthy Lives")
    assert found(store, "wellbeing") == []
    assert found(store, "safer streets") == []
    # Another document's node, then that document removed.
    store.write(graph("b.txt", ("theme:3", "Climate Emergency", ())))
    assert found(store, "climate emergancy")[0][0] == "theme:3"
    store.write(GraphData(), replace_documents=["b.txt"])
    assert found(store, "climate emergancy") == []
    # A reopened store reads the same index.
    assert found(make_store(), "thriving neighbourhods")[0][0] == "theme:2"


@pytest.mark.parametrize("text", ["the and of", "!!!", "   ", "", '"(*~^:\\/ AND OR NOT',
                                  "a", "an of", "health AND", "wellbeing~2", "\u202e\x00"])
def test_any_text_searches_without_error(make_store: Callable[[], GraphStore],
                                         text: str) -> None:
    store = make_store()
    data = graph("a.txt", ("theme:1", "Health and Wellbeing", ()),
                 ("theme:2", "The Economy of the City", ()), ("theme:3", "Of the People", ()))
    store.write(data)
    # The same hits as ranking every name (only stop-words: still searched by them).
    assert store.search(text) == rank(
        [Candidate(n.id, "Theme", n.name, (), None) for n in data.nodes.values()], text, 20)


def test_an_older_graph_file_gets_the_index_on_open(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    store = EmbeddedStore(path)
    store.write(graph("a.txt", ("theme:1", "Health and Wellbeing", ("Public Health",))))
    store.close()
    # As a file written before the index existed.
    con = sqlite3.connect(path)
    for name in ("nodes_search_insert", "nodes_search_update", "nodes_search_delete",
                 "search_names_insert", "search_names_delete"):
        con.execute(f"DROP TRIGGER {name}")
    for name in ("search_vocab", "search_words", "search_names"):
        con.execute(f"DROP TABLE {name}")
    con.commit()
    con.close()
    reopened = EmbeddedStore(path)
    assert found(reopened, "publik helth")[0] == ("theme:1", "Public Health")
    reopened.write(graph("b.txt", ("theme:2", "Climate Emergency", ())))
    assert found(reopened, "climate")[0][0] == "theme:2"
    reopened.close()


def test_a_read_only_older_file_is_still_searched(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    store = EmbeddedStore(path)
    store.write(graph("a.txt", ("theme:1", "Health and Wellbeing", ())))
    store.close()
    con = sqlite3.connect(path)
    for name in ("nodes_search_insert", "nodes_search_update", "nodes_search_delete",
                 "search_names_insert", "search_names_delete"):
        con.execute(f"DROP TRIGGER {name}")
    for name in ("search_vocab", "search_words", "search_names"):
        con.execute(f"DROP TABLE {name}")
    con.commit()
    con.close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        store = EmbeddedStore(path)
        assert found(store, "helth and welbeing")[0][0] == "theme:1"
        store.close()
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)


def test_query_words_and_lucene_syntax() -> None:
    assert query_words("Helth, and WELBEING!") == ["helth", "welbeing"]
    assert query_words("the and of") == ["the", "and", "of"]
    assert query_words("?!*") == []
    assert lucene_escape('a+b-c"d~e*f:g\\h/i') == 'a\\+b\\-c\\"d\\~e\\*f\\:g\\\\h\\/i'
    assert lucene_query(["of"]) == "of~1 OR of*"
    assert lucene_query(["pria"]) == "pria~1 OR pria* OR p?ia* OR pr?a* OR pri?* OR pri*"
    assert lucene_query(['a"b']) == 'a\\"b~1 OR a\\"b* OR a?b* OR a\\"?* OR a\\"*'


def test_equal_scores_put_the_name_nearest_in_length_first() -> None:
    """A few typed words match a short name and a long one containing them equally well: the
    short name is what was looked for, the long one only mentions it."""
    from stratgraph.graph.explore import Candidate, rank

    long_action = Candidate("action:1", "Action", "Agreement of the Joint Health and Wellbeing "
                            "Strategy by the Health and Wellbeing Board", (), "plan:1")
    board = Candidate("partnership:1", "Partnership", "Health and Wellbeing Board", (), None)
    hits = rank([long_action, board], "helth and welbeing", 5)
    assert [h.id for h in hits][:2] == ["partnership:1", "action:1"]
    assert hits[0].score == hits[1].score
