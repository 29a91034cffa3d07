// Store: whether another unfinished load names any of this load's documents (internal to
// Neo4jStore). $id: this load's marker id; $documents: the documents this load touches.
// A load that creates relationships without MERGE asks this after creating them, before its
// transaction commits: another load of the same documents must not have added the same
// relationships meanwhile (then the transaction is run again with MERGE).
OPTIONAL MATCH (l:StratgraphLoad)
WHERE l.id <> $id AND any(d IN l.documents WHERE d IN $documents)
RETURN count(l) > 0 AS overlap
