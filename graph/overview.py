"""The overview a cabinet member reads in a minute: each plan's health as a few counts.

Built only from the named queries (:mod:`stratgraph.graph.queries`), through the store's own
``run_query``/``query_summary``/``stream_query``, so every number here equals a named query's
rows and a national graph in Neo4j is counted inside the database, never read whole:

- golden-thread coverage per plan and theme (``coverage``);
- orphan actions and unsupported outcomes per plan and reason (their summaries);
- deadlines per plan and quarter, overdue when the quarter ended before ``today``
  (``deadlines``' summary);
- strategies shared across themes and plans (``cross-theme-dependencies`` kind
  ``shared-strategy``, ``plan-evolution`` kind ``strategy``, ``strategy-feeds``' summary);
- what changed between plan years (``plan-evolution``): items first named in a plan, and
  items a later plan of the same organisation dropped.

The rows behind each chart travel with it (the first :data:`ROW_LIMIT` of each query) so the
offline page can open them; ``total`` says how many there are.

A national graph (more than :data:`LIVE_PLANS` plans, the whole graph asked for) is answered
within a second on Neo4j by asking only what the store keeps as write-time facts
(graph/neo4j_facts.py: coverage, orphan-actions and unsupported-outcomes, summaries and first
pages; the deadlines summary): coverage carries every plan and the :data:`BOUNDED_ROWS`
weakest themes, deadlines every plan's quarters; the per-plan charts (coverage, orphan
actions, unsupported outcomes) draw the :data:`PLAN_LIMIT` worst plans, each by its own
measure, and a chosen plan's own bars; the tables carry only their totals (a bar's rows are
asked from the query when it is clicked: the explorer's API, or the query named offline);
shared strategies are the :data:`STRATEGY_LIMIT` strategies feeding the most outcomes
(strategy-feeds' summary: which themes and plans each ties would need the ~20M cross-theme
rows at 1M nodes); the changes between plan years are the :data:`PAIR_LIMIT` plan pairs (a
plan and the next plan of the same organisation) that changed most, with the strategies,
partnerships and themes kept, dropped and new as plan-evolution's rows count them (counted
with its pair answers at write time on Neo4j, from the write-time facts on the embedded
store: graph/pair_answers.py ``pair_changes``; every plan-evolution row took 102 s at 1M).
``notes`` says so and why, so no chart ever shows part of a count as if it were all of it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from stratgraph.graph.model import Label
from stratgraph.graph.queries import get_query, query_summary, run_query, stream_query
from stratgraph.graph.store import GraphStore

from stratgraph.errors import QueryError

#: Rows of each query kept for the click-through tables (the charts count them all).
ROW_LIMIT = 2000
#: Plans beyond which the whole-graph overview charts only what write-time facts answer.
LIVE_PLANS = 50
#: Weakest themes the bounded overview's coverage chart carries (the rest open from the
#: query). Its tables carry no rows at all, only their totals: a bar's rows are asked when
#: it is clicked. At 2,000 plans, 2,000 rows a table made a 3.4 MB page whose building and
#: sending took a third of the page's second.
BOUNDED_ROWS = 500
#: Strategies drawn in the shared-strategies chart (the most shared first).
STRATEGY_LIMIT = 20
#: Plan pairs drawn in a national graph's what-changed chart (the most changed first).
PAIR_LIMIT = 20
#: Plans drawn in a national graph's per-plan charts (coverage, orphan actions, unsupported
#: outcomes), the worst first by the chart's own measure; the page still carries every
#: plan's counts, drawn when the plan is chosen. At 2,000 plans the three charts drew 26,000
#: bars: 1.3-1.5 s of Chromium's main thread, most of the page's first view.
PLAN_LIMIT = 30
#: The summary column that counts a group's rows.
_ROWS = "rows"
#: Columns the tables leave out: ids and evidence lists are for links, not for reading.
_HIDDEN_SUFFIXES = ("_id",)
_HIDDEN = {"evidence", "key"}


@dataclass(frozen=True, slots=True)
class PlanRef:
    """A plan the overview covers: its name and id."""

    name: str | None
    plan_id: str


@dataclass(frozen=True, slots=True)
class Coverage:
    """One ``coverage`` row: a plan (``theme`` None) or a theme, and its shares."""

    plan: str | None
    theme: str | None
    plan_id: str | None
    theme_id: str | None
    actions: int
    with_outcome: float | None
    with_measure: float | None
    with_owner: float | None
    with_deadline: float | None
    golden: float | None
    measures: int


@dataclass(frozen=True, slots=True)
class Gaps:
    """A plan's rows in ``orphan-actions`` or ``unsupported-outcomes``, per reason.

    An item can have several reasons, so the reasons add up to more than ``total``.
    """

    plan: str | None
    total: int
    reasons: dict[str, int]


@dataclass(frozen=True, slots=True)
class QuarterCount:
    """Actions of a plan due in one quarter (``quarter`` None: no date, e.g. "Ongoing")."""

    plan: str | None
    quarter: str | None
    actions: int
    overdue: bool


@dataclass(frozen=True, slots=True)
class SharedStrategy:
    """A strategy named in more than one plan, or tying more than one theme together."""

    strategy: str
    #: the strategy nodes of that name (each council's own is a node of its own)
    strategy_ids: tuple[str, ...]
    plans: tuple[str, ...]
    #: None on a national graph's overview, which draws only ``outcomes`` (the
    #: strategy-feeds summary: themes and plans would need every cross-theme row)
    themes: int | None
    theme_pairs: int | None
    outcomes: int


@dataclass(frozen=True, slots=True)
class PlanChange:
    """What a plan changed: items of a kind it names first, and items it dropped."""

    plan: str
    year: int | None
    kind: str
    new: int
    dropped: int


@dataclass(frozen=True, slots=True)
class PairChange:
    """What changed from a plan to the next plan of the same organisation: plan-evolution's
    rows (strategies, partnerships, themes) in both (``kept``), in the earlier only with the
    later in ``dropped_in`` (``dropped``), in the later but not the earlier (``new``)."""

    organisation: str
    earlier: str | None
    earlier_year: int | None
    later: str | None
    later_year: int | None
    kept: int
    dropped: int
    new: int


@dataclass(frozen=True, slots=True)
class Table:
    """The rows behind a chart: the first of a named query's rows, and how many there are."""

    query: str
    params: dict[str, Any]
    columns: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]
    total: int


@dataclass(frozen=True, slots=True)
class Overview:
    """Everything the overview page draws (see the module docstring)."""

    today: str
    plans: tuple[PlanRef, ...]
    coverage: tuple[Coverage, ...]
    orphans: tuple[Gaps, ...]
    unsupported: tuple[Gaps, ...]
    deadlines: tuple[QuarterCount, ...]
    strategies: tuple[SharedStrategy, ...]
    changes: tuple[PlanChange, ...]
    tables: dict[str, Table] = field(default_factory=dict)
    #: Per chart section (coverage, deadlines, strategies, changes): why it shows less than
    #: the whole graph, or nothing (a national graph; see the module docstring).
    notes: dict[str, str] = field(default_factory=dict)
    #: A national graph's changes between plan years: the plan pairs that changed most.
    pair_changes: tuple[PairChange, ...] = ()
    #: A national graph's per-plan charts draw only their first this many plans (coverage,
    #: orphans and unsupported are then the worst first); None: every plan is drawn.
    plan_limit: int | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: each record a dict (tuples stay tuples, which JSON writes as
        lists; the tables' rows are the queries' own dicts, shared, not copied)."""
        # Not dataclasses.asdict: it deep-copies every value of every row, which was nearly
        # all of the time rendering a national graph's page took (0.9 of 1 s at 1M nodes).
        return _plain(self)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple) and value and is_dataclass(value[0]):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict) and any(is_dataclass(v) for v in value.values()):
        return {k: _plain(v) for k, v in value.items()}
    return value


def quarter_end(quarter: str) -> dt.date:
    """The last day of a ``"2025-Q1"`` quarter."""
    year, q = int(quarter[:4]), int(quarter[-1])
    if q == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1)


def is_overdue(quarter: str | None, today: dt.date) -> bool:
    """True when the quarter ended before ``today`` (an undated deadline never is)."""
    return quarter is not None and quarter_end(quarter) < today


def overview(
    store: GraphStore,
    *,
    plans: Sequence[str] | None = None,
    today: dt.date | None = None,
    live_plans: int | None = None,
) -> Overview:
    """The overview of ``plans`` (names, ids or document file names; all plans when None).
    With more than ``live_plans`` (default :data:`LIVE_PLANS`) plans and no ``plans`` asked
    for, the bounded overview.

    Raises QueryError naming the closest plans when one names no plan.
    """
    # A store that can read in one transaction does (Neo4j: one session and one facts check
    # for every ask below, instead of one each).
    reading = getattr(store, "reading", None)
    with reading() if reading is not None else nullcontext():
        return _overview(store, plans, today or dt.date.today(),
                         LIVE_PLANS if live_plans is None else live_plans)


def _overview(store: GraphStore, plans: Sequence[str] | None, today: dt.date,
              live_plans: int) -> Overview:
    # The whole graph's plan rows are asked once: they are the plans (on Neo4j read from
    # write-time facts); its theme rows only when the graph is small enough to chart whole
    # (coverage sorts plan rows first, so plan rows + theme rows is the whole answer).
    if not plans:
        # A store may keep the bounded overview's answers at write time (Neo4j:
        # graph/neo4j_overview_facts.py): then a national graph's first view is one read.
        kept_overview = getattr(store, "kept_overview", None)
        kept = kept_overview() if kept_overview is not None else None
        if kept is not None:
            refs = _plans(store, None, kept.plan_rows)
            if len(refs) > live_plans:
                return _bounded_from(refs, kept, today)
    plan_rows = None if plans else run_query(store, "coverage", {"scope": "plan"})
    refs = _plans(store, plans, plan_rows)
    if plan_rows is not None and len(refs) > live_plans:
        return _bounded(store, refs, plan_rows, today)
    whole = (None if plan_rows is None
             else plan_rows + run_query(store, "coverage", {"scope": "theme"}))
    scope = [r.plan_id for r in refs] if plans else [None]
    names = {r.name for r in refs}
    tables: dict[str, Table] = {}

    coverage_rows = whole if whole is not None else _rows(store, "coverage", scope)
    tables["coverage"] = _table("coverage", {}, coverage_rows, len(coverage_rows))
    coverage = tuple(Coverage(**{f: r[f] for f in Coverage.__dataclass_fields__})
                     for r in coverage_rows)

    summaries = _Summaries(store)
    orphans = _gaps(summaries, "orphan-actions", scope, refs)
    unsupported = _gaps(summaries, "unsupported-outcomes", scope, refs)
    deadlines = _quarters(summaries, scope, today)
    for name in ("orphan-actions", "unsupported-outcomes", "deadlines"):
        tables[name] = _first_rows(store, summaries, name, scope)

    shared_rows = _rows(store, "cross-theme-dependencies", scope, kind="shared-strategy")
    # A plan's row in the changes: items it names, and items it dropped.
    evolution = [r for r in run_query(store, "plan-evolution")
                 if not plans or names & {*r["plans"], *r["dropped_in"]}]
    strategies = _strategies(summaries, scope, shared_rows, evolution)
    tables["cross-theme-dependencies"] = _table(
        "cross-theme-dependencies", {"kind": "shared-strategy"}, shared_rows, len(shared_rows))
    tables["plan-evolution"] = _table("plan-evolution", {}, evolution, len(evolution))
    changes = _changes(evolution, names if plans else None)
    return Overview(
        today=today.isoformat(),
        plans=refs,
        coverage=coverage,
        orphans=orphans,
        unsupported=unsupported,
        deadlines=deadlines,
        strategies=strategies,
        changes=changes,
        tables=tables,
    )


@dataclass(frozen=True, slots=True)
class BoundedParts:
    """Every answer the bounded overview is drawn from, as the named queries gave them: a
    store may keep these at write time (graph/neo4j_overview_facts.py) so that a first view
    is one read; what depends on the day (overdue quarters) is worked out when drawn."""

    #: coverage, scope plan (every plan's row)
    plan_rows: list[dict[str, Any]]
    #: coverage, scope theme: the first :data:`BOUNDED_ROWS` rows (the weakest themes)
    theme_rows: list[dict[str, Any]]
    #: coverage, scope theme: the summary's rows (how many themes there are)
    theme_summary: list[dict[str, Any]]
    #: whole-graph summaries of orphan-actions, unsupported-outcomes and deadlines
    summaries: dict[str, list[dict[str, Any]]]
    #: what changed per plan pair and item kind (graph/pair_answers.py ``pair_changes``) and
    #: how many plan-evolution rows there are; None: the store cannot count them at once
    #: (not drawn)
    changes: list[dict[str, Any]] | None = None
    evolution_rows: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"plan_rows": self.plan_rows, "theme_rows": self.theme_rows,
                "theme_summary": self.theme_summary, "summaries": self.summaries,
                "changes": self.changes, "evolution_rows": self.evolution_rows}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BoundedParts:
        return cls(data["plan_rows"], data["theme_rows"], data["theme_summary"],
                   data["summaries"], data.get("changes"), data.get("evolution_rows"))


#: The whole-graph summaries the bounded overview draws.
BOUNDED_SUMMARIES = ("orphan-actions", "unsupported-outcomes", "deadlines", "strategy-feeds")


def bounded_parts(store: GraphStore, plan_rows: list[dict[str, Any]] | None = None
                  ) -> BoundedParts:
    """Ask the store everything the bounded overview draws (``plan_rows``: coverage's plan
    rows, when already asked)."""
    if plan_rows is None:
        plan_rows = run_query(store, "coverage", {"scope": "plan"})
    # The weakest themes a page, and how many there are (counted, not fetched).
    theme_rows = list(stream_query(store, "coverage", {"scope": "theme"}, limit=BOUNDED_ROWS))
    theme_summary = query_summary(store, "coverage", {"scope": "theme"})
    summaries = {name: query_summary(store, name, {"plan": None})
                 for name in BOUNDED_SUMMARIES}
    # What changed between plan years, when the store counts it from what it keeps (never
    # from plan-evolution's whole rows: 102 s at 1M nodes).
    counter = getattr(store, "plan_changes", None)
    counted = counter() if counter is not None else None
    changes, rows = (None, None) if counted is None else counted
    return BoundedParts(plan_rows, theme_rows, theme_summary, summaries, changes, rows)


def _bounded(store: GraphStore, refs: tuple[PlanRef, ...], plan_rows: list[dict[str, Any]],
             today: dt.date) -> Overview:
    """The whole graph's overview from the queries a national store answers at once."""
    return _bounded_from(refs, bounded_parts(store, plan_rows), today)


def _bounded_from(refs: tuple[PlanRef, ...], parts: BoundedParts, today: dt.date) -> Overview:
    """The bounded overview drawn from its answers."""
    summaries = _Summaries(None)
    summaries.seen.update({(name, None): rows for name, rows in parts.summaries.items()})
    plan_rows, theme_rows = parts.plan_rows, parts.theme_rows
    theme_total = sum(r[_ROWS] for r in parts.theme_summary)
    coverage = tuple(Coverage(**{f: r[f] for f in Coverage.__dataclass_fields__})
                     for r in plan_rows + theme_rows)
    # The tables carry no rows, only how many there are: a bar's rows are asked from the
    # query when it is clicked (the served page asks the explorer's API; the offline page
    # says which query to run). Carrying 500 rows a table was a second copy of the coverage
    # rows and two more asks, about a third of the page's bytes and of its first second.
    tables = {"coverage": _table("coverage", {}, [], len(plan_rows) + theme_total)}
    for name in ("orphan-actions", "unsupported-outcomes", "deadlines"):
        tables[name] = _table(name, {}, [], sum(r[_ROWS] for r in summaries.one(name, None)))
    # Deadlines per plan and quarter: its summary is a write-time fact on Neo4j too, read
    # in well under a second at 1M nodes.
    deadlines = _all_quarters(_quarters(summaries, [None], today))
    size = f"{len(refs):,} plans"
    strategies, named = _most_feeding(summaries.one("strategy-feeds", None))
    tables["strategy-feeds"] = _table("strategy-feeds", {}, [],
                                      sum(s.outcomes for s in named))
    drawn = min(PLAN_LIMIT, len(refs))
    orphans = _worst_first(_gaps(summaries, "orphan-actions", [None], refs))
    unsupported = _worst_first(_gaps(summaries, "unsupported-outcomes", [None], refs))
    notes = {
        # Coverage's own order is the weakest first (golden thread, then every link).
        "coverage": (f"{size}: the {drawn:,} with the weakest golden thread are drawn, of "
                     f"{len(refs):,} (choose a plan for its themes); a plan's themes only "
                     f"among the {len(theme_rows):,} weakest of {theme_total:,} themes "
                     "(open the query for the rest)."),
        "orphans": (f"{size}: the {drawn:,} with the most orphan actions are drawn, of "
                    f"{len(orphans):,}; choose a plan, or open the query, for the rest."),
        "unsupported": (f"{size}: the {drawn:,} with the most unsupported outcomes are drawn, "
                        f"of {len(unsupported):,}; choose a plan, or open the query, for the "
                        "rest."),
        "deadlines": (f"{size}: their deadlines counted together, per quarter; open the "
                      "deadlines query for the rows, or choose plans."),
        "strategies": (f"{size}: the {len(strategies):,} strategies feeding the most "
                       f"outcomes, of {len(named):,} (strategy-feeds); the themes and plans "
                       "each ties: open the cross-theme-dependencies query, or choose plans."),
    }
    pairs: tuple[PairChange, ...] = ()
    if parts.changes is None or parts.evolution_rows is None:
        notes["changes"] = (f"Too large to chart here ({size}): open the plan-evolution "
                            "query, or choose plans.")
    else:
        pairs, counted = _most_changed(parts.changes)
        tables["plan-evolution"] = _table("plan-evolution", {}, [], parts.evolution_rows)
        notes["changes"] = (
            f"{size}: the {len(pairs):,} plan pairs (a plan and the next plan of the same "
            f"organisation) that changed most, of {counted:,}: strategies, partnerships and "
            "themes kept, dropped and new, as plan-evolution counts them; open the query for "
            "the rest, or choose plans.")
    return Overview(
        today=today.isoformat(),
        plans=refs,
        coverage=coverage,
        orphans=orphans,
        unsupported=unsupported,
        deadlines=deadlines,
        strategies=strategies,
        changes=(),
        tables=tables,
        notes=notes,
        pair_changes=pairs,
        plan_limit=PLAN_LIMIT,
    )


def _worst_first(gaps: tuple[Gaps, ...]) -> tuple[Gaps, ...]:
    """A national graph's gaps, the plans with the most rows first (then by name), so that
    the chart's first :data:`PLAN_LIMIT` plans are the worst."""
    return tuple(sorted(gaps, key=lambda g: (-g.total, g.plan is None, g.plan or "")))


def _most_changed(changes: list[dict[str, Any]]) -> tuple[tuple[PairChange, ...], int]:
    """The :data:`PAIR_LIMIT` plan pairs with the most dropped and new items (every kind
    together), and how many pairs there are."""
    summed: dict[tuple[Any, ...], list[int]] = {}
    for c in changes:
        key = (c["organisation"], c["earlier_id"], c["later_id"], c["earlier"],
               c["earlier_year"], c["later"], c["later_year"])
        row = summed.setdefault(key, [0, 0, 0])
        for i, what in enumerate(("kept", "dropped", "new")):
            row[i] += c[what]
    pairs = [(PairChange(k[0], k[3], k[4], k[5], k[6], *n), k) for k, n in summed.items()]
    pairs.sort(key=lambda pk: (-(pk[0].dropped + pk[0].new), -pk[0].kept,
                               str(pk[0].organisation), _year(pk[0].earlier_year), pk[1][1]))
    return tuple(p for p, _ in pairs[:PAIR_LIMIT]), len(pairs)


def _year(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


def _most_feeding(summary: list[dict[str, Any]]
                  ) -> tuple[tuple[SharedStrategy, ...], tuple[SharedStrategy, ...]]:
    """A national graph's shared strategies: the :data:`STRATEGY_LIMIT` strategy names
    feeding the most outcomes (strategy-feeds' summary rows: one per strategy and outcome), and
    every name counted. A strategy that feeds many outcomes is one many themes lean on; which
    themes and plans it ties is in the cross-theme-dependencies rows, too many to count for
    every strategy at once (~20M rows at 1M nodes)."""
    named = tuple(SharedStrategy(r["strategy"], (), (), None, None, r[_ROWS])
                  for r in summary if r["strategy"] is not None)
    top = sorted(named, key=lambda s: (-s.outcomes, s.strategy))[:STRATEGY_LIMIT]
    return tuple(top), named


def bounded_overview(parts: BoundedParts, today: dt.date) -> Overview:
    """The bounded overview drawn from its answers (``parts``, e.g. kept at write time)."""
    return _bounded_from(_plans(None, None, parts.plan_rows), parts, today)


def _dumps(value: Any) -> str:
    # As the page writes its data (viz/page.py safe_json, before its HTML escapes).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


#: The overview's JSON members before and after ``deadlines`` (Overview's field order, which
#: is the order ``to_json`` gives them), and the one that depends on the day.
_HEAD = ("plans", "coverage", "orphans", "unsupported")
_TAIL = ("strategies", "changes", "tables", "notes", "pair_changes", "plan_limit")


@dataclass(frozen=True, slots=True)
class KeptPage:
    """A bounded overview as the JSON text its page carries, kept at write time so that a
    national graph's first ``/`` is one read and a few string joins (at 1M nodes building the
    model from the kept answers and writing its 1.5 MB of JSON took 0.6 to 1.3 s of a busy
    machine's first view). What depends on the day (``today``, which quarters are overdue)
    is added when drawn: the text is then byte for byte ``json.dumps`` of ``to_json()``."""

    #: how many plans it covers (the page is the bounded one only above ``LIVE_PLANS``)
    plans: int
    #: the JSON object members before ``deadlines`` and after it, each ``"key":value,...``
    head: str
    tail: str
    #: every plan's deadlines summed per quarter (None: undated), in the chart's order
    quarters: tuple[tuple[str | None, int], ...]

    @classmethod
    def of(cls, found: Overview) -> KeptPage:
        data = found.to_json()
        if list(data) != ["today", *_HEAD, "deadlines", *_TAIL] or any(
                c.plan is not None for c in found.deadlines):
            raise ValueError("only the bounded overview is kept as a page")
        return cls(len(found.plans),
                   ",".join(f"{_dumps(k)}:{_dumps(data[k])}" for k in _HEAD),
                   ",".join(f"{_dumps(k)}:{_dumps(data[k])}" for k in _TAIL),
                   tuple((c.quarter, c.actions) for c in found.deadlines))

    def json_text(self, today: dt.date) -> str:
        """``json.dumps`` of the overview's ``to_json()`` on ``today`` (compact)."""
        deadlines = [{"plan": None, "quarter": q, "actions": n,
                      "overdue": is_overdue(q, today)} for q, n in self.quarters]
        return (f'{{"today":{_dumps(today.isoformat())},{self.head},'
                f'"deadlines":{_dumps(deadlines)},{self.tail}}}')


def _plans(store: GraphStore | None, wanted: Sequence[str] | None,
           plan_rows: list[dict[str, Any]] | None = None) -> tuple[PlanRef, ...]:
    """The plans asked for (every plan when ``wanted`` is None), as ``coverage`` names them
    (``plan_rows``: the whole graph's coverage plan rows, already asked)."""
    if not wanted:
        rows = (plan_rows if plan_rows is not None
                else run_query(store, "coverage", {"scope": "plan"}))
        return tuple(sorted((PlanRef(r["plan"], r["plan_id"]) for r in rows),
                            key=lambda p: (p.name or "", p.plan_id)))
    found: dict[str, PlanRef] = {}
    for value in wanted:
        rows = run_query(store, "coverage", {"scope": "plan", "plan": value})
        if not rows:
            from stratgraph.graph.suggest import unknown_name_message

            names = [name for _, name in store.names([Label.PLAN])]
            raise QueryError(f"--plan: {unknown_name_message('plan', value, names)}")
        for r in rows:
            found[r["plan_id"]] = PlanRef(r["plan"], r["plan_id"])
    return tuple(found[k] for k in sorted(found, key=lambda k: (found[k].name or "", k)))


def _rows(store: GraphStore, name: str, scope: Iterable[str | None],
          **params: Any) -> list[dict[str, Any]]:
    """A query's rows for each plan of ``scope`` (None: the whole graph), in scope order."""
    rows: list[dict[str, Any]] = []
    for plan in scope:
        rows += run_query(store, name, {**params, "plan": plan})
    return rows


class _Summaries:
    """Each query summary asked once per overview: on Neo4j a summary is the query run again,
    counted in Cypher, and the charts and the tables' totals ask the same ones."""

    def __init__(self, store: Any) -> None:
        # None: every summary given beforehand in ``seen`` (a kept overview).
        self.store = store
        self.seen: dict[tuple[str, str | None], list[dict[str, Any]]] = {}

    def one(self, name: str, plan: str | None) -> list[dict[str, Any]]:
        key = (name, plan)
        if key not in self.seen:
            self.seen[key] = query_summary(self.store, name, {"plan": plan})
        return self.seen[key]

    def of(self, name: str, scope: Iterable[str | None]) -> list[dict[str, Any]]:
        return [row for plan in scope for row in self.one(name, plan)]


def _first_rows(store: GraphStore, summaries: _Summaries, name: str,
                scope: Sequence[str | None], *, limit: int = ROW_LIMIT) -> Table:
    """The first ``limit`` rows of a query over ``scope``, and the total."""
    rows: list[dict[str, Any]] = []
    total = 0
    for plan in scope:
        asked = {"plan": plan}
        total += sum(r[_ROWS] for r in summaries.one(name, plan))
        if len(rows) < limit:
            rows += stream_query(store, name, asked, limit=limit - len(rows))
    return _table(name, {}, rows, total)


def _table(name: str, params: dict[str, Any], rows: list[dict[str, Any]], total: int) -> Table:
    shown = tuple(c for c in get_query(name).column_names
                  if c not in _HIDDEN and not c.endswith(_HIDDEN_SUFFIXES))
    return Table(name, params, shown, tuple(rows[:ROW_LIMIT]), total)


def _gaps(summaries: _Summaries, name: str, scope: Sequence[str | None],
          refs: Sequence[PlanRef]) -> tuple[Gaps, ...]:
    """Per plan: the query's rows and the count of each reason (every plan, even with none)."""
    by_plan = {r["plan"]: r for r in summaries.of(name, scope)}
    out = []
    for plan in sorted({r.name for r in refs} | set(by_plan), key=lambda p: (p is None, p or "")):
        row = by_plan.get(plan, {})
        reasons = {k: v for k, v in row.items() if k not in ("plan", _ROWS)}
        out.append(Gaps(plan, row.get(_ROWS, 0), dict(sorted(reasons.items()))))
    return tuple(out)


def _quarters(summaries: _Summaries, scope: Sequence[str | None],
              today: dt.date) -> tuple[QuarterCount, ...]:
    """Per plan and quarter, actions due (the undated ones as quarter None)."""
    out = []
    prefix = "quarter="
    for row in summaries.of("deadlines", scope):
        dated = 0
        for key, n in sorted(row.items()):
            if key.startswith(prefix) and n:
                quarter = key[len(prefix):]
                out.append(QuarterCount(row["plan"], quarter, n, is_overdue(quarter, today)))
                dated += n
        if row[_ROWS] > dated:
            out.append(QuarterCount(row["plan"], None, row[_ROWS] - dated, False))
    return tuple(out)


def _all_quarters(counts: Sequence[QuarterCount]) -> tuple[QuarterCount, ...]:
    """Every plan's counts summed per quarter (``plan`` None): a national graph's chart, a
    few dozen bars instead of a count per plan and quarter carried on the page."""
    total: dict[str | None, list[Any]] = {}
    for c in counts:
        row = total.setdefault(c.quarter, [0, c.overdue])
        row[0] += c.actions
    return tuple(QuarterCount(None, q, n, overdue) for q, (n, overdue)
                 in sorted(total.items(), key=lambda kv: (kv[0] is None, kv[0] or "")))


def _strategies(summaries: _Summaries, scope: Sequence[str | None], shared: list[dict[str, Any]],
                evolution: list[dict[str, Any]]) -> tuple[SharedStrategy, ...]:
    """Strategies in two or more plans or tying two or more themes, the most shared first."""
    themes: dict[str, set[str]] = defaultdict(set)
    pairs: dict[str, int] = defaultdict(int)
    for r in shared:
        for name in r["via"]:
            themes[name] |= {r["theme_a_id"], r["theme_b_id"]}
            pairs[name] += 1
    outcomes: dict[str, int] = defaultdict(int)
    for r in summaries.of("strategy-feeds", scope):
        outcomes[r["strategy"]] += r[_ROWS]
    # By name, as `via` names them: one council's own "Local Transport Plan" and another's
    # are two nodes and two plan-evolution rows, counted here as one name.
    named: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in evolution:
        if r["kind"] == "strategy":
            named[r["item"]].append(r)
    out = []
    for name in set(named) | set(themes):
        rows = named.get(name, [])
        in_plans = tuple(dict.fromkeys(p for r in rows for p in r["plans"]))
        if len(in_plans) < 2 and len(themes.get(name, ())) < 2:
            continue
        out.append(SharedStrategy(name, tuple(r["key"] for r in rows), in_plans,
                                  len(themes.get(name, ())), pairs.get(name, 0),
                                  outcomes.get(name, 0)))
    out.sort(key=lambda s: (-s.themes, -len(s.plans), -s.outcomes, s.strategy))
    return tuple(out)


def _changes(evolution: list[dict[str, Any]], only: set[str | None] | None) -> tuple[PlanChange, ...]:
    """Per plan (oldest first) and kind: items it names first, items it dropped."""
    years: dict[str, int] = {}
    for r in evolution:
        years.setdefault(r["first_plan"], r["first_year"])
        years.setdefault(r["last_plan"], r["last_year"])
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in evolution:
        counts[(r["first_plan"], r["kind"])][0] += 1
        for plan in r["dropped_in"]:
            counts[(plan, r["kind"])][1] += 1
    out = [PlanChange(plan, years.get(plan), kind, new, dropped)
           for (plan, kind), (new, dropped) in counts.items()
           if only is None or plan in only]
    out.sort(key=lambda c: (c.year is None, c.year or 0, c.plan, c.kind))
    return tuple(out)


__all__ = [
    "BOUNDED_ROWS",
    "BOUNDED_SUMMARIES",
    "BoundedParts",
    "KeptPage",
    "LIVE_PLANS",
    "ROW_LIMIT",
    "Coverage",
    "Gaps",
    "Overview",
    "PAIR_LIMIT",
    "PLAN_LIMIT",
    "PairChange",
    "PlanChange",
    "PlanRef",
    "QuarterCount",
    "SharedStrategy",
    "Table",
    "bounded_overview",
    "bounded_parts",
    "is_overdue",
    "overview",
    "quarter_end",
]
