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

_NAME = r"(?:[A-Z][a-z'’-]+|[A-Z]\.?)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z]{2,}(?=\b)|(?:de|van|von|le|la|di)\s+[A-Z][a-z'’-]+)){1,3}"
_CLLR = r"(?:Councillor|Cllr\.?|Clr\.?)"
_ROLE = (r"(?:(?:Deputy\s+)?Cabinet\s+(?:Member|Lead)|(?:Deputy\s+)?Portfolio\s+Holder|Executive\s+(?:Member|Councillor)"
         r"|Lead\s+(?:Member|Councillor)|Assistant\s+(?:Cabinet\s+Member|Mayor)|Deputy\s+Mayor)")
_PORTFOLIO = r"(?P<portfolio>[A-Z&][\w ,&'’-]{2,90}?)"
_END = (r"(?=\s*(?:[,.;:)(\n–—|]|\s-\s|$)|\s+(?:is|are|was|were|will|would|shall|has|have|had|said|says"
        r"|leads?|led|who|which|and\s+(?:Cllr|Councillor|the|Deputy))\b)")

#: Offices that may follow a member's first office with "and": "Mayor of West Yorkshire and Chair
#: of the Combined Authority" is a mayor, not the mayor of "West Yorkshire and Chair".
_OFFICE = r"(?:Chair(?:man|person)?|Leader|Chief|Deputy|Cabinet|Member|Portfolio|Commissioner|Mayor|Head|Director)"

_PATTERNS = (
    # Cllr Jane Smith, Leader and Cabinet Member for Finance: one member holding both offices
    re.compile(rf"{_CLLR}\s+(?P<name>{_NAME})\s*(?:,|–|—|-|\()\s*(?:the\s+)?(?P<role>(?:Deputy\s+)?Leader(?:\s+of\s+(?:the\s+)?[\w ]{{0,40}}?Council)?\s+(?:and|&)\s+{_ROLE})\s+(?:for|with\s+responsibility\s+for)\s+{_PORTFOLIO}{_END}"),
    # Cllr Jane Smith, Cabinet Member for Housing
    re.compile(rf"{_CLLR}\s+(?P<name>{_NAME})\s*(?:,|–|—|-|\()\s*(?:the\s+)?(?P<role>{_ROLE})\s+(?:for|with\s+responsibility\s+for)\s+{_PORTFOLIO}{_END}"),
    # Cabinet Member for Housing, Cllr Jane Smith  /  Portfolio Holder for X: Councillor Y
    re.compile(rf"(?:the\s+)?(?P<role>{_ROLE})\s+(?:for|with\s+responsibility\s+for)\s+{_PORTFOLIO}\s*(?:,|:|–|—|-|\()\s*{_CLLR}\s+(?P<name>{_NAME})"),
    # Cllr Jane Smith, Leader of the Council
    re.compile(rf"{_CLLR}\s+(?P<name>{_NAME})\s*(?:,|–|—|-|\()\s*(?:the\s+)?(?P<role>(?:Deputy\s+)?Leader(?:\s+of\s+(?:the\s+)?[\w ]{{0,40}}?Council)?)\b"),
    # Council leader Cllr Huw Thomas / Leader of the Council, Councillor X
    re.compile(rf"(?P<role>(?:Deputy\s+)?(?:Council\s+)?[Ll]eader)(?:\s+of\s+(?:the\s+)?[\w ]{{0,40}}?Council)?\s*,?\s*{_CLLR}\s+(?P<name>{_NAME})"),
    # Foreword by Nick Rushton, Leader of Leicestershire County Council
    re.compile(rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?P<role>(?:Deputy\s+)?Leader\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,5}}Council)\b"),
    # Joy Allen, Police and Crime Commissioner / Mayor
    re.compile(rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?P<role>(?:Police(?:,\s+Fire)?\s+and\s+Crime\s+Commissioner|(?:Metro\s+|City\s+)?Mayor)(?:\s+(?:for|of)\s+[A-Z][\w ]{{2,40}}?)?){_END}"),
    re.compile(rf"(?P<role>(?:Police(?:,\s+Fire)?\s+and\s+Crime\s+Commissioner|PCC|Metro\s+Mayor|City\s+Mayor|Mayor))(?:\s+(?:for|of)\s+[A-Z][\w]+(?:\s+[A-Z][\w]+){{0,3}})?,?\s+(?:Cllr\s+)?(?P<name>{_NAME})(?:{_END}|(?=\s+(?:on|in|at|from|with)\b))"),
)
# A member named by role alone: "the Cabinet Member for Children and Families", "Leader of the Council".
_ROLE_ONLY = re.compile(
    rf"\b(?:[Tt]he\s+)?(?P<role>{_ROLE})\s+(?:for|with\s+responsibility\s+for)\s+{_PORTFOLIO}{_END}"
    r"|\b(?:[Tt]he\s+)?(?P<leader>(?:Deputy\s+)?Leader\s+of\s+the\s+Council"
    rf"|(?:Metro\s+)?Mayor\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:and\s+(?!{_OFFICE}\b))?[A-Z][\w'’-]+){{0,3}}"
    rf"|Police(?:,\s+Fire)?\s+and\s+Crime\s+Commissioner\s+for\s+[A-Z][\w'’-]+(?:\s+(?:and\s+(?!{_OFFICE}\b))?[A-Z][\w'’-]+){{0,3}})"
)
#: Words before a member named only as the one another acts for, or as a delegate of a
#: decision ("delegated to the Managing Director and Leader of the Council to approve ..."):
#: not the plan's lead.
_ON_BEHALF = re.compile(
    r"\b(?:on\s+behalf\s+of|p\.?p\.?"
    r"|delegat(?:e|ed|es|ing)\s+(?:authority\s+|powers?\s+)?to)"
    r"\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}\s+(?:and|&)\s+(?:the\s+)?)?$", re.IGNORECASE)
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


def _ok_name(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0] not in _NOT_NAMES and words[-1] not in _NOT_NAMES


def find_leads(text: str) -> list[Lead]:
    """Every cabinet lead a sentence or line names, by name where given, else by role."""
    if not any(w in text for w in ("Cllr", "Councillor", "Cabinet", "Portfolio", "Leader",
                                   "Commissioner", "PCC", "Mayor", "Executive Member", "Lead Member", "Clr")):
        return []
    found: list[Lead] = []
    spans: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in spans):
                continue
            name = m.group("name").strip()
            if not _ok_name(name):
                continue
            role = " ".join(m.group("role").split())
            portfolio = _tidy_portfolio(m.groupdict().get("portfolio"))
            if role.lower().endswith("leader") and "of" not in role:
                role = role if role[0].isupper() else role.capitalize()
            person = f"Cllr {name}" if re.search(_CLLR, m.group(0)) else name
            found.append(Lead(person, f"{role} for {portfolio}" if portfolio else role, portfolio, m.start()))
            spans.append((m.start(), m.end()))
    for m in _ROLE_ONLY.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        if _ON_BEHALF.search(text[:m.start()]):
            # "signed by the Chief Executive on behalf of the Leader of the Council", "delegated
            # to the Managing Director and Leader of the Council": named as the one another acts
            # for, or as a delegate of a decision, not as leading anything in the plan.
            spans.append((m.start(), m.end()))
            continue
        if m.group("leader"):
            role = " ".join(m.group("leader").split())
            found.append(Lead(f"the {role}", role, None, m.start()))
        else:
            role = " ".join(m.group("role").split())
            portfolio = _tidy_portfolio(m.group("portfolio"))
            if portfolio:
                found.append(Lead(f"the {role} for {portfolio}", f"{role} for {portfolio}", portfolio, m.start()))
        spans.append((m.start(), m.end()))
    return sorted(found, key=lambda lead: lead.offset)


_CABINET = re.compile(rf"^\s*(?:{_CLLR}\s+{_NAME}|(?:the\s+)?{_ROLE}\b.*|(?:the\s+)?(?:Deputy\s+)?Leader\b.*)$")
_SPLIT_OWNERS = re.compile(r"\s*(?:;|/|\n|,\s+(?=[A-Z])|\s+&\s+|\s+\+\s+)\s*")


def split_owners(cell: str) -> list[str]:
    """The owners one table cell names ("Head of Housing / Director of Place")."""
    parts = [p.strip(" .-–•*") for p in _SPLIT_OWNERS.split(cell.replace("**", "")) if p and p.strip(" .-–•*")]
    return [p for p in parts if len(p) > 1 and not re.fullmatch(r"[\d\W]+|n/?a|tbc|tbd|all|various", p, re.I)]


def is_cabinet_member(owner: str) -> bool:
    """Whether an owner cell's entry names a cabinet member rather than an officer or team."""
    return bool(_CABINET.match(owner))
