// Store: the nodes with one of some labels (plans, shared nodes), in id order.
// $labels: label values from the model's allow-list.
MATCH (n:Stratgraph)
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
