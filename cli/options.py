"""Options several commands share: which store, and how to reach it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from stratgraph.config import DEFAULT_GRAPH_FILE, StoreConfig

StoreOpt = Annotated[
    str, typer.Option("--store", help="Where the graph lives: embedded (a local file) or neo4j.")
]
GraphOpt = Annotated[
    Path, typer.Option("--graph", help="The embedded store's file.", dir_okay=False)
]
UriOpt = Annotated[
    Optional[str],
    typer.Option("--uri", help="Neo4j URI (bolt://, neo4j://, neo4j+s://); default $NEO4J_URI."),
]
UserOpt = Annotated[
    Optional[str], typer.Option("--user", help="Neo4j user; default $NEO4J_USERNAME or neo4j.")
]
PasswordOpt = Annotated[
    Optional[str],
    typer.Option(
        "--password",
        help="Neo4j password; default $NEO4J_PASSWORD. Prefer the environment or "
        "--password-file: options show in the process list.",
        show_default=False,
    ),
]
PasswordFileOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--password-file",
        help="Read the Neo4j password from this file (must not be readable by others).",
        dir_okay=False,
    ),
]
DatabaseOpt = Annotated[
    Optional[str], typer.Option("--database", help="Neo4j database; default $NEO4J_DATABASE.")
]


def store_config(
    store: str,
    graph: Path,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    password_file: Path | None = None,
) -> StoreConfig:
    """The :class:`StoreConfig` the shared options describe."""
    if password_file is not None:
        from stratgraph.config import read_password_file

        password = read_password_file(password_file)
    return StoreConfig(
        kind=store, graph_file=graph, uri=uri, user=user, password=password, database=database
    )


__all__ = [
    "DEFAULT_GRAPH_FILE",
    "DatabaseOpt",
    "GraphOpt",
    "PasswordFileOpt",
    "PasswordOpt",
    "StoreOpt",
    "UriOpt",
    "UserOpt",
    "store_config",
]
