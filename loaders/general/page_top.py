"""The page's top line as the outcome its to-do items serve, when nothing else is above them.

A page of a plan published a chapter at a time ("Healthy, safe and engaged communities" over
"Our commitment" and its bullets) is headed by the priority the chapter is about: the top of
its hierarchy, with the council's commitments under it. When the reader finds actions there
that serve no outcome, and the page states none, the line at the top is that outcome.
"""

from __future__ import annotations

import re

from stratgraph.loaders.general.cues import heading_mode, is_boilerplate
from stratgraph.loaders.general.wording import DOCUMENT_NAME, bad_name, clean

#: Words no result is stated in: the document's own kind, a report, a meeting, a question or
#: a first-person line about the council's doing ("How we will make it happen ...").
_NOT_A_RESULT = re.compile(
    r"(?i)\b(?:plans?|strateg(?:y|ies)|framework|reports?|performance|indicators?|measures?|targets?|update|minutes"
    r"|agenda|meeting|cabinet|committee|council\s+plan|we|our|us|how|what|why|when|where)\b")


#: "Commitment 2: ", "Theme 3 - ", "Part B: ": a capitalised word and a number or letter before
#: a colon or a dash, labelling one part of a plan published a part a page.
_PART_LABEL = re.compile(r"^[A-Z][a-z]+\s+(?:\d{1,2}|[A-H]|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:–—-]\s+(?=\S)")


def top_line_outcome(text: str) -> str | None:
    """The outcome a page's top line names ("Healthy, safe and engaged communities"), or None
    when the line is no result: a title of a document or report, a field ("Decision Maker:
    ..."), a date, a sentence, a cue, page apparatus."""
    text = text.replace("**", "").strip()
    # "Commitment 2: Safer Communities": the part's label and number, then its name; the
    # name is the result the part is about.
    text = _PART_LABEL.sub("", text, count=1)
    name = clean(text)
    if not name or len(name.split()) > 10 or re.search(r"[:\d?!]|\.\s*$", text) or _NOT_A_RESULT.search(name) \
            or DOCUMENT_NAME.match(name) or heading_mode(name) is not None or is_boilerplate(name) or bad_name(name):
        return None
    return name
