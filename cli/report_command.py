"""`stratgraph report`: write the plans' health overview as one offline HTML page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer
from stratgraph.cli.options import (
    DEFAULT_GRAPH_FILE,
    DatabaseOpt,
    GraphOpt,
    PasswordFileOpt,
    PasswordOpt,
    StoreOpt,
    UriOpt,
    UserOpt,
)
from stratgraph.cli.support import open_from_options, reported

from stratgraph.errors import QueryError, StoreError


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"--today {value!r}: give a date as YYYY-MM-DD") from None


def report(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="FILE", help="HTML file to write.", dir_okay=False),
    ] = Path("report.html"),
    plan: Annotated[
        Optional[list[str]],
        typer.Option("--plan", metavar="NAME", show_default=False,
                     help="Only this plan (name, id or document file name). Repeatable."),
    ] = None,
    today: Annotated[
        Optional[str],
        typer.Option("--today", metavar="YYYY-MM-DD", show_default=False,
                     help="Count deadlines as overdue relative to this date (default: today)."),
    ] = None,
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Write the plans' health overview (coverage, gaps, deadlines, shared strategies, changes)
    as one offline HTML page to circulate."""
    from stratgraph.cli.export_command import _same_file
    from stratgraph.cli.render import say
    from stratgraph.viz.overview_page import write_report

    with reported():
        if store == "embedded" and _same_file(output, graph):
            raise StoreError(f"{output}: that is the graph file; choose another output file")
        day = _date(today)
        with open_from_options(store, graph, uri, user, password, database, password_file) as target:
            written = write_report(target, output, plans=plan, today=day)
    o = written.overview
    overdue = sum(q.actions for q in o.deadlines if q.overdue)
    say(f"wrote {written.path} ({len(o.plans)} plan(s), "
        f"{sum(g.total for g in o.orphans)} orphan actions, "
        f"{sum(g.total for g in o.unsupported)} unsupported outcomes, "
        f"{overdue} actions overdue on {o.today})")
