"""The narrative (and generic fallback) loader: headings as themes, bullets, "we will" lines."""

from __future__ import annotations

import re

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.text import clean_name, find_organisation, find_period

_HEADING = re.compile(r"^#{1,3}\s+(.+)$")
_WE_WILL = re.compile(r"\bwe will\b", re.IGNORECASE)


class NarrativeLoader:
    """Reads any text: markdown headings become themes, "we will" sentences actions."""

    name = "narrative"
    description = "narrative prose or an unknown shape: headings, bullets, commitments"

    def recognise(self, doc: SourceDocument) -> float:
        return 0.1

    def extract(self, doc: SourceDocument) -> Extraction:
        b = DocumentGraphBuilder(doc.name)
        first = next((i for i, l in enumerate(doc.lines, 1) if l.strip()), 1)
        start, end = find_period(doc.text[:5000])
        b.plan(clean_name(doc.line(first)) or doc.name, first,
               organisation=find_organisation(doc.text[:5000]), start_year=start,
               end_year=end, loader=self.name)
        theme = None
        for number, line in enumerate(doc.lines, 1):
            heading = _HEADING.match(line)
            if heading:
                theme = b.theme(clean_name(heading.group(1)), number)
            elif _WE_WILL.search(line) and len(line) < 400:
                b.action(clean_name(line), number, theme=theme)
        return Extraction(doc.name, self.name, b.plan_id, b.graph)
