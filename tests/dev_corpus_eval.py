"""Scoring the reader against the development corpus's expected items (tests/dev_corpus/).

Each ``<slug>.md`` is a public body's plan page as published; ``<slug>.expected.toml`` lists
what a planner reading it finds (written before the reader was run on it). An expected item
is found when a node of its label has the same name, allowing for a dropped "We will", case,
punctuation and a truncated tail (rapidfuzz's partial and token-set ratios).

Run as a script for the table of figures: ``python tests/dev_corpus_eval.py``. With
``--format html|docx|pdf|pdf2`` (pdf2: two columns a page) each plan is first written in that format (tests/formats/ writers,
into a temporary folder) and read back as ``stratgraph build`` reads a file; ``--format all``
prints the figures of every format side by side, and with ``-v`` what each format misses that
the Markdown reading finds.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

CORPUS = Path(__file__).parent / "dev_corpus"
if "--corpus" in sys.argv:  # e.g. --corpus tests/heldout_corpus: plans no rule was written for
    CORPUS = Path(sys.argv[sys.argv.index("--corpus") + 1])
#: "pdf2" is the PDF in two columns a page, as a council's leaflet-style plan is set.
FORMATS = ("md", "html", "docx", "pdf", "pdf2")
#: Files as councils' own tools make them (tests/formats/ to_*_typed, _cms, _designed, _office):
#: Word typed by hand, a CMS page, a designed brochure printed by Chromium, Word's PDF export.
#: ``--format real`` scores them beside Markdown.
REAL_WORLD = ("docx-typed", "html-cms", "pdf-designed", "pdf-office")
#: Formats round 3 (tests/formats/to_pdf_house.py, to_docx_layout.py): headings told only by
#: size and colour, the same in two columns, tables as positioned text boxes with no lines,
#: landscape tables over pages with the header row repeated, Word built from layout tables.
#: ``--format round3`` scores them beside Markdown.
ROUND3 = ("pdf-sized", "pdf-cols", "pdf-grid", "pdf-wide", "docx-layout")
#: Formats round 4 (tests/formats/to_pdf_print.py, to_docx_numbered.py): a typeset PDF
#: (hyphenated, ligatures, contents page with dot leaders, running heads with page numbers),
#: Word numbered by numbering.xml alone, Word with text in text boxes and content controls,
#: Word lists typed line by line with manual line breaks. ``--format round4`` scores them.
ROUND4 = ("pdf-print", "docx-numbered", "docx-boxes", "docx-breaks")
#: New file formats (tests/formats/to_odt.py, to_xlsx.py): OpenDocument text saved by
#: LibreOffice from the Word file; each plan's tables as an Excel workbook and as LibreOffice
#: Calc's .ods of it (tables only: compare with ``md-tables``, the Markdown of the same
#: headings and tables). ``--format new`` scores them side by side (odt and ods need soffice);
#: ``--format odt-real`` the Word files typed by hand and built from layout tables, as .odt.
NEW = ("odt", "md-tables", "xlsx", "ods")
ODT_REAL = ("odt-typed", "odt-layout", "odt-revised")
#: Formats round 6 (tests/formats/to_docx_revised.py, to_html_panels.py): a council's working
#: Word file (tracked changes, comments, a TOC field, house heading styles, content controls,
#: a text box drawn twice), the same saved as .odt by LibreOffice (``odt-revised``, in
#: ``--format odt-real``), and a web page of tabs and accordions with hidden panels, a
#: definition list and lists typed with <br>; the plan as a deck of slides (to_pptx.py, a
#: slide a heading). ``--format round6`` scores them.
ROUND6 = ("docx-revised", "html-panels", "pptx")
FORMAT = sys.argv[sys.argv.index("--format") + 1] if "--format" in sys.argv else "md"
_GROUPS = ("all", "real", "round3", "round4", "new", "odt-real", "round6")
if FORMAT not in (*FORMATS, *REAL_WORLD, *ROUND3, *ROUND4, *NEW, *ODT_REAL, *ROUND6, *_GROUPS):
    raise SystemExit(f"--format is one of {', '.join(FORMATS + REAL_WORLD + ROUND3 + ROUND4 + NEW + ODT_REAL + ROUND6)}, "
                     + ", ".join(_GROUPS))
CATEGORIES = {"outcomes": "Outcome", "actions": "Action", "measures": "Measure", "leads": "CabinetLead",
              "strategies": "Strategy", "partnerships": "Partnership"}


def norm(text: str) -> str:
    text = re.sub(r"^(?:we\s+will|we'll)\s+", "", text.strip(), flags=re.I)
    return " ".join(re.sub(r"[^\w\s%]", " ", text.lower()).split())


def same(expected: str, found: str) -> bool:
    """Whether a node's name is the expected item's name."""
    a, b = norm(expected), norm(found)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 0.6 * len(longer) and fuzz.partial_ratio(shorter, longer) >= 90:
        return True
    return fuzz.token_set_ratio(a, b) >= 92 and len(shorter) >= 0.5 * len(longer)


@dataclass(frozen=True)
class Score:
    """Expected items of one category in one document, and how many were found."""

    expected: int
    found: int
    missed: tuple[str, ...]
    with_deadline: int = 0
    deadline_found: int = 0
    with_owner: int = 0
    owner_found: int = 0
    #: Strategies whose expected item names what it sits under (``under``: the outcome, action
    #: or theme, or "plan"), and how many of those the reader links from that node (REFERENCES).
    with_parent: int = 0
    parent_found: int = 0


def documents() -> list[Path]:
    """The corpus's plan files that have expected items."""
    return sorted(p for p in CORPUS.glob("*.md") if p.with_suffix(".expected.toml").exists()
                  or (CORPUS / (p.stem + ".expected.toml")).exists())


def plan_stem(prefix: str) -> str:
    """The first dev corpus plan whose file name starts with ``prefix`` (tests name plans so)."""
    found = sorted(p.stem for p in CORPUS.glob(f"{prefix}*.md"))
    assert found, f"no dev corpus plan {prefix}"
    return found[0]


def expected_of(path: Path) -> dict:
    """The expected items written for ``path``."""
    return tomllib.loads((CORPUS / (path.stem + ".expected.toml")).read_text(encoding="utf-8"))


_WRITTEN: dict[str, Path] = {}


def write_as(path: Path, fmt: str, folder: Path) -> Path:
    """``path`` (a Markdown plan) written as a council would publish it in ``fmt`` (html,
    docx, pdf, pdf2: two columns) into ``folder``: its blocks, each item's description kept under the item."""
    from stratgraph.loaders.read.text import parse_blocks

    from formats import write_docx, write_html, write_pdf
    from formats.common import with_descriptions

    text = path.read_text(encoding="utf-8")
    blocks = with_descriptions(parse_blocks(text), text)
    if fmt == "pdf2":
        return write_pdf(blocks, folder / f"{path.stem}.2col.pdf", columns=2)
    if fmt in NEW:
        from formats.to_odt import write_odt
        from formats.to_xlsx import write_md_tables, write_ods, write_xlsx

        new_writer = {"odt": write_odt, "xlsx": write_xlsx, "ods": write_ods,
                      "md-tables": write_md_tables}[fmt]
        return new_writer(blocks, folder / f"{path.stem}.{fmt.replace('md-tables', 'tables.md')}")
    if fmt == "pptx":
        from formats.to_pptx import write_pptx

        return write_pptx(blocks, folder / f"{path.stem}.pptx")
    if fmt in REAL_WORLD or fmt in ROUND3 or fmt in ROUND4 or fmt in ROUND6:
        import formats

        kind, suffix = fmt.split("-")
        writer = getattr(formats, f"write_{kind}_{suffix}")
        return writer(blocks, folder / f"{path.stem}.{suffix}.{kind}")
    writer = {"html": write_html, "docx": write_docx, "pdf": write_pdf}[fmt]
    return writer(blocks, folder / f"{path.stem}.{fmt}")


def written(path: Path, fmt: str) -> Path:
    """``path`` in ``fmt`` (the Markdown file itself for md), written into a temporary folder
    (once: :func:`extract` keeps what it read)."""
    if fmt == "md":
        return path
    import tempfile

    if "dir" not in _WRITTEN:
        _WRITTEN["dir"] = Path(tempfile.mkdtemp(prefix="stratgraph-formats-"))
    if fmt in ("odt", "ods", *ODT_REAL):
        return _converted_all(fmt)[path]
    return write_as(path, fmt, _WRITTEN["dir"])


@lru_cache(maxsize=None)
def _converted_all(fmt: str) -> dict[Path, Path]:
    """Every corpus plan in ``fmt`` (odt, ods, odt-typed, odt-layout) through one LibreOffice run."""
    from stratgraph.loaders.read.text import parse_blocks

    from formats import write_docx_layout, write_docx_revised, write_docx_typed
    from formats.common import with_descriptions
    from formats.to_docx import write_docx
    from formats.to_odt import convert_many
    from formats.to_xlsx import write_xlsx

    plans = []
    for doc in documents():
        text = doc.read_text(encoding="utf-8")
        plans.append((with_descriptions(parse_blocks(text), text),
                      _WRITTEN["dir"] / (f"{doc.stem}.{fmt}" if fmt in ("odt", "ods")
                                         else f"{doc.stem}.{fmt[4:]}.odt")))
    writer = {"odt": write_docx, "ods": write_xlsx, "odt-typed": write_docx_typed,
              "odt-layout": write_docx_layout, "odt-revised": write_docx_revised}[fmt]
    made = convert_many(writer, plans, "ods" if fmt == "ods" else "odt")
    return dict(zip(documents(), made))


@lru_cache(maxsize=None)
def extract(path: Path, fmt: str = "md"):  # noqa: ANN201 (Extraction)
    """The reader's extraction of one corpus file (written in ``fmt`` first), as a build
    reads a file and chooses the loader."""
    from stratgraph.loaders.document import SourceDocument
    from stratgraph.loaders.registry import extract as run

    return run(SourceDocument.from_path(written(path, fmt)))


def score(path: Path, fmt: str = "md") -> dict[str, Score]:
    """Per category, how many of the expected items the reader found."""
    return score_graph(path, extract(path, fmt).graph)


def score_graph(path: Path, graph) -> dict[str, Score]:  # noqa: ANN001 (a Graph)
    """Per category, how many of the expected items of ``path`` are nodes of ``graph``."""
    expected = expected_of(path)
    scores: dict[str, Score] = {}
    for key, label in CATEGORIES.items():
        items = expected.get(key, [])
        nodes = [n for n in graph.nodes.values() if n.label.value == label]
        missed, found = [], 0
        dl = dl_found = ow = ow_found = pa = pa_found = 0
        for item in items:
            names = [item["name"]] + ([item["role"]] if key == "leads" and item.get("role") else [])
            match = next((n for n in nodes for name in names
                          if same(name, n.name) or (key == "leads" and same(name, str(n.properties.get("role") or "")))), None)
            pa += bool(item.get("under"))  # a missed strategy misses its link too
            if match is None:
                missed.append(item["name"])
                continue
            found += 1
            if item.get("deadline"):
                dl += 1
                dl_found += bool(match.properties.get("deadline"))
            if item.get("owner"):
                ow += 1
                ow_found += bool(match.properties.get("owner")) or any(
                    r.type.value == "OWNS" and r.end == match.id for r in graph.relationships.values())
            if item.get("under"):
                pa_found += _referenced_from(graph, match.id, item["under"])
        scores[key] = Score(len(items), found, tuple(missed), dl, dl_found, ow, ow_found, pa, pa_found)
    return scores


def compare_reading(plan: Path, path: Path):  # noqa: ANN201 (tuple of dicts and sets)
    """What ``path`` (``plan`` written in another format) reads against ``plan`` itself:
    ``(missed, base_missed, nodes, base_nodes)``, the expected items each misses per
    category and the judged nodes (label, name) each makes."""
    from stratgraph.loaders.document import SourceDocument
    from stratgraph.loaders.registry import extract as run

    out = []
    for source in (path, plan):
        graph = run(SourceDocument.from_path(source)).graph
        out.append(({key: s.missed for key, s in score_graph(plan, graph).items()},
                    {(n.label.value, n.name) for n in graph.nodes.values() if n.label.value in JUDGED}))
    (missed, nodes), (base, made) = out
    return missed, base, nodes, made


def _referenced_from(graph, node_id: str, under: str) -> bool:  # noqa: ANN001 (a Graph)
    """Whether a REFERENCES (or, for a partnership, INVOLVES) link reaches ``node_id`` from the
    node named ``under`` (any label; "plan" is the document's Plan node)."""
    for rel in graph.relationships.values():
        if rel.type.value not in ("REFERENCES", "INVOLVES") or rel.end != node_id:
            continue
        start = graph.nodes.get(rel.start)
        if start is None:
            continue
        if under == "plan" and start.label.value == "Plan" or under != "plan" and same(under, start.name):
            return True
    return False


def totals(fmt: str = "md") -> dict[str, tuple[int, int]]:
    """Per category over the whole corpus: (found, expected)."""
    sums: dict[str, list[int]] = {k: [0, 0] for k in CATEGORIES}
    sums.update(deadlines=[0, 0], owners=[0, 0], references=[0, 0])
    for path in documents():
        for key, s in score(path, fmt).items():
            sums[key][0] += s.found
            sums[key][1] += s.expected
            sums["references"][0] += s.parent_found
            sums["references"][1] += s.with_parent
            if key != "actions":
                continue  # deadlines and owners are counted on the actions that state them
            sums["deadlines"][0] += s.deadline_found
            sums["deadlines"][1] += s.with_deadline
            sums["owners"][0] += s.owner_found
            sums["owners"][1] += s.with_owner
    return {k: (v[0], v[1]) for k, v in sums.items()}


def _ratio(found: int, of: int) -> str:
    return f"{found}/{of} = {found / of if of else 1:.2f}"


def made(path: Path, fmt: str) -> set[tuple[str, str]]:
    """The judged nodes (label, name) the reader makes of ``path`` written in ``fmt``."""
    return {(n.label.value, n.name) for n in extract(path, fmt).graph.nodes.values()
            if n.label.value in JUDGED}


def side_by_side(formats: tuple[str, ...] = FORMATS, verbose: bool = False) -> None:
    """Per plan, the formats whose reading finds other items than Markdown's (with ``verbose``,
    which items, and which nodes one format makes and the other not); then the recall and
    precision of every format in columns."""
    for path in documents():
        base = score(path, "md")
        cells: list[str] = []
        details: list[str] = []
        for fmt in formats[1:]:
            scores = score(path, fmt)
            diff = [f"{k[:4]} {s.found}/{s.expected}" for k, s in scores.items()
                    if s.found != base[k].found]
            if diff:
                cells.append(f"{fmt}: {', '.join(diff)}")
            for k, s in scores.items():
                details += [f"    {fmt} misses {k[:-1]}: {m[:100]}"
                            for m in sorted(set(s.missed) - set(base[k].missed))]
                details += [f"    {fmt} finds {k[:-1]}: {m[:100]}"
                            for m in sorted(set(base[k].missed) - set(s.missed))]
            ours, theirs = made(path, "md"), made(path, fmt)
            details += [f"    {fmt} makes {label} the Markdown does not: {name[:100]!r}"
                        for label, name in sorted(theirs - ours)]
            details += [f"    {fmt} does not make {label}: {name[:100]!r}"
                        for label, name in sorted(ours - theirs)]
        if cells or (verbose and details):
            print(f"{path.stem[:50]:50} " + "  ".join(cells))
        if verbose:
            print("\n".join(details)) if details else None
    print()
    print(f"{'':20}" + "".join(f"{fmt:>18}" for fmt in formats))
    table = {fmt: totals(fmt) for fmt in formats}
    for key in table[formats[0]]:
        print(f"recall    {key:10}" + "".join(f"{_ratio(*table[fmt][key]):>18}" for fmt in formats))
    judged = {fmt: precision(fmt) for fmt in formats}
    for label in JUDGED:
        print(f"precision {label:10}" + "".join(f"{_ratio(*judged[fmt][0][label]):>18}"
                                               for fmt in formats))
    if (CORPUS / "judgements.toml").exists():
        for fmt in formats:
            for doc, label, name in judged[fmt][1]:
                print(f"    {fmt} not judged: {doc} {label} {name!r}")


def main() -> None:
    verbose = "-v" in sys.argv
    if FORMAT == "all":
        side_by_side(verbose=verbose)
        return
    if FORMAT == "real":
        side_by_side(("md", *REAL_WORLD), verbose=verbose)
        return
    if FORMAT == "round3":
        side_by_side(("md", *ROUND3), verbose=verbose)
        return
    if FORMAT == "round4":
        side_by_side(("md", *ROUND4), verbose=verbose)
        return
    if FORMAT == "new":
        side_by_side(("md", *NEW), verbose=verbose)
        return
    if FORMAT == "odt-real":
        side_by_side(("md", "docx-typed", "odt-typed", "docx-layout", "odt-layout"), verbose=verbose)
        return
    if FORMAT == "round6":
        side_by_side(("md", *ROUND6), verbose=verbose)
        return
    for path in documents():
        scores = score(path, FORMAT)
        row = "  ".join(f"{k[:4]} {s.found}/{s.expected}" for k, s in scores.items() if s.expected)
        print(f"{path.stem[:55]:55} {row}")
        if verbose:
            for k, s in scores.items():
                for m in s.missed:
                    print(f"    missed {k[:-1]}: {m[:100]}")
    print()
    for key, (found, expected) in totals(FORMAT).items():
        print(f"recall    {key:10} {found}/{expected} = {found / expected if expected else 1:.2f}")
    counts, unjudged = precision(FORMAT)
    for label, (right, made) in counts.items():
        print(f"precision {label:10} {right}/{made} = {right / made if made else 1:.2f}")
    if (CORPUS / "judgements.toml").exists():  # the held-out corpus has none: all unjudged
        for doc, label, name in unjudged:
            print(f"    not judged: {doc} {label} {name!r}")



JUDGED = ("Outcome", "Action", "Measure", "Strategy", "Partnership", "CabinetLead")
#: The expected-items key of each judged label.
KEY_OF = {label: key for key, label in CATEGORIES.items()}


def judgements() -> dict[tuple[str, str, str], bool]:
    """(document, label, name) -> right, from tests/dev_corpus/judgements.toml."""
    path = CORPUS / "judgements.toml"
    if not path.exists():  # the held-out corpus: only expected items are judged
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {(j["document"], j["label"], j["name"]): bool(j["right"]) for j in data.get("node", [])}


def _is_item(item: dict, node) -> bool:  # noqa: ANN001 (a Node)
    """Whether ``node`` is the expected ``item``: by name, or for a lead named by role, by role."""
    if same(item["name"], node.name):
        return True
    role = str(node.properties.get("role") or "")
    return node.label.value == "CabinetLead" and any(
        same(want, got) for want in (item["name"], item.get("role") or "") for got in (role, node.name) if want and got)


def precision(fmt: str = "md") -> tuple[dict[str, tuple[int, int]], list[tuple[str, str, str]]]:
    """Per label, (right, made) over every Outcome, Action, Measure, Strategy, Partnership and CabinetLead the reader makes in
    the corpus; and the nodes neither an expected item nor a judgement covers."""
    judged = judgements()
    counts = {label: [0, 0] for label in JUDGED}
    unjudged: list[tuple[str, str, str]] = []
    for path in documents():
        expected = expected_of(path)
        for node in extract(path, fmt).graph.nodes.values():
            label = node.label.value
            if label not in JUDGED:
                continue
            key = KEY_OF[label]
            counts[label][1] += 1
            if any(_is_item(item, node) for item in expected.get(key, [])):
                counts[label][0] += 1
            elif (path.stem, label, node.name) in judged:
                counts[label][0] += judged[(path.stem, label, node.name)]
            else:
                unjudged.append((path.stem, label, node.name))
    return {k: (v[0], v[1]) for k, v in counts.items()}, unjudged


if __name__ == "__main__":
    main()
