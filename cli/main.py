"""The ``stratgraph`` command: thin wrappers that parse options, call the library, print.

Heavy libraries (neo4j, networkx, pyvis) are imported inside the commands that need them, so
``stratgraph --help`` starts fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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
    store_config,
)
from stratgraph.errors import StratgraphError

app = typer.Typer(
    name="stratgraph",
    help="Turn council strategy documents into a knowledge graph of strategies and their "
    "dependencies, and ask it questions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}


@app.callback()
def _main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback when something fails.")
    ] = False,
) -> None:
    """stratgraph: strategies, outcomes and their dependencies, as a graph."""
    _state["debug"] = debug


@contextmanager
def reported() -> Iterator[None]:
    """Turn a :class:`StratgraphError` into one line on stderr and exit code 1."""
    try:
        yield
    except StratgraphError as exc:
        if _state["debug"]:
            raise
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("interrupted: nothing was saved from the unfinished step", err=True)
        raise typer.Exit(130) from None


def _open(store, graph, uri, user, password, database, password_file=None):  # noqa: ANN001
    from stratgraph.config import open_store

    return open_store(store_config(store, graph, uri, user, password, database, password_file))


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or folders of plans.")],
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
    loader: Annotated[
        Optional[str], typer.Option("--loader", help="Force one loader (see `stratgraph loaders`).")
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace/--no-replace",
            help="Remove what these documents contributed before loading them again "
            "(other documents are never touched).",
        ),
    ] = True,
    curation: Annotated[
        Optional[Path],
        typer.Option("--curation", help="Curation file (default: stratgraph-curation.toml "
                     "in the working directory, when present).", dir_okay=False),
    ] = None,
    threshold: Annotated[
        Optional[float],
        typer.Option("--threshold", min=0.0, max=1.0,
                     help="Lowest confidence kept for inferred links (0..1)."),
    ] = None,
    no_infer: Annotated[
        bool, typer.Option("--no-infer", help="Store only links the documents state.")
    ] = False,
) -> None:
    """Read plans, build the graph, save it, and print what it holds."""
    from stratgraph.api import build as build_graph
    from stratgraph.api import discover
    from stratgraph.cli.render import print_summary, progress_callback

    with reported():
        target = _open(store, graph, uri, user, password, database, password_file)
        try:
            files = discover(paths)
            with progress_callback(len(files)) as tick:
                result = build_graph(
                    paths, target, loader=loader, replace=replace, curation=curation,
                    infer=not no_infer, threshold=threshold, progress=tick,
                )
        finally:
            target.close()
    for error in result.errors:
        typer.echo(f"error: {error}", err=True)
    if result.summary:
        print_summary(result.summary, loaded=[e.document for e in result.extractions])
    if result.errors:
        typer.echo(
            f"{len(result.errors)} file(s) could not be loaded; "
            f"{len(result.extractions)} loaded and saved.",
            err=True,
        )
        raise typer.Exit(1)


@app.command()
def stats(
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Print what the saved graph holds: nodes and relationships per label, type and document."""
    from stratgraph.api import stats as graph_stats
    from stratgraph.cli.render import print_summary

    with reported():
        target = _open(store, graph, uri, user, password, database, password_file)
        try:
            summary = graph_stats(target)
        finally:
            target.close()
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), indent=2))
    else:
        print_summary(summary)


@app.command()
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
        target = _open(store, graph, uri, user, password, database, password_file)
        try:
            data = target.read()
        finally:
            target.close()
        written = export_graph(data, fmt, output)
    typer.echo(
        f"wrote {written} ({len(data.nodes)} nodes, {len(data.relationships)} relationships)"
    )


@app.command("loaders")
def list_loaders() -> None:
    """List the document shapes stratgraph reads."""
    from stratgraph.loaders.registry import LOADERS

    for name, loader in LOADERS.items():
        typer.echo(f"{name:20} {loader.description}")


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
