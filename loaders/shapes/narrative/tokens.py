"""Prose as tokens for the name finder (:mod:`entities`), and which clauses to tokenise.

A token is a word (with its apostrophes, hyphens and "&"-joined parts), a lone "&", or any other
single character; a word is read with its OCR damage repaired against the document's vocabulary
("Strateay" is "Strategy"). A name ends in a keyword (Strategy, Plan, ..., Board, Trust, ...),
so only the clauses holding a token that can read as a keyword are tokenised at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from stratgraph.loaders.common import entities
from stratgraph.loaders.shapes.narrative.vocab import Vocabulary

#: Keyword -> kind: the shared words, and the self-assessment's masterplans, agreements ("Local
#: Area Agreement") and programs (the American spelling).
STRATEGY_WORDS = {
    **{word: "document" for word in entities.DOCUMENT_WORDS | {"masterplan", "agreement"}},
    **{word: "programme" for word in entities.PROGRAMME_WORDS | {"program"}},
}
PARTNERSHIP_WORDS = entities.PARTNERSHIP_WORDS
#: Group and team: keywords only after a qualifier ("Advisory Group"), checked by the finder.
QUALIFIED_WORDS = entities.QUALIFIED_PARTNERSHIP_WORDS
_KEYWORDS = frozenset(STRATEGY_WORDS) | PARTNERSHIP_WORDS | frozenset(QUALIFIED_WORDS)
#: Parts of the keywords that survive the OCR damage repaired below (a "g" read as "a" or "q":
#: "Strateay", "Proaramme", "Aqreement"): a text with none of them names nothing.
_KEYWORD_STEMS = ("strate", "plan", "framework", "polic", "reement", "ramme", "ram ", "board",
                  "trust", "partner", "panel", "forum", "group", "team", "initiative", "scheme",
                  "project", "fund", "campaign", "pathfinder")

_QUALIFIED_STARTS = tuple(QUALIFIED_WORDS)

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*(?:&[A-Za-z]+)*|&|[^\sA-Za-z0-9]")
#: Clause breaks: each is a token of its own, at which every step of the name finder stops.
_CLAUSE_BREAK = re.compile(r"[.!?:;]")


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, factored letter by letter ("p(?:lan|olic)"): the
    regex engine tries far fewer alternatives at each position than with a plain "a|b|c"."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[:1], []).append(word[1:])
    # The end of a word (the empty branch) last, so the longest word is tried first.
    parts = [re.escape(first) + _trie_pattern(rests) if first else ""
             for first, rests in sorted(branches.items(), key=lambda item: (not item[0], item[0]))]
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")"


_KEYWORD_STEM = re.compile(_trie_pattern(_KEYWORD_STEMS))


def _ocr_spellings(keyword: str) -> list[str]:
    """The keyword and each OCR misreading the repair turns back into it ("strateay", ...)."""
    damaged = [keyword[:i] + bad + keyword[i + 1:]
               for i, ch in enumerate(keyword) if ch == "g" for bad in "aq"]
    return [keyword, *damaged]


_SPELLINGS = _trie_pattern(s for k in sorted(_KEYWORDS) for s in _ocr_spellings(k))
#: A keyword token needs one of these in the lower-cased text (its repair changes at most one
#: "g", or drops a glued numeral after it): a text without any names nothing.
_KEYWORD_SPELLING = re.compile(_SPELLINGS)
#: A whole token of lower-cased ASCII text that can read as a keyword: a spelling, perhaps a
#: glued numeral or a possessive, and then the token's end.
_KEYWORD_TOKEN = re.compile(rf"(?:{_SPELLINGS})(?:[ivx]{{2,}})?(?:'s|')?(?![a-z0-9'\-]|&[a-z])")


class Token(NamedTuple):
    """One token as read (OCR damage repaired), with what the name finder asks of it."""

    text: str
    lower: str
    #: The word without a possessive ending.
    base: str
    capitalised: bool
    possessive: bool
    #: The keyword the token is ("strategy"), or None.
    keyword: str | None
    start: int
    end: int


# Building the tuple directly skips NamedTuple._make's Python-level checks: tokens are many.
_new_token = tuple.__new__


def tokens_of(text: str, vocab: Vocabulary, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets in ``text``."""
    # A document repeats its words, so each distinct token string is read once (in the
    # vocabulary's cache) and each occurrence only adds its offsets.
    facts = vocab.token_cache

    def read(raw: str) -> tuple:
        word = facts[raw] = _word_facts(vocab.spelling(raw))
        return word

    return [_new_token(Token, (facts.get(raw := match[0]) or read(raw)) + match.span())
            for match in _TOKEN.finditer(text, start, end)]


def _word_facts(text: str) -> tuple[str, str, str, bool, bool, str | None]:
    """Everything a token's text tells the name finder, in :class:`Token` field order."""
    base = text[:-2] if text.endswith("'s") else text.removesuffix("'")
    capitalised = text[:1].isupper() or (text[:1].isdigit() and any(c.isupper() for c in text))
    keyword = base.lower()
    return (text, text.lower(), base, capitalised, text.endswith(("'s", "s'")),
            keyword if keyword in _KEYWORDS else None)


def keyword_clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of ``text`` with a token that may read as a keyword.

    A clause ends at ".", "!", "?", ":" or ";". The name finder stops at each of them and treats
    what follows as the start of a text, so it reads each clause on its own just as it reads
    them in the whole text, and a clause without a keyword needs no tokens.
    """
    lowered = text.lower()
    if not _KEYWORD_STEM.search(lowered):
        return []  # most prose names nothing
    if not text.isascii():
        # Lower-casing may move offsets: lower-case and test each clause on its own.
        breaks = _clause_breaks(text)
        spans = zip([0] + [at + 1 for at in breaks], breaks + [len(text)])
        return [(a, b) for a, b in spans if _KEYWORD_SPELLING.search(text[a:b].lower())]
    # A lower-case "group" or "team" is never a keyword (the finder wants "Advisory Group"):
    # a clause with only those needs no tokens.
    starts = [at for at in _keyword_starts(lowered)
              if text[at].isupper() or not lowered.startswith(_QUALIFIED_STARTS, at)]
    if not starts:
        return []  # it mentions partners or planning, but no keyword itself
    breaks = _clause_breaks(text)
    clauses: list[tuple[int, int]] = []
    for at in starts:
        n = bisect_right(breaks, at)
        clause = (breaks[n - 1] + 1 if n else 0, breaks[n] if n < len(breaks) else len(text))
        if not clauses or clauses[-1] != clause:
            clauses.append(clause)
    return clauses


def _clause_breaks(text: str) -> list[int]:
    return [match.start() for match in _CLAUSE_BREAK.finditer(text)]


def _keyword_starts(lowered: str) -> Iterator[int]:
    """Where a token that may read as a keyword starts in lower-cased ASCII text."""
    for hit in _KEYWORD_SPELLING.finditer(lowered):
        # A token starts after a non-alphanumeric; one inside a hit would follow a letter.
        at = hit.start()
        if (at == 0 or not lowered[at - 1].isalnum()) and _KEYWORD_TOKEN.match(lowered, at):
            yield at
