// Store: upsert one batch of relationships of one type (internal to Neo4jStore).
// {type} is replaced by a graph.model.RelType value before the query runs, never by input text.
// $rows: [{start, end, props}], props holding id, method, confidence, provenance and extras.
// A row whose end points are not stored is skipped; `written` tells the caller how many were.
//
// The merge with a stored record happens here, with the rules of graph/data.py
// merge_relationships: the stronger method (curated > stated > inferred, then confidence)
// wins whole; on a tie the earlier provenance (document, line) does. ON MATCH SET takes the
// relationship's write lock before its properties are read, so concurrent builds commute.
UNWIND $rows AS row
MATCH (a:Stratgraph {id: row.start})
MATCH (b:Stratgraph {id: row.end})
MERGE (a)-[r:`{type}` {id: row.props.id}]->(b)
ON CREATE SET r += row.props
ON MATCH SET r.id = row.props.id
WITH r, row.props AS new, properties(r) AS old
WITH r, new, old,
     [CASE new.method WHEN 'curated' THEN 3 WHEN 'stated' THEN 2 ELSE 1 END, new.confidence] AS ns,
     [CASE old.method WHEN 'curated' THEN 3 WHEN 'stated' THEN 2 ELSE 1 END, old.confidence] AS os
WITH r, new, old <> new AND (ns > os OR (ns = os AND
       [new.source_document, new.source_line] < [old.source_document, old.source_line])) AS take
FOREACH (_ IN CASE WHEN take THEN [1] ELSE [] END | SET r = new)
RETURN count(r) AS written
