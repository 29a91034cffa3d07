"""Measures round 9: performance measures in the shapes councils, police, fire and health
bodies list them, each rule pinned by the lines of the plan it was read from.

Each test quotes a plan of tests/dev_corpus (batch A of round 9; SOURCES.md names it) and
asserts the nodes a planner reads there, or their absence.
"""

from __future__ import annotations

from stratgraph.graph.model import Label, RelType

from general_reading import lines_by_name as _names, read_general as _read


# met-police-authority-policing-plan-2004-05-objectives-measures, lines 29-55 (shortened).
MEASURES_POINT = """Policing and Performance Plan 2004/05 - proposed objectives and selected targets and measures

B. Supporting information

Objectives

1. The objectives and measures that will support the corporate priorities in the 2004/05 policing plan were agreed at January’s full authority meeting Appendix 1 subject to a few points for further consideration.

2. Following January’s full authority meeting MPS Business Groups further visited Objectives 1, 2, 4, 5, 8, 9 and now propose revised wording for the following supporting measures:

Objective 1

  • Number of quality intelligence reports submitted
  • Number of Counter Terrorism Deployments

Objective 4

  • Number of drug trafficking organisations disrupted or dismantled

Objective 5

  • Value of assets recovered
"""


def test_a_numbered_point_introducing_measures_is_their_cue_not_an_objective() -> None:
    graph = _read(MEASURES_POINT)
    assert _names(graph, Label.MEASURE) == {
        "Number of quality intelligence reports submitted": 13,
        "Number of Counter Terrorism Deployments": 14,
        "Number of drug trafficking organisations disrupted or dismantled": 18,
        "Value of assets recovered": 22}
    outcomes = _names(graph, Label.OUTCOME)
    # point 1 reports that the set was agreed: neither an objective nor a measure
    assert outcomes == {}
    assert not any(name.startswith("Following January") for name in outcomes)
    assert not any(name.startswith("Objective") for name in outcomes)


# nottinghamshire-fire-performance-targets-2023-24, lines 1-18 (two of the four pillars).
TARGETS_BELOW = """Our performance targets for 2023/24
Our CRMP describes four pillars around which we measure our performance. Our high-level performance targets for each of these pillars are shown below.
Community Outcomes
- Visit 14,000 homes to deliver Safe and Well Visits
- Compete 1,500 fire safety audits
Professional and committed workforce
- Average number of days lost through sickness absence is at or below an average of 9.2 days per annum for wholetime and support staff and 13.2 day for on-call staff
- All staff have an annual personal development review
"""


def test_a_sentence_saying_targets_are_shown_below_makes_the_lists_under_its_groups_measures() -> None:
    graph = _read(TARGETS_BELOW)
    measures = _names(graph, Label.MEASURE)
    assert measures == {
        "Visit 14,000 homes to deliver Safe and Well Visits": 4,
        "Compete 1,500 fire safety audits": 5,
        "Average number of days lost through sickness absence is at or below an average of 9.2 days per annum"
        " for wholetime and support staff and 13.2 day for on-call staff": 7,
        "All staff have an annual personal development review": 8}
    # the pillar a group of targets sits under is the outcome they measure
    assert _names(graph, Label.OUTCOME) == {"Professional and committed workforce": 6}
    workforce = next(n.id for n in graph.nodes.values() if n.name == "Professional and committed workforce"
                     and n.label is Label.OUTCOME)
    measured = {graph.nodes[r.end].name for r in graph.relationships.values()
                if r.type is RelType.MEASURED_BY and r.start == workforce}
    assert measured == {"All staff have an annual personal development review",
                        "Average number of days lost through sickness absence is at or below an average of 9.2 days per annum"
                        " for wholetime and support staff and 13.2 day for on-call staff"}


# nisra-programme-for-government-population-indicators, lines 1-15 and 34 (a few rows).
LINKED_TO_OUTCOME = """Programme for Government Population Indicators

Programme for Government Population Indicators - Measurement Annexes


Linked to Outcome
Prevalence rate (% of the population who were victims of any NI Crime Survey crime) 7, 10
Healthy life expectancy at birth 4
Number of adults receiving social care services at home or self directed support for social care as a % of the total number of adults needing care 8
% of all journeys which are made by walking/cycling/public transport 2, 11
"""


def test_an_indicators_page_with_a_linked_to_outcome_column_reads_each_line_as_a_measure() -> None:
    graph = _read(LINKED_TO_OUTCOME)
    # the outcome numbers a flattened copy ran onto each line are the column, not the name;
    # "Linked to Outcome" is that column's header, no outcomes cue
    assert _names(graph, Label.MEASURE) == {
        "Prevalence rate (% of the population who were victims of any NI Crime Survey crime)": 7,
        "Healthy life expectancy at birth": 8,
        "Number of adults receiving social care services at home or self directed support for social care as a %"
        " of the total number of adults needing care": 9,
        "% of all journeys which are made by walking/cycling/public transport": 10}
    assert _names(graph, Label.OUTCOME) == {}


# cumberland-jhwbs-2023-28-measuring-overall-success, lines 1-2.
MEASURES_IN_PROSE = """How will we measure the overall success of the strategy?
The overall aim of the Cumberland Joint Local Health and Wellbeing Strategy is to enable Cumberland’s communities to be healthy and to tackle health inequalities. High level measures of success will be monitored through changes to life expectancy, healthy life expectancy and the life expectancy / healthy life expectancy gap between the most and least deprived communities. Further measures are proposed in the document.
"""


def test_measures_of_success_named_in_a_sentence_measure_the_overall_aim_before_them() -> None:
    graph = _read(MEASURES_IN_PROSE)
    aim = "To enable Cumberland’s communities to be healthy and to tackle health inequalities"
    assert _names(graph, Label.OUTCOME) == {aim: 2}
    measures = _names(graph, Label.MEASURE)
    assert measures == {
        "Life expectancy": 2, "Healthy life expectancy": 2,
        "The life expectancy / healthy life expectancy gap between the most and least deprived communities": 2}
    aim_id = next(n.id for n in graph.nodes.values() if n.name == aim)
    assert {graph.nodes[r.end].name for r in graph.relationships.values()
            if r.type is RelType.MEASURED_BY and r.start == aim_id} == set(measures)


def test_a_reports_purpose_is_no_overall_aim() -> None:
    from stratgraph.loaders.general.success_sentences import overall_aim

    assert overall_aim("The overall aim of this report is to update members on progress.") is None


# dclg-fire-rescue-service-objectives-dso6-indicators, lines 21-31.
LABELLED_INDICATORS = """Fire and rescue service objectives and targets: overview

Departmental Strategic Objective 6

"Ensuring safer communities by providing the framework for the Fire and Rescue Service and other agencies to prevent and respond to emergencies."

Measurement - The DSO is supported by four indicators:

  • Indicator 6.1: Numbers of primary fires and related fatalities and non-fatal casualties, excluding precautionary checks
  • Indicator 6.2: Numbers of deliberate primary and secondary fires submitted through incident reports
  • Fire and rescue service improvement programme
"""


def test_a_quoted_objective_under_its_label_is_measured_by_its_labelled_indicators() -> None:
    graph = _read(LABELLED_INDICATORS)
    objective = ("Ensuring safer communities by providing the framework for the Fire and Rescue Service and other"
                 " agencies to prevent and respond to emergencies")
    assert set(_names(graph, Label.OUTCOME)) == {objective}
    measures = {n.name: n for n in graph.nodes.values() if n.label is Label.MEASURE}
    # the label is the indicator's code, not its name; the unlabelled bullet after the set is a link
    assert set(measures) == {
        "Numbers of primary fires and related fatalities and non-fatal casualties, excluding precautionary checks",
        "Numbers of deliberate primary and secondary fires submitted through incident reports"}
    assert {m.properties.get("indicator_code") for m in measures.values()} == {"Indicator 6.1", "Indicator 6.2"}
    objective_id = next(n.id for n in graph.nodes.values() if n.name == objective and n.label is Label.OUTCOME)
    assert {graph.nodes[r.end].name for r in graph.relationships.values()
            if r.type is RelType.MEASURED_BY and r.start == objective_id} == set(measures)


# met-police-authority-policing-plan-2004-05-objectives-measures, lines 31 and 37-40, without
# the point that introduces them: a list under "Objectives" worded as counts.
COUNTED_UNDER_OBJECTIVES = """Policing and Performance Plan 2004/05

Objectives

  • Number of quality intelligence reports submitted
  • Number of Counter Terrorism Deployments
"""


def test_items_worded_as_counts_under_an_objectives_heading_are_measures_not_outcomes() -> None:
    graph = _read(COUNTED_UNDER_OBJECTIVES)
    assert _names(graph, Label.MEASURE) == {"Number of quality intelligence reports submitted": 5,
                                            "Number of Counter Terrorism Deployments": 6}
    assert _names(graph, Label.OUTCOME) == {}


# cumberland-housing-strategy-2025-39-performance-indicators, lines 3-4, 11-12.
INDICATORS_AND_A_WAY_OF_MONITORING = """Cumberland Housing Strategy 2025-2039
We will monitor the performance of this strategy against the following indicators, whilst these are the current performance indicators they may be subject to change:
- the number of new affordable homes delivered per annum (including supported temporary accommodation)
- seeking the views of those on the Cumbria Choice housing register to monitor the customer experience
- the number of completed Disabled Facilities Grants
"""


def test_a_gerund_with_an_object_among_indicators_is_a_way_of_monitoring_not_a_measure() -> None:
    graph = _read(INDICATORS_AND_A_WAY_OF_MONITORING)
    assert _names(graph, Label.MEASURE) == {
        "The number of new affordable homes delivered per annum (including supported temporary accommodation)": 3,
        "The number of completed Disabled Facilities Grants": 5}


# lincoln-operational-performance-q1-2018-19, lines 12-16 and 21.
RESULT_BULLETS = """Reason for Decision
Quarter one saw a long list of very good performance results, particularly in relation to development management and housing. A summary of exceptional areas of good performance were noted as follows:
· the number of face to face enquires in customer services had dropped by 7,336 compared to quarter one last year;
· the number of users logged into ‘myinfo’ this quarter had increased by 1,409 compared to quarter one last year;
· the in-year collection rate for Lincoln Business Rates remained above its target of 30.53% at 35.86%;
· the percentage of non-major and major planning applications determined within the government target at 94.67% and 100% respectively;
"""


def test_a_performance_reports_result_bullets_name_their_indicators_and_targets() -> None:
    graph = _read(RESULT_BULLETS)
    measures = {n.name: n for n in graph.nodes.values() if n.label is Label.MEASURE}
    assert set(measures) == {
        "The number of face to face enquires in customer services",
        "The number of users logged into ‘myinfo’",
        "The in-year collection rate for Lincoln Business Rates",
        # the line with no reporting verb, once a gap: its "target" says it reports on an
        # indicator, named up to its figures (round 11, tests/test_general_rdmeas.py)
        "The percentage of non-major and major planning applications determined within the government target"}
    assert measures["The in-year collection rate for Lincoln Business Rates"].properties["target"] == "30.53%"
    # the result is not part of the name
    assert _names(graph, Label.ACTION) == {}
