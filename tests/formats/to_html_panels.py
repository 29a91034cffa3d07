"""A text plan as a council web page that shows it a section at a time: tabs and accordions.

Council sites put a long plan's sections in tab sets and accordions, hidden until the reader
picks a tab or opens a section; the hidden ones are the plan's text all the same. The page
around the plan is :func:`~formats.to_html.write_html`'s (cookie banner, menu, breadcrumbs,
share links, footer); inside ``<main>``, each section under a level-2 heading is, in turn:

- a **tab panel** (the first sections, up to three, right under the title: ``role=tabpanel``,
  ``hidden`` but the first), its heading only the tab's label in a ``role=tablist`` above;
- an **accordion section** as GOV.UK-style components write it: the heading holds a
  ``<button aria-expanded="false" aria-controls>``, the panel ``hidden``;
- an **accordion** whose script adds the toggles later: the panel only named by its class
  (``accordion__panel``) and hidden with ``aria-hidden="true"`` and ``display: none``;
- a native ``<details>``, its ``<summary>`` holding the heading.

Headings below level 2 are ``<div role="heading" aria-level>``; a list whose every item has a
long description is a definition list (``<dl>``: the item a ``<dt>``, its description a
``<dd>``); a flat list after a lead-in line ending with ":" is typed into the lead-in's
paragraph, a "• " and a ``<br>`` an item; each section ends with a "Back to top" link and
the page with a "Was this page helpful?" box.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from stratgraph.loaders.read.model import Block, BlockKind

from .common import list_runs, ordered, title_of
from .to_html import _PAGE, _list_html, _table_html, inline

_FEEDBACK = """      <div class="page-feedback">
        <h2>Was this page helpful?</h2>
        <form action="/feedback"><button type="submit" name="useful" value="yes">Yes</button>
        <button type="submit" name="useful" value="no">No</button></form>
      </div>"""


def _as_definitions(items: Sequence[Block]) -> list[str] | None:
    """A flat bulleted list whose every item has a description of more than six words, as a
    ``<dl>``; else ``None``."""
    pairs: list[tuple[Block, list[Block]]] = []
    for block in items:
        if block.kind is BlockKind.LIST_ITEM:
            if block.level != 1 or ordered(block.marker) is not None:
                return None
            pairs.append((block, []))
        elif pairs:
            pairs[-1][1].append(block)
    if len(pairs) < 2 or any(
            not descs or len(" ".join(d.text for d in descs).split()) <= 6 for _, descs in pairs):
        return None
    out = ["      <dl>"]
    for item, descs in pairs:
        out.append(f"        <dt>{inline(item.text)}</dt>")
        out.extend(f"        <dd>{inline(d.text)}</dd>" for d in descs)
    out.append("      </dl>")
    return out


def _as_typed(lead: Block, items: Sequence[Block]) -> str | None:
    """A lead-in paragraph and the flat bulleted list under it as one paragraph of lines."""
    if not lead.text.rstrip().endswith(":") or len(items) < 2 or any(
            b.kind is not BlockKind.LIST_ITEM or b.level != 1 or ordered(b.marker) is not None
            for b in items):
        return None
    lines = [inline(lead.text)] + [f"&bull; {inline(b.text)}" for b in items]
    return "      <p>" + "<br>\n        ".join(lines) + "</p>"


def _section_body(blocks: Sequence[Block]) -> list[str]:
    out: list[str] = []
    runs = list(list_runs(blocks))
    skip = False
    for k, (kind, group) in enumerate(runs):
        if skip:
            skip = False
            continue
        if kind == "list":
            out.extend(_as_definitions(group) or _list_html(group, "      "))
            continue
        block = group[0]
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            out.append(f'      <div class="h{level}" role="heading" aria-level="{level}">'
                       f"{inline(block.text)}</div>")
        elif block.kind is BlockKind.TABLE:
            out.extend(_table_html(block, "      "))
        else:
            following = runs[k + 1] if k + 1 < len(runs) else None
            typed = (_as_typed(block, following[1])
                     if following is not None and following[0] == "list" else None)
            if typed is not None:
                out.append(typed)
                skip = True
            else:
                out.append(f"      <p>{inline(block.text)}</p>")
    return out


def write_html_panels(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a council web page whose sections are tabs and
    accordions (see the module docstring)."""
    sections: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.kind is BlockKind.HEADING and block.level <= 2:
            sections.append((block, []))
        else:
            sections[-1][1].append(block)
    out: list[str] = []
    tabs: list[tuple[str, list[str]]] = []

    def close_tabs() -> None:
        if not tabs:
            return
        out.append('      <div class="tabs"><ul class="tabs__list" role="tablist">')
        for k, (label, _) in enumerate(tabs):
            out.append(f'        <li role="presentation"><a role="tab" id="tab-{k}" '
                       f'href="#panel-{k}" aria-selected="{str(k == 0).lower()}">{label}</a></li>')
        out.append("      </ul>")
        for k, (_, body) in enumerate(tabs):
            hidden = "" if k == 0 else " hidden"
            out.append(f'      <div class="tabs__panel" role="tabpanel" id="panel-{k}" '
                       f'aria-labelledby="tab-{k}"{hidden}>')
            out.extend(body)
            out.append("      </div>")
        out.append("      </div>")
        tabs.clear()

    # The first sections (up to three, right under the title) are a tab set; the rest take
    # the three kinds of accordion in turn.
    tabbed = 0
    for n, (heading, body) in enumerate(sections):
        inner = _section_body(body)
        if heading is None or heading.level < 2:
            close_tabs()
            if heading is not None:
                out.append(f"      <h1>{inline(heading.text)}</h1>")
            out.extend(inner)
            continue
        label = inline(heading.text)
        if tabbed < 3 and "**" not in heading.text:
            tabs.append((label, inner))
            tabbed += 1
            continue
        close_tabs()
        tabbed = 3
        style = n % 3
        if style == 0:
            out.append(f'      <h2 class="accordion__heading"><button type="button" '
                       f'aria-expanded="false" aria-controls="acc-{n}">{label}</button></h2>')
            out.append(f'      <div class="accordion__panel" id="acc-{n}" hidden>')
            out.extend(inner)
            out.append("      </div>")
        elif style == 1:
            out.append(f'      <h2 class="accordion__title">{label}</h2>')
            out.append('      <div class="accordion__panel" aria-hidden="true" '
                       'style="display: none">')
            out.extend(inner)
            out.append("      </div>")
        else:
            out.append(f"      <details><summary><h2>{label}</h2></summary>")
            out.extend(inner)
            out.append("      </details>")
        out.append('      <p class="back-to-top"><a href="#top">Back to top</a></p>')
    close_tabs()
    out.append(_FEEDBACK)
    title = escape(title_of(blocks), quote=False)
    path = Path(path)
    path.write_text(_PAGE.format(title=title, body="\n".join(out)), encoding="utf-8")
    return path
