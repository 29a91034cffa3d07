"""Spreadsheets (.xlsx, .ods, .csv): action plans and KPI trackers read as tables.

The tracker is tests/formats/to_xlsx.py's ``write_tracker`` (a title row merged across, an
outcome merged down over its actions, dates, a hidden column, row and sheet, formulas with
and without cached values, text that starts with ``=``, a KPI sheet). Its expected items were
written by reading the tracker as a planner would: five actions with their lead officer,
deadline and RAG status, each supporting the outcome in its row, and three measures.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stratgraph.cli.main import app
from stratgraph.errors import LoaderError
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.read import read_document
from stratgraph.loaders.read.convert import soffice
from stratgraph.loaders.registry import extract
from conftest import need_soffice

from formats.to_xlsx import TRACKER_ROWS, write_tracker

runner = CliRunner()
pytest.importorskip("openpyxl")

ACTIONS = {
    "Deliver 250 new council homes through the housing delivery programme":
        ("More residents live in a decent, affordable home", "Head of Housing Development",
         "31 March 2026", "Green"),
    "Bring 100 long-term empty homes back into use":
        ("More residents live in a decent, affordable home", "Private Sector Housing Manager",
         "31 December 2025", "Amber"),
    "Adopt a new homelessness prevention strategy":
        ("More residents live in a decent, affordable home", "Director of Housing",
         "30 September 2025", "Green"),
    "Open four new family hubs in the areas of greatest need":
        ("Children get the best start in life", "Head of Early Help", "30 June 2026", "Red"),
    "Increase take-up of funded childcare places for two-year-olds":
        ("Children get the best start in life", "Early Years Lead", "31 March 2026", "Green"),
}
MEASURES = {
    "Percentage of household waste sent for reuse, recycling and composting": ("41%", "50%"),
    "Number of households in temporary accommodation": ("312", "250"),
    "Percentage of major planning applications decided on time": ("88%", "90%"),
}



def _graph(path: Path):  # noqa: ANN202 (Graph)
    return extract(SourceDocument.from_path(path)).graph


def _tracker_items(path: Path) -> tuple[dict, dict]:
    graph = _graph(path)
    nodes = graph.nodes
    supports = {nodes[r.start].name: nodes[r.end].name for r in graph.relationships.values()
                if r.type.value == "SUPPORTS" and nodes[r.start].label.value == "Action"}
    actions = {n.name: (supports.get(n.name), n.properties.get("owner"),
                        n.properties.get("deadline"), n.properties.get("status"))
               for n in nodes.values() if n.label.value == "Action"}
    measures = {n.name: (n.properties.get("baseline"), n.properties.get("target"))
                for n in nodes.values() if n.label.value == "Measure"}
    return actions, measures


def _with_cached_values(path: Path) -> Path:
    """The tracker as Excel saves it after calculating: each formula keeps its last value."""
    cached = {"COUNTIF": "3", "HYPERLINK": "Tracker guidance"}
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for fn, value in cached.items():
        start = sheet.index(f"<f>{fn}(")
        cell = sheet.rindex("<c ", 0, start)
        sheet = sheet[:cell] + sheet[cell:].replace("<c ", '<c t="str" ', 1)
        sheet = sheet.replace("</f><v></v>", f"</f><v>{value}</v>", 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    out = path.with_name("cached.xlsx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out


# -- .xlsx ------------------------------------------------------------------------------------

def test_the_tracker_reads_as_sections_of_tables(tmp_path: Path) -> None:
    doc = read_document(write_tracker(tmp_path / "tracker.xlsx"))
    assert doc.format == "xlsx"
    lines = doc.text.splitlines()
    assert lines[:5] == ["# Action plan 2025-26", "", "Corporate Plan delivery tracker 2025-26", "",
                         "Ref\tOutcome\tAction\tLead officer\tDeadline\tRAG status\tProgress update"]
    # The outcome merged down over its actions is each action's; dates as a plan writes them.
    assert lines[6] == ("1.2\tMore residents live in a decent, affordable home\tBring 100 long-term "
                        "empty homes back into use\tPrivate Sector Housing Manager\t31 December 2025"
                        "\tAmber\tSlipped: enforcement capacity")
    assert "# KPIs" in lines
    assert ("Percentage of household waste sent for reuse, recycling and composting\t41%\t50%"
            in lines)
    tables = [b for b in doc.blocks if b.kind.value == "table"]
    assert [t.header for t in tables] == [True, False, True]
    # Hidden column, row and sheet are the tracker's working, not its plan.
    for hidden in ("internal: chase", "Withdrawn", "Lookups", "Complete or withdrawn"):
        assert hidden not in doc.text


def test_formulas_are_never_evaluated_or_read_as_formulas(tmp_path: Path) -> None:
    plain = read_document(write_tracker(tmp_path / "tracker.xlsx")).text
    # Saved without cached values (as a program that does not calculate saves them): empty.
    assert "COUNTIF" not in plain and "HYPERLINK" not in plain and "example.org" not in plain
    assert "Actions on track\n" in plain + "\n" and "\n3\n" not in plain
    # A cell typed as text that starts with "=" is that text, not a formula's result.
    assert "Note\t=1+1" in plain.splitlines()
    cached = read_document(_with_cached_values(tmp_path / "tracker.xlsx")).text.splitlines()
    # Saved after calculating: the value the sheet showed, never the formula.
    assert "Actions on track\t3" in cached and "Guidance\tTracker guidance" in cached
    assert not any("HYPERLINK" in ln or "COUNTIF" in ln for ln in cached)
    assert "Note\t=1+1" in cached


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Action", "Note"])
    for i, text in enumerate(("=1+1", "+44 116 454 1000", "-5 homes on last year", "@SUM(A1)"),
                             start=2):
        ws.cell(row=i, column=1, value=f"Action {i}")
        ws.cell(row=i, column=2).value = text
        ws.cell(row=i, column=2).data_type = "s"
    book.save(tmp_path / "t.xlsx")
    lines = read_document(tmp_path / "t.xlsx").text.splitlines()
    assert lines == ["Action\tNote", "Action 2\t=1+1", "Action 3\t+44 116 454 1000",
                     "Action 4\t-5 homes on last year", "Action 5\t@SUM(A1)"]


def test_the_tracker_gives_its_actions_outcomes_and_measures(tmp_path: Path) -> None:
    actions, measures = _tracker_items(write_tracker(tmp_path / "tracker.xlsx"))
    assert actions == ACTIONS
    assert measures == MEASURES


# -- .ods -------------------------------------------------------------------------------------

def test_the_tracker_saved_by_calc_as_ods_reads_as_the_xlsx(tmp_path: Path) -> None:
    need_soffice()
    import subprocess

    source = write_tracker(tmp_path / "tracker.xlsx")
    profile = tmp_path / "profile"
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "ods", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    ods = tmp_path / "tracker.ods"
    doc = read_document(ods)
    assert doc.format == "ods"
    # Calc calculated the formulas when it saved: their values are read, never the formulas.
    assert "Actions on track\t3" in doc.text.splitlines()
    assert "HYPERLINK" not in doc.text and "COUNTIF" not in doc.text
    assert "Note\t=1+1" in doc.text.splitlines()
    for hidden in ("internal: chase", "Withdrawn", "Complete or withdrawn"):
        assert hidden not in doc.text
    assert _tracker_items(ods) == (ACTIONS, MEASURES)


_ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3">
<office:automatic-styles><style:style style:name="ta2" style:family="table">
<style:table-properties table:display="false"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Delivery plan">
<table:table-column table:number-columns-repeated="16384"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>Action</text:p></table:table-cell>
<table:table-cell><text:p>Lead</text:p></table:table-cell>
<table:table-cell table:formula="of:=1+1" office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell>
<table:table-cell table:number-columns-repeated="16381"/></table:table-row>
<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>Review the <text:span>local</text:span><text:s/>plan</text:p></table:table-cell>
<table:table-cell><text:p>Head of Planning</text:p></table:table-cell>
<table:table-cell office:value-type="date" office:date-value="2026-03-31"><text:p>31/03/26</text:p></table:table-cell></table:table-row>
<table:table-row><table:covered-table-cell/><table:table-cell><text:p>Planning Policy Manager</text:p></table:table-cell></table:table-row>
<table:table-row table:visibility="collapse"><table:table-cell><text:p>Hidden row</text:p></table:table-cell><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
</table:table>
<table:table table:name="Workings" table:style-name="ta2"><table:table-row>
<table:table-cell><text:p>Secret</text:p></table:table-cell><table:table-cell><text:p>sheet</text:p></table:table-cell>
</table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"""


def _odf(path: Path, mimetype: str, content: str, extra: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        for name, text in (extra or {}).items():
            z.writestr(name, text)
    return path


def test_an_ods_sheet_reads_its_shown_text_merges_and_skips_hidden_rows(tmp_path: Path) -> None:
    path = _odf(tmp_path / "plan.ods", "application/vnd.oasis.opendocument.spreadsheet",
                _ODS_CONTENT)
    doc = read_document(path)
    # The million repeated empty cells and rows are counted, never made; the cell merged down
    # is both rows'; the formula's shown value, never the formula; an .ods date as a plan's.
    assert doc.text.splitlines() == [
        "# Delivery plan", "", "Action\tLead\t2",
        "Review the local plan\tHead of Planning\t31 March 2026",
        "Review the local plan\tPlanning Policy Manager\t"]  # a row is the table's width


# -- .csv -------------------------------------------------------------------------------------

def test_a_tracker_exported_as_csv_gives_its_actions(tmp_path: Path) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Ref", "Outcome", "Action", "Lead officer", "Deadline", "RAG status"])
    outcome = ""
    for ref, row_outcome, action, lead, deadline, rag, _ in TRACKER_ROWS:
        outcome = row_outcome or outcome  # a CSV export has no merged cells: each row its own
        writer.writerow([ref, outcome, action, lead, f"{deadline.day} {deadline:%B %Y}", rag])
    writer.writerow(["3.1", "Safer streets", "=HYPERLINK(\"http://x\")", "@Lead", "", ""])
    path = tmp_path / "tracker.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))  # Excel's "CSV" on a UK Windows PC
    doc = read_document(path)
    assert doc.format == "csv"
    assert doc.text.splitlines()[-1] == '3.1\tSafer streets\t=HYPERLINK("http://x")\t@Lead\t\t'
    actions, _ = _tracker_items(path)
    assert {k: v for k, v in actions.items() if k in ACTIONS} == ACTIONS


def test_a_folder_walk_leaves_csv_files_out_but_a_named_one_is_read(tmp_path: Path) -> None:
    from stratgraph.loaders.read import READABLE_SUFFIXES

    assert {".xlsx", ".ods", ".odt", ".doc", ".rtf"} <= READABLE_SUFFIXES
    assert ".csv" not in READABLE_SUFFIXES


# -- bad files: one line naming the file, non-zero exit, nothing stored lost -----------------

def _ole(*streams: str) -> bytes:
    """The head of an OLE compound file naming ``streams`` in its directory."""
    body = b"".join(s.encode("utf-16-le") + b"\x00\x00" for s in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + body + bytes(1024)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("broken.xlsx", b"PK\x03\x04" + os.urandom(300), "damaged Excel file: not a readable zip"),
    ("noworkbook.xlsx", None, "damaged Excel file: the zip holds no xl/workbook.xml"),
    ("locked.xlsx", _ole("EncryptionInfo", "EncryptedPackage"), "password-protected"),
    ("empty.xlsx", "empty-book", "empty spreadsheet"),
    ("empty.csv", b"", "empty spreadsheet"),
    ("binary.csv", b"a,b\x00c", "not a CSV file"),
    ("broken.ods", b"PK\x03\x04" + os.urandom(300), "damaged OpenDocument spreadsheet"),
    ("locked.ods", "locked-ods", "password-protected OpenDocument spreadsheet"),
], ids=["corrupt-zip", "no-workbook", "encrypted", "empty", "empty-csv", "binary-csv",
        "corrupt-ods", "encrypted-ods"])
def test_bad_sheets_are_refused_in_one_line(tmp_path: Path, name: str, data: object,
                                            reason: str) -> None:
    path = tmp_path / name
    if data is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("xl/styles.xml", "<styleSheet/>")
    elif data == "empty-book":
        import openpyxl

        openpyxl.Workbook().save(path)
    elif data == "locked-ods":
        _odf(path, "application/vnd.oasis.opendocument.spreadsheet", "<x/>",
             {"META-INF/manifest.xml": "<manifest:manifest><manifest:file-entry>"
              "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>"})
    else:
        path.write_bytes(data)  # type: ignore[arg-type]
    with pytest.raises(LoaderError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and reason in message, message
    assert "\n" not in message and len(message) < 400
    result = runner.invoke(app, ["text", str(path)])
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0
    assert name in result.output


def test_a_bad_sheet_in_a_build_is_one_line_and_nothing_stored_is_lost(tmp_path: Path) -> None:
    import json

    from stratgraph.graph.model import document_name

    plans = tmp_path / "plans"
    plans.mkdir()
    write_tracker(plans / "tracker.xlsx")
    graph = tmp_path / "g.db"
    assert runner.invoke(app, ["build", str(plans), "--graph", str(graph)]).exit_code == 0
    saved = graph.read_bytes()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + os.urandom(300))
    alone = runner.invoke(app, ["build", str(broken), "--graph", str(graph)])
    assert alone.exit_code == 1 and graph.read_bytes() == saved
    (plans / "broken.xlsx").write_bytes(broken.read_bytes())
    result = runner.invoke(app, ["build", str(plans), "--graph", str(graph)])
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "broken.xlsx" in errors[0]
    stats = json.loads(runner.invoke(app, ["stats", "--graph", str(graph), "--json"]).output)
    assert [document_name(d["document"]) for d in stats["documents"]] == ["tracker.xlsx"]
