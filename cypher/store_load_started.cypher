// Store: mark a load as started (written before its first transaction, cleared after its last).
// The marker has no :Stratgraph label, so reads, counts and queries never see it.
// $id: the load's id; $documents: every document it writes or replaces; $rows: its size.
CREATE (:StratgraphLoad {id: $id, documents: $documents, rows: $rows,
                         started: toString(datetime.truncate('second', datetime()))})
