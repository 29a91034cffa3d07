// Store: every stratgraph node, in id order.
MATCH (n:Stratgraph)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
