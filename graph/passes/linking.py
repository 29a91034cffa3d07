"""Inferred links: what the plans imply but do not state, marked as such.

Documents rarely say everything. Three kinds of link are inferred, each with
``method = "inferred"`` and a ``confidence`` in 0..1, and kept only at or above a threshold:

- **Objective SUPPORTS declared outcome.** An activity-table objective supports those of its
  theme's declared outcomes whose wording it shares (place names and "city", "council" ignored).
  Actions are not linked this way: an action the document leaves outside every priority is an
  orphan by the document's own layout. Similarity is the mean of rapidfuzz's ``token_set_ratio`` and ``token_sort_ratio``
  over the content words of both texts (stop words removed, simple plural folding), scaled to
  0..1; the best match and any other within 0.1 of it are linked (rule ``wording``).
  An objective still unlinked is read with its row: the words of its actions. The declared
  outcome most of whose distinctive words (weighted by how few of the theme's outcomes use
  them) the row uses, at least half, in two words or more, and well ahead of the next, is linked (rule
  ``row-wording``: "Improving access and quality of public transport", whose row is bus
  lanes, real time bus information and smart ticketing, delivers "To improve the quality of
  local bus and rail services"). Last, the plan's own order: where a theme lists as many
  objectives as declared outcomes and every link so far (two or more) pairs the i-th objective
  with the i-th outcome, each remaining objective delivers the outcome in its place when nothing
  else does (rule ``order``).
- **Cabinet lead OWNS theme.** A lead's portfolio ("transport, regeneration and heritage") is
  split into areas. An area (or a planner's word for it, :data:`PORTFOLIO_SYNONYMS`: "adult
  social care" is "care and support") in a theme's title owns that theme, several when several
  titles name it; else an objective titled by it ("Housing") owns its theme; else an area is mentioned by a text when the text's content words include all of
  the area's (two thirds for longer areas), so "schools" finds "school" but "sport" does not find
  "transport"; a theme's title counts three times. Every text of every theme of the plans that
  name the lead is checked; the theme holding the largest share of an area's mentions is owned,
  with that share as confidence.
- **Outcome MEASURED_BY measure.** A measure no outcome claims is attached to the outcome of its
  theme whose wording it shares most, scored as for SUPPORTS (rule ``wording``); failing that,
  to the objective whose row (its text and actions) uses most of the measure's words, weighted
  and bounded as for row-wording SUPPORTS (rule ``row-wording``).

A stated (or curated) link is never replaced or hidden by an inferred one: inference only adds
links that do not exist, and the merge rules in ``graph/data.py`` keep stated over inferred.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

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
    return " ".join(filter(None, map(_content_word, _WORD.findall(text.casefold()))))


@lru_cache(maxsize=65536)
def _content_word(word: str) -> str:
    """``word`` made singular, or "" when it carries no meaning (a stop word, or under three
    letters). Cached: plans use a few thousand distinct words over and over."""
    if word in _STOP or len(word) < 3:
        return ""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def similarity(a: str, b: str, ignore: frozenset[str] = frozenset()) -> float:
    """How much two texts share in wording, 0..1.

    The mean of rapidfuzz's ``token_set_ratio`` (one text's words found in the other: "Supporting
    carers" in "To support carers") and ``token_sort_ratio`` (the texts as wholes), over content
    words. The second term keeps a two-word objective from matching every long sentence that
    happens to contain its words.
    """
    return _word_similarity(_without(content_words(a), ignore), _without(content_words(b), ignore))


def _without(words: str, ignore: frozenset[str]) -> str:
    """Space-separated ``words`` minus those in ``ignore``."""
    if not ignore:
        return words
    return " ".join(w for w in words.split() if w not in ignore)


def _word_similarity(ca: str, cb: str) -> float:
    """:func:`similarity` of two texts already reduced to their compared content words."""
    if not ca or not cb:
        return 0.0
    return round((fuzz.token_set_ratio(ca, cb) + fuzz.token_sort_ratio(ca, cb)) / 200.0, 4)


def node_text(node: Node) -> str:
    """A node's name plus any descriptive text a loader kept."""
    parts = [node.name]
    parts += [str(node.properties[k]) for k in _TEXT_PROPERTIES if node.properties.get(k)]
    return " ".join(parts)


# Reading a member off an Enum class goes through the metaclass (~45 ns); the loops over every
# node and relationship below compare with these instead.
_OUTCOME, _MEASURE, _THEME, _LEAD = Label.OUTCOME, Label.MEASURE, Label.THEME, Label.CABINET_LEAD
_SUPPORTS, _MEASURED_BY, _OWNS = RelType.SUPPORTS, RelType.MEASURED_BY, RelType.OWNS


def _is_declared(node: Node) -> bool:
    return node.label is _OUTCOME and node.properties.get("level") != "objective"


def _is_objective(node: Node) -> bool:
    return node.label is _OUTCOME and node.properties.get("level") == "objective"


class _Wording:
    """Each node's content words, worked out once per inference run rather than per comparison
    (a theme's outcomes are compared with every objective and measure of the theme), and the
    scoring of one text against many in two rapidfuzz batch calls."""

    def __init__(self, ignore: frozenset[str]) -> None:
        self.ignore = ignore
        self._words: dict[str, str] = {}
        self._compared: dict[str, str] = {}
        self._sorted: dict[str, str] = {}
        self._word_sets: dict[str, set[str]] = {}
        # Plans repeat wording (the same objective and outcomes under several themes): score
        # each pair of texts once.
        self._scores: dict[tuple[str, str], float] = {}

    def compared(self, node: Node) -> str:
        """The node's content words minus the ignored (place) words, as :func:`similarity`
        compares them."""
        words = self._compared.get(node.id)
        if words is None:
            words = self._compared[node.id] = _without(self._content_words(node), self.ignore)
        return words

    def _content_words(self, node: Node) -> str:
        words = self._words.get(node.id)
        if words is None:
            words = self._words[node.id] = content_words(node_text(node))
        return words

    def scores(self, candidate: Node, targets: Sequence[Node]) -> list[float]:
        """:func:`similarity` of ``candidate``'s text and each target's, in order."""
        words = self.compared(candidate)
        texts = [self.compared(t) for t in targets]
        known = self._scores
        new = [text for text in dict.fromkeys(texts) if (words, text) not in known]
        if new:
            for text, score in zip(new, self._score_all(words, new)):
                known[(words, text)] = score
        return [known[(words, text)] for text in texts]

    def _score_all(self, words: str, texts: Sequence[str]) -> list[float]:
        if not words:
            return [0.0] * len(texts)
        set_ratios = _batch_scores(words, texts, fuzz.token_set_ratio)
        # token_sort_ratio is ratio over the sorted words; content words are plain [a-z0-9]
        # runs, so Python sorts them as rapidfuzz does, once per text instead of per pair.
        sort_ratios = _batch_scores(self._sorted_words(words),
                                    [self._sorted_words(t) for t in texts], fuzz.ratio)
        return [round((set_ratio + sort_ratio) / 200.0, 4) if text else 0.0
                for set_ratio, sort_ratio, text in zip(set_ratios, sort_ratios, texts)]

    def _sorted_words(self, words: str) -> str:
        ordered = self._sorted.get(words)
        if ordered is None:
            ordered = self._sorted[words] = " ".join(sorted(words.split()))
        return ordered

    def word_set(self, node: Node) -> set[str]:
        """The node's content words as a set (place words kept)."""
        words = self._word_sets.get(node.id)
        if words is None:
            words = self._word_sets[node.id] = set(self._content_words(node).split())
        return words


def _batch_scores(query: str, choices: Sequence[str], scorer: Callable[..., float]) -> list[float]:
    """``scorer(query, choice)`` for each choice, computed by rapidfuzz in one call."""
    scores = [0.0] * len(choices)
    for _, score, position in process.extract(query, choices, scorer=scorer, limit=None):
        scores[position] = score
    return scores


class _Index:
    """Who is in which theme, and which links exist already (only what inference asks)."""

    def __init__(self, graph: GraphData) -> None:
        self.nodes = graph.sorted_nodes()
        self.by_theme: dict[str, list[Node]] = defaultdict(list)
        for node in self.nodes:
            theme = node.properties.get("theme_id")
            if theme:
                self.by_theme[theme].append(node)
        #: Ids that already SUPPORT a declared outcome.
        self.supporting: set[str] = set()
        #: Measures some node is already MEASURED_BY.
        self.measured: set[str] = set()
        #: (lead, theme) pairs already linked by OWNS.
        self.owned: set[tuple[str, str]] = set()
        #: Ids something SUPPORTS already.
        self.supported: set[str] = set()
        #: Objective -> the actions that SUPPORT it (the rest of its row).
        self.supporters: dict[str, list[Node]] = defaultdict(list)
        for rel in graph.relationships.values():
            if rel.type is _SUPPORTS:
                self.supported.add(rel.end)
                target = graph.nodes.get(rel.end)
                if target is not None and _is_declared(target):
                    self.supporting.add(rel.start)
                source = graph.nodes.get(rel.start)
                if target is not None and _is_objective(target) and source is not None \
                        and source.label is Label.ACTION:
                    self.supporters[rel.end].append(source)
            elif rel.type is _MEASURED_BY:
                self.measured.add(rel.end)
            elif rel.type is _OWNS:
                self.owned.add((rel.start, rel.end))


def _best(
    candidate: Node, targets: Sequence[Node], threshold: float, wording: _Wording
) -> list[tuple[float, Node]]:
    scored = sorted(
        zip(wording.scores(candidate, targets), targets),
        key=lambda st: (-st[0], st[1].id),
    )
    if not scored or scored[0][0] < threshold:
        return []
    top = scored[0][0]
    return [(s, t) for s, t in scored if s >= threshold and s >= top - _NEAR_BEST]


def _infer_supports(index: _Index, threshold: float, wording: _Wording) -> list[Relationship]:
    links = []
    for members in index.by_theme.values():
        declared = [n for n in members if _is_declared(n)]
        if not declared:
            continue
        # Only objectives: an action the document left outside every priority is an
        # orphan by the document's own layout, and wording must not paper over that.
        for node in members:
            if not _is_objective(node) or node.id in index.supporting:
                continue
            for score, target in _best(node, declared, threshold, wording):
                links.append(Relationship(RelType.SUPPORTS, node.id, target.id, node.provenance,
                                          Method.INFERRED, score, {"rule": "wording"}))
    return links


#: Row wording: the least share of a declared outcome's weighted words the row must use, and
#: how far ahead of the next outcome it must be.
_ROW_SHARE = 0.5
_ROW_LEAD = 0.15
#: The most confidence a row-wording link is given: the row is read, not the item itself.
_ROW_CONFIDENCE = 0.9
#: Confidence given to a link read from the plan's order alone.
_ORDER_CONFIDENCE = 0.6


def _row_words(index: _Index, objective: Node, wording: _Wording) -> set[str]:
    """The words of an objective's row: its own text and its actions'."""
    words = set(wording.compared(objective).split())
    for action in index.supporters.get(objective.id, ()):
        words |= set(wording.compared(action).split())
    return words


def _row_share(words: set[str], row: set[str], weight: dict[str, float]) -> float:
    total = sum(weight[w] for w in words)
    return round(sum(weight[w] for w in words & row) / total, 4) if total else 0.0


def _infer_from_rows(index: _Index, threshold: float, wording: _Wording,
                     found: list[Relationship]) -> list[Relationship]:
    """Links for objectives neither stated nor found by wording: by their row's words, then by
    the plan's order (see the module docstring)."""
    linked = defaultdict(set)  # objective -> declared outcomes it supports
    for rel in found:
        linked[rel.start].add(rel.end)
    links = []
    for members in index.by_theme.values():
        declared = [n for n in members if _is_declared(n)]
        objectives = [n for n in members if _is_objective(n)]
        if not declared or not objectives:
            continue
        declared.sort(key=lambda n: (n.provenance.line, n.id))
        objectives.sort(key=lambda n: (n.provenance.line, n.id))
        open_ = [o for o in objectives if o.id not in index.supporting and not linked[o.id]]
        if not open_:
            continue
        texts = [set(wording.compared(d).split()) for d in declared]
        used: dict[str, int] = defaultdict(int)
        for text in texts:
            for w in text:
                used[w] += 1
        weight = {w: math.log(1 + len(declared) / n) for w, n in used.items()}
        for objective in open_:
            row = _row_words(index, objective, wording)
            scored = sorted(((_row_share(t, row, weight), d) for t, d in zip(texts, declared)),
                            key=lambda st: (-st[0], st[1].id))
            best, target = scored[0]
            runner = scored[1][0] if len(scored) > 1 else 0.0
            # One shared word ("services") is a coincidence, not a reading.
            shared = texts[declared.index(target)] & row
            if (best >= max(_ROW_SHARE, threshold) and best - runner >= _ROW_LEAD
                    and len(shared) >= 2):
                links.append(Relationship(RelType.SUPPORTS, objective.id, target.id,
                                          objective.provenance, Method.INFERRED,
                                          min(best, _ROW_CONFIDENCE), {"rule": "row-wording"}))
                linked[objective.id].add(target.id)
        if len(objectives) != len(declared) or _ORDER_CONFIDENCE < threshold:
            continue
        place = {d.id: i for i, d in enumerate(declared)}
        pairs = [(i, place.get(t, -1)) for i, o in enumerate(objectives) for t in linked[o.id]]
        # Two pairs in place at least show the order; one could be chance.
        if len(pairs) < 2 or any(i != j for i, j in pairs):
            continue
        for i, objective in enumerate(objectives):
            if objective.id in index.supporting or linked[objective.id]:
                continue
            # Order only fills a gap: an outcome something else delivers is not this one's.
            if declared[i].id in index.supported:
                continue
            links.append(Relationship(RelType.SUPPORTS, objective.id, declared[i].id,
                                      objective.provenance, Method.INFERRED, _ORDER_CONFIDENCE,
                                      {"rule": "order"}))
    return links


def _infer_measures(index: _Index, threshold: float, wording: _Wording) -> list[Relationship]:
    links = []
    for members in index.by_theme.values():
        outcomes = [n for n in members if n.label is _OUTCOME]
        objectives = sorted((n for n in outcomes if _is_objective(n)),
                            key=lambda n: (n.provenance.line, n.id))
        rows = [_row_words(index, o, wording) for o in objectives]
        used: dict[str, int] = defaultdict(int)
        for row in rows:
            for w in row:
                used[w] += 1
        weight = {w: math.log(1 + len(rows) / n) for w, n in used.items()}
        for node in members:
            if node.label is not _MEASURE or node.id in index.measured:
                continue
            best = _best(node, outcomes, threshold, wording)[:1]
            for score, target in best:
                links.append(Relationship(RelType.MEASURED_BY, target.id, node.id,
                                          node.provenance, Method.INFERRED, score,
                                          {"rule": "wording"}))
            if best or not objectives:
                continue
            # A measure of a row's work: "New business start ups" measures "Enterprising
            # Leicester", whose row launches business investment areas and start-up support.
            words = set(wording.compared(node).split())
            # A word no row uses is as telling as the rarest: it counts against every row.
            rare = math.log(1 + len(rows))
            weights = {w: weight.get(w, rare) for w in words}
            scored = sorted(((_row_share(words, row, weights), len(words & row), o)
                             for row, o in zip(rows, objectives)),
                            key=lambda st: (-st[0], st[2].id))
            if not scored:
                continue
            share, shared, target = scored[0]
            runner = scored[1][0] if len(scored) > 1 else 0.0
            if (share >= max(_ROW_SHARE, threshold) and share - runner >= _ROW_LEAD
                    and shared >= 2):
                links.append(Relationship(RelType.MEASURED_BY, target.id, node.id,
                                          node.provenance, Method.INFERRED,
                                          min(share, _ROW_CONFIDENCE), {"rule": "row-wording"}))
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
    if len(words) <= 2:
        # Short areas count only when every word is there: a subset test, no intersection built.
        for i, text in enumerate(texts):
            if words <= text:
                score += 1.0 * (_TITLE_WEIGHT if i == 0 else 1.0)
        return score
    for i, text in enumerate(texts):
        found = len(words & text) / len(words)
        if found == 1.0 or found >= 0.66:
            score += found * (_TITLE_WEIGHT if i == 0 else 1.0)
    return score


class _ThemeMentions:
    """:func:`_mentions` of areas in themes. Every lead's every area is scored against every
    theme of its plans, so each theme's texts are indexed by word once: a one- or two-word
    area (most are) is then a look-up of the texts holding all its words, not a scan."""

    def __init__(self, index: _Index, wording: _Wording) -> None:
        self.index = index
        self.wording = wording
        self._texts: dict[str, list[set[str]]] = {}
        self._holding: dict[str, dict[str, list[int]]] = {}

    def texts(self, theme: Node) -> list[set[str]]:
        """The word sets of the theme's title (first) and of each of its members' texts."""
        # Only the themes of plans that name a lead with a portfolio are ever read.
        if theme.id not in self._texts:
            self._texts[theme.id] = [self.wording.word_set(theme)] + [
                self.wording.word_set(n) for n in self.index.by_theme.get(theme.id, [])]
        return self._texts[theme.id]

    def holding(self, theme: Node) -> dict[str, list[int]]:
        """Word -> the positions (in :meth:`texts`) of the theme's texts holding it."""
        if theme.id not in self._holding:
            holding: dict[str, list[int]] = defaultdict(list)
            for position, text in enumerate(self.texts(theme)):
                for word in text:
                    holding[word].append(position)
            self._holding[theme.id] = holding
        return self._holding[theme.id]

    def score(self, words: set[str], theme: Node) -> float:
        """``_mentions(words, self.texts(theme))``."""
        if len(words) > 2:
            return _mentions(words, self.texts(theme))
        # A short area counts only in texts holding all its words, each adding its weight
        # (whole numbers, so the sum does not depend on the order of adding).
        holding = self.holding(theme)
        positions: set[int] | None = None
        for word in words:
            found = holding.get(word)
            if not found:
                return 0.0
            positions = set(found) if positions is None else positions & set(found)
        score = 0.0
        for position in sorted(positions or ()):
            score += _TITLE_WEIGHT if position == 0 else 1.0
        return score


#: Words planners use for a portfolio area in theme titles and objectives: a portfolio says
#: "adult social care" where the plan's theme is "Providing care and support". Each variant is
#: matched as the area is (all its content words); add to it as plans show new ones.
PORTFOLIO_SYNONYMS: dict[str, tuple[str, ...]] = {
    "adult social care": ("care and support", "adult care", "social care", "adults"),
    "adults": ("adult care", "social care"),
    "older people": ("older", "ageing"),
    "housing": ("homes", "homelessness"),
    "schools": ("education", "learning"),
    "children": ("young people", "families"),
    "health": ("healthy", "wellbeing"),
    "culture": ("cultural", "arts"),
    "sport": ("active", "physical activity"),
    "leisure": ("active",),
    "transport": ("getting about", "travel", "roads", "highways"),
    "economic development": ("business", "economy", "jobs"),
    "regeneration": ("growth", "city centre"),
    "climate change": ("low carbon", "carbon"),
    "environment": ("environmental", "green"),
    "neighbourhood services": ("neighbourhoods", "communities"),
    "community safety": ("safer", "crime"),
    "equalities": ("equality", "fair"),
    "community involvement": ("communities", "engagement"),
    "resources": ("finance", "money"),
}


def _area_variants(area: str) -> list[tuple[str, set[str]]]:
    """The area's word set and its synonyms' ("housing" -> housing, home, homelessness)."""
    variants = []
    for text in (area, *PORTFOLIO_SYNONYMS.get(area, ())):
        words = set(content_words(text).split())
        if words:
            variants.append((text, words))
    return variants


#: An objective is titled by an area when its name is a heading of at most this many content
#: words ("Housing", "Working in partnership"), not a sentence that uses the word in passing.
_HEADING_WORDS = 3


def _heading_words(objective: Node) -> set[str]:
    words = content_words(objective.name).split()
    return set(words) if len(words) <= _HEADING_WORDS else set()


def _infer_owners(index: _Index, threshold: float, wording: _Wording) -> list[Relationship]:
    """Lead OWNS theme from the portfolio: per area, the themes whose title names it (or a
    planner's word for it), else the themes with an objective titled by it, else the theme
    holding most of its mentions (see the module docstring)."""
    themes_by_doc: dict[str, list[Node]] = defaultdict(list)
    objectives_by_theme: dict[str, list[Node]] = defaultdict(list)
    for node in index.nodes:
        if node.label is _THEME:
            themes_by_doc[node.provenance.document].append(node)
        elif _is_objective(node) and node.properties.get("theme_id"):
            objectives_by_theme[str(node.properties["theme_id"])].append(node)
    mentions = _ThemeMentions(index, wording)
    links = []
    for lead in index.nodes:
        portfolio = lead.properties.get("portfolio")
        if lead.label is not _LEAD or not portfolio:
            continue
        docs = lead.properties.get("documents") or [lead.provenance.document]
        themes = [t for d in sorted(docs) for t in themes_by_doc.get(d, [])]
        owned: dict[str, tuple[float, str, str, str]] = {}

        def own(theme_id: str, share: float, area: str, matched: str, by: str) -> None:
            if share < threshold:
                return
            if theme_id not in owned or owned[theme_id][0] < share:
                owned[theme_id] = (share, area, matched, by)

        for area in portfolio_areas(str(portfolio)):
            variants = _area_variants(area)
            if not variants:
                continue
            # The area's own words first; a planner's word for it only when they find nothing.
            tiers = [variants[:1], variants[1:]]
            titled: list[tuple[Node, str]] = []
            for tier in tiers:
                titled = titled or [(t, text) for t in themes for text, words in tier
                                    if words <= wording.word_set(t)]
            if titled:
                for t, text in titled:
                    own(t.id, 1.0 if text == area else 0.9, area, text, "theme title")
                continue
            headed: list[tuple[Node, Node, str]] = []
            for tier in tiers:
                headed = headed or [
                    (t, o, text) for t in themes for o in objectives_by_theme.get(t.id, ())
                    for text, words in tier if words <= _heading_words(o)]
            if headed:
                for t, o, text in headed:
                    own(t.id, 0.8, area, f"{o.name} (line {o.provenance.line})", "objective")
                continue
            words = variants[0][1]
            hits = {t.id: mentions.score(words, t) for t in themes}
            total = sum(hits.values())
            if total < 2:
                # Too few mentions of the area's own words: count its planners' words too.
                hits = {t.id: sum(mentions.score(w, t) for _, w in variants) for t in themes}
                total = sum(hits.values())
            if total < 2:
                continue
            best = max(sorted(hits), key=lambda k: hits[k])
            share = round(hits[best] / total, 4)
            if share >= threshold:
                own(best, share, area, area, "mentions")
        for theme_id, (share, area, matched, by) in sorted(owned.items()):
            if (lead.id, theme_id) in index.owned:
                continue
            links.append(Relationship(RelType.OWNS, lead.id, theme_id, lead.provenance,
                                      Method.INFERRED, share,
                                      {"rule": "portfolio", "area": area, "matched": matched,
                                       "by": by}))
    return links


def place_words(graph: GraphData) -> frozenset[str]:
    """Words every text of a council's plan may contain without meaning anything: the place
    names of the publishing organisations and "city", "county", "council"."""
    words = {"city", "county", "council", "borough", "district"}
    organisation = Label.ORGANISATION  # read once: an Enum member lookup is slow in a loop
    for node in graph.nodes.values():
        if node.label is organisation:
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
    wording = _Wording(place_words(graph))
    supports = _infer_supports(index, threshold, wording)
    supports += _infer_from_rows(index, threshold, wording, supports)
    for rel in (supports
                + _infer_measures(index, threshold, wording)
                + _infer_owners(index, threshold, wording)):
        if rel.id not in out.relationships:
            out.add_relationship(rel)
    return out
