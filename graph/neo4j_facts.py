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

from collections.abc import Callable, Collection, Mapping, Sequence
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
#: Leads recomputed per transaction by :func:`refresh_all`.
LEADS_PER_TRANSACTION = 500
#: What the facts hold: a store whose facts were made by a version with other queries' facts
#: is not current, and its next write refreshes them all.
VERSION = 4
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


# -- coverage: per-scope counts, summed over the plans that contribute them -------------------

def _cut(text: str, start: str, end: str, name: str) -> tuple[str, str, str]:
    """``text`` as (before ``start``, from ``start`` to ``end``, from ``end``), each marker
    found exactly once."""
    i, j = text.find(start), text.find(end)
    if i < 0 or j < i or text.find(start, i + 1) >= 0 or text.find(end, j + 1) >= 0:
        raise QueryError(f"{name}.cypher no longer has the shape its facts expect")
    return text[:i], text[i:j], text[j:]


@dataclass(frozen=True, slots=True)
class ScopeFacts:
    """A query whose rows are counts per scope (plan or theme) summed over items: each plan's
    items' contributions are kept per (plan, scope) as ``:<kind>Fact`` nodes, and the query's
    own text after its sums runs over them.

    Coverage's items (actions, measures, and the scopes themselves with zero counts) each
    contribute to their own plan and their theme; a plan's contributions change only when
    that plan changes (its items' chains, owners and measures stay inside it, as for
    orphan-actions), so a write recomputes the contributions of the plans it touches.
    """

    name: str
    kind: str
    #: The text of the per-item union (inside its CALL) and the sums after it.
    body_start: str
    sums_start: str
    #: The query's own item filters, each replaced by the plan being computed.
    filters: tuple[tuple[str, str], ...]
    scope_find: str
    columns: tuple[str, ...]
    labels: tuple[str, ...]
    #: Parameters the facts answer besides min_confidence 0 (filters applied after the sums).
    allowed: frozenset[str] = frozenset()

    @property
    def fact_label(self) -> str:
        return f"{self.kind}Fact"

    def _parts(self) -> tuple[str, str]:
        text = _query_text(self.name)
        _, body, sums = _cut(text, self.body_start, self.sums_start, self.name)
        body = body[len(self.body_start):].rstrip()
        if not body.endswith("}"):
            raise QueryError(f"{self.name}.cypher no longer has the shape its facts expect")
        return body[:-1], sums

    def compute_cypher(self, *, unplanned: bool = False) -> str:
        body, _ = self._parts()
        for item, filter_ in self.filters:
            if body.count(filter_) != 1:
                raise QueryError(f"{self.name}.cypher no longer has the shape its facts expect")
            own = f"{item}.plan_id IS NULL" if unplanned else f"{item}.plan_id = pid"
            body = body.replace(filter_, f"WHERE {own}")
        if body.count(self.scope_find) != 1:
            raise QueryError(f"{self.name}.cypher no longer has the shape its facts expect")
        # The scopes by label, so each reaches its plan_id index (not every :Stratgraph node).
        own = "s.plan_id IS NULL" if unplanned else "s.plan_id = pid"
        scopes = " UNION ".join(f"MATCH (s:Stratgraph:{label}) WHERE {own} RETURN s"
                                for label in self.labels[:2])
        body = body.replace(self.scope_find, f"CALL (pid) {{ {scopes} }}\n")
        start = "WITH '' AS pid\n" if unplanned else "UNWIND $plan_ids AS pid\n"
        sums = ", ".join(f"sum({c}) AS {c}" for c in self.columns)
        props = ", ".join(f"{c}: {c}" for c in self.columns)
        return (start + "CALL (pid) {" + body + "}\n"
                f"WITH pid, key, {sums}\n"
                f"CREATE (:{FACT_LABEL}:{self.fact_label} {{plan_key: pid, key: key, {props}}})")

    def delete_cypher(self) -> str:
        return ("UNWIND $plan_keys AS pk\n"
                f"CALL (pk) {{ MATCH (f:{self.fact_label} {{plan_key: pk}}) DELETE f }}")

    def sums_cypher(self) -> str:
        """The named query, its per-item union replaced by the stored contributions."""
        _, sums = self._parts()
        columns = ", ".join(f"f.{c} AS {c}" for c in self.columns)
        return f"MATCH (f:{self.fact_label})\nWITH f.key AS key, {columns}\n" + sums

    # Each scope's final row is kept too (``:<kind>Row``, one per scope): summing 18,000
    # contributions and seeking each scope and plan by id on every read took 1.4-1.9 s at
    # 1M nodes; reading the rows is one label scan and the query's own ORDER BY.

    @property
    def row_label(self) -> str:
        return f"{self.kind}Row"

    def _row_parts(self) -> tuple[str, str, str]:
        """The sums as (up to the RETURN, the returned columns, the ORDER BY line)."""
        _, sums = self._parts()
        ret, order = sums.rfind("\nRETURN "), sums.rfind("\nORDER BY ")
        if ret < 0 or order < ret:
            raise QueryError(f"{self.name}.cypher no longer has the shape its facts expect")
        return sums[:ret], sums[ret + len("\nRETURN "):order], sums[order + 1:]

    def row_compute_cypher(self) -> str:
        """The final rows of the scopes ``$keys`` from all their plans' contributions: the
        query's own sums and RETURN, each row kept with the sort values its ORDER BY uses."""
        before, returned, _ = self._row_parts()
        columns = ", ".join(f"f.{c} AS {c}" for c in self.columns)
        props = ", ".join(f"{c}: {c}" for c in self._row_columns())
        return ("UNWIND $keys AS k\n"
                f"MATCH (f:{self.fact_label} {{key: k}})\nWITH f.key AS key, {columns}\n"
                + before + "\nWITH passed, " + returned.rstrip() + "\n"
                f"CREATE (:{FACT_LABEL}:{self.row_label} {{scope_key: coalesce(theme_id, plan_id), "
                f"passed: passed, {props}}})")

    def _row_columns(self) -> list[str]:
        from stratgraph.graph.queries import get_query

        return get_query(self.name).column_names

    def row_delete_cypher(self) -> str:
        return ("UNWIND $keys AS k\n"
                f"CALL (k) {{ MATCH (r:{self.row_label} {{scope_key: k}}) DELETE r }}")

    def row_keys_cypher(self) -> str:
        """The scopes the plans ``$plan_keys`` contribute to (every scope has a zero
        contribution from its own plan, so a plan's own scopes are among them)."""
        return ("UNWIND $plan_keys AS pk\n"
                f"MATCH (f:{self.fact_label} {{plan_key: pk}})\n"
                "RETURN collect(DISTINCT f.key) AS keys")

    def summary_cypher(self, group: str, tally: str | None) -> str:
        """The summary's (group, tally value, rows) triples counted over the kept rows, as
        one record (a record each costs more to decode than the counting)."""
        return (f"MATCH (r:{self.row_label})\n"
                "WHERE $scope IS NULL OR r.scope = $scope\n"
                f"WITH r.{group} AS grp, {f'r.{tally}' if tally else 'null'} AS value, "
                "count(*) AS n\n"
                "RETURN collect([grp, value, n]) AS triples")

    def read_cypher(self) -> str:
        """The named query's rows from the kept rows, in its own ORDER BY."""
        _, _, order = self._row_parts()
        columns = self._row_columns()
        kept = ", ".join(f"r.{c} AS {c}" for c in columns)
        return (f"MATCH (r:{self.row_label})\n"
                "WHERE $scope IS NULL OR r.scope = $scope\n"
                f"WITH r.passed AS passed, {kept}\n"
                f"RETURN {', '.join(columns)}\n" + order)

    def schema(self) -> list[str]:
        kind = self.kind.lower()
        return [f"CREATE INDEX stratgraph_fact_{kind}_plan IF NOT EXISTS "
                f"FOR (f:{self.fact_label}) ON (f.plan_key)",
                f"CREATE INDEX stratgraph_fact_{kind}_key IF NOT EXISTS "
                f"FOR (f:{self.fact_label}) ON (f.key)",
                f"CREATE INDEX stratgraph_fact_{kind}_row IF NOT EXISTS "
                f"FOR (r:{self.row_label}) ON (r.scope_key)"] + [
            f"CREATE INDEX stratgraph_{label.lower()}_plan IF NOT EXISTS "
            f"FOR (n:{label}) ON (n.plan_id)" for label in self.labels]


_COVERAGE_FILTER = "WHERE $plan IS NULL OR {x}.plan_id IN wanted"

SCOPE_FACTS: dict[str, ScopeFacts] = {
    q.name: q
    for q in (
        ScopeFacts(
            "coverage", "Coverage",
            body_start="CALL (wanted) {", sums_start="WITH key, sum(n) AS n",
            filters=(("m", _COVERAGE_FILTER.format(x="m")), ("a", _COVERAGE_FILTER.format(x="a"))),
            scope_find="MATCH (s:Stratgraph)\n    WHERE s:Plan OR s:Theme\n",
            columns=("n", "k_outcome", "k_measure", "k_owner", "k_deadline", "k_golden",
                     "k_measures"),
            labels=("Plan", "Theme", "Measure", "Action"),
            allowed=frozenset({"scope"}),
        ),
    )
}


# -- lead-portfolio: one fact per lead, its row as the query gives it -------------------------

@dataclass(frozen=True, slots=True)
class LeadFacts:
    """A query with one row per lead, kept whole as a ``:<kind>Fact`` node per lead.

    A lead is shared by plans: its row reads every plan it owns something in (the owned
    themes' members, their chains, measures and owners). So a write recomputes the row of
    every lead that owned something in a plan it touches before the write (an OWNS it
    removes) or owns something there after it, and of every lead the write names (its node,
    or an end of one of its relationships): see :func:`touched_leads`.
    """

    name: str
    kind: str
    #: Where the query's per-lead work starts (after it finds the leads) and its RETURN.
    work_start: str
    return_start: str
    order: str

    @property
    def fact_label(self) -> str:
        return f"{self.kind}Fact"

    def _columns(self) -> list[str]:
        from stratgraph.graph.queries import get_query

        return get_query(self.name).column_names

    def _parts(self) -> tuple[str, str]:
        text = _query_text(self.name)
        _, work, ret = _cut(text, self.work_start, self.return_start, self.name)
        end = ret.rfind(self.order)
        if end < 0 or ret[end:].strip() != self.order:
            raise QueryError(f"{self.name}.cypher no longer has the shape its facts expect")
        return work, ret[len("RETURN"):end]

    def compute_cypher(self) -> str:
        work, returned = self._parts()
        props = ", ".join(f"{c}: {c}" for c in self._columns())
        return ("UNWIND $lead_ids AS lid\nMATCH (l:Stratgraph:CabinetLead {id: lid})\n"
                + work + "WITH" + returned
                + f"CREATE (:{FACT_LABEL}:{self.fact_label} {{{props}}})")

    def delete_cypher(self) -> str:
        return ("UNWIND $lead_ids AS lid\n"
                f"CALL (lid) {{ MATCH (f:{self.fact_label} {{lead_id: lid}}) DELETE f }}")

    def read_cypher(self) -> str:
        columns = ", ".join(f"f.{c} AS {c}" for c in self._columns())
        return f"MATCH (f:{self.fact_label})\nRETURN {columns}\n{self.order}"

    def schema(self) -> list[str]:
        return [f"CREATE INDEX stratgraph_fact_{self.kind.lower()}_lead IF NOT EXISTS "
                f"FOR (f:{self.fact_label}) ON (f.lead_id)"]


LEAD_FACTS: dict[str, LeadFacts] = {
    q.name: q
    for q in (
        LeadFacts("lead-portfolio", "LeadPortfolio", work_start="WITH l,\n  COLLECT { MATCH (l)-[r:OWNS]",
                  return_start="RETURN l.name AS lead", order="ORDER BY lead, lead_id"),
    )
}

#: The queries answered by reading the facts through a query of their own.
ROW_FACTS: dict[str, ScopeFacts | LeadFacts] = {**SCOPE_FACTS, **LEAD_FACTS}


# -- deadlines and strategy-feeds: their summaries kept as counts ----------------------------

@dataclass(frozen=True, slots=True)
class PlanCounts:
    """A query whose summary (rows per plan and tallied value) is kept as ``:<kind>Count``
    nodes, one per (plan, value) holding its row count, written by the query's own text run
    for the touched plans' items.

    A deadlines row is its action's (the quarter read from the action's own text) and the
    plan name is joined when the summary is read, so a plan's counts change only when one
    of its actions does: the touched plans, as for orphan-actions.

    One node per plan holds its values and counts as lists (a node per (plan, value) was
    18,000 nodes to read at 1M). The query's first column is the plan's name, so its first
    page is the rows of the first plans by name: the counts say which plans hold rows
    ``offset`` to ``offset + limit``, and the query's own text runs for those plans' actions
    alone (:meth:`page_rows`).
    """

    name: str
    kind: str
    #: The query's item look-up and filter, replaced by one plan's items; ``{own}`` there.
    find: str
    own: str
    return_start: str
    #: The tallied column (the query's summary ``tally``).
    value: str
    #: Optional: where the query joins each item's plan and theme (``context_start``, rows
    #: unchanged: ids are unique, and no theme is asked for) and where its work on the item's
    #: own ``value_of`` property starts (``value_start``, up to its RETURN). The counts then
    #: run that work once per distinct value of a plan's items, not once per item: a national
    #: load's 43,000 deadlines are a few hundred texts, and reading each one's quarter was
    #: most of the deadlines facts' time (issue #17).
    context_start: str = ""
    value_start: str = ""
    value_of: str = ""

    @property
    def count_label(self) -> str:
        return f"{self.kind}Count"

    def _per_value_cypher(self, before: str, middle: str, ret: str, *, unplanned: bool) -> str:
        """compute_cypher with the value work run once per (distinct value, plan counts)."""
        import re

        i, j = middle.find(self.context_start), middle.find(self.value_start)
        # The work may read the item's value alone: it runs on a map holding just that.
        if (i < 0 or j < i or middle.find(self.value_start, j + 1) >= 0
                or set(re.findall(r"\ba\.(\w+)", middle[j:])) != {self.value_of}
                or re.search(r"\b[pt]\.", middle[j:])):
            raise QueryError(f"{self.name}.cypher no longer has the shape its facts expect")
        order = ret.rfind("\nORDER BY ")
        own = self.own.format(own="a.plan_id IS NULL" if unplanned else "a.plan_id = pid")
        start = "" if unplanned else "UNWIND $plan_ids AS pid\n"
        pid = "'' AS pk" if unplanned else "pid AS pk"
        return (before + start + own + middle[len(self.find):i].rstrip() + "\n"
                f"WITH {pid}, a.{self.value_of} AS value, count(*) AS n\n"
                "WITH value, collect({pk: pk, n: n}) AS uses\n"
                f"WITH {{{self.value_of}: value, uses: uses}} AS a, null AS p, null AS t\n"
                + middle[j:] + "WITH" + ret[len("RETURN"):order] + ", a.uses AS uses\n"
                "UNWIND uses AS use\n"
                f"WITH use.pk AS pk, {self.value} AS value, sum(use.n) AS n\n")

    def compute_cypher(self, *, unplanned: bool = False) -> str:
        text = _query_text(self.name)
        before, middle, ret = _cut(text, self.find, self.return_start, self.name)
        order = ret.rfind("\nORDER BY ")
        if order < 0:
            raise QueryError(f"{self.name}.cypher no longer has the shape its facts expect")
        # Maps keep a null value (a list property cannot hold null): its count apart.
        tail = ("WITH pk, collect({v: value, n: n}) AS xs\n"
                f"CREATE (:{FACT_LABEL}:{self.count_label} {{plan_key: pk, "
                "values: [x IN xs WHERE x.v IS NOT NULL | x.v], "
                "counts: [x IN xs WHERE x.v IS NOT NULL | x.n], "
                "nulls: reduce(s = 0, x IN xs | s + CASE WHEN x.v IS NULL THEN x.n ELSE 0 END), "
                "total: reduce(s = 0, x IN xs | s + x.n)})")
        if self.value_start:
            return self._per_value_cypher(before, middle, ret, unplanned=unplanned) + tail
        own = self.own.format(own="a.plan_id IS NULL" if unplanned else "a.plan_id = pid")
        start = "" if unplanned else "UNWIND $plan_ids AS pid\n"
        return (before + start + own + middle[len(self.find):]
                + "WITH" + ret[len("RETURN"):order] + "\n"
                f"WITH coalesce(plan_id, '') AS pk, {self.value} AS value, count(*) AS n\n"
                + tail)

    def delete_cypher(self) -> str:
        return ("UNWIND $plan_keys AS pk\n"
                f"CALL (pk) {{ MATCH (c:{self.count_label} {{plan_key: pk}}) DELETE c }}")

    def summary_cypher(self) -> str:
        return (f"MATCH (c:{self.count_label})\n"
                "OPTIONAL MATCH (p:Stratgraph:Plan {id: c.plan_key})\n"
                "RETURN collect([p.name, c.values, c.counts, c.nulls]) AS plans")

    def summary_triples(self, tx: ManagedTransaction) -> list[tuple[Any, Any, int]]:
        record = tx.run(self.summary_cypher()).single(strict=True)
        triples: list[tuple[Any, Any, int]] = []
        for name, values, counts, nulls in record["plans"]:
            triples += ((name, v, int(n)) for v, n in zip(values, counts, strict=True))
            if nulls:
                triples.append((name, None, int(nulls)))
        return triples

    def plans_cypher(self) -> str:
        """Every plan key with rows, its plan's name and its row count, in the query's order
        of plan names (Cypher's own string order, nulls last)."""
        return (f"MATCH (c:{self.count_label}) WHERE c.total > 0\n"
                "OPTIONAL MATCH (p:Stratgraph:Plan {id: c.plan_key})\n"
                "WITH p.name AS name, c.plan_key AS key, c.total AS n ORDER BY name\n"
                "RETURN collect([name, key, n]) AS plans")

    def page_cypher(self, *, unplanned: bool) -> str:
        """The query for the actions of the plans ``$plan_ids`` (and, with ``unplanned``, those
        without a plan), its own ORDER BY, then ``SKIP $page_skip LIMIT $page_limit``."""
        text = _query_text(self.name)
        before, middle, ret = _cut(text, self.find, self.return_start, self.name)
        find = ("CALL () {\n"
                "  UNWIND $plan_ids AS pid\n"
                "  MATCH (a:Stratgraph:Action {plan_id: pid}) RETURN a\n")
        if unplanned:
            find += ("  UNION ALL\n"
                     "  MATCH (a:Stratgraph:Action) WHERE a.plan_id IS NULL RETURN a\n")
        # The query's own filter on the action follows ("AND ..."), attached to this WITH.
        return (before + find + "}\nWITH a WHERE true" + middle[len(self.find):] + ret.rstrip()
                + "\nSKIP $page_skip LIMIT $page_limit")

    def page_rows(self, tx: ManagedTransaction, params: Mapping[str, Any], offset: int,
                  limit: int) -> list[dict[str, Any]]:
        """Rows ``offset`` to ``offset + limit``: the plans (all those sharing a name, which
        the ORDER BY does not tell apart) whose rows reach that window, from the counts,
        then the query run for their actions alone."""
        from itertools import groupby

        plans = tx.run(self.plans_cypher()).single(strict=True)["plans"]
        keys: list[str] = []
        skip: int | None = None
        start = 0
        for _, group in groupby(plans, key=lambda p: p[0]):
            members = list(group)
            end = start + sum(int(n) for _, _, n in members)
            if end > offset and start < offset + limit:
                keys += [key for _, key, _ in members]
                skip = start if skip is None else skip
            start = end
            if start >= offset + limit:
                break
        if skip is None or limit == 0:
            return []
        text = self.page_cypher(unplanned="" in keys)
        return [r.data() for r in tx.run(text, {**_params(), **params,
                                                "plan_ids": [k for k in keys if k],
                                                "page_skip": offset - skip,
                                                "page_limit": limit})]

    def recompute(self, tx: ManagedTransaction, keys: Sequence[str],
                  params: Mapping[str, Any]) -> None:
        tx.run(self.delete_cypher(), plan_keys=list(keys)).consume()
        plan_ids = [k for k in keys if k]
        if plan_ids:
            tx.run(self.compute_cypher(), {**params, "plan_ids": plan_ids}).consume()
        if "" in keys:
            tx.run(self.compute_cypher(unplanned=True), params).consume()

    def schema(self) -> list[str]:
        return [f"CREATE INDEX stratgraph_fact_{self.kind.lower()}_count_plan IF NOT EXISTS "
                f"FOR (c:{self.count_label}) ON (c.plan_key)"]


COUNT_FACTS: dict[str, PlanCounts] = {
    q.name: q
    for q in (
        PlanCounts(
            "deadlines", "Deadlines",
            find="MATCH (a:Stratgraph:Action)\n  WHERE ($plan IS NULL OR a.plan_id IN plan_ids)",
            own="MATCH (a:Stratgraph:Action)\n  WHERE {own}",
            return_start="RETURN p.name AS plan, t.name AS theme, a.name AS action",
            value="quarter",
            context_start="OPTIONAL MATCH (p:Stratgraph:Plan {id: a.plan_id})",
            value_start="WITH a, p, t, [x IN split(",
            value_of="deadline",
        ),
    )
}


@dataclass(frozen=True, slots=True)
class StrategyCounts:
    """A query whose summary (rows per strategy and tallied value) is kept as
    ``:<kind>Count`` nodes, one per (strategy node, value), written by the query's own
    per-strategy work (its ``CALL (s)``) for the touched strategies.

    Which strategies a write must refresh: plans do not bound them, because a SUPPORTS
    chain crosses plans (an action of one plan supporting another plan's outcome) and a
    strategy node is shared by every plan that references it. A strategy's rows read its
    REFERENCES links, the nodes x referencing it, every SUPPORTS link and node on a chain
    from x, and the outcomes at the chains' ends. So a write refreshes every strategy that
    is, or is referenced by a node reaching through SUPPORTS links (any number, any plan),
    a node the write names (its nodes and both ends of its relationships) or removes (the
    replaced documents' nodes and the ends of their relationships): walked before the write,
    for the chains it cuts, and after it, for the chains it makes (:func:`touched_strategies`).
    The strategy's name is joined when the summary is read.
    """

    name: str
    kind: str
    call_start: str
    return_start: str
    value: str
    #: Where the call's per-row work starts (its aggregation into one row per group), and
    #: what stands for it when only the groups are counted: the groups' keys and the
    #: tallied column as the call returns it. The evidence, via and hops of every row were
    #: most of a whole refresh's time at 1M nodes, and a count never reads them.
    rows_start: str = ""
    groups: str = ""

    @property
    def count_label(self) -> str:
        return f"{self.kind}Count"

    def compute_cypher(self) -> str:
        text = _query_text(self.name)
        _, call, _ = _cut(text, self.call_start, self.return_start, self.name)
        if self.rows_start:
            start = call.find(self.rows_start)
            if start < 0 or call.find(self.rows_start, start + 1) >= 0:
                raise QueryError(f"{self.name}.cypher no longer has the shape its facts expect")
            call = call[:start] + self.groups + "}\n"
        return ("UNWIND $strategy_ids AS sid\nMATCH (s:Stratgraph:Strategy {id: sid})\n"
                + call + f"WITH s, {self.value} AS value, count(*) AS n\n"
                f"CREATE (:{FACT_LABEL}:{self.count_label} "
                "{strategy_id: s.id, value: value, n: n})")

    def delete_cypher(self) -> str:
        return ("UNWIND $strategy_ids AS sid\n"
                f"CALL (sid) {{ MATCH (c:{self.count_label} {{strategy_id: sid}}) DELETE c }}")

    def summary_cypher(self) -> str:
        return (f"MATCH (c:{self.count_label})\n"
                "MATCH (s:Stratgraph:Strategy {id: c.strategy_id})\n"
                "RETURN collect([s.name, c.value, c.n]) AS triples")

    def schema(self) -> list[str]:
        return [f"CREATE INDEX stratgraph_fact_{self.kind.lower()}_strategy IF NOT EXISTS "
                f"FOR (c:{self.count_label}) ON (c.strategy_id)"]


STRATEGY_FACTS: dict[str, StrategyCounts] = {
    q.name: q
    for q in (
        # A row per (s, o, p) group; p is o's plan (at most one: ids are unique), so the
        # rows are the distinct (s, o), each with its outcome's level.
        StrategyCounts("strategy-feeds", "StrategyFeeds", call_start="CALL (s) {",
                       return_start="RETURN s.name AS strategy", value="outcome_level",
                       rows_start="  WITH s, o, p, collect(x.name) AS vias",
                       groups="  WITH DISTINCT s, o, p\n  RETURN o.level AS outcome_level\n"),
    )
}

#: The queries whose summary alone is kept (their pages and rows run live).
SUMMARY_FACTS: dict[str, PlanCounts | StrategyCounts] = {**COUNT_FACTS, **STRATEGY_FACTS}
#: Strategies recomputed per transaction by :func:`refresh_all`.
STRATEGIES_PER_TRANSACTION = 500


def _touched_strategies_cypher() -> str:
    """Ids of the strategies that are, or are referenced by a node reaching through SUPPORTS
    links, a node of the replaced documents ``$docs`` (or an end of one of their
    relationships) or a stored node of ``$ids``."""
    from stratgraph.graph.model import RelType

    by_type = "".join(
        "UNION\n"
        f"  UNWIND $docs AS doc\n  MATCH (a:Stratgraph)-[r:{t.value}]->(b:Stratgraph)\n"
        "  WHERE r.source_document = doc\n  UNWIND [a, b] AS n\n  RETURN n\n" for t in RelType)
    return (
        "CALL () {\n"
        "  MATCH (n:Stratgraph) WHERE n.source_document IN $docs\n  RETURN n\n"
        + by_type
        + "UNION\n  UNWIND $ids AS id\n  MATCH (n:Stratgraph {id: id})\n  RETURN n\n}\n"
        "WITH DISTINCT n\n"
        "CALL (n) {\n"
        "  MATCH (s:Stratgraph:Strategy)<-[:REFERENCES]-(:Stratgraph)-[:SUPPORTS*0..]->(n)\n"
        "  RETURN s\n"
        "UNION\n"
        "  WITH n WHERE n:Strategy\n  RETURN n AS s\n"
        "}\n"
        "RETURN collect(DISTINCT s.id) AS ids"
    )


def touched_strategies(tx: ManagedTransaction, docs: Collection[str],
                       ids: Sequence[str]) -> list[str]:
    """The strategies whose strategy-feeds rows a write of nodes ``ids`` replacing ``docs``
    may change, as the graph stands now (see :class:`StrategyCounts`)."""
    if not STRATEGY_FACTS or (not docs and not ids):
        return []
    record = tx.run(_touched_strategies_cypher(), docs=sorted(docs), ids=list(ids)
                    ).single(strict=True)
    return sorted(record["ids"])


def _all_strategies(tx: ManagedTransaction) -> list[str]:
    return tx.run("RETURN COLLECT { MATCH (s:Stratgraph:Strategy) RETURN s.id } AS ids"
                  ).single(strict=True)["ids"]


def _recompute_strategies(tx: ManagedTransaction, strategies: Sequence[str]) -> None:
    """The per-strategy facts of ``strategies`` (a strategy since removed loses them)."""
    params = _params()
    for spec in STRATEGY_FACTS.values():
        tx.run(spec.delete_cypher(), strategy_ids=list(strategies)).consume()
        tx.run(spec.compute_cypher(), {**params, "strategy_ids": list(strategies)}).consume()


def touched_leads(tx: ManagedTransaction, keys: Sequence[str], ids: Sequence[str]) -> list[str]:
    """Ids of the leads that own something in the plans ``keys`` ('' for items without a
    plan), and of the leads among ``ids``."""
    record = tx.run(
        "RETURN COLLECT { MATCH (l:Stratgraph:CabinetLead)-[:OWNS]->(x) "
        "                 WHERE coalesce(x.plan_id, '') IN $keys RETURN DISTINCT l.id "
        "        UNION UNWIND $ids AS id MATCH (l:Stratgraph:CabinetLead {id: id}) "
        "                 RETURN DISTINCT l.id } AS ids",
        keys=list(keys), ids=list(ids)).single(strict=True)
    return sorted(record["ids"])


def _all_leads(tx: ManagedTransaction) -> list[str]:
    return tx.run("RETURN COLLECT { MATCH (l:Stratgraph:CabinetLead) RETURN l.id } AS ids"
                  ).single(strict=True)["ids"]


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
        "WITH p.name AS grp, split(c.combos[i], $join) AS value, c.counts[i] AS n\n"
        # One record: decoding a record each took longer than the counting at 2,000 plans.
        "RETURN collect([grp, value, n]) AS triples"
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
    for row_spec in ROW_FACTS.values():
        statements += [x for x in row_spec.schema() if x not in statements]
    for summary_spec in SUMMARY_FACTS.values():
        statements += [x for x in summary_spec.schema() if x not in statements]
    from stratgraph.graph import neo4j_pair_facts

    statements += neo4j_pair_facts.schema_statements()
    from stratgraph.graph import neo4j_overview_facts

    statements += neo4j_overview_facts.schema_statements()
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


@dataclass(frozen=True, slots=True)
class Touched:
    """What a write may change: plan keys, and the leads whose rows must be read again."""

    plans: tuple[str, ...]
    leads: tuple[str, ...]
    #: The strategies found before the write, and the nodes it names (walked again after).
    strategies: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    #: The store had no complete facts when the write began: the write ends with
    #: :func:`refresh_all`, so what it touches was never looked up.
    refresh: bool = False


def begin_write(tx: ManagedTransaction, graph: GraphData, docs: Collection[str]) -> Touched:
    """Before a write: count it as pending and return what it touches (the leads found now,
    before the write, include those whose OWNS links the write is about to remove).

    When the store holds no complete facts (a first load into an empty store, or facts of
    an older version), the write will refresh them all, so nothing is looked up: those
    look-ups sent every id of the write to the server twice (issue #17)."""
    record = tx.run(f"MERGE (m:{META_LABEL} {{id: 'facts'}}) "
                    "SET m.pending = coalesce(m.pending, 0) + 1 "
                    "RETURN m.complete = true AND m.version = $version AS complete",
                    version=VERSION).single(strict=True)
    if not record["complete"]:
        return Touched((), (), refresh=True)
    keys = touched_plans(tx, graph, docs)
    # What the pair answers read of these plans, as it stands before the write, when a whole
    # refresh left them undigested (graph/neo4j_pair_facts.py note_baseline).
    from stratgraph.graph import neo4j_pair_facts

    neo4j_pair_facts.note_baseline(tx, keys)
    ids = sorted({*graph.nodes, *(i for r in graph.relationships.values()
                                  for i in (r.start, r.end))})
    leads = touched_leads(tx, keys, ids)
    strategies = touched_strategies(tx, docs, ids)
    return Touched(tuple(keys), tuple(leads), tuple(strategies), tuple(ids))


def _lock(tx: ManagedTransaction) -> dict[str, Any]:
    record = tx.run(f"MERGE (m:{META_LABEL} {{id: 'facts'}}) SET m.locked = true "
                    "RETURN m.complete = true AND m.version = $version AS complete",
                    version=VERSION).single(strict=True)
    return {"complete": bool(record["complete"])}


def _recompute(tx: ManagedTransaction, keys: Sequence[str], *, digest: bool = True) -> None:
    """The per-plan facts (per item, per scope) of the plans ``keys`` (``digest``: see
    :func:`stratgraph.graph.neo4j_pair_facts.recompute`)."""
    params = _params()
    plan_ids = [k for k in keys if k]
    for spec in FACT_QUERIES.values():
        tx.run(delete_cypher(spec), plan_keys=list(keys)).consume()
        if plan_ids:
            tx.run(compute_cypher(spec), {**params, "plan_ids": plan_ids}).consume()
        if "" in keys:
            tx.run(compute_cypher(spec, unplanned=True), params).consume()
        tx.run(count_cypher(spec), plan_keys=list(keys), join=_JOIN).consume()
    plan_ids = [k for k in keys if k]
    for scope in SCOPE_FACTS.values():
        before = tx.run(scope.row_keys_cypher(), plan_keys=list(keys)).single(strict=True)
        tx.run(scope.delete_cypher(), plan_keys=list(keys)).consume()
        if plan_ids:
            tx.run(scope.compute_cypher(), {**params, "plan_ids": plan_ids}).consume()
        if "" in keys:
            tx.run(scope.compute_cypher(unplanned=True), params).consume()
        after = tx.run(scope.row_keys_cypher(), plan_keys=list(keys)).single(strict=True)
        # The scopes these plans contributed to before or contribute to now (a removed
        # scope's row goes: it has no contributions left, and no scope node).
        rows = sorted(set(before["keys"]) | set(after["keys"]))
        tx.run(scope.row_delete_cypher(), keys=rows).consume()
        tx.run(scope.row_compute_cypher(), {**params, "keys": rows}).consume()
    for count in COUNT_FACTS.values():
        count.recompute(tx, keys, params)
    # cross-theme-dependencies and plan-evolution (graph/neo4j_pair_facts.py).
    from stratgraph.graph import neo4j_pair_facts

    neo4j_pair_facts.recompute(tx, keys, digest=digest)


def _recompute_leads(tx: ManagedTransaction, leads: Sequence[str]) -> None:
    """The per-lead facts of the leads ``leads`` (a lead since removed loses its fact)."""
    params = _params()
    for spec in LEAD_FACTS.values():
        tx.run(spec.delete_cypher(), lead_ids=list(leads)).consume()
        tx.run(spec.compute_cypher(), {**params, "lead_ids": list(leads)}).consume()


def _params() -> dict[str, Any]:
    # The named queries' own parameters: no filter, every link counts (min_confidence 0).
    return {"plan": None, "theme": None, "reason": None, "level": None, "scope": None,
            "strategy": None, "outcome": None, "min_confidence": 0.0, "sep": "\u0000", "key_cut": KEY_CUT}


def _settle(tx: ManagedTransaction, *, pending: int | None,
            complete: bool | None = None) -> None:
    # cross-theme-dependencies' and plan-evolution's answers, counted once per write from
    # the facts as they now stand (graph/neo4j_pair_facts.py).
    from stratgraph.graph import neo4j_pair_facts

    neo4j_pair_facts.store_answers(tx)
    tx.run(f"MATCH (m:{META_LABEL} {{id: 'facts'}}) "
           f"CALL () {{ RETURN {_COUNTS} }} "
           "SET m.pending = CASE WHEN $pending IS NULL THEN 0 "
           "                     WHEN coalesce(m.pending, 0) >= $pending "
           "                     THEN coalesce(m.pending, 0) - $pending ELSE 0 END, "
           "    m.complete = coalesce($complete, m.complete), "
           "    m.version = CASE WHEN $complete THEN $version ELSE m.version END, "
           "    m.nodes = nodes, m.relationships = relationships, "
           "    m.writes = coalesce(m.writes, 0) + 1",
           pending=pending, complete=complete, version=VERSION).consume()


def finish_write(session: Session, touched: Touched) -> None:
    """After a write: recompute the touched plans' facts and the touched leads' (those found
    before the write, and those that own something in a touched plan now), or everything
    when the store has never had facts; count the write as done."""
    if touched.refresh:
        refresh_all(session, pending=1)
        return
    if len(touched.plans) > PLANS_PER_TRANSACTION:
        _finish_in_parts(session, touched)
        return

    def work(tx: ManagedTransaction) -> bool:
        if not _lock(tx)["complete"]:
            return False
        keys = list(touched.plans)
        _recompute(tx, keys)
        ids = set(touched.leads) | set(touched_leads(tx, keys, list(touched.leads)))
        _recompute_leads(tx, sorted(ids))
        strategies = set(touched.strategies) | set(touched_strategies(tx, (), touched.ids))
        _recompute_strategies(tx, sorted(strategies))
        _settle(tx, pending=1)
        return True

    if not session.execute_write(work):
        refresh_all(session, pending=1)


def _finish_in_parts(session: Session, touched: Touched) -> None:
    """finish_write for a write touching more plans than one transaction holds (a national
    load): all in one transaction ran out of transaction memory at 1M nodes, and ran 2 to 3x
    slower on a 1,200-plan load than in parts. Readers never see
    the parts half done: the write stays pending (facts not current) until the last part
    settles it."""

    def parts(items: Sequence[str], size: int,
              step: Callable[[ManagedTransaction, Sequence[str]], None]) -> bool:
        def one(tx: ManagedTransaction, chunk: Sequence[str]) -> bool:
            if not _lock(tx)["complete"]:
                return False
            step(tx, chunk)
            return True

        return all(session.execute_write(one, items[i:i + size])
                   for i in range(0, len(items), size))

    keys = list(touched.plans)
    leads = sorted(set(touched.leads)
                   | set(session.execute_read(touched_leads, keys, list(touched.leads))))
    done = (parts(keys, PLANS_PER_TRANSACTION, _recompute)
            and parts(leads, LEADS_PER_TRANSACTION, _recompute_leads))
    if done:
        strategies = sorted(set(touched.strategies)
                            | set(session.execute_read(touched_strategies, (), touched.ids)))
        done = parts(strategies, STRATEGIES_PER_TRANSACTION, _recompute_strategies)

    def settle(tx: ManagedTransaction) -> bool:
        if not _lock(tx)["complete"]:
            return False
        _settle(tx, pending=1)
        return True

    if not (done and session.execute_write(settle)):
        refresh_all(session, pending=1)


def _all_plan_keys(tx: ManagedTransaction) -> list[str]:
    keys: set[str] = set()
    labels = {spec.item_label for spec in FACT_QUERIES.values()}
    labels |= {label for scope in SCOPE_FACTS.values() for label in scope.labels}
    for label in sorted(labels):
        record = tx.run(
            f"RETURN COLLECT {{ MATCH (n:Stratgraph:{label}) "
            "WHERE n.plan_id IS NOT NULL RETURN DISTINCT n.plan_id } AS ids, "
            f"EXISTS {{ MATCH (u:Stratgraph:{label}) WHERE u.plan_id IS NULL }} "
            "AS unplanned").single(strict=True)
        keys.update(record["ids"])
        if record["unplanned"]:
            keys.add("")
    return sorted(keys)


def refresh_all(session: Session, *, pending: int | None = None) -> None:
    """Recompute every plan's facts, :data:`PLANS_PER_TRANSACTION` plans per transaction,
    and mark the facts complete. ``pending``: the writes this refresh settles (``None``, a
    repair run while no build runs: every write counted as begun is settled)."""

    from stratgraph.graph import neo4j_pair_facts

    def clear(tx: ManagedTransaction) -> int:
        _lock(tx)
        # Every plan's pair facts are made below, chunk by chunk: marked as this version's
        # now, the first chunk does not make them all first (neo4j_pair_facts.recompute).
        tx.run(f"MATCH (m:{META_LABEL} {{id: 'facts'}}) SET m.complete = false, "
               "m.pair_facts = $pair_version",
               pair_version=neo4j_pair_facts.VERSION).consume()
        return tx.run(f"MATCH (f:{FACT_LABEL}) WITH f LIMIT 50000 DELETE f "
                      "RETURN count(*) AS n").single(strict=True)["n"]

    while session.execute_write(clear):
        pass
    keys = sorted(set(session.execute_read(_all_plan_keys))
                  | set(session.execute_read(neo4j_pair_facts.plan_keys)))
    for start in range(0, len(keys), PLANS_PER_TRANSACTION):
        chunk = keys[start:start + PLANS_PER_TRANSACTION]
        # No digests of the pair answers' inputs: the answers are counted at the settle
        # anyway (neo4j_pair_facts.note_baseline takes them when a write needs them).
        session.execute_write(lambda tx, c=chunk: (_lock(tx), _recompute(tx, c, digest=False)))
    leads = session.execute_read(_all_leads)
    for start in range(0, len(leads), LEADS_PER_TRANSACTION):
        chunk = leads[start:start + LEADS_PER_TRANSACTION]
        session.execute_write(lambda tx, c=chunk: (_lock(tx), _recompute_leads(tx, c)))
    strategies = session.execute_read(_all_strategies)
    for start in range(0, len(strategies), STRATEGIES_PER_TRANSACTION):
        chunk = strategies[start:start + STRATEGIES_PER_TRANSACTION]
        session.execute_write(lambda tx, c=chunk: (_lock(tx), _recompute_strategies(tx, c)))

    def done(tx: ManagedTransaction) -> None:
        _lock(tx)
        _settle(tx, pending=pending, complete=True)

    session.execute_write(done)


def current(tx: ManagedTransaction) -> bool:
    """True when the facts are known to match the graph (see the module docstring)."""
    record = tx.run(f"OPTIONAL MATCH (m:{META_LABEL} {{id: 'facts'}}) "
                    f"CALL () {{ RETURN {_COUNTS} }} "
                    "RETURN m IS NOT NULL AND m.complete = true AND m.pending = 0 "
                    "AND m.version = $version "
                    "AND m.nodes = nodes AND m.relationships = relationships AS ok",
                    version=VERSION).single(strict=True)
    return bool(record["ok"])


def stamp(tx: ManagedTransaction) -> tuple[int, int, int] | None:
    """What identifies the graph the current facts describe: the meta node's count of
    settled writes and refreshes, and the node and relationship counts; ``None`` when the
    facts are not current. Anything answered from current facts may be kept under it: any
    write through stratgraph changes it, and anything else sends it back to ``None``."""
    record = tx.run(f"OPTIONAL MATCH (m:{META_LABEL} {{id: 'facts'}}) "
                    f"CALL () {{ RETURN {_COUNTS} }} "
                    "RETURN m IS NOT NULL AND m.complete = true AND m.pending = 0 "
                    "AND m.version = $version "
                    "AND m.nodes = nodes AND m.relationships = relationships AS ok, "
                    "coalesce(m.writes, 0) AS writes, nodes, relationships",
                    version=VERSION).single(strict=True)
    if not record["ok"]:
        return None
    return int(record["writes"]), int(record["nodes"]), int(record["relationships"])


def serves(name: str, params: Mapping[str, Any], *, page: bool) -> bool:
    """Whether the facts can answer this call (they hold the unfiltered answer at
    ``min_confidence`` 0; a page may still ask for one reason)."""
    if (params.get("min_confidence") or 0.0) != 0.0:
        return False
    if name in SUMMARY_FACTS:
        # Only the unfiltered summary is kept; rows and pages run live, but for a page of
        # deadlines, found from its counts (PlanCounts.page_rows).
        return ((not page or name in COUNT_FACTS)
                and all(v is None for k, v in params.items() if k != "min_confidence"))
    if name not in FACT_QUERIES and name not in ROW_FACTS:
        return False
    if name in ROW_FACTS:
        row_spec = ROW_FACTS[name]
        allowed = {"min_confidence", *getattr(row_spec, "allowed", ())}
    else:
        allowed = {"min_confidence", "reason"} if page else {"min_confidence"}
    return all(value is None for key, value in params.items() if key not in allowed)


def summary_triples(tx: ManagedTransaction, name: str,
                    params: Mapping[str, Any] | None = None) -> list[tuple[Any, Any, int]]:
    if name in COUNT_FACTS:
        return COUNT_FACTS[name].summary_triples(tx)
    if name in SUMMARY_FACTS:
        record = tx.run(SUMMARY_FACTS[name].summary_cypher()).single(strict=True)
        return [(g, v, int(n)) for g, v, n in record["triples"]]
    if name in SCOPE_FACTS:
        from stratgraph.graph.queries import get_query

        query = get_query(name)
        text = SCOPE_FACTS[name].summary_cypher(query.group, query.tally)
        record = tx.run(text, dict(params or {})).single(strict=True)
        return [(g, v, int(n)) for g, v, n in record["triples"]]
    if name in ROW_FACTS:
        from stratgraph.graph.queries import get_query, summary_cypher as counted

        text = counted(get_query(name), ROW_FACTS[name].read_cypher())
        return [(r["grp"], r["value"], int(r["n"])) for r in tx.run(text, dict(params or {}))]
    spec = FACT_QUERIES[name]
    record = tx.run(summary_cypher(spec), join=_JOIN).single(strict=True)
    return [(g, v, int(n)) for g, v, n in record["triples"]]


def page_params(params: Mapping[str, Any], offset: int, limit: int) -> dict[str, Any]:
    return {"reason": params.get("reason"), "scan": offset + limit,
            "page_offset": offset, "page_limit": limit}


def page_rows(tx: ManagedTransaction, name: str, params: Mapping[str, Any], offset: int,
              limit: int | None) -> list[dict[str, Any]]:
    """Rows ``offset`` to ``offset + limit`` (every row with ``limit`` None: only for the
    queries of :data:`ROW_FACTS`, whose facts are their whole answer)."""
    if name in ROW_FACTS:
        from stratgraph.graph.queries import paged_cypher

        text, extra = paged_cypher(ROW_FACTS[name].read_cypher(), offset, limit)
        return [r.data() for r in tx.run(text, {**params, **extra})]
    if limit is None:
        raise QueryError(f"{name}: the facts give its rows a page at a time")
    if name in COUNT_FACTS:
        return COUNT_FACTS[name].page_rows(tx, params, offset, limit)
    spec = FACT_QUERIES[name]
    return [r.data() for r in tx.run(page_cypher(spec), page_params(params, offset, limit))]

