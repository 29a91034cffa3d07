"""The embedded store's tables: one SQLite file with indexed node and relationship tables.

A node row keeps the columns the store looks things up by (id, label, plan, document) and the
record's remaining properties as compact JSON; shared nodes' ``documents`` lists are also kept
one row per document in ``node_documents``, so what a document contributed is found by index
(``--replace``, per-document counts) without reading the whole graph.

This module only turns records into rows and rows back into records or networkx attributes;
transactions, locking and migration are :mod:`stratgraph.graph.embedded`'s job.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from stratgraph.graph.model import Label, Method, Node, Provenance, Relationship, RelType

FORMAT = "stratgraph-graph-sqlite"
VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    name TEXT NOT NULL,
    source_document TEXT NOT NULL,
    source_line INTEGER NOT NULL,
    plan_id TEXT,
    has_documents INTEGER NOT NULL,
    props TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nodes_label ON nodes (label);
CREATE INDEX IF NOT EXISTS nodes_plan ON nodes (plan_id);
-- Covering indexes: the counts of `stats` read these alone, never the records.
CREATE INDEX IF NOT EXISTS nodes_document ON nodes (source_document, label, has_documents);
CREATE TABLE IF NOT EXISTS node_documents (
    document TEXT NOT NULL,
    node_id TEXT NOT NULL,
    PRIMARY KEY (document, node_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS node_documents_node ON node_documents (node_id);
CREATE TABLE IF NOT EXISTS edges (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    method TEXT NOT NULL,
    confidence REAL NOT NULL,
    source_document TEXT NOT NULL,
    source_line INTEGER NOT NULL,
    props TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_start ON edges (start);
CREATE INDEX IF NOT EXISTS edges_end ON edges ("end");
CREATE INDEX IF NOT EXISTS edges_document ON edges (source_document, type);
CREATE INDEX IF NOT EXISTS edges_type ON edges (type, method);
-- Whole-graph answers kept until the next write (``generation`` in meta counts writes): a
-- summary, its pages and a CSV of the same question are computed once.
CREATE TABLE IF NOT EXISTS answer_keys (
    key TEXT PRIMARY KEY,
    generation INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    used REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS answers (
    key TEXT NOT NULL,
    i INTEGER NOT NULL,
    row TEXT NOT NULL,
    PRIMARY KEY (key, i)
) WITHOUT ROWID;
"""

#: The search index (issue #16): every name and alias of a node one row of ``search_names``,
#: its words in the FTS5 table ``search_words`` (external content: the words only, no second
#: copy of the text), the distinct words readable through ``search_vocab`` (typed words are
#: matched against them by similarity, so typos still find names). Triggers keep it in step
#: with ``nodes`` on every insert, replace and delete, whatever statement writes the nodes.
#: ``INSERT OR REPLACE`` fires no delete trigger (recursive triggers are off), so the insert
#: trigger drops the node's old names first. Statements hold semicolons: a list, not a script.
SEARCH_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS search_names (
        rowid INTEGER PRIMARY KEY,
        node_id TEXT NOT NULL,
        name TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS search_names_node ON search_names (node_id)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS search_words USING fts5(
        name, content='search_names', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 0')""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_words, 'row')",
    """CREATE TRIGGER IF NOT EXISTS search_names_insert AFTER INSERT ON search_names BEGIN
        INSERT INTO search_words (rowid, name) VALUES (new.rowid, new.name);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_names_delete AFTER DELETE ON search_names BEGIN
        INSERT INTO search_words (search_words, rowid, name) VALUES ('delete', old.rowid, old.name);
    END""",
    """CREATE TRIGGER IF NOT EXISTS nodes_search_insert AFTER INSERT ON nodes BEGIN
        DELETE FROM search_names WHERE node_id = new.id;
        INSERT INTO search_names (node_id, name) VALUES (new.id, new.name);
        INSERT INTO search_names (node_id, name)
            SELECT new.id, value FROM json_each(new.props, '$.aliases')
            WHERE instr(new.props, '"aliases"') > 0 AND type = 'text';
    END""",
    """CREATE TRIGGER IF NOT EXISTS nodes_search_update AFTER UPDATE OF name, props ON nodes BEGIN
        DELETE FROM search_names WHERE node_id = old.id;
        INSERT INTO search_names (node_id, name) VALUES (new.id, new.name);
        INSERT INTO search_names (node_id, name)
            SELECT new.id, value FROM json_each(new.props, '$.aliases')
            WHERE instr(new.props, '"aliases"') > 0 AND type = 'text';
    END""",
    """CREATE TRIGGER IF NOT EXISTS nodes_search_delete AFTER DELETE ON nodes BEGIN
        DELETE FROM search_names WHERE node_id = old.id;
    END""",
)

NODE_COLUMNS = "id, label, name, source_document, source_line, props"
EDGE_COLUMNS = 'id, type, start, "end", method, confidence, source_document, source_line, props'

# SQLite allows 32,766 host parameters per statement; stay well below for `IN (...)` lists.
CHUNK = 900

_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _one_encoder() -> Any:
    """``_ENCODER.encode`` without its per-call set-up, or that method itself.

    ``JSONEncoder.encode`` builds a new C encoder (and a closure) for every value: for a
    first build's few thousand rows that was half the time their JSON took. The C encoder
    ``encode`` would build, made once with the same settings, writes the same text; its
    circular-reference marks are cleared after a failed value, as a new encoder would start.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    text = getattr(json.encoder, "c_encode_basestring", None)
    if make is None or text is None:
        return _ENCODER.encode  # no C accelerator: the standard path
    markers: dict[int, Any] = {}
    encode = make(markers, _ENCODER.default, text, None, _ENCODER.key_separator,
                  _ENCODER.item_separator, _ENCODER.sort_keys, _ENCODER.skipkeys,
                  _ENCODER.allow_nan)

    def dumps(value: Any) -> str:
        if isinstance(value, str):
            return text(value)
        try:
            return "".join(encode(value, 0))
        except BaseException:
            markers.clear()
            raise

    return dumps


_dumps = _one_encoder()
dumps_row = _dumps
_decode = json.JSONDecoder().raw_decode


def loads_props(text: str) -> dict[str, Any]:
    """The properties JSON of a row, as a dict."""
    # Most relationships carry no extra property: skip the parser for them.
    if text == "{}":
        return {}
    value = _decode(text)[0]
    if not isinstance(value, dict):
        raise ValueError("properties are not an object")
    return value


def create_schema(con: sqlite3.Connection) -> None:
    """Create the tables (inside the caller's transaction) and stamp the format."""
    for statement in SCHEMA.split(";"):
        if statement.strip():
            con.execute(statement)
    create_search_index(con)
    con.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [("format", FORMAT), ("version", str(VERSION)), ("generation", "0")],
    )


def create_search_index(con: sqlite3.Connection) -> None:
    """Create the search index (inside the caller's transaction) and fill it from the nodes
    already stored (a file written before the index existed)."""
    for statement in SEARCH_SCHEMA:
        con.execute(statement)
    con.execute("DELETE FROM search_names")
    con.execute("INSERT INTO search_names (node_id, name) SELECT id, name FROM nodes")
    con.execute(
        "INSERT INTO search_names (node_id, name) SELECT n.id, a.value "
        "FROM nodes AS n, json_each(n.props, '$.aliases') AS a "
        "WHERE instr(n.props, '\"aliases\"') > 0 AND a.type = 'text'")


# An enum member's ``.value`` is a descriptor call; a build writes thousands of rows.
_LABEL_TEXT = {label: label.value for label in Label}
_TYPE_TEXT = {type_: type_.value for type_ in RelType}
_METHOD_TEXT = {method: method.value for method in Method}


def node_row(node: Node) -> tuple[Any, ...]:
    """The ``nodes`` row of a node."""
    props = node.properties
    return (
        node.id,
        _LABEL_TEXT[node.label],
        node.name,
        node.provenance.document,
        node.provenance.line,
        props.get("plan_id") if isinstance(props.get("plan_id"), str) else None,
        1 if props.get("documents") else 0,
        _dumps({**props, PARTS_KEY: [_part_row(p) for p in node.parts]} if node.parts
               else dict(props)),
    )


def aliases_json(node: Node) -> str:
    """The part of a node row's properties JSON the search index reads: its ``aliases``."""
    if "aliases" not in node.properties:
        return "{}"
    return _dumps({"aliases": node.properties["aliases"]})


#: The key, in a node row's properties JSON, of each document's own record of a shared node
#: (``Node.parts``); never a property of the node itself.
PARTS_KEY = "_parts"


def _part_row(part: Node) -> list[Any]:
    return [part.provenance.document, part.provenance.line, part.name, dict(part.properties)]


def node_document_rows(node: Node) -> Iterator[tuple[str, str]]:
    """``node_documents`` rows: one per document a shared node lists."""
    for document in node.properties.get("documents") or ():
        yield (str(document), node.id)


def edge_row(rel: Relationship) -> tuple[Any, ...]:
    """The ``edges`` row of a relationship."""
    return (
        rel.id,
        _TYPE_TEXT[rel.type],
        rel.start,
        rel.end,
        _METHOD_TEXT[rel.method],
        float(rel.confidence),
        rel.provenance.document,
        rel.provenance.line,
        # Most relationships carry no extra property (what loads_props skips on the way back).
        _dumps(dict(rel.properties)) if rel.properties else "{}",
    )


def node_from_row(row: Sequence[Any]) -> Node:
    """The node a ``SELECT {NODE_COLUMNS}`` row holds."""
    id_, label, name, document, line, props = row
    properties = loads_props(props)
    parts: tuple[Node, ...] = ()
    if PARTS_KEY in properties:
        label = Label(label)
        parts = tuple(
            Node(id_, label, str(p_name), Provenance(str(p_doc), int(p_line)), dict(p_props))
            for p_doc, p_line, p_name, p_props in properties.pop(PARTS_KEY)
        )
    return Node(
        id=id_, label=Label(label), name=name, provenance=Provenance(document, int(line)),
        properties=properties, parts=parts,
    )


def edge_from_row(row: Sequence[Any]) -> Relationship:
    """The relationship a ``SELECT {EDGE_COLUMNS}`` row holds."""
    _id, type_, start, end, method, confidence, document, line, props = row
    return Relationship(
        type=RelType(type_), start=start, end=end, provenance=Provenance(document, int(line)),
        method=Method(method), confidence=float(confidence), properties=loads_props(props),
    )


def node_attrs(row: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """(id, networkx attributes) of a node row: ``label`` plus :meth:`Node.as_properties`."""
    id_, label, name, document, line, props = row
    attrs = {k: v for k, v in loads_props(props).items() if v is not None and k != PARTS_KEY}
    attrs.update(label=label, id=id_, name=name, source_document=document, source_line=line)
    return id_, attrs


def edge_attrs(row: Sequence[Any]) -> tuple[str, str, str, dict[str, Any]]:
    """(start, end, key, networkx attributes) of an edge row, as ``to_networkx`` builds them."""
    id_, type_, start, end, method, confidence, document, line, props = row
    attrs = {k: v for k, v in loads_props(props).items() if v is not None}
    attrs.update(
        type=type_, id=id_, method=method, confidence=round(float(confidence), 4),
        source_document=document, source_line=line,
    )
    return start, end, id_, attrs


def chunks(items: Iterable[str], size: int = CHUNK) -> Iterator[list[str]]:
    """``items`` in lists of at most ``size`` (for ``IN (?, ?, ...)``)."""
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def placeholders(n: int) -> str:
    """``?, ?, ...`` for ``n`` parameters."""
    return ", ".join("?" * n)


def select_in(
    con: sqlite3.Connection, sql: str, ids: Iterable[str]
) -> Iterator[Sequence[Any]]:
    """Rows of ``sql`` (which holds one ``{}`` for the id list) for each chunk of ``ids``."""
    for batch in chunks(ids):
        yield from con.execute(sql.format(placeholders(len(batch))), batch)
