"""The coded-priorities shape, read by :class:`CodedPrioritiesLoader` (in ``loader.py``).

- ``loader``: the loader: aims, priorities, actions, milestones, "Supported by" links;
- ``layout``: the aims and the coded priority rows, wrapped rows joined;
- ``spans``: a cell joined across wrapped rows, each piece still knowing its line;
- ``sentences``: a cell cut into sentences and run-together list items;
- ``cells``: actions, support, milestones, baseline and interim values of a row;
- ``names``: strategies and partnerships in a cell; which theme an item means.
"""

from stratgraph.loaders.shapes.coded_priorities.loader import CodedPrioritiesLoader

__all__ = ["CodedPrioritiesLoader"]
