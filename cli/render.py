"""Printing results for people: summary tables and a progress bar for long builds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.table import Table
from stratgraph.graph.summary import Summary

#: Builds of at least this many files show a progress bar.
PROGRESS_FROM = 10

console = Console()


def print_summary(summary: Summary, loaded: list[str] | None = None) -> None:
    """Totals, then per-label and per-type counts, then one row per document."""
    console.print(
        f"[bold]{summary.nodes}[/bold] nodes, [bold]{summary.relationships}[/bold] "
        f"relationships"
        + (f" (loaded {len(loaded)} document(s) this run)" if loaded is not None else "")
    )
    kinds = Table(title="By label and type", show_edge=False)
    kinds.add_column("label / type")
    kinds.add_column("count", justify="right")
    for label, count in summary.labels.items():
        kinds.add_row(label, str(count))
    for type_, count in summary.types.items():
        kinds.add_row(type_, str(count))
    for method, count in summary.methods.items():
        kinds.add_row(f"  {method} links", str(count))
    console.print(kinds)
    docs = Table(title="By document", show_edge=False)
    docs.add_column("document")
    docs.add_column("nodes", justify="right")
    docs.add_column("relationships", justify="right")
    docs.add_column("node labels")
    for d in summary.documents:
        docs.add_row(
            d.document,
            str(sum(d.nodes.values())),
            str(sum(d.relationships.values())),
            ", ".join(f"{k} {v}" for k, v in d.nodes.items()),
        )
    console.print(docs)


@contextmanager
def progress_callback(total: int) -> Iterator[Callable[[Path], None] | None]:
    """A callback that advances a progress bar per file, or None for small builds."""
    if total < PROGRESS_FROM:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("reading plans", total=total)

        def tick(path: Path) -> None:
            progress.update(task, advance=1, description=f"reading {path.name}")

        yield tick
