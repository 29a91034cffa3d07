"""The errors stratgraph raises on purpose.

Everything a user can cause (a bad file, an unreachable server, an unknown query) raises a
subclass of :class:`StratgraphError`; the CLI catches that one root, prints its message on one
line and exits non-zero. Anything else is a bug and keeps its traceback.

::

    StratgraphError
    ├── LoaderError        a document could not be read or parsed (carries file and line)
    ├── CurationError      the curation file is malformed (carries file and line)
    ├── StoreError         the graph store failed (embedded file or Neo4j)
    │   └── ConnectionFailed   Neo4j unreachable, refused the credentials, or no such database
    ├── QueryError         unknown named query or bad query parameters
    └── ExportError        an export format or selection cannot be written
"""

from __future__ import annotations


class StratgraphError(Exception):
    """Root of every error stratgraph raises deliberately."""


class LocatedError(StratgraphError):
    """An error that points at a place in a file: ``file:line: message``."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = message
        super().__init__(self._format())

    def _format(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}: {self.reason}"
        if self.file:
            return f"{self.file}: {self.reason}"
        return self.reason


class LoaderError(LocatedError):
    """A document could not be read or parsed."""


class CurationError(LocatedError):
    """The curation file could not be read or names something unknown."""


class StoreError(StratgraphError):
    """The graph store could not be read or written."""


class ConnectionFailed(StoreError):
    """Neo4j could not be reached, refused the credentials, or has no such database."""


class QueryError(StratgraphError):
    """A named query does not exist or was given bad parameters."""


class ExportError(StratgraphError):
    """An export could not be written."""
