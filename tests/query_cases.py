"""Expected rows of every named query on ``query_graphs.sample_graph()``: the exact whole
result, in order. Shared by the embedded tests and the real-Neo4j tests."""

from __future__ import annotations

from typing import Any

from query_graphs import CITY13, CITY16, COUNTY14, sample_graph
from stratgraph.graph.data import GraphData
from stratgraph.graph.store import GraphStore

_GRAPH = sample_graph()


def ID(label: str, document: str, name: str, graph: GraphData = _GRAPH) -> str:
    """The id of the node with this label and name first seen in ``document``."""
    found = [
        n.id for n in graph.nodes.values()
        if n.label.value == label and n.name == name and n.provenance.document == document
    ]
    assert len(found) == 1, (label, document, name, found)
    return found[0]


P13 = ID("Plan", CITY13, "Delivery Plan 2013")
P14 = ID("Plan", COUNTY14, "Strategic Plan 2014")
P16 = ID("Plan", CITY16, "Delivery Plan 2016")
HOUSING = ID("Theme", CITY13, "Housing")
TRANSPORT = ID("Theme", CITY13, "Transport")
ECONOMY = ID("Theme", COUNTY14, "Economy")
TRANSPORT16 = ID("Theme", CITY16, "transport")
SURVEY = ID("Action", CITY13, "Survey stock")
CYCLE = ID("Action", CITY13, "Cycle routes")
PARK = ID("Action", CITY16, "Park and ride")
FIRMS = ID("Action", COUNTY14, "Back local firms")
HOMES100 = ID("Action", CITY13, "Build 100 homes")
LANES = ID("Action", CITY13, "Bus lanes")
AIR = ID("Outcome", CITY13, "Cleaner air")
HOMES = ID("Outcome", CITY13, "Decent homes")
BUILD = ID("Outcome", CITY13, "Build homes")
BUSES = ID("Outcome", CITY13, "Better buses")
GROWTH = ID("Outcome", COUNTY14, "A growing economy")
HOUSING_STRATEGY = ID("Strategy", CITY13, "Housing Strategy")
GROWTH_PLAN = ID("Strategy", COUNTY14, "Growth Plan")
BOARD = ID("Partnership", CITY13, "Transport Board")
SMITH = ID("CabinetLead", CITY13, "Cllr Smith")
JONES = ID("CabinetLead", CITY13, "Cllr Jones")

D13, D14, D16 = "Delivery Plan 2013", "Strategic Plan 2014", "Delivery Plan 2016"

ORPHANS = [
    (D13, "Housing", "Survey stock", SURVEY, ["NO_DEADLINE", "NO_MEASURE", "NO_OUTCOME"], [], None,
     P13, HOUSING, CITY13, 8),
    (D16, "transport", "Park and ride", PARK, ["NO_MEASURE", "NO_OUTCOME", "NO_OWNER"], [], "2017",
     P16, TRANSPORT16, CITY16, 3),
    (D14, "Economy", "Back local firms", FIRMS, ["NO_OWNER"], [], "2015", P14, ECONOMY, COUNTY14, 4),
]
#: With min_confidence 0.8 the inferred SUPPORTS (0.7) and OWNS (0.65) stop counting.
CYCLE_ORPHAN = (D13, "Transport", "Cycle routes", CYCLE, ["NO_MEASURE", "NO_OUTCOME", "NO_OWNER"],
                [], "Ongoing", P13, TRANSPORT, CITY13, 16)

SHARED_HOUSING = [
    ("Transport", D13, "Housing", D13, "shared-strategy", ["Housing Strategy"], 1,
     [f"{CITY13}:7", f"{CITY13}:15"], TRANSPORT, HOUSING),
    ("transport", D16, "Housing", D13, "shared-strategy", ["Housing Strategy"], 1,
     [f"{CITY13}:7", f"{CITY16}:4"], TRANSPORT16, HOUSING),
    ("transport", D16, "Transport", D13, "shared-strategy", ["Housing Strategy"], 1,
     [f"{CITY13}:15", f"{CITY16}:4"], TRANSPORT16, TRANSPORT),
    ("Economy", D14, "Housing", D13, "shared-strategy", ["Housing Strategy"], 1,
     [f"{CITY13}:7", f"{COUNTY14}:6"], ECONOMY, HOUSING),
    ("Economy", D14, "Transport", D13, "shared-strategy", ["Housing Strategy"], 1,
     [f"{CITY13}:15", f"{COUNTY14}:6"], ECONOMY, TRANSPORT),
    ("Economy", D14, "transport", D16, "shared-strategy", ["Housing Strategy"], 1,
     [f"{CITY16}:4", f"{COUNTY14}:6"], ECONOMY, TRANSPORT16),
]
EXPLICIT = ("Transport", D13, "Housing", D13, "explicit", ["see Housing"], 1, [f"{CITY13}:17"],
            TRANSPORT, HOUSING)
SHARED_BOARD = ("transport", D16, "Transport", D13, "shared-partnership", ["Transport Board"], 1,
                [f"{CITY13}:16", f"{CITY16}:3"], TRANSPORT16, TRANSPORT)

COVERAGE_PLANS = [
    ("plan", D16, None, 1, 0.0, 0.0, 0.0, 1.0, 0.0, 0, P16, None, CITY16, 1),
    ("plan", D14, None, 1, 1.0, 1.0, 0.0, 1.0, 0.0, 1, P14, None, COUNTY14, 1),
    ("plan", D13, None, 4, 0.75, 0.75, 1.0, 0.75, 0.75, 2, P13, None, CITY13, 1),
]
COVERAGE_THEMES = [
    ("theme", D16, "transport", 1, 0.0, 0.0, 0.0, 1.0, 0.0, 0, P16, TRANSPORT16, CITY16, 2),
    ("theme", D14, "Economy", 1, 1.0, 1.0, 0.0, 1.0, 0.0, 1, P14, ECONOMY, COUNTY14, 2),
    ("theme", D13, "Housing", 2, 0.5, 0.5, 1.0, 0.5, 0.5, 1, P13, HOUSING, CITY13, 3),
    ("theme", D13, "Transport", 2, 1.0, 1.0, 1.0, 1.0, 1.0, 1, P13, TRANSPORT, CITY13, 11),
]

SMITH_ROW = ("Cllr Smith", None, "Housing", ["Housing"], 3, 1, ["Survey stock"], [], SMITH,
             [f"{CITY13}:2", f"{CITY13}:15"], [])

FEEDS = [
    ("Growth Plan", "A growing economy", "strategic", D14, ["A growing economy"], 1,
     [f"{COUNTY14}:3"], False, GROWTH_PLAN, GROWTH),
    ("Housing Strategy", "Better buses", "theme", D13, ["Bus lanes"], 2, [f"{CITY13}:15"], False, HOUSING_STRATEGY, BUSES),
    ("Housing Strategy", "Build homes", "objective", D13, ["Build 100 homes"], 2,
     [f"{CITY13}:7"], False, HOUSING_STRATEGY, BUILD),
    ("Housing Strategy", "Decent homes", "theme", D13, ["Build 100 homes"], 3,
     [f"{CITY13}:5", f"{CITY13}:7"], False, HOUSING_STRATEGY, HOMES),
    ("Housing Strategy", "A growing economy", "strategic", D14, ["Back local firms"], 2,
     [f"{COUNTY14}:4", f"{COUNTY14}:6"], False, HOUSING_STRATEGY, GROWTH),
]

EVOLUTION = [
    ("partnership", "Transport Board", D13, 2013, D16, 2016, [D13, D16], [], BOARD,
     [f"{CITY13}:16", f"{CITY16}:3"]),
    ("strategy", "Housing Strategy", D13, 2013, D16, 2016, [D13, D14, D16], [], HOUSING_STRATEGY,
     [f"{CITY13}:7", f"{CITY13}:15", f"{CITY16}:4", f"{COUNTY14}:6"]),
    ("strategy", "Growth Plan", D14, 2014, D14, 2014, [D14], [], GROWTH_PLAN, [f"{COUNTY14}:3"]),
    ("theme", "Housing", D13, 2013, D13, 2013, [D13], [D16], "housing", [f"{CITY13}:3"]),
    ("theme", "Transport", D13, 2013, D16, 2016, [D13, D16], [], "transport",
     [f"{CITY13}:11", f"{CITY16}:2"]),
    ("theme", "Economy", D14, 2014, D14, 2014, [D14], [], "economy", [f"{COUNTY14}:2"]),
]

#: (query, parameters, the exact rows as tuples in column order)
DEADLINES = [
    (D13, "Housing", "Build 100 homes", HOMES100, "March 2014", "2014-Q1", P13, HOUSING, CITY13, 7),
    (D13, "Transport", "Bus lanes", LANES, "2014", "2014-Q4", P13, TRANSPORT, CITY13, 15),
    # No year: no quarter, sorted after the dated ones of its plan.
    (D13, "Transport", "Cycle routes", CYCLE, "Ongoing", None, P13, TRANSPORT, CITY13, 16),
    (D16, "transport", "Park and ride", PARK, "2017", "2017-Q4", P16, TRANSPORT16, CITY16, 3),
    (D14, "Economy", "Back local firms", FIRMS, "2015", "2015-Q4", P14, ECONOMY, COUNTY14, 4),
]

CASES: list[tuple[str, dict[str, Any], list[tuple[Any, ...]]]] = [
    ("orphan-actions", {}, ORPHANS),
    ("orphan-actions", {"min_confidence": 0.8}, [ORPHANS[0], CYCLE_ORPHAN, *ORPHANS[1:]]),
    # At 0.7 the inferred SUPPORTS counts (0.7) but the inferred OWNS (0.65) does not.
    ("orphan-actions", {"min_confidence": "0.7"},
     # Its measure and outcome hold only through the inferred SUPPORTS: the row says so.
     [ORPHANS[0], (*CYCLE_ORPHAN[:4], ["NO_OWNER"], ["measure", "outcome"], *CYCLE_ORPHAN[6:]),
      *ORPHANS[1:]]),
    ("orphan-actions", {"reason": "no_owner"}, ORPHANS[1:]),
    ("orphan-actions", {"theme": "HOUSING"}, ORPHANS[:1]),
    ("orphan-actions", {"theme": TRANSPORT16}, ORPHANS[1:2]),
    ("orphan-actions", {"plan": "county-2014.txt"}, ORPHANS[2:]),
    ("orphan-actions", {"plan": "delivery plan 2016"}, ORPHANS[1:2]),
    ("orphan-actions", {"plan": P13, "reason": "NO_OWNER"}, []),
    ("unsupported-outcomes", {},
     [(D13, "Transport", "Cleaner air", AIR, "theme", ["NO_MEASURE", "NO_SUPPORT"], [], P13,
       TRANSPORT, CITY13, 13)]),
    ("unsupported-outcomes", {"min_confidence": 0.8, "plan": CITY13},
     [(D13, "Transport", "Cleaner air", AIR, "theme", ["NO_MEASURE", "NO_SUPPORT"], [], P13,
       TRANSPORT, CITY13, 13)]),
    ("unsupported-outcomes", {"level": "strategic"}, []),
    ("unsupported-outcomes", {"reason": "NO_SUPPORT", "theme": "housing"}, []),
    ("coverage", {}, COVERAGE_PLANS + COVERAGE_THEMES),
    ("coverage", {"scope": "theme", "plan": CITY13}, COVERAGE_THEMES[2:]),
    ("coverage", {"scope": "plan", "min_confidence": 0.8},
     [*COVERAGE_PLANS[:2], ("plan", D13, None, 4, 0.5, 0.5, 0.75, 0.75, 0.5, 2, P13, None, CITY13, 1)]),
    ("lead-portfolio", {},
     [("Cllr Jones", None, "Transport and air", ["Transport"], 2, 1, [], [], JONES,
       [f"{CITY13}:2"], []), SMITH_ROW]),
    ("lead-portfolio", {"min_confidence": 0.8},
     [("Cllr Jones", None, "Transport and air", [], 0, 0, [], [], JONES, [], []), SMITH_ROW]),
    ("lead-portfolio", {"lead": "CLLR SMITH"}, [SMITH_ROW]),
    ("cross-theme-dependencies", {}, [EXPLICIT, SHARED_BOARD, *SHARED_HOUSING]),
    ("cross-theme-dependencies", {"kind": "explicit"}, [EXPLICIT]),
    ("cross-theme-dependencies", {"theme": "economy", "plan": "Delivery Plan 2016"},
     SHARED_HOUSING[5:]),
    ("cross-theme-dependencies", {"plan": CITY16},
     [SHARED_BOARD, *SHARED_HOUSING[1:3], SHARED_HOUSING[5]]),
    ("strategy-feeds", {}, FEEDS),
    ("strategy-feeds", {"strategy": "housing STRATEGY"}, FEEDS[1:]),
    ("strategy-feeds", {"outcome": "a growing economy"}, [FEEDS[0], FEEDS[4]]),
    ("strategy-feeds", {"level": "theme", "plan": CITY13}, FEEDS[1:2] + FEEDS[3:4]),
    ("plan-evolution", {}, EVOLUTION),
    ("plan-evolution", {"kind": "theme", "name": "housing"}, EVOLUTION[3:4]),
    # The county's plans alone: the Housing Strategy appears once, in 2014, and its evidence
    # is the county's own line (the city's mentions are not the county's plans).
    ("plan-evolution", {"organisation": "county council", "kind": "strategy"},
     [EVOLUTION[2], ("strategy", "Housing Strategy", D14, 2014, D14, 2014, [D14], [],
                     HOUSING_STRATEGY, [f"{COUNTY14}:6"])]),
    # Deadlines as written and their quarter: a month is its quarter, a bare year its end.
    ("deadlines", {}, DEADLINES),
    ("deadlines", {"plan": CITY13, "theme": "TRANSPORT"}, DEADLINES[1:3]),
    ("deadlines", {"theme": ECONOMY}, DEADLINES[4:]),
]


def rows_as_tuples(store: GraphStore, name: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The query's rows as tuples, after checking every row has exactly the query's columns."""
    from stratgraph.graph.queries import get_query, run_query

    rows = run_query(store, name, params)
    columns = get_query(name).column_names
    for row in rows:
        assert list(row) == columns
    return [tuple(row.values()) for row in rows]
