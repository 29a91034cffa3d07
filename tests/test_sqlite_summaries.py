"""The embedded store's whole-graph summaries counted in SQL equal the summaries of the rows.

`graph/sqlite_summaries.py` asks the questions of the tables, not of networkx; here every query
it counts, under every parameter set tests/test_queries_neo4j.py uses, gives exactly
``summarise_rows`` of the query's rows, on seeded random graphs (cycles of SUPPORTS, outcomes
of other plans, inferred links at several confidences, names differing in case and accents)
and on the example corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stratgraph.errors import QueryError
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.queries import (QUERIES, prepare_params, query_summary, run_query,
                                     stream_query, summarise_rows)
from stratgraph.graph.sqlite_summaries import PAGES, SUMMARIES
from tests.query_random import random_graph

PARAMS = [
    {},
    {"min_confidence": 0.6},
    {"min_confidence": 0.8, "reason": "NO_MEASURE", "kind": "shared-strategy"},
    {"theme": "housing", "plan": "Plan 1", "kind": "theme", "organisation": "CITY"},
    {"theme": "housing"},
    {"plan": "doc0.txt", "name": "Strategy 1"},
    {"reason": "NO_SUPPORT", "level": "STRATEGIC"},
    {"reason": "NO_OWNER", "scope": "theme", "lead": "cllr 1"},
    {"plan": "PLAN 2", "scope": "plan", "min_confidence": 0.7},
]


def _params_for(name: str, params: dict[str, Any]) -> dict[str, Any]:
    taken = {p.name for p in QUERIES[name].params}
    chosen = {k: v for k, v in params.items() if k in taken}
    try:
        prepare_params(name, chosen)
    except QueryError:
        chosen = {k: v for k, v in chosen.items() if k not in ("kind", "reason")}
    return chosen


def _check(store: EmbeddedStore) -> None:
    from stratgraph.graph import sqlite_summaries
    from stratgraph.graph.embedded import _counted_summary

    _check_facts(store)
    _check_pages(store)
    _check_rows(store)
    for name in sorted(SUMMARIES):
        for params in PARAMS:
            chosen = _params_for(name, params)
            rows = run_query(EmbeddedStore(store.path), name, chosen)
            expected = summarise_rows(QUERIES[name], rows)
            assert query_summary(store, name, chosen) == expected, (name, chosen)
            # Counted in SQL even where the store would take one plan's rows instead.
            prepared = prepare_params(name, chosen)

            def counted(con: Any) -> Any:
                return _counted_summary(con, QUERIES[name], SUMMARIES[name], prepared)

            got = store._read(counted)
            # None: not counted in SQL for these parameters (the rows' summary is used).
            assert got in (None, expected), (name, chosen)
            # The pair queries count from their facts with no item named (else their rows).
            named = name in PAGES and any(
                prepared.get(k) is not None for k in ("theme", "plan", "name", "organisation"))
            if not prepared.get("min_confidence") and not named:
                assert got == expected, (name, chosen)
            # The live count (no facts, as a file another version wrote) agrees as well.
            facts = sqlite_summaries._from_facts
            sqlite_summaries._from_facts = lambda con, p: False
            try:
                assert store._read(counted) in (None, expected), (name, chosen)
            finally:
                sqlite_summaries._from_facts = facts


def _check_rows(store: EmbeddedStore) -> None:
    """Rows built from the facts (coverage) equal the rows networkx computes, row for row and
    in order, or are not served (None: another threshold)."""
    from stratgraph.graph.queries import run_embedded
    from stratgraph.graph.sqlite_summaries import ROWS, prepare

    for name in sorted(ROWS):
        for params in PARAMS:
            chosen = prepare_params(name, _params_for(name, params))
            live = run_embedded(EmbeddedStore(store.path), name, chosen)

            def built(con: Any, n: str = name, c: dict[str, Any] = chosen) -> Any:
                prepare(con)
                return ROWS[n](con, c)

            got = store._read(built)
            if not chosen.get("min_confidence"):
                assert got == live, (name, chosen)
            else:
                assert got is None, (name, chosen)
            assert run_query(EmbeddedStore(store.path), name, chosen) == live, (name, chosen)


#: (offset, limit) of the pages compared with the rows.
WINDOWS = [(0, 50), (0, 1), (0, 3), (2, 5), (7, 4), (1, 1000)]


def _check_pages(store: EmbeddedStore) -> None:
    """Pages built from the facts (cross-theme-dependencies, plan-evolution) equal slices of
    the rows, or are not served (None) for the parameters the facts do not hold."""
    from stratgraph.graph.sqlite_summaries import prepare

    for name in sorted(PAGES):
        for params in PARAMS:
            chosen = prepare_params(name, _params_for(name, params))
            rows = run_query(EmbeddedStore(store.path), name, chosen)
            served = 0
            for offset, limit in [*WINDOWS, (max(len(rows) - 2, 0), 10)]:
                def page(con: Any, o: int = offset, n: int = limit) -> Any:
                    prepare(con)
                    return PAGES[name](con, chosen, o, n)

                got = store._read(page)
                if got is not None:
                    served += 1
                    assert got == rows[offset:offset + limit], (name, chosen, offset, limit)
            if all(chosen.get(k) in (None, 0.0) for k in
                   ("theme", "plan", "name", "organisation", "min_confidence")):
                assert served, (name, chosen)
            # Through the store: a first page of a store that has not built the rows.
            assert list(stream_query(EmbeddedStore(store.path), name, chosen, offset=1,
                                     limit=3)) == rows[1:4], (name, chosen)


def _facts(con: Any) -> dict[str, list[tuple[Any, ...]]]:
    from stratgraph.graph.sqlite_facts import FACT_TABLES

    return {table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in FACT_TABLES}


def _check_facts(store: EmbeddedStore) -> None:
    """The facts kept write by write equal the facts computed afresh from the whole graph."""
    from stratgraph.graph import sqlite_facts

    con = store._connect()
    assert sqlite_facts.current(con)
    kept = _facts(con)
    con.execute("BEGIN IMMEDIATE")
    try:
        sqlite_facts.refresh(con, None)
        afresh = _facts(con)
    finally:
        con.execute("ROLLBACK")
    assert kept == afresh


@pytest.mark.parametrize("seed", range(12))
def test_counted_summaries_equal_the_rows_summaries(seed: int, tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.db")
    store.write(random_graph(seed, documents=4))
    _check(store)


def test_counted_summaries_on_the_example_corpus(tmp_path: Path) -> None:
    from stratgraph.api import build

    store = EmbeddedStore(tmp_path / "graph.db")
    build([Path(__file__).resolve().parents[1] / "examples"], store)
    _check(store)


def test_a_summary_on_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    store = EmbeddedStore(path)
    store.write(random_graph(3))
    store.close()
    path.chmod(0o444)
    try:
        reader = EmbeddedStore(path)
        rows = run_query(reader, "orphan-actions", {})
        assert query_summary(reader, "orphan-actions") == summarise_rows(
            QUERIES["orphan-actions"], rows)
    finally:
        path.chmod(0o644)


def test_a_counted_summary_is_saved_until_the_next_write(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    store = EmbeddedStore(path)
    store.write(random_graph(1))
    first = query_summary(store, "orphan-actions")
    # Another process asking again reads the saved summary.
    assert query_summary(EmbeddedStore(path), "orphan-actions") == first
    store.write(random_graph(2, documents=5))
    again = EmbeddedStore(path)
    assert query_summary(again, "orphan-actions") == summarise_rows(
        QUERIES["orphan-actions"], run_query(again, "orphan-actions"))
    assert query_summary(again, "orphan-actions") != first


@pytest.mark.parametrize("seed", range(6))
def test_a_partial_load_answers_as_the_whole_graph_does(seed: int, tmp_path: Path) -> None:
    from stratgraph.graph.embedded import PARTIAL_LOADS
    from stratgraph.graph.queries_view import View

    store = EmbeddedStore(tmp_path / "graph.db")
    store.write(random_graph(seed, documents=4))
    for name in sorted(PARTIAL_LOADS):
        for params in PARAMS:
            chosen = prepare_params(name, _params_for(name, params))
            partial = run_query(EmbeddedStore(tmp_path / "graph.db"), name, chosen)
            spec = QUERIES[name]
            whole = spec.embedded(View(store.networkx, chosen["min_confidence"]), chosen)
            assert partial == [{c: r[c] for c in spec.column_names} for r in whole], (name, chosen)


def _one_document(graph: Any, document: str) -> Any:
    """The records of ``graph`` a build of ``document`` alone would write."""
    from stratgraph.graph.data import GraphData

    part = GraphData()
    for rel in graph.relationships.values():
        if rel.provenance.document == document:
            part.relationships[rel.id] = rel
    for node in graph.nodes.values():
        if (node.provenance.document == document
                or document in (node.properties.get("documents") or ())):
            part.nodes[node.id] = node
    for rel in part.relationships.values():
        for end in (rel.start, rel.end):
            part.nodes.setdefault(end, graph.nodes[end])
    return part


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("whole_share", [0.25, 1e9])
def test_facts_follow_every_write_replace_and_removal(
    seed: int, whole_share: float, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Facts refreshed for the touched plans only (``whole_share`` 1e9: never the whole
    graph) equal the whole graph's, after writes of one document at a time, a document
    replaced by another version, and a document removed."""
    from stratgraph.graph import sqlite_facts
    from stratgraph.graph.data import GraphData

    monkeypatch.setattr(sqlite_facts, "WHOLE_SHARE", whole_share)
    store = EmbeddedStore(tmp_path / "graph.db")
    first, second = random_graph(seed, documents=4), random_graph(seed + 100, documents=4)
    for d in range(4):
        store.write(_one_document(first, f"doc{d}.txt"))
        _check_facts(store)
    _check(store)
    store.write(_one_document(second, "doc1.txt"), replace_documents=["doc1.txt"])
    _check(store)
    store.write(_one_document(second, "doc0.txt"), replace_documents=["doc0.txt"])
    _check_facts(store)
    store.write(GraphData(), replace_documents=["doc2.txt"])
    _check(store)


def test_a_chain_across_plans_refreshes_the_plan_it_starts_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The invariant the refresh relies on is not "a SUPPORTS chain stays in its plan": an
    action of plan A may reach A's outcome through plan B's outcome. Replacing plan B (its
    link gone) must refresh plan A's action, though the write touched only B's records."""
    from stratgraph.graph import sqlite_facts
    from stratgraph.graph.builder import DocumentGraphBuilder
    from stratgraph.graph.model import RelType

    monkeypatch.setattr(sqlite_facts, "WHOLE_SHARE", 1e9)
    a = DocumentGraphBuilder("a.txt")
    a.plan("Plan A", 1)
    theme = a.theme("Housing", 2)
    action = a.action("Build homes", 3, theme=theme, deadline="2026")
    goal = a.outcome("More homes", 4, theme=theme, level="strategic")
    b = DocumentGraphBuilder("b.txt")
    b.plan("Plan B", 1)
    bridge = b.outcome("Homes for key workers", 2, level="theme")
    a.link(RelType.SUPPORTS, action, bridge, 5)
    b.link(RelType.SUPPORTS, bridge, goal, 3)
    store = EmbeddedStore(tmp_path / "graph.db")
    store.write(a.graph)
    store.write(b.graph)
    reasons = {r["action"]: r["reasons"] for r in run_query(store, "orphan-actions", {})}
    assert "NO_OUTCOME" not in reasons["Build homes"]
    assert query_summary(store, "orphan-actions")[0].get("NO_OUTCOME", 0) == 0
    again = DocumentGraphBuilder("b.txt")
    again.plan("Plan B", 1)
    again.outcome("Homes for key workers", 2, level="theme")
    store.write(again.graph, replace_documents=["b.txt"])
    _check(store)
    summary = query_summary(EmbeddedStore(tmp_path / "graph.db"), "orphan-actions")
    assert [r for r in summary if r["plan"] == "Plan A"][0]["NO_OUTCOME"] == 1


def test_facts_after_curation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A curation file that removes a SUPPORTS link and adds an OWNS link rewrites other
    documents: their facts follow (refreshed for the touched plans only)."""
    from stratgraph.api import build
    from stratgraph.graph import sqlite_facts

    monkeypatch.setattr(sqlite_facts, "WHOLE_SHARE", 1e9)
    examples = Path(__file__).resolve().parents[1] / "examples"
    store = EmbeddedStore(tmp_path / "graph.db")
    assert build([examples], store).ok
    graph = store.read()
    supports = next(r for r in sorted(graph.relationships.values(), key=lambda r: r.id)
                    if r.type.value == "SUPPORTS"
                    and graph.nodes[r.start].label.value == "Action")
    start, end = graph.nodes[supports.start], graph.nodes[supports.end]
    unowned = next(r["action"] for r in run_query(store, "orphan-actions", {"reason": "NO_OWNER"})
                   if r["action"] != start.name)
    lead = next(n for n in graph.nodes.values() if n.label.value == "CabinetLead")
    curation = tmp_path / "stratgraph-curation.toml"
    curation.write_text(f"""
[[unlink]]
type = "SUPPORTS"
from = {{ label = "Action", name = {start.name!r} }}
to = {{ label = "Outcome", name = {end.name!r} }}

[[link]]
type = "OWNS"
from = {{ label = "CabinetLead", name = {lead.name!r} }}
to = {{ label = "Action", name = {unowned!r} }}
""", encoding="utf-8")
    before = query_summary(store, "orphan-actions")
    assert build([examples], store, curation=curation).ok
    _check(store)
    assert query_summary(store, "orphan-actions") != before


def test_an_older_file_gets_its_facts_on_open(tmp_path: Path) -> None:
    """A file written without facts (or by a stratgraph that does not keep them) has them
    computed on the next open that can write, and counts live when it cannot."""
    import sqlite3

    path = tmp_path / "graph.db"
    store = EmbeddedStore(path)
    store.write(random_graph(5, documents=4))
    store.close()
    con = sqlite3.connect(path)
    for table in ("fact_actions", "fact_outcomes", "fact_feeds"):
        con.execute(f"DROP TABLE {table}")
    con.execute("DROP INDEX edges_type_start")
    con.execute("DELETE FROM meta WHERE key = 'facts'")
    con.commit()
    con.close()
    path.chmod(0o444)
    try:
        reader = EmbeddedStore(path)
        assert query_summary(reader, "orphan-actions") == summarise_rows(
            QUERIES["orphan-actions"], run_query(reader, "orphan-actions"))
        reader.close()
    finally:
        path.chmod(0o644)
    _check(EmbeddedStore(path))


# -- cross-theme-dependencies and plan-evolution: pairs counted, not listed -------------------

def _every_pair(pairs: Any) -> list[tuple[Any, ...]]:
    """Every shared row as (kind, -strength, plan_a, theme_a, plan_b, theme_b, a, b), the
    straightforward way: each shared item's themes paired."""
    from collections import defaultdict

    from stratgraph.graph.pair_answers import SHARED_KINDS
    from stratgraph.graph.queries_view import nulls_last

    by_item: dict[tuple[str, str], set[str]] = defaultdict(set)
    for theme, item, label in pairs.refs:
        by_item[(SHARED_KINDS[label], item)].add(theme)
    nested = {frozenset(n) for n in pairs.nested}
    strength: dict[tuple[str, str, str], int] = defaultdict(int)
    for (kind, _), themes in by_item.items():
        for a in themes:
            for b in themes:
                if a < b and frozenset((a, b)) not in nested:
                    strength[(a, b, kind)] += 1
    return sorted((kind, -n, nulls_last(pairs.themes[a][0]), nulls_last(pairs.themes[a][1]),
                   nulls_last(pairs.themes[b][0]), nulls_last(pairs.themes[b][1]), a, b)
                  for (a, b, kind), n in strength.items())


@pytest.mark.parametrize("seed", range(30))
def test_theme_pairs_count_and_order_as_every_pair_does(seed: int) -> None:
    """Counts per plan and kind, and the first rows in the query's order, from the bit sets
    equal those of listing every pair (strengths up to 5, nested themes, tied names)."""
    import random
    from collections import Counter

    from stratgraph.graph.pair_answers import ThemePairs

    rnd = random.Random(seed)
    themes = {f"t{i:03d}": (rnd.choice(["Plan A", "Plan B", "plan b", None]),
                            rnd.choice(["Housing", "Jobs", None, "housing"]))
              for i in range(rnd.randint(2, 60))}
    ids = sorted(themes)
    items = [(f"s{i}", rnd.choice(["Strategy", "Partnership"])) for i in range(rnd.randint(1, 6))]
    refs = [(t, s, label) for t in ids for s, label in items if rnd.random() < 0.45]
    nested = [(rnd.choice(ids), rnd.choice(ids)) for _ in range(rnd.randint(0, 10))]
    pairs = ThemePairs(themes, refs, nested)
    every = _every_pair(pairs)
    assert Counter((r[0], pairs.themes[r[6]][0]) for r in every) == Counter(
        {(kind, plan): n for plan, kind, n in pairs.summary()})
    for count in (0, 1, 2, 5, 17, len(every), len(every) + 3):
        first = pairs.first(count)
        assert len(first) == min(count, len(every))
        assert sorted(first) == sorted((r[6], r[7], r[0]) for r in every[:count])
    for kind in ("shared-strategy", "shared-partnership"):
        mine = [r for r in every if r[0] == kind]
        assert sorted(pairs.first(7, kind)) == sorted((r[6], r[7], kind) for r in mine[:7])


def dense_graph(seed: int, documents: int = 4) -> Any:
    """Plans whose themes, actions and outcomes reference a few shared strategies and
    partnerships many times over (pairs of strength 1 to 4), with sub-themes PART_OF themes,
    DEPENDS_ON links, names shared across plans and plans without a start year."""
    import random

    from stratgraph.graph.builder import DocumentGraphBuilder
    from stratgraph.graph.data import GraphData
    from stratgraph.graph.model import RelType

    rnd = random.Random(seed)
    graph = GraphData()
    for d in range(documents):
        b = DocumentGraphBuilder(f"doc{d}.txt")
        b.plan(rnd.choice(["Plan", f"Plan {d}"]), 1, organisation=rnd.choice(["City", "County"]),
               start_year=rnd.choice([2020, 2024, None]))
        line = 2
        themes: list[str] = []
        nodes: list[str] = []
        for name in rnd.sample(["Housing", "Jobs", "Health", "Transport", "Culture", "Parks"], 4):
            theme = b.theme(name, line)
            line += 1
            if themes and rnd.random() < 0.3:
                b.link(RelType.PART_OF, theme, rnd.choice(themes), line)
            themes.append(theme)
            nodes.append(theme)
            for _ in range(rnd.randint(0, 3)):
                nodes.append(rnd.choice([b.action, b.outcome])(f"Item {line}", line, theme=theme))
                line += 1
        for node in nodes:
            for _ in range(rnd.randint(0, 3)):
                shared = (b.strategy(f"Strategy {rnd.randint(0, 3)}", line) if rnd.random() < 0.6
                          else b.partnership(f"Board {rnd.randint(0, 2)}", line))
                b.link(RelType.REFERENCES, node, shared, line)
                line += 1
        for _ in range(rnd.randint(0, 3)):
            b.link(RelType.DEPENDS_ON, rnd.choice(nodes), rnd.choice(themes), line)
            line += 1
        graph.update(b.graph)
    return graph


@pytest.mark.parametrize("seed", range(4))
def test_pair_summaries_and_pages_follow_writes(seed: int, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """On graphs with many shared pairs: summaries and pages from the facts equal the rows'
    after writes one document at a time, a replace and a removal (touched plans only)."""
    from stratgraph.graph import sqlite_facts
    from stratgraph.graph.data import GraphData

    monkeypatch.setattr(sqlite_facts, "WHOLE_SHARE", 1e9)
    store = EmbeddedStore(tmp_path / "graph.db")
    first, second = dense_graph(seed, 5), dense_graph(seed + 50, 5)
    for d in range(5):
        store.write(_one_document(first, f"doc{d}.txt"))
    rows = run_query(EmbeddedStore(store.path), "cross-theme-dependencies", {})
    assert any(r["strength"] > 1 for r in rows if r["kind"] != "explicit")
    _check(store)
    store.write(_one_document(second, "doc1.txt"), replace_documents=["doc1.txt"])
    _check(store)
    store.write(GraphData(), replace_documents=["doc3.txt"])
    _check(store)


def _older_file(path: Path, graph: Any, *changes: str) -> None:
    """A graph file written now, then changed by ``changes`` into what an older version left."""
    import sqlite3

    store = EmbeddedStore(path)
    store.write(graph)
    store.close()
    con = sqlite3.connect(path)
    for change in changes:
        con.execute(change)
    con.commit()
    con.close()


def test_a_file_with_facts_from_before_fact_refs_gets_them_on_open(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    _older_file(path, dense_graph(7), "DROP TABLE fact_refs")
    _check(EmbeddedStore(path))


# -- deadlines: the quarter each deadline reads as, kept in fact_actions -----------------------

def _deadline_store(path: Path) -> EmbeddedStore:
    from stratgraph.graph.builder import DocumentGraphBuilder

    store = EmbeddedStore(path)
    for d, deadlines in enumerate([["2024/25", "Q3 2025", "Ongoing", " ", None],
                                   ["by end of 2025", "March 2014", "2024/25", "May to October 2026"]]):
        b = DocumentGraphBuilder(f"doc{d}.txt")
        b.plan(f"Plan {d}", 1)
        themes = [b.theme("Housing", 2), b.theme("Economy", 3)]
        for i, deadline in enumerate(deadlines):
            b.action(f"Action {i}", 4 + i, theme=themes[i % 2], deadline=deadline)
        b.action("Loose", 20, deadline="2030")
        store.write(b.graph)
    return store


def test_the_deadlines_summary_counts_quarters_from_the_facts(tmp_path: Path) -> None:
    """Every quarter form (financial year, Q3, a bare year, a range, none) counted from the
    facts equals the rows' summary, whole and filtered by theme or plan."""
    from stratgraph.graph.embedded import _counted_summary
    from stratgraph.graph.sqlite_summaries import deadlines

    store = _deadline_store(tmp_path / "graph.db")
    for params in ({}, {"theme": "HOUSING"}, {"plan": "Plan 1"}, {"theme": "economy",
                                                                 "plan": "doc0.txt"}):
        prepared = prepare_params("deadlines", params)
        expected = summarise_rows(QUERIES["deadlines"], run_query(store, "deadlines", params))
        got = store._read(lambda con: _counted_summary(con, QUERIES["deadlines"], deadlines,
                                                       prepared))
        assert got == expected, params
    whole = query_summary(store, "deadlines")
    assert {k for row in whole for k in row if k.startswith("quarter=")} >= {
        "quarter=2025-Q1", "quarter=2025-Q3", "quarter=2025-Q4", "quarter=2014-Q1",
        "quarter=2026-Q4", "quarter=2030-Q4"}


def test_facts_of_an_older_shape_are_refreshed_on_open(tmp_path: Path) -> None:
    """A file whose facts predate ``fact_actions.quarter`` (current by generation, but of an
    older version) gets the new facts on the next writable open."""
    import sqlite3

    from stratgraph.graph import sqlite_facts

    path = tmp_path / "graph.db"
    _deadline_store(path).close()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE fact_actions")
    con.execute("CREATE TABLE fact_actions (id TEXT PRIMARY KEY, plan_id TEXT, theme TEXT,"
                " reasons TEXT NOT NULL) WITHOUT ROWID")
    con.execute("DELETE FROM meta WHERE key = 'facts_version'")
    con.commit()
    assert not sqlite_facts.current(con)
    con.close()
    store = EmbeddedStore(path)
    assert sqlite_facts.current(store._connect())
    _check(store)


def test_a_file_without_coverage_counts_gets_them_on_open(tmp_path: Path) -> None:
    """A file whose facts are version 2 (no per-theme action counts, no measure keys) gets the
    counts on its next writable open; the rows built from them equal the rows networkx
    computes."""
    from stratgraph.graph import sqlite_facts
    from stratgraph.graph.queries import run_embedded

    path = tmp_path / "graph.db"
    _older_file(path, random_graph(5), "DROP TABLE fact_action_counts",
                "DROP TABLE fact_measure_keys",
                "UPDATE meta SET value = '2' WHERE key = 'facts_version'")
    live = run_embedded(EmbeddedStore(path), "coverage", {})
    store = EmbeddedStore(path)
    con = store._connect()
    assert sqlite_facts.current(con)
    assert con.execute("SELECT count(*) FROM fact_action_counts").fetchone()[0] > 0
    assert con.execute("SELECT count(*) FROM fact_measure_keys").fetchone()[0] > 0
    _check(store)
    assert run_query(EmbeddedStore(path), "coverage", {}) == live
