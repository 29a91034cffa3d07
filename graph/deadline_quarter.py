"""The calendar quarter a deadline as written falls in, as the ``deadlines`` query reads it
(graph/queries_deadlines.py). A module of its own so the embedded store's write-time facts
(graph/sqlite_facts.py) use the same function without importing the query modules in a build.

Plans write deadlines as people speak them ("March 2014", "2024/25", "Q3 2025", "by end of
2025", "Ongoing"). :func:`deadline_quarter` reads the latest date the text names, in steps the
Cypher can take too (no capture groups there): lower-case the text, turn dashes and slashes
into a ``/`` word and other punctuation into spaces, split into words, then look at each word
and the next ones:

- ``YYYY / YY`` or ``YYYY / YYYY``: a financial year (or a run of them) ending in March of the
  second year, so Q1 of it ("2024/25" -> 2025-Q1; "2013-15" -> 2015-Q1);
- ``qN YYYY`` or ``YYYY qN``: that quarter;
- a month (name or abbreviation) then ``YYYY``: the quarter holding the month;
- a season then ``YYYY``: the quarter holding its last month (spring Q2, summer Q3, autumn
  Q4; winter, December to February, Q1 of the next year);
- when none of those is named, a bare year ``YYYY`` means its end: Q4 ("by end of 2025").

Among several dates the latest counts (a deadline is the last date named: "May to October
2013" -> 2013-Q4). Text with no year ("Ongoing", "Quarterly") has no quarter (null).
"""

from __future__ import annotations

import re

# The same lists, in the same order, as deadlines.cypher.
_DASHES = ("/", "\u2013", "\u2014", "-")
_SPACES = (".", ",", ";", ":", "(", ")", "\t", "\n", "\r")
_YEAR = re.compile("(19|20)[0-9]{2}")
_YY = re.compile("[0-9]{2}")
_QN = re.compile("q[1-4]")
#: word -> the quarter it falls in (months and the seasons ending inside the same year)
PERIOD_QUARTERS = {
    "january": 1, "jan": 1, "february": 1, "feb": 1, "march": 1, "mar": 1,
    "april": 2, "apr": 2, "may": 2, "june": 2, "jun": 2,
    "july": 3, "jul": 3, "august": 3, "aug": 3, "september": 3, "sep": 3, "sept": 3,
    "october": 4, "oct": 4, "november": 4, "nov": 4, "december": 4, "dec": 4,
    "spring": 2, "summer": 3, "autumn": 4, "fall": 4,
}


def _words(text: str) -> list[str]:
    s = text.lower()
    for c in _DASHES:
        s = s.replace(c, " / ")
    for c in _SPACES:
        s = s.replace(c, " ")
    return [w for w in s.split(" ") if w != ""]


def _full(pattern: re.Pattern[str], word: str | None) -> bool:
    return word is not None and pattern.fullmatch(word) is not None


def _key_at(w: list[str], i: int) -> int | None:
    """year * 10 + quarter of a precise date starting at word ``i``, or None."""
    at = lambda j: w[j] if j < len(w) else None  # noqa: E731 - Cypher's out-of-range null
    a, b, c = at(i), at(i + 1), at(i + 2)
    if _full(_YEAR, a) and b == "/" and _full(_YY, c):
        start, end = int(a), int(c)  # type: ignore[arg-type]
        return (start // 100 * 100 + end + (100 if end < start % 100 else 0)) * 10 + 1
    if _full(_YEAR, a) and b == "/" and _full(_YEAR, c):
        return int(c) * 10 + 1  # type: ignore[arg-type]
    if _full(_QN, a) and _full(_YEAR, b):
        return int(b) * 10 + int(a[1:])  # type: ignore[arg-type,index]
    if _full(_YEAR, a) and _full(_QN, b):
        return int(a) * 10 + int(b[1:])  # type: ignore[arg-type,index]
    if a == "winter" and _full(_YEAR, b):
        return (int(b) + 1) * 10 + 1  # type: ignore[arg-type]
    if a in PERIOD_QUARTERS and _full(_YEAR, b):
        return int(b) * 10 + PERIOD_QUARTERS[a]  # type: ignore[arg-type,index]
    return None


def deadline_quarter(text: str | None) -> str | None:
    """The calendar quarter (``"2025-Q1"``) a deadline as written falls in, or None."""
    if text is None or not text.strip():
        return None
    w = _words(text)
    keys = [k for k in (_key_at(w, i) for i in range(len(w) - 1)) if k is not None]
    if not keys:
        keys = [int(x) * 10 + 4 for x in w if _full(_YEAR, x)]
    if not keys:
        return None
    best = max(keys)
    return f"{best // 10}-Q{best % 10}"


__all__ = ["PERIOD_QUARTERS", "deadline_quarter"]
