"""How a list level's counter is written in its marker, for readers that number lists themselves.

Word (numbering.xml) and OpenDocument (list styles) keep a list's numbers out of its text: the
reader writes them back ("iv.", "b)") so an item reads as the page shows it.
"""

from __future__ import annotations


def roman(n: int) -> str:
    """``n`` in lower-case Roman numerals (beyond what they write, and a hostile start value:
    the digits)."""
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def letters(n: int) -> str:
    """``n`` as lower-case letters, repeated past z as word processors do: a..z, aa..zz."""
    if not 0 < n <= 26 * 20:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
