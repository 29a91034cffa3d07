"""`stratgraph viz` (placeholder until the viz module lands)."""

from __future__ import annotations

import typer


def viz() -> None:
    """Write an interactive HTML picture of the graph."""
    typer.echo("not yet available", err=True)
    raise typer.Exit(2)
