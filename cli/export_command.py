"""`stratgraph export`: write the graph (or a selection of it) for analysts.

The selection options are defined here and shared with `stratgraph viz`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

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

if TYPE_CHECKING:
    from stratgraph.graph.select import Selection

PlanOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--plan", metavar="NAME", show_default=False,
        help="Keep this plan (name, id or document file name) and what belongs to it. "
        "Repeatable.",
    ),
]
ThemeOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--theme", metavar="NAME", show_default=False,
        help="Keep this theme (name or id), its contents and its plan. Repeatable.",
    ),
]
LabelOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--label", metavar="LABEL", show_default=False,
        help="Keep nodes with this label (Plan, Theme, Outcome, Action, Measure, Strategy, "
        "Partnership, CabinetLead, Organisation). Repeatable.",
    ),
]
FocusOpt = Annotated[
    Optional[str],
    typer.Option(
        "--focus", metavar="NAME",
        help="Keep the neighbourhood of this node (name or id, any case).",
    ),
]
HopsOpt = Annotated[
    int,
    typer.Option(
        "--hops", min=0, metavar="N", help="How many relationships from --focus to keep."
    ),
]
QueryNameOpt = Annotated[
    Optional[str],
    typer.Option(
        "--query", metavar="NAME",
        help="Keep the nodes a named query returns, with their neighbours.",
    ),
]


def selection_from_options(
    plan: list[str] | None,
    theme: list[str] | None,
    label: list[str] | None,
    focus: str | None,
    hops: int,
    query: str | None,
) -> Selection:
    """The :class:`~stratgraph.graph.select.Selection` the selection options describe.

    Options given together intersect; one option given twice unites.
    """
    from stratgraph.graph.select import Selection

    return Selection(
        plans=tuple(plan or ()), themes=tuple(theme or ()), labels=tuple(label or ()),
        focus=focus, hops=hops, query=query,
    )


def export(
    output: Annotated[
        Path,
        typer.Option("-o", "--output",
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
    from stratgraph.graph.export import export as export_graph
    from stratgraph.graph.select import select_from_store

    with reported():
        selection = selection_from_options(plan, theme, label, focus, hops, query)
        target = open_from_options(store, graph, uri, user, password, database, password_file)
        try:
            data = select_from_store(target, selection)
        finally:
            target.close()
        written = export_graph(data, fmt, output)
    if not data.nodes:
        typer.echo(f"warning: the selection ({selection.describe()}) is empty", err=True)
    typer.echo(
        f"wrote {written} ({len(data.nodes)} nodes, {len(data.relationships)} relationships)"
    )
