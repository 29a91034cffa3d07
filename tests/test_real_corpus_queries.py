"""Answers on the five real plans, each checked by reading the document.

Skipped when ../shared/corpus is absent. Line numbers are the documents' own (1-based).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stratgraph.graph.model import document_name
from stratgraph.api import build
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.queries import run_query

DELIVERY = "leicester-city-delivery-plan-2013-14.txt"
CORPORATE = "leicester-city-interim-corporate-plan-2003.txt"
COUNTY14 = "leicestershire-county-strategic-plan-2014-18.txt"


@pytest.fixture(scope="module")
def real(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path_factory.mktemp("real") / "graph.json")
    result = build([corpus_dir], store)
    assert result.ok, result.errors
    return store


def explicit_pairs(store: EmbeddedStore) -> set[tuple[str, str, str]]:
    rows = run_query(store, "cross-theme-dependencies", {"kind": "explicit"})
    return {(shown(ev), r["theme_a"], r["theme_b"]) for r in rows for ev in r["evidence"]}


def shown(evidence: str) -> str:
    """A "document:line" evidence entry as a reader writes it: the file name, not the key."""
    document, _, line = evidence.rpartition(":")
    return f"{document_name(document)}:{line}"


def test_delivery_plan_see_reference_is_a_cross_theme_dependency(real: EmbeddedStore) -> None:
    # Row 214 (A thriving city centre): "Improving public transport, walking, cycling and
    # parking (see p. 37: Getting about in Leicester)".
    assert (f"{DELIVERY}:214", "A place to do business", "Getting about in Leicester") in \
        explicit_pairs(real)


@pytest.mark.parametrize(
    ("line", "theme", "supporter"),
    [
        # "Supported by: Housing investment providing a warm home where children are more
        # encouraged to study" under ED.1.
        (151, "Education", "Housing"),
        # "Supported by: Greater focus on the prevention of crime through supporting children
        # and families (YOT and partner agencies)" under CSY.1.
        (143, "Community Safety", "Social Care and Health"),
        # "Supported by: Cultural learning opportunities" under ED.3.
        (153, "Education", "Culture"),
        # "Supported by: Education for foster carers leading to accreditation" under SC3.
        (160, "Social Care and Health", "Education"),
        # "Affordable housing More energy efficient housing stock" under EN.1.
        (167, "Environment", "Housing"),
    ],
)
def test_2003_supported_by_items_are_cross_theme_dependencies(
    real: EmbeddedStore, line: int, theme: str, supporter: str
) -> None:
    assert (f"{CORPORATE}:{line}", theme, supporter) in explicit_pairs(real)


def test_2003_supported_by_items_are_not_actions(real: EmbeddedStore) -> None:
    rows = run_query(real, "orphan-actions", {"plan": CORPORATE})
    assert not [r for r in rows if "Housing investment providing a warm home" in r["action"]]


def orphan(store: EmbeddedStore, plan: str, action_start: str) -> dict | None:
    rows = [r for r in run_query(store, "orphan-actions", {"plan": plan})
            if r["action"].startswith(action_start)]
    assert len(rows) <= 1
    return rows[0] if rows else None


def test_delivery_plan_orphans_judged_by_reading(real: EmbeddedStore) -> None:
    # Row 461 lists more projects than "by when" entries; the last, the virtual school, has
    # no deadline of its own.
    row = orphan(real, DELIVERY, "virtual school for looked after children")
    assert row is not None and "NO_DEADLINE" in row["reasons"]
    # Row 408 (health responsibilities): no summary priority of "A healthy and active city"
    # speaks of taking on public health duties, and no measure tracks the transfer.
    row = orphan(real, DELIVERY, "Plan and implement the transfer of the local public health")
    assert row is not None and {"NO_OUTCOME", "NO_MEASURE"} <= set(row["reasons"])


def test_delivery_plan_actions_judged_linked_are_not_outcome_orphans(real: EmbeddedStore) -> None:
    # Row 212: Leicester to Work actions serve the first summary priority ("...through our
    # Leicester to Work programme") and have deadlines ("Ongoing to 2015", "Ongoing").
    for action in ("Launch Leicester to Work programme", "Establish a skills network"):
        # Read at all: an action that went missing is not an orphan either.
        assert actions_starting(real, DELIVERY, action) == 1, action
        row = orphan(real, DELIVERY, action)
        assert row is None or not {"NO_OUTCOME", "NO_DEADLINE"} & set(row["reasons"]), row


def actions_starting(store: EmbeddedStore, plan: str, start: str) -> int:
    """How many actions of ``plan`` (its file name) start with ``start``."""
    return sum(1 for n in store.read().nodes.values()
               if n.label.value == "Action" and n.name.startswith(start)
               and document_name(n.provenance.document) == plan)


def test_county_2014_actions_have_no_deadline_or_owner(real: EmbeddedStore) -> None:
    # The 2014-18 tables give actions and targets but never a date or a named owner.
    row = orphan(real, COUNTY14, "Enforcement work to address underage sales of alcohol")
    assert row is not None and {"NO_DEADLINE", "NO_OWNER"} <= set(row["reasons"])
    assert "NO_OUTCOME" not in row["reasons"]  # it sits beside its PRIORITY cell


def test_economic_action_plan_feeds_the_leicester_to_work_priority(real: EmbeddedStore) -> None:
    rows = run_query(real, "strategy-feeds", {"strategy": "Leicester Economic Action Plan"})
    feeds = {(r["outcome"], r["hops"]) for r in rows}
    assert ("Leicester to Work", 1) in feeds
    assert any(o.startswith("To support people to secure training") and h == 2 for o, h in feeds)
    assert all(r["evidence"] for r in rows)


def test_every_query_runs_on_the_real_corpus(real: EmbeddedStore) -> None:
    from stratgraph.graph.queries import list_queries

    for spec in list_queries():
        rows = run_query(real, spec.name, {})
        assert isinstance(rows, list)


CPA = "leicester-city-cpa-self-assessment-2007.txt"
COUNTY18 = "leicestershire-county-strategic-plan-2018-22.txt"


def shared_pairs(store: EmbeddedStore, theme: str) -> dict[frozenset[str], list[str]]:
    rows = run_query(store, "cross-theme-dependencies", {"theme": theme})
    return {frozenset({r["theme_a"], r["theme_b"]}): r["via"] for r in rows
            if r["kind"] != "explicit"}


def test_cpa_sub_area_and_its_area_both_share_its_names(real: EmbeddedStore) -> None:
    # CPA 813 (under 811 "Building Stronger Communities", part of 718 "B. Safer and stronger
    # communities"): "Our community cohesion strategy and the more specific faiths and new
    # arrivals strateaies ..."; 2003 line 135 (D.1, theme Diversity): "To have the Community
    # Cohesion strategy in place by December 2003".
    for theme in ("Building Stronger Communities", "Safer and stronger communities"):
        pairs = shared_pairs(real, theme)
        assert pairs[frozenset({theme, "Diversity"})] == ["Community Cohesion Strategy"], theme
    # CPA 775 (under 773 "Reducing accidents"): "The Leicester, Leicestershire & Rutland Road
    # Safety Partnership was formed in 1998"; 2018-22 line 308 lists it (Keeping People Safe).
    for theme in ("Reducing accidents", "Safer and stronger communities"):
        assert frozenset({theme, "Keeping People Safe"}) in shared_pairs(real, theme), theme


def test_cpa_sub_area_is_never_paired_with_its_own_area(real: EmbeddedStore) -> None:
    # The area names everything its sub-areas name: the two depend on nothing between them.
    for area, sub_area in [("Safer and stronger communities", "Crime and fear of crime"),
                           ("Safer and stronger communities", "Building Stronger Communities"),
                           ("Sustainable communities and transport", "Environment")]:
        assert frozenset({area, sub_area}) not in shared_pairs(real, area)
    # Two sub-areas of one area are two themes: CPA 646 (Housing market) "met 90% of our local
    # plan" and 678 (Environment) "our local plan contains measures on parking standards".
    assert shared_pairs(real, "Housing market")[frozenset({"Housing market", "Environment"})] \
        == ["Local Plan"]


def test_cpa_scheme_cut_by_ocr_is_one_programme_once_built(real: EmbeddedStore) -> None:
    # CPA 153 "the Eco-Management & Audit Scheme (EMAS) will be the performance management
    # framework for the Climate Change Strategy"; 670 "We registered Eco are a Management and
    # Audit Scheme (EMAS) authority": OCR cut the second name, and the acronym both define makes
    # them one programme.
    rows = [r for r in run_query(real, "plan-evolution", {"kind": "strategy"})
            if "Audit Scheme" in r["item"]]
    assert [(r["item"], [shown(e) for e in r["evidence"]]) for r in rows] == [
        ("Eco-Management & Audit Scheme", [f"{CPA}:153", f"{CPA}:670"])]
