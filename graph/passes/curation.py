"""The curation file: strategy staff correct what the loaders read, and the fix sticks.

A TOML file (``stratgraph-curation.toml`` in the working directory, or ``--curation FILE``)
applied after extraction and resolution, in a fixed order (keep-apart, merge, rename, remove,
unlink, link), so the same file on the same documents always gives the same graph. Every change
it makes is marked: nodes get a ``curated`` list saying what was done, links it adds have
``method = "curated"``.

Example::

    # Names the resolver must not merge.
    [[keep_apart]]
    label = "Partnership"
    names = ["Children's Trust", "Children's Trust Board"]

    # Names that are one entity; "into" is the name kept.
    [[merge]]
    label = "Strategy"
    into = "Leicester Economic Action Plan"
    names = ["Economic Action Plan", "EAP"]

    [[rename]]
    label = "Strategy"
    name = "LLEP Growth Plan"
    to = "LLEP Strategic Growth Plan"

    [[remove]]
    label = "Strategy"
    name = "The Plan"

    [[unlink]]
    type = "SUPPORTS"
    from = { label = "Action", name = "Launch the skills network" }
    to = { label = "Outcome", name = "Leicester to Work" }

    [[link]]
    type = "DEPENDS_ON"
    from = { label = "Theme", name = "A low carbon city", plan = "City Mayor's Delivery Plan" }
    to = { label = "Theme", name = "Getting about in Leicester" }
    note = "agreed at the strategy team review, May 2013"

Names match a node's name or any of its aliases, ignoring case and punctuation; ``plan``
(a plan's name or id) narrows the match when the same name is in several plans.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from stratgraph.errors import CurationError
from stratgraph.graph.data import GraphData, merge_nodes
from stratgraph.graph.model import (
    Label,
    Method,
    Node,
    Provenance,
    Relationship,
    RelType,
    normalise_name,
)

DEFAULT_CURATION_FILE = Path("stratgraph-curation.toml")
_SECTIONS = ("keep_apart", "merge", "rename", "remove", "unlink", "link")


@dataclass(frozen=True)
class Curation:
    """A parsed curation file."""

    path: Path
    text: str
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def keep_apart(self) -> list[list[str]]:
        """Groups of names the resolver must not merge."""
        return [list(entry.get("names", [])) for entry in self.sections.get("keep_apart", [])]

    def line_of(self, value: str) -> int | None:
        """The first line of the file that mentions ``value`` (for error messages)."""
        for number, line in enumerate(self.text.splitlines(), 1):
            if value and value in line:
                return number
        return None


def load_curation(path: Path | None) -> Curation | None:
    """Read the curation file at ``path``, or the default file when present, else None."""
    if path is None:
        if not DEFAULT_CURATION_FILE.is_file():
            return None
        path = DEFAULT_CURATION_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CurationError(f"cannot read ({exc.strerror or exc})", file=str(path)) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's TOMLDecodeError carries the position only in its message.
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise CurationError(f"not valid TOML ({reason})", file=str(path), line=line) from exc
    unknown = sorted(set(data) - set(_SECTIONS))
    if unknown:
        raise CurationError(
            f"unknown section [[{unknown[0]}]] (known: {', '.join(_SECTIONS)})",
            file=str(path), line=_line(text, unknown[0]),
        )
    sections = {}
    for key in _SECTIONS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise CurationError(f"[[{key}]] must be a list of tables", file=str(path),
                                line=_line(text, key))
        sections[key] = value
    return Curation(path, text, sections)


def _line(text: str, value: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if value in line:
            return number
    return None


class _Applier:
    def __init__(self, graph: GraphData, curation: Curation) -> None:
        self.graph = GraphData(dict(graph.nodes), dict(graph.relationships))
        self.cur = curation

    def fail(self, message: str, value: str = "") -> CurationError:
        return CurationError(message, file=str(self.cur.path), line=self.cur.line_of(value))

    def label(self, entry: dict[str, Any]) -> Label:
        raw = entry.get("label")
        try:
            return Label(raw)
        except ValueError:
            raise self.fail(f"unknown label {raw!r}", str(raw)) from None

    def find(self, label: Label, name: str, plan: str | None = None) -> list[Node]:
        key = normalise_name(name)
        plan_ids = None
        if plan:
            plan_ids = {
                n.id for n in self.graph.nodes.values()
                if n.label is Label.PLAN and (n.id == plan or normalise_name(n.name)
                                              == normalise_name(plan))
            }
        found = [
            n for n in self.graph.nodes.values()
            if n.label is label
            and (normalise_name(n.name) == key
                 or key in {normalise_name(a) for a in n.properties.get("aliases") or ()})
            and (plan_ids is None or n.properties.get("plan_id") in plan_ids)
        ]
        return sorted(found, key=lambda n: n.id)

    def find_one(self, ref: dict[str, Any]) -> Node:
        if not isinstance(ref, dict) or "name" not in ref:
            raise self.fail("a link end needs a table with label and name")
        label = self.label(ref)
        found = self.find(label, ref["name"], ref.get("plan"))
        if not found:
            raise self.fail(f"no {label.value} named {ref['name']!r}", ref["name"])
        if len(found) > 1:
            raise self.fail(
                f"{len(found)} {label.value} nodes are named {ref['name']!r}; add plan = ...",
                ref["name"],
            )
        return found[0]

    def mark(self, node: Node, note: str) -> Node:
        notes = list(node.properties.get("curated") or []) + [note]
        return replace(node, properties=dict(node.properties, curated=notes))

    def repoint(self, old: str, new: str) -> None:
        rels = list(self.graph.relationships.values())
        self.graph.relationships = {}
        for rel in rels:
            start = new if rel.start == old else rel.start
            end = new if rel.end == old else rel.end
            if start != end:
                self.graph.add_relationship(replace(rel, start=start, end=end))

    def merge(self, entry: dict[str, Any]) -> None:
        label = self.label(entry)
        into = entry.get("into")
        if not into:
            raise self.fail("[[merge]] needs into = \"name kept\"", "merge")
        targets = self.find(label, into, entry.get("plan"))
        if not targets:
            raise self.fail(f"no {label.value} named {into!r} to merge into", into)
        target = targets[0]
        for name in entry.get("names", []):
            for node in self.find(label, name, entry.get("plan")):
                if node.id == target.id:
                    continue
                merged = merge_nodes(target, replace(node, id=target.id))
                aliases = sorted(set(merged.properties.get("aliases") or []) | {node.name})
                target = self.mark(
                    replace(merged, name=target.name, provenance=target.provenance,
                            properties=dict(merged.properties, aliases=aliases)),
                    f"merged {node.name!r}",
                )
                del self.graph.nodes[node.id]
                self.graph.nodes[target.id] = target
                self.repoint(node.id, target.id)

    def rename(self, entry: dict[str, Any]) -> None:
        label = self.label(entry)
        name, to = entry.get("name", ""), entry.get("to", "")
        if not to:
            raise self.fail("[[rename]] needs to = \"new name\"", name)
        nodes = self.find(label, name, entry.get("plan"))
        if not nodes:
            raise self.fail(f"no {label.value} named {name!r} to rename", name)
        for node in nodes:
            aliases = sorted(set(node.properties.get("aliases") or []) | {node.name})
            renamed = replace(node, name=to, properties=dict(node.properties, aliases=aliases))
            self.graph.nodes[node.id] = self.mark(renamed, f"renamed from {node.name!r}")

    def remove(self, entry: dict[str, Any]) -> None:
        label = self.label(entry)
        name = entry.get("name", "")
        nodes = self.find(label, name, entry.get("plan"))
        if not nodes:
            raise self.fail(f"no {label.value} named {name!r} to remove", name)
        gone = {n.id for n in nodes}
        for node_id in gone:
            del self.graph.nodes[node_id]
        self.graph.relationships = {
            k: r for k, r in self.graph.relationships.items()
            if r.start not in gone and r.end not in gone
        }

    def rel_type(self, entry: dict[str, Any]) -> RelType:
        try:
            return RelType(entry.get("type"))
        except ValueError:
            raise self.fail(f"unknown relationship type {entry.get('type')!r}",
                            str(entry.get("type"))) from None

    def unlink(self, entry: dict[str, Any]) -> None:
        type_ = self.rel_type(entry)
        start, end = self.find_one(entry.get("from")), self.find_one(entry.get("to"))
        rel_id = Relationship(type_, start.id, end.id, Provenance("x", 1)).id
        if rel_id not in self.graph.relationships:
            raise self.fail(f"no {type_.value} link from {start.name!r} to {end.name!r}",
                            start.name)
        del self.graph.relationships[rel_id]

    def link(self, entry: dict[str, Any]) -> None:
        type_ = self.rel_type(entry)
        start, end = self.find_one(entry.get("from")), self.find_one(entry.get("to"))
        line = self.cur.line_of(str(entry.get("from", {}).get("name", ""))) or 1
        props = {"note": entry["note"]} if entry.get("note") else {}
        self.graph.add_relationship(
            Relationship(type_, start.id, end.id, Provenance(self.cur.path.name, line),
                         Method.CURATED, 1.0, props)
        )


def apply_curation(graph: GraphData, curation: Curation | Path | None) -> GraphData:
    """Apply a curation file's merges, renames, removals and link edits, in that order."""
    if curation is None:
        return graph
    if isinstance(curation, Path):
        loaded = load_curation(curation)
        if loaded is None:
            return graph
        curation = loaded
    applier = _Applier(graph, curation)
    for section in ("merge", "rename", "remove", "unlink", "link"):
        for entry in curation.sections.get(section, []):
            getattr(applier, section)(entry)
    return applier.graph
