"""A text plan as a council report template numbers it: every number from numbering.xml.

Committee reports and strategies written from a corporate template number their headings
"1.", "1.1", "1.1.1" and their lists "a)", "i." through Word's multilevel lists: the heading
styles are linked to one outline list (the ``w:numPr`` sits in the style, not the paragraph),
the lists are numbered by their own definitions, and no number is in the text. What the reader
sees of a number is what Word would show for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from stratgraph.loaders.read.model import Block, BlockKind

from .common import ordered
from .to_docx import add_definition, list_definition, write_docx

#: The outline list the heading styles are linked to (an id clear of :class:`to_docx._Lists`').
_OUTLINE_ID = "900"
#: A bullet list's markers by nesting in a numbered template: "a)", then "i.", then "-".
_LETTERED = {1: "a)", 2: "i."}


def _lettered(blocks: Sequence[Block]) -> list[Block]:
    """Bulleted items given the template's markers (numbered lists keep theirs)."""
    return [replace(b, marker=_LETTERED.get(b.level, b.marker))
            if b.kind is BlockKind.LIST_ITEM and ordered(b.marker) is None else b for b in blocks]


def _outline(document) -> None:  # noqa: ANN001 (a python-docx Document)
    """Number Heading 1-3 "1.", "1.1", "1.1.1" by one multilevel list linked to the styles."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    levels = [[("w:start", "1"), ("w:numFmt", "decimal"), ("w:pStyle", f"Heading{ilvl + 1}"),
               ("w:lvlText", ".".join(f"%{k + 1}" for k in range(ilvl + 1)) + ("." if ilvl == 0 else "")),
               ("w:lvlJc", "left")] for ilvl in range(3)]
    abstract = list_definition(_OUTLINE_ID, "multilevel", levels)
    add_definition(numbering, abstract, _OUTLINE_ID)
    for level in range(1, 4):
        style = document.styles[f"Heading {level}"]
        ppr = style.element.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(level - 1))
        ident = OxmlElement("w:numId")
        ident.set(qn("w:val"), _OUTLINE_ID)
        num_pr.extend([ilvl, ident])
        ppr.insert(0, num_pr)


def write_docx_numbered(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a Word file whose headings and lists are numbered
    by numbering.xml alone: headings "1." / "1.1" / "1.1.1" by styles linked to an outline
    list, bulleted lists as "a)" / "i." lists, numbered lists as their own numbering."""
    import docx

    path = write_docx(_lettered(blocks), path)
    document = docx.Document(str(path))
    _outline(document)
    document.save(str(path))
    return path
