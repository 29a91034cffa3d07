"""Measures round measword: a line is a measure by its own shape (it names something counted or
rated, whole, among lines that speak of targets and ratings), whatever heading it sits under.

Each test quotes plans of tests/dev_corpus of different bodies (SOURCES.md names them) and
asserts the nodes a planner reads there, or their absence.
"""

from __future__ import annotations

from stratgraph.graph.model import Label

from general_reading import lines_by_name as _names, read_general as _read


# ealing-performance-genuinely-affordable-homes-completed, lines 1-7 (the definition shortened).
INDICATOR_PAGE = """No. of genuinely affordable homes completed

Our goal

The number of genuinely affordable homes delivered in Ealing. The gross supply of genuinely affordable homes delivered is defined as the number of affordable homes provided through new builds.

Bigger values are best
"""

# bathnes-performance-plan-targets-waste-2003-04, lines 83-133 and 235-257 (a table one cell a
# line, after a summary table whose header is read first).
CELLS_A_LINE = """Cabinet

Summary of Performance

Performance Targets

Planning

Waste

TOTAL

RED

2

AMBER

4

Ref No

Indicator

Best 25% of all English Councils

01/02 actual

03/04 target

Status

Comment

82a

% of household waste recycled

11

22

R

Very close to target achievement

82b

% household waste composted

5

11

R

Local 88

Number of household waste collections missed per 100,000

Average for year

% of land that is assessed as having light litter

Total of a and b = 80%
"""


def test_a_page_titled_by_its_indicator_is_that_indicator() -> None:
    assert _names(_read(INDICATOR_PAGE), Label.MEASURE) == {"No. of genuinely affordable homes completed": 1}


def test_cells_naming_indicators_are_measures_under_any_table_header() -> None:
    measures = _names(_read(CELLS_A_LINE), Label.MEASURE)
    assert {name: line for name, line in measures.items() if line > 30} == {
        "% of household waste recycled": 37,
        "% household waste composted": 49,
        "Number of household waste collections missed per 100,000": 59,
        "% of land that is assessed as having light litter": 63,
    }
    # a sum of two figures, not an indicator
    assert not any(name.startswith("Total of") for name in measures)


# cumbria-council-plan-key-indicators-and-targets: an indicator's cell that a copy kept whole.
RATE_CELL = """COUNCIL PLAN – APPENDIX ONE – Key Indicators & Targets

Theme and Outcome

NI 171

New business registrations per 10,000 adult population

Baseline

54.5
"""


def test_a_rate_per_population_is_a_measure_among_targets() -> None:
    assert _names(_read(RATE_CELL), Label.MEASURE) == {"New business registrations per 10,000 adult population": 7}


AREA_PROFILE = """About the borough

Number of households in the borough

45,000

The number of visitors rose to 3,000 this year.

Percentage of residents aged over 65
"""


def test_a_counted_thing_in_a_profile_without_targets_or_ratings_is_no_measure() -> None:
    # an area's statistics: nothing near speaks of a target, an indicator or a rating
    assert _names(_read(AREA_PROFILE), Label.MEASURE) == {}


# cheshire-west-performance-housing-2019-20, lines 21-33 (the bullets shortened): results listed
# under a bare reporting period, some with a figure, some with a rating or trend only.
RESULTS_BY_PERIOD = """Good quality and affordable housing that meets the needs of our diverse communities

2019/20 Q3

  • The number of people supported to remain in their homes through the provision of disabled facilities grants increased from 65 to 91 and was higher than at this point last year.
  • The proportion of empty homes returned to use remained below target and fewer homes were returned to use than during this period than in the previous one.

2019/20 Q2

  • The number of private sector homes achieving the decent homes standard through grant or loan provision was red against target but it is anticipated that the year-end target will be met.
  • The number of vulnerable residents being enabled to remain in their own homes through disabled facilities grants showed improved performance. The team expect to achieve the target by the end of the year.
  • The team was restructured in the autumn.
"""

# lincoln-operational-performance-q1-2018-19, lines 12-16: results under a line on performance.
RESULTS_UNDER_PERFORMANCE = """Quarter one saw a long list of very good performance results. A summary of exceptional areas of good performance were noted as follows:
· the number of face to face enquires in customer services had dropped by 7,336 compared to quarter one last year;
· the in-year collection rate for Lincoln Business Rates remained above its target of 30.53% at 35.86%;
"""


def test_results_under_a_reporting_period_name_their_indicators() -> None:
    measures = _names(_read(RESULTS_BY_PERIOD), Label.MEASURE)
    assert measures == {
        "The number of people supported to remain in their homes through the provision of disabled facilities grants": 5,
        "The proportion of empty homes returned to use": 6,
        "The number of private sector homes achieving the decent homes standard through grant or loan provision": 10,
        "The number of vulnerable residents being enabled to remain in their own homes through disabled facilities grants": 11,
    }
    # "The team was restructured": nothing counted or rated, no measure


def test_results_under_a_line_on_performance_still_name_their_indicators() -> None:
    measures = _names(_read(RESULTS_UNDER_PERFORMANCE), Label.MEASURE)
    assert measures == {
        "The number of face to face enquires in customer services": 2,
        "The in-year collection rate for Lincoln Business Rates": 3,
    }


# bedfordshire-fire-performance-indicators-targets-2018-19, lines 15 and 27: indicators named
# in brackets after their codes, in minutes about proposed targets.
CODES_THEN_NAMES = """Minutes:

46.3     No changes were proposed to the performance indicators related to PI03 (fire fatalities), PI07 (the percentage of occasions global crewing enabled a total of nine riders on two pumps) and PI15 (percentage of Building Regulations consultations completed within the prescribed timescale).

46.6     A target based on the 3 year average was being proposed for PI04 (deliberate building fires), with a 10% reduction on the 3 year average being proposed for PI06 (number of deliberate building fires).
"""

# lancaster-corporate-performance-review-q4-2009-10-minutes, line 22: the name, then its code.
NAME_THEN_CODE = """Minutes:

The Leader reported on the agreed actions and progress.  A detailed question and answer session followed, when Members requested further details on specific points.  With reference to agreed action 4, quarter 3 – number of affordable homes (NI 155), Councillor Whitelegg was concerned that not enough was being done to effect provision.
"""


def test_an_indicator_named_beside_its_code_is_a_measure_in_any_sentence() -> None:
    assert _names(_read(CODES_THEN_NAMES), Label.MEASURE) == {
        "Fire fatalities": 3,
        "The percentage of occasions global crewing enabled a total of nine riders on two pumps": 3,
        "Percentage of Building Regulations consultations completed within the prescribed timescale": 3,
        "Deliberate building fires": 5,
        "Number of deliberate building fires": 5,
    }
    assert _names(_read(NAME_THEN_CODE), Label.MEASURE) == {"Number of affordable homes": 3}


def test_a_bracket_beside_a_code_that_names_no_indicator_is_no_measure() -> None:
    # a cross-reference and a year in brackets: no indicator's name
    text = "Minutes:\n\nThe targets for PI01 (see Appendix 2) and NI 155 (2019/20) were agreed.\n"
    assert _names(_read(text), Label.MEASURE) == {}


def test_a_performance_pages_polarity_key_is_no_outcome() -> None:
    # ealing-performance-genuinely-affordable-homes-completed, line 7: the key says which way
    # the indicator should move; it is about the indicator, not an outcome of the plan.
    graph = _read(INDICATOR_PAGE)
    assert _names(graph, Label.OUTCOME) == {}
    assert _names(graph, Label.THEME) == {}


# nuneaton-bedworth-asb-strategy-2023-25-safer-communities, lines 17-19: the state success is
# known by, in a paragraph under the question heading.
SUCCESS_PARAGRAPH = """Commitment 2: Safer Communities

How will we know when we have got there

We will have successfully reduced the volume and severity of ASB incidents reported across the borough and this will be demonstrated within the ASB statistics.
"""

# east-ayrshire-community-plan-wellbeing-theme, lines 16-23: the same shape as a list's items.
SUCCESS_LIST = """Wellbeing theme

What success will look like

  • We will have halted the levels of overweight and obesity among children and adults.
  • We will have reduced the impact of alcohol and drugs misuse through a focus on recovery-oriented care.
"""


def test_the_state_a_plan_will_have_reached_under_a_success_heading_is_a_measure() -> None:
    graph = _read(SUCCESS_PARAGRAPH)
    assert _names(graph, Label.MEASURE) == {
        "We will have successfully reduced the volume and severity of ASB incidents reported across the borough": 5}
    assert _names(graph, Label.ACTION) == {}
    listed = _read(SUCCESS_LIST)
    assert set(_names(listed, Label.MEASURE).values()) == {5, 6}
    assert _names(listed, Label.ACTION) == {}
