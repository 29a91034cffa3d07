"""Inferred links: what the plans imply but do not state, marked as such.

Documents rarely say everything. Three kinds of link are inferred, each with
``method = "inferred"`` and a ``confidence`` in 0..1, and kept only at or above a threshold:

- **Objective SUPPORTS declared outcome.** An activity-table objective supports those of its
  theme's declared outcomes whose wording it shares (place names and "city", "council" ignored).
  Actions are not linked this way: an action the document leaves outside every priority is an
  orphan by the document's own layout. Similarity is the mean of rapidfuzz's ``token_set_ratio`` and ``token_sort_ratio``
  over the content words of both texts (stop words removed, simple plural folding), scaled to
  0..1; the best match and any other within 0.1 of it are linked.
- **Cabinet lead OWNS theme.** A lead's portfolio ("transport, regeneration and heritage") is
  split into areas; an area is mentioned by a text when the text's content words include all of
  the area's (two thirds for longer areas), so "schools" finds "school" but "sport" does not find
  "transport"; a theme's title counts three times. Every text of every theme of the plans that
  name the lead is checked; the theme holding the largest share of an area's mentions is owned,
  with that share as confidence.
- **Outcome MEASURED_BY measure.** A measure no outcome claims is attached to the outcome of its
  theme whose wording it shares most, scored as for SUPPORTS.

A stated (or curated) link is never replaced or hidden by an inferred one: inference only adds
links that do not exist, and the merge rules in ``graph/data.py`` keep stated over inferred.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from collections.abc import Iterable

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Method, Node, Relationship, RelType

DEFAULT_THRESHOLD = 0.55
#: Other matches within this distance of the best one are linked too.
_NEAR_BEST = 0.1
_TEXT_PROPERTIES = ("description", "statement", "text", "objective_text")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    """a about across all also an and any are as at be been being both by can do for from
    further has have help how in into is it its make more most new of on or other our out
    over own per so such than that the their them these they this through to up us via was
    we well were what when where which who will with within would year years ensure
    continue continuing deliver delivering develop developing provide providing support
    supporting work working improve improving increase increasing""".split()
)


@lru_cache(maxsize=65536)
def content_words(text: str) -> str:
    """The words that carry meaning, singular, in order: the input to similarity."""
    words = []
    for word in _WORD.findall(text.casefold()):
        if word in _STOP or len(word) < 3:
            continue
        if len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


def similarity(a: str, b: str, ignore: frozenset[str] = frozenset()) -> float:
    """How much two texts share in wording, 0..1.

    The mean of rapidfuzz's ``token_set_ratio`` (one text's words found in the other: "Supporting
    carers" in "To support carers") and ``token_sort_ratio`` (the texts as wholes), over content
    words. The second term keeps a two-word objective from matching every long sentence that
    happens to contain its words.
    """
    from rapidfuzz import fuzz

    ca, cb = content_words(a), content_words(b)
    if ignore:
        ca = " ".join(w for w in ca.split() if w not in ignore)
        cb = " ".join(w for w in cb.split() if w not in ignore)
    if not ca or not cb:
        return 0.0
    return round((fuzz.token_set_ratio(ca, cb) + fuzz.token_sort_ratio(ca, cb)) / 200.0, 4)


def node_text(node: Node) -> str:
    """A node's name plus any descriptive text a loader kept."""
    parts = [node.name]
    parts += [str(node.properties[k]) for k in _TEXT_PROPERTIES if node.properties.get(k)]
    return " ".join(parts)


def _is_declared(node: Node) -> bool:
    return node.label is Label.OUTCOME and node.properties.get("level") != "objective"


class _Index:
    """Who is in which theme, and which links exist already."""

    def __init__(self, graph: GraphData) -> None:
        self.by_theme: dict[str, list[Node]] = defaultdict(list)
        for node in graph.sorted_nodes():
            theme = node.properties.get("theme_id")
            if theme:
                self.by_theme[theme].append(node)
        self.out: dict[tuple[str, RelType], set[str]] = defaultdict(set)
        self.into: dict[tuple[str, RelType], set[str]] = defaultdict(set)
        for rel in graph.relationships.values():
            self.out[(rel.start, rel.type)].add(rel.end)
            self.into[(rel.end, rel.type)].add(rel.start)


def _best(
    candidate: Node, targets: Iterable[Node], threshold: float, ignore: frozenset[str] = frozenset()
) -> list[tuple[float, Node]]:
    scored = sorted(
        ((similarity(node_text(candidate), node_text(t), ignore), t) for t in targets),
        key=lambda st: (-st[0], st[1].id),
    )
    if not scored or scored[0][0] < threshold:
        return []
    top = scored[0][0]
    return [(s, t) for s, t in scored if s >= threshold and s >= top - _NEAR_BEST]


def _infer_supports(
    graph: GraphData, index: _Index, threshold: float, ignore: frozenset[str]
) -> list[Relationship]:
    links = []
    for members in index.by_theme.values():
        declared = [n for n in members if _is_declared(n)]
        if not declared:
            continue
        for node in members:
            # Only objectives: an action the document left outside every priority is an
            # orphan by the document's own layout, and wording must not paper over that.
            if not (node.label is Label.OUTCOME and not _is_declared(node)):
                continue
            supported = index.out[(node.id, RelType.SUPPORTS)]
            if any(_is_declared(graph.nodes[s]) for s in supported if s in graph.nodes):
                continue
            for score, target in _best(node, declared, threshold, ignore):
                links.append(Relationship(RelType.SUPPORTS, node.id, target.id, node.provenance,
                                          Method.INFERRED, score, {"rule": "wording"}))
    return links


def _infer_measures(
    graph: GraphData, index: _Index, threshold: float, ignore: frozenset[str]
) -> list[Relationship]:
    links = []
    for members in index.by_theme.values():
        outcomes = [n for n in members if n.label is Label.OUTCOME]
        for node in members:
            if node.label is not Label.MEASURE or index.into[(node.id, RelType.MEASURED_BY)]:
                continue
            for score, target in _best(node, outcomes, threshold, ignore)[:1]:
                links.append(Relationship(RelType.MEASURED_BY, target.id, node.id,
                                          node.provenance, Method.INFERRED, score,
                                          {"rule": "wording"}))
    return links


_AREA_SPLIT = re.compile(r",|;|\band\b|&")


def portfolio_areas(portfolio: str) -> list[str]:
    """"transport, regeneration and heritage" -> ["transport", "regeneration", "heritage"]."""
    return [a.strip() for a in _AREA_SPLIT.split(portfolio.casefold()) if len(a.strip()) > 2]


#: A theme's own title counts as this many mentions: it is what the theme is about.
_TITLE_WEIGHT = 3.0


def _mentions(words: set[str], texts: list[set[str]]) -> float:
    """How much a theme's texts mention an area: each text scores the share of the area's words
    it contains (rapidfuzz-free on purpose: these are exact word-set overlaps); the title counts
    ``_TITLE_WEIGHT`` times."""
    score = 0.0
    for i, text in enumerate(texts):
        found = len(words & text) / len(words)
        if found == 1.0 or (len(words) > 2 and found >= 0.66):
            score += found * (_TITLE_WEIGHT if i == 0 else 1.0)
    return score


def _infer_owners(graph: GraphData, index: _Index, threshold: float) -> list[Relationship]:
    themes_by_doc: dict[str, list[Node]] = defaultdict(list)
    for node in graph.sorted_nodes():
        if node.label is Label.THEME:
            themes_by_doc[node.provenance.document].append(node)
    texts = {
        theme.id: [set(content_words(node_text(theme)).split())]
        + [set(content_words(node_text(n)).split()) for n in index.by_theme.get(theme.id, [])]
        for nodes in themes_by_doc.values() for theme in nodes
    }
    links = []
    for lead in graph.sorted_nodes():
        portfolio = lead.properties.get("portfolio")
        if lead.label is not Label.CABINET_LEAD or not portfolio:
            continue
        docs = lead.properties.get("documents") or [lead.provenance.document]
        themes = [t for d in sorted(docs) for t in themes_by_doc.get(d, [])]
        owned: dict[str, float] = {}
        for area in portfolio_areas(str(portfolio)):
            words = set(content_words(area).split())
            if not words:
                continue
            hits = {t.id: _mentions(words, texts[t.id]) for t in themes}
            total = sum(hits.values())
            if total < 2:
                continue
            best = max(sorted(hits), key=lambda k: hits[k])
            share = round(hits[best] / total, 4)
            if share >= threshold:
                owned[best] = max(owned.get(best, 0.0), share)
        for theme_id, share in sorted(owned.items()):
            if theme_id in index.out[(lead.id, RelType.OWNS)]:
                continue
            links.append(Relationship(RelType.OWNS, lead.id, theme_id, lead.provenance,
                                      Method.INFERRED, share, {"rule": "portfolio"}))
    return links


def place_words(graph: GraphData) -> frozenset[str]:
    """Words every text of a council's plan may contain without meaning anything: the place
    names of the publishing organisations and "city", "county", "council"."""
    words = {"city", "county", "council", "borough", "district"}
    for node in graph.nodes.values():
        if node.label is Label.ORGANISATION:
            words.update(content_words(node.name).split())
    return frozenset(words)


def infer_links(graph: GraphData, threshold: float = DEFAULT_THRESHOLD) -> GraphData:
    """A copy of ``graph`` with inferred SUPPORTS, MEASURED_BY and OWNS links added.

    Args:
        graph: the resolved graph of the documents being built.
        threshold: the lowest confidence kept (0..1).
    """
    out = GraphData(dict(graph.nodes), dict(graph.relationships))
    index = _Index(graph)
    ignore = place_words(graph)
    for rel in (_infer_supports(graph, index, threshold, ignore)
                + _infer_measures(graph, index, threshold, ignore)
                + _infer_owners(graph, index, threshold)):
        if rel.id not in out.relationships:
            out.add_relationship(rel)
    return out
