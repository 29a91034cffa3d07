"""The library behind every CLI command: build, stats, export, query."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from dataclasses import replace as with_changes
from pathlib import Path
from typing import TYPE_CHECKING

from stratgraph.errors import LoaderError, StratgraphError
from stratgraph.graph.data import GraphData, strip_documents
from stratgraph.graph.model import (
    DOCUMENT_ID_DIGITS,
    Label,
    Node,
    document_name,
    document_short_id,
)
from stratgraph.graph.store import GraphStore, WriteSummary
from stratgraph.graph.summary import Summary, summarise
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.read import OFFICE_SUFFIXES, READABLE_SUFFIXES, limit_lines

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
    #: What the build wrote: the documents read, and any other curation changed.
    graph: GraphData
    written: WriteSummary | None = None
    summary: Summary | None = None
    #: Files a folder walk left out (links leaving the folder, pipes, devices), and why.
    skipped: tuple[str, ...] = ()
    #: The stored documents this build replaced (document keys), its own among them.
    replaced: tuple[str, ...] = ()
    #: Curation entries that matched nothing in the whole graph, one ``file:line`` each.
    notes: tuple[str, ...] = ()
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
    #: Files a folder walk left out, and why (see :func:`walk`).
    skipped: tuple[str, ...] = ()
    #: Curation entries that matched nothing, one ``file:line`` message each.
    notes: tuple[str, ...] = ()


def _is_companion(path: Path, root: Path) -> bool:
    """READMEs, answer keys, source lists and hidden files that sit beside plans in a folder."""
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts):
        return True
    if any(part.lower() == "answers" for part in parts[:-1]):
        return True
    return path.stem.lower().startswith(("readme", "answers", "changelog", "licen", "sources"))


@dataclass(frozen=True)
class Walk:
    """The plan files a set of paths names, and what a folder walk left out and why."""

    files: tuple[Path, ...]
    skipped: tuple[str, ...] = ()


def walk(paths: Iterable[str | Path]) -> Walk:
    """The plan files named by ``paths``: files as given, folders walked for plan suffixes.

    A folder walk skips hidden files, READMEs and answer keys (files named ``answers*`` or in an
    ``answers/`` folder), so a corpus can carry its notes. It stays inside the folder: a
    symbolic link is followed only to a regular file inside it, linked folders are not entered,
    and pipes, devices and sockets are skipped (reading a pipe would wait for a writer); each
    plan-suffixed file left out for these reasons is named in ``skipped``. Sorted, so a build
    reads files in the same order everywhere; a file named twice is read once.
    """
    found: list[Path] = []
    skipped: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files, left = _walk_folder(path)
            found.extend(files)
            skipped.extend(left)
        else:
            found.append(path)
    return Walk(tuple(dict.fromkeys(found)), tuple(skipped))


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """The plan files named by ``paths`` (see :func:`walk`, which also says what it skipped)."""
    return list(walk(paths).files)


def _walk_folder(root: Path) -> tuple[list[Path], list[str]]:
    """Plan files under ``root`` that stay inside it, and why others were left out."""
    import os
    import stat

    top = root.resolve()
    files: list[Path] = []
    skipped: list[str] = []
    # os.walk does not enter linked folders (Path.rglob does before Python 3.13).
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs.sort()
        for name in dirs:
            if os.path.islink(os.path.join(folder, name)):
                skipped.append(f"{Path(folder, name)}: a linked folder (not followed)")
        for name in sorted(names):
            path = Path(folder, name)
            if path.suffix.lower() not in PLAN_SUFFIXES or _is_companion(path, root):
                continue
            try:
                mode = path.lstat().st_mode
                if stat.S_ISLNK(mode):
                    target = path.resolve(strict=True)
                    if not target.is_relative_to(top):
                        skipped.append(f"{path}: a link to a file outside {root}")
                        continue
                    mode = target.stat().st_mode
            except (OSError, RuntimeError):  # a broken or looping link
                skipped.append(f"{path}: a broken link")
                continue
            if not stat.S_ISREG(mode):
                skipped.append(f"{path}: not a regular file (a pipe, device or socket)")
                continue
            files.append(path)
    return sorted(files), skipped


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
    from stratgraph.graph.passes.curation import apply_curation, load_curation

    # Read the curation file first: a mistake in it should stop the build before any work.
    curated = load_curation(curation)
    result = _extract_files(paths, loader, anchors, curated, infer, threshold, progress)
    notes: list[str] = []
    graph = apply_curation(result.graph, curated, notes)
    return with_changes(result, graph=graph, notes=tuple(notes))


def _extract_files(
    paths: Sequence[str | Path],
    loader: str | None,
    anchors: Sequence,
    curated: Curation | None,
    infer: bool,
    threshold: float | None,
    progress: Callable[[Path], None] | None,
) -> ExtractResult:
    """The files ``paths`` name, read, resolved and linked; not yet curated."""
    found = walk(paths)
    with _collector_paused():
        result = _extract(list(found.files), loader, anchors, curated, infer, threshold, progress)
    return with_changes(result, skipped=found.skipped)


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
    from stratgraph.loaders.registry import extract
    from stratgraph.graph.passes.resolve import resolve_entities

    extractions: list[Extraction] = []
    errors: list[StratgraphError] = []
    # Content id -> (file read, its extraction's index): the same plan met twice is read once.
    seen: dict[str, tuple[Path, int]] = {}
    for path in files:
        if progress:
            progress(path)
        try:
            doc = SourceDocument.from_path(path)
            short_id = document_short_id(doc.name)
            if short_id in seen:
                first, index = seen[short_id]
                note = f"{doc.name}: {path} has the same content as {first}; read once"
                extractions[index] = with_changes(
                    extractions[index], warnings=(*extractions[index].warnings, note))
                continue
            doc, cut = limit_lines(doc)
            extraction = _stamp_path(extract(doc, loader), path)
            if cut:
                extraction = with_changes(extraction, warnings=(cut, *extraction.warnings))
            if short_id:
                seen[short_id] = (path, len(extractions))
            extractions.append(extraction)
        except StratgraphError as exc:
            errors.append(exc)
    graph = GraphData.combine(e.graph for e in extractions)
    graph = resolve_entities(graph, anchors, curated.keep_apart() if curated else ())
    if infer:
        graph = infer_links(graph, DEFAULT_THRESHOLD if threshold is None else threshold)
    return ExtractResult(tuple(extractions), tuple(errors), graph)


def path_id(path: Path) -> str:
    """A short id of where a file is (its resolved path): a Plan node's ``path_id``, so an
    edited plan rebuilt from the same place replaces its earlier version. A digest, so the
    graph and its exports never carry a user's folder names."""
    import hashlib

    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:DOCUMENT_ID_DIGITS]


def _stamp_path(extraction: Extraction, path: Path) -> Extraction:
    """The extraction with its Plan node marked with ``path_id``."""
    plan = extraction.graph.nodes.get(extraction.plan_id)
    if plan is None:
        return extraction
    props = dict(plan.properties, path_id=path_id(path))
    extraction.graph.nodes[plan.id] = Node(plan.id, plan.label, plan.name, plan.provenance, props)
    return extraction


def documents_replaced(stored: GraphData, new: GraphData,
                       documents: Iterable[str]) -> list[str]:
    """The stored documents a build of ``documents`` replaces (document keys, sorted).

    Each new document replaces itself (its key: same file name and content), an earlier
    version read from the same place (same ``path_id``), the same content under another name
    (same ``document_id``), and a graph built before documents had ids (its bare file name).
    Never a different plan that only shares a file name.
    """
    keys = set(documents)
    new_plans = [n for n in new.nodes.values()
                 if n.label is Label.PLAN and n.provenance.document in keys]
    paths = {p.properties.get("path_id") for p in new_plans} - {None}
    contents = {p.properties.get("document_id") for p in new_plans} - {None}
    bare = {document_name(k) for k in keys if document_short_id(k)}
    replaced = set(keys)
    for node in stored.nodes.values():
        if node.label is not Label.PLAN:
            continue
        key = node.provenance.document
        if (node.properties.get("path_id") in paths
                or node.properties.get("document_id") in contents
                or (key in bare and not document_short_id(key))):
            replaced.add(key)
    return sorted(replaced)


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

    With ``replace`` (the default) what the same documents contributed before is removed first
    (see :func:`documents_replaced`), so a rebuilt plan shows its current content; other
    documents' nodes are never touched, except where the curation file, applied to the whole
    graph, changes them. Files that cannot be read are listed in ``errors``; every other file
    is still stored. With ``plans_only``, a document that yields nothing but its title
    (meeting notes, a list of links) is listed in ``not_plans`` and not stored.
    """
    from stratgraph.graph.model import SHARED_LABELS
    from stratgraph.graph.passes.curation import APPLIED as CURATION_APPLIED
    from stratgraph.graph.passes.curation import curated_write, load_curation, uncurate

    # Read the curation file first: a mistake in it should stop the build before any work.
    curated = load_curation(curation)
    # Curation applies to the whole graph, so a build with a curation file (even an emptied
    # one: what it no longer says must stop applying) reads it all; any other build reads only
    # the stored plans (what it replaces) and shared nodes (anchors), which keeps a build into
    # a national graph as cheap as the plans it reads; unless a stored plan says a curation
    # file changed it (that file was deleted since: its changes must be undone).
    whole_graph = curated is not None
    stored = (store.read() if whole_graph
              else GraphData.of(store.nodes_labelled({Label.PLAN, *SHARED_LABELS}), ()))
    if not whole_graph and any(n.properties.get(CURATION_APPLIED) for n in stored.nodes.values()
                               if n.label is Label.PLAN):
        # A curation file applied before is gone: what it did is undone, in every plan.
        whole_graph = True
        stored = store.read()
    # Resolved against the stored entities as read, not as curated: a rename removed from the
    # curation file must not live on through them.
    anchors = [n for n in uncurate(stored).sorted_nodes() if n.label in SHARED_LABELS]
    extracted = _extract_files(paths, loader, anchors, curated, infer, threshold, progress)
    not_plans = tuple(e.document for e in extracted.extractions
                      if plans_only and not holds_plan(e))
    kept = [e for e in extracted.extractions if e.document not in not_plans]
    graph = strip_documents(extracted.graph, not_plans) if not_plans else extracted.graph
    written = None
    docs: list[str] = []
    notes: tuple[str, ...] = ()
    if kept:
        if replace:
            docs = documents_replaced(stored, graph, [e.document for e in kept])
        if whole_graph:
            plan = curated_write(stored, graph, docs, curated)
            notes, graph = plan.notes, plan.graph
            written = store.write(plan.graph, replace_documents=plan.replace_documents)
        else:
            written = store.write(graph, replace_documents=docs)
    return BuildResult(
        extractions=extracted.extractions,
        errors=extracted.errors,
        graph=graph,
        written=written,
        summary=_summary(store),
        skipped=extracted.skipped,
        replaced=tuple(docs),
        notes=notes,
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
    return _summary(store)


def _summary(store: GraphStore) -> Summary:
    # A store that can count from its indexes (the embedded one) need not load every record.
    counted = getattr(store, "summary", None)
    return counted() if callable(counted) else summarise(store.read())
