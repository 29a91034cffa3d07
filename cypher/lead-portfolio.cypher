// lead-portfolio: what each cabinet lead owns, and the gaps in it.
//
// A lead owns the themes and actions it has OWNS links to, every action PART_OF an owned
// theme, and the measures PART_OF an owned theme, owned directly, or MEASURED_BY from an owned
// action or an outcome PART_OF an owned theme. Gaps: owned actions orphan-actions lists (same
// tests), and owned themes with no measure at all (none PART_OF the theme, none measuring
// anything PART_OF it). An inferred link counts only when its confidence >= $min_confidence.
//
// Parameters (null = no filter):
//   $lead            lead name or alias (any case) or id
//   $min_confidence  0..1 (default 0)
//
// Columns: lead, role, portfolio, themes (owned theme names, sorted), actions (count),
// measures (count), orphan_actions (names, sorted), themes_without_measures (names, sorted),
// lead_id, evidence (document:line of the OWNS links, by document then line), matched (how
// each portfolio link reached its theme: "theme: area = matched words (by)", sorted).
MATCH (l:Stratgraph:CabinetLead)
WHERE $lead IS NULL OR l.id = $lead OR toLower(l.name) = toLower($lead)
      OR any(al IN coalesce(l.aliases, []) WHERE toLower(al) = toLower($lead))
WITH l,
  COLLECT { MATCH (l)-[r:OWNS]->()
            WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence
            RETURN r } AS owns
WITH l, owns,
  [r IN owns WHERE endNode(r):Theme | endNode(r)] AS themes
WITH l, owns, themes,
  COLLECT { UNWIND themes AS t MATCH (x)-[:PART_OF]->(t) RETURN DISTINCT x } AS in_themes
WITH l, owns, themes, in_themes,
  COLLECT { UNWIND [r IN owns WHERE endNode(r):Action | endNode(r)]
                   + [x IN in_themes WHERE x:Action] AS a
            RETURN DISTINCT a } AS actions
WITH l, owns, themes, actions,
  COLLECT { UNWIND [r IN owns WHERE endNode(r):Measure | endNode(r)]
                   + [x IN in_themes WHERE x:Measure] AS m RETURN m
            UNION
            UNWIND actions + [x IN in_themes WHERE x:Outcome] AS x
            MATCH (x)-[r:MEASURED_BY]->(m:Stratgraph:Measure)
            WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence
            RETURN m } AS measures
WITH l, owns, themes, actions, measures,
  [a IN actions WHERE
     // the four orphan-actions tests, as in cypher/orphan-actions.cypher
     NOT (
       trim(coalesce(a.deadline, '')) <> ''
       AND (EXISTS { MATCH (a)-[r:MEASURED_BY]->(:Stratgraph:Measure)
                     WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
            OR EXISTS { MATCH path = (a)-[:SUPPORTS*1..]->(o:Stratgraph:Outcome)-[r:MEASURED_BY]->(:Stratgraph:Measure)
                        WHERE o.plan_id = a.plan_id
                          AND all(n IN nodes(path)[1..-1] WHERE n:Outcome)
                          AND all(q IN relationships(path) WHERE q.method <> 'inferred'
                                  OR q.confidence >= $min_confidence) })
       AND EXISTS { MATCH path = (a)-[:SUPPORTS*1..]->(o:Stratgraph:Outcome)
                    WHERE o.plan_id = a.plan_id AND coalesce(o.level, '') <> 'objective'
                      AND all(n IN tail(nodes(path)) WHERE n:Outcome)
                      AND all(q IN relationships(path) WHERE q.method <> 'inferred'
                              OR q.confidence >= $min_confidence) }
       AND (EXISTS { MATCH ()-[r:OWNS]->(a)
                     WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
            OR EXISTS { MATCH ()-[r:OWNS]->(:Stratgraph:Theme)<-[:PART_OF]-(a)
                        WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence })
     ) | a.name] AS orphan_names,
  [t IN themes WHERE NOT EXISTS { MATCH (m:Stratgraph:Measure)-[:PART_OF]->(t) }
                 AND NOT EXISTS { MATCH (x)-[:PART_OF]->(t), (x)-[r:MEASURED_BY]->(:Stratgraph:Measure)
                                  WHERE r.method <> 'inferred' OR r.confidence >= $min_confidence }
               | t.name] AS unmeasured
RETURN l.name AS lead, l.role AS role, l.portfolio AS portfolio,
       COLLECT { UNWIND themes AS t WITH DISTINCT t.name AS n WHERE n IS NOT NULL
                 RETURN n ORDER BY n } AS themes,
       size(actions) AS actions,
       size(measures) AS measures,
       COLLECT { UNWIND orphan_names AS n WITH DISTINCT n WHERE n IS NOT NULL
                 RETURN n ORDER BY n } AS orphan_actions,
       COLLECT { UNWIND unmeasured AS n WITH DISTINCT n WHERE n IS NOT NULL
                 RETURN n ORDER BY n } AS themes_without_measures,
       l.id AS lead_id,
       COLLECT { UNWIND owns AS r
                 WITH DISTINCT r.source_document AS doc, r.source_line AS line
                 RETURN doc + ':' + toString(line) ORDER BY doc, line } AS evidence,
       COLLECT { UNWIND owns AS r
                 WITH r, endNode(r) AS t
                 WHERE t:Theme AND r.area IS NOT NULL AND t.name IS NOT NULL
                 WITH DISTINCT t.name + ': ' + r.area + ' = ' + coalesce(r.matched, '')
                               + ' (' + coalesce(r.by, '') + ')' AS m
                 RETURN m ORDER BY m } AS matched
ORDER BY lead, lead_id
