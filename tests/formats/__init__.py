"""Writers that turn a text plan's blocks into the formats councils publish.

Each writer takes the blocks of a text plan (:func:`stratgraph.loaders.read.text.parse_blocks`)
and writes the same plan as a council would publish it: Markdown, a web page, a Word document,
a PDF (one column, two columns, or slides); and as councils' own tools make them
(Word typed by hand, a CMS page, a designed brochure printed from a browser, Word exported to PDF; round 3: headings by size and colour only, two columns, tables as
positioned text, landscape tables over pages, Word built from layout tables). The reader conformance suite reads each back and
checks that it gives the text version's blocks and graph.
"""

from __future__ import annotations

from .to_docx import write_docx
from .to_docx_boxes import write_docx_boxes
from .to_docx_breaks import write_docx_breaks
from .to_docx_layout import write_docx_layout
from .to_docx_numbered import write_docx_numbered
from .to_docx_revised import write_docx_revised
from .to_docx_typed import write_docx_typed
from .to_html import write_html
from .to_html_cms import write_html_cms
from .to_html_panels import write_html_panels
from .to_markdown import write_md
from .to_pdf import write_pdf
from .to_pdf_designed import write_pdf_designed
from .to_pdf_house import write_pdf_cols, write_pdf_grid, write_pdf_sized, write_pdf_wide
from .to_pdf_office import write_pdf_office
from .to_pdf_print import write_pdf_print

__all__ = ["write_docx", "write_docx_boxes", "write_docx_breaks", "write_docx_layout", "write_docx_numbered", "write_docx_revised", "write_docx_typed", "write_html", "write_html_cms", "write_html_panels", "write_md", "write_pdf",
           "write_pdf_cols", "write_pdf_designed", "write_pdf_grid", "write_pdf_office", "write_pdf_print", "write_pdf_sized",
           "write_pdf_wide"]
