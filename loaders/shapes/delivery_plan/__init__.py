"""The delivery-plan shape, read by :class:`DeliveryPlanLoader` (in ``loader.py``).

- ``loader``: the loader: the layout read into themes, outcomes, actions, measures, leads;
- ``layout``: the plan's outline: title, declared themes, theme sections, tables, leads;
- ``cells``: one HTML table cell read into its blocks, in order;
- ``rows``: a "Council activity" row: objective, actions with deadlines, references;
- ``measures``: "Performance measures and targets" rows;
- ``names``: strategies, programmes and partnerships in cells and prose.
"""

from stratgraph.loaders.shapes.delivery_plan.loader import DeliveryPlanLoader

__all__ = ["DeliveryPlanLoader"]
