"""The curation file: merges, renames, removals and links that strategy staff make."""

from __future__ import annotations

from pathlib import Path

import pytest

from stratgraph.errors import CurationError
from stratgraph.graph.model import Label, Method, RelType
from stratgraph.graph.passes.curation import apply_curation, load_curation
from test_model import small_graph


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "stratgraph-curation.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_merge_rename_link_and_unlink_are_applied_and_marked(tmp_path: Path) -> None:
    from stratgraph.graph.builder import DocumentGraphBuilder

    graph = small_graph()
    b = DocumentGraphBuilder("a.txt")
    b.strategy("LTP", 9)
    graph.update(b.graph)
    path = write(tmp_path, """
[[merge]]
label = "Strategy"
into = "Local Transport Plan"
names = ["LTP"]

[[rename]]
label = "Theme"
name = "Getting around"
to = "Getting about"

[[unlink]]
type = "SUPPORTS"
from = { label = "Action", name = "Launch a bus app" }
to = { label = "Outcome", name = "Better buses" }

[[link]]
type = "OWNS"
from = { label = "Organisation", name = "Wexbridge City Council" }
to = { label = "Action", name = "Launch a bus app" }
note = "agreed at review"
""")
    out = apply_curation(graph, load_curation(path))
    strategies = [n for n in out.nodes.values() if n.label is Label.STRATEGY]
    assert len(strategies) == 1 and "LTP" in strategies[0].properties["aliases"]
    assert strategies[0].properties["curated"] == ["merged 'LTP'"]
    theme = next(n for n in out.nodes.values() if n.label is Label.THEME)
    assert theme.name == "Getting about" and theme.properties["curated"]
    assert not [r for r in out.relationships.values() if r.type is RelType.SUPPORTS]
    owns = [r for r in out.relationships.values() if r.type is RelType.OWNS]
    assert len(owns) == 1 and owns[0].method is Method.CURATED
    assert owns[0].properties["note"] == "agreed at review"
    assert not list(out.dangling())


def test_curation_is_deterministic(tmp_path: Path) -> None:
    path = write(tmp_path, '[[remove]]\nlabel = "Strategy"\nname = "Local Transport Plan"\n')
    one = apply_curation(small_graph(), load_curation(path))
    two = apply_curation(small_graph(), load_curation(path))
    assert one.nodes == two.nodes and one.relationships == two.relationships
    assert not [n for n in one.nodes.values() if n.label is Label.STRATEGY]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('[[merge]\nlabel = "Strategy"\n', "not valid TOML", 1),
        ('[[rename]]\nlabel = "Strategy"\nname = "Nope Plan"\nto = "X"\n', "no Strategy named 'Nope Plan'", 3),
        ('[[rename]]\nlabel = "Wibble"\nname = "x"\nto = "y"\n', "unknown label 'Wibble'", 2),
        ('[[frobnicate]]\nx = 1\n', "unknown section", 1),
    ],
)
def test_mistakes_name_the_file_and_line(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CurationError) as info:
        apply_curation(small_graph(), load_curation(path))
    assert message in str(info.value)
    assert f"stratgraph-curation.toml:{line}:" in str(info.value)
