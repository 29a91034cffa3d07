"""Corrections from the page: each one is an entry appended to the curation file, checked by
the same :func:`load_curation` a build uses, then applied to the stored graph the way a build
applies the file (:func:`curated_write`). Nothing else the explorer does writes.

Who made an entry, when, and why are written as a comment above it (the file's format has no
such keys, and a build must read the file as before); a link's note is also its ``note``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stratgraph.errors import CurationError
from stratgraph.graph.model import Label, Node, RelType

if TYPE_CHECKING:
    from stratgraph.graph.store import GraphStore

ACTIONS = ("merge", "rename", "remove", "link")
_LOCK = threading.Lock()
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (JSON's escapes are TOML's, except DEL)."""
    if not isinstance(text, str):
        raise CurationError(f"expected text, not {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise CurationError("text holds a lone surrogate, which a file cannot hold") from None
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _end(node: Node) -> str:
    parts = [f"label = {toml_string(node.label.value)}", f"name = {toml_string(node.name)}"]
    plan = node.properties.get("plan_id")
    if isinstance(plan, str) and node.label is not Label.PLAN:
        parts.append(f"plan = {toml_string(plan)}")
    return "{ " + ", ".join(parts) + " }"


def _plan_key(node: Node) -> list[str]:
    plan = node.properties.get("plan_id")
    if isinstance(plan, str) and node.label is not Label.PLAN:
        return [f"plan = {toml_string(plan)}"]
    return []


def entry_text(store: GraphStore, action: str, body: dict[str, Any]) -> tuple[str, str]:
    """(section, TOML lines) of the entry ``body`` asks for; CurationError when it names no
    stored node or misses a value."""

    def node(key: str) -> Node:
        value = body.get(key)
        if not isinstance(value, str) or not value:
            raise CurationError(f"{action}: needs {key}")
        detail = store.node(value)
        if detail is None:
            raise CurationError(f"{action}: no node with id {value!r}")
        return detail.node

    def text(key: str) -> str:
        value = body.get(key)
        if not isinstance(value, str) or not value.strip():
            raise CurationError(f"{action}: {key} must not be blank")
        return value.strip()

    if action == "rename":
        n = node("node")
        lines = [f"label = {toml_string(n.label.value)}", f"name = {toml_string(n.name)}",
                 *_plan_key(n), f"to = {toml_string(text('to'))}"]
    elif action == "remove":
        n = node("node")
        lines = [f"label = {toml_string(n.label.value)}", f"name = {toml_string(n.name)}",
                 *_plan_key(n)]
    elif action == "merge":
        kept, other = node("node"), node("other")
        if kept.label is not other.label:
            raise CurationError(f"merge: a {kept.label.value} cannot be merged with a "
                                f"{other.label.value}")
        if kept.id == other.id:
            raise CurationError("merge: choose another node to merge with")
        lines = [f"label = {toml_string(kept.label.value)}", f"into = {toml_string(kept.name)}",
                 f"names = [{toml_string(other.name)}]"]
        if kept.properties.get("plan_id") == other.properties.get("plan_id"):
            lines += _plan_key(kept)
    elif action == "link":
        start, end = node("from"), node("to")
        try:
            type_ = RelType(body.get("type")).value
        except ValueError:
            raise CurationError(f"link: unknown relationship type {body.get('type')!r}") from None
        lines = [f"type = {toml_string(type_)}", f"from = {_end(start)}", f"to = {_end(end)}"]
        note = body.get("note")
        if isinstance(note, str) and note.strip():
            lines.append(f"note = {toml_string(note.strip())}")
    else:
        raise CurationError(f"unknown correction {action!r} (choose from {', '.join(ACTIONS)})")
    return action, "\n".join(lines)


def _comment(who: str, note: str | None) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    said = f"# by {_CONTROL.sub(' ', who)} at {when}"
    if note and note.strip():
        said += f": {_CONTROL.sub(' ', note.strip())}"
    return said


def apply_edit(store: GraphStore, curation_file: Path, action: str, body: dict[str, Any],
               who: str) -> dict[str, Any]:
    """Append the correction to ``curation_file``, check the file, apply it to ``store``.

    Refused (CurationError, nothing written) when the file would not load or the entry
    matches nothing in the stored graph.
    """
    from stratgraph.graph.data import GraphData
    from stratgraph.graph.passes.curation import curated_write, load_curation

    with _LOCK:
        section, body_text = entry_text(store, action, body)
        note = body.get("note") if isinstance(body.get("note"), str) else None
        entry = f"{_comment(who, note)}\n[[{section}]]\n{body_text}\n"
        try:
            before = curation_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            before = ""
        except (OSError, UnicodeDecodeError) as exc:
            raise CurationError(f"cannot read ({exc})", file=str(curation_file)) from exc
        text = before + ("\n" if before and not before.endswith("\n") else "")
        text += ("\n" if text else "") + entry
        folder = curation_file.resolve().parent
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{curation_file.name}-", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            try:
                checked = load_curation(Path(tmp))
            except CurationError as exc:
                raise CurationError(str(exc).replace(tmp, str(curation_file))) from None
            assert checked is not None
            # The file's own name goes into curated links' provenance, never the temporary's.
            curation = dataclasses.replace(checked, path=curation_file)
            index = len(curation.sections.get(section, [])) - 1
            start = curation.entry_line(section, index) or 1
            plan = curated_write(store.read(), GraphData(), (), curation)
            ours = [n for n in plan.notes if _note_line(n) >= start]
            if ours:
                raise CurationError(f"{action}: nothing changed: " + "; ".join(
                    n.split(": ", 1)[-1] for n in ours))
            if curation_file.exists():
                os.chmod(tmp, curation_file.stat().st_mode & 0o7777)
            os.replace(tmp, curation_file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        try:
            written = store.write(plan.graph, replace_documents=plan.replace_documents)
        except BaseException:
            # The file and the graph must agree: put the file back as it was.
            if before:
                curation_file.write_text(before, encoding="utf-8")
            else:
                curation_file.unlink(missing_ok=True)
            raise
    return {"section": section, "entry": entry, "file": str(curation_file),
            "documents": list(plan.replace_documents), "nodes": written.nodes_total,
            "relationships": written.relationships_total}


def _note_line(note: str) -> int:
    found = re.match(r".*?:(\d+): ", note)
    return int(found.group(1)) if found else 0
