"""The general reader: plans in no known shape, read by structure and cue words.

The small plans here are written the way councils write (each shape quoted in the test that
uses it); the development corpus (tests/dev_corpus/, other public bodies' pages with expected
items written by reading them first) measures recall across bodies and pins the floor.
"""

from __future__ import annotations

import pytest
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, RelType
from stratgraph.loaders.general import GeneralLoader
from stratgraph.loaders.read.model import Document
from stratgraph.loaders.registry import extract

from general_reading import by_label as _by_label, read_general as _read

import dev_corpus_eval


def _edges(graph: GraphData, type_: RelType) -> set[tuple[str, str]]:
    names = {n.id: n.name for n in graph.nodes.values()}
    return {(names[r.start], names[r.end]) for r in graph.relationships.values() if r.type is type_}


PRIORITIES_PAGE = """Skip to main content
Home > Your council > Council plan

# Council Plan 2024 to 2029

Northbridge City Council sets out its commitments to residents.

Our four strategic priorities are:
- Provide affordable and high-quality housing
- Grow our economy
- Communities for all
- Respond to the climate and nature crisis

For each strategic priority, we report on:
- key actions we are taking to deliver the priority
- risks that could affect us

Download the Council Plan (PDF, 2MB)
Accept all cookies
"""


def test_a_list_after_a_priorities_cue_is_outcomes_and_chrome_is_nothing() -> None:
    graph = _read(PRIORITIES_PAGE)
    outcomes = _by_label(graph, Label.OUTCOME)
    # "Our four strategic priorities are:" (line 8) introduces lines 9-12.
    assert {k: v["line"] for k, v in outcomes.items()} == {
        "Provide affordable and high-quality housing": 9, "Grow our economy": 10,
        "Communities for all": 11, "Respond to the climate and nature crisis": 12,
    }
    assert all(v["rule"] == "list-after-outcomes-cue" for v in outcomes.values())
    # "For each strategic priority, we report on:" is not a priorities cue; its items are nothing.
    assert _by_label(graph, Label.ACTION) == {}
    names = {n.name for n in graph.nodes.values()}
    assert not names & {"Skip to main content", "Accept all cookies",
                        "Download the Council Plan (PDF, 2MB)", "Key actions we are taking to deliver the priority"}
    plan = _by_label(graph, Label.PLAN)["Council Plan 2024 to 2029"]
    assert (plan["organisation"], plan["start_year"], plan["end_year"], plan["kind"]) == (
        "Northbridge City Council", 2024, 2029, "council plan")


TABLES = """# Southmere-on-Sea City Council Delivery Plan 2025/26

## Priority 1: Healthy lives

How we will measure success

Ref\tIndicator\tGood is\tBaseline\tTarget
HL1\tAdults who are physically active\tHigh\t61%\t65%
HL2\tSmoking prevalence in adults (Minimise)\tLow\t12.1%\t10%

What we will do

Ref\tActivity\tTimescale\tLead officer\tLead cabinet member
1.1\tOpen two new community health hubs\tQ3 2025/26\tDirector of Public Health\tCllr Asha Patel
1.2\tLaunch a stop smoking service for young people\tMarch 2026\tHead of Commissioning / Health and Wellbeing Board\tCllr Asha Patel

Cllr Asha Patel, Cabinet Member for Health and Adult Social Care, said the plan matters.
"""


def test_kpi_and_action_tables_give_measures_and_actions_with_deadlines_and_owners() -> None:
    graph = _read(TABLES)
    measures = _by_label(graph, Label.MEASURE)
    assert set(measures) == {"Adults who are physically active", "Smoking prevalence in adults"}
    active = measures["Adults who are physically active"]
    assert (active["indicator_code"], active["baseline"], active["target"], active["direction"],
            active["line"], active["rule"]) == ("HL1", "61%", "65%", "High", 8, "measure-table-row")
    actions = _by_label(graph, Label.ACTION)
    hubs = actions["Open two new community health hubs"]
    assert (hubs["deadline"], hubs["deadline_date"], hubs["line"], hubs["rule"]) == (
        "Q3 2025/26", "2025-12-31", 14, "action-table-row")
    assert actions["Launch a stop smoking service for young people"]["deadline_date"] == "2026-03-31"
    # The section is a numbered priority: both a theme and the outcome its rows serve.
    assert ("Open two new community health hubs", "Healthy lives") in _edges(graph, RelType.SUPPORTS)
    assert ("Healthy lives", "Adults who are physically active") in _edges(graph, RelType.MEASURED_BY)
    owns = _edges(graph, RelType.OWNS)
    assert ("Director of Public Health", "Open two new community health hubs") in owns
    assert ("Health and Wellbeing Board", "Launch a stop smoking service for young people") in owns
    assert ("Cllr Asha Patel", "Open two new community health hubs") in owns
    # A job title is an Owner (scoped to the council), never an Action or Outcome.
    owner = _by_label(graph, Label.OWNER)["Director of Public Health"]
    assert owner["scope"] == "Southmere-on-Sea City Council"
    lead = _by_label(graph, Label.CABINET_LEAD)["Cllr Asha Patel"]
    assert lead["portfolio"] == "Health and Adult Social Care"
    # Headers never become themes or nodes.
    names = {n.name for n in graph.nodes.values()}
    assert not names & {"Ref", "Indicator", "Activity", "Lead officer", "How we will measure success",
                        "What we will do"}


COMMITMENTS = """# Everyone's Westshire: our plan 2022 to 2026

## Good jobs

We will work with employers to create 2,000 apprenticeships by March 2026.

## Net zero

We will reduce the council's carbon emissions to net zero by 2030.

## How we will deliver the outcomes

The Director of Place reports to Cabinet each quarter.
"""


def test_a_section_of_commitments_is_an_outcome_and_a_how_we_will_heading_is_not_an_action() -> None:
    graph = _read(COMMITMENTS)
    actions = _by_label(graph, Label.ACTION)
    assert set(actions) == {
        "Work with employers to create 2,000 apprenticeships by March 2026",
        "Reduce the council's carbon emissions to net zero by 2030",
    }
    outcomes = _by_label(graph, Label.OUTCOME)
    assert {k: v["rule"] for k, v in outcomes.items()} == {
        "Good jobs": "section-with-commitments", "Net zero": "section-with-commitments"}
    assert ("Reduce the council's carbon emissions to net zero by 2030", "Net zero") in \
        _edges(graph, RelType.SUPPORTS)
    measures = _by_label(graph, Label.MEASURE)
    # "create 2,000 apprenticeships by March 2026" and "to net zero by 2030" set targets.
    assert {k: m["target"] for k, m in measures.items()} == {
        "Apprenticeships": "2,000", "Council's carbon emissions": "net zero"}
    assert not any("deliver the outcomes" in n.name.lower() for n in graph.nodes.values())
    assert "Director of Place" not in {n.name for n in graph.nodes.values()}


def test_a_leader_named_in_a_foreword_is_a_cabinet_lead_scoped_when_unnamed() -> None:
    text = ("# Corporate Plan 2023-27\n\nEastvale Borough Council\n\n## Foreword\n\n"
            "Councillor Maria Lopez, Leader of the Council\n\n"
            "The Leader of the Council chairs the Cabinet.\n")
    graph = _read(text)
    leads = _by_label(graph, Label.CABINET_LEAD)
    assert leads["Cllr Maria Lopez"]["role"] == "Leader of the Council"
    assert leads["the Leader of the Council"]["scope"] == "Eastvale Borough Council"


# -- the development corpus ------------------------------------------------------------------

#: Recall measured on tests/dev_corpus when this reader was last changed (see docs/general-reader.md);
#: a change that reads less fails here. (The corpus grew by eight plans the reader had not seen,
#: which lowered outcome and measure recall: see docs/general-reader.md.)
#: (2026-12-07: thirteen more unseen plans; actions 61/66 -> 89/98; three of those still missed are
#: the green measures run into one sentence on the Tower Hamlets page.)
#: (2026-12-07, tables round: eight unseen plans whose content is in action and KPI tables; the
#: untouched reader read actions 89/119 and measures 63/108 on the grown corpus, the table rules
#: 109/119 and 92/108: twelve of the measures still missed are a PDF table extracted column by
#: column, see docs/reading.md.)
FLOORS = {"outcomes": 0.9, "actions": 0.9, "measures": 0.85, "leads": 1.0, "deadlines": 0.9, "owners": 0.9,
          # (references round: strategies and partnerships scored from the expected items read
          # again for them; the untouched reader read 22/37, 3/4 and the links 20/30; the
          # references rules (tests/test_general_references.py) 29/37, 4/4, 25/30.)
          "strategies": 0.75, "partnerships": 1.0, "references": 0.8}
# Round 3 added eight plans of new kinds (tests/dev_corpus/SOURCES.md, "round 3"); the untouched
# reader read them at: outcomes 17/30, actions 17/19, measures 1/5, partnerships 1/2, Action
# precision 19/30, which pulls the whole corpus below these floors until the round's rules land.
# Round 3's rules (tests/test_general_round3.py) read the new plans at outcomes 25/30, actions
# 17/19, measures 5/5 (corpus 180/193, 126/138, 98/113); partnerships and references stay where
# the new plans put them (a partnership named only as the page's author; unread plan names).
FLOORS.update({"outcomes": 0.92, "partnerships": 0.83, "references": 0.77})
# Round 4 added nine plans of new kinds (SOURCES.md, "round 4"): the untouched reader read them at
# outcomes 5/27, actions 9/20, measures 0/4, strategies 3/5 (corpus 185/220, 135/158, 98/117,
# 33/45; precision Outcome 191/199, Action 143/157, Strategy 38/47). Round 4's rules
# (tests/test_general_round4.py) read them at 27/27, 20/20, 4/4, 5/5 (corpus 207/220, 146/158,
# 102/117, 35/45; precision 213/214, 154/162, 41/44), no earlier plan's row changed.
# Three more round-4 plans (a culture strategy, a local transport plan's goals, an economic
# strategy's interventions; untouched reader outcomes 6/9, actions 5/10, strategies 0/1) read at
# 9/9, 10/10, 0/1: the transport page names its plan only in a file name the reader takes for
# the title, so its "Local Transport Plan" reads as the plan naming itself (corpus strategies
# 35/46, references 30/39).
FLOORS.update({"outcomes": 0.93, "strategies": 0.75, "references": 0.76})
# Round 5 (tests/test_general_round5.py; four new plans, 70 in all): a title taken from a file
# name no longer makes a longer plan named in the text the document itself (Telford's Local
# Transport Plan, Belfast's Labour Market Partnership): strategies 38/48, partnerships 7/7,
# references 34/41.
FLOORS.update({"strategies": 0.78, "partnerships": 1.0, "references": 0.8})
# Round 6 (tests/test_general_round6.py; fifteen new plans of the kinds read worst, 85 in all): the
# untouched reader read the new plans at outcomes 42/97, actions 7/15, strategies 5/8; the round's
# rules at 96/97, 15/15, 6/8 (corpus outcomes 317/331, actions 172/184, strategies 44/56,
# references 40/49); the 70 earlier plans read exactly as before.
FLOORS.update({"outcomes": 0.95})
# References round 2 (tests/test_general_refs2.py; twelve new plans rich in leads, strategies and
# partnerships, 97 in all): the untouched reader read them at leads 3/13, strategies 12/17,
# partnerships 7/14, references 8/10; the round's rules at 13/13, 14/17, 11/14, 10/10 (corpus
# leads 22/22, strategies 58/73, partnerships 19/21, references 50/59). The new plans put three
# floors where they read, none from a reading that got worse (every earlier plan reads as
# before): outcomes 324/342 (Epping Forest's objectives read as actions, a bracket kept in a
# Brighton priority), deadlines 44/51 (a period in a list's lead-in, "areas of focus for
# 2025/26", not given to the items under it; a three-sentence bullet not read), partnerships
# 19/21 (the Multi-Agency Risk Assessment Conference ends in no keyword; a plural set of bodies).
FLOORS.update({"outcomes": 0.94, "deadlines": 0.86, "partnerships": 0.9, "strategies": 0.79, "references": 0.84})
# Round 7 and references round 2 merged (111 plans; Epping Forest's page left out of the dev corpus,
# the held-out corpus has it): strategies 59/75, references 51/61, the two rounds' new plans
# together (round 7's read strategies 3/4 and its references as they stood).
FLOORS.update({"strategies": 0.78, "references": 0.83})
# Round 8 (tests/test_general_round8.py; sixteen new plans of kinds the corpus lacked, 127 in
# all): the untouched reader read them at outcomes 26/45, actions 8/13, measures 4/29; the round's
# rules at 38/45, 12/13, 29/29 (corpus outcomes 417/439, actions 191/204, measures 147/162). The
# new plans put two floors where they read, none from a reading that got worse (every earlier plan
# reads as before or better, node by node): strategies 64/86 (the new plans name documents the
# reader does not read, references.py) and Strategy precision 80/94 (their own plans named).
FLOORS.update({"strategies": 0.74})
# References round 3 (tests/test_general_refs3.py; eleven new plans naming plans without a
# strategy word, 122 in all): the untouched reader read them at leads 2/5, strategies 16/22,
# partnerships 3/5, references 12/16; the round's rules at 4/5, 19/22, 3/5, 15/16 (corpus leads
# 26/27, strategies 84/97, partnerships 22/26, references 68/77, deadlines 48/51). Two floors sit
# where the new plans put them (a lead and two strategies in a report cover's table of labelled
# cells, which no name rule reads; a joint committee called a Cabinet and an ICS named by its
# initials as partnerships); three rise with the round's rules.
FLOORS.update({"leads": 0.96, "partnerships": 0.84, "strategies": 0.86, "references": 0.88, "deadlines": 0.94})
# Both rounds merged (138 plans): strategies 89/108, the round-8 plans' documents still unread.
FLOORS.update({"strategies": 0.82})
# Measures round 9 (tests/test_general_meas9.py; thirteen new plans, 151 in all): batch A (seven
# plans the rules were written from) read at first at measures 13/71, outcomes 0/6; the round's
# rules at 70/71, 5/6. Batch B (six plans kept blind) read at measures 3/36 before the rules and
# 3/36 after: the blind plans put the measures and partnerships floors where they read (corpus
# measures 220/269, partnerships 23/28, Strategy precision 113/119: pages' own titles and unnamed
# plans read as strategies, references.py); every earlier plan reads as before, node by node.
FLOORS.update({"measures": 0.81, "partnerships": 0.82})
# Reading round acts9 (tests/test_general_acts9.py; thirteen new plans, 151 in all: batch A of seven
# to write rules from, batch B of six kept blind): the untouched reader read batch A at outcomes
# 3/22, actions 15/24, Action precision 20/26; the round's rules at 16/22, 23/24, 23/24. Batch B
# read the same before and after (outcomes 13/19, actions 14/17, Action precision 16/27). Two
# floors sit where the new plans put them, none from a reading that got worse (every earlier plan
# reads as before, node by node): outcomes 447/480 (B's improvement objectives read as actions,
# an ambition named with its subtitle) and references 74/86 (documents the new plans name).
FLOORS.update({"outcomes": 0.93, "references": 0.86})
# Both round-9 merges (164 plans): outcomes 452/489, Strategy precision 121/129.
FLOORS.update({"outcomes": 0.92})
# Round 9 (tests/test_general_bodies9.py; thirteen plans of other kinds of public body, 151 in
# all: batch A, seven plans the rules were written from; batch B, six kept blind). The untouched
# reader read A at outcomes 0/6, actions 1/14, leads 1/3, partnerships 4/8 and B at outcomes 0/6,
# leads 0/1, strategies 3/5, partnerships 1/5, references 3/5; the rules read A at 6/6, 14/14,
# 3/3, 6/8 and B unchanged. Two floors sit where the blind plans put them (partnerships named by
# a group or system word no rule reads, the strategies they name whole), none from a plan that
# read less: no earlier plan lost an expected item or gained a wrong node.
FLOORS.update({"partnerships": 0.74, "references": 0.87})
# Then batch C (five more plans, kept blind until scored): the untouched reader and the A rules
# alike read it at outcomes 10/10, leads 0/2, strategies 1/3. Rules written after B and C were
# scored (B and C no longer blind) read B at outcomes 5/6, strategies 4/5, partnerships 2/5 and C
# at leads 2/2, strategies 3/3; the corpus (156 plans) at partnerships 31/40, references 82/92.
FLOORS.update({"partnerships": 0.77, "references": 0.89})
# The three round-9 merges (177 plans; Lisburn's page read by two rounds kept once): partnerships
# 33/43, references 85/98, Strategy precision 137/149 (page titles and unnamed plans on the
# measures and actions rounds' plans read as strategies: references.py, not changed by them).
FLOORS.update({"partnerships": 0.76, "references": 0.86})
# Measures round measword (tests/test_general_measword.py; six new plans, 170 in all): a line is a
# measure by its own shape, under any heading. Corpus measures 252/313 -> 287/314 (round 9's blind
# B: 3/36 -> 33/36); batch C (five plans kept blind) 26/36 -> 28/36. The floor goes back to 0.85.
FLOORS.update({"measures": 0.85})
# Reading round actprec (tests/test_general_actprec.py): batch C, six plans kept blind (170 in all),
# read at first at outcomes 7/20, actions 0/2; the round's decisions (a lead-in counting the
# priorities over as many items, the future perfect as a result, any words before a numbered
# priority noun as its label, a page's top line over commitments that serve nothing) read the
# corpus at outcomes 468/509, Action precision 242/256 (from 452/489 on the 164 earlier plans,
# 458/489 now; no earlier plan lost an item or gained a wrong node). The blind plans put the
# outcomes floor where they read: 0.91.
# Batch C's Strategy references (three plans a page names) read 2/3: references 76/89.
FLOORS.update({"outcomes": 0.91, "references": 0.85})
#: Precision floor per judged label (strategies, partnerships and leads judged since the
#: references round; the untouched reader: 25/29, 4/8, 8/8, and the rules 32/33, 5/7, 7/7).
PRECISION_FLOORS = {"Outcome": 0.9, "Action": 0.9, "Measure": 0.9, "Strategy": 0.9, "Partnership": 0.7,
                    "CabinetLead": 0.9}
PRECISION_FLOORS.update({"Strategy": 0.85})  # round 8's new plans (see FLOORS above)
# Strategy precision (tests/test_general_precision.py): the plan's own document named again, a
# committee's remit, a budget line and a standards board set aside: Strategy 109/124 -> 110/112,
# Partnership 28/29 -> 28/28 (strategies recall 90/108 -> 91/108; no plan's row fell).
PRECISION_FLOORS.update({"Strategy": 0.95, "Partnership": 0.95})
PRECISION_FLOORS.update({"Strategy": 0.94})  # measures round 9's new plans (see FLOORS above)
PRECISION_FLOORS.update({"Strategy": 0.93})  # both round-9 merges (see FLOORS above)
PRECISION_FLOORS.update({"Strategy": 0.91})  # the three round-9 merges (see FLOORS above)
# Round struct10: comments on indicators in minutes are no measures, coded indicator lines are
# measures (measures 287/314 -> 295/314, precision Measure 289/306 -> 297/306 on the plans before
# its batch C); floors a little under, for plans merged beside it.
FLOORS.update({"measures": 0.9})
PRECISION_FLOORS.update({"Measure": 0.95})
# Reading round 11, links (tests/test_general_links11.py; six blind plans of other public bodies,
# 204 in all): the round's decisions read partnerships 36/46 -> 39/46 and Strategy precision
# 145/163 -> 145/158 with no earlier plan losing an item; the blind batch C's first read (kept as
# it reads, not trained on) makes two member bodies of a national park's plan partnership
# (Northumberland: 'the Management Plan Partnership, comprising: ...'), so Partnership precision
# reads 47/50: its floor goes to 0.93, under it for plans merged beside it.
PRECISION_FLOORS.update({"Partnership": 0.93})
# Reading round 11, measures (tests/test_general_rdmeas.py): batch C, six pages of London and
# metropolitan boroughs and the GLA kept blind (204 plans in all), read at first at measures 5/34,
# leads 0/1, strategies 2/4; after the round's decisions (indicators named in passing, lines about
# the indicators as a set, a commitment's count whatever rule read it) at measures 13/34, the
# rest the same. The 198 plans before it read at measures 299/314 (from 295/314), precision
# Measure 303/309 (from 297/306). The blind plans put three floors where they read, none from a
# reading that got worse: measures 312/348 (a KPI table's labels glued to its cells, KPIs
# numbered inline in one paragraph, indicators named in minutes' sentences with no word of
# performance), leads 32/34 (a cabinet member introducing a report in minutes) and Strategy
# precision 146/162 (a programme and a fund named inside the GLA's KPIs).
FLOORS.update({"measures": 0.89, "leads": 0.94})
# Reading round 11 (tests/test_general_round11.py): batch C, five plans of county, Scottish,
# Welsh and Northern Irish councils kept blind (203 in all), read first at outcomes 25/50 and
# after the round at 26/50. Its Welsh page names its public services board by name and by kind
# ("One Newport, the city's Public Services Board"): the reader reads the kind, so the blind plan
# puts the partnerships floor where the corpus reads, 33/44 (no earlier plan's reading fell).
FLOORS.update({"partnerships": 0.75})
# Merged (links, measures and outcomes rounds 11; 209 plans): partnerships read 39/47, so the
# floor sits at 0.82; the three blind batches C (17 plans, first reads kept as they read) bring
# outcomes to 543/598 (0.908), so its floor goes to 0.9 (no earlier plan lost an outcome).
FLOORS.update({"partnerships": 0.82, "outcomes": 0.9})
# The same batch's Northern Irish page names its own Corporate Plan beside the Community Plan it
# keeps its vision from: the reader reads both as strategies (Strategy 144/158 -> 147/162, as
# main's reader reads them; the round's changes made no Strategy node).
PRECISION_FLOORS.update({"Strategy": 0.9})
# Reading round 11, rdempty (tests/test_general_rdempty11.py; six blind town, parish and
# annual-plan pages, 204+6 plans): pages that read empty are read by their structure (a sole list
# framed as the plan's aims, aims named after a colon): outcomes 508/560 -> 520/560, actions
# 245/283 -> 249/283 with no earlier plan losing an item. The blind batch C is kept as it reads,
# not trained on: a parish council's five objectives stated 'To ...' read as outcomes where a
# planner reads the council's work (Seaton Ross, 0/5 actions), two actions named in passing in
# minutes (Epsom and Ewell) and two village/community plans named by kind unread, so actions
# read 249/283 = 0.88 and references 89/106 = 0.84: floors 0.87 and 0.83, under them for plans
# merged beside it.
FLOORS.update({"actions": 0.87, "references": 0.83})
# Merged (four round-11 branches, 210 plans): Strategy precision reads 152/169 (0.899), the
# blind batches' own plans named by kind or law among them (judged, kept as read): floor 0.89.
PRECISION_FLOORS.update({"Strategy": 0.89})
# Round 11 (rdact): its blind batch C of five district councils' plans brings four wrong
# strategies (a page's own plan and section, a programme named by its kind, "the right planning
# framework"), judged after its last score, no rule written from them: Strategy 144/158 ->
# 147/165 (0.89); the floor a little under, for plans merged beside it.
PRECISION_FLOORS.update({"Strategy": 0.88})
# Reading round 11, wrong nodes by cause (tests/test_general_rdprec.py): batch C of rdprec, six
# blind pages (216 plans in all), kept as it reads; its Huntingdonshire decision names the
# 'Council’s Climate Strategy' it adopts (line 3), which the reader does not make, so references
# read 89/105: the floor goes to 0.84, under it. The round's decisions
# lost no expected item anywhere.
FLOORS.update({"references": 0.84})
# Merged (six round-11 reading branches, 223 plans): references read 92/110 (0.836): 0.83. One
# action is lost at the merge, judged so: rdprec's "a will-sentence whose object points back"
# ("We'll do this by listening ...", judged no action in struct10's batch C) also drops Castle
# Point's "We will do this by setting the right planning framework in place", which rdact's
# blind batch C expects (the corpus's readers disagree on the shape; the rule removes four wrong
# actions elsewhere).
FLOORS.update({"references": 0.83})


@pytest.fixture(scope="module")
def corpus_totals() -> dict[str, tuple[int, int]]:
    return dev_corpus_eval.totals()


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_development_corpus_recall_does_not_fall(category: str, corpus_totals) -> None:
    found, expected = corpus_totals[category]
    assert expected > 0
    assert found / expected >= FLOORS[category]


def test_development_corpus_precision_by_judged_reading() -> None:
    counts, unjudged = dev_corpus_eval.precision()
    # A node no expected item or judgement covers must be read and judged (judgements.toml).
    assert unjudged == []
    for label, (right, made) in counts.items():
        assert made > 0
        assert right / made >= PRECISION_FLOORS[label], label


#: not_nodes the reader still makes (each a known gap, listed in docs/general-reader.md).
KNOWN_GAPS = {
    "Work to deliver access to flexible full-tim",       # a truncated last bullet of its page
    "Deliver a continued programme of investment",       # the same: the page copy is cut off
    "Joy Allen & Jo Farrell Police & Crime Plan Launch",
    "Delivery Plan",
    "Relevant FY",     # a column header of a table the page copy flattened to one cell a line
    "Progress Offer by PCC to le",  # a cell of that table the copy cuts off mid-word
    "Major training events/exerc",  # the last row of a KPI table the page copy cuts off mid-word
    # a one-service page's caption over its KPI table, read as a Theme the measures sit in:
    # captions over KPI tables in multi-service reports do group measures, so no rule yet
    "Waste and recycling performance measures",
    # the next page's link at the foot of a page whose objectives are "Name – description"
    # lines of the same shape: nothing on the line tells them apart
    "Housing - helping to deliver more of the right homes",
    # references round 2, written before the reader ran, still made (outside the round's kinds):
    # cabinet resolutions in minutes read as the plan's actions, and a decision's metadata line
    # as a theme (statements and cues); a portfolio's service area as a policy document
    "Agree the Council Plan 2024-2028 including its actions and measures and recommends its approval to Council.",
    "Is subject to call in?: No",
    "Planning Policy",
    # measures round 9's blind batch B, judged after its last score (judgements.toml): a KPI
    # table's column header, an indicator's polarity line, a section heading over actions
    "Best 25% of all English Councils",
    "Bigger values are best",
    "How will we get there",
    "Ref No",  # the same table's first column header, read as a theme over the rows
    # measword's blind batch C, judged after its last score: the minutes' label over counts of
    # indicators, read as a heading (no rule written from a blind plan)
    "Status Summary",
    # Batch C of round actprec (kept blind): Tunbridge Wells CSP's heading "Our priorties", spelt
    # so on the page, is no cue the reader knows and reads as a theme over the priorities.
    "Our priorties",
    # Batch C of round 11 (rdmeas, kept blind): Haringey's agenda item title over its minutes,
    # read as a theme (no rule written from a blind plan)
    "Performance update - Q2",
    # Batch C of round 11 (kept blind): a Welsh consultation page's heading over its objectives
    # read as their theme (the consultation, not a theme of the plan), and North Yorkshire's line
    # saying what achieving its economy ambition takes, read as one of the ambitions it follows.
    "Local Well-being Plan consultation",
    "Well-being Plan",  # the page's title, held in that theme's name
    "Critical to achieving this ambition is delivering the right housing and transport infrastructure, alongside high speed broadband and mobile phone connectivity, whilst protecting the outstanding environment and heritage.",
    # Batch C of round 11 (rdact), kept blind: Stevenage's heading about the plan itself, a
    # sentence on how its themes are grouped and the two group headings over them, read as
    # themes and outcomes (no rule written from a blind plan)
    "Our five year plan",
    "The nine themes can be broken into two groups.",
    "What we’re doing to achieve our ambitions",
    "Internal changes to deliver our promises",
}


def _is(bad: str, name: str) -> bool:
    """The node is the not-node: the same words, or a longer name holding all of them."""
    a, b = dev_corpus_eval.norm(bad), dev_corpus_eval.norm(name)
    return a == b or (len(a.split()) >= 3 and a in b)


@pytest.mark.parametrize("path", dev_corpus_eval.documents(), ids=lambda p: p.stem[:40])
def test_development_corpus_not_nodes_stay_out(path) -> None:
    expected = dev_corpus_eval.expected_of(path)
    graph = dev_corpus_eval.extract(path).graph
    made = [(bad, n.label.value, n.name) for bad in expected.get("not_nodes", [])
            if bad not in KNOWN_GAPS
            for n in graph.nodes.values()
            if n.label is not Label.PLAN and n.label is not Label.ORGANISATION
            and _is(bad, n.name)]
    assert made == []


# -- every loader: the Leader who signs the foreword ---------------------------------------------


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "line", "lead", "role"), [
    # line 10: "Leader's Introduction"
    ("leicestershire-county-strategic-plan-2014-18.txt", 10, "the Leader", "Leader"),
    # line 12: "## Foreword by Nick Rushton, Leader of Leicestershire County Council"
    ("leicestershire-county-strategic-plan-2018-22.txt", 12, "Nick Rushton",
     "Leader of Leicestershire County Council"),
])
def test_the_county_plans_leader_who_signs_the_foreword_leads_the_plan(name, line, lead, role) -> None:
    from conftest import corpus_file

    extraction = extract(Document.from_path(corpus_file(name)))
    graph = extraction.graph
    leads = {n.name: n for n in graph.nodes.values() if n.label is Label.CABINET_LEAD}
    assert leads[lead].provenance.line == line
    assert leads[lead].properties["role"] == role
    if lead.startswith("the "):
        assert leads[lead].properties["scope"] == "Leicestershire County Council"
    owns = [r for r in graph.relationships.values()
            if r.type is RelType.OWNS and r.start == leads[lead].id and r.end == extraction.plan_id]
    assert [(r.method.value, r.properties["rule"]) for r in owns] == [("inferred", "leader-signs-foreword")]


def test_common_names_are_scoped_to_their_council_never_merged(tmp_path) -> None:
    from stratgraph.api import extract_documents

    for name, council in (("a.md", "Northbridge City Council"), ("b.md", "Eastvale Borough Council")):
        (tmp_path / name).write_text(
            f"# Council Plan 2024-28\n\n{council}\n\n## Homes\n\n"
            "We will review the Local Plan and the Corporate Plan with the Health and Wellbeing Board.\n\n"
            "The Leader of the Council chairs the Cabinet.\n", encoding="utf-8")
    graph = extract_documents([tmp_path]).graph
    shared = sorted((n.label.value, n.name, n.properties.get("scope")) for n in graph.nodes.values()
                    if n.label in (Label.STRATEGY, Label.PARTNERSHIP, Label.CABINET_LEAD))
    assert shared == sorted(
        (label, name, council)
        for label, name in (("Strategy", "Local Plan"), ("Strategy", "Corporate Plan"),
                            ("Partnership", "Health and Wellbeing Board"),
                            ("CabinetLead", "the Leader of the Council"))
        for council in ("Northbridge City Council", "Eastvale Borough Council"))


def test_well_being_objectives_with_steps_measures_and_a_priority_table() -> None:
    from pathlib import Path

    path = Path(__file__).parent / "plans" / "glanmor-well-being-objectives-2023-28.md"
    graph = extract(Document.from_path(path)).graph
    outcomes = _by_label(graph, Label.OUTCOME)
    # line 5: "## Well-being Objective 1: Give every child the best start in life"
    assert outcomes["Give every child the best start in life"]["rule"] == "numbered-outcome-heading"
    # line 23-25: "| Priority | What we will do | How we will measure it |"
    assert outcomes["Net zero council"]["rule"] == "action-table-outcome-column"
    supports = _edges(graph, RelType.SUPPORTS)
    assert ("Net zero council", "Tackle the climate and nature emergency") in supports
    # "Steps we will take:" (line 11) over lines 13-14
    assert ("Build two new Welsh-medium primary schools by 2027",
            "Give every child the best start in life") in supports
    assert _by_label(graph, Label.ACTION)["Plant 50,000 trees by 2030"]["deadline"] == "2030"
    measured = _edges(graph, RelType.MEASURED_BY)
    assert ("Give every child the best start in life", "Number of childcare places") in measured
    assert ("Net zero council", "Tonnes of CO2 emitted by council operations") in measured
    plan = _by_label(graph, Label.PLAN)["Corporate Plan 2023-28: Well-being Objectives"]
    assert (plan["organisation"], plan["start_year"], plan["end_year"]) == ("Glanmor County Council", 2023, 2028)
    lead = _by_label(graph, Label.CABINET_LEAD)["Cllr Rhian Evans"]
    assert lead["portfolio"] == "Climate Change"


@pytest.mark.parametrize(("text", "organisation", "period"), [
    ("# Corporate Plan 2024/25\n\nSouthend-on-Sea City Council\n", "Southend-on-Sea City Council", (2024, 2025)),
    ("# Joint Forward Plan 2023 to 2028\n\nNHS Kent and Medway Integrated Care Board\n\n"
     "We work with Kent County Council on care.\n", "NHS Kent and Medway Integrated Care Board", (2023, 2028)),
    ("# Police and Crime Plan 2021-24\n\nPolice and Crime Commissioner for Durham\n",
     "Police and Crime Commissioner for Durham", (2021, 2024)),
    ("# Corporate Plan 2021-22\n\nWest Yorkshire Combined Authority\n\n"
     "As Mayor of West Yorkshire and Chair of the Combined Authority, I welcome it.\n",
     "West Yorkshire Combined Authority", (2021, 2022)),
    ("# Council Plan 2024\n\nRoyal Borough of Windsor and Maidenhead\n", "Royal Borough of Windsor and Maidenhead",
     (2024, None)),
])
def test_the_publisher_is_named_in_full_and_the_period_as_written(text, organisation, period) -> None:
    graph = _read(text)
    plan = next(n for n in graph.nodes.values() if n.label is Label.PLAN)
    assert plan.properties["organisation"] == organisation
    assert (plan.properties.get("start_year"), plan.properties.get("end_year")) == period


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "floors"), [
    # (outcomes, actions, measures) the general reader finds with the same names as the plan's
    # own shape loader: measured when the rules were written, pinned so none is lost.
    ("leicester-city-delivery-plan-2013-14.txt", (90, 170, 90)),
    ("leicestershire-county-strategic-plan-2018-22.txt", (30, 0, 200)),
    ("leicestershire-county-strategic-plan-2014-18.txt", (50, 10, 80)),
])
def test_the_general_reader_reads_known_shapes_nearly_as_their_own_loaders(name, floors) -> None:
    # A check that the rules are general: never written for these plans, they still find most
    # of what the specialised loaders find in them.
    from conftest import corpus_file

    doc = Document.from_path(corpus_file(name))
    shape, general = extract(doc).graph, extract(doc, "general").graph

    def names(graph: GraphData, label: Label) -> set[str]:
        return {n.name.lower() for n in graph.nodes.values() if n.label is label}

    common = tuple(len(names(shape, label) & names(general, label))
                   for label in (Label.OUTCOME, Label.ACTION, Label.MEASURE))
    assert all(found >= floor for found, floor in zip(common, floors)), common


# -- plans read for the first time on 2026-12-07 (tests/dev_corpus, six new pages) ------------

FIRE_MINUTES = """Agenda item

Community Risk Management Plan 2025-28

Report of the Chief Fire Officer

Minutes:

The Assistant Chief Fire Officer presented the report and highlighted the following points:

(a)  A CRMP is a high-level business plan, designed specifically for a public audience.

(b)  The CRMP 2022-25 was built around six strategic goals. These are:

·  We will help people stay safe from fires and other emergencies;

·  We will respond immediately and effectively to emergency incidents;
"""


def test_goals_counted_in_a_lettered_point_are_outcomes_though_they_say_we_will() -> None:
    # Nottinghamshire fire authority minutes, lines 33-41: the cue sits in an officer's
    # lettered point and names the goals in the sentence before a bare "These are:".
    graph = _read(FIRE_MINUTES)
    outcomes = _by_label(graph, Label.OUTCOME)
    assert {k: (v["line"], v["rule"]) for k, v in outcomes.items()} == {
        "We will help people stay safe from fires and other emergencies": (15, "list-after-outcomes-cue"),
        "We will respond immediately and effectively to emergency incidents": (17, "list-after-outcomes-cue"),
    }
    assert _by_label(graph, Label.ACTION) == {}
    # "Report of the Chief Fire Officer" says who wrote the report: not a theme of the plan.
    assert "Report of the Chief Fire Officer" not in _by_label(graph, Label.THEME)


DECISION = """Issue - decisions

Council Plan 2024-2028

(1)   The approval of the Council Plan (Appendix A) with the four new Council Priorities as outlined below:

· Thriving Communities

· Accessible Services

(2)   That authority be delegated to the Managing Director to approve any minor amendments.
"""


def test_priorities_as_outlined_below_in_a_decision_record() -> None:
    # North Hertfordshire's decision on its Council Plan 2024-2028, lines 9-13.
    outcomes = _by_label(_read(DECISION), Label.OUTCOME)
    assert {k: v["line"] for k, v in outcomes.items()} == {"Thriving Communities": 7, "Accessible Services": 9}


THEMED = """Our Corporate Plan

Our priorities for the District over the next four years

The next four years will see a focus on:

Our People, where we will focus on:

  • Health & Wellbeing
  • Skills

Our Place, which involves priorities such as:

  • Economic Growth
  • Enhanced Environment
"""


def test_a_themed_lead_in_names_a_theme_whose_list_is_its_priorities() -> None:
    # West Lindsey's corporate plan page, lines 7-30: "Name, which/where ...:" under a
    # priorities heading; the lead-in line ending in a colon is itself no outcome.
    graph = _read(THEMED)
    outcomes = {k for k in _by_label(graph, Label.OUTCOME)}
    assert outcomes == {"Health & Wellbeing", "Skills", "Economic Growth", "Enhanced Environment"}
    assert {(a, b) for a, b in _edges(graph, RelType.PART_OF) if a in outcomes} == {
        ("Health & Wellbeing", "Our People"), ("Skills", "Our People"),
        ("Economic Growth", "Our Place"), ("Enhanced Environment", "Our Place")}
    assert set(_by_label(graph, Label.THEME)) == {"Our People", "Our Place"}


MATRIX = """Corporate Strategy 2022-2027

7 National Well-Being Goals

Well-being Objectives Prosperity Resilience Healthier More Equal Cohesive Communities
Enabling our residents to live and age well (Live & Age Well)
Enabling our communities and environment to be healthy, safe and prosperous (Prosperous communities)
4. To further modernise and develop as a resilient and efficient Council (Our Council)

We welcome our duties under the Well-being of Future Generations Act. We can do more.
"""


def test_a_flattened_matrix_of_objectives_against_goals_gives_its_first_column() -> None:
    # Carmarthenshire's corporate strategy appendix, lines 20-24: the matrix's header on one
    # line, then one row a line with only its first cell (the ticks were images).
    outcomes = _by_label(_read(MATRIX), Label.OUTCOME)
    assert {k: (v["line"], v["rule"]) for k, v in outcomes.items()} == {
        "Enabling our residents to live and age well (Live & Age Well)": (6, "outcome-matrix-row"),
        "Enabling our communities and environment to be healthy, safe and prosperous (Prosperous communities)":
            (7, "outcome-matrix-row"),
        "To further modernise and develop as a resilient and efficient Council (Our Council)": (8, "outcome-matrix-row"),
    }


MEANS = """Strategic Plan 2022-26

The Strategic Plan sets out what will be delivered between 2022 and 2026. It sets out the key actions we will take over the next 4 years.

Our priorities

The Strategic Plan is made up of eight priorities.

1. Tackling the cost-of-living crisis

with measures including freezing council tax for four years, and additional financial support for residents.

2. Boosting culture, business, jobs, and leisure

With measures including supporting small businesses, start-ups, and markets; creating jobs and training opportunities; and one hour free parking at our markets.

3. A council that listens and works for everyone
"""


def test_a_priority_described_by_how_gives_its_actions_and_a_count_is_no_priority() -> None:
    # Tower Hamlets' strategic plan page, lines 9-23 (and South Gloucestershire's "It sets out
    # the key actions we will take over the next 4 years", line 1).
    graph = _read(MEANS)
    assert set(_by_label(graph, Label.OUTCOME)) == {
        "Tackling the cost-of-living crisis", "Boosting culture, business, jobs, and leisure",
        "A council that listens and works for everyone"}
    actions = _by_label(graph, Label.ACTION)
    assert {k: (v["line"], v["rule"]) for k, v in actions.items()} == {
        "Freezing council tax for four years": (11, "means-under-priority"),
        "Additional financial support for residents": (11, "means-under-priority"),
        "Supporting small businesses, start-ups, and markets": (15, "means-under-priority"),
        "Creating jobs and training opportunities": (15, "means-under-priority"),
        "One hour free parking at our markets": (15, "means-under-priority"),
    }
    assert ("Freezing council tax for four years", "Tackling the cost-of-living crisis") in _edges(graph, RelType.SUPPORTS)


THEMES_WITH_A_CLAUSE = """Our Council Plan

The Plan sets out what we aim to achieve by 2028 and beyond.
To achieve our vision for the district, we have outlined three supporting themes against which medium term priorities and progress can be identified:
- A Thriving Local Economy
- Live Well Locally
We’ll report progress on the Council Plan in a report to the Overview and Scrutiny Committee in September each year.
"""


def test_counted_themes_with_a_clause_before_the_colon_and_a_curly_well() -> None:
    # Rother's council plan page, lines 2-7.
    graph = _read(THEMES_WITH_A_CLAUSE)
    assert set(_by_label(graph, Label.OUTCOME)) == {"A Thriving Local Economy", "Live Well Locally"}
    assert set(_by_label(graph, Label.ACTION)) == {
        "Report progress on the Council Plan in a report to the Overview and Scrutiny Committee in September each year"}


PURPOSES = """Corporate plan

It sets a direction for the next five years to:

  • make the most of the new opportunities we now have
  •  tackle the challenges we face

Key themes

The plan is structured around four key themes:

  1. Our services for you
  2. Independent, achieving people
"""


def test_a_lead_in_about_the_document_is_no_outcome_and_its_purposes_no_actions() -> None:
    # Scottish Borders' corporate plan page, lines 5-23.
    graph = _read(PURPOSES)
    assert set(_by_label(graph, Label.OUTCOME)) == {"Our services for you", "Independent, achieving people"}
    assert _by_label(graph, Label.ACTION) == {}


INDICATOR_PAGE = """# Strategic Plan 2017-2022

These data factfiles explain each performance indicator in our Strategic Plan. They can also be accessed from our performance wheels

Priority One

New start businesses given advice and assistance to start up

Employment Rate

Priority Two

Child Poverty
"""


def test_a_page_that_says_it_lists_the_indicators_gives_one_measure_a_line() -> None:
    # West Dunbartonshire's indicator factfiles page, lines 1-23: "Priority One" groups the
    # indicators under it; it is not an outcome the next line names.
    graph = _read(INDICATOR_PAGE)
    assert _by_label(graph, Label.OUTCOME) == {}
    measures = _by_label(graph, Label.MEASURE)
    assert {k: v["line"] for k, v in measures.items()} == {
        "New start businesses given advice and assistance to start up": 7, "Employment Rate": 9,
        "Child Poverty": 13}


MEANING_PAGE = """Council priorities

We have three top priorities for the borough which are:

  • Genuinely affordable housing.
    This means working with landlords to improve renting in the borough, as well as continuing our house building and estate regeneration programmes. In addition we want sustainable transport on our roads – that involves encouraging cycling and walking.
  • A healthy and great place
    Working with residents to build strong, fair communities. That includes keeping people physically active, well and independent; helping those who need care to live better lives; and encouraging sport and leisure.

The cabinet will help drive forward the priorities.
"""


def test_what_a_priority_means_gives_its_actions() -> None:
    # Ealing's council priorities page, lines 5-12: each bullet's indented description says
    # what it means; a description that only starts with a gerund stays a description.
    graph = _read(MEANING_PAGE)
    actions = _by_label(graph, Label.ACTION)
    assert {k: (v["line"], v["rule"]) for k, v in actions.items()} == {
        "Working with landlords to improve renting in the borough": (6, "meaning-under-priority"),
        "Continuing our house building and estate regeneration programmes": (6, "meaning-under-priority"),
        "Encouraging cycling and walking": (6, "meaning-under-priority"),
        "Keeping people physically active, well and independent": (8, "meaning-under-priority"),
        "Helping those who need care to live better lives": (8, "meaning-under-priority"),
        "Encouraging sport and leisure": (8, "meaning-under-priority"),
    }
    assert ("Encouraging sport and leisure", "A healthy and great place") in _edges(graph, RelType.SUPPORTS)
