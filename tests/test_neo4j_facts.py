"""Write-time facts on a real Neo4j (graph/neo4j_facts.py, issue #17): the summaries and
pages they serve are exactly the live query's, after every kind of write, and they are never
used when they may be out of date.

``live`` below is the same store answering with the facts switched off (``use_facts``), so
every comparison is facts against the named query's own Cypher, on the same data; the live
Cypher itself is compared with the embedded store by tests/test_queries_neo4j.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from neo4j_fixtures import Neo4jServer
from query_random import random_graph

from stratgraph.graph import neo4j_facts
from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.model import Label, RelType
from stratgraph.graph.neo4j_store import Neo4jStore
from stratgraph.graph.queries import query_summary, run_query, stream_query

pytestmark = pytest.mark.neo4j

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

FACT_QUERIES = sorted(neo4j_facts.FACT_QUERIES)
PAGES = ((0, 50), (0, 1), (3, 4), (7, 100))
#: Queries whose facts are read through a query of their own, and the parameters they serve.
ROW_FACTS = {"coverage": ({}, {"scope": "plan"}, {"scope": "theme"}), "lead-portfolio": ({},)}
#: Queries whose unfiltered summary alone is kept.
SUMMARY_FACTS = sorted(neo4j_facts.SUMMARY_FACTS)


def _current(store: Neo4jStore) -> bool:
    return store._read(neo4j_facts.current)


def assert_facts_agree(store: Neo4jStore, embedded: EmbeddedStore | None = None) -> None:
    """Facts are in use, and every summary and page they give is the live answer."""
    assert _current(store)
    for name in FACT_QUERIES:
        store.use_facts = False
        rows = run_query(store, name)
        summary = query_summary(store, name)
        by_reason = {reason: [r for r in rows if reason in r["reasons"]]
                     for reason in {x for r in rows for x in r["reasons"]}}
        store.use_facts = True
        assert query_summary(store, name) == summary, name
        for offset, limit in (*PAGES, (max(len(rows) - 2, 0), 5)):
            page = list(stream_query(store, name, offset=offset, limit=limit))
            assert page == rows[offset:offset + limit], (name, offset, limit)
        for reason, mine in by_reason.items():
            page = list(stream_query(store, name, {"reason": reason}, offset=1, limit=3))
            assert page == mine[1:4], (name, reason)
        if embedded is not None:
            assert rows == run_query(embedded, name)
            assert summary == query_summary(embedded, name)
    for name, variants in ROW_FACTS.items():
        for params in variants:
            store.use_facts = False
            rows = run_query(store, name, params)
            summary = query_summary(store, name, params)
            store.use_facts = True
            assert neo4j_facts.serves(name, params, page=True)
            assert run_query(store, name, params) == rows, (name, params)
            assert query_summary(store, name, params) == summary, (name, params)
            for offset, limit in (*PAGES, (max(len(rows) - 2, 0), 5)):
                page = list(stream_query(store, name, params, offset=offset, limit=limit))
                assert page == rows[offset:offset + limit], (name, params, offset, limit)
            if embedded is not None:
                assert rows == run_query(embedded, name, params), (name, params)
                assert summary == query_summary(embedded, name, params), (name, params)
    for name in SUMMARY_FACTS:
        store.use_facts = False
        summary = query_summary(store, name)
        rows = run_query(store, name) if name in neo4j_facts.COUNT_FACTS else []
        store.use_facts = True
        assert neo4j_facts.serves(name, {}, page=False)
        assert query_summary(store, name) == summary, name
        if name in neo4j_facts.COUNT_FACTS:
            # deadlines' pages: the plans found from its counts, then its own text.
            assert neo4j_facts.serves(name, {}, page=True)
            for offset, limit in (*PAGES, (max(len(rows) - 2, 0), 5), (len(rows), 3)):
                page = list(stream_query(store, name, offset=offset, limit=limit))
                assert page == rows[offset:offset + limit], (name, offset, limit)
        if embedded is not None:
            assert summary == query_summary(embedded, name), name


def _plan(doc: str, *, actions: int, owner_doc: str | None = None) -> GraphData:
    b = DocumentGraphBuilder(doc)
    plan = b.plan(f"Plan of {doc}", 1)
    theme = b.theme("Housing", 2)
    outcome = b.outcome("More homes", 3, theme=theme)
    for i in range(actions):
        action = b.action(f"Build homes {i}", 10 + i, theme=theme,
                          deadline="2025" if i % 2 else None)
        if i % 3 == 0:
            b.link(RelType.SUPPORTS, action, outcome, 10 + i)
    del plan
    return b.graph


@pytest.fixture
def facts_store(neo4j_store: Neo4jStore) -> Neo4jStore:
    return neo4j_store


def test_random_graphs_facts_agree_with_live_and_embedded(
    facts_store: Neo4jStore, tmp_path: Path
) -> None:
    for seed in range(3):
        graph = random_graph(seed)
        embedded = EmbeddedStore(tmp_path / f"g{seed}.json")
        embedded.write(graph)
        facts_store._driver.execute_query("MATCH (n) DETACH DELETE n")
        facts_store.write(graph)
        assert_facts_agree(facts_store, embedded)


def test_facts_follow_replacing_and_removing_documents(facts_store: Neo4jStore) -> None:
    import synthetic

    graph = synthetic.synthetic_graph(councils=2)
    facts_store.write(graph)
    assert_facts_agree(facts_store)
    docs = sorted({n.provenance.document for n in graph.nodes.values()})
    # Rebuild one plan with less in it, remove another entirely.
    smaller = synthetic.synthetic_graph(councils=2, actions=2)
    again = GraphData.of([n for n in smaller.nodes.values() if n.provenance.document == docs[0]],
                         [r for r in smaller.relationships.values()
                          if r.provenance.document == docs[0]])
    facts_store.write(again, replace_documents=[docs[0]])
    assert_facts_agree(facts_store)
    facts_store.write(GraphData(), replace_documents=[docs[1]])
    assert_facts_agree(facts_store)


def test_a_write_touching_many_plans_recomputes_them_in_parts(
    facts_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A national load touches thousands of plans: one transaction for all of them ran out of
    # transaction memory at 1M nodes, so such a write recomputes in parts (one plan, lead and
    # strategy per transaction here) and the facts agree all the same.
    import synthetic

    facts_store.write(synthetic.synthetic_graph(councils=2))
    assert_facts_agree(facts_store)
    for name in ("PLANS_PER_TRANSACTION", "LEADS_PER_TRANSACTION", "STRATEGIES_PER_TRANSACTION"):
        monkeypatch.setattr(neo4j_facts, name, 1)
    calls: list[int] = []
    in_parts = neo4j_facts._finish_in_parts
    monkeypatch.setattr(neo4j_facts, "_finish_in_parts",
                        lambda session, touched: (calls.append(len(touched.plans)),
                                                  in_parts(session, touched))[1])
    smaller = synthetic.synthetic_graph(councils=2, actions=2)
    docs = sorted({n.provenance.document for n in smaller.nodes.values()})
    facts_store.write(smaller, replace_documents=docs)
    assert calls and calls[0] > 1
    assert_facts_agree(facts_store)


def test_a_link_from_another_document_changes_the_plan_it_reaches(
    facts_store: Neo4jStore,
) -> None:
    facts_store.write(_plan("a.txt", actions=4))
    before = query_summary(facts_store, "orphan-actions")
    # Another document names a lead owning the theme of a.txt: its actions gain an owner.
    b = DocumentGraphBuilder("lead.txt")
    lead = b.shared(Label.CABINET_LEAD, "Cllr Smith", 1)
    theme_id = next(n.id for n in facts_store.read().nodes.values() if n.label is Label.THEME)
    b.link(RelType.OWNS, lead, theme_id, 1)
    facts_store.write(b.graph)
    after = query_summary(facts_store, "orphan-actions")
    assert after != before
    assert not any(r.get("NO_OWNER") for r in after)
    assert_facts_agree(facts_store)
    # Removing that document takes the owner away again: a.txt's facts follow.
    facts_store.write(GraphData(), replace_documents=["lead.txt"])
    assert query_summary(facts_store, "orphan-actions") == before
    assert_facts_agree(facts_store)


def test_a_curated_build_keeps_the_facts(facts_store: Neo4jStore, tmp_path: Path,
                                         examples_dir: Path) -> None:
    from stratgraph.api import build

    files = sorted(examples_dir.glob("*.txt"))
    if not files:
        pytest.skip("no example corpus")
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[rename]]\nlabel = "Theme"\nname = "Housing"\nto = "Homes"\n\n'
        '[[link]]\ntype = "OWNS"\n'
        'from = { label = "Organisation", name = "Wexbridge City Council" }\n'
        'to = { label = "Action", name = "Launch a bus app" }\n', encoding="utf-8")
    assert build(files, facts_store).ok
    assert_facts_agree(facts_store)
    assert build(files[:1], facts_store, curation=rules).ok
    assert_facts_agree(facts_store)
    assert build(files[:1], facts_store, curation=None).ok
    assert_facts_agree(facts_store)


def test_long_names_tied_in_the_sort_key_still_page_exactly(facts_store: Neo4jStore) -> None:
    b = DocumentGraphBuilder("long.txt")
    b.plan("Plan", 1)
    theme = b.theme("T" * (neo4j_facts.KEY_CUT + 5), 2)
    stem = "A" * neo4j_facts.KEY_CUT
    for i, tail in enumerate(["b", "a", "", "c", "ab", "\u00e9", "Z"] * 3):
        b.action(stem + tail + str(i), 10 + i, theme=theme)
    facts_store.write(b.graph)
    assert_facts_agree(facts_store)


def test_facts_are_invisible_to_reads_counts_and_search(facts_store: Neo4jStore) -> None:
    graph = _plan("a.txt", actions=5)
    facts_store.write(graph)
    with facts_store._driver.session() as session:
        assert session.run("MATCH (f:StratgraphFact) RETURN count(f) AS n").single()["n"] > 0
    stored = facts_store.read()
    assert set(stored.nodes) == set(graph.nodes)
    assert set(stored.relationships) == set(graph.relationships)
    assert facts_store.counts() == (len(graph.nodes), len(graph.relationships))
    action = next(n for n in graph.nodes.values() if n.label is Label.ACTION)
    detail = facts_store.node(action.id)
    assert detail is not None and detail.node.properties == stored.nodes[action.id].properties
    assert not any(k.startswith("_") for n in stored.nodes.values() for k in n.properties)


def test_a_write_cut_off_before_its_refresh_makes_the_answers_live(
    facts_store: Neo4jStore,
) -> None:
    facts_store.write(_plan("a.txt", actions=4))
    assert _current(facts_store)
    # A write counted as begun and never finished (the process died in between).
    with facts_store._driver.session() as session:
        session.execute_write(neo4j_facts.begin_write, _plan("b.txt", actions=2), [])
    assert not _current(facts_store)
    facts_store.write(_plan("b.txt", actions=3))
    assert not _current(facts_store)  # still one write unaccounted for
    live = list(stream_query(facts_store, "orphan-actions", offset=0, limit=50))
    facts_store.use_facts = False
    assert live == list(stream_query(facts_store, "orphan-actions", offset=0, limit=50))
    facts_store.use_facts = True
    facts_store.refresh_facts()
    assert_facts_agree(facts_store)


def test_changes_made_outside_stratgraph_make_the_answers_live(
    facts_store: Neo4jStore, neo4j_server: Neo4jServer
) -> None:
    facts_store.write(_plan("a.txt", actions=4))
    assert _current(facts_store)
    with facts_store._driver.session() as session:
        session.run("MATCH (a:Stratgraph:Action) WITH a LIMIT 1 DETACH DELETE a").consume()
    assert not _current(facts_store)
    facts_store.refresh_facts()
    assert_facts_agree(facts_store)


def test_a_store_written_before_facts_gets_them_on_its_next_write(
    facts_store: Neo4jStore,
) -> None:
    facts_store.write(_plan("a.txt", actions=4))
    with facts_store._driver.session() as session:
        session.run("MATCH (n:StratgraphFact|StratgraphFactsMeta) DETACH DELETE n").consume()
    assert not _current(facts_store)
    facts_store.write(_plan("b.txt", actions=2))
    assert_facts_agree(facts_store)
    keys = {r["plan_id"] for r in run_query(facts_store, "orphan-actions")}
    assert len(keys) == 2


def test_filtered_and_other_thresholds_run_live() -> None:
    assert neo4j_facts.serves("orphan-actions", {"min_confidence": 0.0}, page=False)
    assert neo4j_facts.serves("orphan-actions", {"reason": "NO_OWNER"}, page=True)
    assert not neo4j_facts.serves("orphan-actions", {"reason": "NO_OWNER"}, page=False)
    assert not neo4j_facts.serves("orphan-actions", {"min_confidence": 0.5}, page=True)
    assert not neo4j_facts.serves("orphan-actions", {"plan": "x"}, page=True)
    assert neo4j_facts.serves("coverage", {"scope": "theme"}, page=True)
    assert not neo4j_facts.serves("coverage", {"plan": "x"}, page=True)
    assert not neo4j_facts.serves("lead-portfolio", {"lead": "x"}, page=False)
    assert neo4j_facts.serves("deadlines", {}, page=True)
    assert not neo4j_facts.serves("deadlines", {"plan": "x"}, page=True)
    assert neo4j_facts.serves("deadlines", {"min_confidence": 0.0}, page=False)
    assert not neo4j_facts.serves("deadlines", {"theme": "x"}, page=False)
    assert neo4j_facts.serves("strategy-feeds", {"strategy": None}, page=False)
    assert not neo4j_facts.serves("strategy-feeds", {"level": "x"}, page=False)
    assert not neo4j_facts.serves("strategy-feeds", {"min_confidence": 0.5}, page=False)
    assert not neo4j_facts.serves("strategy-feeds", {}, page=True)


def test_the_facts_statements_are_built_from_the_named_queries() -> None:
    # The facts run the named query's own tests and its own RETURN/ORDER BY: they cannot drift.
    for spec in neo4j_facts.FACT_QUERIES.values():
        _, tests, tail = neo4j_facts._split(spec)
        assert "reasons" in tests and tail.startswith("RETURN") and "ORDER BY" in tail
        assert tests in neo4j_facts.compute_cypher(spec)
        assert tests in neo4j_facts.compute_cypher(spec, unplanned=True)
        assert tail.rstrip().rstrip(";") in neo4j_facts.page_cypher(spec)


def test_row_facts_statements_are_built_from_the_named_queries() -> None:
    # Coverage keeps the query's own per-item union; lead-portfolio its whole per-lead work.
    from stratgraph.graph.neo4j_store import cypher_text

    coverage = neo4j_facts.SCOPE_FACTS["coverage"]
    text = cypher_text("coverage.cypher")
    sums = text[text.index("WITH key, sum(n) AS n"):]
    assert coverage.sums_cypher().endswith(sums)
    # Its kept rows: the query's own sums and columns, read back in its own ORDER BY.
    order = sums[sums.rindex("ORDER BY"):]
    assert sums[:sums.rindex("RETURN")] in coverage.row_compute_cypher()
    assert coverage.read_cypher().endswith(order)
    assert "k_golden" in coverage.compute_cypher(unplanned=True)
    lead = neo4j_facts.LEAD_FACTS["lead-portfolio"]
    work = cypher_text("lead-portfolio.cypher")
    assert work[work.index("WITH l,\n"):work.index("RETURN l.name")] in lead.compute_cypher()


def _lead_plan(doc: str, lead_doc_theme: str, *, actions: int) -> GraphData:
    b = DocumentGraphBuilder(doc)
    b.plan(f"Plan of {doc}", 1)
    theme = b.theme(lead_doc_theme, 2)
    outcome = b.outcome("More homes", 3, theme=theme)
    lead = b.shared(Label.CABINET_LEAD, "Cllr Shared", 4)
    b.link(RelType.OWNS, lead, theme, 4)
    for i in range(actions):
        action = b.action(f"Act {i}", 10 + i, theme=theme, deadline="2025" if i % 2 else None)
        if i % 2 == 0:
            b.link(RelType.SUPPORTS, action, outcome, 10 + i)
    if actions > 2:
        measure = b.measure("Homes built", 5, theme=theme)
        b.link(RelType.MEASURED_BY, outcome, measure, 5)
    return b.graph


def test_a_shared_leads_row_follows_a_write_to_any_of_its_plans(facts_store: Neo4jStore) -> None:
    # One lead owns a theme in each of two plans: its one row reads both. Rewriting plan b
    # alone (a write that names the lead) and then a write to b that no longer names the
    # lead at all must both change that row, computed from a's part too.
    facts_store.write(_lead_plan("a.txt", "Housing", actions=4))
    facts_store.write(_lead_plan("b.txt", "Transport", actions=3))
    first = run_query(facts_store, "lead-portfolio")
    assert [r["themes"] for r in first] == [["Housing", "Transport"]]
    assert_facts_agree(facts_store)
    facts_store.write(_lead_plan("b.txt", "Transport", actions=6), replace_documents=["b.txt"])
    second = run_query(facts_store, "lead-portfolio")
    assert second != first
    assert_facts_agree(facts_store)
    # b rebuilt without its OWNS link: found before the write (the lead owned b's theme).
    b = DocumentGraphBuilder("b.txt")
    b.plan("Plan of b.txt", 1)
    theme = b.theme("Transport", 2)
    b.action("Act x", 10, theme=theme)
    facts_store.write(b.graph, replace_documents=["b.txt"])
    third = run_query(facts_store, "lead-portfolio")
    assert [r["themes"] for r in third] == [["Housing"]]
    assert_facts_agree(facts_store)
    # An action added to a's owned theme by another document: a's plan, so the lead's row.
    c = DocumentGraphBuilder("c.txt")
    theme_a = next(n.id for n in facts_store.read().nodes.values()
                   if n.label is Label.THEME and n.name == "Housing")
    act = c.shared(Label.ACTION, "Act from c", 1)
    c.link(RelType.PART_OF, act, theme_a, 1)
    facts_store.write(c.graph)
    assert run_query(facts_store, "lead-portfolio")[0]["actions"] == third[0]["actions"] + 1
    assert_facts_agree(facts_store)


def test_a_store_with_older_facts_is_refreshed_on_its_next_write(
    facts_store: Neo4jStore,
) -> None:
    facts_store.write(_lead_plan("a.txt", "Housing", actions=4))
    with facts_store._driver.session() as session:
        session.run("MATCH (f:CoverageFact|LeadPortfolioFact) DELETE f").consume()
        session.run("MATCH (m:StratgraphFactsMeta) SET m.version = 1").consume()
    assert not _current(facts_store)
    facts_store.write(_lead_plan("b.txt", "Transport", actions=2))
    assert_facts_agree(facts_store)


def test_summary_facts_statements_are_built_from_the_named_queries() -> None:
    # deadlines: its own quarter reading, per plan; strategy-feeds: its own per-strategy CALL.
    from stratgraph.graph.neo4j_store import cypher_text

    text = cypher_text("deadlines.cypher")
    # Its own filter of the actions, and its own quarter reading, run once per distinct
    # deadline text of the plans' actions (the plan and theme joins leave the rows as they are).
    kept = text[text.index("AND trim(coalesce(a.deadline"):text.index("\nOPTIONAL MATCH (p:")]
    work = text[text.index("WITH a, p, t, [x IN split("):text.index("RETURN p.name")]
    deadlines = neo4j_facts.COUNT_FACTS["deadlines"]
    for compute in (deadlines.compute_cypher(), deadlines.compute_cypher(unplanned=True)):
        assert kept in compute and work in compute
        assert "WITH value, collect({pk: pk, n: n}) AS uses" in compute
    text = cypher_text("strategy-feeds.cypher")
    # Its own chains and filters, up to where each (strategy, outcome, plan) group's row is
    # made (the counts need the groups only).
    call = text[text.index("CALL (s) {"):text.index("  WITH s, o, p, collect(x.name) AS vias")]
    compute = neo4j_facts.STRATEGY_FACTS["strategy-feeds"].compute_cypher()
    assert call in compute and "WITH DISTINCT s, o, p\n" in compute and "evidence" not in compute


def _strategy_plan(doc: str, *, level: str, link_to: str | None = None) -> GraphData:
    b = DocumentGraphBuilder(doc)
    b.plan(f"Plan of {doc}", 1)
    theme = b.theme("Transport", 2)
    outcome = b.outcome(f"Cleaner air {doc}", 3, theme=theme, level=level)
    action = b.action(f"Buses {doc}", 4, theme=theme, deadline="March 2026")
    b.link(RelType.SUPPORTS, action, outcome, 4)
    if link_to is None:
        strategy = b.shared(Label.STRATEGY, "Local Transport Plan", 5)
        b.link(RelType.REFERENCES, action, strategy, 5)
    return b.graph


def test_a_strategys_counts_follow_a_chain_into_another_plan(facts_store: Neo4jStore) -> None:
    # The strategy is referenced in plan a only; a link from document c makes a's outcome
    # support b's, so the strategy feeds b's outcome too. Rewriting b alone (no strategy
    # named, not a's plan) must change the strategy's counts; removing c must undo it.
    facts_store.write(_strategy_plan("a.txt", level="priority"))
    facts_store.write(_strategy_plan("b.txt", level="objective", link_to="a"))
    ids = {n.name: n.id for n in facts_store.read().nodes.values()}
    c = DocumentGraphBuilder("c.txt")
    c.link(RelType.SUPPORTS, ids["Cleaner air a.txt"], ids["Cleaner air b.txt"], 1)
    facts_store.write(c.graph)
    assert query_summary(facts_store, "strategy-feeds") == [
        {"strategy": "Local Transport Plan", "rows": 2, "outcome_level=objective": 1,
         "outcome_level=priority": 1}]
    assert_facts_agree(facts_store)
    facts_store.write(_strategy_plan("b.txt", level="ambition", link_to="a"),
                      replace_documents=["b.txt"])
    facts_store.write(c.graph)  # b's outcome is a new node of the same id: link it again
    assert query_summary(facts_store, "strategy-feeds")[0]["outcome_level=ambition"] == 1
    assert_facts_agree(facts_store)
    facts_store.write(GraphData(), replace_documents=["c.txt"])
    assert query_summary(facts_store, "strategy-feeds") == [
        {"strategy": "Local Transport Plan", "rows": 1, "outcome_level=priority": 1}]
    assert_facts_agree(facts_store)
    facts_store.write(GraphData(), replace_documents=["a.txt"])
    assert query_summary(facts_store, "strategy-feeds") == []
    assert_facts_agree(facts_store)


def test_the_stamp_changes_with_every_write_and_is_none_when_not_current(
    facts_store: Neo4jStore,
) -> None:
    facts_store.write(_plan("a.txt", actions=4))
    first = facts_store._read(neo4j_facts.stamp)
    assert first is not None and facts_store._read(neo4j_facts.stamp) == first
    facts_store.write(_plan("a.txt", actions=4))  # the same graph again: still a write
    second = facts_store._read(neo4j_facts.stamp)
    assert second is not None and second != first
    with facts_store._driver.session() as session:
        session.run("MATCH (a:Stratgraph:Action) WITH a LIMIT 1 DETACH DELETE a").consume()
    assert facts_store._read(neo4j_facts.stamp) is None


def test_a_first_load_into_an_empty_store_looks_nothing_up_and_has_current_facts(
    facts_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no facts yet the write refreshes them all, so begin_write asks nothing about what
    it touches (issue #17: those look-ups sent every id of a load twice); afterwards the facts
    are current and the live answers', and the next write looks its plans up again."""
    looked: list[str] = []
    for name in ("touched_plans", "touched_leads", "touched_strategies"):
        real = getattr(neo4j_facts, name)

        def recording(*args: object, _real: object = real, _name: str = name) -> object:
            looked.append(_name)
            return _real(*args)  # type: ignore[operator]

        monkeypatch.setattr(neo4j_facts, name, recording)
    facts_store.write(_plan("a.txt", actions=4))
    assert looked == []
    assert_facts_agree(facts_store)
    facts_store.write(_plan("b.txt", actions=3))
    assert "touched_plans" in looked
    assert_facts_agree(facts_store)


def _deadline_plan(doc: str, name: str, deadlines: list[str | None]) -> GraphData:
    b = DocumentGraphBuilder(doc)
    b.plan(name, 1)
    theme = b.theme("Housing", 2)
    for i, deadline in enumerate(deadlines):
        b.action(f"Act {doc} {i}", 10 + i, theme=theme, deadline=deadline)
    return b.graph


def test_deadlines_pages_cross_plans_sharing_a_name_and_actions_without_a_plan(
    facts_store: Neo4jStore,
) -> None:
    # Two plans named alike sort as one block (the ORDER BY cannot tell them apart), a plan
    # with no rows, and actions with no plan at all (plan null: last).
    facts_store.write(_deadline_plan("a.txt", "Council Plan", ["2025", "March 2026", "Ongoing"]))
    facts_store.write(_deadline_plan("b.txt", "Council Plan", ["Q2 2024", "2024/25"]))
    facts_store.write(_deadline_plan("c.txt", "Another Plan", ["2030", None]))
    facts_store.write(_deadline_plan("d.txt", "Empty Plan", [None]))
    loose = DocumentGraphBuilder("e.txt")  # no Plan node: its actions' plan_id finds none
    for i, deadline in enumerate(["2027", "Autumn 2025"]):
        loose.action(f"Loose {i}", i + 1, deadline=deadline)
    for i, deadline in enumerate(["2026", "Winter 2025"]):  # no plan_id at all
        loose.shared(Label.ACTION, f"Shared {i}", i + 5, deadline=deadline)
    facts_store.write(loose.graph)
    rows = run_query(facts_store, "deadlines")
    assert [r["plan"] for r in rows][-4:] == [None] * 4
    assert {r["plan_id"] for r in rows[-4:]} >= {None}
    for offset in range(len(rows) + 1):
        for limit in (1, 2, 3):
            page = list(stream_query(facts_store, "deadlines", offset=offset, limit=limit))
            assert page == rows[offset:offset + limit], (offset, limit)
    assert_facts_agree(facts_store)
    facts_store.write(_deadline_plan("b.txt", "Zebra Plan", ["2026"]), replace_documents=["b.txt"])
    assert_facts_agree(facts_store)


def test_deadlines_counts_of_one_load_read_each_deadline_text_once_for_every_plan(
    facts_store: Neo4jStore,
) -> None:
    # One first load: every plan's counts are made in one statement, which reads each
    # distinct deadline text once ("2025" and "March 2026" in three plans, a text with no year,
    # actions with no deadline, actions without a plan) and adds its actions to their plans.
    parts = [_deadline_plan("a.txt", "Council Plan", ["2025", "March 2026", "2025", "Ongoing"]),
             _deadline_plan("b.txt", "Council Plan", ["2025", "March 2026", None]),
             _deadline_plan("c.txt", "Another Plan", ["March 2026", "2024/25", "2025"])]
    loose = DocumentGraphBuilder("e.txt")
    for i, deadline in enumerate(["2025", "Winter 2025", "Ongoing"]):
        loose.shared(Label.ACTION, f"Shared {i}", i + 5, deadline=deadline)
    parts.append(loose.graph)
    graph = GraphData.of([n for g in parts for n in g.nodes.values()],
                         [r for g in parts for r in g.relationships.values()])
    facts_store.write(graph)
    facts_store.use_facts = False
    live = query_summary(facts_store, "deadlines")
    facts_store.use_facts = True
    assert query_summary(facts_store, "deadlines") == live
    assert len(run_query(facts_store, "deadlines")) == 12  # every action with a deadline
    assert_facts_agree(facts_store)


def test_facts_of_version_3_answer_live_until_refreshed(facts_store: Neo4jStore) -> None:
    # Version 3 kept a count node per (plan, quarter): a store holding those must not be read
    # as version 4's per-plan lists; it answers live until a write or refresh_facts.
    facts_store.write(_deadline_plan("a.txt", "Council Plan", ["2025", "March 2026"]))
    with facts_store._driver.session() as session:
        session.run("MATCH (c:DeadlinesCount) DELETE c").consume()
        session.run("CREATE (:StratgraphFact:DeadlinesCount {plan_key: 'x', value: '2025-Q4', "
                    "n: 7})").consume()
        session.run("MATCH (m:StratgraphFactsMeta) SET m.version = 3").consume()
    assert not _current(facts_store)
    rows = run_query(facts_store, "deadlines")
    assert len(rows) == 2
    assert list(stream_query(facts_store, "deadlines", limit=5)) == rows
    assert query_summary(facts_store, "deadlines")[0]["rows"] == 2
    facts_store.refresh_facts()
    assert _current(facts_store)
    assert_facts_agree(facts_store)
