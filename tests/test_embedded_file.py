"""The embedded graph file shared by a team: concurrent builds, permissions, symlinks, kills,
old JSON files and hostile files (issue #15), and one-plan queries that load one plan (#17)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.errors import StoreError
from stratgraph.graph.embedded import PLAN_SCOPED_QUERIES, EmbeddedStore
from stratgraph.graph.model import document_name
from stratgraph.graph.queries import QUERIES, get_query, prepare_params
from stratgraph.graph.queries_view import View
from stratgraph.graph.serialize import graph_to_dict
from test_model import small_graph

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

PLANS = Path(__file__).parent / "plans"
STRATGRAPH = Path(sys.executable).with_name("stratgraph")


def _plans() -> list[Path]:
    return sorted(p for p in PLANS.iterdir() if p.is_file() and not p.name.startswith("."))


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(STRATGRAPH), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def _documents(path: Path) -> set[str]:
    # Documents by file name (a record's document is ``name#<content id>``).
    return {document_name(n.provenance.document)
            for n in EmbeddedStore(path).read().nodes.values() if n.label.value == "Plan"}


# -- two builds at once ----------------------------------------------------------------


def test_two_builds_at_once_keep_both_plans(tmp_path: Path) -> None:
    first, second = _plans()[:2]
    for round_ in range(3):
        graph = tmp_path / f"g{round_}.json"
        procs = [
            subprocess.Popen([str(STRATGRAPH), "build", str(plan), "--graph", str(graph)],
                             cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
            for plan in (first, second)
        ]
        for proc in procs:
            _out, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, err
        assert _documents(graph) == {first.name, second.name}


def test_a_write_waits_for_another_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    EmbeddedStore(path).write(small_graph("a.txt"))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another build, mid-write
    notes: list[str] = []
    store = EmbeddedStore(path, lock_timeout=0.5, notify=notes.append)
    start = time.monotonic()
    with pytest.raises(StoreError, match="another build kept the graph file locked"):
        store.write(small_graph("b.txt"))
    assert time.monotonic() - start >= 0.4
    assert len(notes) == 1 and notes[0].startswith("waiting for another build")
    holder.execute("ROLLBACK")
    store.write(small_graph("b.txt"))
    assert {n.provenance.document for n in store.read().nodes.values()} == {"a.txt", "b.txt"}


# -- the file itself ------------------------------------------------------------------


def test_a_build_keeps_the_files_permissions(tmp_path: Path) -> None:
    plan = _plans()[0]
    graph = tmp_path / "g.json"
    assert _run("build", str(plan), "--graph", str(graph), cwd=tmp_path).returncode == 0
    os.chmod(graph, 0o664)  # shared with the team's group
    assert _run("build", str(plan), "--graph", str(graph), cwd=tmp_path).returncode == 0
    assert graph.stat().st_mode & 0o777 == 0o664


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        EmbeddedStore(tmp_path / "g.json").write(small_graph())
    finally:
        os.umask(old)
    assert (tmp_path / "g.json").stat().st_mode & 0o777 == 0o664


def test_a_symlinked_graph_updates_its_target(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "graph.json"
    target.parent.mkdir()
    EmbeddedStore(target).write(small_graph("a.txt"))
    link = tmp_path / "g.json"
    link.symlink_to(target)
    plan = _plans()[0]
    result = _run("build", str(plan), "--graph", str(link), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert _documents(target) >= {"a.txt", plan.name}


def test_export_onto_the_graph_file_is_refused(tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    EmbeddedStore(graph).write(small_graph())
    before = graph.read_bytes()
    result = CliRunner().invoke(app, ["export", "-o", str(graph), "--graph", str(graph),
                                      "--format", "json"])
    assert result.exit_code == 1
    assert "graph file" in result.output
    assert graph.read_bytes() == before


def test_a_killed_build_leaves_the_previous_graph_and_no_temp_files(tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    EmbeddedStore(graph).write(small_graph("a.txt"))
    before = EmbeddedStore(graph).read()
    script = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "import synthetic;"
        "from stratgraph.graph.embedded import EmbeddedStore;"
        "g = synthetic.synthetic_graph(councils=6);"
        "print('writing', flush=True);"
        "EmbeddedStore(sys.argv[1]).write(g)"
    )
    bench = str(Path(__file__).resolve().parents[1] / "bench")
    proc = subprocess.Popen([sys.executable, "-c", script, str(graph), bench],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = {p.name: p.stat().st_size for p in tmp_path.iterdir()}
    after = EmbeddedStore(graph).read()
    assert after == before or len(after.nodes) > 1000, left  # never half a write
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"], (left, {p.name: p.stat().st_size for p in tmp_path.iterdir()})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]


def test_a_write_waits_for_another_process_reading_before_it_commits(tmp_path: Path) -> None:
    """A build's COMMIT must wait while another process reads the file (it failed at once as
    "damaged (database is locked)" when the lock was taken without waiting, found by two
    real builds at once in CI)."""
    import threading

    graph = tmp_path / "g.db"
    store = EmbeddedStore(graph)
    store.write(small_graph("a.txt"))
    reader = sqlite3.connect(graph, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM nodes").fetchone()  # holds a shared lock
    ended = threading.Timer(0.5, lambda: reader.execute("COMMIT"))
    ended.start()
    try:
        store.write(small_graph("b.txt"))
    finally:
        ended.join()
        reader.close()
    assert {n.provenance.document for n in EmbeddedStore(graph).read().nodes.values()} >= \
        {"a.txt", "b.txt"}


# -- files from earlier versions, and hostile files --------------------------------------


def test_a_json_graph_file_is_converted_once_and_keeps_working(tmp_path: Path) -> None:
    graph = tmp_path / "graph.json"
    graph.write_text(json.dumps(graph_to_dict(small_graph())), encoding="utf-8")
    os.chmod(graph, 0o640)
    notes: list[str] = []
    store = EmbeddedStore(graph, notify=notes.append)
    assert store.read() == small_graph()
    assert len(notes) == 1 and "converted the JSON graph file" in notes[0]
    assert graph.stat().st_mode & 0o777 == 0o640
    assert json.loads((tmp_path / "graph.json.bak").read_text())["format"] == "stratgraph-graph"
    EmbeddedStore(graph, notify=notes.append).read()
    assert len(notes) == 1
    result = CliRunner().invoke(app, ["stats", "--json", "--graph", str(graph)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["nodes"] == len(small_graph().nodes)


def _hostile(kind: str) -> str:
    good = graph_to_dict(small_graph())
    text = json.dumps(good)
    if kind == "deep nesting":
        good["nodes"][0]["properties"]["x"] = json.loads("[" * 50 + "]" * 50)
        return json.dumps(good)
    if kind == "deeper than the parser":
        return text.replace('"properties": {', '"properties": {"x": ' + "[" * 100_000 + "]" * 100_000 + ",", 1)
    if kind == "huge number":
        return text.replace('"source_line": 1', '"source_line": 1' + "0" * 5000, 1)
    if kind == "wrong type":
        good["nodes"][0]["source_line"] = "twelve"
        return json.dumps(good)
    if kind == "list for a record":
        good["nodes"][0] = ["not", "a", "node"]
        return json.dumps(good)
    if kind == "NaN":
        good["relationships"][0]["confidence"] = float("nan")
        return json.dumps(good)
    if kind == "lone surrogate":
        return text.replace('"name": "', '"name": "\\ud800', 1)
    if kind == "truncated":
        return text[: len(text) // 2]
    raise AssertionError(kind)


HOSTILE = ["deep nesting", "deeper than the parser", "huge number", "wrong type",
           "list for a record", "NaN", "lone surrogate", "truncated"]


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_graph_file_gives_one_line_naming_it(tmp_path: Path, kind: str) -> None:
    graph = tmp_path / "graph.json"
    graph.write_text(_hostile(kind), encoding="utf-8")
    for command in (["stats"], ["query", "orphan-actions", "-f", "json"],
                    ["export", "-o", str(tmp_path / "out.json"), "--format", "json"]):
        result = subprocess.run([str(STRATGRAPH), *command, "--graph", str(graph)],
                                cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, (kind, command, result.stdout[-500:])
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(graph) in lines[0], (kind, result.stderr[-800:])
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_a_damaged_database_file_gives_one_line(tmp_path: Path) -> None:
    graph = tmp_path / "graph.json"
    EmbeddedStore(graph).write(small_graph())
    data = bytearray(graph.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    graph.write_bytes(bytes(data))
    result = CliRunner().invoke(app, ["stats", "--graph", str(graph)])
    assert result.exit_code == 1
    assert str(graph) in result.output and "Traceback" not in result.output


def test_another_programs_database_is_not_a_graph(tmp_path: Path) -> None:
    graph = tmp_path / "graph.json"
    con = sqlite3.connect(graph)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a stratgraph graph"):
        EmbeddedStore(graph)


# -- one-plan queries load one plan's part ---------------------------------------------------


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    import synthetic

    path = tmp_path_factory.mktemp("synthetic") / "graph.json"
    store = EmbeddedStore(path)
    store.write(synthetic.synthetic_graph(councils=4))
    return store


def test_one_plan_queries_give_the_whole_graphs_rows(synthetic_store: EmbeddedStore) -> None:
    store = EmbeddedStore(synthetic_store.path)
    whole = store.networkx
    plans = sorted(n for n, d in whole.nodes(data=True) if d["label"] == "Plan")
    assert len(plans) >= 10
    for name in sorted(PLAN_SCOPED_QUERIES):
        spec = get_query(name)
        for plan in plans:
            params = prepare_params(name, {"plan": plan})
            part = EmbeddedStore(synthetic_store.path).query_graph(name, params)
            assert part.number_of_nodes() < whole.number_of_nodes() / 2
            expected = spec.embedded(View(whole, 0.0), params)
            got = spec.embedded(View(part, 0.0), params)
            assert got == expected, (name, plan)
    assert set(PLAN_SCOPED_QUERIES) <= set(QUERIES)


def test_one_plan_queries_on_the_example_plans(tmp_path: Path) -> None:
    graph = tmp_path / "g.json"
    result = _run("build", *map(str, _plans()), "--graph", str(graph), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    whole = EmbeddedStore(graph).networkx
    plans = sorted(n for n, d in whole.nodes(data=True) if d["label"] == "Plan")
    for name in sorted(PLAN_SCOPED_QUERIES):
        spec = get_query(name)
        for plan in plans:
            params = prepare_params(name, {"plan": plan})
            part = EmbeddedStore(graph).query_graph(name, params)
            assert spec.embedded(View(part, 0.0), params) == spec.embedded(View(whole, 0.0), params)


def test_stats_counts_from_the_tables_as_from_the_records(synthetic_store: EmbeddedStore) -> None:
    from stratgraph.graph.summary import summarise

    store = EmbeddedStore(synthetic_store.path)
    assert store.summary() == summarise(store.read())


def test_two_commands_on_an_old_json_file_convert_it_once(tmp_path: Path) -> None:
    import synthetic

    graph = tmp_path / "graph.json"
    graph.write_text(json.dumps(graph_to_dict(synthetic.synthetic_graph(councils=1))),
                     encoding="utf-8")
    procs = [subprocess.Popen([str(STRATGRAPH), "stats", "--json", "--graph", str(graph)],
                              cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert sum(err.count("converted the JSON graph file") for _, err in outs) == 1
    assert json.loads(outs[0][0])["nodes"] == json.loads(outs[1][0])["nodes"] > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.json", "graph.json.bak"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_nan_is_never_written_into_a_json_export(tmp_path: Path, fmt: str) -> None:
    from dataclasses import replace

    from stratgraph.errors import ExportError
    from stratgraph.graph.data import GraphData
    from stratgraph.graph.export import export

    graph = small_graph()
    node = next(iter(graph.nodes.values()))
    odd = GraphData(dict(graph.nodes), dict(graph.relationships))
    odd.nodes[node.id] = replace(node, properties={**node.properties, "score": float("nan")})
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(ExportError, match="NaN"):
        export(odd, fmt, out)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


# -- whole-graph answers saved until the next write ------------------------------------------


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The queries the embedded store computes from here on (not served from a saved answer)."""
    from stratgraph.graph import queries

    calls: list[str] = []
    real = queries.run_embedded

    def counted(store: EmbeddedStore, name: str, params: dict) -> list:
        calls.append(name)
        return real(store, name, params)

    monkeypatch.setattr(queries, "run_embedded", counted)
    return calls


def test_a_whole_graph_answer_is_computed_once_per_write(
    synthetic_store: EmbeddedStore, computed: list[str]
) -> None:
    from stratgraph.graph.queries import query_summary, run_query, stream_query

    path = synthetic_store.path
    first = run_query(EmbeddedStore(path), "orphan-actions")
    calls = computed
    calls.clear()
    # Another command, later: the saved answer, its summary and its pages, not recomputed.
    again = EmbeddedStore(path)
    assert run_query(again, "orphan-actions") == first
    assert list(stream_query(EmbeddedStore(path), "orphan-actions", offset=7, limit=5)) == first[7:12]
    assert sum(r["rows"] for r in query_summary(EmbeddedStore(path), "orphan-actions")) == len(first)
    assert calls == []
    # A write (here: the same graph, by another store) makes it stale.
    writer = EmbeddedStore(path)
    writer.write(writer.read())
    assert run_query(EmbeddedStore(path), "orphan-actions") == first
    assert calls == ["orphan-actions"]


def test_an_answer_saved_by_an_earlier_definition_of_the_query_is_not_served(
    synthetic_store: EmbeddedStore, computed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # After an upgrade that changes what a query reads (plan-evolution's evidence with an
    # organisation, say), the file's saved answer was made by the old definition.
    from stratgraph.graph import queries
    from stratgraph.graph.queries import run_query

    path = synthetic_store.path
    first = run_query(EmbeddedStore(path), "orphan-actions")
    calls, real_text = computed, queries.cypher_text
    calls.clear()
    assert run_query(EmbeddedStore(path), "orphan-actions") == first and calls == []
    monkeypatch.setattr(queries, "cypher_text", lambda name: real_text(name) + "\n// changed")
    assert run_query(EmbeddedStore(path), "orphan-actions") == first
    assert calls == ["orphan-actions"]


def test_a_query_during_a_build_answers_without_waiting(tmp_path: Path) -> None:
    import synthetic

    path = tmp_path / "graph.json"
    EmbeddedStore(path).write(synthetic.synthetic_graph(councils=1))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a build, mid-write
    try:
        start = time.monotonic()
        rows = EmbeddedStore(path, lock_timeout=30).run_query("orphan-actions", {})
        assert rows and time.monotonic() - start < 20
    finally:
        holder.execute("ROLLBACK")
    assert EmbeddedStore(path).run_query("orphan-actions", {}) == rows


def test_saved_answers_equal_fresh_ones_for_every_query(synthetic_store: EmbeddedStore) -> None:
    from stratgraph.graph.queries import QUERIES, run_embedded

    path = synthetic_store.path
    for name in sorted(QUERIES):
        takes = {p.name for p in QUERIES[name].params}
        # deadlines reads no inferred link, so it takes no min_confidence.
        for params in ({}, *([{"min_confidence": 0.9}] if "min_confidence" in takes else [])):
            fresh = EmbeddedStore(path)
            computed = fresh.run_query(name, params)
            saved = EmbeddedStore(path).run_query(name, params)  # read back from the file
            assert saved == computed == run_embedded(EmbeddedStore(path), name, params), name


def test_the_earlier_default_json_graph_becomes_the_default_sqlite_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A user's graph from before the SQLite store sits at .stratgraph/graph.json; the default
    # is now .stratgraph/graph.db. Their first command moves it there and converts it, once.
    from stratgraph.config import DEFAULT_GRAPH_FILE, LEGACY_GRAPH_FILE

    monkeypatch.chdir(tmp_path)
    LEGACY_GRAPH_FILE.parent.mkdir()
    LEGACY_GRAPH_FILE.write_text(json.dumps(graph_to_dict(small_graph())), encoding="utf-8")
    result = CliRunner().invoke(app, ["stats", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["nodes"] == len(small_graph().nodes)
    assert not LEGACY_GRAPH_FILE.exists() and DEFAULT_GRAPH_FILE.is_file()
    with sqlite3.connect(DEFAULT_GRAPH_FILE) as con:
        assert con.execute("SELECT count(*) FROM nodes").fetchone()[0] == len(small_graph().nodes)


def test_a_conversion_killed_midway_leaves_nothing_to_trip_on(tmp_path: Path) -> None:
    """A JSON graph's conversion killed while writing its database: the next command converts
    it again in full and no half-written ``.converting`` file (or its journal) stays behind."""
    import synthetic

    graph = tmp_path / "g.json"
    expected = synthetic.synthetic_graph(councils=6)
    graph.write_text(json.dumps(graph_to_dict(expected)), encoding="utf-8")
    proc = subprocess.Popen([str(STRATGRAPH), "stats", "--json", "--graph", str(graph)],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".g.json.*.converting")):
        assert proc.poll() is None, "the conversion finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert list(tmp_path.glob(".g.json.*.converting*")), "nothing was left to clean up"
    assert graph.read_bytes()[:1] == b"{", "the JSON graph was replaced by a half conversion"

    result = _run("stats", "--json", "--graph", str(graph), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["nodes"] == len(expected.nodes)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json", "g.json.bak"]
