"""The Neo4j store: the same contract as the embedded store, kept in a Neo4j 5 database.

How the graph is kept:

- Every node stratgraph writes has two labels, the marker ``:Stratgraph`` and its model label
  (``:Stratgraph:Action``), and its properties flat: ``id``, ``name``, ``source_document``,
  ``source_line`` and the extras (lists stay lists). Relationships have the model's type and
  carry ``id``, ``method``, ``confidence``, provenance and their extras. Anything without the
  marker is someone else's data: stratgraph never reads, changes or deletes it.
- ``cypher/schema.cypher`` (a unique ``id`` among ``:Stratgraph`` nodes, indexes for
  ``--replace`` and the named queries) is applied before the first write of each store.
- Writes are batched ``UNWIND $rows AS row MERGE ...`` statements, one per label and per
  relationship type, with labels and types taken from the model's enums only.
- ``write()`` has exactly the embedded store's semantics: strip what ``replace_documents``
  contributed, then merge the incoming records into the stored ones with the rules of
  ``graph/data.py`` (earliest provenance wins, ``aliases``/``mentions``/``documents`` united,
  stated beats inferred). The store reads the stored records the write touches, merges them in
  Python and writes the result, so both stores share one set of rules.

Atomicity: a write of up to ``transaction_rows`` nodes plus relationships (50,000 by default,
far above a council's plans) runs as one managed transaction, which the driver retries on
transient errors: a failure leaves the database as it was. A bigger write runs as a series of
transactions of ``batch_size`` rows (strip first, then nodes, then relationships). Every step is
an idempotent MERGE of the final merged value, so a failure part-way leaves a consistent but
incomplete load, and running the same build again completes it.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Self, TypeVar
from urllib.parse import urlsplit

from stratgraph.graph.data import (
    GraphData,
    merge_nodes,
    merge_relationships,
    strip_documents,
)
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


def _check_value(owner: str, key: str, value: Any) -> Any:
    """A property value Neo4j can store (tuples become lists); ``StoreError`` otherwise."""
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        kinds = {type(v) for v in value}
        if all(isinstance(v, (str, bool, int, float)) for v in value) and len(kinds) <= 1:
            return list(value)
    raise StoreError(f"{owner}: property {key!r} has a value Neo4j cannot store: {value!r}")


def node_row(node: Node) -> dict[str, Any]:
    """A node as a write row: its flat stored properties (``id`` among them)."""
    return {k: _check_value(node.id, k, v) for k, v in node.as_properties().items()}


def relationship_row(rel: Relationship) -> dict[str, Any]:
    """A relationship as a write row: end points and flat stored properties (``id`` among them)."""
    props = rel.as_properties()
    rel_id = props["id"]  # computed (hashed) once, not once per property
    props = {k: _check_value(rel_id, k, v) for k, v in props.items()}
    # as_properties rounds confidence for display; store it exactly so read() gives it back.
    props["confidence"] = float(rel.confidence)
    return {"start": rel.start, "end": rel.end, "props": props}


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


def _run_list(tx: ManagedTransaction, query: str, **params: Any) -> list[Any]:
    return list(tx.run(query, params))


def _write_nodes(tx: ManagedTransaction, nodes: Sequence[Node], batch_size: int) -> None:
    by_label: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        by_label[node.label].append(node_row(node))
    for label in sorted(by_label):
        query = _template("store_write_nodes.cypher", label=label)
        for rows in _chunks(by_label[label], batch_size):
            tx.run(query, rows=list(rows)).consume()


def _write_relationships(
    tx: ManagedTransaction, rels: Sequence[Relationship], batch_size: int
) -> int:
    by_type: dict[RelType, list[dict[str, Any]]] = defaultdict(list)
    for rel in rels:
        by_type[rel.type].append(relationship_row(rel))
    written = 0
    for rel_type in sorted(by_type):
        query = _template("store_write_relationships.cypher", rel_type=rel_type)
        for rows in _chunks(by_type[rel_type], batch_size):
            written += tx.run(query, rows=list(rows)).single(strict=True)["written"]
    return written


def _strip(tx: ManagedTransaction, docs: list[str], batch_size: int) -> bool:
    """One step of removing what ``docs`` contributed; True when nothing was left to remove.

    Document-scoped nodes and the documents' relationships are deleted ``batch_size`` at a
    time; the last step revisits the shared nodes with ``strip_documents`` (forget the
    documents' mentions, delete those no other document mentions).
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
    # All shared nodes, not only those the documents mention: strip_documents also rewrites
    # the others (it re-sorts their mentions), and both stores must end up identical.
    records = _run_list(tx, cypher_text("store_shared_nodes.cypher"), shared_labels=_SHARED)
    shared = {n.id: n for n in _nodes_from(records)}
    kept = strip_documents(GraphData(nodes=dict(shared)), docs).nodes
    gone = sorted(set(shared) - set(kept))
    if gone:
        tx.run(cypher_text("store_delete_nodes.cypher"), ids=gone).consume()
    changed = [node for id_, node in kept.items() if node != shared[id_]]
    _write_nodes(tx, changed, batch_size)
    return True


def _stored_nodes(tx: ManagedTransaction, ids: Sequence[str], batch_size: int) -> dict[str, Node]:
    """The stored nodes among ``ids``."""
    stored: dict[str, Node] = {}
    for chunk in _chunks(ids, batch_size):
        found = _run_list(tx, cypher_text("store_nodes_by_id.cypher"), ids=list(chunk))
        stored.update((n.id, n) for n in _nodes_from(found))
    return stored


def _stored_ids(tx: ManagedTransaction, ids: Sequence[str], batch_size: int) -> set[str]:
    return set(_stored_nodes(tx, ids, batch_size))


def _upsert_nodes(tx: ManagedTransaction, nodes: Sequence[Node], batch_size: int) -> set[str]:
    """Merge ``nodes`` into what is stored; returns the ids that were stored before."""
    stored = _stored_nodes(tx, [n.id for n in nodes], batch_size)
    merged = [merge_nodes(stored[n.id], n) if n.id in stored else n for n in nodes]
    _write_nodes(tx, merged, batch_size)
    return set(stored)


def _upsert_relationships(
    tx: ManagedTransaction,
    rels: Sequence[Relationship],
    batch_size: int,
    new_ids: Collection[str],
) -> int:
    """Merge ``rels`` into what is stored; returns how many were written.

    ``new_ids`` are node ids this write created: a relationship touching one of them cannot
    be stored yet, so only the others are looked up (on a first load, none is).
    """
    maybe_stored = [r for r in rels if r.start not in new_ids and r.end not in new_ids]
    stored: dict[str, Relationship] = {}
    for chunk in _chunks(maybe_stored, batch_size):
        keys = [{"id": r.id, "type": r.type.value, "start": r.start, "end": r.end} for r in chunk]
        found = _run_list(tx, cypher_text("store_relationships_by_id.cypher"), rows=keys)
        stored.update((r.id, r) for r in _rels_from(found))
    if stored:
        rels = [merge_relationships(stored[r.id], r) if r.id in stored else r for r in rels]
    return _write_relationships(tx, rels, batch_size)


def _write_all(
    tx: ManagedTransaction, graph: GraphData, docs: list[str], batch_size: int
) -> int:
    if docs:
        while not _strip(tx, docs, batch_size):
            pass
    stored = _upsert_nodes(tx, graph.sorted_nodes(), batch_size)
    new_ids = set(graph.nodes) - stored
    return _upsert_relationships(tx, graph.sorted_relationships(), batch_size, new_ids)


def _counts(tx: ManagedTransaction) -> tuple[int, int]:
    record = tx.run(cypher_text("store_counts.cypher"), types=_TYPES).single(strict=True)
    return int(record["nodes"]), int(record["relationships"])


class Neo4jStore:
    """A :class:`~stratgraph.graph.store.GraphStore` in a Neo4j 5 database.

    Args:
        uri: ``neo4j://``, ``neo4j+s://``, ``bolt://`` (or ``+s``/``+ssc``) server address.
        user: user name.
        password: password; ``None`` connects without authentication.
        database: database name; ``None`` uses the server's default database.
        batch_size: rows per ``UNWIND`` statement (and per transaction in a chunked write).
        transaction_rows: the largest write (nodes plus relationships) done as one transaction.

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
    ) -> None:
        self.uri = uri
        self.user = user
        self.database = database
        self.batch_size = max(1, int(batch_size))
        self.transaction_rows = max(1, int(transaction_rows))
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
        with self._errors("read the graph"), self._session() as session:
            return session.execute_read(work, *args)

    # -- schema -------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the constraint and indexes of ``cypher/schema.cypher`` (idempotent)."""
        if self._schema_ready:
            return
        with self._errors("create the schema"), self._session() as session:
            for statement in schema_statements():
                session.run(statement).consume()
            # Indexes fill in the background; --replace and queries want them online.
            session.run("CALL db.awaitIndexes(300)").consume()
        self._schema_ready = True

    # -- the GraphStore contract --------------------------------------------------------

    def write(self, graph: GraphData, *, replace_documents: Collection[str] = ()) -> WriteSummary:
        """Upsert ``graph`` after removing what ``replace_documents`` contributed.

        Same result as :meth:`EmbeddedStore.write`; see the module docstring for how a large
        write is split into transactions.
        """
        docs = sorted(set(replace_documents))
        self.ensure_schema()
        size = len(graph.nodes) + len(graph.relationships)
        with self._errors("write the graph"), self._session() as session:
            if size <= self.transaction_rows:
                written = session.execute_write(_write_all, graph, docs, self.batch_size)
            else:
                written = self._write_in_batches(session, graph, docs)
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

    def _write_in_batches(self, session: Session, graph: GraphData, docs: list[str]) -> int:
        if docs:
            while not session.execute_write(_strip, docs, self.batch_size):
                pass
        # Which nodes exist before this write: relationships of the others need no lookup.
        stored = session.execute_read(_stored_ids, sorted(graph.nodes), self.batch_size)
        new_ids = set(graph.nodes) - stored
        for nodes in _chunks(graph.sorted_nodes(), self.batch_size):
            session.execute_write(_upsert_nodes, nodes, self.batch_size)
        written = 0
        for rels in _chunks(graph.sorted_relationships(), self.batch_size):
            written += session.execute_write(
                _upsert_relationships, rels, self.batch_size, new_ids
            )
        return written

    def read(self) -> GraphData:
        """Everything stratgraph stored (nodes with the marker label and their relationships)."""

        def work(tx: ManagedTransaction) -> GraphData:
            nodes = _nodes_from(tx.run(cypher_text("store_read_nodes.cypher")))
            rels = _rels_from(tx.run(cypher_text("store_read_relationships.cypher"), types=_TYPES))
            return GraphData({n.id: n for n in nodes}, {r.id: r for r in rels})

        return self._read(work)

    def shared_entities(self) -> list[Node]:
        """Stored strategies, partnerships, organisations and leads, in id order."""

        def work(tx: ManagedTransaction) -> list[Node]:
            query = cypher_text("store_shared_nodes.cypher")
            return _nodes_from(tx.run(query, shared_labels=_SHARED))

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

    def close(self) -> None:
        """Close the driver's connections."""
        self._driver.close()
