"""Whole-graph query summaries counted by SQLite, over the embedded store's indexed tables.

A summary (rows per plan and reason, ...) over the whole graph computed by the Python query
functions needs the whole graph in networkx: minutes and gigabytes at a million nodes. The
summaries here ask the same questions of the tables directly and return the
``(group, tallied value, rows)`` triples :func:`stratgraph.graph.queries.tally` turns into the
summary, so they equal ``summarise_rows`` of the query's rows (tests/test_sqlite_summaries.py
checks every parameter set on random graphs; tests/test_queries_neo4j.py against Neo4j).

Each follows its query function in ``queries_actions`` line for line; where SQL and Python
differ on text (``lower``, ``strip``) the Python function is registered on the connection
and used, so case-folding and blanks are decided exactly as the rows decide them.
Queries without an entry in :data:`SUMMARIES` are summarised from their rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterator
from typing import Any

Triple = tuple[Any, Any, int]

_REASON_SEP = ","
#: Page cache for the temporary tables, in KiB (the main file gets a quarter of it).
CACHE_KB = 1_000_000


def _lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _blank(value: Any) -> int:
    return 0 if (value or "").strip() else 1


def _counts(method: Any, confidence: Any, threshold: float) -> int:
    # As View.counts over networkx attributes (the confidence rounded as edge_attrs does).
    return 1 if method != "inferred" or round(float(confidence), 4) >= threshold else 0


def _quarter(value: Any) -> str | None:
    from stratgraph.graph.deadline_quarter import deadline_quarter

    # A deadline is text; anything else has no quarter (as it has no row in ``deadlines``).
    return deadline_quarter(value) if isinstance(value, str) else None


def prepare(con: sqlite3.Connection) -> None:
    """Register the Python functions the summaries call (once per connection is enough)."""
    con.create_function("sg_lower", 1, _lower, deterministic=True)
    con.create_function("sg_quarter", 1, _quarter, deterministic=True)
    con.create_function("sg_blank", 1, _blank, deterministic=True)
    con.create_function("sg_counts", 3, _counts, deterministic=True)


def _ok(alias: str, min_confidence: float) -> str:
    """SQL that holds when relationship ``alias`` counts (every one does at threshold 0)."""
    if not min_confidence:
        return "1"
    return f"sg_counts({alias}.method, {alias}.confidence, :min_confidence)"


def _matches_name(node: str, param: str) -> str:
    """``matches_name``: the node's id, or its name ignoring case (False without a node)."""
    return (f"({node}.id IS NOT NULL AND ({node}.id = :{param} "
            f"OR sg_lower({node}.name) = sg_lower(:{param})))")


def _matches_plan(plan: str) -> str:
    """``matches_plan``: the plan's id, name or document file, ignoring case."""
    return (f"({plan}.id IS NOT NULL AND ({plan}.id = :plan "
            f"OR sg_lower({plan}.name) = sg_lower(:plan) "
            f"OR sg_lower({plan}.source_document) = sg_lower(:plan) "
            f"OR sg_lower(json_extract({plan}.props, '$.document_name')) = sg_lower(:plan)))")


# The golden-thread summaries run as a few steps, each a temporary table built by one scan
# and indexed for the next: correlated subqueries against the main tables would look each
# edge up by its text id, a random B-tree search per edge.
_STEPS = (
    # The relationships the questions follow, those that count under min_confidence.
    "CREATE TEMP TABLE sg_e AS SELECT type, start, \"end\" FROM edges"
    " WHERE type IN ('SUPPORTS', 'MEASURED_BY', 'OWNS', 'PART_OF') AND {ok}",
    "CREATE INDEX temp.sg_e_start ON sg_e (type, start, \"end\")",
    # Nodes by label, with what the questions read from their properties: an action's
    # deadline (written or blank, as Python's strip decides) and whether an outcome is declared.
    "CREATE TEMP TABLE sg_n (id TEXT PRIMARY KEY, label TEXT, plan_id TEXT, flag INTEGER)"
    " WITHOUT ROWID",
    "INSERT INTO sg_n SELECT id, label, plan_id, CASE label"
    " WHEN 'Action' THEN coalesce(json_extract(props, '$.deadline'), '') <> ''"
    "  AND NOT sg_blank(json_extract(props, '$.deadline'))"
    " WHEN 'Outcome' THEN coalesce(json_extract(props, '$.level'), '') <> 'objective'"
    " END FROM nodes WHERE label IN ('Action', 'Outcome', 'Measure', 'Theme')",
    # A node's theme (View.theme_of, for nodes that are not themes): the lowest-id theme
    # it is PART_OF.
    "CREATE TEMP TABLE sg_theme (id TEXT PRIMARY KEY, theme TEXT) WITHOUT ROWID",
    "INSERT INTO sg_theme SELECT e.start, min(e.\"end\") FROM sg_e e JOIN sg_n t"
    " ON t.id = e.\"end\" AND t.label = 'Theme' WHERE e.type = 'PART_OF' GROUP BY e.start",
    # Nodes with a MEASURED_BY to a measure; nodes something OWNS.
    "CREATE TEMP TABLE sg_measured (id TEXT PRIMARY KEY) WITHOUT ROWID",
    "INSERT OR IGNORE INTO sg_measured SELECT e.start FROM sg_e e JOIN sg_n m"
    " ON m.id = e.\"end\" AND m.label = 'Measure' WHERE e.type = 'MEASURED_BY'",
    "CREATE TEMP TABLE sg_owned (id TEXT PRIMARY KEY) WITHOUT ROWID",
    "INSERT OR IGNORE INTO sg_owned SELECT \"end\" FROM sg_e WHERE type = 'OWNS'",
    # SUPPORTS links from an outcome or action to an outcome, with the start's label.
    "CREATE TEMP TABLE sg_sup AS SELECT e.start AS start, e.\"end\" AS \"end\","
    " s.label AS label FROM sg_e e"
    " JOIN sg_n o ON o.id = e.\"end\" AND o.label = 'Outcome'"
    " JOIN sg_n s ON s.id = e.start AND s.label IN ('Outcome', 'Action')"
    " WHERE e.type = 'SUPPORTS'",
    "CREATE INDEX temp.sg_sup_start ON sg_sup (start, label)",
    "CREATE INDEX temp.sg_sup_end ON sg_sup (\"end\", label)",
    # Outcome r reached from outcome o through one or more SUPPORTS links via outcomes
    # (View.outcomes_reached); reachability through trails equals it through walks, so
    # UNION stops on cycles.
    "CREATE TEMP TABLE sg_reach (o TEXT, r TEXT, PRIMARY KEY (o, r)) WITHOUT ROWID",
    "INSERT INTO sg_reach WITH RECURSIVE reach(o, r) AS ("
    " SELECT start, \"end\" FROM sg_sup WHERE label = 'Outcome'"
    " UNION SELECT reach.o, s.\"end\" FROM reach JOIN sg_sup s"
    "  ON s.start = reach.r AND s.label = 'Outcome')"
    " SELECT o, r FROM reach",
    "CREATE INDEX temp.sg_reach_r ON sg_reach (r, o)",
)

_TEMP_TABLES = ("sg_e", "sg_n", "sg_theme", "sg_measured", "sg_owned", "sg_sup", "sg_reach",
                "sg_flags", "sg_below")


def _stage(con: sqlite3.Connection, min_confidence: float) -> None:
    drop_temp(con)
    # SQLite's default page cache (2 MB) makes the steps' index builds and lookups spill to
    # the temporary file at a million nodes; a larger cache (a bound, not an allocation)
    # keeps them in memory.
    con.execute(f"PRAGMA temp.cache_size = {-CACHE_KB}")
    con.execute(f"PRAGMA main.cache_size = {-CACHE_KB // 4}")
    ok = _ok("edges", min_confidence)
    for step in _STEPS:
        step = step.format(ok=ok)
        con.execute(step, {"min_confidence": float(min_confidence or 0.0)}
                    if ":min_confidence" in step else {})


def _reasons(*checks: tuple[str, str]) -> str:
    """SQL for the sorted reason codes, comma-separated, of the checks that fail."""
    parts = " || ".join(f"(CASE WHEN {held} THEN '' ELSE '{code},' END)"
                        for code, held in checks)
    return f"rtrim({parts}, ',')"


def _filtered(item_sql: str) -> str:
    """Count ``item_sql``'s rows (plan_id, theme, reasons) per plan name and reasons, after
    the reason, theme and plan parameters."""
    return (
        # MATERIALIZED: the reasons are worked out once per item, not once per use.
        f"WITH x AS MATERIALIZED ({item_sql})"
        " SELECT plan.name, x.reasons, count(*) FROM x"
        " LEFT JOIN nodes plan ON plan.id = x.plan_id AND plan.label = 'Plan'"
        " LEFT JOIN nodes theme ON theme.id = x.theme"
        " WHERE x.reasons <> ''"
        "  AND (:reason IS NULL OR instr(',' || x.reasons || ',', ',' || :reason || ',') > 0)"
        f"  AND (:theme IS NULL OR {_matches_name('theme', 'theme')})"
        f"  AND (:plan IS NULL OR {_matches_plan('plan')})"
        " GROUP BY plan.name, x.reasons"
    )


def _from_facts(con: sqlite3.Connection, p: dict[str, Any]) -> bool:
    """Whether the write-time facts answer: the default threshold, and facts current."""
    from stratgraph.graph.sqlite_facts import current

    return not p.get("min_confidence") and current(con)


def _fact_counts(table: str, p: dict[str, Any], level: bool = False) -> str:
    """Count a fact table's items per plan name and reasons after the parameters: grouped
    first by plan id, theme and reasons on the table's covering index, so names are joined
    once per group, not once per item."""
    keep = ("reasons <> ''"
            " AND (:reason IS NULL OR instr(',' || reasons || ',', ',' || :reason || ',') > 0)")
    if level:
        keep += " AND (:level IS NULL OR sg_lower(coalesce(level, '')) = sg_lower(:level))"
    return (
        "SELECT plan.name, g.reasons, sum(g.n) FROM ("
        f" SELECT plan_id, theme, reasons, count(*) AS n FROM {table} WHERE {keep}"
        " GROUP BY plan_id, theme, reasons) g"
        " LEFT JOIN nodes plan ON plan.id = g.plan_id AND plan.label = 'Plan'"
        " LEFT JOIN nodes theme ON theme.id = g.theme"
        f" WHERE (:theme IS NULL OR {_matches_name('theme', 'theme')})"
        f"  AND (:plan IS NULL OR {_matches_plan('plan')})"
        " GROUP BY plan.name, g.reasons"
    )


def orphan_actions(con: sqlite3.Connection, p: dict[str, Any]) -> Iterator[Triple]:
    """(plan name, reasons, actions) of ``orphan-actions``."""
    if _from_facts(con, p):
        for plan, reasons, n in con.execute(_fact_counts("fact_actions", p), dict(p)):
            yield plan, reasons.split(_REASON_SEP), n
        return
    _stage(con, p["min_confidence"])
    # Per outcome and plan: whether an outcome of that plan it reaches (itself included) is
    # declared, and whether one is measured; an action then looks at its direct targets only.
    con.execute(
        "CREATE TEMP TABLE sg_flags (o TEXT, plan_id TEXT, declared INTEGER, measured INTEGER)")
    con.execute(
        "INSERT INTO sg_flags SELECT x.o, n.plan_id, max(n.flag), max(m.id IS NOT NULL)"
        " FROM (SELECT id AS o, id AS r FROM sg_n WHERE label = 'Outcome'"
        "       UNION ALL SELECT o, r FROM sg_reach) x"
        " JOIN sg_n n ON n.id = x.r LEFT JOIN sg_measured m ON m.id = x.r"
        " GROUP BY x.o, n.plan_id")
    con.execute("CREATE INDEX temp.sg_flags_o ON sg_flags (o, plan_id)")
    actions = (
        "SELECT a.plan_id AS plan_id, t.theme AS theme, " + _reasons(
            ("NO_DEADLINE", "a.flag"),
            ("NO_MEASURE", "(EXISTS (SELECT 1 FROM sg_measured m WHERE m.id = a.id)"
                           " OR coalesce(r.measured, 0))"),
            ("NO_OUTCOME", "coalesce(r.declared, 0)"),
            ("NO_OWNER", "(EXISTS (SELECT 1 FROM sg_owned w WHERE w.id = a.id)"
                         " OR EXISTS (SELECT 1 FROM sg_owned w WHERE w.id = t.theme))"),
        ) + " AS reasons"
        " FROM sg_n a LEFT JOIN sg_theme t ON t.id = a.id"
        " LEFT JOIN (SELECT s.start AS id, max(f.declared) AS declared,"
        "   max(f.measured) AS measured FROM sg_sup s JOIN sg_n a2 ON a2.id = s.start"
        "   JOIN sg_flags f ON f.o = s.\"end\" AND f.plan_id IS a2.plan_id"
        "   WHERE s.label = 'Action' GROUP BY s.start) r ON r.id = a.id"
        " WHERE a.label = 'Action'"
    )
    for plan, reasons, n in con.execute(_filtered(actions), dict(p)):
        yield plan, reasons.split(_REASON_SEP), n


def unsupported_outcomes(con: sqlite3.Connection, p: dict[str, Any]) -> Iterator[Triple]:
    """(plan name, reasons, outcomes) of ``unsupported-outcomes``."""
    if _from_facts(con, p):
        for plan, reasons, n in con.execute(_fact_counts("fact_outcomes", p, level=True),
                                            dict(p)):
            yield plan, reasons.split(_REASON_SEP), n
        return
    _stage(con, p["min_confidence"])
    # What supports outcome r (View.supporters), kept when of r's plan: outcomes reaching it,
    # and actions with a SUPPORTS link to it or to an outcome reaching it.
    con.execute("CREATE TEMP TABLE sg_below (r TEXT, label TEXT, x TEXT,"
                " PRIMARY KEY (r, label, x)) WITHOUT ROWID")
    same_plan = ("JOIN sg_n n ON n.id = u.x JOIN sg_n o ON o.id = u.r"
                 " AND n.plan_id IS o.plan_id")
    for below in (
        "SELECT r, o AS x FROM sg_reach",
        "SELECT \"end\" AS r, start AS x FROM sg_sup WHERE label = 'Action'",
        "SELECT g.r AS r, s.start AS x FROM sg_reach g JOIN sg_sup s"
        " ON s.\"end\" = g.o AND s.label = 'Action'",
    ):
        con.execute(f"INSERT OR IGNORE INTO sg_below SELECT u.r, n.label, u.x FROM ({below}) u"
                    f" {same_plan}")
    outcomes = (
        "SELECT o.plan_id AS plan_id, t.theme AS theme, " + _reasons(
            ("NO_MEASURE", "(EXISTS (SELECT 1 FROM sg_measured m WHERE m.id = o.id)"
                           " OR EXISTS (SELECT 1 FROM sg_below b JOIN sg_measured m"
                           "  ON m.id = b.x WHERE b.r = o.id))"),
            ("NO_SUPPORT", "EXISTS (SELECT 1 FROM sg_below b WHERE b.r = o.id"
                           " AND b.label = 'Action')"),
        ) + " AS reasons"
        " FROM sg_n o LEFT JOIN sg_theme t ON t.id = o.id"
        " WHERE o.label = 'Outcome' AND o.flag"
        "  AND (:level IS NULL OR sg_lower(coalesce((SELECT json_extract(n.props, '$.level')"
        "   FROM nodes n WHERE n.id = o.id), '')) = sg_lower(:level))"
    )
    for plan, reasons, n in con.execute(_filtered(outcomes), dict(p)):
        yield plan, reasons.split(_REASON_SEP), n


def strategy_feeds(con: sqlite3.Connection, p: dict[str, Any]) -> Iterator[Triple] | None:
    """(strategy name, outcome level, rows) of ``strategy-feeds``, from the facts (None: not
    countable here, another threshold or no current facts)."""
    if not _from_facts(con, p):
        return None
    return _strategy_feeds(con, p)


def _strategy_feeds(con: sqlite3.Connection, p: dict[str, Any]) -> Iterator[Triple]:
    from stratgraph.graph.queries_view import matches_name

    args = dict(p)
    where = ["(:level IS NULL OR sg_lower(coalesce(f.level, '')) = sg_lower(:level))"]
    joins = ""
    if p["strategy"] is not None:
        # By name or alias, decided by the rows' own function over the (few) strategies.
        args["strategies"] = json.dumps([
            id_ for id_, name, props in con.execute(
                "SELECT id, name, props FROM nodes WHERE label = 'Strategy'")
            if matches_name({**json.loads(props), "id": id_, "name": name}, p["strategy"],
                            aliases=True)])
        where.append("f.strategy IN (SELECT value FROM json_each(:strategies))")
    if p["outcome"] is not None:
        joins += " JOIN nodes o ON o.id = f.outcome"
        where.append(_matches_name("o", "outcome"))
    if p["plan"] is not None:
        joins += " LEFT JOIN nodes plan ON plan.id = f.plan_id AND plan.label = 'Plan'"
        where.append(_matches_plan("plan"))
    # One row per (strategy, outcome), whichever plans' items reference the strategy.
    sql = (
        "SELECT s.name, g.level, sum(g.n) FROM ("
        " SELECT f.strategy, f.level, count(*) AS n FROM ("
        "  SELECT strategy, outcome, min(plan_id) AS plan_id, min(level) AS level"
        "  FROM fact_feeds GROUP BY strategy, outcome) f"
        f" {joins} WHERE {' AND '.join(where)} GROUP BY f.strategy, f.level) g"
        " JOIN nodes s ON s.id = g.strategy GROUP BY s.name, g.level"
    )
    yield from con.execute(sql, args)


def coverage(con: sqlite3.Connection, p: dict[str, Any]) -> Iterator[Triple]:
    """(plan name, scope, rows) of ``coverage``: one row per plan and per theme."""
    sql = (
        "SELECT plan.name, CASE WHEN s.label = 'Plan' THEN 'plan' ELSE 'theme' END AS scope,"
        " count(*) FROM nodes s"
        " LEFT JOIN nodes plan ON plan.label = 'Plan'"
        "  AND plan.id = CASE WHEN s.label = 'Plan' THEN s.id ELSE s.plan_id END"
        " WHERE s.label IN ('Plan', 'Theme')"
        "  AND (:scope IS NULL OR :scope = CASE WHEN s.label = 'Plan' THEN 'plan' ELSE 'theme' END)"
        f"  AND (:plan IS NULL OR {_matches_plan('plan')})"
        " GROUP BY plan.name, scope"
    )
    yield from con.execute(sql, dict(p))


def deadlines(con: sqlite3.Connection, p: dict[str, Any]) -> Iterator[Triple] | None:
    """(plan name, quarter, actions) of ``deadlines``, from the facts (None: no current facts;
    the rows decide). An action has a row when its deadline is written: no ``NO_DEADLINE``."""
    if not _from_facts(con, p):
        return None
    return iter(con.execute(
        "SELECT plan.name, g.quarter, sum(g.n) FROM ("
        " SELECT plan_id, theme, quarter, count(*) AS n FROM fact_actions"
        "  WHERE instr(',' || reasons || ',', ',NO_DEADLINE,') = 0"
        "  GROUP BY plan_id, theme, quarter) g"
        " LEFT JOIN nodes plan ON plan.id = g.plan_id AND plan.label = 'Plan'"
        " LEFT JOIN nodes theme ON theme.id = g.theme"
        f" WHERE (:theme IS NULL OR {_matches_name('theme', 'theme')})"
        f"  AND (:plan IS NULL OR {_matches_plan('plan')})"
        " GROUP BY plan.name, g.quarter", dict(p)).fetchall())


def coverage_rows(con: sqlite3.Connection, p: dict[str, Any]) -> list[dict[str, Any]] | None:
    """Every row of ``coverage``, built from the facts (None: not served from them, another
    threshold or no current facts). An action's outcome, measure, owner and deadline are its
    fact's reasons; its plan and theme the fact's; the rows are made and ordered as
    ``queries_actions.coverage`` makes them, from counts per plan and per theme."""
    from stratgraph.graph import sqlite_tables as t
    from stratgraph.graph.queries_actions import coverage_row, sort_coverage
    from stratgraph.graph.queries_view import matches_plan

    if not _from_facts(con, p):
        return None
    # Per plan id ('p') and per theme ('t'): actions, then how many pass each test, summed
    # from the counts kept per (action plan, theme); plan rows alone need only the plans'.
    plans_only = p["scope"] == "plan"
    counts: dict[tuple[str, Any], list[int]] = {}
    for plan_id, theme, *numbers in con.execute(
        "SELECT plan_id, theme, n, outcome, measure, owner, deadline, golden"
        " FROM fact_action_counts"
    ):
        for key in (("p", plan_id),) if plans_only else (("p", plan_id), ("t", theme)):
            if key[1] is not None:
                total = counts.setdefault(key, [0] * len(numbers))
                for i, number in enumerate(numbers):
                    total[i] += number
    # Measures per plan and theme as _scope_measures counts them: of the plan, PART_OF the
    # theme, or measuring something PART_OF it (each measure once per scope).
    labels = "('Plan')" if plans_only else "('Plan', 'Theme')"
    measures = dict(con.execute(
        "SELECT k.key, count(DISTINCT k.measure) FROM fact_measure_keys k"
        f" WHERE k.key IN (SELECT id FROM nodes WHERE label IN {labels}) GROUP BY k.key"))
    # A theme row names its plan: the plans are read with the themes. A row needs only the
    # records' columns; their other properties only to match a plan by its document's name.
    if p["plan"] is not None:
        scopes = dict(t.node_attrs(r) for r in con.execute(
            f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE label IN {labels}"))
    else:
        scopes = {id_: {"label": label, "name": name, "plan_id": plan_id,
                        "source_document": document, "source_line": line}
                  for id_, label, name, plan_id, document, line in con.execute(
                      "SELECT id, label, name, plan_id, source_document, source_line"
                      f" FROM nodes WHERE label IN {labels}")}
    rows: list[dict[str, Any]] = []
    order: dict[str, float | None] = {}
    for scope, s in scopes.items():
        is_plan = s.get("label") == "Plan"
        kind = "plan" if is_plan else "theme"
        if p["scope"] is not None and p["scope"] != kind:
            continue
        # View.plan_of: the Plan node whose id is the theme's plan_id.
        plan = scope if is_plan else s.get("plan_id")
        plan_attrs = scopes.get(plan) if plan is not None else None
        if plan_attrs is not None and plan_attrs.get("label") != "Plan":
            plan_attrs = None
        if not matches_plan(plan_attrs, p["plan"]):
            continue
        n, outcome, measure, owner, deadline, golden = counts.get(
            ("p" if is_plan else "t", scope), (0, 0, 0, 0, 0, 0))
        order[scope] = (outcome + measure + owner + deadline) / n if n else None
        rows.append(coverage_row(kind, plan_attrs.get("name") if plan_attrs else None, scope, s,
                                 (n, outcome, measure, owner, deadline, golden),
                                 measures.get(scope, 0)))
    sort_coverage(rows, order)
    return rows


def lead_portfolio(con: sqlite3.Connection, p: dict[str, Any]) -> Iterator[Triple]:
    """(portfolio, None, leads) of ``lead-portfolio``: one row per lead."""
    for lead_id, name, props, in con.execute(
        "SELECT id, name, props FROM nodes WHERE label = 'CabinetLead'"
    ):
        attrs = json.loads(props)
        wanted = p["lead"]
        if wanted is not None and not (
            lead_id == wanted or _lower(name) == wanted.lower()
            or any(isinstance(a, str) and a.lower() == wanted.lower()
                   for a in attrs.get("aliases") or ())
        ):
            continue
        yield attrs.get("portfolio"), None, 1


# -- cross-theme-dependencies and plan-evolution: counted from fact_refs -----------------------

def _pairs_served(con: sqlite3.Connection, p: dict[str, Any]) -> bool:
    from stratgraph.graph.sqlite_facts import has_ref_facts

    return (_from_facts(con, p) and has_ref_facts(con)
            and all(p.get(k) is None for k in ("theme", "plan", "name", "organisation")))


# A node's theme as View.theme_of: itself when a Theme, else the lowest-id theme it is PART_OF.
_THEME_OF = ("CASE WHEN {x}.label = 'Theme' THEN {x}.id ELSE (SELECT min(pe.\"end\") FROM edges pe"
             " INDEXED BY edges_type_start JOIN nodes tn ON tn.id = pe.\"end\" AND tn.label = 'Theme'"
             " WHERE pe.type = 'PART_OF' AND pe.start = {x}.id) END")


def _theme_pairs(con: sqlite3.Connection) -> Any:
    from stratgraph.graph.pair_answers import ThemePairs

    themes = {id_: (plan, name) for id_, name, plan in con.execute(
        "SELECT t.id, t.name, pl.name FROM nodes t"
        " LEFT JOIN nodes pl ON pl.id = t.plan_id AND pl.label = 'Plan'"
        " WHERE t.label = 'Theme'")}
    # Not DISTINCT: the same (theme, item) from several plans sets the same bit.
    refs = con.execute("SELECT theme, shared, kind FROM fact_refs WHERE theme <> ''")
    nested = con.execute(
        "SELECT e.start, e.\"end\" FROM nodes a CROSS JOIN edges e INDEXED BY edges_type_start"
        " ON e.type = 'PART_OF' AND e.start = a.id"
        " JOIN nodes b ON b.id = e.\"end\" AND b.label = 'Theme' WHERE a.label = 'Theme'")
    depends = con.execute(
        "SELECT id, ta, tb FROM (SELECT e.id AS id, " + _THEME_OF.format(x="x") + " AS ta, "
        + _THEME_OF.format(x="y") + " AS tb FROM edges e INDEXED BY edges_type_start"
        " JOIN nodes x ON x.id = e.start JOIN nodes y ON y.id = e.\"end\""
        " WHERE e.type = 'DEPENDS_ON')"
        " WHERE ta IS NOT NULL AND tb IS NOT NULL AND ta <> tb")
    return ThemePairs(themes, list(refs), list(nested), list(depends))


def cross_theme_dependencies(con: sqlite3.Connection, p: dict[str, Any]) -> list[Triple] | None:
    """(plan_a name, kind, rows) of ``cross-theme-dependencies``, from ``fact_refs`` (None:
    a theme or plan filter or another threshold: the rows decide)."""
    if not _pairs_served(con, p):
        return None
    return _theme_pairs(con).summary(p.get("kind"))


def _graph(con: sqlite3.Connection, node_ids: set[str], edge_rows: list[Any]) -> Any:
    """A networkx graph of these nodes (and the ends of these edges), as the store loads it."""
    import networkx as nx

    from stratgraph.graph import sqlite_tables as t

    edges = sorted({row[0]: t.edge_attrs(row) for row in edge_rows}.values(), key=lambda e: e[2])
    ids = node_ids | {e[0] for e in edges} | {e[1] for e in edges}
    g = nx.MultiDiGraph()
    g.add_nodes_from(sorted(t.node_attrs(r) for r in t.select_in(
        con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id IN ({{}})", sorted(ids))))
    g.add_edges_from(e for e in edges if e[0] in g and e[1] in g)
    return g


def _edges(con: sqlite3.Connection, where: str, ids: Collection[str]) -> list[Any]:
    from stratgraph.graph import sqlite_tables as t

    cols = ", ".join("e." + c.strip() for c in t.EDGE_COLUMNS.split(","))
    return list(t.select_in(con, f"SELECT {cols} FROM edges e WHERE {where}", sorted(ids)))


def cross_theme_page(con: sqlite3.Connection, p: dict[str, Any], offset: int,
                     limit: int) -> list[dict[str, Any]] | None:
    """Rows ``offset`` to ``offset + limit`` of ``cross-theme-dependencies`` built for the
    pairs on the page alone (None: not served from the facts)."""
    from stratgraph.graph.pair_answers import PairPage

    if not _pairs_served(con, p):
        return None
    pairs = _theme_pairs(con)
    page = PairPage.of(pairs, p.get("kind"), offset, limit)
    nodes: set[str] = set()
    edge_rows: list[Any] = []
    if page.explicit:
        # The explicit rows on the page: their DEPENDS_ON links, whose ends' themes are
        # found through their PART_OF links.
        chosen = set(page.explicit)
        depends = _edges(con, "e.id IN ({})",
                         {link for link, a, b in pairs.depends if (a, b) in chosen})
        edge_rows += depends
        ends = {r[2] for r in depends} | {r[3] for r in depends}
        edge_rows += [r for r in _edges(con, "e.type = 'PART_OF' AND e.start IN ({})", ends)]
    themes = page.themes
    if themes:
        # Nodes whose theme is one of the page's: the themes and their actions and outcomes
        # (a node's theme is the lowest-id theme it is PART_OF, checked in SQL).
        parts = _edges(con, "e.type = 'PART_OF' AND e.\"end\" IN ({})", themes)
        starts = {r[2] for r in parts}
        own = {id_ for id_, theme in t_select(
            con, "SELECT x.id, " + _THEME_OF.format(x="x") + " FROM nodes x WHERE x.id IN ({})"
            " AND x.label IN ('Action', 'Outcome', 'Theme')", starts | themes) if theme in themes}
        edge_rows += [r for r in parts if r[2] in own]
        refs = _edges(con, "e.type = 'REFERENCES' AND e.start IN ({})", own)
        labels = dict(t_select(con, "SELECT id, label FROM nodes WHERE id IN ({})",
                               {r[3] for r in refs}))
        edge_rows += [r for r in refs if labels.get(r[3]) in ("Strategy", "Partnership")]
        nodes |= themes | own
    # Plans, for the rows' plan names.
    g = _graph(con, nodes, edge_rows)
    plan_ids = {a.get("plan_id") for _, a in g.nodes(data=True)} - {None}
    for id_, attrs in (_node_attrs(con, plan_ids)):
        if id_ not in g:
            g.add_node(id_, **attrs)
    return page.rows(g)


def t_select(con: sqlite3.Connection, sql: str, ids: Collection[str]) -> Iterator[Any]:
    from stratgraph.graph import sqlite_tables as t

    return t.select_in(con, sql, sorted(ids))


def _node_attrs(con: sqlite3.Connection, ids: Collection[str]) -> list[tuple[str, dict[str, Any]]]:
    from stratgraph.graph import sqlite_tables as t

    return [t.node_attrs(r) for r in t.select_in(
        con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id IN ({{}})", sorted(ids))]


def evolution_inputs(con: sqlite3.Connection) -> tuple[list[Any], ...]:
    """What plan-evolution's answers read, from the reference facts: plans (with their
    organisation), shared items, their documents, references and themes."""
    from stratgraph.graph.pair_answers import PlanInfo

    plans = [PlanInfo(*row) for row in con.execute(
        "SELECT id, name, json_extract(props, '$.start_year'), source_document,"
        " json_extract(props, '$.organisation') FROM nodes WHERE label = 'Plan'")]
    shared = con.execute("SELECT id, label, name FROM nodes"
                         " WHERE label IN ('Strategy', 'Partnership')").fetchall()
    documents = con.execute(
        "SELECT nd.node_id, nd.document FROM nodes s CROSS JOIN node_documents nd"
        " ON nd.node_id = s.id WHERE s.label IN ('Strategy', 'Partnership')").fetchall()
    references = con.execute("SELECT shared, part FROM fact_refs").fetchall()
    themes = con.execute("SELECT id, name, plan_id FROM nodes WHERE label = 'Theme'"
                         " ORDER BY id").fetchall()
    return plans, shared, documents, references, themes


def _evolution_items(con: sqlite3.Connection) -> list[Any]:
    from stratgraph.graph.pair_answers import evolution_items

    return evolution_items(*evolution_inputs(con))


def plan_evolution(con: sqlite3.Connection, p: dict[str, Any]) -> list[Triple] | None:
    """(kind, None, rows) of ``plan-evolution``, from ``fact_refs`` (None: a name or
    organisation filter or another threshold: the rows decide)."""
    from stratgraph.graph.pair_answers import evolution_summary

    if not _pairs_served(con, p):
        return None
    items = [i for i in _evolution_items(con) if p.get("kind") in (None, i[0])]
    return evolution_summary(items)


def evolution_page(con: sqlite3.Connection, p: dict[str, Any], offset: int,
                   limit: int) -> list[dict[str, Any]] | None:
    """Rows ``offset`` to ``offset + limit`` of ``plan-evolution``, built for the items on
    the page alone (None: not served from the facts)."""
    from stratgraph.graph import queries_links as ql
    from stratgraph.graph.queries_view import View

    if not _pairs_served(con, p):
        return None
    items = [i for i in _evolution_items(con) if p.get("kind") in (None, i[0])]
    page = items[offset:offset + limit]
    members = {m for item in page for m in item[4]}
    shared = {m for item in page if item[0] != "theme" for m in item[4]}
    refs = _edges(con, "e.type = 'REFERENCES' AND e.\"end\" IN ({})", shared)
    plans = {r[0] for r in con.execute("SELECT id FROM nodes WHERE label = 'Plan'")}
    g = _graph(con, members | plans, refs)
    keep = {(item[0], item[3]) for item in page}
    params = {"kind": p.get("kind"), "name": None, "organisation": None, "min_confidence": 0.0}
    return [r for r in ql.plan_evolution(View(g, 0.0), params) if (r["kind"], r["key"]) in keep]


#: Query name -> its first pages built from the facts (None: not served; the rows decide).
PAGES: dict[str, Callable[[sqlite3.Connection, dict[str, Any], int, int],
                          list[dict[str, Any]] | None]] = {
    "cross-theme-dependencies": cross_theme_page,
    "plan-evolution": evolution_page,
}


#: Query name -> all its rows built from the facts (None: not served; the networkx graph
#: answers).
ROWS: dict[str, Callable[[sqlite3.Connection, dict[str, Any]], list[dict[str, Any]] | None]] = {
    "coverage": coverage_rows,
}


#: Query name -> its summary counted in SQL (a function returning None: not countable for
#: these parameters, e.g. a threshold the write-time facts do not hold; the rows decide).
SUMMARIES: dict[str, Callable[[sqlite3.Connection, dict[str, Any]], Iterator[Triple] | None]] = {
    "orphan-actions": orphan_actions,
    "unsupported-outcomes": unsupported_outcomes,
    "coverage": coverage,
    "deadlines": deadlines,
    "lead-portfolio": lead_portfolio,
    "strategy-feeds": strategy_feeds,
    "cross-theme-dependencies": cross_theme_dependencies,
    "plan-evolution": plan_evolution,
}


def drop_temp(con: sqlite3.Connection) -> None:
    """Drop the temporary tables a summary made (their space goes back at once)."""
    for table in _TEMP_TABLES:
        con.execute(f"DROP TABLE IF EXISTS temp.{table}")
    # Back to SQLite's default page cache for whatever the connection does next.
    con.execute("PRAGMA temp.cache_size = -2000")
    con.execute("PRAGMA main.cache_size = -2000")
