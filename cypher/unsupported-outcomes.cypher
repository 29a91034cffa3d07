// unsupported-outcomes: declared outcomes the plan does not deliver or cannot measure.
//
// Declared outcomes are Outcomes whose level is not 'objective'. Reasons (sorted):
//   NO_MEASURE  no MEASURED_BY from the outcome, nor from any action or outcome of its plan
//               that supports it through SUPPORTS chains (via outcomes only);
//   NO_SUPPORT  no action of its plan supports it, directly or through lower outcomes
//               (Action -SUPPORTS-> Outcome -SUPPORTS-> ... -> this outcome).
// An inferred link counts only when its confidence >= $min_confidence.
//
// Parameters (null = no filter):
//   $reason          NO_MEASURE or NO_SUPPORT
//   $theme           theme name (any case) or id
//   $plan            plan id, name or document file name (any case)
//   $level           outcome level (strategic, theme, priority, supporting, ambition), any case
//   $min_confidence  0..1 (default 0)
//
// Columns: plan, theme, outcome, outcome_id, level, reasons, inferred (of measure, support:
// the tests the outcome passes only through inferred links, so a planner knows which of its
// answers rest on a reading rather than on the text), plan_id, theme_id, source_document and
// source_line (the outcome's own line).
MATCH (o:Stratgraph:Outcome)
WHERE coalesce(o.level, '') <> 'objective'
  AND ($level IS NULL OR toLower(coalesce(o.level, '')) = toLower($level))
OPTIONAL MATCH (p:Stratgraph:Plan {id: o.plan_id})
WITH o, p, head(COLLECT { MATCH (o)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t ORDER BY t.id }) AS t
WHERE ($plan IS NULL OR p.id = $plan OR toLower(p.name) = toLower($plan)
       OR toLower(p.source_document) = toLower($plan) OR toLower(p.document_name) = toLower($plan))
  AND ($theme IS NULL OR t.id = $theme OR toLower(t.name) = toLower($theme))
// One walk of the SUPPORTS chains gives both what lies below (links counted at
// $min_confidence) and what lies below through stated (and curated) links alone (a stated
// path passes the first test too).
WITH o, p, t, COLLECT {
    MATCH path = (x)-[:SUPPORTS*1..]->(o)
    WHERE (x:Action OR x:Outcome) AND x.plan_id = o.plan_id
      AND all(n IN tail(nodes(path)) WHERE n:Outcome)
      AND all(r IN relationships(path) WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence)
    RETURN DISTINCT [x, all(r IN relationships(path) WHERE r.method <> 'inferred')] AS start
  } AS starts
WITH o, p, t, [s IN starts | s[0]] AS below, [s IN starts WHERE s[1] | s[0]] AS stated_below
WITH o, p, t,
  any(x IN below WHERE x:Action) AS supported,
  any(x IN stated_below WHERE x:Action) AS stated_support,
  (EXISTS { MATCH (o)-[r:MEASURED_BY]->(:Stratgraph:Measure) WHERE r.method <> 'inferred' }
   OR any(x IN stated_below WHERE EXISTS { MATCH (x)-[r:MEASURED_BY]->(:Stratgraph:Measure)
            WHERE r.method <> 'inferred' })) AS stated_measure,
  (EXISTS { MATCH (o)-[r:MEASURED_BY]->(:Stratgraph:Measure)
            WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
   OR any(x IN below WHERE EXISTS { MATCH (x)-[r:MEASURED_BY]->(:Stratgraph:Measure)
            WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence })) AS measured
WITH o, p, t, [code IN [
    CASE WHEN NOT measured THEN 'NO_MEASURE' END,
    CASE WHEN NOT supported THEN 'NO_SUPPORT' END] WHERE code IS NOT NULL] AS reasons,
  [test IN [
    CASE WHEN measured AND NOT stated_measure THEN 'measure' END,
    CASE WHEN supported AND NOT stated_support THEN 'support' END] WHERE test IS NOT NULL]
    AS inferred
WHERE size(reasons) > 0 AND ($reason IS NULL OR $reason IN reasons)
RETURN p.name AS plan, t.name AS theme, o.name AS outcome, o.id AS outcome_id,
       o.level AS level, reasons, inferred, o.plan_id AS plan_id, t.id AS theme_id,
       o.source_document AS source_document, o.source_line AS source_line
ORDER BY plan, theme, outcome, outcome_id
