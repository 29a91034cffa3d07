"""What a narrative says it wants, will do, and who leads: ambitions, commitments, leads.

- **Ambitions**: "our aim (vision, ambition) is to ..." and the bullets that name a kind of
  place the council wants: a short bullet whole ("A town with clean air for every child"), a
  long one by its lead phrase ("A family-friendly city Support for families ...": cut at the
  bold run, the dash, or the place word OCR ran into the text).
- **Commitments**: the clause from "we will" to the end of its sentence ("We will act to ensure
  ..."), with a deadline when the sentence opens "By <date>". "We will see ..." is a
  forecast, not a commitment.
- **Leads**: "the Leader", "the Deputy Leader" (named by role), a councillor named beside a
  cabinet role ("The current OP champion (Cllr Corrall)": a champion, member, lead or portfolio
  holder, not a ward councillor), "Cllr X, Cabinet Member for Y"; a portfolio comes
  from "has a Cabinet brief on X" or "<role> is the cabinet lead for X". A former holder
  ("the previous OP champion (Cllr Gill)") is not a lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratgraph.loaders.common.dates import by_date
from stratgraph.loaders.common.layout import strip_list_mark
from stratgraph.loaders.common.names import clean_name
from stratgraph.loaders.shapes.narrative.text import Block, Sentence

_VISION = re.compile(
    r"\bour\s+(?:\d+\s+year\s+)?(?:aim|ambition|vision)\s+is\s+(?:to|for|that)\s+(.+?)[.;]?$",
    re.IGNORECASE,
)
_PLACE_WORDS = r"(?:city|town|county|borough|district|place|community|communities|council)"
_AMBITION_START = re.compile(rf"^(?:A|An)\s+[\w ,'-]*?\b{_PLACE_WORDS}\b")
_BOLD = re.compile(r"^\*\*(.+?)\*\*")
_DASH = re.compile(r"\s+[–—-]\s*|\s*[–—]$")
_WE_WILL = re.compile(r"\bwe\s+will\b", re.IGNORECASE)
# Parts of every _WE_WILL and _BY_DATE match (these letters fold to no others), which a
# pattern opening with a character set finds much faster than the IGNORECASE patterns do.
_WE_W = re.compile(r"[Ww][Ee]\s+[Ww]")
_BY = re.compile(r"[Bb][Yy]\s")
_FORECAST = re.compile(r"\bwe\s+will\s+(?:see|find|notice)\b", re.IGNORECASE)
_BY_DATE = by_date(end_of_in_date=True, ignore_case=True)
_LEADING_THE = re.compile(r"^the\s+")


@dataclass(frozen=True, slots=True, eq=False)
class Ambition:
    """An ambition the document sets out, at its line."""

    name: str
    line: int


@dataclass(frozen=True, slots=True, eq=False)
class Commitment:
    """A "we will" commitment, with the deadline its sentence gives."""

    name: str
    line: int
    deadline: str | None


@dataclass(frozen=True, slots=True, eq=False)
class LeadMention:
    """A cabinet lead: a named member or a role, with role and portfolio when stated."""

    name: str
    line: int
    role: str | None
    portfolio: str | None = None


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def vision(sentence: Sentence) -> Ambition | None:
    """The ambition an "our aim is to ..." sentence states."""
    match = _VISION.search(sentence.text)
    if not match:
        return None
    return Ambition(_capitalise(clean_name(match.group(1))), sentence.line)


def ambition_bullet(block: Block) -> Ambition | None:
    """The ambition a bullet names by its lead phrase ("A healthy city"), if it names one."""
    if block.kind != "bullet":
        return None
    text = strip_list_mark(block.text)
    bold = _BOLD.match(text)
    if len(text.split()) <= 12 and not re.search(r"[.;:!?]", text):
        lead = text.replace("**", "")  # a short bullet is the ambition itself
    elif bold:
        lead = bold.group(1)
    else:
        plain = text.replace("**", "")
        dash = _DASH.search(plain[:90])
        if dash:
            lead = plain[:dash.start()]
        else:
            place = _AMBITION_START.match(plain)
            lead = place.group(0) if place else ""
    lead = clean_name(lead)
    if not _AMBITION_START.match(lead) or len(lead.split()) > 10:
        return None
    return Ambition(lead, block.line)


def commitment(sentence: Sentence) -> Commitment | None:
    """The "we will" commitment in ``sentence``, from "we will" to the sentence's end."""
    text = sentence.text.replace("**", "")
    match = _WE_W.search(text) and _WE_WILL.search(text)
    # A forecast is a "we will" too, so none starts before the first one.
    if not match or _FORECAST.search(text, match.start()):
        return None
    clause = clean_name(text[match.start():]).rstrip(".").strip()
    if len(clause.split()) < 4:
        return None
    deadline = _BY_DATE.search(text) if _BY.search(text) else None
    due = _LEADING_THE.sub("", deadline.group(1)) if deadline else None
    return Commitment(_capitalise(clause), sentence.line, due)


_ROLE_LEAD = re.compile(
    r"\b(?:[Tt]he|[Oo]ur)\s+(Deputy Leader|Leader)\b(?!\s+of\s+the\s+[Oo]pposition)"
)
_BRIEF = re.compile(
    r"\b(?:[Tt]he|[Oo]ur)\s+(Deputy Leader|Leader)\s+has\s+(?:a|the)\s+(?:[Cc]abinet\s+)?"
    r"(?:brief|portfolio|responsibility)\s+(?:on|for)\s+(.+?)(?:\s+to\s+|[,.;]|$)"
)
_CLLR = r"(?:Cllr\.?|Councillor)\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"
_ROLE_THEN_NAME = re.compile(
    rf"\b(?:[Tt]he|[Oo]ur)\s+(current\s+|previous\s+|former\s+|new\s+)?"
    rf"((?:[A-Za-z][\w ]{{0,40}}?\s)?champion|(?:[Cc]abinet|[Ll]ead|[Ee]xecutive)\s+(?:[Mm]ember|[Ll]ead)"
    rf"(?:\s+for\s+[\w ,&]+?)?|[Pp]ortfolio\s+[Hh]older|(?:Deputy\s+)?Leader)"
    rf"\s+\({_CLLR}\)"
)
_NAME_THEN_ROLE = re.compile(
    rf"{_CLLR},\s+(?:the\s+)?((?:Cabinet|Executive|Lead)\s+(?:Member|Lead)|Portfolio Holder|"
    rf"Deputy Leader|Leader)(?:\s+(?:for|of)\s+([^,.;()]+))?"
)
_ROLE_PORTFOLIO = re.compile(
    r"\b(?:[Tt]he|[Oo]ur)\s+([A-Z][\w ]{1,40}?)(?:\s+\((\w+)\))?\s+(\w+)\s+is\s+the\s+"
    r"[Cc]abinet\s+(?:lead|member|Lead|Member)\s+for\s+([^.;,]+)"
)


class LeadFinder:
    """Collects leads across a document's sentences (roles defined once, used later)."""

    def __init__(self) -> None:
        self.leads: dict[str, LeadMention] = {}
        # "OP champion" -> ("Older People champion", "adults and older people")
        self.roles: dict[str, tuple[str, str]] = {}

    def read(self, sentence: Sentence) -> None:
        """Note the leads, roles and portfolios ``sentence`` states."""
        text = sentence.text.replace("**", "")
        # Each pattern needs a word most sentences lack: look for the words before the patterns.
        if "abinet" in text:
            self._read_portfolios(text)
        if "Leader" in text:
            self._read_leader(text, sentence.line)
        if "Cllr" in text or "Councillor" in text:
            self._read_councillors(text, sentence.line)

    def _read_portfolios(self, text: str) -> None:
        for match in _ROLE_PORTFOLIO.finditer(text):
            words, abbreviation, noun, portfolio = match.groups()
            role = f"{words} {noun}"
            self.roles[role.lower()] = (role, portfolio.strip())
            if abbreviation:
                self.roles[f"{abbreviation} {noun}".lower()] = (role, portfolio.strip())

    def _read_leader(self, text: str, line: int) -> None:
        for match in _ROLE_LEAD.finditer(text):
            role = match.group(1)
            self._add(LeadMention(f"the {role}", line, role))
        for match in _BRIEF.finditer(text):
            role, portfolio = match.groups()
            self._add(LeadMention(f"the {role}", line, role, portfolio.strip()))

    def _read_councillors(self, text: str, line: int) -> None:
        for match in _ROLE_THEN_NAME.finditer(text):
            tense, role, name = match.groups()
            if tense and tense.strip() in ("previous", "former"):
                continue
            known = self.roles.get(role.lower())
            self._add(LeadMention(f"Cllr {name}", line, known[0] if known else role,
                                  known[1] if known else None))
        for match in _NAME_THEN_ROLE.finditer(text):
            name, role, portfolio = match.groups()
            role = f"{role} for {portfolio.strip()}" if portfolio else role
            self._add(LeadMention(f"Cllr {name}", line, role,
                                  portfolio.strip() if portfolio else None))

    def _add(self, lead: LeadMention) -> None:
        seen = self.leads.get(lead.name)
        if seen is None:
            self.leads[lead.name] = lead
        elif seen.portfolio is None and lead.portfolio:
            self.leads[lead.name] = LeadMention(seen.name, seen.line, seen.role or lead.role,
                                                lead.portfolio)
