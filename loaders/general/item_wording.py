"""How an item or the line under it is worded: what a priority means or is delivered by, an
aim after a name, a name then its statement, a sentence that describes rather than names,
an item in the third person, a list item whose bullet glyph was lost."""

from __future__ import annotations

import re
from dataclasses import replace

from stratgraph.loaders.read.model import Block, BlockKind


#: What a priority means, said in the description under it: "This means working with ...",
#: "It also means ...", "This will involve ...", "That includes ...", "... – that involves
#: encouraging ...". (A description that merely starts with a gerund, "Helping businesses to
#: grow ...", says what the priority is about and stays a description.)
MEANING = re.compile(
    r"(?:^(?:and\s+)?(?:this|it|that)\s+(?:also\s+|will\s+(?:also\s+)?)?(?:means?|involves?|includes?)\s+"
    r"|[–—-]\s+(?:that|this|which)\s+(?:also\s+)?(?:involves|means|includes)\s+)(?P<rest>[a-z]+ing\b.*)$",
    re.IGNORECASE)

#: How a priority is delivered, said in the line under it: "By working with ...", "through
#: a series of ...", "with measures including ...", "For example by ...".
MEANS = re.compile(
    r"^(?:(?:with|through)\s+(?:measures|actions?|steps|work|projects)\s+(?:including|such\s+as)"
    r"|for\s+example,?\s+by|by|through|including)\s+(?P<rest>\S.*)$", re.IGNORECASE)

#: "to have a safe, happy, healthy population ...", "to protect and improve our environment":
#: an aim in the infinitive after a short name and a dash.
AIM_AFTER_NAME = re.compile(r"^to\s+(?:be|have|[a-z]+)\s+\S.{10,}$")

#: "enabling the best start in life for our children ...", "prosperous places, with clean ...":
#: a phrase run on in lower case after a short name and a dash, five words or more.
_NAMED_PHRASE = re.compile(r"^(?!to\s)[a-z][a-z-]*(?:\s+\S+){4,}$")

#: "Healthy Community: People are making positive lifestyle choices. ...": a short name, then
#: the outcome stated in a sentence or two.
_NAME_THEN_STATEMENT = re.compile(r"^(?P<name>[A-Z][^:.]{2,40}):\s+(?P<statement>[A-Z][^:]{15,300})$")

#: A sentence that tells about something rather than naming it: "... lays out ...", "Council
#: reports against ...", "The Governance Health Check ensures ...".
_DESCRIBING_VERB = re.compile(
    r"(?i)\b(?:is|are|was|were|has|have|provides?|ensures?|reports?|measures?|covers?|lays?|details?|includes?"
    r"|shows?|means?|gives?|helps?|allows?|looks?|sets?|tells?|describes?|explains?|continues?|undertakes?)\b")


def _says(text: str) -> bool:
    """An item worded as what a document does, in the third person: "sets out ...",
    "acknowledges ...", "confirms our commitment ..." (lower case, as a summary's bullets run)."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return bool(re.fullmatch(r"[a-z]+(?:[^su\W]s|es)", first))


#: A paragraph that starts with a bullet glyph a copy could not render (U+FFFD, a private-use
#: Symbol-font bullet) or an odd bullet no list syntax knows: a list item whose marker was lost.
_LOST_BULLET = re.compile("^[\ufffd\uf0b7\uf0a7\uf076\u25aa\u25cf\u25e6\u2023\u2043\u00b7]\\s+(?=\\S)")


def _lost_bullet(block: Block) -> Block:
    """``block`` as the list item it is when its bullet glyph was lost ("<U+FFFD> Tackling
    child poverty." under "... priorities will be around:"), else as it is."""
    if block.kind is not BlockKind.PARAGRAPH or not (marker := _LOST_BULLET.match(block.text)):
        return block
    return replace(block, kind=BlockKind.LIST_ITEM, text=block.text[marker.end():], level=max(block.level, 1))


#: "Deliver the Cost of Living Action Plan - By providing a range of support ...": a project's
#: title, a dash (spaced at least before it: "Anti-Social" is one word), then what the project
#: involves, starting a sentence of its own.
_TITLE_THEN_SENTENCE = re.compile(r"^(?P<title>[A-Z][^–—:]{10,140}?)\s+[–—-]\s*(?P<rest>[A-Z][a-z]+(?:\s+\S+){2,})$")
#: Words a title leaves in lower case ("Focussed on Supporting Family and Early Years").
_TITLE_SMALL = frozenset("a an and the of to for in on at by with or from into across as our its".split())


def titled_project(text: str) -> tuple[str, str] | None:
    """(title, description) of a to-do item written as a project's title in title case, a dash
    and a sentence saying what it involves; ``None`` for any other item.

    Title case is the tell: "Refresh and Deliver the Transformation Programme - Respond to ..."
    names a project, while "Work with partners - including the NHS - to ..." runs one sentence
    on through its dashes and is left whole."""
    found = _TITLE_THEN_SENTENCE.match(text.strip())
    if not found:
        return None
    title, rest = found.group("title").strip(), found.group("rest").strip()
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", title) if w.lower() not in _TITLE_SMALL]
    said = [w for w in re.findall(r"[A-Za-z][\w'’]*", rest)[1:] if w.lower() not in _TITLE_SMALL]
    if len(words) < 3 or sum(w[0].isupper() for w in words) < len(words) \
            or (said and sum(w[0].isupper() for w in said) * 2 > len(said)):
        return None
    return title, rest


#: "Become a leading council in Scotland for community engagement - 1% of the Council's
#: discretionary budget will be allocated through participatory budgeting": a commitment, a
#: dash, then the figure that says how much (its target, stated as a clause of its own).
_COMMITMENT_THEN_FIGURE = re.compile(
    r"^(?P<title>[A-Z][^–—]{10,160}?)\s+[–—-]\s+(?P<rest>\d[\d,.]*\s*(?:%|per\s*cent)\s+of\s.{10,})$")


def figure_after_dash(text: str) -> tuple[str, str] | None:
    """(commitment, figure clause) of a to-do item whose dash leads to the figure it sets;
    ``None`` for any other item."""
    found = _COMMITMENT_THEN_FIGURE.match(text.strip())
    return (found.group("title").strip(), found.group("rest").strip()) if found else None
