"""The synthetic corpus of bench/synthetic.py: deterministic, in the five shapes, read right."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import synthetic
from stratgraph.graph.model import document_name
from stratgraph.graph.model import Label
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.registry import choose_loader

from stratgraph.api import extract_documents

SIZE = {"councils": 2, "plans": 5, "themes": 5, "actions": 4}
#: How far a file's themes and actions may stray from what the generator wrote.
TOLERANCE = 0.15


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, synthetic.Manifest]:
    out = tmp_path_factory.mktemp("synthetic")
    return out, synthetic.generate(out, seed=7, **SIZE)


def test_same_seed_same_bytes(corpus, tmp_path: Path) -> None:
    folder, manifest = corpus
    again = synthetic.generate(tmp_path / "again", seed=7, **SIZE)
    assert _digest(tmp_path / "again") == _digest(folder)
    assert [p.file for p in again.plans] == [p.file for p in manifest.plans]
    other = synthetic.generate(tmp_path / "other", seed=8, **SIZE)
    assert _digest(tmp_path / "other") != _digest(folder)
    assert len(other.plans) == len(manifest.plans)


def test_every_shape_and_unique_file_names(corpus) -> None:
    folder, manifest = corpus
    assert len(manifest.plans) == SIZE["councils"] * SIZE["plans"]
    assert {p.shape for p in manifest.plans} == set(synthetic.SHAPES)
    assert len({p.file for p in manifest.plans}) == len(manifest.plans)
    assert manifest.bytes == sum(p.stat().st_size for p in folder.iterdir())


def test_each_file_is_read_by_its_shape_loader(corpus) -> None:
    folder, manifest = corpus
    for spec in manifest.plans:
        doc = SourceDocument.from_path(folder / spec.file)
        assert choose_loader(doc).name == spec.shape, spec.file


def test_build_yields_the_themes_and_actions_written(corpus) -> None:
    folder, manifest = corpus
    result = extract_documents([folder])
    assert not result.errors
    per_doc: dict[str, Counter] = {}
    for node in result.graph.nodes.values():
        per_doc.setdefault(document_name(node.provenance.document), Counter())[node.label] += 1
    for spec in manifest.plans:
        got = per_doc[spec.file]
        for label, expected in ((Label.THEME, spec.themes), (Label.ACTION, spec.actions)):
            assert abs(got[label] - expected) <= TOLERANCE * expected, (spec.file, label, got)


def test_shared_strategies_and_partnerships(corpus) -> None:
    """Names every council uses reach every council; regional ones span the region."""
    folder, _ = corpus
    graph = extract_documents([folder], infer=False).graph
    shared = [n for n in graph.nodes.values() if n.label in (Label.STRATEGY, Label.PARTNERSHIP)]

    def all_named(name: str) -> list:
        return [n for n in shared if name in n.properties.get("aliases", [])]

    def named(name: str):
        found = all_named(name)
        assert len(found) == 1, (name, found)
        return found[0]

    def councils_of(node) -> set[str]:
        return {d.split("-")[0] for d in node.properties["documents"]}

    councils = synthetic.make_councils(SIZE["councils"], 7)
    places = {c.place.lower() for c in councils}
    # A place-less name every council uses: resolution may keep one node for all, or one per
    # council (each council has its own board); either way every council's mentions land on
    # it, variant spellings ("&") included.
    for name in ("Health and Wellbeing Board", "Joint Health and Wellbeing Strategy"):
        found = all_named(name)
        assert found, name
        assert set().union(*(councils_of(n) for n in found)) == places, name
        assert len(found) == 1 or all(len(councils_of(n)) == 1 for n in found), name
    # One region here (REGION_SIZE neighbours): its LEP is one node, acronym and all.
    lep = named(f"{councils[0].region_name} Local Enterprise Partnership")
    assert councils[0].acronym in lep.properties["aliases"]
    assert councils_of(lep) == places
    # A local strategy stays with its council.
    for c in councils:
        assert councils_of(named(f"{c.place} Economic Growth Plan")) == {c.place.lower()}


def test_synthetic_graph_scales_with_the_sizes() -> None:
    small = synthetic.synthetic_graph(councils=1, plans=2, themes=3, actions=3, seed=1)
    big = synthetic.synthetic_graph(councils=2, plans=2, themes=3, actions=3, seed=1)
    labels = Counter(n.label for n in big.nodes.values())
    assert labels[Label.PLAN] == 4 and labels[Label.THEME] == 12 and labels[Label.ACTION] == 36
    assert len(big.nodes) > 1.8 * len(small.nodes) - 20
    ends = set(big.nodes)
    assert all(r.start in ends and r.end in ends for r in big.relationships.values())
