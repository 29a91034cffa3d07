// Store: every stratgraph relationship: one of the model's types, between stratgraph nodes,
// carrying our id. $types: the model's relationship types.
MATCH (a:Stratgraph)-[r]->(b:Stratgraph)
WHERE type(r) IN $types AND r.id IS NOT NULL
RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props
ORDER BY r.id
