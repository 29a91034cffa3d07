"""Where the graph lives: the store settings the CLI and the library share."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from stratgraph.errors import StoreError

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore

DEFAULT_GRAPH_FILE = Path(".stratgraph") / "graph.db"
#: Where the default graph lived while it was a JSON file; moved to DEFAULT_GRAPH_FILE on use.
LEGACY_GRAPH_FILE = Path(".stratgraph") / "graph.json"
STORES = ("embedded", "neo4j")


def adopt_legacy_default(path: Path) -> Path:
    """``path``; when it is the default graph file and only the earlier default (a JSON file)
    exists, that file is moved to the default first (the store then converts it, once)."""
    if path == DEFAULT_GRAPH_FILE and not path.exists() and LEGACY_GRAPH_FILE.is_file():
        os.replace(LEGACY_GRAPH_FILE, path)
        import sys

        print(f"note: moved {LEGACY_GRAPH_FILE} to {path} (the embedded store is a SQLite "
              "file now)", file=sys.stderr)
    return path


@dataclass(frozen=True)
class StoreConfig:
    """Which store to open and how. Neo4j settings fall back to the usual environment
    variables (``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``)."""

    kind: str = "embedded"
    graph_file: Path = DEFAULT_GRAPH_FILE
    uri: str | None = None
    user: str | None = None
    # repr=False: the password must never reach a log line or traceback by way of repr().
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    def resolved(self) -> StoreConfig:
        """This config with unset Neo4j settings taken from the environment."""
        return StoreConfig(
            kind=self.kind,
            graph_file=self.graph_file,
            uri=self.uri or os.environ.get("NEO4J_URI") or "bolt://localhost:7687",
            user=self.user or os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER")
            or "neo4j",
            password=self.password if self.password is not None
            else os.environ.get("NEO4J_PASSWORD"),
            database=self.database or os.environ.get("NEO4J_DATABASE") or None,
        )


def open_store(config: StoreConfig | None = None) -> GraphStore:
    """Open the store ``config`` names (the embedded file by default)."""
    config = config or StoreConfig()
    if config.kind == "embedded":
        from stratgraph.graph.embedded import EmbeddedStore

        return EmbeddedStore(adopt_legacy_default(config.graph_file))
    if config.kind == "neo4j":
        from stratgraph.graph.neo4j_store import Neo4jStore

        c = config.resolved()
        return Neo4jStore(c.uri or "", c.user or "neo4j", c.password, database=c.database)
    raise StoreError(f"unknown store {config.kind!r} (choose from: {', '.join(STORES)})")


def read_password_file(path: Path) -> str:
    """The password in ``path``; refused when others can read the file."""
    import stat

    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRGRP | stat.S_IROTH):
            raise StoreError(
                f"{path}: password file is readable by other users; run chmod 600 {path}"
            )
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the password file ({exc.strerror or exc})") from exc
