"""Start-up cuts must not change outputs: compare this tree's with a commit's, byte for byte.

Run:  python bench/check_outputs.py --before REF [CORPUS ...]

For each corpus (default: the five real plans in ``../shared/corpus`` and ``examples/``) both
trees run ``stratgraph build`` into a fresh graph file, then ``stats``, ``stats --json``,
``text`` (plain, ``--blocks``, ``--explain``) of every plan and every named query with
``--format json``. The build's stdout, stderr and exit code, every command's output, and the
graph file's rows (every table, by rowid, and the schema text) must be equal. The commit's
sources run as ``bench_startup.py --before`` lays them out (its ``tree_of``), from a temporary
folder so the repository's own ``stratgraph/`` does not shadow them. Exit code 1 names each
difference.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import CORPUS, ENTRY, REPO, tree_of  # noqa: E402

QUERIES = ("coverage", "cross-theme-dependencies", "deadlines", "lead-portfolio",
           "orphan-actions", "plan-evolution", "strategy-feeds", "unsupported-outcomes")
PLAN_SUFFIXES = {".txt", ".md", ".html", ".docx", ".pdf"}


def run(env: dict[str, str], cwd: str, *args: str) -> bytes:
    """One stratgraph command's exit code, stdout and stderr, as one comparable blob."""
    done = subprocess.run([sys.executable, "-c", ENTRY, *args], env=env, cwd=cwd,
                          capture_output=True)
    return b"exit %d\n--stdout\n%s\n--stderr\n%s" % (done.returncode, done.stdout, done.stderr)


def graph_rows(graph: Path) -> dict[str, bytes]:
    """Every table's rows by rowid (and the schema text), each as a digest-able blob."""
    out: dict[str, bytes] = {}
    with sqlite3.connect(graph) as db:
        schema = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                            "ORDER BY type, name").fetchall()
        out["schema"] = repr(schema).encode()
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                  "ORDER BY name").fetchall():
            try:
                rows = db.execute(f'SELECT rowid, * FROM "{name}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:  # a virtual table's own rows are in its shadows
                rows = db.execute(f'SELECT * FROM "{name}"').fetchall()
            out[f"table {name}"] = repr(rows).encode()
    return out


def outputs(env: dict[str, str], cwd: str, corpus: Path, graph: Path) -> dict[str, bytes]:
    """Everything one tree prints and stores for ``corpus``."""
    graph.unlink(missing_ok=True)
    g = ["--graph", str(graph)]
    out = {"build": run(env, cwd, "build", str(corpus), *g)}
    out.update(graph_rows(graph))
    out["stats"] = run(env, cwd, "stats", *g)
    out["stats --json"] = run(env, cwd, "stats", "--json", *g)
    for plan in sorted(p for p in corpus.iterdir() if p.suffix in PLAN_SUFFIXES):
        for extra in ((), ("--blocks",), ("--explain",)):
            out[f"text {' '.join(extra)} {plan.name}"] = run(env, cwd, "text", *extra,
                                                             str(plan), *g)
    for name in QUERIES:
        out[f"query {name}"] = run(env, cwd, "query", name, "--format", "json", *g)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path,
                        default=[CORPUS, REPO / "examples"])
    parser.add_argument("--before", metavar="REF", required=True)
    args = parser.parse_args(argv)
    differences = 0
    with tempfile.TemporaryDirectory(prefix="stratgraph-check-") as tmp:
        env = dict(os.environ)
        before_env = dict(env, PYTHONPATH=str(tree_of(args.before, Path(tmp))))
        for corpus in args.corpora:
            corpus = corpus.resolve()
            # One graph path for both: some outputs name the file.
            before = outputs(before_env, tmp, corpus, Path(tmp) / "graph.db")
            after = outputs(env, tmp, corpus, Path(tmp) / "graph.db")
            for key in sorted(before.keys() | after.keys()):
                if before.get(key) != after.get(key):
                    differences += 1
                    print(f"DIFFERENT {corpus.name}: {key}")
            digest = hashlib.sha256(b"".join(after[k] for k in sorted(after))).hexdigest()[:16]
            print(f"{corpus.name}: {len(after)} outputs compared, sha256 {digest}")
    print("same outputs" if not differences else f"{differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
