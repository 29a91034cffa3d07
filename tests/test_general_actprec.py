"""The general reader on what is an Outcome and what is an Action (reading round actprec).

The round changes how the reader decides, not which phrases it knows: each test quotes lines
of public plans of different bodies (tests/dev_corpus/SOURCES.md names them) in a small
document of its own, so the decision it pins is read from the plan's words and shape.
"""

from __future__ import annotations

from stratgraph.graph.model import Label
from stratgraph.loaders.general.cues import Mode, counted_sets, heading_mode
from stratgraph.loaders.general.page_top import top_line_outcome
from stratgraph.loaders.general.statements import commitment
from stratgraph.loaders.general.wording import LABEL_ONLY

from general_reading import by_label, read_general

# South Gloucestershire Health and Wellbeing Board, joint strategy, "Areas for collective action"
# (tests/dev_corpus/south-gloucestershire-hwb-strategy-areas-for-collective-action.md, lines 4-11)
SOUTH_GLOS = """Areas for collective action

The role of the Health and Wellbeing Board is systems leadership. This section sets out what we want to achieve in relation to each of the four priority areas prioritised for collective action that this strategy will focus on, and how we will do it.

  1. Improve educational attainment of children and young people, and promote their wellbeing and aspirations.
  2. Promote and enable positive mental health and wellbeing for all.
  3. Promote and enable good nutrition, physical activity and a healthy weight for all.
  4. Maximise the potential of our built and natural environment to enable healthy lifestyles and prevent disease.
"""

# Medway Council, Community Safety Plan 2013-16, cabinet minutes
# (tests/dev_corpus/medway-community-safety-plan-2013-16-priorities.md, lines 20-26)
MEDWAY = """Community Safety Plan

The current Community Safety Plan covered the period 2013 to 2016 and formed part of the Council’s Policy Framework. Adopted in 2013 it identified five priorities:

  • Tackle substance and alcohol abuse;
  • Tackle anti-social behaviour (ASB) and Envirocrime;
  • Reduce re-offending;
  • Tackle domestic abuse; and
  • Reduce the number of people killed or seriously injured in Road Traffic Collisions.
"""


def test_a_line_counting_the_priorities_over_as_many_items_makes_them_outcomes_though_imperative() -> None:
    # "each of the four priority areas ..." over four numbered imperatives: the count ties
    # the line to the list, so the items are the strategy's priorities, not its to-do items.
    graph = read_general(SOUTH_GLOS)
    outcomes = by_label(graph, Label.OUTCOME)
    assert outcomes["Promote and enable positive mental health and wellbeing for all"]["line"] == 6
    assert outcomes["Maximise the potential of our built and natural environment to enable healthy "
                    "lifestyles and prevent disease"]["line"] == 8
    assert len(outcomes) == 4  # the page's heading is no priority of its own
    assert by_label(graph, Label.ACTION) == {}


def test_imperatives_under_a_counted_lead_in_of_another_body_are_outcomes_too() -> None:
    graph = read_general(MEDWAY)
    outcomes = by_label(graph, Label.OUTCOME)
    assert outcomes["Tackle substance and alcohol abuse"]["line"] == 5
    assert outcomes["Reduce re-offending"]["line"] == 7
    assert by_label(graph, Label.ACTION) == {}


def test_counted_sets_reads_the_number_a_line_gives_its_set_of_aims() -> None:
    # South Gloucestershire Council, Council Plan (south-gloucestershire-council-plan-goals.md, line 9)
    assert counted_sets("The plan has 5 core goals.") == {5}
    # Windsor and Maidenhead, Corporate Plan 2021-26 (windsor-maidenhead-corporate-plan-2021-26-objectives.md)
    assert 3 in counted_sets("... 'a borough of innovation and opportunity' and is framed around three key objectives:")
    # a number that counts no set of aims ("14 calendar days", Shobrooke Parish Council) counts nothing
    assert counted_sets("To promptly acknowledge correspondence within 14 calendar days") == set()


# Nuneaton and Bedworth Borough Council, ASB Strategy 2023-25, "Safer Communities"
# (tests/dev_corpus/nuneaton-bedworth-asb-strategy-2023-25-safer-communities.md, lines 11-19)
NUNEATON = """Safer Communities

How will we get there

  • We will make better use of our data to understand the trends and hot spots for ASB across the borough

How will we know when we have got there

We will have successfully reduced the volume and severity of ASB incidents reported across the borough and this will be demonstrated within the ASB statistics.
"""


def test_a_we_will_have_done_sentence_states_a_result_not_an_action() -> None:
    # The future perfect says what will be so once the work is done: a result to check
    # against, not a thing the council will do; the "We will make ..." line above still is.
    actions = by_label(read_general(NUNEATON), Label.ACTION)
    assert list(actions) == ["Make better use of our data to understand the trends and hot spots for ASB across the borough"]
    # East Ayrshire Community Planning Partnership, Community Plan, Wellbeing theme
    # (tests/dev_corpus/east-ayrshire-community-plan-wellbeing-theme.md, lines 21 and 23)
    assert commitment("We will have halted the levels of overweight and obesity among children and adults.") is None
    assert commitment("We will have reduced the impact of alcohol and drugs misuse through a focus on "
                      "recovery-oriented care.") is None
    # a "have" that is no perfect tense is still a commitment (Nuneaton, line 13)
    assert commitment("We will make better use of our data to understand the trends") is not None


# Forest of Dean District Council, draft Housing Strategy 2020-24
# (tests/dev_corpus/forest-of-dean-housing-strategy-2020-24-draft-priorities.md, lines 14-18;
# a batch C plan: this rule was written after its blind score, see docs/reading.md)
FOREST_OF_DEAN = """Housing strategy

The draft Housing Strategy 2020 to 2024 aims to support our aims to meet housing challenges by focusing on delivering three key objectives. The priorities identified within the draft strategy are:

  • Strategic Housing Priority 1: Delivering Homes to meet the housing needs of our communities
  • Strategic Housing Priority 2: Meeting the need of older people
  • Strategic Housing Priority 3: Providing sustainable homes and places to live
"""


def test_words_before_a_numbered_priority_noun_are_part_of_its_label_not_its_name() -> None:
    outcomes = by_label(read_general(FOREST_OF_DEAN), Label.OUTCOME)
    assert outcomes["Meeting the need of older people"]["line"] == 6
    assert not any(name.startswith("Strategic Housing Priority") for name in outcomes)
    # Department for Communities and Local Government, fire and rescue objectives
    # (tests/dev_corpus/dclg-fire-rescue-service-objectives-dso6-indicators.md, line 21)
    assert LABEL_ONLY.match("Departmental Strategic Objective 6")
    assert LABEL_ONLY.match("Strategic Housing Priority 1:")
    assert not LABEL_ONLY.match("Meeting the need of older people")


# Chorley Council, Corporate Strategy 2023/24, one priority's page
# (tests/dev_corpus/chorley-corporate-strategy-2023-24-healthy-safe-communities.md, lines 1-9)
CHORLEY_PAGE = """Healthy, safe and engaged communities

"Across the borough communities have the tools and ability to achieve their best"

Our commitment

  • support and encourage active lifestyles and health and wellbeing
  • support development of leisure services and facilities meeting the needs of residents
  • deliver events and places to go for everyone
"""

# City of Edinburgh Council, Council Commitments, one theme's page
# (tests/dev_corpus/edinburgh-council-commitments-council-that-works-for-all.md, lines 1-7)
EDINBURGH_PAGE = """Delivering a Council that works for all

Council Commitments on more empowered, transparent and improved public services

  1. Limit Council Tax increases to 3% a year to 2021
  2. Continue a policy of no compulsory redundancies and keep a presumption in favour of in-house service provision
"""


def _supported(graph, outcome: str) -> set[str]:  # noqa: ANN001 (GraphData)
    target = next(n.id for n in graph.nodes.values() if n.label is Label.OUTCOME and n.name == outcome)
    return {graph.nodes[r.start].name for r in graph.relationships.values()
            if r.type.value == "SUPPORTS" and r.end == target}


def test_a_pages_top_line_is_the_outcome_its_commitments_serve_when_nothing_else_is_above_them() -> None:
    # A plan published a chapter a page: the page is headed by the priority it is about, the
    # council's commitments under it, and no other outcome on the page.
    graph = read_general(CHORLEY_PAGE, name="chorley-corporate-strategy-2023-24.md")
    assert by_label(graph, Label.OUTCOME)["Healthy, safe and engaged communities"]["line"] == 1
    assert "Deliver events and places to go for everyone" in _supported(graph, "Healthy, safe and engaged communities")
    graph = read_general(EDINBURGH_PAGE, name="edinburgh-council-commitments.md")
    assert by_label(graph, Label.OUTCOME)["Delivering a Council that works for all"]["line"] == 1
    assert "Limit Council Tax increases to 3% a year to 2021" in _supported(graph, "Delivering a Council that works for all")


def test_a_top_line_that_states_no_result_is_no_outcome() -> None:
    # Lancashire Health and Wellbeing Board decision (lancashire-hwb-place-partnership-areas-of-focus-2025-26.md, line 1)
    assert top_line_outcome("Decision Maker: Lancashire Health and Wellbeing Board") is None
    # Lancashire 2050 (lancashire-2050-making-it-happen.md, line 1)
    assert top_line_outcome("How we will make it happen - our shared commitment to residents") is None
    # East Devon District Council cabinet (east-devon-council-plan-2024-28-cabinet.md, line 1)
    assert top_line_outcome("Extraordinary Cabinet, Cabinet - Wednesday, 10th April, 2024") is None
    # Kingston Council performance index (kingston-council-performance-index-2023-24-q1.md, line 1)
    assert top_line_outcome("Council Performance") is None


def test_how_will_we_get_there_asked_as_a_question_is_the_actions_cue() -> None:
    # Nuneaton and Bedworth's ASB strategy (line 11) asks the cue as a question; so does Livin's
    # Plan A (livin-plan-a-strategic-objective-6-strong-communities.md, line 9, "How will we
    # achieve success?"): both head what the body will do, not an outcome of their own.
    assert heading_mode("How will we get there") is Mode.ACTION
    assert heading_mode("How will we achieve success?") is Mode.ACTION
    # the measures' question keeps its reading (Nuneaton, line 17; Livin, line 21)
    assert heading_mode("How will we know when we have got there") is Mode.MEASURE
    assert heading_mode("How will we measure success?") is Mode.MEASURE
    outcomes = by_label(read_general(NUNEATON), Label.OUTCOME)
    assert "How will we get there" not in outcomes


# bridgend-corporate-plan-2023-28-town-community-council-forum, lines 5-12: a counted set the
# plan answers to, set by law for the nation, over its seven items: not the plan's priorities.
NATIONAL_GOALS = """Corporate Plan 2023-28

She confirmed that there are 7 wellbeing goals for Wales, set out in the Wellbeing of Future Generations (Wales) Act 2015, and the Council like other local authorities, needed to demonstrate our contribution to each of these goals, which are –

- A prosperous Wales
- A resilient Wales
- A healthier Wales
- A more equal Wales
- A Wales of cohesive communities
- A Wales of vibrant culture and thriving Welsh language
- A globally responsible Wales
"""


def test_a_counted_set_of_goals_a_law_sets_for_the_nation_is_not_the_plans_outcomes() -> None:
    assert counted_sets(NATIONAL_GOALS.splitlines()[2]) == {7}
    outcomes = by_label(read_general(NATIONAL_GOALS), Label.OUTCOME)
    assert not [name for name in outcomes if "Wales" in name]
