"""Neo4j going away mid-load: a clear message, a consistent database, and a rerun that finishes.

These start a harness of their own, because they stop it on purpose.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j_fixtures import own_harness_server
from neo4j_harness import harness

from stratgraph.errors import StoreError
from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import RelType

pytestmark = pytest.mark.neo4j


def big_graph(actions: int = 30_000) -> GraphData:
    b = DocumentGraphBuilder("big.txt")
    b.plan("Big plan", 1, organisation="Wexbridge City Council")
    theme = b.theme("Everything", 2)
    outcome = b.outcome("Everything gets better", 3, theme=theme, level="theme")
    for i in range(actions):
        action = b.action(f"Action number {i}", 10 + i, theme=theme, deadline="Ongoing")
        b.link(RelType.SUPPORTS, action, outcome, 10 + i)
    return b.graph


@pytest.fixture()
def own_server() -> Iterator[harness.HarnessServer]:
    yield from own_harness_server(heap="1g")


def count(uri: str) -> int:
    import neo4j

    with neo4j.GraphDatabase.driver(uri, auth=None) as driver:
        records, _, _ = driver.execute_query("MATCH (n:Stratgraph) RETURN count(n) AS n")
        return records[0]["n"]


def wipe(uri: str) -> None:
    import neo4j

    # CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not execute_query.
    with neo4j.GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS").consume()
        assert session.run("MATCH (n) RETURN count(n) AS n").single()["n"] == 0


def load_in_background(store: Any, graph: GraphData) -> tuple[threading.Thread,
                                                               list[BaseException]]:
    """Start ``store.write(graph)`` in a thread; what it raises is collected in the list."""
    errors: list[BaseException] = []

    def load() -> None:
        try:
            store.write(graph)
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            errors.append(exc)

    worker = threading.Thread(target=load)
    worker.start()
    return worker, errors


def test_server_stopped_mid_load_gives_one_clear_line(own_server: harness.HarnessServer) -> None:
    from stratgraph.graph.neo4j_store import Neo4jStore

    graph = big_graph()
    store = Neo4jStore(own_server.uri, "neo4j", own_server.password,
                       batch_size=1_000, transaction_rows=2_000)
    worker, errors = load_in_background(store, graph)
    # Stop the server once some batches have committed, while the load is still running.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and worker.is_alive():
        try:
            if count(own_server.uri) > 0:
                break
        except Exception:  # noqa: BLE001 - not listening yet
            pass
        time.sleep(0.2)
    own_server.process.kill()
    worker.join(180)
    assert not worker.is_alive(), "the load hung after the server died"
    store.close()
    assert errors, "the load reported success although the server died"
    error = errors[0]
    assert isinstance(error, StoreError), repr(error)
    message = str(error)
    assert "\n" not in message and len(message) < 300
    assert any(word in message.lower() for word in ("neo4j", "connection", "unavailable", "server"))


def test_rerun_after_a_failed_load_completes(own_server: harness.HarnessServer) -> None:
    """A load cut off part-way (the connection pulled) leaves every stored relationship
    between stored nodes, and the same build run again finishes the job."""
    from stratgraph.graph.neo4j_store import Neo4jStore

    graph = big_graph(30_000)
    # Closing the client races the load's last transactions: a load that still finished is
    # wiped and cut off again, and three loads that all finished fail the test.
    for _ in range(3):
        wipe(own_server.uri)
        store = Neo4jStore(own_server.uri, "neo4j", own_server.password,
                           batch_size=500, transaction_rows=1_000)
        worker, errors = load_in_background(store, graph)
        # Pull the connection once some rows have committed and while the write still runs
        # (not on a timer, which may fire after the write has finished and test nothing).
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and worker.is_alive() and count(own_server.uri) == 0:
            time.sleep(0.05)
        store.close()
        worker.join(180)
        assert not worker.is_alive(), "the write hung after its connection was closed"
        if errors:
            break
    else:
        pytest.fail("three loads finished before they could be cut off: grow the graph")
    assert isinstance(errors[0], StoreError), errors
    again = Neo4jStore(own_server.uri, "neo4j", own_server.password,
                       batch_size=500, transaction_rows=1_000)
    try:
        partial = again.read()
        assert not list(partial.dangling())
        assert len(partial.nodes) < len(graph.nodes)
        again.write(graph)
        final = again.read()
        assert len(final.nodes) == len(graph.nodes)
        assert len(final.relationships) == len(graph.relationships)
    finally:
        again.close()
