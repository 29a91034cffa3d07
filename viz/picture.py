"""`stratgraph viz` as a library call: select, check the size, build the page, write it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stratgraph.errors import ExportError
from stratgraph.graph.data import GraphData
from stratgraph.graph.select import Selection, select_from_store
from stratgraph.viz.orphans import NO_OUTCOME, orphan_actions
from stratgraph.viz.page import render_page
from stratgraph.viz.payload import build_payload, focus_ids, supports_an_outcome

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore

#: Above this many nodes a browser lays the picture out slowly and draws it unreadably;
#: the command asks for a selection instead, unless forced.
MAX_NODES = 1500


@dataclass(frozen=True)
class Picture:
    """What :func:`write_picture` wrote."""

    path: Path
    nodes: int
    relationships: int
    orphans: int  # actions that reach no outcome (ringed in the picture)
    selection: Selection


def too_big_message(count: int, limit: int = MAX_NODES) -> str:
    """What to say when a selection is too big to draw."""
    return (
        f"{count} nodes is more than a browser draws readably (limit {limit}); narrow it with "
        "--plan, --theme, --label, --focus NAME --hops N or --query NAME, or pass --force"
    )


def html_for(
    graph: GraphData,
    *,
    orphans: Mapping[str, Sequence[str]] | Collection[str] = (),
    title: str = "stratgraph",
    subtitle: str = "",
    focus: Collection[str] = (),
) -> str:
    """The interactive page for ``graph`` as one HTML string (``focus``: node ids to mark)."""
    return render_page(build_payload(graph, orphans=orphans, title=title, subtitle=subtitle,
                                     focus=focus))


def write_picture(
    store: GraphStore,
    output: str | os.PathLike[str],
    selection: Selection | None = None,
    *,
    force: bool = False,
    limit: int = MAX_NODES,
    title: str | None = None,
) -> Picture:
    """Draw the selected part of ``store``'s graph into the HTML file ``output``.

    Raises :class:`ExportError` when the selection has more than ``limit`` nodes, unless
    ``force``.
    """
    selection = selection or Selection()
    graph = select_from_store(store, selection)
    if len(graph.nodes) > limit and not force:
        raise ExportError(too_big_message(len(graph.nodes), limit))
    orphans = {
        k: v for k, v in orphan_actions(store, graph).items() if k in graph.nodes
    }
    page = html_for(
        graph,
        orphans=orphans,
        title=title or "stratgraph",
        subtitle="" if selection.empty else selection.describe(),
        focus=focus_ids(graph, selection.focus),
    )
    path = _write_atomically(Path(output), page)
    shown = supports_an_outcome(graph)
    ringed = sum(1 for k, reasons in orphans.items() if NO_OUTCOME in reasons and k not in shown)
    return Picture(path, len(graph.nodes), len(graph.relationships), ringed, selection)


def _write_atomically(target: Path, text: str) -> Path:
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give an .html file name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            os.chmod(tmp, 0o644)  # a page to open and share, not a secret
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"{target}: cannot write the page ({exc.strerror or exc})") from exc
    return target
