// Store: delete up to $limit document-scoped stratgraph nodes (themes, outcomes, actions,
// measures, plans) from these documents, with their relationships. Shared nodes are kept
// (Neo4jStore updates them); nodes without the :Stratgraph label are never touched.
// $docs: document names; $shared_labels: the model's shared labels; $limit: batch size.
MATCH (n:Stratgraph)
WHERE n.source_document IN $docs AND none(l IN labels(n) WHERE l IN $shared_labels)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
