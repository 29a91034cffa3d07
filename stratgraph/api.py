"""The library behind every CLI command: build, stats, export, query."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from stratgraph.errors import LoaderError, StratgraphError
from stratgraph.graph.data import GraphData, strip_documents
from stratgraph.graph.store import GraphStore, WriteSummary
from stratgraph.graph.summary import Summary, summarise
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.read import OFFICE_SUFFIXES, READABLE_SUFFIXES

if TYPE_CHECKING:
    from stratgraph.graph.passes.curation import Curation

#: File suffixes a folder walk picks up; a file named explicitly is always read.
#: Office files are picked up too, to be reported as unreadable rather than silently skipped.
PLAN_SUFFIXES = READABLE_SUFFIXES | OFFICE_SUFFIXES


@dataclass(frozen=True)
class BuildResult:
    """What a build read, what it could not, and what the store holds afterwards."""

    extractions: tuple[Extraction, ...]
    errors: tuple[StratgraphError, ...]
    graph: GraphData
    written: WriteSummary | None = None
    summary: Summary | None = None
    #: Documents read but not saved because they hold no plan (``plans_only``).
    not_plans: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every file loaded."""
        return not self.errors


@dataclass(frozen=True)
class ExtractResult:
    """The combined graph of several documents, before it is stored."""

    extractions: tuple[Extraction, ...]
    errors: tuple[StratgraphError, ...]
    graph: GraphData = field(default_factory=GraphData)


def _is_companion(path: Path, root: Path) -> bool:
    """READMEs, answer keys, source lists and hidden files that sit beside plans in a folder."""
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts):
        return True
    if any(part.lower() == "answers" for part in parts[:-1]):
        return True
    return path.stem.lower().startswith(("readme", "answers", "changelog", "licen", "sources"))


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """The plan files named by ``paths``: files as given, folders walked for plan suffixes.

    A folder walk skips hidden files, READMEs and answer keys (files named ``answers*`` or in an
    ``answers/`` folder), so a corpus can carry its notes. Sorted, so a build reads files in the
    same order everywhere; a file named twice is read once.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    p for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in PLAN_SUFFIXES
                    and not _is_companion(p, path)
                )
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block (restoring it after).

    Extraction allocates hundreds of thousands of small records that all live until the build
    ends; the collector would rescan them all, again and again, at a cost that grows with the
    corpus (a build of ten times the text took thirteen times as long). They hold no reference
    cycles to reclaim mid-build; anything cyclic is collected once the collector resumes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def extract_documents(
    paths: Sequence[str | Path],
    *,
    loader: str | None = None,
    anchors: Sequence = (),
    curation: Path | None = None,
    infer: bool = True,
    threshold: float | None = None,
    progress: Callable[[Path], None] | None = None,
) -> ExtractResult:
    """Read plan files into one resolved graph; files that fail are reported, not fatal."""
    from stratgraph.graph.passes.curation import load_curation

    # Read the curation file first: a mistake in it should stop the build before any work.
    curated = load_curation(curation)
    with _collector_paused():
        return _extract(discover(paths), loader, anchors, curated, infer, threshold, progress)


def _extract(
    files: list[Path],
    loader: str | None,
    anchors: Sequence,
    curated: Curation | None,
    infer: bool,
    threshold: float | None,
    progress: Callable[[Path], None] | None,
) -> ExtractResult:
    """:func:`extract_documents` once the curation file is read and the files are found."""
    from stratgraph.graph.passes.linking import DEFAULT_THRESHOLD, infer_links
    from stratgraph.graph.passes.curation import apply_curation
    from stratgraph.loaders.registry import extract
    from stratgraph.graph.passes.resolve import resolve_entities

    extractions: list[Extraction] = []
    errors: list[StratgraphError] = []
    seen_names: dict[str, Path] = {}
    for path in files:
        if progress:
            progress(path)
        try:
            doc = SourceDocument.from_path(path)
            if doc.name in seen_names and seen_names[doc.name] != path:
                # Provenance is by file name; two files with one name would overwrite each other.
                raise LoaderError(
                    f"same file name as {seen_names[doc.name]}; rename one of them", file=str(path)
                )
            seen_names[doc.name] = path
            extractions.append(extract(doc, loader))
        except StratgraphError as exc:
            errors.append(exc)
    graph = GraphData.combine(e.graph for e in extractions)
    graph = resolve_entities(graph, anchors, curated.keep_apart() if curated else ())
    if infer:
        graph = infer_links(graph, DEFAULT_THRESHOLD if threshold is None else threshold)
    graph = apply_curation(graph, curated)
    return ExtractResult(tuple(extractions), tuple(errors), graph)


def build(
    paths: Sequence[str | Path],
    store: GraphStore,
    *,
    loader: str | None = None,
    replace: bool = True,
    curation: Path | None = None,
    infer: bool = True,
    threshold: float | None = None,
    progress: Callable[[Path], None] | None = None,
    plans_only: bool = False,
) -> BuildResult:
    """Read plans, resolve and link them, and write the graph to ``store``.

    With ``replace`` (the default) what the same documents contributed before is removed first,
    so a rebuilt plan shows its current content; other documents' nodes are never touched.
    Files that cannot be read are listed in ``errors``; every other file is still stored.
    With ``plans_only``, a document that yields nothing but its title (meeting notes, a list
    of links) is listed in ``not_plans`` and not stored.
    """
    extracted = extract_documents(
        paths,
        loader=loader,
        anchors=store.shared_entities(),
        curation=curation,
        infer=infer,
        threshold=threshold,
        progress=progress,
    )
    not_plans = tuple(e.document for e in extracted.extractions
                      if plans_only and not holds_plan(e))
    graph = strip_documents(extracted.graph, not_plans) if not_plans else extracted.graph
    kept = [e for e in extracted.extractions if e.document not in not_plans]
    written = None
    if kept:
        docs = [e.document for e in kept] if replace else []
        written = store.write(graph, replace_documents=docs)
    return BuildResult(
        extractions=extracted.extractions,
        errors=extracted.errors,
        graph=graph,
        written=written,
        summary=summarise(store.read()),
        not_plans=not_plans,
    )


#: What a plan holds beyond its title; a document with none of these is not read as a plan.
PLAN_CONTENT = frozenset({"Theme", "Outcome", "Action", "Measure"})


def holds_plan(extraction: Extraction) -> bool:
    """True when ``extraction`` found a theme, outcome, action or measure in its document."""
    return any(n.label.value in PLAN_CONTENT and n.provenance.document == extraction.document
               for n in extraction.graph.nodes.values())


def read_plan(path: str | Path) -> SourceDocument:
    """One plan file as stratgraph reads it: its rendering, blocks, furniture and pages."""
    return SourceDocument.from_path(path)


@dataclass(frozen=True)
class Explained:
    """A document's extraction, and what each line of its rendering became."""

    extraction: Extraction
    by_line: dict[int, tuple[tuple[str, str, str], ...]]


def explain_document(doc: SourceDocument, loader: str | None = None) -> Explained:
    """Read ``doc`` alone and index what it became by line: (label, name, rule) per node."""
    from stratgraph.loaders.registry import extract

    extraction = extract(doc, loader)
    by_line: dict[int, list[tuple[str, str, str]]] = {}
    for node in extraction.graph.nodes.values():
        if node.provenance.document != doc.name:
            continue
        rule = str(node.properties.get("rule") or extraction.loader)
        by_line.setdefault(node.provenance.line, []).append((node.label.value, node.name, rule))
    return Explained(extraction, {k: tuple(sorted(v)) for k, v in by_line.items()})


def stats(store: GraphStore) -> Summary:
    """Counts of what ``store`` holds."""
    return summarise(store.read())
