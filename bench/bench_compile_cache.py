"""What would a compile cache save a build? An experiment, not a part of stratgraph.

Run:  python bench/bench_compile_cache.py [CORPUS] [--rounds 10]

Every ``stratgraph build`` compiles its regexes (``re``'s parser and code generator, pure
Python) and the methods of its frozen dataclasses (``dataclasses`` builds each as source text
and ``exec``s it) afresh. This times, alternately, a plain build and one whose process first
installs two caches filled by an earlier build: each regex's compiled program handed straight
to ``_sre.compile``, and each generated method's code object read back with ``marshal``. Both
are CPython internals (``re._compiler``, ``_sre.compile``, ``dataclasses._create_fn``), which
is why stratgraph does not do this; the figure says how much of the gap to the floor such a
cache could close. The build's stdout and stderr must be the same with and without it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
ENTRY = "import sys; sys.argv[0] = 'stratgraph'; from stratgraph.cli.entry import main; main()"

#: Run as ``python -c CACHED CACHE_FILE build ...``: the caches, then the console script.
CACHED = r'''
import dataclasses, marshal, pickle, sys, _sre
from re import _compiler, _parser
cache_file = sys.argv.pop(1)
try:
    with open(cache_file, "rb") as f:
        programs, methods = pickle.load(f)
    filling = False
except FileNotFoundError:
    programs, methods, filling = {}, {}, True
plain_compile = _compiler.compile

def compile_pattern(p, flags=0):
    if not isinstance(p, (str, bytes)):
        return plain_compile(p, flags)
    key = (p, int(flags))
    found = programs.get(key)
    if found is None:
        parsed = _parser.parse(p, flags)
        groups = [None] * parsed.state.groups
        for name, i in parsed.state.groupdict.items():
            groups[i] = name
        found = programs[key] = (int(flags | parsed.state.flags),
                                 [int(c) for c in _compiler._code(parsed, flags)],
                                 parsed.state.groups - 1, dict(parsed.state.groupdict),
                                 tuple(groups))
    return _sre.compile(p, *found)

def create_fn(name, args, body, *, globals=None, locals=None, return_type=dataclasses.MISSING):
    # dataclasses._create_fn of Python 3.11, with the compiled text looked up first.
    locals = {} if locals is None else locals
    annotation = ""
    if return_type is not dataclasses.MISSING:
        locals["_return_type"] = return_type
        annotation = "->_return_type"
    body = "\n".join(f"  {b}" for b in body)
    text = (f"def __create_fn__({', '.join(locals)}):\n def {name}({','.join(args)}){annotation}:"
            f"\n{body}\n return {name}")
    code = methods.get(text)
    if code is None:
        methods[text] = code = marshal.dumps(compile(text, "<string>", "exec"))
    ns = {}
    exec(marshal.loads(code), globals, ns)
    return ns["__create_fn__"](**locals)

_compiler.compile = compile_pattern
dataclasses._create_fn = create_fn
sys.argv[0] = "stratgraph"
from stratgraph.cli.entry import main
try:
    main()
finally:
    if filling:
        with open(cache_file, "wb") as f:
            pickle.dump((programs, methods), f)
'''


def cpu_of(command: list[str], cwd: str) -> tuple[float, bytes]:
    """CPU seconds of one process, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, cwd=cwd, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), \
        done.stdout + b"\n--\n" + done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args(argv)
    if sys.version_info[:2] != (3, 11):
        print("the cache copies Python 3.11's dataclasses._create_fn", file=sys.stderr)
        return 2
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="stratgraph-cache-") as tmp:
        graph, cache = Path(tmp) / "graph.db", Path(tmp) / "cache.pickle"
        build = ["build", str(args.corpus.resolve()), "--graph", str(graph)]
        plain = [sys.executable, "-c", ENTRY, *build]
        cached = [sys.executable, "-c", CACHED, str(cache), *build]
        _, expected = cpu_of(cached, tmp)  # fills the caches
        graph.unlink()
        times: dict[str, list[float]] = {"plain build": [], "build with both caches": []}
        for _ in range(args.rounds):
            for name, command in zip(times, (plain, cached)):
                cpu, output = cpu_of(command, tmp)
                graph.unlink()
                if output != expected:
                    print(f"{name}: its output differs", file=sys.stderr)
                    return 1
                times[name].append(cpu)
    print(f"{args.rounds} rounds each, alternating; load average "
          f"{' '.join(f'{x:.1f}' for x in load)} before, "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} after\n")
    print("| process | CPU median s | CPU best s |\n|---|---:|---:|")
    for name, cpu in times.items():
        print(f"| {name} | {statistics.median(cpu):.3f} | {min(cpu):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
