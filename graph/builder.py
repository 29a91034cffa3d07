"""The one way loaders make nodes and relationships, so ids and provenance are always right.

A loader creates one :class:`DocumentGraphBuilder` per document and calls ``plan``, ``theme``,
``outcome``, ``action``, ``measure``, ``strategy``, ``partnership``, ``lead`` and ``link``.
Document-scoped nodes (themes, outcomes, actions, measures) get ids from the document, their
scope (usually the theme) and their normalised name, never from a line number, so an edit
elsewhere in the file does not change them. Shared nodes (strategies, partnerships,
organisations, leads) get ids from their normalised name alone; entity resolution later merges
variants ("Economic Action Plan" / "Leicester Economic Action Plan") into one.
"""

from __future__ import annotations

import re
from typing import Any

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import (
    Label,
    Method,
    Node,
    Provenance,
    Relationship,
    RelType,
    normalise_name,
    node_id,
)


#: "the Deputy Leader", "The Leader of the Council": a role, not a person's name.
_ROLE_ONLY = re.compile(r"^the\s", re.IGNORECASE)


def shared_node_id(label: Label, name: str) -> str:
    """The id of a shared node (strategy, partnership, lead, organisation) with this name."""
    return node_id(label, normalise_name(name))


class DocumentGraphBuilder:
    """Builds the graph of one document with ids and provenance filled in."""

    def __init__(self, document: str) -> None:
        self.document = document
        self.graph = GraphData()
        self.plan_id = node_id(Label.PLAN, document)
        self.organisation: str | None = None
        # One (immutable) provenance per line: a line's records share it.
        self._provenances: dict[int, Provenance] = {}

    def _prov(self, line: int) -> Provenance:
        prov = self._provenances.get(line)
        if prov is None:
            prov = self._provenances[line] = Provenance(self.document, max(1, int(line)))
        return prov

    def _add(self, label: Label, id_: str, name: str, line: int, props: dict[str, Any]) -> str:
        clean = {k: v for k, v in props.items() if v is not None and v != "" and v != []}
        return self.graph.add_node(Node(id_, label, name, self._prov(line), clean))

    # -- document-scoped nodes ---------------------------------------------------------

    def plan(
        self,
        title: str,
        line: int,
        *,
        organisation: str | None = None,
        start_year: int | None = None,
        end_year: int | None = None,
        kind: str | None = None,
        loader: str | None = None,
        **props: Any,
    ) -> str:
        """The document's Plan node (one per document), published by its organisation.

        Extra keyword arguments (``principles=[...]``, ``vision=...``) become properties.
        """
        self._add(
            Label.PLAN,
            self.plan_id,
            title,
            line,
            {
                "organisation": organisation,
                "start_year": start_year,
                "end_year": end_year,
                "kind": kind,
                "loader": loader,
                "plan_id": self.plan_id,
                **props,
            },
        )
        self.organisation = organisation
        if organisation:
            org = self.shared(Label.ORGANISATION, organisation, line)
            self.link(RelType.PUBLISHED_BY, self.plan_id, org, line)
        return self.plan_id

    def scoped(
        self, label: Label, name: str, line: int, *, scope: str = "", **props: Any
    ) -> str:
        """A node that belongs to this document; ``scope`` separates equal names (a theme id)."""
        id_ = node_id(label, self.document, scope, normalise_name(name))
        props.setdefault("plan_id", self.plan_id)
        return self._add(label, id_, name, line, props)

    def theme(self, name: str, line: int, **props: Any) -> str:
        """A theme, PART_OF the plan."""
        id_ = self.scoped(Label.THEME, name, line, **props)
        self.link(RelType.PART_OF, id_, self.plan_id, line)
        return id_

    def outcome(
        self, name: str, line: int, *, theme: str | None = None, level: str | None = None, **props: Any
    ) -> str:
        """An outcome, PART_OF its theme (or the plan when it has none)."""
        id_ = self.scoped(Label.OUTCOME, name, line, scope=theme or "", level=level,
                          theme_id=theme, **props)
        self.link(RelType.PART_OF, id_, theme or self.plan_id, line)
        return id_

    def action(
        self, name: str, line: int, *, theme: str | None = None, deadline: str | None = None,
        **props: Any
    ) -> str:
        """An action, PART_OF its theme (or the plan when it has none)."""
        id_ = self.scoped(Label.ACTION, name, line, scope=theme or "", deadline=deadline,
                          theme_id=theme, **props)
        self.link(RelType.PART_OF, id_, theme or self.plan_id, line)
        return id_

    def measure(
        self,
        name: str,
        line: int,
        *,
        theme: str | None = None,
        target: str | None = None,
        baseline: str | None = None,
        indicator_code: str | None = None,
        **props: Any,
    ) -> str:
        """A measure, PART_OF its theme (or the plan when it has none)."""
        id_ = self.scoped(Label.MEASURE, name, line, scope=theme or "", target=target,
                          baseline=baseline, indicator_code=indicator_code, theme_id=theme,
                          **props)
        self.link(RelType.PART_OF, id_, theme or self.plan_id, line)
        return id_

    # -- shared nodes ------------------------------------------------------------------

    def shared(self, label: Label, name: str, line: int, **props: Any) -> str:
        """A node shared across documents, keyed by its normalised name."""
        id_ = shared_node_id(label, name)
        # Callers may pass other surface forms (an acronym defined beside the name).
        props["aliases"] = sorted({name, *(props.get("aliases") or [])})
        props["mentions"] = [f"{self.document}:{line}"]
        props["documents"] = [self.document]
        return self._add(label, id_, name, line, props)

    def strategy(self, name: str, line: int, *, kind: str = "document", **props: Any) -> str:
        """A named strategy, plan, framework, policy (kind ``document``) or programme."""
        return self.shared(Label.STRATEGY, name, line, kind=kind, **props)

    def partnership(self, name: str, line: int, **props: Any) -> str:
        """A named board, trust, partnership, panel or forum."""
        return self.shared(Label.PARTNERSHIP, name, line, **props)

    def lead(
        self, name: str, line: int, *, role: str | None = None, portfolio: str | None = None,
        **props: Any
    ) -> str:
        """A cabinet lead (a named person, or a role such as "the Deputy Leader").

        A lead named only by a role is a different person in each council, so its id and its
        ``scope`` carry the organisation; resolution never merges leads of different scopes.
        """
        if _ROLE_ONLY.match(name) and self.organisation:
            scope = self.organisation
            id_ = node_id(Label.CABINET_LEAD, normalise_name(scope), normalise_name(name))
            props.update(role=role, portfolio=portfolio, scope=scope)
            props["aliases"] = sorted({name, *(props.get("aliases") or [])})
            props["mentions"] = [f"{self.document}:{line}"]
            props["documents"] = [self.document]
            return self._add(Label.CABINET_LEAD, id_, name, line, props)
        return self.shared(Label.CABINET_LEAD, name, line, role=role, portfolio=portfolio, **props)

    # -- relationships -----------------------------------------------------------------

    def link(
        self,
        type_: RelType,
        start: str,
        end: str,
        line: int,
        *,
        method: Method = Method.STATED,
        confidence: float = 1.0,
        **props: Any,
    ) -> str:
        """A relationship start -[type]-> end with provenance at ``line``."""
        clean = {k: v for k, v in props.items() if v is not None} if props else {}
        return self.graph.add_relationship(
            Relationship(type_, start, end, self._prov(line), method, confidence, clean)
        )
