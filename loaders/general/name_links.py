"""The strategies, partnerships and leads a line names, linked to the plan and its actions."""

from __future__ import annotations

import re

from stratgraph.graph.model import Method, RelType, normalise_name
from stratgraph.loaders.general.consulted_leads import only_consulted
from stratgraph.loaders.general.duty_plans import duty_kinds, of_duty_kind
from stratgraph.loaders.general.governing_bodies import governing_bodies
from stratgraph.loaders.general.leads import find_leads
from stratgraph.loaders.general.member_bodies import named_as_member
from stratgraph.loaders.general.references import (
    earlier_edition,
    may_name,
    named_in,
    own_plan_names,
    without_years,
)
from stratgraph.loaders.general.titled_by_kind import the_plan_named, title_kind
from stratgraph.loaders.general.report_cover import (
    REPORT_ON,
    REPORTING_TITLE,
    THIS_NAMED,
    _YEARS_WRITTEN,
)
from stratgraph.loaders.general.wording import clean, content_words


#: A lower-case kind of work after a name ("Regional Partnerships project"): the work on the
#: thing named, so the name before it is what is compared with the title.
_WORK_AFTER = re.compile(r"\s+(?:project|programme|program|initiative|work|workstream)$")


#: Two plans named as one document ("Delivery Program and Operational Plan"), the second a plan
#: of no topic (operational, delivery, action, business, service plan): when the first is the
#: document's own title, both parts are the document.
_JOINT_PLAN = re.compile(
    r"^(?P<first>.+?)\s+(?:and|&)\s+(?P<second>(?:(?:Annual|Operational|Delivery|Action|Business|Service"
    r"|Implementation)\s+)+(?:Plan|Programme|Program))$")


#: The kind of plan after a partnership's name in a title ("community safety partnership plan",
#: "... board strategy 2024"): the partnership's own plan.
_PLAN_AFTER_BODY = re.compile(r"\s*(?:[-–—:]\s*)?(?:(?:strategic|draft|annual|delivery|action|business)\s+)?"
                              r"(?:plan|strategy|priorities|action\s+plan)\b")


#: Whose or where a plan is, after its kind ("Corporate Plan for Ards and North Down").
_FOR_WHOM = re.compile(r"\s+for\s+.+$")
#: A partnership's word in a plan's title, which the text may leave out when it names the plan
#: ("the Community Safety Plan" of the "Community Safety Partnership - Strategic Plan").
_BODY_WORD = re.compile(r"\b(?:partnership|board|forum|trust|panel)\s+(?:[-–—:]\s+)?(?:(?:strategic|draft)\s+)?(?=\S)")


def _initials_in(key: str, title: str) -> bool:
    """Whether the normalised name ``key`` and the normalised ``title`` hold the same words,
    one of them shortened to initials ("ldp preferred strategy" in "local development plan
    preferred strategy", "integrated care strategy" in "... our ics strategy"): at least three
    letters, and the name's last word (its kind) in the title."""
    words, title_words = key.split(), title.split()
    if len(words) < 2 or words[-1] not in title_words:
        return False
    want = "".join(w[:1] for w in words)
    for i, word in enumerate(title_words):
        # the title's acronym stands for the whole name ("ics" for "integrated care strategy")
        if len(word) >= 3 and word == want:
            return True
        # the name's first word is an acronym of a run of the title's words, the rest as written
        for j in range(i + 2, len(title_words) + 1):
            if len(words[0]) >= 3 and "".join(w[:1] for w in title_words[i:j]) == words[0] \
                    and title_words[j:j + len(words) - 1] == words[1:]:
                return True
    return False


class NameLinking:
    """The names :class:`~stratgraph.loaders.general.reader.GeneralReader` finds in a line, and the
    leads it links once the walk is done."""

    def _names(self, text: str, line: int, source: str, *, strategy_column: bool = False) -> None:
        if not text:
            return
        plain = text.replace("**", "")
        for name in governing_bodies(plain):
            # a body named by what it does for the plan, whatever its name's last word
            node = self.b.partnership(name, line, rule="body-governs-plan")
            self.b.link(RelType.REFERENCES, source, node, line, rule="named-in-text")
        if not may_name(text):
            return
        for back in THIS_NAMED.finditer(plain):
            self.own_names |= {normalise_name(m.name) for m in named_in(back.group("name"), self.vocab, self.place)
                               if m.label == "strategy"}
        self.own_names |= {normalise_name(name) for name in own_plan_names(plain)}
        for mention in named_in(plain, self.vocab, self.place):
            if (self._in_own_title(mention.name) and not self._reports_on(mention.name)
                and not earlier_edition(plain, mention.name) and not self._owns_titled_plan(mention)) \
                    or normalise_name(mention.name) in self.own_names or self._subtitle(text, line, mention.name) \
                    or (mention.label == "strategy" and self._own_years(plain, mention.name)) \
                    or (mention.label == "strategy" and normalise_name(mention.name) == self._titled_plan()) \
                    or (mention.label == "strategy" and of_duty_kind(mention.name, self._duty_kinds())):
                continue  # the plan naming itself
            if mention.label == "strategy" and (joint := _JOINT_PLAN.match(mention.name)) \
                    and self._in_own_title(joint.group("first")):
                # "the Delivery Program and Operational Plan" in the Delivery Program: one
                # document of two parts, so the other part named alone later is the plan too
                self.own_names.add(normalise_name(joint.group("second")))
                continue
            if mention.label == "strategy":
                node = self.b.strategy(mention.name, line, kind=mention.kind or "document",
                                       rule="named-strategy")
            elif named_as_member(plain, mention.name):
                continue  # a member of a partnership, not one itself
            else:
                node = self.b.partnership(mention.name, line, rule="named-partnership")
            if node != source:
                self.b.link(RelType.REFERENCES, source, node, line, rule="named-in-text")

    def _titled_plan(self) -> str | None:
        """The plan a title of its kind alone ("Delivering the Plan") is, as the text names it in
        full (see :mod:`~stratgraph.loaders.general.titled_by_kind`); read once a document."""
        if not hasattr(self, "_titled_plan_key"):
            kind = None if self.title_from_file else title_kind(self.title_text)
            mentions = [(text, m.name) for text in (b.text.replace("**", "") for b in self.blocks) if kind
                        and may_name(text) for m in named_in(text, self.vocab, self.place) if m.label == "strategy"]
            self._titled_plan_key = the_plan_named(self.title_text, kind, mentions) if kind else None
        return self._titled_plan_key

    def _duty_kinds(self) -> set[str]:
        """The kinds of plan a duty in the text requires that the title names too (see
        :mod:`~stratgraph.loaders.general.duty_plans`); read once a document."""
        if not hasattr(self, "_duty_kinds_found"):
            self._duty_kinds_found = duty_kinds([b.text.replace("**", "") for b in self.blocks], self.own_title)
        return self._duty_kinds_found

    def _in_own_title(self, name: str) -> bool:
        """Whether ``name`` is the document's own title or a part of it: as written, without its
        years, with a lower-case kind of work after it ("Regional Partnerships project" in a
        report on "Phase 2: Regional Partnerships"), by its initials ("LDP Preferred Strategy"
        in the "Local Development Plan Preferred Strategy"), or with an owner before the whole
        title ("Joy Allen & Jo Farrell Police & Crime Plan" in the "Police and Crime Plan")."""
        bare = without_years(name)
        if self.title_from_file:
            # a file name holds a bare kind of plan ("Council Plan 2024-2028" in
            # "...-council-plan-2024-28-..."), its years the plan's own; a longer name is only
            # the page's topic (see GeneralReader.read)
            return len(bare.split()) <= 2 and normalise_name(bare) in self.own_title and self._years_agree(name)
        title = self.own_title
        if bare != name and _YEARS_WRITTEN.search(title.replace(" ", "-")) and not self._years_agree(name):
            return False  # "the Council Plan 2017-2022" on the "Outline Council Plan 2022-27" page: another edition
        if any(normalise_name(n) in title for n in {name, bare}):
            return True
        key = normalise_name(bare)
        if len(title.split()) >= 3 and key.endswith(" " + title):
            return True
        if (kind := _FOR_WHOM.sub("", key)) != key and kind == normalise_name(without_years(self.title_text)):
            return True  # "the third Corporate Plan for Ards and North Down ..." in the "Corporate Plan 2024-28"
        if len(key.split()) >= 2 and key in _BODY_WORD.sub("", title):
            return True  # "Community Safety Plan" in the "Community Safety Partnership Plan": the plan, shortened
        if (work := _WORK_AFTER.search(bare)) and len(key.split()) >= 3 \
                and normalise_name(bare[:work.start()]) in title:
            return True
        return _initials_in(key, title)

    def _owns_titled_plan(self, mention) -> bool:  # noqa: ANN001 (an EntityMention)
        """Whether the partnership ``mention`` is the body whose plan the title names ("14
        Community Safety Partnership Plan"): the plan's owner, named in the text, not the plan."""
        if mention.label != "partnership":
            return False
        at = self.own_title.find(normalise_name(mention.name))
        return at >= 0 and bool(_PLAN_AFTER_BODY.match(self.own_title[at + len(normalise_name(mention.name)):]))

    def _years_agree(self, name: str) -> bool:
        """Whether the span of years ``name`` is written with (if any) is the title's own
        ("Council Plan 2024-2028" under "...-council-plan-2024-28-..."; not the "Corporate Plan
        2024-28" under "...-corporate-plan-highlight-priorities-2024-25", a year's part of it)."""
        if (years := _YEARS_WRITTEN.search(name)) is None:
            return True
        return any((int(years.group(1)), int(years.group(2)) % 100) == (int(own.group(1)), int(own.group(2)) % 100)
                   for own in _YEARS_WRITTEN.finditer(self.own_title.replace(" ", "-")))

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
            if only_consulted(text, lead.offset, lead.portfolio):
                continue  # asked by the officer who acts, not given a part of the plan
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
