"""OpenDocument text (.odt), and .doc/.rtf through LibreOffice: the blocks the Word reader gives.

Small .odt files are written here as LibreOffice writes them (a stored ``mimetype`` first,
``content.xml``, ``styles.xml``), each rule checked on the lines it reads. With LibreOffice
installed (always in CI: ``make spreadsheet``), dev-corpus plans written by the Word writer and
saved by LibreOffice as .odt, .doc and .rtf read exactly as the Word file does.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.errors import LoaderError
from stratgraph.loaders.read import read_document
from stratgraph.loaders.read.convert import soffice
from conftest import need_soffice

runner = CliRunner()
CORPUS = Path(__file__).parent / "dev_corpus"
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {_NS}><office:styles>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:parent-style-name="Standard" style:default-outline-level="2">
 <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Title" style:family="paragraph"/>
<style:style style:name="List_20_Continue" style:display-name="List Continue" style:family="paragraph"/>
<style:style style:name="List_20_Bullet_20_2" style:display-name="List Bullet 2" style:family="paragraph"/>
<text:list-style style:name="Numbers">
 <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
 <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
</text:list-style>
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
 <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style>
</office:styles>
<office:master-styles><style:master-page style:name="Standard">
<style:header><text:p>Our Council Plan 2025-28</text:p></style:header>
<style:footer><text:p>Page <text:page-number>1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles></office:document-styles>"""


def _odt(path: Path, body: str, auto: str = "", *, styles: str = _STYLES,
         mimetype: str = "application/vnd.oasis.opendocument.text",
         extra: dict[str, str] | None = None) -> Path:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS}>'
               f"<office:automatic-styles>{auto}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
        for name, text in (extra or {}).items():
            z.writestr(name, text)
    return path


_BOLD = ('<style:style style:name="T1" style:family="text">'
         '<style:text-properties fo:font-weight="bold"/></style:style>'
         '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
         '<style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>')


def test_headings_lists_and_descriptions_read_as_a_text_plan_has_them(tmp_path: Path) -> None:
    body = """
<text:p text:style-name="Title">Council Plan 2025-28</text:p>
<text:h text:outline-level="1">Our priorities</text:h>
<text:p text:style-name="Heading_20_2">Homes for everyone</text:p>
<text:p>We will do this by:</text:p>
<text:list text:style-name="Numbers">
 <text:list-item><text:p>Building <text:span text:style-name="T1">250</text:span> council homes</text:p>
  <text:p>Through the housing delivery programme.</text:p>
  <text:list><text:list-item><text:p>In the city centre</text:p></text:list-item>
   <text:list-item><text:p>On brownfield land</text:p></text:list-item></text:list></text:list-item>
 <text:list-item><text:p>Ending rough sleeping</text:p></text:list-item>
</text:list>
<text:p text:style-name="List_20_Continue">By 2027, with our partners.</text:p>
<text:list text:style-name="Bullets"><text:list-item><text:p>Safer<text:s text:c="2"/>streets<text:note><text:note-body><text:p>A footnote</text:p></text:note-body></text:note></text:p></text:list-item></text:list>
<text:list text:style-name="Numbers" text:continue-numbering="true">
 <text:list-item><text:p>Cleaner air</text:p></text:list-item></text:list>
"""
    doc = read_document(_odt(tmp_path / "plan.odt", body, _BOLD))
    assert doc.format == "odt" and doc.page_count is None
    assert doc.text.splitlines() == [
        "# Council Plan 2025-28", "", "# Our priorities", "", "## Homes for everyone", "",
        "We will do this by:", "",
        "1. Building **250** council homes",
        "  Through the housing delivery programme.",
        "  a) In the city centre",
        "  b) On brownfield land",
        "2. Ending rough sleeping",
        "  By 2027, with our partners.",
        "- Safer streets",  # lists one after another are one list, as Word's are
        "3. Cleaner air"]
    assert [b.line for b in doc.blocks][:4] == [1, 3, 5, 7]
    assert {(f.role, f.text) for f in doc.furniture} == {
        ("page-header", "Our Council Plan 2025-28"), ("page-footer", "Page 1")}


def test_tables_merged_cells_and_a_one_column_box(tmp_path: Path) -> None:
    body = """
<table:table><table:table-column table:number-columns-repeated="3"/>
<table:table-header-rows><table:table-row>
 <table:table-cell><text:p>Action</text:p></table:table-cell>
 <table:table-cell><text:p>Lead</text:p></table:table-cell>
 <table:table-cell><text:p>Deadline</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row>
 <table:table-cell><text:p>Open two family hubs</text:p>
  <text:list><text:list-item><text:p>North</text:p></text:list-item></text:list></table:table-cell>
 <table:table-cell table:number-columns-spanned="2"><text:p><text:span text:style-name="T1">Head of Early Help</text:span></text:p></table:table-cell>
 <table:covered-table-cell/></table:table-row>
</table:table>
<table:table><table:table-row><table:table-cell><text:p>A quote in a box.</text:p></table:table-cell></table:table-row></table:table>
<text:table-of-content><text:index-body><text:p>Our priorities 3</text:p></text:index-body></text:table-of-content>
"""
    doc = read_document(_odt(tmp_path / "plan.odt", body, _BOLD))
    assert doc.text.splitlines() == [
        "Action\tLead\tDeadline",
        "<p>Open two family hubs</p> <ul><li>North</li></ul>\t<p><b>Head of Early Help</b></p>\t",
        "", "A quote in a box."]
    table = doc.blocks[0]
    assert table.rows[1] == ("Open two family hubs\n- North", "**Head of Early Help**", "")
    assert ("navigation", "Our priorities 3") in {(f.role, f.text) for f in doc.furniture}


def test_bold_lines_are_headings_only_in_a_document_without_headings(tmp_path: Path) -> None:
    body = ('<text:p text:style-name="P1">Our ambitions</text:p>'
            '<text:p>We will <text:span text:style-name="T1">listen</text:span> to residents.</text:p>')
    doc = read_document(_odt(tmp_path / "plan.odt", body, _BOLD))
    assert doc.text.splitlines() == ["# Our ambitions", "", "We will **listen** to residents."]
    with_heading = read_document(_odt(tmp_path / "h.odt", '<text:h text:outline-level="1">Plan</text:h>'
                                      + body, _BOLD))
    assert with_heading.text.splitlines()[2] == "**Our ambitions**"


_INDENTS = ''.join(
    f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="Standard">'
    f'<style:paragraph-properties fo:margin-left="{left}" fo:text-indent="{indent}"/></style:style>'
    for name, left, indent in (("I1", "0.3937in", "-0.3937in"), ("D1", "1cm", "0in"),
                               ("I2", "0.7874in", "-0.3937in"), ("B1", "0.1in", "0in")))


def test_items_typed_by_hand_nest_by_indent_and_keep_their_descriptions(tmp_path: Path) -> None:
    # Word typed by hand, saved as .odt: "•<tab>" bullets with hanging indents, each item's
    # description indented as far as the item's text, a nested item further in.
    body = ('<text:p text:style-name="I1">•<text:tab/>Good homes</text:p>'
            '<text:p text:style-name="D1">Working with landlords to improve renting.</text:p>'
            '<text:p text:style-name="I2">a)<text:tab/>More social rent</text:p>'
            '<text:p text:style-name="I1">•<text:tab/>Safer streets</text:p>'
            '<text:p text:style-name="B1">Indented less than the items: body text.</text:p>')
    doc = read_document(_odt(tmp_path / "plan.odt", body, _INDENTS))
    assert doc.text.splitlines() == [
        "- Good homes", "  Working with landlords to improve renting.", "  a) More social rent",
        "- Safer streets", "", "Indented less than the items: body text."]


def test_a_word_nested_list_style_saved_as_a_list_of_its_own_keeps_its_level(tmp_path: Path) -> None:
    # Word's "List Bullet 2" items, saved by LibreOffice: a second list at its first level,
    # the nesting only in the paragraph style's name.
    body = ('<text:list text:style-name="Bullets"><text:list-item><text:p>Greener communities'
            '</text:p></text:list-item></text:list><text:list text:style-name="Bullets">'
            '<text:list-item><text:p text:style-name="L2">Cleaner parks</text:p></text:list-item>'
            '</text:list>')
    auto = ('<style:style style:name="L2" style:family="paragraph" '
            'style:parent-style-name="List_20_Bullet_20_2"/>')
    doc = read_document(_odt(tmp_path / "plan.odt", body, auto))
    assert doc.text.splitlines() == ["- Greener communities", "  - Cleaner parks"]


def test_numbered_headings_show_their_number_and_stay_headings(tmp_path: Path) -> None:
    body = ('<text:list text:style-name="Numbers"><text:list-item><text:h text:outline-level="1">'
            '<text:number>1.</text:number>Introduction</text:h></text:list-item></text:list>'
            '<text:h text:outline-level="2"><text:number>1.1</text:number>Our vision</text:h>'
            '<text:list text:style-name="Numbers"><text:list-item><text:p>'
            '<text:number>4.</text:number>Cleaner streets</text:p></text:list-item></text:list>')
    doc = read_document(_odt(tmp_path / "plan.odt", body))
    assert doc.text.splitlines() == ["# 1. Introduction", "", "## 1.1 Our vision", "",
                                     "4. Cleaner streets"]


def test_document_text_is_never_markup(tmp_path: Path) -> None:
    body = "<text:p>&lt;script&gt;alert(1)&lt;/script&gt; =1+1 **not bold**</text:p>"
    doc = read_document(_odt(tmp_path / "plan.odt", body))
    assert doc.text == "<script>alert(1)</script> =1+1 **not bold**\n"


_XXE = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f'<office:document-content {_NS}><office:body><office:text><text:p>&e;</text:p>'
        "</office:text></office:body></office:document-content>")


@pytest.mark.parametrize(("kind", "reason"), [
    ("random", "damaged OpenDocument text file: not a readable zip package"),
    ("no-content", "damaged OpenDocument text file: the zip holds no content.xml"),
    ("bad-xml", "damaged OpenDocument file: content.xml is not well-formed XML"),
    ("encrypted", "password-protected OpenDocument text file"),
    ("empty", "empty OpenDocument text"),
    ("presentation", "an OpenDocument file of a kind that is not a plan's text or sheets"),
    ("entity", "empty OpenDocument text"),
])
def test_bad_odt_files_are_refused_in_one_line(tmp_path: Path, kind: str, reason: str) -> None:
    path = tmp_path / "plan.odt"
    if kind == "random":
        path.write_bytes(b"PK\x03\x04" + os.urandom(400))
    elif kind == "no-content":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    elif kind == "bad-xml":
        _odt(path, "<text:p>unclosed")
    elif kind == "encrypted":
        _odt(path, "<text:p>x</text:p>", extra={"META-INF/manifest.xml":
             "<manifest:manifest><manifest:encryption-data/></manifest:manifest>"})
    elif kind == "empty":
        _odt(path, "<text:p/>")
    elif kind == "presentation":
        _odt(path, "<text:p>Slide</text:p>", mimetype="application/vnd.oasis.opendocument.presentation")
    else:  # an external entity is never fetched or expanded
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            z.writestr("content.xml", _XXE)
    with pytest.raises(LoaderError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and reason in message, message
    assert "\n" not in message and "root:" not in message
    result = runner.invoke(app, ["text", str(path)])
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0
    assert "plan.odt" in result.output


def test_old_formats_without_libreoffice_say_what_to_do(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name: None)
    rtf = tmp_path / "plan.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi Our plan\\par}")
    doc = tmp_path / "plan.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le"))
    for path, what in ((rtf, "a rich-text file (.rtf)"), (doc, "an old Word file (.doc)")):
        result = runner.invoke(app, ["text", str(path)])
        assert result.exit_code == 1 and result.output.strip().count("\n") == 0
        assert path.name in result.output and what in result.output
        assert "LibreOffice, which is not installed" in result.output


def test_an_encrypted_word_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
                     + "EncryptedPackage".encode("utf-16-le") + bytes(512))
    result = runner.invoke(app, ["text", str(path)])
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0
    assert "locked.docx" in result.output and "password-protected" in result.output


# -- with LibreOffice: real files it saves read as the Word file does --------------------------


@pytest.mark.parametrize("stem", ["tower-hamlets-strategic-plan-2022-26-priorities",
                                  "isle-of-wight-housing-renewal-strategy-action-plan-2003"])
def test_libreoffice_odt_reads_as_the_word_file(tmp_path: Path, stem: str) -> None:
    need_soffice()
    from formats.common import with_descriptions
    from formats.to_docx import write_docx
    from formats.to_odt import write_odt
    from stratgraph.loaders.read.text import parse_blocks

    text = (CORPUS / f"{stem}.md").read_text(encoding="utf-8")
    blocks = with_descriptions(parse_blocks(text), text)
    word = read_document(write_docx(blocks, tmp_path / "plan.docx"))
    odt = read_document(write_odt(blocks, tmp_path / "plan.odt"))
    assert odt.format == "odt"
    assert odt.text == word.text
    assert [(b.kind, b.text, b.level, b.marker) for b in odt.blocks] == \
        [(b.kind, b.text, b.level, b.marker) for b in word.blocks]


@pytest.mark.parametrize("target", ["doc", "rtf"])
def test_doc_and_rtf_read_through_libreoffice_as_the_word_file(tmp_path: Path, target: str) -> None:
    need_soffice()
    import subprocess

    from formats.common import with_descriptions
    from formats.to_docx import write_docx
    from stratgraph.loaders.read.text import parse_blocks

    stem = "tower-hamlets-strategic-plan-2022-26-priorities"
    text = (CORPUS / f"{stem}.md").read_text(encoding="utf-8")
    source = write_docx(with_descriptions(parse_blocks(text), text), tmp_path / "plan.docx")
    out = tmp_path / "old"
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--headless", "--convert-to", target, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    old = read_document(out / f"plan.{target}")
    assert old.format == "docx"  # converted by LibreOffice, then read by the Word reader
    assert old.text == read_document(source).text
