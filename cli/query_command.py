"""`stratgraph query`: list the named queries, or run one and print its rows."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from typing import Annotated, Any, Optional, TextIO

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

FORMATS = ("table", "json", "csv", "jsonl")
#: Rows a table shows of a whole-graph answer before it shows the summary first.
TABLE_PAGE = 50


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
    out = io.StringIO()
    write_rows(iter(rows), columns, fmt, out)
    return out.getvalue().rstrip("\n")


def write_rows(rows: Iterator[dict[str, Any]], columns: list[str], fmt: str, out: TextIO) -> int:
    """Write rows to ``out`` as they come (bounded memory): JSON (one list), JSON lines (one
    object a line) or CSV, text exact in JSON and formula-safe in CSV. Returns the count."""
    from stratgraph.cli.render import JSON_ESCAPES

    count = 0
    if fmt == "csv":
        from stratgraph.graph.csv_safe import SafeWriter

        writer = SafeWriter(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row.get(c)) for c in columns])
            count += 1
        return count
    import json

    for row in rows:
        record = {c: row.get(c) for c in columns}
        if fmt == "jsonl":
            text = json.dumps(record, ensure_ascii=False, allow_nan=False)
            out.write(text.translate(JSON_ESCAPES) + "\n")
        else:
            text = json.dumps(record, indent=2, ensure_ascii=False, allow_nan=False)
            out.write(("[\n" if count == 0 else ",\n") + "  "
                      + text.translate(JSON_ESCAPES).replace("\n", "\n  "))
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "[]\n")
    return count


def _print_table(rows: list[dict[str, Any]], columns: list[str], title: str,
                 caption: str = "") -> None:
    from stratgraph.cli.table import print_rows

    print_rows(rows, columns, title)
    if caption:
        from stratgraph.cli.render import say

        say(caption)


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
        typer.Option("--format", "-f", metavar="table|json|csv|jsonl",
                     help="Output: table (for reading), json, csv or jsonl (every row and "
                     "value, ids too, streamed)."),
    ] = "table",
    limit: Annotated[
        Optional[int],
        typer.Option("--limit", min=0, metavar="N", help="At most this many rows (after --offset).",
                     show_default=False),
    ] = None,
    offset: Annotated[
        int, typer.Option("--offset", min=0, metavar="N", help="Skip this many rows first (paging).")
    ] = 0,
    summary: Annotated[
        bool,
        typer.Option("--summary", metavar="", help="Only the counts: rows per plan (or lead, strategy, "
                     "kind) and per reason."),
    ] = False,
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
        from stratgraph.graph.queries import (
            get_query,
            prepare_params,
            query_summary,
            stream_query,
        )

        if name is None:
            raise QueryError("name a query to run, or use --list to see them")
        if fmt not in FORMATS:
            raise QueryError(f"--format {fmt!r}: choose from {', '.join(FORMATS)}")
        spec = get_query(name)
        params = prepare_params(name, parse_params(param or []))
        if store == "embedded" and not graph.exists():
            raise StoreError(f"{graph}: no saved graph; run `stratgraph build` first")
        with open_from_options(store, graph, uri, user, password, database, password_file) as target:
            if summary:
                _print_summary(spec, query_summary(target, name, params), fmt)
                return
            if fmt != "table":
                written = write_rows(stream_query(target, name, params, offset=offset,
                                                  limit=limit),
                                     spec.column_names, fmt, sys.stdout)
                if not written and not offset:
                    _check_names(target, params)
                return
            # A table is read by a person: a whole-graph answer shows its summary first,
            # then one page, rather than thousands of rows.
            whole = limit is None and not offset and not any(
                v is not None for k, v in params.items() if k != "min_confidence"
            )
            page = TABLE_PAGE if whole else limit
            rows = list(stream_query(target, name, params, offset=offset,
                                     limit=None if page is None else page + 1 if whole else page))
            if not rows and not offset:
                _check_names(target, params)
            if whole and len(rows) > TABLE_PAGE:
                _print_summary(spec, query_summary(target, name, params), fmt)
                rows = rows[:TABLE_PAGE]
                _print_table(rows, spec.column_names, f"{name}, first {TABLE_PAGE} rows",
                             caption=f"more: --offset {TABLE_PAGE} --limit N\n"
                             "every row, ids too: --format csv, json or jsonl")
                return
    _print_table(rows, spec.column_names, name)


def _check_names(target: Any, params: dict[str, Any]) -> None:
    # An empty answer must mean "none", never "misspelt": name what there is.
    from stratgraph.graph.suggest import check_names

    check_names(target, params)


def _print_summary(spec: Any, rows: list[dict[str, Any]], fmt: str) -> None:
    from stratgraph.graph.queries import summary_columns

    columns = summary_columns(spec, rows)
    if fmt == "table":
        _print_table(rows, columns, f"{spec.name} summary by {spec.group}", caption="")
    else:
        write_rows(iter(rows), columns, fmt, sys.stdout)
