"""The general reader on measures by cause (reading round 11, measures): indicators a
performance report names in passing, lines about the indicators that are none, and the count a
commitment sets, whatever rule read the commitment.

Minutes and progress reports name their indicators inside sentences about how each did, not on
lines of their own; they speak of their indicators as a set (an item's title, a resolution
noting them, a table's header), which names no indicator; and a plan's commitment states the
count it is to reach ("deliver a minimum of 1000 social homes for rent each year") wherever it
stands. Each test quotes lines of public plans of different bodies
(tests/dev_corpus/SOURCES.md names them), so the decision it pins holds in any council's
English, not in one council's phrasing.
"""

from __future__ import annotations

import pytest

from stratgraph.graph.model import Label
from stratgraph.loaders.general.indicator_sets import about_indicators
from stratgraph.loaders.general.passing_indicators import clause_results, counted_phrases
from stratgraph.loaders.general.statements import target

from general_reading import by_label, read_general


def test_each_clause_with_its_result_names_an_indicator() -> None:
    # Cheshire West and Chester Council, housing performance 2019-20
    # (tests/dev_corpus/cheshire-west-performance-housing-2019-20.md, line 27)
    line = ("The number of people in temporary accommodation fell from 92 to 86 and the number in B&B fell "
            "from 50 to 47; both measures showed an improvement on mid-year but remained red against target.")
    assert [name for name, _ in clause_results(line)] == ["the number of people in temporary accommodation",
                                                         "the number in B&B"]
    # City of Lincoln Council, operational performance Q1 2018/19
    # (tests/dev_corpus/lincoln-operational-performance-q1-2018-19.md, line 16): the target stated
    assert clause_results("the in-year collection rate for Lincoln Business Rates remained above its "
                          "target of 30.53% at 35.86%;") == [("the in-year collection rate for Lincoln Business Rates",
                                                               "30.53%")]


def test_a_sentences_opening_result_with_no_word_of_performance_is_a_statistic() -> None:
    # The same shape as Cheshire West's line with no measure, target or rating named: a figure
    # of the place, not an indicator's result; a later clause's subject is still read.
    assert clause_results("The number of people in the town rose from 9,000 to 9,500.") == []
    assert [name for name, _ in clause_results(
        "The number of visitors rose by 10% and the number of events fell from 40 to 31.")] == ["the number of events"]


@pytest.mark.parametrize(("line", "names"), [
    # City of Lincoln Council, operational performance Q1 2018/19
    # (tests/dev_corpus/lincoln-operational-performance-q1-2018-19.md, line 21): no verb, the figure ends the name
    ("· the percentage of non-major and major planning applications determined within the government target "
     "at 94.67% and 100% respectively;",
     ["the percentage of non-major and major planning applications determined within the government target"]),
    # Wokingham Borough Council, council plan performance Q4 2017/18
    # (tests/dev_corpus/wokingham-council-plan-performance-monitoring-q4-2017-18.md, line 35): the second
    # sentence says no word of performance, so its rewording of the indicator is a figure, not another one
    ("The report also highlighted an indicator showing good performance, the percentage of housing stock which "
     "meets the Decent Homes Standard. In 2017/18 the percentage of homes meeting the standard stood at 99.6%.",
     ["the percentage of housing stock which meets the Decent Homes Standard"]),
    # Three Rivers District Council, draft service plans 2025-28 (committee minutes)
    # (tests/dev_corpus/three-rivers-draft-service-plans-2025-28.md, line 26)
    ("The committee discussed the plans and associated key performance indicators, particularly the use of "
     "Three Rivers House, the number of conservation areas reviews and the presentation of Watersmeet Theatre "
     "in the plans.",
     ["the number of conservation areas reviews"]),
])
def test_a_counted_thing_in_a_sentence_about_performance_is_an_indicator(line: str, names: list[str]) -> None:
    assert counted_phrases(line) == names


def test_a_counted_thing_in_a_sentence_not_about_performance_is_a_statistic() -> None:
    # Cumberland Council, housing strategy's indicators (tests/dev_corpus/cumberland-housing-strategy-2025-39-
    # performance-indicators.md, line 3 states the indicators; this sentence of the same shape says nothing
    # of performance) and a report's own apparatus ("the number of indicators") are no indicators.
    assert counted_phrases("The number of visitors to the park doubled last year.") == []
    assert counted_phrases("Members noted that the number of indicators reported had fallen against target.") == []


def test_minutes_read_the_indicators_named_in_passing() -> None:
    # Cheshire West and Chester Council, housing performance 2019-20 (lines 24-27) and City of Lincoln
    # Council, operational performance Q1 2018/19 (line 21), as one report's minutes
    graph = read_general("""Housing performance report

The report set out performance against the council plan's housing indicators.

  • The number of people in temporary accommodation fell from 92 to 86 and the number in B&B fell from 50 to 47; both measures showed an improvement on mid-year but remained red against target.

Members also noted the percentage of non-major and major planning applications determined within the government target at 94.67% and 100% respectively.
""")
    measures = by_label(graph, Label.MEASURE)
    assert {"The number in B&B", "The number of people in temporary accommodation",
            "The percentage of non-major and major planning applications determined within the government target"} \
        <= set(measures)
    assert measures["The number in B&B"]["line"] == 5


def test_a_narrative_names_no_indicator_in_passing() -> None:
    # The same sentence shape in a page with no word of targets or indicators near it is a statistic.
    graph = read_general("""Our town centre

Footfall grew through the summer, and the number of empty shops fell from 40 to 31 while the number of market stalls rose.
""")
    assert by_label(graph, Label.MEASURE) == {}


@pytest.mark.parametrize("line", [
    # Reigate and Banstead Borough Council, scrutiny minutes on draft KPIs 2020/21
    # (tests/dev_corpus/reigate-banstead-draft-kpis-2020-21-minutes.md, lines 7, 9 and 21)
    "42 Draft Key Performance Indicators - 2020/21",
    "To receive and note the latest draft Key Performance Indicators (KPIs) 2020/21.",
    "RESOLVED – that the draft Key Performance Indicators (KPIs) 2020/21 and the observations of the Committee be noted.",
    # Maidstone Borough Council, KPIs 2020-21 report
    # (tests/dev_corpus/maidstone-key-performance-indicators-2020-21-cross-cutting-objectives.md, line 8)
    "Key Performance Indicators 2020-21",
    # Bracknell Forest Council, Place directorate KPIs
    # (tests/dev_corpus/bracknell-forest-place-directorate-kpis-2024-27.md, line 20)
    "Performance indicators",
])
def test_a_line_about_the_indicators_is_no_indicator(line: str) -> None:
    assert about_indicators(line)


@pytest.mark.parametrize("line", [
    # Braintree District Council, annual plan's measuring success page (line 21): the counted thing first
    "Number of residents assisted in installing energy-saving measures",
    # North Hertfordshire District Council, PI minutes (line 53): indicators named by their codes
    "NI 191, NI 192, FW1 and GW1 – Waste Indicators",
    # Reigate and Banstead (line 17): a code, a dash and the indicator's name
    "KPI 10 – Movement in investment income as a % of the Council’s budget",
    # Leicestershire County Council, strategic plan 2018-22 (the shared corpus): indicators of a
    # subject, named by it
    "Congestion metrics",
    "Measures covering pupils missing education",
    # Bracknell Forest Council (line 24): the indicators of an outcome, a heading over them
    "Performance indicators for engaged and healthy communities",
])
def test_an_indicator_keeps_the_word_when_counted_first_or_coded(line: str) -> None:
    assert not about_indicators(line)


def test_minutes_on_draft_kpis_read_the_kpi_not_the_item_about_them() -> None:
    # Reigate and Banstead Borough Council (lines 5-21, the long paragraphs cut)
    graph = read_general("""Issue - meetings

Meeting: 20/02/2020 - Overview and Scrutiny Committee (Item 42)

42 Draft Key Performance Indicators - 2020/21

To receive and note the latest draft Key Performance Indicators (KPIs) 2020/21.

Minutes:

Members welcomed the reviewed and updated KPIs and made observations which included: capturing performance on commercial revenues (KPI 10 – Movement in investment income as a % of the Council’s budget).

RESOLVED – that the draft Key Performance Indicators (KPIs) 2020/21 and the observations of the Committee be noted.
""")
    assert set(by_label(graph, Label.MEASURE)) == {"Movement in investment income as a % of the Council’s budget"}


@pytest.mark.parametrize(("sentence", "found"), [
    # London Borough of Tower Hamlets, strategic plan 2022-26
    # (tests/dev_corpus/tower-hamlets-strategic-plan-2022-26-priorities.md, line 15): a count every year
    ("By working with developers and housing associations to deliver a minimum of 1000 social homes for rent "
     "each year.", ("Social homes for rent", "a minimum of 1000 each year", None)),
    # London Borough of Redbridge, regeneration and growth: homes
    # (tests/dev_corpus/redbridge-regeneration-growth-homes.md, line 2): a count before a year
    ("We will deliver 1000 affordable homes before 2023 through our Housing Development and HRA Programmes.",
     ("Affordable homes", "1000", "2023")),
])
def test_a_count_to_deliver_by_a_year_or_every_year_is_a_target(sentence: str, found: tuple) -> None:
    assert target(sentence) == found


def test_a_commitment_read_by_any_rule_gives_the_count_it_sets_as_its_measure() -> None:
    # Tower Hamlets (lines 13-15: a priority and the means under it) and Community Planning
    # Aberdeen, LOIP improvement projects (tests/dev_corpus/aberdeen-loip-2016-26-stretch-outcomes-
    # improvement-projects.md, lines 9-15: a coded project row): neither is a list under an
    # actions cue, where a to-do item's target was read before.
    graph = read_general("""Our priorities

2. Providing homes for the future

By working with developers and housing associations to deliver a minimum of 1000 social homes for rent each year.
""")
    measures = by_label(graph, Label.MEASURE)
    assert measures["Social homes for rent"]["target"] == "a minimum of 1000 each year"
    graph = read_general("""Stretch Outcome 1 – Employment

S01: 10% increase in employment across priority and volume growth sectors by 2026.

1.1 Stimulate a 5% increase in the number of start-up businesses in growth sectors by 2021

1.2 Increase the number of SQV level 4 qualifications achieved in ICT and Digital by 10% by 2021
""")
    assert "Number of SQV level 4 qualifications achieved in ICT and Digital" in by_label(graph, Label.MEASURE)
