"""Loading Neo4j: stratgraph against its peers, on the same server and the same graph.

Run:  python bench/bench_neo4j_load.py [--councils 240] [--rounds 2] [--only stratgraph]
                                       [--json OUT.json] [--yes] [--no-warm-up]
                                       [--baseline COMMIT]

The graph is ``bench/synthetic.py``'s ``synthetic_graph`` (about 430 nodes and 900
relationships per council: the default 240 councils give ~103,000 nodes and ~219,000
relationships). Each method loads it into an empty database (the schema of
``cypher/schema.cypher`` stays), in turn, ``--rounds`` times in a rotating order, and the best
time of each counts (the machine is shared: the best run is the one least disturbed):

- **stratgraph**: ``Neo4jStore.write(graph)`` as shipped, timed from the ``GraphData`` (the
  rows are built inside the timing).
- **py2neo bulk**: py2neo 2021.2.4's ``merge_nodes`` / ``merge_relationships`` in batches of
  5,000, one transaction each, run in its own virtual environment (``bench/.venv-py2neo``,
  created here on first use; py2neo is never a project dependency). Its rows are prepared
  before the clock starts.
- **LOAD CSV**: our own CSV export (``graph/export_csv.py``, written before the clock starts),
  read by the server with ``LOAD CSV ... CALL { MERGE ... } IN TRANSACTIONS OF 5000 ROWS``,
  one pass per label and per relationship type.

Every method warms up once first (a cold JVM runs the first big load up to 4x slower); before
each load everything stratgraph wrote is wiped (graph, per-document records, load markers,
write-time facts). stratgraph's time includes its write-time facts (graph/neo4j_facts.py),
which the peers do not compute; they are timed and shown beside it. With ``--baseline COMMIT`` (e.g. ``main``) the same write as shipped at that commit is a
method of its own in the same rotation (a before and after in one run, on the same server:
this machine's load moves too much between runs to compare two of them): the commit's tree
is exported with ``git archive`` and imported as ``stratgraph`` by a subprocess
(:func:`baseline_package`), which builds the same synthetic graph and times one write.
After the rounds, stratgraph reloads the graph over itself with ``replace_documents`` (what re-running a
build does). Prints a ratio table (seconds, rows/s, and each method's time over stratgraph's).
Without ``NEO4J_URI`` the test harness is started with a 4 GiB heap; with it, every
``:Stratgraph`` node there is deleted: give ``--yes`` to allow that.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from neo4j_server import Server, neo4j_server
from stratgraph.graph.data import GraphData
from stratgraph.graph.export_csv import write_csv_folder
from stratgraph.graph.model import Label, RelType
from stratgraph.graph.neo4j_store import Neo4jStore, node_row, relationship_row
from synthetic import synthetic_graph

BENCH = Path(__file__).resolve().parent
PY2NEO_VENV = BENCH / ".venv-py2neo"
PY2NEO = "py2neo==2021.2.4"
BATCH = 5000


#: Every label stratgraph writes: the graph, per-document records, load markers, write-time
#: facts. A wipe that left the last four made every later stratgraph load merge into stale
#: records and facts (the peers write none of them).
OWNED_LABELS = ("Stratgraph", "StratgraphPart", "StratgraphLoad", "StratgraphFact",
                "StratgraphFactsMeta")


def wipe(store: Neo4jStore) -> None:
    """Delete everything stratgraph wrote (in transactions of 10,000: the graph is big)."""
    with store._driver.session(database=store.database) as session:
        for label in OWNED_LABELS:
            session.run(
                f"MATCH (n:{label}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 10000 ROWS"
            ).consume()


class FactsClock:
    """Seconds ``Neo4jStore.write`` spends on its write-time facts (graph/neo4j_facts.py),
    shown beside the total: the peers compute none, so the table gives both."""

    def __init__(self) -> None:
        from stratgraph.graph import neo4j_facts

        self.seconds = 0.0
        for name in ("finish_write", "refresh_all"):
            setattr(neo4j_facts, name, self._timed(getattr(neo4j_facts, name)))

    def _timed(self, work: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if getattr(self, "_inside", False):  # finish_write may call refresh_all
                return work(*args, **kwargs)
            self._inside = True
            start = time.perf_counter()
            try:
                return work(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self._inside = False
        return timed


def baseline_package(commit: str, work: Path) -> Path:
    """A folder to put first on ``PYTHONPATH`` so that ``import stratgraph`` imports the tree of
    ``commit``: its files exported, and the root folders pyproject maps to subpackages
    (``"stratgraph.graph" = "graph"``) linked inside its ``stratgraph/``, as an install lays
    them out."""
    import tarfile
    import tomllib

    tree = work / "baseline-tree"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(BENCH.parent), "archive", commit],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    package = work / "baseline-package"
    (package / "stratgraph").mkdir(parents=True)
    mapping = tomllib.loads((tree / "pyproject.toml").read_text(encoding="utf-8"))
    for name, folder in mapping["tool"]["setuptools"]["package-dir"].items():
        parts = name.split(".")
        if len(parts) == 2:  # nested subpackages come with their parent folder
            (package / "stratgraph" / parts[1]).symlink_to(tree / folder)
    for item in (tree / "stratgraph").iterdir():
        (package / "stratgraph" / item.name).symlink_to(item)
    return package


def run_baseline(package: Path, server: Server, args: argparse.Namespace) -> tuple[float, float]:
    """(seconds, write-time facts' seconds) of one write by the baseline's ``Neo4jStore``
    into the emptied database, in a subprocess importing ``package``."""
    env = dict(os.environ, PYTHONPATH=str(package), NEO4J_URI=server.uri,
               NEO4J_USERNAME=server.user, NEO4J_PASSWORD=server.password or "")
    if server.database:
        env["NEO4J_DATABASE"] = server.database
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--write-once", "--councils",
         str(args.councils), "--themes", str(args.themes), "--actions", str(args.actions)],
        env=env, check=True, capture_output=True, text=True, cwd=package)
    timed = json.loads(out.stdout.strip().splitlines()[-1])
    return float(timed["seconds"]), float(timed["facts"])


def write_once(args: argparse.Namespace) -> int:
    """``--write-once``: build the graph, write it once (the caller emptied the database),
    print {"seconds", "facts"} as JSON; what ``run_baseline`` runs under the baseline."""
    graph = synthetic_graph(councils=args.councils, themes=args.themes, actions=args.actions)
    server_uri = os.environ["NEO4J_URI"]
    with Neo4jStore(server_uri, os.environ.get("NEO4J_USERNAME", "neo4j"),
                    os.environ.get("NEO4J_PASSWORD"),
                    database=os.environ.get("NEO4J_DATABASE") or None) as store:
        clock = FactsClock()
        seconds = timed_write(store, graph)
    print(json.dumps({"seconds": seconds, "facts": clock.seconds}), flush=True)
    return 0


def py2neo_python() -> Path:
    """The py2neo virtual environment's interpreter, created (and py2neo installed) once."""
    python = PY2NEO_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PY2NEO_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PY2NEO], check=True)
    return python


def py2neo_rows(graph: GraphData, path: Path) -> None:
    """The graph as py2neo's bulk functions take it, by label and by type."""
    nodes: dict[str, list[Any]] = defaultdict(list)
    for node in graph.sorted_nodes():
        nodes[node.label.value].append(node_row(node))
    rels: dict[str, list[Any]] = defaultdict(list)
    for rel in graph.sorted_relationships():
        row = relationship_row(rel)
        rels[rel.type.value].append([row["start"], row["props"], row["end"]])
    path.write_text(json.dumps({"nodes": sorted(nodes.items()),
                                "relationships": sorted(rels.items())}), encoding="utf-8")


_CONVERT = {"int": "toInteger({})", "long": "toInteger({})", "double": "toFloat({})",
            "float": "toFloat({})", "boolean": "toBoolean({})"}


def _value(header: str) -> tuple[str, str]:
    """(property name, Cypher expression reading it from ``row``) for one CSV header."""
    name, _, kind = header.partition(":")
    cell = f"row[{json.dumps(header)}]"
    if kind.endswith("[]"):
        item = _CONVERT.get(kind[:-2], "{}").format("v")
        return name, f"[v IN split({cell}, ';') | {item}]"
    return name, _CONVERT.get(kind, "{}").format(cell)


def load_csv_statements(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """LOAD CSV statements for our export, one per label and per relationship type."""
    statements = []
    nodes, rels = folder / "nodes.csv", folder / "relationships.csv"
    header = nodes.open(encoding="utf-8").readline().strip().split(",")
    props = ", ".join(f"`{n}`: {e}" for n, e in (_value(h) for h in header[2:]))
    for label in Label:
        statements.append((
            f"LOAD CSV WITH HEADERS FROM $url AS row WITH row WHERE row[':LABEL'] = $label "
            f"CALL (row) {{ MERGE (n:Stratgraph {{id: row['id:ID']}}) "
            f"SET n:`{label.value}`, n += {{{props}}} }} IN TRANSACTIONS OF {BATCH} ROWS",
            {"url": nodes.as_uri(), "label": f"Stratgraph;{label.value}"}))
    header = rels.open(encoding="utf-8").readline().strip().split(",")
    props = ", ".join(f"`{n}`: {e}" for n, e in (_value(h) for h in header[3:]))
    for rel_type in RelType:
        statements.append((
            f"LOAD CSV WITH HEADERS FROM $url AS row WITH row WHERE row[':TYPE'] = $type "
            f"CALL (row) {{ MATCH (a:Stratgraph {{id: row[':START_ID']}}) "
            f"MATCH (b:Stratgraph {{id: row[':END_ID']}}) "
            f"MERGE (a)-[r:`{rel_type.value}` {{id: row.id}}]->(b) SET r += {{{props}}} }} "
            f"IN TRANSACTIONS OF {BATCH} ROWS",
            {"url": rels.as_uri(), "type": rel_type.value}))
    return statements


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--councils", type=int, default=240)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", choices=["stratgraph"], help="time stratgraph alone")
    parser.add_argument("--single", action="store_true",
                        help="one stratgraph load into an empty database, no warm-up, no "
                             "peers, no reload (for the 1M-node figure)")
    parser.add_argument("--themes", type=int, default=6, help="themes per plan")
    parser.add_argument("--actions", type=int, default=6, help="actions per theme")
    parser.add_argument("--keep", action="store_true",
                        help="with --single: leave the loaded graph in the database (for the "
                             "query and explorer benchmarks that follow)")
    parser.add_argument("--heap", default="4g", help="the harness's Java heap")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="no warm-up loads (a NEO4J_URI server an earlier run warmed)")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument("--yes", action="store_true", help="allow wiping :Stratgraph at NEO4J_URI")
    parser.add_argument("--baseline", metavar="COMMIT",
                        help="also time Neo4jStore.write as at COMMIT (e.g. main), side by side")
    parser.add_argument("--write-once", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write_once:
        return write_once(args)

    t0 = time.perf_counter()
    graph = synthetic_graph(councils=args.councils, themes=args.themes, actions=args.actions)
    n, r = len(graph.nodes), len(graph.relationships)
    print(f"graph: {n:,} nodes + {r:,} relationships = {n + r:,} rows "
          f"(built in {time.perf_counter() - t0:.1f} s)", flush=True)
    with tempfile.TemporaryDirectory(prefix="stratgraph-bench-") as tmp:
        work = Path(tmp)
        os.chmod(work, 0o755)  # the server reads the CSV files
        methods: dict[str, Callable[[Server, Neo4jStore], float | tuple[float, float]]] = {}
        methods["stratgraph"] = lambda server, store: timed_write(store, graph)
        if not (args.only or args.single):
            write_csv_folder(graph, work)
            py2neo_rows(graph, work / "py2neo.json")
            python = py2neo_python()
            statements = load_csv_statements(work)
            methods["py2neo bulk"] = lambda server, store: run_py2neo(python, server, work)
            methods["LOAD CSV"] = lambda server, store: run_load_csv(store, statements)
        if args.baseline and not args.single:
            package = baseline_package(args.baseline, work)
            methods[f"stratgraph at {args.baseline}"] = (
                lambda server, store: run_baseline(package, server, args))
        with neo4j_server(heap=args.heap) as server:
            if server.external and not args.yes:
                print("NEO4J_URI is set: this deletes every :Stratgraph node there; rerun "
                      "with --yes", file=sys.stderr)
                return 2
            if args.single:
                return run_single(server, graph, keep=args.keep)
            return run(server, graph, methods, args)


def run_single(server: Server, graph: GraphData, *, keep: bool = False) -> int:
    """One load of ``graph`` into an empty database: seconds, rows/s, this process's peak RSS."""
    import resource

    load = os.getloadavg()
    rows = len(graph.nodes) + len(graph.relationships)
    with Neo4jStore(server.uri, server.user, server.password, database=server.database) as store:
        store.ensure_schema()
        wipe(store)
        seconds = timed_write(store, graph)
        assert store.counts() == (len(graph.nodes), len(graph.relationships))
        if not keep:
            wipe(store)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load average at start {load[0]:.1f}, at end {os.getloadavg()[0]:.1f} "
          f"(1-minute)", flush=True)
    print(f"one stratgraph load (first load of a fresh server: cold JVM): {seconds:.1f} s, "
          f"{rows / seconds:,.0f} rows/s; Python peak RSS {peak:,.0f} MB "
          "(graph included)", flush=True)
    return 0


def timed_write(store: Neo4jStore, graph: GraphData, docs: list[str] | None = None) -> float:
    start = time.perf_counter()
    store.write(graph, replace_documents=docs or ())
    return time.perf_counter() - start


def run_py2neo(python: Path, server: Server, work: Path) -> float:
    env = dict(os.environ, NEO4J_PASSWORD=server.password or "")
    out = subprocess.run(
        [str(python), str(BENCH / "py2neo_load.py"), str(work / "py2neo.json"), server.uri,
         server.user, str(BATCH)], env=env, check=True, capture_output=True, text=True)
    return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])


def run_load_csv(store: Neo4jStore, statements: list[tuple[str, dict[str, Any]]]) -> float:
    start = time.perf_counter()
    with store._driver.session(database=store.database) as session:
        for query, params in statements:
            session.run(query, params).consume()
    return time.perf_counter() - start


def run(server: Server, graph: GraphData,
        methods: dict[str, Callable[..., float | tuple[float, float]]],
        args: argparse.Namespace) -> int:
    rows = len(graph.nodes) + len(graph.relationships)
    docs = sorted({node.provenance.document for node in graph.nodes.values()})
    expected = (len(graph.nodes), len(graph.relationships))
    times: dict[str, list[float]] = defaultdict(list)
    facts_of: dict[str, list[float]] = defaultdict(list)
    facts = facts_of["stratgraph"]
    loads: list[float] = []
    clock = FactsClock()
    with Neo4jStore(server.uri, server.user, server.password, database=server.database) as store:
        store.ensure_schema()
        names = list(methods)
        # Every method warms up once (a cold JVM runs the first big load up to 4x slower,
        # and each method's statements are planned on first use).
        for name in names if args.warm_up else ():
            wipe(store)
            seconds = methods[name](server, store)
            if isinstance(seconds, tuple):  # the baseline's (seconds, facts' seconds)
                seconds = seconds[0]
            print(f"warm-up: {name}: {seconds:.1f} s", flush=True)
        # Rounds rotate the order (A B C, B C A, C A B): the machine is shared, and noise
        # that comes and goes then falls on every method alike.
        for round_ in range(args.rounds):
            order = names[round_ % len(names):] + names[:round_ % len(names)]
            for name in order:
                wipe(store)
                loads.append(os.getloadavg()[0])
                clock.seconds = 0.0
                seconds = methods[name](server, store)
                facts_seconds = clock.seconds
                if isinstance(seconds, tuple):  # the baseline's subprocess timed its facts
                    seconds, facts_seconds = seconds
                got = store.counts()
                assert got == expected, f"{name} stored {got}, expected {expected}"
                times[name].append(seconds)
                extra = ""
                if name.startswith("stratgraph"):
                    facts_of[name].append(facts_seconds)
                    extra = f" (write-time facts {facts_seconds:.1f} s of it)"
                print(f"round {round_ + 1}: {name}: {seconds:.1f} s{extra}; load average "
                      f"{loads[-1]:.1f}", flush=True)
        clock.seconds = 0.0
        reload = timed_write(store, graph, docs)
        reload_facts = clock.seconds
        assert store.counts() == expected, "reloading changed the counts"
        wipe(store)
    ours = min(times["stratgraph"])
    graph_only = [t - f for t, f in zip(times["stratgraph"], facts)]
    print(f"\n{len(graph.nodes):,} nodes + {len(graph.relationships):,} relationships, "
          f"{args.rounds} rounds, load average {min(loads):.1f} to {max(loads):.1f}:\n")
    print("| method | " + " | ".join(f"round {i + 1}" for i in range(args.rounds))
          + " | best s | rows/s | best / stratgraph's best |")
    print("|---|" + "---:|" * (args.rounds + 3))
    table = dict(times)
    table["stratgraph, graph only (write-time facts left out)"] = graph_only
    for name, series in facts_of.items():
        if name != "stratgraph":
            table[f"{name}, graph only"] = [t - f for t, f in zip(times[name], series)]
    for name, series in sorted(table.items(), key=lambda kv: min(kv[1])):
        best = min(series)
        cells = " | ".join(f"{t:.1f}" for t in series)
        print(f"| {name} | {cells} | {best:.1f} | {rows / best:,.0f} | {best / ours:.2f}x |")
    for name, series in facts_of.items():
        print(f"\n{name}'s write-time facts per round: " + ", ".join(f"{f:.1f}" for f in series)
              + " s (inside its times above; the peers compute none)")
    print(f"stratgraph reload over itself with replace_documents (a rebuild of every plan): "
          f"{reload:.1f} s, of which write-time facts {reload_facts:.1f} s")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "times": times, "facts": facts,
                                         "facts_of": facts_of,
                                         "loads": loads, "reload": reload,
                                         "reload_facts": reload_facts}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
