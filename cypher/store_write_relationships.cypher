// Store: upsert one batch of relationships of one type (internal to Neo4jStore).
// {type} is replaced by a graph.model.RelType value before the query runs, never by input text.
// $rows: [{start, end, props}], props holding id, method, confidence, provenance and extras.
// A row whose end points are not stored is skipped; `written` tells the caller how many were.
UNWIND $rows AS row
MATCH (a:Stratgraph {id: row.start})
MATCH (b:Stratgraph {id: row.end})
MERGE (a)-[r:`{type}` {id: row.props.id}]->(b)
SET r = row.props
RETURN count(r) AS written
