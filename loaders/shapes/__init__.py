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

The shapes' records (rows, cells, mentions, outlines) are ``typing.NamedTuple`` classes: typed
and immutable like a frozen dataclass, but a class statement, not generated code. Every
process that builds creates each record class, and ``@dataclass`` compiles four to six
methods per class from source (``exec``) to do it: 0.5 ms a class against 0.2 ms, about 15 ms
a build for the 44 records made so (these and ``common``'s ``Cell`` and ``PlanInfo``; issue
#17). Change one with ``record._replace(...)``. A record stays a dataclass only for what a named tuple cannot give it: ``narrative.sections.ThemeSpan``
(compared, a dict key: ``eq``), ``narrative.text.Block`` (a ``cached_property``),
``priority_tables.refs.Section`` (``__post_init__``), ``priority_tables.layout.
PriorityTablesOutline`` (a ``default_factory``), ``narrative.entities.EntityMention`` (the
general reader changes it with ``dataclasses.replace``), and the readers' mutable state.
"""
