// Store: the relationships of one type that several documents state forget these documents
// (--replace), with the rules of graph/data.py strip_relationship: the `documents` list loses
// them, the earliest remaining "doc:line" becomes the provenance when its document was one
// of them, and the lists go when one document is left (as a relationship one document states
// is stored). Those no document is left to state were deleted before this runs
// (store_delete_document_relationships.cypher). {type} is replaced by a graph.model.RelType
// value, never by input text. The first SET takes each relationship's write lock before its
// properties are read, so a build adding a document at the same time is never lost.
// $docs: the documents to remove.
MATCH (:Stratgraph)-[r:`{type}`]->(:Stratgraph)
WHERE r.id IS NOT NULL AND any(d IN coalesce(r.documents, []) WHERE d IN $docs)
SET r.id = r.id
WITH r, properties(r) AS p
WITH r, p, [d IN p.documents WHERE NOT d IN $docs] AS remaining
WHERE size(remaining) > 0
WITH r, p, remaining, COLLECT {
       UNWIND coalesce(p.mentions, []) AS m
       WITH m, split(m, ':')[-1] AS tail
       WITH m, CASE WHEN m CONTAINS ':' THEN left(m, size(m) - size(tail) - 1) ELSE '' END AS doc,
            CASE WHEN m CONTAINS ':' AND tail =~ '[0-9]+' THEN toInteger(tail) ELSE 0 END AS line
       WHERE NOT doc IN $docs
       WITH m, doc, line ORDER BY doc, line
       RETURN [m, doc, line] } AS kept
SET r.documents = CASE WHEN size(remaining) > 1 THEN remaining ELSE null END,
    r.mentions = CASE WHEN size(remaining) > 1 THEN [k IN kept | k[0]] ELSE null END,
    r.source_document = CASE WHEN p.source_document IN $docs AND size(kept) > 0
                             THEN kept[0][1] ELSE p.source_document END,
    r.source_line = CASE WHEN p.source_document IN $docs AND size(kept) > 0
                         THEN CASE WHEN kept[0][2] < 1 THEN 1 ELSE kept[0][2] END
                         ELSE p.source_line END
RETURN count(*) AS visited
