"""What a line of a plan looks like to a planner: a title, a to-do item, a name worth a node.

The general reader's word-level judgements, kept apart from its walk over the blocks: the
numbering and labels plans put before names, the verbs a to-do list starts with, and what is
never an outcome, action or measure (job titles, statistics, figures, links, table headers).
"""

from __future__ import annotations

import re

from stratgraph.loaders.common.dates import BUDGET_YEAR, MONTHS, SEASONS, YEAR, by_date
from stratgraph.loaders.general.cues import heading_mode, is_boilerplate, is_link_line
from stratgraph.loaders.general.statements import capitalise
from stratgraph.loaders.read.furniture import is_page_number, is_site_chrome
from stratgraph.loaders.read.model import Block, BlockKind

IMPLICIT_LEVEL = 7
TERMINAL = ".!?;,"
NUMBERING = re.compile(
    r"^\s*(?:\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})[.)]\s*(?:[a-z]\)\s*)?"
    r"|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?:\s*[a-z]\))?\s+|[A-Z]{1,4}\.?\d{1,3}(?:\.\d{1,2})?[.:]?\s+)")
# "Objective 7", "Priority 3": a label whose name follows on the next heading or line.
LABEL_ONLY = re.compile(
    # "Departmental Strategic Objective 6", "Strategic Housing Priority 1": words naming whose
    # or what kind of priority it is, then the numbered noun, and nothing else: a label
    r"^(?:[\w-]+\s+){0,3}(?:priority|outcome|ambition|objective|aim|goal|mission|pillar)"
    r"\s*(?:\d{1,2}|[A-H]|one|two|three|four|five|six|seven|eight|nine|ten)\s*:?$", re.IGNORECASE)
# "3.1 Obtain sign off ...", "WP.1 Improve ...", or "3.2" alone on its line: a row of an action
# table whose cells a conversion ran into one line.
#: When a description says a thing will be done: "to be delivered up to 2023", "completed by 2024".
DUE_IN_TEXT = re.compile(
    rf"\b(?:by|up\s+to|until|before|due\s+(?:by|in))\s+(?:the\s+end\s+of\s+)?"
    rf"((?:(?:{MONTHS}|{SEASONS})\s+)?{BUDGET_YEAR})\b")
#: An image's description left in a page's text: "Graph showing ...", "Photo of ...",
#: "Green background with white text reading: ...".
ALT_TEXT = re.compile(
    r"^(?:(?:an?\s+)?(?:image|graph|chart|photo(?:graph)?|picture|map|infographic|illustration|icon|logo)"
    r"\s+(?:of|showing|shows|depicting|with)\b|\w+\s+background\s+with\s+\w+\s+text\b)", re.IGNORECASE)
#: An image's file name left in a page's text: "CP1-Strong Economy.jpg".
IMAGE_FILE = re.compile(r"^\S.{0,120}\.(?:jpe?g|png|gif|svg|webp|bmp)$", re.IGNORECASE)
#: A link whose text follows its picture's file name ("M0084668 Plan A 380x200 Chair.jpg Improving
#: existing homes", "35.jpg About us", whose "35." the list reader may take for a number).
IMAGE_LINK = re.compile(r"^(?:\S+\s+){0,5}?\S*\.(?:jpe?g|png|gif|svg|webp|bmp)\s+\S.{0,100}$"
                        r"|^(?:jpe?g|png|gif|svg|webp|bmp)\s+\S.{0,100}$", re.IGNORECASE)
#: Key and rating text of a performance table, not indicators ("Target not achieved").
STATUS_WORDS = re.compile(r"(?i)^(?:target\s+(?:not\s+)?(?:achieved|met|missed)|performance\s+has|previous\s+data|no\s+previous|"
                          r"data\s+not|short\s+trend|long\s+trend|rag\b|direction\b)")
#: The nouns an owner's cell names a person, post or body by.
ROLE_NOUN = re.compile(r"\b(?:Clerk|Cllrs?|Councillors?|Manager|Officer|Head|Director|Team|Service|Council"
                       r"|Board|Lead|Co-?ordinator|Partnership|Assistant|Chief|Member|Group|Unit|Trust)\b")
#: An owner cell of a flattened row may hold a comma: "Head of Operations, City Parks".
#: Words of a table header a web copy ran into one line.
FLAT_HEADER_WORDS = re.compile(
    r"\b(?:reference|ref|goals?|indicators?|measures?|kpis?|baselines?|targets?|lead\s+officer|owner"
    r"|timescales?|deadline|actions?|activit(?:y|ies)|status|progress|priority|outcomes?|responsible"
    r"|good\s+is|polarity|actuals?|outturns?|aim|year\s+to\s+date|direction\s+of\s+travel|trend)\b",
    re.IGNORECASE)
#: Nouns a table's header names its people and timing columns by, beyond FLAT_HEADER_WORDS.
_HEADER_NOUNS = re.compile(r"(?i)\b(?:lead|leads|officers?|directorates?|cabinet|members?|portfolio|holders?"
                           r"|departments?|completion|dates?|who|when|timescales?|responsibility"
                           # "Result Metric for measurement Reference": a key results table's header
                           r"|results?|metrics?|measurement)\b")


def column_names_only(text: str) -> bool:
    """A line that is nothing but a table header's column names ("Lead officer Lead directorate
    Lead Cabinet Member", "Timescales for completion", "Ref Activity"): the rest of a header a web copy split
    over lines, never a heading."""
    text = text.replace("**", "")
    named = len(FLAT_HEADER_WORDS.findall(text)) + len(_HEADER_NOUNS.findall(text))
    rest = _HEADER_NOUNS.sub(" ", FLAT_HEADER_WORDS.sub(" ", text))
    # joining words may stand between the names ("Timescales for completion")
    return named >= 2 and not re.sub(r"(?i)\b(?:for|of|and|by|to)\b|[&/]", " ", rest).strip()


#: A row's reference at the start of a flattened table row: "1.4.1.KR", "PI 12", "HL3".
FLAT_REF = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){1,3}(?:\.[A-Z]{1,4})?|[A-Z]{1,4}\s?\d{1,3}[a-z]?(?:\.\d{1,2})?)\b\.?")
#: A KPI row's polarity cell before its target ("... composting) High 45%", "Low 10% reduction"):
#: which way is good, as a "Good is" column says it.
POLARITY_CELL = re.compile(r"(?:^|\s)(?P<direction>High(?:er)?|Low(?:er)?)\s+(?P<target>(?:[a-z]\)\s*)?[+-]?\d.*|New)$")
#: The figures that end a KPI row, after its name: "... within 90 seconds NA 72 81 79 85 88.75".
TRAILING_VALUES = re.compile(r"(?:\s+(?:[+-]?\d[\d,.]*%?|n/?a|N/?A|NA|TBC|tba|New(?:\s+measure)?|-))+$")
#: A row's first cell ended by a link's label in brackets: "The public is kept safe (measure
#: definition) % 24-hour appliance availability ...": the group's name, then the row's.
LABELLED_FIRST_CELL = re.compile(r"^(?P<first>[A-Z][^()]{3,80}?)\s+\((?P<label>[a-z][a-z ]{2,30})\)\s+(?P<rest>\S.*)$")
#: A performance rating closing an indicator's line: "... composting (Green)", "(Red)", "[Amber]".
RAG_RATED = re.compile(r"\s*[(\[]\s*(Green|Amber|Red|Blue|Grey|Gray|Purple|Red/Amber|Amber/Green)\s*[)\]]\s*$", re.IGNORECASE)
#: The label of one field of an objective's block, on its own line above its value
#: ("Performance measure(s)" / "Tonnes of CO2 equivalent"): which field the value fills.
FIELD_LABELS = (
    ("measure", re.compile(r"(?i)^(?:(?:key\s+)?performance\s+)?(?:measures?|indicators?|kpis?)(?:\s*\(s\))?\s*:?$")),
    ("target", re.compile(r"(?i)^(?:what\s+(?:does\s+)?success\s+(?:will\s+|would\s+)?looks?\s+like|measures?\s+of\s+success"
                          r"|success\s+(?:measures?|criteria)|how\s+will\s+we\s+know(?:\s+we(?:'ve|\s+have)\s+succeeded)?"
                          r"|targets?|our\s+targets?)\s*[:?]?$")),
    ("method", re.compile(r"(?i)^(?:how\s+(?:this|it|they|these)\s+(?:will\s+be|is|are)\s+measured|how\s+we\s+(?:will\s+)?measure(?:\s+it)?"
                          r"|data\s+sources?|source\s+of\s+data|frequency(?:\s+of\s+reporting)?|reporting\s+frequency)\s*:?$")),
)
#: A sub-item's letter before a measure's name: "a) Effective enforcement actions".
SUB_ITEM = re.compile(r"^\(?[a-z]\)\s*")
#: A name that counts or rates something: an indicator's own name, not a category's.
# ("% of schools ...": the sign has no word boundary after it, so it is matched with its space.)
QUANTITY = re.compile(r"(?i)^(?:%\s|(?:the\s+)?(?:number|numbers|proportion|percentage|rate|average|total|amount|level|count|value)\s+of\b)")
#: Where an indicator's name ends and its figures begin: "New", "2,300", "20%", "n/a", "+2%".
FIRST_FIGURE = re.compile(r"\s(?:[+-]?\d[\d,.]*%?|New|n/?a|TBC|Establish\b)(?=\s|$)")
#: A date cell of a flattened row: "16/17", "FY17-18", "2025/26", "March 2025", "Q3 2024/25".
FLAT_WHEN = re.compile(
    rf"^(?:\d{{2}}/\d{{2}}|FY\s?\d{{2}}(?:[-/]\d{{2}})?|{BUDGET_YEAR}|(?:Q[1-4]|Quarter\s+[1-4])(?:\s+{BUDGET_YEAR})?"
    rf"|(?:{MONTHS}|{SEASONS})\s+{YEAR}|ongoing|annually|annual)$", re.IGNORECASE)
#: An owner cell of a flattened row: "Clerk", "Cllr Hooper + Clerk", "Head of Housing".
OWNER_CELL = re.compile(r"^(?:Clerk|Cllrs?\b|Councillors?\b|[A-Z][a-z]+(?:\s+(?:of|and|&|\+|[A-Z][\w&+]*))*)[\w\s&+,]*$")
#: "1.", "2)", "(a)", "iv." before a line: a numbered item written as a paragraph.
CODE = re.compile(r"^\s*\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+(?=[A-Z])")
REF = re.compile(r"^(?:\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?:\s*[a-z]\))?|[A-Z]{1,4}\.?\d{1,3}(?:\.\d{1,2})?[.:)]?)(?=\s|$)")
WHEN = re.compile(
    rf"\b(?:Quarter\s+[1-4](?:\s+{BUDGET_YEAR})?|Q[1-4](?:\s+{BUDGET_YEAR})?|(?:{MONTHS}|{SEASONS})\s+{YEAR}"
    rf"|{YEAR}/\d\d|Ongoing)\b")
JOB_TITLE = re.compile(
    r"^(?:the\s+)?(?:(?:assistant|deputy|executive|strategic|corporate|interim|acting)\s+)*"
    r"(?:director|head|chief\s+\w+|manager|officer|cabinet\s+member|portfolio\s+holder|leader|chair(?:man|person)?"
    r"|commissioner|clerk|mayor)\b(?:\s+(?:of|for)\s+.*)?$",
    re.IGNORECASE,
)
STATISTIC = re.compile(r"^[\W\d]*\d[\d,.]*\s*(?:%|per\s*cent|m|k|bn|million|billion)?\b")
HEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-H]\.|[IVX]{1,4}\.)\s+(?=[A-Z])")
#: "Deliver the Skills Hub by September 2026": group 1 the date.
BY_WHEN = by_date(seasons=True, ignore_case=True)
FIGURE_END = re.compile(r"(?:£\s?[\d,.]+\s*(?:m|k|bn|million|billion)?|\d[\d,]*\.\d+\s*[mk%]?|\d{1,3}(?:,\d{3})+)\s*\W*$")
TITLE_DASH = re.compile(r"^(?P<title>[^:–—]{3,90}?)\s*(?::|\s[–—-]\s)\s*(?P<rest>\S.{10,})$")
PARTNERSHIP_END = re.compile(r"\b(?:Partnership|Board|Trust|Forum|Panel|Alliance|Network|Group|Commission|Committee)\b")
WORDS = re.compile(r"[a-z]{3,}")
# The verbs a plan's to-do list starts with ("Expand the Park and Ride", "Progressing the loop").
#: The verbs a plan's to-do list starts with, as stems ("Expand the Park and Ride", "Providing
#: affordable homes", "Progressing the loop"). Past tense is left out: done, not to do.
PLANNING_VERBS = frozenset("""
    deliver develop expand review retrofit build launch introduce implement create provide establish
    invest open complete publish promote explore progress extend upgrade refurbish install recruit train
    commission procure adopt agree produce prepare consult bring tackle reduce increase improve support
    ensure maintain secure run hold plant replace repair restore modernise transform redesign design
    pilot trial test embed strengthen enable encourage help protect work make put achieve continue
    respond engage partner fund offer target raise cut close merge move obtain enhance update digitise
    simplify stimulate boost accelerate attract grow double halve widen unlock champion lobby campaign
    monitor evaluate assess identify lead coordinate co-ordinate prioritise celebrate safeguard prevent
    reform rebuild regenerate revitalise retain keep give set become consider negotiate maximise
    minimise empower facilitate foster nurture drive pursue seek meet invest innovate integrate align
    streamline collaborate share address reuse recycle conserve adapt mitigate deploy roll carry set
    undertake bring provide create
    prioritise prioritize conduct identify define submit select decide
    appoint request limit devolve freeze
""".split()) - {"set", "plan", "map"}  # as often nouns ("Planning applications", "Sets out")
_FIRST_WORD = re.compile(r"^\s*(?:(?:continu(?:e|ing)\s+to|work(?:ing)?\s+(?:with\s+\S+\s+)?to)\s+)?([A-Za-z-]+)")
_DATED_PAST = re.compile(r"^\S+\s+(?:by|in|on)\s+20\d\d")
#: A verb's word used as a noun or adjective in an indicator's name: "Working age people
#: claiming ...", "Support per 100,000 population".
_NOUN_USE = re.compile(r"(?i)^\S+\s+(?:age\b|per\s+[\d,]+)")


def _stems(word: str) -> tuple[str, ...]:
    """The verb stems a word may be: "providing" -> provide, "plans" -> plan, "tackles" -> tackle."""
    w = word.lower()
    out = [w]
    if w.endswith("ing") and len(w) > 5:
        base = w[:-3]
        out += [base, base + "e"]
        if len(base) > 2 and base[-1] == base[-2]:
            out.append(base[:-1])  # "planning" -> plan
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s"):
        out.append(w[:-1])
    return tuple(out)


class _Imperative:
    """``IMPERATIVE.match(text)``: whether a line starts with a planning verb (or its -ing/-s)."""

    @staticmethod
    def match(text: str) -> bool:
        m = _FIRST_WORD.match(text)
        if not m or _DATED_PAST.match(text.strip()) or _NOUN_USE.match(text.strip()):
            return False
        return any(stem in PLANNING_VERBS for stem in _stems(m.group(1)))


IMPERATIVE = _Imperative()
STOP = frozenset({"and", "the", "for", "with", "our", "of", "services", "service", "council"})


def clean(text: str) -> str:
    """A name as a node carries it: no numbering, bullets or emphasis, and without a trailing
    ", which ..." clause ("Deliver the Family Hubs programme, which is a national initiative")."""
    text = text.replace("**", "")
    text = NUMBERING.sub("", text, count=1)
    head, sep, _ = text.partition(", which ")
    if sep and len(head.split()) >= 4:
        text = head
    return capitalise(text.strip(" -–—•*·▪"))


# A sentence about the plan's outcomes rather than one of them.
NOT_AN_OUTCOME = re.compile(
    r"^(?:we|our\s+\d+|the\s+vision|this|these|there|it|you|they"
    # "Below is a list of objectives and measures": a line introducing a list, not in it.
    r"|(?:below|above|here|the\s+following)\s+(?:is|are)\s+(?:a\s+|the\s+)?(?:list|summary|table|set)"
    r"|as\s+(?:agreed|approved|detailed|set\s+out|described|amended))\b"
    r"|\b(?:is|are|the|of|to|and|for|by|our|with|a|an)\s*$"
    # "The plan has 5 core goals.", "The Strategic Plan is made up of eight priorities.": a
    # sentence counting the priorities, not one of them.
    r"|\b(?:has|have|is\s+made\s+up\s+of|comprises?|contains?|includes?|sets\s+out|are)\s+"
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}"
    r"(?:priorities|outcomes|goals|objectives|aims|ambitions|themes|missions|pillars)\W*$"
    # "Priorities and actions to address these objectives will be published annually.": what
    # the council will do with the document, said in the passive.
    r"|\bwill\s+be\s+(?:published|reviewed|updated|reported|agreed|developed|produced|set\s+out|monitored)\b"
    # "Equality of opportunity is central to the Council's objectives and values 2022-25.": a
    # sentence about the set of objectives (their place, their source), not one of them.
    r"|\b(?:is|are)\s+(?:central|key|fundamental|integral|core|at\s+the\s+heart)\s+(?:to|of)\s+(?:the\s+|our\s+|its\s+|their\s+)?"
    r"(?:[\w'’-]+\s+){0,2}(?:priorities|outcomes|goals|objectives|aims|ambitions|values|vision)\b",
    re.IGNORECASE)
#: "Published in January 2023", "Published - June 2024", "Last updated: 3 May 2024": when the
#: page was published, not its content.
DATE_STAMP = re.compile(r"(?i)^(?:published|last\s+(?:updated|reviewed|modified)|updated|posted)\s*(?:in|on|:|-|–)?\s*"
                        r"(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}$")
#: "Targets for 'Quickly back to work' strategic intent Actions Milestones": a table's header row
#: run into one line by a web copy, its last two (or more) column names in title case.
#: (Only the columns of what a plan delivers: a row header ending "... Deadline Status" is one a
#: flattened action table's reader reads, see _flat_header.)
_COLUMN = (r"(?:Targets?|Actions?|Milestones?|Measures?|Indicators?|Objectives?"
           # "Objective Measuring success": an objectives table's header, its cells on one line
           r"|Measuring\s+(?:[Ss]uccess|[Pp]rogress)|Measures?\s+of\s+[Ss]uccess|Success\s+[Mm]easures?)")
RUN_TOGETHER_HEADER = re.compile(rf"\b{_COLUMN}(?:\s+{_COLUMN})+$")
#: "1: Promoting sustainable living ...": a line numbered with a colon, as a plain-text list
#: is typed where the page has no list markup.
NUMBER_COLON = re.compile(r"^\d{1,2}\s*:\s+(?=[A-Z])")
#: "Town Council Plan 2020", "Corporate Strategy 2023-2028": a document's own name in title
#: case (a link to it, or its title repeated), never one of its priorities.
DOCUMENT_NAME = re.compile(
    r"^(?:[A-Z][\w'’&-]*\s+){0,6}(?:Plan|Strategy|Framework)(?:\s+\d{4}(?:\s*[-–/]\s*\d{2,4})?)?$")
# Words of an action or KPI table's header row, run together on one line by a conversion.
HEADER_WORDS = re.compile(r"\b(?:lead|officer|directorate|timescales?|ref|activity|baseline|status|owner"
                           r"|responsible|deadline|indicator|rag)\b", re.IGNORECASE)


#: "... reducing indebtedness. Lead Service – Finance.": who leads an item, said after it.
LEAD_TAIL = re.compile(
    r"[.;,]?\s*\(?\b(?:lead(?:\s+(?:service|officer|directorate|department|member|partner|agency|organisation|team))?"
    r"|led\s+by|responsible\s+officer)\s*[:–—-]\s*(?P<owner>[A-Z][^.;:()]{1,60}?)\)?\s*\.?\s*$",
    re.IGNORECASE)
#: "Action - Deliver the Housing First initiative ...", "Action 3: Review ...": an action table
#: a web page set as labelled lines, its row's other cells as labelled lines under it.
ACTION_LABEL = re.compile(
    r"^(?:action|activity|task|deliverable)(?:\s+(?:\d{1,2}(?:\.\d{1,2})*|[a-h]))?\s*(?:[:–—]|\s-\s)\s*(?P<name>\S.{10,})$",
    re.IGNORECASE)
#: The labelled cells under such an action: "year - ongoing", "year 1", "Lead: Housing
#: Options Manager", "target /outcome - virtually eliminate rough sleeping ...".
ACTION_CELL = re.compile(
    r"^(?P<label>year|timescales?|by\s+when|deadline|target\s+date|due(?:\s+date)?|when|lead(?:\s+officer)?"
    r"|owner|responsible|led\s+by|status|target\s*/\s*outcome|outcome\s*/\s*target|success\s+measures?"
    # A tracker's fields under its coded objective ("Directorate: Delivery", "Section: Public
    # Health", "Stage: In progress", "Percentage complete: 80%").
    r"|directorate|section|service\s+area|team|stage|percentage\s+complete|%\s+complete|progress|rag(?:\s+status)?"
    r"|measures?\s+of\s+success)\s*(?:[:–—-]\s*|(?=\s+\d))\s*(?P<value>\S.*)$",
    re.IGNORECASE)
#: "Objective Measuring success", "Outcome Success measures": the header of a two-column table of
#: outcomes and how each is measured, its cells run into one line by a web copy.
OUTCOME_MEASURE_HEADER = re.compile(
    r"(?i)^(?:(?:strategic|key|equality|corporate)\s+)?(?:objectives?|outcomes?|priorit(?:y|ies)|aims?|goals?)\s+"
    r"(?:measuring\s+(?:success|progress)|measures?(?:\s+of\s+success)?|success\s+measures?|how\s+we\s+will\s+measure\b.*"
    r"|(?:key\s+)?(?:performance\s+)?indicators?)$")
#: Where the second cell of such a row begins: after the first cell's full stop, or at a
#: capitalised word right after a lower-case one ("... managing equalities Our system for ...").
_CELL_START = re.compile(r"(?<=[a-z0-9])\.\s+(?=[A-Z‘'\"])|(?<=[a-z])\s+(?=[A-Z][a-z])")


def split_two_cells(text: str) -> tuple[str, str | None]:
    """An outcome row's two cells run into one line: the outcome and its measure of success
    (``None`` when no cell break can be read)."""
    for cut in _CELL_START.finditer(text):
        first, second = text[:cut.start()].strip(), text[cut.end():].strip()
        if FRAGMENT_END.search(" " + first.split()[-1]):
            continue  # "... with the Equality Act": a cell never ends on "the"; a name goes on
        if len(first.split()) >= 3 and len(second.split()) >= 3:
            return first + ("." if text[cut.start()] == "." else ""), second
    return text, None


#: A short name that stops on a word that cannot end one ("In preparing the").
#: ("Tackle domestic abuse; and": a list's joining word after the item's own stop is no break.)
FRAGMENT_END = re.compile(r"(?i)(?<![;,])\s(?:the|a|an|of|to|and|or|in|for|with|by|on|our|their|its|from)\s*$")
#: A page's record of a meeting or a publication ("Meeting: 06/12/2017 - Cabinet (Item 48)",
#: "Published: 2 July 2025"): when, not what the plan is for.
META_LINE = re.compile(r"^(?:meeting|date|published|updated|issued|last\s+(?:updated|reviewed)|decided\s+at"
                       # A decision notice's or report cover's fields ("Is Key decision?: No",
                       # "Wards affected: All"), a tracker's ("Status: Green", "Due date: ...").
                       r"|decision\s+(?:maker|status|type)|is\s+(?:key\s+decision|subject\s+to\s+call[\s-]in|callable\s+in)\??"
                       r"|wards?\s+affected|(?:lead\s+officer\s+and\s+)?report\s+authors?|classification|final\s+decision[\s-]maker"
                       # "Date range: 23 September 2021 to April 2024": a plan page's period field.
                       r"|publication\s+date|date\s+(?:range|of\s+decision)|effective\s+from|(?:accompanying|supporting|additional)\s+documents"
                       r"|status|stage|directorate|section|percentage\s+complete|due\s+date|rag(?:\s+status)?|contact\s+officer)\s*:",
                       re.IGNORECASE)
#: The same fields as bare labels on a line of their own ("Wards affected", "Report author"),
#: and a tracker's "Objective details" over its items.
META_LABEL = re.compile(r"(?i)^(?:decision\s+(?:maker|status)|is\s+key\s+decision\??|wards?\s+affected"
                        r"|(?:lead\s+officer\s+and\s+)?report\s+authors?|final\s+decision[\s-]maker|lead\s+head\s+of\s+service"
                        r"|(?:objective|project|action|indicator|measure|priority)\s+details"
                        # a decision notice's "Reason for Decision", "Alternative Options Considered and Rejected"
                        r"|reasons?\s+for\s+(?:the\s+)?(?:decision|recommendations?)|alternative\s+options(?:\s+considered)?(?:\s+and\s+rejected)?"
                        # "RESOLVED: that Cabinet": a meeting's decision over its resolutions.
                        r"|(?:it\s+was\s+)?(?:resolved|recommended)(?:\s*:)?(?:\s+that\b[^.:]{0,40})?)\s*[:-]?$")
#: A count of items by status, as a performance summary gives it: "1 has not started (less
#: than 1%)", "64 are complete (55%)"; or a chart's counts by colour: "Red, 14 (15%); Green,
#: 78 (82%)".
STATUS_COUNT = re.compile(
    r"^\d[\d,]*\s+(?:[a-z]+\s+){0,5}[a-z]+\s*\((?:less\s+than\s+|over\s+|about\s+)?\d+(?:\.\d+)?\s*%\)\s*\W*$"
    r"|^(?:(?:red|amber|green|blue|grey|gray)\W+\d[\d,]*\W+(?:\d+(?:\.\d+)?\s*%\W*)?){2,}$",
    re.IGNORECASE)


#: "Delivering the plan", "Monitoring this strategy": a chapter about the document's own
#: delivery, its title no priority (its content is still read: it may commit to things).
ABOUT_DELIVERY = re.compile(
    r"(?i)^(?:delivering|implementing|monitoring|reviewing|refreshing|publishing)\s+(?:the|this|our)\s+"
    r"(?:[\w-]+\s+){0,2}(?:plan|strategy)$"
    # "(we will) track our progress against these ...": how the indicators named before are used.
    r"|^(?:we\s+)?(?:track|monitor|measure)\s+(?:our\s+|the\s+)?progress\s+(?:against|towards|on)\s+"
    r"(?:these|them|those|the\s+(?:indicators|measures|targets))\b")


#: "For more information email health@council.gov.uk", "For further details contact the Policy
#: Team on 01234 567890": a contact line, whatever its verb; an address or phone number in a
#: line names how to reach someone, not what the plan delivers.
CONTACT_LINE = re.compile(
    r"(?i)^(?:for\s+(?:more|further)\s+(?:information|details|help)|to\s+find\s+out\s+more|please\s+(?:contact|email|call|get\s+in\s+touch)"
    r"|contact\s+(?:us|the\s+\w+(?:\s+\w+)?\s+(?:team|service|office))\b|e-?mail\s+us|call\s+us|get\s+in\s+touch)\b"
    r"|[\w.+-]+@[\w-]+\.[\w.]+|(?<!\d)(?:\+44\s?|0)\d{2,4}\s?\d{3}\s?\d{3,4}(?!\d)")
#: "We have already installed 30 cameras since 2020", "Residents told us they want more visible
#: policing", "This priority links to our Community Safety Strategy": what was done, what
#: people said, how the item relates to others, set among the items; none is one of them.
REPORTED_LINE = re.compile(
    r"(?i)^(?:we\s+(?:have|'ve|’ve|had|did|were|was)\b(?!\s+to\b)"
    r"|(?:residents|people|you|customers|tenants|communities|partners|businesses|young\s+people|the\s+public)\s+"
    r"(?:told|said|asked|tell|say)\b"
    r"|(?:this|these|it)\s+(?:priority|priorities|plan|strategy|work|section|objective|theme|outcome|action)s?\s+"
    r"(?:links?|is|are|was|were|relates?|supports?|contributes?|aligns?)\b"
    # "The objectives and measures that will support the corporate priorities ... were agreed at
    # January's full authority meeting": a report of the set's approval, not one of its items
    r"|(?:the|these)\s+(?:objectives|priorities|outcomes|measures|targets|indicators)(?:\s+and\s+\w+)?\b[^.;]{0,100}?"
    r"\b(?:were|was|have\s+been|had\s+been)\s+(?:agreed|approved|adopted|endorsed|noted|considered)\b)")
#: "Our commitment to residents", "Our aim": the label of an aim or pledge set among the items.
AIM_LABEL = re.compile(r"(?i)^our\s+(?:commitments?|aims?|ambitions?|vision|promises?|pledges?)(?:\s+(?:to|for)\s+[\w\s]{1,30})?$"
                       # "Why this matters": the heading of a priority's reasons (its section
                       # is still read: its steps follow)
                       r"|^why\s+(?:this|it)\s+(?:matters|is\s+important)$|^why\s+is\s+(?:this|it)\s+important\??$")


#: "Angela Woodhouse Head of Policy ...", "Anna Collier Policy and Information Manager": an
#: officer's name and post on a report's cover.
_NAMED_POST = re.compile(
    r"^[A-Z][a-z]+\s+[A-Z][a-z'’-]+\s+(?:Head\s+of\b.{0,80}|(?:[A-Z][\w&-]*\s+(?:and\s+)?){0,6}"
    r"(?:Manager|Officer|Director|Adviser|Advisor))$")
#: "Strategic Planning and Infrastructure Committee" alone on its line: the meeting, not an item.
_COMMITTEE_ONLY = re.compile(r"^(?:[A-Z][\w&,'’-]*\s+(?:and\s+|of\s+|for\s+)?){1,8}Committee$")


def bad_name(name: str) -> bool:
    """A job title, statistic, link or fragment: never an outcome, action or measure."""
    if len(name) < 3 or not re.search(r"[A-Za-z]{3}", name):
        return True
    if JOB_TITLE.match(name) or is_link_line(name) or is_site_chrome(name) or is_page_number(name):
        return True
    if re.match(r"(?i)^(?:cllrs?|councillors?|clerk)\b", name) or re.search(r"https?://|www\.", name):
        return True
    if (heading_mode(name) is not None and len(name.split()) <= 4) or is_boilerplate(name) or "|" in name:
        return True
    if len(HEADER_WORDS.findall(name)) >= 3 and len(name.split()) <= 10:
        return True
    if META_LINE.match(name) or META_LABEL.match(name) or STATUS_COUNT.match(name) or ABOUT_DELIVERY.match(name) or CONTACT_LINE.search(name) \
            or AIM_LABEL.match(name) or REPORTED_LINE.match(name):
        return True
    if len(name.split()) <= 5 and FRAGMENT_END.search(name):
        return True  # "In preparing the": a line broken off mid-phrase, naming nothing
    if (_NAMED_POST.match(name) and not IMPERATIVE.match(name)) or _COMMITTEE_ONLY.match(name):
        return True  # "Anna Collier Policy and Information Manager", "Planning Committee": who, not what
    if STATISTIC.match(name) and len(name.split()) <= 6:
        return True
    if FIGURE_END.search(name) and len(name.split()) <= 8:
        return True  # "Full Time Equivalent (FTE) staff 2,370.3", "Capital Budget £3.1m"
    return False


def title_like(block: Block) -> bool:
    """A plain-text line that reads as a heading: short, no closing punctuation, capitalised."""
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    text = block.text.strip()
    if text.startswith("**") and text.endswith("**") and text.count("**") == 2:
        text = text.strip("*")
    words = text.split()
    if not 1 <= len(words) <= 12 or len(text) > 90 or text[-1] in TERMINAL or text.endswith((":", ":-")):
        return False
    if "|" in text or not (text[0].isupper() or text[0].isdigit()) \
            or text.lower().startswith(("we ", "i ", "it ", "this ")):
        return False
    return bool(re.search(r"[A-Za-z]{3}", text)) and not STATISTIC.match(text) and not FIGURE_END.search(text)


def content_words(text: str) -> set[str]:
    return {w for w in WORDS.findall(text.lower()) if w not in STOP}
