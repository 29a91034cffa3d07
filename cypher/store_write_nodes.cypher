// Store: upsert one batch of stratgraph nodes of one label (internal to Neo4jStore).
// {label} is replaced by a graph.model.Label value before the query runs, never by input text.
// $rows: one map per node: all its stored properties (id, name, source_document,
// source_line and the extras).
//
// A new node is written whole here. A node already stored is locked (ON MATCH SET takes its
// write lock before its properties are read) and, unless the row is identical, returned:
// Neo4jStore then merges those rows with store_merge_nodes.cypher in the same transaction,
// still holding the lock, so a concurrent build's committed update is never lost. Keeping the
// merge out of this statement keeps a first load (every node new) as cheap as a plain MERGE.
UNWIND $rows AS row
MERGE (n:Stratgraph {id: row.id})
ON CREATE SET n += row, n:`{label}`
ON MATCH SET n.id = row.id
WITH row, properties(n) AS old
WHERE old <> row
RETURN row
