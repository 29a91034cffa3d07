"""The plan itself: title, publishing body (its full name), period and kind.

Public bodies name themselves in a few fixed ways: "X City Council", "Royal Borough of X",
"NHS X Integrated Care Board", "X Combined Authority", "Police and Crime Commissioner for X",
"X Fire and Rescue Authority". The body a plan names most often near its top, in its title
lines first, publishes it; a body merely mentioned (a partner, a neighbour) rarely wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from stratgraph.loaders.common.plan_info import PlanInfo, period_end
from stratgraph.loaders.read.model import Block, BlockKind

# A place name: capitalised words, hyphen-joined parts ("Southend-on-Sea", "Newcastle-under-Lyme",
# "Stockton-on-Tees") and "and" between places ("Windsor and Maidenhead", "Argyll and Bute").
_WORD = r"(?:[A-Z][\w'’]*(?:-(?:[a-z]{1,5}-)?[A-Z][\w'’]*)*|St\.?|of|the|upon|and|&)"
_PLACE = rf"(?:[A-Z][\w'’.]*(?:-(?:[a-z]{{1,5}}-)?[A-Z][\w'’]*)*)(?:\s+{_WORD}){{0,5}}?"
# After "Borough of" the place runs to its last capitalised word.
_PLACE_TAIL = r"(?:[A-Z][\w'’.]*(?:-(?:[a-z]{1,5}-)?[A-Z][\w'’]*)*)(?:\s+(?:and|&|upon)\s+[A-Z][\w'’]*|\s+[A-Z][\w'’]*){0,4}"
_ORGANISATION = re.compile(
    rf"\b(?P<org>"
    rf"NHS\s+{_PLACE}\s+Integrated\s+Care\s+Board"
    rf"|{_PLACE}\s+Integrated\s+Care\s+(?:Board|Partnership|System)"
    rf"|(?:Police(?:,\s+Fire)?(?:\s+and\s+Crime|\s+Fire\s+and\s+Crime)\s+Commissioner\s+for\s+{_PLACE})"
    rf"|{_PLACE}\s+(?:Police(?:,\s+Fire)?\s+and\s+Crime\s+Commissioner|Combined\s+Authority"
    rf"|Fire\s+and\s+Rescue\s+(?:Authority|Service)|National\s+Park\s+Authority|Mayoral\s+Combined\s+Authority)"
    rf"|(?:Royal\s+Borough|London\s+Borough|City|County\s+Borough|County|Borough|Metropolitan\s+Borough)\s+of\s+{_PLACE_TAIL}(?:\s+Council)?"
    rf"|{_PLACE}\s+(?:City|County|Borough|District|Metropolitan\s+Borough|County\s+Borough|Town|Parish|Community)\s+Council"
    rf"|{_PLACE}\s+Council"
    # "Limit Council Tax increases to 3% a year": the tax, not a body called "Limit Council".
    rf")\b(?!\s+[Tt]ax\b)"
)
# Words that start a sentence or a role, never a place: "The County Council", "Our Council".
_NOT_PLACE = frozenset({"The", "Our", "This", "That", "A", "An", "Your", "Each", "Every", "Full",
                        "County", "City", "Borough", "District", "Town", "Parish", "Cabinet",
                        "Leader", "Member", "Members", "Welcome", "Local", "Whole", "Policy",
                        "Executive", "Scrutiny", "Annual", "Councillor", "Cllr", "Strategy",
                        "Plan", "Corporate", "Report", "When", "How", "What", "Why", "If",
                        "Priorities", "Priority", "Vision", "Aims", "Objectives", "Outcomes",
                        "Ambitions", "Strategic", "Delivery", "Business", "Performance", "Welcome"})
_ROLE_WORDS = frozenset({"Chair", "Chairman", "Mayor", "Leader", "Member", "Cabinet", "Director",
                         "Executive", "Commissioner's", "Head", "Officer", "Councillor", "Cllr"})
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|—|to|/|until)\s*((?:19|20)\d\d|\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_KINDS = (
    ("police and crime plan", re.compile(r"\bpolice,?\s+(?:fire\s+)?and\s+crime\s+plan\b", re.I)),
    ("delivery plan", re.compile(r"\b(?:delivery|action)\s+plan\b", re.I)),
    ("corporate plan", re.compile(r"\bcorporate\s+(?:plan|strategy)\b", re.I)),
    ("council plan", re.compile(r"\bcouncil\s+plan\b", re.I)),
    ("business plan", re.compile(r"\bbusiness\s+plan\b", re.I)),
    ("strategic plan", re.compile(r"\bstrategic\s+plan\b", re.I)),
    ("performance report", re.compile(r"\b(?:performance|annual)\s+(?:report|review)\b|\bperformance\s+measures\b", re.I)),
    ("outcomes plan", re.compile(r"\boutcomes?\s+(?:improvement\s+)?(?:plan|framework)\b", re.I)),
    ("well-being objectives", re.compile(r"\bwell-?being\s+objectives\b", re.I)),
    ("management plan", re.compile(r"\bmanagement\s+plan\b|\brisk\s+management\s+plan\b", re.I)),
    ("strategy", re.compile(r"\bstrategy\b", re.I)),
    ("plan", re.compile(r"\bplan\b", re.I)),
)
_TITLE_WORDS = re.compile(r"\b(?:plan|strategy|framework|priorities|objectives|report|ambitions?|vision|statement)\b", re.I)
#: A heading may title a page of several documents ("Key Plans and Strategies"); a paragraph
#: in the plural is as often an item ("Provide strategies for older residents ...").
_HEADING_TITLE_WORDS = re.compile(r"\b(?:plans|strategies|frameworks)\b", re.I)


def _clean_org(name: str) -> str | None:
    name = " ".join(name.split())
    words = name.split()
    while words and words[0] in _NOT_PLACE and not name.startswith(("City of", "County of")):
        words = words[1:]
        if words and words[0] in ("of", "for", "to"):
            words = words[1:]
        name = " ".join(words)
    if not words or words[0] in ("Council",) or len(words) < 2:
        return None
    if any(w in _ROLE_WORDS for w in words):
        return None  # "Mayor of West Yorkshire and Chair of the Combined Authority": a role
    if words[0][0].islower():
        return None
    return name


def organisations(text: str) -> list[str]:
    """Every public body's full name in ``text``, in order."""
    found = []
    for m in _ORGANISATION.finditer(text):
        name = _clean_org(m.group("org"))
        if name:
            found.append(name)
    return found


def organisation(blocks: Sequence[Block], opening: int = 12) -> str | None:
    """The body that publishes the plan: named most in the opening blocks, else in the whole."""
    weighted: Counter[str] = Counter()
    order: dict[str, int] = {}
    for index, block in enumerate(blocks):
        weight = 3 if index < opening else 1
        # A table's cells one by one: a name runs on over no cell's edge ("G" / "Use Council
        # assets ..." is no body).
        texts = [cell for row in block.rows for cell in row] if block.kind is BlockKind.TABLE and block.rows \
            else [block.text]
        for name in (n for text in texts for n in organisations(text)):
            weighted[name] += weight
            order.setdefault(name, index)
    if not weighted:
        return None
    best = max(weighted, key=lambda n: (weighted[n], -order[n]))
    # One passing mention deep in the text names a partner or a neighbour, not the publisher.
    return best if weighted[best] >= 2 else None


def period(text: str) -> tuple[int | None, int | None]:
    """The plan's years from a title or opening line: "2024-28", "2024 to 2029", "2025/26"."""
    if m := _PERIOD.search(text):
        start = int(m.group(1))
        end = period_end(start, m.group(2))
        if end - start <= 30:
            return start, end
    if m := _YEAR.search(text):
        return int(m.group(1)), None
    return None, None


def kind_of(title: str) -> str:
    """The kind of plan a title names."""
    for kind, pattern in _KINDS:
        if pattern.search(title):
            return kind
    return "plan"


def plan_info(blocks: Sequence[Block], name: str) -> PlanInfo:
    """Title (the first top heading, else the first title-like opening line), body, period, kind."""
    title, line = "", 1
    headings = [b for b in blocks[:25] if b.kind is BlockKind.HEADING]
    if headings:
        top = min(h.level for h in headings)
        first = next(h for h in headings if h.level == top)
        title, line = first.text, first.line
    # A minute's item heading may run long ("C229 Vale of Glamorgan Public Services Board Draft
    # Well-being Plan (l) (Scrutiny Committee – ...) -"): a heading is still the title, a
    # paragraph that long is prose.
    candidates = [b for b in blocks[:15] if b.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH)
                  and _TITLE_WORDS.search(b.text) and b.text.rstrip()[-1:] not in ".:;,!?"
                  and (len(b.text) < 120 and len(b.text.split()) <= 15
                       or b.kind is BlockKind.HEADING and len(b.text) < 200 and len(b.text.split()) <= 25)]
    if candidates and (not title or not (_TITLE_WORDS.search(title) or _HEADING_TITLE_WORDS.search(title))):
        title, line = candidates[0].text, candidates[0].line
    if not title:
        stem = name.rsplit(".", 1)[0]
        title = stem.replace("-", " ").replace("_", " ").strip() or name
        line = blocks[0].line if blocks else 1
    title = " ".join(title.replace("**", "").split())
    title = re.sub(r"(?i)^(?:subject|title|report\s+title|re)\s*:\s*", "", title) or title
    start, end = period(title)
    if start is None:
        for b in blocks[:15]:
            if _TITLE_WORDS.search(b.text) and len(b.text) < 200:
                start, end = period(b.text)
                if start is not None:
                    break
    return PlanInfo(title, max(line, 1), organisation(blocks), start, end, kind_of(title))
