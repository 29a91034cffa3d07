"""Deadlines as planners write them, kept as written and read as the date they end on.

"Q3 2024/25", "March 2025", "2025/26", "Spring 2026", "31/03/2025", "by 2030", "Ongoing":
the text is what the plan says; the date is the last day of the period it names (the end of a
financial-year quarter, a month, a season, a year), so deadlines can be compared and grouped.
UK public bodies' financial years run April to March: "2025/26" ends on 31 March 2026.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_SEASON_END = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30),
               "winter": (2, 28)}
_ONGOING = re.compile(r"^\s*(?:on-?going|continuous|throughout|annually|annual|monthly|quarterly|"
                      r"ongoing\b.*|as\s+required|tbc|tbd|rolling)\s*$", re.IGNORECASE)
_MONTH_NAMES = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
                r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
_SEASON_NAMES = r"(?:spring|summer|autumn|winter)"
_A_YEAR = r"(?:(?:19|20)\d\d\s*[/-]\s*\d{2,4}|(?:19|20)\d\d)"
#: A time that comes round again: "in September each year", "every spring", "annually".
_RECURRING = re.compile(
    rf"\b(?:(?:in|by)\s+(?:the\s+end\s+of\s+)?(?:{_MONTH_NAMES}|{_SEASON_NAMES}|Q[1-4]|quarter\s+[1-4])\s+(?:each|every)\s+year"
    rf"|(?:each|every)\s+(?:{_MONTH_NAMES}|{_SEASON_NAMES}|year|quarter|month)"
    r"|annually|on\s+an?\s+(?:annual|yearly|quarterly|monthly|ongoing|rolling)\s+basis|(?:twice|once)\s+a\s+year"
    r"|quarterly|ongoing(?=\s*[.;]?\s*$))\b", re.IGNORECASE)
#: When a sentence says a thing is due: "by the end of Q3 2025/26", "in Spring 2026", "during
#: 2025/26", "by March 2027" (the date as written, without "by"). "In" takes only a month,
#: season or quarter of a year: "the recommendations made in 2021" set no deadline.
#: A day may stand before or after the month ("by 31 May 2024", "by December 31st, 2024"), and a
#: part of a year before it ("in early 2025", "by mid-2026").
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_PERIOD = (rf"(?:(?:(?:{_DAY}\s+)?{_MONTH_NAMES}(?:\s+{_DAY},?)?|{_SEASON_NAMES}|Q[1-4]|quarter\s+[1-4])\s+(?:of\s+)?{_A_YEAR}"
           rf"|(?:early|late|mid)(?:\s+|-){_A_YEAR})")
#: A financial year ("2021/22", "2025/2026"): "in" before one says when a thing is done, as
#: "in" before a bare year need not ("carry out an appraisal in 2021/22").
_FIN_YEAR = r"(?:19|20)\d\d\s*/\s*(?:19|20)?\d\d"
_DUE = re.compile(
    rf"\b(?:(?:by|before|until|during|no\s+later\s+than"
    # "Limit Council Tax increases to 3% a year to 2021": a yearly limit that holds until then
    rf"|(?:a|per|each)\s+(?:year|annum)\s+to)\s+(?P<when>(?:the\s+)?(?:end\s+of\s+)?(?:{_PERIOD}|{_A_YEAR}"
    # "Complete by 31/03/2025": the date in figures, day first as UK plans write it.
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d))"
    rf"|in\s+(?P<period>(?:the\s+)?(?:end\s+of\s+)?(?:{_PERIOD}|{_FIN_YEAR}(?!\s+(?:and\s+beyond|onwards?)\b))))\b",
    re.IGNORECASE)
_FY = re.compile(r"\b((?:19|20)\d\d)\s*[/-]\s*(\d\d|(?:19|20)\d\d)\b")
_QUARTER = re.compile(r"\b(?:Q|Quarter\s+)([1-4])\b\s*(?:of\s+)?(?:(?P<fy>(?:19|20)\d\d\s*[/-]\s*\d{2,4})|(?P<year>(?:19|20)\d\d))?",
                      re.IGNORECASE)
_FY_THEN_QUARTER = re.compile(r"\b((?:19|20)\d\d\s*/\s*\d{2,4})\s+(?:Q|Quarter\s+)([1-4])\b", re.IGNORECASE)
_DMY = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)?\d\d)\b")
_DAY_MONTH_YEAR = re.compile(r"\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]{3,9})\.?\s+((?:19|20)\d\d)\b")
_SEASON = re.compile(r"\b(spring|summer|autumn|fall|winter)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline as written, and the ISO date its period ends on (``None`` when open)."""

    text: str
    date: str | None
    ongoing: bool = False


def _end_of_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _fy_end(start: int, end_raw: str) -> int:
    end = int(end_raw)
    if len(end_raw) == 2:
        end += (start // 100) * 100
        if end < start:
            end += 100
    return end


def deadline_in(sentence: str) -> str | None:
    """The deadline a sentence sets, as written: "Publish the strategy by the end of Q3 2025/26"
    gives "the end of Q3 2025/26", "Review the plan in September each year" gives "in September
    each year"; None when it names no time it is due by (a year it merely mentions is not one:
    "the 2021 census" is no deadline; "100 homes each year" is a rate)."""
    if m := _DUE.search(sentence):
        return m.group("when") or m.group("period")
    if (m := _RECURRING.search(sentence)) and not re.search(r"\d", sentence[:m.start()]):
        # (after a count it is a rate, "Bring 100 empty homes back into use each year", not
        # when the thing is due)
        return m.group(0)
    return None


#: The period a list's lead-in sets for its items ("By 2027 we will:", "The proposed areas of
#: focus for 2025/26 were:", "Over the next 12 months we will:", "In Q3 2025/26 we will:").
_NUMBER_WORDS = r"(?:\d{1,2}|two|three|four|five|six|eight|ten|twelve|eighteen|twenty-four)"
_LEAD_PERIOD_TEXT = (
    rf"\b(?:(?:by|before|until|no\s+later\s+than)\s+(?P<by>(?:the\s+)?(?:end\s+of\s+)?(?:{_PERIOD}|{_A_YEAR}))"
    rf"|(?:in|during|throughout)\s+(?P<in>(?:{_PERIOD}|{_A_YEAR}))"
    rf"|for\s+(?P<for>(?:{_PERIOD}|{_FIN_YEAR}))"
    rf"|(?:over|in|during|within)\s+(?P<next>the\s+(?:next|coming)\s+(?:{_NUMBER_WORDS}\s+(?:months|years)|year|twelve\s+months)))\b"
    r"|(?P<fyq>(?:19|20)\d\d\s*/\s*\d\d\s+Q[1-4])\b")
#: A lead-in to what was done, not what is to be: "In 2023/24 we delivered:", "Our achievements
#: during 2024:".
_LOOKS_BACK_TEXT = (
    r"(?i)\b(?:we\s+(?:have|had|did)|(?:were|was|have\s+been|has\s+been)\s+(?:achieved|delivered|completed)"
    r"|we\s+(?:delivered|achieved|completed|made|saw)|achievements?|highlights|progress)\b")


_LEAD_IN_PATTERNS: tuple[re.Pattern[str], re.Pattern[str]] | None = None


def _lead_in_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The lead-in patterns, compiled on first use: few lines are a list's lead-in, and
    importing the reader should not pay for them."""
    global _LEAD_IN_PATTERNS
    if _LEAD_IN_PATTERNS is None:
        _LEAD_IN_PATTERNS = (re.compile(_LEAD_PERIOD_TEXT, re.IGNORECASE), re.compile(_LOOKS_BACK_TEXT))
    return _LEAD_IN_PATTERNS


def lead_in_period(text: str) -> str | None:
    """The period a list's lead-in line sets its items, as written ("By 2027 we will:" gives
    "2027", "... areas of focus for 2025/26 were:" gives "2025/26"); None when the line is no
    lead-in (it ends in a colon), names no period, or looks back on what was done."""
    text = " ".join(text.replace("**", "").split())
    if not text.rstrip("-– ").endswith(":"):
        return None
    period, looks_back = _lead_in_patterns()
    if looks_back.search(text):
        return None
    m = period.search(text)
    if m is None:
        return None
    return next(g for g in m.groups() if g)


def read_deadline(text: str) -> Deadline | None:
    """The deadline ``text`` names, or ``None`` when it names no time at all."""
    text = " ".join(text.split())
    if not text:
        return None
    if _ONGOING.match(text) or _RECURRING.fullmatch(text.strip(" .")):
        return Deadline(text, None, ongoing=True)
    if m := _FY_THEN_QUARTER.search(text):
        # "2025/26 Q3": the quarter of that financial year, as "Q3 2025/26" reads
        same = read_deadline(f"Q{m.group(2)} {m.group(1)}")
        return Deadline(text, same.date if same else None)
    if m := _QUARTER.search(text):
        quarter = int(m.group(1))
        if m.group("fy"):
            start = int(m.group("fy")[:4])
            # Financial quarters: Q1 April-June ... Q4 January-March of the next year.
            year, month = (start, 3 + 3 * quarter) if quarter < 4 else (start + 1, 3)
            return Deadline(text, _end_of_month(year, month))
        if m.group("year"):
            return Deadline(text, _end_of_month(int(m.group("year")), 3 * quarter))
    if m := _DMY.search(text):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        full = int(year) if len(year) == 4 else 2000 + int(year)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return Deadline(text, f"{full:04d}-{month:02d}-{min(day, calendar.monthrange(full, month)[1]):02d}")
    for m in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTHS.get(m.group(2).lower())
        if month:
            year = int(m.group(3))
            if m.group(1):
                day = min(int(m.group(1)), calendar.monthrange(year, month)[1])
                return Deadline(text, f"{year:04d}-{month:02d}-{day:02d}")
            return Deadline(text, _end_of_month(year, month))
    if m := _SEASON.search(text):
        season, year = m.group(1).lower(), int(m.group(2))
        month, day = _SEASON_END[season]
        if season == "winter":
            year += 1
            day = calendar.monthrange(year, 2)[1]
        return Deadline(text, f"{year:04d}-{month:02d}-{day:02d}")
    if m := _FY.search(text):
        start = int(m.group(1))
        end = _fy_end(start, m.group(2))
        if end == start + 1:
            return Deadline(text, f"{end:04d}-03-31")
        return Deadline(text, f"{end:04d}-12-31")
    if m := _YEAR.search(text):
        return Deadline(text, f"{int(m.group(1)):04d}-12-31")
    return None
