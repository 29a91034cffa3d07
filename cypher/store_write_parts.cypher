// Store: upsert each document's own record of shared nodes (internal to Neo4jStore).
// A :StratgraphPart has no :Stratgraph label, so reads, counts and queries never see it; it
// holds what one document said of a shared node (name, line, aliases, a lead's portfolio),
// so that removing another document recomputes the node from what is left
// (store_strip_parts.cypher), as graph/data.py strip_documents does with Node.parts.
// $rows: one map per (node, document): the record's stored properties (id, name,
// source_document, source_line and the extras).
//
// As store_write_nodes.cypher: a new record is written whole; one already stored is locked
// and, unless identical, returned, to be merged by store_merge_nodes.cypher (run on parts) in
// the same transaction, so two builds of the same document commute too.
UNWIND $rows AS row
MERGE (p:StratgraphPart {id: row.id, source_document: row.source_document})
ON CREATE SET p += row
ON MATCH SET p.id = row.id
WITH row, properties(p) AS old
WHERE old <> row
RETURN row
