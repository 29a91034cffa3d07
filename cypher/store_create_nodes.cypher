// Store: create one batch of new document-scoped stratgraph nodes of one label, in a load that
// found none of them stored (internal to Neo4jStore).
// {label} is replaced by a graph.model.Label value before the query runs, never by input text.
// $rows: one map per node: all its stored properties (id, name, source_document,
// source_line and the extras).
//
// A plain CREATE, about twice as fast as the MERGE of store_write_nodes.cypher. It is only
// tried for labels whose ids belong to one document (never the shared entities): if a node
// with one of these ids is stored after all (another load of the same document, a load cut
// off), the id constraint fails the transaction, which Neo4jStore then runs again with
// store_write_nodes.cypher. Nothing is ever written twice.
UNWIND $rows AS row
CREATE (n:Stratgraph:`{label}`)
SET n = row
