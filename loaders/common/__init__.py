"""Council language every shape loader reads the same way, one module per job.

- :mod:`~stratgraph.loaders.common.layout`: the line grammar of a rendering (markdown
  headings, bullets and list items, tab-separated table rows) and :class:`Layout`, a
  document's lines read with it;
- :mod:`~stratgraph.loaders.common.names`: clean display names (no tags, markdown, bullets or
  footnote markers);
- :mod:`~stratgraph.loaders.common.cells`: a table cell split into paragraphs, bold runs and
  list items;
- :mod:`~stratgraph.loaders.common.sentences`: where a sentence ends and a word starts;
- :mod:`~stratgraph.loaders.common.entities`: the vocabulary that makes a name a strategy, a
  programme or a partnership (a shape extends it where its plans need more, and says why);
- :mod:`~stratgraph.loaders.common.dates`: years, year ranges, months and "by <date>"
  deadlines;
- :mod:`~stratgraph.loaders.common.plan_info`: the plan itself: its council, its period and
  the place a council is named after.

A shape loader (``loaders/shapes/``) keeps only what is particular to its shape; the structure
it reads from the layout has a name of its own (``DeliveryPlanOutline``, ``NarrativeOutline``,
...), so ``Layout`` means one thing.
"""
