"""`stratgraph export`: write the graph (or a selection of it) for analysts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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

from stratgraph.errors import StoreError


def export(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="PATH",
                     help="File to write (a folder for --format csv)."),
    ],
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT",
                     help="jsonl (APOC), json (networkx/D3), graphml (yEd, Gephi, Cytoscape), "
                     "gexf (Gephi), csv (a folder for neo4j-admin import), cypher (MERGE "
                     "script)."),
    ] = "jsonl",
    plan: PlanOpt = None,
    theme: ThemeOpt = None,
    label: LabelOpt = None,
    focus: FocusOpt = None,
    hops: HopsOpt = 1,
    query: QueryNameOpt = None,
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Write the graph, or a selection of it, in a format other tools read."""
    from stratgraph.cli.render import say
    from stratgraph.graph.export import export as export_graph
    from stratgraph.graph.select import select_from_store

    with reported():
        if store == "embedded" and _same_file(output, graph):
            raise StoreError(f"{output}: that is the graph file; choose another output file")
        selection = selection_from_options(plan, theme, label, focus, hops, query)
        with open_from_options(store, graph, uri, user, password, database, password_file) as target:
            data = select_from_store(target, selection)
        written = export_graph(data, fmt, output)
    if not data.nodes:
        say(f"warning: the selection ({selection.describe()}) is empty", err=True)
    say(
        f"wrote {written} ({len(data.nodes)} nodes, {len(data.relationships)} relationships)"
    )


def _same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file (through symlinks or hard links too)."""
    import os

    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)
