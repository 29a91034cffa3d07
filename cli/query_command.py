"""`stratgraph query`: list the named queries, or run one and print its rows."""

from __future__ import annotations

import io
from typing import Annotated, Any

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

FORMATS = ("table", "json", "csv")


def parse_params(items: list[str]) -> dict[str, str]:
    """``k=v`` strings as a dict; QueryError for an item without ``=``."""
    params: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        params[key.strip()] = value
    return params


def _cell(value: Any, joiner: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return joiner.join(str(v) for v in value)
    return str(value)


def _csv_cell(value: Any) -> str | int | float:
    from stratgraph.graph.csv_safe import safe_cell

    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return safe_cell(_cell(value, "; "))


def format_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str) -> str:
    """Rows as JSON (a list of objects, text exact) or CSV (lists joined with "; ", cells a
    spreadsheet would run as formulas neutralised)."""
    if fmt == "json":
        from stratgraph.cli.render import json_text

        return json_text(rows)
    from stratgraph.graph.csv_safe import SafeWriter

    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])
    return out.getvalue().rstrip("\n")


def _print_table(rows: list[dict[str, Any]], columns: list[str], title: str) -> None:
    from stratgraph.cli.table import print_rows

    print_rows(rows, columns, title)


def _print_list() -> None:
    from stratgraph.graph.queries import list_queries

    for spec in list_queries():
        typer.echo(f"{spec.name:26} {spec.description}")
        params = ", ".join(p.name for p in spec.params)
        typer.echo(f"{'':26}   params: {params}")


def query(
    name: Annotated[
        str | None, typer.Argument(metavar="NAME", help="The query to run (see --list).",
                                    show_default=False)
    ] = None,
    list_: Annotated[
        bool, typer.Option("--list", metavar="",
            help="List the named queries with their parameters.")
    ] = False,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="NAME=VALUE",
            help="A query parameter NAME=VALUE (repeatable); passed to Cypher as a parameter.",
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", metavar="table|json|csv",
                     help="Output: table (for reading), json or csv (every value, ids too)."),
    ] = "table",
    store: StoreOpt = "embedded",
    graph: GraphOpt = DEFAULT_GRAPH_FILE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    password_file: PasswordFileOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Ask the graph a planner's question: orphan actions, coverage, cross-theme links..."""
    if list_:
        _print_list()
        return
    with reported():
        from stratgraph.graph.queries import get_query, prepare_params

        if name is None:
            raise QueryError("name a query to run, or use --list to see them")
        if fmt not in FORMATS:
            raise QueryError(f"--format {fmt!r}: choose from {', '.join(FORMATS)}")
        spec = get_query(name)
        params = prepare_params(name, parse_params(param or []))
        if store == "embedded" and not graph.exists():
            raise StoreError(f"{graph}: no saved graph; run `stratgraph build` first")
        with open_from_options(store, graph, uri, user, password, database, password_file) as target:
            rows = target.run_query(name, params)
            if not rows:
                # An empty answer must mean "none", never "misspelt": name what there is.
                from stratgraph.graph.suggest import check_names

                check_names(target, params)
    if fmt == "table":
        _print_table(rows, spec.column_names, name)
    else:
        from stratgraph.cli.render import for_terminal

        typer.echo(for_terminal(format_rows(rows, spec.column_names, fmt)))
