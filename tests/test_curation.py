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


# -- values are checked when the file is read -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('[[rename]]\nlabel = "Strategy"\nname = "Local Transport Plan"\nto = 42\n',
         "to: must be text in quotes, not a number 42", 4),
        ('[[rename]]\nlabel = "Strategy"\nname = "Local Transport Plan"\nto = ["A", "B"]\n',
         "to: must be text in quotes, not a list", 4),
        ('# note\n[[rename]]\nlabel = "Strategy"\nname = "Local Transport Plan"\nto = "   "\n',
         "to: must not be blank", 5),
        ('[[rename]]\nlabel = "Strategy"\nname = ""\nto = "X"\n', "name: must not be blank", 3),
        ('[[rename]]\nlabel = "Strategy"\nname = "X"\n', "[[rename]] needs to = ...", 1),
        ('[[merge]]\nlabel = "Strategy"\ninto = "Local Transport Plan"\nnames = "LTP"\n',
         'names: must be a list of names, e.g. names = ["LTP"]', 4),
        ('[[keep_apart]]\nlabel = "Partnership"\nnames = "Trust"\n',
         "names: must be a list of names", 3),
        ('[[merge]]\nlabel = "Strategy"\ninto = "A"\nnames = ["B", 3]\n',
         "names: each name must be text in quotes", 4),
        ('[[remove]]\nlabel = "Strategy"\nname = "A"\n\n[[rename]]\nlabel = "Theme"\n'
         'nmae = "Getting around"\nto = "x"\n', "unknown key 'nmae'", 7),
        ('[[link]]\ntype = "SUPPORTS"\nfrom = "Launch a bus app"\n'
         'to = { label = "Outcome", name = "Better buses" }\n', "from: must be a table", 3),
        ('[[link]]\ntype = "LIKES"\nfrom = { label = "Action", name = "a" }\n'
         'to = { label = "Outcome", name = "b" }\n', "unknown relationship type 'LIKES'", 2),
    ],
)
def test_wrong_values_are_one_error_with_file_and_line(tmp_path: Path, text: str, message: str,
                                                       line: int) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CurationError) as info:
        load_curation(path)
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}: ")
    assert "\n" not in str(info.value)


def test_the_cli_refuses_a_rename_to_a_number_before_reading(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from stratgraph.cli.main import app

    plan = tmp_path / "plan.txt"
    plan.write_text("Wexbridge City Council Plan\n\n# Housing\n\nWe will build homes.\n",
                    encoding="utf-8")
    path = write(tmp_path, '[[rename]]\nlabel = "Theme"\nname = "Housing"\nto = 7\n')
    graph = tmp_path / "g.json"
    result = CliRunner().invoke(app, ["build", str(plan), "--graph", str(graph),
                                      "--curation", str(path)])
    assert result.exit_code == 1 and not graph.exists()
    assert result.output.strip() == f"error: {path}:4: [[rename]] to: must be text in quotes, " \
        "not a number 7"


def test_an_entry_that_names_nothing_is_a_note_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[[remove]]\nlabel = "Strategy"\nname = "Local Transport Plan"\n\n'
                           '[[rename]]\nlabel = "Strategy"\nname = "Nope Plan"\nto = "X"\n')
    notes: list[str] = []
    out = apply_curation(small_graph(), load_curation(path), notes)
    assert notes == [f"{path}:7: no Strategy named 'Nope Plan' to rename"]
    assert not [n for n in out.nodes.values() if n.label is Label.STRATEGY]


# -- curation applies to the whole graph ------------------------------------------------------

DELIVERY = "wexbridge-city-delivery-plan-2024-25.txt"
CORPORATE = "wexbridge-city-corporate-plan-2005.txt"
RENAMES = """
[[rename]]
label = "Strategy"
name = "Local Transport Plan"
to = "LTP4"

[[rename]]
label = "Theme"
name = "Housing"
to = "Homes"
plan = "wexbridge-city-corporate-plan-2005.txt"
"""


def _state(graph) -> tuple[set, set]:
    return ({(n.id, n.label, n.name, tuple(n.properties.get("curated") or ()))
             for n in graph.nodes.values()},
            {(r.id, r.method, r.provenance) for r in graph.relationships.values()})


def _fresh(tmp_path: Path, files: list[Path], curation: Path) -> tuple[set, set]:
    from stratgraph.api import build
    from stratgraph.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / f"fresh-{len(list(tmp_path.glob('fresh-*')))}.json")
    assert build(files, store, curation=curation).ok
    return _state(store.read())


def test_a_one_plan_build_with_a_file_naming_another_plans_nodes_succeeds(
        tmp_path: Path, examples_dir: Path) -> None:
    from stratgraph.api import build
    from stratgraph.graph.embedded import EmbeddedStore

    files = [examples_dir / DELIVERY, examples_dir / CORPORATE]
    empty = write(tmp_path, "")
    renames = tmp_path / "renames.toml"
    renames.write_text(RENAMES, encoding="utf-8")
    store = EmbeddedStore(tmp_path / "g.json")
    assert build(files, store, curation=empty).ok
    # The delivery plan alone: "Housing" is the corporate plan's theme, in the stored graph.
    result = build([files[0]], store, curation=renames)
    assert result.ok and not result.notes
    themes = {n.name for n in store.read().nodes.values() if n.label is Label.THEME}
    assert "Homes" in themes and "Housing" not in themes
    # Exactly what a fresh build of both with the file gives.
    assert _state(store.read()) == _fresh(tmp_path, files, renames)

    # Into an empty graph: the entry naming the other plan is a note, not a failure.
    alone = EmbeddedStore(tmp_path / "alone.json")
    result = build([files[0]], alone, curation=renames)
    assert result.ok and result.written is not None
    assert result.notes == (f"{renames}:9: no Theme named 'Housing' to rename",)


def test_a_removed_rename_stops_applying(tmp_path: Path, examples_dir: Path) -> None:
    from stratgraph.api import build
    from stratgraph.graph.embedded import EmbeddedStore

    files = [examples_dir / DELIVERY, examples_dir / CORPORATE]
    empty = write(tmp_path, "")
    renames = tmp_path / "renames.toml"
    renames.write_text(RENAMES, encoding="utf-8")
    store = EmbeddedStore(tmp_path / "g.json")
    assert build(files, store, curation=renames).ok
    names = {n.name for n in store.read().nodes.values()}
    assert {"LTP4", "Homes"} <= names
    # One plan rebuilt without the renames: both stop applying, in every plan.
    assert build([files[0]], store, curation=empty).ok
    assert _state(store.read()) == _fresh(tmp_path, files, empty)


# -- a rule taken out, changed or a file deleted: the build reconciles the whole graph --------

RULES = """
[[merge]]
label = "Strategy"
into = "Housing Strategy"
names = ["Asset Management Plan"]

[[remove]]
label = "Strategy"
name = "Workforce Programme"

[[unlink]]
type = "REFERENCES"
from = { label = "Action", name = "Deliver the Housing Strategy action plan" }
to = { label = "Strategy", name = "Housing Strategy" }

[[rename]]
label = "Theme"
name = "Housing"
to = "Homes"
plan = "wexbridge-city-corporate-plan-2005.txt"
"""


def _rules(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _built_with_rules(tmp_path: Path, examples_dir: Path):
    from stratgraph.api import build
    from stratgraph.graph.embedded import EmbeddedStore

    files = [examples_dir / DELIVERY, examples_dir / CORPORATE]
    rules = _rules(tmp_path, "rules.toml", RULES)
    store = EmbeddedStore(tmp_path / "g.db")
    assert build(files, store, curation=rules).ok
    state = _state(store.read())
    names = {(n[1], n[2]) for n in state[0]}
    # The rules applied: the merged and removed strategies are gone, the theme renamed.
    assert (Label.STRATEGY, "Asset Management Plan") not in names
    assert (Label.STRATEGY, "Workforce Programme") not in names
    assert (Label.THEME, "Homes") in names
    # The unlinked link and the removed strategy's one are gone; the merged one's moved.
    assert len(state[1]) == len(_fresh(tmp_path, files, None)[1]) - 2
    assert state == _fresh(tmp_path, files, rules)
    return files, store


def test_rules_taken_out_stop_applying_in_plans_not_rebuilt(
        tmp_path: Path, examples_dir: Path) -> None:
    from stratgraph.api import build

    files, store = _built_with_rules(tmp_path, examples_dir)
    # Only the delivery plan is rebuilt; the merge, removal and unlink were the corporate
    # plan's and are undone from what the graph kept, without reading that plan again.
    only_rename = _rules(tmp_path, "only-rename.toml", RULES[RULES.index("[[rename]]"):])
    assert build([files[0]], store, curation=only_rename).ok
    names = {(n.label, n.name) for n in store.read().nodes.values()}
    assert {(Label.STRATEGY, "Asset Management Plan"), (Label.STRATEGY, "Workforce Programme"),
            (Label.THEME, "Homes")} <= names
    assert _state(store.read()) == _fresh(tmp_path, files, only_rename)


def test_a_deleted_curation_file_stops_applying(tmp_path: Path, examples_dir: Path) -> None:
    from stratgraph.api import build
    from stratgraph.graph.embedded import EmbeddedStore

    files, store = _built_with_rules(tmp_path, examples_dir)
    assert build([files[0]], store, curation=None).ok
    assert _state(store.read()) == _fresh(tmp_path, files, None)
    assert not any(n.properties.get("curated") for n in store.read().nodes.values())
    # Once undone, a build without a file reads only what it needs again.
    from stratgraph.graph.passes.curation import APPLIED
    assert not any(n.properties.get(APPLIED) for n in store.read().nodes.values())
    assert isinstance(store, EmbeddedStore)


def test_a_changed_rule_applies_as_it_now_reads(tmp_path: Path, examples_dir: Path) -> None:
    from stratgraph.api import build

    files, store = _built_with_rules(tmp_path, examples_dir)
    changed = _rules(tmp_path, "changed.toml",
                     RULES.replace('to = "Homes"', 'to = "Dwellings"')
                     .replace('names = ["Asset Management Plan"]', 'names = ["Riverside Masterplan"]'))
    assert build([files[0]], store, curation=changed).ok
    names = {(n.label, n.name) for n in store.read().nodes.values()}
    assert (Label.THEME, "Dwellings") in names and (Label.THEME, "Homes") not in names
    assert (Label.STRATEGY, "Asset Management Plan") in names
    assert (Label.STRATEGY, "Riverside Masterplan") not in names
    assert _state(store.read()) == _fresh(tmp_path, files, changed)


def test_rules_naming_another_plans_nodes_never_break_a_one_plan_build(
        tmp_path: Path, examples_dir: Path) -> None:
    from stratgraph.api import build
    from stratgraph.graph.embedded import EmbeddedStore

    files = [examples_dir / DELIVERY, examples_dir / CORPORATE]
    rules = _rules(tmp_path, "rules.toml", RULES)
    store = EmbeddedStore(tmp_path / "g.db")
    assert build(files, store).ok
    # Every rule names the corporate plan's nodes; only the delivery plan is built.
    result = build([files[0]], store, curation=rules)
    assert result.ok and not result.notes
    assert _state(store.read()) == _fresh(tmp_path, files, rules)
    alone = EmbeddedStore(tmp_path / "alone.db")
    result = build([files[0]], alone, curation=rules)
    assert result.ok and result.written is not None and len(result.notes) >= 3
