"""Builds that share one Neo4j database at the same time lose nothing (issue #15).

Two real processes write plans that name the same strategies and partnerships, at once. What
the database holds afterwards must be what the same writes give one after the other (the
embedded store's result), whichever way they interleave: merges of shared nodes happen inside
the database, in one statement, never read into Python and written back.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from concurrent_writer import PARTNERSHIPS, STRATEGIES, document, plan
from neo4j_fixtures import Neo4jServer
from test_store_conformance import assert_same

from stratgraph.graph.data import GraphData, strip_documents
from stratgraph.graph.model import Label, RelType

pytestmark = pytest.mark.neo4j

HERE = Path(__file__).resolve().parent
PLANS_PER_WRITER = 8


def expected(plans: range) -> GraphData:
    """The graph the writes give one after the other (what the embedded store computes)."""
    graph = GraphData()
    for i in plans:
        graph = strip_documents(graph, [document(i)])
        graph.update(plan(i))
    return graph


def run_writers(server: Neo4jServer, tmp_path: Path, ranges: list[tuple[int, int]]) -> None:
    """Start one process per range, release them together, wait for all."""
    go = tmp_path / "go"
    env = dict(os.environ, NEO4J_URI=server.uri, NEO4J_PASSWORD=server.password or "",
               PYTHONPATH=str(HERE))
    procs = [
        subprocess.Popen([sys.executable, str(HERE / "concurrent_writer.py"), str(go),
                          str(first), str(last)], env=env, stderr=subprocess.PIPE, text=True)
        for first, last in ranges
    ]
    # Each process connects and builds its graphs first; then both start writing at once.
    import time

    time.sleep(3)
    go.touch()
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-2000:]


def test_two_concurrent_builds_lose_no_document(neo4j_server: Neo4jServer, tmp_path: Path) -> None:
    neo4j_server.wipe()
    n = PLANS_PER_WRITER
    run_writers(neo4j_server, tmp_path, [(0, n), (n, 2 * n)])
    with neo4j_server.open_store() as store:
        stored = store.read()
        # The write-time facts each build refreshed for its own plans agree with the live
        # answers over everything both wrote (graph/neo4j_facts.py).
        from test_neo4j_facts import assert_facts_agree

        assert_facts_agree(store)
    want = expected(range(2 * n))
    every = sorted(document(i) for i in range(2 * n))
    for node in stored.nodes.values():
        if node.label in (Label.STRATEGY, Label.PARTNERSHIP):
            assert node.properties["documents"] == every, node.name
            assert len(node.properties["mentions"]) == 2 * n, node.name
    assert_same(stored, want)


def test_rebuilding_one_plan_keeps_what_the_other_stated(
    neo4j_server: Neo4jServer, tmp_path: Path
) -> None:
    """After concurrent builds, rebuilding a plan that no longer states the shared links
    (partnership OWNS strategy) keeps the links another plan stated."""
    neo4j_server.wipe()
    n = PLANS_PER_WRITER
    run_writers(neo4j_server, tmp_path, [(0, n), (n, 2 * n)])
    want = expected(range(2 * n))
    with neo4j_server.open_store() as store:
        for i in range(1, 2 * n):  # every plan but the first, which states them first
            store.write(plan(i, shared_links=False), replace_documents=[document(i)])
            want = strip_documents(want, [document(i)])
            want.update(plan(i, shared_links=False))
        stored = store.read()
    owns = [r for r in stored.relationships.values() if r.type is RelType.OWNS
            and r.start in stored.nodes and stored.nodes[r.start].label is Label.PARTNERSHIP]
    assert len(owns) == len(PARTNERSHIPS) * len(STRATEGIES)
    assert {r.provenance.document for r in owns} == {document(0)}
    assert_same(stored, want)


def test_a_load_cut_off_is_reported_by_the_next_command(
    neo4j_server: Neo4jServer, tmp_path: Path
) -> None:
    """A batched load killed part-way (the process, not an exception) leaves its mark; the next
    command says so in one line and still works; a complete rerun clears the mark."""
    from typer.testing import CliRunner

    from stratgraph.cli.main import app

    neo4j_server.wipe()
    script = tmp_path / "slow_load.py"
    script.write_text(
        "import os, sys, time\n"
        "sys.path.insert(0, os.environ['TESTS'])\n"
        "from concurrent_writer import plan\n"
        "import stratgraph.graph.neo4j_store as m\n"
        "from stratgraph.graph.data import GraphData\n"
        "real = m._run_statements\n"
        "def slow(*a):\n"
        "    n = real(*a)\n"
        "    print('batch', flush=True)\n"
        "    time.sleep(60)\n"
        "    return n\n"
        "m._run_statements = slow\n"
        "g = GraphData.combine([plan(0), plan(1)])\n"
        "s = m.Neo4jStore(os.environ['NEO4J_URI'], 'neo4j', os.environ['NEO4J_PASSWORD'],"
        " batch_size=10, transaction_rows=20)\n"
        "s.write(g)\n",
        encoding="utf-8",
    )
    env = dict(os.environ, NEO4J_URI=neo4j_server.uri, NEO4J_PASSWORD=neo4j_server.password or "",
               TESTS=str(HERE))
    proc = subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "batch"
    finally:
        proc.kill()  # cut off mid-way: no exception handler, no cleanup runs
        proc.wait()
    options = ["--store", "neo4j", "--uri", neo4j_server.uri, "--user", neo4j_server.user]
    if neo4j_server.password:
        options += ["--password", neo4j_server.password]
    for command in (["stats"], ["query", "orphan-actions"]):
        result = CliRunner().invoke(app, [*command, *options])
        assert result.exit_code == 0, result.output
        warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("warning:")]
        assert len(warnings) == 1, result.stderr
        assert "has not finished" in warnings[0] and document(0) in warnings[0]
    with neo4j_server.open_store() as store:
        store.write(GraphData.combine([plan(0), plan(1)]))
        assert store.unfinished_load() is None
    result = CliRunner().invoke(app, ["stats", *options])
    assert result.exit_code == 0 and "warning:" not in result.stderr
