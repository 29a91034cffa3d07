"""Named strategies and partnerships in a plan's sentences.

A name is a run of capitalised words ending in a word that says what it is: "Strategy",
"Plan", "Programme", "Fund" (a Strategy node) or "Board", "Partnership", "Trust", "Panel"
(a Partnership node). Verbs that open a table sentence ("Implement People Strategy"), an
owner's possessive ("the Council's Environment Strategy") and years after the name
("Strategic Economic Plan 2014-2020") are not part of it. An acronym defined in brackets after
a name ("Leicester and Leicestershire Enterprise Partnership (LLEP)") stands for that name
wherever it appears alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from stratgraph.graph.model import Label
from stratgraph.loaders.common import entities
from stratgraph.loaders.shapes.priority_tables.stretches import Stretches

_TOKEN = re.compile(r"[\w'’]+(?:[-/][\w'’]+)*|&|\S")

# The shared words (funds, projects, schemes and initiatives among the programmes: "Local
# Growth Fund"), their plurals ("Area Based Asset Strategies", "European Structural and
# Investment Funds"), and the strategic plan's other documents and bodies (alliances, groups).
DOCUMENT_WORDS = entities.DOCUMENT_WORDS | {
    "strategies", "plans", "protocol", "charter", "covenant"}
PROGRAMME_WORDS = entities.PROGRAMME_WORDS | {"programmes", "funds"}
PARTNERSHIP_WORDS = entities.PARTNERSHIP_WORDS | {"partnerships", "alliance", "group"}
_KEYWORDS = DOCUMENT_WORDS | PROGRAMME_WORDS | PARTNERSHIP_WORDS
# Written in lower case these still end a name when two capitalised words precede them
# ("Short Breaks strategy", "Supporting Leicestershire Families programme").
_LOWER_KEYWORDS = frozenset(
    "strategy plan programme policy framework scheme board partnership".split()
)
_JOINERS = frozenset({"and", "&", "of", "for", "to", ","})
# Where names can be: stretches between breaks (see stretches.py).
_STRETCHES = Stretches(_KEYWORDS, (w for w in _JOINERS | _LOWER_KEYWORDS if w.isalpha()))
_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]{1,6})\b")
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9]{1,6})\)")
_DEFINED_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9]{1,6})\)")
_TAIL_JOINERS = frozenset({"for", "of", "to"})
# Words that open a sentence or a phrase but are never the start of a name.
_LEADING_NOISE = frozenset(
    """implement implementing deliver develop support review progress consult introduce procure
    commission enhance embed integrate promote provide invest achieve lever increase reduce
    ensure expand maintain create establish agree adopt use continue through our the a an
    new its their this these we in as with under by from to and of for both each all every
    also via including include includes key""".split()
)
# A name made only of these words is a kind of document, not a named one ("Action Plan").
_GENERIC = _KEYWORDS | _JOINERS | frozenset(
    """action implementation delivery strategic new local national the our work service
    services business improvement development management council county city draft annual
    joint corporate overall wider related supporting""".split()
)


@dataclass(frozen=True, slots=True, eq=False)
class Mention:
    """A strategy or partnership named in a text: its name, label, kind and offset."""

    name: str
    label: Label
    kind: str | None
    start: int


@dataclass(frozen=True, slots=True, eq=False)
class _Tok:
    text: str
    start: int
    end: int
    #: The text lower-cased once: it is compared many times per token.
    lower: str = ""


def _is_name_word(word: str) -> bool:
    first = word[0]
    # "LTP3" is a name, "37m" (from "£37m") is an amount.
    return first.isupper() or (first.isdigit() and any(ch.isupper() for ch in word))


def _runs(text: str, start: int, end: int) -> Iterable[list[_Tok]]:
    """The runs of name-like tokens in ``text[start:end]``, a stretch between breaks."""
    run: list[_Tok] = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if not run:
            # Most words are not names, and only a name opens a run: skip them cheaply.
            if _is_name_word(word):
                run.append(_Tok(word, match.start(), match.end(), word.lower()))
            continue
        lower = word.lower()
        tok = _Tok(word, match.start(), match.end(), lower)
        if _is_name_word(word) or word.isdigit() or lower in _JOINERS:
            run.append(tok)
        elif lower in _LOWER_KEYWORDS:
            # "the Children's Trust partnership agreement": a lower-case keyword after a named
            # body describes it; the name ends at the body.
            if run[-1].lower not in _KEYWORDS:
                run.append(tok)
            yield run
            run = []
        else:
            yield run
            run = []
    if run:
        yield run


def _segments(run: list[_Tok]) -> Iterable[list[_Tok]]:
    """Split a run where a name ends: a keyword followed by "and", a comma or a number."""
    segment: list[_Tok] = []
    for i, tok in enumerate(run):
        segment.append(tok)
        nxt = run[i + 1] if i + 1 < len(run) else None
        if (
            tok.lower in _KEYWORDS
            and nxt is not None
            and (nxt.lower in {"and", "&", ","} or nxt.text.isdigit())
        ):
            yield segment
            segment = []
    if segment:
        yield segment


def _trim(segment: list[_Tok]) -> list[_Tok]:
    toks = list(segment)
    while toks and (
        toks[0].lower in _LEADING_NOISE
        or toks[0].lower in _JOINERS
        or toks[0].text.isdigit()
        or (_is_owner(toks[0]) and len(toks) > 2)
    ):
        toks.pop(0)
    while toks and toks[-1].lower in _JOINERS:
        toks.pop()
    keyword_at = [i for i, t in enumerate(toks) if t.lower in _KEYWORDS]
    if not keyword_at:
        return []
    last = keyword_at[-1]
    tail = toks[last + 1 :]
    keep_tail = (
        bool(tail)
        and tail[0].lower in _TAIL_JOINERS
        and all(not t.text.isdigit() for t in tail)
        and tail[-1].lower not in _JOINERS
    )
    return toks if keep_tail else toks[: last + 1]


def _is_owner(tok: _Tok) -> bool:
    """An owner's possessive opening a run ("Council's", "LLEP's") is not part of the name,
    unless nothing but the keyword would be left ("Children's Trust")."""
    return tok.text.endswith(("'s", "’s"))


def _comma_scope(toks: list[_Tok], text: str) -> list[_Tok]:
    """Keep "A, B and C Strategy" whole; otherwise only what follows the last comma."""
    pieces: list[list[_Tok]] = [[]]
    for tok in toks:
        if tok.text == ",":
            pieces.append([])
        else:
            pieces[-1].append(tok)
    if len(pieces) == 1:
        return toks
    listed = all(len(p) == 1 for p in pieces[:-1]) and any(t.lower == "and" for t in pieces[-1])
    return toks if listed else pieces[-1]


def _after_listed_body(toks: list[_Tok]) -> list[_Tok]:
    """Two names joined by "and" read as one run ("Multi-Agency Public Protection Arrangements
    and Leicestershire Safer Communities Strategy Board"): when both sides are long, the name
    is the side that ends in the keyword. Short sides stay whole ("Health and Wellbeing Board").
    """
    for i, tok in enumerate(toks):
        if tok.lower != "and":
            continue
        left = [t for t in toks[:i] if t.lower not in _JOINERS]
        right = [t for t in toks[i + 1 :] if t.lower not in _JOINERS]
        if len(left) >= 3 and len(right) >= 4:
            return toks[i + 1 :]
    return toks


def _classify(keyword: str) -> tuple[Label, str | None]:
    word = keyword.lower()
    if word in PARTNERSHIP_WORDS:
        return Label.PARTNERSHIP, None
    return Label.STRATEGY, "programme" if word in PROGRAMME_WORDS else "document"


def _mentions_between(text: str, start: int, end: int) -> list[Mention]:
    """The names in ``text[start:end]``, a stretch between breaks."""
    found: list[Mention] = []
    for run in _runs(text, start, end):
        for segment in _segments(run):
            toks = _comma_scope(_trim(segment), text)
            toks = _trim(toks) if toks and toks[0].lower in _JOINERS else toks
            if len(toks) < 2 or all(t.lower in _GENERIC for t in toks):
                continue
            # Trimming can cut the keyword off a damaged run ("Trust to , Arrangements ..."):
            # then the run names nothing.
            keyword = next((t for t in reversed(toks) if t.lower in _KEYWORDS), None)
            if keyword is None:
                continue
            if keyword.text[0].islower():
                capitals = [t for t in toks if t.text[0].isupper()]
                if len(capitals) < 2:
                    continue
            if toks[0].text == "Group" or (keyword.lower == "group" and len(toks) < 3):
                continue
            toks = _after_listed_body(toks)
            name = text[toks[0].start : toks[-1].end]
            label, kind = _classify(keyword.text)
            found.append(Mention(name, label, kind, toks[0].start))
    return found


def find_mentions(text: str) -> list[Mention]:
    """The strategies and partnerships named in ``text``, in order."""
    return [
        mention
        for start, end in _STRETCHES.with_keyword(text)
        for mention in _mentions_between(text, start, end)
    ]


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in brackets straight after a named strategy or partnership."""
    acronyms: dict[str, str] = {}
    floor = 0
    # Only the name ending just before a bracketed acronym can define it, so read only the
    # stretch before each "(LLEP)" rather than the whole text.
    for defined in _BRACKETED_ACRONYM.finditer(text):
        start = _STRETCHES.start_before(text, floor, defined.start())
        floor = defined.start()
        mentions = _mentions_between(text, start, floor)
        if mentions and _DEFINED_AFTER.match(text, mentions[-1].start + len(mentions[-1].name)):
            acronyms.setdefault(defined.group(1), mentions[-1].name)
    return acronyms


def find_acronym_mentions(text: str, acronyms: dict[str, str]) -> list[Mention]:
    """Mentions of defined acronyms standing alone ("work with the LLEP")."""
    found = []
    if not any(acronym in text for acronym in acronyms):
        return found  # the common case, without running the pattern
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        name = acronyms.get(acronym)
        if not name or _inside_brackets(text, match.start(), match.end()):
            continue
        word = name.split()[-1]
        label, kind = _classify(word)
        found.append(Mention(name, label, kind, match.start()))
    return found


def _inside_brackets(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 1) : start] == "(" and text[end : end + 1] == ")"
