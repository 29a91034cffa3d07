"""A theme that a plan's outcomes sit under is itself an outcome: the one they serve.

A page that is one theme of a plan ("Wellbeing theme" over the priorities "Detailed below are
the priorities under the Wellbeing theme ..."; "CONNECTED COMMUNITY" over its coded outcomes)
names the theme once, at its top, as a heading. The reader kept the heading as the outcomes'
theme but made no outcome of it, so the page lost the priority it is about, which a plan's
other pages (a theme over its priorities under "Our themes") give as an outcome.
"""

from __future__ import annotations

import re

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.model import Label, RelType, normalise_name
from stratgraph.loaders.general.page_top import top_line_outcome

#: "Wellbeing theme", "Theme: Wellbeing": the word saying what kind of line it is, not its name.
_KIND_WORD = re.compile(r"(?i)^(?:(?:our|the)\s+)?theme\s*[:\-–]?\s*|\s+theme$")
#: "CONNECTED COMMUNITY (CC": a code in brackets the copy cut, left open.
_OPEN_BRACKET = re.compile(r"\s*\([^)]*$")


def theme_name(name: str) -> str:
    """A theme heading's name as an outcome's: without its kind word, an open bracket, capitals."""
    name = _OPEN_BRACKET.sub("", _KIND_WORD.sub("", name.strip())).strip(" :-–")
    return name.title() if name.isupper() else name


def themes_as_outcomes(builder: DocumentGraphBuilder, top: int, least: int = 2) -> None:
    """Make an outcome of the theme a page is about: a theme heading on one of the page's
    first lines (up to line ``top``) that ``least`` or more outcomes sit under and none is
    named for, its name no document's title, field or cue (`page_top.top_line_outcome`); the
    outcomes under it that serve nothing else SUPPORT it. A theme further down a page is one
    group of a plan's priorities, which the planner reads by the priorities in it."""
    graph = builder.graph
    outcomes = [n for n in graph.nodes.values() if n.label is Label.OUTCOME]
    named = {normalise_name(n.name) for n in outcomes}
    serving = {r.start for r in graph.relationships.values() if r.type is RelType.SUPPORTS}
    for theme in [n for n in graph.nodes.values() if n.label is Label.THEME]:
        if (theme.provenance.line or 0) > top:
            continue
        under = [n for n in outcomes if n.properties.get("theme_id") == theme.id]
        name = top_line_outcome(theme_name(theme.name))
        if len(under) < least or not name or normalise_name(name) in named \
                or normalise_name(theme.name) in named:
            continue
        outcome = builder.outcome(name, theme.provenance.line, theme=theme.id, level="theme",
                                  rule="theme-over-outcomes")
        named.add(normalise_name(name))
        for node in under:
            if node.id not in serving:
                builder.link(RelType.SUPPORTS, node.id, outcome, node.provenance.line, rule="theme-over-outcomes")
