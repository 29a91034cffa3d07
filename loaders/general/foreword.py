"""The Leader who signs a plan's foreword or introduction, for every loader.

County and city plans open with "Leader's Introduction" or "Foreword by Nick Rushton, Leader of
Leicestershire County Council": the Leader leads the plan. Whatever shape a plan has, a signed
foreword in its opening makes that Leader a CabinetLead who OWNS the plan (inferred: signing is
not stated ownership), by name where given, else by role, scoped to the organisation.
"""

from __future__ import annotations

import re
from dataclasses import replace

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Method, RelType
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.read.model import BlockKind, Document
from stratgraph.loaders.read.text import parse_blocks

#: How far into the document a foreword is looked for (rendering lines).
_OPENING_LINES = 80
_SIGNED_HEADING = re.compile(
    r"^(?:the\s+)?(?P<role>(?:Deputy\s+)?Leader|(?:City\s+|Metro\s+)?Mayor|(?:Police\s+and\s+Crime\s+)?Commissioner)['’]s?\s+"
    r"(?:introduction|foreword|statement|message|welcome|overview)\b|"
    r"^(?:an?\s+)?(?:introduction|foreword|welcome|message)\s+(?:from|by)\s+(?:the\s+)?(?P<role2>(?:Deputy\s+)?Leader|Mayor)\b",
    re.IGNORECASE,
)
_SIGNER_WORDS = re.compile(r"Leader|Mayor|Commissioner")
_FOREWORD = re.compile(r"\b(?:foreword|introduction|welcome|message)\b", re.IGNORECASE)


def add_signing_leader(extraction: Extraction, doc: Document) -> Extraction:
    """``extraction`` with the Leader who signs the foreword, when its loader found none."""
    graph = extraction.graph
    if any(n.label is Label.CABINET_LEAD and re.search(r"\bleader\b|\bmayor\b", str(n.properties.get("role") or n.name), re.I)
           for n in graph.nodes.values()):
        return extraction
    plan = graph.nodes.get(extraction.plan_id)
    if plan is None:
        return extraction
    opening = "\n".join(doc.lines[:_OPENING_LINES])
    if not _SIGNER_WORDS.search(opening):
        return extraction  # no Leader, Mayor or Commissioner opens it: no blocks to read
    # A text plan's blocks are parsed on demand: its opening is all this needs.
    blocks = doc.blocks if doc.parsed_blocks is not None else parse_blocks(opening)
    for block in blocks:
        if block.line > _OPENING_LINES:
            break
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH) or len(block.text) > 160:
            continue
        text = block.text.replace("**", "").strip()
        found = _signer(text)
        if found is None:
            continue
        name, role = found
        b = DocumentGraphBuilder(doc.name)
        b.organisation = plan.properties.get("organisation")
        lead = b.lead(name, block.line, role=role, rule="leader-signs-foreword")
        b.link(RelType.OWNS, lead, extraction.plan_id, block.line, method=Method.INFERRED,
               confidence=0.8, rule="leader-signs-foreword")
        return replace(extraction, graph=GraphData.combine([graph, b.graph]))
    return extraction


def _signer(text: str) -> tuple[str, str] | None:
    """(name, role) of the lead a foreword heading names, or None."""
    if m := _SIGNED_HEADING.match(text):
        role = " ".join((m.group("role") or m.group("role2")).split())
        return f"the {role}", role
    if _FOREWORD.search(text):
        # The lead finder is the general reader's (its rules compile on import): only a
        # foreword heading that names no role needs it.
        from stratgraph.loaders.general.leads import find_leads

        for lead in find_leads(text):
            if re.search(r"\bleader\b|\bmayor\b|\bcommissioner\b", lead.role, re.I):
                return lead.name, lead.role
    return None
