"""The part of an embedded graph ``plan-evolution`` reads for one organisation, found from that
organisation's plans by index (as ``cypher/plan-evolution.cypher`` finds it on Neo4j).

Without an organisation the query reads every plan, shared item and theme and every REFERENCES
link into a shared item (``embedded.PARTIAL_LOADS``): 0.7 s at 2,000 plans. With one, its rows
read only its plans, the themes of its plans or documents, the shared items its plans' nodes
REFERENCE or that list one of its documents, and of the links into those items the ones from
its plans' nodes (where the item appears) or stated in its documents (its evidence): tens of
rows from the ``nodes_plan``, ``nodes_document``, ``node_documents`` and ``edges_document``
indexes. ``queries_links.plan_evolution`` gives the same rows over this part as over the whole
graph (tests/test_queries.py).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

_SHARED = ("Strategy", "Partnership")


def load_organisation(con: sqlite3.Connection | None, organisation: str) -> nx.MultiDiGraph:
    """Every plan (plan-evolution orders the organisation's own from them), and what the
    organisation's rows read, as networkx."""
    import networkx as nx

    from stratgraph.graph import sqlite_tables as t

    g = nx.MultiDiGraph()
    if con is None:
        return g
    nodes = dict(t.node_attrs(r) for r in con.execute(
        f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE label = 'Plan'"))
    wanted = organisation.lower()
    own = sorted(i for i, a in nodes.items() if (a.get("organisation") or "").lower() == wanted)
    docs = sorted({nodes[i]["source_document"] for i in own})
    nodes.update(t.node_attrs(r) for r in t.select_in(
        con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE label = 'Theme' AND plan_id IN ({{}})",
        own))
    nodes.update(t.node_attrs(r) for r in t.select_in(
        con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE label = 'Theme' "
             "AND source_document IN ({})", docs))
    columns = ", ".join("e." + c.strip() for c in t.EDGE_COLUMNS.split(","))
    # REFERENCES from the nodes of its plans, and those its documents state.
    edges = {e[2]: e for e in map(t.edge_attrs, t.select_in(
        con, f"SELECT {columns} FROM nodes x JOIN edges e ON e.start = x.id "
             "AND e.type = 'REFERENCES' WHERE x.plan_id IN ({})", own))}
    edges.update((e[2], e) for e in map(t.edge_attrs, t.select_in(
        con, f"SELECT {columns} FROM edges e WHERE e.type = 'REFERENCES' "
             "AND e.source_document IN ({})", docs)))
    listing = {r[0] for r in t.select_in(
        con, "SELECT node_id FROM node_documents WHERE document IN ({})", docs)}
    ends = {e[1] for e in edges.values()} | listing
    shared = dict(t.node_attrs(r) for r in t.select_in(
        con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id IN ({{}}) "
             f"AND label IN {_SHARED}", sorted(ends)))
    nodes.update(shared)
    # Only the links into a shared item are read, with their start nodes.
    kept = sorted((e for e in edges.values() if e[1] in shared), key=lambda e: e[2])
    starts = sorted({e[0] for e in kept} - set(nodes))
    nodes.update(t.node_attrs(r) for r in t.select_in(
        con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id IN ({{}})", starts))
    g.add_nodes_from(sorted(nodes.items()))
    # In id order, as the whole graph is loaded, so every list a query builds has its order.
    g.add_edges_from(kept)
    return g
