// Store: a node's relationships of some types, either way, at most $limit in id order.
// $id: the node's id; $types: relationship types from the model's allow-list; $limit;
// $scan (>= $limit): how many of its relationships are read to choose them. A node with more
// (a national strategy: 26,145 at 1M nodes) has its page chosen, in id order, from the first
// $scan the database holds: ordering every one by id read each one's id for a page of 200
// (0.33 s). Counted, not read: its other relationships (store_node_links.cypher).
MATCH (n:Stratgraph {id: $id})
CALL (n) {
  MATCH (n)-[r]-(:Stratgraph)
  WHERE type(r) IN $types AND r.id IS NOT NULL
  RETURN r LIMIT $scan
}
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS start, endNode(r).id AS end, properties(r) AS props
ORDER BY r.id
LIMIT $limit
