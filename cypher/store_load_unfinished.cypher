// Store: the loads that started and have not finished (cut off, or running now), oldest first.
MATCH (l:StratgraphLoad)
RETURN l.id AS id, l.started AS started, l.documents AS documents, l.rows AS rows
ORDER BY started, id
