"""``stratgraph build``'s work, and a quick path that runs a plainly written build without typer.

typer's import (its vendored click, subprocess, platform, shutil, uuid, difflib ...) and its
parsing are about 30 ms of CPU, a tenth of what a build of a council's few plans adds to
reading them (issue #17). The console script (:mod:`stratgraph.cli.entry`) hands the
arguments of ``build`` here first: :func:`quick_arguments` takes the plain spelling alone
(``build PLAN_OR_FOLDER... [--graph FILE] [--no-infer]``, each option once, every path
as ``Path`` spells it, nothing typer would reject) and answers ``None`` for anything else (help,
every other option, any doubt), which typer then parses as before, in its own words.
Both paths run :func:`run_build`.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from stratgraph.config import DEFAULT_GRAPH_FILE

#: The environment variable whose presence asks click for shell completion, not a command.
_COMPLETION = "_STRATGRAPH_COMPLETE"


def run_build(
    paths: list[Path],
    *,
    store: str = "embedded",
    graph: Path = DEFAULT_GRAPH_FILE,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    password_file: Path | None = None,
    database: str | None = None,
    loader: str | None = None,
    replace: bool = True,
    curation: Path | None = None,
    threshold: float | None = None,
    no_infer: bool = False,
    debug: bool = False,
) -> int:
    """Read plans, build the graph, save it, print what it holds; the exit code.

    A :class:`StratgraphError` while reading or saving is one line on stderr and code 1 (with
    ``debug`` it is raised instead); Ctrl-C then is one line and code 130."""
    from stratgraph.cli.render import echo, print_readings, print_summary, printable, say
    from stratgraph.cli.render import progress_callback
    from stratgraph.cli.stores import open_from_options
    from stratgraph.errors import LoaderError, StratgraphError

    try:
        from stratgraph.api import build as build_graph
        from stratgraph.api import discover

        files = discover(paths)
        if not files:
            # "0 documents" with exit 0 reads as success; say what was looked for instead.
            from stratgraph.loaders.read import READABLE_SUFFIXES

            raise LoaderError(
                f"no plan files in {', '.join(str(p) for p in paths)} (stratgraph reads "
                f"{' '.join(sorted(READABLE_SUFFIXES))}); nothing was built"
            )
        with open_from_options(store, graph, uri, user, password, database, password_file) as target:
            with progress_callback(len(files)) as tick:
                result = build_graph(
                    paths, target, loader=loader, replace=replace, curation=curation,
                    infer=not no_infer, threshold=threshold, progress=tick, plans_only=True,
                )
    except StratgraphError as exc:
        if debug:
            raise
        say(f"error: {exc}", err=True)
        return 1
    except KeyboardInterrupt:
        echo("interrupted: nothing was saved from the unfinished step", err=True)
        return 130
    print_readings(result.extractions)
    for note in result.skipped:
        echo(printable(f"skipped: {note}"), err=True)
    for note in result.notes:
        echo(printable(f"warning: {note}"), err=True)
    for error in result.errors:
        echo(printable(f"error: {error}"), err=True)
    for document in result.not_plans:
        echo(printable(f"warning: {document}: no theme, outcome, action or measure: "
                       "not a plan, not saved"), err=True)
    if result.summary and (result.written or result.summary.nodes):
        print_summary(result.summary, loaded=[e.document for e in result.extractions
                                              if e.document not in result.not_plans])
    saved = len(result.extractions) - len(result.not_plans)
    if result.not_plans and not result.errors:
        echo(f"{len(result.not_plans)} file(s) read as no plan; {saved} saved.", err=True)
        return 1
    if result.errors:
        no_plan = f"{len(result.not_plans)} read as no plan; " if result.not_plans else ""
        echo(
            f"{len(result.errors)} file(s) could not be loaded; {no_plan}{saved} loaded and saved.",
            err=True,
        )
        return 1
    return 0


@dataclass(frozen=True, eq=False)
class QuickArguments:
    """A plainly written ``build``: what :func:`run_build` needs from it."""

    paths: list[Path]
    graph: Path = DEFAULT_GRAPH_FILE
    no_infer: bool = False


def quick_arguments(args: list[str]) -> QuickArguments | None:
    """``build``'s arguments (after the word ``build``) when written plainly, else None.

    None whenever typer might answer anything but running the build: an option other than
    ``--graph FILE`` and ``--no-infer`` (or one given twice, or ``--opt=value``), ``--``,
    ``--help``, no plan, a path ``Path`` would respell (``./x``, ``a/``) or one typer's
    checks would reject (a graph file that is a folder, a path that exists unreadable),
    output streams not in UTF-8, or a shell-completion request."""
    if _COMPLETION in os.environ or not _utf8(sys.stdout) or not _utf8(sys.stderr):
        return None
    paths: list[Path] = []
    graph: Path | None = None
    no_infer = False
    at = 0
    while at < len(args):
        arg = args[at]
        if arg == "--no-infer" and not no_infer:
            no_infer = True
        elif arg == "--graph" and graph is None and at + 1 < len(args):
            at += 1
            graph = _plain_path(args[at], folder_ok=False)
            if graph is None:
                return None
        elif arg.startswith("-"):
            return None
        else:
            path = _plain_path(arg, folder_ok=True)
            if path is None:
                return None
            paths.append(path)
        at += 1
    if not paths:
        return None
    return QuickArguments(paths, DEFAULT_GRAPH_FILE if graph is None else graph, no_infer)


def _plain_path(text: str, *, folder_ok: bool) -> Path | None:
    """``Path(text)`` where typer's path checks (readable; for the graph file, not a
    folder) pass and ``Path`` keeps the text as written; else None."""
    if not text or text.startswith("-"):
        return None
    path = Path(text)
    if str(path) != text:
        return None
    try:
        st = os.stat(text)
    except OSError:
        return path  # typer lets a path that is not there through, as this does
    import stat

    if (not folder_ok and stat.S_ISDIR(st.st_mode)) or not os.access(text, os.R_OK):
        return None
    return path


def _utf8(stream: object) -> bool:
    import codecs

    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str):
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def quick_build(args: list[str]) -> int | None:
    """Run ``build`` with ``args`` without typer when they are plain (the exit code), else
    None: typer parses them."""
    plain = quick_arguments(args)
    if plain is None:
        return None
    _import_for_build()
    from stratgraph.config import adopt_legacy_default

    try:
        # What typer's --graph callback does, before any work.
        graph = adopt_legacy_default(plain.graph)
        return run_build(plain.paths, graph=graph, no_infer=plain.no_infer)
    except KeyboardInterrupt:
        return 130  # as typer ends a command on Ctrl-C: code 130, no message
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:
            raise
        # As typer does when the reader of the output has gone: no traceback at exit.
        from typer._click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)
        sys.stderr = PacifyFlushWrapper(sys.stderr)
        return 1


def _import_for_build() -> None:
    """Import what every build into the embedded store imports, with the cyclic collector
    paused, then set it aside for good (``gc.freeze``), as the console script does with the
    CLI: these modules, classes and functions live as long as the process, yet imported
    on the way they were swept in ten collections (7 to 9 ms of CPU; 2 to 3 ms in one now)."""
    import gc

    gc.disable()
    try:
        import stratgraph.api  # noqa: F401
        import stratgraph.graph.embedded  # noqa: F401
        import stratgraph.graph.passes.curation  # noqa: F401
        import stratgraph.graph.passes.resolve  # noqa: F401
        import stratgraph.graph.passes.linking  # noqa: F401
        import stratgraph.loaders.registry  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()
