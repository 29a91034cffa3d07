// Store: create one batch of relationships of one type, each with an end node this same load
// created (internal to Neo4jStore).
// {type} is replaced by a graph.model.RelType value before the query runs, never by input text.
// $rows: [{start, end, props}], props holding id, method, confidence, provenance and extras.
// A row whose end points are not stored is skipped; `written` tells the caller how many were.
//
// No stored relationship can join a node that did not exist before this load, so these need
// no MERGE (which checks the end nodes' relationships twice, and is 2 to 3 times slower).
// A load bigger than one transaction checks, in each such transaction, that no other
// unfinished load names the same documents (store_load_overlap.cypher); if one does, the
// transaction is run again with store_write_relationships.cypher.
UNWIND $rows AS row
MATCH (a:Stratgraph {id: row.start})
MATCH (b:Stratgraph {id: row.end})
CREATE (a)-[r:`{type}`]->(b)
SET r = row.props
WITH count(*) AS written
RETURN written, [] AS stored
