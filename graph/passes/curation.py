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
from dataclasses import dataclass, field, replace
from collections.abc import Collection
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


#: What each section's entries hold: required keys, optional keys, and each key's kind
#: ("text": a non-blank string; "names": a list of non-blank strings; "label": a node label;
#: "type": a relationship type; "end": a table with label, name and optionally plan).
_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "keep_apart": (("label", "names"), ()),
    "merge": (("label", "into", "names"), ("plan",)),
    "rename": (("label", "name", "to"), ("plan",)),
    "remove": (("label", "name"), ("plan",)),
    "unlink": (("type", "from", "to"), ()),
    "link": (("type", "from", "to"), ("note",)),
}
_KIND = {"label": "label", "names": "names", "type": "type"}


@dataclass(frozen=True)
class Curation:
    """A parsed, checked curation file."""

    path: Path
    text: str
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: Per section, each entry's first line in the file (its ``[[section]]`` header), or None.
    lines: dict[str, list[int | None]] = field(default_factory=dict)

    def keep_apart(self) -> list[list[str]]:
        """Groups of names the resolver must not merge."""
        return [list(entry.get("names", [])) for entry in self.sections.get("keep_apart", [])]

    def line_of(self, value: str) -> int | None:
        """The first line of the file that mentions ``value`` (for error messages)."""
        for number, line in enumerate(self.text.splitlines(), 1):
            if value and value in line:
                return number
        return None

    def entry_line(self, section: str, index: int, key: str | None = None) -> int | None:
        """The line of entry ``index`` of ``section`` (of its ``key`` when given)."""
        starts = self.lines.get(section) or []
        start = starts[index] if index < len(starts) else None
        if start is None or key is None:
            return start
        return _key_line(self.text, start, key) or start


def load_curation(path: Path | None) -> Curation | None:
    """Read and check the curation file at ``path``, or the default file when present.

    Every value is checked here, before any document is read: a rename to a number, a list or
    blanks, ``names = "X"`` (a string, not a list of names), an unknown key, label or
    relationship type is one :class:`CurationError` naming the file and line.
    """
    if path is None:
        if not DEFAULT_CURATION_FILE.is_file():
            return None
        path = DEFAULT_CURATION_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CurationError(f"cannot read ({exc.strerror or exc})", file=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise CurationError("not UTF-8 text", file=str(path)) from exc
    # Here, not at the top: most builds have no curation file, and tomllib's parser is a
    # few milliseconds of every start-up.
    import tomllib

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
    lines: dict[str, list[int | None]] = {}
    for key in _SECTIONS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise CurationError(f"[[{key}]] must be a list of tables", file=str(path),
                                line=_line(text, key))
        sections[key] = value
        lines[key] = _entry_starts(text, key, len(value))
    curation = Curation(path, text, sections, lines)
    for key in _SECTIONS:
        for index, entry in enumerate(sections[key]):
            _check_entry(curation, key, index, entry)
    return curation


def _check_entry(cur: Curation, section: str, index: int, entry: dict[str, Any]) -> None:
    """Raise one CurationError (file:line) for the first wrong value of an entry."""
    required, optional = _FIELDS[section]

    def fail(message: str, key: str | None = None) -> CurationError:
        return CurationError(f"[[{section}]] {message}", file=str(cur.path),
                             line=cur.entry_line(section, index, key))

    extra = sorted(set(entry) - set(required) - set(optional))
    if extra:
        raise fail(f"has an unknown key {extra[0]!r} (known: "
                   f"{', '.join(required + optional)})", extra[0])
    for key in required:
        if key not in entry:
            raise fail(f"needs {key} = ...")
    for key, value in entry.items():
        kind = _KIND.get(key, "text")
        if section in ("link", "unlink") and key in ("from", "to"):
            kind = "end"
        problem = _problem(kind, value)
        if problem:
            raise fail(f"{key}: {problem}", key)


def _problem(kind: str, value: Any) -> str | None:
    """What is wrong with ``value`` as a ``kind``, or None when it is right."""
    if kind == "text":
        if not isinstance(value, str):
            return f"must be text in quotes, not {_toml_type(value)} {value!r}"
        if not value.strip():
            return "must not be blank"
        return None
    if kind == "names":
        if isinstance(value, str):
            return f'must be a list of names, e.g. names = ["{value}"]'
        if not isinstance(value, list) or not value:
            return "must be a list of one or more names in quotes"
        for item in value:
            problem = _problem("text", item)
            if problem:
                return f"each name {problem}"
        return None
    if kind == "label":
        problem = _problem("text", value)
        if problem:
            return problem
        if value not in {label.value for label in Label}:
            return f"unknown label {value!r} (known: {', '.join(l.value for l in Label)})"
        return None
    if kind == "type":
        problem = _problem("text", value)
        if problem:
            return problem
        if value not in {t.value for t in RelType}:
            return f"unknown relationship type {value!r}"
        return None
    # A link end: a table with label and name, and optionally plan.
    if not isinstance(value, dict):
        return "must be a table such as { label = \"Theme\", name = \"...\" }"
    extra = sorted(set(value) - {"label", "name", "plan"})
    if extra:
        return f"has an unknown key {extra[0]!r} (known: label, name, plan)"
    for key in ("label", "name"):
        if key not in value:
            return f"needs {key} = ..."
    for key, item in value.items():
        problem = _problem("label" if key == "label" else "text", item)
        if problem:
            return f"{key} {problem}"
    return None


def _toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


def _entry_starts(text: str, section: str, count: int) -> list[int | None]:
    """The lines of the ``[[section]]`` headers, in order (None past the last one found:
    entries written inline, ``section = [{...}]``, have no header of their own)."""
    header = re.compile(rf"^\s*\[\[\s*{re.escape(section)}\s*\]\]")
    found = [n for n, line in enumerate(text.splitlines(), 1) if header.match(line)]
    if not found:
        inline = _line(text, section)
        return [inline] * count
    return [found[i] if i < len(found) else None for i in range(count)]


def _key_line(text: str, start: int, key: str) -> int | None:
    """The line of ``key = ...`` in the entry whose header is on line ``start``."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    lines = text.splitlines()
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if line.lstrip().startswith("["):
            return None
        if pattern.match(line):
            return number
    return None


def _line(text: str, value: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if value in line:
            return number
    return None


#: The property a renamed node keeps its name before curation in, so that a rename removed
#: from the file stops applying (see :func:`uncurate`).
NAME_BEFORE = "name_before_curation"
#: A node curation changed beyond its name (a merge's target): its record as read, as JSON.
AS_READ = "as_read_before_curation"
#: On a Plan node: what curation took out of its document (removed or merged-away nodes with
#: their links, unlinked links), each record as JSON, so a rule taken out of the file puts
#: them back without the plan being read again.
SET_ASIDE = "curation_set_aside"
#: On a Plan node: curation changed something of its document. A build without a curation
#: file that finds one reads the whole graph to undo what the (deleted) file did.
APPLIED = "curation_applied"
#: On a link a merge moved onto the node kept: the link as read is set aside.
REPOINTED = "curation_repointed"


class _Applier:
    def __init__(self, graph: GraphData, curation: Curation) -> None:
        self.graph = GraphData(dict(graph.nodes), dict(graph.relationships))
        self.cur = curation
        self.notes: list[str] = []
        #: Records as read that curation took out of the graph (see SET_ASIDE).
        self.set_aside: list[Node | Relationship] = []
        # The entry being applied, for the line of a message.
        self.at: tuple[str, int] = ("", 0)

    def where(self, key: str | None = None) -> int | None:
        return self.cur.entry_line(self.at[0], self.at[1], key)

    def fail(self, message: str, key: str | None = None) -> CurationError:
        return CurationError(message, file=str(self.cur.path), line=self.where(key))

    def note(self, message: str, key: str | None = None) -> None:
        """An entry that matches nothing: said, not fatal (it may name another plan's nodes)."""
        line = self.where(key)
        self.notes.append(f"{self.cur.path}:{line}: {message}" if line else
                          f"{self.cur.path}: {message}")

    def find(self, label: Label, name: str, plan: str | None = None) -> list[Node]:
        key = normalise_name(name)
        plan_ids = None
        if plan:
            wanted = normalise_name(plan)
            plan_ids = {
                n.id for n in self.graph.nodes.values()
                if n.label is Label.PLAN and (
                    n.id == plan or normalise_name(n.name) == wanted
                    or normalise_name(str(n.properties.get("document_name") or "")) == wanted)
            }
        found = [
            n for n in self.graph.nodes.values()
            if n.label is label
            and (normalise_name(n.name) == key
                 or key in {normalise_name(a) for a in n.properties.get("aliases") or ()})
            and (plan_ids is None or n.properties.get("plan_id") in plan_ids)
        ]
        return sorted(found, key=lambda n: n.id)

    def find_one(self, ref: dict[str, Any], key: str) -> Node | None:
        label = Label(ref["label"])
        found = self.find(label, ref["name"], ref.get("plan"))
        if not found:
            self.note(f"no {label.value} named {ref['name']!r}; [[{self.at[0]}]] not applied",
                      key)
            return None
        if len(found) > 1:
            raise self.fail(
                f"{len(found)} {label.value} nodes are named {ref['name']!r}; add plan = ...",
                key,
            )
        return found[0]

    def mark(self, node: Node, note: str) -> Node:
        # A note already there is not added again: the file is applied at every build.
        notes = list(node.properties.get("curated") or [])
        notes += [] if note in notes else [note]
        return replace(node, properties=dict(node.properties, curated=notes))

    def repoint(self, old: str, new: str) -> None:
        rels = list(self.graph.relationships.values())
        self.graph.relationships = {}
        moved: list[Relationship] = []
        for rel in rels:
            if old not in (rel.start, rel.end):
                self.graph.add_relationship(rel)
                continue
            self.set_aside.append(rel)
            start = new if rel.start == old else rel.start
            end = new if rel.end == old else rel.end
            if start != end:
                moved.append(replace(rel, start=start, end=end,
                                     properties=dict(rel.properties, **{REPOINTED: True})))
        for rel in moved:
            clash = self.graph.relationships.get(rel.id)
            if clash is not None and not clash.properties.get(REPOINTED):
                self.set_aside.append(clash)  # merged with a moved link: kept as read too
            self.graph.add_relationship(rel)
            kept = self.graph.relationships[rel.id]
            if not kept.properties.get(REPOINTED):
                self.graph.relationships[rel.id] = replace(
                    kept, properties=dict(kept.properties, **{REPOINTED: True}))

    def merge(self, entry: dict[str, Any]) -> None:
        label = Label(entry["label"])
        into = entry["into"]
        targets = self.find(label, into, entry.get("plan"))
        if not targets:
            self.note(f"no {label.value} named {into!r} to merge into", "into")
            return
        target = targets[0]
        for name in entry["names"]:
            for node in self.find(label, name, entry.get("plan")):
                if node.id == target.id:
                    continue
                from stratgraph.graph.serialize import node_to_dict

                self.set_aside.append(node)
                if AS_READ not in target.properties:
                    target = replace(target, properties=dict(
                        target.properties, **{AS_READ: _dumps(node_to_dict(target))}))
                merged = merge_nodes(target, replace(node, id=target.id, parts=()))
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
        label = Label(entry["label"])
        name, to = entry["name"], entry["to"].strip()
        nodes = self.find(label, name, entry.get("plan"))
        if not nodes:
            self.note(f"no {label.value} named {name!r} to rename", "name")
            return
        for node in nodes:
            aliases = sorted(set(node.properties.get("aliases") or []) | {node.name})
            props = dict(node.properties, aliases=aliases)
            props.setdefault(NAME_BEFORE, node.name)
            renamed = replace(node, name=to, properties=props)
            self.graph.nodes[node.id] = self.mark(renamed, f"renamed from {node.name!r}")

    def remove(self, entry: dict[str, Any]) -> None:
        label = Label(entry["label"])
        name = entry["name"]
        nodes = self.find(label, name, entry.get("plan"))
        if not nodes:
            self.note(f"no {label.value} named {name!r} to remove", "name")
            return
        gone = {n.id for n in nodes}
        self.set_aside.extend(nodes)
        self.set_aside.extend(r for r in self.graph.relationships.values()
                              if r.start in gone or r.end in gone)
        for node_id in gone:
            del self.graph.nodes[node_id]
        self.graph.relationships = {
            k: r for k, r in self.graph.relationships.items()
            if r.start not in gone and r.end not in gone
        }

    def unlink(self, entry: dict[str, Any]) -> None:
        type_ = RelType(entry["type"])
        start, end = self.find_one(entry["from"], "from"), self.find_one(entry["to"], "to")
        if start is None or end is None:
            return
        rel_id = Relationship(type_, start.id, end.id, Provenance("x", 1)).id
        if rel_id not in self.graph.relationships:
            self.note(f"no {type_.value} link from {start.name!r} to {end.name!r} to unlink",
                      "from")
            return
        self.set_aside.append(self.graph.relationships.pop(rel_id))

    def link(self, entry: dict[str, Any]) -> None:
        type_ = RelType(entry["type"])
        start, end = self.find_one(entry["from"], "from"), self.find_one(entry["to"], "to")
        if start is None or end is None:
            return
        line = self.where("from") or 1
        props = {"note": entry["note"]} if entry.get("note") else {}
        self.graph.add_relationship(
            Relationship(type_, start.id, end.id, Provenance(self.cur.path.name, line),
                         Method.CURATED, 1.0, props)
        )


def apply_curation(graph: GraphData, curation: Curation | Path | None,
                   notes: list[str] | None = None,
                   set_aside: list[Node | Relationship] | None = None) -> GraphData:
    """Apply a curation file's merges, renames, removals and link edits, in that order.

    An entry that names nothing in ``graph`` is not an error (a shared curation file names
    every plan's nodes, and a build may hold one plan): it is skipped and said in ``notes``,
    one ``file:line`` message each. The records as read that it takes out (removed and
    merged-away nodes, their links, unlinked links) are added to ``set_aside``.
    """
    if curation is None:
        return graph
    if isinstance(curation, Path):
        loaded = load_curation(curation)
        if loaded is None:
            return graph
        curation = loaded
    applier = _Applier(graph, curation)
    for section in ("merge", "rename", "remove", "unlink", "link"):
        for index, entry in enumerate(curation.sections.get(section, [])):
            applier.at = (section, index)
            getattr(applier, section)(entry)
    if notes is not None:
        notes.extend(applier.notes)
    if set_aside is not None:
        set_aside.extend(applier.set_aside)
    return applier.graph


def uncurate(graph: GraphData) -> GraphData:
    """``graph`` as it was read, so far as curation changed it: renamed and merged-into nodes
    get their records as read back, what curation set aside (removed and merged-away nodes,
    their links, unlinked links) comes back, and curated or moved links go. Applying the
    current file afterwards means a rule changed or taken out of it stops applying."""
    nodes = dict(graph.nodes)
    relationships = {k: r for k, r in graph.relationships.items()
                     if r.method is not Method.CURATED and not r.properties.get(REPOINTED)}
    restored: list[Node | Relationship] = []
    for id_, node in graph.nodes.items():
        props = node.properties
        if not (NAME_BEFORE in props or AS_READ in props or SET_ASIDE in props
                or APPLIED in props):
            continue
        restored.extend(_records(props.get(SET_ASIDE)))
        as_read = _records([props[AS_READ]]) if AS_READ in props else []
        if as_read and isinstance(as_read[0], Node):
            # Its parts, less the records the merge brought in.
            docs = set(as_read[0].properties.get("documents") or ())
            parts = tuple(p for p in node.parts if p.provenance.document in docs)
            nodes[id_] = replace(as_read[0], parts=parts if len(parts) > 1 else ())
            continue
        kept = {k: v for k, v in props.items()
                if k not in (NAME_BEFORE, AS_READ, SET_ASIDE, APPLIED)}
        name = node.name
        if NAME_BEFORE in props:
            name = str(props[NAME_BEFORE])
            notes = [n for n in kept.get("curated") or ()
                     if not str(n).startswith("renamed from")]
            if notes:
                kept["curated"] = notes
            else:
                kept.pop("curated", None)
        nodes[id_] = Node(node.id, node.label, name, node.provenance, kept, node.parts)
    for record in restored:
        if isinstance(record, Node):
            nodes.setdefault(record.id, record)
    for record in restored:
        if isinstance(record, Relationship) and record.start in nodes and record.end in nodes:
            relationships[record.id] = record
    return GraphData(nodes, relationships)


def _dumps(record: dict[str, Any]) -> str:
    import json

    return json.dumps(record, ensure_ascii=False, sort_keys=True, allow_nan=False)


def _records(texts: Any) -> list[Node | Relationship]:
    """The records a SET_ASIDE list (or one AS_READ value) holds; unreadable ones are skipped."""
    import json

    from stratgraph.graph.serialize import node_from_dict, relationship_from_dict

    out: list[Node | Relationship] = []
    for text in texts if isinstance(texts, list) else ():
        try:
            data = json.loads(text)
            out.append(relationship_from_dict(data) if "type" in data else node_from_dict(data))
        except (TypeError, ValueError, KeyError, AttributeError):
            continue
    return out


@dataclass(frozen=True)
class CuratedWrite:
    """What a build writes once curation is applied to the whole graph."""

    #: The records to write: the new documents' and those of every document curation changed.
    graph: GraphData
    #: The documents the write replaces (each is written again from ``graph``).
    replace_documents: tuple[str, ...]
    #: Entries that matched nothing, one ``file:line`` message each.
    notes: tuple[str, ...] = ()


def curated_write(stored: GraphData, new: GraphData, replaced: Collection[str],
                  curation: Curation | None) -> CuratedWrite:
    """Apply ``curation`` to the whole graph a build leaves, not only to the new documents.

    The whole graph is what ``stored`` keeps once ``replaced`` is removed, with curation undone
    (:func:`uncurate`), plus ``new``; the current file is applied to it. So a curation file that
    names another plan's nodes finds them (and never fails a one-plan build), and a rename or
    link removed from the file stops applying everywhere. The stores only upsert and remove
    whole documents, so every stored document whose records curation changed (a name, a mark,
    a node or link gone, added or moved) is replaced and written again from the curated graph.
    """
    from stratgraph.graph.data import strip_documents

    before = strip_documents(stored, replaced)
    whole = GraphData.combine([uncurate(before), new])
    notes: list[str] = []
    set_aside: list[Node | Relationship] = []
    after = _mark_plans(apply_curation(whole, curation, notes, set_aside), set_aside)
    touched = set(replaced)
    for id_, node in after.nodes.items():
        if id_ not in before.nodes:  # new, or put back by a rule taken out
            touched |= _documents_of(node)
    for id_, node in before.nodes.items():
        now = after.nodes.get(id_)
        if now is None or _curation_view(now) != _curation_view(node):
            touched |= _documents_of(node)
            if now is not None:
                touched |= _documents_of(now)
    for id_, rel in before.relationships.items():
        now = after.relationships.get(id_)
        if now is None or (now.method, now.start, now.end, now.provenance) != (
                rel.method, rel.start, rel.end, rel.provenance):
            touched.add(rel.provenance.document)
    for id_, rel in after.relationships.items():
        if id_ not in before.relationships:
            touched.add(rel.provenance.document)
    write = GraphData()
    for node in after.nodes.values():
        if _documents_of(node) & touched:
            write.nodes[node.id] = node
    for rel in after.relationships.values():
        if rel.provenance.document in touched:
            write.relationships[rel.id] = rel
            for end in (rel.start, rel.end):
                if end in after.nodes:
                    write.nodes.setdefault(end, after.nodes[end])
    return CuratedWrite(write, tuple(sorted(touched)), tuple(notes))


def _mark_plans(graph: GraphData, set_aside: list[Node | Relationship]) -> GraphData:
    """``graph`` with each Plan node saying whether curation changed its document (APPLIED)
    and holding what curation set aside from it (SET_ASIDE)."""
    from stratgraph.graph.serialize import node_to_dict, relationship_to_dict

    by_doc: dict[str, list[str]] = {}
    for record in set_aside:
        data = node_to_dict(record) if isinstance(record, Node) else relationship_to_dict(record)
        by_doc.setdefault(record.provenance.document, []).append(_dumps(data))
    changed: set[str] = set(by_doc)
    for node in graph.nodes.values():
        if node.properties.get("curated") or AS_READ in node.properties:
            changed |= _documents_of(node)
    for rel in graph.relationships.values():
        if rel.method is Method.CURATED or rel.properties.get(REPOINTED):
            for end in (rel.start, rel.end):
                if end in graph.nodes:
                    changed |= _documents_of(graph.nodes[end])
    out = GraphData(dict(graph.nodes), graph.relationships)
    for id_, node in graph.nodes.items():
        if node.label is not Label.PLAN:
            continue
        doc = node.provenance.document
        props = {k: v for k, v in node.properties.items() if k not in (SET_ASIDE, APPLIED)}
        if doc in changed:
            props[APPLIED] = True
        if by_doc.get(doc):
            props[SET_ASIDE] = sorted(set(by_doc[doc]))
        if props != node.properties:
            out.nodes[id_] = replace(node, properties=props)
    return out


def _curation_view(node: Node) -> tuple[Any, ...]:
    """What curation changes on a node: its name, its marks and what it keeps to undo them."""
    props = node.properties
    return (node.name, tuple(props.get("curated") or ()), props.get(NAME_BEFORE),
            props.get(AS_READ), props.get(APPLIED), tuple(props.get(SET_ASIDE) or ()))


def _documents_of(node: Node) -> set[str]:
    return {node.provenance.document, *(node.properties.get("documents") or ())}
