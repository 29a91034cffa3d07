"""Named strategies and partnerships in a cell, and which theme a "Supported by" item means.

Strategies are title-case names ending in a document word ("Asset Management Strategy",
"Air Quality Action Plan", "Community Cohesion strategy") or a lower-case mention after an
article ("the crime and disorder strategy", "the pathfinder programme"). Partnerships end in
a body word ("Cultural Strategy Partnership", "a children's trust").
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from stratgraph.loaders.common import entities

#: The shared words, and what the corporate plan also ends a document's name with ("service
#: plans", "Regeneration Company Masterplan", "the Enforcement Concordat").
STRATEGY_WORDS = entities.STRATEGY_WORDS | {"plans", "masterplan", "concordat"}
PARTNERSHIP_WORDS = entities.PARTNERSHIP_WORDS
_TERMINALS = STRATEGY_WORDS | PARTNERSHIP_WORDS
_CONNECTORS = frozenset({"and", "of", "for", "&"})
_ARTICLES = frozenset({"a", "an", "the", "our", "its"})
# The verb that opens an action is not part of the name it is followed by.
_VERBS = frozenset(
    "review develop deliver implement agree produce publish adopt complete maintain support "
    "achieve refresh update prepare launch through by to with in".split()
)
# Words that make a lower-case mention generic rather than a name ("an annual rolling
# programme", "a rolling three year revenue and capital strategy").
_GENERIC = frozenset(
    "annual rolling capital revenue year years new local action detailed business service "
    "this that each every".split()
)
# A terminal as a whole word (possibly possessive): a word the tokens below can end a name on.
_TERMINAL_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_TERMINALS))})(?:['’]s)?\b", re.I)
_WORD = re.compile(r"[\w'’&]+(?:[-/][\w'’]+)*|[.,;:()•]")
_LOWER_MENTION = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Oo]ur)\s+((?:[A-Za-z'’]+\s+){0,3}?[A-Za-z'’]+\s+"
    r"(?:strategy(?:\s+action\s+plan)?|programme|trust))\b"
)


@dataclass(frozen=True, slots=True, eq=False)
class NamedEntity:
    """A strategy (``kind`` document or programme) or a partnership named in some text."""

    name: str
    label: str  # "strategy" or "partnership"
    kind: str = "document"


def _title(text: str) -> str:
    words = text.split()
    return " ".join(w if w.isupper() or (i and w.lower() in _CONNECTORS)
                    else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _without_possessive(word: str) -> str:
    """The word without a final "'s" ("Council's" -> "Council")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _entity(words: list[str]) -> NamedEntity | None:
    while words and (words[0].lower() in _ARTICLES or words[0].lower() in _VERBS
                     or words[0].lower() in _CONNECTORS or words[0] in ("Council's",)):
        words = words[1:]
    if len(words) < 2:
        return None
    last = _without_possessive(words[-1]).lower()
    name = _title(" ".join(words[:-1] + [_without_possessive(words[-1])]))
    if last in PARTNERSHIP_WORDS:
        return NamedEntity(name, "partnership")
    return NamedEntity(name, "strategy",
                       "programme" if last in entities.PROGRAMME_WORDS else "document")


def _is_name_word(word: str) -> bool:
    return word[:1].isupper()


def find_entities(text: str) -> list[NamedEntity]:
    """Strategies and partnerships named in ``text``, in order, without repeats."""
    found: list[NamedEntity] = []
    if not _may_name_entity(text):
        return found
    tokens = _WORD.findall(text)
    run: list[str] = []

    def flush() -> None:
        while run and run[-1].lower() in _CONNECTORS:
            run.pop()
        # Cut the run after each terminal word not followed by another terminal:
        # "Air Quality Action Plan Food Service Plan" is two plans, "Cultural Strategy
        # Partnership" one partnership.
        start = 0
        bases = [_without_possessive(word).lower() for word in run]
        for i, base in enumerate(bases):
            nxt = bases[i + 1] if i + 1 < len(bases) else ""
            if base in _TERMINALS and nxt not in _TERMINALS:
                entity = _entity(run[start:i + 1])
                if entity:
                    found.append(entity)
                start = i + 1
        run.clear()

    for i, token in enumerate(tokens):
        if _is_name_word(token):
            run.append(token)
            continue
        if not run:
            continue  # nothing to flush
        low = _without_possessive(token).lower()
        if low in _CONNECTORS and i + 1 < len(tokens) and _is_name_word(tokens[i + 1]):
            run.append(token)
        elif low in _TERMINALS and low not in ("plans",):
            run.append(token)  # "Community Cohesion strategy": a name with a lower-case end
            flush()
        else:
            flush()
    flush()
    for match in _lower_mentions(text):
        words = match.group(1).split()
        if any(w.lower() in _GENERIC for w in words) or any(w[:1].isupper() for w in words[:-1]
                                                            if not w.isupper()):
            continue
        entity = _entity(words)
        if entity:
            found.append(entity)
    unique: dict[tuple[str, str], NamedEntity] = {}
    for entity in found:
        unique.setdefault((entity.label, entity.name.lower()), entity)
    return list(unique.values())


def _may_name_entity(text: str) -> bool:
    # Every name ends in a terminal word (the lower-case mentions too), and most texts hold
    # none: testing for them is far cheaper than reading the text word by word. A substring
    # test first, as it is cheaper still; then the word test, as "Plant" holds "plan".
    low = text.lower()
    for word in _TERMINALS:
        if word in low:
            return _TERMINAL_WORD.search(text) is not None
    return False


def _lower_mentions(text: str) -> Iterable[re.Match[str]]:
    # Every mention ends in one of these words; most texts have none, and the pattern's
    # look for an article before each costs far more than these three tests.
    if "strategy" in text or "programme" in text or "trust" in text:
        return _LOWER_MENTION.finditer(text)
    return ()


# -- which theme a "Supported by" item means -------------------------------------------------

_STOP_WORDS = (
    "a an and as at be by for from in into is it its of on or our the their this to we which "
    "with will all more most other people city council citizens services service improve "
    "increase reduce develop provide ensure work support within where who that are being new "
    "use line through well greater range level levels number e g"
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "less", "ness", "ment", "ion", "al", "es",
             "ed", "s", "e")


_POSSESSIVE_END = re.compile(r"['’]s?$")
_IES_END = re.compile(r"ies$")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A crude stem so "homeless" meets "homes" and "cultural" meets "culture"."""
    word = _POSSESSIVE_END.sub("", word.lower())
    word = _IES_END.sub("y", word)  # "libraries" meets "library"
    for _ in range(2):
        if not word.endswith(_SUFFIXES):
            break  # (one test for them all: most words end in none, now or after a cut)
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
    return word


_STOP = frozenset(stem(w) for w in _STOP_WORDS.split())
_TERM_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def terms(text: str) -> list[str]:
    """The stemmed content words of ``text``, without the words every theme uses."""
    stems = (stem(w) for w in _TERM_WORD.findall(text) if len(w) > 2)
    return [s for s in stems if s not in _STOP]


def _term_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each term occurs in ``texts``, in order of first occurrence.

    Each distinct word is stemmed once: a theme's description repeats its words many times.
    The texts are joined with spaces, which no word holds, so no word spans two texts.
    """
    words = Counter(_TERM_WORD.findall(" ".join(texts)))
    counts: Counter[str] = Counter()
    for word, n in words.items():
        if len(word) > 2:
            term = stem(word)
            if term not in _STOP:
                counts[term] += n
    return counts


class ThemeMatcher:
    """Which theme an item of text most resembles (tf-idf cosine over stemmed words).

    An item that names a theme ("Housing investment ...") means that theme; otherwise each
    theme is described by its name (counted three times), its statement and its priorities'
    and actions' text, and the item goes to the one it resembles most.
    """

    def __init__(self, descriptions: Mapping[str, Iterable[str]],
                 names: Mapping[str, str] | None = None) -> None:
        self._names = {k: set(terms(v)) for k, v in (names or {}).items()}
        self._vectors: dict[str, dict[str, float]] = {}
        counts = {key: _term_counts(texts) for key, texts in descriptions.items()}
        self._counts = counts
        df = Counter(t for c in counts.values() for t in c)
        n = len(counts)
        self._idf = {t: math.log((1 + n) / (1 + d)) + 0.1 for t, d in df.items()}
        for key, c in counts.items():
            vec = {t: (1 + math.log(f)) * self._idf[t] for t, f in c.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self._vectors[key] = {t: v / norm for t, v in vec.items()}

    def scores(self, text: str, *, own: str | None = None) -> dict[str, float]:
        """Cosine similarity of ``text`` with each theme.

        Words the ``own`` theme uses repeatedly say nothing about which other theme is meant
        ("health and social care services" under Social Care), so they are left out.
        """
        c = Counter(terms(text))
        if own in self._counts:
            distinctive = Counter({t: f for t, f in c.items() if self._counts[own][t] < 2})
            c = distinctive or c
        vec = {t: (1 + math.log(f)) * self._idf.get(t, 0.0) for t, f in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {key: sum(v * theme.get(t, 0.0) for t, v in vec.items()) / norm
                for key, theme in self._vectors.items()}

    def best(self, text: str, *, exclude: str, minimum: float = 0.02) -> str | None:
        """The theme ``text`` names, or else most resembles, other than ``exclude``."""
        words = set(terms(text))
        named = {k for k, name in self._names.items()
                 if k != exclude and name and name <= words}
        if len(named) == 1:
            return next(iter(named))
        ranked = sorted(((s, k) for k, s in self.scores(text, own=exclude).items()
                         if k != exclude and (not named or k in named)), reverse=True)
        if not ranked or ranked[0][0] < minimum:
            return None
        return ranked[0][1]
