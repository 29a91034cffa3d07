// plan-evolution: strategies, partnerships and themes across the plans over time.
//
// Plans are ordered by start_year (plans without one last), then name, then id. A strategy or
// partnership appears in a plan when the plan's document is in its `documents` property or a
// node of the plan REFERENCES it; a theme appears in the plans that have a theme with the same
// normalised name (accents, case and punctuation folded; "&" read as "and"). "dropped_in" lists
// the plans after the first appearance, from an organisation whose plans include the item, that
// do not include it. An inferred REFERENCES link counts only when its confidence >=
// $min_confidence.
//
// Parameters (null = no filter):
//   $kind            strategy, partnership or theme
//   $name            the item's name (any case)
//   $organisation    only the plans this organisation published (any case)
//   $min_confidence  0..1 (default 0)
//
// Columns: kind, item (its name; a theme as the first plan words it), first_plan, first_year,
// last_plan, last_year, plans (names, oldest first), dropped_in (names, oldest first), key (the
// shared node's id or the theme's normalised name), evidence (document:line of its mentions,
// nodes and REFERENCES links, by document then line; with $organisation, only those in that
// organisation's plan documents, as its plans are the only ones counted: a national
// strategy's evidence across every council was ~2,000 entries, 99 KB a row).
// Plans by organisation, each organisation's plans in order: what "dropped_in" looks through.
MATCH (p:Stratgraph:Plan)
WHERE $organisation IS NULL OR toLower(p.organisation) = toLower($organisation)
WITH coalesce(p.organisation, '') AS org, p ORDER BY p.start_year, p.name, p.id
WITH org, collect(p) AS own
WITH collect({org: org, plans: own}) AS by_org
// With an organisation, its items are found from its plans, by index (the nodes of its plans,
// its documents), never by visiting every item of the graph and keeping its own (6.6-11.5 s at
// 1M nodes): its themes are those of its plans or documents (another body's themes of the same
// name hold none of its evidence), its strategies and partnerships those its plans' nodes
// REFERENCE or that list one of its documents.
WITH by_org,
  CASE WHEN $organisation IS NULL THEN [] ELSE reduce(acc = [], o IN by_org | acc + o.plans) END
    AS own
WITH by_org, own, [q IN own | q.id] AS own_ids,
  [q IN own WHERE q.source_document IS NOT NULL | q.source_document] AS own_docs
WITH by_org, own, own_ids, own_docs,
  // The shared items its plans' nodes REFERENCE (counting links), with the plan.
  COLLECT { UNWIND own_ids AS pid
            MATCH (:Stratgraph {plan_id: pid})-[r:REFERENCES]->(s:Stratgraph)
            WHERE (s:Strategy OR s:Partnership)
              AND (r.method <> 'inferred' OR r.confidence >= $min_confidence)
            RETURN DISTINCT {id: s.id, plan: pid} AS ref } AS own_refs,
  // The REFERENCES links its documents state into shared items: their evidence.
  COLLECT { UNWIND own_docs AS doc
            MATCH ()-[r:REFERENCES {source_document: doc}]->(s:Stratgraph)
            WHERE (s:Strategy OR s:Partnership)
              AND (r.method <> 'inferred' OR r.confidence >= $min_confidence)
            RETURN {id: s.id, at: r.source_document + ':' + toString(r.source_line)} AS line
  } AS own_lines
CALL (own_ids, own_docs, own_refs) {
  // No organisation: every item. A name filter first, so one item's history costs no more
  // than that item: a strategy's item is its own name; a theme's item is one of its members'
  // names (tested again below).
  UNWIND CASE WHEN $organisation IS NULL THEN [true] ELSE [] END AS every
  MATCH (s:Stratgraph)
  WHERE (s:Strategy OR s:Partnership OR s:Theme)
    AND ($name IS NULL OR toLower(s.name) = toLower($name) OR s:Theme)
  RETURN s
  UNION
  UNWIND own_ids AS pid
  MATCH (s:Stratgraph:Theme {plan_id: pid})
  RETURN s
  UNION
  UNWIND own_docs AS doc
  MATCH (s:Stratgraph:Theme {source_document: doc})
  RETURN s
  UNION
  UNWIND own_refs AS ref
  MATCH (s:Stratgraph {id: ref.id})
  RETURN s
  UNION
  // Shared items are few (a national graph's thousands, against its million nodes).
  UNWIND CASE WHEN size(own_docs) = 0 THEN [] ELSE [true] END AS named
  MATCH (s:Stratgraph)
  WHERE (s:Strategy OR s:Partnership) AND any(d IN coalesce(s.documents, []) WHERE d IN own_docs)
  RETURN s
}
WITH by_org, own, own_refs, own_docs, own_lines, s,
  CASE WHEN s:Theme THEN 'theme' WHEN s:Strategy THEN 'strategy' ELSE 'partnership' END AS kind
WHERE $kind IS NULL OR kind = $kind
// The theme key, step by step as queries_view.name_key does it: NFKD, drop marks, lower case,
// "&" -> " and ", anything but letters, digits and "_" -> space, collapse spaces.
WITH by_org, own, own_refs, own_docs, own_lines, s, kind,
  CASE WHEN kind <> 'theme' THEN s.id ELSE
    reduce(acc = '', w IN [w IN split(
        reduce(acc = '', c IN split(
            replace(toLower(reduce(acc = '', c IN split(normalize(coalesce(s.name, ''), NFKD), '')
                | acc + CASE WHEN c =~ '\\p{M}' THEN '' ELSE c END)), 'ß', 'ss'), '')
          | acc + CASE WHEN c = '&' THEN ' and '
                       WHEN c = '_' OR c =~ '[\\p{L}\\p{N}]' THEN c
                       ELSE ' ' END),
        ' ') WHERE w <> '']
      | acc + CASE WHEN acc = '' THEN '' ELSE ' ' END + w)
  END AS key
// In id order, as the embedded store lists them: a theme's item is its first member's name.
ORDER BY s.id
WITH by_org, own, own_refs, own_docs, own_lines, kind, key, collect(s) AS members
WHERE $name IS NULL OR any(m IN members WHERE toLower(m.name) = toLower($name))
// The plans each item appears in, found from the item (never by testing every plan): a theme's
// own plan; a strategy's documents and the plans of the nodes that REFERENCE it.
WITH by_org, own_docs, own_lines, kind, key, members,
  CASE WHEN kind = 'theme' THEN [m IN members | m.plan_id]
       // An organisation's: its plans listed in the item's documents, or whose nodes
       // REFERENCE it.
       WHEN $organisation IS NOT NULL THEN
         [q IN own WHERE q.source_document IN coalesce(members[0].documents, []) | q.id]
         + [ref IN own_refs WHERE ref.id = members[0].id | ref.plan]
       ELSE
    COLLECT { UNWIND CASE WHEN $organisation IS NULL THEN members ELSE [] END AS m
              UNWIND coalesce(m.documents, []) AS doc
              MATCH (q:Stratgraph:Plan {source_document: doc})
              RETURN q.id AS id
              UNION
              UNWIND CASE WHEN $organisation IS NULL THEN members ELSE [] END AS m
              MATCH (x)-[r:REFERENCES]->(m)
              WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence
              RETURN x.plan_id AS id }
  END AS plan_ids
WITH by_org, own_docs, own_lines, kind, key, members,
  COLLECT { UNWIND plan_ids AS id
            WITH DISTINCT id
            MATCH (q:Stratgraph:Plan {id: id})
            WHERE $organisation IS NULL OR toLower(q.organisation) = toLower($organisation)
            RETURN q ORDER BY q.start_year, q.name, q.id } AS having
WHERE size(having) > 0
WITH by_org, own_docs, own_lines, kind, key, members, having, having[0] AS first, having[-1] AS last
WITH by_org, own_docs, own_lines, kind, key, members, having, first, last,
  CASE WHEN kind = 'theme' THEN [m IN members WHERE m.plan_id = first.id][0].name
       ELSE members[0].name END AS item
WHERE $name IS NULL OR toLower(coalesce(item, '')) = toLower($name)
RETURN kind, item, first.name AS first_plan, first.start_year AS first_year,
       last.name AS last_plan, last.start_year AS last_year,
       [h IN having | h.name] AS plans,
       // Later plans (in plan order: start year, nulls last, then name, then id) of the
       // organisations that have the item, which do not have it.
       COLLECT {
         UNWIND having AS h
         WITH by_org, first, coalesce(h.organisation, '') AS org, collect(h) AS own_having
         UNWIND [e IN by_org WHERE e.org = org][0].plans AS q
         WITH q, own_having, first WHERE NOT q IN own_having
           AND CASE
                 WHEN q.start_year IS NULL AND first.start_year IS NOT NULL THEN true
                 WHEN q.start_year IS NOT NULL AND first.start_year IS NULL THEN false
                 WHEN q.start_year <> first.start_year THEN q.start_year > first.start_year
                 WHEN q.name IS NULL AND first.name IS NOT NULL THEN true
                 WHEN q.name IS NOT NULL AND first.name IS NULL THEN false
                 WHEN q.name <> first.name THEN q.name > first.name
                 ELSE q.id > first.id
               END
         RETURN q.name AS dropped ORDER BY q.start_year, q.name, q.id
       } AS dropped_in,
       key,
       COLLECT {
         UNWIND members AS m
         WITH m, coalesce(m.mentions, []) + [m.source_document + ':' + toString(m.source_line)]
                 + CASE WHEN kind = 'theme' THEN []
                        WHEN $organisation IS NOT NULL THEN [x IN own_lines WHERE x.id = m.id | x.at]
                        ELSE
                     COLLECT { UNWIND CASE WHEN $organisation IS NULL THEN [m] ELSE [] END AS n
                               MATCH ()-[r:REFERENCES]->(n)
                               WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence
                               RETURN r.source_document + ':' + toString(r.source_line) } END AS ev
         UNWIND ev AS e
         WITH DISTINCT e
         WITH e, split(e, ':') AS parts
         WITH e, parts, substring(e, 0, size(e) - size(last(parts)) - 1) AS doc
         // own_docs: the organisation's plan documents (a list of strings: a national
         // strategy's 2,000 mentions are tested without reading a plan each).
         WHERE $organisation IS NULL OR doc IN own_docs
         RETURN e ORDER BY doc, toInteger(last(parts))
       } AS evidence
ORDER BY kind, first_year, item, key
