// Store: the shared nodes these documents named forget what those documents said, with the
// rules of graph/data.py strip_documents on Node.parts: each document's own record
// (:StratgraphPart) of theirs goes, and the node is merged again from the records of the
// documents left (merge_node_group: the earliest record's name and provenance, each property
// from the earliest record that has it, aliases/documents/mentions united). A node no other
// document names goes. Nodes saved before records were kept per document (some document
// without its :StratgraphPart) are left to store_strip_shared_nodes.cypher, as before.
// The first SET takes each node's write lock before its records are read, so a build adding
// a document to the node at the same time (its record written under the same lock) is kept.
// $docs: the documents to remove; $shared_labels: the model's shared labels.
MATCH (n:Stratgraph)
WHERE any(l IN labels(n) WHERE l IN $shared_labels)
  AND (n.source_document IN $docs OR any(d IN coalesce(n.documents, []) WHERE d IN $docs))
SET n.id = n.id
WITH n, COLLECT { MATCH (p:StratgraphPart {id: n.id}) RETURN p } AS parts
WHERE size(parts) > 0
  AND all(d IN coalesce(n.documents, [n.source_document])
          WHERE any(p IN parts WHERE p.source_document = d))
WITH n, [p IN parts WHERE NOT p.source_document IN $docs] AS rest,
        [p IN parts WHERE p.source_document IN $docs] AS gone
FOREACH (p IN gone | DELETE p)
FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DETACH DELETE n)
WITH n, rest
WHERE size(rest) > 0
// Latest record first: each later SET += lets an earlier record's values win.
WITH n, COLLECT {
       UNWIND rest AS p
       WITH p ORDER BY p.source_document DESC, p.source_line DESC, p.name DESC
       RETURN properties(p) } AS records
WITH n, records,
     COLLECT { UNWIND records AS r UNWIND coalesce(r.aliases, []) AS x
               WITH DISTINCT x ORDER BY x RETURN x } AS aliases,
     COLLECT { UNWIND records AS r UNWIND coalesce(r.documents, []) AS x
               WITH DISTINCT x ORDER BY x RETURN x } AS documents,
     // One record per document, each with its earliest mention: in document order.
     COLLECT { UNWIND records AS r UNWIND coalesce(r.mentions, []) AS m
               WITH r.source_document AS doc, m ORDER BY doc RETURN m } AS mentions
SET n = records[0]
FOREACH (r IN records[1..] | SET n += r)
SET n.aliases = CASE WHEN size(aliases) > 0 THEN aliases ELSE null END,
    n.documents = CASE WHEN size(documents) > 0 THEN documents ELSE null END,
    n.mentions = CASE WHEN size(mentions) > 0 THEN mentions ELSE null END
RETURN count(*) AS recomputed
