"""Option values coerced without pydantic, for the plain types every command uses.

typer (0.29) coerces each option value through a pydantic ``TypeAdapter``; building the first
one imports pydantic, about 0.07 to 0.09 s of CPU in a process whose whole work (``stratgraph
build`` of a council's plans) is a few tenths of a second. Our options are strings, paths,
lists of them and ranged numbers: :func:`install` gives each such parameter a coercion that
does what typer's adapter does for them (paths through typer's own ``coerce_cli_path``), and
hands any value it is not sure of (a number that is not a plain decimal, one out of range) to
typer's own coercion, so the messages users see for bad values are typer's.

Only typer's documented parameter model is read (``type_descriptor``) plus the one slot it
fills lazily (``_runtime_param``); if a later typer has neither, nothing is installed and
typer coerces as before (tests/test_cli_plain_options.py compares both on every option).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

from typer._coercion import RuntimeParam, build_runtime_param
from typer._param_types import coerce_cli_path

_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


@dataclass(frozen=True)
class PlainRuntimeParam(RuntimeParam):
    """typer's coercion of a ``str``, ``Path``, ``bool``, ``int`` or ``float`` (or a list of one)."""

    item: type = str
    is_list: bool = False
    descriptor: Any = field(default=None, compare=False, repr=False)
    _typer: list[RuntimeParam] = field(default_factory=list, compare=False, repr=False)

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        if self.is_list:
            if not isinstance(value, (list, tuple)):
                value = [value]
            items = [self._item(v, param, ctx) for v in value]
            if all(item is not _UNSURE for item in items):
                return items
        else:
            item = self._item(value, param, ctx)
            if item is not _UNSURE:
                return item
        return self._typers_own()._coerce_value(value, param=param, ctx=ctx)

    def _item(self, value: Any, param: Any, ctx: Any) -> Any:
        if self.item is bool:
            # A flag's value (its default, or what --x/--no-x gave); text goes to typer.
            return value if isinstance(value, bool) else _UNSURE
        if not isinstance(value, str):
            return _UNSURE
        if self.item is str:
            return value
        if self.item is Path:
            # typer checks Path(text) and names the text in its messages: the same when the
            # text is already in Path's own spelling (not "", "./x", "a/"), the usual case.
            path = Path(value)
            if str(path) != value:
                return _UNSURE
            return Path(coerce_cli_path(value, self.parameter_info, path_type=None,
                                        param=param, ctx=ctx))
        pattern = _INT if self.item is int else _FLOAT
        if not pattern.fullmatch(value):
            return _UNSURE
        number = self.item(value)
        low, high = self.parameter_info.min, self.parameter_info.max
        if (low is not None and number < low) or (high is not None and number > high):
            return _UNSURE  # typer says why, in its words
        return number

    def _typers_own(self) -> RuntimeParam:
        if not self._typer:
            self._typer.append(build_runtime_param(self.descriptor))
        return self._typer[0]


_UNSURE = object()


def plain_runtime_param(descriptor: Any) -> PlainRuntimeParam | None:
    """The plain coercion for a parameter's ``type_descriptor``, or ``None`` (typer's own)."""
    info = descriptor.parameter_info
    if descriptor.is_file or descriptor.is_choice or info.parser is not None:
        return None
    annotation = descriptor.annotation
    is_list = get_origin(annotation) is list
    if is_list:
        (annotation,) = get_args(annotation) or (None,)
    if annotation is Path:
        if info.path_type not in (None, Path) or info.allow_dash:
            return None
    elif annotation in (int, float):
        if info.clamp:
            return None
    elif annotation not in (str, bool):
        return None
    return PlainRuntimeParam(parameter_info=info, annotation=descriptor.annotation,
                             item=annotation, is_list=is_list, descriptor=descriptor)


def install(params: list[Any]) -> None:
    """Give each plain parameter of a command the pydantic-free coercion (see module doc)."""
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        plain = plain_runtime_param(descriptor)
        if plain is not None:
            param._runtime_param = plain
