"""Start-up: ``stratgraph build`` of the real plans, whole process, against the floor.

Run:  python bench/bench_startup.py [CORPUS] [--rounds 15] [--before REF] [--installed] [--uncompiled]

The floor is a bare Python process of the same interpreter that reads the same plans and
scans every line of them with a regex (what any reader of plans must at least do). Both run as
fresh processes, alternately, ``--rounds`` times each; the table gives the median and best
wall time of each and the gap between them, which is what stratgraph adds: imports, regex
compilation, building, saving. It then counts, in one ``build`` process, the modules imported
and the regexes compiled (``re`` cache misses), and lists the slowest imports
(``python -X importtime``).

With ``--before REF`` (a git commit of this repository) the same run also times that commit's
``stratgraph build``, alternating with the other two: its sources are exported to a temporary
folder laid out as the installed package (``stratgraph/<sub>`` linked to each top-level
folder, as pyproject's ``package-dir`` maps them), compiled to ``.pyc`` like the working tree,
and imported through ``PYTHONPATH`` ahead of the editable install. Both builds then run as
``python -c`` of the console script's entry point, so they start alike.

``--installed`` also times the build as a user's ``pip install .`` runs it: a wheel of the
working tree installed (pip compiles its ``.pyc`` at install, whatever PYTHONDONTWRITEBYTECODE
says) into a new virtual environment that sees this one's dependencies through a ``.pth`` line
and not its editable install (whose import hook runs at every start). ``--uncompiled`` times
the working tree's committed sources (HEAD) with no ``.pyc`` at all: what an editable install
costs when ``compileall`` was never run and PYTHONDONTWRITEBYTECODE is set (as here), since
every module is then compiled from source in every run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
STRATGRAPH = Path(sys.executable).with_name("stratgraph")
#: The console script's body, so a tree on PYTHONPATH starts the way the installed one does.
ENTRY = "import sys; sys.argv[0] = 'stratgraph'; from stratgraph.cli.entry import main; main()"
#: Top-level folders pyproject maps to ``stratgraph.<name>``.
SUBPACKAGES = ("graph", "loaders", "cypher", "viz", "cli")

FLOOR = r"""
import re, sys
from pathlib import Path
line = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)]|[A-Z][^a-z]{3,})\s*(.*)$")
hits = 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    if path.suffix in {".txt", ".md", ".html"}:
        for text in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.match(text):
                hits += 1
print(hits)
"""

COUNT = r"""
import re, sys
compiled = 0
real = re._compile
def counting(pattern, flags):
    global compiled
    key = (type(pattern), pattern, flags)
    if key not in re._cache and not isinstance(pattern, re.Pattern):
        compiled += 1
    return real(pattern, flags)
re._compile = counting
before = set(sys.modules)
# As the console script runs it (a plain build takes the quick path, without typer).
sys.argv = ["stratgraph", "build", sys.argv[1], "--graph", sys.argv[2]]
from stratgraph.cli.entry import main
try:
    main()
except SystemExit:
    pass
ours = [m for m in set(sys.modules) - before if m.startswith("stratgraph")]
print(len(set(sys.modules) - before), len(ours), compiled, file=sys.stderr)
"""


def timed(command: list[str], env: dict[str, str], cwd: str | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one process: on a shared machine CPU time is the steadier."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def tree_of(ref: str, into: Path, *, compiled: bool = True) -> Path:
    """``ref``'s sources laid out as the installed package under ``into``; the PYTHONPATH."""
    tree, pkg = into / "tree", into / "pkg"
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    # The root package is copied (its .pyc is looked up beside the file imported), the
    # subpackages linked.
    shutil.copytree(tree / "stratgraph", pkg / "stratgraph")
    for sub in SUBPACKAGES:
        (pkg / "stratgraph" / sub).symlink_to(tree / sub, target_is_directory=True)
    if compiled:
        subprocess.run([sys.executable, "-m", "compileall", "-q", "-j0", str(tree), str(pkg)],
                       check=True, stdout=subprocess.DEVNULL)
    return pkg


def installed_copy(into: Path) -> Path:
    """A user's install of the working tree under ``into``: its interpreter."""
    import sysconfig

    wheels, venv, src = into / "wheels", into / "venv", into / "src"
    # Built from a copy: setuptools leaves a build/ folder beside the sources it builds.
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(
        ".*", "build", "dist", "*.egg-info", "__pycache__", "neo4j_harness", "out"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels),
                    str(src)], check=True, stdout=subprocess.DEVNULL)
    base = Path(sys._base_executable)  # type: ignore[attr-defined]  # the venv's own Python
    subprocess.run([str(base), "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # Dependencies from this environment; a .pth line adds the folder without running the
    # .pth files inside it, so the editable install's import hook stays out.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # --target leaves this environment's own install alone (--prefix would uninstall it).
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(site), *map(str, wheels.glob("*.whl"))], check=True,
                   stdout=subprocess.DEVNULL)
    return python


def answers_from(python: str, env: dict[str, str], cwd: str, where: Path, what: str) -> None:
    """Stop unless ``python`` imports stratgraph from ``where`` (not the editable install)."""
    found = subprocess.run(
        [python, "-c", "import stratgraph.loaders.registry as r; print(r.__file__)"],
        env=env, cwd=cwd, capture_output=True, text=True, check=True).stdout
    if not found.startswith(str(where)):
        raise SystemExit(f"{what}: imported {found.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--before", metavar="REF",
                        help="also time this git commit's build, side by side")
    parser.add_argument("--installed", action="store_true",
                        help="also time a user's install (a wheel, .pyc compiled by pip)")
    parser.add_argument("--uncompiled", action="store_true",
                        help="also time HEAD's sources with no .pyc (compiled every run)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    env = dict(os.environ)
    # The working tree compiled as `make venv` leaves it: with PYTHONDONTWRITEBYTECODE set an
    # edited module has no current .pyc, and compiling it from source on every run (25 ms for
    # graph/embedded.py) would be timed as start-up.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j0",
                    *(str(REPO / d) for d in ("stratgraph", *SUBPACKAGES))],
                   check=True, stdout=subprocess.DEVNULL)
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="stratgraph-startup-") as tmp:
        graph = Path(tmp) / "graph.db"
        floor_cmd = [sys.executable, "-c", FLOOR, str(args.corpus)]
        build_args = ["build", str(args.corpus), "--graph", str(graph)]
        build_cmd = [str(STRATGRAPH), *build_args]
        if args.before or args.installed or args.uncompiled:
            build_cmd = [sys.executable, "-c", ENTRY, *build_args]
        # (name, command, environment) of each extra build timed alongside.
        others: list[tuple[str, list[str], dict[str, str]]] = []
        if args.before:
            pkg = tree_of(args.before, Path(tmp))
            before_env = dict(env, PYTHONPATH=str(pkg))
            answers_from(sys.executable, before_env, tmp, pkg, f"--before {args.before}")
            others.append((f"stratgraph build, before ({args.before})", build_cmd, before_env))
        if args.installed:
            python = installed_copy(Path(tmp) / "installed")
            answers_from(str(python), env, tmp, python.parents[1], "--installed")
            others.append(("stratgraph build, a user's install (wheel, .pyc by pip)",
                           [str(python), "-c", ENTRY, *build_args], env))
        if args.uncompiled:
            raw = tree_of("HEAD", Path(tmp) / "uncompiled", compiled=False)
            raw_env = dict(env, PYTHONPATH=str(raw), PYTHONDONTWRITEBYTECODE="1")
            answers_from(sys.executable, raw_env, tmp, raw, "--uncompiled")
            others.append(("stratgraph build, HEAD with no .pyc", build_cmd, raw_env))
        floor, build = [], []
        extra: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in others}
        # Every process starts in the temporary folder: ``python -c`` puts the working
        # directory first on sys.path, and the repository's own ``stratgraph/`` there would
        # shadow the tree on PYTHONPATH.
        timed(build_cmd, env, tmp)  # the first run warms the OS file cache for both
        for _ in range(args.rounds):
            floor.append(timed(floor_cmd, env, tmp))
            graph.unlink(missing_ok=True)
            build.append(timed(build_cmd, env, tmp))
            graph.unlink(missing_ok=True)
            for name, command, other_env in others:
                extra[name].append(timed(command, other_env, tmp))
                graph.unlink(missing_ok=True)
        graph.unlink(missing_ok=True)
        counted = subprocess.run([sys.executable, "-c", COUNT, str(args.corpus), str(graph)],
                                 capture_output=True, text=True, env=env, check=True)
        modules, ours, regexes = counted.stderr.strip().splitlines()[-1].split()
        graph.unlink(missing_ok=True)
        imports = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "from stratgraph.cli.main import main"],
            # (the typer CLI every other command imports; a plain build imports cli.entry and
            # cli.build_command alone before its work)
            capture_output=True, text=True, env=env, check=True).stderr
    print(f"{args.rounds} rounds each, alternating; PYTHONDONTWRITEBYTECODE="
          f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}; load average "
          f"{' '.join(f'{x:.1f}' for x in load)} before, "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} after\n")
    print("| process | wall median s | wall best s | CPU median s | CPU best s |")
    print("|---|---:|---:|---:|---:|")
    stats = {}
    processes = [("floor: read + regex-scan the plans", floor), *extra.items(),
                 ("stratgraph build", build)]
    for name, runs in processes:
        wall, cpu = [w for w, _ in runs], [c for _, c in runs]
        stats[name] = (statistics.median(wall), min(wall), statistics.median(cpu), min(cpu))
        print(f"| {name} | " + " | ".join(f"{v:.3f}" for v in stats[name]) + " |")
    f = stats[processes[0][0]]
    for name, _ in processes[1:]:
        label = "gap (build - floor)" + name.removeprefix("stratgraph build")
        print(f"| {label} | " + " | ".join(
            f"{y - x:.3f}" for x, y in zip(f, stats[name])) + " |")
    print(f"\none build process: {modules} modules imported ({ours} of stratgraph), "
          f"{regexes} regexes compiled")
    rows = []
    for line in imports.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    print("slowest imports of `stratgraph.cli.main` (cumulative us):")
    for us, name in sorted(rows, reverse=True)[:8]:
        print(f"  {us:>8,}  {name.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
