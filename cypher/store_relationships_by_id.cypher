// Store: the stored relationships among these (an upsert merges into them).
// $rows: [{id, type, start, end}].
UNWIND $rows AS row
MATCH (a:Stratgraph {id: row.start})-[r]->(b:Stratgraph {id: row.end})
WHERE r.id = row.id AND type(r) = row.type
RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props
