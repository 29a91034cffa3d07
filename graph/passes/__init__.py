"""Whole-graph passes: what runs over every document's records together, in build order.

1. :mod:`~stratgraph.graph.passes.resolve`: one node per strategy, partnership, lead or
   organisation across plans (:mod:`~stratgraph.graph.passes.resolve_names` says which names
   are one entity, :mod:`~stratgraph.graph.passes.resolve_scope` gives place-less names to
   each council);
2. :mod:`~stratgraph.graph.passes.linking`: the links the plans imply, marked ``inferred``;
3. :mod:`~stratgraph.graph.passes.curation`: what a person said, applied last.

``stratgraph.api.extract_documents`` runs them in that order after the loaders.
"""
