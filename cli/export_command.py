"""`stratgraph export`: write the graph (or a selection of it) for analysts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from stratgraph.cli.support import open_from_options, reported
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


def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.", dir_okay=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Export format.")] = "jsonl",
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Write the graph to a file for analysts (jsonl: the shape APOC imports)."""
    from stratgraph.graph.export import export as export_graph

    with reported():
        target = open_from_options(store, graph, uri, user, password, database, password_file)
        try:
            data = target.read()
        finally:
            target.close()
        written = export_graph(data, fmt, output)
    typer.echo(
        f"wrote {written} ({len(data.nodes)} nodes, {len(data.relationships)} relationships)"
    )


