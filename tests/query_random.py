"""Seeded random graphs for checking that both stores give the same rows for every query.

Not realistic plans: small graphs with every relationship the queries follow, in odd
combinations (cycles of SUPPORTS, outcomes of other plans, inferred links at several
confidences, names differing only in case or accents), so the Cypher and the embedded
implementations are compared where they are most likely to part.
"""

from __future__ import annotations

import random

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Method, RelType

_NAMES = ["Housing", "housing", "Transport", "Économie", "Economie", "Jobs & Skills",
          "Jobs and skills", "Health", "Safer streets", "Culture", "Straße & Co.", "STRASSE AND CO"]
_LEVELS = ["strategic", "theme", "priority", "objective", "supporting", None]
_DEADLINES = ["March 2014", "Ongoing", None, " "]
_CONFIDENCES = [0.55, 0.7, 0.85]


def random_graph(seed: int, documents: int = 3) -> GraphData:
    """A random graph of ``documents`` plans; the same seed gives the same graph."""
    rnd = random.Random(seed)
    graph = GraphData()
    strategies = [f"Strategy {i}" for i in range(4)]
    partnerships = [f"Board {i}" for i in range(3)]
    leads = [f"Cllr {i}" for i in range(3)]
    for d in range(documents):
        b = DocumentGraphBuilder(f"doc{d}.txt")
        b.plan(f"Plan {d}", 1, organisation=rnd.choice(["City", "County"]),
               start_year=rnd.choice([2003, 2013, 2014, None]))
        line = 2
        themes = []
        items: list[str] = []
        outcomes: list[str] = []
        actions: list[str] = []
        for name in rnd.sample(_NAMES, 3):
            theme = b.theme(name, line)
            themes.append(theme)
            line += 1
            for i in range(rnd.randint(0, 3)):
                o = b.outcome(f"Outcome {d}.{line}", line, theme=rnd.choice([theme, None]),
                              level=rnd.choice(_LEVELS))
                outcomes.append(o)
                line += 1
            for i in range(rnd.randint(0, 3)):
                a = b.action(f"Action {rnd.randint(0, 5)}", line, theme=theme,
                             deadline=rnd.choice(_DEADLINES))
                actions.append(a)
                line += 1
            m = b.measure(f"Measure {line}", line, theme=rnd.choice([theme, None]))
            items.append(m)
            line += 1

        def method() -> dict:
            if rnd.random() < 0.3:
                return {"method": Method.INFERRED, "confidence": rnd.choice(_CONFIDENCES)}
            return {}

        for _ in range(rnd.randint(0, 8)):
            if outcomes:
                b.link(RelType.SUPPORTS, rnd.choice(actions + outcomes), rnd.choice(outcomes),
                       rnd.randint(2, line), **method())
        for _ in range(rnd.randint(0, 4)):
            if items:
                b.link(RelType.MEASURED_BY, rnd.choice(actions + outcomes + themes),
                       rnd.choice(items), rnd.randint(2, line), **method())
        for _ in range(rnd.randint(0, 6)):
            shared = (b.strategy(rnd.choice(strategies), line) if rnd.random() < 0.6
                      else b.partnership(rnd.choice(partnerships), line))
            b.link(RelType.REFERENCES, rnd.choice(actions + outcomes + themes), shared,
                   rnd.randint(2, line), **method())
        for _ in range(rnd.randint(0, 3)):
            lead = b.lead(rnd.choice(leads), line, portfolio="x")
            b.link(RelType.OWNS, lead, rnd.choice(themes + actions), rnd.randint(2, line),
                   **method())
        for _ in range(rnd.randint(0, 2)):
            b.link(RelType.DEPENDS_ON, rnd.choice(themes + outcomes), rnd.choice(themes),
                   rnd.randint(2, line), evidence=rnd.choice(["see X", None]), **method())
        graph.update(b.graph)
    # A few links across documents: outcomes supporting another plan's outcomes.
    all_outcomes = sorted(n.id for n in graph.nodes.values() if n.label.value == "Outcome")
    b = DocumentGraphBuilder("doc0.txt")
    for _ in range(rnd.randint(0, 3)):
        if len(all_outcomes) > 1:
            b.link(RelType.SUPPORTS, rnd.choice(all_outcomes), rnd.choice(all_outcomes), 1)
    graph.update(b.graph)
    for rel in list(graph.dangling()):
        del graph.relationships[rel.id]
    return graph


def organisation_graph(seed: int) -> GraphData:
    """A random graph of six plans, and a plan of "city" naming a strategy no node of it
    references and stating a link from another plan's outcome into a partnership: what
    plan-evolution with an organisation finds from its documents rather than its nodes."""
    graph = random_graph(seed, documents=6)
    b = DocumentGraphBuilder("named.txt")
    b.plan("Named Plan", 1, organisation="city", start_year=2020)
    b.strategy("Strategy 1", 2)
    b.theme("housing", 3)
    outcome = min(n.id for n in graph.nodes.values() if n.label.value == "Outcome")
    b.link(RelType.REFERENCES, outcome, b.partnership("Board 2", 4), 4)
    graph.update(b.graph)
    return graph
