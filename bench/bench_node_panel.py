"""The node panel's counts on Neo4j: this tree's statement (degrees kept per node) beside an
older commit's (every link read), on the busiest strategy of the graph at ``NEO4J_URI``, in one
run: the same rows, their db hits (PROFILE) and the seconds of each, interleaved.

Run:  set -a; . /tmp/warm7/server.env; set +a
      python bench/bench_node_panel.py --before 05652ae --repeat 20
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
STATEMENT = "cypher/store_node_links.cypher"


def db_hits(plan: Any) -> int:
    return int(plan.get("dbHits") or 0) + sum(db_hits(c) for c in plan.get("children", []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True, metavar="REF")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    import neo4j

    from stratgraph.graph.model import RelType

    texts = {"this tree": (REPO / STATEMENT).read_text(encoding="utf-8"),
             f"before ({args.before})": subprocess.run(
                 ["git", "show", f"{args.before}:{STATEMENT}"], cwd=REPO, check=True,
                 capture_output=True, text=True).stdout}
    driver = neo4j.GraphDatabase.driver(
        os.environ["NEO4J_URI"], notifications_min_severity="OFF",
        auth=(os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ["NEO4J_PASSWORD"]))
    with driver, driver.session() as session:
        node_id, links = session.run(
            "MATCH (s:Stratgraph:Strategy) RETURN s.id AS id, COUNT { (s)--() } AS n "
            "ORDER BY n DESC, id LIMIT 1").single()
        params = {"id": node_id, "types": [t.value for t in RelType]}
        print(f"busiest strategy {node_id}: {links:,} links; load {os.getloadavg()[0]:.1f}")
        rows = {}
        for name, text in texts.items():
            rows[name] = sorted(tuple(r.values()) for r in session.run(text, params))
            hits = db_hits(session.run("PROFILE " + text, params).consume().profile)
            print(f"{name}: {hits:,} db hits; rows {rows[name]}")
        assert len({tuple(r) for r in rows.values()}) == 1, "the trees count differently"
        seconds: dict[str, list[float]] = {name: [] for name in texts}
        for _ in range(args.repeat):
            for name, text in texts.items():
                t0 = time.perf_counter()
                session.run(text, params).consume()
                seconds[name].append(time.perf_counter() - t0)
    print(f"load {os.getloadavg()[0]:.1f}")
    for name, got in seconds.items():
        print(f"{name}: median {statistics.median(got) * 1000:.1f} ms "
              f"(min {min(got) * 1000:.1f}, max {max(got) * 1000:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
