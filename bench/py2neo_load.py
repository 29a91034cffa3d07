"""Load a graph with py2neo's bulk API (``merge_nodes``, ``merge_relationships``); run by
``bench_neo4j_load.py`` inside its own virtual environment (``bench/.venv-py2neo``), never
with the project's: py2neo is not a dependency of stratgraph.

Run:  bench/.venv-py2neo/bin/python bench/py2neo_load.py ROWS.json URI USER [BATCH]
(password in $NEO4J_PASSWORD). ROWS.json: {"nodes": [[label, [props...]]...],
"relationships": [[type, [[start_id, props, end_id]...]]...]}. Prints {"seconds": s} as JSON:
only the load is timed, not reading the file.
"""

from __future__ import annotations

import json
import os
import sys
import time


def main(argv: list[str]) -> int:
    from py2neo import Graph
    from py2neo.bulk import merge_nodes, merge_relationships

    path, uri, user = argv[:3]
    batch = int(argv[3]) if len(argv) > 3 else 5000
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    graph = Graph(uri, auth=(user, os.environ.get("NEO4J_PASSWORD", "")))
    start = time.perf_counter()
    for label, rows in data["nodes"]:
        for i in range(0, len(rows), batch):
            tx = graph.begin()
            merge_nodes(tx, rows[i:i + batch], ("Stratgraph", "id"), labels={label})
            graph.commit(tx)
    for rel_type, rows in data["relationships"]:
        for i in range(0, len(rows), batch):
            tx = graph.begin()
            merge_relationships(tx, rows[i:i + batch], (rel_type, "id"),
                                start_node_key=("Stratgraph", "id"),
                                end_node_key=("Stratgraph", "id"))
            graph.commit(tx)
    print(json.dumps({"seconds": time.perf_counter() - start}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
