"""A document's own vocabulary, for repairing OCR damage against the rest of its text.

OCR reads "g" as "a" or "q": "Strateay" is read as "Strategy" and "Mainstreamina" as
"Mainstreaming" because those spellings occur elsewhere in the text; a footnote numeral glued to
a word ("Leicesterxix") is dropped.

Prose repeats its words many times, so each distinct word is repaired once; and a phrase is
looked for in the repaired text by repairing only the words around each "for", not by building
a repaired copy of the whole text.
"""

from __future__ import annotations

import re
from functools import cached_property

from stratgraph.loaders.common.sentences import word_boundary

# Each byte that can be part of a word (an ASCII letter, an apostrophe or a hyphen) as itself,
# lower-cased; any other byte as a space.
_WORD_BYTES = bytes(
    b | 0x20 if chr(b).isascii() and chr(b).isalpha() else b if chr(b) in "'-" else 0x20
    for b in range(256)
)
_LETTER_RUN = re.compile(r"[A-Za-z]+")
_SPACE_RUN = re.compile(r"\s+")
# "for" in any case, as literals (found far faster than an IGNORECASE pattern).
_FOR = re.compile("|".join(a + b + c for a in "Ff" for b in "Oo" for c in "Rr"))
_NEXT_CHUNK = re.compile(r"\s+(\S+)")
_GLUED_NUMERAL = re.compile(r"^([A-Z][a-z]{3,}?)([ivx]{2,})$")


class Vocabulary:
    """The words of one document, for repairing OCR damage and telling names from prose."""

    def __init__(self, text: str) -> None:
        self.words = _lower_case_words(text)
        self.text = text
        #: Whatever a reader of this vocabulary works out once per distinct token string.
        self.token_cache: dict[str, tuple] = {}
        self._repaired: dict[str, str] = {}
        self._reads: dict[str, str] = {}
        self._phrases: dict[str, bool] = {}
        self._after_lower_case: dict[str, bool] = {}

    def repair(self, word: str) -> str:
        """OCR reads "g" as "a" or "q" ("Strateay"); use the spelling the document also has."""
        known = self._repaired.get(word)
        if known is None:
            known = self._repaired[word] = self._repair(word)
        return known

    def spelling(self, token: str) -> str:
        """A token as read: a word (or a word's possessive) repaired, anything else as is."""
        if token.isalpha():
            return self.repair(token)
        if token.endswith("'s") and token[:-2].isalpha():
            return self.repair(token[:-2]) + "'s"
        return token

    @cached_property
    def repaired_text(self) -> str:
        """The text lower-cased, whitespace runs as one space, OCR-damaged words repaired."""
        spaced = _SPACE_RUN.sub(" ", self.text)
        return _LETTER_RUN.sub(lambda m: self.repair(m.group()), spaced).lower()

    def spells(self, phrase: str) -> bool:
        """Whether :attr:`repaired_text` contains ``phrase``: "strategy for leicester"."""
        known = self._phrases.get(phrase)
        if known is None:
            known = self._phrases[phrase] = self._spells(phrase)
        return known

    def follows_lower_case_word(self, word: str) -> bool:
        """Whether the text has ``word`` after a lower-case word ("... the Leicester ...")."""
        known = self._after_lower_case.get(word)
        if known is None:
            known = self._after_lower_case[word] = self._follows_lower_case_word(word)
        return known

    def _repair(self, word: str) -> str:
        if len(word) < 5 or not word.isalpha() or ("a" not in word and "q" not in word):
            return self._unglue(word)
        for i, ch in enumerate(word):
            if ch in "aq":
                candidate = word[:i] + "g" + word[i + 1:]
                if candidate.lower() in self.words:
                    return candidate
        return self._unglue(word)

    def _unglue(self, word: str) -> str:
        # "Leicesterxix": a footnote numeral glued to a capitalised word.
        if len(word) < 6 or word[-1] not in "ivx" or word[-2] not in "ivx":
            return word  # too short, or no numeral at the end: skip the regex
        match = _GLUED_NUMERAL.match(word)
        if match and match.group(1).lower() in self.words:
            return match.group(1)
        return word

    def _spells(self, phrase: str) -> bool:
        first, sep, rest = phrase.partition(" for ")
        if not sep or first.split() != [first] or not rest or " ".join(rest.split()) != rest:
            return phrase in self.repaired_text  # not "<word> for <words>"
        # "X for Y..." in the repaired text is a chunk (between whitespace) ending in X, a
        # chunk "for" (the only chunk repaired to "for" is one spelt that way), and chunks
        # starting Y...; so only the chunks around each "for" need repairing.
        text = self.text
        size = rest.count(" ") + 1
        for hit in _FOR.finditer(text):
            start, end = hit.span()
            if not (_space_before(text, start) and _space_after(text, end)):
                continue  # "for" inside a word: "information"
            before = _chunk_before(text, start)
            after = _chunks_after(text, end, size)
            if (before and len(after) == size and self._read(before).endswith(first)
                    and " ".join(map(self._read, after)).startswith(rest)):
                return True
        return False

    def _read(self, chunk: str) -> str:
        """A whitespace-free chunk of the text as it reads in :attr:`repaired_text`."""
        known = self._reads.get(chunk)
        if known is None:
            known = self._reads[chunk] = _LETTER_RUN.sub(
                lambda m: self.repair(m.group()), chunk).lower()
        return known

    def _follows_lower_case_word(self, word: str) -> bool:
        # The regex r"\b[a-z]+,? <word>\b" tried at every position of a long text is slow;
        # finding " <word>" and checking its two ends by hand gives the same answer.
        text = self.text
        needle = " " + word
        at = text.find(needle)
        while at != -1:
            if word_boundary(text, at + len(needle)) and _lower_case_word_before(text, at):
                return True
            at = text.find(needle, at + 1)
        return False


def _lower_case_words(text: str) -> set[str]:
    """Each distinct match of ``[A-Za-z][A-Za-z'\\-]*`` in ``text``, lower-cased.

    Such a match is a run of letters, apostrophes and hyphens from its first letter on; on ASCII
    bytes (anything else read as "?") the runs are split out far faster than a regex finds them.
    """
    runs = set(text.encode("ascii", "replace").translate(_WORD_BYTES).split())
    return {word.decode() for run in runs if (word := run.lstrip(b"'-"))}


def _lower_case_word_before(text: str, at: int) -> bool:
    """Whether ``\\b[a-z]+,?`` ends at ``at``."""
    end = at - 1 if at > 0 and text[at - 1] == "," else at
    start = end
    while start > 0 and "a" <= text[start - 1] <= "z":
        start -= 1
    return start < end and word_boundary(text, start)


def _space_before(text: str, at: int) -> bool:
    return at == 0 or text[at - 1].isspace()


def _space_after(text: str, at: int) -> bool:
    return at == len(text) or text[at].isspace()


def _chunk_before(text: str, at: int) -> str:
    """The whitespace-free chunk before the whitespace ending at ``at`` ("" if none)."""
    end = at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _chunks_after(text: str, at: int, count: int) -> list[str]:
    """Up to ``count`` whitespace-free chunks after ``at``."""
    chunks = []
    while len(chunks) < count and (match := _NEXT_CHUNK.match(text, at)):
        chunks.append(match[1])
        at = match.end()
    return chunks
