"""Strategy precision: names the general reader made Strategy (or Partnership) nodes of though
they name no document a planner could look up, by kind.

Each test quotes the line of a development corpus plan (tests/dev_corpus/) the rule was written
for, and beside it what the rule must not do (a name of the same shape that is another
document). The corpus scores (``python tests/dev_corpus_eval.py``) measure the rules together;
docs/reading.md "Strategy precision" gives the figures.
"""

from __future__ import annotations

from stratgraph.graph.model import Label
from stratgraph.loaders.general.references import named_in, own_plan_names
from stratgraph.loaders.shapes.narrative.entities import Vocabulary

from general_reading import lines_by_name, read_general


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.label) for m in named_in(text, Vocabulary(text))]


def _strategies(text: str, name: str = "plan.md") -> set[str]:
    return set(lines_by_name(read_general(text, name), Label.STRATEGY))


# -- the plan's own document named again ---------------------------------------------------------


def test_a_name_shortened_to_initials_is_the_title_it_shortens() -> None:
    # denbighshire-replacement-ldp-preferred-strategy-cabinet line 5: the title written out
    title = "# Agenda item\n\n## REPLACEMENT LOCAL DEVELOPMENT PLAN PREFERRED STRATEGY - REPORT OF CONSULTATION\n\n"
    line = ("To consider a report on the Preferred Strategy Consultation Report for the replacement Local "
            "Development Plan (LDP) and seeking Cabinet’s support for the LDP Preferred Strategy with the "
            "recommended changes to go forward to Council for final approval.\n")
    assert "LDP Preferred Strategy" not in _strategies(title + line)
    # another document whose initials the title does not hold is still named
    assert "NHS Workforce Strategy" in _strategies(title + "Cabinet noted the NHS Workforce Strategy.\n")


def test_the_titles_acronym_stands_for_the_name() -> None:
    # nottingham-nottinghamshire-ics-integrated-care-strategy-aims line 22 under the title
    # "... the plan on a page of our ICS Strategy": the Integrated Care Strategy itself
    title = "# A chart depicting the plan on a page of our ICS Strategy\n\n"
    line = ("NHS partners are currently working on a Joint Forward Plan, which details how our local NHS "
            "organisations will contribute to the aims of the Integrated Care Strategy.\n")
    found = _strategies(title + line)
    assert "Integrated Care Strategy" not in found
    assert "Joint Forward Plan" in found  # a plan of other initials is another document


def test_an_owner_before_the_whole_title_is_still_the_title() -> None:
    # durham-police-and-crime-plan-2021-24 line 22, under the title "Police and Crime Plan"
    text = "# Police and Crime Plan\n\nJoy Allen & Jo Farrell Police & Crime Plan Launch\n"
    assert "Joy Allen & Jo Farrell Police & Crime Plan" not in _strategies(text)
    # a title of two words ("Local Plan") is a kind, so a place's plan of that kind is another's
    assert "Charnwood Local Plan" in _strategies("# Local Plan\n\nWe worked with the Charnwood Local Plan team.\n")


def test_a_kind_of_work_after_the_titles_words_is_the_title() -> None:
    # glasgow-city-region-deal-structure-regional-partnerships line 3
    text = ("# Enterprise and Skills Review report on Phase 2: Regional Partnerships\n\n"
            "Report illustrating the outcomes and progress achieved by the Regional Partnerships project as "
            "part of the Enterprise and Skills Review.\n")
    assert "Regional Partnerships project" not in _strategies(text)


def test_a_file_names_plan_with_its_own_years_is_the_plan() -> None:
    # east-devon-council-plan-2024-28-cabinet line 13: a page titled by its file name
    line = ("The Portfolio Holder gave a presentation to Cabinet of the new Council Plan 2024-2028 to "
            "review and agree.\n")
    assert _strategies(line, "east-devon-council-plan-2024-28-cabinet.md") == set()
    # tendring-corporate-plan-highlight-priorities-2024-25-cabinet line 5: the plan of other years
    # (2024-28) that a year's highlight priorities (2024-25) deliver is another document
    line = ("Leader of the Council's Items - Delivering against the Council's Corporate Plan 2024-28 - "
            "Initial Proposals for Highlight Priorities for 2024/25\n")
    assert "Corporate Plan 2024-28" in _strategies(line, "tendring-corporate-plan-highlight-priorities-2024-25-cabinet.md")


def test_two_plans_named_as_one_document_are_both_the_plan() -> None:
    # port-stephens-delivery-program-key-result-measures lines 6 and 7, titled by its file name
    text = ("While the Community Strategic Plan lays out the general priorities for the community, the "
            "Delivery Program and Operational Plan detail how Council will deliver these priorities.\n\n"
            "Council reports against actions and budgets, detailed in the Delivery Program and the annual "
            "Operational Plan through its Annual and Six Monthly reports.\n")
    assert _strategies(text, "port-stephens-delivery-program-key-result-measures.md") == {"Community Strategic Plan"}


def test_the_page_offering_or_defining_its_own_plan_names_itself() -> None:
    # cotswold-our-aims-and-priorities line 11; manningham-council-plan-2017-21-themes-goals line 3
    assert own_plan_names("You can read our updated Corporate Plan here which also includes information on "
                          "what we have delivered") == ["Corporate Plan"]
    assert own_plan_names("The Council Plan is the major strategic document that outlines the goals of "
                          "Council and guides the delivery of services") == ["Council Plan"]
    # a plan with a topic, or one only said to set out priorities, is another document
    assert own_plan_names("You can read our Housing Strategy here") == []
    assert own_plan_names("The Council Plan sets out the priorities this service plan delivers") == []


# -- a committee's or a meeting's words taken as a name ------------------------------------------


def test_a_policy_in_a_committees_remit_names_no_policy() -> None:
    # spelthorne-service-plans-2024-25-committee line 5; three-rivers-draft-service-plans-2025-28 line 25
    assert _found("recommend to Corporate Policy and Resources Committee that they approve the proposed "
                  "Service Plans") == []
    assert _found("The Chair reminded members to focus their comments on the policy and resources area "
                  "only.") == []
    # a plan before a committee's name is still the plan
    assert ("Local Plan", "strategy") in _found("the Local Plan and Planning Committee's timetable")


# -- generic phrases and bodies that deliver nothing ---------------------------------------------


def test_a_budgets_savings_plan_is_a_budget_line() -> None:
    # spelthorne-service-plans-2024-25-committee lines 17 and 28
    assert _found("include more information on the Savings Plan to show exactly where the savings were "
                  "being made") == []
    assert _found("Approve the proposed Revenue Growth Bids, Capital Growth Bids and Savings Plans for "
                  "2024-25") == []
    assert ("Medium Term Financial Strategy", "strategy") in _found("the Medium Term Financial Strategy")


def test_a_standards_board_is_no_partnership() -> None:
    # staffordshire-fire-safety-plan-2020-2024 line 7
    assert _found("We are also adopting all of the new fire standards produced by the Fire Standards "
                  "Board, which was in its infancy") == []
    assert ("Safeguarding Adults Board", "partnership") in _found("the Safeguarding Adults Board")


# -- a name's extent --------------------------------------------------------------------------------


def test_a_word_and_its_year_before_a_plan_are_the_plans_name() -> None:
    # manningham-council-plan-2017-21-themes-goals line 5
    assert ("Generation 2030 Community Plan", "strategy") in _found(
        "community aspirations identified in the Generation 2030 Community Plan, and links")
    # a year placed by a month or a preposition is no part of the name
    assert ("Council Plan", "strategy") in _found("agreed in March 2024 Council Plan refresh")
    assert ("Community Plan", "strategy") in _found("The 2030 Community Plan sets out")
