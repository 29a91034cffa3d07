"""A text plan as a designed Word template holds it: in text boxes and content controls.

Templates made for officers to fill in put the text into content controls (``w:sdt``): a
whole section as a rich-text control, a paragraph's words as an inline plain-text control,
each row of a table as a repeating section's item. Designed documents set lists and key
points in text boxes (``w:txbxContent``), and Word writes each box twice, as a modern shape
(``wps:txbx``) and as a VML fallback (``v:textbox``) for older readers, in one
``mc:AlternateContent``: a reader that opens both reads the box twice.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path

from stratgraph.loaders.read.model import Block

from .to_docx import write_docx

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
_DECLS = " ".join(f'xmlns:{k}="{v}"' for k, v in _NS.items())

# A floating text box as Word 2010+ saves it: the shape, then the same box in VML.
_BOX = f"""<w:p {_DECLS}><w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1"
 behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>
</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>
</wp:positionV><wp:extent cx="5400000" cy="1800000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapTopAndBottom/><wp:docPr id="{{ident}}" name="Text Box {{ident}}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>
<a:ext cx="5400000" cy="1800000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
</wps:spPr><wps:txbx><w:txbxContent/></wps:txbx><wps:bodyPr/></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape id="Text Box {{ident}}" style="width:425pt;height:142pt"
 type="#_x0000_t202"><v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r></w:p>"""


def _w(tag: str) -> str:
    return f"{{{_NS['w']}}}{tag}"


def _sdt(alias: str, ident: int, content: list) -> object:
    """A content control (``w:sdt``) named ``alias`` holding ``content``."""
    from lxml import etree

    sdt = etree.Element(_w("sdt"), nsmap={"w": _NS["w"]})
    pr = etree.SubElement(sdt, _w("sdtPr"))
    etree.SubElement(pr, _w("alias")).set(_w("val"), alias)
    etree.SubElement(pr, _w("tag")).set(_w("val"), alias.lower().replace(" ", "-"))
    etree.SubElement(pr, _w("id")).set(_w("val"), str(ident))
    body = etree.SubElement(sdt, _w("sdtContent"))
    body.extend(content)
    return sdt


def _is_heading(el) -> bool:  # noqa: ANN001 (an lxml element)
    style = el.find(f"{_w('pPr')}/{_w('pStyle')}")
    return style is not None and style.get(_w("val"), "").startswith("Heading")


def _is_item(el) -> bool:  # noqa: ANN001
    return el.tag == _w("p") and el.find(f"{_w('pPr')}/{_w('numPr')}") is not None


def _is_continue(el) -> bool:  # noqa: ANN001
    style = el.find(f"{_w('pPr')}/{_w('pStyle')}")
    return style is not None and style.get(_w("val"), "").startswith("ListContinue")


def _boxed(body, ident: list[int]) -> None:  # noqa: ANN001
    """Every other list (with its descriptions) moved into a text box where it stood."""
    from lxml import etree

    runs: list[list] = []
    previous = None
    for el in list(body):
        if _is_item(el) or _is_continue(el) and previous is not None:
            if previous is not None and el.getprevious() is previous:
                runs[-1].append(el)
            else:
                runs.append([el])
            previous = el
        else:
            previous = None
    for n, group in enumerate(runs):
        if n % 2:
            continue
        ident[0] += 1
        box = etree.fromstring(_BOX.replace("{ident}", str(ident[0])))
        contents = box.findall(f".//{_w('txbxContent')}")
        group[0].addprevious(box)
        contents[1].extend(copy.deepcopy(el) for el in group)  # the VML copy
        contents[0].extend(group)  # moves them


def _controls(body, ident: list[int]) -> None:  # noqa: ANN001
    """Sections in rich-text controls (every other one), a paragraph's words in an inline
    control (every third plain paragraph), each table row a repeating section's item."""
    from lxml import etree

    section: list = []
    sections: list[list] = []
    for el in list(body):
        if el.tag == _w("sectPr"):
            continue
        if el.tag == _w("p") and _is_heading(el) and section:
            sections.append(section)
            section = []
        section.append(el)
    if section:
        sections.append(section)
    for n, group in enumerate(sections):
        if n % 2 == 0:
            ident[0] += 1
            at = body.index(group[0])
            body.insert(at, _sdt("Section", ident[0], group))
    plain = [p for p in body.iter(_w("p")) if not _is_heading(p) and not _is_item(p)
             and p.find(_w("r")) is not None and p.find(f".//{_w('txbxContent')}") is None]
    for n, p in enumerate(plain):
        if n % 3 == 1:
            ident[0] += 1
            runs = p.findall(_w("r"))
            at = p.index(runs[0])
            p.insert(at, _sdt("Text", ident[0], runs))
    for tbl in body.iter(_w("tbl")):
        for tr in tbl.findall(_w("tr"))[1:]:
            ident[0] += 1
            at = tbl.index(tr)
            tbl.insert(at, _sdt("Row", ident[0], [tr]))


def write_docx_boxes(blocks: Sequence[Block], path: str | Path) -> Path:
    """Write ``blocks`` (of a text plan) as a Word file with every other list in a text box
    (shape and VML fallback) and its text in content controls (see the module docstring)."""
    import docx

    path = write_docx(blocks, path)
    document = docx.Document(str(path))
    body = document.element.body
    ident = [100]
    _boxed(body, ident)
    _controls(body, ident)
    document.save(str(path))
    return path
