"""The general reader on pages that read empty because no cue introduced their lists (round 11, rdempty).

A page whose only substance is a list under its title, framed as the plan's aims but with no
lead-in the cue rules know, is read by its structure (loaders/general/sole_lists.py). Each test
quotes lines of public pages of different bodies (tests/dev_corpus/SOURCES.md names them); the
pages that must stay empty are quoted too.
"""

from __future__ import annotations

import pytest

from stratgraph.graph.model import Label
from stratgraph.loaders.general.sentence_aims import sentence_aims
from stratgraph.loaders.general.sole_lists import is_action_item, sole_lists
from stratgraph.loaders.general.standing_role import STANDING_ROLE, STANDING_ROLE_HEADING
from stratgraph.loaders.read.text import read_text

from general_reading import by_label, read_general

# Kent and Medway Integrated Care System, vision and priorities
# (tests/dev_corpus/kent-medway-ics-vision-and-priorities.md, lines 1-10)
KENT_MEDWAY = """As a newly formed partnership we will develop our vision and priorities in 2022/23.

These will be designed to meet the four core purposes of integrated care systems.

  1. Improving outcomes in population health and healthcare.
  2. Tackling inequalities in outcomes, experience and access.
  3. Enhancing productivity and value for money.
  4. Supporting broader social and economic development.

The detail of how we will deliver against these will be set out in a five-year integrated care strategy.
"""

# Wem Rural Parish Council, our aims, objectives and work
# (tests/dev_corpus/wem-rural-parish-council-aims-objectives.md, lines 1-9 and 15-17)
WEM_RURAL = """# Our aims, objectives and work

  • To provide effective, efficient and accountable local government for the parish, enabling residents to be involved in the life of the community and its future development.
  • To be a strong voice for residents and local businesses, working to improve the overall parish area both built and natural, while preserving the uniqueness of heritage areas.

  • Increase public involvement in the community through ensuring the parish council and its activities are open, transparent and accountable to residents.
  • Support local business and economic activity in the parish.
  • Work with other Councils to provide safe, healthy and timely opportunities for recreation, leisure and education.

## Community Governance, Community Leadership and Performance Management

The Parish Council is committed to ensuring it delivers best practice in a wide range of activities.
"""


def test_a_list_framed_as_purposes_is_the_pages_outcomes_when_nothing_else_is_read() -> None:
    outcomes = by_label(read_general(KENT_MEDWAY), Label.OUTCOME)
    assert {"Improving outcomes in population health and healthcare",
            "Tackling inequalities in outcomes, experience and access",
            "Enhancing productivity and value for money",
            "Supporting broader social and economic development"} <= set(outcomes)


def test_bullets_under_a_title_of_aims_are_outcomes_or_actions_by_their_grammar() -> None:
    graph = read_general(WEM_RURAL)
    outcomes, actions = by_label(graph, Label.OUTCOME), by_label(graph, Label.ACTION)
    assert any(name.startswith("To provide effective, efficient and accountable local government") for name in outcomes)
    assert "Support local business and economic activity in the parish" in actions
    assert any(name.startswith("Work with other Councils to provide safe") for name in actions)
    # the governance section's sentence is no item of the list
    assert not any("best practice" in name for name in {**outcomes, **actions})


def test_an_aim_stated_to_or_by_a_capitalised_ing_word_is_no_action() -> None:
    assert is_action_item("Support local business and economic activity in the parish")
    assert not is_action_item("To be a strong voice for residents and local businesses")
    assert not is_action_item("Tackling inequalities in outcomes, experience and access")


def test_a_departments_functions_stay_empty() -> None:
    # Cannock Chase District Council, strategic housing
    # (tests/dev_corpus/cannock-chase-strategic-housing-functions.md, the whole page)
    graph = read_general("""Strategic Housing

crowd of people walking aroundThe strategic housing department are responsible for the following functions:

  • assess and plan for current and future housing needs of the local population;
  • make the best use of existing housing stock;
  • plan and facilitate new supply;
  • plan and commission housing support services which link homes to support and other services that people need to live in them;
  • have working partnerships that secure effective housing and neighbourhood management.

By contributing to place shaping, strategic housing activity can help to deliver improved services (including health, education, social services); a safe environment; accessible transport; a strong sense of community; and a decent home for all at a price people can afford.

Last Updated:

A to Z of Services
""", name="strategic-housing.md")
    assert not by_label(graph, Label.OUTCOME) and not by_label(graph, Label.ACTION)


def test_goals_a_meeting_reports_a_law_setting_stay_empty() -> None:
    # Bridgend County Borough Council, Town and Community Council Forum on the Corporate Plan
    # (tests/dev_corpus/bridgend-corporate-plan-2023-28-town-community-council-forum.md, lines 1-9, line 5 cut short)
    graph = read_general("""# Corporate Plan 2023-28

She confirmed that there are 7 wellbeing goals for Wales, set out in the Wellbeing of Future Generations (Wales) Act 2015, and the Council like other local authorities, needed to demonstrate our contribution.

- A prosperous Wales
- A resilient Wales
- A healthier Wales
""")
    assert not by_label(graph, Label.OUTCOME)


def test_a_page_of_aims_with_a_list_of_links_stays_empty() -> None:
    # A made-up page: its title names priorities, but its one list is the page's links.
    graph = read_general("""# Our priorities

Find out more:

- Download the Council Plan (PDF)
- Contact us
""")
    assert not by_label(graph, Label.OUTCOME) and not by_label(graph, Label.ACTION)


def test_a_heading_naming_the_bodys_role_is_not_under_the_titles_aims() -> None:
    # Seaton Ross Parish Council, aims and objectives
    # (tests/dev_corpus/seaton-ross-parish-council-aims-objectives-2017-20.md, lines 1-14)
    graph = read_general("""# Aims and Objectives

## Role of the parish council

  • To give views, on behalf of the community, on planning applications and other proposals that affect the parish
  • To undertake projects and schemes that benefit local residents

## Aims and Objectives of the Parish Council

  • To provide effective, efficient, transparent and accountable local government for the parish, achieving best value.
  • To work to improve the village environment.
""")
    outcomes = by_label(graph, Label.OUTCOME)
    assert "To work to improve the village environment" in outcomes
    assert not any(name.startswith(("To give views", "To undertake projects")) for name in outcomes)


def test_standing_role_words() -> None:
    assert STANDING_ROLE_HEADING.match("Role of the parish council")
    # Eden District Council, leader and portfolio holder responsibilities
    # (tests/dev_corpus/eden-leader-portfolio-holder-responsibilities.md, line 7)
    assert STANDING_ROLE_HEADING.match("Portfolio of responsibilities:")
    assert STANDING_ROLE.search("The strategic housing department are responsible for the following functions:")
    assert not STANDING_ROLE_HEADING.match("Our role in delivering the plan")
    assert not STANDING_ROLE_HEADING.match("Who is responsible for action?")


# Norfolk County Council, Health and Wellbeing Board strategy champions
# (tests/dev_corpus/norfolk-hwb-strategy-champions-2014-17.md, lines 1-7)
NORFOLK = """Board strategy champions

The Health and Wellbeing Board has nominated three board members to act as champions for the three priorities agreed in the Joint Health and Wellbeing Strategy 2014-17.

The strategy champion is accountable to the Board for the delivery of the strategic goals of the strategy: more emphasis on prevention, reducing the inequalities gap and better integration, in their priority area.

The strategy champions are:
"""

# North East Derbyshire District Council, cabinet on the Council Plan objectives
# (tests/dev_corpus/north-east-derbyshire-council-plan-objectives-update-q4-2023-24-cabinet.md, lines 13 and 21)
NE_DERBYSHIRE = """# Council Plan Objectives - Update January to March 2024

RESOLVED - That Cabinet noted progress against the Council Plan 2023-2027 objectives.

The report to Cabinet updated Members on progress against the four Council Plan objectives for the period ending 31 March 2024. These objectives were to make the Council: a great place that cares for the environment, a great place to work, a great place to live well, and a great place to access good public services.
"""


def test_aims_named_after_a_colon_in_a_sentence_are_outcomes_on_an_empty_page() -> None:
    assert {"More emphasis on prevention", "Reducing the inequalities gap", "Better integration"} \
        <= set(by_label(read_general(NORFOLK), Label.OUTCOME))
    assert {"A great place that cares for the environment", "A great place to work", "A great place to live well",
            "A great place to access good public services"} <= set(by_label(read_general(NE_DERBYSHIRE), Label.OUTCOME))


def test_a_run_the_page_counts_otherwise_or_no_aims_noun_names_nothing() -> None:
    assert sentence_aims("These objectives were to make the Council: a great place to work, a great place to "
                         "live well, and a great place to visit.", "the four Council Plan objectives") == ()
    assert sentence_aims("The meeting covered three items: the budget, the agenda and the minutes.") == ()
    # no "and" closes the run: a clause, not names
    assert sentence_aims("Our priorities: we will keep the town clean, safe, green.") == ()


def test_a_list_unread_beside_a_stray_sentence_is_still_the_pages_substance() -> None:
    # NHS South Eastern Hampshire CCG, objective one
    # (tests/dev_corpus/south-eastern-hampshire-ccg-objective-1-prevention.md, lines 3-17, lines 9-11 left out):
    # line 7's "We will ..." is read, but no list was; the three areas go on from their lead-in
    # in lower case, so their "-ing" words are verbs: actions.
    graph = read_general("""Staying healthy and preventing ill health

Objective one

We will work with local people and their communities to prevent the causes of ill health, support healthy lifestyles, reduce health inequalities and to give children the best start in life.

We know that people in the most deprived areas are disproportionately affected by ill health and are more likely to die early.  We can tackle this by considering three main areas of action:

  • getting better at how we detect and treat existing disease
  • tackling lifestyle behaviours such as obesity, alcohol and smoking
  • influencing the social determinants on health like poverty, unemployment and education.
""")
    actions = by_label(graph, Label.ACTION)
    assert {"Getting better at how we detect and treat existing disease",
            "Tackling lifestyle behaviours such as obesity, alcohol and smoking"} <= set(actions)
    assert is_action_item("  • influencing the social determinants on health")


def test_the_challenges_a_plan_faces_are_no_aims() -> None:
    # Tendring District Council, Corporate Plan 2016-2020
    # (tests/dev_corpus/tendring-corporate-plan-2016-20-priorities.md, lines 5-12, line 9 as published)
    graph = read_general("""Corporate Plan 2016 to 2020

The Corporate Plan puts Community Leadership at the heart of everything we do. It is from this central role that we undertake services or work with partners with the aim of tackling the key challenges in the District identified as:-

  • Poor health (factors being health, wellbeing, living conditions and environment);
  • Pockets of high unemployment;
""")
    assert not by_label(graph, Label.OUTCOME)


def test_one_name_run_on_with_commas_is_not_split_into_aims() -> None:
    # Manningham Council, Council Plan 2017-21, a goal's one name with commas and "and"
    # (tests/dev_corpus/manningham-council-plan-2017-21-themes-goals.md, line 13)
    assert sentence_aims("Goal 1.1: A Healthy, Resilient and Safe Community") == ()
    # Cambridgeshire and Peterborough ICS, one priority whose object is a run
    # (tests/dev_corpus/cambridgeshire-peterborough-ics-our-priorities-2022-30.md, line 21)
    assert sentence_aims("Priority 3: reduce poverty through better employment, skills and housing") == ()


@pytest.mark.parametrize("heading, lead", [
    # Integrated care system strategy, strategic priorities (what the priorities are drawn from)
    # (tests/dev_corpus/happy-healthy-lives-ics-strategy-strategic-priorities.md, line 7)
    ("Our strategic priorities", "Our strategy priorities have evolved through engagement with stakeholders and "
                                 "the communities we serve, and are drawn from:"),
    # Lancashire Health and Wellbeing Board, minutes on a report's contents
    # (tests/dev_corpus/lancashire-hwb-place-partnership-areas-of-focus-2025-26.md, line 10)
    ("Areas of focus 2025/26", "The report provided further information on the following:"),
    # Metropolitan Police Authority, a resolution and one objective's label
    # (tests/dev_corpus/met-police-authority-policing-plan-2004-05-objectives.md, lines 23 and 37)
    ("Policing and Performance Plan 2004/05 - proposed objectives and selected targets and measures", "That"),
    ("Policing and Performance Plan 2004/05 - proposed objectives and selected targets and measures", "Objective 1"),
])
def test_a_lead_in_that_makes_the_items_something_else_frames_no_aims(heading: str, lead: str) -> None:
    page = f"# {heading}\n\n{lead}\n\n- Improve the health of the county's residents\n- Reduce crime in every ward\n"
    blocks = list(read_text(page.encode(), "plan.md", None, markdown=True).blocks)
    assert sole_lists(blocks, heading) == ()
    # the same list under a lead-in naming the aims is read
    framed = page.replace(lead, "Our priorities are:")
    assert len(sole_lists(list(read_text(framed.encode(), "plan.md", None, markdown=True).blocks), heading)) == 2
