"""Exports and selections: every format read back by the tool it is for gives the same graph.

The sample graph has every label and relationship type, every property type (text, whole
numbers, decimals, booleans, lists) and hostile names: quotes, backticks, a Cypher injection,
markup, line breaks, control characters and non-Latin text.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.errors import ExportError, QueryError
from stratgraph.graph.data import GraphData
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.export import FORMATS, export, jsonl_records
from stratgraph.graph.export_cypher import cypher_literal, cypher_string
from stratgraph.graph.model import (
    Label,
    Method,
    Node,
    Provenance,
    Relationship,
    RelType,
    node_id,
)
from stratgraph.graph.select import Selection, query_node_ids, select

runner = CliRunner()

HOSTILE = {
    "quote": "O'Brien's \"quoted\" plan",
    "backtick": "back`tick`` and \\ backslash \\'",
    "injection": "x'}) DETACH DELETE n //",
    "injection2": 'x"}) MATCH (m) DETACH DELETE m RETURN 1 //',
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "lines": "line one\nline two\r\n\ttabbed",
    "unicode": "caf\u00e9 \u2013 \u6771\u4eac \u2013 \U0001f680 \u2028 \u2029 end",
    "control": "form\x0cfeed and bell\x07",
}

DOC_A = "plan-a.txt"
DOC_B = "plan-b.txt"


def _node(label: Label, name: str, doc: str, line: int, **props: Any) -> Node:
    return Node(node_id(label, doc, name), label, name, Provenance(doc, line), props)


def _rel(t: RelType, a: Node, b: Node, line: int, method: Method = Method.STATED,
         confidence: float = 1.0, **props: Any) -> Relationship:
    return Relationship(t, a.id, b.id, Provenance(a.provenance.document, line), method,
                        confidence, props)


def sample_graph() -> GraphData:
    """Two plans with every label and relationship type and hostile names."""
    org = _node(Label.ORGANISATION, "Wexshire <County> Council", DOC_A, 1)
    plan_a = _node(Label.PLAN, "Plan A: " + HOSTILE["quote"], DOC_A, 1,
                   organisation="Wexshire", start_year=2020, end_year=2024, kind="strategic")
    plan_b = _node(Label.PLAN, "Plan B", DOC_B, 1, start_year=2024)
    theme = _node(Label.THEME, "Getting about " + HOSTILE["script"], DOC_A, 5, plan_id=plan_a.id)
    theme2 = _node(Label.THEME, HOSTILE["unicode"], DOC_A, 40, plan_id=plan_a.id)
    theme_b = _node(Label.THEME, "Getting about " + HOSTILE["script"], DOC_B, 5,
                    plan_id=plan_b.id)
    outcome = _node(Label.OUTCOME, HOSTILE["injection"], DOC_A, 7, level="theme",
                    plan_id=plan_a.id)
    action = _node(Label.ACTION, HOSTILE["img"], DOC_A, 9, deadline="March 2025",
                   plan_id=plan_a.id)
    orphan = _node(Label.ACTION, HOSTILE["lines"], DOC_A, 11, plan_id=plan_a.id)
    orphan_b = _node(Label.ACTION, "Plan B action", DOC_B, 9, plan_id=plan_b.id)
    measure = _node(Label.MEASURE, HOSTILE["backtick"], DOC_A, 13, target="95%",
                    baseline=87.5, on_track=True, indicator_code="NI 93", plan_id=plan_a.id)
    strategy = _node(Label.STRATEGY, HOSTILE["injection2"], DOC_A, 20, kind="document",
                     aliases=["Local Plan", "LTP; 4", HOSTILE["script"]],
                     documents=[DOC_A, DOC_B], mentions=[f"{DOC_A}:20", f"{DOC_B}:30"])
    partnership = _node(Label.PARTNERSHIP, "Health & Wellbeing Board", DOC_A, 22,
                        documents=[DOC_A])
    lead = _node(Label.CABINET_LEAD, "Cllr " + HOSTILE["control"], DOC_A, 3,
                 role="Deputy Leader", portfolio="Transport", documents=[DOC_A])
    nodes = [org, plan_a, plan_b, theme, theme2, theme_b, outcome, action, orphan, orphan_b,
             measure, strategy, partnership, lead]
    rels = [
        _rel(RelType.PUBLISHED_BY, plan_a, org, 1),
        _rel(RelType.PART_OF, theme, plan_a, 5),
        _rel(RelType.PART_OF, theme2, plan_a, 40),
        _rel(RelType.PART_OF, theme_b, plan_b, 5),
        _rel(RelType.PART_OF, outcome, theme, 7),
        _rel(RelType.PART_OF, action, theme, 9),
        _rel(RelType.PART_OF, orphan, theme2, 11),
        _rel(RelType.PART_OF, orphan_b, theme_b, 9),
        _rel(RelType.PART_OF, measure, theme, 13),
        _rel(RelType.SUPPORTS, action, outcome, 9),
        _rel(RelType.MEASURED_BY, outcome, measure, 13, Method.INFERRED, 0.734567),
        _rel(RelType.REFERENCES, action, strategy, 9),
        _rel(RelType.REFERENCES, orphan_b, strategy, 9),
        _rel(RelType.OWNS, lead, theme, 3, Method.CURATED),
        # Stated by both plans: the relationship lists them as a shared node does.
        _rel(RelType.OWNS, partnership, strategy, 22, documents=[DOC_A, DOC_B],
             mentions=[f"{DOC_A}:22", f"{DOC_B}:8"]),
        _rel(RelType.DEPENDS_ON, theme2, theme, 40, evidence="see " + HOSTILE["lines"]),
        _rel(RelType.INVOLVES, action, partnership, 9),
    ]
    return GraphData.of(nodes, rels)


def ids(graph: GraphData) -> dict[str, str]:
    """Node name -> id, for readable assertions."""
    return {n.name: n.id for n in graph.nodes.values()}


# ---- networkx formats: JSON, GraphML, GEXF ----------------------------------------------

def expected_nodes(graph: GraphData, *, flat: bool) -> dict[str, dict[str, Any]]:
    out = {}
    for n in graph.nodes.values():
        attrs = {**n.as_properties(), "type": n.label.value, "label": n.name}
        out[n.id] = {k: _flat(v) if flat else v for k, v in attrs.items()}
    return out


def expected_edges(graph: GraphData, *, flat: bool) -> dict[str, dict[str, Any]]:
    out = {}
    for r in graph.relationships.values():
        attrs = {**r.as_properties(), "type": r.type.value, "label": r.type.value}
        out[r.id] = {k: _flat(v) if flat else v for k, v in attrs.items()}
    return out


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", value)
    return value


def read_back(g: Any) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    nodes = {n: {**attrs, "id": n} for n, attrs in g.nodes(data=True)}
    if g.is_multigraph():
        edges = {attrs["id"]: {**attrs, "_ends": (u, v)} for u, v, attrs in g.edges(data=True)}
    else:
        edges = {attrs["id"]: {**attrs, "_ends": (u, v)} for u, v, attrs in g.edges(data=True)}
    return nodes, edges


def check_ends(graph: GraphData, edges: dict[str, dict[str, Any]]) -> None:
    for rel_id, attrs in edges.items():
        rel = graph.relationships[rel_id]
        assert attrs.pop("_ends") == (rel.start, rel.end)


def test_json_round_trips_through_networkx(tmp_path: Path) -> None:
    import networkx as nx

    graph = sample_graph()
    out = export(graph, "json", tmp_path / "g.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    # D3's force layout needs exactly this: nodes with ids, links with source and target ids.
    assert {"nodes", "edges"} <= data.keys()
    assert all({"source", "target"} <= e.keys() for e in data["edges"])
    g = nx.node_link_graph(data, edges="edges")
    assert isinstance(g, nx.MultiDiGraph)
    nodes, edges = read_back(g)
    check_ends(graph, edges)
    for attrs in edges.values():
        attrs.pop("key", None)
    assert nodes == expected_nodes(graph, flat=False)
    assert edges == expected_edges(graph, flat=False)


def test_graphml_round_trips_with_typed_attributes(tmp_path: Path) -> None:
    import networkx as nx

    graph = sample_graph()
    out = export(graph, "graphml", tmp_path / "g.graphml")
    text = out.read_text(encoding="utf-8")
    assert 'attr.name="source_line" attr.type="long"' in text
    assert 'attr.name="confidence" attr.type="double"' in text
    assert 'attr.name="on_track" attr.type="boolean"' in text
    g = nx.read_graphml(out, force_multigraph=True)
    nodes, edges = read_back(g)
    check_ends(graph, edges)
    assert nodes == expected_nodes(graph, flat=True)
    assert edges == expected_edges(graph, flat=True)
    strategy = nodes[ids(graph)[HOSTILE["injection2"]]]
    assert json.loads(strategy["aliases"]) == ["Local Plan", "LTP; 4", HOSTILE["script"]]


def test_gexf_round_trips_for_gephi(tmp_path: Path) -> None:
    import networkx as nx

    graph = sample_graph()
    out = export(graph, "gexf", tmp_path / "g.gexf")
    g = nx.read_gexf(out)
    nodes, edges = read_back(g)
    check_ends(graph, edges)
    want_edges = expected_edges(graph, flat=True)
    for attrs in want_edges.values():
        del attrs["type"]  # GEXF's own edge type is the direction; the label carries ours
    for attrs in edges.values():
        attrs.pop("networkx_key", None)
    assert nodes == expected_nodes(graph, flat=True)
    assert edges == want_edges
    assert all(e["label"] in {t.value for t in RelType} for e in edges.values())


# ---- neo4j-admin CSV ---------------------------------------------------------------------

def parse_cell(value: str, header: str) -> Any:
    _, _, kind = header.partition(":")
    if value == "":
        return None
    if kind.endswith("[]"):
        return [parse_cell(v, header[:-2]) for v in value.split(";")]
    return {"int": int, "long": int, "double": float,
            "boolean": lambda v: v == "true"}.get(kind, str)(value)


def test_csv_folder_has_neo4j_admin_headers_and_round_trips(tmp_path: Path) -> None:
    graph = sample_graph()
    folder = export(graph, "csv", tmp_path / "csv")
    with (folder / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    assert header[:5] == ["id:ID", ":LABEL", "name", "source_document", "source_line:int"]
    assert {"aliases:string[]", "start_year:int", "baseline:double", "on_track:boolean"} <= set(
        header)
    assert len(rows) - 1 == len(graph.nodes)
    for row in rows[1:]:
        node = graph.nodes[row[0]]
        assert row[1] == f"Stratgraph;{node.label.value}"
        got = {h.partition(":")[0]: parse_cell(v, h)
               for h, v in zip(header[2:], row[2:], strict=True)}
        want = {k: v for k, v in node.as_properties().items() if k != "id"}
        if "aliases" in want and any(";" in a for a in want["aliases"]):
            # neo4j-admin cannot escape its array delimiter: documented, and checked here.
            want["aliases"] = [p for a in want["aliases"] for p in a.split(";")]
        assert {k: v for k, v in got.items() if v is not None} == want

    with (folder / "relationships.csv").open(encoding="utf-8", newline="") as fh:
        rel_rows = list(csv.reader(fh))
    assert rel_rows[0][:5] == [":START_ID", ":END_ID", ":TYPE", "source_document",
                               "source_line:int"]
    assert "confidence:double" in rel_rows[0]
    got_rels = {}
    for row in rel_rows[1:]:
        props = {h.partition(":")[0]: parse_cell(v, h)
                 for h, v in zip(rel_rows[0][3:], row[3:], strict=True)}
        got_rels[props["id"]] = (row[0], row[1], row[2], props)
    assert got_rels.keys() == graph.relationships.keys()
    for rel in graph.relationships.values():
        start, end, type_, props = got_rels[rel.id]
        assert (start, end, type_) == (rel.start, rel.end, rel.type.value)
        assert props["confidence"] == rel.confidence  # exact, as the Neo4j store keeps it
        # Every column, not only the end points: method, evidence, source_document, source_line
        # and every extra property come back as they were.
        want = dict(rel.as_properties(), confidence=rel.confidence)
        assert {k: v for k, v in props.items() if v is not None} == want
    assert {"method", "evidence", "source_document", "source_line"} <= {
        h.partition(":")[0] for h in rel_rows[0]}


def test_csv_into_an_existing_folder_replaces_only_its_files(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    export(sample_graph(), "csv", folder)
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt", "nodes.csv",
                                                         "relationships.csv"]
    with pytest.raises(ExportError, match="is a file"):
        export(sample_graph(), "csv", folder / "keep.txt")


# ---- Cypher --------------------------------------------------------------------------------

_UNESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.S)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "'": "'", '"': '"', "\\": "\\"}


def unquote(literal: str) -> str:
    """Decode a Cypher single-quoted literal the way Neo4j does (for the escapes we write)."""
    assert literal[0] == literal[-1] == "'"
    body = literal[1:-1]
    # No unescaped quote can be inside: that would end the literal early.
    assert re.search(r"(?<!\\)(?:\\\\)*'", body) is None
    return _UNESCAPE.sub(
        lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == "u" and len(m.group(1)) == 5
        else _SIMPLE[m.group(1)], body)


@pytest.mark.parametrize("text", list(HOSTILE.values()))
def test_cypher_strings_escape_everything(text: str) -> None:
    literal = cypher_string(text)
    assert "\n" not in literal and "\r" not in literal
    assert unquote(literal) == text


def test_cypher_literals() -> None:
    assert cypher_literal(True) == "true"
    assert cypher_literal(3) == "3"
    assert cypher_literal(0.5) == "0.5"
    assert cypher_literal(["a'", 2]) == "['a\\'', 2]"
    with pytest.raises(ExportError):
        cypher_literal(float("nan"))
    with pytest.raises(ExportError):
        cypher_literal({"a": 1})


def test_cypher_script_is_one_statement_a_line_with_model_labels_only(tmp_path: Path) -> None:
    graph = sample_graph()
    out = export(graph, "cypher", tmp_path / "g.cypher")
    lines = out.read_text(encoding="utf-8").splitlines()
    statements = [line for line in lines if line and not line.startswith("//")]
    assert len(statements) == 1 + len(graph.nodes) + len(graph.relationships)
    allowed = {lab.value for lab in Label} | {t.value for t in RelType} | {"Stratgraph"}
    for statement in statements:
        assert statement.endswith(";")
        outside = re.sub(r"'(?:[^'\\]|\\.)*'", "''", statement)  # drop string literals
        assert set(re.findall(r"[(\[]\w+:(\w+)", outside)) <= allowed
        assert set(re.findall(r"SET n = \{.*\}, n:(\w+);", outside)) <= allowed
        assert "DETACH" not in outside and "DELETE" not in outside and "//" not in outside
        assert "`" not in outside


def test_cypher_script_recreates_the_graph_in_neo4j(tmp_path: Path, neo4j_server: Any) -> None:
    graph = sample_graph()
    out = export(graph, "cypher", tmp_path / "g.cypher")
    neo4j_server.wipe()
    with neo4j_server.driver() as driver:
        for line in out.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("//"):
                driver.execute_query(line, database_=neo4j_server.database)
        records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n",
                                             database_=neo4j_server.database)
        assert records[0]["n"] == len(graph.nodes)
    store = neo4j_server.open_store()
    try:
        back = store.read()
    finally:
        store.close()
    assert back.nodes == graph.nodes
    assert back.relationships == graph.relationships


# ---- the registry and export() ------------------------------------------------------------

def test_formats_registry_and_unknown_format(tmp_path: Path) -> None:
    assert list(FORMATS) == ["jsonl", "json", "graphml", "gexf", "csv", "cypher"]
    with pytest.raises(ExportError, match="choose from"):
        export(sample_graph(), "xlsx", tmp_path / "x")
    with pytest.raises(ExportError, match="is a folder"):
        export(sample_graph(), "json", tmp_path)


def test_jsonl_keeps_the_apoc_shape(tmp_path: Path) -> None:
    graph = sample_graph()
    out = export(graph, "jsonl", tmp_path / "g.jsonl")
    # split on "\n" only: str.splitlines would also split inside names at U+2028
    text = out.read_text(encoding="utf-8")
    records = [json.loads(line) for line in text.split("\n") if line]
    assert records == list(jsonl_records(graph))
    assert {r["type"] for r in records} == {"node", "relationship"}


def test_a_failed_export_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "g.cypher"
    target.write_text("old", encoding="utf-8")
    bad = sample_graph()
    node = next(iter(bad.nodes.values()))
    bad.nodes[node.id] = Node(node.id, node.label, node.name, node.provenance, {"bad": {"x": 1}})
    with pytest.raises(ExportError):
        export(bad, "cypher", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.cypher"]


# ---- selections -----------------------------------------------------------------------------

def test_plan_selection_keeps_its_members_and_shared_neighbours() -> None:
    graph = sample_graph()
    n = ids(graph)
    got = select(graph, Selection(plans=("plan b",)))
    assert set(got.nodes) == {n["Plan B"], n["Plan B action"], n[HOSTILE["injection2"]]} | {
        t.id for t in graph.nodes.values()
        if t.label is Label.THEME and t.provenance.document == DOC_B
    }
    assert all(r.start in got.nodes and r.end in got.nodes for r in got.relationships.values())
    # by document file name, with or without the suffix, and by id
    assert select(graph, Selection(plans=("plan-b",))).nodes == got.nodes
    assert select(graph, Selection(plans=(n["Plan B"],))).nodes == got.nodes


def test_plan_selections_unite_and_criteria_intersect() -> None:
    graph = sample_graph()
    both = select(graph, Selection(plans=("Plan B", "plan-a.txt")))
    assert set(both.nodes) == set(graph.nodes)
    actions = select(graph, Selection(plans=("Plan B",), labels=("action",)))
    assert [n.name for n in actions.nodes.values()] == ["Plan B action"]


def test_theme_selection_keeps_contents_and_plan() -> None:
    graph = sample_graph()
    n = ids(graph)
    got = select(graph, Selection(themes=(HOSTILE["unicode"],)))
    assert set(got.nodes) == {n[HOSTILE["unicode"]], n[HOSTILE["lines"]],
                              n["Plan A: " + HOSTILE["quote"]]}
    # the same theme name in two plans: both, each with its plan
    same = select(graph, Selection(themes=("getting about <script>alert(1)</script>",)))
    assert n["Plan B"] in same.nodes and n[HOSTILE["img"]] in same.nodes


def test_focus_hops_is_undirected() -> None:
    graph = sample_graph()
    n = ids(graph)
    one = select(graph, Selection(focus=HOSTILE["injection"].upper(), hops=1))
    assert set(one.nodes) == {n[HOSTILE["injection"]], n[HOSTILE["img"]],
                              n[HOSTILE["backtick"]]} | {
        t.id for t in graph.nodes.values()
        if t.label is Label.THEME and t.provenance.document == DOC_A and "Getting" in t.name}
    zero = select(graph, Selection(focus=HOSTILE["injection"], hops=0))
    assert list(zero.nodes) == [n[HOSTILE["injection"]]]
    # Plan B <- theme <- action -> strategy: three hops, whatever the directions
    assert len(select(graph, Selection(focus="Plan B", hops=3)).nodes) == 4
    assert n[HOSTILE["img"]] in select(graph, Selection(focus="Plan B", hops=4)).nodes


def test_unknown_names_say_what_there_is() -> None:
    graph = sample_graph()
    with pytest.raises(ExportError, match="no plan named 'nope'.*Plan B"):
        select(graph, Selection(plans=("nope",)))
    with pytest.raises(ExportError, match="unknown label 'Widget'"):
        select(graph, Selection(labels=("Widget",)))
    with pytest.raises(ExportError, match="no node named"):
        select(graph, Selection(focus="zzz"))


def test_query_selection_takes_id_columns_and_context() -> None:
    graph = sample_graph()
    n = ids(graph)
    rows = [{"action_id": n["Plan B action"], "name": "x", "ids": ["not-an-id-column"]}]
    assert query_node_ids(rows) == {n["Plan B action"]}
    assert query_node_ids([{"id": "a", "theme_id": ["b", "c"], "x_id": None}]) == {"a", "b", "c"}
    calls = []

    def run(name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        calls.append((name, params))
        return rows

    got = select(graph, Selection(query="orphan-actions"), run_query=run)
    assert calls == [("orphan-actions", {})]
    assert set(got.nodes) == {n["Plan B action"], n[HOSTILE["injection2"]]} | {
        t.id for t in graph.nodes.values() if t.label is Label.THEME and
        t.provenance.document == DOC_B}
    with pytest.raises(QueryError):
        select(graph, Selection(query="x"))


@pytest.fixture
def saved(tmp_path: Path, store: Any) -> Any:
    """The sample graph in each store kind (embedded, and a real Neo4j)."""
    store.write(sample_graph())
    return store


def test_selections_agree_on_both_stores(saved: Any) -> None:
    from stratgraph.graph.select import select_from_store

    graph = sample_graph()
    for selection in [Selection(plans=("Plan B",)), Selection(themes=(HOSTILE["unicode"],)),
                      Selection(labels=("Strategy", "Partnership")),
                      Selection(focus="Plan B", hops=2)]:
        assert select_from_store(saved, selection).nodes == select(graph, selection).nodes
    from stratgraph.graph.queries import run_query

    rows = run_query(saved, "orphan-actions", {})
    by_query = select_from_store(saved, Selection(query="orphan-actions"))
    assert query_node_ids(rows) <= set(by_query.nodes)


# ---- the command --------------------------------------------------------------------------

@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.json"
    EmbeddedStore(path).write(sample_graph())
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "json", "graphml", "gexf", "cypher"])
def test_cli_export_each_file_format(graph_file: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--graph", str(graph_file), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.stat().st_size > 100
    assert f"({len(sample_graph().nodes)} nodes" in result.output


def test_cli_export_csv_with_a_selection(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = runner.invoke(app, ["export", "--graph", str(graph_file), "-f", "csv", "-o",
                                 str(out), "--plan", "Plan B", "--label", "Action"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader((out / "nodes.csv").open(encoding="utf-8")))
    assert [r[2] for r in rows[1:]] == ["Plan B action"]


def test_cli_export_errors_are_one_line(graph_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--graph", str(graph_file), "-f", "json", "-o",
                                 str(tmp_path / "x.json"), "--theme", "nowhere"])
    assert result.exit_code == 1
    assert "error: no theme named 'nowhere'" in result.output
    assert not (tmp_path / "x.json").exists()
