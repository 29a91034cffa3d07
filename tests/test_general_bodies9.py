"""The general reader on plans of other kinds of public body (reading round 9).

Each test quotes the lines of a public plan of batch A (tests/dev_corpus/SOURCES.md names it:
Northern Ireland and Welsh councils, a public services board, health and wellbeing boards,
community safety partnerships, a fire and rescue service, a national park authority) in a small
document of its own, so the rule it pins is read from its words, not from the file.
"""

from __future__ import annotations

from stratgraph.graph.model import Label
from stratgraph.loaders.general.counted_lists import counted_names

from general_reading import by_label, read_general


# -- priorities a sentence counts and names -----------------------------------------------------

# Vale of Glamorgan Council, minute on the Public Services Board's draft Well-being Plan
VALE_PSB = """# Vale of Glamorgan Public Services Board Draft Well-being Plan

Cabinet endorsement was sought of the draft Well-being Plan, which had been developed by the Public Services Board.

In May 2017 the Vale Public Services Board published its Well-being Assessment. As part of the consultation on the draft Well-being Assessment views were sought on the four areas of focus which the PSB had identified to provide a framework for the Well-being Plan. The four areas of focus were engagement, the environment, early years and tackling poverty/inequalities and these had been developed into Well-being Objectives for the draft Plan which was attached at Appendix A to the report.
"""

# Herefordshire Council, Health and Wellbeing Board minutes on the Joint Local Health and Wellbeing Strategy
HEREFORDSHIRE = """# The Health and Wellbeing Strategy

The Director of Public Health provided an overview of the strategy. The principal points included:

1. The strategy maintains the same principles that the board previously agreed on prevention and health inequalities.
2. The strategy strikes the right balance between the two core priorities – ‘best start in life’ and ‘good mental wellbeing throughout life’ – and supporting priorities including wider determinants such as housing, economy, and the environment.
"""


def test_the_priorities_a_sentence_counts_and_names_are_outcomes() -> None:
    outcomes = by_label(read_general(VALE_PSB), Label.OUTCOME)
    assert {name: o["line"] for name, o in outcomes.items()} == {
        "engagement": 5, "the environment": 5, "early years": 5, "tackling poverty/inequalities": 5}
    outcomes = by_label(read_general(HEREFORDSHIRE), Label.OUTCOME)
    assert set(outcomes) == {"best start in life", "good mental wellbeing throughout life"}


def test_a_counted_set_names_nothing_unless_as_many_names_are_written() -> None:
    # the first mention of the set, before its names: nothing is named
    assert counted_names("views were sought on the four areas of focus which the PSB had identified") == ()
    # a lead-in whose names follow as a list is read as a list, not here
    assert counted_names("The plan was built around six strategic goals. These are:") == ()
    # three names for a count of four: not the set
    assert counted_names("The four areas of focus were engagement, the environment and early years.") == ()


# -- an introduction saying by what means the plan works --------------------------------------

# Lancashire Fire and Rescue Service, Protection Strategy 2022-2027 (its introduction)
LANCASHIRE_FIRE = """# Protection Strategy 2022-2027

## Introduction

The Protection Strategy 2022-27 explains how we intend to assess risk in Lancashire’s built environment and thereafter deploy fire protection, community safety and operational resources to manage that risk efficiently and effectively by:

- Working collaboratively
- Delivering our services intelligently
- Protecting Lancashire’s heritage

The Community Risk Management Plan (CRMP) sets out our overall direction and is informed by a Strategic Assessment of Risk.
"""


def test_the_means_an_introduction_says_the_plan_works_by_are_actions() -> None:
    graph = read_general(LANCASHIRE_FIRE)
    assert set(by_label(graph, Label.ACTION)) == {
        "Working collaboratively", "Delivering our services intelligently", "Protecting Lancashire’s heritage"}
    assert "Community Risk Management Plan" in by_label(graph, Label.STRATEGY)
    # an introduction stays apparatus otherwise: its other lines make no outcome
    assert by_label(graph, Label.OUTCOME) == {}


# -- leads: an Executive Lead Member, a Mayor styled Alderman --------------------------------

# Ashfield District Council, Cabinet issue page on the Community Safety Plan 2024-2027
ASHFIELD = """# Community Safety Partnership - Strategic Plan

Councillor John Wilmott – Executive Lead Member for Community Safety and Crime Reduction

c) the Executive Director for Place, in consultation with the Executive Lead Member for Community Safety and Crime Reduction and the Ashfield Community Safety Partnership, be requested to prepare an action plan to implement the Plan’s priorities;
"""

# Lisburn & Castlereagh City Council, Interim Corporate Plan 2021-24 (its web page)
LISBURN = """# Interim Corporate Plan 2021-24

Publication date: 23 September 2021

Date range: 23 September 2021 to April 2024

Download the document as a PDF

Outcomes of the interim Corporate Plan as a PDF

We have a vision for our area to create opportunities for strong, healthy communities and business growth. This plan dovetails with our Community Plan, our Local Development Plan and our Performance Improvement Plan, all of which will help us deliver our vision.

The Right Worshipful the Mayor, Alderman Stephen Martin and Chief Executive David Burns will ensure that our corporate plan s
"""


def test_an_executive_lead_member_is_a_lead() -> None:
    leads = by_label(read_general(ASHFIELD), Label.CABINET_LEAD)
    assert "Cllr John Wilmott" in leads
    assert leads["Cllr John Wilmott"]["portfolio"] == "Community Safety and Crime Reduction"


def test_the_mayor_styled_alderman_leads_and_a_file_link_is_no_outcomes_heading() -> None:
    graph = read_general(LISBURN)
    leads = by_label(graph, Label.CABINET_LEAD)
    assert set(leads) == {"Stephen Martin"} and leads["Stephen Martin"]["role"] == "Mayor"
    # "Outcomes of ... as a PDF" is a link, "Date range: ..." a field: neither makes an outcome
    assert by_label(graph, Label.OUTCOME) == {}
    assert set(by_label(graph, Label.STRATEGY)) == {"Community Plan", "Local Development Plan", "Performance Improvement Plan"}


# -- partnerships: a collaborative, a partnership's own group, the partnership a plan is named for

# Herefordshire Council, Health and Wellbeing Board minutes (next steps for the strategy)
HEREFORDSHIRE_NEXT = """# The Health and Wellbeing Strategy

Additionally, ‘best start in life’ can be delivered through the Children and Young People Partnership and ‘good mental wellbeing throughout life’ can be supported by several groups including the Mental Health Collaborative and Adult Mental Health group.
"""

# North York Moors National Park Authority, Management Plan: Delivering the Plan
NORTH_YORK_MOORS = """# Delivering the Plan

A Management Plan Partnership Delivery Group is being set up, involving the National Park Authority and its key delivery partners, which will meet regularly every six months or so to review and co-ordinate progress against the outcomes and objectives in this Plan.
"""

# Middlesbrough Council, Executive minutes on the Community Safety Plan 2024-2026
MIDDLESBROUGH = """# 14 Community Safety Partnership Plan

The Executive Member for Community Safety submitted a report for Executive’s consideration. The report summarised the Community Safety Plan for Middlesbrough 2024-26.

Earlier this year the Community Safety Partnership held a series of multi-agency meetings and identified several overarching priorities which were detailed in the report.
"""

# Vale of Glamorgan Council, minute on the Public Services Board's draft Well-being Plan
VALE_ITEM = """# Agenda Item No.11(f)

## C229 Vale of Glamorgan Public Services Board Draft Well-being Plan (l) (Scrutiny Committee – Corporate Performance and Resources) -

Cabinet endorsement was sought of the draft Well-being Plan, which had been developed by the Public Services Board and which would be presented to Council for approval in February.
"""


def test_a_collaborative_and_a_partnerships_own_group_are_partnerships() -> None:
    assert {"Children and Young People Partnership", "Mental Health Collaborative"} <= set(
        by_label(read_general(HEREFORDSHIRE_NEXT), Label.PARTNERSHIP))
    assert set(by_label(read_general(NORTH_YORK_MOORS), Label.PARTNERSHIP)) == {
        "Management Plan Partnership Delivery Group"}


def test_the_partnership_a_plan_is_named_for_is_a_partnership_and_its_plan_no_other_document() -> None:
    graph = read_general(MIDDLESBROUGH)
    assert set(by_label(graph, Label.PARTNERSHIP)) == {"Community Safety Partnership"}
    # "the Community Safety Plan" is the "Community Safety Partnership Plan" itself
    assert by_label(graph, Label.STRATEGY) == {}


def test_a_long_minute_heading_is_the_title_so_its_plan_is_no_other_document() -> None:
    graph = read_general(VALE_ITEM)
    plan = next(n for n in graph.nodes.values() if n.label is Label.PLAN)
    assert plan.name.startswith("C229 Vale of Glamorgan Public Services Board Draft Well-being Plan")
    assert by_label(graph, Label.STRATEGY) == {}


# -- the plan's own parts: its accompanying action plan, a report it publishes ------------------

ASHFIELD_RESOLVED = """# 43 Community Safety Partnership - Strategic Plan

d) the new Community Safety Plan for 2024-2027 and the accompanying action plan, be recommended to Council for approval by 31 May 2024.
"""

NORTH_YORK_MOORS_MONITORING = """# Delivering the Plan

## Annual monitoring statement

Each year, we will publish a monitoring statement which assesses how partners are progressing on delivering the 24 objectives set out in the Management Plan.
"""


def test_the_accompanying_action_plan_is_the_plans_own() -> None:
    assert by_label(read_general(ASHFIELD_RESOLVED), Label.STRATEGY) == {}


def test_a_heading_naming_a_report_the_plan_publishes_is_no_outcome() -> None:
    graph = read_general(NORTH_YORK_MOORS_MONITORING)
    assert by_label(graph, Label.OUTCOME) == {}
    assert set(by_label(graph, Label.ACTION)) == {
        "Publish a monitoring statement which assesses how partners are progressing on delivering the 24 objectives "
        "set out in the Management Plan"}


# Worcestershire County Council, Health and Wellbeing Board minutes on the JLHWS (batch B: this
# line showed, after B was scored blind, that a line whose only partnership word is
# "Collaborative" was never searched for names)
WORCESTERSHIRE = """# Joint Local Health and Wellbeing Strategy

- When asked whether the JLHWS linked well enough to the ICS and sufficiently addressed healthcare provision, it was cited that the JLHWS listed the ambitions which included supporting access to appropriate services and contributing to the work of the Mental Health Collaborative.
"""


def test_a_line_naming_only_a_collaborative_is_searched_for_names() -> None:
    assert set(by_label(read_general(WORCESTERSHIRE), Label.PARTNERSHIP)) == {"Mental Health Collaborative"}


# -- rules written after batches B and C were scored blind (B and C are no longer blind) --------

# East Lothian Council, news release on the Outline Council Plan 2022-27
EAST_LOTHIAN = """# Council agrees Outline Council Plan 2022-27

East Lothian Council Chief Executive, Monica Patterson, said: “East Lothian Council’s priorities over the past five years have been clearly detailed in the Council Plan 2017-2022 which has identified a number of strategic goals, commitments and actions including how council services would develop and be delivered.
"""


def test_the_same_kind_of_plan_with_other_years_than_the_titles_is_another_edition() -> None:
    assert set(by_label(read_general(EAST_LOTHIAN), Label.STRATEGY)) == {"Council Plan 2017-2022"}


# Fermanagh and Omagh District Council, Key Plans and Strategies
FERMANAGH = """# Key Plans and Strategies

## Community Plan ‘Fermanagh and Omagh 2030’

The Community Plan for the district, ‘Fermanagh and Omagh 2030’, is the overarching, long-term strategy for the area, based on a thorough analysis of the district’s needs and priorities.

## The Fermanagh and Omagh District Council Corporate Plan ‘Our Council, Our Plan 2024-2028′

The Corporate Plan ‘Our Council, Our Plan 2024-2028’ outlines the strategic direction for Fermanagh and Omagh District Council over the next four years.
"""


def test_a_plan_named_by_its_quoted_title_on_a_page_of_plans() -> None:
    graph = read_general(FERMANAGH)
    plan = next(n for n in graph.nodes.values() if n.label is Label.PLAN)
    assert plan.name == "Key Plans and Strategies"  # a heading in the plural titles a page of plans
    assert {"Fermanagh and Omagh 2030", "Our Council, Our Plan 2024-2028"} <= set(by_label(graph, Label.STRATEGY))


# Sussex Police and Crime Panel, minutes on the Police & Crime Plan 2017 - 2021; West Mercia
# Police and Crime Panel, minutes on the draft plan
SUSSEX = """# Police & Crime Plan 2017 - 2021

81. The Panel considered a Report by the Police and Crime Commissioner which introduced a new Police and Crime Plan 2017-2021 following the re-election of the Commissioner in 2016.
"""
WEST_MERCIA = """# Draft Police and Crime Plan

The PCC explained that all the responses received in the second round of consultation to the draft Safer West Mercia Plan had been included in the agenda.
"""


def test_the_police_and_crime_commissioner_by_title_alone_leads() -> None:
    for text in (SUSSEX, WEST_MERCIA):
        leads = by_label(read_general(text), Label.CABINET_LEAD)
        assert set(leads) == {"the Police and Crime Commissioner"}


# Barnsley Health and Wellbeing Board minutes, Health and Wellbeing Strategy Development Update
BARNSLEY = """# Health and Wellbeing Strategy Development Update (HWB.05.04.2016/6)

Members commented on the need to ensure that the strategy focused on those areas of activity where joint working under the Board could make a difference.

(i) The progress to date and proposed timescales for consultation and completion of the revised strategy be noted;

(ii) The following five key outcomes be approved as the basis of the strategy:-

- Children start life healthy and stay healthy
- People live longer, healthier lives

(iii) The timescales for the draft Annual Report (2015/16) be approved to coincide with the timescales for performance and subsequent schedule for the development and implementation of a revised partnership communication plan.
"""


def test_the_outcomes_a_numbered_resolution_approves_are_outcomes_and_the_next_resolution_is_not() -> None:
    assert set(by_label(read_general(BARNSLEY), Label.OUTCOME)) == {
        "Children start life healthy and stay healthy", "People live longer, healthier lives"}


# Ards and North Down Borough Council, Corporate Plan 2024-28; Bridgend County Borough Council,
# Town and Community Council Forum minutes on the Corporate Plan 2023-28 (Strategy precision)
ARDS = """# Corporate Plan 2024-28

Welcome to the third Corporate Plan for Ards and North Down Borough Council. In developing this Corporate Plan, we aligned our outcomes to the The Big Plan for Ards and North Down (also known as the Community Plan), engaged with key stakeholders.
"""
BRIDGEND = """# Corporate Plan 2023-28

The Corporate Policy and Public Affairs Manager presented a report, in order to provide an update on the Council’s Corporate Plan and seek support from the Town and Community Council Forum on sharing the Corporate Plan 2023-28.
"""


def test_the_plans_own_kind_for_its_body_and_a_post_over_two_areas_name_no_other_document() -> None:
    assert "Corporate Plan for Ards" not in by_label(read_general(ARDS), Label.STRATEGY)
    graph = read_general(BRIDGEND)
    assert by_label(graph, Label.STRATEGY) == {}
    assert set(by_label(graph, Label.PARTNERSHIP)) == {"Town and Community Council Forum"}
