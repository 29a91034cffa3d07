"""`stratgraph query` (placeholder until the named queries land)."""

from __future__ import annotations

import typer


def query() -> None:
    """Run a named query (see --list)."""
    typer.echo("not yet available", err=True)
    raise typer.Exit(2)
