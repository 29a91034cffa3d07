"""What every command shares: one error path, and opening the store from the options."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import typer
from typer.core import TyperCommand, TyperGroup

from stratgraph.cli.stores import open_from_options

from stratgraph.errors import StratgraphError


def _plain_help_option(option):  # noqa: ANN001, ANN202 (typer's or click's Option)
    # Typer shows every option's type; a flag takes no value, so "--help <bool>" misleads.
    if option is not None:
        option.metavar = ""
    return option


class Command(TyperCommand):
    """A command whose ``--help`` is shown as the flag it is (no ``<bool>``), and whose plain
    options are coerced without importing pydantic (:mod:`stratgraph.cli.plain_options`)."""

    def get_help_option(self, ctx):  # noqa: ANN001, ANN201
        return _plain_help_option(super().get_help_option(ctx))

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201
        from stratgraph.cli.plain_options import install

        install(self.get_params(ctx))
        return super().parse_args(ctx, args)


class Group(TyperGroup):
    """The ``stratgraph`` group, with the same plain ``--help`` and option coercion."""

    def get_help_option(self, ctx):  # noqa: ANN001, ANN201
        return _plain_help_option(super().get_help_option(ctx))

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201
        from stratgraph.cli.plain_options import install

        install(self.get_params(ctx))
        return super().parse_args(ctx, args)


def app_for(app: typer.Typer, argv: Sequence[str]) -> typer.Typer:
    """``app`` holding only the command ``argv`` runs, when it plainly names one of them.

    typer turns every registered command into a click command before it parses anything
    (about 1.3 ms each, 12 ms for all); one run needs one. Anything else (group help, no
    command, a misspelt one that click suggests a name for) gets the whole ``app``."""
    from typer.main import get_command_name

    lead = 0
    while lead < len(argv) and argv[lead] == "--debug":  # the group's only value-less option
        lead += 1
    if lead == len(argv) or argv[lead].startswith("-"):
        return app
    named = [info for info in app.registered_commands
             if (info.name or get_command_name(info.callback.__name__)) == argv[lead]]
    if len(named) != 1 or app.registered_groups:
        return app
    one = copy.copy(app)
    one.registered_commands = named
    return one


#: Set by the top-level ``--debug`` option.
state = {"debug": False}


@contextmanager
def reported() -> Iterator[None]:
    """Turn a :class:`StratgraphError` into one line on stderr and exit code 1.

    With ``--debug`` the traceback is shown instead.
    """
    try:
        yield
    except StratgraphError as exc:
        if state["debug"]:
            raise
        from stratgraph.cli.render import say

        say(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("interrupted: nothing was saved from the unfinished step", err=True)
        raise typer.Exit(130) from None


__all__ = ["Command", "Group", "app_for", "open_from_options", "reported", "state"]
