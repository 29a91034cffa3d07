// Store: delete the stratgraph nodes with these ids, with their relationships.
// $ids: node ids.
UNWIND $ids AS id
MATCH (n:Stratgraph {id: id})
DETACH DELETE n
RETURN count(*) AS deleted
