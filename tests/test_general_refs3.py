"""References round 3: plans named without a strategy word, editions, appositions, leads in
lower case or in a cover's label cell, and the period a list's lead-in sets its items.

Each test quotes the line of a development corpus plan (tests/dev_corpus/; rows "references
round 3" in SOURCES.md, or an earlier plan the rule also reads) that the rule was written for;
what a rule must not do is tested beside what it does. The corpus scores
(``python tests/dev_corpus_eval.py``) measure the rules together.
"""

from __future__ import annotations

from pathlib import Path

from stratgraph.graph.model import Label
from stratgraph.loaders.general.deadlines import deadline_in, lead_in_period, read_deadline
from stratgraph.loaders.general.leads import find_leads
from stratgraph.loaders.general.references import earlier_edition, may_name, named_in, without_years
from stratgraph.loaders.shapes.narrative.entities import Vocabulary

from general_reading import by_label, read_general

CORPUS = Path(__file__).parent / "dev_corpus"


def _found(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.name, m.label, m.kind) for m in named_in(text, Vocabulary(text))]


def _leads(text: str) -> list[tuple[str, str]]:
    return [(lead.name, lead.role) for lead in find_leads(text)]


# -- plans named by a head the shared vocabulary lacks ---------------------------------------------


def test_a_charter_roadmap_blueprint_or_agenda_is_a_named_plan() -> None:
    # anglesey-gwynedd-psb-well-being-plan-2023-28-scrutiny line 19; rotherham-year-ahead-delivery-
    # plan-2023-every-child line 20; greater-manchester-strategy-initial-delivery-plan line 34;
    # belfast-agenda-review-delivery-action-plans-committee line 9
    assert _found("the Healthy Travel Charter was signed") == [("Healthy Travel Charter", "strategy", "document")]
    assert _found("Launch the multi-agency Rotherham Relationships Charter designed to engage agencies") == [
        ("Rotherham Relationships Charter", "strategy", "document")]
    assert _found("Delivery of the Night Time Economy Blueprint priorities") == [
        ("Night Time Economy Blueprint", "strategy", "document")]
    assert _found("note the progress of the development of the refreshed Belfast Agenda and supporting") == [
        ("Belfast Agenda", "strategy", "document")]
    assert may_name("the Armed Forces Covenant")  # the reader's cheap test lets the line through


def test_a_deal_or_a_set_of_agreements_is_a_named_programme() -> None:
    # glasgow-city-region-deal-structure-regional-partnerships line 17; west-berkshire-lsp-health-
    # wellbeing-board-merger line 13
    assert _found("leadership in relation to the Glasgow City Region City Deal. It is") == [
        ("Glasgow City Region City Deal", "strategy", "programme")]
    assert _found("The real motivation for having LSPs was to drive the Local Area Agreements (LAAs)") == [
        ("Local Area Agreements", "strategy", "programme")]


def test_a_head_in_lower_case_or_after_a_or_a_meeting_names_no_plan() -> None:
    assert _found("A Good Deal? Craig discusses the report") == []  # an article's title
    assert _found("a charter for tenants and a good deal for residents") == []
    assert _found("Cabinet Agenda and Full Council Agenda") == []  # a meeting's papers
    # carmarthenshire-cabinet-vision-2022-27-tackling-poverty line 5: a cause, not a document
    assert _found("Appoint a Cabinet Member to lead on the Tackling Poverty Agenda.") == []
    # belfast-agenda-review-delivery-action-plans-committee line 23: a stage of the plan is not its name
    assert _found("following the Phase 1 of Belfast Agenda: Continuing the Conversation engagement") == [
        ("Belfast Agenda", "strategy", "document")]


def test_a_title_in_apposition_to_a_plan_phrase_is_the_plans_name() -> None:
    # kent-local-transport-plan-4-growth-without-gridlock line 7: the lower-case phrase says what
    # the title is; it used to be read as the name ("transport delivery plan")
    found = _found("incorporates the strategic priorities from Growth without Gridlock (2010) (PDF, 2.7 MB), "
                   "our transport delivery plan.")
    assert found == [("Growth without Gridlock", "strategy", "document")]
    assert _found("Leicester, our city plan") == [("city plan", "strategy", "document")]  # a place is no title


def test_an_editions_number_stays_with_the_name() -> None:
    # kent-local-transport-plan-4-growth-without-gridlock lines 5 and 7
    assert _found("This plan builds on the success of the previous Local Transport Plan 3 (2011-2016)")[0][0] == \
        "Local Transport Plan 3"
    assert _found("Local Transport Plan 4: Delivering Growth without Gridlock (2016 to 2031) brings")[0][0] == \
        "Local Transport Plan 4"
    # a list's next number or a count is not an edition
    assert _found("1. Our Housing Strategy 2. Improve homes")[0][0] == "Housing Strategy"
    assert _found("The Housing Strategy 5 themes")[0][0] == "Housing Strategy"
    assert without_years("Local Transport Plan 4") == "Local Transport Plan"
    assert earlier_edition("builds on the previous Local Transport Plan 3 (2011-2016)", "Local Transport Plan 3")
    assert not earlier_edition("Local Transport Plan 4 brings together", "Local Transport Plan 4")


def test_an_earlier_edition_is_another_document_though_the_title_names_the_kind() -> None:
    # kent-local-transport-plan-4-growth-without-gridlock: the page's title is "... our local
    # transport plan"; edition 4 is the page's own plan, edition 3 another
    graph = read_general(
        "# Delivering growth without gridlock - our local transport plan\n\n"
        "Local Transport Plan 4: Delivering Growth without Gridlock (2016 to 2031) brings together our "
        "transport policies.\n\n"
        "This plan builds on the success of the previous Local Transport Plan 3 (2011-2016).\n")
    assert set(by_label(graph, Label.STRATEGY)) == {"Local Transport Plan 3"}


# -- leads ----------------------------------------------------------------------------------------


def test_a_role_in_lower_case_before_a_capitalised_portfolio_is_a_lead() -> None:
    # darlington-council-plan-2024-27-health-housing-scrutiny line 7
    assert _leads("The Strategy and Policy Manager and the portfolio holder for Health and Housing presented "
                  "the Council Plan 2024-2027") == [
        ("the Portfolio Holder for Health and Housing", "Portfolio Holder for Health and Housing")]
    assert _leads("the portfolio holder for the service will") == []  # no portfolio named
    assert _leads("each cabinet member for their area") == []


def test_the_leader_of_council_without_the() -> None:
    # neath-port-talbot-wellbeing-objectives-corporate-plan-2017-22 line 7
    assert _leads("The Leader of Council introduced the report of the Head of Corporate Strategy") == [
        ("the Leader of Council", "Leader of Council")]


def test_a_cover_label_cell_names_the_member_after_it() -> None:
    # north-norfolk-net-zero-strategy-review-climate-reports line 17, the row as one line
    assert _leads("Cabinet member(s) | Cllr Adam Varley |") == [("Cllr Adam Varley", "Cabinet member")]
    assert _leads("Portfolio Holder: Councillor Ali Khan") == [("Cllr Ali Khan", "Portfolio holder")]


def test_a_surname_with_an_inner_capital_is_read_whole() -> None:
    # denbighshire-replacement-ldp-preferred-strategy-cabinet line 5 (it used to be read by role only)
    assert _leads("To consider a report by Councillor Win Mullen-James, Lead Member for Local Development "
                  "and Planning (copy enclosed)") == [
        ("Cllr Win Mullen-James", "Lead Member for Local Development and Planning")]
    assert _leads("Councillor Sean O'Neill, Cabinet Member for Housing, said") == [
        ("Cllr Sean O'Neill", "Cabinet Member for Housing")]


# -- deadlines ------------------------------------------------------------------------------------


def test_a_lead_ins_period_is_its_items_deadline() -> None:
    # lancashire-hwb-place-partnership-areas-of-focus-2025-26 lines 17-20
    plan = CORPUS / "lancashire-hwb-place-partnership-areas-of-focus-2025-26.md"
    graph = read_general(plan.read_text(encoding="utf-8"), plan.name)
    actions = {name: a for name, a in by_label(graph, Label.ACTION).items() if 18 <= a["line"] <= 20}
    assert len(actions) == 3 and {a["deadline"] for a in actions.values()} == {"2025/26"}
    assert {a["deadline_date"] for a in actions.values()} == {"2026-03-31"}


def test_an_items_own_date_wins_over_its_lead_ins() -> None:
    graph = read_general(
        "# Our plan\n\n## Homes\n\nBy 2027 we will:\n\n"
        "- Build 500 new council homes\n"
        "- Open the Skills Hub by September 2025\n")
    actions = by_label(graph, Label.ACTION)
    assert actions["Build 500 new council homes"]["deadline"] == "2027"
    assert actions["Open the Skills Hub by September 2025"]["deadline"] == "September 2025"


def test_lead_in_periods_as_plans_write_them() -> None:
    assert lead_in_period("By 2027 we will:") == "2027"
    assert lead_in_period("Over the next 12 months we will:") == "the next 12 months"
    assert lead_in_period("In Q3 2025/26 we will:") == "Q3 2025/26"
    assert lead_in_period("Key actions 2025/26 Q3:") == "2025/26 Q3"
    # a line that is no lead-in, a lead-in with no period, and one looking back name none
    assert lead_in_period("By 2027 we will build 500 homes.") is None
    assert lead_in_period("Our priorities are:") is None
    assert lead_in_period("In 2023/24 we delivered:") is None
    assert lead_in_period("The plan will run for 2 years:") is None


def test_a_financial_year_after_in_is_when_a_thing_is_done() -> None:
    # muirhouse-housing-association-strategic-objectives-2021-22 line 21
    assert deadline_in("carry out a Strategic Options Appraisal in 2021/22 prior to the recruitment") == "2021/22"
    assert deadline_in("Achieve our ambitious targets in 2021/22 and beyond") is None  # from then on
    assert deadline_in("the recommendations made in 2021") is None  # a bare year still sets none


def test_a_financial_year_then_its_quarter() -> None:
    assert read_deadline("2025/26 Q3").date == "2025-12-31"
    assert read_deadline("2025/26 Quarter 4").date == "2026-03-31"


# -- precision ------------------------------------------------------------------------------------


def test_a_panel_of_residents_is_no_partnership() -> None:
    # erewash-corporate-plan-priorities line 5: the people the council surveys
    assert _found("we sent a survey to the council’s Citizens Panel (a sample size of 2,089)") == []
    assert _found("the Tenants' Panel met") == []
    assert _found("the Health and Wellbeing Board met") == [("Health and Wellbeing Board", "partnership", None)]


def test_a_keyword_after_for_names_a_task() -> None:
    # glasgow-city-region-deal-structure-regional-partnerships line 17
    assert _found("It is responsible to the UK and Scottish Governments for project selection and delivery") == []


def test_a_cover_tables_cells_name_its_documents_and_its_label_pair_its_lead() -> None:
    # north-norfolk-net-zero-strategy-review-climate-reports lines 5 and 12: a table of no known
    # shape (label | value), where the summary cell names the charter and the label beside its
    # value names the member
    text = ("# Net zero strategy review\n\n"
            "| Executive Summary | This paper presents the following reports: · the revised Environmental "
            "Charter · a draft decarbonisation strategy |\n"
            "| Wards affected | All |\n"
            "| Cabinet member(s) | Cllr Adam Varley |\n")
    graph = read_general(text)
    assert "Environmental Charter" in by_label(graph, Label.STRATEGY)
    assert list(by_label(graph, Label.CABINET_LEAD)) == ["Cllr Adam Varley"]
