"""The general reader, round 8: plans of kinds the development corpus lacked (decision notices
and committee resolutions, an objective tracker, indicators with targets among outcomes,
success criteria, key result measures with their targets, a statement of principles).

Each test quotes the lines of a development plan (tests/dev_corpus/, rows "round 8" in
SOURCES.md) that its rule reads; the rules are worded for the shape, never the plan. The
held-out plans (tests/heldout_corpus/) are never quoted here.
"""

from __future__ import annotations

from stratgraph.graph.model import Label
from stratgraph.loaders.general.cues import Mode, heading_mode, is_boilerplate, lead_in_mode
from stratgraph.loaders.general.statements import indicator_targets
from stratgraph.loaders.general.wording import bad_name

from general_reading import read_general as _read, lines_by_name as _names, node_named as _node


# burngreave-ndc-community-strength-wellbeing-outcomes, lines 1-13.
TARGETS_AMONG_OUTCOMES = """Priority Area Outcomes

  • To increase the percentage of residents who have heard of BNDfC to 90%.

  • To bring down the percentage of households with a household income of less than ₤5000 to 25% and to bring down the percentage of households with a household income of less than ₤8000 to 42.4%.

  • Residents will have a healthier diet eating more fruit and vegetables. The current guidance is to eat five portions a day.

  • Residents will be more physically active. The current guidance is to be physically active for 30 minutes at least five times a week.
"""


def test_an_indicator_and_its_target_among_outcomes_is_a_measure() -> None:
    graph = _read(TARGETS_AMONG_OUTCOMES)
    measures = _names(graph, Label.MEASURE)
    assert measures == {
        "Percentage of residents who have heard of BNDfC": 3,
        "Percentage of households with a household income of less than ₤5000": 5,
        "Percentage of households with a household income of less than ₤8000": 5}
    assert _node(graph, Label.MEASURE, "Percentage of residents who have heard of BNDfC").properties["target"] == "90%"
    assert _node(graph, Label.MEASURE,
                 "Percentage of households with a household income of less than ₤8000").properties["target"] == "42.4%"
    outcomes = _names(graph, Label.OUTCOME)
    assert not any(name.startswith("To ") for name in outcomes)
    assert any(name.startswith("Residents will have a healthier diet") for name in outcomes)


def test_only_a_line_made_of_indicator_targets_is_split_so() -> None:
    assert indicator_targets("To increase the number of homes built to 300") == [("Number of homes built", "300")]
    assert indicator_targets("To increase the percentage of residents who feel safe") == []  # no target
    assert indicator_targets("To increase the number of homes and to improve their quality") == []


# east-ayrshire-community-plan-wellbeing-theme, lines 3-21.
SUCCESS_LOOKS_LIKE = """Wellbeing theme

Detailed below are the priorities under the Wellbeing theme which we will work to achieve over the lifetime of the Community Plan 2015-2030.

  • Older people and adults who require support and their carers are included and empowered to live the healthiest life possible.
  • Communities are supported to address the impact that inequalities have on the health and wellbeing of our residents.

Wellbeing Delivery Plan

We will continue to provide opportunities for residents to improve their overall wellbeing, lead an active healthy life and make positive lifestyle choices. The local outcomes and priority actions which we will take forward as Partners can be found in the Delivery Plan for Wellbeing.

What success will look like


  • Our children will have better life chances, particularly those in our most deprived communities.
  • We will have halted the levels of overweight and obesity among children and adults.
"""


def test_priorities_detailed_below_and_what_success_will_look_like() -> None:
    graph = _read(SUCCESS_LOOKS_LIKE)
    outcomes = _names(graph, Label.OUTCOME)
    assert outcomes.get("Older people and adults who require support and their carers are included and empowered to live the healthiest life possible") == 5
    assert len([n for n in outcomes if n.startswith(("Older people", "Communities are"))]) == 2
    measures = _names(graph, Label.MEASURE)
    assert set(measures.values()) == {15, 16}
    # "We will have halted ...": a state to reach, measured, not a to-do item.
    assert not any(name.startswith("Have halted") for name in _names(graph, Label.ACTION))


def test_cue_shapes() -> None:
    assert lead_in_mode("Detailed below are the priorities under the Wellbeing theme which we will work to achieve:") is Mode.OUTCOME
    assert heading_mode("What success will look like") is Mode.MEASURE
    assert heading_mode("We will know we have been successful when") is Mode.MEASURE
    # the same cue in other words (made-up lines)
    assert lead_in_mode("We’ll know we’ve been successful when:") is Mode.MEASURE
    assert lead_in_mode("We will know we have succeeded when we see:") is Mode.MEASURE
    assert lead_in_mode("This is what success looks like:") is Mode.MEASURE
    assert heading_mode("Appendix one: Key result measures") is Mode.MEASURE
    assert not is_boilerplate("Appendix one: Key result measures")
    assert is_boilerplate("Appendix 2: Glossary")


# teignbridge-council-strategy-the-way-we-will-work, lines 11-17.
PRINCIPLES = """The Way We Will Work

Following our conversations with members and representatives from across our communities, we have listened to your feedback and put together this statement of principles on how we will work.

  • We will talk meaningfully to you about the projects and decisions that affect you and encourage you to get involved in what happens in your area.
  • We will make sure you can see how and why decisions are being made.
  • We will manage our money and resources so that we can provide well run services.
"""


def test_a_statement_of_principles_holds_no_actions() -> None:
    graph = _read(PRINCIPLES)
    assert _names(graph, Label.ACTION) == {}
    assert _names(graph, Label.OUTCOME) == {}


# port-stephens-delivery-program-key-result-measures, lines 3-14.
KEY_RESULT_MEASURES = """Appendix one: Key result measures
Council deploys seven key measures to record its performance against targets. The measures are:
1. Service delivery
While the Community Strategic Plan lays out the general priorities for the community, the Delivery Program and Operational Plan detail how Council will deliver these priorities through activities and actions.
Council reports against actions and budgets, detailed in the Delivery Program and the annual Operational Plan through its Annual and Six Monthly reports.
For Council to be successful in this measure: Target: >95% integrated plans delivered on time (which includes delivery of the actions set out in the annual Operational Plan).
2. Community satisfaction
Council’s annual Community Satisfaction Survey provides the community with an opportunity to have their say on how Council is performing and their level of satisfaction with Council’s facilities and services.
For Council to be successful in this measure: Target: >75% community satisfaction score. In addition to the Community Satisfaction Survey, Council also undertakes a number of other user surveys.
3. Employee wellbeing
"""


def test_numbered_measures_in_an_appendix_with_their_targets_and_descriptions() -> None:
    graph = _read(KEY_RESULT_MEASURES)
    assert _names(graph, Label.MEASURE) == {"Service delivery": 3, "Community satisfaction": 7, "Employee wellbeing": 10}
    assert _node(graph, Label.MEASURE, "Service delivery").properties["target"] == ">95% integrated plans delivered on time"
    assert _node(graph, Label.MEASURE, "Community satisfaction").properties["target"] == ">75% community satisfaction score"
    assert "Community Strategic Plan" in _names(graph, Label.STRATEGY)


# singleton-how-do-we-know-we-have-succeeded, lines 1-9.
APPARATUS_WORDS_AS_MEASURES = """How do we know if we have succeeded?

Council deploys key measures to record its performance against targets. Targets for each of these measures are determined annually and are listed in the Delivery Program. The measures are:

  1. Service delivery
  2. Customer satisfaction
  3. Employee engagement
  4. Governance
  5. Risk management
"""


def test_apparatus_words_among_measures_are_measures() -> None:
    graph = _read(APPARATUS_WORDS_AS_MEASURES)
    assert {"Governance", "Risk management"} <= set(_names(graph, Label.MEASURE))


# bracknell-forest-caring-for-you-objectives-q3-2023-24, lines 17-36.
TRACKER = """Objective details

Select an objective below to learn more about what we've been doing.

4.01.01 Increase participation in sports, leisure and cultural activities

Directorate: Delivery

Section: Executive Director: Delivery

Stage: In progress

Due date: 31 March 2024

Percentage complete: 80%

Status: Green


Performance remains within the agreed client requirements.
"""


def test_a_tracker_objectives_fields_are_its_owner_deadline_and_status() -> None:
    graph = _read(TRACKER)
    assert _names(graph, Label.ACTION) == {"Increase participation in sports, leisure and cultural activities": 5}
    props = _node(graph, Label.ACTION, "Increase participation in sports, leisure and cultural activities").properties
    assert (props["deadline"], props["owner"], props["status"]) == ("31 March 2024", "Executive Director: Delivery", "Green")
    assert _names(graph, Label.OUTCOME) == {}
    assert "Objective details" not in _names(graph, Label.THEME)


# lancashire-hwb-place-partnership-areas-of-focus-2025-26, lines 1-3; tonbridge-malling-...,
# lines 1-4; west-lancashire-..., line 3.
def test_decision_notice_fields_are_no_names() -> None:
    for line in ("Is Key decision?: No", "Decision status: Recommendations Approved", "Is subject to call in?: Yes",
                 "Decision Maker: Cabinet", "Wards affected", "Publication date: 13/02/2025", "Status: Green",
                 "Objective details", "Accompanying Documents:"):
        assert bad_name(line), line
    assert not bad_name("Status of women in the workforce is improved")


# bracknell-forest-council-plan-key-result-definitions, lines 11-16.
RESULT_METRIC_ROWS = """Engaged and healthy communities

Measurement metrics for engaged and healthy communities
Result Metric for measurement Reference
Raise secondary attainment levels for disadvantaged students Attainment 8 for KS4 pupils considered disadvantaged KR111
Raise primary school development for disadvantaged children Percentage of disadvantaged children achieving expected standard+ (EXS+) combined Reading, Writing, Maths (RWM) by end of KS2 KR112
"""


def test_a_flattened_key_results_table_gives_each_result_and_its_metric() -> None:
    graph = _read(RESULT_METRIC_ROWS)
    assert _names(graph, Label.OUTCOME) == {
        "Raise secondary attainment levels for disadvantaged students": 5,
        "Raise primary school development for disadvantaged children": 6}
    measures = _names(graph, Label.MEASURE)
    assert measures == {
        "Attainment 8 for KS4 pupils considered disadvantaged": 5,
        "Percentage of disadvantaged children achieving expected standard+ (EXS+) combined Reading, Writing, Maths (RWM) by end of KS2": 6}
    assert _node(graph, Label.MEASURE, "Attainment 8 for KS4 pupils considered disadvantaged").properties["indicator_code"] == "KR111"
    assert "Result Metric for measurement Reference" not in _names(graph, Label.THEME)


# port-stephens-delivery-program-key-result-measures, lines 14-20.
PARTS_OF_A_MEASURE = """Key result measures
Council deploys seven key measures to record its performance against targets. The measures are:
4. Governance health check
The Governance Health Check ensures the Council is held to account for meeting its legislative and operational requirements. The Governance Health Check covers four key areas:
Ethics,
Risk management,
Information management and
Reporting. For Council to be successful in this measure: Target: >95% governance health check.
5. Risk management maturity
"""


def test_the_parts_a_measures_description_lists_are_not_outcomes() -> None:
    graph = _read(PARTS_OF_A_MEASURE)
    assert _names(graph, Label.OUTCOME) == {}
    assert set(_names(graph, Label.MEASURE)) == {"Governance health check", "Risk management maturity"}


# east-devon-council-plan-2024-28-cabinet, lines 17-23 (a references-round plan: its resolutions
# were read as the plan's actions); spelthorne-service-plans-2024-25-committee, lines 26-30.
RESOLUTIONS = """Council Plan 2024-2028

RESOLVED: that Cabinet

1.     Agree the Council Plan 2024-2028 including its actions and measures and recommends its approval to Council.

2.     Gives delegated authority to the Director of Finance in consultation with the Portfolio Holder Council and Corporate Co-ordination to make any minor changes to the text as required prior to submission to Full Council.

3.     Consider and agree the frequency of monitoring of the actions and measures set out on the plan.
"""

COMMITTEE_RESOLVED = """Service Plans 2024-25

The Committee resolved to:

  1. Approve the proposed Revenue Growth Bids, Capital Growth Bids and Savings Plans for 2024-25 for this Committee.

2.    Recommend to Corporate Policy & Resources Committee that they approve the proposed Revenue Growth Bids, Capital Growth Bids and Savings Plans for 2024-25.
"""


def test_a_meetings_resolutions_are_not_the_plans_actions() -> None:
    for text in (RESOLUTIONS, COMMITTEE_RESOLVED):
        graph = _read(text)
        assert _names(graph, Label.ACTION) == {}
        assert not any(name.startswith("RESOLVED") for name in _names(graph, Label.OUTCOME))
        assert not any(name.startswith("RESOLVED") for name in _names(graph, Label.THEME))
    assert bad_name("RESOLVED: that Cabinet")


# ballina-community-strategic-plan-2022-32-connected-community, lines 3-12.
CODED_TABLE = """CONNECTED COMMUNITY (CC
REF: OUR OUTCOMES AND WHAT COUNCIL WILL DO WHAT THE BENEFITS WILL BE CC1 WE FEEL SAFE AND RESILIENT
CC1.1 Actively promote safety and well-being strategies Lower crime rates against people and property Reduce incidences of non-compliance through proactive programs
CC1.2 Ensure plans are in place for epidemics, natural disasters and environmental changes The community is well prepared
CC2 WE HAVE A SENSE OF BELONGING WITHIN THE COMMUNITY
CC2.1 Encourage community interaction, volunteering and wellbeing within all our communities
CC2.2 Create events and activities that promote interaction and education, as well as a sense of place There are more people volunteering in our community
Increase in events and community participation
CC2.3 Support and promote our cultures and heritage We recognize and value our Indigenous history and living culture
"""


def test_a_coded_outcomes_table_gives_outcomes_and_their_actions_without_the_benefits() -> None:
    graph = _read(CODED_TABLE)
    assert _names(graph, Label.OUTCOME) == {"We feel safe and resilient": 2,
                                            "We have a sense of belonging within the community": 5}
    actions = _names(graph, Label.ACTION)
    assert actions == {
        "Actively promote safety and well-being strategies": 3,
        "Ensure plans are in place for epidemics, natural disasters and environmental changes": 4,
        "Encourage community interaction, volunteering and wellbeing within all our communities": 6,
        "Create events and activities that promote interaction and education, as well as a sense of place": 7,
        "Support and promote our cultures and heritage": 9}
    assert _node(graph, Label.ACTION, "Actively promote safety and well-being strategies").properties["benefits"] \
        .startswith("Lower crime rates")


# Made-up lines (no development plan holds the shape yet): a priority named before a colon,
# then what the council will do for it.
NAME_COLON_PLEDGE = """Our plan for a greener borough

Our priorities are:

- Cleaner streets: we will increase street cleansing in the town centre to daily
- Safer parks: we will install new lighting in five parks by 2026
"""


def test_a_priority_named_before_a_colon_then_we_will_is_an_outcome_and_its_action() -> None:
    graph = _read(NAME_COLON_PLEDGE)
    assert _names(graph, Label.OUTCOME) == {"Cleaner streets": 5, "Safer parks": 6}
    assert _names(graph, Label.ACTION) == {"Increase street cleansing in the town centre to daily": 5,
                                           "Install new lighting in five parks by 2026": 6}


# flintshire-council-plan-2023-28-development-cabinet, line 13 (a references-round plan).
RESOLUTION_SENTENCE = """Council Plan 2023-28 Development

(2)       That the Chief Executive be given authority, in consultation with the Leader of the Council and Cabinet Member for Education, Welsh Language, Culture and Leisure, to amend the Council Plan to reflect comments from the Overview and Scrutiny Committees.
"""


def test_a_resolution_sentence_is_no_commitment() -> None:
    assert _names(_read(RESOLUTION_SENTENCE), Label.ACTION) == {}


# west-lancashire-council-plan-2023-28-development-decision, lines 3-27.
REWORDED_PRIORITY = """Council Plan 2023-2028 Development

Is Key decision?: No

RESOLVED:   A.     That the draft Council Plan 2023-2028 priorities and areas of focus at Appendix 1 to be used in public consultation, subject to the fourth priority being amended to read "Manage a resilient, financially strong Council that listens to its residents".
"""


def test_a_priority_reworded_in_a_resolution_is_an_outcome() -> None:
    graph = _read(REWORDED_PRIORITY)
    assert _names(graph, Label.OUTCOME) == {"Manage a resilient, financially strong Council that listens to its residents": 5}
    assert _names(graph, Label.ACTION) == {}
