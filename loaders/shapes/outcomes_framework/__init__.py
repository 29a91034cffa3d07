"""The outcomes-framework shape, read by :class:`OutcomesFrameworkLoader` (in ``loader.py``).

- ``loader``: the loader: strategic and supporting outcomes, measures, partners;
- ``outline``: title, strategic outcome blocks and labelled lists;
- ``measures``: the measures tables, a row per supporting outcome;
- ``partners``: the strategy (partnership) list;
- ``commitments``: the few sentences committing the council to produce something.
"""

from stratgraph.loaders.shapes.outcomes_framework.loader import OutcomesFrameworkLoader

__all__ = ["OutcomesFrameworkLoader"]
