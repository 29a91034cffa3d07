// Store: whether any document's own record of a shared node is stored for the documents
// $documents (internal to Neo4jStore: a fresh load creates records only when none is).
OPTIONAL MATCH (p:StratgraphPart)
WHERE p.source_document IN $documents
WITH p LIMIT 1
RETURN p IS NOT NULL AS stored
