// Store: every node a search may return, when the database has no stratgraph_names full-text
// index and it cannot be created (a read-only user on a graph written before it).
// $labels: label values from the model's allow-list (all when empty); $plan / $theme: a
// plan's or theme's id, or null for any.
MATCH (n:Stratgraph)
WHERE (size($labels) = 0 OR any(l IN labels(n) WHERE l IN $labels))
  AND ($plan IS NULL OR n.plan_id = $plan)
  AND ($theme IS NULL OR n.id = $theme OR n.theme_id = $theme)
RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases,
       n.plan_id AS plan_id
