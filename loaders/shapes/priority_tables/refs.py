"""Cross-references between sections ("see place section") and which sections cover which
strategic imperatives ("Imperative 4 is covered in the economic section").

A reference names a section loosely, by one or two of its heading's words ("health section",
"Children's Section", "the 'better environment/place' section"), so it is matched against the
headings by words: every word of the reference must be in the heading. Of several such
headings the one the reference fits best wins: the words make up more of it, and a heading
names its subject last ("Better Mental Health" for "health"); "final" picks the last in the
document. A reference no heading matches may name a run-in heading ("Educational Excellence
- We will ..."), which stands for the section it is in. "Chapters on A and B" names several
sections at once: each heading whose words nearly all appear in the phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_WORD = re.compile(r"[A-Za-z]+")
_STOP = frozenset(
    """the a an and of in on for to this our its their with as well plan section sections
    chapter chapters set out see covered also""".split()
)
# The words straight before "section": "(see Better Place Section)", "in the economic section".
# (Possessive: a word and the spaces after it are taken whole, so nothing to backtrack into.)
_SECTION_REF = re.compile(
    r"(?P<words>(?:[\w'’‘/-]++\s++){0,4}?)(?P<kind>sections?|chapters?)\b"
    r"(?!\s+(?:on|about|covering)\b)",
    re.IGNORECASE,
)
_CHAPTERS_ON = re.compile(
    r"\b(?:sections?|chapters?)\s+(?:on|about|covering)\s+(?P<phrase>[^.;()]+)", re.IGNORECASE
)
_OPENERS = re.compile(r"^.*\b(?:see|in|on|into|at|from|to|the|of|under)\s+", re.IGNORECASE)
_IMPERATIVE_NUMBERS = re.compile(
    r"\bimperatives?\s+(?P<nums>\d+(?:\s*(?:,|and|&)\s*\d+)*)", re.IGNORECASE
)
_MIN_COVERAGE = 0.75


@dataclass(frozen=True, slots=True, eq=False)
class Section:
    """A heading a reference can point at, and the theme it stands for."""

    name: str
    theme: str
    order: int
    run_in: bool = False
    #: The heading's content words, worked out once: every reference is matched against them.
    words: tuple[str, ...] = field(init=False, default=())
    #: Their stems (see ``_stems``).
    stems: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(words_of(self.name)))
        object.__setattr__(self, "stems", _stems(self.words))


@dataclass(frozen=True, slots=True, eq=False)
class SectionRef:
    """A reference to another section found in a sentence."""

    text: str
    themes: tuple[str, ...]
    this_section: bool = False


def words_of(text: str) -> list[str]:
    """Content words of ``text``, lower case, possessives and stop words dropped."""
    words = [w.lower() for w in _WORD.findall(text.replace("’s", "").replace("'s", ""))]
    return [w for w in words if w not in _STOP]


def _same(a: str, b: str) -> bool:
    """Same word up to its ending ("economic"/"economy", "integration"/"integrating")."""
    if a == b:
        return True
    stem = min(len(a), len(b), 5)
    return stem >= 4 and a[:stem] == b[:stem] and abs(len(a) - len(b)) <= 5


def _stems(words: Iterable[str]) -> frozenset[str]:
    """The words' first four letters: two words ``_same`` share them, so a word whose stem is
    not among another text's stems needs no comparing with its words."""
    return frozenset(w[:4] for w in words)


def _best(ref_words: list[str], sections: Sequence[Section], final: bool) -> Section | None:
    scored = []
    ref_stems = _stems(ref_words)
    for section in sections:
        heading = section.words
        if not heading or not ref_stems <= section.stems:
            continue
        if not all(any(_same(r, h) for h in heading) for r in ref_words):
            continue
        positions = [i for i, h in enumerate(heading) if any(_same(r, h) for r in ref_words)]
        coverage = len(positions) / len(heading)
        lateness = (max(positions) + 1) / len(heading)
        order = section.order if final else -section.order
        scored.append(((coverage, lateness, order), section))
    return max(scored, key=lambda s: s[0])[1] if scored else None


def _resolve_one(text: str, sections: Sequence[Section]) -> tuple[str, ...]:
    ref_words = words_of(text)
    final = "final" in ref_words or "last" in ref_words
    ref_words = [w for w in ref_words if w not in {"final", "last"}]
    if not ref_words:
        return ()
    headings = [s for s in sections if not s.run_in]
    found = _best(ref_words, headings, final) or _best(
        ref_words, [s for s in sections if s.run_in], final
    )
    return (found.theme,) if found else ()


def _resolve_many(phrase: str, sections: Sequence[Section]) -> tuple[str, ...]:
    phrase_words = words_of(phrase)
    phrase_stems = _stems(phrase_words)
    matched: list[tuple[set[str], Section]] = []
    for section in sections:
        if section.run_in:
            continue
        heading = section.words
        hits = {
            h for h in heading if h[:4] in phrase_stems and any(_same(h, p) for p in phrase_words)
        }
        if heading and sum(1 for h in heading if h in hits) / len(heading) >= _MIN_COVERAGE:
            matched.append((hits, section))
    # "Supporting Families" is inside "Supporting Children and Families": keep the larger.
    kept = [s for hits, s in matched if not any(hits < other for other, _ in matched)]
    return tuple(dict.fromkeys(s.theme for s in kept))


def may_refer_to_section(text: str) -> bool:
    """Cheap test: a reference needs the word "section" or "chapter" somewhere in ``text``."""
    lowered = text.lower()
    return "section" in lowered or "chapter" in lowered


def section_refs(sentence: str, sections: Sequence[Section]) -> list[SectionRef]:
    """The sections a sentence refers to."""
    refs: list[SectionRef] = []
    if not may_refer_to_section(sentence):
        return refs  # the common case, without running the patterns
    for match in _CHAPTERS_ON.finditer(sentence):
        themes = _resolve_many(match.group("phrase"), sections)
        if themes:
            refs.append(SectionRef(match.group(0).strip(), themes))
    for match in _SECTION_REF.finditer(sentence):
        words = _OPENERS.sub("", match.group("words"))
        text = (words + match.group("kind")).strip()
        if words.strip().lower() in {"this", "this section"} or text.lower().startswith("this "):
            refs.append(SectionRef(text, (), this_section=True))
            continue
        themes = _resolve_one(words, sections)
        if themes:
            refs.append(SectionRef(text, themes))
    return refs


def imperatives_named(sentence: str, imperatives: dict[int, str]) -> tuple[int, ...]:
    """The imperatives a sentence names, by number ("imperatives 1, 5 and 6") or, failing
    that, by three or more of their words ("support to vulnerable people and communities")."""
    numbers: list[int] = []
    for match in _IMPERATIVE_NUMBERS.finditer(sentence):
        numbers.extend(int(n) for n in re.findall(r"\d+", match.group("nums")))
    if numbers:
        return tuple(n for n in dict.fromkeys(numbers) if n in imperatives)
    said = words_of(sentence)
    said_stems = _stems(said)
    named = []
    for number, text in imperatives.items():
        own = set(words_of(text))
        hits = {w for w in own if w[:4] in said_stems and any(_same(w, s) for s in said)}
        if len(hits) >= 3:
            named.append(number)
    return tuple(named)
