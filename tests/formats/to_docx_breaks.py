"""A text plan as Word files are typed when the author makes lists by hand: one paragraph a
list, its items on lines of their own (manual line breaks, Shift+Enter).

Accessibility guidance for council documents (GOV.UK's "Publishing accessible documents",
councils' own Word guidance) asks authors to make lists with Word's list tools and not to
type bullets and press Shift+Enter, because a screen reader then hears one paragraph; it is
common in documents that predate the guidance. Each list here is one Normal paragraph: an
item is its marker ("•", or the number), a tab and its text; a nested item is a tab further
in; an item's description is a line of its own under it. Headings keep their styles and
tables are real tables, as in :func:`~formats.to_docx.write_docx`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stratgraph.loaders.read.model import Block, BlockKind

from .common import list_runs, ordered, runs
from .to_docx import _add_table


def write_docx_breaks(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a Word file whose lists are typed line by line
    into one paragraph each (see the module docstring)."""
    import docx

    document = docx.Document()
    previous = ""
    for kind, group in list_runs(blocks):
        if kind == "list":
            paragraph = document.add_paragraph()
            for n, item in enumerate(group):
                if n:
                    paragraph.add_run().add_break()
                if item.kind is BlockKind.LIST_ITEM:
                    marker = item.marker if ordered(item.marker) is not None else (
                        "•" if item.level <= 1 else "–")
                    paragraph.add_run("\t" * (max(item.level, 1) - 1) + marker + "\t")
                for run in runs(item.text):
                    r = paragraph.add_run(run.text)
                    r.bold = run.bold or None
                    r.italic = run.italic or None
        else:
            block = group[0]
            if block.kind is BlockKind.HEADING:
                document.add_paragraph(block.text.replace("**", ""),
                                       style=f"Heading {min(max(block.level, 1), 9)}")
            elif block.kind is BlockKind.TABLE:
                if previous == BlockKind.TABLE.value:
                    document.add_paragraph("")
                _add_table(document, block)
            else:
                paragraph = document.add_paragraph()
                for run in runs(block.text):
                    r = paragraph.add_run(run.text)
                    r.bold = run.bold or None
                    r.italic = run.italic or None
        previous = kind
    path = Path(path)
    document.save(str(path))
    return path
