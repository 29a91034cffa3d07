// cross-theme-dependencies: pairs of themes that depend on each other, and how.
//
// Kinds:
//   explicit            a DEPENDS_ON link the text states ("see ... Getting about in
//                       Leicester", "Supported by: ..."), from a theme or something PART_OF it
//                       to a theme or something PART_OF it; theme_a depends on theme_b.
//   shared-strategy     actions, outcomes or the themes themselves in both themes REFERENCE
//   shared-partnership  the same strategy / partnership; theme_a has the lower theme id. A
//                       theme and a theme PART_OF it (a sub-area and its area, which names
//                       all its sub-areas name) are never a pair.
// Across plans and councils too. One row per pair and kind. An inferred link counts only when
// its confidence >= $min_confidence.
//
// Parameters (null = no filter):
//   $kind            explicit, shared-partnership or shared-strategy
//   $theme           a theme name (any case) or id, on either side
//   $plan            a plan id, name or document file name (any case), on either side
//   $min_confidence  0..1 (default 0)
//
// Columns: theme_a, plan_a, theme_b, plan_b, kind, via (explicit: the quoted references,
// sorted; shared: names of the shared strategies/partnerships, sorted), strength (explicit:
// number of DEPENDS_ON links; shared: number of shared strategies/partnerships), evidence
// (document:line of every link behind the row, by document then line), theme_a_id, theme_b_id.
// Sorted by kind, strongest first, then plan and theme names.
// With a $theme (else $plan) filter, the themes it names are the anchors: only the strategies
// and partnerships they reference are looked at, and only pairs with an anchor on one side are
// built (a strategy named by every council's themes would otherwise give millions of pairs).
// Without a filter every theme is an anchor. Both filters are applied in full at the end.
WITH COLLECT { MATCH (p:Stratgraph:Plan)
               WHERE $plan IS NOT NULL
                 AND (p.id = $plan OR toLower(p.name) = toLower($plan)
                      OR toLower(p.source_document) = toLower($plan) OR toLower(p.document_name) = toLower($plan))
               RETURN p.id } AS plan_ids
WITH plan_ids, $theme IS NULL AND $plan IS NULL AS everything,
  COLLECT { MATCH (t:Stratgraph:Theme)
            WHERE CASE WHEN $theme IS NOT NULL
                       THEN t.id = $theme OR toLower(t.name) = toLower($theme)
                       ELSE t.plan_id IN plan_ids END
            RETURN t } AS anchors
WITH everything, anchors,
  CASE WHEN everything THEN
    COLLECT { MATCH (s:Stratgraph) WHERE s:Strategy OR s:Partnership RETURN s }
  ELSE COLLECT {
    // Walk from the anchors (bound first, so the planner cannot start from every strategy).
    UNWIND anchors AS t
    MATCH (t)<-[:PART_OF*0..1]-(x:Stratgraph)-[r:REFERENCES]->(s:Stratgraph)
    WHERE (s:Strategy OR s:Partnership)
      AND (r.method <> 'inferred' OR r.confidence >= $min_confidence)
    RETURN DISTINCT s
  } END AS focus, [t IN anchors | t.id] AS anchor_ids
// Both kinds as one list of maps (COLLECT subqueries, so no CALL is needed).
WITH COLLECT {
  MATCH (x:Stratgraph)-[r:DEPENDS_ON]->(y:Stratgraph)
  WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence
  WITH r,
    CASE WHEN x:Theme THEN x
         ELSE head(COLLECT { MATCH (x)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t ORDER BY t.id }) END AS ta,
    CASE WHEN y:Theme THEN y
         ELSE head(COLLECT { MATCH (y)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t ORDER BY t.id }) END AS tb
  WHERE ta IS NOT NULL AND tb IS NOT NULL AND ta <> tb
  WITH ta, tb, collect(r) AS rels
  RETURN {ta: ta, tb: tb, kind: 'explicit',
          via: COLLECT { UNWIND rels AS r WITH DISTINCT r.evidence AS v WHERE v IS NOT NULL
                         RETURN v ORDER BY v },
          strength: size(rels), rels: rels} AS link
  UNION ALL
  UNWIND focus AS s
  MATCH (x:Stratgraph)-[r:REFERENCES]->(s)
  WHERE (x:Action OR x:Outcome OR x:Theme)
    AND (r.method <> 'inferred' OR r.confidence >= $min_confidence)
  WITH s, r,
    CASE WHEN x:Theme THEN x
         ELSE head(COLLECT { MATCH (x)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t ORDER BY t.id }) END AS t
  WHERE t IS NOT NULL
  WITH s, t, collect(r) AS rels
  WITH s, collect({theme: t, rels: rels, anchor: everything OR t.id IN anchor_ids}) AS sides
  UNWIND sides AS one
  WITH s, sides, one WHERE one.anchor
  UNWIND sides AS other
  // Each pair once: from its lower-id side when both sides are anchors.
  WITH s, one, other, one.theme AS t1, other.theme AS t2
  WHERE t1.id <> t2.id
    AND (NOT other.anchor OR t1.id < t2.id)
    AND NOT EXISTS { MATCH (t1)-[:PART_OF]-(t2) }
    AND ($kind IS NULL OR $kind = CASE WHEN s:Strategy THEN 'shared-strategy'
                                       ELSE 'shared-partnership' END)
  WITH s, CASE WHEN one.theme.id < other.theme.id THEN [one, other] ELSE [other, one] END AS ab
  WITH ab[0].theme AS ta, ab[1].theme AS tb,
       CASE WHEN s:Strategy THEN 'shared-strategy' ELSE 'shared-partnership' END AS kind,
       s, ab[0].rels + ab[1].rels AS rels
  WITH ta, tb, kind, collect(s) AS shared, collect(rels) AS relss
  RETURN {ta: ta, tb: tb, kind: kind,
          via: COLLECT { UNWIND shared AS s WITH DISTINCT s.name AS v WHERE v IS NOT NULL
                         RETURN v ORDER BY v },
          strength: size(shared), rels: reduce(acc = [], rs IN relss | acc + rs)} AS link
} AS links
UNWIND links AS link
WITH link.ta AS ta, link.tb AS tb, link.kind AS kind, link.via AS via,
     link.strength AS strength, link.rels AS rels
WHERE ($kind IS NULL OR kind = $kind)
  AND ($theme IS NULL OR ta.id = $theme OR tb.id = $theme
       OR toLower(ta.name) = toLower($theme) OR toLower(tb.name) = toLower($theme))
OPTIONAL MATCH (pa:Stratgraph:Plan {id: ta.plan_id})
OPTIONAL MATCH (pb:Stratgraph:Plan {id: tb.plan_id})
WITH ta, tb, kind, via, strength, rels, pa, pb
WHERE $plan IS NULL
   OR pa.id = $plan OR toLower(pa.name) = toLower($plan) OR toLower(pa.source_document) = toLower($plan) OR toLower(pa.document_name) = toLower($plan)
   OR pb.id = $plan OR toLower(pb.name) = toLower($plan) OR toLower(pb.source_document) = toLower($plan) OR toLower(pb.document_name) = toLower($plan)
RETURN ta.name AS theme_a, pa.name AS plan_a, tb.name AS theme_b, pb.name AS plan_b, kind, via,
       strength,
       COLLECT { UNWIND rels AS r
                 WITH DISTINCT r.source_document AS doc, r.source_line AS line
                 RETURN doc + ':' + toString(line) ORDER BY doc, line } AS evidence,
       ta.id AS theme_a_id, tb.id AS theme_b_id
ORDER BY kind, strength DESC, plan_a, theme_a, plan_b, theme_b, theme_a_id, theme_b_id
