"""Document identity: plans that share a file name stay apart, a plan rebuilt from anywhere
replaces itself, and ``--replace`` removes exactly what that document contributed.

Built with the real embedded store and the real loaders on the example plans, one build after
another, as a strategy team sharing one graph would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from stratgraph.api import build
from stratgraph.cli.main import app
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.model import (
    SHARED_LABELS,
    Label,
    document_key,
    document_name,
    document_short_id,
)

DELIVERY = "wexbridge-city-delivery-plan-2024-25.txt"
CORPORATE = "wexbridge-city-corporate-plan-2005.txt"


def _copy(examples_dir: Path, source: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(examples_dir / source, target)
    return target


def _counts(store: EmbeddedStore) -> tuple[int, int]:
    graph = store.read()
    return len(graph.nodes), len(graph.relationships)


def _alone(tmp_path: Path, *files: Path) -> tuple[int, int]:
    """Node and relationship counts of ``files`` built together into a fresh store."""
    store = EmbeddedStore(tmp_path / f"alone-{len(list(tmp_path.iterdir()))}.json")
    assert build(list(files), store).ok
    return _counts(store)


def test_a_key_is_the_file_name_and_content_id() -> None:
    key = document_key("council-plan.pdf", b"one plan")
    assert document_name(key) == "council-plan.pdf" and len(document_short_id(key)) == 12
    assert key != document_key("council-plan.pdf", b"another plan")
    assert key == document_key("council-plan.pdf", b"one plan")
    # A key without a content id (a graph built before keys) is its own name.
    assert document_name("plan#notes.txt") == "plan#notes.txt"
    assert document_short_id("plan.txt") == ""


def test_two_plans_with_one_file_name_built_one_after_the_other_both_stay(
        tmp_path: Path, examples_dir: Path) -> None:
    first = _copy(examples_dir, DELIVERY, tmp_path / "city" / "council-plan.txt")
    second = _copy(examples_dir, CORPORATE, tmp_path / "county" / "council-plan.txt")
    both = _alone(tmp_path, _copy(examples_dir, DELIVERY, tmp_path / "x" / "a.txt"),
                  _copy(examples_dir, CORPORATE, tmp_path / "x" / "b.txt"))

    store = EmbeddedStore(tmp_path / "shared.json")
    assert build([first], store).ok
    assert build([second], store).ok
    plans = [n for n in store.read().nodes.values() if n.label is Label.PLAN]
    assert len(plans) == 2
    assert {p.properties["document_name"] for p in plans} == {"council-plan.txt"}
    assert len({p.provenance.document for p in plans}) == 2
    # Everything of both plans is there: as many records as the two built under other names.
    assert _counts(store) == both


def test_two_plans_with_one_file_name_in_one_build_do_not_share_a_node(
        tmp_path: Path, examples_dir: Path) -> None:
    first = _copy(examples_dir, DELIVERY, tmp_path / "city" / "council-plan.txt")
    second = _copy(examples_dir, CORPORATE, tmp_path / "county" / "council-plan.txt")
    store = EmbeddedStore(tmp_path / "g.json")
    result = build([tmp_path / "city", tmp_path / "county"], store)
    assert result.ok and len(result.extractions) == 2
    scoped = [
        {n.id for n in e.graph.nodes.values() if n.label not in SHARED_LABELS}
        for e in result.extractions
    ]
    assert scoped[0] and scoped[1] and not scoped[0] & scoped[1]
    assert _counts(store) == _alone(tmp_path, first, second)


def test_the_same_plan_rebuilt_from_another_folder_replaces_itself(
        tmp_path: Path, examples_dir: Path) -> None:
    here = _copy(examples_dir, DELIVERY, tmp_path / "mine" / DELIVERY)
    there = _copy(examples_dir, DELIVERY, tmp_path / "colleague" / "copy" / DELIVERY)
    renamed = _copy(examples_dir, DELIVERY, tmp_path / "colleague" / "delivery.txt")
    store = EmbeddedStore(tmp_path / "g.json")
    assert build([here], store).ok
    once = store.read()
    assert build([there], store).ok
    assert build([renamed], store).ok
    again = store.read()
    assert len(again.nodes) == len(once.nodes)
    assert len(again.relationships) == len(once.relationships)
    assert [n for n in again.nodes.values() if n.label is Label.PLAN][0].properties[
        "document_name"] == "delivery.txt"


def test_an_edited_plan_rebuilt_from_its_place_replaces_its_earlier_version(
        tmp_path: Path, examples_dir: Path) -> None:
    path = _copy(examples_dir, DELIVERY, tmp_path / "plans" / "council-plan.txt")
    other = _copy(examples_dir, CORPORATE, tmp_path / "other" / "council-plan.txt")
    store = EmbeddedStore(tmp_path / "g.json")
    assert build([path, other], store).ok
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Getting around Wexbridge", "Moving around Wexbridge"),
                    encoding="utf-8")
    result = build([path], store)
    assert result.ok and len(result.replaced) == 2  # the edited key and the earlier one
    names = {n.name for n in store.read().nodes.values() if n.label is Label.THEME}
    assert "Moving around Wexbridge" in names and "Getting around Wexbridge" not in names
    assert _counts(store) == _alone(tmp_path, path, other)


def test_replace_removes_exactly_what_the_document_contributed(
        tmp_path: Path, examples_dir: Path) -> None:
    first = _copy(examples_dir, DELIVERY, tmp_path / "city" / "council-plan.txt")
    second = _copy(examples_dir, CORPORATE, tmp_path / "county" / "council-plan.txt")
    store = EmbeddedStore(tmp_path / "g.json")
    assert build([first], store).ok
    assert build([second], store).ok
    before = store.read()
    assert build([first], store).ok
    after = store.read()
    assert set(after.nodes) == set(before.nodes)
    assert set(after.relationships) == set(before.relationships)


def test_a_graph_built_before_document_ids_is_replaced_by_its_file_name(
        tmp_path: Path, examples_dir: Path) -> None:
    from stratgraph.loaders.read import read_bytes
    from stratgraph.loaders.registry import extract

    path = _copy(examples_dir, DELIVERY, tmp_path / "plans" / DELIVERY)
    store = EmbeddedStore(tmp_path / "g.json")
    # What an older stratgraph stored: records keyed by the bare file name.
    legacy = extract(read_bytes(path.read_bytes(), DELIVERY, str(path), ".txt"), None)
    store.write(legacy.graph)
    assert build([path], store).ok
    plans = [n for n in store.read().nodes.values() if n.label is Label.PLAN]
    assert len(plans) == 1 and document_short_id(plans[0].provenance.document)


def test_the_cli_shows_the_short_document_id(tmp_path: Path, examples_dir: Path) -> None:
    path = _copy(examples_dir, DELIVERY, tmp_path / "plans" / "council-plan.txt")
    result = CliRunner().invoke(app, ["build", str(path), "--graph", str(tmp_path / "g.json")])
    assert result.exit_code == 0, result.output
    key = document_key("council-plan.txt", path.read_bytes())
    assert f"read {key} (" in result.output
