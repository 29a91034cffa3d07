// Store: how many relationships of each type a node has, out of it and into it.
// $id: the node's id. Each count is the node's degree by type and direction, which Neo4j
// keeps with the node (one db hit each, PROFILE): no relationship is read, so a national
// strategy's 26,145 links cost what a plan's few do. The types are the model's
// (graph/model.py RelType; tests/test_explorer_store.py checks this list is all of them).
// Counted as the database holds them: a relationship of one of these types that other data
// draws onto a stratgraph node is counted too (stratgraph writes none without an id).
MATCH (n:Stratgraph {id: $id})
UNWIND [
  ['PART_OF', 'out', COUNT { (n)-[:PART_OF]->() }],
  ['PART_OF', 'in', COUNT { (n)<-[:PART_OF]-() }],
  ['SUPPORTS', 'out', COUNT { (n)-[:SUPPORTS]->() }],
  ['SUPPORTS', 'in', COUNT { (n)<-[:SUPPORTS]-() }],
  ['OWNS', 'out', COUNT { (n)-[:OWNS]->() }],
  ['OWNS', 'in', COUNT { (n)<-[:OWNS]-() }],
  ['REFERENCES', 'out', COUNT { (n)-[:REFERENCES]->() }],
  ['REFERENCES', 'in', COUNT { (n)<-[:REFERENCES]-() }],
  ['MEASURED_BY', 'out', COUNT { (n)-[:MEASURED_BY]->() }],
  ['MEASURED_BY', 'in', COUNT { (n)<-[:MEASURED_BY]-() }],
  ['DEPENDS_ON', 'out', COUNT { (n)-[:DEPENDS_ON]->() }],
  ['DEPENDS_ON', 'in', COUNT { (n)<-[:DEPENDS_ON]-() }],
  ['INVOLVES', 'out', COUNT { (n)-[:INVOLVES]->() }],
  ['INVOLVES', 'in', COUNT { (n)<-[:INVOLVES]-() }],
  ['PUBLISHED_BY', 'out', COUNT { (n)-[:PUBLISHED_BY]->() }],
  ['PUBLISHED_BY', 'in', COUNT { (n)<-[:PUBLISHED_BY]-() }]
] AS link
WITH link WHERE link[2] > 0
RETURN link[0] AS type, link[1] AS direction, link[2] AS n
