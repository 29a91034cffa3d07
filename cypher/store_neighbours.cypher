// Store: a node's relationships of some types, either way, at most $limit in id order.
// $id: the node's id; $types: relationship types from the model's allow-list; $limit.
MATCH (n:Stratgraph {id: $id})-[r]-(:Stratgraph)
WHERE type(r) IN $types AND r.id IS NOT NULL
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS start, endNode(r).id AS end, properties(r) AS props
ORDER BY r.id
LIMIT $limit
