"""The named queries planners ask: a registry of name -> description, parameters, columns.

Every query exists twice and gives the same rows: as Cypher in ``cypher/<name>.cypher`` (run by
the Neo4j store with the parameters as Cypher parameters) and as a Python function over the
embedded store's networkx graph (``queries_actions``, ``queries_links``). Rows are dicts whose
keys are the query's columns in order; row order and every list in a row are deterministic.

Parameters are optional and default to null, meaning no filter; ``min_confidence`` (0 by
default) is the lowest confidence an inferred link needs to count, while stated and curated
links always count. :func:`prepare_params` checks and converts parameters for both stores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from itertools import islice
from typing import TYPE_CHECKING, Any

from stratgraph.graph import queries_actions as qa
from stratgraph.graph import queries_deadlines as qd
from stratgraph.graph import queries_links as ql
from stratgraph.graph.queries_view import View

from stratgraph.errors import QueryError

if TYPE_CHECKING:
    from stratgraph.graph.embedded import EmbeddedStore
    from stratgraph.graph.store import GraphStore

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Param:
    """One query parameter: its name, meaning, type and (when closed) allowed values."""

    name: str
    description: str
    type: type = str
    choices: tuple[str, ...] = ()
    default: Any = None

    def convert(self, query: str, value: Any) -> Any:
        """The value as the query uses it (empty means not given); QueryError when it cannot be."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return self.default
        try:
            if self.type is float:
                converted: Any = float(value)
                if not 0.0 <= converted <= 1.0:
                    raise ValueError("must be within 0..1")
            else:
                converted = str(value).strip()
        except (TypeError, ValueError) as exc:
            raise QueryError(f"{query}: parameter {self.name}={value!r}: {exc}") from None
        if self.choices:
            folded = {c.lower(): c for c in self.choices}
            if str(converted).lower() not in folded:
                raise QueryError(
                    f"{query}: parameter {self.name}={value!r}: choose from "
                    f"{', '.join(self.choices)}"
                )
            converted = folded[str(converted).lower()]
        return converted


@dataclass(frozen=True, slots=True)
class QuerySpec:
    """A named query: what it answers, its parameters and columns, and the embedded version."""

    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[tuple[str, str], ...]
    embedded: Callable[[View, dict[str, Any]], list[Row]]
    #: The summary's rows: one per value of ``group``, counting rows and each value of
    #: ``tally`` (a list column counts each of its items), e.g. orphan actions per plan and
    #: reason.
    group: str = "plan"
    tally: str | None = None

    @property
    def column_names(self) -> list[str]:
        """The columns in row order."""
        return [c for c, _ in self.columns]

    @property
    def cypher_file(self) -> str:
        """The Cypher file name inside package ``stratgraph.cypher``."""
        return f"{self.name}.cypher"


MIN_CONFIDENCE = Param(
    "min_confidence",
    "lowest confidence an inferred link needs to count (stated links always count)",
    float,
    default=0.0,
)
PLAN = Param("plan", "only this plan: its id, name or document file name (any case)")
THEME = Param("theme", "only this theme, by name (any case) or id")

_EVIDENCE = ("evidence", "document:line of every link behind the row")
_SOURCE = (
    ("source_document", "document the item is read from"),
    ("source_line", "its line in that document"),
)

QUERIES: dict[str, QuerySpec] = {
    q.name: q
    for q in (
        QuerySpec(
            "orphan-actions",
            "Actions that reach no declared outcome, or have no measure, owner or deadline.",
            (
                Param("reason", "only actions with this reason", choices=qa.ACTION_REASONS),
                THEME,
                PLAN,
                MIN_CONFIDENCE,
            ),
            (
                ("plan", "plan name"),
                ("theme", "theme name (null when the action sits directly under the plan)"),
                ("action", "action name"),
                ("action_id", "action id"),
                ("reasons", "sorted codes: NO_DEADLINE, NO_MEASURE, NO_OUTCOME, NO_OWNER"),
                ("inferred", "tests passed only through inferred links (measure, outcome, owner)"),
                ("deadline", "the deadline as written, or null"),
                ("plan_id", "plan id"),
                ("theme_id", "theme id"),
                *_SOURCE,
            ),
            qa.orphan_actions,
            tally="reasons",
        ),
        QuerySpec(
            "unsupported-outcomes",
            "Declared outcomes no action supports, or that nothing measures.",
            (
                Param("reason", "only outcomes with this reason", choices=qa.OUTCOME_REASONS),
                THEME,
                PLAN,
                Param("level", "only outcomes of this level (strategic, theme, priority, ...)"),
                MIN_CONFIDENCE,
            ),
            (
                ("plan", "plan name"),
                ("theme", "theme name (null when the outcome sits directly under the plan)"),
                ("outcome", "outcome name"),
                ("outcome_id", "outcome id"),
                ("level", "outcome level"),
                ("reasons", "sorted codes: NO_MEASURE, NO_SUPPORT"),
                ("inferred", "of measure, support: the tests passed only through inferred links"),
                ("plan_id", "plan id"),
                ("theme_id", "theme id"),
                *_SOURCE,
            ),
            qa.unsupported_outcomes,
            tally="reasons",
        ),
        QuerySpec(
            "coverage",
            "Per plan and theme: share of actions with outcome, measure, owner, deadline, all four.",
            (
                Param("scope", "only plan rows or only theme rows", choices=("plan", "theme")),
                PLAN,
                MIN_CONFIDENCE,
            ),
            (
                ("scope", "plan or theme"),
                ("plan", "plan name"),
                ("theme", "theme name (null on plan rows)"),
                ("actions", "number of actions"),
                ("with_outcome", "share reaching a declared outcome (3 decimals; null: no actions)"),
                ("with_measure", "share with a measure"),
                ("with_owner", "share with an owner"),
                ("with_deadline", "share with a deadline"),
                ("golden", "share with all four: the golden thread"),
                ("measures", "measures in the scope (with_measure 0.0 and measures > 0: none "
                             "tied to a single action)"),
                ("plan_id", "plan id"),
                ("theme_id", "theme id (null on plan rows)"),
                *_SOURCE,
            ),
            qa.coverage,
            tally="scope",
        ),
        QuerySpec(
            "deadlines",
            "Every action with a deadline: as written, and the calendar quarter it falls in.",
            (THEME, PLAN),
            (
                ("plan", "plan name"),
                ("theme", "theme name (null when the action sits directly under the plan)"),
                ("action", "action name"),
                ("action_id", "action id"),
                ("deadline", "the deadline as written"),
                ("quarter", "calendar quarter of the latest date it names ('2025-Q1'; a "
                            "financial year ends in Q1, a bare year in Q4; null: no year)"),
                ("plan_id", "plan id"),
                ("theme_id", "theme id"),
                *_SOURCE,
            ),
            qd.deadlines,
            tally="quarter",
        ),
        QuerySpec(
            "lead-portfolio",
            "Per cabinet lead: themes, actions and measures owned, and the gaps among them.",
            (
                Param("lead", "only this lead, by name, alias (any case) or id"),
                MIN_CONFIDENCE,
            ),
            (
                ("lead", "lead name"),
                ("role", "role, when given"),
                ("portfolio", "portfolio, when given"),
                ("themes", "names of themes owned"),
                ("actions", "number of actions owned, directly or through owned themes"),
                ("measures", "number of measures in owned themes or on owned actions/outcomes"),
                ("orphan_actions", "names of owned actions that orphan-actions lists"),
                ("themes_without_measures", "names of owned themes with no measure at all"),
                ("lead_id", "lead id"),
                _EVIDENCE,
                ("matched", "how each portfolio link reached its theme: "
                            "'theme: area = matched words (by)'"),
            ),
            qa.lead_portfolio,
            group="portfolio",
        ),
        QuerySpec(
            "cross-theme-dependencies",
            "Pairs of themes tied by an explicit reference or a shared strategy or partnership.",
            (
                Param("kind", "only this kind of link", choices=ql.DEPENDENCY_KINDS),
                Param("theme", "only pairs with this theme on either side (name or id)"),
                Param("plan", "only pairs with a theme of this plan (id, name or document)"),
                MIN_CONFIDENCE,
            ),
            (
                ("theme_a", "explicit: the theme that depends; shared: the lower theme id"),
                ("plan_a", "plan of theme_a"),
                ("theme_b", "explicit: the theme depended on; shared: the higher theme id"),
                ("plan_b", "plan of theme_b"),
                ("kind", "explicit, shared-partnership or shared-strategy"),
                ("via", "explicit: the quoted references; shared: the strategies/partnerships"),
                ("strength", "distinct links: DEPENDS_ON links, or shared strategies/partnerships"),
                _EVIDENCE,
                ("theme_a_id", "id of theme_a"),
                ("theme_b_id", "id of theme_b"),
            ),
            ql.cross_theme_dependencies,
            group="plan_a",
            tally="kind",
        ),
        QuerySpec(
            "strategy-feeds",
            "The outcomes a strategy feeds via the actions and outcomes that reference it.",
            (
                Param("strategy", "only this strategy, by name, alias (any case) or id"),
                Param("outcome", "only this outcome, by name (any case) or id"),
                Param("level", "only outcomes of this level"),
                PLAN,
                MIN_CONFIDENCE,
            ),
            (
                ("strategy", "strategy name"),
                ("outcome", "outcome name"),
                ("outcome_level", "outcome level"),
                ("plan", "plan of the outcome"),
                ("via", "names of the actions/outcomes that reference the strategy"),
                ("hops", "shortest chain: 1 = the outcome references it, 2 = an action under it"),
                _EVIDENCE,
                ("inferred", "true when every chain uses an inferred link"),
                ("strategy_id", "strategy id"),
                ("outcome_id", "outcome id"),
            ),
            ql.strategy_feeds,
            group="strategy",
            tally="outcome_level",
        ),
        QuerySpec(
            "plan-evolution",
            "Strategies, partnerships and themes across plans over time: first, last, dropped.",
            (
                Param("kind", "only this kind of item", choices=ql.EVOLUTION_KINDS),
                Param("name", "only the item with this name (any case)"),
                Param("organisation", "only the plans this organisation published (any case)"),
                MIN_CONFIDENCE,
            ),
            (
                ("kind", "strategy, partnership or theme"),
                ("item", "its name (a theme: as the first plan words it)"),
                ("first_plan", "first plan it appears in (by start year)"),
                ("first_year", "that plan's start year"),
                ("last_plan", "last plan it appears in"),
                ("last_year", "that plan's start year"),
                ("plans", "every plan it appears in, oldest first"),
                ("dropped_in", "later plans of the same organisation(s) without it"),
                ("key", "shared node id, or a theme's normalised name"),
                _EVIDENCE,
            ),
            ql.plan_evolution,
            group="kind",
        ),
    )
}


def list_queries() -> list[QuerySpec]:
    """Every named query, by name."""
    return [QUERIES[name] for name in sorted(QUERIES)]


def get_query(name: str) -> QuerySpec:
    """The named query; QueryError naming the choices when there is none."""
    try:
        return QUERIES[name]
    except KeyError:
        raise QueryError(
            f"unknown query {name!r} (choose from: {', '.join(sorted(QUERIES))})"
        ) from None


def prepare_params(name: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Every parameter of the query, converted, with null for those not given.

    Raises QueryError for an unknown query, an unknown parameter or a bad value.
    """
    spec = get_query(name)
    given = dict(params or {})
    known = {p.name for p in spec.params}
    unknown = sorted(set(given) - known)
    if unknown:
        raise QueryError(
            f"{name}: unknown parameter(s) {', '.join(unknown)} "
            f"(takes: {', '.join(p.name for p in spec.params)})"
        )
    return {p.name: p.convert(name, given.get(p.name)) for p in spec.params}


def cypher_text(name: str) -> str:
    """The Cypher of a named query, from package data ``stratgraph.cypher``."""
    spec = get_query(name)
    return resources.files("stratgraph.cypher").joinpath(spec.cypher_file).read_text("utf-8")


def run_embedded(store: EmbeddedStore, name: str, params: Mapping[str, Any]) -> list[Row]:
    """Rows of a named query over the embedded store's networkx graph."""
    spec = get_query(name)
    prepared = prepare_params(name, params)
    view = View(store.query_graph(name, prepared), prepared.get("min_confidence") or 0.0)
    rows = spec.embedded(view, prepared)
    return [{c: row[c] for c in spec.column_names} for row in rows]


def run_query(store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
    """Rows of a named query on any store, parameters checked first."""
    return store.run_query(name, prepare_params(name, params))


# -- pages and summaries: what both stores share ------------------------------------------

SUMMARY_ROWS = "rows"


def summary_columns(spec: QuerySpec, rows: list[Row]) -> list[str]:
    """The summary's columns: the group, ``rows``, then each tallied value found."""
    extra = sorted({k for row in rows for k in row} - {spec.group, SUMMARY_ROWS})
    return [spec.group, SUMMARY_ROWS, *extra]


def tally(spec: QuerySpec, groups: Iterable[tuple[Any, Any, int]]) -> list[Row]:
    """Summary rows from (group value, tally value, row count) triples, in group order (null
    last); each row holds the group, its number of rows and a count per tallied value
    (``NO_OUTCOME`` for an item of a list column, ``scope=plan`` for a plain column's value)."""
    by_group: dict[Any, Row] = {}
    for group, value, n in groups:
        row = by_group.setdefault(group, {spec.group: group, SUMMARY_ROWS: 0})
        row[SUMMARY_ROWS] += n
        if spec.tally is None:
            continue
        # A list column holds codes (NO_OUTCOME, ...) that name themselves; a plain column's
        # value is named with its column ("scope=plan"), which also keeps it apart from the
        # group's own column.
        keys = ([str(v) for v in value if v is not None] if isinstance(value, list)
                else [] if value is None else [f"{spec.tally}={value}"])
        for key in keys:
            row[key] = row.get(key, 0) + n
    rows = [by_group[g] for g in sorted(by_group, key=lambda g: (g is None, str(g)))]
    columns = summary_columns(spec, rows)
    return [{c: row.get(c, 0) for c in columns} for row in rows]


def summarise_rows(spec: QuerySpec, rows: Iterable[Row]) -> list[Row]:
    """The summary of a query's rows (the embedded store's way; Neo4j counts in Cypher)."""
    return tally(spec, ((r.get(spec.group), r.get(spec.tally) if spec.tally else None, 1)
                        for r in rows))


def summary_cypher(spec: QuerySpec, text: str) -> str:
    """Cypher counting the query's rows per group and tallied value, inside the database.

    Column names come from the registry, never from input.
    """
    tallied = spec.tally or "null"
    return (f"CALL {{\n{text.rstrip().rstrip(';')}\n}}\n"
            f"RETURN {spec.group} AS grp, {tallied} AS value, count(*) AS n")


def paged_cypher(text: str, offset: int, limit: int | None) -> tuple[str, dict[str, int]]:
    """The query with ``SKIP``/``LIMIT`` after its final ``ORDER BY``, and their parameters."""
    extra: dict[str, int] = {}
    text = text.rstrip().rstrip(";")
    if offset:
        text += "\nSKIP $page_offset"
        extra["page_offset"] = offset
    if limit is not None:
        text += "\nLIMIT $page_limit"
        extra["page_limit"] = limit
    return text, extra


def check_page(offset: int, limit: int | None) -> None:
    """QueryError for a negative offset or limit."""
    if offset < 0 or (limit is not None and limit < 0):
        raise QueryError("--offset and --limit must be 0 or more")


def stream_query(
    store: GraphStore,
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    offset: int = 0,
    limit: int | None = None,
) -> Iterator[Row]:
    """Rows ``offset`` to ``offset + limit`` of a named query on any store, one at a time."""
    check_page(offset, limit)
    prepared = prepare_params(name, params)
    streamer = getattr(store, "stream_query", None)
    if streamer is None:
        return islice(store.run_query(name, prepared), offset,
                      None if limit is None else offset + limit)
    return streamer(name, prepared, offset=offset, limit=limit)


def query_summary(store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
    """The summary of a named query on any store: rows per group and per tallied value."""
    prepared = prepare_params(name, params)
    summariser = getattr(store, "query_summary", None)
    if summariser is None:
        return summarise_rows(get_query(name), store.run_query(name, prepared))
    return summariser(name, prepared)


__all__ = [
    "QUERIES",
    "Param",
    "QuerySpec",
    "cypher_text",
    "get_query",
    "list_queries",
    "prepare_params",
    "run_embedded",
    "paged_cypher",
    "query_summary",
    "run_query",
    "stream_query",
    "summarise_rows",
    "summary_cypher",
    "tally",
]
