"""The general reader on the strategies, partnerships and cabinet leads a plan names.

Each test quotes the line of a development corpus plan (tests/dev_corpus/) that the rule was
written for, set in a small plan of its own; the corpus scores (``python tests/dev_corpus_eval.py``)
measure the rules together. What a rule must not do is tested beside what it does.
"""

from __future__ import annotations

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, RelType
from stratgraph.loaders.general.leads import find_leads
from stratgraph.loaders.general.references import named_in, names_a_partnership
from stratgraph.loaders.shapes.narrative.entities import Vocabulary

from general_reading import read_general as _read


def _names(graph: GraphData, label: Label) -> set[str]:
    return {n.name for n in graph.nodes.values() if n.label is label}


def _referenced_from(graph: GraphData, name: str) -> set[str]:
    """The labels of the nodes that REFERENCE the node called ``name``."""
    ids = {n.id for n in graph.nodes.values() if n.name == name}
    return {graph.nodes[r.start].label.value for r in graph.relationships.values()
            if r.type is RelType.REFERENCES and r.end in ids}


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.label) for m in named_in(text, Vocabulary(text))]


# -- which lines are read for names ---------------------------------------------------------------


def test_a_programme_or_fund_written_in_lower_case_or_alone_on_its_line_is_read() -> None:
    # rother-council-plan-2024-28-themes line 6; greater-manchester-... lines 19 and 30: no
    # "Strategy" or "Plan" on the line, which the reader used to need before looking.
    graph = _read("# Council Plan 2024-2028\n\n"
                  "These themes are underpinned by our Fit for the Future programme, which ensures that we "
                  "can deliver our priorities through effective and efficient services.\n\n"
                  "Our commitments:\n\n"
                  "- College Specialisation programme to support growth locations and sector needs\n"
                  "- Community Renewal Fund Activity\n")
    assert {"Fit for the Future programme", "College Specialisation programme",
            "Community Renewal Fund"} <= _names(graph, Label.STRATEGY)
    assert _referenced_from(graph, "Fit for the Future programme") == {"Plan"}


def test_a_lead_in_to_a_list_of_priorities_is_read_for_the_document_it_cites() -> None:
    # lichfield-community-safety-delivery-plan-priorities line 11 (its "the our" as written).
    graph = _read("# Community safety\n\n## Our priorities\n\n"
                  "The current local community safety priorities as detailed in the our community safety delivery plan:\n\n"
                  "- Increase feelings of safety\n- Support vulnerable members of the community\n")
    assert "community safety delivery plan" in _names(graph, Label.STRATEGY)
    assert {"Increase feelings of safety", "Support vulnerable members of the community"} <= _names(graph, Label.OUTCOME)


def test_a_paragraph_taken_as_the_title_is_still_read_for_other_documents() -> None:
    # cambridgeshire-peterborough-ics-integrated-care-strategy-ambitions line 1: the page opens
    # with a paragraph, which the reader takes as the plan's title.
    graph = _read("As a partnership working towards healthier futures for around a million people, we have "
                  "agreed three overarching ambitions. These ambitions were agreed as part of our Health & "
                  "Wellbeing Integrated Care Strategy, which we developed following feedback.\n\n"
                  "Our ambitions are:\n\n- Children are ready to start school\n- People live healthier lives\n")
    assert "Health & Wellbeing Integrated Care Strategy" in _names(graph, Label.STRATEGY)
    assert _referenced_from(graph, "Health & Wellbeing Integrated Care Strategy") == {"Plan"}


def test_the_documents_other_name_just_under_its_title_is_not_a_reference() -> None:
    # newton-st-cyres-parish-council-action-plan-2018-20 lines 1-2.
    graph = _read("Parish Council Action plan and Work Responsibilities\n"
                  "Development Plan – Dec 2018 to April 2020 (review deferred to May 2021 due to Covid)\n\n"
                  "We will ensure the Action Plan is reviewed annually, and we will implement the Parish Plan.\n")
    assert "Development Plan" not in _names(graph, Label.STRATEGY)
    # The same words further down name another document.
    later = _read("Parish Council Action plan and Work Responsibilities\n\nIntroduction text here.\n\n"
                  "More introduction.\n\nWe will review the Development Plan – it runs to 2030.\n")
    assert "Development Plan" in _names(later, Label.STRATEGY)


# -- what a name found is not -------------------------------------------------------------------------


def test_a_scrutiny_committee_is_governance_not_a_partnership() -> None:
    # coventry-cabinet-member-portfolio-priorities-2025-26 line 9.
    text = ("The Communities and Neighbourhoods Scrutiny Board (4) received and noted two briefings, the first "
            "from the Cabinet Member for Housing and Communities.")
    assert _found(text) == []
    assert _found("It was agreed at the Health and Wellbeing Board meeting held on the 3 March 2022.") == [
        ("Health and Wellbeing Board", "partnership")]  # shropshire-joint-health-wellbeing-strategy line 5


def test_a_keyword_followed_by_a_role_is_a_job_title() -> None:
    # winchester-council-plan-2025-30-policy-committee line 35.
    assert _found("Simon Howson, Senior Policy and Programme Manager provided the committee with a presentation") == []
    assert _found("The Partnership Officer will report to the Safer Communities Partnership.") == [
        ("Safer Communities Partnership", "partnership")]


def test_a_lower_case_strategy_after_is_describes_the_subject() -> None:
    # south-gloucestershire-council-plan-goals line 1.
    assert _found("The council plan is our overarching strategy for the council and its partners.") == []
    # A capitalised name after "is" still names a document; a possessive topic strategy elsewhere too.
    assert _found("The plan that guides building is the Local Plan.") == [("Local Plan", "strategy")]
    assert _found("We will publish our housing strategy in 2025.") == [("housing strategy", "strategy")]


def test_a_fund_that_pays_for_the_work_is_a_funding_source() -> None:
    # lincolnshire-green-masterplan-initial-action-plan-2020-25 line 8 (its expected items call
    # the Salix Fund "a funding source, not a strategy or partner").
    assert _found("The project is funded through the Salix Fund and will reduce carbon emissions.") == []
    # greater-manchester-strategy-initial-delivery-plan line 30: the fund's activity is the work.
    assert _found("Community Renewal Fund Activity") == [("Community Renewal Fund", "strategy")]


def test_an_owner_cell_is_a_partnership_only_when_the_finder_reads_one() -> None:
    # newton-st-cyres-parish-council-action-plan-2018-20 line 19: two owners, not a body.
    vocab = Vocabulary("")
    assert not names_a_partnership("Councillors and Development Group", vocab)
    assert names_a_partnership("Community Safety Partnership", vocab)
    assert names_a_partnership("Health and Wellbeing Board (HWB)", vocab)
    graph = _read("Parish Action Plan 2025-28\n\nObjective |\nWhat we'll do |\nBy when |\nWho |\n"
                  "Keep the parish safe |\nRun a knife crime awareness week in the village hall |\nMarch 2026 |\n"
                  "Community Safety Partnership |\nPlan for new homes |\nImplement the Parish Plan actions |\n"
                  "April 2026 |\nCouncillors and Development Group |\n")
    assert _names(graph, Label.PARTNERSHIP) == {"Community Safety Partnership"}
    assert "Councillors and Development Group" in _names(graph, Label.OWNER)


# -- cabinet leads -----------------------------------------------------------------------------------


def test_a_leader_who_also_holds_a_portfolio_is_one_lead_who_leads_the_plan() -> None:
    # winchester-council-plan-2025-30-policy-committee line 15.
    line = ("Councillor Martin Tod, Leader and Cabinet Member for Asset Management; introduced the agenda item "
            "which set out proposals for the Council Plan 2025-30.")
    leads = find_leads(line)
    assert [(lead.name, lead.role, lead.portfolio) for lead in leads] == [
        ("Cllr Martin Tod", "Leader and Cabinet Member for Asset Management", "Asset Management")]
    graph = _read("# Council Plan 2025-30\n\n" + line + "\n\nWe will build 300 council homes by 2028.\n")
    leads_made = {n.name: n for n in graph.nodes.values() if n.label is Label.CABINET_LEAD}
    assert set(leads_made) == {"Cllr Martin Tod"}
    plan = next(n for n in graph.nodes.values() if n.label is Label.PLAN)
    assert any(r.type is RelType.OWNS and r.start == leads_made["Cllr Martin Tod"].id and r.end == plan.id
               for r in graph.relationships.values())


def test_a_mayor_who_also_chairs_is_the_mayor_of_the_place_only() -> None:
    # west-yorkshire-ca-corporate-plan-2021-22 line 7.
    leads = find_leads('"As Mayor of West Yorkshire and Chair of the Combined Authority, I want our region to be')
    assert [(lead.name, lead.role) for lead in leads] == [("the Mayor of West Yorkshire", "Mayor of West Yorkshire")]
    # A place named with "and" is still the whole place.
    leads = find_leads("the Police and Crime Commissioner for Devon and Cornwall said")
    assert [lead.role for lead in leads] == ["Police and Crime Commissioner for Devon and Cornwall"]
