"""The questions planners ask, on the example corpus: whole result sets of ``coverage``,
``strategy-feeds``, ``plan-evolution``, ``cross-theme-dependencies`` (shared strategies and
partnerships) and ``unsupported-outcomes`` against the answers read from the five plans
(``example_answers.py``; shown for readers in ``examples/answers/README-queries.md``).

The five example plans are built together, once per store: the embedded store and a real Neo4j
(the ``neo4j`` parameter).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from example_answers import (
    COVERAGE,
    DOC_OF_PLAN,
    EVOLUTION,
    FEEDS,
    PLAN_ORDER,
    PLANS,
    SHARED_PAIR_COUNTS,
    THEME_REFS,
    UNSUPPORTED,
    exact_share,
    share,
    shared_pairs,
    untag,
)
from neo4j_fixtures import STORE_KINDS
from stratgraph.graph.model import document_name
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.queries import run_query
from stratgraph.graph.store import GraphStore

from stratgraph.api import build


@pytest.fixture(scope="module", params=STORE_KINDS)
def answers_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                  examples_dir: Path) -> Iterator[GraphStore]:
    """All five example plans built into one store, once per store kind."""
    files = sorted(examples_dir.glob("*.txt"))
    assert {f.name for f in files} == set(PLANS)
    if request.param == "neo4j":
        server = request.getfixturevalue("neo4j_server")
        server.wipe()
        store: GraphStore = server.open_store()
    else:
        store = EmbeddedStore(tmp_path_factory.mktemp("answers") / "graph.json")
    try:
        result = build(files, store)
        assert result.ok, result.errors
        yield store
    finally:
        store.close()


# -- helpers ----------------------------------------------------------------------------------

#: Every tagged strategy / partnership name the answers use.
KNOWN = ({name for name, _, _ in FEEDS} | {name for _, name in EVOLUTION}
         | {n for refs in THEME_REFS.values() for names in refs for n in names})


def tagged(name: str, councils: set[str]) -> str:
    """The answers' name for a strategy or partnership named ``name`` in plans of ``councils``."""
    if len(councils) == 1:
        candidate = f"{name}@{next(iter(councils))}"
        if candidate in KNOWN:
            return candidate
    return name


def council(doc: str) -> str:
    return PLANS[doc][2]


def doc_of_evidence(entry: str) -> str:
    document, _, line = entry.rpartition(":")
    assert line.isdigit(), entry
    return document_name(document)


def evidence_docs(row: dict[str, Any]) -> set[str]:
    assert row["evidence"], row
    return {doc_of_evidence(e) for e in row["evidence"]}


# -- coverage ---------------------------------------------------------------------------------


def _coverage_expected() -> dict[tuple[str, str, str | None], dict[str, Any]]:
    expected = {}
    for (doc, theme), (n, outcome, measure, owner, deadline, golden) in COVERAGE.items():
        expected[("plan" if theme is None else "theme", doc, theme)] = {
            "actions": n, "with_outcome": share(outcome, n), "with_measure": share(measure, n),
            "with_owner": share(owner, n), "with_deadline": share(deadline, n),
            "golden": share(golden, n),
        }
    return expected


def test_coverage_whole_set(answers_store: GraphStore) -> None:
    rows = run_query(answers_store, "coverage")
    got = {}
    for r in rows:
        doc = DOC_OF_PLAN[r["plan"]]
        assert document_name(r["source_document"]) == doc and r["plan_id"], r
        assert (r["theme_id"] is None) == (r["scope"] == "plan"), r
        got[(r["scope"], doc, r["theme"])] = {k: r[k] for k in (
            "actions", "with_outcome", "with_measure", "with_owner", "with_deadline", "golden")}
    assert len(got) == len(rows) == 42
    assert got == _coverage_expected()


def test_coverage_order_is_weakest_first(answers_store: GraphStore) -> None:
    """Plan rows, then theme rows; lowest golden share first (none last), then fewest of the
    four tests passed, then most actions."""
    rows = run_query(answers_store, "coverage")

    def rank(r: dict[str, Any]) -> tuple[Any, ...]:
        counts = COVERAGE[(DOC_OF_PLAN[r["plan"]], r["theme"])]
        n = counts[0]
        if n == 0:
            return (r["scope"] != "plan", 1)
        passed = sum(exact_share(k, n) for k in counts[1:5])
        return (r["scope"] != "plan", 0, exact_share(counts[5], n), passed, -n)

    ranks = [rank(r) for r in rows]
    assert ranks == sorted(ranks)


def test_coverage_one_plan_by_file_name(answers_store: GraphStore) -> None:
    rows = run_query(answers_store, "coverage",
                     {"plan": "wexbridge-city-delivery-plan-2024-25.txt", "scope": "theme"})
    assert {r["theme"]: (r["actions"], r["golden"]) for r in rows} == {
        "A thriving economy": (12, 0.917), "Getting around Wexbridge": (7, 1.0),
        "Healthy and safe communities": (9, 0.778), "A well-run council": (4, 0.0)}


# -- strategy-feeds ---------------------------------------------------------------------------


def _feeds_key(r: dict[str, Any]) -> tuple[str, str, str]:
    doc = DOC_OF_PLAN[r["plan"]]
    return (tagged(r["strategy"], {council(doc)}), doc, r["outcome"])


def _check_feeds_rows(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], Any]:
    got = {}
    ids: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        key = _feeds_key(r)
        assert key not in got, key
        got[key] = (r["outcome_level"], r["hops"], tuple(sorted(r["via"])))
        assert r["strategy_id"] and r["outcome_id"], r
        assert evidence_docs(r) == {key[1]}, r
        ids[key[0]].add(r["strategy_id"])
    # one node per tagged name, and a different node per council for a place-less name
    assert all(len(v) == 1 for v in ids.values()), ids
    by_id = defaultdict(set)
    for name, node_ids in ids.items():
        by_id[next(iter(node_ids))].add(name)
    assert all(len(v) == 1 for v in by_id.values()), by_id
    return got


def _expected_feeds(keep=lambda key: True) -> dict[tuple[str, str, str], Any]:
    return {k: (level, hops, tuple(sorted(via))) for k, (level, hops, via) in FEEDS.items()
            if keep(k)}


def test_strategy_feeds_whole_set(answers_store: GraphStore) -> None:
    rows = run_query(answers_store, "strategy-feeds")
    assert _check_feeds_rows(rows) == _expected_feeds()
    assert len(FEEDS) == 100


def test_strategy_feeds_one_strategy(answers_store: GraphStore) -> None:
    """``strategy`` matches a name in any case: both councils' Local Transport Plans."""
    rows = run_query(answers_store, "strategy-feeds", {"strategy": "local transport plan"})
    assert _check_feeds_rows(rows) == _expected_feeds(lambda k: untag(k[0]) == "Local Transport Plan")
    assert len(rows) == 18


def test_strategy_feeds_by_alias(answers_store: GraphStore) -> None:
    """"Economic Growth Plan" is an alias of the Wexbridge Economic Growth Plan (the variant of
    rows 76 and line 72 of the self-assessment) and the name of the county's own plan, which
    feeds Thriving Economy (the 2024-28 partnership list; 2020-24 names it in prose only)."""
    rows = run_query(answers_store, "strategy-feeds", {"strategy": "Economic Growth Plan"})
    assert _check_feeds_rows(rows) == _expected_feeds(
        lambda k: k[0] in ("Wexbridge Economic Growth Plan", "Economic Growth Plan@county"))


def test_strategy_feeds_reverse_for_an_outcome(answers_store: GraphStore) -> None:
    """Which strategies feed JE.1 of the Corporate Plan (line 86)?"""
    outcome = "To attract new investment and jobs to the city"
    rows = run_query(answers_store, "strategy-feeds", {"outcome": outcome})
    assert _check_feeds_rows(rows) == _expected_feeds(lambda k: k[2] == outcome)
    assert [r["strategy"] for r in rows] == [
        "Local Transport Plan", "WLEP Strategic Economic Plan", "Wexbridge Economic Growth Plan"]


def test_strategy_feeds_level_and_plan(answers_store: GraphStore) -> None:
    rows = run_query(answers_store, "strategy-feeds",
                     {"level": "priority", "plan": "Strategic Plan 2020-24"})
    assert _check_feeds_rows(rows) == _expected_feeds(
        lambda k: k[1] == PLAN_ORDER[2] and FEEDS[k][0] == "priority")


# -- plan-evolution ---------------------------------------------------------------------------


def test_plan_evolution_whole_set(answers_store: GraphStore) -> None:
    rows = run_query(answers_store, "plan-evolution")
    got = {}
    for r in rows:
        plans = tuple(DOC_OF_PLAN[p] for p in r["plans"])
        name = r["item"] if r["kind"] == "theme" else tagged(r["item"], {council(d) for d in plans})
        key = (r["kind"], name)
        assert key not in got, key
        got[key] = (plans, tuple(DOC_OF_PLAN[p] for p in r["dropped_in"]))
        first, last = plans[0], plans[-1]
        assert (r["first_plan"], r["first_year"]) == PLANS[first][:2], r
        assert (r["last_plan"], r["last_year"]) == PLANS[last][:2], r
        assert evidence_docs(r) == set(plans), r
        assert r["key"].startswith(f"{r['kind']}:") if r["kind"] != "theme" else r["key"], r
    assert got == EVOLUTION
    assert len(rows) == 93  # two strategies each found under a second name (years set aside)


def test_plan_evolution_for_one_council(answers_store: GraphStore) -> None:
    """``organisation`` tells one council's story: the WLEP's plan appears in 2020-24 and
    2024-28, and the Wexbridge Economic Growth Plan (2020-24 line 47) is dropped in 2024-28."""
    rows = run_query(answers_store, "plan-evolution",
                     {"kind": "strategy", "organisation": "Wexshire County Council"})
    got = {r["item"]: ([DOC_OF_PLAN[p] for p in r["plans"]],
                       [DOC_OF_PLAN[p] for p in r["dropped_in"]]) for r in rows}
    c20, c24 = PLAN_ORDER[2], PLAN_ORDER[4]
    assert got["WLEP Strategic Economic Plan"] == ([c20, c24], [])
    assert got["Wexbridge Economic Growth Plan"] == ([c20], [c24])
    assert got["Local Transport Plan"] == ([c20, c24], [])
    expected = {untag(name) for (kind, name), (plans, _) in EVOLUTION.items()
                if kind == "strategy" and set(plans) & {c20, c24}}
    assert set(got) == expected


# -- cross-theme-dependencies -----------------------------------------------------------------


@pytest.mark.parametrize("kind", ["shared-strategy", "shared-partnership"])
def test_shared_links_whole_set(answers_store: GraphStore, kind: str) -> None:
    rows = run_query(answers_store, "cross-theme-dependencies", {"kind": kind})
    got = {}
    for r in rows:
        a = (DOC_OF_PLAN[r["plan_a"]], r["theme_a"])
        b = (DOC_OF_PLAN[r["plan_b"]], r["theme_b"])
        assert r["kind"] == kind and r["theme_a_id"] and r["theme_b_id"], r
        assert r["theme_a_id"] < r["theme_b_id"], r  # lower theme id first
        pair = frozenset((a, b))
        assert pair not in got, pair
        got[pair] = (tuple(r["via"]), r["strength"])
        assert evidence_docs(r) == {a[0], b[0]}, r
    expected = shared_pairs(kind)
    assert len(expected) == SHARED_PAIR_COUNTS[kind]
    assert got == expected
    assert [r["strength"] for r in rows] == sorted((r["strength"] for r in rows), reverse=True)


def test_shared_links_for_one_theme(answers_store: GraphStore) -> None:
    rows = run_query(answers_store, "cross-theme-dependencies",
                     {"kind": "shared-strategy", "theme": "Getting around Wexbridge"})
    got = {frozenset({r["theme_a"], r["theme_b"]}) - {"Getting around Wexbridge"}: r["via"]
           for r in rows}
    expected = {frozenset(p - {(PLAN_ORDER[3], "Getting around Wexbridge")}): list(via)
                for p, (via, _) in shared_pairs("shared-strategy").items()
                if (PLAN_ORDER[3], "Getting around Wexbridge") in p}
    assert got == {frozenset(t for _, t in k): v for k, v in expected.items()}


# -- unsupported-outcomes ---------------------------------------------------------------------


def _unsupported_rows(store: GraphStore) -> dict[tuple[str, str | None, str], Any]:
    got = {}
    for r in run_query(store, "unsupported-outcomes"):
        doc = DOC_OF_PLAN[r["plan"]]
        assert document_name(r["source_document"]) == doc and r["source_line"] and r["outcome_id"], r
        key = (doc, r["theme"], r["outcome"])
        assert key not in got, key
        got[key] = (r["level"], tuple(r["reasons"]))
    return got


def test_unsupported_outcomes_whole_set(answers_store: GraphStore) -> None:
    got = _unsupported_rows(answers_store)
    assert got == UNSUPPORTED
    assert len(UNSUPPORTED) == 32
