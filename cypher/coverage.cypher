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
// with_owner, with_deadline, golden, measures, plan_id, theme_id, source_document and
// source_line (of the plan or theme). measures counts the scope's measures: of the plan, or
// PART_OF the theme, or measuring something PART_OF it. A theme with measures and a
// with_measure of 0.0 has measures no single action is tied to; 0 measures, none at all. Sorted plan rows first, then theme rows; within each the weakest golden
// share first, then the fewest tests passed (all four shares together), then the most actions.
// One pass over the actions, counted per scope key (its plan id and its theme id) by a
// grouping aggregation, then joined to the scopes by id: linear in the graph. (A single
// collect() filtered once per scope is quadratic: 2.3M db hits at 10k nodes, > 2 min at 100k.)
// The plan filter is resolved first, so a one-plan call tests only that plan's actions.
OPTIONAL MATCH (fp:Stratgraph:Plan)
WHERE $plan IS NOT NULL AND (fp.id = $plan OR toLower(fp.name) = toLower($plan)
      OR toLower(fp.source_document) = toLower($plan) OR toLower(fp.document_name) = toLower($plan))
WITH collect(fp.id) AS wanted
CALL (wanted) {
    MATCH (s:Stratgraph)
    WHERE s:Plan OR s:Theme
    RETURN s.id AS key, 0 AS n, 0 AS k_outcome, 0 AS k_measure, 0 AS k_owner, 0 AS k_deadline,
           0 AS k_golden, 0 AS k_measures
  UNION ALL
    MATCH (m:Stratgraph:Measure)
    WHERE $plan IS NULL OR m.plan_id IN wanted
    WITH m, COLLECT {
        MATCH (m)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t.id AS tid
      UNION
        MATCH (x)-[r:MEASURED_BY]->(m), (x)-[:PART_OF]->(t:Stratgraph:Theme)
        WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence
        RETURN t.id AS tid
      } AS themes
    UNWIND [m.plan_id] + themes AS key
    WITH DISTINCT m, key WHERE key IS NOT NULL
    RETURN key, 0 AS n, 0 AS k_outcome, 0 AS k_measure, 0 AS k_owner, 0 AS k_deadline,
           0 AS k_golden, 1 AS k_measures
  UNION ALL
    MATCH (a:Stratgraph:Action)
    WHERE $plan IS NULL OR a.plan_id IN wanted
    WITH a, head(COLLECT { MATCH (a)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t ORDER BY t.id }) AS t
    WITH a, t, COLLECT {
        MATCH path = (a)-[:SUPPORTS*1..]->(o:Stratgraph:Outcome)
        WHERE o.plan_id = a.plan_id
          AND all(n IN tail(nodes(path)) WHERE n:Outcome)
          AND all(r IN relationships(path) WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence)
        RETURN DISTINCT o
      } AS reached
    WITH a, t,
      any(o IN reached WHERE coalesce(o.level, '') <> 'objective') AS outcome,
      (EXISTS { MATCH (a)-[r:MEASURED_BY]->(:Stratgraph:Measure)
                WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
       OR any(o IN reached WHERE EXISTS { MATCH (o)-[r:MEASURED_BY]->(:Stratgraph:Measure)
                WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence })) AS measure,
      (EXISTS { MATCH ()-[r:OWNS]->(a)
                WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
       OR (t IS NOT NULL AND EXISTS { MATCH ()-[r:OWNS]->(t)
                WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence })) AS owner,
      trim(coalesce(a.deadline, '')) <> '' AS deadline
    UNWIND [a.plan_id, t.id] AS key
    WITH key, outcome, measure, owner, deadline WHERE key IS NOT NULL
    RETURN key, 1 AS n,
           CASE WHEN outcome THEN 1 ELSE 0 END AS k_outcome,
           CASE WHEN measure THEN 1 ELSE 0 END AS k_measure,
           CASE WHEN owner THEN 1 ELSE 0 END AS k_owner,
           CASE WHEN deadline THEN 1 ELSE 0 END AS k_deadline,
           CASE WHEN outcome AND measure AND owner AND deadline THEN 1 ELSE 0 END AS k_golden,
           0 AS k_measures
}
WITH key, sum(n) AS n, sum(k_outcome) AS k_outcome, sum(k_measure) AS k_measure,
     sum(k_owner) AS k_owner, sum(k_deadline) AS k_deadline, sum(k_golden) AS k_golden,
     sum(k_measures) AS k_measures
MATCH (s:Stratgraph {id: key})
WHERE (s:Plan OR s:Theme)
  AND ($scope IS NULL OR $scope = CASE WHEN s:Plan THEN 'plan' ELSE 'theme' END)
OPTIONAL MATCH (p:Stratgraph:Plan {id: CASE WHEN s:Plan THEN s.id ELSE s.plan_id END})
WITH s, p, n, k_outcome, k_measure, k_owner, k_deadline, k_golden, k_measures
WHERE $plan IS NULL OR p.id = $plan OR toLower(p.name) = toLower($plan)
      OR toLower(p.source_document) = toLower($plan) OR toLower(p.document_name) = toLower($plan)
// Among equal golden shares the weakest comes first: the fewest of the four tests passed.
WITH s, p, n, k_outcome, k_measure, k_owner, k_deadline, k_golden, k_measures,
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
       k_measures AS measures,
       CASE WHEN s:Plan THEN s.id ELSE s.plan_id END AS plan_id,
       CASE WHEN s:Plan THEN null ELSE s.id END AS theme_id,
       s.source_document AS source_document, s.source_line AS source_line
ORDER BY scope, golden, passed, actions DESC, plan, theme, coalesce(theme_id, plan_id)
