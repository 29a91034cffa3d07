// deadlines: every action with a deadline, as written, and the calendar quarter it falls in.
//
// The quarter is the latest date the text names, read in the same steps as
// graph/queries_deadlines.py (see there for the rules): lower-case; dashes and slashes become
// a "/" word, other punctuation a space; split into words; then each word with the next:
//   YYYY / YY or YYYY / YYYY  a financial year (or run of them) ending in March: Q1 of the end
//   qN YYYY or YYYY qN        that quarter
//   month YYYY                the month's quarter; a season the quarter of its last month
//                             (winter: Q1 of the next year)
// and, when none of those is named, a bare YYYY means its end (Q4). Text with no year
// ("Ongoing", "Quarterly") gives null. A key year * 10 + quarter picks the latest.
//
// Parameters (null = no filter):
//   $theme  theme name (any case) or id
//   $plan   plan id, name or document file name (any case)
//
// Columns: plan, theme (null when the action sits under the plan), action, action_id,
// deadline (as written), quarter ("2025-Q1", or null), plan_id, theme_id, source_document,
// source_line. Sorted by plan, quarter (null last), theme, action, action_id.
OPTIONAL MATCH (fp:Stratgraph:Plan)
  WHERE $plan IS NOT NULL AND (fp.id = $plan OR toLower(fp.name) = toLower($plan)
                               OR toLower(fp.source_document) = toLower($plan) OR toLower(fp.document_name) = toLower($plan))
WITH collect(fp.id) AS plan_ids
MATCH (a:Stratgraph:Action)
  WHERE ($plan IS NULL OR a.plan_id IN plan_ids) AND trim(coalesce(a.deadline, '')) <> ''
OPTIONAL MATCH (p:Stratgraph:Plan {id: a.plan_id})
WITH a, p, head(COLLECT { MATCH (a)-[:PART_OF]->(t:Stratgraph:Theme) RETURN t ORDER BY t.id }) AS t
WHERE ($theme IS NULL OR t.id = $theme OR toLower(t.name) = toLower($theme))
WITH a, p, t, [x IN split(
        reduce(s = reduce(s = toLower(a.deadline), c IN ['/', '–', '—', '-'] | replace(s, c, ' / ')),
               c IN ['.', ',', ';', ':', '(', ')', '\t', '\n', '\r'] | replace(s, c, ' ')),
        ' ') WHERE x <> ''] AS w
WITH a, p, t, w, {january: 1, jan: 1, february: 1, feb: 1, march: 1, mar: 1,
                  april: 2, apr: 2, may: 2, june: 2, jun: 2,
                  july: 3, jul: 3, august: 3, aug: 3, september: 3, sep: 3, sept: 3,
                  october: 4, oct: 4, november: 4, nov: 4, december: 4, dec: 4,
                  spring: 2, summer: 3, autumn: 4, fall: 4} AS periods
WITH a, p, t, w, [k IN [i IN range(0, size(w) - 2) |
    CASE
      WHEN w[i] =~ '(19|20)[0-9]{2}' AND w[i + 1] = '/' AND w[i + 2] =~ '[0-9]{2}'
        THEN (toInteger(w[i]) / 100 * 100 + toInteger(w[i + 2])
              + CASE WHEN toInteger(w[i + 2]) < toInteger(w[i]) % 100 THEN 100 ELSE 0 END) * 10 + 1
      WHEN w[i] =~ '(19|20)[0-9]{2}' AND w[i + 1] = '/' AND w[i + 2] =~ '(19|20)[0-9]{2}'
        THEN toInteger(w[i + 2]) * 10 + 1
      WHEN w[i] =~ 'q[1-4]' AND w[i + 1] =~ '(19|20)[0-9]{2}'
        THEN toInteger(w[i + 1]) * 10 + toInteger(substring(w[i], 1))
      WHEN w[i] =~ '(19|20)[0-9]{2}' AND w[i + 1] =~ 'q[1-4]'
        THEN toInteger(w[i]) * 10 + toInteger(substring(w[i + 1], 1))
      WHEN w[i] = 'winter' AND w[i + 1] =~ '(19|20)[0-9]{2}'
        THEN (toInteger(w[i + 1]) + 1) * 10 + 1
      WHEN periods[w[i]] IS NOT NULL AND w[i + 1] =~ '(19|20)[0-9]{2}'
        THEN toInteger(w[i + 1]) * 10 + periods[w[i]]
    END] WHERE k IS NOT NULL] AS precise
WITH a, p, t, CASE WHEN size(precise) > 0 THEN precise
                   ELSE [x IN w WHERE x =~ '(19|20)[0-9]{2}' | toInteger(x) * 10 + 4] END AS keys
WITH a, p, t, reduce(m = null, k IN keys | CASE WHEN m IS NULL OR k > m THEN k ELSE m END) AS best
RETURN p.name AS plan, t.name AS theme, a.name AS action, a.id AS action_id,
       a.deadline AS deadline,
       CASE WHEN best IS NULL THEN null ELSE toString(best / 10) + '-Q' + toString(best % 10) END AS quarter,
       a.plan_id AS plan_id, t.id AS theme_id,
       a.source_document AS source_document, a.source_line AS source_line
ORDER BY plan, quarter, theme, action, action_id
