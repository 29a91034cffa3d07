"""The few explicit commitments an outcomes-framework plan makes: what the council will
develop, create or publish.

The plan is mostly aspiration ("we want..."); its actions are the sentences in which the
council commits to produce something ("commissioning strategies will be developed", "an annual
report will be made publicly available"). The summary diagram's boxes repeat the prose below
them almost word for word, so a sentence that restates an earlier commitment is the same
action, kept at its first line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from stratgraph.loaders.common.dates import by_date
from stratgraph.loaders.common.layout import Layout, is_row
from stratgraph.loaders.common.names import clean_name
from stratgraph.loaders.common.sentences import sentence_break
from stratgraph.loaders.shapes.outcomes_framework.measures import is_header_row
from stratgraph.loaders.shapes.outcomes_framework.outline import heading_text

_COMMITMENT = re.compile(
    r"\bwill\b(?:\s+[\w'’-]+){0,12}?\s+"
    r"(?:develop|developed|create|created|publish|published|produce|produced|launch|launched)\b"
    r"|\bwill\s+(?:also\s+)?be\s+made\s+publicly\s+available\b",
    re.IGNORECASE,
)
_SENTENCE = sentence_break("A-Z*")
_DEADLINE = by_date(seasons=True, ignore_case=True)
#: Two sentences this alike state one commitment (the diagram box and the prose under it).
SAME_COMMITMENT = 80


@dataclass(frozen=True, slots=True, eq=False)
class Commitment:
    """A sentence committing the council to produce something, under its nearest heading."""

    text: str
    line: int
    heading: str | None
    deadline: str | None


def find_deadline(text: str) -> str | None:
    """The date a commitment gives, as written ("March 2025", "2026"), or None."""
    match = _DEADLINE.search(text)
    return match.group(1) if match else None


def commitments(layout: Layout) -> list[Commitment]:
    """Every commitment sentence in the prose, restatements dropped."""
    found: list[Commitment] = []
    folded: list[str] = []  # each found commitment case-folded, for the comparisons
    heading: str | None = None
    for index, line in enumerate(layout.lines):
        text = heading_text(layout, index + 1)
        if text is not None:
            heading = text.rstrip(":")
            continue
        if (not line.strip() or is_row(line) or is_header_row(line)
                or layout.bullet_text(index + 1) is not None):
            continue
        for sentence in _SENTENCE.split(clean_name(line)):
            if not _COMMITMENT.search(sentence):
                continue
            sentence = sentence.strip().rstrip(".")
            key = sentence.casefold()
            if any(_same(key, earlier) for earlier in folded):
                continue
            found.append(Commitment(sentence, index + 1, heading, find_deadline(sentence)))
            folded.append(key)
    return found


def _same(a: str, b: str) -> bool:
    """Whether two case-folded sentences state one commitment."""
    return fuzz.token_set_ratio(a, b) >= SAME_COMMITMENT
