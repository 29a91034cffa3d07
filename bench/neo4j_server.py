"""A Neo4j for benchmark scripts: the one ``NEO4J_URI`` names, or the test harness.

    with neo4j_server() as server:
        store = Neo4jStore(server.uri, server.user, server.password, database=server.database)

Without ``NEO4J_URI`` this builds (once) and starts ``tests/neo4j_harness`` exactly as the test
fixtures do, and stops it on exit.

Run as a script it starts one harness and keeps it until interrupted, so several benchmarks
(a long load, then the query and explorer timings) share one loaded server:

    python bench/neo4j_server.py --heap 2g --page-cache-mb 2560 --env /tmp/neo1m/server.env
    set -a; . /tmp/neo1m/server.env; set +a    # NEO4J_URI, NEO4J_PASSWORD for the benchmarks

The database lives in the harness's own temporary directory (``TMPDIR`` chooses where) and is
gone when the server stops: the in-process harness has no option to reopen a store.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import time
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


def serve(argv: list[str] | None = None) -> int:
    """Start a harness, write its address to ``--env`` (mode 600), hold it until a signal."""
    parser = argparse.ArgumentParser(description="hold one Neo4j harness for benchmarks")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--page-cache-mb", type=int, default=2560)
    parser.add_argument("--env", type=Path, required=True,
                        help="write NEO4J_URI/NEO4J_PASSWORD here (shell syntax)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "tests"))
    from neo4j_harness import harness

    password = secrets.token_urlsafe(16)
    harness.build()
    running = harness.start(password=password, heap=args.heap,
                            page_cache_mb=args.page_cache_mb, timeout=300)
    args.env.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(args.env, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(f"NEO4J_URI={running.uri}\nNEO4J_PASSWORD={password}\n")
    print(f"harness at {running.uri} (pid {running.process.pid}, log {running.log_path}); "
          f"address in {args.env}", flush=True)
    stop = False

    def _stop(*_: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        while not stop and running.process.poll() is None:
            time.sleep(1.0)
    finally:
        running.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(serve())
