"""Writing a graph out for analysts, one function per format, chosen from ``FORMATS``."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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
        # allow_nan=False: NaN is not JSON; a reader would reject the whole file.
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=False, allow_nan=False))
        out.write("\n")


@dataclass(frozen=True)
class ExportFormat:
    """One way to write a graph: into one text file, or (``write_folder``) into a folder."""

    description: str
    write: Callable[[GraphData, IO[str]], None] | None = None
    write_folder: Callable[[GraphData, Path], None] | None = None

    @property
    def folder(self) -> bool:
        """True when the format writes a folder of files rather than one file."""
        return self.write_folder is not None


def _formats() -> dict[str, ExportFormat]:
    # The writers import networkx only when called, so this registry is cheap to build.
    from stratgraph.graph.export_csv import write_csv_folder
    from stratgraph.graph.export_cypher import write_cypher
    from stratgraph.graph.export_networkx import write_gexf, write_graphml, write_json

    return {
        "jsonl": ExportFormat("JSON lines in APOC's shape (apoc.import.json)", write=write_jsonl),
        "json": ExportFormat("networkx node-link JSON (networkx, D3)", write=write_json),
        "graphml": ExportFormat("GraphML (yEd, Gephi, Cytoscape, networkx)", write=write_graphml),
        "gexf": ExportFormat("GEXF 1.2 (Gephi)", write=write_gexf),
        "csv": ExportFormat(
            "a folder of nodes.csv and relationships.csv (neo4j-admin database import)",
            write_folder=write_csv_folder,
        ),
        "cypher": ExportFormat(
            "a script of MERGE statements (cypher-shell -f)", write=write_cypher
        ),
    }


#: Format name -> how to write it.
FORMATS: dict[str, ExportFormat] = _formats()


def export(graph: GraphData, fmt: str, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as ``fmt`` to ``path`` atomically (no half-written export is left).

    A folder format (csv) writes its files into the folder ``path``, creating it; each file
    is replaced whole. Every other format writes the one file ``path``.
    """
    try:
        spec = FORMATS[fmt]
    except KeyError:
        raise ExportError(
            f"unknown export format {fmt!r} (choose from: {', '.join(FORMATS)})"
        ) from None
    target = Path(path)
    try:
        if spec.write_folder is not None:
            _export_folder(graph, spec.write_folder, target)
        else:
            assert spec.write is not None
            _export_file(graph, spec.write, target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write the export ({exc.strerror or exc})") from exc
    except ValueError as exc:
        if "JSON compliant" not in str(exc):
            raise
        raise ExportError(f"{target}: a value is NaN or infinite, which JSON cannot hold; "
                          "nothing was written") from exc
    return target


def _export_file(
    graph: GraphData, write: Callable[[GraphData, IO[str]], None], target: Path
) -> None:
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name to write")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            write(graph, fh)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _export_folder(
    graph: GraphData, write: Callable[[GraphData, Path], None], target: Path
) -> None:
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} is a file; this format writes a folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written in a scratch folder beside the target first, so a failure leaves no half export.
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        write(graph, scratch)
        if not target.exists():
            os.replace(scratch, target)
            return
        # The folder exists (perhaps holding other files): replace only the files written.
        for item in sorted(scratch.iterdir()):
            os.replace(item, target / item.name)
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)
