"""What the embedded query implementations share: a read-only view of the networkx graph.

Each helper here mirrors one idiom of the Cypher files in ``cypher/``, so both stores give the
same rows: which relationships count (``min_confidence``), how SUPPORTS chains are followed
(trails through outcomes), how lists are sorted, how shares are rounded and how names are
normalised.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

Attrs = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Edge:
    """One relationship as the queries see it."""

    key: str
    start: str
    end: str
    attrs: Attrs

    @property
    def evidence(self) -> str:
        """``document:line`` of the relationship."""
        return f"{self.attrs.get('source_document')}:{self.attrs.get('source_line')}"


class View:
    """The stored graph, with the relationships ``min_confidence`` lets count.

    Structural links (PART_OF, PUBLISHED_BY) always count; for the rest a stated or curated
    link always counts and an inferred one counts when its confidence reaches the threshold
    (``r.method <> 'inferred' OR r.confidence >= $min_confidence`` in Cypher).
    """

    def __init__(self, graph: nx.MultiDiGraph, min_confidence: float = 0.0) -> None:
        self.g = graph
        self.min_confidence = float(min_confidence or 0.0)
        # A node's edges grouped by type, built the first time the node is asked about: a
        # theme has hundreds of PART_OF edges, and the queries ask one type of it many times.
        self._out: dict[str, dict[str, list[Edge]]] = {}
        self._in: dict[str, dict[str, list[Edge]]] = {}

    # -- nodes -------------------------------------------------------------------------

    def node(self, id_: str | None) -> Attrs | None:
        """A node's attributes (``label`` plus stored properties), or None."""
        if id_ is None or id_ not in self.g:
            return None
        return self.g.nodes[id_]

    def nodes(self, *labels: str) -> list[str]:
        """Ids of the nodes with one of ``labels``, in id order."""
        wanted = set(labels)
        return sorted(n for n, d in self.g.nodes(data=True) if d.get("label") in wanted)

    def label(self, id_: str) -> str | None:
        """The label of a node."""
        return self.g.nodes[id_].get("label") if id_ in self.g else None

    # -- relationships ---------------------------------------------------------------------

    def counts(self, attrs: Attrs) -> bool:
        """True when a relationship counts under ``min_confidence``."""
        if attrs.get("method") != "inferred":
            return True
        return float(attrs.get("confidence") or 0.0) >= self.min_confidence

    def _grouped_out(self, node: str) -> dict[str, list[Edge]]:
        grouped = self._out.get(node)
        if grouped is None:
            grouped = {}
            for _, end, key, attrs in self.g.out_edges(node, keys=True, data=True):
                if self.counts(attrs):
                    grouped.setdefault(attrs.get("type"), []).append(Edge(key, node, end, attrs))
            self._out[node] = grouped
        return grouped

    def _grouped_in(self, node: str) -> dict[str, list[Edge]]:
        grouped = self._in.get(node)
        if grouped is None:
            grouped = {}
            for start, _, key, attrs in self.g.in_edges(node, keys=True, data=True):
                if self.counts(attrs):
                    grouped.setdefault(attrs.get("type"), []).append(Edge(key, start, node, attrs))
            self._in[node] = grouped
        return grouped

    def out(self, node: str, type_: str, *labels: str) -> Iterator[Edge]:
        """Counting relationships of ``type_`` leaving ``node`` (to a node of ``labels``)."""
        edges = self._grouped_out(node).get(type_, ())
        if not labels:
            return iter(edges)
        return (e for e in edges if self.label(e.end) in labels)

    def into(self, node: str, type_: str, *labels: str) -> Iterator[Edge]:
        """Counting relationships of ``type_`` reaching ``node`` (from a node of ``labels``)."""
        edges = self._grouped_in(node).get(type_, ())
        if not labels:
            return iter(edges)
        return (e for e in edges if self.label(e.start) in labels)

    def has_out(self, node: str, type_: str, *labels: str) -> bool:
        """True when at least one counting relationship of ``type_`` leaves ``node``."""
        return any(True for _ in self.out(node, type_, *labels))

    def has_in(self, node: str, type_: str, *labels: str) -> bool:
        """True when at least one counting relationship of ``type_`` reaches ``node``."""
        return any(True for _ in self.into(node, type_, *labels))

    # -- structure ---------------------------------------------------------------------

    def theme_of(self, node: str) -> str | None:
        """The node itself when a Theme, else the Theme it is PART_OF (lowest id), else None."""
        if self.label(node) == "Theme":
            return node
        themes = sorted(e.end for e in self.out(node, "PART_OF", "Theme"))
        return themes[0] if themes else None

    def plan_of(self, node: str) -> str | None:
        """The Plan node whose id is the node's ``plan_id`` (None when absent)."""
        plan_id = self.g.nodes[node].get("plan_id")
        if plan_id in self.g and self.label(plan_id) == "Plan":
            return plan_id
        return None

    def outcomes_reached(self, start: str) -> set[str]:
        """Outcomes reached from ``start`` through one or more SUPPORTS links via outcomes.

        Mirrors ``(start)-[:SUPPORTS*1..]->(o:Outcome)`` with every node after ``start`` an
        Outcome: reachability through trails equals reachability through walks.
        """
        seen: set[str] = set()
        frontier = [start]
        while frontier:
            node = frontier.pop()
            for e in self.out(node, "SUPPORTS", "Outcome"):
                if e.end not in seen:
                    seen.add(e.end)
                    frontier.append(e.end)
        return seen

    def supporters(self, outcome: str) -> set[str]:
        """Actions and outcomes that reach ``outcome`` through SUPPORTS chains via outcomes."""
        seen: set[str] = set()
        frontier = [outcome]
        while frontier:
            node = frontier.pop()
            for e in self.into(node, "SUPPORTS", "Outcome", "Action"):
                if e.start not in seen:
                    seen.add(e.start)
                    # Only outcomes continue a chain: `all(n IN tail(nodes(p)) WHERE n:Outcome)`.
                    if self.label(e.start) == "Outcome":
                        frontier.append(e.start)
        return seen

    def trails(self, start: str, min_hops: int = 0) -> Iterator[tuple[str, tuple[Edge, ...]]]:
        """Every trail ``(start)-[:SUPPORTS*min_hops..]->(o:Outcome)`` through outcomes.

        Yields (end outcome, relationships) like Cypher's variable-length match: no
        relationship used twice, every node after ``start`` an Outcome.
        """
        if min_hops == 0 and self.label(start) == "Outcome":
            yield start, ()

        def walk(node: str, used: tuple[Edge, ...]) -> Iterator[tuple[str, tuple[Edge, ...]]]:
            for e in self.out(node, "SUPPORTS", "Outcome"):
                if any(u.key == e.key for u in used):
                    continue
                path = used + (e,)
                yield e.end, path
                yield from walk(e.end, path)

        yield from walk(start, ())


# -- values ------------------------------------------------------------------------------


def node_evidence(attrs: Attrs) -> str:
    """``document:line`` of a node."""
    return f"{attrs.get('source_document')}:{attrs.get('source_line')}"


def evidence_key(item: str) -> tuple[str, int]:
    """Sort key for ``document:line``: by document, then line as a number."""
    doc, _, line = item.rpartition(":")
    return (doc, int(line) if line.isdigit() else 0)


def sorted_evidence(items: Iterable[str]) -> list[str]:
    """Distinct ``document:line`` strings, by document then line number."""
    return sorted(set(items), key=evidence_key)


def sorted_names(items: Iterable[str | None]) -> list[str]:
    """Distinct non-null strings in code-point order (Cypher's ORDER BY on strings)."""
    return sorted({i for i in items if i is not None})


def nulls_last(value: Any) -> tuple[bool, Any]:
    """Sort key putting None after every value, as Cypher's ascending ORDER BY does."""
    return (value is None, value if value is not None else 0)


def share(count: int, total: int) -> float | None:
    """count/total rounded half-up to 3 decimals with integer arithmetic (same in Cypher)."""
    if total == 0:
        return None
    return ((2000 * count + total) // (2 * total)) / 1000.0


def lower(value: str | None) -> str | None:
    """Lower case like Cypher's toLower (None stays None)."""
    return value.lower() if value is not None else None


def matches_plan(plan: Attrs | None, wanted: str | None) -> bool:
    """The ``plan`` parameter: a plan's id, or its name or document file, ignoring case."""
    if wanted is None:
        return True
    if plan is None:
        return False
    w = wanted.lower()
    return (
        plan.get("id") == wanted
        or lower(plan.get("name")) == w
        or lower(plan.get("source_document")) == w
        or lower(plan.get("document_name")) == w
    )


def matches_name(attrs: Attrs | None, wanted: str | None, *, aliases: bool = False) -> bool:
    """A name parameter: the node's id, or its name (or an alias) ignoring case."""
    if wanted is None:
        return True
    if attrs is None:
        return False
    w = wanted.lower()
    if attrs.get("id") == wanted or lower(attrs.get("name")) == w:
        return True
    return aliases and any(a.lower() == w for a in attrs.get("aliases") or ())


def name_key(name: str) -> str:
    """The normalised name themes are matched by across plans (as the Cypher computes it).

    Same as :func:`stratgraph.graph.model.normalise_name` for the names plans use; written
    out step by step so ``cypher/plan-evolution.cypher`` can do exactly the same.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if unicodedata.category(c)[0] != "M")
    text = text.lower().replace("ß", "ss")
    chars = []
    for c in text:
        if c == "&":
            chars.append(" and ")
        elif c == "_" or unicodedata.category(c)[0] in "LN":
            chars.append(c)
        else:
            chars.append(" ")
    return " ".join(w for w in "".join(chars).split(" ") if w)
