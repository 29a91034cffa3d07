"""Spreadsheet-safe CSV cells: text that a spreadsheet would run as a formula is neutralised.

A plan's text is never to be interpreted, and a spreadsheet interprets a CSV cell that begins
with ``=``, ``+``, ``-`` or ``@`` as a formula (``=HYPERLINK(...)`` becomes a live link; some
spreadsheets also read a leading tab or carriage return as the start of one). As OWASP's "CSV
Injection" guidance advises, such a cell is written with a leading single quote, which the
spreadsheet shows as text; the csv module quotes any cell that needs it. Numbers are written as
they are (a negative number is a number, not a formula). Every CSV stratgraph writes goes through
:func:`safe_cell` and :class:`SafeWriter`; JSON and the graph formats keep the text exact.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

#: First characters a spreadsheet reads as the start of a formula (OWASP, CSV Injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """``value`` as a CSV text cell no spreadsheet evaluates: ``'`` before a formula start."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class SafeWriter:
    """A ``csv.writer`` (``\\n`` line ends) that also quotes a row holding a carriage return.

    The csv module quotes a cell with a line feed but leaves a lone carriage return bare, and
    a spreadsheet then ends the row there and reads the rest as a new cell, which may begin
    with ``=``. Such a row is written with every cell quoted; the text stays exact.
    """

    def __init__(self, fh: TextIO) -> None:
        self._minimal = csv.writer(fh, lineterminator="\n")
        self._quoted = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def writerow(self, cells: Iterable[object]) -> None:
        """Write one row."""
        row = list(cells)
        bare_cr = any(isinstance(c, str) and "\r" in c for c in row)
        (self._quoted if bare_cr else self._minimal).writerow(row)


__all__ = ["FORMULA_STARTS", "SafeWriter", "safe_cell"]
