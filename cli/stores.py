"""Opening the store the shared options name. No typer here: ``build``'s quick path
(:mod:`stratgraph.cli.build_command`) opens its store through this too."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stratgraph.config import StoreConfig
    from stratgraph.graph.store import GraphStore


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
    from stratgraph.config import StoreConfig

    if password_file is not None:
        from stratgraph.config import read_password_file

        password = read_password_file(password_file)
    return StoreConfig(
        kind=store, graph_file=graph, uri=uri, user=user, password=password, database=database
    )


@contextmanager
def open_from_options(
    store: str,
    graph: Path,
    uri: str | None,
    user: str | None,
    password: str | None,
    database: str | None,
    password_file: Path | None = None,
) -> Iterator[GraphStore]:
    """The store the shared options describe, closed when the block ends."""
    from stratgraph.cli.render import echo
    from stratgraph.config import open_store

    target = open_store(store_config(store, graph, uri, user, password, database, password_file))
    try:
        # A Neo4j load cut off part-way leaves a mark; every command that opens it says so.
        unfinished = getattr(target, "unfinished_load", None)
        notice = unfinished() if unfinished is not None else None
        if notice:
            echo(f"warning: {notice}", err=True)
        yield target
    finally:
        target.close()
