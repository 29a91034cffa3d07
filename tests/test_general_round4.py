"""The general reader, round 4: plans of kinds the corpus had not held (a homelessness action
plan, equality objectives, a children and young people's plan, anti-poverty strategies, a
cabinet vision statement, a council plan's performance pages, a peer challenge's minutes).

Each test quotes the lines of a round-4 development plan (tests/dev_corpus/, see SOURCES.md)
that its rule reads; the rules are worded for the shape, never the plan. The held-out plans
(tests/heldout_corpus/) are never quoted here.
"""

from __future__ import annotations

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, RelType
from stratgraph.loaders.general.cues import Mode, is_link_line, lead_in_mode
from stratgraph.loaders.general.wording import bad_name, split_two_cells

from general_reading import by_label, read_general as _read, lines_by_name as _names


def _owners(graph: GraphData, node_name: str) -> set[str]:
    ids = {n.id for n in graph.nodes.values() if n.name == node_name}
    return {graph.nodes[r.start].name for r in graph.relationships.values()
            if r.type is RelType.OWNS and r.end in ids}


# -- lead-in lines: a counted set with a qualifier, "priority areas", "will be around", an aim --

def test_lead_in_lines_that_count_or_aim_introduce_outcomes() -> None:
    # east-devon-poverty-reduction-strategy-objectives line 7: the counted set, then a short
    # qualifier ("with lead Services identified") before the colon.
    assert lead_in_mode("The three themes set out above are woven through five strategic objectives "
                        "with lead Services identified:") is Mode.OUTCOME
    # isle-of-wight-children-young-peoples-plan-2017-20 line 9: "priority areas" is the noun.
    assert lead_in_mode("It focuses on five key priority areas:") is Mode.OUTCOME
    # cumbria-anti-poverty-strategy lines 13 and 18.
    assert lead_in_mode("Over the next three years the Council's priorities will be around:") is Mode.OUTCOME
    assert lead_in_mode("By 2017 it is the Council's aim to have supported:") is Mode.OUTCOME
    # A qualifier that is a sentence of the council's own ("which we will focus on") is not one;
    # and recommendations are not outcomes.
    assert lead_in_mode("We have identified four key objectives which we will focus on over the next "
                        "three years, together with the ways in which we will measure success:") is None
    assert lead_in_mode("The Group had made 8 key recommendations:") is not Mode.OUTCOME


# east-devon-poverty-reduction-strategy-objectives, lines 5-13 (three objectives).
OBJECTIVES_WITH_LEADS = """6. Our five strategic objectives

The three themes set out above are woven through five strategic objectives with lead Services identified:

  1. Helping people on low incomes to maximise their household income and minimise their costs, building financial resilience and reducing indebtedness. Lead Service – Finance.
  2. Strengthening families and communities, including supporting groups of people that are more likely to experience poverty, and community and voluntary groups working to combat poverty. Lead Service – Housing.
  3. Promoting an inclusive economy, by raising skills and improving access to a range of employment opportunities for people on low incomes. Lead Service – Growth, Development & Prosperity.
"""


def test_objectives_after_a_counted_lead_in_are_outcomes_owned_by_their_lead_service() -> None:
    graph = _read(OBJECTIVES_WITH_LEADS)
    outcomes = by_label(graph, Label.OUTCOME)
    first = ("Helping people on low incomes to maximise their household income and minimise their costs, "
             "building financial resilience and reducing indebtedness")
    third = ("Promoting an inclusive economy, by raising skills and improving access to a range of "
             "employment opportunities for people on low incomes")
    # Gerund-led objectives are outcomes here, not to-do items; "Lead Service – X" is who
    # leads each (an Owner, one name with its commas), not part of its name.
    assert first in outcomes and third in outcomes
    assert outcomes[first]["owner"] == "Finance"
    assert _owners(graph, third) == {"Growth, Development & Prosperity"}
    assert not by_label(graph, Label.ACTION)
    assert not [name for name in outcomes if "Lead Service" in name or name.startswith("The three themes")]


# cumbria-anti-poverty-strategy, lines 13-16: the page copy lost the bullet glyphs (U+FFFD).
LOST_BULLETS = """Anti-Poverty Strategy

Over the next three years the Council's priorities will be around:
\ufffd Maximising household incomes;
\ufffd Building community resilience
\ufffd Tackling child poverty.
"""


def test_lines_led_by_a_lost_bullet_glyph_are_the_items_of_the_list() -> None:
    assert _names(_read(LOST_BULLETS), Label.OUTCOME) == {
        "Maximising household incomes": 4, "Building community resilience": 5, "Tackling child poverty": 6}


# -- an action table set as labelled lines ---------------------------------------------------

# buckinghamshire-homelessness-rough-sleeping-2022-25-priority-4, lines 1-6 and 13-15.
LABELLED_ACTIONS = """Homelessness and Rough Sleeping Strategy 2022 to 2025
Priority four
To prevent anyone having to sleep rough
Action - to work to prevent rough sleeping, by pro-active intervention and supporting those most at risk
- target /outcome - virtually eliminate rough sleeping by early learning and quick assessment
- year - ongoing
Action - Deliver the Housing First initiative to provide supported accommodation for rough sleepers; review after six full months of operation
- target /outcome - clear understanding of costs and benefits and long-term plan for taking forward if agreed
- year 1
"""


def test_labelled_action_lines_are_actions_and_the_labelled_lines_under_them_their_cells() -> None:
    graph = _read(LABELLED_ACTIONS)
    actions = by_label(graph, Label.ACTION)
    first = "To work to prevent rough sleeping, by pro-active intervention and supporting those most at risk"
    second = ("Deliver the Housing First initiative to provide supported accommodation for rough sleepers; "
              "review after six full months of operation")
    assert set(actions) == {first, second}
    assert actions[first]["rule"] == "labelled-action-line"
    # "year - ongoing", "year 1": the timescale cell as written; "target /outcome" its measure
    # of success (text, not a Measure node: it is shared by several actions).
    assert actions[first]["deadline"] == "ongoing"
    assert actions[second]["deadline"] == "year 1"
    assert actions[first]["success_measure"].startswith("virtually eliminate rough sleeping")
    assert not by_label(graph, Label.MEASURE)
    assert "To prevent anyone having to sleep rough" in _names(graph, Label.OUTCOME)


# carmarthenshire-cabinet-vision-2022-27-tackling-poverty, lines 1-9 (two bullets shortened).
TODO_UNDER_A_THEME = """Cabinet Vision Statement 2022 - 2027 (July 2022)

Tackling Poverty

  • Appoint a Cabinet Member to lead on the Tackling Poverty Agenda.
  • Review the Terms of Reference of the Tackling Poverty Advisory Panel to ensure that they have the necessary scope.
  • Request that the Tackling Poverty Advisory Panel immediately begins an additional strand of work.
  • Work with external bodies to tackle and understand what can be done to support residents immediately.
  • Support the devolution of the administration of welfare and the necessary infrastructure required to prepare for it.
"""


def test_appoint_and_request_are_planning_verbs_and_an_advisory_panel_is_no_partnership() -> None:
    graph = _read(TODO_UNDER_A_THEME)
    actions = _names(graph, Label.ACTION)
    assert "Appoint a Cabinet Member to lead on the Tackling Poverty Agenda" in actions
    assert len(actions) == 5
    assert _names(graph, Label.OUTCOME) == {"Tackling Poverty": 3}
    assert not _names(graph, Label.PARTNERSHIP)  # the council's own advisory panel


# -- an outcomes table whose measure cells a copy ran into each row ---------------------------

# south-gloucestershire-equality-plan-2015-objectives, lines 13-23 (two rows).
OUTCOME_MEASURE_ROWS = """Key objectives

We have identified four key objectives which we will focus on over the next three years, together with the ways in which we will measure success:

Objective Measuring success
Objective 1: To ensure a consistently high and effective approach to managing equalities Our system for managing equalities is consistently followed as described in part 3 of this equality plan
Objective 3: To reduce any gaps in service use, take-up and outcomes. Analysis of data within each service of gaps in service use, take-up and the achievement of intended outcomes.

Priorities and actions to address these objectives will be published annually.
"""


def test_an_outcome_rows_measure_cell_is_its_measure_and_the_header_and_the_closing_line_nothing() -> None:
    graph = _read(OUTCOME_MEASURE_ROWS)
    assert _names(graph, Label.OUTCOME) == {
        "To ensure a consistently high and effective approach to managing equalities": 6,
        "To reduce any gaps in service use, take-up and outcomes": 7,
    }
    measures = by_label(graph, Label.MEASURE)
    assert set(measures) == {
        "Our system for managing equalities is consistently followed as described in part 3 of this equality plan",
        "Analysis of data within each service of gaps in service use, take-up and the achievement of intended outcomes",
    }
    assert {m["rule"] for m in measures.values()} == {"outcome-row-measure-cell"}


def test_two_cells_split_at_a_full_stop_or_a_capital_after_a_lower_case_word() -> None:
    assert split_two_cells("To ensure fair treatment for all by council services Percentage of residents surveyed") == (
        "To ensure fair treatment for all by council services", "Percentage of residents surveyed")
    assert split_two_cells("To reduce gaps in service use. Analysis of data within each service") == (
        "To reduce gaps in service use.", "Analysis of data within each service")
    assert split_two_cells("Work with the Equality Act duties") == ("Work with the Equality Act duties", None)


# -- what is never a node ---------------------------------------------------------------------

def test_meeting_lines_status_counts_chart_counts_and_broken_lines_are_no_names() -> None:
    # new-forest-corporate-peer-challenge-2017-recommendations line 5
    assert bad_name("Meeting: 06/12/2017 - Cabinet (Item 48)")
    # bracknell-forest-council-plan-overview-q4-2024-25 lines 9, 15 and 33
    assert bad_name("1 has not started (less than 1%)")
    assert bad_name("21 actions are green (43%)")
    assert bad_name("Red, 14 (15%); Green, 78 (82%); Amber, 3 (3%)")
    assert bad_name("Red, 7, 14%; Green, 21, 43%; Amber, 21, 43%")
    # isle-of-wight-housing-renewal-strategy-action-plan-2003: "In preparing the"
    assert bad_name("In preparing the")
    # ... but an item with a list's joining word, a real target or a colour in a name stays.
    assert not bad_name("Tackle domestic abuse; and")
    assert not bad_name("Reduce emissions by 20% (2025)")
    assert not bad_name("Green spaces for all")


def test_a_guide_pages_show_all_parts_control_is_a_link_line() -> None:
    # east-devon-poverty-reduction-strategy-objectives line 3
    assert is_link_line("Show all parts of this policy")


# bracknell-forest-council-plan-overview-q4-2024-25, lines 1-16 and 24 (shortened).
RAG_SUMMARY = """Council plan overview report - Summary

Actions status

At the end of quarter 4 (January to March 2025) there were 114 actions to be reported:

  • 64 are complete (55%)
  • 49 are in progress (43%)
  • 1 has not started (less than 1%)

Red, 7, 14%; Green, 21, 43%; Amber, 21, 43%

Where actions are not completed and no longer directly related to the Council Plan, these will be reviewed by services.
"""


def test_a_rag_summary_makes_no_action_or_measure_and_its_report_names_the_plan_it_reports_on() -> None:
    graph = _read(RAG_SUMMARY)
    assert not _names(graph, Label.ACTION)
    assert not _names(graph, Label.MEASURE)
    # "Council plan overview report": a report on the Council Plan, a document of its own.
    assert [name.lower() for name in _names(graph, Label.STRATEGY)] == ["council plan"]


# dorset-council-plan-performance-dashboard lines 1-9; east-devon-poverty-reduction-strategy-
# objectives line 15; south-gloucestershire-equality-plan-2015-objectives line 9.
OWN_PARTS = """Council Plan performance dashboard

Our four strategic priorities are:
- Grow our economy
- Communities for all

We monitor progress of the Council Plan through our performance framework.

The key activities we will undertake are set out below and in the Action Plan.

Each department head has responsibility to ensure that staff can implement their responsibilities under this action plan.
"""


def test_a_document_named_only_by_its_kind_or_pointed_back_to_is_no_strategy() -> None:
    strategies = {name.lower() for name in _names(_read(OWN_PARTS), Label.STRATEGY)}
    assert strategies == {"council plan"}


# -- precision over the whole development corpus: kinds of wrong node, not cases ---------------

def test_a_verbs_word_used_as_a_noun_does_not_start_a_to_do_item() -> None:
    from stratgraph.loaders.general.wording import IMPERATIVE

    # cumbria-council-plan-key-indicators-and-targets lines 17 and 86: indicators of a KPI
    # table flattened a cell a line, read as actions because "Working"/"Support" are verbs.
    assert not IMPERATIVE.match("Working age people claiming out of work benefits in the worst performing neighbourhoods")
    assert not IMPERATIVE.match("Support per 100,000 population (Direct payments and Individual")
    # new-forest-corporate-peer-challenge-2017-recommendations line 39 stays a to-do item.
    assert IMPERATIVE.match("Review levels of decision making to empower managers and staff to deliver;")
    assert IMPERATIVE.match("Working with partners develop an investment pipeline for housing")


def test_a_pledge_of_conduct_is_no_commitment() -> None:
    from stratgraph.loaders.general.statements import commitment

    # argyll-and-bute-council-priorities-2017-2022 line 3
    assert commitment("Like the communities we represent we are ambitious and we will always be accessible "
                      "to our constituents and accountable to the people of Argyll and Bute.") is None
    assert commitment("We will be open and honest with residents about our finances.") is None
    # ... while what the council will deliver still is one.
    assert commitment("We will be delivering 500 new homes by 2026.") is not None
    assert commitment("We will build 500 new homes by 2026.") == "Build 500 new homes by 2026"


# -- three more kinds: a culture strategy, a transport plan's goals, an economic strategy -----

# royal-greenwich-culture-strategy-heritage-principle, lines 10-20 (shortened).
WHAT_WE_WANT = """What we want

  • Our borough to build on its strong heritage by finding new ways to tell its story.
  • Everyday heritage that exists in our communities to be valued and protected, and shared with future generations.

What we will do

  • Increase access to our archives and collections.
"""


def test_what_we_want_introduces_outcomes() -> None:
    graph = _read(WHAT_WE_WANT)
    assert set(_names(graph, Label.OUTCOME)) == {
        "Our borough to build on its strong heritage by finding new ways to tell its story",
        "Everyday heritage that exists in our communities to be valued and protected, and shared with future generations",
    }
    assert set(_names(graph, Label.ACTION)) == {"Increase access to our archives and collections"}


# telford-local-transport-plan-2011-26-goals, lines 8-20 (four goals left out).
LIST_AFTER_CHROME = """Transport

View the third Local Transport Plan 2011-2026 (LTP3) for the Borough which was adopted in April 2011 and sets out our six goals: 

  • maintain highways effectively and efficiently
  • reduce carbon emissions to help tackle climate change

Last updated: 05/07/2022 10:21

  1. Introduction
  2. Contact
"""


def test_a_list_after_a_line_of_page_chrome_is_not_the_list_before_it() -> None:
    # The date stamp is chrome (left out of the reading); the page's section links under it
    # are another list, not more goals.
    assert set(_names(_read(LIST_AFTER_CHROME), Label.OUTCOME)) == {
        "Maintain highways effectively and efficiently", "Reduce carbon emissions to help tackle climate change"}


# chorley-economic-strategy-2022-delivery, lines 2-14 (descriptions shortened).
INTERVENTIONS = """Economic Strategy 2022

The Council will drive the delivery of the strategy through a collaborative approach with partners. An action plan will accompany the strategy with a number of specific schemes that will be led, directed or facilitated by the Council to enhance delivery.

Innovation hubs 

Council-directed thematic, intelligence-led forums where organisational leaders will come together around a specific agenda to commit to actions.

Knowledge transfer partnerships 

Council-facilitated business to business collaboration to share sector learning or best practice e.g. sustainable operations and the green agenda.

Business events and awards 

In addition to networking and engagement forums, there may be a desire to review and reinvigorate a focused programme of events that has clear objectives.
"""


def test_short_headings_over_descriptions_after_a_schemes_lead_in_are_interventions() -> None:
    graph = _read(INTERVENTIONS)
    actions = by_label(graph, Label.ACTION)
    interventions = {name for name, a in actions.items() if a["rule"] == "intervention-heading"}
    assert interventions == {"Innovation hubs", "Knowledge transfer partnerships", "Business events and awards"}
    assert actions["Innovation hubs"]["description"].startswith("Council-directed thematic")
    # an intervention named "... partnerships" is no partnership body; no heading is a theme.
    assert not _names(graph, Label.PARTNERSHIP)
    assert not _names(graph, Label.THEME)
