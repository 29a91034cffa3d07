// Store: delete up to $limit relationships of one type that these documents stated, between
// stratgraph nodes. {type} is replaced by a graph.model.RelType value, never by input text.
// $docs: document names; $limit: batch size.
MATCH (:Stratgraph)-[r:`{type}`]->(:Stratgraph)
WHERE r.source_document IN $docs AND r.id IS NOT NULL
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
