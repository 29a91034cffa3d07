// Store: the last step of removing what documents contributed (--replace), on the shared
// nodes (strategies, partnerships, organisations, leads, owners), in one statement with the
// rules of graph/data.py strip_documents: a node forgets those documents and their mentions;
// it goes when no other document mentions it; its provenance moves to the earliest
// remaining mention. Only the nodes that name these documents are visited (and locked, and
// rewritten): revisiting every shared node made a replace's memory and locks grow with the
// graph. strip_documents also re-sorts the mentions of the others, which every merge already
// keeps one per document in document order, so both stores still end up identical.
// The first SET takes each node's write lock before the properties that decide what is
// written are read: a build adding a document to the node at the same time is never lost.
// $docs: the documents to remove; $shared_labels: the model's shared labels.
MATCH (n:Stratgraph)
WHERE any(l IN labels(n) WHERE l IN $shared_labels)
  AND (n.source_document IN $docs OR any(d IN coalesce(n.documents, []) WHERE d IN $docs))
SET n.id = n.id
WITH n, properties(n) AS p
WITH n, p, [d IN coalesce(p.documents, []) WHERE NOT d IN $docs] AS remaining
WITH n, p, remaining,
     size(remaining) = 0 AND (size(coalesce(p.documents, [])) > 0 OR p.source_document IN $docs)
       AS gone
WITH n, p, remaining, gone,
     CASE WHEN gone OR size(remaining) = 0 THEN null ELSE COLLECT {
       UNWIND range(0, size(coalesce(p.mentions, [])) - 1) AS i
       WITH i, p.mentions[i] AS m, split(p.mentions[i], ':')[-1] AS tail
       WITH i, m, CASE WHEN m CONTAINS ':' THEN left(m, size(m) - size(tail) - 1) ELSE '' END AS doc,
            CASE WHEN m CONTAINS ':' AND tail =~ '[0-9]+' THEN toInteger(tail) ELSE 0 END AS line
       WHERE NOT doc IN $docs
       WITH m, doc, line, i ORDER BY doc, line, i
       RETURN [m, doc, line] } END AS kept
FOREACH (_ IN CASE WHEN gone THEN [1] ELSE [] END | DETACH DELETE n)
FOREACH (_ IN CASE WHEN kept IS NULL THEN [] ELSE [1] END |
  SET n.documents = COLLECT { UNWIND remaining AS d WITH d ORDER BY d RETURN d },
      n.mentions = [k IN kept | k[0]],
      n.source_document = CASE WHEN p.source_document IN $docs AND size(kept) > 0
                               THEN kept[0][1] ELSE p.source_document END,
      n.source_line = CASE WHEN p.source_document IN $docs AND size(kept) > 0
                           THEN CASE WHEN kept[0][2] < 1 THEN 1 ELSE kept[0][2] END
                           ELSE p.source_line END)
RETURN count(*) AS visited
