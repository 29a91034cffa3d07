// Store: how many relationships of each type a node has, out of it and into it.
// $id: the node's id; $types: the model's relationship types.
MATCH (:Stratgraph {id: $id})-[r]->(:Stratgraph)
WHERE type(r) IN $types AND r.id IS NOT NULL
RETURN type(r) AS type, 'out' AS direction, count(*) AS n
UNION ALL
MATCH (:Stratgraph {id: $id})<-[r]-(:Stratgraph)
WHERE type(r) IN $types AND r.id IS NOT NULL
RETURN type(r) AS type, 'in' AS direction, count(*) AS n
