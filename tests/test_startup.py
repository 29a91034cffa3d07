"""Start-up stays light: what a command imports before it does any work (issue #17).

Every command imports ``stratgraph`` and the CLI first; heavy libraries and the modules of
other commands must wait until a command uses them. Timing lives in bench/bench_startup.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import stratgraph

HEAVY = ("networkx", "neo4j", "pyvis", "rich", "pypdfium2", "pypdf", "docx", "pdfplumber",
         "rapidfuzz")
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


def test_public_names_still_resolve_lazily() -> None:
    assert imported_after("import stratgraph").isdisjoint(LATER)
    for name in stratgraph.__all__:
        assert getattr(stratgraph, name) is not None, name
    assert set(stratgraph.__all__) <= set(dir(stratgraph))
