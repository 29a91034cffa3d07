"""The interactive page, without a browser: what it embeds, what it refuses, what it escapes.

``test_viz_browser.py`` opens the same pages in a real Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from test_export import HOSTILE, ids, sample_graph
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.errors import ExportError, QueryError
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.select import Selection
from stratgraph.viz import MAX_NODES, html_for, write_picture
from stratgraph.viz.orphans import actions_without_outcome, orphan_actions
from stratgraph.viz.page import safe_json
from stratgraph.viz.payload import build_payload, caption

runner = CliRunner()


def embedded_json(page: str) -> Any:
    match = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page,
                      re.S)
    assert match
    return json.loads(match.group(1))


def scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.S)


@pytest.fixture
def saved(tmp_path: Path) -> EmbeddedStore:
    s = EmbeddedStore(tmp_path / "graph.json")
    s.write(sample_graph())
    return s


def test_safe_json_cannot_close_the_script_element() -> None:
    text = safe_json({"name": "</script><script>alert(1)</script> & \u2028\u2029 <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text)["name"].startswith("</script>")


def test_page_embeds_the_graph_and_nothing_from_other_hosts() -> None:
    graph = sample_graph()
    page = html_for(graph, orphans=actions_without_outcome(graph), title=HOSTILE["script"])
    data = embedded_json(page)
    assert data == build_payload(graph, orphans=actions_without_outcome(graph),
                                 title=HOSTILE["script"])
    assert len(data["nodes"]) == len(graph.nodes) and len(data["edges"]) == len(
        graph.relationships)
    # Self-contained: no external script, stylesheet, image, font or frame.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "sourceMappingURL" not in page
    # Document text never appears as markup.
    for name in HOSTILE.values():
        assert name not in page or not re.search("[<>&]", name)
    assert page.count("</script>") == 3
    assert page.lower().count("<script") == 3


def test_content_security_policy_allows_only_the_inlined_scripts() -> None:
    page = html_for(sample_graph())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    inline = {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in
              scripts(page)}
    assert hashes == inline and len(inline) == 2
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "connect-src" not in csp  # covered by default-src 'none': no fetch, no XHR


def test_payload_marks_orphans_plans_themes_and_provenance() -> None:
    graph = sample_graph()
    n = ids(graph)
    reasons = {n[HOSTILE["lines"]]: ["NO_OUTCOME", "NO_DEADLINE"],
               n[HOSTILE["img"]]: ["NO_OWNER"], "action:not-here": ["NO_OUTCOME"]}
    data = build_payload(graph, orphans=reasons)
    nodes = {x["id"]: x for x in data["nodes"]}
    orphan = nodes[n[HOSTILE["lines"]]]
    assert orphan["orphan"] and orphan["reasons"] == ["NO_DEADLINE", "NO_OUTCOME"]
    assert not nodes[n[HOSTILE["img"]]]["orphan"]
    assert nodes[n[HOSTILE["img"]]]["reasons"] == ["NO_OWNER"]
    assert data["orphans"] == 1
    assert orphan["themeNames"] == [HOSTILE["unicode"]]
    assert orphan["planNames"] == ["Plan A: " + HOSTILE["quote"]]
    assert (orphan["document"], orphan["line"]) == ("plan-a.txt", 11)
    strategy = nodes[n[HOSTILE["injection2"]]]
    assert strategy["planNames"] == ["Plan A: " + HOSTILE["quote"], "Plan B"]
    assert {e["method"] for e in data["edges"]} == {"stated", "inferred", "curated"}
    assert data["styles"]["methods"]["inferred"]["dashes"]
    assert not data["styles"]["methods"]["stated"]["dashes"]
    assert set(data["labels"]) == {x["type"] for x in data["nodes"]}


def test_captions_are_cut_at_a_word() -> None:
    assert caption("Short name") == "Short name"
    long = "We will work with partners to improve the life chances of the most vulnerable"
    cut = caption(long)
    assert cut.endswith("\u2026") and len(cut) <= 42 and long.startswith(cut[:-1])
    assert caption("a\n  b") == "a b"


def test_orphans_come_from_the_named_query(saved: EmbeddedStore) -> None:
    from stratgraph.graph.queries import run_query

    rows = run_query(saved, "orphan-actions", {})
    found = orphan_actions(saved, saved.read())
    assert found == {r["action_id"]: r["reasons"] for r in rows}


def test_orphans_fall_back_to_the_no_outcome_rule() -> None:
    graph = sample_graph()
    n = ids(graph)

    class NoQueries:
        def run_query(self, name: str, params: Any) -> list[dict[str, Any]]:
            raise QueryError(f"unknown query {name!r}")

    expected = {n[HOSTILE["lines"]]: ["NO_OUTCOME"], n["Plan B action"]: ["NO_OUTCOME"]}
    assert orphan_actions(NoQueries(), graph) == expected  # type: ignore[arg-type]
    assert orphan_actions(None, graph) == expected


def test_write_picture_refuses_big_graphs_unless_forced(saved: EmbeddedStore,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "big.html"
    with pytest.raises(ExportError, match=r"14 nodes is more than .* --plan.*--force"):
        write_picture(saved, out, limit=5)
    assert not out.exists()
    picture = write_picture(saved, out, limit=5, force=True)
    assert picture.nodes == 14 and out.is_file()
    small = write_picture(saved, tmp_path / "b.html", Selection(plans=("Plan B",)), limit=5)
    assert small.nodes == 4
    assert embedded_json((tmp_path / "b.html").read_text(encoding="utf-8"))["subtitle"] == (
        "plan Plan B")
    assert MAX_NODES == 1500


def test_cli_viz_with_selection(saved: EmbeddedStore, tmp_path: Path) -> None:
    out = tmp_path / "pic.html"
    result = runner.invoke(app, ["viz", "--graph", str(saved.path), "-o", str(out),
                                 "--label", "Action", "--label", "Theme", "--plan", "plan-a"])
    assert result.exit_code == 0, result.output
    data = embedded_json(out.read_text(encoding="utf-8"))
    assert {x["type"] for x in data["nodes"]} == {"Action", "Theme"}
    assert "2 nodes" not in result.output and "orphan actions highlighted" in result.output


def test_cli_viz_errors_and_empty_selection(saved: EmbeddedStore, tmp_path: Path) -> None:
    result = runner.invoke(app, ["viz", "--graph", str(saved.path), "-o",
                                 str(tmp_path / "x.html"), "--focus", "no such thing"])
    assert result.exit_code == 1
    assert "error: no node named 'no such thing'" in result.output
    result = runner.invoke(app, ["viz", "--graph", str(saved.path), "-o",
                                 str(tmp_path / "e.html"), "--plan", "Plan B", "--label",
                                 "Measure"])
    assert result.exit_code == 0
    assert "is empty" in result.output
    assert embedded_json((tmp_path / "e.html").read_text(encoding="utf-8"))["nodes"] == []


def test_the_picture_is_the_same_on_both_stores(store: Any, tmp_path: Path) -> None:
    """``store`` is each store kind (conftest): embedded, and a real Neo4j."""
    store.write(sample_graph())
    reference = EmbeddedStore(tmp_path / "ref.json")
    reference.write(sample_graph())
    selection = Selection(plans=("plan-a",))
    a = write_picture(store, tmp_path / "a.html", selection)
    b = write_picture(reference, tmp_path / "b.html", selection)
    assert (a.nodes, a.relationships, a.orphans) == (b.nodes, b.relationships, b.orphans)
    data_a = embedded_json((tmp_path / "a.html").read_text(encoding="utf-8"))
    data_b = embedded_json((tmp_path / "b.html").read_text(encoding="utf-8"))
    assert data_a == data_b


def test_importing_viz_does_not_import_pyvis_until_a_picture_is_drawn(tmp_path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import stratgraph.viz\n"
        "print('BEFORE', 'pyvis' in sys.modules)\n"
        "from stratgraph.viz.physics import physics_options\n"
        "physics = physics_options(10)\n"
        "print('AFTER', 'pyvis' in sys.modules, physics['solver'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "BEFORE False" in out.stdout
    assert "AFTER True forceAtlas2Based" in out.stdout


# -- issue 14: the focus is marked; a visible SUPPORTS arrow means no "reaches no outcome" ring --

def objective_graph():  # noqa: ANN201
    """A theme with an action supporting an objective (not a declared outcome: the
    orphan-actions query says NO_OUTCOME) and an action supporting nothing."""
    from stratgraph.graph.builder import DocumentGraphBuilder
    from stratgraph.graph.model import RelType

    b = DocumentGraphBuilder("objective-plan.txt")
    b.plan("Objective Plan", 1)
    housing = b.theme("Housing", 3)
    objective = b.outcome("Homes objective", 4, theme=housing, level="objective")
    supporter = b.action("Build homes", 5, theme=housing, deadline="2025")
    b.action("Lonely action", 6, theme=housing, deadline="2025")
    b.link(RelType.SUPPORTS, supporter, objective, 5)
    return b.graph


def test_an_action_with_a_visible_supports_arrow_wears_no_orphan_ring(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.json")
    graph = objective_graph()
    store.write(graph)
    by_name = {n.name: n.id for n in graph.nodes.values()}
    reasons = orphan_actions(store, store.read())
    assert "NO_OUTCOME" in reasons[by_name["Build homes"]]  # the query's view
    payload = build_payload(store.read(), orphans=reasons)
    nodes = {n["name"]: n for n in payload["nodes"]}
    assert nodes["Build homes"]["orphan"] is False
    assert nodes["Build homes"]["undeclaredOnly"] is True
    assert nodes["Lonely action"]["orphan"] is True
    assert payload["orphans"] == 1
    picture = write_picture(store, tmp_path / "p.html")
    assert picture.orphans == 1


def test_the_focus_node_is_marked(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.json")
    store.write(objective_graph())
    out = tmp_path / "p.html"
    write_picture(store, out, Selection(focus="housing", hops=2))
    payload = embedded_json(out.read_text(encoding="utf-8"))
    focused = [n["name"] for n in payload["nodes"] if n["focus"]]
    assert focused == ["Housing"]
    assert [n["id"] for n in payload["nodes"] if n["focus"]] == payload["focus"]
    plain = build_payload(store.read())
    assert plain["focus"] == [] and not any(n["focus"] for n in plain["nodes"])
