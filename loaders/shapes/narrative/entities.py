"""Named strategies and partnerships in prose: "Climate Change Strategy", "Leicester Partnership".

A name is a run of capitalised words (with "and", "&", "of", "for the" between them) ending in a
keyword: Strategy, Plan, Masterplan, Framework, Policy or Agreement make a Strategy; Programme,
Initiative, Scheme, Project, Fund, Campaign or Pathfinder a Strategy of kind ``programme``;
Board, Trust, Partnership, Panel or Forum a Partnership, and so do an advisory, steering,
leadership, executive, task or action Group and an Action Team ("Leicester Multicultural
Advisory Group", "Drug & Alcohol Action Team"), but no other group or team. A name never swallows
one before it that ends on its own ("6Cs Transport Innovation Fund Local Enterprise Growth
Initiative" is two). A quoted title before a programme word names it ("'Feet First' scheme").

A lower-case keyword ends a name after capitalised words ("ICT strategy"); for the programme
words other than programme, only after two ("the Leicester New Start Families project", not "a
DWP project"). A lower-case topic strategy counts when a possessive names it as one document
("our community cohesion strategy", "the Safer Leicester Partnership's community safety
strategy"), or an article with two or more topic words ("the city centre strategy", "a safer
routes strategy in 2001"; not "the local community strategy", "a new workforce development
plan", "an ambitious local area agreement", "the current three year programme").

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
    QUALIFIED_WORDS,
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
#: Programme words that, written in lower case, name only after two capitalised words ("the
#: Leicester New Start Families project"), never after one ("a DWP project", "Health through
#: Warmth initiative" read from "Warmth") or a possessive alone ("our recycling scheme").
_DESCRIBING_PROGRAMME_WORDS = frozenset(
    w for w, kind in STRATEGY_WORDS.items() if kind == "programme") - {"programme", "program"}
# "the city centre strategy": documents (and programmes) "the" names by two or more topic words.
_DEFINITE_KEYWORDS = frozenset({"strategy", "plan", "policy", "framework", "programme", "program"})
# Words of a clause, not of a topic: "the services we plan", "the priorities within this plan".
_FUNCTION_WORDS = frozenset(
    """a an the this that these those we you they it he she i our their its his her your my will
    would can could shall should may might must is are was were be been being has have had do
    does did not no to of in on at by for from with as into onto upon within across through
    under over via about against between or but if so than then also which who whom whose what
    where when how why all any each every some such more most other only very""".split())
# Counts and spans: "the current three year programme" is a span of work, not a name.
_SPANS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred first second third year years yearly month months week weeks day days
    rolling""".split())
# Words that point rather than name, set aside: "the local community strategy" is a community
# strategy, one word of topic, a kind of document.
_NOT_TOPICS = _GENERIC_MODIFIERS | frozenset(
    """local following above below same said relevant appropriate proposed agreed approved
    planned aligned next previous last former forthcoming upcoming final interim""".split())
# Words that describe a document rather than say what it is about ("an ambitious ...").
_DESCRIBING = frozenset(
    """full specific comprehensive clear strong robust single substantial extensive joint
    detailed effective ambitious innovative integrated overarching wide""".split())
# Also the clause breaks of tokens.py: a name never runs across one.
_SENTENCE_PUNCT = frozenset(".!?:;")
_MODIFIER = re.compile(r"[a-z]+(?:'s|s')?|&")


@dataclass(frozen=True, slots=True, eq=False)
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
        tokens = _qualified(tokens_of(text, vocab, start, end))
        for k, token in enumerate(tokens):
            word = token.keyword  # plurals ("service plans") are never keywords
            if word is None or _continues_to_keyword(tokens, k):
                continue
            mention = (_titled(tokens, k, word, vocab, place) or _possessed(tokens, k, word)
                       or _definite(tokens, k, word))
            if mention:
                acronym = _ACRONYM.match(text, _end_of(tokens, k))
                if acronym:
                    mention = replace(mention, acronym=acronym.group(1))
                found.append(mention)
    return found


def _qualified(tokens: list[Token]) -> list[Token]:
    """``tokens`` with "Group" and "Team" keywords only where a capitalised qualifier comes
    before them ("Leicester Multicultural Advisory Group", "Drug & Alcohol Action Team")."""
    for k, token in enumerate(tokens):
        qualifiers = QUALIFIED_WORDS.get(token.keyword or "")
        if qualifiers is None:
            continue
        before = tokens[k - 1] if k else None
        if not (token.capitalised and before and before.capitalised
                and before.lower in qualifiers):
            tokens[k] = token._replace(keyword=None)
    return tokens


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
    if word in PARTNERSHIP_WORDS or word in QUALIFIED_WORDS:
        return ("partnership", None)
    return ("strategy", STRATEGY_WORDS[word])


def _titled(
    tokens: list[Token], k: int, word: str, vocab: Vocabulary, place: str | None
) -> EntityMention | None:
    """A name of capitalised words ending in the keyword at ``k``."""
    quoted = _quoted(tokens, k, word)
    if quoted:
        return quoted
    first = k
    owner_at: int | None = None
    i = k - 1
    while i >= 0:
        tok = tokens[i]
        if tok.capitalised and tok.lower not in _DETERMINERS and tok.text not in _NOT_NAMES:
            if tok.possessive and _keyword(tok):
                owner_at = i  # "Leicester Partnership's Moderation programme": its owner
                break
            if (_keyword(tok) and tokens[i + 1].capitalised
                    and not _continues_to_keyword(tokens, i)):
                break  # "6Cs Transport Innovation Fund Local Enterprise Growth Initiative": two
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
        if word in _DESCRIBING_PROGRAMME_WORDS and sum(
                1 for t in words if t.lower not in _CONNECTORS and t.text != ",") < 2:
            return None  # "a DWP project", "Health through Warmth initiative"
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


def _quoted(tokens: list[Token], k: int, word: str) -> EntityMention | None:
    """"our successful 'Feet First' scheme", "our 'Books on Prescription' scheme": a title in
    quotes before a programme word names the programme, whatever the case of its inner words."""
    if STRATEGY_WORDS.get(word) != "programme" or k < 2:
        return None
    close = tokens[k - 1]
    if not close.text.endswith("'") or close.possessive or close.text == "'":
        return None
    j = k - 2
    while j >= 0 and k - j <= 8 and tokens[j].text != "'":
        if not tokens[j].text[:1].isalnum():
            return None
        j -= 1
    if j < 0 or tokens[j].text != "'" or not tokens[j + 1].capitalised:
        return None
    words = [t.text.rstrip("'") for t in tokens[j + 1:k]]
    label, kind = _label(word)
    return EntityMention(" ".join(words + [tokens[k].base]), label, kind, tokens[j + 1].start)


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
    if (keyword.capitalised or word in PARTNERSHIP_WORDS or word in QUALIFIED_WORDS
            or word in _DESCRIBING_PROGRAMME_WORDS or _compound_follows(tokens, k)):
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


def _definite(tokens: list[Token], k: int, word: str) -> EntityMention | None:
    """"the city centre strategy", "the business continuity plan": a lower-case document or
    programme that "the" names by two or more topic words. Not "the local community strategy"
    (a kind, once "local" is set aside), "the current three year programme" (a span), "the
    priorities within this overall plan" (a clause) or "the things we plan to do" (a verb).

    "a"/"an" names a document only when nothing describes or points ("a safer routes strategy
    in 2001", "A risk management strategy, regularly reported"): not "a new workforce
    development plan" (one still to be written), "a revised smoking policy", "an ambitious local
    area agreement"; and never a programme ("a substantial recovery programme")."""
    keyword = tokens[k]
    if keyword.capitalised or word not in _DEFINITE_KEYWORDS or _compound_follows(tokens, k):
        return None
    if k + 1 < len(tokens) and tokens[k + 1].lower == "to":
        return None
    modifiers: list[Token] = []
    i = k - 1
    while i >= 0 and tokens[i].lower not in ("the", "a", "an"):
        tok = tokens[i]
        if (len(modifiers) == 5 or not _MODIFIER.fullmatch(tok.text) or tok.keyword
                or tok.lower in _FUNCTION_WORDS):
            return None
        modifiers.insert(0, tok)
        i -= 1
    if i < 0 or len(modifiers) < 2 or any(t.lower in _SPANS for t in modifiers):
        return None
    if tokens[i].lower != "the" and (
            word in ("programme", "program") or any(t.lower in _NOT_TOPICS for t in modifiers)
            or _describes(modifiers[0])):
        return None
    topics = [t for t in modifiers if t.lower not in _NOT_TOPICS]
    if len(topics) < 2 or topics[0].text in ("and", "&") or topics[-1].text in ("and", "&"):
        return None
    label, kind = _label(word)
    name = " ".join(t.text for t in topics + [keyword])
    return EntityMention(name, label, kind, topics[0].start)



def _describes(token: Token) -> bool:
    """An adjective opening "a/an ..." ("an ambitious", "a detailed", "a revised")."""
    return token.lower in _DESCRIBING or token.lower.endswith(("ive", "ous", "ful", "ed"))


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
