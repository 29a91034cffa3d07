"""The strategies, partnerships and leads a line names, linked to the plan and its actions."""

from __future__ import annotations

import re

from stratgraph.graph.model import Method, RelType, normalise_name
from stratgraph.loaders.general.leads import find_leads
from stratgraph.loaders.general.references import (
    earlier_edition,
    may_name,
    named_in,
    own_plan_names,
    without_years,
)
from stratgraph.loaders.general.report_cover import (
    REPORT_ON,
    REPORTING_TITLE,
    THIS_NAMED,
    _YEARS_WRITTEN,
)
from stratgraph.loaders.general.wording import clean, content_words


class NameLinking:
    """The names :class:`~stratgraph.loaders.general.reader.GeneralReader` finds in a line, and the
    leads it links once the walk is done."""

    def _names(self, text: str, line: int, source: str, *, strategy_column: bool = False) -> None:
        if not text or not may_name(text):
            return
        plain = text.replace("**", "")
        for back in THIS_NAMED.finditer(plain):
            self.own_names |= {normalise_name(m.name) for m in named_in(back.group("name"), self.vocab, self.place)
                               if m.label == "strategy"}
        self.own_names |= {normalise_name(name) for name in own_plan_names(plain)}
        for mention in named_in(plain, self.vocab, self.place):
            if (any(normalise_name(name) in self.own_title for name in {mention.name, without_years(mention.name)})
                and not self._reports_on(mention.name) and not (self.title_from_file and len(mention.name.split()) > 2)
                and not earlier_edition(plain, mention.name)) \
                    or normalise_name(mention.name) in self.own_names or self._subtitle(text, line, mention.name) \
                    or (mention.label == "strategy" and self._own_years(plain, mention.name)):
                continue  # the plan naming itself
            if mention.label == "strategy":
                node = self.b.strategy(mention.name, line, kind=mention.kind or "document",
                                       rule="named-strategy")
            else:
                node = self.b.partnership(mention.name, line, rule="named-partnership")
            if node != source:
                self.b.link(RelType.REFERENCES, source, node, line, rule="named-in-text")

    def _own_years(self, text: str, name: str) -> bool:
        """Whether ``name`` is written with the plan's own period after it ("the objectives
        Draft Corporate Strategy 2025-30" on the 2025-2030 objectives' page): the plan itself,
        as a page names the document it summarises."""
        plan = self.b.graph.nodes[self.b.plan_id].properties
        start, end = plan.get("start_year"), plan.get("end_year")
        if REPORTING_TITLE.search(self.own_title):
            return False
        name = without_years(name)  # a name may carry its years: they are what is compared
        at = text.find(name)
        years = _YEARS_WRITTEN.match(text, at + len(name)) if at >= 0 and start and end and start != end else None
        return bool(years) and (int(years.group(1)), int(years.group(2)) % 100) == (start, end % 100) \
            and not re.search(r"(?i)\b(?:previous|last|former|existing|current)\s+$", text[:at])

    def _reports_on(self, name: str) -> bool:
        """Whether the document's title is a report on the plan ``name`` rather than the plan
        ("Council Plan performance dashboard", "Council plan overview report - Summary"): the
        plan it reports on is a document of its own."""
        title = self.own_title
        at = title.find(normalise_name(name))
        return at >= 0 and bool(REPORT_ON.match(title[at + len(normalise_name(name)):]))

    def _subtitle(self, text: str, line: int, name: str) -> bool:
        """Whether ``name`` opens a line just under the title and only dates follow it
        ("Development Plan – Dec 2018 to April 2020" under "Parish Council Action plan"): the
        document's other name for itself, not a document it refers to."""
        return (0 < line - self.title_line <= 2 and clean(text).startswith(name)
                and bool(re.match(r"\s*(?:$|[-–—:(]|\d{4}\b)", clean(text)[len(name):])))

    def _leads(self, text: str, line: int) -> None:
        for lead in find_leads(text):
            rule = "role-lead" if lead.name.startswith("the ") else "named-lead"
            lead_id = self.b.lead(lead.name, line, role=lead.role, portfolio=lead.portfolio, rule=rule)
            self.leads[lead_id] = (lead.role, lead.portfolio)

    def _link_leads(self) -> None:
        """Each lead OWNS the themes its portfolio names; the Leader the plan."""
        themes = {tid: content_words(name) for tid, name in self.theme_names.items()}
        for lead_id, (role, portfolio) in self.leads.items():
            node = self.b.graph.nodes[lead_id]
            if portfolio:
                words = content_words(portfolio)
                for tid, theme_words in themes.items():
                    if words & theme_words:
                        self.b.link(RelType.OWNS, lead_id, tid, node.provenance.line,
                                    method=Method.INFERRED, confidence=0.7, rule="portfolio-matches-theme")
            # The Leader leads the plan, and still does when also holding a portfolio ("Leader
            # and Cabinet Member for Asset Management").
            if re.search(r"\bleader\b|\bcommissioner\b|\bmayor\b", role, re.I) and not re.search(r"deputy", role, re.I):
                self.b.link(RelType.OWNS, lead_id, self.b.plan_id, node.provenance.line,
                            method=Method.INFERRED, confidence=0.8, rule="leader-leads-plan")
