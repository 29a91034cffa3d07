// Store: the shared nodes (strategies, partnerships, organisations, leads), in id order.
// $shared_labels: the model's shared labels.
MATCH (n:Stratgraph)
WHERE any(l IN labels(n) WHERE l IN $shared_labels)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
