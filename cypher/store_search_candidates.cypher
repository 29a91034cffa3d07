// Store: the nodes a search may return (the explorer ranks them by name and aliases in Python,
// the same way for every store), picked by the full-text index stratgraph_names.
// $lucene: a Lucene query built from the user's words (each escaped, fuzzy or prefix);
// $labels: label values from the model's allow-list (all when empty); $plan / $theme: a
// plan's or theme's id, or null for any; $candidates: how many, best index score first;
// $options: {limit: $candidates} when there is no filter (Lucene keeps only the best), else {}.
CALL db.index.fulltext.queryNodes('stratgraph_names', $lucene, $options) YIELD node AS n, score
WHERE n:Stratgraph
  AND (size($labels) = 0 OR any(l IN labels(n) WHERE l IN $labels))
  AND ($plan IS NULL OR n.plan_id = $plan)
  AND ($theme IS NULL OR n.id = $theme OR n.theme_id = $theme)
RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases,
       n.plan_id AS plan_id
ORDER BY score DESC, id
LIMIT $candidates
