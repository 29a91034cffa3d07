"""Named strategies and partnerships in prose: "Climate Change Strategy", "Leicester Partnership".

A name is a run of capitalised words (with "and", "&", "of", "for the" between them) ending in a
keyword: Strategy, Plan, Masterplan, Framework, Policy, Programme or Agreement make a Strategy
(kind ``programme`` for a programme); Board, Trust, Partnership, Panel or Forum a Partnership.
A lower-case topic strategy counts only when a possessive names it as one document ("our
community cohesion strategy", "the Safer Leicester Partnership's community safety strategy").

What is not a name: a bare keyword ("The Plan", "a strategy", "Partnership working"), plurals
("service plans"), a sentence-initial ordinary word before a lower-case keyword ("Financial
strategy" as a heading), job titles ("Director of Partnership, Performance & Policy") and
compounds ("older persons strategy work").

An acronym defined in brackets beside a name ("Local Resilience Forum (LRF)") is kept with it.

OCR damage is repaired against the document's own vocabulary (:mod:`vocab`) as the
text is tokenised (:mod:`tokens`): "Strateay" is read as "Strategy" and
"Mainstreamina" as "Mainstreaming" because those spellings occur elsewhere in the text; a
footnote numeral glued to a word ("Leicesterxix") is dropped; a dropped "for" ("the Strategy
Leicester") is restored when the document spells the full name elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from stratgraph.loaders.shapes.narrative.tokens import (
    PARTNERSHIP_WORDS,
    STRATEGY_WORDS,
    Token,
    keyword_clauses,
    tokens_of,
)
from stratgraph.loaders.shapes.narrative.vocab import Vocabulary

__all__ = ["PARTNERSHIP_WORDS", "STRATEGY_WORDS", "EntityMention", "Vocabulary", "find_entities"]

_CONNECTORS = frozenset({"and", "&", "for"})
_DETERMINERS = frozenset(
    ["the", "this", "that", "these", "those", "our", "their", "its", "a", "an", "each", "every", "all", "any", "many", "some", "other", "such", "his", "her", "your", "my"]
)
_ROLE_WORDS = frozenset(
    ["director", "directors'", "head", "heads", "chief", "manager", "officer", "leader", "member", "chair", "councillor", "cllr"]
) - {"directors'"}
_GENERIC_MODIFIERS = frozenset(
    ["current", "new", "revised", "updated", "aligned", "overall", "draft", "existing", "specific", "annual", "emerging", "future", "whole", "main", "key", "own", "recent", "latest", "adopted", "ongoing"]
)
# Words that make "X strategy <word>" a compound ("strategy work"), not a name.
_COMPOUND_HEADS = frozenset(
    ["work", "targets", "target", "agenda", "direction", "policies", "arrangements", "group", "team", "officer", "manager", "framework", "development", "process", "review", "board", "areas", "priorities", "objectives"]
)
# Acronyms used as adjectives, never as names ("SMART partnership and corporate plans").
_NOT_NAMES = frozenset({"SMART"})
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&]*[A-Z][A-Za-z0-9&]*)\)")
_OWNING_DETERMINERS = frozenset({"our", "its", "their"})
# Also the clause breaks of tokens.py: a name never runs across one.
_SENTENCE_PUNCT = frozenset(".!?:;")
_MODIFIER = re.compile(r"[a-z]+(?:'s|s')?|&")


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One named strategy or partnership found in a text, at a character offset."""

    name: str
    label: str  # "strategy" or "partnership"
    kind: str | None  # a strategy's "document" or "programme"
    offset: int
    #: The partnership whose possessive names this strategy ("X Partnership's ... strategy").
    owner: str | None = None
    #: An acronym the text defines beside the name: "Local Resilience Forum (LRF)".
    acronym: str | None = None


def _keyword(token: Token) -> str | None:
    return token.keyword


def _sentence_start(tokens: list[Token], index: int) -> bool:
    return index == 0 or tokens[index - 1].text in _SENTENCE_PUNCT or tokens[index - 1].text in "-–•"


def find_entities(text: str, vocab: Vocabulary, place: str | None = None) -> list[EntityMention]:
    """The named strategies and partnerships in ``text``, in order of appearance."""
    found: list[EntityMention] = []
    for start, end in keyword_clauses(text):  # most prose names nothing: no tokens at all
        tokens = tokens_of(text, vocab, start, end)
        for k, token in enumerate(tokens):
            word = token.keyword  # plurals ("service plans") are never keywords
            if word is None or _continues_to_keyword(tokens, k):
                continue
            mention = _titled(tokens, k, word, vocab, place) or _possessed(tokens, k, word)
            if mention:
                acronym = _ACRONYM.match(text, _end_of(tokens, k))
                if acronym:
                    mention = replace(mention, acronym=acronym.group(1))
                found.append(mention)
    return found


def _end_of(tokens: list[Token], k: int) -> int:
    """Where the name ending at keyword ``k`` ends, a "for X" extension included."""
    end = _for_extension(tokens, k) if tokens[k].capitalised else None
    return tokens[(end or k + 1) - 1].end


def _continues_to_keyword(tokens: list[Token], k: int) -> bool:
    """Whether the capitalised run goes on to a later keyword ("Partnership Board")."""
    if tokens[k].possessive:
        return False
    for nxt in tokens[k + 1:k + 4]:
        if nxt.text == "&" or nxt.lower == "and":
            continue
        if not nxt.capitalised:
            return False
        if _keyword(nxt):
            return True
    return False


def _label(word: str) -> tuple[str, str | None]:
    if word in PARTNERSHIP_WORDS:
        return ("partnership", None)
    return ("strategy", STRATEGY_WORDS[word])


def _titled(
    tokens: list[Token], k: int, word: str, vocab: Vocabulary, place: str | None
) -> EntityMention | None:
    """A name of capitalised words ending in the keyword at ``k``."""
    first = k
    owner_at: int | None = None
    i = k - 1
    while i >= 0:
        tok = tokens[i]
        if tok.capitalised and tok.lower not in _DETERMINERS and tok.text not in _NOT_NAMES:
            if tok.possessive and _keyword(tok):
                owner_at = i  # "Leicester Partnership's Moderation programme": its owner
                break
            first = i
        elif not (tok.lower in _CONNECTORS
                  or (tok.lower == "the" and i > 0 and tokens[i - 1].lower == "for")
                  or (tok.text == "a" and i > 0 and tokens[i - 1].capitalised
                      and tokens[i + 1].capitalised)
                  or (tok.text == "," and _list_of_names(tokens, i, k))):
            if (tok.lower == "of" and i > 0 and tokens[i - 1].lower in _ROLE_WORDS
                    and tokens[i - 1].capitalised):
                return None  # a job title: "Director of Partnership, Performance & Policy"
            break
        i -= 1
    # OCR's stray "a" ("Multi Area a Agreement") is not part of the name; nor is a leading
    # connector.
    words = [t for t in tokens[first:k] if t.text != "a"]
    while words and (words[0].lower in _CONNECTORS or words[0].text in ",&"):
        words.pop(0)
    keyword = tokens[k]
    label, kind = _label(word)
    owner = _owner_name(tokens, owner_at) if owner_at is not None and words else None
    if keyword.capitalised and place and _place_follows(tokens, k, vocab, place):
        start = (words[0] if words else keyword).start
        return EntityMention(f"{keyword.base} for {place}", label, kind, start)
    end = (_for_extension(tokens, k) if keyword.capitalised else None) or k + 1
    if not words and end == k + 1:
        return None
    if any(t.lower in _ROLE_WORDS for t in words):
        return None
    if not keyword.capitalised:
        if not words or _compound_follows(tokens, k) or _keyword(tokens[k - 1]):
            return None  # "the Children's Trust board": a descriptor, not a second name
        if (len(words) == 1 and _sentence_start(tokens, tokens.index(words[0]))
                and not _proper(words[0], vocab)):
            return None
    name = _join(words + [keyword] + tokens[k + 1:end], keyword if end == k + 1 else None)
    return EntityMention(name, label, kind, (words[0] if words else keyword).start, owner)


def _join(parts: list[Token], last: Token | None) -> str:
    """The name's words; a possessive on the final keyword dropped ("Partnership's")."""
    out = ""
    for tok in parts:
        if tok.text == ",":
            out += ","
            continue
        out += (" " if out else "") + (tok.base if tok is last else tok.text)
    return out


def _list_of_names(tokens: list[Token], comma: int, k: int) -> bool:
    """A comma inside a name is allowed only in a list of places ending "& Rutland"."""
    return any(t.text == "&" or t.lower == "and" for t in tokens[comma + 1:k])


def _for_extension(tokens: list[Token], k: int) -> int | None:
    """End (exclusive) of "for [the] Capitalised..." after a keyword ("Strategy for Leicester")."""
    j = k + 1
    if j >= len(tokens) or tokens[j].lower != "for":
        return None
    j += 1
    if j < len(tokens) and tokens[j].lower == "the":
        j += 1
    end = j
    while end < len(tokens) and tokens[end].capitalised and not _keyword(tokens[end]):
        end += 1
        if tokens[end - 1].possessive:
            break
    return end if end > j else None


def _place_follows(tokens: list[Token], k: int, vocab: Vocabulary, place: str) -> bool:
    """"the Strategy Leicester": OCR dropped "for"; restore it when the document has the full
    name elsewhere."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if not nxt or nxt.base != place:
        return False
    return vocab.spells(f"{tokens[k].base} for {place}".lower())


def _compound_follows(tokens: list[Token], k: int) -> bool:
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return bool(nxt and nxt.lower in _COMPOUND_HEADS)


def _proper(token: Token, vocab: Vocabulary) -> bool:
    """An acronym, a possessive, or a word the document capitalises mid-sentence too."""
    text = token.base
    if text.isupper() or token.possessive or any(c.isupper() for c in text[1:]):
        return True
    return vocab.follows_lower_case_word(text)


def _possessed(tokens: list[Token], k: int, word: str) -> EntityMention | None:
    """"our community cohesion strategy": a lower-case topic strategy a possessive names."""
    keyword = tokens[k]
    if keyword.capitalised or word in PARTNERSHIP_WORDS or _compound_follows(tokens, k):
        return None
    modifiers: list[Token] = []
    i = k - 1
    while i >= 0:
        tok = tokens[i]
        if tok.lower in _OWNING_DETERMINERS or tok.lower == "council's" or (
                tok.possessive and tok.capitalised):
            break
        if len(modifiers) == 4 or not _MODIFIER.fullmatch(tok.text):
            return None
        modifiers.insert(0, tok)
        i -= 1
    if i < 0:
        return None
    modifiers = [t for t in modifiers if t.lower not in _GENERIC_MODIFIERS]
    if not modifiers or modifiers[0].text in ("and", "&"):
        return None
    owner = _owner_name(tokens, i) if _keyword(tokens[i]) and tokens[i].possessive else None
    label, kind = _label(word)
    name = " ".join(t.text for t in modifiers + [keyword])
    return EntityMention(name, label, kind, modifiers[0].start, owner)


def _owner_name(tokens: list[Token], i: int) -> str | None:
    """The partnership named by the possessive token at ``i`` ("Safer Leicester Partnership's")."""
    first = i
    j = i - 1
    while j >= 0 and tokens[j].lower not in _DETERMINERS and (
            tokens[j].capitalised or tokens[j].lower in _CONNECTORS):
        first = j
        j -= 1
    words = [t.text for t in tokens[first:i]]
    return " ".join(words + [tokens[i].base]) if words else None
