"""The source panel: find the file a node was read from and show the lines around it.

The graph keeps a document's file name and content id, never the folder it was read from (a
digest only: exports must not carry a user's folders). So the file is looked for by name in
the folders the explorer was given, and accepted only when its content is the one read; the
panel says plainly when it is not there or has changed since. The lines are the same
rendering ``stratgraph text`` prints, so the line number points at the right place whatever
the file's format.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from stratgraph.graph.model import document_id, document_name, document_short_id

#: Lines shown either side of the node's line.
CONTEXT = 6
#: Folders looked through for a document at most (a home directory must not stall a click).
MAX_FOLDERS = 2000
_SKIP = {".git", ".venv", "venv", "node_modules", "__pycache__", ".stratgraph"}


@dataclass(frozen=True)
class Found:
    """Where a document's file is, or why it was not found (``path`` None)."""

    path: Path | None
    note: str


def find_document(key: str, folders: Sequence[Path], curation: Path | None = None) -> Found:
    """The file a document key names: by name under ``folders``, with the same content."""
    name = document_name(key)
    if curation is not None and name == curation.name and curation.is_file():
        return Found(curation, "the curation file")
    wanted = document_short_id(key)
    changed: Path | None = None
    for path in _candidates(name, tuple(folders)):
        if not wanted:
            return Found(path, "")
        try:
            if document_id(path.read_bytes()) == wanted:
                return Found(path, "")
        except OSError:
            continue
        changed = changed or path
    if changed is not None:
        return Found(None, f"{changed} has changed since the graph was built (its content is "
                           "not the one read); rebuild it to see its lines")
    where = ", ".join(str(f) for f in folders) or "no folder"
    return Found(None, f"{name} is not where it was read from: not found under {where} "
                       "(start `stratgraph serve --documents FOLDER` with its folder)")


def _candidates(name: str, folders: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    seen = 0
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            seen += 1
            if seen > MAX_FOLDERS:
                return found
            dirs[:] = sorted(d for d in dirs if d not in _SKIP and not d.startswith("."))
            if name in files:
                found.append(Path(root) / name)
    return found


@lru_cache(maxsize=16)
def _read(path: str, mtime: float) -> Any:
    from stratgraph.api import read_plan

    return read_plan(path)


def source_lines(path: Path, line: int, context: int = CONTEXT) -> dict[str, Any]:
    """Lines ``line - context`` to ``line + context`` of the rendering, with pages."""
    if path.suffix == ".toml":
        lines = path.read_text(encoding="utf-8").split("\n")
        page_of = None
    else:
        doc = _read(str(path), path.stat().st_mtime)
        lines, page_of = doc.lines, doc.page_of
    first = max(1, line - context)
    last = min(len(lines), line + context)
    return {
        "page": page_of(line) if page_of else None,
        "lines": [{"n": n, "page": page_of(n) if page_of else None, "text": lines[n - 1],
                   "here": n == line} for n in range(first, last + 1)],
    }


def source(item: dict[str, Any], folders: Sequence[Path], curation: Path | None) -> dict[str, Any]:
    """The source panel of a node or relationship (as :mod:`.api` gives them)."""
    found = find_document(item["document_key"], folders, curation)
    props = item.get("props") or {}
    out: dict[str, Any] = {
        "id": item["id"], "document": item["document"], "line": item["line"],
        "rule": item.get("rule"), "method": item.get("method"),
        "confidence": item.get("confidence"), "curated": props.get("curated"),
        "found": found.path is not None, "note": found.note, "lines": [], "page": None,
    }
    if found.path is not None:
        try:
            out.update(source_lines(found.path, int(item["line"])))
        except Exception as exc:  # noqa: BLE001 (a file that no longer reads is a note)
            out.update(found=False, note=f"{found.path} could not be read ({exc})")
    return out
