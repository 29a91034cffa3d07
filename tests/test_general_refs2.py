"""References round 2: cabinet leads by every title councils give them, and the strategies and
partnerships a plan names, read by kind.

Each test quotes the line of a development corpus plan (tests/dev_corpus/, rows "references
round 2" in SOURCES.md) that the rule was written for; what a rule must not do is tested beside
what it does. The corpus scores (``python tests/dev_corpus_eval.py``) measure the rules together.
"""

from __future__ import annotations

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, RelType
from stratgraph.loaders.general.leads import find_leads
from stratgraph.loaders.general.references import named_in, own_plan_names, without_years
from stratgraph.loaders.shapes.narrative.entities import Vocabulary

from general_reading import read_general as _read


def _leads(text: str) -> list[tuple[str, str]]:
    return [(lead.name, lead.role) for lead in find_leads(text)]


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.label) for m in named_in(text, Vocabulary(text))]


def _names(graph: GraphData, label: Label) -> set[str]:
    return {n.name for n in graph.nodes.values() if n.label is label}


# -- cabinet leads --------------------------------------------------------------------------------


def test_a_welsh_portfolio_member_who_is_also_deputy_leader_is_one_lead() -> None:
    # anglesey-gwynedd-psb-well-being-plan-2023-28-scrutiny line 19
    assert _leads("The Deputy Leader and Portfolio Member for Finance and Housing Services said that the "
                  "Well-being of Future Generations (Wales) Act 2015 places a duty on public bodies") == [
        ("the Deputy Leader and Portfolio Member for Finance and Housing Services",
         "Deputy Leader and Portfolio Member for Finance and Housing Services")]


def test_a_portfolio_ends_at_the_verb_after_it() -> None:
    # rhondda-cynon-taf-cwm-taf-morgannwg-well-being-plan-2023-28 line 19: "spoke" is no part of
    # the portfolio (it used to run to the end of the line)
    assert _leads("The Cabinet Member for Health and Social Care spoke positive of the Well-Being plan") == [
        ("the Cabinet Member for Health and Social Care", "Cabinet Member for Health and Social Care")]
    # the joining words of a portfolio do not end it
    assert _leads("the Cabinet Member for Jobs, Skills and the Economy said") == [
        ("the Cabinet Member for Jobs, Skills and the Economy", "Cabinet Member for Jobs, Skills and the Economy")]


def test_the_leader_holding_a_portfolio_of_listed_areas_is_one_lead() -> None:
    # flintshire-council-plan-2023-28-development-cabinet line 13: one member, four areas (it
    # used to give "the Leader of the Council" and a "Cabinet Member for Education")
    assert _leads("That the Chief Executive be given authority, in consultation with the Leader of the Council "
                  "and Cabinet Member for Education, Welsh Language, Culture and Leisure, to amend the Council "
                  "Plan") == [
        ("the Leader of the Council and Cabinet Member for Education, Welsh Language, Culture and Leisure",
         "Leader of the Council and Cabinet Member for Education, Welsh Language, Culture and Leisure")]
    # tendring-corporate-plan-highlight-priorities-2024-25-cabinet line 19
    assert _leads("Cabinet considered a report of the Leader of the Council & Portfolio Holder for Corporate "
                  "Finance and Governance (A.2).") == [
        ("the Leader of the Council & Portfolio Holder for Corporate Finance and Governance",
         "Leader of the Council & Portfolio Holder for Corporate Finance and Governance")]
    # a member's name after the comma is no area of the portfolio
    assert _leads("Cabinet Member for Housing, Cllr Jane Smith and Cllr Ali Khan") == [
        ("Cllr Jane Smith", "Cabinet Member for Housing")]


def test_a_portfolio_holder_named_without_for() -> None:
    # east-devon-council-plan-2024-28-cabinet line 13
    assert _leads("The Portfolio Holder Council and Corporate Co-ordination gave a presentation to Cabinet") == [
        ("the Portfolio Holder Council and Corporate Co-ordination",
         "Portfolio Holder for Council and Corporate Co-ordination")]
    # the post's page or paper is no portfolio
    assert _leads("Portfolio Holder Decisions") == []
    assert _leads("Portfolio Holder Report to Cabinet") == []


def test_a_portfolio_written_before_the_portfolio_holder() -> None:
    # eden-leader-portfolio-holder-responsibilities lines 3, 16, 17
    assert _leads("Leader Portfolio Holder") == [("the Leader Portfolio Holder", "Leader")]
    assert _leads("Ensuring a balanced budget with the Resources Portfolio Holder.") == [
        ("the Resources Portfolio Holder", "Portfolio Holder for Resources")]
    assert _leads("Emergency planning and business continuity, with the Economies and Enterprise Portfolio "
                  "Holder.") == [
        ("the Economies and Enterprise Portfolio Holder", "Portfolio Holder for Economies and Enterprise")]
    # words that only say which post it is are no portfolio
    assert _leads("Each Cabinet Portfolio Holder reports to Council") == []


def test_the_leader_and_deputy_leader_by_title_alone() -> None:
    # east-devon-council-plan-2024-28-cabinet line 15; rhondda-cynon-taf-... line 23
    assert _leads("The Leader, Deputy Leader and Portfolio Holder Council and Corporate Co-ordination wished "
                  "to thank the residents") == [
        ("the Leader", "Leader"), ("the Deputy Leader", "Deputy Leader"),
        ("the Portfolio Holder Council and Corporate Co-ordination",
         "Portfolio Holder for Council and Corporate Co-ordination")]
    assert _leads("The Deputy Leader echoed the Councillor’s comments") == [("the Deputy Leader", "Deputy Leader")]
    # a group's or team's leader, the Leader of the Opposition and an act on the Leader's behalf are not
    assert _leads("the Group Leader said") == []
    assert _leads("questions from the Leader of the Opposition") == []
    assert _leads("signed by the Chief Executive on behalf of the Leader") == []


def test_a_named_member_with_as_before_the_office() -> None:
    # north-herts-council-delivery-plan-2025-26-q1-update line 27 (read only by role before)
    assert _leads("Councillor Ian Albert, as Executive Member for Resources, presented the report") == [
        ("Cllr Ian Albert", "Executive Member for Resources")]


def test_leads_of_the_new_plans_in_a_read_plan() -> None:
    graph = _read("# Council Plan 2024-2028\n\n"
                  "The Leader, Deputy Leader and Portfolio Holder Council and Corporate Co-ordination wished "
                  "to thank the residents who had responded to the consultation.\n")
    leads = {(n.name, n.properties.get("role")) for n in graph.nodes.values() if n.label is Label.CABINET_LEAD}
    assert ("the Leader", "Leader") in leads and ("the Deputy Leader", "Deputy Leader") in leads
    plan = next(n.id for n in graph.nodes.values() if n.label is Label.PLAN)
    leader = next(n.id for n in graph.nodes.values() if n.name == "the Leader")
    assert any(r.type is RelType.OWNS and r.start == leader and r.end == plan for r in graph.relationships.values())


# -- strategies and partnerships ------------------------------------------------------------------


def test_a_job_title_after_a_keyword_names_no_programme_but_keeps_its_body() -> None:
    # anglesey-gwynedd-psb-well-being-plan-2023-28-scrutiny line 21 (it used to make a
    # "... Public Services Board Programme" strategy: the job-title check never ran past the start)
    assert _found("The Gwynedd and Anglesey Public Services Board Programme Manager said following comments "
                  "received") == [("Gwynedd and Anglesey Public Services Board", "partnership")]
    assert _found("Contact the Senior Policy and Programme Manager") == []


def test_the_owner_before_a_plan_is_not_part_of_its_name() -> None:
    # tendring-corporate-plan-highlight-priorities-2024-25-cabinet line 5 ("Council's Corporate Plan")
    assert ("Corporate Plan 2024-28", "strategy") in _found(
        "A.2 - Delivering against the Council's Corporate Plan 2024-28 - Initial Proposals for Highlight "
        "Priorities")
    # muirhouse-housing-association-strategic-objectives-2021: years written without spaces too
    assert without_years("Corporate Plan 2024-28") == "Corporate Plan"


def test_a_lower_case_partnership_word_describing_a_noun_names_no_body() -> None:
    # brighton-hove-safe-in-the-city-community-safety-strategy line 17
    assert not [n for n, label in _found(
        "Domestic violence and abuse (including Violence against Women and Girls and partnership responses "
        "like the Multi-Agency Risk Assessment Conference (MARAC) and Domestic Homicide Reviews)")
        if label == "partnership"]


def test_bodies_joined_or_after_a_person_or_hyphened_are_each_read() -> None:
    # lancashire-hwb-place-partnership-areas-of-focus-2025-26 lines 16 and 9
    found = _found("agree the alignment of the Health and Wellbeing Board with the District Health and Wellbeing "
                   "Partnerships, Place Partnership and Provider Collaborative Board.")
    assert ("Place Partnership", "partnership") in found and ("Provider Collaborative Board", "partnership") in found
    assert ("NHS Lancashire and South Cumbria Integrated Care Board", "partnership") in _found(
        "Jackie Moran, NHS Lancashire and South Cumbria Integrated Care Board outlined the synergies")
    # west-berkshire-lsp-health-wellbeing-board-merger line 15
    assert _found("The Skills and Enterprise Sub-Partnership was leading on the City Deal. The Greener "
                  "Sub-Partnership was largely self sustaining.") == [
        ("Skills and Enterprise Sub-Partnership", "partnership"), ("City Deal", "strategy"),  # (refs round 3)
        ("Greener Sub-Partnership", "partnership")]
    # one body whose name holds "and" stays one
    assert _found("the Health and Wellbeing Board met") == [("Health and Wellbeing Board", "partnership")]


def test_our_overarching_plan_said_to_set_out_the_pages_aims_is_the_document_itself() -> None:
    # eastleigh-corporate-plan-strategic-objectives line 5; cotswold-our-aims-and-priorities line 9
    assert own_plan_names("Our Corporate Plan outlines our key strategic objectives:") == ["Corporate Plan"]
    assert own_plan_names("Our corporate strategy sets out how we will achieve our aims and deliver our "
                          "priorities.") == ["corporate strategy"]
    # a plan of a topic is another document
    assert own_plan_names("Our Housing Strategy sets out our priorities for housing.") == []
    graph = _read("# A green, healthy and prosperous Borough\n\n"
                  "Our Corporate Plan outlines our key strategic objectives:\n\n"
                  "- A Green Borough\n- A Healthy Community\n")
    assert "Corporate Plan" not in _names(graph, Label.STRATEGY)


def test_a_current_plan_setting_out_a_vision_is_another_document() -> None:
    # welwyn-hatfield-annual-report-priorities-and-performance line 5: the annual report's
    # business plan is a document of its own (under the plan)
    assert own_plan_names("Our current Business Plan sets out our strategic vision over a three year period "
                          "to March 2021.") == []


def test_a_name_whose_years_a_wrapped_line_cut_off_is_left_to_its_whole_mention() -> None:
    # belfast-performance-improvement-plan-2024-25-objectives line 8 as a designed PDF reads it
    # ("... draft Corporate Plan 2024-" then "28. We have set ..."): the plan is read, with its
    # years, where line 34 names it whole
    # (the Belfast Agenda, a plan named without a keyword, is read since references round 3)
    assert _found("priorities outlined within the new Belfast Agenda 2024-28 and draft Corporate Plan 2024-") == [
        ("Belfast Agenda 2024-28", "strategy")]
    assert _found("the Belfast Agenda 2024-28, and the draft Corporate Plan 2024-28. For each") == [
        ("Belfast Agenda 2024-28", "strategy"), ("Corporate Plan 2024-28", "strategy")]
