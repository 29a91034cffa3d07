// Store: the stratgraph nodes with some ids (by the id constraint's index), in id order.
// $ids: node ids.
MATCH (n:Stratgraph)
WHERE n.id IN $ids
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
