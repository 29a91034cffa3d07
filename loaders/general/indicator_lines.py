"""A line that is an indicator's name by its wording, in a document that reports performance.

Performance pages and tables copied one cell a line state their indicators under no "Measures"
cue: "No. of genuinely affordable homes completed" as a page's title over "Bigger values are
best"; "% of household waste recycled" between its code and its figures under a header of
"Indicator", "Status" and "target". What makes such a line a measure is its shape, which holds
in any council's English: the whole line names something counted or rated ("Number of ...",
"% of ...", "... per 100,000"), it is not a sentence, and the lines about it speak of targets,
indicators or ratings. A line naming a counted thing in a narrative ("Number of residents:
150,000", "The number of visitors rose") is a statistic or a result, not a measure's name.
"""

from __future__ import annotations

import re

#: The counted or rated thing the line starts with: "% of", "No. of", "Percentage of", "Rate of".
_COUNTED_START = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:no\.|nos\.|numbers?|percentage|proportion|rate|ratio|average|total|amount|level|volume"
    r"|kg|kilograms|tonnes)\s+(?:of|\()\s*\S|%\s*(?:of\s+)?[a-z])")

#: "... per 1,000 population", "... per 100,000 collections": a rate, wherever on the line.
_PER_UNIT = re.compile(
    r"(?i)\bper\s+(?:1|10|100|1,000|10,000|100,000|1000|10000|100000|head|capita|household|tonne|resident"
    r"|pupil|property|dwelling)\b")

#: A finite verb or a full stop: the line says something about the thing (a result, a statistic).
_SENTENCE = re.compile(
    r"(?i)\b(?:is|are|was|were|has|have|had|will|would|rose|fell|increased|decreased|remained|shows?|showed)\b"
    r"|[.!?]$|:\s*\S|=")

#: "that is assessed as ...": a verb of a clause inside the name, not the line's own.
_RELATIVE = re.compile(r"(?i)\b(?:that|which|who)\s+(?:is|are|was|were|has|have|had)\b")

#: Words around an indicator in a performance document: its target, rating, polarity or status.
_PERFORMANCE_MARK = re.compile(
    r"(?i)\b(?:targets?|indicators?|kpis?|baseline|out-?turn|actual|status|rag|tolerance)\b"
    r"|\b(?:bigger|smaller|higher|lower)\s+(?:values?\s+)?(?:is|are)\s+(?:best|better)\b"
    r"|^(?:red|amber|green|r|a|g)$")

#: How many blocks either side of the line may carry the document's performance marks.
NEAR = 12


def indicator_name(text: str) -> bool:
    """Whether ``text`` is, whole, the name of something counted or rated (not a sentence)."""
    text = text.strip().strip("*").strip()
    words = text.split()
    if not 3 <= len(words) <= 25 or _SENTENCE.search(_RELATIVE.sub("", text)):
        return False
    return bool(_COUNTED_START.match(text) or _PER_UNIT.search(text))


def counted_start(text: str) -> bool:
    """Whether ``text`` starts with the counted or rated thing ("Number of ...", "% of ...")."""
    return bool(_COUNTED_START.match(text.strip().strip("*").strip()))


def performance_near(texts: list[str]) -> bool:
    """Whether the lines around a line speak of targets, indicators, ratings or polarity."""
    return any(_PERFORMANCE_MARK.search(t.strip().strip("*").strip()) for t in texts)


#: A verb in the past, the line's own: "was", "continued", "showed" ... (not "that was set").
#: A comment reports how an indicator did; a target is stated in the present ("Average number
#: of days lost ... is at or below 9.2", "All essential training is completed").
_REPORTED = re.compile(
    r"(?i)\b(?:was|were|had|rose|fell|remained|showed|continued|reported|performed|improved|declined)\b")


_WHO_CLAUSE = re.compile(r"(?i)\b(?:that|which|who|whom)\s+(?:\w+ly\s+)?\w+\b")


def comment_on_performance(text: str) -> bool:
    """Whether ``text`` is a sentence saying how something did ("This was up compared to the
    previous year", "Collection rates continued to be affected by Covid"), not an indicator's
    name: it reports in the past tense and does not start with the counted thing."""
    text = text.strip().strip("*").strip()
    # The verb must be the line's own, after its subject: not in a clause naming who is
    # counted ("Adults who reported feeling safe") nor a participle opening a name
    # ("Improved access to services").
    verb = _REPORTED.search(_WHO_CLAUSE.sub("", text))
    return verb is not None and verb.start() > 0 and not _COUNTED_START.match(text)
