// coverage: how much of each plan and theme is on the golden thread.
//
// For every plan and every theme, the share of its actions that reach a declared outcome,
// have a measure, have an owner, have a deadline, and have all four (golden). Each test is the
// one orphan-actions uses. Shares are rounded half-up to 3 decimals with integer arithmetic
// so both stores give identical numbers; null when the plan or theme has no actions.
// An inferred link counts only when its confidence >= $min_confidence.
//
// Parameters (null = no filter):
//   $scope           'plan' or 'theme'
//   $plan            plan id, name or document file name (any case)
//   $min_confidence  0..1 (default 0)
//
// Columns: scope, plan, theme (null on plan rows), actions, with_outcome, with_measure,
// with_owner, with_deadline, golden, plan_id, theme_id, source_document and source_line (of
// the plan or theme). Sorted plan rows first, then theme rows; within each the weakest golden
// share first, then the fewest tests passed (all four shares together), then the most actions.
OPTIONAL MATCH (a:Stratgraph:Action)
WITH a, head(COLLECT { MATCH (a)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t ORDER BY t.id }) AS t
WITH a, t, COLLECT {
    MATCH path = (a)-[:SUPPORTS*1..]->(o:Stratgraph:Outcome)
    WHERE o.plan_id = a.plan_id
      AND all(n IN tail(nodes(path)) WHERE n:Outcome)
      AND all(r IN relationships(path) WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence)
    RETURN DISTINCT o
  } AS reached
WITH collect(CASE WHEN a IS NOT NULL THEN {
  plan: a.plan_id,
  theme: t.id,
  outcome: any(o IN reached WHERE coalesce(o.level, '') <> 'objective'),
  measure: EXISTS { MATCH (a)-[r:MEASURED_BY]->(:Stratgraph:Measure)
                    WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
           OR any(o IN reached WHERE EXISTS { MATCH (o)-[r:MEASURED_BY]->(:Stratgraph:Measure)
                    WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }),
  owner: EXISTS { MATCH ()-[r:OWNS]->(a)
                  WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
         OR (t IS NOT NULL AND EXISTS { MATCH ()-[r:OWNS]->(t)
                  WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }),
  deadline: trim(coalesce(a.deadline, '')) <> ''
} END) AS threads
MATCH (s:Stratgraph)
WHERE (s:Plan OR s:Theme)
  AND ($scope IS NULL OR $scope = CASE WHEN s:Plan THEN 'plan' ELSE 'theme' END)
OPTIONAL MATCH (p:Stratgraph:Plan {id: CASE WHEN s:Plan THEN s.id ELSE s.plan_id END})
WITH threads, s, p
WHERE $plan IS NULL OR p.id = $plan OR toLower(p.name) = toLower($plan)
      OR toLower(p.source_document) = toLower($plan)
WITH s, p, [x IN threads WHERE CASE WHEN s:Plan THEN x.plan = s.id ELSE x.theme = s.id END] AS mine
WITH s, p, size(mine) AS n,
     size([x IN mine WHERE x.outcome]) AS k_outcome,
     size([x IN mine WHERE x.measure]) AS k_measure,
     size([x IN mine WHERE x.owner]) AS k_owner,
     size([x IN mine WHERE x.deadline]) AS k_deadline,
     size([x IN mine WHERE x.outcome AND x.measure AND x.owner AND x.deadline]) AS k_golden
// Among equal golden shares the weakest comes first: the fewest of the four tests passed.
WITH s, p, n, k_outcome, k_measure, k_owner, k_deadline, k_golden,
     CASE WHEN n = 0 THEN null
          ELSE toFloat(k_outcome + k_measure + k_owner + k_deadline) / n END AS passed
RETURN CASE WHEN s:Plan THEN 'plan' ELSE 'theme' END AS scope,
       p.name AS plan,
       CASE WHEN s:Plan THEN null ELSE s.name END AS theme,
       n AS actions,
       CASE WHEN n = 0 THEN null ELSE toFloat((2000 * k_outcome + n) / (2 * n)) / 1000.0 END AS with_outcome,
       CASE WHEN n = 0 THEN null ELSE toFloat((2000 * k_measure + n) / (2 * n)) / 1000.0 END AS with_measure,
       CASE WHEN n = 0 THEN null ELSE toFloat((2000 * k_owner + n) / (2 * n)) / 1000.0 END AS with_owner,
       CASE WHEN n = 0 THEN null ELSE toFloat((2000 * k_deadline + n) / (2 * n)) / 1000.0 END AS with_deadline,
       CASE WHEN n = 0 THEN null ELSE toFloat((2000 * k_golden + n) / (2 * n)) / 1000.0 END AS golden,
       CASE WHEN s:Plan THEN s.id ELSE s.plan_id END AS plan_id,
       CASE WHEN s:Plan THEN null ELSE s.id END AS theme_id,
       s.source_document AS source_document, s.source_line AS source_line
ORDER BY scope, golden, passed, actions DESC, plan, theme, coalesce(theme_id, plan_id)
