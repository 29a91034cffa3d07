"""The bounded ``/`` overview's answers kept at write time on Neo4j (issues #16 and #17).

A national graph's overview (graph/overview.py, more than ``LIVE_PLANS`` plans) draws five
whole-graph answers: coverage's plan rows and weakest themes, its theme count, and the
orphan-actions, unsupported-outcomes and deadlines summaries. Each is read from write-time
facts already, yet each took 0.7 to 1.0 s at 1M nodes on a busy machine, 2.0 s for a first
view. They change only when the graph does, so once a write's facts have settled they are
asked once more, through the store's own query paths (so they are the rows a live ask gives,
by construction), and kept as one ``:StratgraphFact:OverviewAnswers`` node under the facts'
stamp (:func:`stratgraph.graph.neo4j_facts.stamp`: settled writes, nodes, relationships).

A first view reads that node and draws it only when its stamp is the facts' current one; a
stale or missing node (a write cut off, a graph changed outside stratgraph, facts made before
this module) sends the overview back to asking each answer, as before. What depends on the
day (which quarters are overdue) is worked out when the page is drawn, never kept.

Beside the answers, the page's own JSON (graph/overview.py :class:`KeptPage`: the bounded
overview drawn from them, but for the day's part) is kept on the same node: a first view then
reads one string and joins it into the page (:func:`read_page`), with no model to build and
no 1.5 MB of JSON to write while the user waits.

Kept only for a graph of more than :data:`KEEP_ABOVE` plans (``None``: the overview's
``LIVE_PLANS``): a smaller graph's overview is another page (every row), cheap at that size.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from neo4j import ManagedTransaction, Record

    from stratgraph.graph.neo4j_store import Neo4jStore
    from stratgraph.graph.overview import BoundedParts, KeptPage

LABEL = "OverviewAnswers"
#: The kept node's format (a node of another version is not read). 2: the strategy-feeds
#: summary among the answers, and the page's JSON. 3: what changed per plan pair. 4: the
#: per-plan charts' worst plans first, and how many are drawn.
VERSION = 4
#: Plans above which the answers are kept (``None``: graph/overview.py's ``LIVE_PLANS``).
KEEP_ABOVE: int | None = None


def schema_statements() -> list[str]:
    """One kept node: two writers settling at once must MERGE the same one."""
    return [f"CREATE CONSTRAINT stratgraph_overview_answers_id IF NOT EXISTS "
            f"FOR (a:{LABEL}) REQUIRE a.id IS UNIQUE"]


#: What :func:`ask` gives :func:`write`: the facts' stamp, the answers as JSON, and the page.
Kept = tuple[tuple[int, int, int], str, "KeptPage"]


def ask(store: Neo4jStore) -> Kept | None:
    """The facts' stamp, the bounded overview's answers as JSON and its page, asked in one
    read; ``None`` when the facts are not current, the graph is too small, or it changed
    meanwhile."""
    import datetime as dt

    from stratgraph.graph.overview import (LIVE_PLANS, KeptPage, bounded_overview,
                                           bounded_parts)
    from stratgraph.graph.queries import run_query

    above = LIVE_PLANS if KEEP_ABOVE is None else KEEP_ABOVE
    with store.reading():
        stamp = store.facts_stamp()
        if stamp is None:
            return None
        plan_rows = run_query(store, "coverage", {"scope": "plan"})
        if len(plan_rows) <= above:
            return None
        parts = bounded_parts(store, plan_rows)
        if store.facts_stamp() != stamp:
            return None
    try:
        # The day only decides what KeptPage leaves out (overdue quarters, added when drawn).
        page = KeptPage.of(bounded_overview(parts, dt.date.today()))
        return stamp, json.dumps(parts.to_json(), ensure_ascii=False, allow_nan=False), page
    except (TypeError, ValueError):  # a value JSON cannot hold exactly: ask live instead
        return None


def write(tx: ManagedTransaction, kept: Kept | None) -> None:
    """Keep ``kept`` (from :func:`ask`) while its stamp is still the facts' count of writes;
    ``None`` removes what was kept."""
    from stratgraph.graph.neo4j_facts import FACT_LABEL, META_LABEL

    tx.run(f"MATCH (a:{LABEL}) DELETE a").consume()
    if kept is None:
        return
    (writes, nodes, relationships), text, page = kept
    tx.run(f"MATCH (m:{META_LABEL} {{id: 'facts'}}) WHERE coalesce(m.writes, 0) = $writes "
           f"MERGE (a:{FACT_LABEL}:{LABEL} {{id: 'overview'}}) "
           "SET a.version = $version, a.writes = $writes, a.nodes = $nodes, "
           "a.relationships = $relationships, a.parts = $parts, a.page_plans = $plans, "
           "a.page_head = $head, a.page_tail = $tail, a.page_quarters = $quarters",
           writes=writes, nodes=nodes, relationships=relationships, parts=text,
           plans=page.plans, head=page.head, tail=page.tail,
           quarters=json.dumps(page.quarters, ensure_ascii=False),
           version=VERSION).consume()


def _current(tx: ManagedTransaction, fields: str) -> Record | None:
    """The kept node's ``fields`` (a RETURN list), when it describes the graph as it is (the
    facts' current stamp)."""
    from stratgraph.graph.neo4j_facts import stamp

    now = stamp(tx)
    if now is None:
        return None
    record = tx.run(f"MATCH (a:{LABEL} {{id: 'overview'}}) WHERE a.version = $version "
                    f"RETURN a.writes AS writes, a.nodes AS nodes, a.relationships AS relationships, {fields}",
                    version=VERSION).single()
    if record is None or (record["writes"], record["nodes"], record["relationships"]) != now:
        return None
    return record


def read(tx: ManagedTransaction) -> BoundedParts | None:
    """The kept answers, when they describe the graph as it is."""
    from stratgraph.graph.overview import BoundedParts

    record = _current(tx, "a.parts AS parts")
    if record is None:
        return None
    data: dict[str, Any] = json.loads(record["parts"])
    return BoundedParts.from_json(data)


def read_page(tx: ManagedTransaction) -> KeptPage | None:
    """The kept page, when it describes the graph as it is."""
    from stratgraph.graph.overview import KeptPage

    record = _current(tx, "a.page_plans AS plans, a.page_head AS head, a.page_tail AS tail, "
                          "a.page_quarters AS quarters")
    if record is None or record["head"] is None:
        return None
    quarters = tuple((q, n) for q, n in json.loads(record["quarters"]))
    return KeptPage(record["plans"], record["head"], record["tail"], quarters)
