"""The words that tell a planner what a list, heading or table holds.

A heading or a lead-in line ("Our four strategic priorities are:", "What we will do",
"How we will measure success") sets what the items under it are: outcomes, actions or
measures. These cue words are the general reader's vocabulary; each is English council usage,
not any one council's phrasing.
"""

from __future__ import annotations

import re
from enum import Enum


class Mode(str, Enum):
    """What the items under a cue are."""

    OUTCOME = "outcome"
    ACTION = "action"
    MEASURE = "measure"
    NONE = "none"


_OUTCOME_NOUNS = (r"(?:priority\s+areas?|priorit(?:y|ies)|outcomes?|ambitions?|objectives?|aims?|goals?|missions?|pillars?"
                  r"|commitments|well-?being\s+objectives?|strategic\s+themes|themes|focus\s+areas"
                  r"|strategic\s+intents?"
                  r"|areas?\s+of\s+focus|key\s+areas?(?:\s+of\s+focus)?)")
# "Our priorities", "Our four strategic priorities", "Corporate objectives", "What we want to achieve".
OUTCOME_HEADING = re.compile(
    rf"^(?:(?:our|the|council'?s?|corporate|strategic|key|main|plan)\s+)?(?:[\w-]+\s+){{0,3}}{_OUTCOME_NOUNS}"
    rf"(?:\s+(?:for|of)\s+[\w\s,&'’-]{{0,60}}|\s+and\s+\w+)?\s*:?$"
    r"|^what\s+we\s+(?:want|aim|hope|need)\s+to\s+(?:achieve|see)\b.*$"
    # "What we want" over "Our borough to build on its strong heritage ...": the outcomes.
    r"|^what\s+we\s+(?:want|are\s+aiming\s+for|hope\s+for)$"
    r"|^(?:our\s+)?(?:focus|focuses)(?:\s+for\s+[\w\s-]{0,30})?$"
    r"|^(?:our\s+)?vision(?:\s+and\s+(?:priorities|ambitions|outcomes))?(?:\s+for\s+[\w\s,&'’-]{0,60})?$",
    re.IGNORECASE,
)
# A lead-in line ending in a colon whose subject is the priorities: "Our four strategic
# priorities are:", "The council's outcomes will be:", "We have set five objectives:".
OUTCOME_LEAD_IN = re.compile(
    # "... the Council's priorities will be around:": what the priorities centre on.
    rf"\b{_OUTCOME_NOUNS}\s*(?:\([^)]*\)\s*)?(?:are|will\s+be(?:\s+(?:around|on))?|is|include|for\s+[\w\s,'’-]{{1,60}}\s+are)?"
    # "... the four new Council Priorities as outlined below:", "Our objectives are as follows:"
    r"(?:\s*(?:as\s+)?(?:outlined|set\s+out|listed|shown|detailed|described)\s+below|\s*below|\s*as\s+follows)?\s*:\s*$"
    # "... was built around six strategic goals:": a counted set of priorities closes the line.
    rf"|\b(?:\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){{0,3}}{_OUTCOME_NOUNS}"
    # "... three supporting themes against which medium term priorities ... can be identified:"
    r"(?:\s+(?:\w+\s+)?(?:which|that|where)\b(?![^:]*\bwe\b)[^:]{0,80}"
    # "... woven through five strategic objectives with lead Services identified:": a short
    # qualifier of the counted set (not a sentence of its own) before the colon.
    r"|\s+(?:with|in|for|across|under|of)\b(?![^:]*\bwe\b)[^:.;]{0,60}"
    # "Plus four priorities focused on protecting the wellbeing of the district:", "Five
    # organisational aims follow from this purpose:"
    r"|\s+(?:focus+ed|centred|centered|aimed|based|built)\s+(?:on|at|around)\b(?![^:]*\bwe\b)[^:.;]{0,60}"
    r"|\s+(?:follow|flow)s?\b(?![^:]*\bwe\b)[^:.;]{0,40})?\s*:\s*$"
    # "By 2017 it is the Council's aim to have supported:", "Our ambition is to:": the aim's
    # list is its outcomes.
    r"|\b(?:aims?|ambitions?|goals?)\s+(?:is\s+|are\s+)?to(?:\s+have)?(?:\s+\w+){0,2}\s*:\s*$"
    rf"|\b(?:set|agreed|identified|adopted|have)\s+(?:out\s+)?(?:\w+\s+){{0,3}}{_OUTCOME_NOUNS}\s*:\s*$"
    r"|^(?:the|our|these|its|their)\b(?![^:]*\bwe\b)[^:]{0,40}\b(?:priorities|outcomes|objectives|ambitions|aims|goals)\b[^:]{0,80}:\s*$"
    # "The plan sets out the following priorities, which respond to evidence on the key
    # challenges within the borough and the priorities of our residents:": why, at length.
    rf"|\bthe\s+following\s+(?:[\w-]+\s+){{0,2}}{_OUTCOME_NOUNS},?\s+(?:which|that)\b(?![^:]*\bwe\b)[^:]{{0,200}}:\s*$"
    # "Detailed below are the priorities under the Wellbeing theme which we will work to achieve
    # over the lifetime of the Community Plan 2015-2030:"
    rf"|^(?:detailed|listed|set\s+out|outlined|shown|described)\s+below\s+(?:are|is)\s+(?:the|our)\s+(?:[\w-]+\s+){{0,2}}{_OUTCOME_NOUNS}\b[^:]{{0,160}}:\s*$"
    r"|\bfocus(?:es|ed|ing)?\s+on\s+(?:the\s+following|these|(?:\w+\s+){0,2}(?:areas|themes|priorities))\b[^:]{0,30}:\s*$"
    r"|\b(?:asked|agreed|chosen|decided)\s+to\s+focus\s+on\s*:\s*$"
    r"|\bvision\b[^:]{0,80}:\s*$|\bwe\s+want\s+(?:\w+\s+){0,4}to\s+(?:be|have|see)\b[^:]{0,60}:\s*$"
    # "... has informed our priorities for the next few years:": the set, then the period it is for.
    rf"|\b(?:our|its|their|the\s+council['’]s)\s+(?:[\w-]+\s+){{0,2}}{_OUTCOME_NOUNS}\s+(?:for|over|during)\s+"
    r"(?:the\s+)?(?:next|coming|following)\b[^:.;]{0,40}:\s*$",
    re.IGNORECASE,
)
# "Priority 1: Homes", "Outcome 2 - Growth", "Well-being Objective 3 – ...", "Mission 4. ...",
# "Outcome: Children get the best start in life", "Delivery Plan: Aim Three - Welcoming Place".
NUMBERED_OUTCOME = re.compile(
    r"^(?:[^:]{0,40}:\s*)?(?:(?:strategic|corporate|key|council|well-?being|our|council\s+plan)\s+)?"
    r"(?:(?P<word>priority|outcome|ambition|objective|aim|goal|mission|pillar|theme)\s*"
    r"(?:(?:\d{1,2}|[A-H]|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*[:.\-–—)]|\s*[:\-–—])"
    # "Stretch Outcome 1 – Employment", "Equality Objective 2: ...": a qualifier, then a number.
    r"|[A-Z][\w-]*\s+(?P<word2>priority|outcome|ambition|objective|aim|goal|mission|pillar|theme)\s*"
    # "Connect Outcome - Communities and Environment": a plan's name for its outcomes, unnumbered
    r"(?:(?:\d{1,2}|[A-H])\b\s*[:.\-–—)]|(?<=\s)[-–—]\s))\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)
ACTION_HEADING = re.compile(
    r"^(?:what\s+(?:we\s+will|we'?ll|we\s+are\s+going\s+to|we\s+plan\s+to|the\s+council\s+will)\s+do"
    r"|how\s+we\s+will\s+(?:achieve|deliver|do)\s+(?:this|these|it|them|our\s+\w+)"
    # "How will we get there", "How will we achieve success?": the same cue asked as a question
    r"|how\s+will\s+we\s+(?:get\s+there|(?:achieve|deliver|do)\s+(?:this|these|it|them|success|our\s+\w+))\??"
    # "Our commitment" over a list of what the council commits to do: one pledge, its items.
    r"|(?:key|our|main|priority|planned|proposed)\s+(?:actions|activities|deliverables|commitments?|projects|milestones)"
    # "Council Commitments on more empowered, transparent and improved public services": the
    # council's (its administration's, its manifesto's) pledges, each a thing to do.
    r"|(?:council|administration|manifesto|cabinet)(?:'s)?\s+commitments"
    r"|actions?|activities|deliverables|commitments|key\s+projects(?:\s+and\s+activities)?"
    r"|our\s+plans?|what\s+we\s+are\s+doing|how\s+we\s+will\s+get\s+there|action\s+plan"
    r"|(?:headline\s+|key\s+)?delivery(?:\s+(?:actions|priorities|milestones))?)\b[^.]{0,60}:?$",
    re.IGNORECASE,
)
ACTION_LEAD_IN = re.compile(
    r"(?:\b(?:we|the\s+council|the\s+authority|the\s+partnership|the\s+commissioner|i)\s+(?:will|shall|are\s+going\s+to|plan\s+to|intend\s+to|'ll)"
    r"(?:\s+(?:also|continue\s+to|work\s+to|aim\s+to|need\s+to))?"
    r"|\bwe'll|\b(?:actions|activities|commitments|deliverables|steps|proposals|projects|initiatives|schemes)\b[^:]{0,40}"
    r"|\bthrough\s+the\s+following|\bby\s+doing\s+the\s+following)\s*(?:by)?\s*:\s*$"
    # "We will do this by:", "This will be achieved through:": how the objective stated before
    # it is delivered, item by item.
    r"|(?:^|[.;]\s+)(?:we\s+will|we'll|we\s+are\s+going\s+to|the\s+council\s+will)\s+(?:do|achieve|deliver|meet)\s+"
    r"(?:this|these|it|them|that)(?:\s+(?:objectives?|aims?|priorit(?:y|ies)|outcomes?))?\s+(?:by|through|via)\s*:\s*$"
    r"|(?:^|[.;]\s+)(?:this|these|it|they)\s+will\s+be\s+(?:achieved|delivered|done|met)\s+(?:by|through|via)\s*:\s*$"
    # "We will work to improve policy and practice ..., particularly in regard to:": one
    # commitment whose list says what it covers.
    r"|^(?:we|the\s+council)\s+will\s+(?!be\b|see\b|know\b)[^.:;]{3,200}:\s*$"
    # "Here's a brief summary of what we plan to do over the next five years:"
    r"|\bwhat\s+(?:we|the\s+council)\s+(?:will|plan\s+to|are\s+going\s+to|intend\s+to|aim\s+to)\s+do\b[^.:]{0,60}:\s*$",
    re.IGNORECASE,
)
#: "The Protection Strategy explains how we intend to assess risk ... and deploy resources to
#: manage that risk efficiently and effectively by:": the document saying, item by item, by what
#: means it does what it is for; its list is the plan's actions wherever the line stands (an
#: introduction too, which is otherwise apparatus).
MEANS_LEAD_IN = re.compile(
    r"(?i)(?:^|\bhow\s+)(?:we|the\s+(?:council|service|authority|partnership))\s+(?:will|intend\s+to|plan\s+to"
    r"|aim\s+to|propose\s+to)\s+[^.:;]{3,250}\bby\s*:\s*$")
MEASURE_HEADING = re.compile(
    r"^(?:how\s+we\s+(?:will|'ll)\s+(?:measure|monitor|track|know)\b.*"
    # "How will we measure success?": the same cue asked as a question.
    r"|how\s+will\s+we\s+(?:measure|monitor|track|know)\b.*"
    # "Performance Measure Level 1": a table's caption in the singular.
    r"|(?:key\s+)?performance\s+(?:indicators?|measures?|metrics?)\b.*|kpis?\b.*|measures(?:\s+of\s+success)?\b.*"
    r"|(?:key\s+)?(?:success\s+|result\s+)?measures|targets?|our\s+targets|key\s+targets|measuring\s+(?:success|progress)\b.*"
    r"|how\s+(?:will\s+)?we\s+know\b.*|(?:[\w-]+\s+){0,3}indicators\b.*"
    # "Programme for Government Population Indicators": a framework's name, then what it lists
    r"|(?-i:(?:[A-Z][\w-]*\s+|(?:for|of|and|the)\s+){4,6}Indicators)(?:\s*[-–—:]\s*.*)?|(?:[\w-]+\s+){0,2}metrics\b.*"
    # "What success will look like", "We will know we have been successful when": the list
    # under it says what will be so when the outcome is met, the outcome's measures.
    r"|(?:this\s+is\s+)?what\s+success\s+(?:will\s+|would\s+|should\s+)?looks?\s+like|success\s+will\s+(?:mean|look\s+like)"
    r"|we(?:\s+will|'ll)\s+know\s+(?:that\s+)?(?:we\s+(?:have|are|were)|we've|we're)\s+(?:been\s+|being\s+)?"
    r"(?:successful|succeeded|succeeding|made\s+a\s+difference|making\s+a\s+difference|on\s+track)\b.*"
    # "Our targets and measures"
    r"|(?:our\s+)?(?:targets?|measures|indicators)\s+and\s+(?:targets?|measures|indicators))\s*:?$",
    re.IGNORECASE,
)
MEASURE_LEAD_IN = re.compile(
    r"\b(?:measure|measured|track|monitor)\w*\b[^:]{0,60}\b(?:by|through|using|against)\b[^:]{0,40}:\s*$"
    # "We will know we have succeeded when we see:", "We'll know we are making a difference when:"
    r"|\bwe(?:\s+will|['’]ll)\s+know\b[^:]{0,60}\b(?:successful|succeeded|difference|on\s+track)\b[^:]{0,40}:\s*$"
    r"|\b(?:indicators|measures|targets|kpis)\b[^:]{0,40}:\s*$",
    re.IGNORECASE,
)
# Sections no planner reads as a theme of the plan.
BOILERPLATE_HEADING = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:contents|table\s+of\s+contents|introduction|foreword\b.*|preface|summary|executive\s+summary"
    r"|background|background\s+(?:documents|papers|information)|conclusions?|summary\s+and\s+conclusions?"
    r"|report\s+authors?|relevant\s+directors?|contact\s+officers?|decision\s+required|appendices|annex(?:es)?\b.*"
    r"|context|about\s+(?:this|the|us)\b.*|appendi(?:x|ces)\b.*|glossary|references"
    r"|contact(?:\s+us|\s+details)?|further\s+information|related\s+(?:pages|documents|links|content)"
    r"|downloads?\b.*|documents?|useful\s+links|more\s+information|feedback|accessibility(?:\s+(?:statement|information|help|tools|options|settings))?"
    r"|request\s+an\s+accessible\s+format|latest\s+(?:news|reports?)\b.*|share\s+this\s+page|on\s+this\s+page"
    r"|in\s+this\s+section|navigation|menu|search|cookies?\b.*|help\s+us\s+improve\b.*|tell\s+us\b.*"
    r"|how\s+we\s+will\s+deliver\b.*|how\s+we\s+will\s+work\b.*|print|print\s+this\s+page|last\s+updated\b.*|next\s+steps|recommendations?|purpose\s+of\s+(?:the\s+)?report"
    r"|your\s+views|have\s+your\s+say|.{0,40}\balternative\s+formats?|minutes:?|agenda\s+item|decision|resolved|final\s+decision[- ]maker|lead\s+head\s+of\s+service"
    r"|lead\s+officer(?:\s+and\s+report\s+author)?|report\s+author|wards?\s+affected|financial\s+implications|legal\s+implications|risk\s+management"
    r"|equality\s+impact\b.*|consultation\b.*|monitoring\s+(?:and\s+review|our\s+progress|progress)|governance"
    # "What is a Corporate Plan", "What is different about the 2025 plan?": a page's questions and chapters about the document itself, not its content.
    r"|what\s+(?:is|are)\s+(?:an?|the|our)\s+(?:[\w-]+\s+){0,3}(?:plan|strategy|framework|document)\b.*"
    # "Case study: Jane's story", "What we have achieved", "Get involved": a story, a record of
    # past work, a call to take part: none says what the plan will deliver.
    r"|case\s+stud(?:y|ies)\b.*|(?:what\s+we\s+(?:have|'ve|’ve)|what\s+we)\s+(?:achieved|done|delivered)\b.*"
    r"|(?:our\s+|key\s+|recent\s+)?achievements(?:\s+(?:so\s+far|to\s+date|in\s+[\w\s/-]{1,20}))?|get\s+involved|have\s+your\s+say"
    r"|what\s+(?:is|has)\s+(?:different|new|changed)\b.*|why\s+(?:do\s+we\s+need|have)\s+(?:an?|the|this)\b.*"
    # "Bigger values are best", "Direction of travel: improving": a performance page's key to
    # its figures, about the indicator (never an outcome of the plan).
    r"|(?:bigger|smaller|higher|lower)\s+(?:values?\s+|numbers?\s+|scores?\s+)?(?:is|are)\s+(?:best|better)"
    r"|direction\s+of\s+travel\s*:.{0,30}"
    r"|our\s+(?:values|principles|ways\s+of\s+working)|how\s+(?:we|our\s+\w+)\s+(?:will\s+)?work|the\s+ways?\s+we\s+(?:will\s+)?work|values|principles|progress|status|update|yes|no)\s*:?$",
    re.IGNORECASE,
)
# A line that is a link or a call to act on the web page, not plan content.
LINK_LINE = re.compile(
    # "Visit 14,000 homes to deliver Safe and Well Visits" is a target (a count), not a link.
    r"^(?:download|read|view|see|visit(?!\s+[\d,]+\s)|find\s+out|discover|learn|watch|go\s+to|click|sign\s+up|subscribe"
    r"|email|contact|follow\s+us|back\s+to|return\s+to|more\s+on|read\s+more"
    # "Request an accessible format" (a page's offer); "Request that the panel begins ..." is
    # a plan's to-do item.
    r"|request\s+(?:an?\s+|this\s+|the\s+|a\s+copy\b|in\s+)?(?:accessible|alternative|copy|printed|paper|large|different|hard|other|braille|format))\b.{0,120}$"
    # "Jump to another section", "Newsletter Signup": a page's own navigation and sign-up box.
    # "To view the full plan, please click on this link."
    r"|^to\s+(?:view|read|download|see)\b.{0,80}\b(?:click|link|here|below)\b.{0,30}$"
    # "To find out how we're performing ... please visit our ... monitoring page."
    r"|^to\s+find\s+out\b.{0,120}\bplease\s+(?:visit|see|go\s+to|read)\b.{0,80}$"
    r"|^(?:jump|skip)\s+to\b.{0,60}$|^(?:\w+\s+)?newsletter\s+sign[\s-]?up$"
    # "Show all parts of this policy", "Hide all sections": a guide page's contents control.
    r"|^(?:show|hide)\s+all\s+(?:parts|sections|steps|pages)\b.{0,40}$"
    r"|\((?:pdf|docx?|xlsx?)[^)]*\)\s*$|\(opens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:window|tab)\)|\b(?:pdf|docx?),?\s+\d+(?:\.\d+)?\s*[km]b\b"
    # "Outcomes of the interim Corporate Plan as a PDF": a link to the file in a format, not a heading.
    r"|\s(?:as|in)\s+(?:an?\s+)?(?:pdf|word|excel|docx?|odt|spreadsheet|xlsx?)(?:\s+(?:document|file|version|format))?\s*$",
    re.IGNORECASE,
)


#: "Appendix one: ", "Annex B - ": the label of a document's part, before what the part holds.
_PART_LABEL = re.compile(r"(?i)^(?:appendix|annex|schedule)\s+\w{1,6}\s*[:.\-–—]\s*(?=\S)")


def heading_mode(text: str) -> Mode | None:
    """What a heading's section holds, when its words say so ("Appendix one: Key result
    measures" by the words after its label)."""
    text = text.strip().rstrip(":").strip().replace("’", "'")
    text = text[label.end():] if (label := _PART_LABEL.match(text)) else text
    if ACTION_HEADING.match(text):
        return Mode.ACTION
    if MEASURE_HEADING.match(text):
        return Mode.MEASURE
    if OUTCOME_HEADING.match(text):
        return Mode.OUTCOME
    return None


_RESOLUTION_NUMBER = re.compile(r"^\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s+(?=[A-Z])")


def lead_in_mode(text: str) -> Mode | None:
    """What the list after a lead-in line holds ("Our priorities are:", "We will:")."""
    # "(ii) The following five key outcomes be approved as the basis of the strategy:-": a
    # resolution's number before its lead-in is the minute's, not the lead-in's.
    text = _RESOLUTION_NUMBER.sub("", text.strip(), count=1)
    if text.endswith(":-"):
        text = text[:-1]  # "Our priorities to tackle these challenges are:-"
    if text.endswith(("...", "…")):
        text = text.rstrip(".… ") + ":"  # "Our work focuses on the following areas..."
    if not text.endswith(":"):
        return None
    # "The plan was built around six strategic goals. These are:": what the list holds is
    # said in the sentence before the bare "These are:".
    text = re.sub(r"[.;]\s+(?:these|they|those)\s+(?:are|were|include|will\s+be)(?:\s+as\s+follows)?\s*:$",
                  ":", text, flags=re.IGNORECASE)
    if (mode := heading_mode(text)) is not None and len(text.split()) <= 8:
        return mode  # "What we want to achieve:", "What we will do:"
    if OUTCOME_LEAD_IN.search(text):
        return Mode.OUTCOME
    first = re.match(r"^(?P<first>[^.:;]+\.)\s+\S", text)
    if first and counted_sentence(first.group("first")):
        # "The strategy sets out six key priorities. These have changed since the draft ...:":
        # the set is counted in the first sentence; a second one says more of it before the list.
        return Mode.OUTCOME
    if MEASURE_LEAD_IN.search(text):
        return Mode.MEASURE
    if ACTION_LEAD_IN.search(text) or MEANS_LEAD_IN.search(text):
        return Mode.ACTION
    return None


#: "Our draft plan sets out five key priorities for the coming years.": a sentence that counts
#: the priorities and ends in a full stop, not a colon; the list right after it is that set.
COUNTED_SENTENCE = re.compile(
    r"(?i)^(?:the|our|this|its|their)\b(?![^.]*\bwe\b)[^.:;]{0,60}\b(?:sets?\s+out|has|have|identifies|includes?"
    r"|contains?|is\s+(?:built|organised|structured)\s+around|focus(?:es)?\s+on|are)\s+"
    rf"(?:\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){{0,3}}{_OUTCOME_NOUNS}"
    r"(?:\s+(?:for|over|in|during|across|until|to)\s+[^.:;]{1,40}"
    # "The corporate plan contains 4 key aims to reflect key priorities of residents ... as
    # defined through the wide range of consultation ...": why the set was chosen, at length.
    r"|\s+to\s+(?:reflect|address|respond\s+to|meet|guide|support|deliver|achieve)\b[^.:;]{1,200})?\s*\.$")


_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12}
#: "the four priority areas prioritised for collective action", "5 core goals", "three key
#: objectives": a number counting a set of the plan's aims, wherever it stands in a sentence.
_COUNTED_SET = re.compile(
    rf"(?i)\b(\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})\s+(?:[\w-]+\s+){{0,3}}{_OUTCOME_NOUNS}\b")


#: "has agreed to focus on five key issues", "will focus on three areas": what a plan focuses
#: on, counted, is its set of priorities whatever noun names them.
_FOCUS_COUNT = re.compile(
    rf"(?i)\bfocus(?:es|ed|ing)?\s+(?:on|upon)\s+(?:the\s+|these\s+)?(\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})\s+"
    r"(?:[\w-]+\s+){0,3}[a-z-]+s\b")


def counted_sets(text: str) -> set[int]:
    """The sizes of the sets of priorities, objectives, aims ... that ``text`` counts ("... each
    of the four priority areas ..." gives {4}; "... agreed to focus on five key issues" {5})."""
    return {int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS[m.group(1).lower()]
            for pattern in (_COUNTED_SET, _FOCUS_COUNT) for m in pattern.finditer(text)}


def counted_sentence(text: str) -> bool:
    """Whether ``text`` is one sentence counting the plan's priorities, closed by a full stop
    (the reader takes the list right after it as those priorities)."""
    return bool(COUNTED_SENTENCE.match(text.strip()))


def is_boilerplate(text: str) -> bool:
    """A heading of the document's apparatus (contents, foreword, contact us ...); an appendix
    whose title says it holds measures, actions or outcomes is the plan's content."""
    if _PART_LABEL.match(text.strip()) and heading_mode(text) is not None:
        return False
    return bool(BOILERPLATE_HEADING.match(text.strip()))


def is_link_line(text: str) -> bool:
    """A web page's link or call to action ("Download the plan (PDF, 2MB)")."""
    return len(text) < 160 and bool(LINK_LINE.search(text.strip()))
