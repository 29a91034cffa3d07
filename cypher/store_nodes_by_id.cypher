// Store: the stored stratgraph nodes among these ids (an upsert merges into them).
// $ids: node ids.
UNWIND $ids AS id
MATCH (n:Stratgraph {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
