"""Years, year ranges, months and "by <date>" deadlines as council plans write them.

Pattern pieces (strings, to build a family's own regex from) and the regexes several loaders
share. A plan's period is a range ("2013-14", "2014-18", "2018/2022"); a deadline is a month
(or a season) and a year, or a council's financial year ("2013/14"), after "by".
"""

from __future__ import annotations

import re

#: A year of the last or this century: "1998", "2024".
YEAR = r"(?:19|20)\d\d"
#: A year or a financial year: "2024", "2013/14".
BUDGET_YEAR = rf"{YEAR}(?:/\d\d)?"
#: The twelve months, as an alternation.
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November"
          "|December")
#: The four seasons, as an alternation.
SEASONS = "Spring|Summer|Autumn|Winter"
#: A month's name or its abbreviation ("Nov.", "Sept", "June").
MONTH_OR_ABBREVIATION = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A year, or a range ending in a year of two or four digits: "2014", "2014-18", "2018/2022".
YEAR_OR_RANGE = rf"{YEAR}(?:\s*[-–/]\s*(?:19|20)?\d\d)?"

#: A year range; group 1 the first year, group 2 the last as written ("14" or "2014").
YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)\b")
#: A year standing alone as a word; group 1 the year.
A_YEAR = re.compile(rf"\b({YEAR})\b")


def by_date(*, seasons: bool = False, end_of_in_date: bool = False,
            ignore_case: bool = False) -> re.Pattern[str]:
    """"by March 2025", "by the end of 2026/27": group 1 the date, as written.

    ``seasons`` allows "by Spring 2025"; ``end_of_in_date`` keeps "the end of" in the date
    (else it is read and dropped); ``ignore_case`` matches "By MARCH 2025" too.
    """
    end_of = r"(?:the\s+end\s+of\s+)?"
    names = f"{MONTHS}|{SEASONS}" if seasons else MONTHS
    date = rf"(?:(?:{names})\s+)?{BUDGET_YEAR}"
    body = rf"({end_of}{date})" if end_of_in_date else rf"{end_of}({date})"
    return re.compile(rf"\bby\s+{body}\b", re.IGNORECASE if ignore_case else 0)
