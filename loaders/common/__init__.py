"""Council language every shape loader reads the same way, one module per job.

- :mod:`~stratgraph.loaders.common.names`: clean display names (no tags, markdown, bullets or
  footnote markers);
- :mod:`~stratgraph.loaders.common.cells`: a table cell's tags read without html.parser where
  the cell allows it.

A shape loader (``loaders/shapes/``) keeps only what is particular to its shape.
"""
