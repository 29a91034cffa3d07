// Store: upsert one batch of stratgraph nodes of one label (internal to Neo4jStore).
// {label} is replaced by a graph.model.Label value before the query runs, never by input text.
// $rows: one map per node: all its stored properties (id, name, source_document,
// source_line and the extras), already merged with what was stored.
UNWIND $rows AS row
MERGE (n:Stratgraph {id: row.id})
SET n = row, n:`{label}`
RETURN count(n) AS written
