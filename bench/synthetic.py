"""A synthetic corpus of council plans in the five shapes stratgraph reads, at any size.

Run:  python bench/synthetic.py OUT_DIR [--councils N] [--plans P] [--themes T] [--actions A]
                                        [--seed S]

Each council publishes ``plans`` plans; plan ``k`` of council ``c`` takes shape
``SHAPES[(c + k) % 5]``, laid out exactly like the example of that shape in ``examples/``
(delivery-plan: the 2024-25 delivery plan; coded-priorities: the 2005 corporate plan;
priority-tables: the 2020-24 strategic plan; outcomes-framework: the 2024-28 strategic plan;
narrative: the 2010 self-assessment), so that ``choose_loader`` picks that shape's loader.

Strategies and partnerships are shared the way real ones are: *national* ones (the Joint Health
and Wellbeing Strategy, the Community Safety Partnership) appear in every council's plans,
*regional* ones (a Local Enterprise Partnership and its Strategic Economic Plan, named after
the region's county) in the plans of the councils of one region (``REGION_SIZE`` neighbours), *local* ones (the town's Economic
Growth Plan) in one council's plans only; a mention sometimes uses a variant (the acronym, the
name without the place, "&" for "and").

Everything is a function of the seed and the sizes: one file's text depends only on
``(seed, council, plan, themes, actions)``, so the same call writes the same bytes anywhere.

``synthetic_graph`` builds a graph of the same design straight into a ``GraphData`` with
``DocumentGraphBuilder`` (no text), for store and query benchmarks at 10k to 1M nodes.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SHAPES = ("delivery-plan", "coded-priorities", "priority-tables", "outcomes-framework", "narrative")
REGION_SIZE = 6

_PREFIXES = (
    "Ash", "Brack", "Cal", "Dun", "Elm", "Fen", "Gran", "Hal", "Kes", "Lang", "Mar", "Nor",
    "Ox", "Pen", "Rad", "Sal", "Thorn", "Wel", "Yar", "Bar", "Cran", "Dor", "Ex", "Fal",
    "Glen", "Hart", "Ing", "Kirk", "Lind", "Mel", "Ned", "Orm", "Pol", "Rush", "Stan", "Tew",
    "Ul", "Ver", "Wim", "Brad", "Chal", "Dal", "Ever", "Frod", "Gil", "Hol", "Lyn", "Mort",
)
_SUFFIXES = (
    "bridge", "ford", "ham", "ton", "wick", "by", "field", "mouth", "chester", "stead",
    "borough", "well", "minster", "port", "caster", "bury",
)
_FIRST = ("Helen", "Tom", "Priya", "Anita", "David", "Sarah", "Ahmed", "Grace", "Owen", "Ruth",
          "Marcus", "Nadia", "Peter", "Joy", "Imran", "Claire")
_LAST = ("Marsh", "Okafor", "Lal", "Rowe", "Hale", "Patel", "Evans", "Byrne", "Clarke", "Singh",
         "Morgan", "Reid", "Shah", "Turner", "Walsh", "Young")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WARDS = ("Northgate", "Mill Quay", "St Anne's", "Westcotes", "Riverside", "Castle",
          "Abbey", "Eyres Park", "Fosse", "Beaumont", "Knighton", "Spinney Hill")

# National strategies and partnerships: every council names them, with the same words.
NATIONAL_STRATEGIES = {
    "health": "Joint Health and Wellbeing Strategy",
    "transport": "Local Transport Plan",
    "housing": "Housing Strategy",
    "finance": "Medium Term Financial Strategy",
    "climate": "Climate Action Plan",
    "children": "Children and Young People's Plan",
    "safety": "Community Safety Plan",
    "people": "People Strategy",
}
NATIONAL_PARTNERSHIPS = {
    "health": "Health and Wellbeing Board",
    "safety": "Community Safety Partnership",
    "children": "Children's Trust",
    "adults": "Safeguarding Adults Board",
}
# Variant spellings a plan sometimes uses for a national name.
_VARIANTS = {
    "Health and Wellbeing Board": "Health & Wellbeing Board",
    "Joint Health and Wellbeing Strategy": "Joint Health & Wellbeing Strategy",
    "Community Safety Partnership": "Community Safety Partnership (CSP)",
}


@dataclass(frozen=True)
class Topic:
    """A kind of theme: its names, statement, outcomes, action and measure templates."""

    key: str
    names: tuple[str, ...]
    statement: str
    outcomes: tuple[str, ...]
    actions: tuple[str, ...]
    measures: tuple[str, ...]
    strategies: tuple[str, ...]  # keys of NATIONAL_STRATEGIES, or "lep"/"growth"/"rail"/...
    partnerships: tuple[str, ...]


TOPICS = (
    Topic("economy", ("A Thriving Economy", "Jobs and the Economy", "Growing the Local Economy"),
          "To grow the economy so that every resident shares in its prosperity",
          ("help residents into training, apprenticeships and jobs",
           "support new businesses to start up and existing businesses to grow",
           "regenerate the town centre and the riverside",
           "attract new investment to the business parks"),
          ("Help {n} residents into apprenticeships in {ward}",
           "Open a jobs and skills hub with {n} places in {ward}",
           "Run a start-up grant scheme for {n} new firms",
           "Provide {n} free business advice surgeries",
           "Secure {n} square metres of managed workspace in {ward}"),
          ("New jobs created", "Apprenticeships started", "Vacant shop units in the town centre",
           "Business start-ups per 10,000 population"),
          ("growth", "lep_plan", "skills"), ("lep", "growth_board")),
    Topic("transport", ("Getting Around", "Better Transport Connections", "Environment and Transport"),
          "A clean and green place that everyone can move around easily and safely",
          ("keep roads and footpaths in good repair", "make buses quicker and more reliable",
           "make cycling and walking safe and attractive"),
          ("Resurface {n} kilometres of road in {ward}",
           "Install real time information at {n} bus stops",
           "Build {n} new pedestrian crossings near {ward} schools",
           "Open a {n} kilometre cycleway to {ward}",
           "Repair {n} reported dangerous potholes in {ward} within 48 hours"),
          ("Dangerous potholes repaired within 48 hours", "Bus journeys a year",
           "People cycling every day", "Road casualties"),
          ("transport", "rail"), ("transport_board",)),
    Topic("health", ("Health and Wellbeing", "Healthy and Independent Lives", "Healthier Lives"),
          "To improve the health and well being of residents and support them when they need it",
          ("help people live healthier lives", "reduce health inequalities between wards",
           "keep people independent at home for longer"),
          ("Support {n} people to stop smoking in {ward}",
           "Run {n} healthy weight sessions in {ward} schools",
           "Train {n} staff in mental health first aid",
           "Offer {n} health checks in {ward} community centres"),
          ("People supported to stop smoking", "Physically active adults",
           "Healthy life expectancy", "Excess weight in adults"),
          ("health",), ("health",)),
    Topic("safety", ("Safer Communities", "Community Safety", "Safe and Supported People"),
          "Reducing crime and the fear of crime so that every neighbourhood is a safe place to live",
          ("reduce crime and anti-social behaviour", "keep vulnerable adults safe",
           "make every neighbourhood feel safe"),
          ("Install {n} CCTV cameras in {ward} district centre",
           "Run {n} diversion projects for young people in {ward}",
           "Tackle anti-social behaviour in {n} hotspots around {ward}",
           "Fit {n} new alley gates in {ward}"),
          ("Anti-social behaviour incidents", "Total crime rate", "People who feel safe",
           "First time entrants to the youth justice system"),
          ("safety",), ("safety", "adults")),
    Topic("children", ("Children and Families", "Supporting Children and Families", "Education"),
          "Raising standards so that all our children and young people can succeed",
          ("keep children safe", "raise attainment of all pupils",
           "give every child the best start in life"),
          ("Recruit {n} more foster carers",
           "Extend the Early Help Offer to {n} children's centres",
           "Create {n} new school places in {ward}",
           "Support {n} pupils at risk of exclusion in {ward}"),
          ("Children in care in family placements", "Pupils achieving a good level of development",
           "Looked after children per 10,000", "Child protection plans reviewed on time"),
          ("children",), ("children",)),
    Topic("housing", ("Decent Homes", "Good Homes for All", "Housing"),
          "A decent and affordable home for every resident",
          ("increase the supply of affordable housing", "bring council homes up to standard",
           "prevent homelessness"),
          ("Build {n} new council homes in {ward}",
           "Bring {n} empty homes back into use in {ward}",
           "Fit {n} council homes with new heating",
           "Prevent {n} households from becoming homeless"),
          ("New council homes completed", "Households prevented from becoming homeless",
           "Affordable homes delivered", "Empty homes brought back into use"),
          ("housing",), ("housing_partnership",)),
    Topic("climate", ("A Greener Place", "Climate and Environment", "Reduce Carbon Emissions"),
          "A clean and green place with net zero council operations by 2030",
          ("reduce carbon emissions", "increase recycling of household waste",
           "protect and enhance the local environment"),
          ("Replace {n} street lights with LEDs in {ward}",
           "Plant {n} trees in {ward} parks",
           "Introduce kerbside food waste collections for {n} households",
           "Install {n} electric vehicle charging points in {ward}"),
          ("Household waste recycled", "CO2 emissions per capita", "Trees planted",
           "Street inspections graded acceptable"),
          ("climate",), ("resilience",)),
    Topic("council", ("A Well Run Council", "Using Public Money Wisely", "Continuous Improvement"),
          "Running the council well, listening to residents and spending every pound wisely",
          ("spend public money wisely", "listen to residents and report openly",
           "support a skilled and engaged workforce"),
          ("Save {n} thousand pounds through shared services",
           "Move {n} simple transactions online",
           "Run {n} residents' panels in {ward}",
           "Train {n} managers through the leadership programme"),
          ("Customer satisfaction", "Staff sickness absence", "Savings delivered against target",
           "Transactions completed online"),
          ("finance", "people"), ("council_board",)),
)


@dataclass(frozen=True)
class Council:
    index: int
    place: str  # "Ashbridge"
    kind: str  # "City" or "County"
    region: int
    region_name: str  # "North Vale"
    acronym: str  # "NVLEP"

    @property
    def name(self) -> str:
        return f"{self.place} {self.kind} Council"

    @property
    def slug(self) -> str:
        return f"{self.place.lower()}-{self.kind.lower()}"


@dataclass
class PlanSpec:
    """What one generated file should yield: its shape, and the themes and actions it holds."""

    file: str
    shape: str
    council: str
    themes: int
    actions: int
    size: int = 0


@dataclass
class Manifest:
    plans: list[PlanSpec] = field(default_factory=list)

    @property
    def bytes(self) -> int:
        return sum(p.size for p in self.plans)


def council(index: int, seed: int = 0) -> Council:
    """Council ``index`` before names are made unique and regions named (see ``councils``)."""
    rng = random.Random(f"council:{seed}:{index}")
    p = _PREFIXES[(index + rng.randrange(len(_PREFIXES))) % len(_PREFIXES)]
    s = _SUFFIXES[(index * 7 + rng.randrange(len(_SUFFIXES))) % len(_SUFFIXES)]
    place = p + s
    # Past the number of prefix x suffix pairs, a district name tells repeats apart
    # (make_councils resolves any remaining clash).
    place = place if index < len(_PREFIXES) * len(_SUFFIXES) else place + " " + _WARDS[index % 12]
    return Council(index, place, "County" if index % REGION_SIZE == 0 else "City",
                   index // REGION_SIZE, "", "")


def make_councils(n: int, seed: int = 0) -> list[Council]:
    """The first ``n`` councils: unique place names, each region named after its county."""
    out: list[Council] = []
    seen: set[str] = set()
    for i in range(n):
        c = council(i, seed)
        place = c.place
        j = 0
        while place in seen:
            j += 1
            place = f"{c.place} {_WARDS[(i + j) % len(_WARDS)]}"
        seen.add(place)
        out.append(Council(c.index, place, c.kind, c.region, c.region_name, c.acronym))
    # A region is named after its county (the first council of each group), as "Wexshire Local
    # Enterprise Partnership (WLEP)" is in the examples: a name with a place in it, which
    # resolution keeps as one entity across the region's councils.
    named = []
    for c in out:
        county = out[c.region * REGION_SIZE]
        words = county.place.split()
        acronym = "".join(w[0] for w in words) + county.place[1].upper() + "LEP"
        named.append(Council(c.index, c.place, c.kind, c.region, county.place, acronym))
    return named


class _Names:
    """The strategy and partnership names one council uses, with variants."""

    def __init__(self, c: Council, rng: random.Random) -> None:
        self.c = c
        self.rng = rng
        r, a, p = c.region_name, c.acronym, c.place
        self.strategies = dict(NATIONAL_STRATEGIES)
        self.strategies.update({
            "lep_plan": f"{a} Strategic Economic Plan",
            "rail": f"{r} Rail Strategy",
            "skills": f"{r} Skills and Employment Strategy",
            "growth": f"{p} Economic Growth Plan",
        })
        self.partnerships = dict(NATIONAL_PARTNERSHIPS)
        self.partnerships.update({
            "lep": f"{r} Local Enterprise Partnership",
            "growth_board": f"{r} Growth Board",
            "transport_board": f"{r} Transport Board",
            "resilience": f"{r} Resilience Forum",
            "housing_partnership": f"{p} Housing Partnership",
            "council_board": f"{p} Partnership Board",
        })

    def strategy(self, key: str) -> str:
        name = self.strategies[key]
        roll = self.rng.random()
        if key == "growth" and roll < 0.3:
            return "Economic Growth Plan"  # the place dropped, as plans often do
        if roll < 0.15 and name in _VARIANTS:
            return _VARIANTS[name]
        return name

    def partnership(self, key: str, first: bool = False) -> str:
        name = self.partnerships[key]
        if key == "lep":
            if first:
                return f"{name} ({self.c.acronym})"
            return self.c.acronym if self.rng.random() < 0.5 else name
        if self.rng.random() < 0.15 and name in _VARIANTS:
            return _VARIANTS[name]
        return name


@dataclass
class _Theme:
    topic: Topic
    name: str
    outcomes: list[str]
    actions: list[str]
    deadlines: list[str]
    measures: list[str]
    strategies: list[str]
    partnerships: list[str]


def _plan_content(c: Council, k: int, themes: int, actions: int, rng: random.Random,
                  names: _Names, year: int) -> list[_Theme]:
    """The themes of one plan: topics in a council-specific order, then distinct names."""
    order = list(TOPICS)
    rng.shuffle(order)
    out: list[_Theme] = []
    for t in range(themes):
        topic = order[t % len(order)]
        round_ = t // len(order)
        base = topic.names[(k + round_) % len(topic.names)]
        name = base if round_ == 0 else f"{base} {_roman(round_ + 1)}"
        acts, dls = [], []
        for i in range(actions):
            tmpl = topic.actions[i % len(topic.actions)]
            rng.randrange(3)  # an unused draw, kept so corpora match the published figures
            n = 5 + 3 * i  # distinct per action, so two actions of a theme never share a name
            acts.append(tmpl.format(n=n + 20 * round_, ward=_WARDS[(i + t) % len(_WARDS)]))
            if rng.random() < 0.15:
                dls.append("Ongoing")
            else:
                dls.append(f"{_MONTHS[rng.randrange(12)]} {year + rng.randrange(2)}")
        outs = list(topic.outcomes)
        rng.shuffle(outs)
        n_out = max(1, min(len(outs), (actions + 2) // 3))
        meas = [f"{m}" for m in topic.measures[: max(1, min(len(topic.measures), actions // 2 or 1))]]
        out.append(_Theme(topic, name, outs[:n_out], acts, dls, meas,
                          [names.strategy(s) for s in topic.strategies],
                          [names.partnership(p) for p in topic.partnerships]))
    return out


def _roman(n: int) -> str:
    return {2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII"}.get(n, str(n))


def _person(rng: random.Random) -> str:
    return f"{_FIRST[rng.randrange(len(_FIRST))]} {_LAST[rng.randrange(len(_LAST))]}"


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


def _ul(items: list[str]) -> str:
    lis = " ".join(f"<li>• {x}</li>" for x in items)
    return f'<ul style="list-style-type: none"> {lis} </ul>'


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# -- the five shapes -----------------------------------------------------------------------


def delivery_plan(c: Council, year: int, ths: list[_Theme], names: _Names,
                  rng: random.Random) -> str:
    """The shape of examples/wexbridge-city-delivery-plan-2024-25.txt."""
    place = c.place
    yy = f"{(year + 1) % 100:02d}"
    mayor = _person(rng)
    L = ["", "", "# CITY MAYOR'S **DELIVERY PLAN**", "", f"{c.name} {year}-{yy}", "", "", "",
         "# Contents", "", "Introduction .....\t3", f"{place} today .....\t5"]
    for i, t in enumerate(ths):
        L.append(f"{t.name} .....\t{7 + 2 * i}")
    L += ["", "", "", "# Introduction", "",
          "This delivery plan sets out what the council will do this year, theme by theme, and "
          "how we will know we have done it.", "",
          f"The plan is structured around our {len(ths)} priority themes for {place}:", ""]
    L += [f"-  {t.name}" for t in ths]
    L += ["", "Every three months we will measure our progress against the targets in the plan.",
          "", f"**{mayor}**  ", "City mayor", "", "", "", f"## {place}'s mayoral team", ""]
    team = [("City mayor", mayor), ("Deputy city mayor", _person(rng)),
            ("Assistant city mayor", _person(rng))]
    for i, (role, person) in enumerate(team):
        portfolio = ", ".join(t.topic.key for t in ths[i::3]) or "communities"
        L += [f"**{role} {person}:**", "", portfolio.replace("council", "finance"), ""]
    L += ["", "", f"## {place} today", "",
          f"- {place}'s population grew by {rng.randrange(3, 15)}% between 2011 and 2021.", "", "",
          ""]
    for ti, t in enumerate(ths):
        L += [f"# {t.name}", ""]
        L.append(f"In {_MONTHS[rng.randrange(12)]} {year} we adopted the {t.strategies[0]} with "
                 f"the {t.partnerships[0]}. {_cap(t.topic.statement)}.")
        L += ["", "## Summary of priorities", ""]
        L += [f"- To {o}." for o in t.outcomes]
        L += ["", "## Council activity", "",
              "Themes and objectives\tKey projects and activities\tBy when\t"
              "Relevant documents and strategies"]
        groups = list(_chunks(list(zip(t.actions, t.deadlines)), 3))
        for gi, group in enumerate(groups):
            obj = f"{_cap(t.outcomes[gi % len(t.outcomes)].split(' ', 1)[1])}" \
                  + ("" if gi < len(t.outcomes) else f" ({_WARDS[gi % len(_WARDS)]})")
            acts = [a for a, _ in group]
            if gi == 1 and ti + 1 < len(ths):
                acts[-1] += f" (see p. {9 + 2 * ti}: {ths[ti + 1].name})"
            strat = t.strategies[gi % len(t.strategies)]
            refs = f"<p>{strat}</p> <p>{t.partnerships[0]}</p>" if gi % 2 else strat
            L.append(f"<b>{obj}</b> {_cap(t.outcomes[gi % len(t.outcomes)])}\t{_ul(acts)}\t"
                     f"{_ul([d for _, d in group])}\t{refs}")
        L += ["", "## Performance measures and targets", "", "Performance measure\tTargets"]
        for m in t.measures:
            L.append(f"{m}\t{year}/{yy} – {rng.randrange(5, 2000):,}")
        L.append("")
    return "\n".join(L) + "\n"


def coded_priorities(c: Council, year: int, ths: list[_Theme], names: _Names,
                     rng: random.Random) -> str:
    """The shape of examples/wexbridge-city-corporate-plan-2005.txt."""
    place = c.place
    path = f"C:\\committee\\papers\\published\\{c.acronym[:2]}C{year}\\CorporatePlan{year}.doc"
    L = [c.name, "", f'"A Fairer, Greener, Growing {place}"', "", "Corporate Plan", "",
         f"For Consultation February {year}", "", path, "",
         f"Part 1 Purpose and Strategic Aims of {c.name}", "", "Introduction", "",
         f"This plan sets out what the council will do to make a difference to the lives of "
         f"the people of {place}. It brings together our strategic direction and our key "
         f"priorities until March {year + 3}.", "",
         f"Our work is driven by the {place} Community Plan, by local political priorities, by "
         "national priorities and by what we have to do by law.", "", "Our Strategic Aims", "",
         "To plan for the longer term we have a number of strategic aims. These aims are "
         f"intended to cover a period of 5 years taking us to {year + 5}.", ""]
    stmts = []
    for i, t in enumerate(ths):
        stmt = f"{t.topic.statement} ({place} {i + 1})" if i >= len(TOPICS) else t.topic.statement
        stmts.append(stmt + ".")
        L += [("• " if i % 2 else "") + t.name, "", stmt + ".", ""]
    L += ["Priorities", "",
          f"To help us meet our strategic aims we have identified a number of priorities for the "
          f"next 3 years until {year + 3}. They are set out in the following pages.", "",
          f"Part 2 Priorities for the next 3 years to {year + 3}", ""]
    header = ("\tOur priorities\tHow we will achieve it\tHeadline Milestones and Targets\t"
              f"Baseline {year - 1}/{year % 100:02d}\tInterim {year + 1}\tBenefits to Citizens")
    for ti, t in enumerate(ths):
        code = "".join(w[0] for w in re.findall(r"[A-Za-z]+", t.name) if w[0].isupper())[:3]
        code = (code or "P").upper() + ("" if ti < len(TOPICS) else chr(65 + ti % 26))
        code = code[:5]
        L += [stmts[ti], "", header]
        groups = list(_chunks(list(zip(t.actions, t.deadlines)), 3))
        for gi, group in enumerate(groups):
            outcome = _cap(t.outcomes[gi % len(t.outcomes)])
            if gi >= len(t.outcomes):
                outcome += f" in {_WARDS[gi % len(_WARDS)]}"
            how = " ".join(f"{a} by {d}." if d != "Ongoing" else f"{a}." for a, d in group)
            if gi == 0 and t.strategies:
                how = f"Deliver the {t.strategies[0]} with the {t.partnerships[0]}. " + how
            if gi == 1 and ti > 0:
                how += f" Supported by: {ths[ti - 1].topic.outcomes[0]}."
            m = t.measures[gi % len(t.measures)]
            target = f"To improve {m.lower()} by {rng.randrange(5, 30)}% by {year + 3}."
            L.append(f"{code}.{gi + 1}\t{outcome}.\t{how}\t{target}\t{rng.randrange(10, 900)}\t"
                     f"\tBetter outcomes for residents.")
        L.append("")
    L += [path, "", "Part 3 Delivering Priorities by Raising Performance", "",
          "Cabinet monitors the progress made on the targets within this plan."]
    return "\n".join(L) + "\n"


def priority_tables(c: Council, year: int, ths: list[_Theme], names: _Names,
                    rng: random.Random) -> str:
    """The shape of examples/wexshire-county-strategic-plan-2020-24.txt."""
    place = c.place
    L = ["", "", f"Leading {place}: Stronger Together", "", c.name,
         f"Strategic Plan {year}-{(year + 4) % 100:02d}", "", "", "", "Leader's Introduction", "",
         f"Councils across the country face another difficult funding settlement. This plan sets "
         f"out our priorities, the actions we will take and the targets we will be measured "
         f"against, alongside our {names.strategy('finance')}.", "",
         f"We cannot do this alone. We will work with the {names.partnership('lep', True)}, the "
         "district councils, the health service and the voluntary sector.", ""]
    for ti, t in enumerate(ths):
        L += [t.name, "",
              f"{_cap(t.topic.statement)}. We will work with the {t.partnerships[0]} and deliver "
              f"the {t.strategies[0]}.", ""]
        heads = ("PRIORITY\tPLANS/ACTIONS\tMEASUREMENT/TARGETS" if ti % 2 == 0
                 else "PRIORITIES\tPLAN/ACTIONS\tMEASURE/TARGET")
        L.append(heads)
        groups = list(_chunks(list(zip(t.actions, t.deadlines)), 2))
        for gi, group in enumerate(groups):
            pr = " ".join(w.capitalize() if len(w) > 3 else w
                          for w in t.outcomes[gi % len(t.outcomes)].split())
            if gi >= len(t.outcomes):
                pr += f" in {_WARDS[gi % len(_WARDS)]}"
            acts = " ".join(f"{a} by {d}." if d != "Ongoing" else f"{a}." for a, d in group)
            if gi == 0:
                acts = f"Implement the {t.strategies[gi % len(t.strategies)]}. " + acts
            m = t.measures[gi % len(t.measures)]
            L.append(f"{pr}\t{acts}\t{m} up by {rng.randrange(5, 40)}% by {year + 4}.")
        L.append("")
    L += ["This page is intentionally left blank"]
    return "\n".join(L) + "\n"


def outcomes_framework(c: Council, year: int, ths: list[_Theme], names: _Names,
                       rng: random.Random) -> str:
    """The shape of examples/wexshire-county-strategic-plan-2024-28.txt."""
    place = c.place
    L = ["", "", f"# Stronger together for every {place} resident", "",
         f"{c.name}'s  ", f"Strategic Plan {year}-{(year + 4) % 100:02d}", "",
         f"## Foreword by the Leader of {c.name}", "",
         f"{c.name} has kept tight control of its finances while demand for our services keeps "
         "rising. This Strategic Plan sets out the difference we want to make.", "",
         f"## The Council's Vision: Stronger together for every {place} resident", "",
         "We want a clean, growing economy, healthy and safe people and good homes.", "",
         f"# The vision: Great outcomes for {place}", "",
         "The Council has developed **strategic outcomes** that describe the results we want "
         "people to see in their daily lives.", ""]
    stmts = [f"{_cap(t.topic.statement)} in {place}" for t in ths]
    for t, s in zip(ths, stmts):
        L += [f"## {t.name}", "", s, ""]
    L += ["# The Vision: What success looks like", "",
          f"**This section describes the results we want to see in {place}.**", ""]
    for t, s in zip(ths, stmts):
        L += [f"## {t.name}", "", f"**{s}**", ""]
        L += [f"- {_cap(o)} in {place}" for o in t.outcomes]
        L.append("")
        # The shape states few actions, as commitments ("The Council will launch ..."); two
        # alike would be read as one restated, so one per kind of action.
        sents = [f"The Council will launch a programme to {a[0].lower()}{a[1:]} by {d}."
                 if d != "Ongoing" else f"The Council will launch a programme to "
                 f"{a[0].lower()}{a[1:]}." for a, d in _commitments(t)]
        L += [" ".join(sents), ""]
    L += ["# Achieving the Vision", "", "## Our principles", "",
          "- **Good value:** We make the best use of every pound we spend",
          "- **Open:** We listen to local people and keep them informed",
          "- **Collaborative:** We work with partners and residents to find solutions",
          "- **Green:** We will be carbon neutral by 2030", "",
          "## Working with others in partnership", "",
          "We do not work in isolation. The Council works in key partnerships to deliver joint "
          "strategy commitments and joint outcomes. These are included in the summary table "
          "below.", "", "### Achieving the vision: Working with others in partnership", ""]
    for t in ths:
        for s, p in zip(t.strategies, t.partnerships + t.partnerships):
            L.append(f"- {s} ({p})")
        L.append("")
    L += ["# Working together across the Council", "", "## Measuring and Reporting Progress", "",
          "The following tables by theme give the key indicators we will use.", ""]
    for i, (t, s) in enumerate(zip(ths, stmts)):
        L += [f"## {i + 1}. {t.name}: {s}.", "",
              "Supporting Outcome\tSome of the measures that we will use to monitor progress"]
        for o in t.outcomes:
            L.append(f"<b>{_cap(o)} in {place}</b>\t{_ul(['% ' + m for m in t.measures])}")
        L.append("")
    return "\n".join(L) + "\n"


def _commitments(t: _Theme) -> list[tuple[str, str]]:
    return list(zip(t.actions, t.deadlines))[: len(t.topic.actions)]


def narrative(c: Council, year: int, ths: list[_Theme], names: _Names,
              rng: random.Random) -> str:
    """The shape of examples/wexbridge-city-self-assessment-2010.txt."""
    place = c.place
    lep = names.partnership("lep", True)
    L = ["", "", "WARDS AFFECTED: All Wards - Corporate Issue", "", "Cabinet", "",
         f"Thursday, 14th October {year}", "",
         "Comprehensive Performance Assessment (CPA) Corporate Assessment", "", "Self assessment",
         "", "Report of the Director of Policy & Partnerships", "", "- 1. Purpose of Report",
         "- 1.1. This report presents the draft self assessment for approval by Cabinet.",
         "- 2. Report",
         "- 2.1 The draft covers the executive summary and the five main themes of the Key Lines "
         "of Inquiry:", " - Ambition for the community", " - Prioritisation", " - Capacity",
         " - Performance management", " - Achievement",
         "- 2.2 The table below sets out the projected scores and the key risks.", "",
         "Theme\tKey areas of risk\tAnticipated score",
         f"Ambition\t Alignment of the {names.strategy('growth')} with partners' budgets\t3",
         "Capacity\tSickness absence remains high\t2", "", "3 Recommendations", "",
         "3.1 Cabinet is recommended to approve the self assessment.", "",
         "Corporate Assessment", "", "Executive Summary", "",
         f"{place} is a place of {rng.randrange(80, 900)},000 people. {c.name} works with the "
         f"{lep} to deliver the {names.strategy('growth')}.", "",
         "Question 1: What is the council, together with its partners, trying to achieve?", "",
         "Ambition for the community", "",
         f"Looking ten years ahead, our ambition is to make {place} the greenest place in the "
         "region.", "",
         "Question 3: What has been achieved?", ""]
    for i, t in enumerate(ths[:8]):
        L += [f"{'ABCDEFGH'[i]}. {t.name}", ""]
        L.append(f"The {t.partnerships[0]} worked with us on the {t.strategies[0]} in "
                 f"{year - 1}/{year % 100:02d}.")
        L.append("")
        for a, d in zip(t.actions, t.deadlines):
            a = a[0].lower() + a[1:]
            L.append(f"By {d} we will {a}." if d != "Ongoing" else f"We will {a}.")
        L.append("")
    L += ["Conclusion", "", f"{c.name} has come a long way. There is still a lot to do."]
    return "\n".join(L) + "\n"


_WRITERS = {
    "delivery-plan": (delivery_plan, "delivery-plan", 1),
    "coded-priorities": (coded_priorities, "corporate-plan", 3),
    "priority-tables": (priority_tables, "strategic-plan", 4),
    "outcomes-framework": (outcomes_framework, "strategic-plan", 4),
    "narrative": (narrative, "self-assessment", 0),
}


def plan_text(seed: int, c: Council, k: int, themes: int, actions: int) -> tuple[str, PlanSpec]:
    """The text of plan ``k`` of council ``c``, and what it should yield."""
    shape = SHAPES[(c.index + k) % len(SHAPES)]
    rng = random.Random(f"plan:{seed}:{c.index}:{k}:{themes}:{actions}")
    year = 2003 + 3 * k + c.index % 3
    names = _Names(c, rng)
    ths = _plan_content(c, k, themes, actions, rng, names, year)
    writer, kind, span = _WRITERS[shape]
    text = writer(c, year, ths, names, rng)
    years = f"{year}" if not span else f"{year}-{(year + span) % 100:02d}"
    file = f"{c.slug}-{kind}-{years}-{k + 1}.txt"
    n_themes, n_actions = themes, themes * actions
    if shape in ("coded-priorities", "priority-tables"):
        n_actions += themes  # "Deliver/Implement the <strategy>." opens each theme's table
    elif shape == "outcomes-framework":
        n_actions = sum(len(_commitments(t)) for t in ths)
    elif shape == "narrative":
        # Lettered sections A-H, plus two Key Lines of Inquiry with sections of their own.
        n_themes, n_actions = min(themes, 8) + 2, min(themes, 8) * actions
    return text, PlanSpec(file, shape, c.name, n_themes, n_actions, len(text.encode("utf-8")))


def generate(out: Path, *, councils: int, plans: int = 5, themes: int = 6, actions: int = 6,
             seed: int = 0) -> Manifest:
    """Write the corpus into ``out`` (created) and return what each file should yield."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest()
    for c in make_councils(councils, seed):
        for k in range(plans):
            text, spec = plan_text(seed, c, k, themes, actions)
            (out / spec.file).write_bytes(text.encode("utf-8"))
            manifest.plans.append(spec)
    return manifest


def iter_plans(*, councils: int, plans: int = 5, themes: int = 6, actions: int = 6,
               seed: int = 0) -> Iterator[tuple[str, PlanSpec]]:
    """The texts without writing them (for a benchmark that reads from memory)."""
    for c in make_councils(councils, seed):
        for k in range(plans):
            yield plan_text(seed, c, k, themes, actions)


# -- a graph of the same design, without text -------------------------------------------------


def synthetic_graph(*, councils: int, plans: int = 5, themes: int = 6, actions: int = 6,
                    seed: int = 0):
    """A resolved-looking GraphData of the corpus design, built with DocumentGraphBuilder.

    Per plan: the Plan, its Organisation, ``themes`` themes each with its declared outcomes
    (level ``theme``), one objective outcome per three actions, ``actions`` actions
    (SUPPORTS the objective, the objective SUPPORTS a declared outcome; deadline on most),
    measures (MEASURED_BY from an outcome), REFERENCES to national/regional/local strategies,
    INVOLVES partnerships, cabinet leads OWNing some themes and a DEPENDS_ON between
    neighbouring themes. Nodes per plan ~ 2 + themes * (1 + ~1.7 * actions / 3 + measures +
    actions); at themes=actions=6 about 100.
    """
    from stratgraph.graph.builder import DocumentGraphBuilder
    from stratgraph.graph.data import GraphData
    from stratgraph.graph.model import RelType

    graph = GraphData()
    for c in make_councils(councils, seed):
        for k in range(plans):
            shape = SHAPES[(c.index + k) % len(SHAPES)]
            rng = random.Random(f"plan:{seed}:{c.index}:{k}:{themes}:{actions}")
            year = 2003 + 3 * k + c.index % 3
            names = _Names(c, rng)
            ths = _plan_content(c, k, themes, actions, rng, names, year)
            doc = f"{c.slug}-{shape}-{year}-{k + 1}.txt"
            b = DocumentGraphBuilder(doc)
            b.plan(f"{c.name} {shape.replace('-', ' ')} {year}", 1, organisation=c.name,
                   start_year=year, end_year=year + 3, kind=shape, loader=shape)
            line = 2
            leads = [b.lead(_person(rng), 2, role=role) for role in ("Leader", "Deputy Leader")]
            theme_ids = []
            for ti, t in enumerate(ths):
                tid = b.theme(t.name, line)
                theme_ids.append(tid)
                if ti % 2 == 0:
                    b.link(RelType.OWNS, leads[ti // 2 % 2], tid, line)
                declared = [b.outcome(_cap(o), line + 1 + i, theme=tid, level="theme")
                            for i, o in enumerate(t.outcomes)]
                line += 1 + len(declared)
                for m_i, m in enumerate(t.measures):
                    mid = b.measure(m, line, theme=tid, target=f"{rng.randrange(5, 90)}%")
                    b.link(RelType.MEASURED_BY, declared[m_i % len(declared)], mid, line)
                    line += 1
                for s in t.strategies:
                    sid = b.strategy(s, line)
                    b.link(RelType.REFERENCES, tid, sid, line)
                for p in t.partnerships:
                    pid = b.partnership(p, line)
                    b.link(RelType.REFERENCES, tid, pid, line)
                for gi, group in enumerate(_chunks(list(zip(t.actions, t.deadlines)), 3)):
                    obj = b.outcome(f"{_cap(group[0][0])} objective", line, theme=tid,
                                    level="objective")
                    b.link(RelType.SUPPORTS, obj, declared[gi % len(declared)], line)
                    for a, d in group:
                        aid = b.action(a, line, theme=tid,
                                       deadline=None if rng.random() < 0.1 else d)
                        if rng.random() < 0.9:
                            b.link(RelType.SUPPORTS, aid, obj, line)
                        if rng.random() < 0.3:
                            sid = b.strategy(t.strategies[gi % len(t.strategies)], line)
                            b.link(RelType.REFERENCES, aid, sid, line)
                        if rng.random() < 0.1:
                            pid = b.partnership(t.partnerships[0], line)
                            b.link(RelType.INVOLVES, aid, pid, line)
                        line += 1
                if ti > 0 and rng.random() < 0.3:
                    b.link(RelType.DEPENDS_ON, tid, theme_ids[ti - 1], line,
                           evidence=f"see {ths[ti - 1].name}")
            graph.update(b.graph)
    return graph


def parse_sizes(text: str) -> list[int]:
    """Graph sizes as the benches take them: ``10k,120k,1.2M`` is [10000, 120000, 1200000]."""
    out = []
    for part in text.split(","):
        part = part.strip().lower()
        mult = 1_000_000 if part.endswith("m") else 1_000 if part.endswith("k") else 1
        out.append(int(float(part.rstrip("mk")) * mult))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--councils", type=int, default=10)
    parser.add_argument("--plans", type=int, default=5)
    parser.add_argument("--themes", type=int, default=6)
    parser.add_argument("--actions", type=int, default=6)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    m = generate(args.out, councils=args.councils, plans=args.plans, themes=args.themes,
                 actions=args.actions, seed=args.seed)
    print(f"{len(m.plans)} plans, {m.bytes / 1e6:.2f} MB in {args.out}")


if __name__ == "__main__":
    main()
