"""Reading the cells of a coded priority row: actions, support from other themes, milestones.

The "How we will achieve it" cell holds sentences (actions), sometimes a lead-in with a list
("City wide initiatives include: ..."), and often a "Supported by" part naming work of other
themes. The "Headline Milestones and Targets" cell holds milestone sentences with indicator
codes; the baseline and interim cells hold one value per milestone, run together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from stratgraph.loaders.common.dates import BUDGET_YEAR, MONTH_OR_ABBREVIATION, SEASONS
from stratgraph.loaders.common.names import clean_name
from stratgraph.loaders.common.sentences import starts_word
from stratgraph.loaders.shapes.coded_priorities.sentences import (
    CODE_THEN_TO,
    LABEL_BEFORE,
    MISSING_STOP,
    list_items,
    sentences,
)
from stratgraph.loaders.shapes.coded_priorities.spans import Fragment, Joined, Piece

_DANGLING = re.compile(r"\s+(?:of|and|for|the)$")
_LABEL = re.compile(r"^[A-Z][\w-]*(?: [a-z][\w-]*){0,2}:\s*")
SUPPORTED_BY = re.compile(r"\bSupported by\b\s*:?")
# A lead-in whose list items are the actions ("initiatives include:", "By ensuring that:").
_DROPPED_LEAD_IN = re.compile(r"\b(?:include|includes|including|that|are|as follows)$", re.I)
# A lead-in whose list only describes it ("around 5 themes:", "within the themes of:").
_DESCRIBED_LEAD_IN = re.compile(r"\b(?:of|themes|areas|following)$", re.I)
_PLACEHOLDER = re.compile(r"^targets? (?:are |will be )?to be\b", re.I)
_LIST_MARK = re.compile(r"^(?:\(?[a-z]\)|•)")
_EG_LIST = re.compile(r",?\s*(?:e\.g\.\s*)?•")
_SEASON = f"(?:{SEASONS})"
# "by March 2005". Its word must start a word too: that is tested on each match, as a
# leading "\b" would make the regex engine try every character of the text.
_DEADLINE = re.compile(
    rf"(?:by|before|until)\s+((?:(?:early|mid|late|the end of|end of)\s+)?"
    rf"(?:\d{{1,2}}\s*(?:st|nd|rd|th)?\s+)?(?:{MONTH_OR_ABBREVIATION}\s+|{_SEASON}\s+)?"
    rf"{BUDGET_YEAR})\b"
)
_NOTE = re.compile(r"\.\s*(\([^)]*\))\.?\s*$")
_DEADLINE_PAREN = re.compile(rf"\s*\(((?:{MONTH_OR_ABBREVIATION}|{_SEASON})\s+{BUDGET_YEAR})\)")
_CODE_PAREN = re.compile(
    r"\s*\(\s*([A-Z]{2,6}(?:\s?[A-Z]{1,6})?\s?[A-Z]?\d{1,3}[a-z]?|[A-Z]{3,6})\s*\)"
)
_CODE_BARE = re.compile(r"\b([A-Z]{2,6}s?\s?\d[\d,()&a-z ]*\d\)?|[A-Z]{2,6}\d{1,3}[a-z]?)")


class ActionText(NamedTuple):
    """An action read from the cell: its name, line, deadline and any list it introduces."""

    name: str
    line: int
    deadline: str | None = None
    details: str | None = None


class Milestone(NamedTuple):
    """A headline milestone or target, with its indicator code and any list it introduces."""

    name: str
    line: int
    indicator_code: str | None = None
    details: str | None = None


def tidy(text: str) -> str:
    """A clean name without its final full stop, enclosing quotes or a dangling "of"."""
    text = clean_name(text).rstrip(" .").strip()
    if text.endswith(("of", "and", "for", "the")):  # else the pattern cannot match
        text = _DANGLING.sub("", text)
    if len(text) > 2 and text[0] in "\"“" and text[-1] in "\"”":
        text = text[1:-1].strip()
    return text


def split_support(fragments: Iterable[Fragment]) -> tuple[Joined, Piece | None, Piece | None]:
    """The action cell's own part and its "Supported by" part (both may be absent)."""
    joined = Joined(fragments)
    whole = joined.whole()
    text = whole.text
    # The pattern starts with "\b", which the regex engine tries at every character.
    match = SUPPORTED_BY.search(text) if "Supported by" in text else None
    if not match:
        return joined, (whole if text else None), None
    own, _ = whole.split_at(match.start())
    _, support = whole.split_at(match.end())
    return joined, (own if own.text else None), (support if support.text else None)


def read_actions(piece: Piece | None) -> list[ActionText]:
    """The actions of a "How we will achieve it" cell (without its "Supported by" part)."""
    if piece is None:
        return []
    actions: list[ActionText] = []
    for sentence in sentences(piece, extra=(MISSING_STOP,)):
        text = sentence.text
        if text.rstrip().endswith("?"):
            continue  # a drafting question left in the consultation text, not a commitment
        # A lead-in ends at a colon after its first character: most sentences have none.
        lead, rest = _lead_in(sentence) if text.find(":") > 0 else (None, None)
        if lead is None or rest is None:
            actions.append(_action(text, sentence.line))
        elif _DROPPED_LEAD_IN.search(lead.text.rstrip(" :")):
            actions.extend(_action(item.text, item.line) for item in list_items(rest))
        elif _DESCRIBED_LEAD_IN.search(lead.text.rstrip(" :")) or len(list_items(rest)) > 1:
            actions.append(_action(lead.text, lead.line, details=rest.text))
        else:
            actions.append(_action(lead.text, lead.line))
            actions.append(_action(rest.text, rest.line))
    return [a for a in actions if a.name]


def _lead_in(piece: Piece) -> tuple[Piece | None, Piece | None]:
    colon = piece.text.find(":")
    if colon <= 0:
        return None, None
    lead, rest = piece.split_at(colon)
    _, rest = rest.split_at(1)
    return (lead, rest) if rest.text else (None, None)


def _action(text: str, line: int, *, details: str | None = None) -> ActionText:
    note = _NOTE.search(text) if ")" in text else None
    if note:  # "... £24m capital programme. (capital//revenue)": a note on the action
        details = f"{details} {note.group(1)}" if details else note.group(1)
        text = text[:note.start()]
    deadline = None
    paren = _DEADLINE_PAREN.search(text) if "(" in text else None
    if paren:
        deadline = paren.group(1)
        text = text[:paren.start()] + text[paren.end():]
    else:
        match = _deadline(text)
        deadline = match.group(1) if match else None
    return ActionText(tidy(text), line, deadline, tidy(details) if details else None)


def _deadline(text: str) -> re.Match[str] | None:
    """The first "by <date>" whose "by" (or "before", "until") starts a word."""
    match = _DEADLINE.search(text)
    while match and not starts_word(text, match.start()):
        match = _DEADLINE.search(text, match.start() + 1)
    return match


def read_support(piece: Piece | None) -> list[Piece]:
    """The items of a "Supported by" part: sentences, then run-together list items."""
    if piece is None:
        return []
    return [item for sentence in sentences(piece) for item in list_items(sentence)
            if tidy(item.text)]


def read_milestones(fragments: Iterable[Fragment]) -> list[Milestone]:
    """The milestones of a "Headline Milestones and Targets" cell.

    Placeholders ("Targets to be developed by service areas") are not milestones; a note in
    brackets or a lettered list after a milestone belongs to it.
    """
    whole = Joined(fragments).whole()
    if not whole.text:
        return []
    out: list[Milestone] = []
    for piece in sentences(whole, extra=(CODE_THEN_TO, LABEL_BEFORE)):
        text = _LABEL.sub("", piece.text) if _LABEL.match(piece.text) else piece.text
        if _PLACEHOLDER.match(text):
            continue
        if out and (text.startswith("(") or _LIST_MARK.match(text)):
            last = out[-1]
            code = last.indicator_code or _code_in(text)
            if _CODE_PAREN.fullmatch(text.rstrip(". ")):
                out[-1] = Milestone(last.name, last.line, code, last.details)
                continue  # "(QP8)." on its own: the milestone's code, nothing more
            details = f"{last.details} {text}" if last.details else text
            out[-1] = Milestone(last.name, last.line, code, details)
            continue
        milestone = _milestone(text, piece.line)
        if milestone.name:
            out.append(milestone)
    return out


def _code_in(text: str) -> str | None:
    paren = _CODE_PAREN.search(text) if "(" in text else None
    if paren:
        return paren.group(1)
    bare = _CODE_BARE.search(text)
    return bare.group(1).strip() if bare else None


def _milestone(text: str, line: int) -> Milestone:
    details = None
    colon = text.find(":")
    if colon > 0:
        text, details = text[:colon], text[colon + 1:]
    bullet = _EG_LIST.search(text) if "•" in text else None
    if bullet:
        text, details = text[:bullet.start()], text[bullet.start():].lstrip(", ")
    code = None
    codes = list(_CODE_PAREN.finditer(text)) if "(" in text else None
    if codes:
        code = codes[-1].group(1)
        text = text[:codes[-1].start()] + text[codes[-1].end():]
    elif details:
        code = _code_in(details)
    return Milestone(tidy(text), line, code, tidy(details) if details else None)


# -- baseline and interim values -------------------------------------------------------------

_NUMERIC = re.compile(r"^(?:\d|\(|%$)")
_DIGIT = re.compile(r"\d")
# Both start with "\b", which makes the regex engine try every character: each is searched
# only in texts holding its word.
_RATE = re.compile(r"\bper\s+(\d[\d,]*)")
_DAYS = re.compile(r"\bdays?\b")


def split_values(text: str) -> list[str]:
    """Values run together in a baseline or interim cell, one per milestone.

    A new value starts at a number that follows a number, a unit bracket or a per cent
    ("29.9 per 1000 9291 offences" is two values; "9.7 days sickness top quartile" one).
    """
    values: list[list[str]] = []
    for token in text.split():
        if (values and token[:1].isdigit() and _NUMERIC.match(values[-1][-1])
                and values[-1][-1].lower() != "per"):
            values.append([token])
        elif values:
            values[-1].append(token)
        else:
            values.append([token])
    return [" ".join(v).rstrip(".") for v in values]


def unit(text: str) -> str:
    """The kind of quantity a value or milestone is about: per cent, a rate, days, a count."""
    low = text.lower()
    rate = _RATE.search(low) if "per" in low else None
    if rate:
        return f"per {rate.group(1).replace(',', '')}"
    if "%" in low or "percentage" in low or "per cent" in low:
        return "%"
    if "day" in low and _DAYS.search(low):
        return "days"
    return "count"


def align(values: list[str], milestones: list[str], units: list[str] | None = None
          ) -> list[str | None]:
    """Which value belongs to which milestone.

    One value without a number ("Baseline data still being collected") is about them all. As
    many values as milestones go in order. Fewer values go to the milestones of their unit
    when that is unambiguous, else to the last milestones: the table put each value level with
    its milestone and the text conversion closed the gaps above.
    """
    n = len(milestones)
    if not values or not n:
        return [None] * n
    if len(values) == 1 and not _DIGIT.search(values[0]):
        return [values[0]] * n
    if len(values) >= n:
        return values[:n - 1] + [" ".join(values[n - 1:])]
    kinds = units or [unit(m) for m in milestones]
    value_kinds = [unit(v) for v in values]
    candidates = [i for i, k in enumerate(kinds) if k in value_kinds]
    if len(candidates) == len(values) and [kinds[i] for i in candidates] == value_kinds:
        chosen = candidates
    else:
        chosen = list(range(n - len(values), n))
    out: list[str | None] = [None] * n
    for index, value in zip(chosen, values, strict=True):
        out[index] = value
    return out
