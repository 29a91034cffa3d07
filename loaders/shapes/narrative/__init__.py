"""The narrative shape, read by :class:`NarrativeLoader` (in ``loader.py``).

- ``loader``: the loader: themes, ambitions, commitments, names and leads;
- ``text``: prose as blocks, OCR damage repaired, each offset on its line;
- ``sections``: which theme each block falls under;
- ``meta``: the plan's title, council and years;
- ``statements``: ambitions, "we will" commitments and cabinet leads;
- ``vocab``: the document's own words, for repairing OCR damage;
- ``tokens``: prose as tokens, and which clauses to tokenise;
- ``entities``: strategies and partnerships named in prose.
"""

from stratgraph.loaders.shapes.narrative.loader import NarrativeLoader

__all__ = ["NarrativeLoader"]
