"""The priority-tables shape, read by :class:`PriorityTablesLoader` (in ``loader.py``).

- ``loader``: the loader: sections, PRIORITY rows, actions, measures, coverage;
- ``layout``: headings, prose, numbered lists, footnotes and tables of a PDF's text;
- ``cells``: a cell split into its items, one sentence each;
- ``entities``: strategies and partnerships named in sentences; defined acronyms;
- ``stretches``: where in a text a name can be, found fast;
- ``refs``: "see ... section" references and imperative coverage.
"""

from stratgraph.loaders.shapes.priority_tables.loader import PriorityTablesLoader

__all__ = ["PriorityTablesLoader"]
