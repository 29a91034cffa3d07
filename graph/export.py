"""Writing a graph out for analysts, one function per format, chosen from ``FORMATS``."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from stratgraph.errors import ExportError
from stratgraph.graph.data import GraphData


def jsonl_records(graph: GraphData) -> Iterator[dict[str, Any]]:
    """Records in the shape APOC's ``apoc.export.json.all`` writes and ``apoc.import.json`` reads."""
    labels = {}
    for node in graph.sorted_nodes():
        labels[node.id] = [node.label.value]
        yield {
            "type": "node",
            "id": node.id,
            "labels": [node.label.value],
            "properties": _sorted(node.as_properties()),
        }
    for rel in graph.sorted_relationships():
        yield {
            "type": "relationship",
            "id": rel.id,
            "label": rel.type.value,
            "properties": _sorted(rel.as_properties()),
            "start": {"id": rel.start, "labels": labels.get(rel.start, [])},
            "end": {"id": rel.end, "labels": labels.get(rel.end, [])},
        }


def _sorted(props: dict[str, Any]) -> dict[str, Any]:
    return {k: props[k] for k in sorted(props)}


def write_jsonl(graph: GraphData, out: IO[str]) -> None:
    """One JSON object a line: nodes first, then relationships (APOC's JSON-lines shape)."""
    for record in jsonl_records(graph):
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False))
        out.write("\n")


#: Format name -> writer into a text stream.
FORMATS: dict[str, Callable[[GraphData, IO[str]], None]] = {
    "jsonl": write_jsonl,
}


def export(graph: GraphData, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as ``fmt`` to ``path`` atomically (no half-written export is left)."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ExportError(
            f"unknown export format {fmt!r} (choose from: {', '.join(sorted(FORMATS))})"
        ) from None
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                writer(graph, fh)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"{target}: cannot write the export ({exc.strerror or exc})") from exc
    return target
