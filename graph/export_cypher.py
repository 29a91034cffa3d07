"""A Cypher script that recreates the graph in an empty Neo4j: one ``MERGE`` a line.

The script has no parameters, so every value is written as a literal. Document text reaches a
literal only through :func:`cypher_literal`, which escapes backslashes, quotes and every
control character, so a line break never splits a statement and a name such as
``'}) DETACH DELETE n //`` stays a string. Labels and relationship types come from the model's
enums, never from text; property keys that are not plain identifiers are backtick-quoted.

Run it with ``cypher-shell -f graph.cypher``, or statement by statement through a driver: each
non-comment line is one complete statement ending in ``;``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from typing import IO, Any

from stratgraph.errors import ExportError
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Relationship, RelType

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}
# Control characters, and the Unicode line and paragraph separators, become \\uXXXX escapes.
_NEEDS_ESCAPE = re.compile("[\\\\'\"\x00-\x1f\x7f\u2028\u2029]")


def cypher_string(text: str) -> str:
    """``text`` as a single-quoted Cypher string literal."""
    def escape(match: re.Match[str]) -> str:
        ch = match.group()
        return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"

    return "'" + _NEEDS_ESCAPE.sub(escape, text) + "'"


def cypher_literal(value: Any) -> str:
    """A property value (text, number, boolean or a list of those) as a Cypher literal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExportError(f"cannot write the number {value!r} as Cypher")
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    raise ExportError(f"cannot write a {type(value).__name__} property as Cypher")


def cypher_key(name: str) -> str:
    """A property key, backtick-quoted (backticks doubled) unless it is a plain identifier."""
    if _IDENTIFIER.match(name):
        return name
    return "`" + name.replace("`", "``") + "`"


def cypher_map(props: Mapping[str, Any]) -> str:
    """Properties as a Cypher map literal, keys in order."""
    items = (
        f"{cypher_key(k)}: {cypher_literal(props[k])}"
        for k in sorted(props)
        if props[k] is not None
    )
    return "{" + ", ".join(items) + "}"


#: The marker label every stratgraph node carries in Neo4j (see ``cypher/schema.cypher``).
MARKER_LABEL = "Stratgraph"


def cypher_statements(graph: GraphData) -> Iterator[str]:
    """The statements, each one line: the identity constraint, nodes, then relationships.

    Nodes get the marker label ``Stratgraph`` beside their model label and are merged on
    ``id``, as :class:`~stratgraph.graph.neo4j_store.Neo4jStore` writes them, so the result can
    be opened with ``--store neo4j``.
    """
    yield (
        f"CREATE CONSTRAINT stratgraph_id IF NOT EXISTS "
        f"FOR (n:{MARKER_LABEL}) REQUIRE n.id IS UNIQUE;"
    )
    for node in graph.sorted_nodes():
        yield (
            f"MERGE (n:{MARKER_LABEL} {{id: {cypher_string(node.id)}}}) "
            f"SET n = {cypher_map(node.as_properties())}, n:{_label(node.label)};"
        )
    for rel in graph.sorted_relationships():
        if rel.start not in graph.nodes or rel.end not in graph.nodes:
            continue
        yield (
            f"MATCH (a:{MARKER_LABEL} {{id: {cypher_string(rel.start)}}}) "
            f"MATCH (b:{MARKER_LABEL} {{id: {cypher_string(rel.end)}}}) "
            f"MERGE (a)-[r:{_type(rel.type)} {{id: {cypher_string(rel.id)}}}]->(b) "
            f"SET r = {cypher_map(exact_properties(rel))};"
        )


def exact_properties(rel: Relationship) -> dict[str, Any]:
    """A relationship's stored properties with its confidence unrounded (as the store keeps
    it; ``as_properties`` rounds it for display)."""
    return {**rel.as_properties(), "confidence": float(rel.confidence)}


def _label(label: Label) -> str:
    # Through the enum again: only the model's labels can reach the script.
    return Label(label).value


def _type(type_: RelType) -> str:
    return RelType(type_).value


def write_cypher(graph: GraphData, out: IO[str]) -> None:
    """The Cypher script (see the module docstring)."""
    out.write(
        f"// stratgraph export: {len(graph.nodes)} nodes. Recreate in Neo4j with\n"
        "// cypher-shell -f <this file>; then stratgraph --store neo4j reads it.\n"
    )
    for statement in cypher_statements(graph):
        out.write(statement)
        out.write("\n")
