// Schema for stratgraph's graph in Neo4j. Applied by Neo4jStore before its first write;
// every statement is idempotent (IF NOT EXISTS), so running it again changes nothing.
//
// Every node stratgraph writes carries the marker label :Stratgraph next to its model label
// (:Stratgraph:Plan, :Stratgraph:Action, ...). Identity is unique among :Stratgraph nodes only,
// so other data in the same database (even a foreign :Plan with the same id) never clashes
// with ours, and creating the constraint cannot fail because of it.
// Statements are separated by a semicolon at the end of a line.

CREATE CONSTRAINT stratgraph_id IF NOT EXISTS
FOR (n:Stratgraph) REQUIRE n.id IS UNIQUE;

// --replace finds a document's nodes by provenance.
CREATE INDEX stratgraph_source_document IF NOT EXISTS
FOR (n:Stratgraph) ON (n.source_document);

// Index only what something looks up by value. The named queries reach plans through the
// id constraint above ((p:Stratgraph:Plan {id: ...})) and walk relationships from there; they
// compare names case-insensitively, which no index serves. So the big document-scoped labels
// (Theme, Outcome, Action, Measure) carry no extra index: each would slow every load.
// Plans and the shared entities are few, and people look them up by name in ad-hoc Cypher.
CREATE INDEX stratgraph_plan_name IF NOT EXISTS FOR (n:Plan) ON (n.name);
// plan-evolution finds the plan of each document a strategy is named in.
CREATE INDEX stratgraph_plan_document IF NOT EXISTS FOR (n:Plan) ON (n.source_document);
CREATE INDEX stratgraph_strategy_name IF NOT EXISTS FOR (n:Strategy) ON (n.name);
CREATE INDEX stratgraph_partnership_name IF NOT EXISTS FOR (n:Partnership) ON (n.name);
CREATE INDEX stratgraph_cabinetlead_name IF NOT EXISTS FOR (n:CabinetLead) ON (n.name);
CREATE INDEX stratgraph_organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name);

// --replace removes the relationships a document stated, whatever nodes they join.
CREATE INDEX stratgraph_part_of_doc IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.source_document);
CREATE INDEX stratgraph_supports_doc IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.source_document);
CREATE INDEX stratgraph_owns_doc IF NOT EXISTS FOR ()-[r:OWNS]-() ON (r.source_document);
CREATE INDEX stratgraph_references_doc IF NOT EXISTS FOR ()-[r:REFERENCES]-() ON (r.source_document);
CREATE INDEX stratgraph_measured_by_doc IF NOT EXISTS FOR ()-[r:MEASURED_BY]-() ON (r.source_document);
CREATE INDEX stratgraph_depends_on_doc IF NOT EXISTS FOR ()-[r:DEPENDS_ON]-() ON (r.source_document);
CREATE INDEX stratgraph_involves_doc IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.source_document);
CREATE INDEX stratgraph_published_by_doc IF NOT EXISTS FOR ()-[r:PUBLISHED_BY]-() ON (r.source_document);

// Each document's own record of a shared node (:StratgraphPart, no :Stratgraph label: reads,
// counts and queries never see it), found by the node's id and by document for --replace.
CREATE INDEX stratgraph_part_id IF NOT EXISTS FOR (p:StratgraphPart) ON (p.id);
CREATE INDEX stratgraph_part_document IF NOT EXISTS FOR (p:StratgraphPart) ON (p.source_document);
// The key a write merges a per-document record on: by `id` alone, a national strategy's
// hundreds of records were filtered one by one for every row (866k rows read for 5,000).
CREATE INDEX stratgraph_part_key IF NOT EXISTS FOR (p:StratgraphPart) ON (p.id, p.source_document);

// The explorer's search (issue #16): every node's name and aliases as words, so a search
// reads the few names sharing a (fuzzy) word with what was typed, never every name.
CREATE FULLTEXT INDEX stratgraph_names IF NOT EXISTS
FOR (n:Stratgraph) ON EACH [n.name, n.aliases];
