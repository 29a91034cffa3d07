"""Cabinet leads and owners: who the plan says is responsible.

Members are named with a role and a portfolio in a handful of ways: "Cllr Jane Smith, Cabinet
Member for Housing", "Portfolio Holder for Environment: Councillor Ali Khan", "Councillor A B,
Leader of the Council", "Joy Allen, Police and Crime Commissioner". A member named only by role
("Leader of the Council", "Cabinet Member for Children") is still a lead, scoped to the plan's
organisation by the builder. An owner in an action table ("Director of Public Health",
"Housing Strategy Team") is an officer or team: an :class:`Owner`, never a cabinet lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

#: A name's word may hold an inner capital after a hyphen, apostrophe or prefix ("Mullen-James",
#: "O'Neill", "McDonald"): the first capital alone would cut the name there.
_NAME_WORD = r"[A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?"
_NAME = rf"(?:{_NAME_WORD}|[A-Z]\.?)(?:\s+(?:{_NAME_WORD}|[A-Z]\.|[A-Z]{{2,}}(?=\b)|(?:de|van|von|le|la|di)\s+{_NAME_WORD})){{1,3}}"
_CLLR = r"(?:Councillor|Cllr\.?|Clr\.?)"
#: The civic rank a Northern Ireland or City of London member is styled by before the name
#: ("the Mayor, Alderman Stephen Martin"): the rank, not a word of the name.
_CIVIC = r"(?:Alderman|Alderwoman|Alder(?:person)?)"
_ROLE = (r"(?:(?:Deputy\s+)?Cabinet\s+(?:Member|Lead)|(?:Deputy\s+)?Portfolio\s+(?:Holder|Member)|Executive\s+(?:Member|Councillor)"
         r"|(?:Executive\s+)?Lead\s+(?:Member|Councillor)|Assistant\s+(?:Cabinet\s+Member|Mayor)|Deputy\s+Mayor)")
#: A capitalised word of a portfolio or a title ("Co-ordination", "Children's").
_WORD = r"[A-Z][\w'’-]*"
_PORTFOLIO = r"(?P<portfolio>[A-Z&][\w ,&'’-]{2,90}?)"
_END = (r"(?=\s*(?:[,.;:)(\n–—|]|\s-\s|$)|\s+(?:is|are|was|were|will|would|shall|has|have|had|said|says"
        r"|leads?|led|who|which|and\s+(?:Cllr|Councillor|the|Deputy|Chief))\b"
        r"|\s+(?!(?:and|of|the|for|in|with|to|on|at|or)\b)[a-z])")

#: Offices that may follow a member's first office with "and": "Mayor of West Yorkshire and Chair
#: of the Combined Authority" is a mayor, not the mayor of "West Yorkshire and Chair".
_OFFICE = r"(?:Chair(?:man|person)?|Leader|Chief|Deputy|Cabinet|Member|Portfolio|Commissioner|Mayor|Head|Director)"

_PATTERN_TEXTS = (
    # Cllr Jane Smith, Leader and Cabinet Member for Finance: one member holding both offices
    rf"{_CLLR}\s+(?P<name>{_NAME})\s*(?:,|–|—|-|\()\s*(?:as\s+)?(?:the\s+)?(?P<role>(?:Deputy\s+)?Leader(?:\s+of\s+(?:the\s+)?[\w ]{{0,40}}?Council)?\s+(?:and|&)\s+{_ROLE})\s+(?:for|with\s+responsibility\s+for)\s+{_PORTFOLIO}{_END}",
    # Cllr Jane Smith, Cabinet Member for Housing
    rf"{_CLLR}\s+(?P<name>{_NAME})\s*(?:,|–|—|-|\()\s*(?:as\s+)?(?:the\s+)?(?P<role>{_ROLE})\s+(?:for|with\s+responsibility\s+for)\s+{_PORTFOLIO}{_END}",
    # Cabinet Member for Housing, Cllr Jane Smith  /  Portfolio Holder for X: Councillor Y
    rf"(?:the\s+)?(?P<role>{_ROLE})\s+(?:for|with\s+responsibility\s+for)\s+{_PORTFOLIO}\s*(?:,|:|–|—|-|\()\s*{_CLLR}\s+(?P<name>{_NAME})",
    # Cllr Jane Smith, Leader of the Council
    rf"{_CLLR}\s+(?P<name>{_NAME})\s*(?:,|–|—|-|\()\s*(?:as\s+)?(?:the\s+)?(?P<role>(?:Deputy\s+)?Leader(?:\s+of\s+(?:the\s+)?[\w ]{{0,40}}?Council)?)\b",
    # Council leader Cllr Huw Thomas / Leader of the Council, Councillor X
    rf"(?P<role>(?:Deputy\s+)?(?:Council\s+)?[Ll]eader)(?:\s+of\s+(?:the\s+)?[\w ]{{0,40}}?Council)?\s*,?\s*{_CLLR}\s+(?P<name>{_NAME})",
    # Foreword by Nick Rushton, Leader of Leicestershire County Council
    rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?P<role>(?:Deputy\s+)?Leader\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,5}}Council)\b",
    # Joy Allen, Police and Crime Commissioner / Mayor
    rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?P<role>(?:Police(?:,\s+Fire)?\s+and\s+Crime\s+Commissioner|(?:Metro\s+|City\s+)?Mayor)(?:\s+(?:for|of)\s+[A-Z][\w ]{{2,40}}?)?){_END}",
    rf"(?P<role>(?:Police(?:,\s+Fire)?\s+and\s+Crime\s+Commissioner|PCC|Metro\s+Mayor|City\s+Mayor|Mayor))(?:\s+(?:for|of)\s+[A-Z][\w]+(?:\s+[A-Z][\w]+){{0,3}})?,?\s+(?:Cllr\s+|{_CIVIC}\s+)?(?P<name>{_NAME})(?:{_END}|(?=\s+(?:on|in|at|from|with)\b))",
)
#: The role written in lower case, as minutes often do ("the portfolio holder for Health and
#: Housing"): still a member's office when a capitalised portfolio follows "for".
_ROLE_LOWER = (r"(?:(?:deputy\s+)?cabinet\s+member|(?:deputy\s+)?portfolio\s+holder|executive\s+member"
               r"|lead\s+member)")
#: A report cover's label cell before the member it names ("Cabinet member(s) | Cllr Adam
#: Varley", "Portfolio Holder: Councillor Ali Khan"): the member holds that office.
_LABELLED_TEXT = (
    r"(?P<role>(?:Cabinet|Executive|Lead)\s+[Mm]ember|Portfolio\s+[Hh]older)(?:\(s\)|s)?\s*(?:[|:]\s*)+"
    rf"(?P<cllr>{_CLLR})\s+(?P<name>{_NAME})(?=\s*(?:[|,;.(]|$))")
# A member named by role alone: "the Cabinet Member for Children and Families", "Leader of the Council".
_ROLE_ONLY_TEXT = (
    rf"\b(?:[Tt]he\s+)?(?P<role>(?:(?:Deputy\s+)?Leader(?:\s+of\s+the\s+Council)?\s+(?:and|&)\s+)?(?:{_ROLE}|{_ROLE_LOWER}))\s+(?:for|with\s+responsibility\s+for)\s+{_PORTFOLIO}{_END}"
    r"|\b(?:[Tt]he\s+)?(?P<leader>(?:Deputy\s+)?Leader\s+of\s+(?:the\s+)?Council"
    rf"|(?:Metro\s+)?Mayor\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:and\s+(?!{_OFFICE}\b))?[A-Z][\w'’-]+){{0,3}}"
    rf"|Police(?:,\s+Fire)?\s+and\s+Crime\s+Commissioner\s+for\s+[A-Z][\w'’-]+(?:\s+(?:and\s+(?!{_OFFICE}\b))?[A-Z][\w'’-]+){{0,3}})"
)
#: Words before a member named only as the one another acts for, or as a delegate of a
#: decision ("delegated to the Managing Director and Leader of the Council to approve ..."):
#: not the plan's lead.
_ON_BEHALF_TEXT = (
    r"\b(?:on\s+behalf\s+of|p\.?p\.?"
    r"|delegat(?:e|ed|es|ing)\s+(?:authority\s+|powers?\s+)?to)"
    r"\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}\s+(?:and|&)\s+(?:the\s+)?)?$")
#: A Portfolio Holder written with the portfolio straight after the role, no "for" ("the
#: Portfolio Holder Council and Corporate Co-ordination"); not a page or paper of the post
#: ("Portfolio Holder Decisions", "Portfolio Holder Report").
_HOLDER_THEN_PORTFOLIO_TEXT = (
    r"\b(?:[Tt]he\s+)?(?P<role>(?:Deputy\s+)?Portfolio\s+Holder)\s+"
    r"(?!(?:for|with|Cllr|Councillor|Decisions?|Reports?|Meetings?|Statements?|Briefings?|Responsibilities"
    r"|Duties|Details|Portfolio)\b)"
    rf"(?P<portfolio>{_WORD}(?:\s+(?:(?:and|&|of|the)\s+)*{_WORD}){{0,5}})(?![\w'’-])")
#: The portfolio written before the role ("the Resources Portfolio Holder", "the Economies and
#: Enterprise Portfolio Holder", "Leader Portfolio Holder"), as district councils title posts.
_PORTFOLIO_THEN_HOLDER_TEXT = (
    rf"(?<![\w'’&-])(?P<portfolio>{_WORD}(?:\s+(?:(?:and|&)\s+)?{_WORD}){{0,4}})\s+"
    r"(?P<role>Portfolio\s+Holder)\b(?!\s+(?:for|with)\b)")
#: The Leader or Deputy Leader by title alone, as minutes name them ("The Leader, Deputy Leader
#: and Portfolio Holder ...", "The Deputy Leader echoed ..."): "the" before a bare Leader (never a
#: group's or team's leader, or the Leader of the Opposition).
_BARE_LEADER_TEXT = (
    r"(?:\b[Tt]he\s+(?P<leader>(?:Deputy\s+)?Leader)|(?<=,\s)(?P<deputy>Deputy\s+Leader)|(?<=\band\s)(?P<deputy2>Deputy\s+Leader))"
    r"\b(?!\s+of\b)(?!['’]s\b)")
#: The police and crime commissioner by title alone, as a panel's minutes name the plan's owner
#: ("The PCC explained ...", "a Report by the Police and Crime Commissioner"): "the" before it,
#: not another's ("the PCC's plan" still names the plan, not who speaks for it).
_BARE_PCC_TEXT = r"\b[Tt]he\s+(?P<pcc>Police(?:,\s+Fire)?\s+(?:and|&)\s+Crime\s+Commissioner|PCC)\b(?!\s+for\b)(?!['’]s\b)"
#: Words a portfolio never starts with: "The Portfolio Holder", "Cabinet Portfolio Holder".
_NOT_PORTFOLIO_START = frozenset({"The", "This", "Each", "Every", "Our", "A", "An", "Cabinet", "Deputy",
                                  "Council", "Executive", "Shadow", "Relevant", "Appropriate", "Any", "All"})
#: More portfolio areas after a comma, to a last one after "and" ("Education, Welsh Language,
#: Culture and Leisure"): never a member's name after the comma.
_MORE_AREAS_TEXT = (
    rf"(?:,\s+(?!(?:Cllr|Councillor|Clr|the|The|and)\b){_WORD}(?:\s+(?:(?:of|the)\s+)*{_WORD})*)+"
    rf",?\s+(?:and|&)\s+(?:the\s+)?{_WORD}(?:\s+(?:(?:of|the)\s+)*{_WORD})*(?![\w'’-])")


#: The first patterns all name a member by "Cllr"/"Councillor"/"Clr": a text without one of
#: those words cannot match them, so they are neither compiled nor run for it.
_CLLR_PATTERNS = 5
_CLLR_WORDS = ("Cllr", "Councillor", "Clr")
#: The words (case as written: no pattern ignores case) a text must hold one of for each
#: pattern to match it, read off the pattern's required role: a text holding none is not
#: worth compiling or running the pattern for (a foreword's "Leader of ... Council" needs
#: none of the commissioner, mayor or portfolio holder patterns).
_COMMISSIONER_OR_MAYOR = ("Commissioner", "Mayor", "PCC")
_PATTERN_NEEDS = (*[_CLLR_WORDS] * _CLLR_PATTERNS, ("Leader",), _COMMISSIONER_OR_MAYOR,
                  _COMMISSIONER_OR_MAYOR)
_LABELLED_NEEDS = ("ember", "older")  # "Cabinet member(s)", "Portfolio Holder"
_HOLDER_NEEDS = ("Portfolio",)  # "Portfolio Holder", either way round
_BARE_LEADER_NEEDS = ("Leader",)
#: A member named by role alone needs a role's word (either case the pattern reads: "Lead
#: Member" and "Lead Councillor" by their second word), a mayor or a commissioner; or else
#: "Leader of (the) Council", told by :attr:`_Compiled.leader_of_council` (a foreword's
#: "Leader of Leicestershire County Council" holds "Leader" and "Council" but not that).
_ROLE_ONLY_NEEDS = ("Cabinet", "cabinet", "Portfolio", "portfolio", "Executive", "executive",
                    "Member", "member", "Councillor", "Assistant", "Mayor", "Police")


def _holds(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` (no words: any text may match)."""
    return not words or any(word in text for word in words)


class _Compiled:
    """The patterns, each compiled on its first use: most documents a build reads name no member,
    and a foreword's "Leader of ... Council" should not pay for the patterns it cannot meet."""

    def __init__(self) -> None:
        self._patterns: list[re.Pattern[str] | None] = [None] * len(_PATTERN_TEXTS)

    def pattern(self, index: int) -> re.Pattern[str]:
        compiled = self._patterns[index]
        if compiled is None:
            compiled = self._patterns[index] = re.compile(_PATTERN_TEXTS[index])
        return compiled

    role_only = cached_property(lambda self: re.compile(_ROLE_ONLY_TEXT))
    on_behalf = cached_property(lambda self: re.compile(_ON_BEHALF_TEXT, re.IGNORECASE))
    holder_then_portfolio = cached_property(lambda self: re.compile(_HOLDER_THEN_PORTFOLIO_TEXT))
    portfolio_then_holder = cached_property(lambda self: re.compile(_PORTFOLIO_THEN_HOLDER_TEXT))
    bare_leader = cached_property(lambda self: re.compile(_BARE_LEADER_TEXT))
    bare_pcc = cached_property(lambda self: re.compile(_BARE_PCC_TEXT))
    labelled = cached_property(lambda self: re.compile(_LABELLED_TEXT))
    more_areas = cached_property(lambda self: re.compile(_MORE_AREAS_TEXT))
    leader_of_council = cached_property(lambda self: re.compile(r"Leader\s+of\s+(?:the\s+)?Council"))
    cabinet = cached_property(lambda self: re.compile(
        rf"^\s*(?:{_CLLR}\s+{_NAME}|(?:the\s+)?{_ROLE}\b.*|(?:the\s+)?(?:Deputy\s+)?Leader\b.*)$"))
    split_owners = cached_property(lambda self: re.compile(r"\s*(?:;|/|\n|,\s+(?=[A-Z])|\s+&\s+|\s+\+\s+)\s*"))


_COMPILED: _Compiled | None = None


def _re() -> _Compiled:
    global _COMPILED
    if _COMPILED is None:
        _COMPILED = _Compiled()
    return _COMPILED


_NOT_NAMES = frozenset({"The", "Our", "This", "Cabinet", "Member", "Council", "Leader", "Deputy",
                        "Mayor", "Portfolio", "Holder", "Executive", "Lead"})


@dataclass(frozen=True, slots=True)
class Lead:
    """A cabinet lead as the text names it."""

    name: str
    role: str
    portfolio: str | None
    offset: int


def _tidy_portfolio(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"\s+(?:and\s+)?(?:Deputy\s+)?(?:Leader|Cllr|Councillor)\b.*$", "", text.strip())
    text = text.strip(" ,.;:-–")
    return text or None


def _title_role(role: str) -> str:
    """A role written in lower case, in the title case the office is known by."""
    return role if role[:1].isupper() else " ".join(w.capitalize() for w in role.split())


def _ok_name(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0] not in _NOT_NAMES and words[-1] not in _NOT_NAMES


def _more_areas(text: str, match: re.Match[str]) -> str | None:
    """The portfolio of ``match`` with the areas listed after a comma ("Education, Welsh
    Language, Culture and Leisure"), where the pattern stopped at the comma."""
    portfolio = match.groupdict().get("portfolio")
    if not portfolio:
        return portfolio
    more = _re().more_areas.match(text, match.end("portfolio"))
    return portfolio + more.group(0) if more else portfolio


def find_leads(text: str) -> list[Lead]:
    """Every cabinet lead a sentence or line names, by name where given, else by role."""
    if not any(w in text for w in ("Cllr", "Councillor", "Cabinet", "Portfolio", "Leader",
                                   "Commissioner", "PCC", "Mayor", "Executive Member", "Lead Member", "Clr")) \
            and not any(w in text for w in ("portfolio holder", "cabinet member", "lead member", "executive member")):
        return []
    compiled = _re()
    found: list[Lead] = []
    spans: list[tuple[int, int]] = []

    def taken(start: int, end: int) -> bool:
        return any(s <= start < e or s < end <= e for s, e in spans)

    for index in range(len(_PATTERN_TEXTS)):
        if index < len(_PATTERN_NEEDS) and not _holds(text, _PATTERN_NEEDS[index]):
            continue
        for m in compiled.pattern(index).finditer(text):
            if taken(m.start(), m.end()):
                continue
            name = m.group("name").strip()
            if not _ok_name(name):
                continue
            role = " ".join(m.group("role").split())
            portfolio = _tidy_portfolio(_more_areas(text, m))
            if role.lower().endswith("leader") and "of" not in role:
                role = role if role[0].isupper() else role.capitalize()
            # Whether the match holds _CLLR: its words found as they are (the dot is optional).
            person = f"Cllr {name}" if any(w in m.group(0) for w in _CLLR_WORDS) else name
            found.append(Lead(person, f"{role} for {portfolio}" if portfolio else role, portfolio, m.start()))
            spans.append((m.start(), m.end()))
    for m in (compiled.labelled.finditer(text) if _holds(text, _LABELLED_NEEDS) else ()):
        if taken(m.start(), m.end()) or not _ok_name(m.group("name")):
            continue
        role = " ".join(m.group("role").split())
        found.append(Lead(f"Cllr {m.group('name')}", role[0].upper() + role[1:].lower(), None, m.start()))
        spans.append((m.start(), m.end()))
    role_only = _holds(text, _ROLE_ONLY_NEEDS) or compiled.leader_of_council.search(text)
    for m in (compiled.role_only.finditer(text) if role_only else ()):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if compiled.on_behalf.search(text[:m.start()]):
            # "signed by the Chief Executive on behalf of the Leader of the Council", "delegated
            # to the Managing Director and Leader of the Council": named as the one another acts
            # for, or as a delegate of a decision, not as leading anything in the plan.
            spans.append((m.start(), m.end()))
            continue
        if m.group("leader"):
            role = " ".join(m.group("leader").split())
            found.append(Lead(f"the {role}", role, None, m.start()))
        else:
            role = _title_role(" ".join(m.group("role").split()))
            portfolio = _tidy_portfolio(_more_areas(text, m))
            if portfolio:
                found.append(Lead(f"the {role} for {portfolio}", f"{role} for {portfolio}", portfolio, m.start()))
        spans.append((m.start(), m.end()))
    for m in (compiled.holder_then_portfolio.finditer(text) if _holds(text, _HOLDER_NEEDS) else ()):
        portfolio = _tidy_portfolio(m.group("portfolio"))
        if taken(m.start(), m.end()) or not portfolio or compiled.on_behalf.search(text[:m.start()]):
            continue
        role = " ".join(m.group("role").split())
        found.append(Lead(f"the {role} {portfolio}", f"{role} for {portfolio}", portfolio, m.start()))
        spans.append((m.start(), m.end()))
    for m in (compiled.portfolio_then_holder.finditer(text) if _holds(text, _HOLDER_NEEDS) else ()):
        words = m.group("portfolio").split()
        while words and words[0] in _NOT_PORTFOLIO_START | {"and", "&"}:
            words.pop(0)  # "the Cabinet ... Portfolio Holder": the words before are no portfolio
        if not words or taken(m.start("role"), m.end()) or compiled.on_behalf.search(text[:m.start()]):
            continue
        portfolio = " ".join(words)
        if portfolio == "Leader":  # "Leader Portfolio Holder": the Leader's own post
            found.append(Lead("the Leader Portfolio Holder", "Leader", None, m.start()))
        else:
            found.append(Lead(f"the {portfolio} Portfolio Holder", f"Portfolio Holder for {portfolio}",
                              portfolio, m.start()))
        spans.append((m.start(), m.end()))
    for m in (compiled.bare_leader.finditer(text) if _holds(text, _BARE_LEADER_NEEDS) else ()):
        if taken(m.start(), m.end()) or compiled.on_behalf.search(text[:m.start()]):
            continue
        role = " ".join((m.group("leader") or m.group("deputy") or m.group("deputy2")).split())
        found.append(Lead(f"the {role}", role, None, m.start()))
        spans.append((m.start(), m.end()))
    if "PCC" in text or "Crime Commissioner" in text:
        for m in compiled.bare_pcc.finditer(text):
            if taken(m.start(), m.end()) or compiled.on_behalf.search(text[:m.start()]):
                continue
            found.append(Lead("the Police and Crime Commissioner", "Police and Crime Commissioner", None, m.start()))
            spans.append((m.start(), m.end()))
    return sorted(found, key=lambda lead: lead.offset)




def split_owners(cell: str) -> list[str]:
    """The owners one table cell names ("Head of Housing / Director of Place")."""
    parts = [p.strip(" .-–•*") for p in _re().split_owners.split(cell.replace("**", "")) if p and p.strip(" .-–•*")]
    return [p for p in parts if len(p) > 1 and not re.fullmatch(r"[\d\W]+|n/?a|tbc|tbd|all|various", p, re.I)]


def is_cabinet_member(owner: str) -> bool:
    """Whether an owner cell's entry names a cabinet member rather than an officer or team."""
    return bool(_re().cabinet.match(owner))
