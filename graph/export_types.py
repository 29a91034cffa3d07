"""One type per property name, for formats that declare column or attribute types.

GraphML, GEXF and neo4j-admin CSV declare a type for each attribute once, for every node (or
relationship) at the same time. A property that is a whole number on one node and text on
another must then be written as text everywhere; this module decides that once, so every
format writes the same thing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Literal

Scalar = Literal["boolean", "int", "double", "string"]


def scalar_type(value: Any) -> Scalar:
    """The declared type of one scalar value."""
    # bool first: in Python a bool is also an int.
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "double"
    return "string"


def _merge(a: Scalar, b: Scalar) -> Scalar:
    if a == b:
        return a
    if {a, b} == {"int", "double"}:
        return "double"
    return "string"


def property_types(records: Iterable[Mapping[str, Any]]) -> dict[str, tuple[Scalar, bool]]:
    """For each property name: its common scalar type, and whether it is a list.

    A name that is a list somewhere and a scalar elsewhere is treated as a list of strings.
    """
    seen: dict[str, tuple[Scalar, bool]] = {}
    for record in records:
        for name, value in record.items():
            if value is None:
                continue
            is_list = isinstance(value, list | tuple)
            items = list(value) if is_list else [value]
            kind: Scalar | None = None
            for item in items:
                t = scalar_type(item)
                kind = t if kind is None else _merge(kind, t)
            kind = kind or "string"
            if name in seen:
                old_kind, old_list = seen[name]
                if old_list != is_list:
                    seen[name] = ("string", True)
                    continue
                kind = _merge(old_kind, kind)
            seen[name] = (kind, is_list)
    return seen


def coerce(value: Any, kind: Scalar) -> Any:
    """``value`` as the declared scalar type (text when the types were mixed)."""
    if kind == "string":
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, str) else str(value)
    if kind == "double":
        return float(value)
    return value


def json_text(values: Iterable[Any]) -> str:
    """A list as compact JSON text (for formats with no list type)."""
    return json.dumps(list(values), ensure_ascii=False)
