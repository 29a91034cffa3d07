"""Indicators a performance report names in passing, inside its sentences.

Minutes and progress reports rarely give an indicator a line of its own. They name it inside a
sentence about how it did: "The number of people in temporary accommodation fell from 92 to 86
and the number in B&B fell from 50 to 47; both measures showed an improvement ... but remained
red against target", "the percentage of non-major and major planning applications determined
within the government target at 94.67% and 100% respectively", "the committee discussed the
plans and associated key performance indicators, particularly ... the number of conservation
areas reviews". Two shapes, each holding in any council's English:

- a clause whose subject is something counted or rated and whose verb reports where it moved
  or stands, wherever the clause stands in the sentence (the line-opening case is
  ``performance_results.result_indicator``);
- "the number / percentage / proportion / rate / average / total of <what is counted>" in a
  sentence that speaks of performance, targets or indicators: the words up to where the
  sentence goes on to say something of it (a verb, a figure, a comma) name the indicator.
A line that says no word of performance ("the number of visitors to the park doubled") gives
a statistic, not an indicator, and is left alone.
"""

from __future__ import annotations

import re

from stratgraph.loaders.general.performance_results import result_indicator

#: Where a new clause (and so a new subject) can start inside a sentence.
_CLAUSE = re.compile(r"\s*;\s*|,?\s+(?:and|but|while|whilst|with|whereas|that)\s+(?=the\s)", re.I)

#: A clause's subject that is counted or rated: "the number ...", "the overall employment rate".
_SUBJECT = re.compile(
    r"(?i)^the\s+(?:[\w’'-]+\s+){0,3}?(?:number|percentage|proportion|rate|average|total)\b")

#: What a report counts things of that is no indicator: its own apparatus, a meeting's business.
_NOT_COUNTED = (r"(?:indicators?|measures?|kpis?|pis?|targets?|actions?|members?|items?|areas?|reasons?|issues?"
                r"|ways?|projects?|questions?|comments?|councillors?|recommendations?|pages?|times?)\b")

#: Where the name stops: punctuation, or the sentence going on to say something of the thing
#: (a verb, a figure, a comparison, a period, another clause).
_NAME_END = (r"(?=\s*[,;:.()\[\]–—]|\s*$|\s+(?:at|by|from|to)\s+[£\d]|\s+(?:where|whilst|while|had|has|have|was|were|is"
             r"|are|remained|remains|fell|rose|increased|decreased|dropped|reduced|improved|declined|continued"
             r"|compared|against|since|during|stood|stands|this\s+(?:quarter|year|month)|and\s+(?:the|its|their))\b)")

#: "the number of households in temporary accommodation": the counted thing named in a sentence.
_COUNTED_PHRASE = re.compile(
    r"(?i)(?<![\w-])the\s+(?P<name>(?:[\w’'-]+\s+){0,2}?(?:number|percentage|proportion|rate|average|total)\s+of\s+"
    rf"(?!{_NOT_COUNTED})(?!\d)[^,;:.()\[\]–—]{{3,160}}?){_NAME_END}")

#: Words that say a sentence is about performance: a target, an indicator, a rating, a trend.
_PERFORMANCE = re.compile(
    r"(?i)\b(?:performance|performing|targets?|indicators?|kpis?|measures?|red|amber|green|rag|expectations?"
    r"|out-?turn|benchmark\w*|underperform\w*)\b")


def clause_results(text: str) -> list[tuple[str, str | None]]:
    """(indicator, target if stated) for each clause whose subject is a counted thing and whose
    verb reports its result: every clause after a sentence's first ("... and the number in B&B
    fell from 50 to 47", "Members noted that the sickness absence rate had risen ..."), and the
    first too when its sentence speaks of performance (the opening clause of a sentence with no
    such word is a statistic, as a list item's is under no lead-in on performance)."""
    found: list[tuple[str, str | None]] = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip()):
        clauses = _CLAUSE.split(sentence)
        for clause in clauses if _PERFORMANCE.search(sentence) else clauses[1:]:
            if _SUBJECT.match(clause) and (result := result_indicator(clause)) is not None:
                found.append(result)
    return found


def counted_phrases(text: str) -> list[str]:
    """The counted things ("the number of ...") that the sentences of ``text`` speaking of
    performance name, in order. A sentence with no word of performance ("In 2017/18 the
    percentage of homes meeting the standard stood at 99.6%", after the sentence naming the
    indicator) gives a figure, not another indicator."""
    names: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip()):
        if not _PERFORMANCE.search(sentence):
            continue
        for m in _COUNTED_PHRASE.finditer(sentence):
            name = "the " + m.group("name").strip()
            if 3 <= len(name.split()) <= 25 and name.lower() not in (n.lower() for n in names):
                names.append(name)
    return names
