"""Per-item facts the embedded store keeps at write time, so whole-graph summaries are counts.

Counting orphan actions or unsupported outcomes over a national graph means following every
SUPPORTS chain: a minute or two on a first ask at a million nodes, even in SQL. What a summary
needs of each item is small and changes only when its plan's part of the graph changes, so it
is kept in three tables, refreshed inside the write transaction for the plans the write
touched:

- ``fact_actions``: one row per action: its plan, theme and orphan reasons (``NO_DEADLINE``,
  ... comma-separated and sorted, as the query's ``reasons`` list) and the quarter its
  deadline reads as (``deadline_quarter``, the ``deadlines`` query's own function);
- ``fact_outcomes``: one row per declared outcome: plan, theme, level and reasons
  (``NO_MEASURE``, ``NO_SUPPORT``);
- ``fact_feeds``: one row per (strategy, outcome) a strategy feeds and plan of the action or
  outcome that references the strategy (the ``part`` the row is refreshed with), with the
  outcome's plan and level;
- ``fact_refs``: one row per (plan, strategy or partnership, theme) where a node of the plan
  REFERENCES the item (the theme: the node itself when a Theme, else the lowest-id theme an
  action or outcome is PART_OF; '' for other nodes), for cross-theme-dependencies and
  plan-evolution;
- ``fact_action_counts``: per action plan and theme, how many actions there are and how many
  pass each of coverage's tests (outcome, measure, owner, deadline, all four): counted from
  ``fact_actions`` with it, so coverage's rows read a few thousand counts, not every action;
- ``fact_measure_keys``: each (measure, plan or theme) coverage counts the measure under (of
  the plan; PART_OF the theme; measuring something PART_OF it), kept with the plan of the node
  whose relationship makes the pair (``part``), which is what a write refreshes.

Facts hold for the default ``min_confidence`` (0: every relationship counts) only; another
threshold is counted live (:mod:`stratgraph.graph.sqlite_summaries`). Names (of plans, themes,
strategies) are not facts: the summaries join them at ask time, so a renamed plan needs no
refresh. Whether the facts are current is ``meta.facts`` equal to ``meta.generation`` and
``meta.facts_version`` equal to :data:`VERSION`: a file written by a stratgraph without facts,
or with facts of an older shape, is refreshed whole on the next writable open.

Which items a write can change (the invariant :func:`affected_plans` relies on, tested in
tests/test_sqlite_summaries.py): an item's facts read only its own record, its PART_OF,
MEASURED_BY and REFERENCES relationships (and the labels at their other ends), OWNS into it
or its theme, and the records and MEASURED_BY of the items on SUPPORTS chains through
outcomes that start or end at it. SUPPORTS chains may cross plans (an action supporting
another plan's outcome: tests/query_random.py makes them), so the refreshed plans are those
of every node within SUPPORTS reach (both ways) of a touched node or of what is PART_OF or
MEASURED_BY a touched node. Shared nodes (strategies, leads) have no plan and their records
are not facts, so upserting a national strategy refreshes nothing beyond the plans written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable
from typing import Any

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS fact_actions (
        id TEXT PRIMARY KEY, plan_id TEXT, theme TEXT, reasons TEXT NOT NULL, quarter TEXT)
        WITHOUT ROWID""",
    # Covering: a summary groups by plan, theme and reasons (and quarter, for deadlines)
    # reading this index alone.
    "CREATE INDEX IF NOT EXISTS fact_actions_plan"
    " ON fact_actions (plan_id, theme, reasons, quarter)",
    """CREATE TABLE IF NOT EXISTS fact_outcomes (
        id TEXT PRIMARY KEY, plan_id TEXT, theme TEXT, level, reasons TEXT NOT NULL)
        WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS fact_outcomes_plan"
    " ON fact_outcomes (plan_id, theme, level, reasons)",
    """CREATE TABLE IF NOT EXISTS fact_feeds (
        strategy TEXT NOT NULL, outcome TEXT NOT NULL, part TEXT NOT NULL,
        plan_id TEXT, level,
        PRIMARY KEY (strategy, outcome, part)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS fact_feeds_part ON fact_feeds (part)",
    # Who references each strategy or partnership, by plan (part: the referencing node's plan)
    # and theme ('' when it has none): cross-theme-dependencies pairs themes by it and
    # plan-evolution finds the plans an item appears in (graph/pair_answers.py).
    """CREATE TABLE IF NOT EXISTS fact_refs (
        part TEXT NOT NULL, shared TEXT NOT NULL, theme TEXT NOT NULL, kind TEXT NOT NULL,
        PRIMARY KEY (part, shared, theme)) WITHOUT ROWID""",
    # Coverage's counts per (action plan, theme), partitioned by the actions' plan ('' none).
    """CREATE TABLE IF NOT EXISTS fact_action_counts (
        part TEXT NOT NULL, plan_id TEXT, theme TEXT, n INTEGER NOT NULL,
        outcome INTEGER NOT NULL, measure INTEGER NOT NULL, owner INTEGER NOT NULL,
        deadline INTEGER NOT NULL, golden INTEGER NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS fact_action_counts_part ON fact_action_counts (part)",
    """CREATE TABLE IF NOT EXISTS fact_measure_keys (
        part TEXT NOT NULL, measure TEXT NOT NULL, key TEXT NOT NULL,
        PRIMARY KEY (part, measure, key)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS fact_measure_keys_key ON fact_measure_keys (key, measure)",
    # The relationships the facts follow, by type and either end, without reading the rows.
    'CREATE INDEX IF NOT EXISTS edges_type_start ON edges (type, start, "end")',
    'CREATE INDEX IF NOT EXISTS edges_type_end ON edges (type, "end", start)',
)

FACT_TABLES = ("fact_actions", "fact_outcomes", "fact_feeds", "fact_refs", "fact_action_counts",
               "fact_measure_keys")
#: The facts' shape: a file whose ``meta.facts_version`` differs (facts written by an older
#: stratgraph, e.g. without ``fact_actions.quarter`` or coverage's counts) is refreshed whole
#: on a writable open.
VERSION = "3"
_TEMP = ("sf_plans", "sf_items", "sf_fwd", "sf_bwd", "sf_seed", "sf_near")

#: Page cache for a whole refresh, in KiB (main file and temporary tables each).
CACHE_KB = 500_000
#: Past this share of the graph's nodes touched, a write refreshes every plan (a first build).
WHOLE_SHARE = 0.25


def create(con: sqlite3.Connection) -> None:
    """Create the fact tables and the indexes they need (inside the caller's transaction)."""
    columns = {r[1] for r in con.execute("PRAGMA table_info(fact_actions)")}
    if columns and "quarter" not in columns:
        # Facts of an older shape (not current, so refreshed whole next): dropped with its
        # index, so both are made again with the columns of this version.
        con.execute("DROP TABLE fact_actions")
    for statement in SCHEMA:
        con.execute(statement)


def current(con: sqlite3.Connection) -> bool:
    """True when the file holds facts written with its current graph."""
    row = con.execute(
        "SELECT f.value = g.value AND v.value = ? FROM meta f"
        " JOIN meta g ON g.key = 'generation' JOIN meta v ON v.key = 'facts_version'"
        " WHERE f.key = 'facts'", (VERSION,)).fetchone()
    return bool(row and row[0])


def stamp(con: sqlite3.Connection) -> None:
    """Record that the facts match the graph as of this generation (after it is bumped)."""
    con.execute("INSERT OR REPLACE INTO meta (key, value)"
                " SELECT 'facts', value FROM meta WHERE key = 'generation'")
    con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('facts_version', ?)",
                (VERSION,))


# -- which plans a write changes -------------------------------------------------------------

_NEAR = (
    # Seeds: the touched nodes and what is PART_OF or MEASURED_BY one (its theme or measure
    # changed, or an OWNS into its theme did).
    "INSERT OR IGNORE INTO sf_near SELECT id FROM sf_seed",
    "INSERT OR IGNORE INTO sf_near SELECT e.start FROM sf_seed s"
    " CROSS JOIN edges e INDEXED BY edges_type_end"
    " ON e.type IN ('PART_OF', 'MEASURED_BY') AND e.\"end\" = s.id",
    # Everything on a SUPPORTS chain through outcomes from or to them: items whose chains
    # pass through a changed node (upstream), and outcomes a changed item supports.
    "INSERT OR IGNORE INTO sf_near WITH RECURSIVE up(id) AS ("
    " SELECT id FROM sf_near UNION SELECT e.start FROM up"
    "  CROSS JOIN edges e INDEXED BY edges_type_end"
    "  ON e.type = 'SUPPORTS' AND e.\"end\" = up.id"
    "  JOIN nodes n ON n.id = e.start AND n.label IN ('Outcome', 'Action')"
    "  JOIN nodes m ON m.id = up.id AND m.label = 'Outcome')"
    " SELECT id FROM up",
    "INSERT OR IGNORE INTO sf_near WITH RECURSIVE down(id) AS ("
    " SELECT id FROM sf_near UNION SELECT e.\"end\" FROM down"
    "  CROSS JOIN edges e INDEXED BY edges_type_start"
    "  ON e.type = 'SUPPORTS' AND e.start = down.id"
    "  JOIN nodes n ON n.id = e.\"end\" AND n.label = 'Outcome')"
    " SELECT id FROM down",
)


def affected_plans(con: sqlite3.Connection, touched: Iterable[str]) -> set[str | None]:
    """Plan ids (None: items without a plan) whose facts a change at ``touched`` may alter,
    read from the graph after the write."""
    con.execute("CREATE TEMP TABLE sf_seed (id TEXT PRIMARY KEY) WITHOUT ROWID")
    con.execute("CREATE TEMP TABLE sf_near (id TEXT PRIMARY KEY) WITHOUT ROWID")
    try:
        con.executemany("INSERT OR IGNORE INTO sf_seed VALUES (?)", ((i,) for i in touched))
        for step in _NEAR:
            con.execute(step)
        return {r[0] for r in con.execute(
            "SELECT DISTINCT n.plan_id FROM sf_near s JOIN nodes n ON n.id = s.id")}
    finally:
        con.execute("DROP TABLE IF EXISTS temp.sf_seed")
        con.execute("DROP TABLE IF EXISTS temp.sf_near")


def refresh_after_write(con: sqlite3.Connection, touched: Collection[str],
                        old_plans: Collection[str | None]) -> None:
    """Bring the facts up to date after a write (inside its transaction): ``touched`` are the
    nodes written or removed and the ends of every relationship written or removed,
    ``old_plans`` the plans those nodes belonged to before the write."""
    total = con.execute("SELECT count(*) FROM nodes").fetchone()[0]
    if not current(con) or len(touched) > WHOLE_SHARE * max(total, 1):
        refresh(con, None)
        return
    # A file whose facts predate fact_refs gets it whole with this write.
    missing_refs = not has_ref_facts(con)
    plans = affected_plans(con, touched) | set(old_plans)
    if plans:
        refresh(con, plans)
    if missing_refs:
        add_ref_facts(con)


# -- computing them --------------------------------------------------------------------------

_MEASURED = ("EXISTS (SELECT 1 FROM edges me INDEXED BY edges_type_start JOIN nodes mn ON mn.id = me.\"end\""
             " AND mn.label = 'Measure' WHERE me.type = 'MEASURED_BY' AND me.start = {x})")
_OWNED = "EXISTS (SELECT 1 FROM edges ow INDEXED BY edges_type_end WHERE ow.type = 'OWNS' AND ow.\"end\" = {x})"
_THEME = ("(SELECT min(pe.\"end\") FROM edges pe INDEXED BY edges_type_start JOIN nodes tn ON tn.id = pe.\"end\""
          " AND tn.label = 'Theme' WHERE pe.type = 'PART_OF' AND pe.start = {x})")
# As Python's ``bool((deadline or "").strip())`` and ``(level or "") != "objective"``.
_FLAG = ("CASE label"
         " WHEN 'Action' THEN coalesce(json_extract(props, '$.deadline'), '') <> ''"
         "  AND NOT sg_blank(json_extract(props, '$.deadline'))"
         " WHEN 'Outcome' THEN coalesce(json_extract(props, '$.level'), '') <> 'objective' END")


# The quarter an action's deadline reads as, decided by the deadlines query's own function.
_QUARTER = "CASE label WHEN 'Action' THEN sg_quarter(json_extract(props, '$.deadline')) END"


def _reasons(*checks: tuple[str, str]) -> str:
    parts = " || ".join(f"(CASE WHEN {held} THEN '' ELSE '{code},' END)"
                        for code, held in checks)
    return f"rtrim({parts}, ',')"


_STEPS = (
    # Forward: outcomes reached from each item through SUPPORTS via outcomes
    # (View.outcomes_reached; reachability through walks equals it through trails).
    "CREATE TEMP TABLE sf_fwd (x TEXT, o TEXT, PRIMARY KEY (x, o)) WITHOUT ROWID",
    "INSERT INTO sf_fwd WITH RECURSIVE r(x, o) AS ("
    " SELECT i.id, e.\"end\" FROM sf_items i CROSS JOIN edges e INDEXED BY edges_type_start"
    "  ON e.type = 'SUPPORTS' AND e.start = i.id"
    "  JOIN nodes n ON n.id = e.\"end\" AND n.label = 'Outcome'"
    " UNION SELECT r.x, e.\"end\" FROM r CROSS JOIN edges e INDEXED BY edges_type_start"
    "  ON e.type = 'SUPPORTS' AND e.start = r.o"
    "  JOIN nodes n ON n.id = e.\"end\" AND n.label = 'Outcome')"
    " SELECT x, o FROM r",
    # Backward: what supports each outcome (View.supporters): actions and outcomes, only
    # outcomes continuing a chain.
    "CREATE TEMP TABLE sf_bwd (o TEXT, x TEXT, label TEXT, PRIMARY KEY (o, x)) WITHOUT ROWID",
    "INSERT INTO sf_bwd WITH RECURSIVE b(o, x, label) AS ("
    " SELECT i.id, e.start, n.label FROM sf_items i CROSS JOIN edges e INDEXED BY edges_type_end"
    "  ON e.type = 'SUPPORTS' AND e.\"end\" = i.id"
    "  JOIN nodes n ON n.id = e.start AND n.label IN ('Outcome', 'Action')"
    "  WHERE i.label = 'Outcome'"
    " UNION SELECT b.o, e.start, n.label FROM b CROSS JOIN edges e INDEXED BY edges_type_end"
    "  ON e.type = 'SUPPORTS' AND e.\"end\" = b.x"
    "  JOIN nodes n ON n.id = e.start AND n.label IN ('Outcome', 'Action')"
    "  WHERE b.label = 'Outcome')"
    " SELECT o, x, label FROM b",
    # Per action: NO_OUTCOME and NO_MEASURE look at the reached outcomes of its own plan.
    "INSERT INTO fact_actions SELECT a.id, a.plan_id, a.theme, " + _reasons(
        ("NO_DEADLINE", "a.flag"),
        ("NO_MEASURE", _MEASURED.format(x="a.id") + " OR EXISTS (SELECT 1 FROM sf_fwd f"
         " CROSS JOIN nodes o ON o.id = f.o WHERE f.x = a.id AND o.plan_id IS a.plan_id AND "
         + _MEASURED.format(x="o.id") + ")"),
        ("NO_OUTCOME", "EXISTS (SELECT 1 FROM sf_fwd f CROSS JOIN sf_out o ON o.id = f.o"
         " WHERE f.x = a.id AND o.plan_id IS a.plan_id AND o.declared)"),
        ("NO_OWNER", _OWNED.format(x="a.id") + " OR (a.theme IS NOT NULL AND "
         + _OWNED.format(x="a.theme") + ")"),
    ) + ", a.quarter FROM (SELECT i.id, i.plan_id, i.flag, i.quarter, "
    + _THEME.format(x="i.id") + " AS theme FROM sf_items i WHERE i.label = 'Action') a",
    # Per declared outcome: supported by an action of its plan; measured, itself or by one
    # of its plan's supporters.
    "INSERT INTO fact_outcomes SELECT o.id, o.plan_id, o.theme, o.level, " + _reasons(
        ("NO_MEASURE", _MEASURED.format(x="o.id") + " OR EXISTS (SELECT 1 FROM sf_bwd b"
         " CROSS JOIN nodes x ON x.id = b.x WHERE b.o = o.id AND x.plan_id IS o.plan_id AND "
         + _MEASURED.format(x="b.x") + ")"),
        ("NO_SUPPORT", "EXISTS (SELECT 1 FROM sf_bwd b CROSS JOIN nodes x ON x.id = b.x"
         " WHERE b.o = o.id AND b.label = 'Action' AND x.plan_id IS o.plan_id)"),
    ) + " FROM (SELECT i.id, i.plan_id, " + _THEME.format(x="i.id") + " AS theme,"
    "  json_extract(n.props, '$.level') AS level FROM sf_items i JOIN nodes n ON n.id = i.id"
    "  WHERE i.label = 'Outcome' AND i.flag) o",
    # Per strategy an item references: the outcomes it feeds (the item itself when an
    # outcome, and every outcome it reaches).
    "INSERT OR IGNORE INTO fact_feeds SELECT e.\"end\", r.o, coalesce(x.plan_id, ''),"
    " o.plan_id, json_extract(o.props, '$.level')"
    " FROM sf_items x CROSS JOIN edges e INDEXED BY edges_type_start"
    "  ON e.type = 'REFERENCES' AND e.start = x.id"
    " JOIN nodes s ON s.id = e.\"end\" AND s.label = 'Strategy'"
    " JOIN (SELECT x, o FROM sf_fwd UNION ALL"
    "       SELECT id, id FROM sf_items WHERE label = 'Outcome') r ON r.x = x.id"
    " JOIN nodes o ON o.id = r.o",
)


def refresh(con: sqlite3.Connection, plans: Collection[str | None] | None) -> None:
    """Recompute the facts of the items of ``plans`` (None: of every item), inside the
    caller's transaction."""
    from stratgraph.graph.sqlite_summaries import prepare

    prepare(con)
    if plans is None:
        # SQLite's default page cache (2 MB) makes a whole refresh of a national graph
        # thrash the disk (index builds, chains' lookups); a larger one (a bound, not an
        # allocation) keeps its working set in memory.
        con.execute(f"PRAGMA main.cache_size = {-CACHE_KB}")
        con.execute(f"PRAGMA temp.cache_size = {-CACHE_KB}")
    create(con)
    _drop(con)
    try:
        con.execute("CREATE TEMP TABLE sf_items (id TEXT PRIMARY KEY, label TEXT,"
                    " plan_id TEXT, flag INTEGER, quarter TEXT) WITHOUT ROWID")
        select = f"SELECT id, label, plan_id, {_FLAG}, {_QUARTER} FROM nodes"
        if plans is None:
            for table in FACT_TABLES:
                con.execute(f"DELETE FROM {table}")
            con.execute(f"INSERT INTO sf_items {select} WHERE label IN ('Action', 'Outcome')")
        else:
            named = sorted(p for p in plans if p is not None)
            con.execute("CREATE TEMP TABLE sf_plans (plan_id TEXT PRIMARY KEY) WITHOUT ROWID")
            con.executemany("INSERT INTO sf_plans VALUES (?)", ((p,) for p in named))
            con.execute(f"INSERT INTO sf_items {select} WHERE plan_id IN"
                        " (SELECT plan_id FROM sf_plans) AND label IN ('Action', 'Outcome')")
            parts = [*named, ""] if None in plans else named
            if None in plans:
                con.execute(f"INSERT INTO sf_items {select} WHERE plan_id IS NULL"
                            " AND label IN ('Action', 'Outcome')")
            for table in ("fact_actions", "fact_outcomes"):
                con.execute(f"DELETE FROM {table} WHERE plan_id IN"
                            " (SELECT plan_id FROM sf_plans)")
                if None in plans:
                    con.execute(f"DELETE FROM {table} WHERE plan_id IS NULL")
            con.executemany("DELETE FROM fact_feeds WHERE part = ?", ((p,) for p in parts))
        # Declared and plan of every outcome an item reaches (any plan's).
        con.execute("CREATE TEMP VIEW IF NOT EXISTS sf_out AS SELECT id, plan_id,"
                    " coalesce(json_extract(props, '$.level'), '') <> 'objective' AS declared"
                    " FROM nodes WHERE label = 'Outcome'")
        for step in _STEPS:
            con.execute(step)
        _refresh_refs(con, plans)
        _refresh_coverage(con, plans)
    finally:
        _drop(con)
        con.execute("PRAGMA main.cache_size = -2000")
        con.execute("PRAGMA temp.cache_size = -2000")


_REF_THEME = ("CASE WHEN x.label = 'Theme' THEN x.id WHEN x.label IN ('Action', 'Outcome') THEN"
              " coalesce(" + _THEME.format(x="x.id") + ", '') ELSE '' END")


def _refresh_refs(con: sqlite3.Connection, plans: Collection[str | None] | None) -> None:
    """``fact_refs`` of the nodes of ``plans`` (None: of every node)."""
    select = ("SELECT coalesce(x.plan_id, ''), e.\"end\", " + _REF_THEME + ", s.label"
              " FROM {source} CROSS JOIN edges e INDEXED BY edges_type_start"
              "  ON e.type = 'REFERENCES' AND e.start = x.id"
              " JOIN nodes s ON s.id = e.\"end\" AND s.label IN ('Strategy', 'Partnership')")
    if plans is None:
        con.execute("DELETE FROM fact_refs")
        # From the REFERENCES links (a few hundred thousand), not from every node.
        con.execute(
            "INSERT OR IGNORE INTO fact_refs SELECT coalesce(x.plan_id, ''), e.\"end\", "
            + _REF_THEME + ", s.label FROM edges e INDEXED BY edges_type_start"
            " CROSS JOIN nodes x ON x.id = e.start"
            " CROSS JOIN nodes s ON s.id = e.\"end\" AND s.label IN ('Strategy', 'Partnership')"
            " WHERE e.type = 'REFERENCES'")
        return
    for plan in plans:
        con.execute("DELETE FROM fact_refs WHERE part = ?", (plan or "",))
        where = "plan_id IS NULL" if plan is None else "plan_id = :plan"
        con.execute("INSERT OR IGNORE INTO fact_refs " + select.format(
                        source=f"(SELECT id, label, plan_id FROM nodes WHERE {where}) x"),
                    {"plan": plan})


# Coverage's tests, in the order of its counts: an action passes one when its reasons lack it.
_COVERAGE_TESTS = ("NO_OUTCOME", "NO_MEASURE", "NO_OWNER", "NO_DEADLINE")
_COUNTS = ("SELECT coalesce(plan_id, ''), plan_id, theme, count(*), "
           + ", ".join(f"sum(instr(',' || reasons || ',', ',{c},') = 0)" for c in _COVERAGE_TESTS)
           + ", sum(reasons = '') FROM fact_actions {where} GROUP BY plan_id, theme")
# (part, measure, key) of each way coverage counts a measure under a plan or theme, for the
# nodes ``x`` of the refreshed plans (the measure itself, or what it measures).
_MEASURE_KEYS = (
    # The measure is PART_OF the theme.
    "SELECT coalesce(x.plan_id, ''), x.id, pe.\"end\" FROM {source} CROSS JOIN edges pe"
    " INDEXED BY edges_type_start ON pe.type = 'PART_OF' AND pe.start = x.id"
    " JOIN nodes th ON th.id = pe.\"end\" AND th.label = 'Theme' WHERE x.label = 'Measure'",
    # It measures something PART_OF the theme (the pair belongs to that something's plan).
    "SELECT coalesce(x.plan_id, ''), me.\"end\", pe.\"end\" FROM {source} CROSS JOIN edges me"
    " INDEXED BY edges_type_start ON me.type = 'MEASURED_BY' AND me.start = x.id"
    " JOIN nodes m ON m.id = me.\"end\" AND m.label = 'Measure'"
    " CROSS JOIN edges pe INDEXED BY edges_type_start ON pe.type = 'PART_OF' AND pe.start = x.id"
    " JOIN nodes th ON th.id = pe.\"end\" AND th.label = 'Theme'",
    # It is the plan's.
    "SELECT x.plan_id, x.id, x.plan_id FROM {source} WHERE x.label = 'Measure'"
    " AND x.plan_id IS NOT NULL",
)


def _refresh_coverage(con: sqlite3.Connection, plans: Collection[str | None] | None) -> None:
    """``fact_action_counts`` and ``fact_measure_keys`` of ``plans`` (None: of every plan),
    after ``fact_actions`` of those plans is current."""
    if plans is None:
        con.execute("DELETE FROM fact_action_counts")
        con.execute("INSERT INTO fact_action_counts " + _COUNTS.format(where=""))
        con.execute("DELETE FROM fact_measure_keys")
        for select in _MEASURE_KEYS:
            con.execute("INSERT OR IGNORE INTO fact_measure_keys "
                        + select.format(source="nodes x"))
        return
    for plan in plans:
        con.execute("DELETE FROM fact_action_counts WHERE part = ?", (plan or "",))
        con.execute("DELETE FROM fact_measure_keys WHERE part = ?", (plan or "",))
        where = "WHERE plan_id IS NULL" if plan is None else "WHERE plan_id = :plan"
        con.execute("INSERT INTO fact_action_counts " + _COUNTS.format(where=where),
                    {"plan": plan})
        source = f"(SELECT id, label, plan_id FROM nodes {where}) x"
        for select in _MEASURE_KEYS:
            con.execute("INSERT OR IGNORE INTO fact_measure_keys " + select.format(source=source),
                        {"plan": plan})


def has_ref_facts(con: sqlite3.Connection) -> bool:
    """Whether the file has ``fact_refs`` (a file whose facts predate it gets it on open)."""
    return con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fact_refs'").fetchone() is not None


def add_ref_facts(con: sqlite3.Connection) -> None:
    """Create and fill ``fact_refs`` alone, for a file whose other facts are current (inside
    the caller's transaction)."""
    from stratgraph.graph.sqlite_summaries import prepare

    prepare(con)
    create(con)
    _refresh_refs(con, None)


def plan_changes(con: sqlite3.Connection) -> tuple[list[dict[str, Any]], int] | None:
    """What changed per plan pair (graph/pair_answers.py ``pair_changes``) and how many
    plan-evolution rows there are, from the facts its summary reads (None: no current
    facts; the rows decide)."""
    from stratgraph.graph.pair_answers import evolution_answers
    from stratgraph.graph.sqlite_summaries import evolution_inputs

    if not (current(con) and has_ref_facts(con)):
        return None
    items, changes = evolution_answers(*evolution_inputs(con))
    return changes, len(items)


def _drop(con: sqlite3.Connection) -> None:
    for table in _TEMP:
        con.execute(f"DROP TABLE IF EXISTS temp.{table}")


# -- summaries from the facts ----------------------------------------------------------------

Triple = tuple[Any, Any, int]
