// Store: delete up to $limit relationships of one type that only these documents state,
// between stratgraph nodes. {type} is replaced by a graph.model.RelType value, never by input
// text. A relationship other documents also state (its `documents` list) is kept here and
// made to forget these documents by store_strip_shared_relationships.cypher.
// $docs: document names; $limit: batch size.
MATCH (:Stratgraph)-[r:`{type}`]->(:Stratgraph)
WHERE r.source_document IN $docs AND r.id IS NOT NULL
  AND all(d IN coalesce(r.documents, []) WHERE d IN $docs)
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
