"""Options several commands share: which store, and how to reach it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from stratgraph.cli.stores import store_config
from stratgraph.config import DEFAULT_GRAPH_FILE, adopt_legacy_default

if TYPE_CHECKING:
    from stratgraph.graph.select import Selection

StoreOpt = Annotated[
    str, typer.Option("--store", metavar="embedded|neo4j",
        help="Where the graph lives: embedded (a local file) or neo4j.")
]
GraphOpt = Annotated[
    Path,
    typer.Option(
        "--graph", metavar="FILE", dir_okay=False, callback=adopt_legacy_default,
        help="The embedded store's file (SQLite; a JSON graph file from an earlier version is "
        "converted on first use and kept as FILE.bak).",
    ),
]
UriOpt = Annotated[
    Optional[str],
    typer.Option("--uri", metavar="URI",
        help="Neo4j URI (bolt://, neo4j://, neo4j+s://); default $NEO4J_URI."),
]
UserOpt = Annotated[
    Optional[str], typer.Option("--user", metavar="USER",
        help="Neo4j user; default $NEO4J_USERNAME or neo4j.")
]
PasswordOpt = Annotated[
    Optional[str],
    typer.Option(
        "--password",
        metavar="PASSWORD",
        help="Neo4j password; default $NEO4J_PASSWORD. Prefer the environment or "
        "--password-file: options show in the process list.",
        show_default=False,
    ),
]
PasswordFileOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--password-file",
        metavar="FILE",
        help="Read the Neo4j password from this file (must not be readable by others).",
        dir_okay=False,
    ),
]
DatabaseOpt = Annotated[
    Optional[str], typer.Option("--database", metavar="NAME",
        help="Neo4j database; default $NEO4J_DATABASE.")
]


# -- selections, shared by `export` and `viz` ------------------------------------------

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


__all__ = [
    "DEFAULT_GRAPH_FILE",
    "DatabaseOpt",
    "FocusOpt",
    "GraphOpt",
    "HopsOpt",
    "LabelOpt",
    "PasswordFileOpt",
    "PasswordOpt",
    "PlanOpt",
    "QueryNameOpt",
    "StoreOpt",
    "ThemeOpt",
    "UriOpt",
    "UserOpt",
    "selection_from_options",
    "store_config",
]
