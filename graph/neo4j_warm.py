"""Planning the explorer's statements before anyone clicks (Neo4j, `stratgraph serve`).

Neo4j plans a statement the first time it sees its text, and keeps the plan for later runs
with any parameters. The new "what changed" statement (plan-evolution of one organisation) took
2.5 s to plan at 1M nodes (EXPLAIN alone), so the first click on a fresh server took 4.5 s
where the next took 0.2 s. Each statement is run once, with the clicks' text and parameter
types, for one organisation and one plan of the graph (its answer dropped). Measured on 2,000
plans (BENCHMARKS.md, "The first clicks on a fresh server"): ``EXPLAIN`` alone, or a run whose
values match nothing, left the next first click about as slow as a cold one (planning was
half of it; the database's first run of a text that yields rows was the other half), where a
run with rows left every later organisation's click at the again-time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from neo4j import ManagedTransaction, Session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Statement:
    """A statement as a click sends it: its text and parameters of the same types."""

    name: str
    text: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class Warmed:
    """One statement planned (``error``: why not; the click then plans it itself)."""

    name: str
    seconds: float
    error: str | None = None


#: One plan of the graph with an organisation: the values the statements are run with.
SAMPLE = ("MATCH (p:Stratgraph:Plan) WHERE p.organisation IS NOT NULL "
          "RETURN p.id AS id, p.organisation AS organisation LIMIT 1")


def explorer_statements(node_id: str, organisation: str, *, expand_limit: int,
                        query_rows: int) -> list[Statement]:
    """What a first view and its clicks run: a "what changed" bar (plan-evolution of
    ``organisation``, its first ``query_rows`` rows; first, as the slowest to plan), and the
    node panel and an expand (``expand_limit`` links, every type) of ``node_id``."""
    from stratgraph.graph.model import RelType
    from stratgraph.graph.neo4j_store import NEIGHBOURS_READ, cypher_text
    from stratgraph.graph.queries import paged_cypher, prepare_params

    evolution, page = paged_cypher(cypher_text("plan-evolution.cypher"), 0, query_rows)
    return [
        Statement("what changed", evolution,
                  {**prepare_params("plan-evolution", {"organisation": organisation}), **page}),
        Statement("node", cypher_text("store_nodes_by_id.cypher"), {"ids": [node_id]}),
        Statement("node links", cypher_text("store_node_links.cypher"), {"id": node_id}),
        Statement("expand", cypher_text("store_neighbours.cypher"), {
            "id": node_id, "types": [t.value for t in RelType], "limit": expand_limit,
            "scan": max(expand_limit, NEIGHBOURS_READ)}),
    ]


def warm(session: Session, *, expand_limit: int, query_rows: int) -> list[Warmed]:
    """Run the explorer's statements once in ``session`` (read-only, answers dropped) for a
    plan of the graph (none: values that match nothing, which still plan them); a failure
    is logged at info level (the click it was for plans and runs the statement itself, and
    reports any real error then) and the rest go on."""
    from neo4j.exceptions import DriverError, Neo4jError

    try:
        record = session.run(SAMPLE).single()
    except (DriverError, Neo4jError) as exc:
        log.info("no plan to warm the explorer's statements with: %s", exc)
        record = None
    node_id, organisation = (record["id"], record["organisation"]) if record else ("", "-")
    return run_each(session, explorer_statements(
        str(node_id), str(organisation), expand_limit=expand_limit, query_rows=query_rows))


def run_each(session: Session, statements: Iterable[Statement]) -> list[Warmed]:
    """Each statement run in ``session`` in a read transaction of its own, answer dropped."""
    from neo4j.exceptions import DriverError, Neo4jError

    done = []
    for statement in statements:
        t0 = time.perf_counter()
        try:
            session.execute_read(_dropped, statement)
            error = None
        except (DriverError, Neo4jError) as exc:
            error = f"{type(exc).__name__}: {exc}".splitlines()[0]
            log.info("warming the explorer's %s statement failed: %s",
                     statement.name, error)
        done.append(Warmed(statement.name, time.perf_counter() - t0, error))
    return done


def _dropped(tx: ManagedTransaction, statement: Statement) -> None:
    tx.run(statement.text, dict(statement.params)).consume()
