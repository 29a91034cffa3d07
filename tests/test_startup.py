"""Start-up stays light: what a command imports before it does any work (issue #17).

Every command imports ``stratgraph`` and the CLI first; heavy libraries and the modules of
other commands must wait until a command uses them. Timing lives in bench/bench_startup.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import stratgraph

HEAVY = ("networkx", "neo4j", "pyvis", "rich", "pypdfium2", "pypdf", "docx", "pdfplumber",
         "rapidfuzz", "spellchecker")
LATER = ("stratgraph.api", "stratgraph.graph.queries", "stratgraph.graph.export",
         "stratgraph.graph.select", "stratgraph.viz", "stratgraph.loaders")


def imported_after(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return set(json.loads(out))


def test_the_cli_imports_no_heavy_library_and_no_command_body() -> None:
    modules = imported_after("import stratgraph.cli.main")
    assert not {m for m in modules if m.split(".")[0] in HEAVY}
    assert not {m for m in modules if m.startswith(LATER)}


def test_a_build_of_text_plans_imports_no_heavy_library(tmp_path) -> None:
    # The whole `stratgraph build` of the example plans (text) in one process: networkx, the
    # Neo4j driver, the PDF and Word readers, rich and the general reader's lead rules wait
    # for a document, a store or a terminal that needs them.
    examples = Path(__file__).resolve().parents[1] / "examples"
    graph = tmp_path / "graph.db"
    code = (
        "import sys, json\n"
        "from stratgraph.cli.main import main\n"
        f"sys.argv = ['stratgraph', 'build', {str(examples)!r}, '--graph', {str(graph)!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert graph.exists() and "stratgraph.loaders.registry" in modules
    assert not {m for m in modules if m.split(".")[0] in HEAVY and m.split(".")[0] != "rapidfuzz"}
    assert not {m for m in modules if m.startswith(("stratgraph.graph.queries",
                                                    "stratgraph.graph.export", "stratgraph.viz",
                                                    "stratgraph.loaders.read.pdf",
                                                    "stratgraph.loaders.read.docx",
                                                    "stratgraph.loaders.general.reader"))}


def test_public_names_still_resolve_lazily() -> None:
    assert imported_after("import stratgraph").isdisjoint(LATER)
    for name in stratgraph.__all__:
        assert getattr(stratgraph, name) is not None, name
    assert set(stratgraph.__all__) <= set(dir(stratgraph))


def test_the_registry_waits_to_import_the_general_reader() -> None:
    # The general reader is only the fallback: a build of plans in known shapes never needs it.
    modules = imported_after("import stratgraph.loaders.registry, stratgraph.loaders.general")
    assert "stratgraph.loaders.general.reader" not in modules
    assert "stratgraph.loaders.general.leads" not in modules


def test_the_deferred_general_loader_is_the_general_reader() -> None:
    from stratgraph.loaders.general import GeneralLoader
    from stratgraph.loaders.general.reader import GeneralLoader as Real
    from stratgraph.loaders.registry import FALLBACK, LOADERS

    deferred = LOADERS[FALLBACK]
    assert GeneralLoader is Real
    assert deferred.name == Real.name == FALLBACK
    assert deferred.description == Real.description
    assert isinstance(deferred.loader, Real)  # type: ignore[attr-defined]


def test_one_run_builds_only_the_command_it_names() -> None:
    from typer.main import get_command
    from typer.testing import CliRunner

    from stratgraph.cli.main import app
    from stratgraph.cli.support import app_for

    runner = CliRunner()
    names = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    assert len(names) > 5
    for name in names:
        for argv in ([name, "--help"], ["--debug", name, "--help"]):
            one = app_for(app, argv)
            assert one is not app and list(get_command(one).commands) == [name]  # type: ignore[attr-defined]
            assert runner.invoke(one, argv).output == runner.invoke(app, argv).output
    assert app_for(app, ["build", "--no-such-option"]) is not app
    assert runner.invoke(app_for(app, ["build", "--no-such-option"]),
                         ["build", "--no-such-option"]).output == runner.invoke(
        app, ["build", "--no-such-option"]).output
    # Anything but a plain command name gets the whole group, so its help and suggestions.
    for argv in ([], ["--help"], ["bild"], ["--debug"], ["--debug", "--help", "build"]):
        assert app_for(app, argv) is app
    assert len(get_command(app).commands) == len(names)  # type: ignore[attr-defined]


def test_a_first_write_builds_its_indexes_after_the_rows_with_the_same_result(tmp_path) -> None:
    import sqlite3
    from pathlib import Path

    import pytest

    import stratgraph.graph.embedded as embedded
    from stratgraph.api import extract_documents
    from stratgraph.graph.embedded import EmbeddedStore

    examples = Path(__file__).resolve().parents[1] / "examples"
    graph = extract_documents(sorted(p for p in examples.iterdir() if p.suffix == ".txt")).graph

    def contents(path: Path) -> tuple:
        con = sqlite3.connect(path)
        try:
            schema = sorted(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
            tables = [name for kind, name, _, _ in schema if kind == "table"]
            rows = {name: sorted(map(repr, con.execute(f'SELECT * FROM "{name}"')))
                    for name in tables}
            plan = con.execute("EXPLAIN QUERY PLAN SELECT id FROM edges WHERE start = 'x'")
            return schema, rows, " ".join(str(r) for r in plan)
        finally:
            con.close()

    EmbeddedStore(tmp_path / "deferred.db").write(graph)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(embedded, "_drop_record_indexes", lambda con: [])
        EmbeddedStore(tmp_path / "row_by_row.db").write(graph)
    deferred, row_by_row = contents(tmp_path / "deferred.db"), contents(tmp_path / "row_by_row.db")
    assert deferred == row_by_row
    assert "edges_start" in deferred[2] or "edges_type" in deferred[2]  # indexes in use


def test_the_console_script_sets_the_cli_import_aside_and_collects_as_usual_after() -> None:
    # The objects the CLI's import makes live as long as the process: frozen, not swept again;
    # the command then runs with the cyclic collector on.
    code = ("import gc, stratgraph.cli.main as cli, stratgraph.cli.entry as entry\n"
            "cli.main = lambda: print(gc.isenabled(), gc.get_freeze_count() > 1000)\n"
            "entry.main()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["True", "True"]


def test_known_names_are_found_where_the_pattern_per_name_found_them() -> None:
    # The delivery plan's name finder scans for each name with str.find instead of compiling
    # `(?<![\w']){name}(?![\w])` per name: same spans, in every kind of neighbour.
    import random
    import re

    from stratgraph.loaders.shapes.delivery_plan.names import _occurrences

    rng = random.Random(17)
    names = ["Board", "Health and Wellbeing Board", "LLEP", "Plan", "a", "Café Plan", "'Quote'",
             "Board ", "x_y", ""]
    alphabet = ["Board", "Plan", "LLEP", "Café", " ", " ", "'", "’", "_", "-", "é", "1", "²",
                "a", "Health and Wellbeing ", ".", "\n", "x_y"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for name in names:
            pattern = re.compile(rf"(?<![\w']){re.escape(name)}(?![\w])")
            assert list(_occurrences(name, text)) == [m.span() for m in pattern.finditer(text)], (
                name, text)


def test_the_row_encoder_writes_what_the_standard_encoder_writes() -> None:
    # graph/sqlite_tables.py keeps one C encoder for the rows' JSON (a new one per value was
    # half their time): same text for every kind of value, and a value that fails leaves no
    # circular-reference mark behind to trip the next one.
    import json
    import random

    from stratgraph.graph.sqlite_tables import dumps_row

    standard = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode
    rng = random.Random(17)
    words = ["", "é", "\u2028", "\x00", '"', "\\", "Cllr Ali", "\ud800", "\U0001f600", "a\nb"]

    def value(depth: int):  # noqa: ANN202
        kind = rng.randrange(8 if depth < 3 else 5)
        if kind == 0:
            return rng.choice(words)
        if kind == 1:
            return rng.randrange(-10**12, 10**12)
        if kind == 2:
            return rng.choice([0.1, -0.0, 1e300, 3.0, 2.5e-7])
        if kind == 3:
            return rng.choice([True, False, None])
        if kind == 4:
            return rng.choice(words) * rng.randrange(3)
        if kind == 5:
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        if kind == 6:
            return tuple(value(depth + 1) for _ in range(rng.randrange(4)))
        return {rng.choice(words) + str(i): value(depth + 1) for i in range(rng.randrange(4))}

    for _ in range(2000):
        v = value(0)
        assert dumps_row(v) == standard(v)
    # The containers marked when a value fails are the ones holding it: mended, each encodes.
    for bad, mend in (({"k": float("nan")}, lambda b: b.update(k=1)),
                      ([1, [object()]], lambda b: b[1].clear())):
        for encode in (dumps_row, standard):
            try:
                encode(bad)
            except (ValueError, TypeError) as exc:
                assert "Circular" not in str(exc)
            else:
                raise AssertionError("no error")
        mend(bad)
        assert dumps_row(bad) == standard(bad)


# -- `build`'s quick path (cli/build_command.py): a plainly written build runs without typer ---

_VIA_ENTRY = ("import sys\nfrom stratgraph.cli.entry import main\n"
              "sys.argv = ['stratgraph', *{args!r}]\nmain()\n")
_VIA_TYPER = ("import sys\nfrom stratgraph.cli.main import main\n"
              "sys.argv = ['stratgraph', *{args!r}]\nmain()\n")


def _run(template: str, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", template.format(args=args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def _rows(graph: Path) -> list[object]:
    import sqlite3

    if not graph.exists():
        return []
    con = sqlite3.connect(graph)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [(t, sorted(map(repr, con.execute(f'SELECT * FROM "{t}"')))) for t in tables
                if not t.startswith("search_words_")]
    finally:
        con.close()


def test_a_plain_build_through_the_console_script_never_imports_typer(tmp_path) -> None:
    # The modules it imports up front (collector paused, then frozen) leave the collector on.
    examples = Path(__file__).resolve().parents[1] / "examples"
    for extra in ([], ["--no-infer"]):
        code = _VIA_ENTRY.format(args=["build", str(examples), "--graph", str(tmp_path / "g.db"),
                                       *extra])
        code = code.replace("main()\n", "try:\n    main()\nexcept SystemExit as exc:\n"
                            "    assert not exc.code, exc.code\n"
                            "import gc, json\nassert gc.isenabled()\n"
                            "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, cwd=tmp_path)
        modules = set(json.loads(done.stderr.strip().splitlines()[-1]))
        assert "stratgraph.loaders.registry" in modules and (tmp_path / "g.db").exists()
        assert not {m for m in modules if m.split(".")[0] in ("typer", "click", "rich", "pydantic")}


def test_the_quick_path_prints_saves_and_exits_as_typer_does(tmp_path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    (tmp_path / "empty").mkdir()
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "minutes.txt").write_text("Minutes of the meeting\n\nApologies were received.\n")
    (notes / "broken.docx").write_bytes(b"not a zip")
    cases = [
        ["build", str(examples), "--graph", "{graph}"],
        ["build", "--no-infer", str(examples / "wexbridge-city-delivery-plan-2024-25.txt"),
         "--graph", "{graph}"],
        ["build", str(tmp_path / "empty"), "--graph", "{graph}"],
        ["build", str(notes), str(examples / "wexshire-county-strategic-plan-2020-24.txt"),
         "--graph", "{graph}"],
        ["build", str(tmp_path / "missing.txt"), "--graph", "{graph}"],
    ]
    from stratgraph.cli.build_command import quick_arguments

    for n, case in enumerate(cases):
        answers = []
        for way, template in (("quick", _VIA_ENTRY), ("typer", _VIA_TYPER)):
            graph = tmp_path / f"{way}{n}.db"
            args = [a.replace("{graph}", str(graph)) for a in case]
            assert quick_arguments(args[1:]) is not None
            done = _run(template, args, tmp_path)
            answers.append((done.returncode, done.stdout,
                            done.stderr.replace(str(graph), "GRAPH"), _rows(graph)))
        assert answers[0] == answers[1], case


def test_anything_but_a_plain_build_is_left_to_typer(tmp_path) -> None:
    from stratgraph.cli.build_command import quick_arguments

    (tmp_path / "folder").mkdir()
    plan = tmp_path / "plan.txt"
    plan.write_text("Plan\n")
    unread = tmp_path / "unread.txt"
    unread.write_text("x")
    unread.chmod(0)
    plain = quick_arguments([str(plan), "--graph", str(tmp_path / "g.db"), "--no-infer"])
    assert plain is not None and plain.paths == [plan] and plain.no_infer
    for args in ([], ["--help"], [str(plan), "--help"], [str(plan), "--store", "embedded"],
                 [str(plan), "--graph=g.db"], [str(plan), "--graph"],
                 [str(plan), "--graph", "a.db", "--graph", "b.db"],
                 [str(plan), "--no-infer", "--no-infer"], ["--", str(plan)], ["-"],
                 [str(plan), "--graph", str(tmp_path / "folder")], ["./plan.txt"],
                 [str(tmp_path) + "/"], [str(plan), "--loader", "narrative"],
                 [str(plan), "--no-replace"], [str(plan), "--graph", "-x"]):
        assert quick_arguments(args) is None, args
    import os

    if os.geteuid() != 0:  # root reads every file
        assert quick_arguments([str(unread)]) is None


def test_the_quick_path_and_the_command_share_their_defaults() -> None:
    import inspect

    from stratgraph.cli.build_command import QuickArguments, run_build
    from stratgraph.cli.main import build

    command = inspect.signature(build).parameters
    run = inspect.signature(run_build).parameters
    assert set(command) <= set(run)
    for name, param in command.items():
        if name != "paths":
            assert run[name].default == param.default, name
    assert QuickArguments([]).graph == command["graph"].default
    assert QuickArguments([]).no_infer == command["no_infer"].default


def test_the_shapes_records_carry_no_generated_comparison() -> None:
    # loaders/shapes/__init__.py: records nothing compares are made with eq=False (each
    # generated __eq__/__hash__ is compiled in every process that builds); a record that is
    # compared keeps eq and says why.
    import dataclasses
    import importlib
    import pkgutil

    import stratgraph.loaders.shapes as shapes

    compared = {"stratgraph.loaders.shapes.narrative.sections.ThemeSpan"}
    records = []
    for info in pkgutil.walk_packages(shapes.__path__, "stratgraph.loaders.shapes."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and dataclasses.is_dataclass(value)
                    and value.__module__ == info.name):
                records.append(value)
    assert len(records) > 40
    for record in records:
        name = f"{record.__module__}.{record.__qualname__}"
        assert ("__eq__" in vars(record)) is (name in compared), name


def test_lead_patterns_naming_a_councillor_are_left_alone_by_a_text_naming_none() -> None:
    # The foreword check asks for leads in "Foreword by ..., Leader of ... Council": the patterns
    # that need "Cllr"/"Councillor"/"Clr" cannot match it, so they are neither compiled nor run.
    from stratgraph.loaders.general import leads

    assert all(leads._CLLR in text for text in leads._PATTERN_TEXTS[:leads._CLLR_PATTERNS])
    compiled = leads._Compiled()
    leads._COMPILED, before = compiled, leads._COMPILED
    try:
        found = leads.find_leads("Foreword by Nick Rushton, Leader of Leicestershire County Council")
        assert [(lead.name, lead.role) for lead in found] == [
            ("Nick Rushton", "Leader of Leicestershire County Council")]
        assert compiled._patterns[:leads._CLLR_PATTERNS] == [None] * leads._CLLR_PATTERNS
        assert leads.find_leads("Cllr Jane Smith, Cabinet Member for Housing")[0].name == "Cllr Jane Smith"
        assert compiled._patterns[1] is not None
    finally:
        leads._COMPILED = before


def test_lead_patterns_are_run_only_on_texts_holding_a_word_they_need(monkeypatch) -> None:
    # A foreword's "Leader of ... Council" compiles neither the commissioner and mayor patterns
    # nor the labelled, portfolio holder or role-only ones; and the words each needs are sound: every
    # line of the dev corpus and the examples (with each sentence's neighbours, as a
    # paragraph) gives the same leads with the checks as with every pattern run.
    from stratgraph.loaders.general import leads

    assert len(leads._PATTERN_NEEDS) == len(leads._PATTERN_TEXTS)
    compiled = leads._Compiled()
    monkeypatch.setattr(leads, "_COMPILED", compiled)
    leads.find_leads("Foreword by Nick Rushton, Leader of Leicestershire County Council")
    assert [i for i, p in enumerate(compiled._patterns) if p] == [5]
    assert set(vars(compiled)) == {"_patterns", "leader_of_council", "bare_leader"}
    assert leads.find_leads("the Leader of the\nCouncil said") == [
        leads.Lead("the Leader of the Council", "Leader of the Council", None, 0)]

    root = Path(__file__).parent
    texts = [line for path in [*sorted((root / "dev_corpus").glob("*.md")),
                               *sorted((root.parent / "examples").glob("*.txt"))]
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [" ".join(texts[i:i + 3]) for i in range(0, len(texts), 3)]
    gated = [leads.find_leads(text) for text in texts]
    monkeypatch.setattr(leads, "_holds", lambda text, words: True)
    assert gated == [leads.find_leads(text) for text in texts]
    assert sum(map(len, gated)) > 50  # the lines name leads in many of the ways the patterns read


def test_the_theme_stem_is_the_one_it_was() -> None:
    # coded_priorities.names.stem skips the suffix loop for a word ending in none of them (one
    # endswith for all), with its two patterns compiled once: the same stems as the loop
    # always run, on every word of the dev corpus and the examples, as written and possessive.
    import re

    from stratgraph.loaders.shapes.coded_priorities import names

    def as_it_was(word: str) -> str:
        word = re.sub(r"['’]s?$", "", word.lower())
        word = re.sub(r"ies$", "y", word)
        for _ in range(2):
            for suffix in names._SUFFIXES:
                if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                    word = word[: -len(suffix)]
                    break
        return word

    root = Path(__file__).parent
    texts = [path.read_text(encoding="utf-8") for path in [
        *sorted((root / "dev_corpus").glob("*.md")), *sorted((root.parent / "examples").glob("*.txt"))]]
    words = {w for text in texts for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", text)}
    words |= {w + ending for w in list(words)[:2000] for ending in ("'s", "’", "ies")}
    assert len(words) > 5000
    assert [names.stem.__wrapped__(w) for w in sorted(words)] == [as_it_was(w) for w in sorted(words)]
