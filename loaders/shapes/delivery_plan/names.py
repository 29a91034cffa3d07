"""Named strategies, programmes and partnerships in a delivery plan's cells and prose.

Three jobs: split a "Relevant documents and strategies" cell into names (the converter runs
them together with double or single spaces), tell a strategy from a partnership by the name's
last word, and find names in free text ("through the Health and Wellbeing Board").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from stratgraph.loaders.common import entities
from stratgraph.loaders.common.dates import YEAR_OR_RANGE
from stratgraph.loaders.shapes.delivery_plan.cells import HtmlCell, parse_html_cell, tidy

#: Last words that make a name a board, trust or partnership rather than a document: the
#: shared words, and the other bodies a reference cell names ("Raising Aspiration Network",
#: boards, alliances, an enterprise partnership's "LEP").
PARTNERSHIP_WORDS = entities.PARTNERSHIP_WORDS | {"boards", "network", "alliance", "lep"}
#: Last words of a named programme (a Strategy of kind "programme"): the shared words
#: (initiatives, schemes, projects, funds, campaigns) and the delivery plan's other kinds of
#: programme ("Right to Control Trailblazer").
PROGRAMME_WORDS = entities.PROGRAMME_WORDS | {"programmes", "program", "trailblazer"}
#: Words a run-on reference cell ends one name with ("... Plan LLEP Growth Plan").
_TERMINALS = ("Plan", "Strategy", "Presentation", "procedures", "Protocol", "Report",
              "Handbook", "Guide", "Budget", "Summary", "Masterplan")
# An acronym standing alone ("LLEP", "WLEP") is the partnership itself.
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_MAX_CELL = 1000
_SEPARATOR = re.compile(r"\s{2,}")  # the converter's double spaces between names
_TAG = re.compile(r"<[^>]*>")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_YEARS = re.compile(rf"^{YEAR_OR_RANGE}$")


@dataclass(frozen=True, slots=True, eq=False)
class NamedEntity:
    """A strategy or partnership named in the plan: its name, what it is and its kind."""

    name: str
    is_partnership: bool
    kind: str = "document"


def classify(name: str, *, programme: bool = False) -> NamedEntity:
    """Tell a partnership (board, trust, forum, acronym alone) from a strategy document."""
    words = [w for w in name.split() if not _YEARS.match(w)]
    last = words[-1].casefold().strip(".,:;") if words else ""
    if programme or last in PROGRAMME_WORDS or name.endswith(" Programme"):
        return NamedEntity(name, False, "programme")
    if last in PARTNERSHIP_WORDS or _ACRONYM.match(name):
        return NamedEntity(name, True)
    return NamedEntity(name, False)


# -- reference cells -------------------------------------------------------------------

def split_references(raw: str, known: Iterable[str] = ()) -> list[str]:
    """The names in a "Relevant documents and strategies" cell, in order.

    ``<p>`` and ``<li>`` blocks are names already; plain text is split at double spaces, then
    at names the document writes cleanly elsewhere (``known``), then after a name's last word
    ("... Plan", "... Strategy") when a capitalised name of two or more words follows.
    """
    return split_parsed_references(raw, parse_html_cell(raw), lambda: cut_names(known))


def cut_names(known: Iterable[str]) -> list[str]:
    """The known names a run-on reference cell may be cut at: two or more words, longest
    first."""
    return sorted({k for k in known if len(k.split()) >= 2}, key=len, reverse=True)


def split_parsed_references(raw: str, cell: HtmlCell,
                            cut_at: Callable[[], list[str]]) -> list[str]:
    """``split_references`` for a cell already parsed; ``cut_at`` gives ``cut_names`` (asked
    only for a plain-text cell, as sorting the names costs more than most cells)."""
    if len(cell.blocks) > 1 or any(b.is_list for b in cell.blocks):
        # <p> and <li> blocks: the cell's own structure says where each name ends.
        return [tidy(t) for b in cell.blocks
                for t in ([i.text for i in b.items] if b.is_list else [b.text]) if tidy(t)]
    known_sorted = cut_at()
    out: list[str] = []
    for piece in _SEPARATOR.split(_plain(raw)):
        if tidy(piece):
            for part in _split_known(tidy(piece), known_sorted):
                out.extend(_split_terminals(part))
    return [tidy(p) for p in out if tidy(p)]


def _plain(raw: str) -> str:
    # Keep the converter's double spaces: they are the only separator some cells have.
    text = _TAG.sub("  ", raw) if "<" in raw else raw
    return _LINE_BREAK.sub("  ", text).strip() if "\n" in text else text.strip()


def _split_known(text: str, known: list[str]) -> list[str]:
    # A reference cell is a few names long; a longer run is not worth cutting by name.
    if not known or len(text) > _MAX_CELL:
        return [text] if text else []
    out: list[str] = []
    todo: list[tuple[str, bool]] = [(text, False)]  # (piece, is a known name), in order
    while todo:
        piece, done = todo.pop()
        if not piece:
            continue
        cut = None if done or piece in known else _cut_at_known(piece, known)
        if cut is None:
            out.append(piece)
            continue
        before, name, after = cut
        todo.extend([(after, False), (name, True), (before, False)])
    return out


def _cut_at_known(text: str, known: list[str]) -> tuple[str, str, str] | None:
    """The first known name (longest first) that can be cut cleanly out of ``text``."""
    for name in known:
        idx = text.find(name)
        if idx < 0:
            continue
        end = idx + len(name)
        before, after = text[:idx].strip(), text[end:].strip()
        # What is left on either side must be a name too, not a stray word ("The").
        if any(rest and len(rest.split()) < 2 for rest in (before, after)):
            continue
        # Only a clean cut: the known name must stand between word boundaries.
        if (before and not text[idx - 1].isspace()) or (after and not text[end].isspace()):
            continue
        if after and _YEARS.match(after.split()[0]):
            continue
        return before, name, after
    return None


def _split_terminals(text: str) -> list[str]:
    words = text.split()
    out: list[str] = []
    start = 0
    for i, word in enumerate(words[:-1]):
        if word not in _TERMINALS and not (word == "Action" and i > 0 and words[i - 1] == "of"):
            continue
        # A following capitalised name of two or more words, not a year or a continuation.
        if len(words) - i - 1 >= 2 and words[i + 1][:1].isupper() and i + 1 - start >= 2:
            out.append(" ".join(words[start:i + 1]))
            start = i + 1
    out.append(" ".join(words[start:]))
    return out


# -- names in free text ----------------------------------------------------------------

_CAP = r"(?:[A-Z][\w'’&/-]*)"
_CONNECT = r"(?:of the|for the|of|for|and|to|the|on|in|&)"
# A name in free text ends in a shared word (capitalised), or in a protocol, charter or
# covenant: documents a delivery plan relies on.
_KEY_STRATEGY = entities.word_pattern(
    entities.STRATEGY_WORDS | {"protocol", "charter", "covenant"}, capitalised=True)
_KEY_PARTNER = entities.word_pattern(entities.PARTNERSHIP_WORDS, capitalised=True)
_KEY_PROGRAMME = r"(?:programmes|programme)"
# The other programme words in lower case end a name only after two capitalised words ("the
# Jubilee Square project", "the Cathedral Gardens scheme"), and stay part of it; after one they
# describe ("Participation project: engaging with school councils").
_DESCRIBING = frozenset(entities.PROGRAMME_WORDS - {"programme"})
_KEY_DESCRIBING = "(?:" + "|".join(sorted(_DESCRIBING)) + ")"
_YEAR_SUFFIX = rf"(?:\s+{YEAR_OR_RANGE})?"
# At most 15 words: a bound keeps a long run of capitalised words from costing n² steps.
_NAME_IN_TEXT = re.compile(
    rf"\b{_CAP}(?:\s+(?:{_CONNECT}\s+)?{_CAP}){{0,15}}\s*\b"
    rf"(?P<key>{_KEY_STRATEGY}|{_KEY_PARTNER}|{_KEY_PROGRAMME}|{_KEY_DESCRIBING})\b"
    rf"{_YEAR_SUFFIX}"
)
_KEY_WORD = re.compile(f"{_KEY_STRATEGY}|{_KEY_PARTNER}|{_KEY_PROGRAMME}|{_KEY_DESCRIBING}")
# Every key word but "Policy": "... Policy and ..." is not cut there, as it never has been. A
# slash after a key word joins two names too ("European Regional Development Fund/Regional
# Growth Fund"); one inside a name does not ("Think Family/Whole Family Approach Protocol").
_AND_AFTER_KEY = re.compile(
    r"\b" + entities.word_pattern((entities.STRATEGY_WORDS - {"policy"})
                                  | entities.PARTNERSHIP_WORDS, capitalised=True)
    + r"(?P<join>\s+and\s+|/)(?=[A-Z])"
)
#: Words that open an action sentence rather than a name ("Launch Leicester to Work ...").
_LEADING_STOP = frozenset(
    """a an the our their its this these that with through by under from into as at
    launch establish develop deliver delivery implement introduce continue secure support
    promote ensure run create designate agreement plan review produce publish roll increase
    improve use help monitor communicate analyse audit identify further make manage focus
    extend evaluate participation redevelopment redesigning improvements investment
    enforcement negotiate proactive regenerating agree work working new refreshed joined-up
    all each every some more development""".split()  # noqa: SIM905 - reads best as words
)
#: Endings of a verb or a noun made from one ("Ensuring the ...", "Delivery of the ...").
_ACTION_ENDINGS = ("ing", "ment", "ion", "ery", "ance")
_CONNECTORS = frozenset({"of", "for", "and", "to", "the", "on", "in", "&"})


def find_names(text: str) -> list[NamedEntity]:
    """Strategies, programmes and partnerships named in a sentence, in order of appearance."""
    found: list[NamedEntity] = []
    if not _KEY_WORD.search(text):  # every name ends in a key word; most sentences have none
        return found
    for match in _NAME_IN_TEXT.finditer(text):
        # "the Children's Trust and Heritage Partnership" names two bodies, not one.
        parts = _split_after_key(match.group(0))
        for part in parts[:-1]:
            found.extend(find_names(part))
        words = _strip_leading(parts[-1].split())
        key = match.group("key")
        if key in _DESCRIBING:
            if sum(1 for w in words[:-1] if _has_capital([w])) >= 2 and words[-1] == key:
                found.append(classify(tidy(" ".join(words)), programme=True))
            continue
        if key in ("programme", "programmes"):
            # "Leicester to Work programme": the lower-case word describes, it is not the name.
            positions = [i for i, w in enumerate(words) if w == key]
            name_words = words[:positions[-1]] if positions else []
            if len(name_words) < 1 or not _has_capital(name_words):
                continue
            name = " ".join(name_words)
            parts = name.split(" and ") if key == "programmes" else [name]
            found.extend(classify(tidy(p), programme=True) for p in parts if p.strip())
            continue
        if len(words) < 2:
            continue
        found.append(classify(tidy(" ".join(words))))
    return found


def _split_after_key(text: str) -> list[str]:
    parts, start = [], 0
    for m in _AND_AFTER_KEY.finditer(text):
        parts.append(text[start:m.start("join")])
        start = m.end("join")
    parts.append(text[start:])
    return parts


def _has_capital(words: list[str]) -> bool:
    return any(w[:1].isupper() or w[:1].isdigit() for w in words)


def _strip_leading(words: list[str]) -> list[str]:
    words = list(words)
    while len(words) > 1:
        head = words[0].casefold()
        # "Ensuring the Health ..." opens a sentence; "Connecting Leicester" is a name.
        if head in _LEADING_STOP or head in _CONNECTORS or (
            head.endswith(_ACTION_ENDINGS) and len(words) > 2 and words[1][:1].islower()
        ):
            words.pop(0)
            continue
        # "Leicester's Children's Trust": the place's possessive is not part of the name.
        if head.endswith(("'s", "’s")) and len(words) > 2 and words[1][:1].isupper():
            words.pop(0)
            continue
        break
    return words


def find_known(text: str, known: dict[str, NamedEntity]) -> list[NamedEntity]:
    """Names from ``known`` that occur in ``text`` (longest first, no overlaps)."""
    return KnownNames(known).find(text)


class KnownNames:
    """``find_known`` for many texts and one fixed set of names, sorted and indexed once.

    A name is matched only between word boundaries, so a name starting with a word (``\\w+``)
    can occur only where the text has that very word; with many names, an index by first
    word saves testing every name against every text.
    """

    def __init__(self, known: dict[str, NamedEntity]) -> None:
        self.known = known
        self.longest_first = sorted(known, key=len, reverse=True)
        self._by_first_word: dict[str, list[int]] = {}
        self._always: list[int] = []  # names starting with no word ("‘Closing the gap’")
        for rank, name in enumerate(self.longest_first):
            first = _WORD.match(name)
            if first:
                self._by_first_word.setdefault(first.group(), []).append(rank)
            else:
                self._always.append(rank)
        self._first_words = frozenset(self._by_first_word)

    def find(self, text: str) -> list[NamedEntity]:
        """Names that occur in ``text`` (longest first, no overlaps)."""
        taken: list[tuple[int, int]] = []
        out: list[NamedEntity] = []
        for name in self._candidates(text):
            if name not in text:  # a plain substring test first: most names are absent
                continue
            for span in _occurrences(name, text):
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                taken.append(span)
                out.append(self.known[name])
                break
        return out

    def _candidates(self, text: str) -> list[str]:
        """The names that may occur in ``text``, longest first."""
        if len(self.longest_first) <= _FEW_NAMES:
            return self.longest_first
        ranks = list(self._always)
        for word in self._first_words.intersection(_WORD.findall(text)):
            ranks.extend(self._by_first_word[word])
        ranks.sort()
        return [self.longest_first[rank] for rank in ranks]



def _occurrences(name: str, text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``name`` in ``text`` standing as words, left to right, not overlapping.

    What ``(?<![\\w']){name}(?![\\w])`` finds, without compiling a pattern per name (a
    delivery plan's names were 50 compiles): no word character or apostrophe just before,
    no word character just after (``\\w`` is ``str.isalnum`` or ``_``).
    """
    if not name:  # matches nothing but empty spans: left to the pattern itself
        yield from (m.span() for m in re.finditer(r"(?<![\w'])(?![\w])", text))
        return
    size, at = len(name), text.find(name)
    while at >= 0:
        end = at + size
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        if not (before and (_is_word(before) or before == "'")) and not (after and _is_word(after)):
            yield at, end
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


_WORD = re.compile(r"\w+")
# Up to this many names, testing each one is cheaper than finding the text's words.
_FEW_NAMES = 40
