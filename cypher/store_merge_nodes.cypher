// Store: merge rows into stored stratgraph nodes that the same transaction has locked
// (internal to Neo4jStore, after store_write_nodes.cypher returned them).
// $rows: one map per node: all its incoming properties.
//
// The rules of graph/data.py merge_nodes, in one statement: the earlier provenance
// (document, line, name) wins, the later record fills in what it lacks, `aliases` and
// `documents` become the sorted union, `mentions` the earliest "doc:line" per document in
// document order. Nothing is read into Python and written back, so concurrent builds commute.
UNWIND $rows AS row
MATCH (n:Stratgraph {id: row.id})
WITH n, row, properties(n) AS old
WITH n, row, old,
     [row.source_document, row.source_line, row.name]
       < [old.source_document, old.source_line, old.name] AS row_first
WITH n, CASE WHEN row_first THEN row ELSE old END AS earlier,
        CASE WHEN row_first THEN old ELSE row END AS later
WITH n, earlier, later,
     CASE WHEN earlier.aliases IS NULL AND later.aliases IS NULL THEN null ELSE COLLECT {
       UNWIND coalesce(earlier.aliases, []) + coalesce(later.aliases, []) AS x
       WITH DISTINCT x ORDER BY x RETURN x } END AS aliases,
     CASE WHEN earlier.documents IS NULL AND later.documents IS NULL THEN null ELSE COLLECT {
       UNWIND coalesce(earlier.documents, []) + coalesce(later.documents, []) AS x
       WITH DISTINCT x ORDER BY x RETURN x } END AS documents,
     CASE WHEN earlier.mentions IS NULL AND later.mentions IS NULL THEN null ELSE COLLECT {
       WITH coalesce(earlier.mentions, []) + coalesce(later.mentions, []) AS ms
       UNWIND range(0, size(ms) - 1) AS i
       WITH i, ms[i] AS m, split(ms[i], ':')[-1] AS tail
       WITH i, m, CASE WHEN m CONTAINS ':' THEN left(m, size(m) - size(tail) - 1) ELSE '' END AS doc,
            CASE WHEN m CONTAINS ':' AND tail =~ '[0-9]+' THEN toInteger(tail) ELSE 0 END AS line
       ORDER BY doc, line, i
       WITH doc, collect(m)[0] AS first
       RETURN first ORDER BY doc } END AS mentions
SET n = later
SET n += earlier
SET n.aliases = CASE WHEN size(coalesce(aliases, [])) > 0 THEN aliases ELSE n.aliases END,
    n.documents = CASE WHEN size(coalesce(documents, [])) > 0 THEN documents ELSE n.documents END,
    n.mentions = CASE WHEN size(coalesce(mentions, [])) > 0 THEN mentions ELSE n.mentions END
