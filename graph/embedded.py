"""The default store: one SQLite file (standard library) with indexed node and edge tables.

Opening costs a few milliseconds whatever the graph's size: nothing is read until a command
asks. Counts come from the indexes; a one-plan query loads only that plan's part of the graph
into networkx (see :meth:`EmbeddedStore.query_graph`), plan-evolution only the part it reads
(:data:`PARTIAL_LOADS`); other whole-graph queries load it all. Whole-graph summaries of the
golden-thread queries are counted by SQLite (:mod:`stratgraph.graph.sqlite_summaries`), from
per-item facts every write keeps up to date for the plans it reaches
(:mod:`stratgraph.graph.sqlite_facts`).

Writes run in one SQLite transaction (``BEGIN IMMEDIATE``): two builds into the same file take
turns, and each merges its shared nodes (``documents``, ``aliases`` lists) with what the other
saved, inside the transaction. A crash or a kill mid-write leaves the previous graph, which
SQLite restores from its journal on the next open. The file is written in place, so it keeps
its permissions and a symlinked ``--graph`` updates its target.

A JSON graph file from earlier versions is converted on first open (once, with a note on
stderr); the JSON is kept beside it as ``<name>.bak``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from glob import escape as glob_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stratgraph.errors import StoreError
from stratgraph.graph import sqlite_facts
from stratgraph.graph import sqlite_tables as t
from stratgraph.graph.data import (
    GraphData,
    merge_nodes,
    merge_relationships,
    strip_documents,
    strip_relationship,
)
from stratgraph.graph.model import SHARED_LABELS, Label, Node, Relationship
from stratgraph.graph.store import WriteSummary

if TYPE_CHECKING:
    import networkx as nx

    from stratgraph.graph.explore import NodeDetail, SearchHit
    from stratgraph.graph.summary import Summary

DEFAULT_GRAPH_FILE = Path(".stratgraph") / "graph.db"
#: How long a write waits for another build to finish with the same file.
LOCK_TIMEOUT = 600.0
SQLITE_MAGIC = b"SQLite format 3\x00"

# Queries whose `plan` parameter keeps every row inside that plan's part of the graph (rows are
# the plan's actions, outcomes or strategies' outcomes), so that part is all they need to load.
PLAN_SCOPED_QUERIES = frozenset(
    {"orphan-actions", "unsupported-outcomes", "coverage", "strategy-feeds", "deadlines"}
)

# Queries that read only nodes of some labels and relationships of one type into some of them
# (plus those relationships' start nodes): a whole-graph answer loads only that part.
# plan-evolution reads plans, shared items and themes, and who REFERENCES a shared item.
PARTIAL_LOADS: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {
    "plan-evolution": (("Plan", "Strategy", "Partnership", "Theme"), "REFERENCES",
                       ("Strategy", "Partnership")),
}


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def to_networkx(graph: GraphData) -> nx.MultiDiGraph:
    """The graph as a MultiDiGraph: node attributes are the stored properties plus ``label``;
    edges are keyed by relationship id and carry ``type`` plus the stored properties."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for node in graph.sorted_nodes():
        g.add_node(node.id, label=node.label.value, **node.as_properties())
    for rel in graph.sorted_relationships():
        g.add_edge(rel.start, rel.end, key=rel.id, type=rel.type.value, **rel.as_properties())
    return g


def _remove_stale_conversions(target: Path) -> None:
    """Remove what a conversion of ``target`` killed midway left (its half-written database
    and journal). Called holding the conversion lock, so no other conversion is running."""
    for left in target.parent.glob(f".{glob_escape(target.name)}.*.converting*"):
        try:
            left.unlink()
        except OSError:
            pass


class EmbeddedStore:
    """A :class:`~stratgraph.graph.store.GraphStore` kept in one SQLite file.

    ``notify`` receives the one-line notes meant for a person (a conversion, a wait for
    another build); by default they go to stderr.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] = DEFAULT_GRAPH_FILE,
        *,
        lock_timeout: float = LOCK_TIMEOUT,
        notify: Callable[[str], None] = _stderr,
    ) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._notify = notify
        self._con: sqlite3.Connection | None = None
        self._saving = False
        #: The file has the search index (False: written before it, and read-only here).
        self._indexed = False
        #: The search index's distinct words, with the write generation they were read at.
        self._vocabulary: tuple[str | None, list[str]] = (None, [])
        self._nx: nx.MultiDiGraph | None = None
        self._answers: dict[tuple[str, tuple[tuple[str, Any], ...]], list[dict[str, Any]]] = {}
        if self.path.exists():
            self._migrate_json_if_needed()
            self._connect()

    # -- opening --------------------------------------------------------------------------

    def _damaged(self, exc: BaseException) -> StoreError:
        return StoreError(f"{self.path}: the saved graph is damaged or not a stratgraph graph "
                          f"({exc})")

    def _connect(self) -> sqlite3.Connection:
        if self._con is not None:
            return self._con
        try:
            if not self.path.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # Created here so a new file follows the umask (SQLite itself would use 0644).
                try:
                    os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
                except FileExistsError:
                    pass
            # isolation_level=None: transactions are begun and ended here, explicitly.
            con = sqlite3.connect(self.path, isolation_level=None, timeout=self.lock_timeout)
            con.execute("PRAGMA journal_mode=DELETE")
            con.execute("PRAGMA synchronous=FULL")
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            if "meta" not in tables:
                if tables:
                    raise StoreError(f"{self.path}: not a stratgraph graph file")
                self._create(con)
                # Read again: judged by the empty file's list, the checks below took the new
                # file for an old one and ran two more transactions (the whole schema again,
                # the facts) that found nothing to add.
                tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
            fmt = dict(con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise self._damaged(exc) from exc
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the graph ({exc.strerror or exc})") from exc
        if fmt.get("format") != t.FORMAT:
            con.close()
            raise StoreError(f"{self.path}: not a stratgraph graph file")
        if fmt.get("version") != str(t.VERSION):
            con.close()
            raise StoreError(f"{self.path}: graph format version {fmt.get('version')!r} is "
                             f"newer than this stratgraph reads; upgrade stratgraph")
        self._drop_stale_journal(con)
        self._saving = "answers" in tables and "generation" in fmt
        if not self._saving:
            self._saving = self._add_answer_tables(con)
        self._indexed = bool(con.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_words'").fetchone())
        if not self._indexed:
            self._indexed = self._add_search_index(con)
        if not _facts_current(con) or "fact_refs" not in tables:
            self._add_facts(con)
        self._con = con
        return con

    def _drop_stale_journal(self, con: sqlite3.Connection) -> None:
        """Remove the rollback journal a killed write left before it was complete.

        SQLite rolls back and removes a journal holding changes (a "hot" one) when the file is
        next read; an empty one, or one killed before its header was written, it leaves.
        Holding the write lock (taking it played back any hot journal), no other writer is
        mid-transaction, so what is left is stale.
        """
        journal = Path(os.path.realpath(self.path) + "-journal")
        if not journal.exists():
            return
        try:
            con.execute("PRAGMA busy_timeout = 0")
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.Error:
            return  # another writer owns it
        finally:
            con.execute(f"PRAGMA busy_timeout = {int(self.lock_timeout * 1000)}")
        try:
            if journal.exists():
                journal.unlink()
        except OSError:
            pass
        finally:
            con.execute("COMMIT")

    def _add_answer_tables(self, con: sqlite3.Connection) -> bool:
        """Add the saved-answers tables to a file made before them (False: cannot write)."""
        return _migrate(con, t.create_schema)

    def _add_search_index(self, con: sqlite3.Connection) -> bool:
        """Add the search index to a file made before it (False: cannot write; search then
        reads every name, as before)."""
        return _migrate(con, t.create_search_index)

    def _add_facts(self, con: sqlite3.Connection) -> None:
        """Add or refresh the write-time facts of a file made (or last written) without them:
        the whole graph's, once. A file that cannot be written now keeps counting live."""
        try:
            con.execute("PRAGMA busy_timeout = 0")
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.Error:
            return
        finally:
            con.execute(f"PRAGMA busy_timeout = {int(self.lock_timeout * 1000)}")
        try:
            if not sqlite_facts.current(con):
                sqlite_facts.refresh(con, None)
                sqlite_facts.stamp(con)
            elif not sqlite_facts.has_ref_facts(con):
                # Facts from before fact_refs: add that table alone (the generation is unchanged).
                sqlite_facts.add_ref_facts(con)
            con.execute("COMMIT")
        except BaseException as exc:
            con.execute("ROLLBACK")
            if not isinstance(exc, sqlite3.Error):
                raise

    def _create(self, con: sqlite3.Connection) -> None:
        con.execute("BEGIN IMMEDIATE")
        try:
            if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
                t.create_schema(con)
                # An empty graph's facts are the empty tables: stamped current here, a new
                # file needs no second transaction (_add_facts) to refresh nothing.
                sqlite_facts.create(con)
                sqlite_facts.stamp(con)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _migrate_json_if_needed(self) -> None:
        """Convert a JSON graph file (format 1) into this store's format, in place."""
        import fcntl

        # The symlink's target is converted, so every name for the file sees the new graph.
        target = Path(os.path.realpath(self.path))
        try:
            with target.open("rb") as held:
                if held.read(len(SQLITE_MAGIC)) in (SQLITE_MAGIC, b""):
                    return
                # Two commands opening the same old file convert it once: the second waits
                # here, then finds the converted file under the name.
                fcntl.flock(held, fcntl.LOCK_EX)
                with target.open("rb") as now:
                    if now.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                        return
                _remove_stale_conversions(target)
                self._convert(target)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read the graph ({exc.strerror or exc})") from exc

    def _convert(self, target: Path) -> None:
        graph = load_json_graph(self.path)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.converting")
        backup = target.with_name(target.name + ".bak")
        try:
            mode = target.stat().st_mode & 0o7777
            tmp.unlink(missing_ok=True)
            fresh = EmbeddedStore(tmp, notify=self._notify)
            fresh.write(graph)
            fresh.close()
            os.chmod(tmp, mode)
            if not backup.exists():
                os.link(target, backup)
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"{self.path}: cannot convert the graph file "
                             f"({exc.strerror or exc})") from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        self._notify(f"note: {self.path}: converted the JSON graph file to the embedded "
                     f"database format ({len(graph.nodes)} nodes); the JSON is kept as {backup}")

    # -- transactions ------------------------------------------------------------------------

    def _begin_write(self, con: sqlite3.Connection) -> None:
        """``BEGIN IMMEDIATE``, waiting (and saying so) while another build holds the file."""
        con.execute("PRAGMA busy_timeout = 0")
        try:
            con.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
        finally:
            # Back to waiting before anything else: the COMMIT must wait for another process's
            # read to end (with no timeout it failed at once: "database is locked").
            con.execute(f"PRAGMA busy_timeout = {int(self.lock_timeout * 1000)}")
        self._notify(f"waiting for another build to finish writing {self.path} "
                     f"(up to {self.lock_timeout:g} s)")
        deadline = time.monotonic() + self.lock_timeout
        con.execute(f"PRAGMA busy_timeout = {int(self.lock_timeout * 1000)}")
        while True:
            try:
                con.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{self.path}: another build kept the graph file locked for more than "
                        f"{self.lock_timeout:g} s; try again when it has finished"
                    ) from None
            finally:
                con.execute(f"PRAGMA busy_timeout = {int(self.lock_timeout * 1000)}")

    def _read(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run ``work`` in one read transaction (a consistent snapshot of the file)."""
        if not self.path.exists() and self._con is None:
            return work(None)
        con = self._connect()
        try:
            con.execute("BEGIN")
            try:
                return work(con)
            finally:
                con.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._damaged(exc) from exc
        except (ValueError, TypeError, KeyError) as exc:
            raise self._damaged(exc) from exc

    def plan_changes(self) -> tuple[list[dict[str, Any]], int] | None:
        """What changed per plan pair, as plan-evolution's rows count it, and how many rows
        it has, from the write-time facts (graph/sqlite_facts.py); None: the rows decide."""
        from stratgraph.graph import sqlite_facts

        if not self.path.exists():
            return None
        self._connect()
        # Saved like a whole-graph answer until the next write: counted from the facts it is
        # plan-evolution's summary's work again (about 1 s at 1.2M nodes), once per write.
        key = t.dumps_row(["plan-changes"]) if self._saving else None
        saved = None if key is None else self._saved_rows(key, 0, None)
        if saved:
            return saved[1:], int(saved[0]["rows"])
        counted = self._read(sqlite_facts.plan_changes)
        if counted is not None and key is not None:
            self._save_rows(key, [{"rows": counted[1]}, *counted[0]])
        return counted

    # -- GraphStore ---------------------------------------------------------------------------

    def write(self, graph: GraphData, *, replace_documents: Collection[str] = ()) -> WriteSummary:
        """Upsert ``graph`` (after removing ``replace_documents``) in one transaction."""
        con = self._connect()
        try:
            self._begin_write(con)
        except sqlite3.Error as exc:
            raise self._damaged(exc) from exc
        try:
            fresh = _pause_search_triggers_if_empty(con)
            totals = _write(con, graph, set(replace_documents), fresh=fresh)
            if fresh:
                _fill_search_index(con, graph)
            # Every saved answer is now out of date.
            con.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                        "WHERE key = 'generation'")
            sqlite_facts.stamp(con)
            con.execute("DELETE FROM answers")
            con.execute("DELETE FROM answer_keys")
            # Counted once here, so `stats` reads one row.
            con.execute("INSERT OR REPLACE INTO meta VALUES ('summary', ?)",
                        (t.dumps_row(_count(con).as_dict()),))
            con.execute("COMMIT")
        except BaseException as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and "disk" in str(exc).lower():
                raise StoreError(f"{self.path}: cannot save the graph ({exc})") from exc
            if isinstance(exc, sqlite3.Error):
                raise self._damaged(exc) from exc
            raise
        self._nx = None
        self._answers.clear()
        return WriteSummary(
            nodes_written=len(graph.nodes),
            relationships_written=len(graph.relationships),
            nodes_total=totals[0],
            relationships_total=totals[1],
        )

    def read(self) -> GraphData:
        """Everything stored, as records."""

        def work(con: sqlite3.Connection | None) -> GraphData:
            data = GraphData()
            if con is None:
                return data
            for row in con.execute(f"SELECT {t.NODE_COLUMNS} FROM nodes ORDER BY id"):
                node = t.node_from_row(row)
                data.nodes[node.id] = node
            for row in con.execute(f"SELECT {t.EDGE_COLUMNS} FROM edges ORDER BY id"):
                rel = t.edge_from_row(row)
                data.relationships[rel.id] = rel
            return data

        return self._read(work)

    def shared_entities(self) -> list[Node]:
        """Stored strategies, partnerships, organisations and leads, in id order."""
        return self.nodes_labelled(SHARED_LABELS)

    def nodes_labelled(self, labels: Collection[Label]) -> list[Node]:
        """Stored nodes with one of ``labels``, in id order."""
        labels = sorted({Label(label).value for label in labels})

        def work(con: sqlite3.Connection | None) -> list[Node]:
            if con is None:
                return []
            sql = (f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE label IN "
                   f"({t.placeholders(len(labels))}) ORDER BY id")
            return [t.node_from_row(r) for r in con.execute(sql, labels)]

        return self._read(work)

    def names(self, labels: Collection[Label]) -> list[tuple[str, str]]:
        """Sorted distinct (label value, name) pairs: names, aliases and plans' document files."""
        wanted = sorted({Label(label).value for label in labels})

        def work(con: sqlite3.Connection | None) -> list[tuple[str, str]]:
            if con is None or not wanted:
                return []
            pairs: set[tuple[str, str]] = set()
            sql = (f"SELECT label, name, source_document, props FROM nodes WHERE label IN "
                   f"({t.placeholders(len(wanted))})")
            for label, name, document, props in con.execute(sql, wanted):
                extra = t.loads_props(props)
                aliases = extra.get("aliases")
                answers = [name, *(aliases if isinstance(aliases, list) else ())]
                if label == Label.PLAN.value:
                    # A plan also answers to its document: the key and the file name.
                    answers += [document, extra.get("document_name")]
                pairs.update((label, a) for a in answers if isinstance(a, str) and a)
            return sorted(pairs)

        return self._read(work)

    def run_query(self, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Rows of a named query, computed over the networkx graph (once per store and
        parameters until the next write: a summary then a page ask the same question)."""
        from stratgraph.graph.queries import prepare_params, run_embedded

        prepared = prepare_params(name, params)
        key = (name, tuple(sorted(prepared.items())))
        rows = self._answers.get(key)
        if rows is None:
            saved = self._saved_key(name, prepared)
            rows = None if saved is None else self._saved_rows(saved, 0, None)
            if rows is None:
                rows = self._fact_rows(name, prepared)
            if rows is None:
                rows = run_embedded(self, name, dict(params))
                if saved is not None:
                    self._save_rows(saved, rows)
            self._answers[key] = rows
        return list(rows)

    def _fact_rows(self, name: str, prepared: dict[str, Any]) -> list[dict[str, Any]] | None:
        """Rows built from the write-time facts, for the queries that can be (None: not)."""
        from stratgraph.graph.sqlite_summaries import ROWS, prepare

        built = ROWS.get(name)
        # One plan's rows come from its part of the graph (a partial load), as before.
        one_plan = name in PLAN_SCOPED_QUERIES and prepared.get("plan") is not None
        if built is None or one_plan or not self.path.exists():
            return None

        def work(con: sqlite3.Connection) -> list[dict[str, Any]] | None:
            prepare(con)
            return built(con, prepared)

        self._connect()
        return self._read(work)

    # Whole-graph answers are saved in the file until the next write: loading a large graph
    # and answering over it takes minutes, and a summary, its pages and a CSV ask the same.

    def _saved_key(self, name: str, prepared: Mapping[str, Any]) -> str | None:
        """The key a whole-graph answer is saved under (None: a one-plan answer, not saved)."""
        if not self.path.exists() or (
            name in PLAN_SCOPED_QUERIES and prepared.get("plan") is not None
        ):
            return None
        self._connect()
        if not self._saving:
            return None
        # The query's definition is part of the key: an answer saved by an earlier stratgraph
        # whose query read otherwise is not served after an upgrade (the conformance suite holds
        # the embedded implementation to this text, so the text stands for both).
        from hashlib import blake2b

        from stratgraph.graph.queries import cypher_text

        definition = blake2b(cypher_text(name).encode(), digest_size=8).hexdigest()
        return t.dumps_row([name, definition, sorted(prepared.items())])

    def _saved_rows(self, key: str, offset: int, limit: int | None) -> list[dict[str, Any]] | None:
        """Rows ``offset`` to ``offset + limit`` of a saved answer, or None when not saved."""

        def work(con: sqlite3.Connection) -> list[dict[str, Any]] | None:
            found = con.execute(
                "SELECT 1 FROM answer_keys a JOIN meta m ON m.key = 'generation' "
                "WHERE a.key = ? AND a.generation = CAST(m.value AS INTEGER)", (key,)
            ).fetchone()
            if found is None:
                return None
            end = -1 if limit is None else offset + limit
            return [t.loads_props(r[0]) for r in con.execute(
                "SELECT row FROM answers WHERE key = ? AND i >= ? AND (? < 0 OR i < ?) "
                "ORDER BY i", (key, offset, end, end))]

        return self._read(work)

    def _save_rows(self, key: str, rows: list[dict[str, Any]]) -> None:
        """Save a whole-graph answer, when the file can be written at once (a build writing,
        or a read-only file, just means it is not saved)."""
        con = self._connect()
        try:
            con.execute("PRAGMA busy_timeout = 0")
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.Error:
            return
        try:
            generation = int(con.execute(
                "SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])
            con.execute("DELETE FROM answers WHERE key = ?", (key,))
            con.executemany("INSERT INTO answers VALUES (?, ?, ?)",
                            ((key, i, t.dumps_row(row)) for i, row in enumerate(rows)))
            con.execute("INSERT OR REPLACE INTO answer_keys VALUES (?, ?, ?, ?)",
                        (key, generation, len(rows), time.time()))
            # Keep the eight answers used last.
            for (old,) in con.execute(
                "SELECT key FROM answer_keys ORDER BY used DESC LIMIT -1 OFFSET 8"
            ).fetchall():
                con.execute("DELETE FROM answers WHERE key = ?", (old,))
                con.execute("DELETE FROM answer_keys WHERE key = ?", (old,))
            con.execute("COMMIT")
        except (sqlite3.Error, ValueError, TypeError):
            if con.in_transaction:
                con.execute("ROLLBACK")
        finally:
            con.execute(f"PRAGMA busy_timeout = {int(self.lock_timeout * 1000)}")

    def stream_query(
        self, name: str, params: Mapping[str, Any], *, offset: int = 0, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Rows ``offset`` to ``offset + limit`` of a named query."""
        from stratgraph.graph.queries import check_page

        from stratgraph.graph.queries import prepare_params

        check_page(offset, limit)
        prepared = prepare_params(name, params)
        key = (name, tuple(sorted(prepared.items())))
        saved = self._saved_key(name, prepared)
        if key not in self._answers and saved is not None:
            # A saved answer is paged by SQLite: only the page is read.
            page = self._saved_rows(saved, offset, limit)
            if page is not None:
                return iter(page)
        if key not in self._answers and limit is not None and self.path.exists():
            # Some whole-graph answers build a page's rows alone from the write-time facts.
            from stratgraph.graph.sqlite_summaries import PAGES, prepare

            paged = PAGES.get(name)
            if paged is not None:
                def work(con: sqlite3.Connection) -> list[dict[str, Any]] | None:
                    prepare(con)
                    return paged(con, prepared, offset, limit)

                page = self._read(work)
                if page is not None:
                    return iter(page)
        rows = self.run_query(name, params)
        return iter(rows[offset:] if limit is None else rows[offset:offset + limit])

    def query_summary(self, name: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The named query's summary (rows per group and tallied value)."""
        from stratgraph.graph.queries import get_query, prepare_params, summarise_rows
        from stratgraph.graph.sqlite_summaries import SUMMARIES

        spec = get_query(name)
        counted = SUMMARIES.get(name)
        prepared = prepare_params(name, params)
        one_plan = name in PLAN_SCOPED_QUERIES and prepared.get("plan") is not None
        if counted is None or one_plan or not self.path.exists():
            # One plan's rows come from its part of the graph alone: cheaper than any count.
            return summarise_rows(spec, self.run_query(name, params))
        # Counted by SQLite over the indexes: the whole graph never goes through networkx.
        # Saved like a whole-graph answer, so asking again (a table, then --summary) is a read.
        self._connect()
        key = t.dumps_row(["summary", name, sorted(prepared.items())]) if self._saving else None
        rows = None if key is None else self._saved_rows(key, 0, None)
        if rows is None:
            rows = self._read(lambda con: _counted_summary(con, spec, counted, prepared))
            if rows is None:
                return summarise_rows(spec, self.run_query(name, params))
            if key is not None:
                self._save_rows(key, rows)
        return rows

    def close(self) -> None:
        """Close the file (every write is already on disk)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    # -- beyond the Protocol: what the embedded store answers from its indexes ------------------

    def summary(self) -> Summary:
        """What ``stratgraph stats`` prints: counted by SQLite at each write and saved, so
        reading it costs one row whatever the graph's size."""
        from stratgraph.graph.summary import DocumentCounts, Summary

        def work(con: sqlite3.Connection | None) -> Summary:
            if con is None:
                return Summary(0, 0, {}, {}, {})
            row = con.execute("SELECT value FROM meta WHERE key = 'summary'").fetchone()
            if row is None:  # a file written before summaries were saved
                return _count(con)
            d = json.loads(row[0])
            return Summary(
                nodes=int(d["nodes"]), relationships=int(d["relationships"]),
                labels=dict(d["labels"]), types=dict(d["types"]), methods=dict(d["methods"]),
                documents=[DocumentCounts(x["document"], dict(x["nodes"]),
                                          dict(x["relationships"])) for x in d["documents"]],
            )

        return self._read(work)

    @property
    def networkx(self) -> nx.MultiDiGraph:
        """The whole graph as a networkx MultiDiGraph (loaded on first use after each write)."""
        if self._nx is None:
            self._nx = self._read(lambda con: _load_networkx(con, None))
        return self._nx

    def query_graph(self, name: str, params: Mapping[str, Any]) -> nx.MultiDiGraph:
        """The part of the graph query ``name`` needs: one plan's part for a one-plan query
        (its nodes, their neighbours, and SUPPORTS chains through outcomes and actions of any
        plan), one organisation's for plan-evolution with one, else the whole graph."""
        wanted = params.get("plan")
        if name == "plan-evolution" and params.get("organisation") is not None and self._nx is None:
            from stratgraph.graph.sqlite_evolution_load import load_organisation

            return self._read(lambda con: load_organisation(con, params["organisation"]))
        if name in PARTIAL_LOADS and self._nx is None:
            return self._read(lambda con: _load_partial(con, *PARTIAL_LOADS[name]))
        if wanted is None or name not in PLAN_SCOPED_QUERIES or self._nx is not None:
            return self.networkx
        return self._read(lambda con: _load_networkx(con, wanted))


    # -- one node at a time (the explorer): by index, never the whole graph --------------------

    def search(
        self, text: str, labels: Collection[str] = (), plan: str | None = None,
        theme: str | None = None, limit: int = 20,
    ) -> list[SearchHit]:
        """Nodes whose name or an alias matches ``text``, best first (see the Protocol).

        The search index picks the candidates: names holding a stored word like one typed
        (by similarity over the index's vocabulary) or starting with one, best FTS5 score
        first, at most :data:`~stratgraph.graph.explore.CANDIDATES`; :func:`rank` orders them.
        A file without the index (older, opened read-only) has every name ranked.
        """
        from stratgraph.graph.explore import (CANDIDATES, Candidate, check_labels, fts5_query,
                                              query_words, rank)

        wanted = check_labels(labels)
        where, args = [], []
        if wanted:
            where.append(f"n.label IN ({t.placeholders(len(wanted))})")
            args += wanted
        if plan is not None:
            where.append("n.plan_id = ?")
            args.append(plan)
        if theme is not None:
            where.append("(n.id = ? OR json_extract(n.props, '$.theme_id') = ?)")
            args += [theme, theme]
        # Most nodes have no aliases: parse the properties only of those that do.
        columns = ("n.id, n.label, n.name, CASE WHEN instr(n.props, '\"aliases\"') > 0 THEN "
                   "json_extract(n.props, '$.aliases') END, n.plan_id")
        scan = (f"SELECT {columns} FROM nodes AS n"
                + (" WHERE " + " AND ".join(where) if where else ""))
        indexed = (f"SELECT {columns} FROM search_words "
                   "JOIN search_names AS s ON s.rowid = search_words.rowid "
                   "JOIN nodes AS n ON n.id = s.node_id WHERE search_words MATCH ?"
                   + "".join(" AND " + w for w in where)
                   + " ORDER BY search_words.rank LIMIT ?")
        words = query_words(text)

        def work(con: sqlite3.Connection | None) -> list[SearchHit]:
            if con is None or not words:
                return []
            if self._indexed:
                match = fts5_query(words, self._search_vocabulary(con))
                rows = con.execute(indexed, [match, *args, CANDIDATES])
            else:
                rows = con.execute(scan, args)
            seen: dict[str, Candidate] = {}
            for id_, label, name, aliases, plan_id in rows:
                if id_ not in seen:
                    seen[id_] = Candidate(id_, label, name,
                                          tuple(json.loads(aliases)) if aliases else (), plan_id)
            return rank(seen.values(), text, limit)

        return self._read(work)

    def _search_vocabulary(self, con: sqlite3.Connection) -> list[str]:
        """The search index's distinct words, read again only after a write."""
        row = con.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        generation = row[0] if row else None
        if generation is None or self._vocabulary[0] != generation:
            self._vocabulary = (generation,
                                [r[0] for r in con.execute("SELECT term FROM search_vocab")])
        return self._vocabulary[1]

    def neighbours(
        self, node_id: str, types: Collection[str] = (), limit: int = 200
    ) -> GraphData:
        """The node, up to ``limit`` of its relationships of ``types``, their other ends."""
        from stratgraph.graph.explore import check_types

        wanted = check_types(types)
        # `+type`: the type is only a filter; without the plus SQLite may walk the edges_type
        # index (every SUPPORTS of a national graph) instead of the node's own edges.
        only = f" AND +type IN ({t.placeholders(len(wanted))})" if wanted else ""
        sql = (f"SELECT {t.EDGE_COLUMNS} FROM edges WHERE id IN ("
               f" SELECT id FROM edges WHERE start = ?{only}"
               f" UNION SELECT id FROM edges WHERE \"end\" = ?{only}) ORDER BY id LIMIT ?")

        def work(con: sqlite3.Connection | None) -> GraphData:
            data = GraphData()
            if con is None:
                return data
            row = con.execute(f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id = ?",
                              (node_id,)).fetchone()
            if row is None:
                return data
            data.nodes[node_id] = t.node_from_row(row)
            rels = [t.edge_from_row(r) for r in con.execute(
                sql, [node_id, *wanted, node_id, *wanted, int(limit)])]
            others = sorted({r.end if r.start == node_id else r.start for r in rels})
            for r in t.select_in(con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id IN ({{}})",
                                 others):
                node = t.node_from_row(r)
                data.nodes[node.id] = node
            for rel in rels:
                if rel.start in data.nodes and rel.end in data.nodes:
                    data.relationships[rel.id] = rel
            return data

        return self._read(work)

    def node(self, node_id: str) -> NodeDetail | None:
        """The node with its relationship counts per type and direction."""
        from stratgraph.graph.explore import NodeDetail

        def work(con: sqlite3.Connection | None) -> NodeDetail | None:
            if con is None:
                return None
            row = con.execute(f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id = ?",
                              (node_id,)).fetchone()
            if row is None:
                return None
            links = con.execute(
                "SELECT type, 'out', count(*) FROM edges WHERE start = ? GROUP BY type "
                "UNION ALL SELECT type, 'in', count(*) FROM edges WHERE \"end\" = ? "
                "GROUP BY type", (node_id, node_id)).fetchall()
            return NodeDetail(t.node_from_row(row), tuple(sorted(links)))

        return self._read(work)


def _counted_summary(con: sqlite3.Connection, spec: Any, counted: Callable[..., Any],
                     prepared: dict[str, Any]) -> list[dict[str, Any]] | None:
    """A query's summary counted in SQL (:mod:`stratgraph.graph.sqlite_summaries`); None
    when SQL does not count it for these parameters."""
    from stratgraph.graph.queries import tally
    from stratgraph.graph.sqlite_summaries import drop_temp, prepare

    prepare(con)
    try:
        triples = counted(con, prepared)
        return None if triples is None else tally(spec, list(triples))
    finally:
        drop_temp(con)


def _migrate(con: sqlite3.Connection, step: Callable[[sqlite3.Connection], None]) -> bool:
    """Run ``step`` (adding tables to an older file) in its own write; False if it cannot."""
    try:
        con.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        return False
    try:
        step(con)
        con.execute("COMMIT")
        return True
    except sqlite3.Error:
        con.execute("ROLLBACK")
        return False


def _facts_current(con: sqlite3.Connection) -> bool:
    try:
        return sqlite_facts.current(con)
    except sqlite3.Error:
        return False


def _count(con: sqlite3.Connection) -> Summary:
    """Count the graph's nodes and relationships per label, type, method and document."""
    from stratgraph.graph.summary import DocumentCounts, Summary

    def pairs(sql: str) -> dict[str, int]:
        return {k: n for k, n in con.execute(sql)}

    per_doc_nodes: dict[str, dict[str, int]] = {}
    for doc, label, n in con.execute(
        "SELECT doc, label, count(*) FROM ("
        " SELECT nd.document AS doc, n.label AS label FROM node_documents nd"
        " JOIN nodes n ON n.id = nd.node_id"
        " UNION ALL SELECT source_document, label FROM nodes WHERE has_documents = 0"
        ") GROUP BY doc, label ORDER BY doc, label"
    ):
        per_doc_nodes.setdefault(doc, {})[label] = n
    per_doc_rels: dict[str, dict[str, int]] = {}
    for doc, type_, n in con.execute(
        "SELECT source_document, type, count(*) FROM edges "
        "GROUP BY source_document, type ORDER BY source_document, type"
    ):
        per_doc_rels.setdefault(doc, {})[type_] = n
    return Summary(
        nodes=con.execute("SELECT count(*) FROM nodes").fetchone()[0],
        relationships=con.execute("SELECT count(*) FROM edges").fetchone()[0],
        labels=pairs("SELECT label, count(*) FROM nodes GROUP BY label ORDER BY label"),
        types=pairs("SELECT type, count(*) FROM edges GROUP BY type ORDER BY type"),
        methods=pairs("SELECT method, count(*) FROM edges GROUP BY method ORDER BY method"),
        documents=[
            DocumentCounts(doc, per_doc_nodes.get(doc, {}), per_doc_rels.get(doc, {}))
            for doc in sorted(set(per_doc_nodes) | set(per_doc_rels))
        ],
    )


# -- the write transaction -----------------------------------------------------------------


def _write(con: sqlite3.Connection, graph: GraphData, docs: set[str], *,
           fresh: bool = False) -> tuple[int, int]:
    """Strip ``docs``, upsert ``graph`` and return the new (nodes, relationships) totals.

    Same result as ``strip_documents(stored, docs).update(graph)`` over the whole graph, but
    only the records those documents and ``graph`` touch are read. ``fresh``: the store is
    empty, so its record indexes are built once after the rows instead of row by row.
    """
    touched: set[str] = set(graph.nodes)
    if docs:
        doc_list = sorted(docs)
        touched.update(r[0] for r in t.select_in(
            con, "SELECT id FROM nodes WHERE source_document IN ({})", doc_list))
        touched.update(r[0] for r in t.select_in(
            con, "SELECT node_id FROM node_documents WHERE document IN ({})", doc_list))
    stored = GraphData()
    # An empty store holds none of them: asking for each id, 900 at a time, is a first
    # build's only cost of this read.
    for row in () if fresh else t.select_in(
            con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id IN ({{}})", sorted(touched)):
        node = t.node_from_row(row)
        stored.nodes[node.id] = node
    kept = strip_documents(stored, docs).nodes if docs else stored.nodes
    deleted = sorted(set(stored.nodes) - set(kept))
    # For the write-time facts: every node written or removed, the ends of every
    # relationship written or removed, and the plans those nodes were in before.
    changed: set[str] = set(stored.nodes) | set(graph.nodes)
    old_plans = {n.properties.get("plan_id") if isinstance(n.properties.get("plan_id"), str)
                 else None for n in stored.nodes.values()}
    if docs:
        changed.update(_strip_edges(con, docs))
    for batch in t.chunks(deleted):
        marks = t.placeholders(len(batch))
        for start, end in con.execute(
                f'SELECT start, "end" FROM edges WHERE start IN ({marks}) '
                f'UNION SELECT start, "end" FROM edges WHERE "end" IN ({marks})', batch + batch):
            changed.update((start, end))
        con.execute(f"DELETE FROM edges WHERE start IN ({marks})", batch)
        con.execute(f'DELETE FROM edges WHERE "end" IN ({marks})', batch)
        con.execute(f"DELETE FROM nodes WHERE id IN ({marks})", batch)
        con.execute(f"DELETE FROM node_documents WHERE node_id IN ({marks})", batch)

    upserts: dict[str, Node] = {id_: n for id_, n in kept.items() if n is not stored.nodes[id_]}
    for node in graph.nodes.values():
        existing = upserts.get(node.id) or kept.get(node.id)
        upserts[node.id] = merge_nodes(existing, node) if existing else node
    deferred = _drop_record_indexes(con) if fresh else []
    _put_nodes(con, upserts.values())

    rels = graph.relationships
    no_edges = fresh and con.execute("SELECT 1 FROM edges LIMIT 1").fetchone() is None
    stored_rels = {} if no_edges else {
        rel.id: rel
        for rel in map(t.edge_from_row, t.select_in(
            con, f"SELECT {t.EDGE_COLUMNS} FROM edges WHERE id IN ({{}})", sorted(rels)))
    }
    con.executemany(
        "INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (t.edge_row(merge_relationships(stored_rels[id_], rel) if id_ in stored_rels else rel)
         for id_, rel in rels.items()),
    )
    for rel in rels.values():
        changed.add(rel.start)
        changed.add(rel.end)
    for statement in deferred:
        con.execute(statement)
    sqlite_facts.refresh_after_write(con, changed, old_plans)
    nodes = con.execute("SELECT count(*) FROM nodes").fetchone()[0]
    edges = con.execute("SELECT count(*) FROM edges").fetchone()[0]
    return nodes, edges


#: The triggers that index each node's names as it is written (sqlite_tables.SEARCH_SCHEMA).
_NAME_TRIGGERS = ("nodes_search_insert", "search_names_insert")


def _pause_search_triggers_if_empty(con: sqlite3.Connection) -> bool:
    """In an empty store, drop the per-row search triggers for this write (True if done).

    Indexed row by row, a first build's names took half the write's CPU; filled in one pass
    after (:func:`_fill_search_index`, same transaction, triggers restored) the index is the
    same, row for row. A store holding anything keeps its triggers."""
    if con.execute("SELECT 1 FROM nodes LIMIT 1").fetchone() is not None:
        return False
    for name in _NAME_TRIGGERS:
        con.execute(f"DROP TRIGGER IF EXISTS {name}")
    return True


def _drop_record_indexes(con: sqlite3.Connection) -> list[str]:
    """Drop the secondary indexes of the record tables of an empty store; returns the
    statements that create them again, exactly as they were.

    Inserting a first build's rows with seven indexes on ``edges`` kept updating each of them
    row by row (half of the rows' CPU); building each index once from the finished table
    is cheaper and packs its pages. The caller recreates them in the same transaction, before
    anything reads by them (the facts refresh names some with ``INDEXED BY``)."""
    indexes = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('nodes', 'edges', 'node_documents')").fetchall()
    for name, _ in indexes:
        con.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in indexes]


def _fill_search_index(con: sqlite3.Connection, graph: GraphData) -> None:
    # Into an empty store _write inserts graph.nodes in order: the rows the insert trigger
    # would have written (name, then text aliases), in the same order, so the same rowids.
    # The trigger reads only the props' top-level "aliases", so that is all that is encoded.
    con.executemany(
        "INSERT INTO search_names (node_id, name) SELECT ?1, ?2 UNION ALL "
        "SELECT ?1, value FROM json_each(?3, '$.aliases') "
        "WHERE instr(?3, '\"aliases\"') > 0 AND type = 'text'",
        ((node.id, node.name, t.aliases_json(node)) for node in graph.nodes.values()))
    con.execute("INSERT INTO search_words (search_words) VALUES ('rebuild')")
    for statement in t.SEARCH_SCHEMA:
        if any(name in statement for name in _NAME_TRIGGERS):
            con.execute(statement)


def _strip_edges(con: sqlite3.Connection, docs: set[str]) -> set[str]:
    """Make the edges forget ``docs``: those no other document states go, the others keep
    their remaining statements (:func:`strip_relationship`). Returns the ends of every edge
    removed or changed."""
    doc_list = sorted(docs)
    rows = list(t.select_in(
        con, f"SELECT {t.EDGE_COLUMNS} FROM edges WHERE source_document IN ({{}})", doc_list))
    # Only edges two or more documents state carry a list (data.py _with_statements); they
    # are few, so a scan of the props text finds them without an extra table.
    rows += [row for row in con.execute(
        f"SELECT {t.EDGE_COLUMNS} FROM edges WHERE instr(props, '\"documents\":') > 0")
        if row[6] not in docs]
    gone: list[str] = []
    changed: list[Relationship] = []
    ends: set[str] = set()
    for row in rows:
        rel = t.edge_from_row(row)
        stripped = strip_relationship(rel, docs)
        if stripped is None:
            gone.append(rel.id)
        elif stripped is not rel:
            changed.append(stripped)
        if stripped is not rel:
            ends.update((rel.start, rel.end))
    for batch in t.chunks(gone):
        con.execute(f"DELETE FROM edges WHERE id IN ({t.placeholders(len(batch))})", batch)
    con.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    map(t.edge_row, changed))
    return ends


def _put_nodes(con: sqlite3.Connection, nodes: Iterable[Node]) -> None:
    nodes = list(nodes)
    for batch in t.chunks([n.id for n in nodes if n.label in SHARED_LABELS]):
        con.execute(f"DELETE FROM node_documents WHERE node_id IN ({t.placeholders(len(batch))})",
                    batch)
    con.executemany("INSERT OR REPLACE INTO nodes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (t.node_row(n) for n in nodes))
    con.executemany("INSERT OR IGNORE INTO node_documents VALUES (?, ?)",
                    (row for n in nodes for row in t.node_document_rows(n)))


# -- loading for queries ---------------------------------------------------------------------


def _load_networkx(con: sqlite3.Connection | None, plan: str | None) -> nx.MultiDiGraph:
    """The whole graph (``plan`` None), or the part one plan's queries need, as networkx."""
    import networkx as nx

    g = nx.MultiDiGraph()
    if con is None:
        return g
    if plan is None:
        g.add_nodes_from(t.node_attrs(r) for r in con.execute(
            f"SELECT {t.NODE_COLUMNS} FROM nodes ORDER BY id"))
        g.add_edges_from(t.edge_attrs(r) for r in con.execute(
            f"SELECT {t.EDGE_COLUMNS} FROM edges ORDER BY id"))
        return g
    from stratgraph.graph.queries_view import matches_plan

    plans = [
        attrs["id"] for attrs in (t.node_attrs(r)[1] for r in con.execute(
            f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE label = 'Plan'"))
        if matches_plan(attrs, plan)
    ]
    seed = set(plans)
    seed.update(r[0] for r in t.select_in(con, "SELECT id FROM nodes WHERE plan_id IN ({})", plans))
    edges: dict[str, tuple[str, str, str, dict[str, Any]]] = {}

    def edges_of(ids: Iterable[str], only_supports: bool) -> None:
        extra = " AND type = 'SUPPORTS'" if only_supports else ""
        ids = sorted(ids)
        for column in ("start", '"end"'):
            sql = f"SELECT {t.EDGE_COLUMNS} FROM edges WHERE {column} IN ({{}}){extra}"
            for row in t.select_in(con, sql, ids):
                edges.setdefault(row[0], t.edge_attrs(row))

    edges_of(seed, only_supports=False)
    nodes: dict[str, dict[str, Any]] = {}
    frontier = seed | {e[0] for e in edges.values()} | {e[1] for e in edges.values()}
    # SUPPORTS chains may pass through another plan's outcomes: follow them to the end.
    followed: set[str] = set(seed)
    while frontier:
        fresh = sorted(frontier - set(nodes))
        for row in t.select_in(con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id IN ({{}})",
                               fresh):
            id_, attrs = t.node_attrs(row)
            nodes[id_] = attrs
        chain = {n for n in fresh if nodes.get(n, {}).get("label") in ("Outcome", "Action")}
        chain -= followed
        followed |= chain
        before = set(edges)
        if chain:
            edges_of(chain, only_supports=True)
        frontier = {x for k in set(edges) - before for x in edges[k][:2]} - set(nodes)
    g.add_nodes_from(sorted(nodes.items()))
    g.add_edges_from(edges[k] for k in sorted(edges) if edges[k][0] in nodes and edges[k][1] in nodes)
    return g


def _load_partial(con: sqlite3.Connection | None, labels: tuple[str, ...], rel_type: str,
                  into: tuple[str, ...]) -> nx.MultiDiGraph:
    """Nodes of ``labels``, relationships of ``rel_type`` ending at a node of ``into``, and
    those relationships' start nodes, as networkx."""
    import networkx as nx

    g = nx.MultiDiGraph()
    if con is None:
        return g
    nodes = dict(t.node_attrs(r) for r in con.execute(
        f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE label IN ({t.placeholders(len(labels))})",
        labels))
    edges = [t.edge_attrs(r) for r in con.execute(
        f"SELECT {', '.join('e.' + c.strip() for c in t.EDGE_COLUMNS.split(','))} FROM edges e "
        f'JOIN nodes n ON n.id = e."end" AND n.label IN ({t.placeholders(len(into))}) '
        "WHERE e.type = ?", (*into, rel_type))]
    starts = sorted({e[0] for e in edges} - set(nodes))
    nodes.update(t.node_attrs(r) for r in t.select_in(
        con, f"SELECT {t.NODE_COLUMNS} FROM nodes WHERE id IN ({{}})", starts))
    g.add_nodes_from(sorted(nodes.items()))
    # In id order, as the whole graph is loaded, so every list a query builds has its order.
    g.add_edges_from(sorted(edges, key=lambda e: e[2]))
    return g


def load_json_graph(path: Path) -> GraphData:
    """The graph a JSON graph file (format 1) holds, checked; StoreError naming the file."""
    from stratgraph.graph.serialize import GraphFileError, parse_graph_json

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: cannot read the saved graph (not UTF-8 text)") from exc
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the saved graph ({exc.strerror or exc})") from exc
    try:
        return parse_graph_json(text)
    except GraphFileError as exc:
        if str(exc) == "not a stratgraph graph file":
            raise StoreError(f"{path}: not a stratgraph graph file") from None
        raise StoreError(f"{path}: the saved graph is damaged ({exc})") from None
