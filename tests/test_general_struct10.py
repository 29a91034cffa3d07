"""The general reader on which "we will" sentences commit to something (reading round struct10).

The round changes how a sentence is read by its grammar, not by the phrases it holds: each
test quotes lines of public plans of different bodies (tests/dev_corpus/SOURCES.md names
them), so the decision it pins holds in any council's English.
"""

from __future__ import annotations

import pytest

from stratgraph.graph.model import Label
from stratgraph.loaders.general.statements import commitment

from general_reading import by_label, read_general

# "Plan to" is a verb only after a plural subject ("we plan to"); after a body named in the
# singular the verb is "plans to", so "the Council Plan to ..." names the council's plan.
COUNCIL_PLAN_NAMED = [
    # East Devon District Council, cabinet on the Council Plan 2024-28
    # (tests/dev_corpus/east-devon-council-plan-2024-28-cabinet.md, line 25: the reason for the decision)
    "To progress the Council Plan to the final stage of agreement and provide clarity as to the "
    "ongoing monitoring of the actions from the plan.",
    # Yateley Town Council, Town Council Plan 2020
    # (tests/dev_corpus/yateley-town-council-plan-2020-strategic-priorities.md, line 4)
    "In November 2020, the Town Council finalised its strategic Town Council Plan to focus the activities "
    "that the Council aims to implement or start by 2024.",
    # Flintshire County Council, cabinet on the Council Plan 2023-28
    # (tests/dev_corpus/flintshire-council-plan-2023-28-development-cabinet.md, line 13)
    "(2)       That the Chief Executive be given authority, in consultation with the Leader of the Council "
    "and Cabinet Member for Education, Welsh Language, Culture and Leisure, to amend the Council Plan to "
    "reflect comments from the Overview and Scrutiny Committees.",
]


@pytest.mark.parametrize("line", COUNCIL_PLAN_NAMED)
def test_the_council_plan_to_is_a_plan_named_not_a_council_planning(line: str) -> None:
    assert commitment(line) is None


def test_a_singular_body_plans_to_and_we_plan_to_still_commit() -> None:
    assert commitment("The council plans to build 500 homes by 2026.") == "Build 500 homes by 2026"
    assert commitment("We plan to open two community hubs.") == "Open two community hubs"
    # Cheshire PCC, partnership working (tests/dev_corpus/cheshire-pcc-partnership-working.md, line 5)
    assert commitment("The Commissioner will seek to collaborate at local, regional and national levels to "
                      "build capacity and capability as well as well as efficiency.") is not None


def test_east_devon_reason_for_decision_makes_no_action() -> None:
    # East Devon District Council, cabinet minute on the Council Plan 2024-2028
    # (tests/dev_corpus/east-devon-council-plan-2024-28-cabinet.md, lines 17-25, line 21 left out)
    graph = read_general("""Council Plan 2024-2028

RESOLVED: that Cabinet

1.     Agree the Council Plan 2024-2028 including its actions and measures and recommends its approval to Council.

3.     Consider and agree the frequency of monitoring of the actions and measures set out on the plan.

To progress the Council Plan to the final stage of agreement and provide clarity as to the ongoing monitoring of the actions from the plan.
""")
    assert not any("final stage" in name for name in by_label(graph, Label.ACTION))


# A noun phrase, then "we will" and a verb without its object: a relative clause ("the work
# (that) we will do"), which says which work, not a commitment of its own.
RELATIVE_CLAUSES = [
    # Belfast City Council, corporate plan and improvement objectives
    # (tests/dev_corpus/belfast-corporate-plan-improvement-objectives-2019-20.md, line 7)
    "Our corporate plan sets out our priorities and the work we will do to improve the quality of life "
    "for everyone in Belfast.",
    # East Ayrshire Community Planning Partnership, wellbeing theme
    # (tests/dev_corpus/east-ayrshire-community-plan-wellbeing-theme.md, line 5)
    "Detailed below are the priorities under the Wellbeing theme which we will work to achieve over the "
    "lifetime of the Community Plan 2015-2030.",
    # South Gloucestershire Council, council plan goals
    # (tests/dev_corpus/south-gloucestershire-council-plan-goals.md, line 1)
    "It sets out the key actions we will take over the next 4 years to achieve the best for our residents "
    "and communities.",
]


@pytest.mark.parametrize("line", RELATIVE_CLAUSES)
def test_we_will_in_a_relative_clause_commits_to_nothing(line: str) -> None:
    assert commitment(line) is None


def test_we_will_after_a_phrase_of_time_or_a_fronted_phrase_still_commits() -> None:
    # Barking and Dagenham, vision and priorities (tests/dev_corpus/barking-dagenham-vision-and-priorities.md, line 9)
    assert commitment("Over the coming years we will consolidate the progress we have already made and use "
                      "our new kind of council to empower residents to live longer, healthier, happier and more "
                      "independent lives.") == ("Consolidate the progress we have already made and use our new kind "
                                                "of council to empower residents to live longer, healthier, happier "
                                                "and more independent lives")
    # Cumbria County Council, anti-poverty strategy (tests/dev_corpus/cumbria-anti-poverty-strategy.md, line 7)
    assert commitment("Through our focus on household incomes, community resilience and tackling child poverty "
                      "we will put in place a comprehensive package of activities and services to make a "
                      "difference.") == ("Put in place a comprehensive package of activities and services to "
                                         "make a difference")
