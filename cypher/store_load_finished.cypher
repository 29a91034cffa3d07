// Store: clear a finished load's marker, and the markers of earlier loads it covers (a load
// cut off part-way, whose documents this one has written again in full).
// $id: the load's id; $documents: every document it wrote or replaced.
MATCH (l:StratgraphLoad)
WHERE l.id = $id OR all(d IN l.documents WHERE d IN $documents)
DELETE l
