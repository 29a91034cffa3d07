"""The document a loader reads: :class:`stratgraph.loaders.read.Document`, under its old name.

``SourceDocument`` is the name the loaders and their tests have always used; it is the reading
layer's :class:`~stratgraph.loaders.read.model.Document`, so every loader reads the one model.
"""

from __future__ import annotations

from stratgraph.loaders.read import MAX_BYTES, read_document
from stratgraph.loaders.read.model import Document as SourceDocument
from stratgraph.loaders.read.text import decode

__all__ = ["MAX_BYTES", "SourceDocument", "decode", "read_document"]
