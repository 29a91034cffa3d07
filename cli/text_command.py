"""``stratgraph text FILE``: the rendering every line number points into, or its blocks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from stratgraph.cli.support import reported


def text(
    file: Annotated[Path, typer.Argument(metavar="FILE",
        help="A plan file (.txt, .md, .html, .docx, .pdf).")],
    blocks: Annotated[
        bool, typer.Option("--blocks", metavar="",
            help="Show the blocks with their types, levels and pages.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", metavar="",
            help="Show each block with what it became in the graph, "
                           "and the rule that read it.")
    ] = False,
    furniture: Annotated[
        bool, typer.Option("--furniture", metavar="",
            help="Also list the page furniture kept out of the graph.")
    ] = False,
) -> None:
    """Print a plan as stratgraph reads it: numbered lines (with pages), or typed blocks.

    Every node's ``source_line`` is a line of this rendering, whatever the file's format.
    """
    from stratgraph.api import explain_document, read_plan
    from stratgraph.cli.render import print_blocks, print_explained, print_lines

    with reported():
        doc = read_plan(file)
        if explain:
            print_explained(doc, explain_document(doc))
        elif blocks:
            print_blocks(doc, furniture=furniture)
        else:
            print_lines(doc, furniture=furniture)
