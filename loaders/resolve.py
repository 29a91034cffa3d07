"""Entity resolution: one node per strategy, partnership, lead or organisation across plans.

Plans name the same thing in different ways: "Economic Action Plan" and "Leicester Economic
Action Plan", "LLEP" and "Leicester and Leicestershire Enterprise Partnership", case variants,
OCR slips. Loaders key shared nodes by their normalised name; this module groups the variants
and rewrites the graph so each group is one node, with every surface form kept in ``aliases``.

Two names are grouped when (in order of strength):

1. they share a key after folding case, punctuation and a defined acronym in brackets
   ("Wexshire Local Enterprise Partnership (WLEP)" defines WLEP);
2. one is an acronym of the other, or an acronym used inside a name expands to one
   ("LLEP Growth Plan" and "Leicester and Leicestershire Enterprise Partnership Growth Plan");
3. one is the other with a leading place name ("Leicester Economic Action Plan" and "Economic
   Action Plan" in a Leicester plan), unless two different places claim the short form or the
   short form belongs to another council;
4. rapidfuzz says they are near-identical (an OCR slip), ending in the same kind word
   ("Plan", "Board") and carrying the same numbers.

Names no place qualifies ("Health and Wellbeing Board", "ICT Strategy", "Local Transport Plan")
are each council's own: every council has such a board and such a plan. They are scoped to the
council whose plan names them (property ``scope``), so the city's board and the county's board
are two nodes, and a cross-council link is only made through something both councils name as
one thing ("Leicester and Leicestershire Enterprise Partnership", "LLEP").

Within one build the result does not depend on the order documents were read in. Nodes already
in the store (``anchors``) keep their ids: new variants join them rather than renaming them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from stratgraph.graph.data import GraphData, merge_nodes
from stratgraph.graph.model import (
    SHARED_LABELS,
    Label,
    Node,
    Provenance,
    Relationship,
    node_id,
    normalise_name,
)

#: Words that do not count towards an acronym ("Leicester and Leicestershire ...": LLEP).
_ACRONYM_SKIP = {"and", "of", "the", "for", "in", "on", "to", "&"}
_BRACKET_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
_ACRONYM_TOKEN = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")
_DIGITS = re.compile(r"\d+")
#: Similarity (0-100) above which two names are taken for the same entity with a typo.
FUZZY_CUTOFF = 93.0


@dataclass(frozen=True, slots=True)
class _Entry:
    id: str
    label: Label
    names: tuple[str, ...]
    anchor: bool
    scope: str | None = None


def _initials(words: Iterable[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in _ACRONYM_SKIP).upper()


@lru_cache(maxsize=65536)
def _split_bracket_acronym(name: str) -> tuple[str, str | None]:
    """("Wexshire Local Enterprise Partnership (WLEP)") -> (name without it, "WLEP")."""
    match = _BRACKET_ACRONYM.search(name)
    if not match:
        return name, None
    acronym = match.group(1)
    base = (name[: match.start()] + name[match.end():]).strip()
    if _initials(base.split()).startswith(acronym.upper()[:2]):
        return base, acronym
    return name, None


def _places(graph: GraphData, anchors: Sequence[Node]) -> set[str]:
    """Place names from the organisations ("Leicester City Council" -> "leicester")."""
    places: set[str] = set()
    organisation = Label.ORGANISATION  # read once: an Enum member lookup is slow in a loop
    for node in list(graph.nodes.values()) + list(anchors):
        if node.label is organisation:
            words = node.name.split()
            cut = [w for w in words if w.lower() not in {"city", "county", "borough", "district",
                                                        "council", "metropolitan"}]
            if cut:
                places.add(normalise_name(" ".join(cut)))
    return places


class _UnionFind:
    def __init__(self, anchors: dict[str, bool]) -> None:
        self.parent: dict[str, str] = {k: k for k in anchors}
        self.anchor: dict[str, str | None] = {k: (k if a else None) for k, a in anchors.items()}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        aa, ab = self.anchor[ra], self.anchor[rb]
        # Two stored entities are never merged implicitly: that needs the curation file.
        if aa and ab and aa != ab:
            return
        keep, drop = sorted((ra, rb))
        self.parent[drop] = keep
        self.anchor[keep] = aa or ab


def acronym_map(names: Iterable[str]) -> dict[str, str]:
    """Acronym -> expansion: defined in brackets ("... Partnership (LLEP)"), or the initials
    of a name that another name uses as a word ("LLEP Growth Plan" beside "Leicester and
    Leicestershire Enterprise Partnership")."""
    names = list(dict.fromkeys(names))  # the first of each: later repeats change nothing
    acronyms: dict[str, str] = {}
    for name in names:
        base, acronym = _split_bracket_acronym(name)
        if acronym:
            acronyms.setdefault(acronym, base)
    tokens = {w for name in names for w in _acronym_words(name)}
    for name in names:
        initials = _name_initials(name)
        if len(initials) >= 3 and initials in tokens and not _ACRONYM_TOKEN.match(name):
            acronyms.setdefault(initials, name)
    return acronyms


# Per name, cached: every build reads the same names twice (before and after scoping).
@lru_cache(maxsize=65536)
def _acronym_words(name: str) -> tuple[str, ...]:
    """The words of ``name`` that look like acronyms ("LLEP" in "LLEP Growth Plan")."""
    return tuple(w for w in name.split() if _ACRONYM_TOKEN.match(w))


@lru_cache(maxsize=65536)
def _name_initials(name: str) -> str:
    return _initials(name.split())


def _keys(name: str, acronyms: dict[str, str]) -> set[str]:
    base, acronym = _split_bracket_acronym(name)
    keys = {normalise_name(base)}
    words = base.split()
    expanded = " ".join(acronyms.get(w.rstrip("s") if w.endswith("s") and w[:-1] in acronyms
                                     else w, w) for w in words)
    keys.add(normalise_name(expanded))
    if acronym:
        keys.add(normalise_name(acronym))
    return {k for k in keys if k}


class _NameKeys:
    """:func:`_keys` of each distinct name, worked out once (the copies of a name split per
    council, and a node's name among its aliases, ask again)."""

    def __init__(self, acronyms: dict[str, str]) -> None:
        self.acronyms = acronyms
        self._keys: dict[str, set[str]] = {}

    def __call__(self, name: str) -> set[str]:
        """The keys of ``name`` (shared: do not change the set)."""
        keys = self._keys.get(name)
        if keys is None:
            keys = self._keys[name] = _keys(name, self.acronyms)
        return keys


def group_entities(
    entries: Sequence[_Entry],
    places: set[str],
    keep_apart: set[frozenset[str]] = frozenset(),
) -> dict[str, str]:
    """Map each entry id to its group's representative id (deterministic)."""
    uf = _UnionFind({e.id: e.anchor for e in sorted(entries, key=lambda e: e.id)})
    by_label: dict[Label, list[_Entry]] = defaultdict(list)
    for entry in entries:
        by_label[entry.label].append(entry)

    def apart(a: _Entry, b: _Entry) -> bool:
        if not keep_apart:
            return False
        na = {normalise_name(n) for n in a.names}
        nb = {normalise_name(n) for n in b.names}
        return any((na & p) and (nb & p) and (na & p) != (nb & p) for p in keep_apart)

    def join(a: _Entry, b: _Entry) -> None:
        # A role-only lead ("the Deputy Leader") is one per council: scopes must agree.
        if a.scope and b.scope and a.scope != b.scope:
            return
        if not apart(a, b):
            uf.union(a.id, b.id)

    # The places in their set order (the order the short forms are collected in).
    place_order = {place: rank for rank, place in enumerate(places)}

    def leading_places(key: str) -> list[str]:
        """The places ``key`` starts with, followed by a space: looked up by the key's leading
        words rather than tried one place at a time (a national corpus names many places)."""
        words = key.split(" ")
        found = {lead for lead in (" ".join(words[:n]) for n in range(1, len(words)))
                 if lead in place_order}
        return sorted(found, key=place_order.__getitem__)

    # Acronyms are shared across labels: "LLEP" (a partnership) also names "LLEP Growth Plan".
    acronyms = acronym_map(name for e in sorted(entries, key=lambda e: e.id) for name in e.names)
    acronym_keys = [(normalise_name(a), normalise_name(e)) for a, e in acronyms.items()]
    name_keys = _NameKeys(acronyms)

    for label, group in by_label.items():
        group = sorted(group, key=lambda e: e.id)
        # 1-2: shared keys, acronyms expanded.
        owner: dict[str, _Entry] = {}
        entry_keys: dict[str, set[str]] = {}
        for entry in group:
            keys: set[str] = set()
            for name in dict.fromkeys(entry.names):
                keys |= name_keys(name)
            for acronym_key, expansion_key in acronym_keys:
                if acronym_key in keys:
                    keys.add(expansion_key)
            entry_keys[entry.id] = keys
            for key in sorted(keys):
                if key in owner:
                    join(owner[key], entry)
                else:
                    owner[key] = entry
        # 3: a leading place name, when only one place claims the short form.
        short_forms: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for entry in group:
            for key in entry_keys[entry.id]:
                for place in leading_places(key):
                    if len(key) > len(place) + 3:
                        short_forms[key[len(place) + 1:]].add((place, entry.id))
        by_id = {e.id: e for e in group}
        for short, claims in short_forms.items():
            if short in owner and len({p for p, _ in claims}) == 1:
                place = next(iter(claims))[0]
                holder = owner[short]
                # "Joint Health and Wellbeing Strategy" in a city plan is not the county's.
                if holder.scope and _place_of(holder.scope) != place:
                    continue
                for _, entry_id in sorted(claims):
                    join(holder, by_id[entry_id])
        # 4: near-identical names (OCR slips), same kind word and numbers.
        names = [(min(entry_keys[e.id]), e) for e in group]
        choices = [n for n, _ in names]
        for i, j in _near_identical(choices):
            name, match = choices[i], choices[j]
            if (name.split()[-1] == match.split()[-1]
                    and _DIGITS.findall(name) == _DIGITS.findall(match)):
                join(names[i][1], names[j][1])
    return {e.id: uf.find(e.id) for e in entries}


#: Lengths of two texts whose rapidfuzz ratio can reach FUZZY_CUTOFF are within this share of
#: their summed length: ratio <= 100 * (1 - |a - b| / (a + b)). A point of slack on top.
_LENGTH_SPREAD = (100.0 - FUZZY_CUTOFF + 1.0) / 100.0


def _near_identical(choices: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(i, j) for each choice of 8 or more characters and each of its (at most five) best
    matches scoring FUZZY_CUTOFF or more that comes after it (j > i), exactly as
    ``process.extract(choices[i], choices, limit=5)`` ranks them.

    Only choices of nearly the same length can score that high, so each one is compared with
    those alone (in their original order, which is how ``process.extract`` breaks ties), not
    with every other name of its label.
    """
    from rapidfuzz import fuzz, process

    by_length = sorted(range(len(choices)), key=lambda k: len(choices[k]))
    lengths = [len(choices[k]) for k in by_length]
    best: dict[str, list[int]] = {}  # a name's best matches; names repeat across councils

    def best_matches(name: str) -> list[int]:
        if name not in best:
            shortest = math.floor(len(name) * (1 - _LENGTH_SPREAD) / (1 + _LENGTH_SPREAD))
            longest = math.ceil(len(name) * (1 + _LENGTH_SPREAD) / (1 - _LENGTH_SPREAD))
            near = sorted(by_length[bisect_left(lengths, shortest):bisect_right(lengths, longest)])
            best[name] = [near[k] for _, _, k in process.extract(
                name, [choices[j] for j in near], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                limit=5)]
        return best[name]

    for i, name in enumerate(choices):
        if len(name) >= 8:
            yield from ((i, j) for j in best_matches(name) if j > i)


def _canonical_name(nodes: Sequence[Node]) -> str:
    """The fullest surface form: most words, then most mentions, then alphabetical."""
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        for alias in node.properties.get("aliases") or [node.name]:
            counts[alias] += len(node.properties.get("mentions") or [1])
    def rank(name: str) -> tuple[int, int, int, str]:
        base, _ = _split_bracket_acronym(name)
        is_acronym = 1 if _ACRONYM_TOKEN.match(base.strip()) else 0
        return (-(1 - is_acronym), -len(base.split()), -counts[name], name)
    best = min(counts, key=rank)
    base, acronym = _split_bracket_acronym(best)
    return base if acronym else best


def _document_places(graph: GraphData) -> dict[str, tuple[str, str]]:
    """Document -> (organisation, its place key) from the documents' Plan nodes."""
    found: dict[str, tuple[str, str]] = {}
    plan = Label.PLAN  # read once: an Enum member lookup is slow in a loop
    for node in graph.nodes.values():
        org = node.properties.get("organisation") if node.label is plan else None
        if org:
            found[node.provenance.document] = (str(org), _place_of(str(org)))
    return found


def _place_of(organisation: str) -> str:
    words = [w for w in organisation.split() if w.lower() not in _COUNCIL_WORDS]
    return normalise_name(" ".join(words))


_COUNCIL_WORDS = {"city", "county", "borough", "district", "council", "metropolitan"}
_SCOPED_LABELS = (Label.STRATEGY, Label.PARTNERSHIP)


def _is_generic(
    names: Iterable[str], place_words: Sequence[set[str]], name_keys: _NameKeys
) -> bool:
    """A name no place qualifies ("Health and Wellbeing Board", "ICT Strategy"): every council
    has its own, so the same words in two councils' plans name two different things.

    ``place_words`` holds each place's words.
    """
    for name in dict.fromkeys(names):
        for key in name_keys(name):
            words = set(key.split())
            if any(place <= words for place in place_words):
                return False
    return True


def scope_generic_names(graph: GraphData, places: set[str]) -> GraphData:
    """Give each place-less strategy or partnership its publishing council as ``scope``.

    A node mentioned by two councils' plans becomes one node per council, each relationship
    following the council of the document it was read from. Place-qualified names
    ("Leicester and Leicestershire Enterprise Partnership", "LLEP") stay shared.
    """
    doc_org = _document_places(graph)
    if not doc_org:
        return graph
    shared = sorted((n for n in graph.nodes.values() if n.label in SHARED_LABELS),
                    key=lambda n: n.id)
    acronyms = acronym_map(
        name for node in shared for name in (node.properties.get("aliases") or [node.name])
    )
    place_words = [set(place.split()) for place in places]
    name_keys = _NameKeys(acronyms)
    ordered: list[Node] = []  # the nodes to keep, in id order, each split node's copies in place
    split: dict[str, dict[str, str]] = {}  # old id -> {organisation: new id}
    for node in graph.sorted_nodes():
        copies = (_scoped_copies(node, place_words, name_keys, doc_org)
                  if node.label in _SCOPED_LABELS and not node.properties.get("scope") else None)
        if copies is None:
            ordered.append(node)
            continue
        split[node.id] = {org: copy.id for org, copy in copies.items() if org is not None}
        ordered.extend(copies.values())
    out = GraphData()
    out.add_nodes(ordered)
    out.add_relationships(_following_splits(graph.relationships.values(), split, doc_org,
                                            out.nodes))
    return out


def _scoped_copies(
    node: Node,
    place_words: Sequence[set[str]],
    name_keys: _NameKeys,
    doc_org: dict[str, tuple[str, str]],
) -> dict[str | None, Node] | None:
    """A generic ``node``'s copy per council (key None: the copy kept for documents of no known
    council), or None when the node stays as it is."""
    names = tuple(node.properties.get("aliases") or []) + (node.name,)
    if not _is_generic(names, place_words, name_keys):
        return None
    docs = sorted(node.properties.get("documents") or [node.provenance.document])
    orgs = sorted({doc_org[d][0] for d in docs if d in doc_org})
    if not orgs:
        return None
    docs_of: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        docs_of[doc_org.get(d, ("",))[0]].append(d)
    mentions_of: dict[str, list[str]] = defaultdict(list)
    for m in node.properties.get("mentions") or []:
        mentions_of[doc_org.get(m.rpartition(":")[0], ("",))[0]].append(m)
    copies: dict[str | None, Node] = {}
    for org in orgs:
        own_docs = docs_of[org]
        mentions = mentions_of[org]
        prov = node.provenance
        if prov.document not in own_docs:
            doc, _, line = (mentions[0] if mentions else f"{own_docs[0]}:1").rpartition(":")
            prov = Provenance(doc, max(1, int(line or 1)))
        new_id = node_id(node.label, normalise_name(org), normalise_name(node.name))
        props = dict(node.properties, scope=org, documents=own_docs, mentions=mentions)
        # Nodes are built field by field here and below, not with dataclasses.replace: that
        # inspects the dataclass's fields on every call, several times the cost of building one.
        copies[org] = Node(id=new_id, label=node.label, name=node.name, provenance=prov,
                           properties=props)
    unscoped = [d for d in docs if d not in doc_org]
    if unscoped:  # a document of no known council keeps the shared node
        copies[None] = Node(id=node.id, label=node.label, name=node.name,
                            provenance=node.provenance,
                            properties=dict(node.properties, documents=unscoped))
    return copies


def _following_splits(
    rels: Iterable[Relationship],
    split: dict[str, dict[str, str]],
    doc_org: dict[str, tuple[str, str]],
    kept: dict[str, Node],
) -> Iterator[Relationship]:
    """Each relationship moved onto the copies of the nodes it joins, when both ends are kept."""
    for rel in rels:
        if rel.start in split or rel.end in split:
            rel = _follow_split(rel, split, doc_org)
        if rel.start in kept and rel.end in kept:
            yield rel


def _follow_split(
    rel: Relationship, split: dict[str, dict[str, str]], doc_org: dict[str, tuple[str, str]]
) -> Relationship:
    """``rel`` pointing at the per-council copies of split nodes, for its document's council."""
    org = doc_org.get(rel.provenance.document, ("",))[0]
    start = split.get(rel.start, {}).get(org, rel.start)
    end = split.get(rel.end, {}).get(org, rel.end)
    if start == rel.start and end == rel.end:
        return rel
    return Relationship(rel.type, start, end, rel.provenance, rel.method, rel.confidence,
                        rel.properties)


def resolve_entities(
    graph: GraphData,
    anchors: Sequence[Node] = (),
    keep_apart: Iterable[Iterable[str]] = (),
) -> GraphData:
    """Merge variant names of the same shared entity into one node.

    Args:
        graph: the combined graph of the documents being built.
        anchors: shared nodes already in the store; their ids are kept.
        keep_apart: groups of names the curation file says are different entities.

    Returns:
        A new graph whose shared nodes are resolved and whose relationships point at them.
    """
    places = _places(graph, anchors)
    graph = scope_generic_names(graph, places)
    shared = [n for n in graph.nodes.values() if n.label in SHARED_LABELS]
    if not shared:
        return graph
    anchor_by_id = {a.id: a for a in anchors if a.label in SHARED_LABELS}
    entries = [
        _Entry(n.id, n.label, tuple(n.properties.get("aliases") or [n.name]) + (n.name,),
               n.id in anchor_by_id, n.properties.get("scope"))
        for n in shared
    ]
    entries += [
        _Entry(a.id, a.label, tuple(a.properties.get("aliases") or [a.name]) + (a.name,), True,
               a.properties.get("scope"))
        for a in anchor_by_id.values() if a.id not in graph.nodes
    ]
    apart = {frozenset(normalise_name(n) for n in names) for names in keep_apart}
    groups: dict[str, list[str]] = defaultdict(list)
    for entry_id, root in group_entities(entries, places, apart).items():
        groups[root].append(entry_id)

    remap: dict[str, str] = {}
    out = GraphData()
    for members in groups.values():
        nodes = [graph.nodes[m] for m in members if m in graph.nodes]
        if not nodes:
            continue  # a stored anchor no new document mentions
        stored = [anchor_by_id[m] for m in members if m in anchor_by_id]
        merged = nodes[0]
        for node in nodes[1:]:
            merged = merge_nodes(merged, Node(id=merged.id, label=node.label, name=node.name,
                                              provenance=node.provenance,
                                              properties=node.properties))
        # A merged node is one council's only when every record of it is that council's.
        scopes = {n.properties.get("scope") for n in [*nodes, *stored]}
        scope = scopes.pop() if len(scopes) == 1 else None
        if stored:
            anchor = stored[0]
            name, new_id = anchor.name, anchor.id
        else:
            from stratgraph.graph.builder import shared_node_id

            name = _canonical_name(nodes)
            new_id = (node_id(merged.label, normalise_name(scope), normalise_name(name)) if scope
                      else shared_node_id(merged.label, name))
        aliases = sorted(set(merged.properties.get("aliases") or []) | {merged.name} - {name})
        props = dict(merged.properties, aliases=sorted(set(aliases) | {name}))
        if scope is None:
            props.pop("scope", None)
        out.add_node(Node(id=new_id, label=merged.label, name=name,
                          provenance=merged.provenance, properties=props))
        for member in members:
            remap[member] = new_id
    out.add_nodes(node for node in graph.nodes.values() if node.label not in SHARED_LABELS)
    out.add_relationships(_remapped(graph.relationships.values(), remap))
    return out


def _remapped(rels: Iterable[Relationship], remap: dict[str, str]) -> Iterator[Relationship]:
    """Each relationship pointed at the merged nodes; one that would join a node to itself goes."""
    for rel in rels:
        start, end = remap.get(rel.start, rel.start), remap.get(rel.end, rel.end)
        if start == end:
            continue
        # Most relationships touch no merged node: the record is reused, not rebuilt and rehashed.
        if start != rel.start or end != rel.end:
            rel = Relationship(rel.type, start, end, rel.provenance, rel.method, rel.confidence,
                               rel.properties)
        yield rel
