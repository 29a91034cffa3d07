"""One subpackage per plan shape stratgraph reads; each has its loader class in ``loader.py``.

=====================  ==========================================================
``delivery_plan``      themes with summary priorities and "Council activity" tables
``coded_priorities``   strategic aims over tables of coded priorities (D.1, CSY.1)
``priority_tables``    sections closed by PRIORITY / PLANS-ACTIONS / MEASUREMENT tables
``outcomes_framework`` strategic and supporting outcomes, partnership list, measures
``narrative``          a self-assessment in prose, and any text in no known shape
=====================  ==========================================================

What every shape reads alike (layout, cells, names, dates, plan metadata) is in
:mod:`stratgraph.loaders.common`.

The shapes' records (rows, cells, mentions, outlines) are dataclasses with ``eq=False``: nothing
compares or hashes them (checked over the builds of the real plans, the examples, the dev and
held-out corpora and the loaders' tests), and every process that builds pays for each
generated ``__eq__`` and ``__hash__`` (issue #17). A record that is compared says so: it
keeps ``eq`` (``narrative.sections.ThemeSpan``, a dict key).
"""
