"""HTML: a saved web page's own markup says what is plan and what is the website around it.

A council publishes its plan as pages of its website; a page saved from it carries the site's
navigation, header, footer, cookie banner, breadcrumbs and share links around the plan. The
page's markup names most of that, so the reader trusts the markup (measured against a
main-content extractor in ``docs/reading-formats.md``, "HTML: main content"):

1. **Not text at all**: ``script``, ``style``, ``noscript``, ``template``, ``svg``, ``iframe``,
   form controls, hidden elements (``hidden``, ``aria-hidden``, ``display: none``) and short
   screen-reader-only notes ("(opens in a new window)").
2. **Chrome, kept as furniture**: ``nav`` and ``role=navigation``/``search``; a ``header`` or
   ``footer`` that is not inside an ``article``, ``main`` or ``section`` (the site's, not an
   article's) and ``role=banner``/``contentinfo``; an ``aside`` outside the main content (or in
   it but mostly links, or named as related links); elements whose ``id``/``class`` name a
   cookie notice, consent, breadcrumb, skip link, share or social links, menu or navbar, site
   header or footer (whole words: ``social-care`` is content). An element that holds the main
   content, the page's ``h1`` or most of its text is never chrome, whatever its class says.
3. **The main content**: ``<main>`` (or ``role=main``), else the one ``<article>``, provided it
   holds 30% of the page's text; else the smallest element whose class or id names it as the
   content (``mainContent``, ``region-content``; not ``tab-content``) holding 60%; else the
   body. What is left outside it is furniture too, except the page's ``h1`` when the main
   content has none (a title band above ``<main>``).
4. **Blocks**: ``h1``-``h6`` headings; ``p`` and the loose text of ``div``/``section``
   paragraphs; ``li`` list items (nesting by depth, ``-`` for ``ul``, the number for ``ol``,
   honouring ``start``, ``type``, ``reversed`` and ``value``; each outermost list its own
   ``group``); tables in the model's cell convention (``th`` or ``thead`` first row = header;
   spanned cells written once). A table with one column or ``role=presentation``, or holding
   headings or other tables, is layout: read as its content. ``b``/``strong`` and ``i``/``em``
   become ``**``/``*`` marks as in a converted plan. Images' alt text, ``figure``/
   ``figcaption`` and table captions are caption furniture; a list of in-page links (an "On
   this page" contents list) is navigation.
5. **Leftover lines**: a short heading, paragraph or item that is site chrome by its words
   (:func:`~stratgraph.loaders.read.furniture.is_site_chrome`: "Skip to content", "Accept all
   cookies", "Home > Council") is furniture.

Text is only ever text: ``&lt;script&gt;`` in a page is the words ``<script>``, and nothing in
it is interpreted. A web page has no pages: blocks have no page and the document no page count.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from stratgraph.errors import LoaderError
from stratgraph.loaders.read.furniture import chrome_role
from stratgraph.loaders.read.model import Block, BlockKind, Document
from stratgraph.loaders.read.grouped_header import combined_header
from stratgraph.loaders.read.render import assemble, empty_table, mark_runs, one_line, table_text
from stratgraph.loaders.read.text import _looks_binary, decode, typed_item

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""",
                           re.IGNORECASE)

# Never text: code, styles, embedded things, the page's head.
_NOT_TEXT = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset",
    "object", "embed", "canvas", "video", "audio", "map", "head", "title", "meta", "link",
    "base",
})
# Form controls: dropped after chrome is set aside (a cookie banner's "Accept" button is
# furniture with its banner).
_CONTROLS = frozenset({"button", "input", "select", "option", "optgroup", "textarea",
                       "datalist", "output", "progress", "meter", "label"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "ul", "caption", "legend", "body", "html", "menu",
})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONTENT_ANCESTORS = frozenset({"article", "main", "section"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SR_ONLY = frozenset({"visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text",
                      "screenreader-only", "govuk-visually-hidden", "element-invisible",
                      "offscreen", "hidden"})

# Chrome by name. Substrings that no plan's own markup uses for content:
_COOKIE_NAME = re.compile(r"cookie|consent|gdpr")
# and whole words (class "social-care-priorities" is content, "social-links" is not).
_NAV_WORDS = frozenset({
    "skip", "skiplink", "skiplinks", "skipnav", "skip-link", "skip-links", "skip-to-content",
    "share", "sharing", "sharethis", "addthis", "share-links", "share-buttons", "socialshare",
    "menu", "megamenu", "mega-menu", "navbar", "nav", "navigation", "sitenav", "site-nav",
    "topnav", "subnav", "mainnav", "main-nav", "main-menu", "sidebar", "side-bar",
    "related-links", "related-pages", "related-content", "related-items", "related-services",
    "related-documents", "social-links", "social-media", "social-icons", "social-share",
    "follow-us", "toolbar", "utility-bar", "addtoany", "a2a-kit",
    # a page's own contents list ("On this page"): links to its headings, not plan text
    "on-this-page", "toc", "table-of-contents", "page-contents", "contents-list",
    "in-this-section", "jump-links", "anchor-nav", "page-nav",
})
# A bare "header" counts only as an element's whole class or id ("card-header" is a box's
# title); these compounds count anywhere in one. A footer is one in any name.
_HEADER_WORDS = frozenset({"site-header", "global-header", "masthead", "banner", "page-top",
                           "top-bar", "phase-banner", "region-header", "l-header", "layout-header",
                           "header-region", "top-header"})
_FOOTER_WORDS = frozenset({"footer"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# Without <main> or one <article>, an element named as the content is the next best guide:
# one of these names, or a name with the word "content" and no word of chrome or of a part
# of the content ("tab-content" is one tab of it).
_CONTENT_NAMES = frozenset({"main", "maincontent", "primary", "article", "article-body",
                            "page-body", "main-body", "main-column"})
_NOT_CONTENT_WORDS = frozenset({
    "sidebar", "menu", "nav", "navigation", "footer", "header", "cookie", "modal", "tab",
    "tabs", "teaser", "card", "accordion", "panel", "dialog", "popup", "banner", "related",
    "widget", "share", "social", "search", "skip", "aside", "secondary",
})
_ROLE_ATTR = {"navigation": "navigation", "search": "navigation", "menu": "navigation",
              "menubar": "navigation", "banner": "page-header", "contentinfo": "page-footer"}


def _decode(data: bytes, where: str) -> str:
    """The page's text: a BOM, else its ``<meta charset>``, else UTF-8 with a Windows-1252
    fallback (as :func:`~stratgraph.loaders.read.text.decode`)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, where)
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            codec = codecs.lookup(m.group(1).decode("ascii")).name
        except LookupError:
            codec = "utf-8"
        # Browsers read latin-1 and ASCII labels as Windows-1252, and ignore a UTF-16 label
        # in a page that the meta tag itself shows is not UTF-16.
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"
        if not codec.startswith(("utf-8", "utf-16", "utf-32")):
            text = data.decode(codec, errors="replace")
            if _looks_binary(text):
                raise LoaderError("binary file, not a plan (expected a web page)", file=where)
            if not text.strip():
                raise LoaderError("empty file: no text to read", file=where)
            return text.replace("\r\n", "\n").replace("\r", "\n")
    return decode(data, where)


def _words(tag: Tag) -> tuple[set[str], list[str]]:
    """An element's class and id as whole words (``site-header``, ``site`` and ``header``),
    and the class names and id themselves, lower-cased."""
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    names = [str(c) for c in classes]
    if tag.get("id"):
        names.append(str(tag.get("id")))
    # "MainMenu", "cookie_bar": "main-menu", "cookie-bar".
    names = [_CAMEL.sub("-", n).replace("_", "-").lower() for n in names]
    words: set[str] = set()
    for name in names:
        words.add(name)
        words.update(w for w in re.split(r"[^a-z0-9]+", name) if w)
        # "c-site-header__inner": "site-header" as well as "site" and "header".
        parts = [w for w in re.split(r"[^a-z0-9]+", name) if w]
        words.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]))
    return words, names


def _content_named(tag: Tag) -> bool:
    """Whether an element's class or id names it as the page's content."""
    words, names = _words(tag)
    if words & _NOT_CONTENT_WORDS:
        return False
    return bool(set(names) & _CONTENT_NAMES) or "content" in words


def _inside(tag: Tag, names: Iterable[str]) -> bool:
    names = frozenset(names)
    return any(p.name in names or p.get("role") == "main" for p in tag.parents
               if getattr(p, "name", None))


def _link_density(tag: Tag) -> float:
    text = len(one_line(tag.get_text(" ")))
    if not text:
        return 1.0
    linked = sum(len(one_line(a.get_text(" "))) for a in tag.find_all("a"))
    return linked / text


class _Walk:
    """An element's subtree as events, depth first, without recursion (a page of unclosed
    ``<p>`` or ``<font>`` tags nests thousands deep): ``("text", str)``, ``("start", tag)``,
    ``("end", tag)``. After a start, :meth:`skip` leaves that element's subtree unread."""

    def __init__(self, root: Tag) -> None:
        self.root = root
        self._skip = False

    def skip(self) -> None:
        self._skip = True

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        from bs4 import NavigableString

        stack = [(self.root, iter(list(self.root.children)))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if stack:
                    yield "end", node
                continue
            if isinstance(child, NavigableString):
                yield "text", str(child)
                continue
            if not getattr(child, "name", None):
                continue
            self._skip = False
            yield "start", child
            if self._skip:
                self._skip = False
                yield "end", child
            else:
                stack.append((child, iter(list(child.children))))


class _Reader:
    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self.blocks: list[Block] = []
        self.furniture: list[Block] = []
        self.runs: list[tuple[str, bool, bool]] = []
        self.page_text = 0
        #: ids of the elements that hold the main content or an h1 (never chrome by class).
        self.holds_main: set[int] = set()
        self.holds_h1: set[int] = set()
        #: Lists read so far: each list's items carry its number (``Block.group``).
        self.lists_seen = 0

    # -- furniture ------------------------------------------------------------------------

    def keep_furniture(self, text: str, role: str) -> None:
        text = one_line(text)
        if text:
            self.furniture.append(Block(BlockKind.FURNITURE, text, role=role))

    def chrome_of(self, tag: Tag) -> str | None:
        """The furniture role of a chrome element, or ``None`` for content."""
        role = self._chrome_of(tag)
        if role in ("navigation", "page-header", "page-footer"):
            # A nav that is a breadcrumb trail, a header that is a cookie banner: say which.
            joined = " ".join(_words(tag)[1])
            if _COOKIE_NAME.search(joined):
                return "cookie-notice"
            if "breadcrumb" in joined:
                return "breadcrumb"
        return role

    def _chrome_of(self, tag: Tag) -> str | None:
        name = tag.name
        if name in ("html", "body", "main", "article") or tag.get("role") == "main":
            return None
        if id(tag) in self.holds_main:
            return None  # a template that wraps the page in its header holds the plan too
        role_attr = str(tag.get("role") or "").lower()
        if name == "nav" or role_attr in ("navigation", "search", "menu", "menubar"):
            return "navigation"
        if name == "header" and not _inside(tag, _CONTENT_ANCESTORS):
            return "page-header"
        if name == "footer" and not _inside(tag, _CONTENT_ANCESTORS):
            return "page-footer"
        if role_attr in ("banner", "contentinfo") and not _inside(tag, _CONTENT_ANCESTORS):
            return _ROLE_ATTR[role_attr]
        words, names = _words(tag)
        if name == "aside" or role_attr == "complementary":
            if not _inside(tag, ("main", "article")) or _link_density(tag) > 0.5 or (
                    words & _NAV_WORDS):
                return "navigation"
            return None
        if not words:
            return None
        joined = " ".join(names)
        if _COOKIE_NAME.search(joined):
            role = "cookie-notice"
        elif "breadcrumb" in joined:
            role = "breadcrumb"
        elif words & _NAV_WORDS:
            role = "navigation"
        elif (words & _HEADER_WORDS or "header" in names) and not _inside(tag, ("main", "article")):
            role = "page-header"
        elif words & _FOOTER_WORDS and not _inside(tag, ("main", "article")):
            role = "page-footer"
        else:
            return None
        # A class is a weaker word than an element: never let one take the plan with it.
        if id(tag) in self.holds_h1:
            return None
        if self.page_text and len(one_line(tag.get_text(" "))) > 0.4 * self.page_text:
            return None
        return role

    # -- preparing the page ---------------------------------------------------------------

    def prepare(self) -> Tag:
        """Drop what is not text, move chrome to furniture; the element to read as content."""
        from bs4 import Comment, Declaration, Doctype, ProcessingInstruction

        soup = self.soup
        # One pass over the page sorts out what the steps below need.
        junk: list[Any] = []
        holders: list[tuple[Any, set[int]]] = []
        for node in soup.descendants:
            name = getattr(node, "name", None)
            if name is None:
                if isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction)):
                    junk.append(node)
            elif name in _NOT_TEXT:
                junk.append(node)
            elif name in ("main", "article") or node.get("role") == "main":
                holders.append((node, self.holds_main))
            elif name == "h1":
                holders.append((node, self.holds_h1))
        for node in junk:
            if getattr(node, "name", None):
                node.decompose()
            else:
                node.extract()
        for node, held in holders:
            held.update(id(p) for p in node.parents)
        body = soup.body or soup
        self.page_text = len(one_line(body.get_text(" ")))
        walk = _Walk(body)
        for event, tag in walk:
            if event != "start":
                continue
            role = self.chrome_of(tag)
            if role:
                self.keep_furniture(tag.get_text(" "), role)
                walk.skip()
                tag.decompose()
        # An accordion's panels are hidden until a reader opens them, and its titles are
        # buttons: both are the plan's text (a CMS puts each section of a plan in one).
        toggles = [t for t in body.find_all(attrs={"aria-expanded": True})
                   if t.get_text(strip=True)]
        panels: set[int] = set()
        for toggle in toggles:
            for ident in str(toggle.get("aria-controls") or "").split():
                panel = body.find(id=ident)
                if panel is not None:
                    panels.add(id(panel))
            # A panel without an id: the element right after the toggle's heading or itself.
            holder = toggle.find_parent(list(_HEADINGS)) or toggle
            after = holder.find_next_sibling()
            if after is not None and after.get_text(strip=True):
                panels.add(id(after))
            if toggle.name == "button" and toggle.find_parent(list(_HEADINGS)) is not None:
                toggle.unwrap()  # the section's title
        panels.update(self.hidden_panels(body))
        walk = _Walk(body)
        for event, tag in walk:
            if event != "start":
                continue
            if id(tag) in panels:
                continue
            if _hidden(tag) or (tag.name in _CONTROLS and tag.name != "label"):
                walk.skip()
                tag.decompose()
            elif tag.name == "dialog" and not tag.has_attr("open"):
                walk.skip()
                tag.decompose()
        for form in body.find_all("form"):
            if form.decomposed:
                continue  # inside a form already dropped
            # A search box or sign-up form is chrome; a page-wide form (ASP.NET) holds the page.
            if not (form.find(list(_HEADINGS) + ["table"]) or len(form.find_all("p")) >= 3):
                # A box that is little but the form ("Was this page helpful?" over Yes / No
                # buttons, "Report a problem") goes with it: a widget, not the plan's text.
                box = form.parent
                if (box is not None
                        and box.name not in ("body", "main", "article", "html", "td", "form")
                        and not box.find(["ul", "ol", "table"]) and len(box.find_all("p")) < 3
                        and len(box.find_all(list(_HEADINGS))) <= 1
                        and len(one_line(box.get_text(" "))) - len(one_line(form.get_text(" "))) <= 120):
                    form = box
                self.keep_furniture(form.get_text(" "), "navigation")
                form.decompose()
        for label in body.find_all("label"):
            label.decompose()
        for dl in body.find_all("dl"):
            if not dl.decomposed:
                _definitions(dl, self.soup)
        return self.choose_main(body)

    def hidden_panels(self, body: Tag) -> set[int]:
        """The ids of a page's tab panels and collapsed accordion sections: hidden (``hidden``,
        ``aria-hidden``, ``display: none``) only until a reader picks the tab or opens the
        section, and each a part of the plan (a CMS puts each priority in one).

        A panel is ``role=tabpanel``, an element a tab or a collapse toggle points at (by
        ``aria-controls``, ``data-target``/``data-bs-target`` or ``href="#id"``), or one whose
        class names it as a panel of an accordion, collapse or tab set. A tab panel without a
        heading of its own is read under its tab's label, a level under the heading the tab set
        stands under (:func:`_label_level`).
        """
        found: dict[int, Tag] = {}
        labels: dict[int, str] = {}
        for tag in body.find_all(True):
            role = str(tag.get("role") or "").lower()
            if role == "tabpanel" or _panel_named(tag):
                found[id(tag)] = tag
            toggle = str(tag.get("data-toggle") or tag.get("data-bs-toggle") or "").lower()
            if role != "tab" and toggle not in ("collapse", "tab", "pill"):
                continue
            targets = str(tag.get("aria-controls") or "").split()
            for attr in ("data-target", "data-bs-target", "href"):
                ref = str(tag.get(attr) or "")
                if ref.startswith("#") and len(ref) > 1:
                    targets.append(ref[1:])
            for ident in targets:
                panel = body.find(id=ident)
                if panel is not None and panel is not tag:
                    found[id(panel)] = panel
                    if role == "tab" and (text := one_line(tag.get_text(" "))):
                        labels[id(panel)] = text
        for key, panel in found.items():
            label = labels.get(key)
            if label and panel.find(list(_HEADINGS)) is None \
                    and panel.find(attrs={"role": "heading"}) is None:
                heading = self.soup.new_tag("div", attrs={
                    "role": "heading", "aria-level": str(_label_level(panel))})
                heading.string = label
                panel.insert(0, heading)
        return set(found)

    def choose_main(self, body: Tag) -> Tag:
        total = len(one_line(body.get_text(" ")))
        candidates = body.find_all("main") + body.find_all(attrs={"role": "main"})
        articles = body.find_all("article")
        if not candidates and len(articles) == 1:
            candidates = articles
        main = max(candidates, key=lambda t: len(t.get_text(" ")), default=None)
        if main is None or len(one_line(main.get_text(" "))) < 0.3 * total:
            # The smallest element named as the content that still holds most of the text.
            named = [(len(one_line(t.get_text(" "))), i, t)
                     for i, t in enumerate(body.find_all(True))
                     if t.name not in ("html", "body") and _content_named(t)]
            named = [n for n in named if n[0] >= 0.6 * total]
            main = min(named, key=lambda n: (n[0], n[1]))[2] if named else None
        if main is None or main is body:
            return body
        title = None
        if not main.find("h1"):
            # The page's title in a band above <main> (not in the site header, gone by now).
            outside = [h for h in body.find_all("h1") if not any(p is main for p in h.parents)]
            if len(outside) == 1:
                title = one_line(outside[0].get_text(" "))
                outside[0].decompose()
        from bs4 import NavigableString

        mark = NavigableString("\ue000")
        main.replace_with(mark)
        before, _, after = body.get_text("\n").partition("\ue000")
        mark.replace_with(main)
        for text, role in ((before, "page-header"), (after, "page-footer")):
            for line in text.split("\n"):
                self.keep_furniture(line, role)
        if title:
            self.blocks.append(Block(BlockKind.HEADING, title, level=1))
        return main

    # -- reading --------------------------------------------------------------------------

    def read(self, root: Tag) -> None:
        """The content's blocks, in reading order."""
        walk = _Walk(root)
        bold = italic = 0
        # What each open element started: a list, an item, bold or italic type, or nothing.
        opened: list[tuple[str, Any]] = []
        lists: list[list[Any]] = []  # [ordered, type, next number, step] of each open list
        items: list[tuple[int, str]] = []  # (level, marker) of each open item
        # Whether each open item's own line is out: what follows in it is its description.
        described: list[bool] = []
        group = 0  # the outermost open list's number: its items, nested ones too, are one list
        # The level of the last heading outside an accordion (<details>), and how many are
        # open: a <summary> is a heading one level under the page's heading around it.
        outer_level, details = 1, 0

        def flush() -> None:
            runs, self.runs[:] = list(self.runs), []
            text = one_line(mark_runs(runs))
            if not text:
                return
            if not items and not lists and (typed := _typed_lines(runs)):
                # "• Item<br>• Item" or "1. Item<br>2. Item": a list typed into a paragraph,
                # under a lead-in line of its own ("We will:<br>- Plant trees<br>- ...").
                if typed[0][0] == "":
                    self.blocks.append(Block(BlockKind.PARAGRAPH, typed.pop(0)[1]))
                self.lists_seen += 1
                for marker, line in typed:
                    self.blocks.append(Block(BlockKind.LIST_ITEM, line, level=1, marker=marker,
                                             group=self.lists_seen))
                return
            if items and described[-1]:
                self.blocks.append(Block(BlockKind.PARAGRAPH, text, level=items[-1][0],
                                         group=group))
            elif items:
                level, marker = items[-1]
                self.blocks.append(Block(BlockKind.LIST_ITEM, text, level=level, marker=marker,
                                         group=group))
                described[-1] = True
            elif lists:  # loose text in a list: an item all the same
                self.blocks.append(Block(BlockKind.LIST_ITEM, text, level=len(lists), marker="-",
                                         group=group))
            else:
                self.blocks.append(Block(BlockKind.PARAGRAPH, text))

        for event, node in walk:
            if event == "text":
                self.runs.append((node, bold > 0, italic > 0))
                continue
            tag: Tag = node
            name = tag.name
            if event == "end":
                action, _ = opened.pop()
                if action == "list":
                    flush()
                    lists.pop()
                elif action == "item":
                    flush()
                    items.pop()
                    described.pop()
                elif action == "details":
                    flush()
                    details -= 1
                elif action == "bold":
                    bold -= 1
                elif action == "italic":
                    italic -= 1
                elif action == "block":
                    if items and not described[-1]:
                        self.runs.append((" ", False, False))
                    else:
                        flush()
                continue
            action = ""
            if name == "br":
                if items and not described[-1] and _bold_lead(self.runs):
                    # "<li><strong>A healthy place</strong><br>Working with ...": the bold
                    # line is the item, what follows the break its description.
                    flush()
                else:
                    self.runs.append(("\n", False, False))
            elif name == "img":
                self.keep_furniture(str(tag.get("alt") or ""), "caption")
            elif name in _HEADINGS or tag.get("role") == "heading":
                flush()
                level = int(name[1]) if name in _HEADINGS else _level(tag.get("aria-level"))
                text = one_line(mark_runs(_runs(tag)))
                if text:
                    self.blocks.append(Block(BlockKind.HEADING, text, level=level))
                    if not details:
                        outer_level = level
                walk.skip()
            elif name == "details":
                flush()
                details += 1
                action = "details"
            elif name == "summary" and details and not tag.find(list(_HEADINGS)):
                flush()
                text = one_line(mark_runs(_runs(tag))).replace("**", "")
                if text:
                    self.blocks.append(Block(BlockKind.HEADING, text,
                                             level=min(outer_level + details, 6)))
                walk.skip()
            elif name in ("ul", "ol", "menu"):
                flush()
                if _in_page_links(tag):
                    self.keep_furniture(tag.get_text(" "), "navigation")
                    walk.skip()
                else:
                    if not lists:
                        self.lists_seen += 1
                        group = self.lists_seen
                    step = -1 if tag.has_attr("reversed") else 1
                    lists.append([name == "ol", str(tag.get("type") or "1"),
                                  _int(tag.get("start"), 1), step])
                    action = "list"
            elif name == "li":
                flush()
                if lists:
                    ordered, kind, number, step = lists[-1]
                    number = _int(tag.get("value"), number)
                    marker = _ol_marker(number, kind) if ordered else "-"
                    lists[-1][2] = number + step
                    items.append((len(lists), marker))
                else:  # an item outside a list, as careless markup has them
                    if not items:
                        self.lists_seen += 1
                        group = self.lists_seen
                    items.append((1, "-"))
                described.append(False)
                action = "item"
            elif name == "table":
                flush()
                self.table(tag)
                walk.skip()
            elif name == "figure" and not tag.find("table"):
                flush()
                alts = [str(i.get("alt")) for i in tag.find_all("img") if i.get("alt")]
                self.keep_furniture(" ".join([tag.get_text(" "), *alts]), "caption")
                walk.skip()
            elif name in ("figcaption", "caption"):
                self.keep_furniture(tag.get_text(" "), "caption")
                walk.skip()
            elif name == "pre":
                flush()
                for line in tag.get_text().split("\n"):
                    self.runs.append((line, False, False))
                    flush()
                walk.skip()
            elif name == "hr":
                flush()
            elif name in ("b", "strong"):
                bold += 1
                action = "bold"
            elif name in ("i", "em"):
                italic += 1
                action = "italic"
            elif name in _BLOCK:
                # Inside a list item, the paragraph that opens it is the item's text and each
                # one after it a paragraph of its description, on the lines right under it (as
                # a copy of the page as text has them); elsewhere each is its own.
                if items and not described[-1] and not "".join(r[0] for r in self.runs).strip():
                    self.runs.append((" ", False, False))
                else:
                    flush()
                action = "block"
            opened.append((action, tag))
        flush()

    def table(self, tag: Tag) -> None:
        rows = _table_rows(tag)
        cells = [c for row in rows for c in row]
        if len(rows) == 1 and cells and not tag.get_text(strip=True) and tag.find("img") is None:
            # One row of empty cells: a plan's line of bare pipes, whose count a reader needs.
            self.blocks.append(empty_table(len(cells)))
            return
        layout = (str(tag.get("role") or "").lower() in ("presentation", "none")
                  or all(len(row) <= 1 for row in rows)
                  or tag.find(_HEADINGS + ("table",)) is not None)
        for cap in tag.find_all("caption", recursive=False):
            self.keep_furniture(cap.get_text(" "), "caption")
            cap.decompose()
        if layout:
            for cell in cells:
                self.read(cell)
            return
        grid: list[tuple[str, ...]] = []
        spans: dict[int, int] = {}  # column -> rows still covered by a cell above
        spanned: list[bool] = []  # the first row's columns covered by a cell to their left
        for row in rows:
            out: list[str] = []

            def fill() -> None:
                while spans.get(len(out), 0) > 0:
                    spans[len(out)] -= 1
                    out.append("")

            for cell in row:
                fill()
                colspan = max(1, min(_int(cell.get("colspan"), 1), 64))
                rowspan = max(1, min(_int(cell.get("rowspan"), 1), 1000))
                start = len(out)
                if not grid:
                    spanned.extend([False] * (start - len(spanned)) + [False] + [True] * (colspan - 1))
                out.append(self.cell_text(cell))
                out.extend([""] * (colspan - 1))
                if rowspan > 1:
                    for col in range(start, start + colspan):
                        spans[col] = rowspan - 1
            fill()
            if not grid:
                spanned.extend([False] * (len(out) - len(spanned)))
            grid.append(tuple(out))
        if not any(c.strip() for row in grid for c in row):
            return
        combined = combined_header(grid, spanned)
        first = rows[0] if rows else []
        header = combined is not None or bool(first) and (
            first[0].find_parent("thead") is not None or all(c.name == "th" for c in first))
        grid = combined or grid
        self.blocks.append(Block(BlockKind.TABLE, table_text(grid), rows=tuple(grid),
                                 header=header))

    def cell_text(self, cell: Tag) -> str:
        """A table cell in the model's convention: its paragraphs on lines, list items as
        ``"- "`` lines (two spaces more a level), bold runs in ``**``."""
        lines: list[str] = []
        runs: list[tuple[str, bool, bool]] = []
        prefixes = [""]
        opened: list[str] = []
        bold = 0
        depth = 0

        def end_line() -> None:
            text = one_line(mark_runs(runs, italic=False))
            if text:
                lines.append(prefixes[-1] + text)
            runs.clear()

        walk = _Walk(cell)
        for event, node in walk:
            if event == "text":
                runs.append((node, bold > 0, False))
                continue
            tag: Tag = node
            name = tag.name
            if event == "end":
                action = opened.pop()
                if action in ("bold", "heading"):
                    bold -= 1
                if action in ("list", "item", "block", "heading"):
                    end_line()
                if action == "list":
                    depth -= 1
                elif action == "item":
                    prefixes.pop()
                continue
            action = ""
            if name == "br":
                end_line()
            elif name == "img":
                self.keep_furniture(str(tag.get("alt") or ""), "caption")
            elif name in ("figcaption", "caption"):
                self.keep_furniture(tag.get_text(" "), "caption")
                walk.skip()
            elif name in ("ul", "ol"):
                end_line()
                depth += 1
                action = "list"
            elif name == "li":
                end_line()
                prefixes.append("  " * max(depth - 1, 0) + "- ")
                action = "item"
            elif name in _HEADINGS:  # a heading in a cell reads as a bold line
                end_line()
                bold += 1
                action = "heading"
            elif name in ("b", "strong"):
                bold += 1
                action = "bold"
            elif name in _BLOCK or name in ("tr", "td", "th"):
                end_line()
                action = "block"
            opened.append(action)
        end_line()
        return "\n".join(lines)

    def finish(self) -> None:
        """Move leftover chrome lines ("Skip to content", "Accept all cookies") to furniture."""
        kept: list[Block] = []
        for index, block in enumerate(self.blocks):
            if block.kind is not BlockKind.TABLE:
                role = chrome_role(block.text.replace("**", "").replace("*", ""))
                if role and not self._parts_lists(index):
                    self.keep_furniture(block.text, role)
                    continue
            kept.append(block)
        self.blocks = kept

    def _parts_lists(self, index: int) -> bool:
        """Whether the block at ``index`` stands between two lists ("Last updated: ..." between
        a page's list and its list of page links): kept in its place, as a text or Word copy has
        it, so a reader sees the lists apart (the general reader drops the line as chrome)."""
        before = next((b for b in reversed(self.blocks[:index])
                       if b.kind is not BlockKind.PARAGRAPH or not chrome_role(b.text)), None)
        after = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        return (before is not None and after is not None
                and before.kind is BlockKind.LIST_ITEM and after.kind is BlockKind.LIST_ITEM)


def _typed_lines(runs: list[tuple[str, bool, bool]]) -> list[tuple[str, str]] | None:
    """A paragraph's lines (broken by ``<br>``) as ``(marker, text)`` items when every line
    is a list item typed by hand, or every line but a first (a lead-in, marker ``""``) and
    at least two are; else ``None``."""
    lines: list[list[tuple[str, bool, bool]]] = [[]]
    for run in runs:
        if run[0] == "\n":
            lines.append([])
        else:
            lines[-1].append(run)
    out: list[tuple[str, str]] = []
    for line in lines:
        text = one_line(mark_runs(line))
        if not text:
            continue
        item = typed_item(text)
        if item is None:
            if out:
                return None
            item = ("", text)  # a lead-in, when items follow
        out.append(item)
    if out and out[0][0] == "" and len(out) < 3:
        return None
    return out or None


#: Class words of the panels of accordions, collapsible sections and tab sets.
_PANEL_WORDS = frozenset({
    "accordion", "accordions", "collapse", "collapsible", "collapsed", "tabpanel", "tab-panel",
    "tab-pane", "tabs-panel", "tab-content", "expandable", "expander", "expand-collapse",
    "disclosure", "toggle-content", "show-hide", "showhide",
})


def _panel_named(tag: Tag) -> bool:
    """Whether an element's class or id names it as an accordion, collapse or tab panel (a
    ``nav`` or menu is chrome, set aside before this is asked)."""
    words, _ = _words(tag)
    return bool(words & _PANEL_WORDS)


def _label_level(panel: Tag) -> int:
    """The heading level of a tab's label: one under the heading the tab set stands under,
    the nearest heading before it among its own and its containers' siblings (a heading
    inside an earlier section's box is that section's), else 2 (under the page's title)."""
    node: Tag | None = panel
    while node is not None and node.name not in ("body", "main", "html", "[document]"):
        for before in node.find_previous_siblings(True):
            if before.name in _HEADINGS:
                return min(int(before.name[1]) + 1, 6)
            if str(before.get("role") or "") == "heading":
                return min(_level(before.get("aria-level")) + 1, 6)
        node = node.parent
    return 2


def _definitions(dl: Tag, soup: BeautifulSoup) -> None:
    """A definition list (``<dl>``) as the page shows it. Pairs of a name and a short value
    ("Published" / "3 March 2024", "Lead" / "Head of Housing") become one line each,
    "Name: value", as a page's facts copied as text read; pairs with longer text ("Thriving
    economy" / "We will build 500 homes ...") become a list, each name an item and its
    text the item's description, as a CMS's titled list does."""
    pairs: list[tuple[Tag, list[Tag]]] = []
    for child in dl.find_all(["dt", "dd"]):
        if child.find_parent("dl") is not dl:
            continue  # a list inside a definition is read as it stands
        if child.name == "dt":
            pairs.append((child, []))
        elif pairs:
            pairs[-1][1].append(child)
    if not pairs:
        return
    short = all(len(one_line(dt.get_text(" ")).split()) <= 6
                and all(len(one_line(dd.get_text(" ")).split()) <= 6 and not dd.find(_BLOCK_TAGS)
                        for dd in dds)
                for dt, dds in pairs)
    for dt, dds in pairs:
        if short:
            dt.name = "p"
            for k, dd in enumerate(dds):
                dt.append(": " if k == 0 else "; ")
                for node in list(dd.contents):
                    dt.append(node.extract())
                dd.decompose()
        else:
            dt.name = "li"
            inner = soup.new_tag("p")
            for node in list(dt.contents):
                inner.append(node.extract())
            dt.append(inner)
            for dd in dds:
                dd.name = "div"
                dt.append(dd.extract())
    dl.name = "div" if short else "ul"


_BLOCK_TAGS = ["p", "ul", "ol", "table", "div"]


def _bold_lead(runs: list[tuple[str, bool, bool]]) -> bool:
    """Whether ``runs`` hold text and all of it is bold (a title before a line break)."""
    texts = [(text, bold) for text, bold, _ in runs if text.strip()]
    return bool(texts) and all(bold for _, bold in texts)


def _hidden(tag: Tag) -> bool:
    """Whether an element is not shown: ``hidden``, ``aria-hidden``, ``display: none``, or a
    short screen-reader-only note inside the text ("(opens in a new window)")."""
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    if _HIDDEN_STYLE.search(str(tag.get("style") or "")):
        return True
    return (tag.name not in _BLOCK and bool(set(_words(tag)[1]) & _SR_ONLY)
            and len(tag.get_text().strip()) < 60)


def _runs(tag: Tag) -> list[tuple[str, bool, bool]]:
    """An element's text as inline runs ``(text, bold, italic)``: a heading's words."""
    out: list[tuple[str, bool, bool]] = []
    opened: list[str] = []
    for event, node in _Walk(tag):
        if event == "text":
            out.append((node, "b" in opened, "i" in opened))
        elif event == "start":
            name = node.name
            opened.append("b" if name in ("b", "strong") else "i" if name in ("i", "em") else "")
            if name == "br" or name in _BLOCK:
                out.append((" ", False, False))
        else:
            opened.pop()
    return out


def _in_page_links(tag: Tag) -> bool:
    """Whether a list is a page's contents: two or more items, each only a link to an anchor
    on the page."""
    items = tag.find_all("li", recursive=False)
    if len(items) < 2:
        return False
    for li in items:
        links = li.find_all("a")
        if len(links) != 1 or not str(links[0].get("href") or "").startswith("#"):
            return False
        if one_line(links[0].get_text(" ")) != one_line(li.get_text(" ")):
            return False
    return True


def _table_rows(table: Tag) -> list[list[Tag]]:
    """A table's own rows (not a nested table's), the ``thead`` first, each its cells."""
    rows: list[Tag] = []
    head: list[Tag] = []
    for child in table.children:
        name = getattr(child, "name", None)
        if name == "tr":
            rows.append(child)
        elif name in ("thead", "tbody", "tfoot"):
            found = child.find_all("tr", recursive=False)
            (head if name == "thead" else rows).extend(found)
    return [[c for c in tr.children if getattr(c, "name", None) in ("td", "th")]
            for tr in head + rows]


def _int(value: object, default: int) -> int:
    try:
        return int(str(value).strip()) if value is not None else default
    except ValueError:
        return default


def _level(value: object) -> int:
    return max(1, min(_int(value, 2), 6))


def _ol_marker(count: int, kind: str) -> str:
    from stratgraph.loaders.read.list_numbers import letters, roman

    if kind == "a":
        return letters(count) + "."
    if kind == "A":
        return letters(count).upper() + "."
    if kind == "i":
        return roman(count) + "."
    if kind == "I":
        return roman(count).upper() + "."
    return f"{count}."


def read_html(data: bytes, name: str, path: str | None) -> Document:
    """A web page: blocks from its main content, the site around it as furniture.

    Raises :class:`LoaderError` for an empty or binary file, or a page with no text.
    """
    where = path or name
    text = _decode(data, where)
    from bs4 import BeautifulSoup  # only a build that reads web pages pays for importing it

    soup = BeautifulSoup(text, "html.parser")
    reader = _Reader(soup)
    try:
        reader.read(reader.prepare())
    except RecursionError as exc:  # layout tables inside one another hundreds deep
        raise LoaderError("web page nested too deeply to read", file=where) from exc
    reader.finish()
    if not reader.blocks:
        raise LoaderError("web page with no plan text (only navigation, or nothing)", file=where)
    return assemble(name, reader.blocks, path=path, format="html", furniture=reader.furniture)
