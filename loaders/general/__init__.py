"""The general reader: plans in no known shape (see :mod:`.reader` for what becomes what).

``GeneralLoader`` is imported on first use (PEP 562 ``__getattr__``): importing one small
module of this package (``foreword``, which every document passes through) must not load the
whole reader and compile its rules when no document needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stratgraph.loaders.general.reader import GeneralLoader

__all__ = ["GeneralLoader"]


def __getattr__(name: str) -> Any:
    if name == "GeneralLoader":
        from stratgraph.loaders.general.reader import GeneralLoader

        return GeneralLoader
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
