"""Hostile and damaged documents: every loader survives them, nothing else is corrupted."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from stratgraph.graph.model import document_name
from stratgraph.api import build
from stratgraph.errors import LoaderError
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.model import Label
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.registry import LOADERS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HOSTILE = [
    "}) DETACH DELETE n //",
    "`backtick` 'single' \"double\" \\backslash",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{ template }} ${injection} %s %(name)s",
    "\u2028line separator\u2029",
    "<li>• unclosed <b>bold",
    "\tPRIORITY\tPLANS/ACTIONS\tMEASUREMENT/TARGETS",
    "Themes and objectives\tKey projects and activities\tBy when\tRelevant documents and strategies",
    "D.1\t\t\t",
    "# ",
    "- ",
]


def example_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


#: Loaders that refuse a document without their shape (one LoaderError naming it); every
#: other loader reads whatever text it is given, so a refusal from one of them is a failure
#: (a loader that rejected every input would otherwise pass these tests unexercised).
REFUSES_OTHER_SHAPES = frozenset({"delivery-plan"})


def check_extraction(text: str) -> None:
    doc = SourceDocument("fuzz.txt", text)
    assert "general" in LOADERS and set(LOADERS) - REFUSES_OTHER_SHAPES
    for loader in LOADERS.values():
        try:
            result = loader.extract(doc)
        except LoaderError:
            assert loader.name in REFUSES_OTHER_SHAPES, (loader.name, text[:200])
            continue
        graph = result.graph
        assert not list(graph.dangling()), loader.name
        for node in graph.nodes.values():
            assert 1 <= node.provenance.line <= len(doc.lines) + 1, (loader.name, node)
            assert node.name.strip(), (loader.name, node)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_random_text_never_crashes_a_loader(text: str) -> None:
    check_extraction(text or "x")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_plans_never_crash_a_loader(seed: int) -> None:
    texts = example_texts()
    if not texts:
        pytest.skip("no example corpus yet")
    rng = random.Random(seed)
    lines = rng.choice(texts).split("\n")
    for _ in range(rng.randint(1, 12)):
        op = rng.random()
        i = rng.randrange(len(lines) or 1)
        if op < 0.3 and lines:
            del lines[i]
        elif op < 0.5 and lines:
            lines.insert(i, lines[i])
        elif op < 0.8:
            lines.insert(i, rng.choice(HOSTILE))
        elif lines:
            cut = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:cut] + rng.choice(HOSTILE) + lines[i][cut:]
    check_extraction("\n".join(lines))



def _spliced(rng: random.Random, texts: list[str]) -> str:
    """One plan with lines of the others spliced in, some dropped and some cut: the damage a
    converter does when it merges pages of two documents."""
    lines = rng.choice(texts).split("\n")
    for _ in range(rng.randint(1, 20)):
        i, op = rng.randrange(len(lines) or 1), rng.random()
        if op < 0.3 and lines:
            del lines[i]
        elif op < 0.6:
            other = rng.choice(texts).split("\n")
            j = rng.randrange(len(other))
            lines[i:i] = other[j: j + rng.randint(1, 10)]
        elif lines:
            cut = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:cut] + rng.choice(HOSTILE) + lines[i][cut + rng.randint(0, 9):]
    return "\n".join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1))
@example(seed=1_530_827_873)  # a "# \t" line: the general reader named a Theme "" (issue 14)
def test_spliced_plans_never_crash_the_whole_build(seed: int) -> None:
    # Lines of one shape's plan inside another's once reached loader paths (a partnership list
    # starting without a blank line, a stray "#" read as a partnership) that crashed the
    # loader or entity resolution; each file of the build must load, resolve and link.
    import tempfile

    from stratgraph.api import extract_documents

    texts = example_texts()
    if not texts:
        pytest.skip("no example corpus yet")
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        for k in range(rng.randint(2, 4)):
            Path(folder, f"plan{k}.txt").write_text(_spliced(rng, texts), encoding="utf-8")
            check_extraction(Path(folder, f"plan{k}.txt").read_text(encoding="utf-8"))
        result = extract_documents([folder])
    # A file too damaged for the loader that recognised it is a one-line error naming it;
    # the other files still load.
    assert all(isinstance(e, LoaderError) and str(e).startswith("plan") for e in result.errors)
    assert len(result.extractions) + len(result.errors) >= 2
    # The general reader, the fallback, reads any text: a build that loads none of them
    # would be a loader refusing everything.
    assert result.extractions
    assert not list(result.graph.dangling())


def test_hostile_names_come_back_byte_identical(tmp_path: Path) -> None:
    names = HOSTILE[:6]
    body = "\n\n".join(f"# Theme {i} {name}\n\nWe will deliver {name} by March 2025." for i, name in
                       enumerate(names))
    plan = tmp_path / "hostile.txt"
    plan.write_text("Wexbridge City Council Plan 2024-25\n\n" + body + "\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Wexbridge City Council Plan 2024-25\n\n# Housing\n\nWe will build homes.\n",
                     encoding="utf-8")
    store = EmbeddedStore(tmp_path / "g.json")
    result = build([plan, other], store)
    assert result.ok
    stored = EmbeddedStore(tmp_path / "g.json").read()
    # What the loaders read is exactly what the store gives back.
    assert stored.nodes == result.graph.nodes
    themes = {n.name for n in stored.nodes.values() if n.label is Label.THEME}
    # Tags are stripped from names by design (names are clean text); everything else survives.
    for name in ("}) DETACH DELETE n //", "`backtick` 'single' \"double\" \\backslash",
                 "javascript:alert(1)", "{{ template }} ${injection} %s %(name)s"):
        assert any(name in t for t in themes), name
    assert "Housing" in themes


def test_a_huge_single_line_loads(tmp_path: Path) -> None:
    plan = tmp_path / "long.txt"
    plan.write_text("# Wexbridge City Council Plan 2024-25\n\n# Theme\n\n" + "word " * 400_000 + "\n",
                    encoding="utf-8")
    result = build([plan], EmbeddedStore(tmp_path / "g.json"))
    assert result.ok


def test_windows_1252_plan_loads_with_its_characters(tmp_path: Path) -> None:
    plan = tmp_path / "cp.txt"
    plan.write_bytes("Wexbridge City Council Plan 2024–25\n\n# Café culture – “open”\n\n"
                     "We will open the £2m café by March 2025.\n".encode("cp1252"))
    store = EmbeddedStore(tmp_path / "g.json")
    assert build([plan], store).ok
    assert any("Café culture – “open”" == n.name for n in store.read().nodes.values())


def test_a_file_that_vanishes_mid_build_is_reported_and_the_rest_load(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(
            f"Wexbridge City Council Plan 2024-25\n\n# Theme {name}\n\nWe will act on {name}.\n",
            encoding="utf-8")

    def vanish(path: Path) -> None:
        # Another process deletes b.txt while a.txt is being read.
        if path.name == "a.txt":
            (folder / "b.txt").unlink()

    store = EmbeddedStore(tmp_path / "g.json")
    result = build([folder], store, progress=vanish)
    assert [str(e) for e in result.errors] == [
        f"{folder / 'b.txt'}: file not found (was it moved or deleted during the build?)"]
    docs = {document_name(n.provenance.document) for n in store.read().nodes.values()}
    assert {"a.txt", "c.txt"} <= docs and "b.txt" not in docs


def test_a_folder_of_two_thousand_files_loads(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"plan-{i:04}.txt").write_text(
            f"Wexbridge City Council Plan 2024-25\n\n# Theme {i}\n\nWe will do thing {i}.\n",
            encoding="utf-8")
    store = EmbeddedStore(tmp_path / "g.json")
    result = build([folder], store)
    assert result.ok and len(result.extractions) == 2000
    assert result.summary is not None and result.summary.labels["Plan"] == 2000


@pytest.mark.parametrize(
    "row",
    [
        "<b>Objective only</b>",  # missing columns
        "<b>Too many</b>\t<ul><li>• Act</li></ul>\t<ul><li>• Ongoing</li></ul>\tPlan A\textra\tmore",
        "\t\t\t",  # all empty
        "<b>Unclosed\t<ul><li>• Act one<li>• Act two\t<li>• March 2025\tLocal Transport Plan",
    ],
)
def test_activity_tables_with_missing_or_extra_columns_load(row: str) -> None:
    text = (EXAMPLES / "wexbridge-city-delivery-plan-2024-25.txt").read_text(encoding="utf-8")
    header = "Themes and objectives\tKey projects and activities\tBy when\tRelevant documents and strategies"
    assert header in text
    damaged = text.replace(header, header + "\n" + row, 1)
    check_extraction(damaged)


@pytest.mark.parametrize(
    "row",
    ["Only a priority", "A priority\tAn action.\tA target.\tAn extra cell\tAnd another", "\t\t"],
)
def test_priority_tables_with_missing_or_extra_columns_load(row: str) -> None:
    text = (EXAMPLES / "wexshire-county-strategic-plan-2020-24.txt").read_text(encoding="utf-8")
    header = next(line for line in text.split("\n") if line.startswith("PRIORIT"))
    check_extraction(text.replace(header, header + "\n" + row, 1))


def test_hostile_plan_round_trips_byte_identical_through_neo4j(neo4j_store, tmp_path: Path) -> None:
    """Cypher and HTML metacharacters in a plan reach Neo4j only as parameters."""
    body = "\n\n".join(f"# Theme {i} {name}\n\nWe will deliver {name} by March 2025."
                       for i, name in enumerate(HOSTILE[:7]))
    plan = tmp_path / "hostile `plan' \"x\".txt"
    plan.write_text("Wexbridge City Council Plan 2024-25\n\n" + body + "\n", encoding="utf-8")
    result = build([plan], neo4j_store)
    assert result.ok
    stored = neo4j_store.read()
    assert stored.nodes == result.graph.nodes
    assert stored.relationships == result.graph.relationships
    names = {n.name for n in stored.nodes.values()}
    assert any("}) DETACH DELETE n //" in n for n in names)


@pytest.mark.parametrize("heading", ["# \t", "## \u00a0", "### **  **"])
def test_a_heading_of_no_words_names_no_theme(heading: str) -> None:
    # A converter's empty heading once made the general reader's Theme with the name "" (the
    # spliced-plans property test, seed 1530827873).
    text = f"Wexbridge Council Plan 2024-28\n\n{heading}\n\n## Housing\n\nWe will build 100 homes.\n"
    check_extraction(text)
