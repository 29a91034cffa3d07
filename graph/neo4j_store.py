"""The Neo4j store: the same contract as the embedded store, kept in a Neo4j 5 database.

How the graph is kept:

- Every node stratgraph writes has two labels, the marker ``:Stratgraph`` and its model label
  (``:Stratgraph:Action``), and its properties flat: ``id``, ``name``, ``source_document``,
  ``source_line`` and the extras (lists stay lists). Relationships have the model's type and
  carry ``id``, ``method``, ``confidence``, provenance and their extras. Anything without the
  marker is someone else's data: stratgraph never reads, changes or deletes it.
- A shared node several documents name also keeps each document's own record of it, as a
  ``:StratgraphPart`` node (no marker label: never read as part of the graph), so removing a
  document merges the node again from the others' records, in the database
  (``store_strip_parts.cypher``), as ``graph/data.py`` does with ``Node.parts``.
- ``cypher/schema.cypher`` (a unique ``id`` among ``:Stratgraph`` nodes, indexes for
  ``--replace`` and the named queries) is applied before the first write of each store.
- Writes are batched ``UNWIND $rows AS row MERGE ...`` statements, one per label and per
  relationship type, with labels and types taken from the model's enums only.
- ``write()`` has exactly the embedded store's semantics: strip what ``replace_documents``
  contributed, then merge the incoming records into the stored ones with the rules of
  ``graph/data.py`` (earliest provenance wins, ``aliases``/``mentions``/``documents`` united,
  stated beats inferred). The merge happens inside the database, one statement per batch
  (``cypher/store_write_*.cypher``, ``store_strip_shared_nodes.cypher``), each taking a
  record's write lock before reading it: nothing is read into Python and written back, so two
  builds writing the same shared strategy at once commute (tests/test_neo4j_concurrent.py).
- After every write, the rows of the whole-graph questions planners ask first (orphan
  actions, unsupported outcomes) are recomputed for the plans it touched and kept as
  ``:StratgraphFact`` nodes, which summaries and first pages read instead of computing every
  plan's chains (graph/neo4j_facts.py).

Atomicity: a write of up to ``transaction_rows`` nodes plus relationships (50,000 by default,
far above a council's plans) runs as one managed transaction, which the driver retries on
transient errors: a failure leaves the database as it was. A bigger write runs as a series of
transactions of ``batch_size`` rows (strip first, then nodes and then each document's own
records of shared nodes, ``workers`` transactions side by side, then relationships, one after
another). Every
step is an idempotent merge, so running the same build again completes a load cut off
part-way; until then a ``:StratgraphLoad`` node (no
``:Stratgraph`` label: reads, counts and queries never see it), written before the first
transaction and cleared after the last, marks the load as unfinished, and every command that
opens the store says so (:meth:`Neo4jStore.unfinished_load`).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Self, TypeVar
from urllib.parse import urlsplit

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import (
    SHARED_LABELS,
    Label,
    Method,
    Node,
    Provenance,
    Relationship,
    RelType,
)
from stratgraph.graph.store import WriteSummary

from stratgraph.errors import ConnectionFailed, QueryError, StoreError

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction, Session

    from stratgraph.graph.explore import NodeDetail, SearchHit
    from stratgraph.graph.neo4j_warm import Warmed

log = logging.getLogger(__name__)
# The driver logs connection trouble as warnings too; with no logging configured Python would
# print them to stderr beside our one-line error. A NullHandler stops only that fallback.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

#: The marker label on every node stratgraph writes.
MARKER_LABEL = "Stratgraph"

#: URI schemes the store accepts (the driver's Bolt schemes; not its preview HTTP support).
URI_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")

#: Cypher files in ``stratgraph.cypher`` that belong to the store, not to ``run_query``.
INTERNAL_QUERY_PREFIX = "store_"
SCHEMA_FILE = "schema.cypher"

_LABELS = {label.value: label for label in Label}
_TYPES = [t.value for t in RelType]
#: Relationships of a node read to choose a page of its neighbours (at least the page): a page
#: of 200 from a national strategy's 26,145 read every one's id to order them (0.33 s at 1M
#: nodes); ten pages' worth keeps an expand's cost flat, and the page is still in id order.
NEIGHBOURS_READ = 2000
_SHARED = sorted(label.value for label in SHARED_LABELS)
_NODE_KEYS = ("id", "name", "source_document", "source_line")
_REL_KEYS = ("id", "method", "confidence", "source_document", "source_line")
_QUERY_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")

T = TypeVar("T")


def is_internal_query(name: str) -> bool:
    """True for the store's own Cypher files, which are not named queries."""
    return name.startswith(INTERNAL_QUERY_PREFIX) or f"{name}.cypher" == SCHEMA_FILE


@cache
def cypher_text(filename: str) -> str:
    """The text of ``cypher/<filename>`` shipped with the package (``QueryError`` if absent)."""
    path = resources.files("stratgraph.cypher").joinpath(filename)
    if not path.is_file():
        raise QueryError(f"no Cypher file {filename!r} in stratgraph.cypher")
    return path.read_text(encoding="utf-8")


def _template(filename: str, *, label: Label | None = None, rel_type: RelType | None = None) -> str:
    # Labels and types cannot be Cypher parameters; they come from the enums, never from input.
    text = cypher_text(filename)
    if label is not None:
        text = text.replace("{label}", Label(label).value)
    if rel_type is not None:
        text = text.replace("{type}", RelType(rel_type).value)
    return text


def schema_statements() -> list[str]:
    """The statements of ``cypher/schema.cypher``, comments removed."""
    lines = [ln for ln in cypher_text(SCHEMA_FILE).splitlines() if not ln.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def safe_uri(uri: str) -> str:
    """``uri`` fit for a message: scheme, host and port only (no user info, no query)."""
    try:
        parts = urlsplit(uri)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "<malformed URI>"
    return f"{parts.scheme}://{host}{port}" if parts.scheme else "<malformed URI>"


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


_REASON = re.compile(r"\(reason ([^()]*(?:\([^()]*\)[^()]*)*)\)")


def _unreachable_reason(exc: BaseException) -> str:
    """The socket-level reason in a driver's "cannot connect" message, on one line."""
    text = str(exc)
    found = _REASON.findall(text)
    if found:
        return _one_line(found[-1])
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return _one_line(first).rstrip(":")


def _chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_SCALARS = frozenset({str, bool, int, float})


def _check_value(owner: str, key: str, value: Any) -> Any:
    """A property value Neo4j can store (tuples become lists); ``StoreError`` otherwise."""
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        kinds = {type(v) for v in value}
        if all(isinstance(v, (str, bool, int, float)) for v in value) and len(kinds) <= 1:
            return list(value)
    raise StoreError(f"{owner}: property {key!r} has a value Neo4j cannot store: {value!r}")


def _checked(owner: str, props: dict[str, Any]) -> dict[str, Any]:
    # Most values are plain scalars: one set look-up each, the full check only for the rest.
    for key, value in props.items():
        if type(value) not in _SCALARS:
            props[key] = _check_value(owner, key, value)
    return props


def node_row(node: Node) -> dict[str, Any]:
    """A node as a write row: its flat stored properties (``id`` among them)."""
    return _checked(node.id, node.as_properties())


def relationship_row(rel: Relationship) -> dict[str, Any]:
    """A relationship as a write row: end points and flat stored properties (``id`` among them).

    The same properties as ``Relationship.as_properties``, built directly (a big load makes
    hundreds of thousands), with ``confidence`` exact rather than rounded for display, so
    ``read()`` gives back what was written.
    """
    extras = rel.properties
    props = {k: v for k, v in extras.items() if v is not None} if extras else {}
    rel_id = rel.id  # computed (hashed) once, not once per property
    props["id"] = rel_id
    props["method"] = rel.method.value
    props["confidence"] = float(rel.confidence)
    props["source_document"] = rel.provenance.document
    props["source_line"] = rel.provenance.line
    return {"start": rel.start, "end": rel.end, "props": _checked(rel_id, props)}


def node_from_record(id_: str, labels: Collection[str], props: Mapping[str, Any]) -> Node | None:
    """The node a stored record describes (``None`` if it has no model label)."""
    label = next((_LABELS[name] for name in sorted(labels) if name in _LABELS), None)
    if label is None:
        return None
    extras = {k: v for k, v in props.items() if k not in _NODE_KEYS}
    try:
        prov = Provenance(str(props["source_document"]), int(props["source_line"]))
        return Node(id_, label, str(props.get("name", "")), prov, extras)
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"stored node {id_} is damaged ({exc})") from exc


def relationship_from_record(
    type_: str, start: str, end: str, props: Mapping[str, Any]
) -> Relationship:
    """The relationship a stored record describes."""
    extras = {k: v for k, v in props.items() if k not in _REL_KEYS}
    try:
        return Relationship(
            type=RelType(type_),
            start=start,
            end=end,
            provenance=Provenance(str(props["source_document"]), int(props["source_line"])),
            method=Method(props.get("method", "stated")),
            confidence=float(props.get("confidence", 1.0)),
            properties=extras,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"stored relationship {props.get('id')} is damaged ({exc})") from exc


def _nodes_from(records: Iterator[Any] | list[Any]) -> list[Node]:
    nodes = (node_from_record(r["id"], r["labels"], r["props"]) for r in records)
    return [n for n in nodes if n is not None]


def _rels_from(records: Iterator[Any] | list[Any]) -> list[Relationship]:
    return [relationship_from_record(r["type"], r["start"], r["end"], r["props"]) for r in records]


# -- transaction functions (the driver may run each more than once: they only read and MERGE)


def _run_consumed(tx: ManagedTransaction, query: str) -> None:
    tx.run(query).consume()


def _run_list(tx: ManagedTransaction, query: str, **params: Any) -> list[Any]:
    return list(tx.run(query, params))


#: One statement of a write: the upsert, its rows, the statement that merges the stored
#: records it hands back, and whether it is a relationship upsert (which reports ``written``).
_Statement = tuple[str, list[dict[str, Any]], str, bool]


def _grouped(
    graph: GraphData,
) -> tuple[list[tuple[Label, list[Node]]], list[tuple[RelType, list[Relationship]]]]:
    """The graph's nodes by label and relationships by type, each in id order.

    Every writer visits records in this one order, so two builds sharing nodes take their
    locks in the same order and rarely deadlock (the driver retries when they do).
    """
    by_label: dict[Label, list[Node]] = defaultdict(list)
    for id_ in sorted(graph.nodes):
        node = graph.nodes[id_]
        by_label[node.label].append(node)
    by_type: dict[RelType, list[Relationship]] = defaultdict(list)
    for id_ in sorted(graph.relationships):
        rel = graph.relationships[id_]
        by_type[rel.type].append(rel)
    return sorted(by_label.items()), sorted(by_type.items())


class _Apart(list[_Statement]):
    """A transaction of relationships that joins document-scoped nodes of whole plans only:
    no other such transaction of the same write locks any of its nodes, so they may run side
    by side (see :func:`_transactions`)."""


def _plan_local(graph: GraphData) -> dict[str, list[Relationship]]:
    """The relationships joining two document-scoped nodes of the same plan, by plan (in id
    order within each type, types in order)."""
    plan_of = {id_: n.properties.get("plan_id") for id_, n in graph.nodes.items()
               if n.label not in SHARED_LABELS}
    local: dict[str, list[Relationship]] = defaultdict(list)
    for id_ in sorted(graph.relationships):
        rel = graph.relationships[id_]
        key = plan_of.get(rel.start)
        if key and plan_of.get(rel.end) == key:
            local[str(key)].append(rel)
    return local


def _transactions(graph: GraphData, batch_size: int, transaction_rows: int,
                  fresh: bool = False, apart: bool = False) -> Iterator[list[_Statement]]:
    """The write's statements (``batch_size`` rows each: nodes first, then relationships),
    grouped into transactions of up to ``transaction_rows`` rows.

    ``fresh``: write the document-scoped nodes with a plain CREATE, and the relationships
    with an end among them likewise (see :func:`_as_merge` for the way back to MERGE).
    ``apart``: the relationships inside one plan (both ends document-scoped nodes of that
    plan) come after the nodes as :class:`_Apart` transactions of whole plans, before the
    others (shared ends, or ends in two plans), which may lock the same nodes as each other.
    Rows are built one transaction at a time, so a million-node load never holds them all.
    """
    labels, types = _grouped(graph)
    local = _plan_local(graph) if apart else {}
    if local:
        taken = {id(r) for rels in local.values() for r in rels}
        types = [(t, [r for r in rels if id(r) not in taken]) for t, rels in types]
    pending: list[tuple[str, Sequence[Any], str, bool]] = []
    merge_nodes = cypher_text("store_merge_nodes.cypher")
    for label, nodes in labels:
        query = _template("store_write_nodes.cypher", label=label)
        if fresh and label not in SHARED_LABELS:
            query = _created(_template("store_create_nodes.cypher", label=label), query)
        pending.extend((query, chunk, merge_nodes, False) for chunk in _chunks(nodes, batch_size))
    new = {id_ for id_, n in graph.nodes.items() if n.label not in SHARED_LABELS} if fresh else ()
    for rel_type, rels in types:
        query = _template("store_write_relationships.cypher", rel_type=rel_type)
        merge = _template("store_merge_relationships.cypher", rel_type=rel_type)
        if new:
            create = _created(_template("store_create_relationships.cypher", rel_type=rel_type),
                              query)
            created = [r for r in rels if r.start in new or r.end in new]
            pending.extend((create, chunk, merge, True) for chunk in _chunks(created, batch_size))
            rels = [r for r in rels if not (r.start in new or r.end in new)]
        pending.extend((query, chunk, merge, True) for chunk in _chunks(rels, batch_size))
    if local:
        first_rel = next((i for i, item in enumerate(pending) if item[3]), len(pending))
        yield from _grouped_rows(pending[:first_rel], transaction_rows)
        yield from _apart(local, new, transaction_rows)
        pending = pending[first_rel:]
    yield from _grouped_rows(pending, transaction_rows)


def _grouped_rows(pending: list[tuple[str, Sequence[Any], str, bool]], transaction_rows: int
                  ) -> Iterator[list[_Statement]]:
    group: list[tuple[str, Sequence[Any], str, bool]] = []
    size = 0
    for item in pending:
        if group and size + len(item[1]) > transaction_rows:
            yield _rows_of(group)
            group, size = [], 0
        group.append(item)
        size += len(item[1])
    if group:
        yield _rows_of(group)


def _apart(local: Mapping[str, list[Relationship]], new: Collection[str],
           transaction_rows: int) -> Iterator[list[_Statement]]:
    """The plans' own relationships as :class:`_Apart` transactions of whole plans (about
    ``transaction_rows`` rows each), one statement per type."""

    def statements(rels: list[Relationship]) -> _Apart:
        by_type: dict[RelType, list[Relationship]] = defaultdict(list)
        for rel in rels:
            by_type[rel.type].append(rel)
        group = []
        for rel_type, typed in sorted(by_type.items()):
            query = _template("store_write_relationships.cypher", rel_type=rel_type)
            merge = _template("store_merge_relationships.cypher", rel_type=rel_type)
            if new:  # a fresh load: both ends are document-scoped nodes it creates
                query = _created(
                    _template("store_create_relationships.cypher", rel_type=rel_type), query)
            group.append((query, typed, merge, True))
        return _Apart(_rows_of(group))

    chunk: list[Relationship] = []
    for key in sorted(local):
        if chunk and len(chunk) + len(local[key]) > transaction_rows:
            yield statements(chunk)
            chunk = []
        chunk.extend(local[key])
    if chunk:
        yield statements(chunk)


#: Each CREATE statement of a fresh load (store_create_*.cypher, label or type filled in) and
#: the upsert that replaces it when the load turns out not to be fresh.
_UPSERT_OF: dict[str, str] = {}


def _created(create: str, upsert: str) -> str:
    _UPSERT_OF[create] = upsert
    return create


def _as_merge(statements: Sequence[_Statement]) -> list[_Statement]:
    """``statements`` with every CREATE replaced by its upsert (same rows, same results)."""
    return [(_UPSERT_OF.get(query, query), rows, merge, is_rel)
            for query, rows, merge, is_rel in statements]


def _creates(statements: Sequence[_Statement]) -> bool:
    return any(query in _UPSERT_OF for query, *_ in statements)


class _NotFresh(Exception):
    """Another unfinished load names this load's documents: CREATE is not safe (see
    store_load_overlap.cypher); the transaction runs again with MERGE."""


def _run_checked(tx: ManagedTransaction, statements: Sequence[_Statement],
                 load: Mapping[str, Any]) -> int:
    """:func:`_run_statements` for one transaction of a load bigger than one; when it creates
    relationships, it first makes sure no other load of the same documents is running."""
    written = _run_statements(tx, statements)
    if any(is_rel and query in _UPSERT_OF for query, _, _, is_rel in statements):
        record = tx.run(cypher_text("store_load_overlap.cypher"), id=load["id"],
                        documents=load["documents"]).single(strict=True)
        if record["overlap"]:
            raise _NotFresh
    return written


def _overlapping(tx: ManagedTransaction, load: Mapping[str, Any]) -> bool:
    return bool(tx.run(cypher_text("store_load_overlap.cypher"), id=load["id"],
                       documents=load["documents"]).single(strict=True)["overlap"])


class _FreshLoad:
    """Whether a load bigger than one transaction still writes with CREATE: until the first
    sign that something it creates may be stored (the id constraint fails, or another load
    of the same documents is running); from then on every transaction uses MERGE."""

    def __init__(self, yes: bool) -> None:
        self.yes = yes

    def run(self, session: Session, statements: list[_Statement],
            load: Mapping[str, Any]) -> int:
        """Run one transaction of the load, with MERGE once the load is not fresh."""
        from neo4j.exceptions import ConstraintError

        if self.yes and _creates(statements):
            try:
                return session.execute_write(_run_checked, statements, load)
            except (ConstraintError, _NotFresh):
                self.yes = False
        return session.execute_write(_run_statements, _as_merge(statements))


def _one_ahead(items: Iterator[T]) -> Iterator[T]:
    """``items``, each next one made on a thread while the caller uses the current one.

    A big load's rows are built in Python between its transactions; built one ahead, that
    work overlaps the server's (the driver releases the GIL while it waits for a reply).
    """
    from concurrent.futures import ThreadPoolExecutor

    done = object()
    with ThreadPoolExecutor(max_workers=1) as pool:
        following = pool.submit(next, items, done)
        while (item := following.result()) is not done:
            following = pool.submit(next, items, done)
            yield item


def _rows_of(group: list[tuple[str, Sequence[Any], str, bool]]) -> list[_Statement]:
    return [
        (query, [relationship_row(r) for r in records] if is_rel else
         [node_row(n) for n in records], merge, is_rel)
        for query, records, merge, is_rel in group
    ]


def _run_statements(tx: ManagedTransaction, statements: Sequence[_Statement]) -> int:
    """Run one transaction's upserts; returns how many relationships were written.

    An upsert writes new records and hands back the rows of stored ones that differ, locked;
    they are merged in the database by one more statement, before anything else runs. A first
    load (nothing stored yet) never runs the merge.
    """
    written = 0
    for query, rows, merge, is_rel in statements:
        result = tx.run(query, rows=rows)
        if is_rel:
            record = result.single(strict=True)
            written += record["written"]
            stored = record["stored"]
        else:
            stored = [record["row"] for record in result]
        if stored:
            tx.run(merge, rows=stored).consume()
    return written


#: store_merge_nodes.cypher merges into a node; run on a document's own record of a shared
#: node (store_write_parts.cypher) it finds that record instead: one statement, one set of rules.
_NODE_MATCH = "MATCH (n:Stratgraph {id: row.id})"
_PART_MATCH = "MATCH (n:StratgraphPart {id: row.id, source_document: row.source_document})"


def _merge_parts_query() -> str:
    query = cypher_text("store_merge_nodes.cypher")
    if _NODE_MATCH not in query:
        raise QueryError("store_merge_nodes.cypher no longer matches nodes as Neo4jStore expects")
    return query.replace(_NODE_MATCH, _PART_MATCH)


def part_rows(graph: GraphData) -> list[dict[str, Any]]:
    """Each document's own record of the graph's shared nodes, as write rows, in id order
    (see graph/data.py ``node_parts``; a node saved before records were kept per document
    has none)."""
    from stratgraph.graph.data import node_parts

    shared = sorted(id_ for id_, n in graph.nodes.items() if n.label in SHARED_LABELS)
    return [node_row(part) for id_ in shared for part in node_parts(graph.nodes[id_])]


def _write_parts(tx: ManagedTransaction, rows: Sequence[dict[str, Any]], batch_size: int
                 ) -> None:
    """Upsert per-document records; stored ones that differ are merged in the database."""
    for chunk in _chunks(rows, batch_size):
        stored = [record["row"] for record in
                  tx.run(cypher_text("store_write_parts.cypher"), rows=list(chunk))]
        if stored:
            tx.run(_merge_parts_query(), rows=stored).consume()


def _parts_stored(tx: ManagedTransaction, load: Mapping[str, Any]) -> bool:
    return bool(tx.run(cypher_text("store_parts_stored.cypher"),
                       documents=load["documents"]).single(strict=True)["stored"])


def _create_parts(tx: ManagedTransaction, rows: Sequence[dict[str, Any]], batch_size: int,
                  load: Mapping[str, Any]) -> int:
    """Per-document records of a fresh load (none of its documents' records was stored when
    it started), by CREATE (store_create_parts.cypher); raises :class:`_NotFresh` (the
    transaction rolls back) when another unfinished load names the load's documents, as
    the created relationships do (:func:`_run_checked`)."""
    for chunk in _chunks(rows, batch_size):
        tx.run(cypher_text("store_create_parts.cypher"), rows=list(chunk)).consume()
    if _overlapping(tx, load):
        raise _NotFresh
    return 0


def _strip(tx: ManagedTransaction, docs: list[str], batch_size: int) -> bool:
    """One step of removing what ``docs`` contributed; True when nothing was left to remove.

    Document-scoped nodes and the documents' relationships are deleted ``batch_size`` at a
    time; the last step revisits the shared nodes in the database, in one statement (forget
    the documents' mentions, delete those no other document mentions), then the relationships
    other documents also state (forget these documents), one statement per type.
    """
    deleted = tx.run(
        cypher_text("store_delete_document_nodes.cypher"),
        docs=docs, shared_labels=_SHARED, limit=batch_size,
    ).single(strict=True)["deleted"]
    if deleted:
        return False
    for rel_type in RelType:
        query = _template("store_delete_document_relationships.cypher", rel_type=rel_type)
        if tx.run(query, docs=docs, limit=batch_size).single(strict=True)["deleted"]:
            return False
    # Nodes with every document's own record are merged again from the others' records;
    # the rest (saved before such records were kept) forget the documents as before.
    # One statement per node: a national strategy carries a record per plan naming it, and
    # one statement over all of a plan's shared nodes held all of those at once.
    strip_node = cypher_text("store_strip_parts.cypher")
    for record in list(tx.run(cypher_text("store_part_nodes.cypher"), docs=docs)):
        tx.run(strip_node, id=record["id"], docs=docs, shared_labels=_SHARED).consume()
    tx.run(cypher_text("store_strip_shared_nodes.cypher"), docs=docs,
           shared_labels=_SHARED).consume()
    tx.run(cypher_text("store_delete_parts.cypher"), docs=docs).consume()
    for rel_type in RelType:
        tx.run(_template("store_strip_shared_relationships.cypher", rel_type=rel_type),
               docs=docs).consume()
    return True


def _write_all(
    tx: ManagedTransaction, statements: Sequence[_Statement], docs: list[str], batch_size: int,
    load: Mapping[str, Any], parts: Sequence[dict[str, Any]] = (),
) -> int:
    if docs:
        while not _strip(tx, docs, batch_size):
            pass
    written = _run_statements(tx, statements)
    _write_parts(tx, parts, batch_size)
    _finish_load(tx, load)
    return written


def _start_load(tx: ManagedTransaction, load: Mapping[str, Any]) -> None:
    tx.run(cypher_text("store_load_started.cypher"), load).consume()


def _finish_load(tx: ManagedTransaction, load: Mapping[str, Any]) -> None:
    tx.run(cypher_text("store_load_finished.cypher"), load).consume()


def _unfinished_loads(tx: ManagedTransaction) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(cypher_text("store_load_unfinished.cypher"))]


def _load_record(graph: GraphData, docs: Sequence[str], size: int) -> dict[str, Any]:
    """The parameters of a load's marker: a fresh id, and every document the load touches."""
    import uuid

    documents = {n.provenance.document for n in graph.nodes.values()}
    documents.update(r.provenance.document for r in graph.relationships.values())
    documents.update(docs)
    return {"id": uuid.uuid4().hex, "documents": sorted(documents), "rows": size}


def _counts(tx: ManagedTransaction) -> tuple[int, int]:
    record = tx.run(cypher_text("store_counts.cypher"), types=_TYPES).single(strict=True)
    return int(record["nodes"]), int(record["relationships"])


@dataclass
class _Held:
    """The transaction a :meth:`Neo4jStore.reading` block reads in, and the facts checks
    already made in it."""

    tx: Any
    checks: dict[Callable[[Any], bool], bool] = field(default_factory=dict)


class Neo4jStore:
    """A :class:`~stratgraph.graph.store.GraphStore` in a Neo4j 5 database.

    Args:
        uri: ``neo4j://``, ``neo4j+s://``, ``bolt://`` (or ``+s``/``+ssc``) server address.
        user: user name.
        password: password; ``None`` connects without authentication.
        database: database name; ``None`` uses the server's default database.
        batch_size: rows per ``UNWIND`` statement, and per transaction in a chunked write.
        transaction_rows: the largest write (nodes plus relationships) done as one transaction.
        workers: sessions writing a chunked write's node transactions side by side (1: one
            after another).

    Raises:
        ConnectionFailed: the server cannot be reached, refuses the login, or has no such
            database.
    """

    def __init__(
        self,
        uri: str,
        user: str = "neo4j",
        password: str | None = None,
        *,
        database: str | None = None,
        batch_size: int = 5_000,
        transaction_rows: int = 50_000,
        workers: int = 2,
    ) -> None:
        self.uri = uri
        self.user = user
        self.database = database
        self.batch_size = max(1, int(batch_size))
        self.transaction_rows = max(1, int(transaction_rows))
        self.workers = max(1, int(workers))
        self._where = safe_uri(uri)
        self._schema_ready = False
        self._driver = self._connect(uri, user, password)

    def __repr__(self) -> str:
        db = f", database={self.database!r}" if self.database else ""
        return f"Neo4jStore({self._where!r}, user={self.user!r}{db})"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- connection ---------------------------------------------------------------------

    def _connect(self, uri: str, user: str, password: str | None) -> Driver:
        scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
        if scheme not in URI_SCHEMES:
            raise ConnectionFailed(
                f"{self._where}: not a Neo4j address; use one of "
                + ", ".join(f"{s}://" for s in URI_SCHEMES)
            )
        import neo4j
        from neo4j.exceptions import ConfigurationError

        try:
            driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password) if password is not None else None,
                connection_timeout=15.0,
                # Server notifications (deprecations, cartesian products) are for authors of
                # ad-hoc queries; stratgraph's fixed queries would only repeat them.
                notifications_min_severity="OFF",
            )
        except (ConfigurationError, ValueError) as exc:
            # The driver's message may quote the URI, user info included: do not repeat it.
            raise ConnectionFailed(f"{self._where}: not a usable Neo4j address") from exc
        try:
            # An auto-commit query, not execute_query: a down server should fail now, not
            # after the driver's 30 s of retries.
            with self._errors("connect"), driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                session.run("RETURN 1").consume()
        except BaseException:
            driver.close()
            raise
        return driver

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Turn driver exceptions into stratgraph's, one line each, never with the password."""
        from neo4j import exceptions as ne

        try:
            yield
        except ne.AuthError as exc:
            raise ConnectionFailed(
                f"Neo4j at {self._where} refused the login for user {self.user!r} "
                "(wrong or missing password)"
            ) from exc
        except ne.Neo4jError as exc:
            code = exc.code or ""
            if code.endswith("DatabaseNotFound"):
                raise ConnectionFailed(
                    f"Neo4j at {self._where} has no database {self.database!r}"
                ) from exc
            raise StoreError(
                f"Neo4j could not {doing}: {_one_line(exc.message or code)}"
            ) from exc
        except (ne.ServiceUnavailable, ne.SessionExpired) as exc:
            raise ConnectionFailed(
                f"cannot reach Neo4j at {self._where} ({_unreachable_reason(exc)})"
            ) from exc
        except ne.DriverError as exc:
            raise StoreError(f"Neo4j could not {doing}: {_one_line(exc)}") from exc

    def _session(self) -> Session:
        return self._driver.session(database=self.database)

    def _read(self, work: Callable[..., T], *args: Any) -> T:
        held = self._held
        if held is not None:
            with self._errors("read the graph"):
                return work(held.tx, *args)
        with self._errors("read the graph"), self._session() as session:
            return session.execute_read(work, *args)

    #: The transaction of a :meth:`reading` block (None outside one).
    _held: _Held | None = None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Every read inside the block in one session and one read transaction, and each
        facts check (are the write-time facts current?) made once: a page asking a dozen
        summaries paid a session, a transaction and a check for each (about half of the
        ``/`` overview's first second at 1M nodes). Nested blocks share the outer one."""
        if self._held is not None:
            yield
            return
        import neo4j

        with self._errors("read the graph"), self._driver.session(
            database=self.database, default_access_mode=neo4j.READ_ACCESS
        ) as session, session.begin_transaction() as tx:
            self._held = _Held(tx)
            try:
                yield
            finally:
                self._held = None

    def _checked_once(self, tx: Any, check: Callable[[Any], bool]) -> bool:
        """``check(tx)``, asked once per :meth:`reading` block."""
        held = self._held
        if held is None or held.tx is not tx:
            return check(tx)
        if check not in held.checks:
            held.checks[check] = check(tx)
        return held.checks[check]

    # -- schema -------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the constraint and indexes of ``cypher/schema.cypher`` (idempotent)."""
        if self._schema_ready:
            return
        with self._errors("create the schema"), self._session() as session:
            from stratgraph.graph import neo4j_facts

            from neo4j.exceptions import ClientError

            for statement in schema_statements() + neo4j_facts.schema_statements():
                # Two builds opening a fresh database both create the indexes: Neo4j may call
                # that a deadlock (a managed transaction retries it), or find the other's
                # index made between IF NOT EXISTS and its own (what was wanted exists).
                try:
                    session.execute_write(_run_consumed, statement)
                except ClientError as exc:
                    if not (exc.code or "").endswith("AlreadyExists"):
                        raise
            # Indexes fill in the background; --replace and queries want them online.
            session.run("CALL db.awaitIndexes(300)").consume()
        self._schema_ready = True

    # -- the GraphStore contract --------------------------------------------------------

    def write(self, graph: GraphData, *, replace_documents: Collection[str] = ()) -> WriteSummary:
        """Upsert ``graph`` after removing what ``replace_documents`` contributed.

        Same result as :meth:`EmbeddedStore.write`; see the module docstring for how a large
        write is split into transactions and how a load cut off part-way is marked.
        """
        docs = sorted(set(replace_documents))
        self.ensure_schema()
        size = len(graph.nodes) + len(graph.relationships)
        load = _load_record(graph, docs, size)
        from neo4j.exceptions import ConstraintError

        with self._errors("write the graph"), self._session() as session, \
                self._facts_kept(graph, docs):
            if size <= self.transaction_rows:
                # Tried as a fresh load first (CREATE for this write's own document nodes and
                # their relationships): nodes it creates stay locked until the commit, so no
                # other build can add to them meanwhile. If one is stored after all, the id
                # constraint rolls it all back and it runs again with MERGE.
                statements = next(_transactions(graph, self.batch_size, max(1, size), True), [])
                parts = part_rows(graph)
                try:
                    written = session.execute_write(
                        _write_all, statements, docs, self.batch_size, load, parts)
                except ConstraintError:
                    written = session.execute_write(
                        _write_all, _as_merge(statements), docs, self.batch_size, load, parts)
            else:
                written = self._write_in_batches(session, graph, docs, load)
            nodes_total, rels_total = session.execute_read(_counts)
        skipped = len(graph.relationships) - written
        if skipped:
            # Neo4j cannot hold a relationship without both end nodes; the embedded store can.
            log.warning("%d relationships skipped: an end node is in neither graph nor store",
                        skipped)
        return WriteSummary(
            nodes_written=len(graph.nodes),
            relationships_written=len(graph.relationships),
            nodes_total=nodes_total,
            relationships_total=rels_total,
        )

    def _write_in_batches(
        self, session: Session, graph: GraphData, docs: list[str], load: Mapping[str, Any]
    ) -> int:
        # The marker goes in first and is cleared last: whatever stops the load in between
        # (a kill, a lost connection, an error) leaves it for the next command to report.
        session.execute_write(_start_load, load)
        if docs:
            while not session.execute_write(_strip, docs, self.batch_size):
                pass
        written = 0
        # A fresh load (CREATE, see _transactions) unless another unfinished load names the
        # same documents (a rerun after a cut-off load, or a build of the same plans running).
        fresh = _FreshLoad(not session.execute_read(_overlapping, load))
        # One statement per transaction, as py2neo's bulk API does. Measured on the 103k-node
        # benchmark graph: transactions of 5,000, 25,000 and 50,000 rows load equally fast.
        transactions = _one_ahead(
            _transactions(graph, self.batch_size, self.batch_size, fresh.yes,
                          apart=self.workers > 1))
        # Records are created only when none of the load's documents has one stored (no
        # constraint would stop a second copy); checked once, before any is written.
        create_parts = fresh.yes and not session.execute_read(_parts_stored, load)
        written, first_rels = self._write_nodes_side_by_side(
            transactions, fresh, load, part_rows(graph), create_parts)
        if first_rels is not None:
            written += fresh.run(session, first_rels, load)
        for statements in transactions:
            written += fresh.run(session, statements, load)
        session.execute_write(_finish_load, load)
        return written

    def _write_nodes_side_by_side(
        self, transactions: Iterator[list[_Statement]], fresh: _FreshLoad,
        load: Mapping[str, Any], parts: Sequence[dict[str, Any]] = (),
        create_parts: bool = False,
    ) -> tuple[int, list[_Statement] | None]:
        """Run the node transactions at the head of ``transactions``, then the per-document
        records ``parts``, on ``workers`` sessions at once, and once every node is written,
        the :class:`_Apart` relationship transactions that follow (each plan's own
        relationships: no two of them lock the same node); returns the first other
        relationship transaction (``None`` when there is none).

        Nodes of one write never share an id, so their transactions take no common lock; the
        per-document records are other nodes (:StratgraphPart) and take none of theirs; the
        server runs each on its own thread while Python builds the next rows. Relationships
        stay one transaction after another: they lock both end nodes, and side by side they
        would wait on each other. At most two transactions per worker are in flight (rows are
        built as they are needed), and the first failure stops the rest.
        """
        from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait

        def run(statements: list[_Statement]) -> int:
            with self._session() as session:
                return fresh.run(session, statements, load)

        def run_parts(rows: Sequence[dict[str, Any]]) -> int:
            with self._session() as session:
                if fresh.yes and create_parts:
                    # A fresh load creates the records (no MERGE look-ups), unless another
                    # load of the same documents runs (then MERGE).
                    try:
                        return session.execute_write(_create_parts, rows, self.batch_size, load)
                    except _NotFresh:
                        pass
                session.execute_write(_write_parts, rows, self.batch_size)
            return 0

        pending: set[Future[int]] = set()
        nodes: list[Future[int]] = []
        following: list[_Statement] | None = None
        written = 0

        def submit(work: Callable[[Any], int], arg: Any) -> Future[int]:
            nonlocal pending, written
            if len(pending) >= 2 * self.workers:
                done, pending = wait(pending, return_when=FIRST_EXCEPTION)
                for future in done:
                    written += future.result()
            future = pool.submit(work, arg)
            pending.add(future)
            return future

        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            try:
                parts_sent = False
                for statements in transactions:
                    if not any(is_rel for *_, is_rel in statements):
                        nodes.append(submit(run, statements))
                        continue
                    if not parts_sent:
                        # The records go beside the nodes; relationships need every node.
                        for chunk in _chunks(parts, self.batch_size):
                            submit(run_parts, chunk)
                        parts_sent = True
                        for future in nodes:
                            future.result()
                    if not isinstance(statements, _Apart):
                        following = statements
                        break
                    submit(run, statements)
                if not parts_sent:
                    for chunk in _chunks(parts, self.batch_size):
                        submit(run_parts, chunk)
                for future in pending:
                    written += future.result()
            finally:
                for future in pending:
                    future.cancel()
        return written, following

    @contextmanager
    def _facts_kept(self, graph: GraphData, docs: list[str]) -> Iterator[None]:
        """Around a write: the write-time facts of the plans it touches are recomputed after
        it (graph/neo4j_facts.py), whether it succeeded or not (the facts follow whatever
        was committed)."""
        from stratgraph.graph import neo4j_facts

        with self._session() as session:
            keys = session.execute_write(neo4j_facts.begin_write, graph, docs)
            try:
                yield
            except BaseException:
                try:
                    neo4j_facts.finish_write(session, keys)
                except Exception:  # the write's own error is the one to report
                    log.warning("write-time facts not refreshed after a failed write")
                raise
            neo4j_facts.finish_write(session, keys)
        self._keep_overview()

    def _keep_overview(self) -> None:
        """Once the facts settle: keep the bounded overview's answers under their stamp
        (graph/neo4j_overview_facts.py); a failure only leaves the overview asking live."""
        from stratgraph.graph import neo4j_overview_facts

        try:
            kept = neo4j_overview_facts.ask(self)
            with self._session() as session:
                session.execute_write(neo4j_overview_facts.write, kept)
        except Exception:
            log.warning("the overview's answers not kept after a write", exc_info=True)

    def kept_overview(self) -> Any:
        """The bounded overview's answers kept at the last write, when current (else None)."""
        from stratgraph.graph import neo4j_overview_facts

        if not self.use_facts:
            return None
        return self._read(neo4j_overview_facts.read)

    def kept_overview_page(self) -> Any:
        """The bounded overview's page data kept at the last write, when current (else None):
        graph/overview.py ``KeptPage``."""
        from stratgraph.graph import neo4j_overview_facts

        if not self.use_facts:
            return None
        return self._read(neo4j_overview_facts.read_page)

    def plan_changes(self) -> tuple[list[dict[str, Any]], int] | None:
        """What changed per plan pair, as plan-evolution's rows count it, and how many rows
        it has (kept with its pair answers at write time: graph/neo4j_pair_facts.py); None:
        the facts cannot say (the rows decide)."""
        from stratgraph.graph import neo4j_facts as facts
        from stratgraph.graph import neo4j_pair_facts as pair_facts

        if not self.use_facts:
            return None

        def work(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], int] | None:
            if not self._checked_once(tx, facts.current):
                return None
            return pair_facts.plan_changes(tx)

        return self._read(work)

    def refresh_facts(self) -> None:
        """Recompute every plan's write-time facts (after a write was cut off, or for a graph
        written before stratgraph kept them: until then named queries run live)."""
        from stratgraph.graph import neo4j_facts

        self.ensure_schema()
        with self._errors("refresh the facts"), self._session() as session:
            neo4j_facts.refresh_all(session)
        self._keep_overview()

    def unfinished_load(self) -> str | None:
        """One line about loads that started and never finished (``None`` when there are none).

        A load bigger than one transaction marks the database before its first step and
        clears the mark after its last; a mark still there means that load was cut off (or is
        running right now), so the graph may lack part of it.
        """
        loads = self._read(_unfinished_loads)
        if not loads:
            return None
        first = loads[0]
        docs = list(first.get("documents") or [])
        shown = ", ".join(docs[:3]) + (f" and {len(docs) - 3} more" if len(docs) > 3 else "")
        more = f" (and {len(loads) - 1} other loads)" if len(loads) > 1 else ""
        return _one_line(
            f"Neo4j at {self._where}: a load started {first.get('started')} of {shown or 'no documents'}"
            f"{more} has not finished (cut off, or still running): the graph may be "
            "incomplete; run that build again to complete it"
        )

    def read(self) -> GraphData:
        """Everything stratgraph stored (nodes with the marker label and their relationships)."""

        def work(tx: ManagedTransaction) -> GraphData:
            nodes = _nodes_from(tx.run(cypher_text("store_read_nodes.cypher")))
            rels = _rels_from(tx.run(cypher_text("store_read_relationships.cypher"), types=_TYPES))
            return GraphData({n.id: n for n in nodes}, {r.id: r for r in rels})

        return self._read(work)

    def shared_entities(self) -> list[Node]:
        """Stored strategies, partnerships, organisations and leads, in id order."""
        return self.nodes_labelled(SHARED_LABELS)

    def nodes_labelled(self, labels: Collection[Label]) -> list[Node]:
        """Stored nodes with one of ``labels``, in id order."""
        wanted = sorted({Label(label).value for label in labels})

        def work(tx: ManagedTransaction) -> list[Node]:
            found: dict[str, Node] = {}
            for label in wanted:
                query = _template("store_labelled_nodes.cypher", label=Label(label))
                found.update((n.id, n) for n in _nodes_from(tx.run(query)))
            return [found[id_] for id_ in sorted(found)]

        return self._read(work)

    def names(self, labels: Collection[Label]) -> list[tuple[str, str]]:
        """Sorted distinct (label, name) pairs: names, aliases and plans' document files."""
        wanted = sorted({Label(label).value for label in labels})

        def work(tx: ManagedTransaction) -> list[tuple[str, str]]:
            records = tx.run(cypher_text("store_names.cypher"), labels=wanted)
            return sorted({(r["label"], r["name"]) for r in records})

        return self._read(work)

    def counts(self) -> tuple[int, int]:
        """How many stratgraph nodes and relationships the database holds."""
        return self._read(_counts)

    def run_query(self, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Rows of the named query ``cypher/<name>.cypher``, run with ``params`` as parameters.

        Raises:
            QueryError: no such query, or the query rejected the parameters.
        """
        if not _QUERY_NAME.fullmatch(name) or is_internal_query(name):
            raise QueryError(f"unknown query {name!r}")
        try:
            query = cypher_text(f"{name}.cypher")
        except QueryError:
            raise QueryError(f"unknown query {name!r}") from None

        # Same defaults and checks as the embedded store, so a partial parameter set works.
        from stratgraph.graph.queries import QUERIES, prepare_params

        prepared = prepare_params(name, params) if name in QUERIES else dict(params)
        if name in QUERIES:
            # Coverage and lead-portfolio keep their whole answer as facts (a few rows a plan).
            kept = self._from_facts(name, prepared, whole=True)
            if kept is not None:
                return kept

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(query, prepared)]

        from neo4j.exceptions import ClientError

        try:
            return self._read(work)
        except StoreError as exc:
            cause = exc.__cause__
            if isinstance(cause, ClientError) and (cause.code or "").startswith(
                "Neo.ClientError.Statement."
            ):
                raise QueryError(f"query {name!r}: {_one_line(cause.message)}") from cause
            raise

    def _named_query(self, name: str, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
        """The Cypher of a registered named query and its checked parameters."""
        from stratgraph.graph.queries import QUERIES, prepare_params

        if name not in QUERIES:
            raise QueryError(f"unknown query {name!r}")
        return cypher_text(f"{name}.cypher"), prepare_params(name, params)

    @contextmanager
    def _query_errors(self, name: str) -> Iterator[None]:
        from neo4j.exceptions import ClientError

        try:
            yield
        except StoreError as exc:
            cause = exc.__cause__
            if isinstance(cause, ClientError) and (cause.code or "").startswith(
                "Neo.ClientError.Statement."
            ):
                raise QueryError(f"query {name!r}: {_one_line(cause.message)}") from cause
            raise

    def stream_query(
        self, name: str, params: Mapping[str, Any], *, offset: int = 0, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Rows ``offset`` to ``offset + limit`` of a named query, as the driver fetches them:
        ``SKIP``/``LIMIT`` run in the database, and rows are read in batches, never all held."""
        from stratgraph.graph.queries import check_page, paged_cypher

        check_page(offset, limit)
        query, prepared = self._named_query(name, params)
        if limit is not None:
            rows = self._from_facts(name, prepared, offset=offset, limit=limit)
            if rows is not None:
                yield from rows
                return
        text, extra = paged_cypher(query, offset, limit)
        held = self._held
        if held is not None:
            with self._query_errors(name), self._errors("read the graph"):
                yield from [record.data() for record in held.tx.run(text, {**prepared, **extra})]
            return
        with self._query_errors(name), self._errors("read the graph"), self._session() as session:
            for record in session.run(text, {**prepared, **extra}):
                yield record.data()

    def query_summary(self, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The query's summary (rows per group and tallied value), counted in the database."""
        from stratgraph.graph.queries import get_query, summary_cypher, tally

        query, prepared = self._named_query(name, params)
        spec = get_query(name)
        triples = self._from_facts(name, prepared)
        if triples is not None:
            return tally(spec, triples)
        text = summary_cypher(spec, query)

        def work(tx: ManagedTransaction) -> list[tuple[Any, Any, int]]:
            return [(r["grp"], r["value"], r["n"]) for r in tx.run(text, prepared)]

        with self._query_errors(name):
            return tally(spec, self._read(work))

    #: Whether whole-graph summaries and first pages may be read from the write-time facts
    #: (False: always computed live, as tests compare).
    use_facts = True

    def _from_facts(self, name: str, prepared: Mapping[str, Any], *, offset: int = 0,
                    limit: int | None = None, whole: bool = False) -> list[Any] | None:
        """A summary's (group, value, rows) triples (no ``limit``), a page's rows, or (``whole``)
        all rows of a query whose facts hold its whole answer, from the write-time facts;
        ``None`` when they cannot answer (see graph/neo4j_facts.py)."""
        from stratgraph.graph import neo4j_facts as facts
        from stratgraph.graph import neo4j_pair_facts as pair_facts

        if self.use_facts and not whole and pair_facts.serves(name, prepared):
            # Counted or paged from per-reference facts (graph/neo4j_pair_facts.py).
            def pairs(tx: ManagedTransaction) -> list[Any] | None:
                if not self._checked_once(tx, pair_facts.current):
                    return None
                if limit is None:
                    return pair_facts.summary_triples(tx, name, prepared)
                return pair_facts.page_rows(tx, name, prepared, offset, limit)

            with self._query_errors(name):
                return self._read(pairs)
        if not self.use_facts or (whole and name not in facts.ROW_FACTS) or not facts.serves(
                name, prepared, page=whole or limit is not None):
            return None

        def work(tx: ManagedTransaction) -> list[Any] | None:
            if not self._checked_once(tx, facts.current):
                return None
            if whole:
                return facts.page_rows(tx, name, prepared, 0, None)
            if limit is None:
                return facts.summary_triples(tx, name, prepared)
            return facts.page_rows(tx, name, prepared, offset, limit)

        with self._query_errors(name):
            return self._read(work)

    def facts_stamp(self) -> tuple[int, int, int] | None:
        """What identifies the graph the write-time facts describe (their meta node's count
        of writes, and the node and relationship counts), or ``None`` when they are not
        current or not in use: an answer read while it holds may be kept until it changes."""
        from stratgraph.graph import neo4j_facts

        if not self.use_facts:
            return None
        return self._read(neo4j_facts.stamp)

    def close(self) -> None:
        """Close the driver's connections."""
        self._driver.close()

    # -- one node at a time (the explorer): parameters only, reached by the id constraint -----

    def search(
        self, text: str, labels: Collection[str] = (), plan: str | None = None,
        theme: str | None = None, limit: int = 20,
    ) -> list[SearchHit]:
        """Nodes whose name or an alias matches ``text``, best first (see the Protocol)."""
        from stratgraph.graph.explore import (CANDIDATES, Candidate, check_labels,
                                              lucene_query, query_words, rank)

        wanted = check_labels(labels)
        words = query_words(text)
        if not words:
            return []
        # The index comes with the schema; a graph written before it gets it here, unless
        # this user may not create indexes: then every name is read, as before the index.
        try:
            self.ensure_schema()
            statement = cypher_text("store_search_candidates.cypher")
        except StoreError:
            statement = cypher_text("store_search_scan.cypher")

        # Unfiltered, Lucene itself keeps the best; a filter must see every hit first.
        options = {} if wanted or plan is not None or theme is not None else {
            "limit": CANDIDATES}

        def work(tx: ManagedTransaction) -> list[Candidate]:
            found = []
            for r in tx.run(statement, labels=wanted,
                            plan=plan, theme=theme, lucene=lucene_query(words),
                            candidates=CANDIDATES, options=options):
                label = next((n for n in sorted(r["labels"]) if n in _LABELS), None)
                if label is not None:
                    found.append(Candidate(r["id"], label, str(r["name"] or ""),
                                           tuple(str(a) for a in r["aliases"]), r["plan_id"]))
            return found

        return rank(self._read(work), text, limit)

    def neighbours(
        self, node_id: str, types: Collection[str] = (), limit: int = 200
    ) -> GraphData:
        """The node, up to ``limit`` of its relationships of ``types``, their other ends."""
        from stratgraph.graph.explore import check_types

        wanted = check_types(types) or _TYPES

        def work(tx: ManagedTransaction) -> GraphData:
            rels = _rels_from(tx.run(cypher_text("store_neighbours.cypher"), id=node_id,
                                     types=wanted, limit=int(limit),
                                     scan=max(int(limit), NEIGHBOURS_READ)))
            ids = sorted({node_id, *(r.start for r in rels), *(r.end for r in rels)})
            nodes = _nodes_from(tx.run(cypher_text("store_nodes_by_id.cypher"), ids=ids))
            data = GraphData({n.id: n for n in nodes}, {})
            if node_id not in data.nodes:
                return GraphData()
            for rel in rels:
                if rel.start in data.nodes and rel.end in data.nodes:
                    data.relationships[rel.id] = rel
            return data

        return self._read(work)

    def warm_statements(self, *, expand_limit: int, query_rows: int) -> list[Warmed]:
        """Run the statements the explorer's first clicks run, once (graph/neo4j_warm.py), in
        a session of this call's own: `stratgraph serve` calls it from a thread of its own
        while the serving thread answers requests, so it never joins a :meth:`reading` block."""
        from stratgraph.graph.neo4j_warm import warm

        with self._session() as session:
            return warm(session, expand_limit=expand_limit, query_rows=query_rows)

    def node(self, node_id: str) -> NodeDetail | None:
        """The node with its relationship counts per type and direction."""
        from stratgraph.graph.explore import NodeDetail

        def work(tx: ManagedTransaction) -> NodeDetail | None:
            nodes = _nodes_from(tx.run(cypher_text("store_nodes_by_id.cypher"), ids=[node_id]))
            if not nodes:
                return None
            # the node's kept degrees: a dense node's links are counted, not read
            links = [(r["type"], r["direction"], int(r["n"])) for r in tx.run(
                cypher_text("store_node_links.cypher"), id=node_id)]
            return NodeDetail(nodes[0], tuple(sorted(links)))

        return self._read(work)

