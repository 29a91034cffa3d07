"""Options coerced without pydantic give exactly what typer's own coercion gives (issue #17).

Every parameter of every command that gets the plain coercion is fed the same values both
ways: valid ones must come back equal (and of the same type), invalid ones must fail with
typer's own message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer._click import Context
from typer._click.exceptions import ClickException
from typer._coercion import build_runtime_param

from stratgraph.cli.main import app
from stratgraph.cli.plain_options import PlainRuntimeParam, plain_runtime_param


def _parameters() -> list[tuple[str, Any, Any]]:
    found = []

    def walk(command: Any, path: str) -> None:
        ctx = Context(command)
        for param in command.get_params(ctx):
            if getattr(param, "type_descriptor", None) is not None:
                found.append((f"{path} {param.name}", command, param))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, f"{path} {name}".strip())

    walk(typer.main.get_command(app), "")
    return found


PARAMETERS = _parameters()


def _samples(item: type, tmp: Path) -> list[Any]:
    if item is bool:
        return [True, False, "true", "no", "maybe"]
    if item is str:
        return ["plain", "", "with space", "-dash", "ü"]
    if item is Path:
        folder, file = tmp / "folder", tmp / "file.txt"
        folder.mkdir(exist_ok=True)
        file.write_text("x", encoding="utf-8")
        return [str(file), str(folder), str(tmp / "missing"), "-", "", "relative/p", "./x", "a//b/"]
    return ["0", "1", "0.5", "1e-1", "-3", "2", "1.5", " 0.5", "x", "", "inf", "nan", "1_0",
            "+1", ".5", "5."]


def _outcome(runtime: Any, value: Any, param: Any, ctx: Context) -> tuple[str, Any]:
    try:
        got = runtime.coerce(value, param=param, ctx=ctx)
    except ClickException as exc:
        return "error", (type(exc).__name__, exc.format_message())
    return "value", (type(got).__name__, got,
                     [type(v).__name__ for v in got] if isinstance(got, list) else None)


@pytest.mark.parametrize("where,command,param", PARAMETERS, ids=[p[0] for p in PARAMETERS])
def test_plain_coercion_matches_typers(where: str, command: Any, param: Any,
                                       tmp_path: Path) -> None:
    plain = plain_runtime_param(param.type_descriptor)
    if plain is None:
        pytest.skip("typer coerces this one itself")
    ours = typer.main.get_command(app)  # a fresh context per value
    typers = build_runtime_param(param.type_descriptor)
    for value in _samples(plain.item, tmp_path):
        values = [value] if not plain.is_list else [(value,), (value, value)]
        for given in values:
            ctx = Context(command, parent=Context(ours))
            assert _outcome(plain, given, param, ctx) == _outcome(typers, given, param, ctx), (
                where, given)


def test_every_plain_option_kind_is_covered() -> None:
    kinds = {(p.item, p.is_list) for p in (plain_runtime_param(param.type_descriptor)
                                            for _, _, param in PARAMETERS) if p is not None}
    assert {(str, False), (Path, False), (Path, True), (bool, False), (float, False)} <= kinds
    assert all(isinstance(plain_runtime_param(param.type_descriptor), (PlainRuntimeParam,
                                                                       type(None)))
               for _, _, param in PARAMETERS)


def test_a_bad_value_still_gets_typers_message(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["build", str(tmp_path), "--threshold", "2"])
    assert result.exit_code == 2
    assert "--threshold" in result.output and "1" in result.output
