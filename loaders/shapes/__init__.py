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
"""
