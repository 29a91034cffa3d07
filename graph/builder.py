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
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import (
    KEY_SEPARATOR,
    Label,
    Method,
    Node,
    Provenance,
    Relationship,
    RelType,
    digest_key,
    document_name,
    document_short_id,
    normalise_name,
    node_id,
)


#: "the Deputy Leader", "The Leader of the Council": a role, not a person's name.
_ROLE_ONLY = re.compile(r"^the\s", re.IGNORECASE)


@lru_cache(maxsize=65536)
def shared_node_id(label: Label, name: str) -> str:
    """The id of a shared node (strategy, partnership, lead, organisation) with this name."""
    # Cached: a plan names the same strategies and partnerships again and again.
    return node_id(label, normalise_name(name))


def _is_set(value: Any) -> bool:
    """Whether a property value is worth storing: not None, "" or []."""
    return value is not None and value != "" and value != []


class DocumentGraphBuilder:
    """Builds the graph of one document with ids and provenance filled in."""

    def __init__(self, document: str) -> None:
        #: The document key (file name and content id, see ``model.document_key``): every
        #: record's provenance and every scoped id carries it, so two plans that share a file
        #: name never share a node.
        self.document = document
        self.graph = GraphData()
        self.plan_id = node_id(Label.PLAN, document)
        self.organisation: str | None = None
        #: The rule every record names when its maker gives none: the loader, once plan() says
        #: which (the general reader names a rule for each record itself).
        self.rule: str | None = None
        # Shared by every relationship that carries only the rule: read-only, so sharing is safe.
        self._rule_only: Mapping[str, Any] | None = None
        # One (immutable) provenance per line: a line's records share it.
        self._provenances: dict[int, Provenance] = {}
        # Per label, the id prefix and the key's fixed start (label, document) of scoped ids,
        # joined once here rather than for every node.
        self._scoped_keys = {
            label: (f"{label._value_.lower()}:", f"{label._value_}{KEY_SEPARATOR}{document}")
            for label in Label
        }

    def _prov(self, line: int) -> Provenance:
        """The provenance of ``line``, made on its first use. (The per-record paths try
        ``self._provenances.get(line)`` first, which saves this call for every later record.)"""
        prov = self._provenances.get(line)
        if prov is None:
            prov = self._provenances[line] = Provenance(self.document, max(1, int(line)))
        return prov

    def _scoped_id(self, label: Label, scope: str, name: str) -> str:
        """``node_id(label, document, scope, normalise_name(name))``, its fixed part joined once."""
        prefix, head = self._scoped_keys[label]
        sep = KEY_SEPARATOR
        return prefix + digest_key(f"{head}{sep}{scope}{sep}{normalise_name(name)}")

    def _add(self, label: Label, id_: str, name: str, prov: Provenance,
             props: dict[str, Any]) -> str:
        """Add (or merge) a node with the set ones of ``props``; returns its id."""
        # Most values are truthy, so kept without the call; ``0`` and ``False`` are kept too.
        clean = {k: v for k, v in props.items() if v or _is_set(v)}
        if self.rule is not None and "rule" not in clean:
            clean["rule"] = self.rule
        return self.graph.add_node(Node(id_, label, name, prov, clean))

    def _part_of(self, label: Label, name: str, line: int, theme: str | None,
                 props: dict[str, Any]) -> str:
        """A scoped node of ``theme`` (or of the plan), PART_OF it, both at ``line``."""
        prov = self._provenances.get(line) or self._prov(line)
        id_ = self._scoped_id(label, theme or "", name)
        props.setdefault("plan_id", self.plan_id)
        self._add(label, id_, name, prov, props)
        # Made here rather than by link(): no keyword arguments, and the node's provenance.
        self.graph.add_relationship(Relationship(RelType.PART_OF, id_, theme or self.plan_id, prov,
                                                 properties=self._rule_only))
        return id_

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
        The node also carries the document's file name and short id (``document_name``,
        ``document_id``) when its key has one, for display and for ``--replace``.
        """
        short_id = document_short_id(self.document)
        if short_id:
            props.setdefault("document_name", document_name(self.document))
            props.setdefault("document_id", short_id)
        if loader and self.rule is None:
            self.rule = loader
            self._rule_only = MappingProxyType({"rule": loader})
        self._add(
            Label.PLAN,
            self.plan_id,
            title,
            self._prov(line),
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
        id_ = self._scoped_id(label, scope, name)
        props.setdefault("plan_id", self.plan_id)
        return self._add(label, id_, name, self._prov(line), props)

    def theme(self, name: str, line: int, **props: Any) -> str:
        """A theme, PART_OF the plan.

        A heading with no words (a stray "#" and tabs) is no theme: the plan's id is returned,
        so what a loader files under it belongs to the plan, and no nameless node is made.
        """
        if not name.strip():
            return self.plan_id
        id_ = self.scoped(Label.THEME, name, line, **props)
        self.link(RelType.PART_OF, id_, self.plan_id, line)
        return id_

    def outcome(
        self, name: str, line: int, *, theme: str | None = None, level: str | None = None, **props: Any
    ) -> str:
        """An outcome, PART_OF its theme (or the plan when it has none)."""
        return self._part_of(Label.OUTCOME, name, line, theme,
                             {"level": level, "theme_id": theme, **props})

    def action(
        self, name: str, line: int, *, theme: str | None = None, deadline: str | None = None,
        **props: Any
    ) -> str:
        """An action, PART_OF its theme (or the plan when it has none)."""
        return self._part_of(Label.ACTION, name, line, theme,
                             {"deadline": deadline, "theme_id": theme, **props})

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
        return self._part_of(Label.MEASURE, name, line, theme,
                             {"target": target, "baseline": baseline,
                              "indicator_code": indicator_code, "theme_id": theme, **props})

    # -- shared nodes ------------------------------------------------------------------

    def shared(self, label: Label, name: str, line: int, **props: Any) -> str:
        """A node shared across documents, keyed by its normalised name."""
        id_ = shared_node_id(label, name)
        self._mentioned(name, line, props)
        return self._add(label, id_, name, self._prov(line), props)

    def _mentioned(self, name: str, line: int, props: dict[str, Any]) -> None:
        """Add a shared node's surface forms, this mention and this document to ``props``."""
        # Callers may pass other surface forms (an acronym defined beside the name).
        aliases = props.get("aliases")
        props["aliases"] = sorted({name, *aliases}) if aliases else [name]
        props["mentions"] = [f"{self.document}:{line}"]
        props["documents"] = [self.document]

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
            self._mentioned(name, line, props)
            return self._add(Label.CABINET_LEAD, id_, name, self._prov(line), props)
        return self.shared(Label.CABINET_LEAD, name, line, role=role, portfolio=portfolio, **props)

    def owner(self, name: str, line: int, **props: Any) -> str:
        """An officer, team or body named as a lead: one per name within the organisation."""
        scope = self.organisation or self.document
        id_ = node_id(Label.OWNER, normalise_name(scope), normalise_name(name))
        props["scope"] = scope
        self._mentioned(name, line, props)
        return self._add(Label.OWNER, id_, name, self._prov(line), props)

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
        prov = self._provenances.get(line) or self._prov(line)
        clean = {k: v for k, v in props.items() if v is not None} if props else None
        if self.rule is not None:
            if clean is None:
                clean = self._rule_only
            elif "rule" not in clean:
                clean["rule"] = self.rule
        return self.graph.add_relationship(
            Relationship(type_, start, end, prov, method, confidence, clean)
        )
