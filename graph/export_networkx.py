"""JSON (node-link), GraphML and GEXF exports, written by networkx's own writers.

All three share one attribute layout, so a tool reading any of them sees the same thing:

- a node has ``type`` (its label: Plan, Theme, ...), ``label`` (its name: the caption Gephi,
  Cytoscape and yEd show) and every stored property (``id``, ``name``, ``source_document``,
  ``source_line``, ``level``, ``aliases``, ...);
- a relationship has ``type`` and ``label`` (both its type: PART_OF, SUPPORTS, ...) and every
  stored property (``id``, ``method``, ``confidence``, ``source_document``, ...).

GraphML and GEXF have no list type, so lists (``aliases``, ``mentions``, ``documents``) are
written as JSON text (``["a", "b"]``). GEXF uses an edge's ``type`` for its direction, so in
GEXF the relationship type is the edge's ``label`` only. XML cannot hold most control
characters; the few a document might contain (form feeds from PDF text) become U+FFFD there,
and line ends become ``\n`` (as every XML reader would make them).
"""

from __future__ import annotations

import json
import re
from typing import IO, TYPE_CHECKING, Any

from stratgraph.graph.data import GraphData
from stratgraph.graph.export_types import coerce, json_text, property_types

if TYPE_CHECKING:
    import networkx as nx

# Characters XML 1.0 forbids (tab, newline and carriage return are allowed).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def node_attributes(graph: GraphData) -> dict[str, dict[str, Any]]:
    """Each node's exported attributes, by node id."""
    return {
        node.id: {**node.as_properties(), "type": node.label.value, "label": node.name}
        for node in graph.sorted_nodes()
    }


def edge_attributes(graph: GraphData) -> dict[str, dict[str, Any]]:
    """Each relationship's exported attributes, by relationship id."""
    return {
        rel.id: {**rel.as_properties(), "type": rel.type.value, "label": rel.type.value}
        for rel in graph.sorted_relationships()
    }


def interchange_graph(graph: GraphData, *, flat: bool = False) -> nx.MultiDiGraph:
    """The graph as a networkx MultiDiGraph in the exported layout.

    With ``flat``, every attribute has one type across the graph and lists are JSON text
    (what GraphML and GEXF can declare); otherwise values are as stored.
    """
    import networkx as nx

    nodes = node_attributes(graph)
    edges = edge_attributes(graph)
    if flat:
        nodes = _flatten(nodes)
        edges = _flatten(edges)
    g = nx.MultiDiGraph()
    for node_id, attrs in nodes.items():
        g.add_node(node_id, **attrs)
    for rel in graph.sorted_relationships():
        if rel.start in nodes and rel.end in nodes:
            g.add_edge(rel.start, rel.end, key=rel.id, **edges[rel.id])
    return g


def _flatten(records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    types = property_types(records.values())
    flat: dict[str, dict[str, Any]] = {}
    for key, attrs in records.items():
        out: dict[str, Any] = {}
        for name, value in attrs.items():
            if value is None:
                continue
            kind, is_list = types[name]
            if is_list:
                items = value if isinstance(value, list | tuple) else [value]
                out[name] = _xml_safe(json_text(items))
            else:
                out[name] = _xml_safe(coerce(value, kind))
        flat[key] = out
    return flat


def _xml_safe(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    # XML readers turn \r\n and \r into \n anyway; do it here so the file says what is read.
    return _XML_ILLEGAL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def write_json(graph: GraphData, out: IO[str]) -> None:
    """networkx node-link JSON (``nodes`` and ``edges``), for networkx and D3."""
    import networkx as nx

    g = interchange_graph(graph)
    try:
        data = nx.node_link_data(g, edges="edges")
    except TypeError:  # networkx < 3.4 names the argument ``link``
        data = nx.node_link_data(g, link="edges")
    json.dump(data, out, ensure_ascii=False, indent=1, allow_nan=False)
    out.write("\n")


def write_graphml(graph: GraphData, out: IO[str]) -> None:
    """GraphML with typed attributes (yEd, Gephi, Cytoscape, networkx, igraph)."""
    import networkx as nx

    g = interchange_graph(graph, flat=True)
    for line in nx.generate_graphml(g, encoding="utf-8", prettyprint=True,
                                    edge_id_from_attribute="id"):
        out.write(line)
        out.write("\n")


def write_gexf(graph: GraphData, out: IO[str]) -> None:
    """GEXF 1.2 (Gephi); the relationship type is the edge label."""
    import networkx as nx

    g = interchange_graph(graph, flat=True)
    for _, _, attrs in g.edges(data=True):
        # GEXF's own edge attribute ``type`` means directed/undirected.
        attrs.pop("type", None)
    for line in nx.generate_gexf(g, encoding="utf-8", prettyprint=True):
        out.write(line)
        out.write("\n")
