"""What warms the "what changed" statement on Neo4j: nothing, ``EXPLAIN``, a run whose values
match nothing, or a run with rows; then the first run with rows for three organisations (the
graph at ``NEO4J_URI``). Each try renames the page-limit parameter, so its text is new to the
database (nothing cached), as on a fresh server.

Run:  set -a; . /tmp/warm7/server.env; set +a
      python bench/bench_warm_kind.py --repeat 3
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    import neo4j

    from stratgraph.graph.neo4j_warm import explorer_statements

    driver = neo4j.GraphDatabase.driver(
        os.environ["NEO4J_URI"], notifications_min_severity="OFF",
        auth=(os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ["NEO4J_PASSWORD"]))
    with driver, driver.session() as session:
        orgs = [r["o"] for r in session.run(
            "MATCH (p:Stratgraph:Plan) WHERE p.organisation IS NOT NULL "
            "RETURN DISTINCT p.organisation AS o ORDER BY o LIMIT 4")]
        [evolution] = [s for s in explorer_statements("", "-", expand_limit=201, query_rows=1001)
                       if s.name == "what changed"]
        for _ in range(args.repeat):
            for kind in ("nothing", "EXPLAIN", "run matching nothing", "run with rows"):
                name = f"page_limit_{secrets.token_hex(4)}"
                text = evolution.text.replace("$page_limit", "$" + name)
                params = {**{k: v for k, v in evolution.params.items() if k != "page_limit"},
                          name: 1001}
                t0 = time.perf_counter()
                if kind == "EXPLAIN":
                    session.run("EXPLAIN " + text, params).consume()
                elif kind == "run matching nothing":
                    session.run(text, params).consume()
                elif kind == "run with rows":
                    session.run(text, dict(params, organisation=orgs[0])).consume()
                warmed = time.perf_counter() - t0
                firsts = []
                for org in orgs[1:]:
                    t0 = time.perf_counter()
                    session.run(text, dict(params, organisation=org)).consume()
                    firsts.append(time.perf_counter() - t0)
                print(f"{kind:>22}: warm-up {warmed:.3f} s; then first runs "
                      + ", ".join(f"{t:.3f}" for t in firsts)
                      + f" s; load {os.getloadavg()[0]:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
