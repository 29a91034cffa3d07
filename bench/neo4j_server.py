"""A Neo4j for benchmark scripts: the one ``NEO4J_URI`` names, or the test harness.

    with neo4j_server() as server:
        store = Neo4jStore(server.uri, server.user, server.password, database=server.database)

Without ``NEO4J_URI`` this builds (once) and starts ``tests/neo4j_harness`` exactly as the test
fixtures do, and stops it on exit.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Server:
    """Where the benchmark's Neo4j listens."""

    uri: str
    user: str
    password: str | None = field(repr=False)
    database: str | None
    external: bool


@contextmanager
def neo4j_server(*, heap: str = "4g") -> Iterator[Server]:
    """``NEO4J_URI`` (with ``NEO4J_USERNAME``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``) or a
    harness started for the duration of the ``with`` block."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield Server(
            uri,
            os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER") or "neo4j",
            os.environ.get("NEO4J_PASSWORD"),
            os.environ.get("NEO4J_DATABASE") or None,
            external=True,
        )
        return
    sys.path.insert(0, str(REPO / "tests"))
    from neo4j_harness import harness

    password = secrets.token_urlsafe(16)
    harness.build()
    running = harness.start(password=password, heap=heap, timeout=180)
    print(f"# started the Neo4j test harness at {running.uri} (log: {running.log_path})",
          file=sys.stderr)
    try:
        yield Server(running.uri, running.user, password, None, external=False)
    finally:
        running.stop()
