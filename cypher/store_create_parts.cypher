// Store: create each document's own record of shared nodes, in a fresh load that found none
// of its documents' records stored when it started (internal to Neo4jStore).
// $rows: one map per (node, document), as store_write_parts.cypher takes them.
//
// A plain CREATE, about 1.5 to 2 times as fast as that statement's MERGE. There is no
// constraint to catch a record stored twice, so Neo4jStore runs it only when no record of
// the load's documents was stored at its start (store_parts_stored.cypher) and, before each
// commit, no other unfinished load names the load's documents (store_load_overlap.cypher);
// otherwise the transaction runs again with store_write_parts.cypher.
UNWIND $rows AS row
CREATE (p:StratgraphPart)
SET p = row
