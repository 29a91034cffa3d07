"""A text plan as a council's working Word file: revised with Track Changes on, commented,
with a contents list, house heading styles, content controls and a text box.

What a plan's Word file carries once officers have worked on it, and none of which is the
plan's text as published (the text version, and what Word prints with "No Markup"):

- **tracked changes**: in each paragraph a deleted phrase (``w:del``), part of its text as
  an insertion (``w:ins``, which is the text); after each heading a paragraph that was moved
  away (``w:moveFrom``, read nowhere) and one deleted whole (its mark deleted too);
- **comments**: a comment on every other paragraph (its range and reference mark, the
  comment in ``comments.xml``);
- **a contents list** as Word's References > Table of Contents inserts it when the document's
  template has no "TOC N" styles: a ``TOC`` field over plain paragraphs, each entry a link to
  its heading with a tab and a page number;
- **house heading styles**: Word's ``Heading N`` renamed "Plan Heading N" (a template's own
  names) with no outline level, so only the name says they are headings;
- **content controls** (``w:sdt``) around every table cell's content and around the first
  paragraph after each heading; links as ``HYPERLINK`` fields around an item's text;
- **a text box**: the plan's first paragraph in a box drawn as Word writes one, twice (the
  DrawingML choice and its VML fallback), which a reader must read once.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stratgraph.loaders.read.model import Block

from .to_docx import write_docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _xml(fragment: str) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(f"<w:wrap {_NS}>{fragment}</w:wrap>")[0]


def _heading_level(p: Any, heading_ids: dict[str, int]) -> int:
    ppr = p.find(_w("pPr"))
    style = ppr.find(_w("pStyle")) if ppr is not None else None
    return heading_ids.get(style.get(_w("val")) if style is not None else "", 0)


def _text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(_w("t")))


def _rename_headings(document: Any) -> dict[str, int]:
    """Word's Heading N named "Plan Heading N", outline level taken out: the style ids of the
    headings, with their levels."""
    ids: dict[str, int] = {}
    for style in document.styles.element.iterchildren(_w("style")):
        name = style.find(_w("name"))
        value = name.get(_w("val")) if name is not None else ""
        if value.lower().startswith("heading ") and value[-1].isdigit():
            ids[style.get(_w("styleId"))] = int(value[-1])
            name.set(_w("val"), f"Plan Heading {value[-1]}")
            ppr = style.find(_w("pPr"))
            for outline in (ppr.findall(_w("outlineLvl")) if ppr is not None else []):
                ppr.remove(outline)
        elif value.lower() == "title":
            ids[style.get(_w("styleId"))] = 1
    return ids


def _revise(p: Any, n: int) -> None:
    """A deleted phrase before the paragraph's text, and its runs from the second on as an
    insertion (the text as it now reads)."""
    runs = p.findall(_w("r"))
    if not runs:
        return
    runs[0].addprevious(_xml(f'<w:del w:id="{9000 + n}" w:author="Officer" w:date="2024-01-05T10:00:00Z">'
                             '<w:r><w:delText xml:space="preserve">Draft wording removed </w:delText>'
                             "</w:r></w:del>"))
    if len(runs) > 1:
        ins = _xml(f'<w:ins w:id="{9500 + n}" w:author="Officer" w:date="2024-01-05T10:00:00Z"/>')
        runs[1].addprevious(ins)
        for r in runs[1:]:
            ins.append(r)


def _link(p: Any) -> None:
    """The paragraph's runs as the result of a HYPERLINK field (a link Word typed itself)."""
    runs = p.findall(_w("r"))
    if not runs:
        return
    for fragment in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                     '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/plan" </w:instrText></w:r>',
                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'):
        runs[0].addprevious(_xml(fragment))
    runs[-1].addnext(_xml('<w:r><w:fldChar w:fldCharType="end"/></w:r>'))


def _contents(headings: list[tuple[str, int]]) -> list[Any]:
    """A TOC field over plain paragraphs: each entry its heading's text, a tab, a page."""
    from xml.sax.saxutils import escape

    out = [_xml('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
                'xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>')]
    for k, (text, level) in enumerate(headings):
        indent = 220 * (level - 1)
        out.append(_xml(f'<w:p><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9016"/>'
                        f'</w:tabs><w:ind w:left="{indent}"/></w:pPr><w:hyperlink w:anchor="_Toc{k}" '
                        f'w:history="1"><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
                        f'<w:r><w:tab/></w:r><w:r><w:t>{k // 3 + 2}</w:t></w:r></w:hyperlink></w:p>'))
    out.append(_xml('<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'))
    return out


def _text_box(p: Any) -> Any:
    """A paragraph holding a text box around ``p``'s copy, as Word draws one: a DrawingML
    shape (``mc:Choice``) and the same box again in VML (``mc:Fallback``)."""
    from copy import deepcopy

    holder = _xml(
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor '
        'distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5400000" cy="900000"/><wp:wrapTopAndBottom/><wp:docPr id="77" '
        'name="Text Box 77"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/'
        'word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent/></wps:txbx>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        '</mc:Choice><mc:Fallback><w:pict><v:shape id="Text Box 77" type="#_x0000_t202">'
        '<v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r></w:p>')
    for box in holder.iter(_w("txbxContent")):
        copy = deepcopy(p)
        # A comment is anchored once in a document: the box drawn twice holds none.
        for mark in list(copy.iter(_w("commentRangeStart"), _w("commentRangeEnd"),
                                   _w("commentReference"))):
            holder_of = mark.getparent() if mark.tag == _w("commentReference") else mark
            holder_of.getparent().remove(holder_of)
        box.append(copy)
    return holder


def _drop_comment(document: Any, ident: str | None) -> None:
    """Take comment ``ident`` out of comments.xml (its paragraph goes into a text box)."""
    try:
        comments = document.part._comments_part.element
    except Exception:  # noqa: BLE001 - no comments part: nothing to take out
        return
    for comment in list(comments.iterchildren(_w("comment"))):
        if comment.get(_w("id")) == ident:
            comments.remove(comment)


def write_docx_revised(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a council's working Word file (see the module
    docstring): its published text, and the revisions, comments and controls around it."""
    import docx

    path = Path(path)
    write_docx(blocks, path)
    document = docx.Document(str(path))
    for n, paragraph in enumerate(document.paragraphs):
        if n % 2 == 0 and paragraph.runs and paragraph.text.strip():
            # A comment on the paragraph (its range, its reference mark, comments.xml).
            document.add_comment(paragraph.runs, text="Check this against the budget, please.",
                                 author="Policy Officer", initials="PO")
    ids = _rename_headings(document)
    body = document.element.body
    paragraphs = [p for p in body.iterchildren(_w("p"))]
    headings = [(_text(p), _heading_level(p, ids)) for p in paragraphs
                if _heading_level(p, ids) and _text(p).strip()]
    boxed = False
    after_heading = False
    for n, p in enumerate(paragraphs):
        level = _heading_level(p, ids)
        if level:
            p.addnext(_xml('<w:p><w:moveFrom w:id="8%d" w:author="Officer"><w:r><w:t>Text moved '
                           'to a later section of the plan</w:t></w:r></w:moveFrom></w:p>' % n))
            p.addnext(_xml('<w:p><w:pPr><w:rPr><w:del w:id="7%d" w:author="Officer"/></w:rPr>'
                           '</w:pPr><w:del w:id="6%d" w:author="Officer"><w:r><w:delText>We will '
                           'review the old strategy by March 2019.</w:delText></w:r></w:del></w:p>'
                           % (n, n)))
            after_heading = True
            continue
        if not _text(p).strip():
            continue
        ppr = p.find(_w("pPr"))
        listed = ppr is not None and ppr.find(_w("numPr")) is not None
        if not boxed and not listed:
            # The plan's first paragraph set in a box: the box is the text, read once.
            for ref in p.iter(_w("commentReference")):
                _drop_comment(document, ref.get(_w("id")))
            p.addprevious(_text_box(p))
            body.remove(p)
            boxed = True
            continue
        _revise(p, n)
        if listed and n % 3 == 0:
            _link(p)
        if after_heading and not listed:
            sdt = _xml('<w:sdt><w:sdtPr><w:alias w:val="Summary"/><w:id w:val="5%d"/></w:sdtPr>'
                       '<w:sdtContent/></w:sdt>' % n)
            p.addprevious(sdt)
            sdt.find(_w("sdtContent")).append(p)
        after_heading = False
    for tc in body.iter(_w("tc")):
        content = [c for c in tc if c.tag != _w("tcPr")]
        sdt = _xml('<w:sdt><w:sdtPr><w:id w:val="4"/><w:text/></w:sdtPr><w:sdtContent/></w:sdt>')
        for c in content:
            sdt.find(_w("sdtContent")).append(c)
        tc.append(sdt)
    first = next((p for p in body.iterchildren(_w("p")) if _heading_level(p, ids)), None)
    if first is not None and headings:
        anchor = first
        for p in _contents(headings[1:]):
            anchor.addnext(p)
            anchor = p
    out = io.BytesIO()
    document.save(out)
    path.write_bytes(out.getvalue())
    return path
