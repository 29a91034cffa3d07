"""The "working with others in partnership" list: strategies and the partnerships that own them.

The list sits in the plan's summary diagram, one bulleted group per strategic outcome in the
order the outcomes are declared (a blank line between groups). Each line names a strategy
and, in brackets, the partnership that owns it ("Rural Framework (Rural Partnership)"), or
names a partnership alone ("Corporate Parenting Board"). A line outside the bullet groups
spans the diagram and sits under no outcome. The converter's damage is read as a reader
would: an owner that wrapped onto a bullet of its own ("- (Strategic Transport Board)")
belongs to the line above; "(SAB)" defines an acronym used later ("Rutland SAB").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from stratgraph.graph.model import normalise_name
from stratgraph.loaders.common import entities
from stratgraph.loaders.common.layout import Layout
from stratgraph.loaders.common.names import clean_name
from stratgraph.loaders.shapes.outcomes_framework.outline import heading_text

#: Last words that make a name a body (a partnership, or a council) rather than a document:
#: the shared words, and every kind of body the partnership list names as an owner or partner
#: ("Leicestershire Integration Executive", a committee, a commission, a county council...).
BODY_WORDS = entities.PARTNERSHIP_WORDS | {
    "group", "executive", "committee", "network", "alliance", "commission", "authority",
    "assembly", "council", "consortium",
}
#: Words that make a name a programme: the shared word, and a portfolio of them.
PROGRAMME_WORDS = entities.PROGRAMME_WORDS | {"portfolio"}
#: Words that make a name a document (or, for the programme words, a programme): the shared
#: words, and the list's visions, charters, compacts, agendas and statements.
DOCUMENT_WORDS = entities.STRATEGY_WORDS | PROGRAMME_WORDS | {
    "vision", "charter", "compact", "agenda", "statement"}
_PLACE_ENDS = frozenset({"city", "county", "borough", "district"})
_MINOR = frozenset({"and", "&", "of", "the", "for", "in"})

_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_INLINE_ACRONYM = re.compile(r"\s*\(([A-Z]{2,6})\)\s*")
_DASH_ACRONYM = re.compile(r"^(.*\S)\s+[-–]\s+([A-Z]{2,6})$")
_APPOSITION = re.compile(r"\s+[-–]\s+")
_SEPARATORS = re.compile(r"(\s*,\s*|\s+&\s+|\s+and\s+)")
_EXAMPLE = re.compile(r"^(?:e\.?g\.?|i\.?e\.?|for example|such as)\b", re.IGNORECASE)
_BETWEEN = re.compile(r"^(?:a\s+)?partnership\s+(?:between|of|with)\s+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.:;]\s*$")


@dataclass(frozen=True, slots=True, eq=False)
class Named:
    """A strategy named by the list, with its kind (``document`` or ``programme``)."""

    name: str
    kind: str


@dataclass(frozen=True, slots=True, eq=False)
class Body:
    """A partnership or organisation named in the list."""

    name: str
    is_organisation: bool


@dataclass(frozen=True, slots=True, eq=False)
class PartnerEntry:
    """One line of the list, read: what it names, who owns it, who takes part."""

    line: int
    group: int | None
    strategies: tuple[Named, ...]
    bodies: tuple[Body, ...]
    owners: tuple[Body, ...] = ()
    owner_line: int = 0
    partners: tuple[Body, ...] = ()
    description: str | None = None

    @property
    def referenced(self) -> tuple[str, ...]:
        """The names a theme this line sits under refers to: its strategies, else its bodies."""
        if self.strategies:
            return tuple(s.name for s in self.strategies)
        return tuple(b.name for b in self.bodies)


@dataclass(frozen=True, slots=True, eq=False)
class PartnerList:
    """The list's entries in order, and the acronyms it defines (acronym -> expansion)."""

    entries: tuple[PartnerEntry, ...]
    acronyms: Mapping[str, str]


_WORD = re.compile(r"[\w']+")


def _last_word(name: str) -> str:
    words = _WORD.findall(name)
    return words[-1].casefold() if words else ""


def is_body(name: str) -> bool:
    """Whether a name ends like a board, partnership, forum or council."""
    return _last_word(name) in BODY_WORDS


def is_document(name: str) -> bool:
    """Whether a name ends like a strategy, plan, framework or programme."""
    return _last_word(name) in DOCUMENT_WORDS


# -- the list's lines --------------------------------------------------------------------


def list_lines(layout: Layout) -> list[tuple[str, int, int | None]]:
    """The (text, line, group) of each item in the partnership list sections.

    Bulleted groups are numbered from 0 in order; a plain line among them has group None.
    """
    found: list[tuple[str, int, int | None]] = []
    group = -1
    in_list = False
    previous_blank = True
    for index, line in enumerate(layout.lines):
        heading = heading_text(layout, index + 1)
        if heading is not None:
            in_list = "partnership" in normalise_name(heading)
            previous_blank = True
            continue
        if not in_list:
            continue
        if not line.strip():
            previous_blank = True
            continue
        text = layout.bullet_text(index + 1)
        if not any(c.isalnum() for c in (line if text is None else text)):
            continue  # a stray "#" or bullet mark names nothing
        if text is not None:
            # A blank line starts the next group; the first bullet always starts the first one
            # (even right after a plain line, where a converter dropped the blank).
            if previous_blank or group < 0:
                group += 1
            found.append((clean_name(text), index + 1, group))
        elif len(line) <= 200 and not _SENTENCE_END.search(line) and "\t" not in line:
            found.append((clean_name(line), index + 1, None))
        previous_blank = False
    # A section of prose only (the "Working with others" page) has no items; plain lines
    # before the first bullet there are sentences cut by the converter, not list items.
    if not any(group is not None for _, _, group in found):
        return []
    return found


# -- acronyms ---------------------------------------------------------------------------


def _expansion(before: str, acronym: str) -> str | None:
    """The words at the end of ``before`` whose initials spell ``acronym``."""
    words = list(re.finditer(r"[\w']+|&", before))
    significant = [w for w in words if w.group(0).casefold() not in _MINOR]
    if len(significant) < len(acronym):
        return None
    tail = significant[-len(acronym):]
    if "".join(w.group(0)[0].upper() for w in tail) != acronym:
        return None
    return before[tail[0].start():].strip(" ,")


def define_acronyms(texts: Sequence[str]) -> dict[str, str]:
    """Acronyms the list defines: "Safeguarding Adults Board (SAB)", "Partnership - LLEP"."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _INLINE_ACRONYM.finditer(text):
            expansion = _expansion(text[: match.start()], match.group(1))
            if expansion:
                found.setdefault(match.group(1), expansion)
        for inner in re.findall(r"\(([^()]*)\)", text):
            dash = _DASH_ACRONYM.match(inner.strip())
            if dash:
                found.setdefault(dash.group(2), dash.group(1).strip())
    return found


def expand(name: str, acronyms: Mapping[str, str]) -> str:
    """A body's name with a trailing acronym spelt out ("Rutland SAB" -> "... Board")."""
    words = name.split()
    if words and words[-1] in acronyms:
        words[-1:] = acronyms[words[-1]].split()
    return " ".join(words)


# -- one line ---------------------------------------------------------------------------


def _trailing_bracket(text: str) -> tuple[str, str] | None:
    """Split "name (content)" at its last balanced bracket, or None."""
    if not text.endswith(")"):
        return None
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        char = text[at]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
        if depth == 0:
            return text[:at].strip(), text[at + 1 : -1].strip()
    return None


def split_bodies(text: str, acronyms: Mapping[str, str]) -> tuple[Body, ...]:
    """Bodies in "A & B County Council and the LLEP": a name ends at a body word or acronym."""
    dash = _DASH_ACRONYM.match(text.strip())
    if dash:
        text = dash.group(1)
    parts = _SEPARATORS.split(text.strip())
    names: list[str] = []
    current = ""
    for at in range(0, len(parts), 2):
        fragment = parts[at].strip()
        current = f"{current}{parts[at - 1] if at else ''}{fragment}" if current else fragment
        last = fragment.split()[-1] if fragment.split() else ""
        if last.casefold() in BODY_WORDS | _PLACE_ENDS or _ACRONYM.match(last):
            names.append(current.strip())
            current = ""
    if current.strip():
        names.append(current.strip())
    names = [re.sub(r"^the\s+", "", n, flags=re.IGNORECASE) for n in names]
    names = [n for n in names if n]
    councils = any(_last_word(n) == "council" for n in names)
    bodies = []
    for name in names:
        if name in acronyms:
            name = acronyms[name]
        name = expand(name, acronyms)
        # "Leicester City & Leicestershire County Council": the first council shares "Council".
        if councils and _last_word(name) in _PLACE_ENDS:
            name = f"{name} Council"
        bodies.append(Body(name, _last_word(name) == "council"))
    return tuple(bodies)


def _drop_inline_acronyms(name: str) -> str:
    match = _INLINE_ACRONYM.search(name)
    while match:
        before, after = name[: match.start()].strip(), name[match.end():].strip()
        if after and not (is_document(after) or is_body(after)) and (
            is_document(before) or is_body(before)
        ):
            # "...Transformation Plan (STP) Workstreams": the plan is the named document.
            name = before
        else:
            name = f"{before} {after}".strip()
        match = _INLINE_ACRONYM.search(name)
    return name


def _split_strategies(name: str) -> list[str]:
    # "Vision for Growth & Midlands Connect Strategy" names two documents; a short place
    # pair ("Leicester & Leicestershire Rail Strategy") is one name.
    left, sep, right = name.partition(" & ")
    if sep and len(left.split()) >= 3 and len(right.split()) >= 3:
        return [left.strip(), *(_split_strategies(right.strip()))]
    return [name]


def read_entry(text: str, line: int, group: int | None, acronyms: Mapping[str, str]) -> PartnerEntry:
    """One list line read into strategies, bodies, owners and partners."""
    owners_text = None
    rest = text
    while (split := _trailing_bracket(rest)) is not None:
        before, content = split
        if _ACRONYM.match(content):
            break
        rest = before
        if not _EXAMPLE.match(content) and owners_text is None:
            owners_text = content
    description = None
    parts = _APPOSITION.split(rest, maxsplit=1)
    if len(parts) == 2:
        rest, description = parts[0].strip(), parts[1].strip()
    name = _drop_inline_acronyms(rest)
    if not name:
        return PartnerEntry(line, group, (), ())
    partners: tuple[Body, ...] = ()
    owners: tuple[Body, ...] = ()
    if owners_text:
        between = _BETWEEN.match(owners_text)
        if between:
            partners = split_bodies(owners_text[between.end():], acronyms)
        else:
            owners = split_bodies(owners_text, acronyms)
    body_like = is_body(name) or (description is not None and is_body(description))
    if not body_like and (is_document(name) or owners or partners):
        kind = "programme" if _last_word(name) in PROGRAMME_WORDS else "document"
        strategies = tuple(Named(n, kind) for n in _split_strategies(name))
        return PartnerEntry(line, group, strategies, (), owners, line, partners, description)
    body = Body(expand(name, acronyms), _last_word(name) == "council")
    return PartnerEntry(line, group, (), (body,), (), line, (), description)


def partner_list(layout: Layout) -> PartnerList:
    """The partnership list read, with wrapped owners joined to the line they belong to."""
    raw = list_lines(layout)
    acronyms = define_acronyms([text for text, _, _ in raw])
    entries: list[PartnerEntry] = []
    for text, line, group in raw:
        orphan_owner = re.fullmatch(r"\((.+)\)", text)
        if orphan_owner and entries and entries[-1].strategies and not entries[-1].owners:
            owners = split_bodies(orphan_owner.group(1), acronyms)
            entries[-1] = replace(entries[-1], owners=owners, owner_line=line)
            continue
        entries.append(read_entry(text, line, group, acronyms))
    return PartnerList(tuple(entries), acronyms)
