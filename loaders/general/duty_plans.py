"""The kind of plan a duty in law requires, as the page of the body meeting the duty names it.

A page about a statutory plan says what the law asks of its body ("Each Public Services Board
must prepare and publish a local Well-being Plan", "The Authority has a duty to prepare a
National Park Management Plan", "The law requires all Police and Crime Commissioners to
produce a Police and Crime Plan"). When the page's title names that same kind of plan, the
page is about the body's plan of that kind: each name of the kind ("Gwent Well-being Plan",
"the Well-being Plan for Gwent") is the page's own plan, not a document it refers to. A plan
of another kind the duty names ("a duty to publish a Child Poverty Needs Assessment and
Strategy" on an anti-poverty strategy's page) stays a document of its own.
"""

from __future__ import annotations

import re

from stratgraph.graph.model import normalise_name

#: "must prepare and publish a local Well-being Plan", "has a duty to prepare a National Park
#: Management Plan", "requires all Police and Crime Commissioners to produce a Police and Crime
#: Plan", "are required to produce a Community Risk Management Plan": the kind, capitalised.
_DUTY = re.compile(
    r"\b(?:must|shall|duty\s+to|(?:is|are)\s+required\s+to|requires?\s+(?:each|every|all|the)\s+[\w\s&-]{1,60}?\s+to)\s+"
    r"(?:prepare|produce|publish|develop|adopt)(?:\s+and\s+(?:prepare|produce|publish|develop|adopt))?\s+"
    r"(?:an?|its|their)\s+(?:local\s+|new\s+|statutory\s+)?"
    r"(?P<kind>(?:[A-Z][\w-]*\s+(?:(?:and|&)\s+)?){0,5}(?:Plan|Strategy))\b")
_AND = re.compile(r"\s+and\s+")
#: "for Gwent", "for the county" after the kind: whose plan it is.
_FOR_WHOM = re.compile(r"\s+for\s+.+$")


def _bare(name: str) -> str:
    return _AND.sub(" ", normalise_name(name))


def duty_kinds(texts: list[str], title: str) -> set[str]:
    """The kinds of plan a duty in ``texts`` requires that the document's normalised ``title``
    also names (compared without 'and': a file name drops it)."""
    bare_title = f" {_bare(title)} "
    return {_bare(m.group("kind")) for text in texts for m in _DUTY.finditer(text)
            if f" {_bare(m.group('kind'))} " in bare_title}


def of_duty_kind(name: str, kinds: set[str]) -> bool:
    """Whether ``name`` is a plan of one of ``kinds``: the kind itself, the kind with its owner
    or place before it ("Gwent PSB Well-being Plan"), or with 'for' its place after it."""
    bare = _FOR_WHOM.sub("", _bare(name))
    return any(bare == kind or bare.endswith(" " + kind) for kind in kinds)
