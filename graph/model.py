"""The graph model: a closed set of node labels and relationship types, as frozen records.

Labels (what each node is):

- ``Plan``: one published document (corporate plan, delivery plan, strategic plan,
  self-assessment), with its ``organisation``, ``start_year`` and ``end_year``.
- ``Theme``: a heading that groups a plan's work (a priority theme, a strategic aim, a strategic
  outcome used as a section, an assessment theme). Belongs to one plan.
- ``Outcome``: a result the plan declares it wants (a summary priority, a coded priority, a
  strategic or supporting outcome, an objective, an ambition). ``level`` tells which
  (``strategic``, ``theme``, ``priority``, ``objective``, ``supporting``, ``ambition``).
- ``Action``: something the council says it will do, with a ``deadline`` when the plan gives one.
- ``Measure``: a performance measure or target, with ``target``, ``baseline`` and
  ``indicator_code`` (BV 2, PSA7, NI93...) when given.
- ``Strategy``: a named strategy, plan, framework, policy or programme, shared across plans;
  ``kind`` is ``document`` or ``programme``; surface forms kept in ``aliases``.
- ``Partnership``: a board, trust, partnership, panel or forum, shared across plans.
- ``CabinetLead``: a named member (or a role such as "the Deputy Leader") with a ``role`` and a
  ``portfolio``.
- ``Owner``: an officer, team or body a plan names as an action's lead that is not a cabinet
  member or a partnership ("Director of Public Health", "Housing Strategy Team"), scoped to the
  plan's organisation (``scope``), so one council's "Head of Housing" is never another's. It
  makes the lead officers of an action table answerable: who owns what, and what owns nothing.
- ``Organisation``: a council or other body that publishes plans.

Relationship types (what each edge says, read start -> end):

- ``PART_OF``: a theme, outcome, action or measure belongs to a plan or theme.
- ``SUPPORTS``: an action (or outcome) contributes to an outcome, or a theme supports another
  theme's work ("Supported by:" rows).
- ``OWNS``: a cabinet lead, organisation or partnership is responsible for a theme, action,
  strategy or plan.
- ``REFERENCES``: an action, outcome, theme or plan names a strategy or partnership it relies on.
- ``MEASURED_BY``: an outcome or action is tracked by a measure.
- ``DEPENDS_ON``: a theme (or outcome) relies on another theme's work: explicit cross-references
  such as "see ... Getting about in Leicester".
- ``INVOLVES``: an action or strategy involves a partnership or organisation as a partner.
- ``PUBLISHED_BY``: a plan is published by an organisation.

Every node has a stable ``id`` (same input, same id, whatever the load order), a ``name`` and
provenance (``source_document``, 1-based ``source_line``). Every relationship has provenance, a
``method`` (``stated``: the document says it; ``inferred``: stratgraph derived it; ``curated``:
a person said so in the curation file) and a ``confidence`` in 0..1.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Label(str, Enum):
    """The closed set of node labels."""

    PLAN = "Plan"
    THEME = "Theme"
    OUTCOME = "Outcome"
    ACTION = "Action"
    MEASURE = "Measure"
    STRATEGY = "Strategy"
    PARTNERSHIP = "Partnership"
    CABINET_LEAD = "CabinetLead"
    OWNER = "Owner"
    ORGANISATION = "Organisation"

    def __str__(self) -> str:
        return self.value


class RelType(str, Enum):
    """The closed set of relationship types."""

    PART_OF = "PART_OF"
    SUPPORTS = "SUPPORTS"
    OWNS = "OWNS"
    REFERENCES = "REFERENCES"
    MEASURED_BY = "MEASURED_BY"
    DEPENDS_ON = "DEPENDS_ON"
    INVOLVES = "INVOLVES"
    PUBLISHED_BY = "PUBLISHED_BY"

    def __str__(self) -> str:
        return self.value


class Method(str, Enum):
    """How a relationship came to be: read, derived, or set by a person."""

    STATED = "stated"
    INFERRED = "inferred"
    CURATED = "curated"

    def __str__(self) -> str:
        return self.value


#: Labels whose nodes are shared across documents (resolved by name, not by plan).
SHARED_LABELS: frozenset[Label] = frozenset(
    {Label.STRATEGY, Label.PARTNERSHIP, Label.ORGANISATION, Label.CABINET_LEAD, Label.OWNER}
)

#: Property values a node or relationship may carry (what Neo4j and JSON both store).
PropertyValue = str | int | float | bool | list[str] | list[int] | list[float] | None


#: Separates a document key's file name from its content id ("plan.pdf#3f2a9c1b7d4e").
DOCUMENT_ID_MARK = "#"
#: Hex digits of the content digest a document key carries: 48 bits, so two different plans
#: with one file name collide with odds of about one in 2.8e14.
DOCUMENT_ID_DIGITS = 12


def document_id(content: bytes) -> str:
    """The short id of a document's content (the first digits of its SHA-256)."""
    return hashlib.sha256(content).hexdigest()[:DOCUMENT_ID_DIGITS]


def document_key(name: str, content: bytes) -> str:
    """The key a document's records carry as ``source_document``: its file name and content id.

    Two different plans never share one (different bytes, different id), even with one file
    name; the same bytes read from any folder give the same key, so a rebuild replaces itself.
    """
    return f"{name}{DOCUMENT_ID_MARK}{document_id(content)}"


def _split_key(key: str) -> tuple[str, str]:
    name, mark, digest = key.rpartition(DOCUMENT_ID_MARK)
    if mark and len(digest) == DOCUMENT_ID_DIGITS and all(c in "0123456789abcdef" for c in digest):
        return name, digest
    return key, ""


def document_name(key: str) -> str:
    """The file name of a document key, for display (a key without a content id is a name)."""
    return _split_key(key)[0]


def document_short_id(key: str) -> str:
    """The content id of a document key, or "" for a bare name (graphs built before keys)."""
    return _split_key(key)[1]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a node or relationship came from: a document key (:func:`document_key`, shown by
    its file name) and a 1-based line."""

    document: str
    line: int

    def __post_init__(self) -> None:
        if self.line < 1:
            raise ValueError(f"source line must be 1-based, got {self.line}")


@dataclass(frozen=True, slots=True, init=False)
class Node:
    """One node: a stable id, a label, a name, provenance and further properties."""

    id: str
    label: Label
    name: str
    provenance: Provenance
    properties: Mapping[str, Any] = field(default_factory=dict)
    #: A shared node that several documents name: each document's own record of it (in
    #: document order), so removing one document gives back what the others said
    #: (graph/data.py). Empty for a node one document names: the node is that record.
    parts: tuple[Node, ...] = field(default=(), compare=False, repr=False)

    def __init__(
        self,
        id: str,  # noqa: A002 (the field's name)
        label: Label,
        name: str,
        provenance: Provenance,
        properties: Mapping[str, Any] | None = None,
        parts: tuple[Node, ...] = (),
    ) -> None:
        # Written out (see _slot_setters): every record of every document makes one.
        set_id, set_label, set_name, set_provenance, set_properties, set_parts = _NODE_SLOTS
        set_id(self, id)
        set_label(self, label)
        set_name(self, name)
        set_provenance(self, provenance)
        set_properties(self, {} if properties is None else properties)
        set_parts(self, parts)

    def as_properties(self) -> dict[str, Any]:
        """All properties as stored: the extras plus id, name and provenance."""
        props = {k: v for k, v in self.properties.items() if v is not None}
        props.update(
            id=self.id,
            name=self.name,
            source_document=self.provenance.document,
            source_line=self.provenance.line,
        )
        return props


@dataclass(frozen=True, slots=True, init=False)
class Relationship:
    """One directed relationship between two node ids, with provenance and method."""

    type: RelType
    start: str
    end: str
    provenance: Provenance
    method: Method = Method.STATED
    confidence: float = 1.0
    properties: Mapping[str, Any] = field(default_factory=dict)

    #: Stable id: one relationship per (type, start, end). Computed once: it is read often.
    id: str = field(init=False, compare=False, repr=False)

    def __init__(
        self,
        type: RelType,  # noqa: A002 (the field's name)
        start: str,
        end: str,
        provenance: Provenance,
        method: Method = Method.STATED,
        confidence: float = 1.0,
        properties: Mapping[str, Any] | None = None,
    ) -> None:
        # Written out (see _slot_setters): every link makes one.
        if not 0.0 <= confidence <= 1.0:
            raise ValueError(f"confidence must be within 0..1, got {confidence}")
        (set_type, set_start, set_end, set_provenance, set_method, set_confidence,
         set_properties, set_id) = _RELATIONSHIP_SLOTS
        set_type(self, type)
        set_start(self, start)
        set_end(self, end)
        set_provenance(self, provenance)
        set_method(self, method)
        set_confidence(self, confidence)
        set_properties(self, {} if properties is None else properties)
        set_id(self, relationship_id(type, start, end))

    def with_properties(self, properties: Mapping[str, Any]) -> Relationship:
        """This relationship with other extra properties (its id, a digest, is kept, not
        computed again: a pass over every relationship of a document makes one each)."""
        copy = object.__new__(Relationship)
        for setter, value in zip(_RELATIONSHIP_SLOTS, (
                self.type, self.start, self.end, self.provenance, self.method, self.confidence,
                properties, self.id)):
            setter(copy, value)
        return copy

    def as_properties(self) -> dict[str, Any]:
        """All properties as stored: the extras plus id, method, confidence and provenance."""
        props = {k: v for k, v in self.properties.items() if v is not None}
        props.update(
            id=self.id,
            method=self.method.value,
            confidence=round(float(self.confidence), 4),
            source_document=self.provenance.document,
            source_line=self.provenance.line,
        )
        return props


def _slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """Each named slot's own setter, for the ``__init__`` of a frozen, slotted dataclass.

    The generated frozen ``__init__`` sets each field through ``object.__setattr__``, which looks
    the attribute up every time; calling the slot's descriptor directly makes a node or a
    relationship, built once per record, about a third cheaper. Freezing is unaffected: only
    these initialisers hold the setters.
    """
    return tuple(getattr(cls, name).__set__ for name in names)


_NODE_SLOTS = _slot_setters(Node, "id", "label", "name", "provenance", "properties", "parts")
_RELATIONSHIP_SLOTS = _slot_setters(
    Relationship, "type", "start", "end", "provenance", "method", "confidence", "properties", "id"
)

_sha1 = hashlib.sha1
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w\s&]+")

#: Joins the parts of an id's key before hashing. Part of every stored id: never change it.
KEY_SEPARATOR = "\x1f"


@lru_cache(maxsize=131072)
def normalise_name(name: str) -> str:
    """The key two names must share to be the same entity: case, accents, punctuation folded."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("&", " and ").casefold()
    text = _NON_WORD.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def digest_key(key: str) -> str:
    """The 16 hex digits an id ends with, from its key parts already joined by KEY_SEPARATOR."""
    return _sha1(key.encode()).hexdigest()[:16]


def node_id(label: Label, *key: str) -> str:
    """A stable node id from its label and identifying key (never from load order or line)."""
    # ``_value_`` is the plain attribute behind Enum's ``value`` property, read without the
    # descriptor call: ids are computed for every record, so it adds up.
    value = label._value_
    return f"{value.lower()}:{digest_key(KEY_SEPARATOR.join((value, *key)))}"


def relationship_id(type_: RelType, start: str, end: str) -> str:
    """A stable relationship id from its type and end points."""
    return "rel:" + digest_key(f"{type_._value_}{KEY_SEPARATOR}{start}{KEY_SEPARATOR}{end}")
