"""`stratgraph query`: list the named queries, or run one and print its rows."""

from __future__ import annotations

import csv
import io
import json
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


def format_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str) -> str:
    """Rows as JSON (a list of objects) or CSV (lists joined with "; ")."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c), "; ") for c in columns])
    return out.getvalue().rstrip("\n")


def table_columns(columns: list[str]) -> list[str]:
    """The columns a table shows: ids are for scripts (json, csv), not for reading, and the
    source document and line show as one ``source`` column."""
    shown = [c for c in columns if not c.endswith("_id") and c not in ("key", "source_line")]
    return ["source" if c == "source_document" else c for c in shown]


def _table_cell(row: dict[str, Any], column: str) -> str:
    if column == "source":
        return f"{row.get('source_document')}:{row.get('source_line')}"
    return _cell(row.get(column), "\n")


def _print_table(rows: list[dict[str, Any]], columns: list[str], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title}: {len(rows)} row(s)", caption="ids: --format json or csv",
                  show_lines=False)
    for column in table_columns(columns):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_table_cell(row, c) for c in table_columns(columns)))
    Console().print(table)


def _print_list() -> None:
    from stratgraph.graph.queries import list_queries

    for spec in list_queries():
        typer.echo(f"{spec.name:26} {spec.description}")
        params = ", ".join(p.name for p in spec.params)
        typer.echo(f"{'':26}   params: {params}")


def query(
    name: Annotated[
        str | None, typer.Argument(help="The query to run (see --list).", show_default=False)
    ] = None,
    list_: Annotated[
        bool, typer.Option("--list", help="List the named queries with their parameters.")
    ] = False,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help="A query parameter NAME=VALUE (repeatable); passed to Cypher as a parameter.",
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Output: table, json or csv.")
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
    if fmt == "table":
        _print_table(rows, spec.column_names, name)
    else:
        typer.echo(format_rows(rows, spec.column_names, fmt))
