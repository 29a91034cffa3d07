// Store: the ids of the shared nodes these documents kept a record of (:StratgraphPart), found
// through the part index: as many as the documents named, whatever the size of the graph.
// Neo4jStore then merges each one again from the others' records (store_strip_parts.cypher),
// one node per statement, so a statement's memory is one node's records, never the graph's.
// $docs: the documents to remove.
MATCH (p:StratgraphPart)
WHERE p.source_document IN $docs
RETURN DISTINCT p.id AS id
ORDER BY id
