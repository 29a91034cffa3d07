"""Sentences that commit or target: "we will ...", "reduce ... to 30% by 2026".

A commitment is a sentence whose subject is the body and whose verb is a future it controls
("we will", "we are going to", "the council will"). A heading that merely contains "how we
will" is not one, nor a forecast ("we will see"), a condition ("if we will") or a reported
past ("we said we would").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘(]*[A-Z0-9])")
# The subject decides the verb's form: "we plan to", but "the council plans to". Read with
# the bare form after a body named in the singular, "the Council Plan to Full Council" and
# "the Town Council Plan to focus ..." would be the council planning, where they name its plan.
_PLURAL_SUBJECT = r"(?:we(?:\s+and\s+our\s+partners)?|i|the\s+police(?:\s+and\s+(?:the\s+)?(?:pcc|commissioner))?)"
_SINGULAR_SUBJECT = (r"(?:the\s+council|the\s+authority|the\s+commissioner|the\s+partnership|the\s+pcc|the\s+force"
                     r"|the\s+board|the\s+icb)")
_COMMIT = re.compile(
    rf"\b(?:{_PLURAL_SUBJECT}\s+(?:will|shall|are\s+going\s+to|are\s+committed\s+to"
    r"|plan\s+to|intend\s+to|commit\s+to|pledge\s+to)"
    rf"|{_SINGULAR_SUBJECT}\s+(?:will|shall|is\s+going\s+to|is\s+committed\s+to|plans\s+to|intends\s+to"
    r"|commits\s+to|pledges\s+to))\s+"
    r"(?:also\s+|continue\s+to\s+|work\s+to\s+|aim\s+to\s+|seek\s+to\s+)?(?P<rest>\S.*)$"
    r"|\bwe['’]ll\s+(?P<rest2>\S.*)$",
    re.IGNORECASE,
)
# What follows "we will" in a forecast, a condition or a description of the document itself.
_NOT_COMMITMENT = re.compile(
    r"^(?:see|find|notice|know|be\s+(?:able|asked|told|judged|measured|reporting\s+on)|have\s+to|need\s+to"
    r"|use\s+(?:this|it|the\s+following)|report\s+(?:on|against)\s+(?:this|these|progress)|set\s+out|"
    r"explain|describe|outline|look\s+at\s+(?:this|these)|publish\s+(?:this|an?\s+annual)"
    # "we will publish a new action plan for 2023 to 2024", "we will publish and update on how
    # we have progressed": the plan's own next edition or progress report, not a deliverable.
    r"|publish\s+(?:an?\s+(?:new|updated|refreshed|revised)\s+(?:action\s+|delivery\s+)?plan|and\s+update\b|an?\s+(?:update|progress\s+report)\b)"
    r"|measure\s+(?:our\s+)?(?:success|progress|performance|impact)|monitor\s+(?:our\s+)?progress"
    # "we will always be accessible to our constituents and accountable ...": how the council
    # means to behave, a pledge of conduct, not something to deliver.
    # "we will tailor our approach to where needed": how the council works, not a deliverable.
    r"|(?:tailor|adapt|adjust|flex|take|follow|apply|use)\s+(?:our|this|the|an?)\s+(?:[\w-]+\s+)?approach\b"
    # "we are committed to making Argyll and Bute a great place to live, work and do business":
    # the vision restated, an aim the whole plan serves, not one thing to deliver.
    r"|mak(?:e|ing)\s+(?:[\w’'&-]+\s+){1,6}an?\s+(?:[\w-]+\s+){0,2}place\s+(?:to|in\s+which\s+to|where\s+\w+\s+can)\s+(?:live|work|visit|grow|study|do)\b"
    # "we will ensure that no community is left behind": the vision restated, not a deliverable
    r"|ensure\s+(?:that\s+)?no(?:-?one|body|\s+one|\s+\w+)\s+(?:is|are|gets?)\s+left\s+behind\b"
    # "We will build on the many reasons to live, work, visit and invest here": what the area or
    # the council already has, the ground the plan stands on, unless it says what is built
    # ("... by opening two hubs", "... to deliver ...").
    r"|build\s+(?:on|upon)\s+(?:the\s+|our\s+|this\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:reasons|strengths?|success(?:es)?|assets|achievements|progress|foundations?|good\s+work)\b"
    r"(?!.*\b(?:by\s+\w+ing|to\s+(?:deliver|create|build|provide|open|develop))\b)"
    r"|(?:always\s+)?be\s+(?:open|honest|transparent|accessible|accountable|fair|ambitious|visible|responsive"
    r"|approachable|respectful|inclusive)|always\s+(?:be|remain)\b)\b",
    re.IGNORECASE,
)
# "we will work closely with housing associations and developers to achieve this", "we will
# engage with tenants on how we do this": how the commitment before it is carried out,
# pointing back at it, not a commitment of its own.
_POINTS_BACK = re.compile(
    r"(?i)\b(?:to\s+(?:achieve|deliver|do|make|realise)|how\s+we\s+(?:do|deliver|achieve))\s+(?:this|these|that|it|them)\W*$")
# "we will work in partnership with the NHS, the police and the voluntary sector": who the
# council works with, with nothing to deliver ("... to reduce violent crime", "... on
# attendance" still are).
_ONLY_PARTNERS = re.compile(
    r"(?i)^work\s+(?:closely\s+|together\s+|jointly\s+)?(?:in\s+partnership\s+)?with\s+"
    r"(?![^.;:]*\b(?:to|on|in\s+order\s+to|so\s+that|for)\s+\w)[^.;:]{2,120}[.;:]?\s*$")
#: "have successfully reduced", "have halted", "have been": a state reached, told in the future perfect.
_ACHIEVED_STATE = re.compile(r"(?i)^have\s+(?:\w+ly\s+)?(?:been\b|[a-z]+(?:ed|en|wn|ne|lt|ht)\b)")
#: Text before "we will" that ends in a noun phrase ("... and the work"), not a clause or a
#: phrase of time ("Over the coming years"), which would leave "we" a subject of its own.
_NOUN_PHRASE_END = re.compile(
    r"(?<!\bover\s)(?<!\bin\s)(?<!\bduring\s)(?<!\bwithin\s)(?<!\bfor\s)(?<!\bby\s)"
    r"\b(?:the|our|all\s+the|any|this|these|those)\s+(?:[\w-]+\s+){0,2}?[a-z][\w-]*\s*$", re.IGNORECASE)
#: "To achieve our priorities", "Through our services": a phrase opening the sentence, after
#: which "we" is the main clause's subject, whatever noun the phrase ends on.
_OPENING_PHRASE = re.compile(
    r"(?i)\s*(?:to|in\s+order\s+to|by|for|in|through|with|across|from|over|during|within|under|after|alongside)\b")
#: "do to improve ...", "take over the next 4 years", "use.": a verb whose object is missing,
#: because it is the noun phrase before "we will".
_VERB_WITHOUT_OBJECT = re.compile(
    r"(?i)^[a-z]+(?:\s+(?:out|up|forward))?\s*(?:$|[.,;:]|\s+(?:to|towards|in|over|during|for|with|through|across|by|next|each|this\s+year)\b)")
_HEADING_LIKE = re.compile(r"^(?:how|what|where|why|when)\s+we\b", re.IGNORECASE)
_TARGET = re.compile(
    r"\b(?P<verb>(?:reduc|increas|improv|halv|doubl|rais|achiev|decreas)(?:e|es|ing)|cut(?:s|ting)?"
    r"|reach(?:es|ing)?|grow(?:s|ing)?|lower(?:s|ing)?)\b"
    r"(?P<what>[^.;:]{3,120}?)\b(?:to|by|below|above|at\s+least|under|over)\s+"
    r"(?P<target>(?!(?:19|20)\d\d\b)(?:£\s?)?\d[\d,.]*\s*(?:%|per\s*cent|percent|m\b|million|k\b)?|net\s+zero|zero)"
    r"(?P<when>[^.;:]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?(?:\w+\s+20\d\d(?:/\d\d)?|20\d\d(?:/\d\d)?))?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its character offset in its block's text."""

    text: str
    offset: int


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of a paragraph, each with its offset."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        piece = text[start:m.start()].strip()
        if piece:
            yield Sentence(piece, start)
        start = m.end()
    piece = text[start:].strip()
    if piece:
        yield Sentence(piece, start)


def capitalise(text: str) -> str:
    """First letter upper case, trailing punctuation dropped."""
    text = " ".join(text.replace("**", "").split()).rstrip(" .;,:")
    return text[:1].upper() + text[1:] if text else text


#: "these priorities", "these strategic outcomes", "all of these objectives": the plan's set of
#: priorities referred to as a whole, by a word pointing back at them.
_THE_WHOLE_SET = re.compile(
    r"(?i)\b(?:these|those|the\s+above|all\s+of\s+these)\s+(?:[\w-]+\s+){0,2}"
    r"(?:priorities|outcomes|objectives|ambitions|aims|goals|themes)\b")


def about_the_whole_plan(paragraph: str, pledge: str) -> bool:
    """Whether a "we will" ``pledge`` speaks for the whole plan, not one thing to deliver: its
    paragraph refers to the plan's priorities as a set ("With these priorities, we will make
    better decisions locally", "All that we do ... will support these strategic outcomes. ...
    We will focus on strengthening ... links with the people of our city") and the pledge names
    no figure that would make it a deliverable of its own ("... we will build 500 homes")."""
    return bool(_THE_WHOLE_SET.search(paragraph)) and not re.search(r"\d|£", pledge)


def commitment(sentence: str) -> str | None:
    """The action a "we will" sentence commits to, as a name ("Build 500 homes ..."), or None."""
    if _HEADING_LIKE.match(sentence) or len(sentence) > 400:
        return None
    m = _COMMIT.search(sentence)
    if not m:
        return None
    before = sentence[:m.start()].lower()
    if re.search(r"\b(?:if|whether|unless|said|says|told|asked)\s*(?:\w+\s+){0,2}$", before) \
            or re.search(r"\b(?:how|what|where|that|which)\s*$|(?<!s )\bwhy\s*$", before.replace("’", "'")):
        return None
    if re.search(r"(?:\b(?:the|our)|,|\band)\s+(?:[\w-]+\s+)?(?:actions|steps|things|changes|commitments|projects|activities"
                 # "the measures we will use to understand well-being": which measures, not a use
                 r"|improvements|priorities|measures|indicators|targets|ways|methods|tools|outcomes|objectives)\s*$", before) \
            and not (re.match(r"\s*(?:to|by|for|in|through|with|alongside|across|from)\b", before)
                     # "In our plan we outline ... the measures we will use": a clause of its own
                     # came first, so the "we will" describes the measures.
                     and not re.search(r"\bwe\s+(?!will\b)[a-z]+", before)):
        # "It sets out the key actions we will take over the next 4 years": "we will" in a
        # clause describing the actions, not a commitment of its own.
        return None
    rest = (m.group("rest") or m.group("rest2") or "").strip()
    if _NOUN_PHRASE_END.search(before) and _VERB_WITHOUT_OBJECT.match(rest) \
            and not _OPENING_PHRASE.match(before):
        # "Our corporate plan sets out our priorities and the work we will do to improve ...":
        # a noun phrase, then "we will" and a verb whose object is that noun phrase. The clause
        # says which work, it commits to nothing of its own.
        return None
    if _ACHIEVED_STATE.match(rest):
        # "We will have successfully reduced the volume and severity of ASB incidents", "We will
        # have halted the levels of overweight ...": the future perfect says what will be so
        # once the work is done, a result to check against, not a thing to do.
        return None
    if _NOT_COMMITMENT.match(rest) or _POINTS_BACK.search(rest) or _ONLY_PARTNERS.match(rest) or len(rest.split()) < 2 \
            or (len(rest.split()) <= 4 and re.search(r"(?i)\b(?:this|these|that|it|them)\W*$", rest)):
        # "We will tackle this.": a verb and a pointer back name nothing
        return None
    if rest.endswith(":") or re.search(r"\b(?:the\s+following|as\s+follows)\W*$", rest, re.IGNORECASE):
        return None
    return capitalise(rest)


# "S01: 10% increase in employment ... by 2026", "90% of working people in Living Wage
# employment by 2026": a target stated without a verb, its figure first.
_FIGURE_FIRST = re.compile(
    r"^(?:[A-Z]{1,3}\s?\d{1,2}[:.]\s*)?(?P<target>\d[\d,.]*\s*(?:%|per\s*cent))\s+"
    r"(?:(?:increase|reduction|rise|fall|decrease|improvement)\s+in\s+(?:the\s+)?|of\s+(?:all\s+|our\s+)?)?"
    r"(?P<what>[A-Za-z(][^.;]{4,150}?)\s+by\s+(?:the\s+end\s+of\s+)?(?P<when>20\d\d(?:/\d\d)?)\b"
)


# "deliver 10,000 new affordable and low cost homes by 2022/23", "deliver 1000 affordable homes
# before 2023", "deliver a minimum of 1000 social homes for rent each year": a count to reach by
# a date or in every year; the count with its qualifier ("a minimum of 1000") is the target.
_COUNT_BY = re.compile(
    r"\b(?:deliver|build|create|plant|provide|complete|install|retrofit|open|recruit|train|support)(?:s|ing)?\s+"
    r"(?P<target>(?:(?:at\s+least|over|more\s+than|up\s+to|a\s+minimum\s+of|a\s+total\s+of|in\s+excess\s+of"
    r"|an?\s+(?:further|additional|extra))\s+)?\d[\d,]*)\s+"
    r"(?P<what>(?:new\s+|more\s+|additional\s+)?[a-z][^.;:]{3,80}?)\s+"
    r"(?:(?:by|before)\s+(?:the\s+end\s+of\s+)?(?P<when>(?:\w+\s+)?20\d\d(?:/\d\d)?)\b"
    r"|(?P<every>(?:each|every|a|per)\s+(?:year|annum)|annually)\b)",
    re.IGNORECASE,
)
# "We will measure our success by considering how the health of local children compares ...".
_MEASURED_BY = re.compile(
    r"\bmeasure\s+(?:our\s+)?(?:success|progress|performance|impact)\s+(?:by|through|using|against)\s+"
    r"(?:considering|looking\s+at|tracking|monitoring|comparing|checking)?\s*(?P<what>\S.{5,200})$",
    re.IGNORECASE,
)


def target(sentence: str) -> tuple[str, str, str | None] | None:
    """A target a sentence sets: (measure name, target, by when), or None."""
    if m := _MEASURED_BY.search(sentence):
        return capitalise(m.group("what")), "", None
    if c := _COUNT_BY.search(sentence):
        every = f" {c.group('every')}" if c.group("every") else ""
        return capitalise(c.group("what")), c.group("target") + every, c.group("when")
    if f := _FIGURE_FIRST.match(sentence.strip()):
        what = re.sub(r"\s+by\s+the\s+time\s+of\b.*$", "", f.group("what"))
        return capitalise(what), f.group("target").strip(), f.group("when")
    m = _TARGET.search(sentence)
    if not m:
        return None
    # "Reduce the number of people waiting ... to under 200": the measure is what changes.
    what = re.sub(r"^\s*(?:the|our|its)\s+", "", m.group("what").strip(), flags=re.IGNORECASE)
    what = re.sub(r"\s+(?:to|by)(?:\s+(?:under|below|over|above|at\s+least))?\s*$", "", what)
    name = capitalise(what) if len(what.split()) >= 2 else capitalise(sentence[m.start():m.end()])
    return name, m.group("target").strip(), (m.group("when") or "").strip() or None


#: A result reported against an indicator: "The percentage of household waste sent to landfill
#: in the period January to June 2024 was 1.64%": the indicator is what was counted.
_RESULT = re.compile(
    r"^(?:the\s+)?(?P<what>(?:percentage|proportion|number|rate|amount|level)\s+of\s+[^,;.]{5,120}?)"
    r"(?:\s+(?:in|during|for|over|at)\s+(?:the\s+)?(?:period|quarter|year|month|end)\b[^,;]{0,60}?)?"
    r"\s+(?:was|were|is|are|stood\s+at|reached|rose\s+to|fell\s+to|increased\s+to|decreased\s+to|improved\s+to)"
    r"\s+(?:£\s?)?\d", re.IGNORECASE)


#: "To increase the percentage of residents who have heard of X to 90%": an indicator and the
#: level it is to reach, written as an aim among a list of outcomes.
_INDICATOR_TARGET = re.compile(
    r"^to\s+(?:increase|reduce|raise|bring\s+down|lower|decrease|improve|cut|halve|double)\s+(?:the\s+)?"
    r"(?P<what>(?:percentage|proportion|number|rate|level|share)\s+of\s+.{5,200}?)\s+to\s+"
    r"(?P<target>(?:under|below|over|above|at\s+least\s+)?[£₤]?\d[\d,.]*\s*(?:%|per\s*cent)?)\s*[.;]?$",
    re.IGNORECASE)
_NEXT_TARGET = re.compile(r"\s+and\s+(?=to\s+(?:increase|reduce|raise|bring\s+down|lower|decrease|improve|cut)\b)",
                          re.IGNORECASE)


def indicator_targets(text: str) -> list[tuple[str, str]]:
    """(indicator, target) for each "to increase the percentage of ... to 80%" clause that
    ``text`` is made of ("... to 25% and to bring down the percentage of ... to 42.4%"), or
    [] when any part of it is something else."""
    found = []
    for part in _NEXT_TARGET.split(text.strip()):
        m = _INDICATOR_TARGET.match(part.strip())
        if not m:
            return []
        found.append((capitalise(m.group("what").strip()), m.group("target").strip()))
    return found


def reported_indicator(sentence: str) -> str | None:
    """The indicator a result statement reports on, or None."""
    m = _RESULT.match(sentence.strip())
    return capitalise(m.group("what")) if m else None
