"""`stratgraph viz`: write an interactive, offline HTML picture of the graph or a selection."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from stratgraph.cli.options import (
    DEFAULT_GRAPH_FILE,
    DatabaseOpt,
    FocusOpt,
    GraphOpt,
    HopsOpt,
    LabelOpt,
    PasswordFileOpt,
    PasswordOpt,
    PlanOpt,
    QueryNameOpt,
    StoreOpt,
    ThemeOpt,
    UriOpt,
    UserOpt,
    selection_from_options,
)
from stratgraph.cli.support import open_from_options, reported


def viz(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="FILE", help="HTML file to write.", dir_okay=False),
    ] = Path("stratgraph.html"),
    plan: PlanOpt = None,
    theme: ThemeOpt = None,
    label: LabelOpt = None,
    focus: FocusOpt = None,
    hops: HopsOpt = 1,
    query: QueryNameOpt = None,
    force: Annotated[
        bool,
        typer.Option("--force", metavar="", help="Draw even more nodes than a browser handles well "
                     "(1,500); the page may be slow."),
    ] = False,
    title: Annotated[
        Optional[str], typer.Option("--title", metavar="TEXT", help="Title shown on the page.")
    ] = None,
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Write an interactive HTML picture of the graph (works offline; open it in a browser)."""
    from stratgraph.cli.render import say
    from stratgraph.viz import MAX_NODES, write_picture

    with reported():
        selection = selection_from_options(plan, theme, label, focus, hops, query)
        with open_from_options(store, graph, uri, user, password, database, password_file) as target:
            picture = write_picture(target, output, selection, force=force, title=title)
    if picture.nodes > MAX_NODES:
        typer.echo(f"warning: {picture.nodes} nodes; the page may be slow to lay out", err=True)
    if not picture.nodes:
        say(f"warning: the selection ({selection.describe()}) is empty", err=True)
    say(
        f"wrote {picture.path} ({picture.nodes} nodes, {picture.relationships} relationships, "
        f"{picture.orphans} orphan actions highlighted)"
    )
