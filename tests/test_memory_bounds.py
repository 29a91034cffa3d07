"""Bounded reading: a plan is read up to a documented number of lines, with a warning naming
the file, so one pathological plan (a million one-word bullets) cannot take the machine's
memory. The figures are bench/bench_memory.py's (BENCHMARKS.md, "Memory per plan")."""

from __future__ import annotations

from pathlib import Path

import pytest

import stratgraph.loaders.read as read
from stratgraph.api import build
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.model import Label
from stratgraph.loaders.read import MAX_LINES, limit_lines, read_bytes

HEAD = "Wexbridge City Council Plan 2024-25\n\n# Our priorities\n\n"


def _bullets(count: int) -> str:
    return HEAD + "".join(f"- We will deliver item {i}\n" for i in range(count))


def test_a_plan_within_the_cap_is_untouched() -> None:
    doc = read_bytes(_bullets(10).encode(), "plan.txt", suffix=".txt")
    assert limit_lines(doc, 100) == (doc, None)
    # Blank lines past the cap are not content: nothing is cut.
    doc = read_bytes((_bullets(10) + "\n" * 200).encode(), "plan.txt", suffix=".txt")
    assert limit_lines(doc, 20)[1] is None


def test_a_plan_over_the_cap_is_cut_with_a_warning() -> None:
    doc = read_bytes(_bullets(100).encode(), "plan.txt", suffix=".txt")
    cut, warning = limit_lines(doc, 30)
    assert len(cut.lines) == 30 and cut.lines == doc.lines[:30]
    assert warning == (f"plan.txt: {len(doc.lines)} lines; only the first 30 were read (a plan "
                       "is read up to 30 lines, to bound the memory a build takes; split the "
                       "rest into another file)")
    assert max(b.end_line or b.line for b in cut.blocks) <= 30


def test_a_build_reads_a_plan_up_to_the_cap(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(_bullets(500), encoding="utf-8")
    monkeypatch.setattr(read, "MAX_LINES", 100)
    result = build([path], EmbeddedStore(tmp_path / "g.json"))
    assert result.ok
    (extraction,) = result.extractions
    assert any("only the first 100 were read" in w for w in extraction.warnings)
    items = [n for n in result.graph.nodes.values() if n.label in (Label.ACTION, Label.OUTCOME)]
    assert items and max(n.provenance.line for n in items) <= 100
    assert len(items) < 100


def test_the_cap_is_far_above_real_plans(corpus_dir: Path) -> None:
    # The longest real plan is a few thousand lines at most: the cap never cuts one.
    longest = max(len(p.read_text(encoding="utf-8").splitlines())
                  for p in corpus_dir.glob("*.txt"))
    assert longest * 5 < MAX_LINES
