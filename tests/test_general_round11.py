"""The general reader on outcomes a plan states as a state of its place or people (reading round 11).

Councils write outcomes as what will be true ("People lead independent healthy lives"), not
only as short noun phrases; the reader kept short lines under an outcomes cue and lost these.
Each test quotes lines of public plans of different bodies (tests/dev_corpus/SOURCES.md names
them), so the decision holds in any council's English: the sentence's grammar (a subject that
is people or a place, a verb of being or having now or from now on) says it is an outcome.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stratgraph.graph.model import Label
from stratgraph.loaders.general.aims_by_year import aim_by_year
from stratgraph.loaders.general.state_statements import page_top_state, state_outcomes
from stratgraph.loaders.general.theme_outcomes import theme_name

from general_reading import by_label, read_general

CORPUS = Path(__file__).parent / "dev_corpus"

STATES = [
    # Burngreave New Deal for Communities, priority area outcomes
    # (tests/dev_corpus/burngreave-ndc-community-strength-wellbeing-outcomes.md, line 13, first sentence)
    "Residents will be more physically active.",
    # Cumbria County Council, council plan key indicators (tests/dev_corpus/cumbria-council-plan-key-indicators-and-targets.md,
    # line 78, the outcome a column break cut into lines, joined)
    "People lead independent healthy lives",
    # Falkirk Council, Council of the Future: Communities (tests/dev_corpus/falkirk-council-of-the-future-communities.md, line 1)
    "Everyone has an equal chance to be healthier, happier, safer and build sustainable communities.",
    # Chorley Council, corporate strategy chapter (tests/dev_corpus/chorley-corporate-strategy-2023-24-healthy-safe-communities.md, line 3)
    "\"Across the borough communities have the tools and ability to achieve their best\"",
]

NOT_STATES = [
    # the plan, its parts or its making described (Essex County Council, line 5 of
    # essex-everyones-essex-20-commitments-2021-25; Cambridgeshire and Peterborough ICS, line 23 of
    # cambridgeshire-peterborough-ics-our-priorities-2022-30; Wealden District Council, equality objectives)
    "Our 20 commitments are divided into 4 key areas: economy, environment, health and family",
    "Partners across the Integrated Care System have agreed on four priorities, where we will focus our "
    "efforts to achieve healthier futures for everyone in our area",
    "Equality of opportunity is central to the Council’s objectives and values 2022-25",
    # a truth about any home (Telford & Wrekin Council, draft housing strategy 2025-30)
    "A decent home is the foundation on which people build their lives and communities thrive",
    # what will be done to some of a number (London Borough of Redbridge, regeneration, growth and homes)
    "Many of our new homes will be built within town centres, and will make a positive contribution to the "
    "vitality of our towns",
    # news of a person (Stroud District Council, 2030 strategy page)
    "Our apprentice Amelia Bolton-Harris has been finding out what is going on across the council and across the district",
    # a priority's label and its meaning (Eastleigh Borough Council, corporate plan)
    "A Prosperous Place – where business can flourish and everyone is able to share in prosperity",
    # the writer and a commitment
    "We will work with partners to reduce fuel poverty.",
]


@pytest.mark.parametrize("line", STATES)
def test_a_state_of_people_or_a_place_is_an_outcome(line: str) -> None:
    assert state_outcomes(line) == [line.strip().strip('"')]


@pytest.mark.parametrize("line", NOT_STATES)
def test_the_plan_its_making_a_truth_or_a_commitment_is_no_state(line: str) -> None:
    assert state_outcomes(line) == []


def test_a_paragraph_mixing_a_state_with_why_is_description() -> None:
    # Falkirk Council, line 4 of the page above: how, and why, not the outcome again
    assert state_outcomes("Only by working in partnership with our communities can we ensure everyone has an "
                          "equal opportunity to live healthy, independent lives. We'll do this by listening to "
                          "and acting on what communities tell us.") == []


def test_states_in_paragraphs_under_an_outcomes_cue_are_outcomes_however_long() -> None:
    # Lines of two plans under an outcomes heading, each a paragraph of its own: Cumbria County
    # Council's outcome (as above) and Burngreave NDC's line 17, longer than a priority's short line.
    graph = read_general("""Community Strength and Wellbeing

Our outcomes:

People lead independent healthy lives

Residents will feel better about their health; more residents will feel they have good physical and mental health.
""")
    outcomes = by_label(graph, Label.OUTCOME)
    assert "People lead independent healthy lives" in outcomes
    assert any(name.startswith("Residents will feel better about their health") for name in outcomes)


def test_a_page_opening_on_a_state_is_about_that_outcome() -> None:
    # Falkirk Council's theme page: its first line states the theme's outcome (round struct10's
    # batch C left it unread); Chorley Council's chapter: the quoted line under the chapter's name.
    assert page_top_state([STATES[2], "Only by working in partnership ... can we ensure ..."]) == (0, STATES[2])
    assert page_top_state(["Healthy, safe and engaged communities", STATES[3]]) == (1, STATES[3].strip('"'))
    falkirk = read_general(STATES[2] + "\n\n\nWe have eight transformation projects focusing on Communities.\n",
                           name="falkirk-council-of-the-future-communities.md")
    assert by_label(falkirk, Label.OUTCOME)[STATES[2].rstrip(".")]["line"] == 1


# What a plan says it focuses on, counted, is its set of priorities whatever noun names them
# ("issues", "groups"): the count ties the line to the list after it, as a count of priorities
# (round actprec) already did.
FOCUS_COUNTS = [
    # Tunbridge Wells Community Safety Partnership, priorities 2015/16
    # (tests/dev_corpus/tunbridge-wells-csp-priorities-2015-16.md, lines 17-23)
    ("This year (2015/16) the CSP has agreed to focus on five key issues:",
     ["Domestic abuse", "Road safety", "Violent Crime", "Anti-social behaviour", "Substance misuse"]),
    # City of Edinburgh Council, city housing strategy (tests/dev_corpus/edinburgh-city-housing-strategy.md, lines 5-9)
    ("We focus on three groups, people who",
     ["live in a home they can afford", "live in a warm, safe home in a well-managed neighbourhood",
      "can move home if they need to."]),
]


@pytest.mark.parametrize(("lead_in", "items"), FOCUS_COUNTS)
def test_a_counted_focus_over_as_many_items_lists_outcomes(lead_in: str, items: list[str]) -> None:
    graph = read_general("Priorities\n\n" + lead_in + "\n\n" + "\n".join(f"  • {item}" for item in items) + "\n")
    outcomes = by_label(graph, Label.OUTCOME)
    assert all(any(name.lower() == item.rstrip(".").lower() for name in outcomes) for item in items), outcomes


def test_a_counted_focus_over_more_items_than_counted_says_nothing() -> None:
    graph = read_general("Housing\n\nWe focus on two groups:\n\n  • Deliver 100 homes\n  • Open two hubs\n"
                         "  • Review parking charges\n")
    assert not {"Deliver 100 homes", "Open two hubs", "Review parking charges"} & set(by_label(graph, Label.OUTCOME))


# A page that is one theme of a plan names the theme once, at its top, over the outcomes under
# it: the theme is the outcome they serve, as a theme over its priorities is on a plan's page of
# themes. A theme further down a page is one group of the page's priorities.
def test_the_theme_a_page_opens_on_is_the_outcome_its_outcomes_serve() -> None:
    # East Ayrshire Community Planning Partnership, community plan's Wellbeing theme
    # (tests/dev_corpus/east-ayrshire-community-plan-wellbeing-theme.md, lines 1-10, bullets shortened)
    east_ayrshire = read_general("""“Positive health and wellbeing is at the heart of our community planning arrangements.”

Wellbeing theme

Detailed below are the priorities under the Wellbeing theme which we will work to achieve over the lifetime of the Community Plan 2015-2030.

  • Children and young people, including those in early years and their carers, are supported to be active, healthy and to reach their potential at all life stages.
  • All residents are given the opportunity to improve their wellbeing, to lead an active, healthy life and to make positive lifestyle choices.

Wellbeing Delivery Plan

We will continue to provide opportunities for residents to improve their overall wellbeing.
""", name="east-ayrshire-community-plan-wellbeing-theme.md")
    outcomes = by_label(east_ayrshire, Label.OUTCOME)
    assert outcomes["Wellbeing"]["line"] == 3 and outcomes["Wellbeing"]["rule"] == "theme-over-outcomes"
    # Ballina Shire Council, community strategic plan's Connected Community page
    # (tests/dev_corpus/ballina-community-strategic-plan-2022-32-connected-community.md, lines 2-8)
    ballina = read_general((CORPUS / "ballina-community-strategic-plan-2022-32-connected-community.md").read_text(),
                           name="ballina-community-strategic-plan-2022-32-connected-community.md")
    assert "Connected Community" in by_label(ballina, Label.OUTCOME)


def test_a_document_title_at_the_top_is_no_theme_outcome() -> None:
    assert theme_name("CONNECTED COMMUNITY (CC") == "Connected Community"
    assert theme_name("Wellbeing theme") == "Wellbeing"
    graph = read_general("""Police and Crime Plan

Our priorities

  • Residents feel safe in their homes
  • Victims are supported
""", name="police-and-crime-plan.md")
    assert "Police and Crime Plan" not in by_label(graph, Label.OUTCOME)


# A plan that is mostly actions says once what they are for, in a sentence about the plan: the
# state to reach and the year it is to hold by make the outcome, wherever the sentence stands.
def test_an_aim_stated_with_its_year_is_an_outcome() -> None:
    # South Ribble Borough Council, climate emergency action plan
    # (tests/dev_corpus/south-ribble-climate-emergency-action-plan-2021-plan-to-2030.md, line 3)
    assert aim_by_year("reaffirms our commitment for the borough to be carbon neutral by 2030, and provides targets "
                       "for the council to deliver on this pledge") == "the borough to be carbon neutral by 2030"
    # Uttlesford District Council, climate crisis action plan (tests/dev_corpus/uttlesford-climate-crisis-action-plan-2021-30.md, line 9)
    line = "Our action plan shows what we'll be doing to achieve net-zero carbon status by 2030."
    assert aim_by_year(line) == "achieve net-zero carbon status by 2030"
    graph = read_general("Climate crisis action plan\n\n" + line + "\n", name="uttlesford-climate.md")
    assert by_label(graph, Label.OUTCOME)["achieve net-zero carbon status by 2030"]["line"] == 3


def test_a_thing_to_be_done_or_a_figure_by_a_year_is_no_aim() -> None:
    assert aim_by_year("the new leisure centre to be delivered by 2025") is None
    assert aim_by_year("We aim to achieve 500 new homes by 2026") is None


# What a lead-in says follows is a vision is the plan's vision, not one of its outcomes, however
# short the line; a lead-in whose own sentence introduces objectives still leads in outcomes,
# though a sentence before it speaks of a vision.
def test_the_line_a_vision_lead_in_introduces_is_no_outcome() -> None:
    # London Borough of Barking and Dagenham, vision and priorities (tests/dev_corpus/barking-dagenham-vision-and-priorities.md, lines 3-7)
    barking = read_general("Vision and priorities\n\nThe vision for the borough is:\n\n"
                           "One borough; One community; No-one left behind\n")
    assert "One borough; One community; No-one left behind" not in by_label(barking, Label.OUTCOME)
    # Eastleigh Borough Council, corporate plan's strategic objectives
    # (tests/dev_corpus/eastleigh-corporate-plan-strategic-objectives.md, lines 3-9: the objective
    # with the first item under it, as the page goes on, so it is not the page's last line)
    eastleigh = read_general("Our strategic objectives\n\nWe have a clear vision of what we want to achieve for our "
                             "communities over the next decade. Our Corporate Plan outlines our key strategic "
                             "objectives:\n\nA Green Borough – safeguarding our environment for future generations\n\n"
                             "  • Tackling congestion\n")
    assert any(name.startswith("A Green Borough") for name in by_label(eastleigh, Label.OUTCOME))
