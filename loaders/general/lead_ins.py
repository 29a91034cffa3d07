"""Lines that say what the lines after them are: a lead-in to a list, a label over one
outcome, a line after a list naming its items, a heading that only groups."""

from __future__ import annotations

import re


#: "Our Place, which involves priorities such as:", "Our Council, involving areas such as:":
#: a short name, a comma, then a clause that introduces the list under it.
THEMED_LEAD_IN = re.compile(
    r"^(?P<name>[A-Z][^,:;.]{1,50}),\s+(?:which|where|involving|including|covering|focusing|focused|that)\b[^:]{0,80}:$")

#: "It sets a direction for the next five years to:", "The plan will:": a lead-in about the
#: document itself, whose items say what the plan is for, not an outcome they serve.
ABOUT_THE_DOCUMENT = re.compile(
    r"(?i)^(?:it|this|these|they)\b|^(?:the|our|this)\s+(?:new\s+)?(?:plan|strategy|document|framework|report)\b")

#: A sentence that says the page's lines are the plan's indicators.
INDICATORS_LISTED = re.compile(
    r"(?i)\b(?:explains?|lists?|shows?|sets?\s+out|describes?)\s+(?:each|every|all|the|our)\s+(?:of\s+the\s+)?"
    r"(?:key\s+)?(?:performance\s+|strategic\s+)?(?:indicators?|measures?|kpis?)\b(?:\s+(?:in|of|for)\s+(?:our|the)\b[^.:]{0,60})?\.?\s")

#: "Our high-level performance targets for each of these pillars are shown below.": a sentence
#: saying the measures follow, closed by a full stop rather than a colon.
MEASURES_BELOW = re.compile(
    r"(?i)\b(?:our|the|these|its|their)\s+(?:[\w-]+\s+){0,3}(?:targets|measures|indicators|kpis|metrics)\b[^.:;]{0,60}"
    r"\b(?:are|is|will\s+be)\s+(?:shown|set\s+out|listed|detailed|outlined|given|presented|summarised)\s+below\.?$")

#: A line saying the plan's schemes follow: "... a number of specific schemes that will be led,
#: directed or facilitated by the Council", "The interventions we will deliver are set out below".
INTERVENTIONS_FOLLOW = re.compile(
    r"(?i)\b(?:schemes|interventions|projects|initiatives|programmes|activities)\b[^.]{0,60}"
    r"\b(?:will\s+be\s+(?:led|delivered|funded|developed|facilitated)|we\s+will\s+(?:deliver|lead|fund)|below|follow)")

#: "Our proposed Ambitions and Priorities are:": a lead-in naming two tiers of the plan's aims,
#: the labelled lines under it ("Ambition 1: Starting Well - ...") the first, the items under
#: each line the second (its priorities, however they are worded).
_TIERS = r"(?:ambitions?|themes?|pillars?|missions?|goals?|outcomes?|priorit(?:y|ies)|objectives?|aims?)"
TWO_TIER_LEAD = re.compile(
    rf"(?i)^(?:our|the)\s+(?:[\w-]+\s+){{0,2}}{_TIERS}\s+and\s+{_TIERS}(?:\s+(?:are|will\s+be))?\s*:$")

#: "These outcomes were developed through ...": the line after a list naming what its items are.
CALLED_AFTER = re.compile(
    r"(?i)^(?:these|the\s+above|all\s+of\s+these)\s+(?:[\w-]+\s+){0,2}(?:outcomes|priorities|objectives|aims|ambitions|goals)\b")

#: "Enable people to:", "Be a good council that is:": an item whose nested items complete it.
COMPLETED_BELOW = re.compile(r"^(?P<name>\S.{2,60}?)\s+(?:to|that\s+is|that\s+are|which\s+is|by)\s*:$")

#: "The Strategy is based on three guiding principles:", "Our values are:", "... our priorities
#: are drawn from:": a lead-in to a set that is not the plan's outcomes, actions or measures.
_OTHER_SET_LEAD = re.compile(
    r"(?i)\b(?:principles|values|behaviours|ways\s+of\s+working)\b[^:]{0,40}:\s*$"
    # "... put together this statement of principles on how we will work.": the list after it
    # is the principles, ways of working the page itself sets apart from what it delivers.
    r"|\b(?:statement|set|charter)\s+of\s+(?:our\s+)?(?:principles|values|behaviours)\b[^.:]{0,60}[.:]\s*$"
    r"|\b(?:drawn|derived|informed|developed|evolved|shaped)\s+(?:from|by)\s*:\s*$")

#: "Long-term Outcome", "Population outcome": a label over one outcome stated on the next line.
_ONE_OUTCOME_LABEL = re.compile(r"(?i)^(?:(?:long|medium|short)[- ]term|population|our|the)\s+outcome:?$")

#: Headings that only group what follows ("Other" over more priorities).
_GENERIC_HEADINGS = frozenset({"other", "others", "general", "miscellaneous", "more", "additional",
                               "further", "also"})
