"""What the explorer asks a store for, one node at a time: search hits, a node's links, the
golden thread.

The stores fetch candidates and neighbourhoods (SQL or Cypher, by index); the ranking and the
layering are here, once, so the embedded store and Neo4j give the same answers.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Node, RelType

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore

#: Hits scoring below this (0..100) are not shown: a typo or two still scores ~85 on the
#: words typed, an unrelated name sharing only "and" about 50.
SCORE_CUTOFF = 70.0
#: The stretch score (rapidfuzz partial_ratio) a name needs to reach :data:`SCORE_CUTOFF` once
#: weighed (0.95) in :func:`rank`.
STRETCH_CUTOFF = SCORE_CUTOFF / 0.95 - 0.01


@dataclass(frozen=True, slots=True)
class Candidate:
    """A node a search may return, with every name it answers to."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    plan_id: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the node, the name or alias that matched, and how well (0..100)."""

    id: str
    label: str
    name: str
    matched: str
    score: float
    plan_id: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "name": self.name, "matched": self.matched,
                "score": self.score, "plan_id": self.plan_id}


@dataclass(frozen=True, slots=True)
class NodeDetail:
    """A node with how many relationships of each type and direction it has (what the page
    offers to expand)."""

    node: Node
    #: ``(type, direction, count)``, direction ``"out"`` or ``"in"``, sorted.
    links: tuple[tuple[str, str, int], ...]


def rank(candidates: Iterable[Candidate], text: str, limit: int) -> list[SearchHit]:
    """The candidates best matching ``text`` by any of their names (typo-tolerant), best
    first; of equal scores the name nearest in length to what was typed first (a search
    for "helth and welbeing" wants the Health and Wellbeing Board before a long action that
    mentions it), then by name and id, so every store gives the same order.

    A name scores its whole-name similarity, or (slightly less) that of its best-matching
    stretch: people type a few words of "Wexshire Safeguarding Adults Board ...". A name that
    starts with or equals what was typed scores more. Both scorers run in rapidfuzz's C loop
    over every name at once (a national graph's names are many).
    """
    from rapidfuzz import fuzz, process, utils

    query = utils.default_process(text)
    if not query:
        return []
    owners: list[Candidate] = []
    names: list[str] = []
    for c in candidates:
        for name in (c.name, *c.aliases):
            owners.append(c)
            names.append(name)
    process_name = utils.default_process
    scores: dict[int, float] = {}
    # The bonus can lift a plain score by up to 20: ask for everything that could reach the cut.
    # rapidfuzz cleans each name (processor) inside its C loop.
    for _m, score, i in process.extract(query, names, scorer=fuzz.ratio, processor=process_name,
                                        limit=None, score_cutoff=SCORE_CUTOFF - 20):
        scores[i] = score
    if len(query) >= 3:
        # A name with a bonus contains the query whole (partial score 100), so a stretch
        # only counts when it reaches the cut on its own.
        for _m, score, i in process.extract(query, names, scorer=fuzz.partial_ratio,
                                            processor=process_name, limit=None,
                                            score_cutoff=STRETCH_CUTOFF):
            scores[i] = max(scores.get(i, 0.0), 0.95 * score)
    best: dict[str, tuple[float, str]] = {}
    # In index order, and replaced only by a higher score: of equal scores the node's own
    # name (listed before its aliases) is the one shown as matched.
    for i in sorted(scores):
        score = scores[i]
        cleaned = process_name(names[i])
        if cleaned == query:
            score += 20
        elif cleaned.startswith(query):
            score += 10
        owner = owners[i].id
        if score >= SCORE_CUTOFF and (owner not in best or score > best[owner][0]):
            best[owner] = (score, names[i])
    by_id = {c.id: c for c in owners}
    hits = [SearchHit(id_, by_id[id_].label, by_id[id_].name, matched, round(score, 2),
                      by_id[id_].plan_id) for id_, (score, matched) in best.items()]
    hits.sort(key=lambda h: (-h.score, abs(len(h.matched) - len(text)), h.name.casefold(), h.id))
    return hits[:limit]


def check_labels(labels: Collection[str]) -> list[str]:
    """Label values from the model's allow-list (ValueError for another)."""
    return sorted({Label(label).value for label in labels})


def check_types(types: Collection[str]) -> list[str]:
    """Relationship types from the model's allow-list (ValueError for another)."""
    return sorted({RelType(t).value for t in types})


# -- the golden thread -----------------------------------------------------------------------

#: Column of each label in the left-to-right logic model (strategy -> action -> outcome ->
#: measure); the theme or plan it belongs to sits left of everything.
LAYERS = {"Plan": 0, "Theme": 0, "CabinetLead": 0, "Strategy": 1, "Partnership": 1,
          "Action": 2, "Owner": 2, "Outcome": 3, "Measure": 4}
#: How many nodes a golden thread gathers at most (a theme of a huge plan stays readable).
THREAD_LIMIT = 400


@dataclass(frozen=True)
class Thread:
    """A golden thread: its nodes and links, and each node's column."""

    root: str
    graph: GraphData
    levels: dict[str, int]


def golden_thread(store: GraphStore, node_id: str, *, limit: int = THREAD_LIMIT) -> Thread | None:
    """The logic model through a theme, outcome or strategy: the strategies behind it, the
    actions, the outcomes they support, the measures of those outcomes, and the leads that own
    the actions or their themes. ``None`` when ``node_id`` is not stored.

    Built from :meth:`GraphStore.neighbours` calls on the few nodes on the thread, never from
    the whole graph.
    """
    detail = store.node(node_id)
    if detail is None:
        return None
    root = detail.node
    graph = GraphData()
    graph.nodes[root.id] = root

    def expand(ids: Iterable[str], types: Collection[str], want: Collection[str]) -> set[str]:
        found: set[str] = set()
        for id_ in sorted(set(ids)):
            if len(graph.nodes) >= limit:
                break
            part = store.neighbours(id_, types, limit=limit)
            for rel in part.relationships.values():
                other = rel.end if rel.start == id_ else rel.start
                node = part.nodes.get(other)
                if node is None or node.label.value not in want:
                    continue
                graph.nodes.setdefault(other, node)
                graph.relationships[rel.id] = rel
                found.add(other)
        return found

    label = root.label.value
    actions: set[str] = set()
    outcomes: set[str] = set()
    if label == "Theme":
        members = expand([root.id], ["PART_OF"], ["Action", "Outcome"])
        actions = {i for i in members if graph.nodes[i].label.value == "Action"}
        outcomes = members - actions
        outcomes |= expand([root.id], ["SUPPORTS"], ["Outcome"])
    elif label == "Outcome":
        outcomes = {root.id}
    elif label == "Strategy":
        users = expand([root.id], ["REFERENCES"], ["Action", "Outcome", "Theme"])
        actions = {i for i in users if graph.nodes[i].label.value == "Action"}
        outcomes = {i for i in users if graph.nodes[i].label.value == "Outcome"}
        themes = users - actions - outcomes
        # A theme that names the strategy carries it to its actions and outcomes.
        members = expand(themes, ["PART_OF"], ["Action", "Outcome"])
        actions |= {i for i in members if graph.nodes[i].label.value == "Action"}
        outcomes |= {i for i in members if graph.nodes[i].label.value == "Outcome"}
    elif label == "Action":
        actions = {root.id}
    else:
        return Thread(root.id, graph, {root.id: LAYERS.get(label, 0)})
    # Actions supporting the outcomes, outcomes the actions support.
    supported = expand(actions, ["SUPPORTS"], ["Outcome"])
    supporting = expand(outcomes, ["SUPPORTS"], ["Action"])
    outcomes |= supported
    actions |= supporting
    expand(outcomes, ["MEASURED_BY"], ["Measure"])
    expand(actions | outcomes, ["REFERENCES"], ["Strategy", "Partnership"])
    expand(actions, ["OWNS", "INVOLVES"], ["CabinetLead", "Owner", "Partnership"])
    # An action's owner may be its theme's lead (as orphan-actions counts it): show the themes
    # and the leads that own them.
    themes = expand(actions, ["PART_OF"], ["Theme"])
    if label == "Theme":
        themes.add(root.id)
    expand(themes, ["OWNS"], ["CabinetLead", "Owner"])
    levels = {id_: LAYERS.get(n.label.value, 0) for id_, n in graph.nodes.items()}
    return Thread(root.id, graph, levels)


# -- the index-backed prefilter ---------------------------------------------------------------

#: Words too common to pick candidates by (each would match most names of a national graph);
#: a query of only these still searches by them.
STOP_WORDS = frozenset(
    "a an and at by for from in into of on or our the to we with".split())
#: A stored word within this similarity (rapidfuzz ratio, 0..100) of a typed word stands for
#: it: "helth" ~ "health" 91, "welbeing" ~ "wellbeing" 94, "hlth" ~ "health" 80.
WORD_CUTOFF = 75.0
#: How many names (best index score first) :func:`rank` reads at most: enough for any page of
#: hits, bounded however many names share a word.
CANDIDATES = 2000


def query_words(text: str) -> list[str]:
    """The words to look ``text`` up by: :func:`rank`'s cleaning (lower case, letters and
    digits), stop-words left out unless there is nothing else; in order, once each."""
    from rapidfuzz import utils

    words = list(dict.fromkeys(utils.default_process(text).split()))
    content = [w for w in words if w not in STOP_WORDS]
    return content or words


def similar_words(word: str, vocabulary: Collection[str]) -> list[str]:
    """The stored words a typed word may stand for (typo-tolerant), itself first: those
    similar as a whole (:data:`WORD_CUTOFF`), and longer ones holding a stretch like it, as
    :func:`rank`'s stretch score finds "priya" in "private" ("priva", 80)."""
    from rapidfuzz import fuzz, process

    found = {m for m, _s, _i in process.extract(word, vocabulary, scorer=fuzz.ratio,
                                                score_cutoff=WORD_CUTOFF, limit=None)}
    if len(word) >= 3:
        found.update(m for m, _s, _i in process.extract(
            word, vocabulary, scorer=fuzz.partial_ratio, limit=None,
            score_cutoff=STRETCH_CUTOFF) if len(m) > len(word))
    return [word, *sorted(found - {word})]


def fts5_query(words: Iterable[str], vocabulary: Collection[str]) -> str:
    """An SQLite FTS5 MATCH expression: any stored word like a typed one, or starting with it.

    Words come from :func:`query_words` (letters and digits only) or the index's own
    vocabulary; each is still quoted as an FTS5 string, so none is read as an operator.
    """
    terms: list[str] = []
    for word in words:
        terms += [_fts5_string(w) for w in similar_words(word, vocabulary)]
        terms.append(_fts5_string(word) + " *")
    return " OR ".join(terms)


def _fts5_string(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


#: Characters the Lucene query parser reads as syntax.
_LUCENE_SPECIAL = frozenset('+-&|!(){}[]^"~*?:\\/')


def lucene_escape(word: str) -> str:
    """``word`` as a literal Lucene term (every syntax character escaped)."""
    return "".join("\\" + ch if ch in _LUCENE_SPECIAL else ch for ch in word)


def lucene_query(words: Iterable[str]) -> str:
    """A Lucene query for a Neo4j full-text index: any of the typed words fuzzy (one edit for
    short words, two for longer: Lucene's limit) or as a prefix; from three letters also the
    start of a longer word with one letter changed (``pri?a*`` finds "private") or with
    enough of its first letters (``pri*`` finds "Prioritisation"), as :func:`rank`'s stretch
    score does.

    Words are lower case (so never the operators AND/OR/NOT) and escaped; the wildcards are
    the only syntax added, never leading (a leading wildcard reads the index's every word:
    it tripled the time at 120k nodes).
    """
    terms: list[str] = []
    for word in words:
        term = lucene_escape(word)
        edits = 1 if len(word) <= 4 else 2
        terms += [f"{term}~{edits}", f"{term}*"]
        if len(word) >= 3:
            terms += [f"{lucene_escape(word[:i])}?{lucene_escape(word[i + 1:])}*"
                      for i in range(1, len(word))]
            # Enough first letters to reach the stretch cut on their own (2k / (len + k)).
            cut = STRETCH_CUTOFF / 100
            k = math.ceil(cut * len(word) / (2 - cut))
            if k < len(word):
                terms.append(f"{lucene_escape(word[:k])}*")
    return " OR ".join(terms)
