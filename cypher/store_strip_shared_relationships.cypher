// Store: the relationships of one type that several documents state forget these documents
// (--replace), with the rules of graph/data.py strip_relationship: the `documents` list loses
// them; the remaining documents' own statements decide the method, confidence and provenance
// (the strongest wins, as when they were merged); for a link saved before statements were
// kept, the earliest remaining "doc:line" becomes the provenance when its document was one
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
       RETURN [m, doc, line] } AS kept,
     // The remaining documents' own statements (graph/data.py _statement), strongest first:
     // the strongest method, then confidence, then the earliest statement wins.
     CASE WHEN p.statements IS NULL THEN [] ELSE COLLECT {
       UNWIND p.statements AS s
       WITH s, split(s, ':') AS f
       WITH s, f[size(f) - 3] AS line, f[size(f) - 2] AS method, f[size(f) - 1] AS conf
       WITH s, left(s, size(s) - size(line) - size(method) - size(conf) - 3) AS doc,
            toInteger(line) AS line, method, toFloat(conf) AS conf
       WHERE NOT doc IN $docs
       WITH s, doc, line, method, conf,
            CASE method WHEN 'curated' THEN 3 WHEN 'stated' THEN 2 ELSE 1 END AS rank
       ORDER BY rank DESC, conf DESC, doc, line
       RETURN [s, doc, line, method, conf] } END AS stated
WITH r, p, remaining, kept, stated, size(stated) > 0 AS known
SET r.documents = CASE WHEN size(remaining) > 1 THEN remaining ELSE null END,
    r.mentions = CASE WHEN size(remaining) > 1 THEN [k IN kept | k[0]] ELSE null END,
    r.statements = CASE WHEN size(remaining) > 1 AND known
                        THEN COLLECT { UNWIND stated AS x WITH x ORDER BY x[1] RETURN x[0] }
                        ELSE null END,
    r.method = CASE WHEN known THEN stated[0][3] ELSE p.method END,
    r.confidence = CASE WHEN known THEN stated[0][4] ELSE p.confidence END,
    r.source_document = CASE WHEN known THEN stated[0][1]
                             WHEN p.source_document IN $docs AND size(kept) > 0
                             THEN kept[0][1] ELSE p.source_document END,
    r.source_line = CASE WHEN known THEN CASE WHEN stated[0][2] < 1 THEN 1 ELSE stated[0][2] END
                         WHEN p.source_document IN $docs AND size(kept) > 0
                         THEN CASE WHEN kept[0][2] < 1 THEN 1 ELSE kept[0][2] END
                         ELSE p.source_line END
RETURN count(*) AS visited
