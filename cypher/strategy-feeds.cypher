// strategy-feeds: the outcomes a strategy feeds, or (with $outcome) the strategies feeding an
// outcome.
//
// A strategy feeds an outcome when an action or outcome REFERENCES it and reaches the outcome
// through SUPPORTS chains via outcomes: Strategy <-REFERENCES- Action -SUPPORTS-> Outcome
// (-SUPPORTS-> Outcome ...), or Strategy <-REFERENCES- Outcome (itself, or up its chain).
// Outcomes of every level are listed (outcome_level tells which). An inferred link counts only
// when its confidence >= $min_confidence.
//
// Parameters (null = no filter):
//   $strategy        strategy name or alias (any case) or id
//   $outcome         outcome name (any case) or id
//   $level           outcome level, any case
//   $plan            the outcome's plan: id, name or document file name (any case)
//   $min_confidence  0..1 (default 0)
//
// Columns: strategy, outcome, outcome_level, plan (of the outcome), via (names of the actions
// and outcomes referencing the strategy, sorted), hops (shortest chain counting the REFERENCES
// link: 1 = the outcome itself references it, 2 = an action directly under it, ...), evidence
// (document:line of every REFERENCES and SUPPORTS link on every such chain, by document then
// line), inferred (true when every such chain uses an inferred link: the row holds only by
// inference, e.g. an objective read as delivering a priority), strategy_id, outcome_id.
MATCH (s:Stratgraph:Strategy)
WHERE $strategy IS NULL OR s.id = $strategy OR toLower(s.name) = toLower($strategy)
      OR any(al IN coalesce(s.aliases, []) WHERE toLower(al) = toLower($strategy))
// One strategy at a time, in row order: a first page (LIMIT) follows only the strategies
// it shows (the rows are grouped per strategy, outcome and plan inside the call).
WITH s ORDER BY s.name, s.id
CALL (s) {
  MATCH (x)-[ref:REFERENCES]->(s)
  WHERE (x:Action OR x:Outcome)
    AND (ref.method <> 'inferred' OR ref.confidence >= $min_confidence)
  MATCH path = (x)-[:SUPPORTS*0..]->(o:Stratgraph:Outcome)
  WHERE all(n IN tail(nodes(path)) WHERE n:Outcome)
    AND all(r IN relationships(path) WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence)
    AND ($outcome IS NULL OR o.id = $outcome OR toLower(o.name) = toLower($outcome))
    AND ($level IS NULL OR toLower(coalesce(o.level, '')) = toLower($level))
  OPTIONAL MATCH (p:Stratgraph:Plan {id: o.plan_id})
  WITH s, o, p, x, ref, path
  WHERE $plan IS NULL OR p.id = $plan OR toLower(p.name) = toLower($plan)
        OR toLower(p.source_document) = toLower($plan) OR toLower(p.document_name) = toLower($plan)
  WITH s, o, p, collect(x.name) AS vias, min(length(path)) + 1 AS hops,
       collect(ref) + reduce(acc = [], rs IN collect(relationships(path)) | acc + rs) AS rels,
       collect(any(r IN [ref] + relationships(path) WHERE coalesce(r.method, '') = 'inferred')) AS guessed
  RETURN o.name AS outcome, o.level AS outcome_level, p.name AS plan,
         COLLECT { UNWIND vias AS v WITH DISTINCT v WHERE v IS NOT NULL RETURN v ORDER BY v } AS via,
         hops,
         COLLECT { UNWIND rels AS r
                   WITH DISTINCT r.source_document AS doc, r.source_line AS line
                   RETURN doc + ':' + toString(line) ORDER BY doc, line } AS evidence,
         all(g IN guessed WHERE g) AS inferred,
         o.id AS outcome_id
}
RETURN s.name AS strategy, outcome, outcome_level, plan, via, hops, evidence, inferred,
       s.id AS strategy_id, outcome_id
ORDER BY strategy, strategy_id, plan, outcome, outcome_id
