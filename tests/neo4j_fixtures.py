"""Real-Neo4j fixtures: a server for the session, a clean store per test, and ``store``
parametrised over the embedded and Neo4j stores for the conformance suite.

Where the server comes from:

- ``NEO4J_URI`` set (with ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``): that
  server. It must be a throwaway database: every Neo4j test wipes it.
- otherwise the official test harness (``tests/neo4j_harness``) is built if needed and started
  as a child process with a random password; it stops when the session ends.

When no server can be had, Neo4j tests are skipped with the reason, or fail when ``CI`` is set
or ``STRATGRAPH_REQUIRE_NEO4J=1`` (so CI can never pass by skipping them).
Tests that use these fixtures are marked ``neo4j`` automatically (``pytest -m "not neo4j"``).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest
from neo4j_harness import harness
from stratgraph.graph.embedded import EmbeddedStore

from stratgraph.errors import ConnectionFailed

if TYPE_CHECKING:
    from neo4j import Driver
    from stratgraph.graph.neo4j_store import Neo4jStore
    from stratgraph.graph.store import GraphStore

NEO4J_FIXTURES = {"neo4j_server", "neo4j_uri", "neo4j_store", "neo4j_driver"}

#: The two store kinds, for ``@pytest.mark.parametrize`` or fixture params.
STORE_KINDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def neo4j_required() -> bool:
    """True when a missing Neo4j must fail the run rather than skip its tests."""
    return bool(os.environ.get("CI")) or os.environ.get("STRATGRAPH_REQUIRE_NEO4J") == "1"


def _unavailable(reason: str) -> NoReturn:
    if neo4j_required():
        pytest.fail(f"Neo4j required (CI or STRATGRAPH_REQUIRE_NEO4J=1) but {reason}",
                    pytrace=False)
    pytest.skip(f"no Neo4j: {reason}")


@dataclass(frozen=True)
class Neo4jServer:
    """Where the tests' Neo4j listens and how to log in."""

    uri: str
    user: str
    password: str | None = field(repr=False)
    database: str | None = None
    external: bool = False

    def open_store(self, **options: Any) -> Neo4jStore:
        """A new :class:`Neo4jStore` on this server."""
        from stratgraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(self.uri, self.user, self.password, database=self.database, **options)

    def driver(self) -> Driver:
        """A raw driver (for planting foreign data or inspecting the schema)."""
        import neo4j

        auth = (self.user, self.password) if self.password is not None else None
        return neo4j.GraphDatabase.driver(self.uri, auth=auth)

    def wipe(self) -> None:
        """Delete every node and relationship (the schema stays)."""
        with self.driver() as driver:
            driver.execute_query("MATCH (n) DETACH DELETE n", database_=self.database)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a real-Neo4j fixture with ``neo4j``."""
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    """The session's Neo4j: ``NEO4J_URI`` if set, else the harness started for these tests."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        server = Neo4jServer(
            uri,
            os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER") or "neo4j",
            os.environ.get("NEO4J_PASSWORD"),
            os.environ.get("NEO4J_DATABASE") or None,
            external=True,
        )
        try:
            server.open_store().close()
        except ConnectionFailed as exc:
            _unavailable(f"NEO4J_URI is set but {exc}")
        yield server
        return
    password = secrets.token_urlsafe(16)
    log_path = tmp_path_factory.mktemp("neo4j") / "harness.log"
    try:
        harness.build()
        running = harness.start(password=password, log_path=log_path, timeout=120)
    except harness.HarnessError as exc:
        _unavailable(f"the test harness did not start ({exc})")
    try:
        yield Neo4jServer(running.uri, running.user, password)
    finally:
        running.stop()


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_server: Neo4jServer) -> str:
    """The Bolt URI of the session's Neo4j."""
    return neo4j_server.uri


@pytest.fixture
def neo4j_driver(neo4j_server: Neo4jServer) -> Iterator[Driver]:
    """A raw driver on the session's Neo4j (the test owns nothing it creates with it)."""
    with neo4j_server.driver() as driver:
        yield driver


@pytest.fixture
def neo4j_store(neo4j_server: Neo4jServer) -> Iterator[Neo4jStore]:
    """A :class:`Neo4jStore` on an empty database."""
    neo4j_server.wipe()
    store = neo4j_server.open_store()
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=STORE_KINDS)
def store_kind(request: pytest.FixtureRequest) -> str:
    """``embedded`` or ``neo4j``: each conformance test runs once per store."""
    return str(request.param)


@pytest.fixture
def make_store(
    store_kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[], GraphStore]]:
    """Opens another store on the same (initially empty) place: a reopen sees what was written."""
    opened: list[GraphStore] = []
    if store_kind == "neo4j":
        server: Neo4jServer = request.getfixturevalue("neo4j_server")
        server.wipe()

        def opener() -> GraphStore:
            return server.open_store()
    else:

        def opener() -> GraphStore:
            return EmbeddedStore(tmp_path / "graph.json")

    def make() -> GraphStore:
        store = opener()
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(make_store: Callable[[], GraphStore]) -> GraphStore:
    """An empty store of each kind."""
    return make_store()


def own_harness_server(**options: Any) -> Iterator[harness.HarnessServer]:
    """A Neo4j harness server of a test's own (``harness.start`` options), stopped after it.

    For tests that kill or constrain a server; a server that cannot start fails the test, as
    the session fixture does when real Neo4j is required."""
    try:
        harness.build()
        server = harness.start(**options)
    except harness.HarnessError as exc:
        pytest.fail(f"cannot start a Neo4j harness: {exc}")
    try:
        yield server
    finally:
        server.stop()
