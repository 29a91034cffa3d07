// Store: upsert one batch of relationships of one type (internal to Neo4jStore).
// {type} is replaced by a graph.model.RelType value before the query runs, never by input text.
// $rows: [{start, end, props}], props holding id, method, confidence, provenance and extras.
// A row whose end points are not stored is skipped; `written` tells the caller how many were.
//
// A new relationship is written whole here. One already stored is locked (ON MATCH SET takes
// its write lock before its properties are read) and, unless the row is identical, returned
// in `stored`: Neo4jStore merges those rows with store_merge_relationships.cypher in the same
// transaction, still holding the lock, so concurrent builds commute. Keeping the merge out of
// this statement keeps a first load (every relationship new) as cheap as a plain MERGE.
UNWIND $rows AS row
MATCH (a:Stratgraph {id: row.start})
MATCH (b:Stratgraph {id: row.end})
MERGE (a)-[r:`{type}` {id: row.props.id}]->(b)
ON CREATE SET r += row.props
ON MATCH SET r.id = row.props.id
WITH row, properties(r) AS old
RETURN count(*) AS written, collect(CASE WHEN old <> row.props THEN row END) AS stored
