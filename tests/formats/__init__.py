"""Writers that turn a text plan's blocks into the formats councils publish.

Each writer takes the blocks of a text plan (:func:`stratgraph.loaders.read.text.parse_blocks`)
and writes the same plan as a council would publish it: Markdown, a web page, a Word document,
a PDF (one column, two columns, or slides). The reader conformance suite reads each back and
checks that it gives the text version's blocks and graph.
"""

from __future__ import annotations

from .to_docx import write_docx
from .to_html import write_html
from .to_markdown import write_md
from .to_pdf import write_pdf

__all__ = ["write_docx", "write_html", "write_md", "write_pdf"]
