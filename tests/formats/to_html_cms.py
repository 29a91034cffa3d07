"""A text plan as a council CMS publishes it: headings that are not heading elements.

What editors in council content systems (Jadu, Granicus/GOSS, LocalGov Drupal, Squiz) make of
a plan: the page title is the one ``<h1>``; each section is an accordion (``<details>`` /
``<summary>``, or a ``<button aria-expanded>`` over a hidden panel); a sub-heading is a
paragraph in ``<strong>`` or a ``<p class="...">`` styled as one; a short list is typed into
one paragraph as lines broken by ``<br>`` ("• item<br>• item", "1. item<br>2. item"); the
content sits in a layout table beside a "Contact us" box; an "On this page" jump menu opens
the page and a "Was this page helpful?" feedback widget closes it, both inside the content.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from stratgraph.loaders.read.model import Block, BlockKind

from .common import list_runs, plain, title_of
from .to_html import _PAGE, _list_html, _table_html, inline


def _anchor(n: int) -> str:
    return f"section-{n}"


def _typed_lines(items: Sequence[Block]) -> str | None:
    """A flat list typed as lines of one paragraph, or ``None`` when it has nesting or
    descriptions (an editor keeps those as a real list)."""
    if any(b.kind is not BlockKind.LIST_ITEM or b.level != 1 for b in items):
        return None
    lines = []
    for item in items:
        marker = "•" if item.marker in ("-", "*", "+", "•") else item.marker
        lines.append(f"{escape(marker, quote=False)} {inline(item.text)}")
    return "<p>" + "<br>\n".join(lines) + "</p>"


def _heading(block: Block, accordion: str, n: int) -> tuple[str, str]:
    """The opening markup of a heading, and what closes its section (accordions only)."""
    text = inline(block.text)
    if block.level <= 1:
        return f"<h1>{text}</h1>", ""
    if block.level == 2:
        if accordion == "details":
            return f'<details class="accordion" id="{_anchor(n)}"><summary>{text}</summary>', "</details>"
        return (f'<div class="accordion-item" id="{_anchor(n)}"><h2 class="accordion-heading">'
                f'<button type="button" aria-expanded="false" aria-controls="panel-{n}">{text}'
                f'</button></h2><div class="accordion-panel" id="panel-{n}" hidden>', "</div></div>")
    if block.level == 3:
        return f"<p><strong>{escape(plain(block.text), quote=False)}</strong></p>", ""
    return f'<p class="sub-heading">{text}</p>', ""


def body_html_cms(blocks: Sequence[Block], accordion: str = "button") -> list[str]:
    """The plan's markup as a CMS editor makes it (see the module's docstring)."""
    out: list[str] = []
    closing = ""
    n = 0
    for kind, group in list_runs(blocks):
        if kind == "list":
            typed = _typed_lines(group)
            out.extend([typed] if typed is not None else _list_html(group, ""))
            continue
        block = group[0]
        if block.kind is BlockKind.HEADING:
            if block.level <= 2 and closing:
                out.append(closing)
                closing = ""
            n += block.level == 2  # the jump menu's anchors number the sections
            opening, close = _heading(block, accordion, n)
            out.append(opening)
            closing = close or closing
        elif block.kind is BlockKind.TABLE:
            out.extend(_table_html(block, ""))
        else:
            out.append(f'<p class="body-text">{inline(block.text)}</p>')
    if closing:
        out.append(closing)
    return out


_JUMP = """<div class="on-this-page">
  <p class="on-this-page__title">On this page</p>
  <ul>
{links}
  </ul>
</div>"""

_FEEDBACK = """<div class="page-feedback">
  <h2>Was this page helpful?</h2>
  <form action="/feedback" method="post">
    <button type="submit" name="helpful" value="yes">Yes</button>
    <button type="submit" name="helpful" value="no">No</button>
  </form>
  <p><a href="/report-a-problem">Report a problem with this page</a></p>
</div>"""

_CONTACT = """<td class="sidebar" width="30%">
  <h2>Contact us</h2>
  <p>Corporate Policy Team<br>Civic Offices, High Street<br>Telephone: 01234 567890</p>
  <p><a href="mailto:policy@example.gov.uk">Email the policy team</a></p>
</td>"""


def write_html_cms(blocks: Sequence[Block], path: str | Path, *, accordion: str = "button") -> Path:
    """Write ``blocks`` (of a text plan) as a CMS page at ``path``: accordions (``"button"``
    or ``"details"``), bold paragraphs as sub-headings, ``<br>`` lists, a layout table with a
    contact box, a jump menu and a feedback widget, in the site's usual chrome."""
    body = body_html_cms(blocks, accordion)
    sections = [b for b in blocks if b.kind is BlockKind.HEADING and b.level == 2]
    parts: list[str] = []
    if len(sections) >= 2:
        links = "\n".join(f'    <li><a href="#{_anchor(i)}">{escape(plain(b.text), quote=False)}</a></li>'
                          for i, b in enumerate(sections, 1))
        parts.append(_JUMP.format(links=links))
    parts += body
    parts.append(_FEEDBACK)
    layout = ('<table class="layout" role="presentation" width="100%"><tr><td class="content">\n'
              + "\n".join(parts) + "\n</td>\n" + _CONTACT + "\n</tr></table>")
    title = escape(title_of(blocks), quote=False)
    page = _PAGE.format(title=title, body=layout)
    path = Path(path)
    path.write_text(page, encoding="utf-8")
    return path
