"""Write-time facts for ``cross-theme-dependencies`` and ``plan-evolution`` on Neo4j (#17).

Live, both walk every REFERENCES link into every strategy and partnership, and
cross-theme-dependencies then pairs every two themes that share one: tens of millions of
pairs at a million nodes. What their summaries and first pages need is small and changes only
with the plan that holds the referencing node, so it is kept as one
``:StratgraphFact:ThemeRefFact`` node per (plan of the referencing node, strategy or
partnership, theme of the referencing node: itself when a Theme, else the lowest-id theme an
action or outcome is PART_OF, '' otherwise), recomputed with the other facts of
:mod:`stratgraph.graph.neo4j_facts` for the plans a write touches (its ``_recompute`` calls
:func:`recompute`). The same facts as the embedded store's ``fact_refs``.

Counting happens at ask time, in :mod:`stratgraph.graph.pair_answers`: the pairs are counted
per theme from bit sets, never listed (see there why a per-plan count of pairs is not a sum of
per-item facts). A page's rows are then built for the pairs or items on it alone, by the
query's embedded implementation over just the records those rows read, fetched by id: the
conformance suite (tests/test_queries_neo4j.py) holds the two implementations to the same
rows, and tests/test_neo4j_pair_facts.py these pages to the live Cypher's.

**Answers kept at write time.** Counting at ask time read every fact, theme and link to the
client (3.5 s and 1.9 s at 1M nodes). A theme's count of partners changes whenever any theme
sharing one of its items changes, and every council names the national strategies, so an
incremental count would recount nearly every theme on any write anyway. So the count is made
once per write instead, in the transaction that settles the write's facts
(:func:`store_answers`, called from ``neo4j_facts._settle``): each query's summary triples
(every kind) and its first :data:`KEPT_ROWS` rows' keys in row order, on one
``:StratgraphFact:PairAnswers`` node per query. A summary is then one node read, and a page
within the kept rows builds only its own rows; a page past them, or of one kind, is counted
from the facts as before.

**Counted again only when what they read changed.** Each write digests, per plan it touches,
what the answers read of that plan (its facts, themes, plan node, theme links, DEPENDS_ON links
and REFERENCES links with their evidence; :func:`_note_inputs`, one ``:PairInputs`` node per
plan) and, at settle time, every plan, strategy and partnership (few); when no digest changed
the kept answers stay (a rewrite of an unchanged plan paid the whole count, 18-26 s at 1M).
A whole refresh (a first load into an empty store, ``refresh_facts``) keeps no digest, since it
counts the answers anyway; a later write digests its plans before it writes when they have none
(:func:`note_baseline`), so a first load no longer reads every plan back to digest it.
plan-evolution's first :data:`KEPT_PAGE` rows are kept whole as JSON with its answers, so a
first page on a first ask builds nothing; so is what changed per plan pair (graph/pair_answers.py
``pair_changes``, counted in the same pass as its items), which the bounded ``/`` overview draws.

Served only for ``min_confidence`` 0 with no theme, plan, name or organisation named (a kind
may be), and only when the facts are current (:func:`stratgraph.graph.neo4j_facts.current`)
and were made by this version (the meta node's ``pair_facts``): a store whose other facts
predate these gets them whole on its next write or ``refresh_facts``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from neo4j import ManagedTransaction

FACT = "ThemeRefFact"
#: The label of the nodes keeping each query's answers (one per query).
ANSWERS = "PairAnswers"
#: Rows of each query's order whose keys are kept (pages inside them read nothing else).
KEPT_ROWS = 1000
#: plan-evolution's first rows kept whole (as JSON) with its answers: a first page built
#: from the kept keys fetched every plan and every REFERENCES link into the page's national
#: partnerships and imported networkx, 2.4-3.3 s on a first ask at 1M nodes.
KEPT_PAGE = 100
#: The meta node's ``pair_facts`` value when every plan has these facts.
VERSION = 1
#: The kept answers' format (apart from the facts': new answers need no new facts). 2: the
#: kept explicit pairs' DEPENDS_ON links named by their stratgraph id and ends, which a
#: rewrite of the same links keeps (element ids change), and the inputs they were counted from.
ANSWERS_VERSION = 2
#: The label of the nodes keeping, per plan key, a digest of what the answers read of it.
INPUTS = "PairInputs"
QUERIES = ("cross-theme-dependencies", "plan-evolution")

_THEME_OF = ("CASE WHEN x:Theme THEN x.id WHEN x:Action OR x:Outcome THEN coalesce(head("
             "COLLECT { MATCH (x)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t.id ORDER BY t.id }),"
             " '') ELSE '' END")
_CREATE = (
    "WITH DISTINCT pid, x, s\n"
    f"WITH DISTINCT pid, s.id AS shared, {_THEME_OF} AS theme,\n"
    "  CASE WHEN s:Strategy THEN 'Strategy' ELSE 'Partnership' END AS kind\n"
    "CREATE (:StratgraphFact:ThemeRefFact {part: pid, shared: shared, theme: theme, kind: kind})"
)
_PLANNED = (
    "UNWIND $plan_ids AS pid\n"
    "MATCH (x:Stratgraph {plan_id: pid})-[:REFERENCES]->(s:Stratgraph)\n"
    "WHERE s:Strategy OR s:Partnership\n" + _CREATE
)
_UNPLANNED = (
    "MATCH (s:Stratgraph) WHERE s:Strategy OR s:Partnership\n"
    "MATCH (x:Stratgraph)-[:REFERENCES]->(s) WHERE x.plan_id IS NULL\n"
    "WITH '' AS pid, x, s\n" + _CREATE
)


def schema_statements() -> list[str]:
    """Indexes: nodes by plan (to find a plan's referencing nodes), facts by plan, answers by
    query."""
    return [
        "CREATE INDEX stratgraph_node_plan IF NOT EXISTS FOR (n:Stratgraph) ON (n.plan_id)",
        f"CREATE INDEX stratgraph_fact_themeref_part IF NOT EXISTS FOR (f:{FACT}) ON (f.part)",
        f"CREATE INDEX stratgraph_fact_pair_answers IF NOT EXISTS FOR (a:{ANSWERS}) ON (a.query)",
        f"CREATE INDEX stratgraph_fact_pair_inputs IF NOT EXISTS FOR (i:{INPUTS}) ON (i.part)",
    ]


def plan_keys(tx: ManagedTransaction) -> list[str]:
    """Plan keys ('' for none) of every node that references a strategy or partnership."""
    record = tx.run(
        "MATCH (s:Stratgraph) WHERE s:Strategy OR s:Partnership "
        "MATCH (x:Stratgraph)-[:REFERENCES]->(s) "
        "RETURN collect(DISTINCT coalesce(x.plan_id, '')) AS keys").single(strict=True)
    return sorted(record["keys"])


def recompute(tx: ManagedTransaction, keys: Sequence[str], *, digest: bool = True) -> None:
    """The facts of the plans ``keys`` (inside the caller's write, under the facts' lock); all
    of them when the store has none from this version yet. ``digest``: also digest what the
    answers read of those plans (:func:`_note_inputs`); a whole refresh does not (see
    :func:`note_baseline`)."""
    from stratgraph.graph.neo4j_facts import META_LABEL

    record = tx.run(f"MATCH (m:{META_LABEL} {{id: 'facts'}}) RETURN m.pair_facts AS v").single()
    if record is None or record["v"] != VERSION:
        keys = plan_keys(tx)
        while tx.run(f"MATCH (f:{FACT}) WITH f LIMIT 50000 DELETE f "
                     "RETURN count(*) AS n").single(strict=True)["n"]:
            pass
        tx.run(f"MERGE (m:{META_LABEL} {{id: 'facts'}}) SET m.pair_facts = $v",
               v=VERSION).consume()
    tx.run(f"MATCH (f:{FACT}) WHERE f.part IN $keys DELETE f", keys=list(keys)).consume()
    plan_ids = [k for k in keys if k]
    if plan_ids:
        tx.run(_PLANNED, plan_ids=plan_ids).consume()
    if "" in keys:
        tx.run(_UNPLANNED).consume()
    if digest:
        _note_inputs(tx, keys)


# -- what the kept answers read of each plan: recount only when it changed ---------------------
#
# A write's plans are digested after their facts are recomputed: their facts, themes, plan
# node, theme-to-theme PART_OF links, DEPENDS_ON links (by stratgraph id, with their themes)
# and REFERENCES links into strategies and partnerships (with the properties the rows'
# evidence reads). Plans, strategies and partnerships are few and read whole at settle time
# (:func:`_global_inputs`). When no digest changed, the kept answers are still the answers:
# counting them again read every fact, theme and link to the client, 18-26 s a write at 1M.

_THEME_OF_END = ("CASE WHEN {n}:Theme THEN {n}.id ELSE head(COLLECT {{ MATCH ({n})-[:PART_OF]->"
                 "(t:Stratgraph:Theme) RETURN t.id ORDER BY t.id }}) END")


def _inputs_cypher(find: str) -> str:
    """Every (key, value) the answers read of the plans ``find`` gives as ``k`` and ``n``."""
    ta, tb = _THEME_OF_END.format(n="x"), _THEME_OF_END.format(n="y")
    return (
        "CALL () {\n"
        f"  {find} WITH k, n WHERE n:Theme OR n:Plan OR n:Strategy OR n:Partnership\n"
        "  RETURN k, ['node', n.id, labels(n), properties(n)] AS v\n"
        "UNION ALL\n"
        f"  {find} MATCH (n)-[r:REFERENCES]->(s:Stratgraph) WHERE s:Strategy OR s:Partnership\n"
        "  RETURN k, ['ref', n.id, s.id, properties(r)] AS v\n"
        "UNION ALL\n"
        f"  {find} MATCH (n)-[r:DEPENDS_ON]-(:Stratgraph)\n"
        "  WITH DISTINCT k, r WITH k, r, startNode(r) AS x, endNode(r) AS y\n"
        f"  RETURN k, ['depends', r.id, x.id, y.id, {ta}, {tb}] AS v\n"
        "UNION ALL\n"
        f"  {find} MATCH (n:Theme)-[r:PART_OF]-(:Stratgraph:Theme)\n"
        "  RETURN k, ['nested', startNode(r).id, endNode(r).id] AS v\n"
        "}\nRETURN k, v"
    )


def _planned_find() -> str:
    return "UNWIND $plan_ids AS k MATCH (n:Stratgraph {plan_id: k})"


def _unplanned_find() -> str:
    # By label, so each reaches its own label's scan, not every :Stratgraph node.
    return ("CALL () { MATCH (n:Stratgraph:Theme) WHERE n.plan_id IS NULL RETURN n "
            "UNION MATCH (n:Stratgraph:Strategy) WHERE n.plan_id IS NULL RETURN n "
            "UNION MATCH (n:Stratgraph:Partnership) WHERE n.plan_id IS NULL RETURN n "
            "UNION MATCH (n:Stratgraph:Plan) WHERE n.plan_id IS NULL RETURN n "
            "UNION MATCH (n:Stratgraph:Action) WHERE n.plan_id IS NULL RETURN n "
            "UNION MATCH (n:Stratgraph:Outcome) WHERE n.plan_id IS NULL RETURN n } "
            "WITH '' AS k, n")


def _digest(values: list[Any]) -> str:
    import hashlib
    import json

    text = "\n".join(sorted(json.dumps(v, sort_keys=True, default=str, ensure_ascii=False)
                            for v in values))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digests(tx: ManagedTransaction, keys: Sequence[str]) -> dict[str, str]:
    """A digest, per plan key of ``keys``, of what the answers read of that plan."""
    values: dict[str, list[Any]] = {k: [] for k in keys}
    facts = tx.run(f"MATCH (f:{FACT}) WHERE f.part IN $keys "
                   "RETURN f.part AS k, ['fact', f.shared, f.theme, f.kind] AS v",
                   keys=list(keys))
    for r in facts:
        values[r["k"]].append(r["v"])
    plan_ids = [k for k in keys if k]
    if plan_ids:
        for r in tx.run(_inputs_cypher(_planned_find()), plan_ids=plan_ids):
            values[r["k"]].append(r["v"])
        # A plan node is found by its id too (its plan_id may be unset).
        for r in tx.run("UNWIND $plan_ids AS k MATCH (p:Stratgraph:Plan {id: k}) "
                        "RETURN k, ['plan', properties(p)] AS v", plan_ids=plan_ids):
            values[r["k"]].append(r["v"])
    if "" in keys:
        for r in tx.run(_inputs_cypher(_unplanned_find())):
            values[""].append(r["v"])
    return {k: _digest(v) for k, v in values.items()}


def _kept_digests(tx: ManagedTransaction, keys: Sequence[str]) -> dict[str, str]:
    return {r["k"]: r["d"] for r in tx.run(
        f"MATCH (i:{INPUTS}) WHERE i.part IN $keys RETURN i.part AS k, i.digest AS d",
        keys=list(keys))}


def _keep_digests(tx: ManagedTransaction, digests: Mapping[str, str]) -> None:
    tx.run(f"MATCH (i:{INPUTS}) WHERE i.part IN $keys DELETE i", keys=list(digests)).consume()
    tx.run(f"UNWIND $rows AS row CREATE (:StratgraphFact:{INPUTS} "
           "{part: row.k, digest: row.d})",
           rows=[{"k": k, "d": d} for k, d in digests.items()]).consume()


def _note_inputs(tx: ManagedTransaction, keys: Sequence[str]) -> None:
    """Digest what the answers read of the plans ``keys``; mark the answers to be counted
    again (the meta node's ``pair_dirty``) when a digest is not the one kept."""
    from stratgraph.graph.neo4j_facts import META_LABEL

    digests = _digests(tx, keys)
    if _kept_digests(tx, keys) != digests:
        _keep_digests(tx, digests)
        tx.run(f"MERGE (m:{META_LABEL} {{id: 'facts'}}) SET m.pair_dirty = true").consume()


def note_baseline(tx: ManagedTransaction, keys: Sequence[str]) -> None:
    """Before a write into a store with current pair facts: digest, as they stand now, the
    plans ``keys`` that have no digest kept, so the write's :func:`_note_inputs` has one to
    compare with.

    A whole refresh (a first load into an empty store, or ``refresh_facts``) counts the
    answers anyway and keeps no digest: digesting every plan read each plan's themes, links
    and facts back to the client, a third of a first load's facts step (issue #17). Until a
    write touches a plan, the plan is as the answers were counted from (every write through
    stratgraph touches its plans, and takes this baseline before changing them), so its
    digest can be taken then, before the write, for that plan alone."""
    if not keys or not _has_facts(tx):
        return
    missing = sorted(set(keys) - set(_kept_digests(tx, keys)))
    if missing:
        _keep_digests(tx, _digests(tx, missing))


def _global_inputs(tx: ManagedTransaction) -> str:
    """A digest of every plan, strategy and partnership (few, and read whole by the answers:
    plan names, years and organisations; shared items' names and documents)."""
    return _digest([r["v"] for r in tx.run(
        "MATCH (n:Stratgraph) WHERE n:Plan OR n:Strategy OR n:Partnership "
        "RETURN [n.id, labels(n), properties(n)] AS v")])


def current(tx: ManagedTransaction) -> bool:
    """The facts are current (neo4j_facts) and include these (made by this version)."""
    from stratgraph.graph import neo4j_facts

    if not neo4j_facts.current(tx):
        return False
    record = tx.run(f"MATCH (m:{neo4j_facts.META_LABEL} {{id: 'facts'}}) "
                    "RETURN m.pair_facts AS v").single()
    return record is not None and record["v"] == VERSION


def serves(name: str, params: Mapping[str, Any]) -> bool:
    """Whether these facts answer the call (no item named, the default threshold)."""
    return (name in QUERIES and not params.get("min_confidence")
            and all(params.get(k) is None for k in ("theme", "plan", "name", "organisation")))


# -- reading ---------------------------------------------------------------------------------

def _rows(tx: ManagedTransaction, query: str, **params: Any) -> list[Any]:
    """The lists ``query`` collects as ``rows``, in one record: decoding a record per row
    took longer than the counting (1,200 plans: 7 s of a first load's 13 s counting the
    answers, issue #17)."""
    return tx.run(query, params).single(strict=True)["rows"]


def _theme_pairs(tx: ManagedTransaction) -> Any:
    from stratgraph.graph.pair_answers import ThemePairs

    themes = {i: (plan, name) for i, name, plan in _rows(
        tx, "MATCH (t:Stratgraph:Theme) OPTIONAL MATCH (p:Stratgraph:Plan {id: t.plan_id}) "
            "RETURN collect([t.id, t.name, p.name]) AS rows")}
    refs = [tuple(r) for r in _rows(
        tx, f"MATCH (f:{FACT}) WHERE f.theme <> '' "
            "RETURN collect([f.theme, f.shared, f.kind]) AS rows")]
    nested = [tuple(r) for r in _rows(
        tx, "MATCH (a:Stratgraph:Theme)-[:PART_OF]->(b:Stratgraph:Theme) "
            "RETURN collect([a.id, b.id]) AS rows")]
    depends = [tuple(r) for r in _rows(
        tx, "MATCH (x:Stratgraph)-[r:DEPENDS_ON]->(y:Stratgraph)\n"
            "WITH r, CASE WHEN x:Theme THEN x.id ELSE head(COLLECT { MATCH (x)-[:PART_OF]->"
            "(t:Stratgraph:Theme) RETURN t.id ORDER BY t.id }) END AS ta,\n"
            "  CASE WHEN y:Theme THEN y.id ELSE head(COLLECT { MATCH (y)-[:PART_OF]->"
            "(t:Stratgraph:Theme) RETURN t.id ORDER BY t.id }) END AS tb\n"
            "WHERE ta IS NOT NULL AND tb IS NOT NULL AND ta <> tb\n"
            "RETURN collect([elementId(r), ta, tb]) AS rows")]
    return ThemePairs(themes, refs, nested, depends)


def _evolution_items(tx: ManagedTransaction) -> list[Any]:
    return _evolution_answers(tx)[0]


def _evolution_answers(tx: ManagedTransaction) -> tuple[list[Any], list[dict[str, Any]]]:
    """plan-evolution's items and what changed per plan pair (pair_answers.evolution_answers)."""
    from stratgraph.graph.pair_answers import PlanInfo, evolution_answers

    plans = [PlanInfo(*r) for r in _rows(
        tx, "MATCH (p:Stratgraph:Plan) RETURN collect([p.id, p.name, p.start_year, "
            "p.source_document, p.organisation]) AS rows")]
    shared, documents = [], []
    for i, label, name, docs in _rows(
            tx, "MATCH (s:Stratgraph) WHERE s:Strategy OR s:Partnership "
                "RETURN collect([s.id, CASE WHEN s:Strategy THEN 'Strategy' ELSE 'Partnership' "
                "END, s.name, s.documents]) AS rows"):
        shared.append((i, label, name))
        documents += [(i, d) for d in docs or ()]
    references = [tuple(r) for r in _rows(
        tx, f"MATCH (f:{FACT}) RETURN collect([f.shared, f.part]) AS rows")]
    themes = [tuple(r) for r in _rows(
        tx, "MATCH (t:Stratgraph:Theme) WITH t ORDER BY t.id "
            "RETURN collect([t.id, t.name, t.plan_id]) AS rows")]
    return evolution_answers(plans, shared, documents, references, themes)


def plan_changes(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], int] | None:
    """What changed per plan pair (graph/pair_answers.py ``pair_changes``) and how many
    plan-evolution rows there are: kept with the answers at write time, else counted from
    the facts; None when these facts were not made (the caller checks they are current)."""
    import json

    if not _has_facts(tx):
        return None
    record = tx.run(f"MATCH (a:{ANSWERS} {{query: 'plan-evolution'}}) WHERE a.version = $version "
                    "RETURN a.changes AS changes, a.total AS total",
                    version=ANSWERS_VERSION).single()
    if record is not None and record["changes"] is not None:
        return list(json.loads(record["changes"])), int(record["total"])
    items, changes = _evolution_answers(tx)
    return changes, len(items)


# -- answers kept at write time ----------------------------------------------------------------

def _nullable(values: Sequence[Any]) -> dict[str, list[Any]]:
    """A list property may not hold null: the values ('' for null) and which were null."""
    return {"values": ["" if v is None else v for v in values],
            "nulls": [v is None for v in values]}


def _restore(values: Sequence[Any], nulls: Sequence[bool]) -> list[Any]:
    return [None if null else v for v, null in zip(values, nulls, strict=True)]


def store_answers(tx: ManagedTransaction, *, force: bool = False) -> bool:
    """Count both queries' summaries and rank their first rows from the facts as they stand
    now, and keep them (inside the transaction settling a write's facts), unless what they
    read is what the kept ones were counted from (no plan's inputs changed, see
    :func:`_note_inputs`; the same plans, strategies and partnerships). True when counted."""
    from stratgraph.graph.neo4j_facts import META_LABEL

    inputs = _global_inputs(tx) if _has_facts(tx) else None
    if not force and inputs is not None and _unchanged(tx, inputs):
        return False
    tx.run(f"MATCH (a:{ANSWERS}) DELETE a").consume()
    if inputs is None:
        return True
    tx.run(f"MATCH (m:{META_LABEL} {{id: 'facts'}}) SET m.pair_dirty = false").consume()
    _count_answers(tx, inputs)
    return True


def _unchanged(tx: ManagedTransaction, inputs: str) -> bool:
    from stratgraph.graph.neo4j_facts import META_LABEL

    record = tx.run(
        f"MATCH (m:{META_LABEL} {{id: 'facts'}}) "
        f"RETURN coalesce(m.pair_dirty, true) AS dirty, COLLECT {{ MATCH (a:{ANSWERS}) "
        "WHERE a.version = $version AND a.inputs = $inputs RETURN a.query } AS kept",
        version=ANSWERS_VERSION, inputs=inputs).single()
    return (record is not None and not record["dirty"]
            and sorted(record["kept"]) == sorted(QUERIES))


def _count_answers(tx: ManagedTransaction, inputs: str) -> None:
    pairs = _theme_pairs(tx)
    triples = pairs.summary(None)
    explicit = pairs.first_explicit(KEPT_ROWS)
    links: dict[tuple[str, str], list[str]] = {}
    kept = set(explicit)
    for link, a, b in pairs.depends:
        if (a, b) in kept:
            links.setdefault((a, b), []).append(link)
    shared = pairs.ranked(KEPT_ROWS)
    groups = _nullable([g for g, _, _ in triples])
    kept_links = [x for pair in explicit for x in links.get(pair, ())]
    # The links by their stratgraph id and ends (a rewrite of the same link keeps those).
    named = {r["link"]: r for r in tx.run(
        "UNWIND $links AS link MATCH (x:Stratgraph)-[d:DEPENDS_ON]->(y:Stratgraph) "
        "WHERE elementId(d) = link RETURN link, d.id AS id, x.id AS start, y.id AS end",
        links=kept_links)}
    tx.run(f"CREATE (:StratgraphFact:{ANSWERS} {{query: $name, version: $version, "
           "inputs: $inputs, "
           "groups: $groups, null_groups: $null_groups, kinds: $kinds, counts: $counts, "
           "explicit_total: $explicit_total, explicit_a: $explicit_a, explicit_b: $explicit_b, "
           "explicit_links: $explicit_links, explicit_starts: $explicit_starts, "
           "explicit_ends: $explicit_ends, explicit_link_counts: $explicit_link_counts, "
           "shared_a: $shared_a, shared_b: $shared_b, shared_kinds: $shared_kinds})",
           name="cross-theme-dependencies", version=ANSWERS_VERSION, inputs=inputs,
           groups=groups["values"], null_groups=groups["nulls"],
           kinds=[k for _, k, _ in triples], counts=[n for _, _, n in triples],
           explicit_total=len(pairs.explicit),
           explicit_a=[a for a, _ in explicit], explicit_b=[b for _, b in explicit],
           explicit_links=[named[x]["id"] for x in kept_links],
           explicit_starts=[named[x]["start"] for x in kept_links],
           explicit_ends=[named[x]["end"] for x in kept_links],
           explicit_link_counts=[len(links.get(pair, ())) for pair in explicit],
           shared_a=[a for a, _, _ in shared], shared_b=[b for _, b, _ in shared],
           shared_kinds=[k for _, _, k in shared]).consume()
    items, changes = _evolution_answers(tx)
    first = items[:KEPT_ROWS]
    tx.run(f"CREATE (:StratgraphFact:{ANSWERS} {{query: $name, version: $version, "
           "inputs: $inputs, "
           "total: $total, kinds: $kinds, item_kinds: $item_kinds, item_keys: $item_keys, "
           "member_counts: $member_counts, members: $members, page: $page, "
           "changes: $changes})",
           name="plan-evolution", version=ANSWERS_VERSION, inputs=inputs, total=len(items),
           kinds=[i[0] for i in items], item_kinds=[i[0] for i in first],
           item_keys=[i[3] for i in first], member_counts=[len(i[4]) for i in first],
           members=[m for i in first for m in i[4]],
           page=_kept_rows(_evolution_rows(tx, first[:KEPT_PAGE])),
           changes=_kept_rows(changes)).consume()


def _kept_rows(rows: list[dict[str, Any]]) -> str | None:
    """Rows as JSON, or ``None`` when one holds a value JSON would not give back as it is."""
    import json

    try:
        text = json.dumps(rows, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return None
    return text if json.loads(text) == rows else None


def _has_facts(tx: ManagedTransaction) -> bool:
    from stratgraph.graph.neo4j_facts import META_LABEL

    record = tx.run(f"MATCH (m:{META_LABEL} {{id: 'facts'}}) RETURN m.pair_facts AS v").single()
    return record is not None and record["v"] == VERSION


def _answers(tx: ManagedTransaction, name: str) -> dict[str, Any] | None:
    record = tx.run(f"MATCH (a:{ANSWERS} {{query: $name}}) WHERE a.version = $version "
                    "RETURN properties(a) AS a", name=name, version=ANSWERS_VERSION).single()
    return None if record is None else dict(record["a"])


def _kept_summary(kept: Mapping[str, Any], name: str,
                  kind: str | None) -> list[tuple[Any, Any, int]]:
    if name == "cross-theme-dependencies":
        groups = _restore(kept["groups"], kept["null_groups"])
        return [(g, k, int(n)) for g, k, n in zip(groups, kept["kinds"], kept["counts"],
                                                 strict=True) if kind in (None, k)]
    from collections import Counter

    return [(k, None, n) for k, n in Counter(kept["kinds"]).items() if kind in (None, k)]


def summary_triples(tx: ManagedTransaction, name: str,
                    params: Mapping[str, Any]) -> list[tuple[Any, Any, int]]:
    """(group, tallied value, rows) of the query's summary."""
    from stratgraph.graph.pair_answers import evolution_summary

    kept = _answers(tx, name)
    if kept is not None:
        return _kept_summary(kept, name, params.get("kind"))
    if name == "cross-theme-dependencies":
        return _theme_pairs(tx).summary(params.get("kind"))
    return evolution_summary(i for i in _evolution_items(tx)
                             if params.get("kind") in (None, i[0]))


def _subgraph(tx: ManagedTransaction, nodes: Sequence[str], links: Sequence[str]) -> Any:
    """The nodes ``nodes`` and the relationships ``links`` (element ids) with their ends, as
    networkx, converted as the embedded store converts its records."""
    from stratgraph.graph.data import GraphData
    from stratgraph.graph.embedded import to_networkx
    from stratgraph.graph.neo4j_store import node_from_record, relationship_from_record

    rels = [relationship_from_record(*r) for r in _rows(
        tx, "UNWIND $links AS link MATCH (a:Stratgraph)-[r]->(b:Stratgraph) "
            "WHERE elementId(r) = link "
            "RETURN collect([type(r), a.id, b.id, properties(r)]) AS rows", links=list(links))]
    ids = sorted(set(nodes) | {r.start for r in rels} | {r.end for r in rels})
    found = [node_from_record(*r) for r in _rows(
        tx, "UNWIND $ids AS id MATCH (n:Stratgraph {id: id}) "
            "RETURN collect([n.id, labels(n), properties(n)]) AS rows", ids=ids)]
    graph = GraphData({n.id: n for n in found if n is not None},
                      {r.id: r for r in rels})
    return to_networkx(graph)


def page_rows(tx: ManagedTransaction, name: str, params: Mapping[str, Any], offset: int,
              limit: int) -> list[dict[str, Any]]:
    """Rows ``offset`` to ``offset + limit``, built for the page's pairs or items alone."""
    kept = _answers(tx, name) if params.get("kind") is None else None
    if kept is not None:
        rows = _kept_page(tx, name, kept, offset, limit)
        if rows is not None:
            return rows
    if name == "cross-theme-dependencies":
        return _cross_theme_page(tx, params, offset, limit)
    return _evolution_page(tx, params, offset, limit)


def _kept_page(tx: ManagedTransaction, name: str, kept: Mapping[str, Any], offset: int,
               limit: int) -> list[dict[str, Any]] | None:
    """A page of every kind inside the kept rows (``None`` when it reaches past them)."""
    end = offset + limit
    if name == "plan-evolution":
        keys = kept["item_keys"]
        if end > len(keys) and len(keys) < kept["total"]:
            return None
        if kept.get("page") is not None and (end <= KEPT_PAGE or kept["total"] <= KEPT_PAGE):
            import json

            return list(json.loads(kept["page"])[offset:end])
        items, at = [], 0
        for kind, key, n in zip(kept["item_kinds"], keys, kept["member_counts"], strict=True):
            items.append((kind, None, None, key, kept["members"][at:at + n]))
            at += n
        return _evolution_rows(tx, items[offset:end])
    from stratgraph.graph.pair_answers import PairPage

    total = kept["explicit_total"]
    explicit = list(zip(kept["explicit_a"], kept["explicit_b"], strict=True))
    shared = list(zip(kept["shared_a"], kept["shared_b"], kept["shared_kinds"], strict=True))
    if (min(end, total) > len(explicit)
            or (end - total > len(shared) and len(shared) >= KEPT_ROWS)):
        return None
    # Each kept explicit pair's DEPENDS_ON links, in the pairs' order, found by their
    # stratgraph id from their ends (element ids change when a write recreates a link).
    found = {(r["start"], r["id"], r["end"]): r["link"] for r in tx.run(
        "UNWIND range(0, size($ids) - 1) AS i "
        "MATCH (x:Stratgraph {id: $starts[i]})-[d:DEPENDS_ON]->(y:Stratgraph {id: $ends[i]}) "
        "WHERE d.id = $ids[i] RETURN x.id AS start, d.id AS id, y.id AS end, "
        "elementId(d) AS link",
        ids=kept["explicit_links"], starts=kept["explicit_starts"], ends=kept["explicit_ends"])}
    named = list(zip(kept["explicit_starts"], kept["explicit_links"], kept["explicit_ends"],
                     strict=True))
    if any(n not in found for n in named):
        return None  # not the graph they were kept for: counted from the facts
    by_pair, at = {}, 0
    for pair, n in zip(explicit, kept["explicit_link_counts"], strict=True):
        by_pair[pair] = [found[x] for x in named[at:at + n]]
        at += n
    page_explicit = explicit[offset:min(end, total)]
    page_shared = shared[max(offset - total, 0):max(end - total, 0)]
    # The page holds exactly its own pairs: none come before them (skip = offset).
    page = PairPage(page_explicit, page_shared, offset, None, offset, limit)
    return _pair_page_rows(tx, page, [x for p in page_explicit for x in by_pair[p]])


def _cross_theme_page(tx: ManagedTransaction, params: Mapping[str, Any], offset: int,
                      limit: int) -> list[dict[str, Any]]:
    from stratgraph.graph.pair_answers import PairPage

    pairs = _theme_pairs(tx)
    page = PairPage.of(pairs, params.get("kind"), offset, limit)
    chosen = set(page.explicit)
    return _pair_page_rows(tx, page, [link for link, a, b in pairs.depends if (a, b) in chosen])


def _pair_page_rows(tx: ManagedTransaction, page: Any, depends: Sequence[str]
                    ) -> list[dict[str, Any]]:
    """The rows of ``page`` (its pairs), over the records they read: the DEPENDS_ON links
    ``depends`` of its explicit pairs, its shared pairs' themes and what references from them."""
    links: list[str] = []
    nodes: set[str] = set()
    if depends:
        # The links, and their ends' PART_OF links (their themes).
        links += [r["link"] for r in tx.run(
            "UNWIND $links AS link MATCH (x:Stratgraph)-[d]->(y:Stratgraph) "
            "WHERE elementId(d) = link UNWIND [x, y] AS n "
            "MATCH (n)-[p:PART_OF]->(:Stratgraph) RETURN DISTINCT elementId(p) AS link",
            links=list(depends))]
        links += depends
    themes = sorted(page.themes)
    if themes:
        # The page's themes, the actions and outcomes whose theme is one of them (the
        # lowest-id theme they are PART_OF), their PART_OF links to those themes and their
        # REFERENCES to strategies and partnerships.
        for r in tx.run(
            "UNWIND $themes AS tid MATCH (t:Stratgraph:Theme {id: tid})\n"
            "OPTIONAL MATCH (x:Stratgraph)-[p:PART_OF]->(t) WHERE x:Action OR x:Outcome\n"
            "WITH t, x, p, CASE WHEN x IS NULL THEN null ELSE head(COLLECT {\n"
            "  MATCH (x)-[:PART_OF]->(u:Stratgraph:Theme) RETURN u.id ORDER BY u.id }) END AS own\n"
            "WITH t, collect(CASE WHEN own = t.id THEN {x: x, part: elementId(p)} END) AS owned\n"
            "UNWIND [{x: t, part: null}] + owned AS o\n"
            "WITH o.x AS x, o.part AS part\n"
            "RETURN x.id AS id, [part] AS parts, COLLECT { MATCH (x)-[r:REFERENCES]->(s:Stratgraph)\n"
            "  WHERE s:Strategy OR s:Partnership RETURN elementId(r) } AS refs",
                themes=themes):
            nodes.add(r["id"])
            links += [p for p in r["parts"] if p is not None] + list(r["refs"])
    g = _subgraph(tx, sorted(nodes), sorted(set(links)))
    plans = sorted({a.get("plan_id") for _, a in g.nodes(data=True)} - {None})
    for r in tx.run("UNWIND $ids AS id MATCH (p:Stratgraph:Plan {id: id}) "
                    "RETURN p.id AS id, properties(p) AS props", ids=plans):
        if r["id"] not in g:
            g.add_node(r["id"], label="Plan", **dict(r["props"]))
    return page.rows(g)


def _evolution_page(tx: ManagedTransaction, params: Mapping[str, Any], offset: int,
                    limit: int) -> list[dict[str, Any]]:
    items = [i for i in _evolution_items(tx) if params.get("kind") in (None, i[0])]
    return _evolution_rows(tx, items[offset:offset + limit], params.get("kind"))


def _evolution_rows(tx: ManagedTransaction, page: Sequence[Any], kind: str | None = None
                    ) -> list[dict[str, Any]]:
    """The rows of the items ``page`` ((kind, _, _, key, member ids)), over the records they
    read: their members, every plan, and the REFERENCES links into the shared ones."""
    from stratgraph.graph import queries_links as ql
    from stratgraph.graph.queries_view import View

    members = sorted({m for item in page for m in item[4]})
    shared = sorted({m for item in page if item[0] != "theme" for m in item[4]})
    links = [r["link"] for r in tx.run(
        "UNWIND $ids AS id MATCH (:Stratgraph)-[r:REFERENCES]->(s:Stratgraph {id: id}) "
        "RETURN elementId(r) AS link", ids=shared)]
    plans = _rows(tx, "MATCH (p:Stratgraph:Plan) RETURN collect(p.id) AS rows")
    g = _subgraph(tx, members + plans, links)
    keep = {(item[0], item[3]) for item in page}
    query = {"kind": kind, "name": None, "organisation": None,
             "min_confidence": 0.0}
    return [r for r in ql.plan_evolution(View(g, 0.0), query) if (r["kind"], r["key"]) in keep]
