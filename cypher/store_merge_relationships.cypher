// Store: merge rows into stored relationships of one type that the same transaction has
// locked (internal to Neo4jStore, after store_write_relationships.cypher returned them).
// {type} is replaced by a graph.model.RelType value before the query runs, never by input text.
// $rows: [{start, end, props}] as store_write_relationships.cypher takes them.
//
// The rules of graph/data.py merge_relationships: the stronger method (curated > stated >
// inferred, then confidence) wins whole; on a tie the earlier provenance (document, line)
// does. The documents stating it are united (a missing list is [source_document], as before
// the lists existed) with their earliest "doc:line" each, and each document's own statement
// ("doc:line:method:confidence", its strongest), kept only when two or more documents state
// it, so removing one document leaves the others' method and confidence
// (store_strip_shared_relationships.cypher).
UNWIND $rows AS row
MATCH (:Stratgraph {id: row.start})-[r:`{type}` {id: row.props.id}]->(:Stratgraph {id: row.end})
WITH r, row.props AS new, properties(r) AS old
WITH r, new, old,
     [CASE new.method WHEN 'curated' THEN 3 WHEN 'stated' THEN 2 ELSE 1 END, new.confidence] AS ns,
     [CASE old.method WHEN 'curated' THEN 3 WHEN 'stated' THEN 2 ELSE 1 END, old.confidence] AS os
WITH r, new, old, old <> new AND (ns > os OR (ns = os AND
       [new.source_document, new.source_line] < [old.source_document, old.source_line])) AS take
WITH r, new, old, take,
     old <> new AND (old.source_document <> new.source_document
                     OR old.documents IS NOT NULL OR new.documents IS NOT NULL) AS several,
     // Each document's own statement, "doc:line:method:confidence" (graph/data.py
     // _statement); none when a record listing several documents was saved before
     // statements were kept (nothing says whose was whose).
     CASE WHEN (old.statements IS NOT NULL OR old.documents IS NULL)
               AND (new.statements IS NOT NULL OR new.documents IS NULL) THEN
       coalesce(old.statements, [old.source_document + ':' + toString(old.source_line)
                + ':' + old.method + ':' + toString(toFloat(old.confidence))])
       + coalesce(new.statements, [new.source_document + ':' + toString(new.source_line)
                  + ':' + new.method + ':' + toString(toFloat(new.confidence))]) END AS stated
FOREACH (_ IN CASE WHEN take THEN [1] ELSE [] END | SET r = new)
WITH r, several, CASE WHEN several THEN COLLECT {
       UNWIND coalesce(old.documents, [old.source_document])
              + coalesce(new.documents, [new.source_document]) AS d
       WITH DISTINCT d ORDER BY d RETURN d } END AS docs,
     CASE WHEN several THEN COLLECT {
       UNWIND coalesce(old.mentions, [old.source_document + ':' + toString(old.source_line)])
              + coalesce(new.mentions, [new.source_document + ':' + toString(new.source_line)])
              AS m
       WITH m, split(m, ':')[-1] AS tail
       WITH m, CASE WHEN m CONTAINS ':' THEN left(m, size(m) - size(tail) - 1) ELSE '' END AS doc,
            CASE WHEN m CONTAINS ':' AND tail =~ '[0-9]+' THEN toInteger(tail) ELSE 0 END AS line
       WITH m, doc, line ORDER BY doc, line
       RETURN [m, doc] } END AS sorted,
     // The strongest statement per document.
     CASE WHEN several AND stated IS NOT NULL THEN COLLECT {
       UNWIND stated AS s
       WITH s, split(s, ':') AS f
       WITH s, f[size(f) - 3] AS line, f[size(f) - 2] AS method, f[size(f) - 1] AS conf
       WITH s, left(s, size(s) - size(line) - size(method) - size(conf) - 3) AS doc,
            toInteger(line) AS line, toFloat(conf) AS conf,
            CASE method WHEN 'curated' THEN 3 WHEN 'stated' THEN 2 ELSE 1 END AS rank
       WITH s, doc, rank, conf, line ORDER BY doc, rank DESC, conf DESC, line
       RETURN [s, doc] } END AS ranked
// The earliest mention per document (graph/data.py _first_mention_per_document).
FOREACH (_ IN CASE WHEN several THEN [1] ELSE [] END |
  SET r.documents = CASE WHEN size(docs) > 1 THEN docs ELSE null END,
      r.mentions = CASE WHEN size(docs) > 1 THEN
        [i IN range(0, size(sorted) - 1) WHERE i = 0 OR sorted[i][1] <> sorted[i - 1][1]
         | sorted[i][0]] ELSE null END,
      r.statements = CASE WHEN size(docs) > 1 AND ranked IS NOT NULL THEN
        [i IN range(0, size(ranked) - 1) WHERE i = 0 OR ranked[i][1] <> ranked[i - 1][1]
         | ranked[i][0]] ELSE null END)
