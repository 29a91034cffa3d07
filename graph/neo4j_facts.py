"""Write-time facts for the Neo4j store: whole-graph answers read from an index (issue #17).

At a million nodes a summary or a first page of ``orphan-actions`` or ``unsupported-outcomes``
computed live walks every action's or outcome's SUPPORTS chains (35 to 180 s). Their tests
only change when the plan they belong to changes (a SUPPORTS chain never leaves its plan;
OWNS and MEASURED_BY reach an item or its theme), so they are kept in the database:

- one ``:StratgraphFact:<Query>Fact`` node per row of the query (the item's id, its reasons
  and inferred tests, its theme's id, a sort ``key`` with a range index), and one
  ``:StratgraphFact:<Query>Count`` node per plan (how many rows have each list of reasons);
- written by the named query's own Cypher (its text up to the reasons, with the items of the
  touched plans found through an index instead of every item), so the facts and the live
  query cannot tell a different story; only for the default ``min_confidence`` 0, the only
  value whose answer does not depend on the question; other parameters run live as before;
- recomputed after every write, in the database, for the plans the write touched (its
  nodes' plans, the plans at either end of its relationships, and those of the documents it
  replaced, found before the write), under a lock on one ``:StratgraphFactsMeta`` node.

None of these nodes has the ``:Stratgraph`` label: ``read()``, exports, counts, search and
``node()`` never see them. The facts are used only when they are known to be current:
the meta node says every plan has facts (``complete``), no write is between its start and its
refresh (``pending`` is counted up before a write and down after its refresh: a write cut off
in between leaves it up, and the store answers live until :func:`refresh_all` runs), and the
database holds as many stratgraph nodes and relationships as when the facts were last
refreshed (anything deleted or added outside stratgraph sends the answers back to live).

Sort keys: the query's ``ORDER BY`` columns (plan, theme, item name, item id), each written as
``'0' + value`` (``'1'`` for null: nulls last, as Cypher sorts) and ended with U+0000, so
comparing keys compares the columns in turn. A value is cut to :data:`KEY_CUT` characters to
stay far inside the index's key size limit; a cut value ends the key there, so keys never
order two rows the wrong way round, they can only tie, and a page reads every row tied with
its last one before the final, exact ``ORDER BY``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stratgraph.errors import QueryError

if TYPE_CHECKING:
    from neo4j import ManagedTransaction, Session

    from stratgraph.graph.data import GraphData

#: Label of every fact node (none carries :Stratgraph).
FACT_LABEL = "StratgraphFact"
META_LABEL = "StratgraphFactsMeta"
#: Characters of each ORDER BY column kept in a sort key (4 columns x 4 bytes x 256 < 8 kB).
KEY_CUT = 256
#: Plans recomputed per transaction by :func:`refresh_all` (bounds the transaction's memory).
PLANS_PER_TRANSACTION = 100
#: The separator of a count node's reason lists (reason codes never contain it).
_JOIN = "|"


@dataclass(frozen=True, slots=True)
class FactQuery:
    """How one named query's rows become facts.

    ``head`` is the named query's text that finds the items (replaced by a look-up of the
    touched plans' items), ``tail`` where its ``RETURN`` starts (replaced by the fact's
    ``CREATE``); ``order`` are the expressions of its ``ORDER BY`` columns, in order.
    """

    name: str
    kind: str
    item: str
    item_label: str
    head: str
    tail: str
    order: tuple[str, ...]

    @property
    def fact_label(self) -> str:
        return f"{self.kind}Fact"

    @property
    def count_label(self) -> str:
        return f"{self.kind}Count"


FACT_QUERIES: dict[str, FactQuery] = {
    q.name: q
    for q in (
        FactQuery(
            "orphan-actions", "OrphanAction", "a", "Action",
            head="MATCH (a:Stratgraph:Action)\n  WHERE $plan IS NULL OR a.plan_id IN plan_ids\n",
            tail="RETURN p.name AS plan, t.name AS theme, a.name AS action",
            order=("p.name", "t.name", "a.name", "a.id"),
        ),
        FactQuery(
            "unsupported-outcomes", "UnsupportedOutcome", "o", "Outcome",
            head="MATCH (o:Stratgraph:Outcome)\n",
            tail="RETURN p.name AS plan, t.name AS theme, o.name AS outcome",
            order=("p.name", "t.name", "o.name", "o.id"),
        ),
    )
}


def _query_text(name: str) -> str:
    from stratgraph.graph.neo4j_store import cypher_text

    return cypher_text(f"{name}.cypher")


def _split(spec: FactQuery) -> tuple[str, str, str]:
    """The named query as (before its items are found, the tests, its RETURN and ORDER BY)."""
    text = _query_text(spec.name)
    start, end = text.find(spec.head), text.find(spec.tail)
    if start < 0 or end < 0 or text.find(spec.head, start + 1) >= 0:
        raise QueryError(f"{spec.name}.cypher no longer has the shape its facts expect")
    return text[:start], text[start + len(spec.head):end], text[end:]


def _sort_key(order: Sequence[str]) -> str:
    columns = ", ".join(order)
    return (
        f"reduce(acc = {{k: '', cut: false}}, v IN [{columns}] | CASE "
        "WHEN acc.cut THEN acc "
        "WHEN v IS NULL THEN {k: acc.k + '1' + $sep, cut: false} "
        "ELSE {k: acc.k + '0' + left(toString(v), $key_cut) + $sep, "
        "cut: size(toString(v)) >= $key_cut} END).k"
    )


def compute_cypher(spec: FactQuery, *, unplanned: bool = False) -> str:
    """The statement writing the facts of the items of ``$plan_ids`` (or, with
    ``unplanned``, of the items without a plan id)."""
    _, tests, _ = _split(spec)
    item, label = spec.item, spec.item_label
    if unplanned:
        # The query's own WHERE follows: it must attach to a MATCH of the item alone.
        find = (f"MATCH (x:Stratgraph:{label}) WHERE x.plan_id IS NULL\n"
                f"WITH x AS {item}\nMATCH ({item})\n")
    else:
        find = f"UNWIND $plan_ids AS pid\nMATCH ({item}:Stratgraph:{label} {{plan_id: pid}})\n"
    return (
        find + tests
        + f"CREATE (:{FACT_LABEL}:{spec.fact_label} {{plan_key: coalesce({item}.plan_id, ''), "
        f"item: {item}.id, theme: t.id, reasons: reasons, inferred: inferred, "
        f"key: {_sort_key(spec.order)}}})"
    )


def count_cypher(spec: FactQuery) -> str:
    """The statement writing each plan's count node from its fact nodes."""
    return (
        "UNWIND $plan_keys AS pk\n"
        f"MATCH (f:{spec.fact_label} {{plan_key: pk}})\n"
        "WITH pk, reduce(s = '', r IN f.reasons | s + CASE WHEN s = '' THEN '' ELSE $join END + r)"
        " AS combo, count(*) AS n\n"
        "WITH pk, collect(combo) AS combos, collect(n) AS counts\n"
        f"CREATE (:{FACT_LABEL}:{spec.count_label} {{plan_key: pk, combos: combos, "
        "counts: counts})"
    )


def delete_cypher(spec: FactQuery) -> str:
    return (
        "UNWIND $plan_keys AS pk\n"
        f"CALL (pk) {{ MATCH (f:{spec.fact_label} {{plan_key: pk}}) DELETE f }}\n"
        f"CALL (pk) {{ MATCH (c:{spec.count_label} {{plan_key: pk}}) DELETE c }}"
    )


def summary_cypher(spec: FactQuery) -> str:
    """Rows per plan name and list of reasons, as ``Neo4jStore.query_summary`` counts them."""
    return (
        f"MATCH (c:{spec.count_label})\n"
        "OPTIONAL MATCH (p:Stratgraph:Plan {id: c.plan_key})\n"
        "UNWIND range(0, size(c.combos) - 1) AS i\n"
        f"RETURN p.name AS grp, split(c.combos[i], $join) AS value, c.counts[i] AS n"
    )


def page_cypher(spec: FactQuery) -> str:
    """Rows ``$page_offset`` to ``$page_offset + $page_limit``: the first ``$scan`` facts in
    key order (and every fact tied with the last of them), then the query's own RETURN and
    ORDER BY over those items only."""
    _, _, tail = _split(spec)
    item, label, fact = spec.item, spec.item_label, spec.fact_label
    return (
        "CALL () {\n"
        f"  MATCH (f:{fact}) WHERE f.key IS NOT NULL AND ($reason IS NULL OR $reason IN f.reasons)\n"
        "  RETURN f ORDER BY f.key LIMIT $scan\n"
        "}\n"
        "WITH collect(f) AS head\n"
        f"WITH head + COLLECT {{ MATCH (g:{fact} {{key: last(head).key}})\n"
        "  WHERE $reason IS NULL OR $reason IN g.reasons RETURN g } AS facts\n"
        "UNWIND facts AS f\n"
        "WITH DISTINCT f\n"
        f"MATCH ({item}:Stratgraph:{label} {{id: f.item}})\n"
        f"OPTIONAL MATCH (p:Stratgraph:Plan {{id: {item}.plan_id}})\n"
        "OPTIONAL MATCH (t:Stratgraph:Theme {id: f.theme})\n"
        f"WITH {item}, p, t, f.reasons AS reasons, f.inferred AS inferred\n"
        + tail.rstrip().rstrip(";")
        + "\nSKIP $page_offset LIMIT $page_limit"
    )


def schema_statements() -> list[str]:
    """The one meta node's constraint and the indexes the facts need: items by plan, facts by
    plan and by key (all idempotent)."""
    # One meta node: two builds MERGE-ing it at once must find one (the constraint's lock).
    statements = [f"CREATE CONSTRAINT stratgraph_facts_meta_id IF NOT EXISTS "
                  f"FOR (m:{META_LABEL}) REQUIRE m.id IS UNIQUE"]
    for spec in FACT_QUERIES.values():
        kind = spec.kind.lower()
        statements += [
            f"CREATE INDEX stratgraph_{spec.item_label.lower()}_plan IF NOT EXISTS "
            f"FOR (n:{spec.item_label}) ON (n.plan_id)",
            f"CREATE INDEX stratgraph_fact_{kind}_key IF NOT EXISTS "
            f"FOR (f:{spec.fact_label}) ON (f.key)",
            f"CREATE INDEX stratgraph_fact_{kind}_plan IF NOT EXISTS "
            f"FOR (f:{spec.fact_label}) ON (f.plan_key)",
            f"CREATE INDEX stratgraph_fact_{kind}_count_plan IF NOT EXISTS "
            f"FOR (c:{spec.count_label}) ON (c.plan_key)",
        ]
    return statements


# -- which plans a write touches ------------------------------------------------------------

def _doc_plans_cypher() -> str:
    """Plan ids of the replaced documents' nodes, of both ends of their relationships (one
    branch per type: only a typed pattern reaches the per-type index on source_document),
    and of the stored nodes ``$ids``."""
    from stratgraph.graph.model import RelType

    by_type = "".join(
        "UNION\n"
        f"  UNWIND $docs AS doc\n  MATCH (a:Stratgraph)-[r:{t.value}]->(b:Stratgraph)\n"
        "  WHERE r.source_document = doc\n  UNWIND [a.plan_id, b.plan_id] AS pid\n"
        "  RETURN pid\n" for t in RelType)
    return (
        "CALL () {\n"
        "  MATCH (n:Stratgraph) WHERE n.source_document IN $docs\n  RETURN n.plan_id AS pid\n"
        + by_type
        + "UNION\n  UNWIND $ids AS id\n  MATCH (n:Stratgraph {id: id})\n"
        "  RETURN n.plan_id AS pid\n}\n"
        "RETURN collect(DISTINCT coalesce(pid, '')) AS keys"
    )


def touched_plans(tx: ManagedTransaction, graph: GraphData, docs: Collection[str]) -> list[str]:
    """Plan keys (plan ids; '' for items without one) a write of ``graph`` replacing ``docs``
    may change: read before the write, while the replaced documents are still there."""
    keys = {str(n.properties.get("plan_id") or "") for n in graph.nodes.values()}
    ends = {id_ for r in graph.relationships.values() for id_ in (r.start, r.end)}
    for id_ in ends:
        node = graph.nodes.get(id_)
        if node is not None:
            keys.add(str(node.properties.get("plan_id") or ""))
    stored = sorted(id_ for id_ in ends if id_ not in graph.nodes)
    if docs or stored:
        record = tx.run(_doc_plans_cypher(), docs=sorted(docs), ids=stored).single(strict=True)
        keys.update(record["keys"])
    return sorted(keys)


# -- the meta node: are the facts current? ---------------------------------------------------

_COUNTS = ("COUNT { MATCH (n:Stratgraph) } AS nodes, "
           "COUNT { MATCH ()-[r]->() } AS relationships")


def begin_write(tx: ManagedTransaction, graph: GraphData, docs: Collection[str]) -> list[str]:
    """Before a write: count it as pending and return the plans it touches."""
    keys = touched_plans(tx, graph, docs)
    tx.run(f"MERGE (m:{META_LABEL} {{id: 'facts'}}) "
           "SET m.pending = coalesce(m.pending, 0) + 1").consume()
    return keys


def _lock(tx: ManagedTransaction) -> dict[str, Any]:
    record = tx.run(f"MERGE (m:{META_LABEL} {{id: 'facts'}}) SET m.locked = true "
                    "RETURN m.complete AS complete").single(strict=True)
    return {"complete": bool(record["complete"])}


def _recompute(tx: ManagedTransaction, keys: Sequence[str]) -> None:
    params = _params()
    plan_ids = [k for k in keys if k]
    for spec in FACT_QUERIES.values():
        tx.run(delete_cypher(spec), plan_keys=list(keys)).consume()
        if plan_ids:
            tx.run(compute_cypher(spec), {**params, "plan_ids": plan_ids}).consume()
        if "" in keys:
            tx.run(compute_cypher(spec, unplanned=True), params).consume()
        tx.run(count_cypher(spec), plan_keys=list(keys), join=_JOIN).consume()


def _params() -> dict[str, Any]:
    # The named queries' own parameters: no filter, every link counts (min_confidence 0).
    return {"plan": None, "theme": None, "reason": None, "level": None,
            "min_confidence": 0.0, "sep": "\u0000", "key_cut": KEY_CUT}


def _settle(tx: ManagedTransaction, *, pending: int | None,
            complete: bool | None = None) -> None:
    tx.run(f"MATCH (m:{META_LABEL} {{id: 'facts'}}) "
           f"CALL () {{ RETURN {_COUNTS} }} "
           "SET m.pending = CASE WHEN $pending IS NULL THEN 0 "
           "                     WHEN coalesce(m.pending, 0) >= $pending "
           "                     THEN coalesce(m.pending, 0) - $pending ELSE 0 END, "
           "    m.complete = coalesce($complete, m.complete), "
           "    m.nodes = nodes, m.relationships = relationships",
           pending=pending, complete=complete).consume()


def finish_write(session: Session, keys: Sequence[str]) -> None:
    """After a write: recompute the touched plans' facts (all plans when the store has never
    had them) and count the write as done."""

    def work(tx: ManagedTransaction) -> bool:
        if not _lock(tx)["complete"]:
            return False
        _recompute(tx, keys)
        _settle(tx, pending=1)
        return True

    if not session.execute_write(work):
        refresh_all(session, pending=1)


def _all_plan_keys(tx: ManagedTransaction) -> list[str]:
    keys: set[str] = set()
    for spec in FACT_QUERIES.values():
        record = tx.run(
            f"RETURN COLLECT {{ MATCH (n:Stratgraph:{spec.item_label}) "
            "WHERE n.plan_id IS NOT NULL RETURN DISTINCT n.plan_id } AS ids, "
            f"EXISTS {{ MATCH (u:Stratgraph:{spec.item_label}) WHERE u.plan_id IS NULL }} "
            "AS unplanned").single(strict=True)
        keys.update(record["ids"])
        if record["unplanned"]:
            keys.add("")
    return sorted(keys)


def refresh_all(session: Session, *, pending: int | None = None) -> None:
    """Recompute every plan's facts, :data:`PLANS_PER_TRANSACTION` plans per transaction,
    and mark the facts complete. ``pending``: the writes this refresh settles (``None``, a
    repair run while no build runs: every write counted as begun is settled)."""

    def clear(tx: ManagedTransaction) -> int:
        _lock(tx)
        tx.run(f"MATCH (m:{META_LABEL} {{id: 'facts'}}) SET m.complete = false").consume()
        return tx.run(f"MATCH (f:{FACT_LABEL}) WITH f LIMIT 50000 DELETE f "
                      "RETURN count(*) AS n").single(strict=True)["n"]

    while session.execute_write(clear):
        pass
    keys = session.execute_read(_all_plan_keys)
    for start in range(0, len(keys), PLANS_PER_TRANSACTION):
        chunk = keys[start:start + PLANS_PER_TRANSACTION]
        session.execute_write(lambda tx, c=chunk: (_lock(tx), _recompute(tx, c)))

    def done(tx: ManagedTransaction) -> None:
        _lock(tx)
        _settle(tx, pending=pending, complete=True)

    session.execute_write(done)


def current(tx: ManagedTransaction) -> bool:
    """True when the facts are known to match the graph (see the module docstring)."""
    record = tx.run(f"OPTIONAL MATCH (m:{META_LABEL} {{id: 'facts'}}) "
                    f"CALL () {{ RETURN {_COUNTS} }} "
                    "RETURN m IS NOT NULL AND m.complete = true AND m.pending = 0 "
                    "AND m.nodes = nodes AND m.relationships = relationships AS ok"
                    ).single(strict=True)
    return bool(record["ok"])


def serves(name: str, params: Mapping[str, Any], *, page: bool) -> bool:
    """Whether the facts can answer this call (they hold the unfiltered answer at
    ``min_confidence`` 0; a page may still ask for one reason)."""
    if name not in FACT_QUERIES or (params.get("min_confidence") or 0.0) != 0.0:
        return False
    allowed = {"min_confidence", "reason"} if page else {"min_confidence"}
    return all(value is None for key, value in params.items() if key not in allowed)


def summary_triples(tx: ManagedTransaction, name: str) -> list[tuple[Any, Any, int]]:
    spec = FACT_QUERIES[name]
    return [(r["grp"], r["value"], int(r["n"]))
            for r in tx.run(summary_cypher(spec), join=_JOIN)]


def page_params(params: Mapping[str, Any], offset: int, limit: int) -> dict[str, Any]:
    return {"reason": params.get("reason"), "scan": offset + limit,
            "page_offset": offset, "page_limit": limit}


def page_rows(tx: ManagedTransaction, name: str, params: Mapping[str, Any], offset: int,
              limit: int) -> list[dict[str, Any]]:
    spec = FACT_QUERIES[name]
    return [r.data() for r in tx.run(page_cypher(spec), page_params(params, offset, limit))]

