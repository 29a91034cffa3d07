"""What an explorer serves: which store, which curation file, which documents, who may write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore


@dataclass(frozen=True)
class ExplorerConfig:
    """Everything the app needs; built by ``stratgraph serve`` or by a test."""

    #: Opens the store; called once per thread that serves requests (SQLite connections and
    #: Neo4j sessions stay in the thread that made them).
    open_store: Callable[[], GraphStore]
    #: The curation file edits are written to (created on the first edit).
    curation: Path = Path("stratgraph-curation.toml")
    #: No edit at all: every write answers 403.
    read_only: bool = False
    #: When set, every request must carry it (``?token=``, the cookie it sets, or a header).
    token: str | None = None
    #: Folders searched for a plan's file (by file name, checked by content) for the source
    #: panel.
    documents: tuple[Path, ...] = field(default_factory=lambda: (Path.cwd(),))
    #: Written beside each curation entry as who made it.
    who: str = "stratgraph serve"
    #: The host names a request may address (its Host header), or None for any. On loopback
    #: this stops another site's page from reaching the app through DNS rebinding.
    hosts: tuple[str, ...] | None = None
