// Store: how many stratgraph nodes and relationships the database holds.
// $types: the model's relationship types.
MATCH (n:Stratgraph)
WITH count(n) AS nodes
OPTIONAL MATCH (:Stratgraph)-[r]->(:Stratgraph)
WHERE type(r) IN $types AND r.id IS NOT NULL
RETURN nodes, count(r) AS relationships
