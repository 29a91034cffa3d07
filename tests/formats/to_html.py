"""A text plan as a council web page: the plan in ``<main>``, the site's chrome around it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from stratgraph.loaders.read.model import Block, BlockKind

from .common import cell_parts, list_runs, ordered, padded, runs, table_width, title_of


def inline(text: str, bold: str = "strong") -> str:
    """Escaped text with ``**bold**`` as ``<strong>`` (or ``bold``) and ``*italic*`` as
    ``<em>``."""
    out = []
    for run in runs(text):
        piece = escape(run.text, quote=False)
        if run.italic:
            piece = f"<em>{piece}</em>"
        if run.bold:
            piece = f"<{bold}>{piece}</{bold}>"
        out.append(piece)
    return "".join(out)


def _list_html(items: Sequence[Block], indent: str) -> list[str]:
    """One list (nested by level): ``<ol>`` when its first item is numbered, else ``<ul>``."""
    out: list[str] = []
    stack: list[str] = []  # the closing tags of the open lists, innermost last
    for item in items:
        if item.kind is BlockKind.PARAGRAPH:  # the item's description, inside its <li>
            out[-1] += f"<p>{inline(item.text)}</p>"
            continue
        level = min(max(item.level, 1), len(stack) + 1)
        if level > len(stack):
            found = ordered(item.marker)
            if found is None:
                out.append(f"{indent}{'  ' * len(stack)}<ul>")
                stack.append("</ul>")
            else:
                kind, number, _, _ = found
                start = f' start="{number}"' if number != 1 else ""
                kind = f' type="{kind}"' if kind != "1" else ""
                out.append(f"{indent}{'  ' * len(stack)}<ol{kind}{start}>")
                stack.append("</ol>")
        else:
            out[-1] += "</li>"
            while len(stack) > level:
                out.append(f"{indent}{'  ' * (len(stack) - 1)}{stack.pop()}</li>")
        out.append(f"{indent}{'  ' * len(stack)}<li>{inline(item.text)}")
    out[-1] += "</li>"
    while stack:
        closing = stack.pop()
        out.append(f"{indent}{'  ' * len(stack)}{closing}" + ("</li>" if stack else ""))
    return out


def cell_html(cell: str) -> str:
    """A table cell in the model's convention as the markup a CMS writes in a cell: ``<p>``,
    ``<ul><li>`` (nested lists inside their item), ``<b>``."""
    parts = cell_parts(cell)
    if not parts:
        return ""
    if len(parts) == 1 and not parts[0].item_level:
        return inline(parts[0].text, "b")
    out: list[str] = []
    depth = 0
    for part in parts:
        if not part.item_level:
            while depth:
                out.append("</li></ul>")
                depth -= 1
            out.append(f"<p>{inline(part.text, 'b')}</p>")
            continue
        level = min(part.item_level, depth + 1)
        if level > depth:
            out.append("<ul>")
            depth += 1
        else:
            out.append("</li>")
            while depth > level:
                out.append("</ul></li>")
                depth -= 1
        out.append(f"<li>{inline(part.text, 'b')}")
    while depth:
        out.append("</li></ul>")
        depth -= 1
    return "".join(out)


def _table_html(block: Block, indent: str) -> list[str]:
    width = table_width(block)
    rows = [padded(row, width) for row in block.rows]
    out = [f'{indent}<table class="plan-table">']
    if block.header and rows:
        out.append(f"{indent}  <thead>")
        out.append(f"{indent}    <tr>" + "".join(f'<th scope="col">{cell_html(c)}</th>'
                                                  for c in rows[0]) + "</tr>")
        out.append(f"{indent}  </thead>")
        rows = rows[1:]
    out.append(f"{indent}  <tbody>")
    for row in rows:
        out.append(f"{indent}    <tr>" + "".join(f"<td>{cell_html(c)}</td>" for c in row) + "</tr>")
    out.append(f"{indent}  </tbody>")
    out.append(f"{indent}</table>")
    return out


def body_html(blocks: Sequence[Block], indent: str = "      ") -> list[str]:
    """The plan's own markup: headings, paragraphs, lists and tables."""
    out: list[str] = []
    for kind, group in list_runs(blocks):
        if kind == "list":
            out.extend(_list_html(group, indent))
            continue
        block = group[0]
        if block.kind is BlockKind.HEADING:
            level = min(max(block.level, 1), 6)
            out.append(f"{indent}<h{level}>{inline(block.text)}</h{level}>")
        elif block.kind is BlockKind.TABLE:
            out.extend(_table_html(block, indent))
        else:
            out.append(f"{indent}<p>{inline(block.text)}</p>")
    return out


_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} | Wexbridge City Council</title>
  <link rel="stylesheet" href="/assets/css/site.css">
  <script src="/assets/js/analytics.js" async></script>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
  <style>.cookie-banner {{ position: fixed; bottom: 0; }} .visually-hidden {{ position: absolute; }}</style>
</head>
<body>
  <a class="skip-link" href="#main-content">Skip to content</a>
  <div class="cookie-banner" role="region" aria-label="Cookie banner">
    <p>We use cookies to make this website work and to collect information about how you use it.</p>
    <button type="button">Accept all cookies</button>
    <button type="button">Reject all cookies</button>
    <a href="/cookies">Cookie settings</a>
  </div>
  <header class="site-header">
    <a class="logo" href="/"><img src="/assets/img/logo.svg" alt="">Wexbridge City Council</a>
    <form class="site-search" action="/search" role="search">
      <label for="q" class="visually-hidden">Search this site</label>
      <input id="q" name="q" type="search"><button type="submit">Search</button>
    </form>
    <button class="menu-toggle" aria-expanded="false">Menu</button>
    <nav class="site-nav" aria-label="Main menu">
      <ul>
        <li><a href="/bins">Bins and recycling</a></li>
        <li><a href="/council-tax">Council tax</a></li>
        <li><a href="/housing">Housing</a></li>
        <li><a href="/schools">Schools and education</a></li>
        <li><a href="/planning">Planning and building control</a></li>
        <li><a href="/council">Your council</a></li>
      </ul>
    </nav>
  </header>
  <nav class="breadcrumbs" aria-label="Breadcrumb">
    <ol>
      <li><a href="/">Home</a></li>
      <li><a href="/council">Your council</a></li>
      <li><a href="/council/plans">Plans and strategies</a></li>
      <li aria-current="page">{title}</li>
    </ol>
  </nav>
  <div class="page">
    <main id="main-content">
{body}
      <p class="last-updated">Last updated: 3 June 2024</p>
    </main>
    <aside class="related" aria-label="Related pages">
      <h2>Related pages</h2>
      <ul>
        <li><a href="/council/budget">Budget and spending</a></li>
        <li><a href="/council/performance">How we are performing</a></li>
        <li><a href="/council/consultations">Consultations</a></li>
      </ul>
    </aside>
  </div>
  <div class="share">
    <p>Share this page</p>
    <ul>
      <li><a href="https://www.facebook.com/sharer/sharer.php">Share on Facebook</a></li>
      <li><a href="https://x.com/intent/post">Share on X</a></li>
      <li><a href="mailto:?subject=Plan">Share by email</a></li>
    </ul>
  </div>
  <footer class="site-footer">
    <ul>
      <li><a href="/accessibility">Accessibility statement</a></li>
      <li><a href="/privacy">Privacy notice</a></li>
      <li><a href="/cookies">Cookies</a></li>
      <li><a href="/contact">Contact us</a></li>
    </ul>
    <p>&copy; Wexbridge City Council 2024</p>
  </footer>
</body>
</html>
"""


def write_html(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a council web page at ``path``.

    The plan is the page's ``<main>``; around it are what council sites have on every page: a
    skip link, a cookie banner, the site header with its logo and menu, breadcrumbs, a
    "Related pages" aside, share links and a footer. Every text is escaped.
    """
    title = escape(title_of(blocks), quote=False)
    page = _PAGE.format(title=title, body="\n".join(body_html(blocks)))
    path = Path(path)
    path.write_text(page, encoding="utf-8")
    return path
