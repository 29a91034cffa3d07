"""Which surface names are one entity: keys, acronyms, place prefixes and near-identical
spellings (the grouping rules 1 to 4 of :mod:`stratgraph.graph.passes.resolve`)."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from stratgraph.graph.model import Label, normalise_name
from stratgraph.loaders.common.plan_info import place_key

#: Words that do not count towards an acronym ("Leicester and Leicestershire ...": LLEP).
_ACRONYM_SKIP = {"and", "of", "the", "for", "in", "on", "to", "&"}
_BRACKET_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*\)")
ACRONYM_TOKEN = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")
_DIGITS = re.compile(r"\d+")
#: Similarity (0-100) above which two names are taken for the same entity with a typo.
FUZZY_CUTOFF = 93.0
#: Words that say who holds a strategy or which edition it is, not which strategy it is:
#: "the council's Joint Health and Wellbeing Strategy" and "our Health and Wellbeing Strategy",
#: "the Draft Carbon Reduction Strategy" and "the Carbon Reduction Strategy", within one
#: council, are one strategy.
_EDITION_WORDS = frozenset({
    "the", "our", "its", "joint", "draft", "revised", "refreshed", "refresh", "updated", "new",
    "interim", "final",
})
#: "the city council's ...": the possessive of the council (its words as keyed).
_COUNCIL_POSSESSIVE = ("council", "s")
_COUNCIL_KINDS = frozenset({"city", "county", "borough", "district"})
#: A year or a span of years in a key ("2009 13", "2011 2014", "2012 13 to 2014 15").
_YEARS = re.compile(r"\b(?:19|20)\d\d(?: \d{2,4})?(?: to (?:19|20)\d\d(?: \d{2,4})?)?\b")


@dataclass(frozen=True, slots=True)
class Entry:
    """A shared node (or stored anchor) as grouping sees it: its names, label and council."""

    id: str
    label: Label
    names: tuple[str, ...]
    anchor: bool
    scope: str | None = None


def _initials(words: Iterable[str]) -> str:
    return "".join(w[0] for w in words if w and w.lower() not in _ACRONYM_SKIP).upper()


@lru_cache(maxsize=65536)
def split_bracket_acronym(name: str) -> tuple[str, str | None]:
    """("Wexshire Local Enterprise Partnership (WLEP)") -> (name without it, "WLEP")."""
    match = _BRACKET_ACRONYM.search(name)
    if not match:
        return name, None
    acronym = match.group(1)
    base = (name[: match.start()] + name[match.end():]).strip()
    if _initials(base.split()).startswith(acronym.upper()[:2]):
        return base, acronym
    return name, None


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
        base, acronym = split_bracket_acronym(name)
        if acronym:
            acronyms.setdefault(acronym, base)
    tokens = {w for name in names for w in _acronym_words(name)}
    for name in names:
        initials = _name_initials(name)
        if len(initials) >= 3 and initials in tokens and not ACRONYM_TOKEN.match(name):
            acronyms.setdefault(initials, name)
    return acronyms


# Per name, cached: every build reads the same names twice (before and after scoping).
@lru_cache(maxsize=65536)
def _acronym_words(name: str) -> tuple[str, ...]:
    """The words of ``name`` that look like acronyms ("LLEP" in "LLEP Growth Plan")."""
    return tuple(w for w in name.split() if ACRONYM_TOKEN.match(w))


@lru_cache(maxsize=65536)
def _name_initials(name: str) -> str:
    return _initials(name.split())


def _keys(name: str, acronyms: dict[str, str]) -> set[str]:
    base, acronym = split_bracket_acronym(name)
    keys = {normalise_name(base)}
    words = base.split()
    expanded = " ".join(acronyms.get(w.rstrip("s") if w.endswith("s") and w[:-1] in acronyms
                                     else w, w) for w in words)
    keys.add(normalise_name(expanded))
    if acronym:
        keys.add(normalise_name(acronym))
    return {k for k in keys if k}


class NameKeys:
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
    entries: Sequence[Entry],
    places: set[str],
    keep_apart: set[frozenset[str]] = frozenset(),
) -> dict[str, str]:
    """Map each entry id to its group's representative id (deterministic)."""
    uf = _UnionFind({e.id: e.anchor for e in sorted(entries, key=lambda e: e.id)})
    by_label: dict[Label, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_label[entry.label].append(entry)

    def apart(a: Entry, b: Entry) -> bool:
        if not keep_apart:
            return False
        na = {normalise_name(n) for n in a.names}
        nb = {normalise_name(n) for n in b.names}
        return any((na & p) and (nb & p) and (na & p) != (nb & p) for p in keep_apart)

    def join(a: Entry, b: Entry) -> None:
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
    name_keys = NameKeys(acronyms)

    for label, group in by_label.items():
        group = sorted(group, key=lambda e: e.id)
        # 1-2: shared keys, acronyms expanded.
        owner: dict[str, Entry] = {}
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
                if holder.scope and place_key(holder.scope) != place:
                    continue
                for _, entry_id in sorted(claims):
                    join(holder, by_id[entry_id])
        # 4: near-identical names (OCR slips), same kind word and numbers.
        # A name of punctuation alone has no key: nothing to compare it with.
        names = [(min(entry_keys[e.id]), e) for e in group if entry_keys[e.id]]
        choices = [n for n, _ in names]
        for i, j in _near_identical(choices):
            name, match = choices[i], choices[j]
            if (name.split()[-1] == match.split()[-1]
                    and _DIGITS.findall(name) == _DIGITS.findall(match)):
                join(names[i][1], names[j][1])
        # 5: one council's strategy under two names: its place, "Joint", "the council's",
        # years and edition words set aside ("Leicestershire Joint Health and Wellbeing
        # Strategy" 2018-22 is the county's "Health and Wellbeing Strategy" of 2014-18).
        if label is Label.STRATEGY:
            by_identity: dict[tuple[str, str], list[Entry]] = defaultdict(list)
            for entry in group:
                for key in entry_keys[entry.id]:
                    found = strategy_identity(key, leading_places(key), entry.scope)
                    if found is not None:
                        by_identity[found].append(entry)
            for members in by_identity.values():
                for other in members[1:]:
                    join(members[0], other)
    return {e.id: uf.find(e.id) for e in entries}


def strategy_identity(key: str, places: Sequence[str], scope: str | None) -> tuple[str, str] | None:
    """(council place, what the strategy is about) for a strategy's name key, or None when no
    council can be told (neither a scope nor a leading place) or nothing but edition words is
    left.

    ``places`` are the places ``key`` starts with; ``scope`` is the council whose own name it
    is. A leading place is only set aside when it is the whole qualifier ("Leicestershire Joint
    ...", "Leicester s ..."), not part of a longer one ("Leicester and Leicestershire ...").
    """
    words = key.split()
    place = place_key(scope) if scope else ""
    for lead in places:
        n = len(lead.split())
        rest = words[n:]
        if rest and rest[0] == "s":  # "Leicester's": the possessive of the place
            rest = rest[1:]
        if rest and rest[0] not in {"and", "of", "for"} and (not place or place == lead):
            place, words = lead, rest
            break
    if not place:
        return None
    words = _YEARS.sub(" ", " ".join(words)).split()
    while words:
        if words[0] in _EDITION_WORDS:
            words = words[1:]
        elif tuple(words[:2]) == _COUNCIL_POSSESSIVE:
            words = words[2:]
        elif words[0] in _COUNCIL_KINDS and tuple(words[1:3]) == _COUNCIL_POSSESSIVE:
            words = words[3:]
        else:
            break
    # "Child and Adolescent Mental Health Services Joint Strategy": joint is who writes it.
    words = [w for w in words if w != "joint"]
    # An identity of one word ("Strategy") says nothing about which strategy it is.
    if len(words) < 2:
        return None
    return place, " ".join(words)


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
