"""The general reader on which "we will" sentences commit to something (reading round struct10).

The round changes how a sentence is read by its grammar, not by the phrases it holds: each
test quotes lines of public plans of different bodies (tests/dev_corpus/SOURCES.md names
them), so the decision it pins holds in any council's English.
"""

from __future__ import annotations

import pytest

from stratgraph.graph.model import Label
from stratgraph.loaders.general.page_top import top_line_outcome
from stratgraph.loaders.general.statements import commitment

from general_reading import by_label, read_general

# "Plan to" is a verb only after a plural subject ("we plan to"); after a body named in the
# singular the verb is "plans to", so "the Council Plan to ..." names the council's plan.
COUNCIL_PLAN_NAMED = [
    # East Devon District Council, cabinet on the Council Plan 2024-28
    # (tests/dev_corpus/east-devon-council-plan-2024-28-cabinet.md, line 25: the reason for the decision)
    "To progress the Council Plan to the final stage of agreement and provide clarity as to the "
    "ongoing monitoring of the actions from the plan.",
    # Yateley Town Council, Town Council Plan 2020
    # (tests/dev_corpus/yateley-town-council-plan-2020-strategic-priorities.md, line 4)
    "In November 2020, the Town Council finalised its strategic Town Council Plan to focus the activities "
    "that the Council aims to implement or start by 2024.",
    # Flintshire County Council, cabinet on the Council Plan 2023-28
    # (tests/dev_corpus/flintshire-council-plan-2023-28-development-cabinet.md, line 13)
    "(2)       That the Chief Executive be given authority, in consultation with the Leader of the Council "
    "and Cabinet Member for Education, Welsh Language, Culture and Leisure, to amend the Council Plan to "
    "reflect comments from the Overview and Scrutiny Committees.",
]


@pytest.mark.parametrize("line", COUNCIL_PLAN_NAMED)
def test_the_council_plan_to_is_a_plan_named_not_a_council_planning(line: str) -> None:
    assert commitment(line) is None


def test_a_singular_body_plans_to_and_we_plan_to_still_commit() -> None:
    assert commitment("The council plans to build 500 homes by 2026.") == "Build 500 homes by 2026"
    assert commitment("We plan to open two community hubs.") == "Open two community hubs"
    # Cheshire PCC, partnership working (tests/dev_corpus/cheshire-pcc-partnership-working.md, line 5)
    assert commitment("The Commissioner will seek to collaborate at local, regional and national levels to "
                      "build capacity and capability as well as well as efficiency.") is not None


def test_east_devon_reason_for_decision_makes_no_action() -> None:
    # East Devon District Council, cabinet minute on the Council Plan 2024-2028
    # (tests/dev_corpus/east-devon-council-plan-2024-28-cabinet.md, lines 17-25, line 21 left out)
    graph = read_general("""Council Plan 2024-2028

RESOLVED: that Cabinet

1.     Agree the Council Plan 2024-2028 including its actions and measures and recommends its approval to Council.

3.     Consider and agree the frequency of monitoring of the actions and measures set out on the plan.

To progress the Council Plan to the final stage of agreement and provide clarity as to the ongoing monitoring of the actions from the plan.
""")
    assert not any("final stage" in name for name in by_label(graph, Label.ACTION))


# A noun phrase, then "we will" and a verb without its object: a relative clause ("the work
# (that) we will do"), which says which work, not a commitment of its own.
RELATIVE_CLAUSES = [
    # Belfast City Council, corporate plan and improvement objectives
    # (tests/dev_corpus/belfast-corporate-plan-improvement-objectives-2019-20.md, line 7)
    "Our corporate plan sets out our priorities and the work we will do to improve the quality of life "
    "for everyone in Belfast.",
    # East Ayrshire Community Planning Partnership, wellbeing theme
    # (tests/dev_corpus/east-ayrshire-community-plan-wellbeing-theme.md, line 5)
    "Detailed below are the priorities under the Wellbeing theme which we will work to achieve over the "
    "lifetime of the Community Plan 2015-2030.",
    # South Gloucestershire Council, council plan goals
    # (tests/dev_corpus/south-gloucestershire-council-plan-goals.md, line 1)
    "It sets out the key actions we will take over the next 4 years to achieve the best for our residents "
    "and communities.",
]


@pytest.mark.parametrize("line", RELATIVE_CLAUSES)
def test_we_will_in_a_relative_clause_commits_to_nothing(line: str) -> None:
    assert commitment(line) is None


def test_we_will_after_a_phrase_of_time_or_a_fronted_phrase_still_commits() -> None:
    # Barking and Dagenham, vision and priorities (tests/dev_corpus/barking-dagenham-vision-and-priorities.md, line 9)
    assert commitment("Over the coming years we will consolidate the progress we have already made and use "
                      "our new kind of council to empower residents to live longer, healthier, happier and more "
                      "independent lives.") == ("Consolidate the progress we have already made and use our new kind "
                                                "of council to empower residents to live longer, healthier, happier "
                                                "and more independent lives")
    # Cumbria County Council, anti-poverty strategy (tests/dev_corpus/cumbria-anti-poverty-strategy.md, line 7)
    assert commitment("Through our focus on household incomes, community resilience and tackling child poverty "
                      "we will put in place a comprehensive package of activities and services to make a "
                      "difference.") == ("Put in place a comprehensive package of activities and services to "
                                         "make a difference")


# North Hertfordshire District Council, scrutiny minutes on 2021/22 Quarter 1 performance
# indicators (tests/dev_corpus/north-herts-performance-indicators-q1-2021-22-minutes.md, lines
# 10-38): each indicator a "CODE – Name" line over bullets commenting on how it did.
NORTH_HERTS = """2021/22 Quarter 1 Performance Indicators

The Controls, Risk and Performance Manager presented the report entitled 2021/22 Quarter 1 Performance Indicators and drew attention to the following:

Status Summary

·                This first quarter report showed the status of 21 indicators to the end of June 2021;

·                There were six green, one amber and two red indicators;

·                The rest of the indicators were for information only, with no targets set.

MI P&R 001 – Sales Ledger Collection Rates

·                Collection rates continued to be affected by Covid but collection rates were improving month on month.

REG 1 and REG 2 – Homelessness Prevention and Relief

·                North Herts was performing well in this area against other Hertfordshire authorities.

LI035a – Number of Households in Temporary Accommodation

·                This was up compared to the previous year.
"""


def test_a_coded_line_over_comments_is_the_indicator_and_the_comments_are_none() -> None:
    graph = read_general(NORTH_HERTS)
    measures = by_label(graph, Label.MEASURE)
    assert {"Sales Ledger Collection Rates", "Homelessness Prevention and Relief",
            "Number of Households in Temporary Accommodation"} <= set(measures)
    assert measures["Number of Households in Temporary Accommodation"]["indicator_code"] == "LI035a"
    assert not any(name.startswith(("This was up", "There were", "Collection rates continued", "North Herts was"))
                   for name in measures)
    # Neither the indicators' lines nor the report's "Status Summary" are outcomes.
    assert not any("Summary" in name or "Sales Ledger" in name for name in by_label(graph, Label.OUTCOME))


def test_a_code_and_its_name_in_brackets_in_a_sentence_is_a_measure() -> None:
    # Reigate and Banstead Borough Council, scrutiny minutes on draft KPIs 2020/21
    # (tests/dev_corpus/reigate-banstead-draft-kpis-2020-21-minutes.md, line 17, cut after the third)
    graph = read_general("""Draft Key Performance Indicators - 2020/21

Members welcomed the reviewed and updated KPIs and made observations which included: capturing performance on commercial revenues (KPI 10 – Movement in investment income as a % of the Council’s budget), homelessness prevention (KPI 3 – the % of positive homelessness prevention and relief outcomes), and recycling (KPI 6 – the % of household waste that is recycled and composted).
""")
    assert {"Movement in investment income as a % of the Council’s budget",
            "The % of positive homelessness prevention and relief outcomes",
            "The % of household waste that is recycled and composted"} <= set(by_label(graph, Label.MEASURE))


def test_a_target_in_the_present_under_a_measures_cue_stays_a_measure() -> None:
    # Nottinghamshire Fire and Rescue Service, performance targets 2023/24
    # (tests/dev_corpus/nottinghamshire-fire-performance-targets-2023-24.md, lines 1-2 and 13-15):
    # a target states what is to be so, in the present; a comment reports what was.
    graph = read_general("""Our performance targets for 2023/24
Our CRMP describes four pillars around which we measure our performance. Our high-level performance targets for each of these pillars are shown below.
Professional and committed workforce
- Average number of days lost through sickness absence is at or below an average of 9.2 days per annum for wholetime and support staff and 13.2 day for on-call staff
- All essential firefighter and officer training is completed
""")
    measures = by_label(graph, Label.MEASURE)
    assert "All essential firefighter and officer training is completed" in measures
    assert any(name.startswith("Average number of days lost through sickness absence") for name in measures)


# A "we will" in a paragraph that speaks of the plan's priorities as a set ("these priorities",
# "these strategic outcomes") says how the whole plan works, not one thing to deliver.
WHOLE_PLAN = {
    # Lancashire 2050, "How we will make it happen"
    # (tests/dev_corpus/lancashire-2050-making-it-happen.md, lines 1 and 9)
    "lancashire": """How we will make it happen - our shared commitment to residents

With these priorities, we will make better decisions locally, we will make a more powerful case for extra tools, powers and resources to central government, and we will deliver on our shared ambitions.
""",
    # City of Wolverhampton Council, council plan strategic outcomes
    # (tests/dev_corpus/wolverhampton-council-plan-strategic-outcomes.md, lines 5-12)
    "wolverhampton": """Our Council Plan

  • Children and young people get the best possible start in life
  • Well skilled people working in an inclusive economy
  • More good jobs and investment in our city
  • Better homes for all
  • Strong, resilient and healthy communities
  • A vibrant, green city we can all be proud of

All that we do as an organisation will support these strategic outcomes. Whilst they are presented as six separate priorities they are interlinked and support one another. We cannot do this in isolation, as such it is vital to continue to act as one council and one city to ensure that these strategic outcomes are met. We will focus on strengthening and developing the council’s links with the people of our city and developing their capacity to self-serve, with the council acting as a conduit to enable communities to develop greater resilience and self-sufficiency.
""",
}


@pytest.mark.parametrize("plan", sorted(WHOLE_PLAN))
def test_we_will_about_the_plans_priorities_as_a_set_is_no_action(plan: str) -> None:
    actions = by_label(read_general(WHOLE_PLAN[plan]), Label.ACTION)
    assert not any(name.startswith(("Make better decisions locally", "Focus on strengthening")) for name in actions)


def test_we_will_with_a_figure_beside_the_set_is_still_an_action() -> None:
    graph = read_general("""Our Council Plan

To deliver these priorities, we will build 500 new council homes by 2026.
""")
    assert any(name.startswith("Build 500 new council homes") for name in by_label(graph, Label.ACTION))


# A page that is one part of a plan, headed "Label N: Name": the name is the part's priority.
# Nuneaton and Bedworth Borough Council, ASB strategy 2023-25, "Commitment 2"
# (tests/dev_corpus/nuneaton-bedworth-asb-strategy-2023-25-safer-communities.md, lines 1-16)
NUNEATON = """Commitment 2: Safer Communities

“To develop and undertake a series of projects and initiatives across the borough with an outcome of designing out ASB in our communities.”

Another of our key strategic commitments is to assess statistics and trends using data collected from our case management system and partnership agencies. We will use this data to develop an action plan to deliver projects and initiatives across specific geographical areas to target ASB hot spots within the borough. We want all residents who are residing, visiting and/or working in the borough to feel safe. This follows the direction of the upcoming regulatory framework and ASB principles and will ensure residents have a safe community and neighbourhood.

Where do we want to be

We want to have completed several community improvements that have reduced and/or mitigated the volume and severity of ASB incidents. As a result of these improvements, communities will feel safer and have improved health and wellbeing.  

How will we get there

  • We will make better use of our data to understand the trends and hot spots for ASB across the borough
  • We will work with partners of NABSCOP to develop and support community-led ASB prevention activities
  • We will reduce the opportunity for crime and ASB by being proactive with mobile patrols, participating in tenant and resident engagement events, targeting hotspots areas with target hardening measures and enforcement action

"""


def test_a_labelled_top_line_names_the_part_of_the_plan_the_page_is() -> None:
    assert top_line_outcome("Commitment 2: Safer Communities") == "Safer Communities"
    # Northumbria Police and Crime Commissioner, police and crime plan, priority 3
    # (tests/dev_corpus/northumbria-pcc-police-crime-plan-preventing-crime.md, line 1)
    assert top_line_outcome("Priority 3 – Preventing Violent Crime") == "Preventing Violent Crime"
    # A label over a clause in the first person is still no result ("How we will ...").
    assert top_line_outcome("Section 4: How we will work") is None


def test_nuneaton_commitment_page_reads_its_priority() -> None:
    graph = read_general(NUNEATON, "nuneaton-bedworth-asb-strategy-2023-25-safer-communities.md")
    assert "Safer Communities" in by_label(graph, Label.OUTCOME)


def test_a_comment_is_told_by_its_own_verb_in_the_past() -> None:
    from stratgraph.loaders.general.indicator_lines import comment_on_performance

    # North Hertfordshire's comments (lines 16-38 of its minutes) report how an indicator did ...
    assert comment_on_performance("This was up compared to the previous year.")
    assert comment_on_performance("North Herts was performing well in this area against other Hertfordshire authorities.")
    # ... an indicator's name may hold a past verb in a clause of who is counted, or open on a participle.
    assert not comment_on_performance("Adults who reported feeling safe in their neighbourhood")
    assert not comment_on_performance("Improved access to services for older residents")
