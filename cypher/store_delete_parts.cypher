// Store: delete the per-document records (:StratgraphPart) of these documents that
// store_strip_parts.cypher left (those of nodes saved before such records were kept).
// $docs: the documents to remove.
MATCH (p:StratgraphPart)
WHERE p.source_document IN $docs
DELETE p
RETURN count(*) AS deleted
