// Store: what the nodes of some labels answer to (name, aliases, a plan's document file), as
// sorted distinct (label, name) rows; "did you mean" hints choose from them.
// $labels: label values from the model's allow-list.
MATCH (n:Stratgraph)
WHERE any(l IN labels(n) WHERE l IN $labels)
WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
UNWIND [n.name] + coalesce(n.aliases, [])
       + CASE WHEN label = 'Plan' THEN [n.source_document, n.document_name] ELSE [] END AS name
WITH DISTINCT label, name
WHERE name IS NOT NULL AND name <> ''
RETURN label, name
ORDER BY label, name
