"""The ``stratgraph`` command: thin wrappers that parse options, call the library, print.

Heavy libraries (neo4j, networkx, pyvis) are imported inside the commands that need them, so
``stratgraph --help`` starts fast.
"""

from __future__ import annotations

import sys
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
from stratgraph.cli.support import Command, Group, open_from_options, reported, state

app = typer.Typer(
    name="stratgraph",
    cls=Group,
    help="Turn council strategy documents into a knowledge graph of strategies and their "
    "dependencies, and ask it questions.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

@app.callback()
def _main(
    debug: Annotated[
        bool, typer.Option("--debug", metavar="",
            help="Show the full traceback when something fails.")
    ] = False,
) -> None:
    """stratgraph: strategies, outcomes and their dependencies, as a graph."""
    state["debug"] = debug


@app.command(cls=Command)
def build(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PLAN_OR_FOLDER", help="Plan files or folders of plans.")
    ],
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
    loader: Annotated[
        Optional[str], typer.Option("--loader", metavar="NAME",
            help="Force one loader (see `stratgraph loaders`).")
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace/--no-replace", metavar="",
            help="Remove what these documents contributed before loading them again "
            "(other documents are never touched).",
        ),
    ] = True,
    curation: Annotated[
        Optional[Path],
        typer.Option("--curation", metavar="FILE",
            help="Curation file (default: stratgraph-curation.toml "
                     "in the working directory, when present).", dir_okay=False),
    ] = None,
    threshold: Annotated[
        Optional[float],
        typer.Option("--threshold", metavar="0..1", min=0.0, max=1.0,
                     help="Lowest confidence kept for inferred links (0..1)."),
    ] = None,
    no_infer: Annotated[
        bool, typer.Option("--no-infer", metavar="", help="Store only links the documents state.")
    ] = False,
) -> None:
    """Read plans, build the graph, save it, and print what it holds."""
    from stratgraph.cli.build_command import run_build

    code = run_build(
        paths, store=store, graph=graph, uri=uri, user=user, password=password,
        password_file=password_file, database=database, loader=loader, replace=replace,
        curation=curation, threshold=threshold, no_infer=no_infer, debug=state["debug"],
    )
    if code:
        raise typer.Exit(code)


@app.command(cls=Command)
def stats(
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
    as_json: Annotated[bool, typer.Option("--json", metavar="",
        help="Print JSON for scripts.")] = False,
) -> None:
    """Print what the saved graph holds: nodes and relationships per label, type and document."""
    from stratgraph.cli.render import print_summary

    from stratgraph.api import stats as graph_stats
    from stratgraph.errors import StoreError

    with reported():
        if store == "embedded" and not graph.exists():
            # "0 nodes" would read as an empty graph; there is no graph at all.
            raise StoreError(f"{graph}: no saved graph; run `stratgraph build` first")
        with open_from_options(store, graph, uri, user, password, database, password_file) as target:
            summary = graph_stats(target)
    if as_json:
        from stratgraph.cli.render import json_text

        typer.echo(json_text(summary.as_dict()))
    else:
        print_summary(summary)


@app.command("loaders", cls=Command)
def list_loaders() -> None:
    """List the document shapes stratgraph reads."""
    from stratgraph.loaders.registry import LOADERS

    for name, loader in LOADERS.items():
        typer.echo(f"{name:20} {loader.description}")


# Commands with many options live in their own modules; registered here so `--help` lists them.
from stratgraph.cli.export_command import export  # noqa: E402
from stratgraph.cli.query_command import query  # noqa: E402
from stratgraph.cli.report_command import report  # noqa: E402
from stratgraph.cli.serve_command import serve  # noqa: E402
from stratgraph.cli.text_command import text  # noqa: E402
from stratgraph.cli.viz_command import viz  # noqa: E402

app.command("export", cls=Command)(export)
app.command("query", cls=Command)(query)
app.command("report", cls=Command)(report)
app.command("serve", cls=Command)(serve)
app.command("text", cls=Command)(text)
app.command("viz", cls=Command)(viz)


def main() -> None:
    """Console-script entry point."""
    from stratgraph.cli.support import app_for

    app_for(app, sys.argv[1:])()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
