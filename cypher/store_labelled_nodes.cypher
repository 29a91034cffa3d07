// Store: the nodes with one label (plans, shared nodes), in id order. {label} is a label
// from the model's allow-list, put in by Neo4jStore (labels cannot be parameters): the
// label's own index finds them, where filtering every :Stratgraph node's labels read all
// of them (0.6 s for the explorer's 2,000 plans at 1M nodes).
MATCH (n:Stratgraph:{label})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
