"""The general reader, round 3: plans of kinds the corpus had not held (a town council's
plan, a housing association's objective page, a Northern Irish improvement plan ...).

Each test quotes the lines of a round-3 development plan (tests/dev_corpus/, see SOURCES.md)
that its rule reads; the rules are worded for the shape, never the plan.
"""

from __future__ import annotations

from stratgraph.graph.model import Label

from general_reading import read_general as _read, lines_by_name as _names


# yateley-town-council-plan-2020-strategic-priorities, lines 1-26 (two priorities shortened).
COLON_NUMBERED = """Town Council Plan 2020

Strategic Priorities

The following strategic priorities have been agreed in the Town Council Plan:

1: Promoting sustainable living, the protection of our environment and enhancing the quality of life for our residents.

2: Providing strong community engagement opportunities and effective communication to support the community.

3: Generating positive developments in local infrastructure to enable excellent services for all.

4: Delivering value for money through continued efficiency and strong governance to provide a high quality of service.

5: Making local authority services more accessible to our residents.


Town Council Plan 2020

To view the full plan, please click on this link.
"""


def test_lines_numbered_with_a_colon_are_priorities_and_the_title_after_them_is_not() -> None:
    outcomes = _names(_read(COLON_NUMBERED), Label.OUTCOME)
    # "N: " is the list's marker, not part of a name; a long priority ending in a full stop is
    # no description of the one before it; the plan's title repeated over its link and the
    # link's "To view ..., click on this link" are not priorities.
    assert outcomes == {
        "Promoting sustainable living, the protection of our environment and enhancing the quality of life for our residents": 7,
        "Providing strong community engagement opportunities and effective communication to support the community": 9,
        "Generating positive developments in local infrastructure to enable excellent services for all": 11,
        "Delivering value for money through continued efficiency and strong governance to provide a high quality of service": 13,
        "Making local authority services more accessible to our residents": 15,
    }


# livin-plan-a-strategic-objective-6-strong-communities, lines 21-41.
MEASURES_ASKED = """How will we measure success?

Balancing communities economically and socially will be measured via the following suite of performance measures.

Performance Measure Level 1 
Social Value achieved through number of customers participating and progressing into employment, training, volunteering or further education
Percentage of sustainable community zones improved
Avoidable turnover as a percentage of overall tenancy turnover
Turnover of tenancies as a percentage of overall stock

Jump to another section

M0084668 Plan A 380x200 Chair.jpg Improving existing homes
35.jpg Introduction to Plan A
M0084668 Plan A 380x200 Couple.jpg About us
19.jpg Delivering an excellent customer experience

Newsletter Signup
"""


def test_how_will_we_measure_success_asked_gives_one_measure_a_line_and_image_links_are_nothing() -> None:
    graph = _read(MEASURES_ASKED)
    # "How will we measure success?" is the "How we will measure" cue asked as a question, and
    # "Performance Measure Level 1" a caption in the singular; the links under a picture's file
    # name, "Jump to another section" and "Newsletter Signup" are the page's own navigation.
    assert _names(graph, Label.MEASURE) == {
        "Social Value achieved through number of customers participating and progressing into employment, training, volunteering or further education": 6,
        "Percentage of sustainable community zones improved": 7,
        "Avoidable turnover as a percentage of overall tenancy turnover": 8,
        "Turnover of tenancies as a percentage of overall stock": 9,
    }
    assert _names(graph, Label.OUTCOME) == {}
    assert _names(graph, Label.ACTION) == {}


# belfast-labour-market-partnership-action-plan-2022-23, lines 3-16.
STRATEGIC_INTENTS = """Belfast Labour Market Partnership strategic overview

Published in January 2023

This document is a summary of Belfast Labour Market Partnership's action plan for 2022 to 2023. The plan gives an overview of activities, projects and actions we will carry out to support people who aren't in the labour market; as well as what we can do to help them find employment and help employer recruit Belfast residents to fill vacant jobs.

In April 2023, we will publish a new action plan for 2023 to 2024. This is subject to approval from the regional Labour Market Partnership.

The action plan has four strategic intents:

  • Quickly back to work: mitigating the economic impact of COVID-19 on the labour market
  • Increasing opportunities: empowering people who are furthest from the labour market to succeed and progress in employment
"""


def test_strategic_intents_are_outcomes_and_the_plans_own_business_is_no_action() -> None:
    graph = _read(STRATEGIC_INTENTS)
    # "strategic intents" is a plan's name for its outcomes; "Published in January 2023" is the
    # page's date stamp; "actions we will carry out" describes the actions (the "we will" is in
    # a clause on the listed nouns); publishing the plan's next edition is no action of it.
    # Round 7: the short name before the colon is the intent's theme and the phrase after it
    # the outcome (as the plan's expected items have it: "Quickly back to work: mitigating ...").
    assert _names(graph, Label.OUTCOME) == {
        "Mitigating the economic impact of COVID-19 on the labour market": 11,
        "Empowering people who are furthest from the labour market to succeed and progress in employment": 12}
    assert {"Quickly back to work", "Increasing opportunities"} <= set(_names(graph, Label.THEME))
    assert _names(graph, Label.ACTION) == {}
    assert not any(n.label is Label.THEME and "Published" in n.name for n in graph.nodes.values())


# belfast-performance-improvement-plan-2024-25-objectives, lines 8-32 (the lead-in shortened).
OBJECTIVES_UNDER_LABELS = """Our Performance Improvement Plan sets out six performance improvement objectives for the period 2024-25.

Our services

We will continue to adapt and improve our services to better meet the needs of our residents and stakeholders.

Our place

We will create a more vibrant, attractive, and connected city (including the city centre).

Our planet

We will champion climate action; protect the environment and improve the sustainability of Belfast.

Compassionate city

We will support our residents through the cost-of-living crisis.
"""


def test_objectives_stated_as_one_we_will_sentence_under_short_labels_are_outcomes() -> None:
    graph = _read(OBJECTIVES_UNDER_LABELS)
    # The page calls the pairs objectives: each "We will ..." sentence is the objective, its
    # heading the label it is filed under (a theme), and no action is made of it.
    assert _names(graph, Label.OUTCOME) == {
        "We will continue to adapt and improve our services to better meet the needs of our residents and stakeholders": 5,
        "We will create a more vibrant, attractive, and connected city (including the city centre)": 9,
        "We will champion climate action; protect the environment and improve the sustainability of Belfast": 13,
        "We will support our residents through the cost-of-living crisis": 17,
    }
    assert _names(graph, Label.ACTION) == {}
    assert set(_names(graph, Label.THEME)) == {"Our services", "Our place", "Our planet", "Compassionate city"}


def test_the_same_shape_called_commitments_keeps_heading_outcomes_and_sentence_actions() -> None:
    # essex-everyones-essex-20-commitments-2021-25 has the same pairs under "Our 20
    # commitments": there the heading is the commitment's name and the sentence its action.
    text = OBJECTIVES_UNDER_LABELS.replace(
        "sets out six performance improvement objectives for the period 2024-25",
        "sets out our 20 commitments to improve the lives of our residents")
    graph = _read(text)
    assert "Our planet" in _names(graph, Label.OUTCOME)
    assert "Champion climate action; protect the environment and improve the sustainability of Belfast" \
        in _names(graph, Label.ACTION)


def test_a_header_row_run_into_one_line_is_no_theme() -> None:
    # belfast-labour-market-partnership-action-plan-2022-23, lines 18-21: the table's header
    # "Targets ... Actions Milestones" flattened into one line by the web copy.
    graph = _read("""Our strategic intents are:

  • Quickly back to work: mitigating the economic impact of COVID-19 on the labour market

Quickly back to work

Targets for 'Quickly back to work' strategic intent Actions Milestones
By 2026, we will reduce the working-age economic inactivity rate within Belfast to 18.0 per cent
""")
    assert not any("Milestones" in n.name for n in graph.nodes.values())
    assert "Working-age economic inactivity rate within Belfast" in _names(graph, Label.MEASURE)


# south-ribble-climate-emergency-action-plan-2021-plan-to-2030, lines 1-13.
FLAT_NESTED = """The Plan to 2030
This plan, in summary:
- reaffirms our commitment for the borough to be carbon neutral by 2030, and provides targets for the council to deliver on this pledge
- highlights our commitment to work with residents and businesses to deliver change locally, and share best practice and learning
- sets out actions that will be taken to:
- build and retrofit home
- provide for clean and sustainable travel
- acknowledges the local effects of climate change
- confirms our commitment to continue to work with partners and central government to enable the council to react to the effects of climate change
"""


def test_a_nested_list_printed_flat_ends_at_the_next_item_that_says_what_the_plan_does() -> None:
    # "sets out actions that will be taken to:" introduces the action areas; "acknowledges ..."
    # and "confirms ..." are worded as the lead-in is, so they are back in the summary's list.
    assert _names(_read(FLAT_NESTED), Label.ACTION) == {
        "Build and retrofit home": 6, "Provide for clean and sustainable travel": 7}
