"""The strategies and partnerships a plan of no known shape names, as a planner would list them.

The shared finder (:func:`stratgraph.loaders.shapes.narrative.entities.find_entities`) reads a
name that ends in a keyword ("... Strategy", "... Fund", "... Board"). A plan of no known shape
also uses those words in ways that name nothing a planner asks about; this module sets those
aside after the finder has read them:

* a scrutiny committee or advisory panel ("Communities and Neighbourhoods Scrutiny Board",
  "Tackling Poverty Advisory Panel", a "Police and Crime Panel"): the council's own
  governance, which holds a plan to account, not a partnership that delivers it;
* a job title ("Senior Policy and Programme Manager", "Partnership Officer"): the keyword is
  followed by the role, so the words before it name a post, not a programme or a body;
* a description ("The council plan is our overarching strategy"): a lower-case strategy right
  after "is"/"are"/"as" says what the subject is; it names no document of its own;
* a policy area ("our equality and diversity policy and practices"): a lower-case policy paired
  with its practice or procedures says how the council works, not a document;
* a funding source ("The project is funded through the Salix Fund"): the fund pays for the
  work; it is not a programme the plan delivers ("Community Renewal Fund activity" still is);
* the document itself or its parts ("their responsibilities under this action plan", "set
  out ... in the Action Plan", "our performance framework"): a name of nothing but the kind of
  plan it is (action, delivery, implementation or performance plan or framework), or one
  pointing back with "this", names no other document a planner could look up.
* a committee's remit ("Corporate Policy and Resources Committee", "the policy and resources
  area"), a standards body ("Fire Standards Board") or a budget's line ("the Savings Plan"):
  the words of a meeting or a budget, no document and no partnership (Strategy precision).

Names the finder's vocabulary lacks are read here too (references round 3):

* a capitalised name ending in a plan-like head the shared vocabulary leaves out ("Healthy
  Travel Charter", "Net Zero Roadmap", "Glasgow City Region City Deal", "Belfast Agenda",
  "Local Area Agreements"): the shared vocabulary is not widened, as the shape loaders' readings
  of their own plans would change with it (:func:`_plan_like_names`);
* a name the text says is a plan by an appositive ("Growth without Gridlock (2010), our transport
  delivery plan"): the title is the name, the lower-case phrase after it only its kind;
* an edition's number after a plan's name ("the previous Local Transport Plan 3 (2011-2016)"):
  kept with the name, as years are, so that the edition is told from the document itself.

Which lines are read for names is the reader's job; :func:`may_name` is the cheap test it runs
first (most lines name nothing).
"""

from __future__ import annotations

import re
from dataclasses import replace

from stratgraph.loaders.common.entities import PARTNERSHIP_WORDS, QUALIFIED_PARTNERSHIP_WORDS, STRATEGY_WORDS, word_pattern
from stratgraph.loaders.shapes.narrative.entities import EntityMention, Vocabulary, find_entities

#: A line holding any keyword, in either case ("Salix Fund", "Family Hubs programme").
_KEYWORD = re.compile(
    r"(?i)\b" + word_pattern(STRATEGY_WORDS | PARTNERSHIP_WORDS | set(QUALIFIED_PARTNERSHIP_WORDS)
                             | {"masterplan", "agreement", "program"}) + r"\b")
#: The council's own scrutiny and advisory panels ("Communities Scrutiny Board", "Tackling
#: Poverty Advisory Panel", the "Police and Crime Panel" that holds a commissioner to account),
#: and the panel of residents it surveys ("the council's Citizens Panel"): people consulted, not
#: a partnership of bodies.
_SCRUTINY = re.compile(r"(?i)\bscrutiny\b|\badvisory\s+panel\b|\bpolice\s+(?:and|&)\s+crime\s+panel\b"
                       r"|\b(?:citizens?|residents?|people|tenants?|customers?)['’]?s?['’]?\s+panel$")
#: The role a job title ends in, right after the keyword: "Programme Manager", "Partnership Officer".
_ROLE_AFTER = re.compile(
    r"\s+(?:manager|director|officer|lead|co-?ordinator|adviser|advisor|administrator|assistant|analyst"
    r"|chair(?:man|person)?|clerk|secretary)s?\b", re.IGNORECASE)
#: A post over two areas ("The Corporate Policy and Public Affairs Manager"): the keyword is the
#: first area of the post's title, which ends in the role after "and".
_POST_AFTER = re.compile(
    r"\s+(?:and|&)\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Manager|Officer|Director|Lead|Adviser|Advisor|Team|Co-?ordinator)s?\b")
#: "... is our overarching strategy", "... as a strategy": the text before a describing name.
_COPULA_BEFORE = re.compile(
    r"(?i)\b(?:is|are|was|were|becomes?|as)\s+(?:(?:our|the|a|an|its|their|this)\s+)?(?:\w+\s+)?$")

#: "... policy and practices", "... policy and procedures": a policy area paired with the way it is
#: carried out, not a document (a published policy is named in title case).
_POLICY_AND_PRACTICE = re.compile(r"(?i)\s+(?:and|&)\s+(?:practices?|procedures?|processes|guidance)\b")

#: An indefinite article right before a name ("a strategic action plan"): see ``_set_aside``.
_INDEFINITE_BEFORE = re.compile(r"(?i)(?:^|\s)an?\s+$")

#: A lower-case partnership word used to describe the noun after it ("partnership responses",
#: "partnership working", "board members"): no body is named.
_MODIFIED_AFTER = re.compile(
    r"\s+(?:responses?|working|approach(?:es)?|arrangements?|structures?|members?|meetings?|activit(?:y|ies)"
    r"|models?|agreements?|funding|bids?|priorities|areas?)\b")

#: "funded through the", "funding from", "a grant from the": the words before a fund that pays.
_FUNDED_BY = re.compile(
    r"(?i)\b(?:(?:funded|financed|paid\s+for|supported)\s+(?:\w+\s+){0,2}(?:through|by|from|via|with)"
    r"|funding\s+(?:from|through|via)|grants?\s+from|bids?\s+(?:to|for))\s+(?:the\s+|a\s+|an\s+)?$")


#: A name that is only the kind of plan: "Action Plan", "the delivery plan", "performance framework",
#: "the accompanying action plan" (the plan's own, published with it).
_KIND_ONLY = re.compile(
    r"(?i)^(?:(?:the|this|our|its|their|an?)\s+)?(?:(?:accompanying|supporting|associated|attached)\s+)?"
    r"(?:(?:action|delivery|implementation|performance|policy)\s+)+"
    r"(?:plans?|framework)$")
_POINTS_BACK = re.compile(r"(?i)\b(?:this|these)\s+(?:\w+\s+){0,2}\w+$")


def may_name(text: str) -> bool:
    """Whether ``text`` holds a keyword a strategy or partnership name ends in."""
    return bool(_KEYWORD.search(text) or _PLAN_LIKE_HEAD.search(text) or "Collaborative" in text)


#: Heads that end a plan-like name though the shared vocabulary leaves them out, each with the
#: kind of Strategy it makes; only capitalised ("a charter for ...", "a good deal" name nothing).
_PLAN_LIKE_KINDS = {"Charter": "document", "Roadmap": "document", "Blueprint": "document",
                    "Compact": "document", "Covenant": "document", "Prospectus": "document",
                    "Pledge": "document", "Agenda": "document", "Accord": "document",
                    "Concordat": "document", "Agreements": "programme", "Deal": "programme"}
_PLAN_LIKE_HEAD = re.compile(r"\b(?:" + "|".join(_PLAN_LIKE_KINDS) + r")\b")
#: A run of capitalised words (numbers, "and"/"&"/"of"/"for" between them) ending in such a head.
_PLAN_LIKE_NAME = re.compile(
    r"(?<![\w'’&-])(?P<name>(?:[A-Z][\w'’&-]*|\d+)(?:\s+(?:(?:and|&|of|for)\s+)?(?:[A-Z][\w'’&-]*|\d+))*?"
    r"\s+(?P<head>" + "|".join(_PLAN_LIKE_KINDS) + r"))\b(?![-'’])")
#: Words that open a sentence or point at a name rather than being part of it.
_NAME_OPENERS = frozenset({"The", "This", "That", "These", "Our", "Its", "Their", "A", "An", "Each", "Every",
                           "New", "Draft", "Revised", "Updated", "Current", "Previous", "Proposed", "Refreshed"})
#: A meeting's or a body's agenda ("Cabinet Agenda", "Full Council Agenda", "Agenda item"): the
#: papers of a meeting, not a plan.
_MEETING_WORDS = frozenset({"Council", "Cabinet", "Committee", "Meeting", "Meetings", "Board", "Panel", "Forum",
                            "Executive", "Scrutiny", "Sub-Committee", "Full", "Annual", "Supplementary", "Public",
                            "Item", "Items", "Agenda", "Reports", "Papers", "Minutes"})


#: A part or stage of a named plan before its name ("Phase 1 of", "Year 2 of"): not the name's.
_PART_OF = re.compile(r"^(?:Phase|Part|Stage|Year|Section|Chapter|Appendix|Annex|Theme|Priority)\s+\S+\s+of\s+(?=\S+\s)")


def _plan_like_names(text: str, taken: list[tuple[int, int]]) -> list[EntityMention]:
    """Capitalised names ending in a plan-like head the shared vocabulary lacks ("Healthy Travel
    Charter", "City Deal"), outside the spans ``taken`` by the finder's names."""
    found: list[EntityMention] = []
    for m in _PLAN_LIKE_NAME.finditer(text):
        words = m.group("name").split()
        start = m.start("name")
        while words[:-1] and (words[0] in _NAME_OPENERS or words[0].endswith(("'s", "’s"))):
            start = text.index(words[1], start + len(words[0]))
            words.pop(0)  # "The Healthy Travel Charter", "Council's Charter": not the name's
        if (part := _PART_OF.match(" ".join(words))) is not None:
            start = text.index(words[len(part.group(0).split())], start)
            words = words[len(part.group(0).split()):]  # "Phase 1 of Belfast Agenda": a stage of it
        head = m.group("head")
        if len(words) < 2 or any(s <= start < e or s < m.end() <= e for s, e in taken):
            continue
        if head == "Agenda" and any(w in _MEETING_WORDS or w.endswith("ing") for w in words[:-1]):
            continue  # "Cabinet Agenda": a meeting's papers; "the Tackling Poverty Agenda": a cause
        if re.search(r"(?i)\b(?:a|an)\s+$", text[:start]):
            continue  # "a Good Deal", "a Community Charter for ...": a kind, not a name
        found.append(EntityMention(" ".join(words), "strategy", _PLAN_LIKE_KINDS[head], start))
    return found


#: "the Mental Health Collaborative", "Provider Collaborative": a collaborative of health and
#: care providers is a partnership of bodies; capitalised, as a noun ending the name (not
#: "Collaborative working"), after at least one capitalised word.
_COLLABORATIVE = re.compile(
    r"(?<![\w'’&-])(?P<name>(?:[A-Z][\w'’&-]*\s+(?:(?:and|&|of|for)\s+)?){1,5}Collaborative)\b"
    r"(?!\s+(?:[a-z]+ing|approach|working|work|care|model|way)\b)")


def _collaboratives(text: str, taken: list[tuple[int, int]]) -> list[EntityMention]:
    found = []
    for m in _COLLABORATIVE.finditer(text):
        words, start = m.group("name").split(), m.start("name")
        while words[:-1] and words[0] in _NAME_OPENERS:
            start = text.index(words[1], start + len(words[0]))
            words.pop(0)
        if len(words) >= 2 and not any(s <= start < e for s, e in taken):
            found.append(EntityMention(" ".join(words), "partnership", None, start))
    return found


#: "the Management Plan Partnership Delivery Group", "Children's Partnership Executive Board":
#: a partnership's own group or board, named on from the partnership's name.
_GROUP_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]*){1,3}?\s+(?:Group|Board|Forum)\b")


def _with_its_group(text: str, mention: EntityMention) -> EntityMention:
    if mention.label != "partnership" or mention.offset < 0 or not mention.name.endswith("Partnership"):
        return mention
    start = text.find(mention.name, mention.offset)
    group = _GROUP_AFTER.match(text, start + len(mention.name)) if start >= 0 else None
    return replace(mention, name=mention.name + group.group(0)) if group else mention


def named_in(text: str, vocab: Vocabulary, place: str | None = None) -> list[EntityMention]:
    """The strategies and partnerships ``text`` names, without scrutiny committees, job titles
    and descriptions (see the module docstring)."""
    if _OFFICERS_LINE.match(text.strip()):
        return []  # "Anna Collier Policy and Information Manager and ...": who wrote it, not a policy
    found: list[EntityMention] = []
    mentions = _found(text, vocab, place)
    if _PLAN_LIKE_HEAD.search(text):
        spans = [(m.offset, m.offset + len(m.name)) for m in mentions if m.offset >= 0]
        mentions = sorted(mentions + _plan_like_names(text, spans), key=lambda m: m.offset)
    if "Collaborative" in text:
        spans = [(m.offset, m.offset + len(m.name)) for m in mentions if m.offset >= 0]
        mentions = sorted(mentions + _collaboratives(text, spans), key=lambda m: m.offset)
    for mention in mentions:
        mention = _titled_by_apposition(text, _with_named_year(text, mention))
        if (quoted := _titled_by_quote(text, mention)) is not mention:
            found.append(quoted)  # a quoted title is the name as written, commas and all
            continue
        mention = _with_its_group(text, mention)
        for part in _parts(mention, vocab, place):
            part = _without_possessive(_without_owner(part))
            if _CUT_YEARS.match(text, _end(text, part)):
                continue  # "draft Corporate Plan 2024-" at a block's end: see _CUT_YEARS
            if not _set_aside(text, part):
                found.append(_with_years(text, part))
            elif part.label == "strategy" and _ROLE_AFTER.match(text, _end(text, part)):
                found += _bodies_in_post(part, vocab, place)
    return found


#: A word and the year it looks to, written before a name ("Generation 2030 Community Plan",
#: "Vision 2040 Strategy"): the finder stops at the number, but both are the name's.
_NAMED_YEAR_BEFORE = re.compile(r"(?<![\w'’&-])(?P<word>[A-Z][a-z][\w'’-]*)\s+(?:20|19)\d\d\s+$")
#: Words that place a year rather than name it ("In 2030", "March 2024", "The 2030 ...").
_NOT_NAMING_YEAR = frozenset({"In", "By", "From", "Since", "Until", "To", "Of", "For", "Before", "After",
                              "During", "January", "February", "March", "April", "May", "June", "July",
                              "August", "September", "October", "November", "December", "Spring", "Summer",
                              "Autumn", "Winter"})


def _with_named_year(text: str, mention: EntityMention) -> EntityMention:
    if mention.label != "strategy" or mention.offset <= 0 or not mention.name[:1].isupper() \
            or not text[mention.offset - 1:mention.offset].isspace():
        return mention
    before = _NAMED_YEAR_BEFORE.search(text, max(0, mention.offset - 40), mention.offset)
    if before is None or before.group("word") in _NOT_NAMING_YEAR | _NAME_OPENERS:
        return mention
    return replace(mention, name=text[before.start():mention.offset] + mention.name, offset=before.start())


#: "Growth without Gridlock (2010) (PDF, 2.7 MB), our transport delivery plan": a title before a
#: comma (and any brackets), then a lower-case plan phrase after "our"/"the" saying what it is.
_APPOSED_TITLE = re.compile(
    r"(?P<title>[A-Z][\w'’-]*(?:\s+(?:(?:and|&|of|for|the|in|to|on|at|a|without|with)\s+)*[A-Z0-9][\w'’-]*)*)"
    r"\s*(?:\([^()]*\)\s*)*,\s+(?:our|the|its|their)\s+$")


def _titled_by_apposition(text: str, mention: EntityMention) -> EntityMention:
    """The title ``mention`` (a lower-case plan phrase) stands in apposition to, as its name."""
    if mention.label != "strategy" or not mention.name[:1].islower() or mention.offset < 0 \
            or "," not in text[:mention.offset]:
        return mention
    before = _APPOSED_TITLE.search(text[:mention.offset])
    if before is None:
        return mention
    words = before.group("title").split()
    start = before.start("title")
    while words[:-1] and words[0] in _NAME_OPENERS:
        start = text.index(words[1], start + len(words[0]))
        words.pop(0)
    if len(words) < 2:
        return mention  # "Leicester, our city plan": one word is a place, not a title
    return replace(mention, name=" ".join(words), offset=start)


#: "The Community Plan for the district, ‘Fermanagh and Omagh 2030’", "The Corporate Plan ‘Our
#: Council, Our Plan 2024-2028’": a kind of plan, then its title in quotes: the title is the name.
_QUOTED_TITLE_AFTER = re.compile(
    r"(?:\s+for\s+(?:the|our)\s+[a-z]+)?,?\s*[‘'“\"](?P<title>[A-Z0-9][^‘’'“”\"′]{2,80}?)[’'”\"′]")


def _titled_by_quote(text: str, mention: EntityMention) -> EntityMention:
    if mention.label != "strategy" or mention.offset < 0 or len(mention.name.split()) > 3:
        return mention
    start = text.find(mention.name, mention.offset)
    quoted = _QUOTED_TITLE_AFTER.match(text, start + len(mention.name)) if start >= 0 else None
    if quoted is None:
        return mention
    return replace(mention, name=quoted.group("title").strip(), offset=quoted.start("title"))


#: A report cover's line of officers: names and posts only ("Angela Woodhouse Head of Policy ...").
_OFFICERS_LINE = re.compile(
    r"^(?:[A-Z][a-z]+\s+[A-Z][a-z'’-]+\s+(?:(?:[A-Z][\w&-]*|and|of)\s+){0,10}"
    r"(?:Manager|Officer|Director|Adviser|Advisor|Governance)(?:\s+and\s+|$))+$")
#: "the Councils Strategic Plan", "the Council's Housing Strategy": whose it is, not its name.
_POSSESSIVE = re.compile(r"^(?:the\s+)?council(?:['’]?s)\s+(?=\S+\s+\S)", re.IGNORECASE)


def _without_possessive(mention: EntityMention) -> EntityMention:
    if mention.label != "strategy" or not (owner := _POSSESSIVE.match(mention.name)):
        return mention
    return replace(mention, name=mention.name[owner.end():], offset=mention.offset + owner.end()
                   if mention.offset >= 0 else mention.offset)


#: A name's years cut at the end of the text ("... and draft Corporate Plan 2024-" where a PDF's
#: wrapped line broke the paragraph): the name is read where it is written whole, not here
#: without its years as if another document.
_CUT_YEARS = re.compile(r"\s+(?:19|20)\d\d\s*[-–—/]\s*$")

#: A keyword joined to its qualifier by a hyphen ("Skills and Enterprise Sub-Partnership"): the
#: finder reads words, so the hyphen is read as a space (same length: offsets hold) and the name
#: is taken back from the text as written.
_HYPHENED_KEYWORD = re.compile(r"(?<=[A-Za-z])-(?=(?:Partnership|Board|Group|Forum|Panel|Trust)\b)")


def _found(text: str, vocab: Vocabulary, place: str | None) -> list[EntityMention]:
    if "-" not in text or not _HYPHENED_KEYWORD.search(text):
        return find_entities(text, vocab, place)
    spaced = _HYPHENED_KEYWORD.sub(" ", text)
    found = []
    for mention in find_entities(spaced, vocab, place):
        start = spaced.find(mention.name, max(mention.offset, 0))
        found.append(replace(mention, name=text[start:start + len(mention.name)]) if start >= 0 else mention)
    return found


#: Two bodies joined by "and" ("the Place Partnership and Provider Collaborative Board",
#: "Lancashire Health and Wellbeing Board and Lancashire Place Partnership"): a partnership's
#: name never runs on past its own keyword into another's.
_JOINED = re.compile(r"^(?P<first>.+?\b(?:Partnership|Board|Trust|Forum|Panel))\s+(?:and|&)\s+(?P<second>[A-Z].*)$")
#: "Jackie Moran, NHS Lancashire and South Cumbria Integrated Care Board": a person named before
#: the body they come from; the body after the last comma is still named.
_AFTER_COMMA = re.compile(r",\s+(?=[A-Z])")


def _parts(mention: EntityMention, vocab: Vocabulary, place: str | None) -> list[EntityMention]:
    name = mention.name
    if mention.label == "partnership" and "," in name:
        tail = _AFTER_COMMA.split(name)[-1]
        if tail != name and tail.split()[-1] == name.split()[-1]:
            # the finder read the whole run as one name, so its last part is one too
            mention = replace(mention, name=tail, offset=mention.offset + name.rfind(tail))
    joined = _JOINED.match(mention.name) if mention.label == "partnership" else None
    if joined:
        return [replace(mention, name=joined.group("first")),
                replace(mention, name=joined.group("second"), offset=mention.offset + joined.start("second"))]
    return [mention]


#: "the Council's Corporate Plan": the body whose plan it is, written before the name as a
#: possessive, is not part of the name ("Corporate Plan 2024-28").
_OWNER_BEFORE = re.compile(
    r"^(?:[A-Z][\w-]*\s+){0,3}(?:Council|County|City|Borough|District|Authority|Government|Board|Partnership)['’]s\s+"
    r"(?=[A-Z])")


def _without_owner(mention: EntityMention) -> EntityMention:
    owner = _OWNER_BEFORE.match(mention.name)
    if owner is None:
        return mention
    return replace(mention, name=mention.name[owner.end():], offset=mention.offset + owner.end())


def _end(text: str, mention: EntityMention) -> int:
    start = text.find(mention.name, max(mention.offset, 0))
    if start < 0:
        start = text.find(mention.name)
    return start + len(mention.name) if start >= 0 else 0


def _bodies_in_post(mention: EntityMention, vocab: Vocabulary, place: str | None) -> list[EntityMention]:
    """The partnership a job title names before its post ("Gwynedd and Anglesey Public Services
    Board Programme Manager" is the board's manager): the board is still named."""
    head = mention.name.rsplit(" ", 1)[0] if " " in mention.name else ""
    return [replace(m, offset=mention.offset + m.offset) for m in find_entities(head, vocab, place)
            if m.label == "partnership" and head.endswith(m.name) and not _SCRUTINY.search(m.name)]


#: The organisation's overarching plan, named by "our" and said to set out the aims, objectives
#: or priorities the page presents ("Our Corporate Plan outlines our key strategic objectives:",
#: "Our corporate strategy sets out how we will achieve our aims"): the document the page
#: summarises, not another it refers to. Only a plan of no topic (corporate, council, strategic,
#: business): "Our Housing Strategy sets out our priorities for housing" is another document, and
#: so is "Our current Business Plan sets out our strategic vision" in an annual report (one of a
#: series, its vision rather than the aims the page presents).
_OWN_PLAN = re.compile(
    r"(?i)\bour\s+(?:(?:new|updated|latest)\s+)?(?P<name>(?:corporate|council|strategic|business)\s+(?:plan|strategy))"
    r"\s+(?:sets?\s+out|outlines?|describes?|explains?|summari[sz]es?|details?|defines?)\s+"
    r"(?:how\s+we\s+will\s+\w+\s+)?(?:our|the)\s+(?:[\w-]+\s+){0,3}(?:aims|objectives|priorities|ambitions|outcomes|goals)\b")
#: The same plan offered in full from the page that summarises it ("You can read our updated
#: Corporate Plan here", "download our Council Plan in full"): the page's own source, not a
#: document it depends on. Only a plan of no topic, as for ``_OWN_PLAN``.
#: The page defining its own plan of no topic as the document that sets out the goals ("The
#: Council Plan is the major strategic document that outlines the goals of Council"): the
#: definition of the document itself, as a plan's opening page gives it.
_OWN_PLAN_DEFINED = re.compile(
    r"(?i)\b(?:the|our)\s+(?P<name>(?:corporate|council|strategic|business)\s+(?:plan|strategy))\s+is\s+(?:the|our)\s+"
    r"(?:[\w-]+\s+){0,3}document\s+(?:that|which)\s+(?:sets?\s+out|outlines?|describes?|defines?)\s+"
    r"(?:our|the)\s+(?:[\w-]+\s+){0,3}(?:aims|objectives|priorities|ambitions|outcomes|goals)\b")
_OWN_PLAN_IN_FULL = re.compile(
    r"(?i)\b(?:read|download|view)\s+our\s+(?:(?:full|new|updated|latest)\s+)*"
    r"(?P<name>(?:corporate|council|strategic|business)\s+(?:plan|strategy))\s+(?:here|in\s+full|online)\b")


def own_plan_names(text: str) -> list[str]:
    """The names ``text`` gives the document itself: its overarching plan said to set out the
    aims the page presents, offered in full from the page, or defined as the document that sets
    out the goals (see ``_OWN_PLAN``, ``_OWN_PLAN_IN_FULL``, ``_OWN_PLAN_DEFINED``)."""
    low = text.lower()
    if "our" not in low and "document" not in low:
        return []
    return [m.group("name") for pattern in (_OWN_PLAN, _OWN_PLAN_IN_FULL, _OWN_PLAN_DEFINED) for m in pattern.finditer(text)]


#: "the previous Housing Strategy 2020 - 2025": the years the finder left off a strategy's name
#: because a space stands each side of the dash.
_YEARS_AFTER = re.compile(r"\s+(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)?\d\d\b")


def without_years(name: str) -> str:
    """``name`` without the span of years or the edition's number it ends in ("Corporate Plan
    2024-28" -> "Corporate Plan", "Local Transport Plan 4" -> "Local Transport Plan"): the
    document's own title may name it without them."""
    return _EDITION_TAIL.sub("", _YEARS_TAIL.sub("", name))


_YEARS_TAIL = re.compile(r"\s+(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)?\d\d$")
_EDITION_TAIL = re.compile(r"(?<=[A-Za-z])\s+\d{1,2}$")

#: "the previous Local Transport Plan 3", "our former Corporate Plan": an earlier edition, never
#: the document being read, though its title names the same kind of plan.
_EARLIER = re.compile(r"(?i)\b(?:previous|former|earlier|last|old|preceding|original)\s+$")


def earlier_edition(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` as an earlier edition ("the previous Local Transport Plan 3")."""
    at = text.find(name)
    return at > 0 and bool(_EARLIER.search(text[:at]))


#: An edition's number after a plan's name ("Local Transport Plan 3 (2011-2016)", "Local
#: Transport Plan 4: Delivering Growth"), before a bracket, colon, comma or a verb; not a list's
#: next number ("... Strategy 2. Improve ...") or a count ("Strategy 5 themes").
_EDITION_AFTER = re.compile(
    r"\s+\d{1,2}(?=\s*(?:$|[(:;,])|\s+(?:and|to|with|in|is|was|will|has|which|sets?|builds?)\b)")


def _with_years(text: str, mention: EntityMention) -> EntityMention:
    """``mention`` with the span of years (or the edition's number) written after it, spaced,
    as part of its name: they tell this edition from the document being read (the 2025 to 2030
    strategy, Local Transport Plan 3)."""
    if mention.label != "strategy" or re.search(r"\d\W*$", mention.name):
        return mention
    start = text.find(mention.name, max(mention.offset, 0))
    if start >= 0 and mention.name[-1:].isalpha() and mention.name.split()[-1][:1].isupper() \
            and (edition := _EDITION_AFTER.match(text, start + len(mention.name))):
        mention = replace(mention, name=mention.name + edition.group(0))
    years = _YEARS_AFTER.match(text, start + len(mention.name)) if start >= 0 else None
    if years is None or text.strip() == text[start:years.end()].strip():
        return mention  # a line of the name and years alone is a title: the document's own
    return replace(mention, name=mention.name + years.group(0))


#: A standards body ("Fire Standards Board", the council's "Standards Committee"): it sets or
#: polices standards of conduct or practice; it is no partnership that delivers a plan.
_STANDARDS_BODY = re.compile(r"(?i)\bstandards\s+(?:board|committee|panel|authority)$")
#: The rest of a committee's or a portfolio's name after a strategy word ("Corporate Policy and
#: Resources Committee", "the policy and resources area"): the keyword is one of the remit's
#: words, not the head of a document's name.
_REMIT_AFTER = re.compile(
    r"\s+(?:and|&)\s+[A-Za-z][\w-]*\s+(?:(?:sub-?)?committee|panel|board|cabinet|portfolio|area|remit)s?\b",
    re.IGNORECASE)


#: A budget's own lines ("the Savings Plan", "Savings Plans for 2024-25", "Spending Plans"): the
#: sums a budget saves or spends, not a document a planner could look up.
_BUDGET_LINE = re.compile(r"(?i)^(?:savings?|spending|budget)\s+(?:plans?|programmes?)$")


def _set_aside(text: str, mention: EntityMention) -> bool:
    if _SCRUTINY.search(mention.name) or "," in mention.name:
        return True  # a name never holds a comma: "Simon Howson, Senior Policy and Programme"
    if mention.label == "partnership" and _STANDARDS_BODY.search(mention.name):
        return True
    if mention.label == "strategy" and _BUDGET_LINE.match(mention.name):
        return True
    if re.match(r"(?:first|second|third|previous|current|next|new|last|latest|own)\s+\S+$", mention.name):
        return True  # "our first strategy": which edition, in lower case, names no document
    if _KIND_ONLY.match(mention.name.strip()) or _POINTS_BACK.search(mention.name):
        return True  # the document itself or its own part, not a document of its own
    if re.search(r"\sfor\s+[a-z]+$", mention.name):
        return True  # "responsible to the UK and Scottish Governments for project selection": a task
    start = text.find(mention.name, mention.offset) if mention.offset >= 0 else -1
    if start < 0:
        start = text.find(mention.name)
    if start < 0:
        return False
    if mention.name[:1].islower() and mention.name.lower().endswith("policy") \
            and _POLICY_AND_PRACTICE.match(text, start + len(mention.name)):
        return True  # "our equality and diversity policy and practices": how the council works
    if _ROLE_AFTER.match(text, start + len(mention.name)) or _POST_AFTER.match(text, start + len(mention.name)):
        return True
    if mention.label == "strategy" and mention.name.lower().endswith(("policy", "strategy")) \
            and _REMIT_AFTER.match(text, start + len(mention.name)):
        # "recommend to Corporate Policy and Resources Committee": a committee ("the Local Plan
        # and Planning Committee" still names the Local Plan: a plan is no committee's remit)
        return True
    if mention.label == "partnership" and mention.name.split()[-1].islower() \
            and _MODIFIED_AFTER.match(text, start + len(mention.name)):
        return True  # "partnership responses like the MARAC": a kind of response, no body
    if mention.name.lower().endswith("fund") and _FUNDED_BY.search(text[:start]):
        return True
    if mention.label == "strategy" and mention.name[:1].islower() and _INDEFINITE_BEFORE.search(text[:start]):
        # "measured against a strategic action plan", "is also an important supporting strategy":
        # a kind of document in words, one of any; "the financial hardship action plan" is one
        return True
    if mention.name[:1].islower() and _COPULA_BEFORE.search(text[:start]):
        # "our overarching strategy" after "is": only a lower-case name describes; "is the
        # Local Plan" still names one.
        return True
    return False


def names_a_partnership(entry: str, vocab: Vocabulary) -> bool:
    """Whether an owner cell's entry is one partnership ("Community Safety Partnership (CSP)"),
    by the finder's vocabulary: a bare group is as often the council's own or a list of owners
    ("Councillors and Development Group") as a partnership of bodies."""
    return any(m.label == "partnership" and len(m.name) >= 0.6 * len(entry.strip())
               for m in named_in(entry, vocab))
