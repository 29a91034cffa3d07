// orphan-actions: actions that are not tied into the golden thread.
//
// An action is an orphan when at least one of these holds (reasons, sorted):
//   NO_DEADLINE  its deadline is missing or blank;
//   NO_MEASURE   no MEASURED_BY from the action, nor from any outcome of its plan that it
//                reaches through SUPPORTS chains (via outcomes only);
//   NO_OUTCOME   it reaches no declared outcome (level <> 'objective') of its own plan through
//                SUPPORTS chains (Action -SUPPORTS-> Outcome -SUPPORTS-> ... Outcome);
//   NO_OWNER     no OWNS reaches the action or the theme it is PART_OF.
// An inferred link counts only when its confidence >= $min_confidence; stated and curated
// links always count.
//
// Parameters (null = no filter):
//   $reason          one of NO_DEADLINE, NO_MEASURE, NO_OUTCOME, NO_OWNER
//   $theme           theme name (any case) or id
//   $plan            plan id, name or document file name (any case)
//   $min_confidence  0..1 (default 0)
//
// Columns: plan, theme (null when the action sits under the plan), action, action_id,
// reasons, inferred (of measure, outcome, owner: the tests it passes only through inferred
// links, e.g. an objective read as delivering a priority), deadline (as written), plan_id, theme_id, source_document and source_line (the
// action's own line: the evidence for a missing link is the row where it should have been).
// The plan filter is resolved to plan ids first, so a one-plan call looks only at that plan's
// actions instead of finding every action's theme first.
OPTIONAL MATCH (fp:Stratgraph:Plan)
  WHERE $plan IS NOT NULL AND (fp.id = $plan OR toLower(fp.name) = toLower($plan)
                               OR toLower(fp.source_document) = toLower($plan) OR toLower(fp.document_name) = toLower($plan))
WITH collect(fp.id) AS plan_ids
MATCH (a:Stratgraph:Action)
  WHERE $plan IS NULL OR a.plan_id IN plan_ids
OPTIONAL MATCH (p:Stratgraph:Plan {id: a.plan_id})
WITH a, p, head(COLLECT { MATCH (a)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t ORDER BY t.id }) AS t
WHERE ($theme IS NULL OR t.id = $theme OR toLower(t.name) = toLower($theme))
// One walk of the SUPPORTS chains gives both the outcomes reached (links counted at
// $min_confidence) and those reached by stated (and curated) links alone (a stated path
// passes the first test too): walking them twice was most of the query's time.
WITH a, p, t, COLLECT {
    MATCH path = (a)-[:SUPPORTS*1..]->(o:Stratgraph:Outcome)
    WHERE o.plan_id = a.plan_id
      AND all(n IN tail(nodes(path)) WHERE n:Outcome)
      AND all(r IN relationships(path) WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence)
    RETURN DISTINCT [o, all(r IN relationships(path) WHERE r.method <> 'inferred')] AS end
  } AS ends
WITH a, p, t, [e IN ends | e[0]] AS reached, [e IN ends WHERE e[1] | e[0]] AS stated
WITH a, p, t, reached, stated,
  any(o IN reached WHERE coalesce(o.level, '') <> 'objective') AS has_outcome,
  (EXISTS { MATCH (a)-[r:MEASURED_BY]->(:Stratgraph:Measure)
            WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
   OR any(o IN reached WHERE EXISTS { MATCH (o)-[r:MEASURED_BY]->(:Stratgraph:Measure)
            WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence })) AS has_measure,
  (EXISTS { MATCH ()-[r:OWNS]->(a)
            WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
   OR (t IS NOT NULL AND EXISTS { MATCH ()-[r:OWNS]->(t)
            WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence })) AS has_owner,
  trim(coalesce(a.deadline, '')) <> '' AS has_deadline
// The same tests on stated (and curated) links alone: what holds only by inference.
WITH a, p, t, has_outcome, has_measure, has_owner, has_deadline, stated,
  [x IN [
    CASE WHEN has_measure AND NOT (
        EXISTS { MATCH (a)-[r:MEASURED_BY]->(:Stratgraph:Measure) WHERE r.method <> 'inferred' }
        OR any(o IN stated WHERE EXISTS { MATCH (o)-[r:MEASURED_BY]->(:Stratgraph:Measure)
                                          WHERE r.method <> 'inferred' })) THEN 'measure' END,
    CASE WHEN has_outcome AND NOT any(o IN stated WHERE coalesce(o.level, '') <> 'objective')
         THEN 'outcome' END,
    CASE WHEN has_owner AND NOT (
        EXISTS { MATCH ()-[r:OWNS]->(a) WHERE r.method <> 'inferred' }
        OR (t IS NOT NULL AND EXISTS { MATCH ()-[r:OWNS]->(t) WHERE r.method <> 'inferred' }))
         THEN 'owner' END] WHERE x IS NOT NULL] AS inferred
WITH a, p, t, inferred, [code IN [
    CASE WHEN NOT has_deadline THEN 'NO_DEADLINE' END,
    CASE WHEN NOT has_measure THEN 'NO_MEASURE' END,
    CASE WHEN NOT has_outcome THEN 'NO_OUTCOME' END,
    CASE WHEN NOT has_owner THEN 'NO_OWNER' END] WHERE code IS NOT NULL] AS reasons
WHERE size(reasons) > 0 AND ($reason IS NULL OR $reason IN reasons)
RETURN p.name AS plan, t.name AS theme, a.name AS action, a.id AS action_id, reasons,
       inferred, a.deadline AS deadline, a.plan_id AS plan_id, t.id AS theme_id,
       a.source_document AS source_document, a.source_line AS source_line
ORDER BY plan, theme, action, action_id
