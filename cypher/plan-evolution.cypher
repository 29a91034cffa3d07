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
// nodes and REFERENCES links, by document then line).
MATCH (p:Stratgraph:Plan)
WHERE $organisation IS NULL OR toLower(p.organisation) = toLower($organisation)
WITH p ORDER BY p.start_year, p.name, p.id
WITH collect(p) AS plans
MATCH (s:Stratgraph)
WHERE s:Strategy OR s:Partnership OR s:Theme
WITH plans, s,
  CASE WHEN s:Theme THEN 'theme' WHEN s:Strategy THEN 'strategy' ELSE 'partnership' END AS kind
WHERE $kind IS NULL OR kind = $kind
// The theme key, step by step as queries_view.name_key does it: NFKD, drop marks, lower case,
// "&" -> " and ", anything but letters, digits and "_" -> space, collapse spaces.
WITH plans, s, kind,
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
WITH plans, kind, key, collect(s) AS members
WITH plans, kind, key, members,
  [p IN plans WHERE any(m IN members WHERE
      CASE WHEN kind = 'theme' THEN m.plan_id = p.id
      ELSE p.source_document IN coalesce(m.documents, [])
           OR EXISTS { MATCH (x)-[r:REFERENCES]->(m)
                       WHERE x.plan_id = p.id
                         AND (r.method <> 'inferred' OR r.confidence >= $min_confidence) }
      END)] AS having
WHERE size(having) > 0
WITH plans, kind, key, members, having, having[0] AS first, having[-1] AS last
WITH plans, kind, key, members, having, first, last,
  CASE WHEN kind = 'theme' THEN [m IN members WHERE m.plan_id = first.id][0].name
       ELSE members[0].name END AS item,
  [i IN range(0, size(plans) - 1) WHERE plans[i] = first][0] AS first_index,
  [h IN having | coalesce(h.organisation, '')] AS orgs
WHERE $name IS NULL OR toLower(coalesce(item, '')) = toLower($name)
RETURN kind, item, first.name AS first_plan, first.start_year AS first_year,
       last.name AS last_plan, last.start_year AS last_year,
       [h IN having | h.name] AS plans,
       [q IN plans[first_index + 1..] WHERE coalesce(q.organisation, '') IN orgs
                                        AND NOT q IN having | q.name] AS dropped_in,
       key,
       COLLECT {
         UNWIND members AS m
         WITH m, coalesce(m.mentions, []) + [m.source_document + ':' + toString(m.source_line)]
                 + CASE WHEN kind = 'theme' THEN [] ELSE
                     COLLECT { MATCH ()-[r:REFERENCES]->(m)
                               WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence
                               RETURN r.source_document + ':' + toString(r.source_line) } END AS ev
         UNWIND ev AS e
         WITH DISTINCT e
         WITH e, split(e, ':') AS parts
         RETURN e ORDER BY substring(e, 0, size(e) - size(last(parts)) - 1), toInteger(last(parts))
       } AS evidence
ORDER BY kind, first_year, item, key
