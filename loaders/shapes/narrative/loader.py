"""The narrative loader: a self-assessment in prose, and the fallback for any text.

It reads the document as blocks (:mod:`text`), finds its themes
(:mod:`sections`: the Key Lines of Inquiry and achievement areas of a CPA
self-assessment, or the headings of any other text), and in each theme the named strategies and
partnerships (:mod:`entities`), the ambitions, "we will" commitments and cabinet
leads (:mod:`statements`). It never fails on odd text: at worst a plan with no themes.

What becomes what:

- Theme -REFERENCES-> Strategy|Partnership for each name in the theme's text (the plan
  references names outside any theme); Partnership -OWNS-> Strategy for "X Partnership's ...
  strategy".
- An achievement sub-area ("Crime and fear of crime") is PART_OF its area ("Safer and stronger
  communities") as well as the plan; what it names it REFERENCES, and so does its area, which
  still answers for everything in its text (the queries do not pair a theme with its own part).
- Outcome (level ``ambition``) for each ambition; the listed ambitions SUPPORT the overall aim
  they serve ("our aim is to make Leicester the most sustainable UK city").
- Action for each "we will" commitment (and, in a generic document, each bullet item), PART_OF
  its theme, SUPPORTS the ambition whose bullet it is in; REFERENCES names in its sentence.
- CabinetLead for each lead; -OWNS-> Theme only where a stated portfolio names the theme (and
  the sub-areas of an area it names).
"""

from __future__ import annotations

import re

from stratgraph.graph.model import RelType, normalise_name
from stratgraph.loaders.base import DocumentReader, Extraction
from stratgraph.loaders.common.names import clean_name
from stratgraph.loaders.common.plan_info import place_of
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.shapes.narrative.entities import (
    EntityMention,
    Vocabulary,
    find_entities,
)
from stratgraph.loaders.shapes.narrative.meta import plan_info
from stratgraph.loaders.shapes.narrative.sections import NarrativeOutline, ThemeSpan, layout
from stratgraph.loaders.shapes.narrative.statements import (
    LeadFinder,
    ambition_bullet,
    commitment,
    vision,
)
from stratgraph.loaders.shapes.narrative.text import (
    Block,
    clean_text,
    read_blocks,
    sentences,
)

# A footnote's marker: "xxx New Growth point Government Housing Initiative", "* The Strategy
# for Leicester 2006".
_FOOTNOTE = re.compile(r"^(?:[-•]\s+)?(?:\^?[ivxlc]{1,7}|[IVXL]{1,7}|\*|\")\s")
# A generic heading whose bullets are ambitions rather than actions.
_AMBITION_HEADING = re.compile(r"\b(?:ambitions?|vision|aims?|outcomes?|priorities)\b", re.IGNORECASE)


_KLOE_MENTION = re.compile(r"key\s+lines\s+of\s+(?:en|in)quiry", re.IGNORECASE)
_QUESTION_LINE = re.compile(r"^[ \t#*]*Question\s+\d+\s*[:.]", re.IGNORECASE | re.MULTILINE)


class NarrativeLoader:
    """Reads narrative prose: a CPA self-assessment, or any text in no known shape."""

    name = "narrative"
    description = "narrative prose or an unknown shape: headings, bullets, commitments"

    def recognise(self, doc: SourceDocument) -> float:
        """High for a self-assessment (Key Lines of Inquiry, achievement areas), else nothing:
        a plan in no known shape is the general reader's."""
        # The same test as the outline's, on the text: reading the blocks here would read every
        # plan twice.
        if _KLOE_MENTION.search(doc.text) or len(_QUESTION_LINE.findall(doc.text)) >= 2:
            return 0.8
        return 0.0

    def extract(self, doc: SourceDocument) -> Extraction:
        """Read ``doc`` into a plan with themes, ambitions, commitments, names and leads."""
        return _Reader(doc, self.name).read()


class _Reader(DocumentReader):
    """One pass over one document's blocks."""

    def __init__(self, doc: SourceDocument, loader: str) -> None:
        super().__init__(doc, loader)
        # One cleaning of the whole text serves both the blocks and the vocabulary.
        cleaned = clean_text(doc.text)
        self.blocks = read_blocks(cleaned.split("\n"))
        self.layout: NarrativeOutline = layout(self.blocks)
        self.vocab = Vocabulary(cleaned)
        self.theme_ids: dict[ThemeSpan, str] = {}
        self.leads = LeadFinder()

    def read(self) -> Extraction:
        info = plan_info(self.blocks, self.doc.lines, self.doc.name,
                         self_assessment=self.layout.self_assessment)
        self.place = place_of(info.organisation)
        self.b.plan(info.title, info.line, organisation=info.organisation,
                    start_year=info.start_year, end_year=info.end_year,
                    kind="self-assessment" if self.layout.self_assessment else "narrative",
                    loader=self.loader)
        for theme in self.layout.themes:
            area = self.layout.container(theme)
            # A sub-area's id is scoped by its area: two areas may both have a "Transport".
            self.theme_ids[theme] = self.b.theme(
                theme.name, theme.line, kind=theme.kind, parent=theme.parent,
                scope=self.theme_ids[area] if area else "")
            if area:
                self.b.link(RelType.PART_OF, self.theme_ids[theme], self.theme_ids[area],
                            theme.line)
        self._read_blocks()
        self._add_leads()
        if not self.layout.themes:
            self.warnings.append("no headings found: everything is attached to the plan")
        return self.extraction()

    # -- blocks ---------------------------------------------------------------------------

    def _ambition_scope(self, theme: ThemeSpan | None) -> bool:
        if not self.layout.self_assessment:
            return True
        return bool(theme and theme.kind == "assessment theme"
                    and theme.name.lower().startswith("ambition"))

    def _read_blocks(self) -> None:
        current_ambition: str | None = None
        aim: str | None = None
        themes = self.layout.block_themes(len(self.blocks))
        for index, block in enumerate(self.blocks):
            if self.layout.self_assessment and index < self.layout.body_start:
                self._read_preamble_row(block)
                continue
            theme = themes[index]
            owner = self.theme_ids[theme] if theme else self.b.plan_id
            theme_id = self.theme_ids[theme] if theme else None
            if block.kind == "heading":
                current_ambition = None
                continue
            in_scope = self._ambition_scope(theme)
            bullet_ambition = ambition_bullet(block) if in_scope else None
            if bullet_ambition:
                current_ambition = self.b.outcome(bullet_ambition.name, bullet_ambition.line,
                                                  theme=theme_id, level="ambition")
                if aim:
                    self.b.link(RelType.SUPPORTS, current_ambition, aim, bullet_ambition.line)
            mentions = self._entities(block, owner, self._container_id(theme))
            took_action = False
            for sentence in sentences(block):
                self.leads.read(sentence)
                stated_aim = vision(sentence) if in_scope else None
                if stated_aim and not aim:
                    aim = self.b.outcome(stated_aim.name, stated_aim.line,
                                         theme=theme_id, level="ambition")
                found = commitment(sentence)
                if found:
                    took_action = True
                    action = self.b.action(found.name, found.line, theme=theme_id,
                                           deadline=found.deadline)
                    if current_ambition:
                        self.b.link(RelType.SUPPORTS, action, current_ambition, found.line)
                    self._reference(action, mentions, block, sentence.offset,
                                    sentence.offset + len(sentence.text))
            if (not self.layout.self_assessment and block.kind == "bullet" and not took_action
                    and not bullet_ambition):
                self._generic_bullet(block, theme)

    def _generic_bullet(self, block: Block, theme: ThemeSpan | None) -> None:
        """A bullet item in a document of no known shape: an ambition or an action."""
        name = clean_name(block.text)
        if not name or len(name) > 400:
            return
        theme_id = self.theme_ids.get(theme) if theme else None
        if theme and _AMBITION_HEADING.search(theme.name):
            self.b.outcome(name, block.line, theme=theme_id, level="ambition")
        else:
            self.b.action(name, block.line, theme=theme_id)

    def _read_preamble_row(self, block: Block) -> None:
        """A cabinet-report table row about one theme ("Ambition <tab> risks ...")."""
        if block.kind != "row":
            return
        theme = self.layout.row_theme(block)
        if theme:
            self._entities(block, self.theme_ids[theme])

    # -- names ----------------------------------------------------------------------------

    def _container_id(self, theme: ThemeSpan | None) -> str | None:
        """The id of the area a sub-area is part of (None for any other theme)."""
        area = self.layout.container(theme) if theme else None
        return self.theme_ids[area] if area else None

    def _entities(self, block: Block, owner: str,
                  container: str | None = None) -> list[tuple[EntityMention, str]]:
        """Nodes for the names in ``block``, each REFERENCED by ``owner`` (and by the area
        ``container`` when ``owner`` is one of its sub-areas).

        A footnote cites its sources: the documents and bodies it names count, but a programme
        word in it glosses the term noted ("xxx New Growth point Government Housing
        Initiative"), it does not name one."""
        found = []
        footnote = owner == self.b.plan_id and bool(_FOOTNOTE.match(block.text))
        for mention in find_entities(block.text, self.vocab, self.place):
            if footnote and mention.kind == "programme":
                continue
            line = block.line_at(mention.offset)
            aliases = [mention.acronym] if mention.acronym else []
            if mention.label == "partnership":
                node = self.b.partnership(mention.name, line, aliases=aliases)
            else:
                node = self.b.strategy(mention.name, line, kind=mention.kind or "document",
                                       aliases=aliases)
            self.b.link(RelType.REFERENCES, owner, node, line)
            if container:
                self.b.link(RelType.REFERENCES, container, node, line)
            if mention.owner:
                partner = self.b.partnership(mention.owner, line)
                self.b.link(RelType.OWNS, partner, node, line)
            found.append((mention, node))
        return found

    def _reference(self, start: str, mentions: list[tuple[EntityMention, str]], block: Block,
                   first: int, end: int) -> None:
        for mention, node in mentions:
            if first <= mention.offset < end:
                self.b.link(RelType.REFERENCES, start, node, block.line_at(mention.offset))

    # -- leads ----------------------------------------------------------------------------

    def _add_leads(self) -> None:
        for lead in self.leads.leads.values():
            node = self.b.lead(lead.name, lead.line, role=lead.role, portfolio=lead.portfolio)
            if not lead.portfolio:
                continue
            portfolio = f" {normalise_name(lead.portfolio)} "
            for theme in self.layout.themes:
                key = f" {normalise_name(theme.name)} "
                if key in portfolio or portfolio in key:
                    self.b.link(RelType.OWNS, node, self.theme_ids[theme], lead.line)
                    # The area's sub-areas are its own: their actions are the lead's too.
                    for part in self.layout.themes:
                        if self.layout.container(part) == theme:
                            self.b.link(RelType.OWNS, node, self.theme_ids[part], lead.line)
