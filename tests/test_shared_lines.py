"""Strategies' and partnerships' lines: each mention and each link that names one points at
the line of the plan that names it (a loader shifting them by a line would otherwise pass
every other test: their names, ids and links stay right).

Every loader shape is read: the five example plans, built together.
"""

from __future__ import annotations

from pathlib import Path

from stratgraph.api import extract_documents
from stratgraph.graph.model import Label, Method, RelType, document_name, normalise_name

SHARED = (Label.STRATEGY, Label.PARTNERSHIP)


def _named_on(line: str, names: list[str]) -> bool:
    """Whether ``line`` names one of ``names``: its first two words at least (a name may run
    on to the next line or the next cell of a table row)."""
    text = f" {normalise_name(line)} "
    return any(f" {' '.join(normalise_name(n).split()[:2])} " in text for n in names)


def test_every_strategy_and_partnership_line_names_it(examples_dir: Path) -> None:
    files = sorted(examples_dir.glob("*.txt"))
    lines = {f.name: f.read_text(encoding="utf-8").splitlines() for f in files}
    graph = extract_documents(files, curation=None).graph
    checked, wrong = 0, []
    for node in graph.nodes.values():
        if node.label not in SHARED:
            continue
        names = [node.name, *(node.properties.get("aliases") or ())]
        for mention in node.properties.get("mentions") or ():
            doc, _, line = mention.rpartition(":")
            checked += 1
            if not _named_on(lines[document_name(doc)][int(line) - 1], names):
                wrong.append(f"{node.name}: {mention}")
    for rel in graph.relationships.values():
        end = graph.nodes.get(rel.end)
        if (end is None or end.label not in SHARED or rel.method is not Method.STATED
                or rel.type not in (RelType.REFERENCES, RelType.INVOLVES)):
            continue
        names = [end.name, *(end.properties.get("aliases") or ())]
        checked += 1
        text = lines[document_name(rel.provenance.document)][rel.provenance.line - 1]
        if not _named_on(text, names):
            wrong.append(f"{rel.type.value} {end.name}: {rel.provenance}")
    assert checked > 200
    assert not wrong


def test_pinned_lines_of_a_strategy_and_a_partnership(examples_dir: Path) -> None:
    files = sorted(examples_dir.glob("*.txt"))
    graph = extract_documents(files, curation=None).graph

    def mentions(label: Label, name: str) -> list[list[str]]:
        return sorted(
            sorted(f"{document_name(m.rpartition(':')[0])}:{m.rpartition(':')[2]}"
                   for m in n.properties["mentions"])
            for n in graph.nodes.values() if n.label is label and n.name == name)

    # Read from the plans (see the lines): the city's and the county's transport plans.
    assert mentions(Label.STRATEGY, "Local Transport Plan") == [
        ["wexbridge-city-corporate-plan-2005.txt:79", "wexbridge-city-delivery-plan-2024-25.txt:77",
         "wexbridge-city-self-assessment-2010.txt:72"],
        ["wexshire-county-strategic-plan-2020-24.txt:47",
         "wexshire-county-strategic-plan-2024-28.txt:118"],
    ]
    assert mentions(Label.PARTNERSHIP, "Wexshire Local Enterprise Partnership") == [[
        "wexbridge-city-corporate-plan-2005.txt:86", "wexbridge-city-delivery-plan-2024-25.txt:63",
        "wexbridge-city-self-assessment-2010.txt:46", "wexshire-county-strategic-plan-2020-24.txt:47",
        "wexshire-county-strategic-plan-2024-28.txt:116",
    ]]
