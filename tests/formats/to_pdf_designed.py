"""A text plan as a council's designed PDF: a brochure printed from a browser (Chromium).

What a communications team's plan looks like (InDesign or a web page printed to PDF): the
title large, section and sub-section headings in the council's colour at (or near) body size,
a sidebar floated beside the text holding a pull quote (a sentence of the plan again, in large
italics), "big number" infographics ("£2.3m" over "invested in our neighbourhoods") and a photo
with its caption; bullets drawn as a square glyph; body text in a serif face with ligatures
("fi", "fl") and justified; tables without ruling lines, their rows banded, set landscape
when they are wide; the page number in the right margin. Chromium runs headless through
Playwright (``/usr/bin/chromium``), one browser for every file written in a run.
"""

from __future__ import annotations

import atexit
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from stratgraph.loaders.read.model import Block, BlockKind

from .common import list_runs, plain, table_width, title_of
from .to_html import _list_html, _table_html, inline

_CHROMIUM = "/usr/bin/chromium"
_BROWSER: dict[str, Any] = {}

_CSS = """
@page { size: A4; margin: 18mm 22mm 18mm 16mm; }
body { font-family: "DejaVu Serif", serif; font-size: 10pt; line-height: 1.35; color: #222;
       text-align: justify; hyphens: auto; }
h1 { font-family: "DejaVu Sans", sans-serif; font-size: 24pt; color: #00557f; margin: 0 0 8pt; }
h2 { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; color: #00857c; margin: 12pt 0 4pt; }
h3, h4, h5, h6 { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #b0306a;
       margin: 8pt 0 2pt; }
p { margin: 0 0 6pt; }
ul { list-style: none; padding-left: 14pt; margin: 0 0 6pt; }
ul > li::before { content: "\\25AA"; color: #00857c; display: inline-block; width: 10pt;
       margin-left: -12pt; }
ol { padding-left: 16pt; margin: 0 0 6pt; }
li > p { margin: 0; }
aside.sidebar { float: right; width: 34%; margin: 0 0 8pt 12pt; padding: 8pt;
       background: #eef6f5; font-family: "DejaVu Sans", sans-serif; text-align: left; }
.pull-quote { font-size: 13pt; font-style: italic; color: #00557f; margin: 0 0 10pt; }
.big-number { margin: 0 0 8pt; }
.big-number .figure { display: block; font-size: 26pt; font-weight: bold; color: #b0306a; }
.big-number .label { display: block; font-size: 8pt; }
figure { margin: 0; }
figure .photo { width: 100%; height: 70pt; background: #7a9; }
figcaption { font-size: 7pt; font-style: italic; }
table.plan-table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 6pt 0;
       text-align: left; clear: both; }
table.plan-table th { background: #00557f; color: #fff; padding: 3pt; }
table.plan-table td { padding: 3pt; vertical-align: top; }
table.plan-table tbody tr:nth-child(even) td { background: #eef3f7; }
table.plan-table td p, table.plan-table th p { margin: 0; }
table.plan-table ul { padding-left: 10pt; }
"""

_PAGE_NUMBER = ('<div style="width:100%;font-size:8pt;color:#00557f;text-align:right;'
                'padding-right:6mm;font-family:DejaVu Sans"><span class="pageNumber"></span></div>')


def _sidebar(blocks: Sequence[Block]) -> str:
    """The designer's sidebar: a pull quote from the plan's first long sentence, two big
    numbers and a captioned photo."""
    quote = next((plain(b.text) for b in blocks if b.kind is BlockKind.PARAGRAPH
                  and 8 <= len(plain(b.text).split()) <= 40), "")
    parts = ['<aside class="sidebar">']
    if quote:
        parts.append(f'<p class="pull-quote">\u201c{escape(quote, quote=False)}\u201d</p>')
    parts.append('<p class="big-number"><span class="figure">£2.3m</span>'
                 '<span class="label">invested in our neighbourhoods</span></p>')
    parts.append('<p class="big-number"><span class="figure">94%</span>'
                 '<span class="label">of residents satisfied with their local area</span></p>')
    parts.append('<figure><div class="photo"></div><figcaption>Volunteers planting trees at '
                 'Riverside Park in spring</figcaption></figure>')
    parts.append("</aside>")
    return "\n".join(parts)


def _body(blocks: Sequence[Block]) -> list[str]:
    out: list[str] = []
    sidebar_done = False
    for kind, group in list_runs(blocks):
        if kind == "list":
            out.extend(_list_html(group, ""))
            continue
        block = group[0]
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            out.append(f"<h{level}>{inline(block.text)}</h{level}>")
            if not sidebar_done:
                out.append(_sidebar(blocks))  # floated beside the opening text
                sidebar_done = True
        elif block.kind is BlockKind.TABLE:
            out.extend(_table_html(block, ""))
        else:
            out.append(f"<p>{inline(block.text)}</p>")
    if not sidebar_done:
        out.insert(0, _sidebar(blocks))
    return out


def _page() -> Any:
    if "page" not in _BROWSER:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(executable_path=_CHROMIUM)
        _BROWSER.update(playwright=playwright, browser=browser, page=browser.new_page())
        atexit.register(close_browser)
    return _BROWSER["page"]


def close_browser() -> None:
    """Stop the Chromium kept for the next brochure. A started sync Playwright holds an event
    loop in this thread: every later sync Playwright (the browser tests) refuses to start
    until it is stopped."""
    browser, playwright = _BROWSER.pop("browser", None), _BROWSER.pop("playwright", None)
    _BROWSER.pop("page", None)
    if browser is not None:
        browser.close()
    if playwright is not None:
        playwright.stop()


def write_pdf_designed(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a designed brochure PDF at ``path`` (see the
    module's docstring)."""
    title = escape(title_of(blocks), quote=False)
    html = ('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{_CSS}</style></head><body>\n"
            + "\n".join(_body(blocks)) + "\n</body></html>")
    wide = any(b.kind is BlockKind.TABLE and table_width(b) >= 4 for b in blocks)
    page = _page()
    page.set_content(html)
    path = Path(path)
    page.pdf(path=str(path), format="A4", landscape=wide, print_background=True,
             display_header_footer=True, header_template="<span></span>",
             footer_template=_PAGE_NUMBER,
             margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "22mm"})
    return path
