"""CSV files in the layout ``neo4j-admin database import full`` reads: a folder with
``nodes.csv`` and ``relationships.csv``.

Headers follow the import tool: ``id:ID`` and ``:LABEL`` for nodes (the marker label
``Stratgraph`` and the model label, as ``Neo4jStore`` writes them); ``:START_ID``, ``:END_ID``
and ``:TYPE`` for relationships; typed columns such as ``source_line:int`` and
``confidence:double``; lists as arrays such as ``aliases:string[]`` whose items are separated by
``;`` (the tool's default array delimiter). Import with::

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\
        --multiline-fields=true neo4j

(``--multiline-fields`` because a name may contain a line break.) A list item that itself
contains ``;`` is split by the import tool: the CSV format has no way to escape it.

Analysts also open these files in spreadsheets, so a text cell that begins like a formula
(``=``, ``+``, ``-``, ``@``, tab, carriage return) is written with a leading ``'``
(:mod:`stratgraph.graph.csv_safe`); the JSON, GraphML, GEXF and Cypher exports keep the text
exact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from stratgraph.graph.csv_safe import SafeWriter, safe_cell
from stratgraph.graph.data import GraphData
from stratgraph.graph.export_cypher import MARKER_LABEL, exact_properties
from stratgraph.graph.export_types import Scalar, property_types

NODES_FILE = "nodes.csv"
RELATIONSHIPS_FILE = "relationships.csv"
ARRAY_DELIMITER = ";"

_INT32 = range(-(2**31), 2**31)


def write_csv_folder(graph: GraphData, folder: Path) -> None:
    """Write ``nodes.csv`` and ``relationships.csv`` into ``folder`` (which must exist)."""
    nodes = [
        (f"{MARKER_LABEL};{node.label.value}",
         {k: v for k, v in node.as_properties().items() if k != "id"}, node.id)
        for node in graph.sorted_nodes()
    ]
    node_columns = _columns([props for _, props, _ in nodes])
    with (folder / NODES_FILE).open("w", encoding="utf-8", newline="") as fh:
        writer = SafeWriter(fh)
        writer.writerow(["id:ID", ":LABEL", *(_header(c) for c in node_columns)])
        for label, props, node_id in nodes:
            writer.writerow([node_id, label, *(_cell(props.get(c[0]), c) for c in node_columns)])

    rels = [
        r for r in graph.sorted_relationships() if r.start in graph.nodes and r.end in graph.nodes
    ]
    rel_columns = _columns([exact_properties(r) for r in rels])
    with (folder / RELATIONSHIPS_FILE).open("w", encoding="utf-8", newline="") as fh:
        writer = SafeWriter(fh)
        writer.writerow([":START_ID", ":END_ID", ":TYPE", *(_header(c) for c in rel_columns)])
        for rel in rels:
            props = exact_properties(rel)
            writer.writerow(
                [rel.start, rel.end, rel.type.value,
                 *(_cell(props.get(c[0]), c) for c in rel_columns)]
            )


Column = tuple[str, str, bool]  # (property name, neo4j-admin type, is an array)


def _columns(records: Sequence[Mapping[str, Any]]) -> list[Column]:
    """The typed columns for ``records``: common properties first, then the rest by name."""
    types = property_types(records)
    first = ["name", "source_document", "source_line", "method", "confidence"]
    order = [n for n in first if n in types] + sorted(n for n in types if n not in first)
    columns: list[Column] = []
    for name in order:
        kind, is_list = types[name]
        columns.append((name, _admin_type(name, kind, records), is_list))
    return columns


def _admin_type(name: str, kind: Scalar, records: Sequence[Mapping[str, Any]]) -> str:
    if kind != "int":
        return kind
    # The import tool's ``int`` is 32-bit; wider whole numbers need ``long``.
    for record in records:
        value = record.get(name)
        values = value if isinstance(value, list | tuple) else [value]
        if any(isinstance(v, int) and v not in _INT32 for v in values):
            return "long"
    return "int"


def _header(column: Column) -> str:
    name, kind, is_list = column
    if is_list:
        return f"{name}:{kind}[]"
    return name if kind == "string" else f"{name}:{kind}"


def _cell(value: Any, column: Column) -> str:
    if value is None:
        return ""
    _, kind, is_list = column
    if is_list:
        items = value if isinstance(value, list | tuple) else [value]
        text = ARRAY_DELIMITER.join(_scalar(v, kind) for v in items)
    else:
        text = _scalar(value, kind)
    # Typed columns hold numbers and booleans the import tool parses; only text is neutralised.
    return safe_cell(text) if kind == "string" else text


def _scalar(value: Any, kind: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "double" and isinstance(value, int | float):
        return repr(float(value))
    return str(value)
