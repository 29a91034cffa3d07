"""The overview (graph/overview.py), its page (viz/overview_page.py) and `stratgraph report`.

The numbers on the example corpus are exact (read from examples/answers/); on both stores (the
``neo4j`` parameter runs a real server) every number is checked against the named queries'
rows, counted here independently.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j_fixtures import STORE_KINDS
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.errors import QueryError
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.overview import Gaps, Overview, is_overdue, overview, quarter_end
from stratgraph.graph.queries import run_query
from stratgraph.graph.store import GraphStore
from stratgraph.viz.overview_page import render_overview

runner = CliRunner()
TODAY = dt.date(2025, 1, 1)
DELIVERY, CORPORATE = "CITY MAYOR'S DELIVERY PLAN", "Corporate Plan"
SELF = "Comprehensive Performance Assessment (CPA) Corporate Assessment: Self assessment"
COUNTY20, COUNTY24 = "Strategic Plan 2020-24", "Strategic Plan 2024-28"


@pytest.fixture(scope="module", params=STORE_KINDS)
def examples_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                   examples_dir: Path) -> Iterator[GraphStore]:
    """The five example plans built into one store, once per store kind."""
    from stratgraph.api import build

    if request.param == "neo4j":
        server = request.getfixturevalue("neo4j_server")
        server.wipe()
        store: GraphStore = server.open_store()
    else:
        store = EmbeddedStore(tmp_path_factory.mktemp("overview") / "graph.db")
    try:
        assert build(sorted(examples_dir.glob("*.txt")), store).ok
        yield store
    finally:
        store.close()


@pytest.fixture(scope="module")
def examples_graph(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    from stratgraph.api import build

    path = tmp_path_factory.mktemp("overview-file") / "graph.db"
    store = EmbeddedStore(path)
    assert build(sorted(examples_dir.glob("*.txt")), store).ok
    store.close()
    return path


# -- exact numbers on the example corpus ------------------------------------------------------


def test_example_corpus_gaps_and_deadlines(examples_graph: Path) -> None:
    o = overview(EmbeddedStore(examples_graph), today=TODAY)
    assert [p.name for p in o.plans] == sorted([DELIVERY, CORPORATE, SELF, COUNTY20, COUNTY24])
    assert {g.plan: (g.total, g.reasons) for g in o.orphans} == {
        DELIVERY: (7, {"NO_DEADLINE": 2, "NO_MEASURE": 1, "NO_OUTCOME": 1, "NO_OWNER": 4}),
        SELF: (6, {"NO_DEADLINE": 6, "NO_MEASURE": 6, "NO_OUTCOME": 6, "NO_OWNER": 4}),
        CORPORATE: (29, {"NO_DEADLINE": 25, "NO_MEASURE": 2, "NO_OUTCOME": 1, "NO_OWNER": 29}),
        COUNTY20: (30, {"NO_DEADLINE": 28, "NO_MEASURE": 4, "NO_OUTCOME": 2, "NO_OWNER": 30}),
        COUNTY24: (4, {"NO_DEADLINE": 2, "NO_MEASURE": 4, "NO_OUTCOME": 3, "NO_OWNER": 4}),
    }
    # The unsupported outcomes of examples/answers/README-queries.md, per plan.
    assert {g.plan: (g.total, g.reasons.get("NO_SUPPORT", 0), g.reasons.get("NO_MEASURE", 0))
            for g in o.unsupported} == {
        DELIVERY: (0, 0, 0), SELF: (6, 6, 6), CORPORATE: (1, 0, 1), COUNTY20: (1, 0, 1),
        COUNTY24: (24, 24, 1)}
    # Deadlines (tests/test_deadlines.py): on 1 January 2025 every quarter up to 2024-Q4 is over.
    assert [(q.plan, q.quarter, q.actions, q.overdue) for q in o.deadlines] == [
        (DELIVERY, "2024-Q2", 3, True), (DELIVERY, "2024-Q3", 3, True),
        (DELIVERY, "2024-Q4", 4, True), (DELIVERY, "2025-Q1", 11, False),
        (DELIVERY, None, 9, False),
        (CORPORATE, "2005-Q2", 1, True), (CORPORATE, "2005-Q4", 2, True),
        (CORPORATE, "2006-Q1", 1, True),
        (COUNTY20, "2022-Q1", 1, True), (COUNTY20, "2023-Q4", 1, True),
        (COUNTY24, "2025-Q4", 1, False), (COUNTY24, "2026-Q1", 1, False)]
    assert sum(q.actions for q in o.deadlines if q.overdue) == 16


def test_example_corpus_strategies_and_changes(examples_graph: Path) -> None:
    o = overview(EmbeddedStore(examples_graph), today=TODAY)
    top = [(s.strategy, s.themes, len(s.plans), s.outcomes, len(s.strategy_ids))
           for s in o.strategies[:5]]
    # Counted by name: "Local Transport Plan" is each council's own (@city, @county: two nodes,
    # five plans between them); the WLEP's plan is one node for both councils.
    assert top == [
        ("Local Transport Plan", 11, 5, 18, 2),
        ("Housing Strategy", 10, 5, 9, 2),
        ("Joint Health and Wellbeing Strategy", 7, 5, 9, 2),
        ("WLEP Strategic Economic Plan", 7, 4, 10, 1),
        ("Wexbridge Economic Growth Plan", 7, 4, 8, 1),
    ]
    changes = {(c.plan, c.kind): (c.new, c.dropped) for c in o.changes}
    # The first plan names everything first and drops nothing.
    assert changes[(CORPORATE, "theme")] == (7, 0)
    # The 2024 delivery plan keeps none of the 2005/2010 city themes it does not restate.
    assert changes[(DELIVERY, "theme")] == (4, 18)
    assert [c.year for c in o.changes] == sorted(c.year for c in o.changes)


def test_one_plan_keeps_its_numbers(examples_graph: Path) -> None:
    store = EmbeddedStore(examples_graph)
    whole = overview(store, today=TODAY)
    one = overview(store, plans=["wexbridge-city-delivery-plan-2024-25.txt"], today=TODAY)
    assert [p.name for p in one.plans] == [DELIVERY]
    assert one.orphans == tuple(g for g in whole.orphans if g.plan == DELIVERY)
    assert one.deadlines == tuple(q for q in whole.deadlines if q.plan == DELIVERY)
    assert {c.plan_id for c in one.coverage} == {one.plans[0].plan_id}
    assert {c.plan for c in one.changes} == {DELIVERY}
    assert ({(c.kind, c.new, c.dropped) for c in one.changes}
            == {(c.kind, c.new, c.dropped) for c in whole.changes if c.plan == DELIVERY})
    assert all(r["plan"] == DELIVERY for r in one.tables["orphan-actions"].rows)


def test_unknown_plan_names_the_closest(examples_graph: Path) -> None:
    with pytest.raises(QueryError, match="did you mean .*DELIVERY PLAN"):
        overview(EmbeddedStore(examples_graph), plans=["delivry plan"])


def test_quarters_and_overdue() -> None:
    assert quarter_end("2025-Q1") == dt.date(2025, 3, 31)
    assert quarter_end("2024-Q2") == dt.date(2024, 6, 30)
    assert quarter_end("2024-Q4") == dt.date(2024, 12, 31)
    assert not is_overdue("2025-Q1", dt.date(2025, 3, 31))
    assert is_overdue("2025-Q1", dt.date(2025, 4, 1))
    assert not is_overdue(None, dt.date(2100, 1, 1))


# -- on both stores: every number is a named query's --------------------------------------------


def _check_against_queries(store: GraphStore, o: Overview) -> None:
    orphans = run_query(store, "orphan-actions")
    for g in o.orphans:
        mine = [r for r in orphans if r["plan"] == g.plan]
        assert g.total == len(mine)
        assert g.reasons == {k: v for k, v in Counter(
            x for r in mine for x in r["reasons"]).items()} | {
            k: 0 for k in g.reasons if not any(k in r["reasons"] for r in mine)}
    unsupported = run_query(store, "unsupported-outcomes")
    for g in o.unsupported:
        assert g.total == sum(r["plan"] == g.plan for r in unsupported)
    deadlines = Counter((r["plan"], r["quarter"]) for r in run_query(store, "deadlines"))
    assert {(q.plan, q.quarter): q.actions for q in o.deadlines if q.actions} == dict(deadlines)
    coverage = run_query(store, "coverage")
    assert [c.theme_id for c in o.coverage] == [r["theme_id"] for r in coverage]
    assert [c.golden for c in o.coverage] == [r["golden"] for r in coverage]
    shared = run_query(store, "cross-theme-dependencies", {"kind": "shared-strategy"})
    feeds = Counter(r["strategy"] for r in run_query(store, "strategy-feeds"))
    evolution = run_query(store, "plan-evolution", {"kind": "strategy"})
    for s in o.strategies:
        themes = {t for r in shared if s.strategy in r["via"] for t in (r["theme_a_id"],
                                                                         r["theme_b_id"])}
        assert s.themes == len(themes)
        assert s.outcomes == feeds[s.strategy]
        named = [r for r in evolution if r["item"] == s.strategy]
        assert list(s.plans) == list(dict.fromkeys(p for r in named for p in r["plans"]))
        assert list(s.strategy_ids) == [r["key"] for r in named]
    everything = run_query(store, "plan-evolution")
    for c in o.changes:
        assert c.new == sum(r["first_plan"] == c.plan and r["kind"] == c.kind for r in everything)
        assert c.dropped == sum(c.plan in r["dropped_in"] and r["kind"] == c.kind
                                for r in everything)


def test_numbers_equal_the_named_queries(examples_store: GraphStore) -> None:
    o = overview(examples_store, today=TODAY)
    _check_against_queries(examples_store, o)


def test_both_stores_give_the_same_overview(examples_store: GraphStore, examples_graph: Path
                                            ) -> None:
    assert (overview(examples_store, today=TODAY).to_json()
            == overview(EmbeddedStore(examples_graph), today=TODAY).to_json())


def test_a_national_graph_charts_only_what_it_counts_at_once(examples_store: GraphStore
                                                               ) -> None:
    # Five plans with the threshold lowered to 4: the bounded overview (a national graph's).
    full = overview(examples_store, today=TODAY)
    o = overview(examples_store, today=TODAY, live_plans=4)
    assert o.plans == full.plans and o.notes.keys() == {
        "coverage", "orphans", "unsupported", "deadlines", "strategies", "changes"}
    assert not full.notes
    # What it draws equals the queries (the same rows as the whole overview's)...
    def by_plan(gaps: tuple[Gaps, ...]) -> dict[str | None, Gaps]:
        return {g.plan: g for g in gaps}

    assert by_plan(o.orphans) == by_plan(full.orphans) and len(o.orphans) == len(full.orphans)
    assert by_plan(o.unsupported) == by_plan(full.unsupported)
    # ... its per-plan charts the PLAN_LIMIT worst plans first, each by its own measure: the
    # most rows of orphan-actions / unsupported-outcomes, coverage's own (weakest) order.
    from stratgraph.graph.overview import PLAN_LIMIT

    assert o.plan_limit == PLAN_LIMIT and full.plan_limit is None
    for gaps, name in ((o.orphans, "orphan-actions"), (o.unsupported, "unsupported-outcomes")):
        per_plan = Counter(r["plan"] for r in run_query(examples_store, name))
        assert [(g.plan, g.total) for g in gaps if g.total] == sorted(
            per_plan.items(), key=lambda kv: (-kv[1], kv[0]))
        assert [g.total for g in gaps] == sorted((g.total for g in gaps), reverse=True)
    assert [c.plan_id for c in o.coverage if c.theme is None] == [
        r["plan_id"] for r in run_query(examples_store, "coverage", {"scope": "plan"})]
    assert "the 5 with the weakest golden thread are drawn, of 5" in o.notes["coverage"]
    assert "the 5 with the most orphan actions are drawn, of 5" in o.notes["orphans"]
    assert [c for c in o.coverage if c.theme is None] == [
        c for c in full.coverage if c.theme is None]
    themes = run_query(examples_store, "coverage", {"scope": "theme"})
    assert [c.theme_id for c in o.coverage if c.theme is not None] == [
        r["theme_id"] for r in themes]  # the five plans' themes are fewer than BOUNDED_ROWS
    # The tables carry only their totals: a bar's rows are asked when it is clicked.
    for name in ("coverage", "orphan-actions", "unsupported-outcomes", "deadlines"):
        assert o.tables[name].rows == () and o.tables[name].total == full.tables[name].total
        assert o.tables[name].columns == full.tables[name].columns
    # Deadlines are counted whole (their summary is a write-time fact on Neo4j); their rows
    # open from the query, not carried on the page.
    by_quarter: dict[str | None, int] = {}
    for q in full.deadlines:
        by_quarter[q.quarter] = by_quarter.get(q.quarter, 0) + q.actions
    assert {q.quarter: q.actions for q in o.deadlines} == by_quarter
    assert all(q.plan is None for q in o.deadlines)
    # Shared strategies: the STRATEGY_LIMIT strategies feeding the most outcomes, counted
    # here from strategy-feeds' own rows (every strategy name, every plan).
    from stratgraph.graph.overview import STRATEGY_LIMIT

    feeds = run_query(examples_store, "strategy-feeds")
    fed = Counter(r["strategy"] for r in feeds)
    top = sorted(fed.items(), key=lambda kv: (-kv[1], kv[0]))[:STRATEGY_LIMIT]
    assert [(s.strategy, s.outcomes) for s in o.strategies] == top and top
    assert all(s.themes is None and s.plans == () for s in o.strategies)
    assert o.tables["strategy-feeds"].total == len(feeds)
    assert o.tables["strategy-feeds"].rows == ()
    assert f"of {len(fed):,} (strategy-feeds)" in o.notes["strategies"]
    # What changed between plan years: the plan pairs that changed most, each number equal
    # to plan-evolution's rows counted here; the rows open from the query when clicked.
    assert o.changes == ()
    _pairs_agree(examples_store, o)
    assert [(c.earlier, c.later) for c in o.pair_changes] == [
        (COUNTY20, COUNTY24), (CORPORATE, SELF), (SELF, DELIVERY)]
    assert o.tables["plan-evolution"].rows == ()
    assert o.tables["plan-evolution"].total == len(run_query(examples_store, "plan-evolution"))
    assert "the 3 plan pairs" in o.notes["changes"] and "of 3:" in o.notes["changes"]
    assert not full.pair_changes


def _pair_counts(rows: list[dict[str, object]], earlier: str | None, later: str | None
                 ) -> tuple[int, int, int]:
    """(kept, dropped, new) of a plan pair, counted from plan-evolution's rows."""
    def has(r: dict[str, object], key: str, plan: str | None) -> bool:
        return plan in r[key]  # type: ignore[operator]

    return (sum(has(r, "plans", earlier) and has(r, "plans", later) for r in rows),
            sum(has(r, "plans", earlier) and has(r, "dropped_in", later) for r in rows),
            sum(not has(r, "plans", earlier) and has(r, "plans", later) for r in rows))


def _pairs_agree(store: GraphStore, o: Overview) -> None:
    """The bounded overview's plan pairs are the most changed of every pair of consecutive
    plans of one organisation (listed here from the plan nodes), each pair's numbers counted
    here from plan-evolution's rows: every plan's, and its organisation's alone (what a bar's
    click asks). Plans are named in the rows by name: pairs whose names repeat are left out."""
    from stratgraph.graph.model import Label
    from stratgraph.graph.overview import PAIR_LIMIT

    rows = run_query(store, "plan-evolution")
    by_org: dict[object, list[tuple[object, ...]]] = {}
    names = Counter(n.name for n in store.nodes_labelled([Label.PLAN]))
    for n in store.nodes_labelled([Label.PLAN]):
        org, year = n.properties.get("organisation"), n.properties.get("start_year")
        if org:
            by_org.setdefault(org, []).append(
                ((year is None, year or 0), (n.name is None, n.name or ""), n.id, n.name, year))
    expected = []
    for org, own in by_org.items():
        own.sort()
        for e, l in zip(own, own[1:]):
            counts = _pair_counts(rows, e[3], l[3])
            expected.append((org, e[3], e[4], l[3], l[4], counts))
    assert f"of {len(expected):,}:" in o.notes["changes"]
    assert len(o.pair_changes) == min(PAIR_LIMIT, len(expected))
    shown = {(c.organisation, c.earlier, c.earlier_year, c.later, c.later_year):
             (c.kept, c.dropped, c.new) for c in o.pair_changes}
    checked = 0
    for org, e, ey, l, ly, counts in expected:
        key = (org, e, ey, l, ly)
        if key in shown and names[e] == 1 and names[l] == 1:
            assert shown[key] == counts, key
            own_rows = run_query(store, "plan-evolution", {"organisation": org})
            assert shown[key] == _pair_counts(own_rows, e, l), key
            checked += 1
    assert checked or not expected
    changed = [-(c.dropped + c.new) for c in o.pair_changes]
    assert changed == sorted(changed)


# Neo4j only: the embedded store reads one SQLite connection anyway.
@pytest.mark.parametrize("examples_store", [pytest.param("neo4j", marks=pytest.mark.neo4j)],
                         indirect=True)
def test_the_overview_is_read_in_one_transaction(examples_store: GraphStore,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # Neo4j: every ask of the overview in one session and one read transaction, the facts'
    # currency checked once (each ask opened a session and checked them: about half of the
    # first `/` at 1M nodes); the answers are the same as asked one at a time.
    from stratgraph.graph import neo4j_facts
    from stratgraph.graph.overview import _overview

    apart = [_overview(examples_store, None, TODAY, live).to_json() for live in (50, 4)]
    driver = examples_store._driver  # type: ignore[attr-defined]
    sessions, checks = [], []
    real_session, real_current = driver.session, neo4j_facts.current
    monkeypatch.setattr(driver, "session", lambda **kw: sessions.append(kw) or real_session(**kw))
    monkeypatch.setattr(neo4j_facts, "current", lambda tx: checks.append(1) or real_current(tx))
    for live, alone in zip((50, 4), apart):
        sessions.clear()
        checks.clear()
        assert overview(examples_store, today=TODAY, live_plans=live).to_json() == alone
        assert len(sessions) == 1
        assert len(checks) <= 1
    assert checks == [1]  # the bounded overview reads the facts: checked once


def _live_overview(store: GraphStore, **options: object) -> dict[str, object]:
    """The overview asked answer by answer (nothing kept read), as JSON."""
    store.kept_overview = lambda: None  # type: ignore[attr-defined]
    try:
        return overview(store, today=TODAY, **options).to_json()  # type: ignore[arg-type]
    finally:
        del store.kept_overview  # type: ignore[attr-defined]


@pytest.mark.neo4j
def test_the_kept_overview_is_the_live_one_and_follows_writes(
    neo4j_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Neo4j keeps the bounded overview's answers when a write's facts settle
    # (graph/neo4j_overview_facts.py): the page drawn from them equals the one asked answer by
    # answer, and the one computed by the named queries' own Cypher (no facts at all), after
    # writes, a replace and a removal; a graph changed outside stratgraph is asked live.
    from test_sqlite_summaries import _one_document, dense_graph

    from stratgraph.graph import neo4j_overview_facts
    from stratgraph.graph.data import GraphData

    monkeypatch.setattr(neo4j_overview_facts, "KEEP_ABOVE", 0)
    store = neo4j_store

    def agree() -> None:
        assert store.kept_overview() is not None  # type: ignore[attr-defined]
        found = overview(store, today=TODAY, live_plans=0)
        kept = found.to_json()
        _kept_page_agrees(store)
        assert kept == _live_overview(store, live_plans=0)
        store.use_facts = False  # type: ignore[attr-defined]
        try:
            # The plan pairs equal plan-evolution's rows from its own Cypher (no facts);
            # without facts the overview does not count them (the rows took 102 s at 1M).
            _pairs_agree(store, found)
            live = _live_overview(store, live_plans=0)
            assert live["pair_changes"] == () and "Too large" in live["notes"]["changes"]
            assert _without_pairs(kept) == _without_pairs(live)
        finally:
            store.use_facts = True  # type: ignore[attr-defined]
        assert kept["notes"] and kept["coverage"]

    first, second = _named_apart(dense_graph(21, 4)), _named_apart(dense_graph(71, 4))
    for d in range(4):
        store.write(_one_document(first, f"doc{d}.txt"))
    agree()
    before = store.kept_overview()  # type: ignore[attr-defined]
    store.write(_one_document(second, "doc1.txt"), replace_documents=["doc1.txt"])
    agree()
    assert store.kept_overview() != before  # type: ignore[attr-defined]
    store.write(GraphData(), replace_documents=["doc2.txt"])
    agree()
    # Above the threshold only: a small graph keeps nothing (its overview is another page).
    monkeypatch.setattr(neo4j_overview_facts, "KEEP_ABOVE", 50)
    store.write(GraphData(), replace_documents=["doc3.txt"])
    assert store.kept_overview() is None  # type: ignore[attr-defined]
    monkeypatch.setattr(neo4j_overview_facts, "KEEP_ABOVE", 0)
    store.refresh_facts()  # type: ignore[attr-defined]
    agree()
    # Changed outside stratgraph: the facts are not current, nothing kept is read.
    store._driver.execute_query(  # type: ignore[attr-defined]
        "CREATE (:Stratgraph:Plan {id: 'outside', name: 'Outside plan'})")
    assert store.kept_overview() is None  # type: ignore[attr-defined]
    assert store.kept_overview_page() is None  # type: ignore[attr-defined]
    assert (overview(store, today=TODAY, live_plans=0).to_json()
            == _live_overview(store, live_plans=0))


def _named_apart(graph: object) -> object:
    """``graph`` with each plan's name made its own (plan-evolution's rows name plans by
    name: a pair is told apart in them only when its plans' names are)."""
    from dataclasses import replace

    from stratgraph.graph.model import Label

    nodes = graph.nodes  # type: ignore[attr-defined]
    for key, node in list(nodes.items()):
        if node.label == Label.PLAN:
            nodes[key] = replace(node, name=f"{node.name} ({node.provenance.document})")
    return graph


@pytest.mark.parametrize("seeds", [(21, 71), (5, 8)])
def test_plan_pairs_follow_writes_on_the_embedded_store(tmp_path: Path,
                                                        seeds: tuple[int, int]) -> None:
    # The embedded store counts the plan pairs from its write-time facts: after writes, a
    # replace and a removal they equal plan-evolution's rows (Neo4j: the test below).
    from test_sqlite_summaries import _one_document, dense_graph

    from stratgraph.graph.data import GraphData

    store = EmbeddedStore(tmp_path / "graph.db")
    try:
        first, second = _named_apart(dense_graph(seeds[0], 4)), _named_apart(dense_graph(seeds[1], 4))
        for d in range(4):
            store.write(_one_document(first, f"doc{d}.txt"))
        _pairs_agree(store, overview(store, today=TODAY, live_plans=0))
        store.write(_one_document(second, "doc1.txt"), replace_documents=["doc1.txt"])
        _pairs_agree(store, overview(store, today=TODAY, live_plans=0))
        store.write(GraphData(), replace_documents=["doc2.txt"])
        _pairs_agree(store, overview(store, today=TODAY, live_plans=0))
    finally:
        store.close()


def _without_pairs(data: dict[str, object]) -> dict[str, object]:
    """An overview's JSON but for what changed between plan years."""
    tables = {k: v for k, v in data["tables"].items()  # type: ignore[attr-defined]
              if k != "plan-evolution"}
    notes = {k: v for k, v in data["notes"].items()  # type: ignore[attr-defined]
             if k != "changes"}
    return {**data, "pair_changes": None, "tables": tables, "notes": notes}


def _kept_page_agrees(store: GraphStore) -> None:
    """The page kept at write time is byte for byte the page drawn from the overview asked
    answer by answer, on any day (overdue quarters are the day's), and the one `/` serves."""
    from stratgraph.graph import overview as ov
    from stratgraph.viz.overview_page import (kept_overview_page, overview_page,
                                              served_overview_page)

    kept = store.kept_overview_page()  # type: ignore[attr-defined]
    assert kept is not None and kept.plans == len(overview(store, today=TODAY).plans)
    store.kept_overview = lambda: None  # type: ignore[attr-defined]
    try:
        for day in (TODAY, dt.date(2019, 1, 1), dt.date(2031, 6, 30)):
            live = overview(store, today=day, live_plans=0)
            for served in (True, False):
                assert (kept_overview_page(kept, day, served=served).html
                        == overview_page(live, served=served).html)
    finally:
        del store.kept_overview  # type: ignore[attr-defined]
    # `/` serves the kept page above LIVE_PLANS (lowered here), asking nothing else.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ov, "LIVE_PLANS", 0)
        patch.setattr(ov, "_overview", None)  # would fail if asked
        assert (served_overview_page(store, today=TODAY).html
                == kept_overview_page(kept, TODAY, served=True).html)
        # A new app reads it as it starts: its first `/` only checks the facts' stamp, and
        # serves the same bytes.
        from fastapi.testclient import TestClient

        from stratgraph.viz.explorer import ExplorerConfig
        from stratgraph.viz.explorer.app import create_app

        def no_read() -> None:
            raise AssertionError("the kept page was read again for the first `/`")

        with TestClient(create_app(ExplorerConfig(open_store=lambda: _Unclosed(store),
                                                  read_only=True))) as client:
            patch.setattr(store, "kept_overview_page", no_read)
            first = client.get("/")
        assert first.text == kept_overview_page(kept, dt.date.today(), served=True).html


class _Unclosed:
    """A store the app may close without closing the test's."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    def close(self) -> None:
        pass


def test_a_kept_page_is_the_drawn_page(examples_store: GraphStore) -> None:
    # graph/overview.py KeptPage: the bounded overview as its page's JSON without the day's
    # part; joined on any day it is json.dumps of that day's overview, so the page is the same.
    from stratgraph.graph.overview import KeptPage, _dumps
    from stratgraph.viz.overview_page import kept_overview_page, overview_page

    kept = KeptPage.of(overview(examples_store, today=TODAY, live_plans=4))
    assert kept.plans == 5 and kept.quarters
    for day in (TODAY, dt.date(2019, 1, 1), dt.date(2031, 6, 30)):
        o = overview(examples_store, today=day, live_plans=4)
        assert kept.json_text(day) == _dumps(o.to_json())
        assert (kept_overview_page(kept, day, served=True).html
                == overview_page(o, served=True).html)
    with pytest.raises(ValueError):  # the whole overview (per-plan deadlines) is not kept
        KeptPage.of(overview(examples_store, today=TODAY))


# -- the page -------------------------------------------------------------------------------

HOSTILE = "</script><img src=x onerror=alert(1)> =HYPERLINK(\"http://evil.example\",\"x\")"


def _hostile_store(tmp_path: Path) -> EmbeddedStore:
    from stratgraph.graph.builder import DocumentGraphBuilder

    b = DocumentGraphBuilder("hostile.txt")
    b.plan(HOSTILE, 1)
    theme = b.theme("Theme " + HOSTILE, 2)
    b.action("Action " + HOSTILE, 3, theme=theme, deadline="March 2024 " + HOSTILE)
    store = EmbeddedStore(tmp_path / "graph.db")
    store.write(b.graph)
    return store


def test_page_keeps_hostile_names_inside_the_data(tmp_path: Path) -> None:
    o = overview(_hostile_store(tmp_path), today=TODAY)
    page = render_overview(o, served=False)
    # The name never appears raw: only escaped inside the JSON block.
    assert "<img" not in page
    assert page.count("</script>") == 3
    block = re.search(r'<script type="application/json" id="overview-data">(.*?)</script>',
                      page, re.S)
    assert block is not None
    data = json.loads(block.group(1))
    assert data["plans"][0]["name"] == HOSTILE
    assert data["tables"]["deadlines"]["rows"][0]["quarter"] == "2024-Q1"


def test_page_is_offline_and_says_so(tmp_path: Path) -> None:
    page = render_overview(overview(_hostile_store(tmp_path), today=TODAY), served=False)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None and "default-src 'none'" in csp.group(1)
    assert "unsafe" not in csp.group(1)
    # No element loads anything: no src/href attribute in the page's own markup.
    markup = re.sub(r"<script.*?</script>", "", page, flags=re.S)
    assert not re.search(r"\b(src|href)=", markup)
    assert 'data-served="false"' in page
    assert 'data-served="true"' in render_overview(overview(_hostile_store(tmp_path / "b")),
                                                   served=True)


# -- the command ------------------------------------------------------------------------------


def test_report_command_writes_the_page(examples_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "-o", str(out), "--graph", str(examples_graph),
                                 "--today", "2025-01-01"])
    assert result.exit_code == 0, result.output
    assert "5 plan(s), 76 orphan actions, 32 unsupported outcomes, 16 actions overdue" in (
        result.output)
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_report_command_one_plan(examples_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "-o", str(out), "--graph", str(examples_graph),
                                 "--plan", "corporate plan", "--today", "2025-01-01"])
    assert result.exit_code == 0, result.output
    assert "1 plan(s), 29 orphan actions, 1 unsupported outcomes, 4 actions overdue" in (
        result.output)


@pytest.mark.parametrize(("args", "message"), [
    (["--today", "2025-13-01"], "--today '2025-13-01': give a date as YYYY-MM-DD"),
    (["--plan", "delivry plan"], "did you mean"),
])
def test_report_command_errors(examples_graph: Path, tmp_path: Path, args: list[str],
                               message: str) -> None:
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "r.html"), "--graph",
                                 str(examples_graph), *args])
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "r.html").exists()


def test_report_refuses_to_overwrite_the_graph(examples_graph: Path) -> None:
    before = examples_graph.read_bytes()
    result = runner.invoke(app, ["report", "-o", str(examples_graph), "--graph",
                                 str(examples_graph)])
    assert result.exit_code == 1
    assert "that is the graph file" in result.output
    assert examples_graph.read_bytes() == before


# -- the real plans ---------------------------------------------------------------------------


@pytest.mark.corpus
def test_real_plans_overview_equals_the_queries(corpus_dir: Path, tmp_path: Path) -> None:
    from stratgraph.api import build

    store = EmbeddedStore(tmp_path / "graph.db")
    assert build([corpus_dir], store).ok
    o = overview(store, today=TODAY)
    assert len(o.plans) == 5
    _check_against_queries(store, o)
    # Every deadline naming a year has a quarter; the rest ("Ongoing", "Annual") none.
    rows = run_query(store, "deadlines")
    assert len(rows) > 200
    for r in rows:
        assert (r["quarter"] is None) == (re.search(r"\b(19|20)\d\d\b", r["deadline"]) is None), r
    # The delivery plan runs to March 2015: on 1 January 2025 every dated action is overdue.
    delivery = [q for q in o.deadlines if q.plan == DELIVERY]
    assert all(q.overdue for q in delivery if q.quarter is not None)
    assert sum(q.actions for q in delivery) == sum(r["plan"] == DELIVERY for r in rows)
