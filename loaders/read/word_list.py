"""Whether a string of letters is an English word, by a published word list.

A typeset PDF breaks words at line ends by syllable ("deliv-" / "ery"); a short plan may spell
the joined word nowhere else, so its own vocabulary cannot tell the break from a compound
("take-up"). pyspellchecker's English list (MIT; about 160,000 words with their inflections,
from OpenSubtitles frequencies) can. It spells American English, so a British spelling is
tried in its American form too ("maximising" as "maximizing", "neighbourhood" as
"neighborhood").
"""

from __future__ import annotations

import re
from functools import lru_cache

# British endings and their American forms, each tried on its own and all together.
_BRITISH = (
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"our(?=[a-z]{0,6}$)"), "or"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"(?<=[aeiou])ll(ing|ed|er|ers)$"), r"l\1"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"ence$"), "ense"),
)


#: How often (in the list's subtitle counts) a word is said for it to be an everyday word, as
#: a compound's parts are ("start", "up", "place"); a syllable that happens to be a word
#: ("deli", "lowing", "sup") is rarer.
COMMON = 10_000


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    from spellchecker import SpellChecker

    # A plain dict of the counts: smaller than the checker's Counter, which is let go.
    return dict(SpellChecker(distance=1).word_frequency.dictionary)


def frequency(word: str) -> int:
    """How often the list counts ``word`` (lower-case letters), or its American spelling;
    0 when it is no word of the list."""
    counts = _counts()
    if word in counts:
        return counts[word]
    american, found = word, 0
    for pattern, replacement in _BRITISH:
        variant = pattern.sub(replacement, word)
        if variant != word:
            found = max(found, counts.get(variant, 0))
        american = pattern.sub(replacement, american)
    return max(found, counts.get(american, 0))


def is_word(word: str) -> bool:
    """Whether ``word`` (lower-case letters) is an English word, British spellings included."""
    return frequency(word) > 0


def is_common(word: str) -> bool:
    """Whether ``word`` is an everyday English word (see :data:`COMMON`)."""
    return frequency(word) >= COMMON
