// Store: one shared node these documents named forgets what those documents said, with the
// rules of graph/data.py strip_documents on Node.parts: each document's own record
// (:StratgraphPart) of theirs goes, and the node is merged again from the records of the
// documents left (merge_node_group: the earliest record's name and provenance, each property
// from the earliest record that has it, aliases/documents/mentions united). A node no other
// document names goes. Nodes saved before records were kept per document (some document
// without its :StratgraphPart) are left to store_strip_shared_nodes.cypher, as before.
// One node per statement (ids from store_part_nodes.cypher): the eager steps a write after a
// read needs hold this node's records only, so memory follows the node, not the graph (a
// statement over every node a plan shares held every record of every national strategy).
// The first SET takes the node's write lock before its records are read, so a build adding
// a document to the node at the same time (its record written under the same lock) is kept.
// $id: the node; $docs: the documents to remove; $shared_labels: the model's shared labels.
MATCH (n:Stratgraph {id: $id})
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
// Each step reads the records left (the documents' own were deleted above) by the part index
// and keeps no list of them in scope: a subquery's rows carry the variables around them, so
// sorting a list of N documents next to the N records cost N x N (an earlier form held
// 16 MiB for one strategy of 60 plans).
WITH n, COLLECT {
       MATCH (p:StratgraphPart {id: n.id})
       WITH p ORDER BY p.source_document, p.source_line, p.name
       RETURN properties(p) } AS records
// The records that bring a property no earlier record has, latest first: each property comes
// from the earliest record that has it, so no other record changes the result, and the
// transaction writes a few records, not one per document naming the node.
WITH n, records,
     reduce(acc = {seen: [], use: []}, i IN range(0, size(records) - 1) |
       CASE WHEN all(k IN keys(records[i]) WHERE k IN acc.seen) THEN acc
            ELSE {seen: acc.seen + [k IN keys(records[i]) WHERE NOT k IN acc.seen],
                  use: [i] + acc.use} END).use AS useful
// Each later SET += lets an earlier record's values win.
SET n = records[useful[0]]
FOREACH (i IN useful[1..] | SET n += records[i])
WITH n, COLLECT { MATCH (p:StratgraphPart {id: n.id}) UNWIND coalesce(p.aliases, []) AS x
                  WITH DISTINCT x ORDER BY x RETURN x } AS aliases
SET n.aliases = CASE WHEN size(aliases) > 0 THEN aliases ELSE null END
WITH n, COLLECT { MATCH (p:StratgraphPart {id: n.id}) UNWIND coalesce(p.documents, []) AS x
                  WITH DISTINCT x ORDER BY x RETURN x } AS documents
SET n.documents = CASE WHEN size(documents) > 0 THEN documents ELSE null END
// One record per document, each with its earliest mention: in document order.
WITH n, COLLECT { MATCH (p:StratgraphPart {id: n.id}) WITH p, coalesce(p.mentions, []) AS ms
                  UNWIND range(0, size(ms) - 1) AS i
                  WITH p.source_document AS doc, i, ms[i] AS m ORDER BY doc, i RETURN m } AS mentions
SET n.mentions = CASE WHEN size(mentions) > 0 THEN mentions ELSE null END
RETURN count(*) AS recomputed
