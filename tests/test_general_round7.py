"""The general reader, round 7: plans of kinds the development corpus lacked (a police and crime
plan, integrated care strategies, Welsh and Northern Irish plans, committee papers with a KPI
table, council plan pages whose priorities are statements), precision kept.

Each test quotes the lines of a development plan (tests/dev_corpus/, rows "round 7" in
SOURCES.md) that its rule reads; the rules are worded for the shape, never the plan. The
held-out plans (tests/heldout_corpus/) are never quoted here.
"""

from __future__ import annotations

from stratgraph.graph.model import Label, RelType
from stratgraph.loaders.general.cues import Mode, lead_in_mode
from stratgraph.loaders.general.tables import table_shape
from stratgraph.loaders.general.wording import bad_name

from general_reading import read_general as _read, lines_by_name as _names


# west-norfolk-corporate-business-plan-priorities, lines 24-31.
COUNTED_LABELS = """Corporate business plan

With this in mind, we have identified six priority areas which are summarised below:

  • Priority 1: Provide important local services within our available resources
  • Priority 2: Drive local economic and housing growth
"""


def test_a_priority_label_before_a_colon_only_counts_the_items() -> None:
    graph = _read(COUNTED_LABELS)
    assert _names(graph, Label.OUTCOME) == {
        "Provide important local services within our available resources": 5,
        "Drive local economic and housing growth": 6}


# pembrokeshire-proposed-well-being-objectives-2025-30, lines 15-20.
NAME_THEN_PHRASE = """Proposed Well-being Objectives for 2025-2030

Our draft well-being objectives

  • Our Future - enabling the best start in life for our children and young people, equipping them with skills for the future
  • Our Council - a financially sustainable, well-governed Council, with a workforce equipped to support the people we serve
"""


def test_a_short_name_then_a_lower_case_phrase_is_a_theme_and_its_outcome() -> None:
    graph = _read(NAME_THEN_PHRASE)
    outcomes = _names(graph, Label.OUTCOME)
    assert outcomes == {
        "Enabling the best start in life for our children and young people, equipping them with skills for the future": 5,
        "A financially sustainable, well-governed Council, with a workforce equipped to support the people we serve": 6}
    themes = _names(graph, Label.THEME)
    assert {"Our Future", "Our Council"} <= set(themes)


# erewash-corporate-plan-priorities, line 7; kensington-chelsea-housing-strategy-2019-22-priorities, line 9.
def test_priorities_for_a_period_and_a_counted_set_said_more_of_are_outcome_cues() -> None:
    assert lead_in_mode("This knowledge of our communities and their needs has informed our priorities "
                        "for the next few years:") is Mode.OUTCOME
    assert lead_in_mode("The strategy sets out six key priorities. These have changed since the draft version "
                        "published in July to reflect what we have heard from residents:") is Mode.OUTCOME


# nottingham-nottinghamshire-ics-integrated-care-strategy-aims, lines 3-14; and
# happy-healthy-lives-ics-strategy-strategic-priorities, lines 7-11.
AIMS_THEN_PRINCIPLES = """Our key aims and principles

The Strategy sets out our strategic aims for 2023 – 2028:

  1. Improve outcomes in population health and healthcare
  2. Tackle inequalities in outcomes, experiences and access

The Strategy is based on three guiding principles:

  1. Prevention is better than cure
  2. Equity in everything

Our strategy priorities have evolved through engagement with stakeholders and the communities we serve, and are drawn from:

  • national guidance about the design of ICSs and the development of Integrated Care Strategies
  • key themes emerging from public and stakeholder engagement.
"""


def test_a_list_of_principles_or_of_where_priorities_came_from_holds_no_outcome() -> None:
    graph = _read(AIMS_THEN_PRINCIPLES)
    assert set(_names(graph, Label.OUTCOME)) == {
        "Improve outcomes in population health and healthcare",
        "Tackle inequalities in outcomes, experiences and access"}


# telford-council-plan-2019-23-priorities, lines 7-22.
FOOT_MENU = """Council Plan and priorities

The plan identifies five priorities to deliver our vision:

  1. every child, young person and adult lives well in their community
  2. everyone benefits from a thriving economy

These state our ambition and aspirations for the borough and the outcomes that we want to achieve for our residents.

Last updated: 03/03/2021 14:12

  1. Introduction
  2. Contact
"""


def test_a_menu_under_a_list_of_priorities_is_no_priority() -> None:
    graph = _read(FOOT_MENU)
    assert set(_names(graph, Label.OUTCOME)) == {
        "Every child, young person and adult lives well in their community",
        "Everyone benefits from a thriving economy"}


# maidstone-strategic-plan-performance-indicators-2019-20-appendix, lines 2-27.
KPI_TABLE_WITH_OUTCOME_ROWS = """Embracing Growth and Enabling Infrastructure – Possible Performance Indicators
Performance Measure |
Reporting Approach |
Comments/votes |
The Council leads master planning and invests in new places which are well designed |
||
Percentage of pre-application communication |
Reporting cycle to be confirmed |
nil
|
Number of Planning appeals |
Quarterly reporting |
2
|
"""


def test_a_kpi_table_with_a_reporting_column_and_statement_rows_gives_outcomes_over_measures() -> None:
    assert table_shape(("Performance Measure", "Reporting Approach", "Comments/votes")).kind == "measure"
    graph = _read(KPI_TABLE_WITH_OUTCOME_ROWS)
    outcomes = _names(graph, Label.OUTCOME)
    assert outcomes == {"The Council leads master planning and invests in new places which are well designed": 5}
    measures = _names(graph, Label.MEASURE)
    assert measures == {"Percentage of pre-application communication": 7, "Number of Planning appeals": 11}
    outcome = next(n.id for n in graph.nodes.values() if n.label is Label.OUTCOME)
    measured = {graph.nodes[r.end].name for r in graph.relationships.values()
                if r.type is RelType.MEASURED_BY and r.start == outcome}
    assert measured == set(measures)


# maidstone-key-performance-indicators-2020-21-cross-cutting-objectives, lines 11-21.
def test_a_report_covers_labels_and_officers_are_no_items() -> None:
    for line in ("Final Decision-Maker", "Lead Head of Service", "Lead Officer and Report Author", "Wards affected",
                 "Strategic Planning and Infrastructure Committee",
                 "Angela Woodhouse Head of Policy Communications and Governance",
                 "Anna Collier Policy and Information Manager"):
        assert bad_name(line), line
    # A to-do item that appoints a post is still one.
    assert not bad_name("Recruit a Community Safety Officer")
    graph = _read("Key Performance Indicators 2020-21\n\nLead Officer and Report Author\n\n"
                  "Anna Collier Policy and Information Manager and Orla Sweeney Equalities and Corporate Policy Officer\n")
    assert _names(graph, Label.STRATEGY) == {}


# northumbria-pcc-police-crime-plan-preventing-crime, lines 18-21.
CONDITIONAL_TAIL = """Priority 4 – Neighbourhood Policing

I will:

  • continue to invest and support neighbourhood policing, whilst engaging with communities to ensure their priorities are being acted upon.
  • seek public feedback and confidence in the force and report back on this. If this falls, I will ensure the force are held to account.
"""


def test_an_items_if_sentence_is_no_action_of_its_own() -> None:
    graph = _read(CONDITIONAL_TAIL)
    actions = _names(graph, Label.ACTION)
    assert "Seek public feedback and confidence in the force and report back on this" in actions
    assert "Ensure the force are held to account" not in actions


# maidstone-key-performance-indicators-2020-21-cross-cutting-objectives, line 90; and
# pembrokeshire-proposed-well-being-objectives-2025-30, line 24.
OWNED_AND_OWN = """Proposed Well-being Objectives for 2025-2030

The performance management process monitors delivery of the Councils Strategic Plan 2019-45 and plays an important role.

You can view the objectives Draft Corporate Strategy 2025-30 and what we will do to deliver these.
"""


def test_a_councils_possessive_is_no_part_of_a_name_and_the_plans_own_years_name_itself() -> None:
    graph = _read(OWNED_AND_OWN)
    # (the name keeps the years written after it: references round 2)
    assert set(_names(graph, Label.STRATEGY)) == {"Strategic Plan 2019-45"}


# armagh-banbridge-craigavon-community-plan-healthy-community, lines 4-8.
OUTCOME_UNDER_ITS_LABEL = """Healthy Community

Long-term Outcome

Healthy Community: People are making positive lifestyle choices. They are more resilient and better equipped to cope with life challenges.

‘Connected’ the first community plan for our borough outlines the five population indicators shown below which are aligned to the Skilled and Enterprising Economy. The indicator tells us what we are seeking to improve; we will we track our progress against these overtime to ensure we are heading in the right direction.

Using Evidence

We are continually working to improve our knowledge of people and communities to help develop new plans for local services.
"""


def test_a_long_term_outcome_label_over_a_named_statement_gives_that_outcome_and_ends_there() -> None:
    graph = _read(OUTCOME_UNDER_ITS_LABEL)
    assert _names(graph, Label.OUTCOME) == {
        "People are making positive lifestyle choices. They are more resilient and better equipped to cope "
        "with life challenges": 5}
    assert "Healthy Community" in _names(graph, Label.THEME)
    assert "Using Evidence" not in _names(graph, Label.THEME)
    # tracking progress against the indicators just named is how they are used, not a to-do
    assert _names(graph, Label.ACTION) == {}


# anglesey-gwynedd-psb-well-being-plan-2023-28-scrutiny, lines 3, 7 and 19 (shortened): minutes
# whose title says they scrutinise delivery of a plan name that plan with the minutes' own years;
# it is the plan reported on, a document of its own, not the minutes naming themselves.
REPORTED_ON = """Issue - meetings

Public Services Board - governance arrangements/scrutiny of delivery of the Well-being Plan

4 Gwynedd & Anglesey Public Services Board - governance arrangements & scrutinise progress against the 2023-2028 Well-being Plan

The Gwynedd and Anglesey Well-being Plan 2023-2028 was published in May 2023 which highlighted the three specific Well-being objectives as noted within the report.
"""


def test_a_plan_named_with_the_documents_years_in_a_report_on_its_progress_is_its_own_document() -> None:
    graph = _read(REPORTED_ON)
    assert "Gwynedd and Anglesey Well-being Plan 2023-2028" in _names(graph, Label.STRATEGY)
    # The same words on a page of the plan's own objectives name the page's plan (test above).
    assert set(_names(_read(OWNED_AND_OWN), Label.STRATEGY)) == {"Strategic Plan 2019-45"}
