"""The general reader: plans in no known shape (see :mod:`.reader` for what becomes what)."""

from stratgraph.loaders.general.reader import GeneralLoader

__all__ = ["GeneralLoader"]
