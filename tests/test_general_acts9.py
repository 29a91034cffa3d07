"""The general reader on priorities and the commitments under them (reading round acts9).

Each test quotes the lines of a public plan of batch A (tests/dev_corpus/SOURCES.md names it)
in a small document of its own, so the rule it pins is read from its words, not the file.
"""

from __future__ import annotations

from stratgraph.graph.model import Label
from stratgraph.loaders.general.item_wording import titled_project
from stratgraph.loaders.read.furniture import is_site_chrome

from general_reading import by_label, read_general

# Chorley Council, Corporate Strategy 2023/24, "Healthy, safe and engaged communities"
# (tests/dev_corpus/chorley-corporate-strategy-2023-24-healthy-safe-communities.md, lines 5-30)
CHORLEY = """Healthy, safe and engaged communities

Our commitment

  • support and encourage active lifestyles and health and wellbeing
  • work with partners to join up public services so that they make sense for everyone

We will

  • Deliver the Cost of Living Action Plan - By providing a range of support and intervention including food and fuel poverty, debt and housing
  • Launch an Enhanced Social Prescribing Service Focussed on Supporting Family and Early Years -Taking an early action and prevention approach to support at families and children

Measuring success

  • % increase in visitor numbers
Update cookies preferences
"""


def test_the_bullets_under_our_commitment_are_the_councils_actions() -> None:
    actions = by_label(read_general(CHORLEY), Label.ACTION)
    assert actions["Support and encourage active lifestyles and health and wellbeing"]["line"] == 5
    # "work with partners ..." is what the council commits to do, not a partnership's name
    assert actions["Work with partners to join up public services so that they make sense for everyone"]["line"] == 6


def test_a_project_title_in_title_case_then_a_dash_is_the_action_and_the_sentence_its_description() -> None:
    actions = by_label(read_general(CHORLEY), Label.ACTION)
    plan = actions["Deliver the Cost of Living Action Plan"]
    assert plan["line"] == 10
    assert plan["description"].startswith("By providing a range of support")
    # the dash may touch the description ("Early Years -Taking an early action ...")
    assert actions["Launch an Enhanced Social Prescribing Service Focussed on Supporting Family and Early Years"][
        "description"].startswith("Taking an early action")


def test_a_sentence_that_runs_on_through_a_dash_is_no_project_title() -> None:
    # Not title case before the dash: one sentence, left whole.
    assert titled_project("Work with partners - including the NHS - to join up services") is None
    assert titled_project("Become a leading council in Scotland for community engagement - 1% of the Council's "
                          "discretionary budget will be allocated through participatory budgeting") is None
    assert titled_project("Refresh and Deliver the Transformation Programme - Respond to significant national, "
                          "regional and local challenges effectively") == (
        "Refresh and Deliver the Transformation Programme",
        "Respond to significant national, regional and local challenges effectively")


def test_the_cookie_banners_link_under_a_measures_list_is_no_measure() -> None:
    assert is_site_chrome("Update cookies preferences")
    measures = by_label(read_general(CHORLEY), Label.MEASURE)
    assert set(measures) == {"% increase in visitor numbers"}


# Lisburn & Castlereagh City Council, Interim Corporate Plan 2021-24, the plan's page
# (tests/dev_corpus/lisburn-castlereagh-interim-corporate-plan-2021-24.md, lines 1-15)
LISBURN = """Interim Corporate Plan 2021-24
Publication date: 23 September 2021
Date range: 23 September 2021 to April 2024
Download the document as a PDF
Outcomes of the interim Corporate Plan as a PDF
It has been a difficult two years for most people living in and coping with the COVID-19 pandemic.
We will build on the many reasons to live, work, visit and invest here – the quality of life, our infrastructure, our schools and hospitals. We have a skilled workforce and low domestic and business rates making us an attractive area for continued growth.
Our location makes us:
- the ideal place for businesses looking to access national and international markets due to our excellent road, rail and air links
- the ideal place for families to live, work and play
"""


def test_a_link_to_the_plan_as_a_pdf_and_its_date_range_are_page_furniture_not_cues() -> None:
    graph = read_general(LISBURN)
    assert by_label(graph, Label.OUTCOME) == {}
    assert by_label(graph, Label.THEME) == {}


def test_we_will_build_on_what_the_area_already_has_is_no_action() -> None:
    # The introduction's "We will build on the many reasons to live, work ... here" names the
    # ground the plan stands on; the bullets describe the area.
    graph = read_general(LISBURN)
    assert by_label(graph, Label.ACTION) == {}
    built = read_general("Our plan\n\nWe will build on the success of the Towns Fund by opening two community hubs.\n")
    assert list(by_label(built, Label.ACTION)) == ["Build on the success of the Towns Fund by opening two community hubs"]


# London Borough of Redbridge, Health and Wellbeing strategy consultation
# (tests/dev_corpus/redbridge-health-wellbeing-strategy-consultation-ambitions.md, lines 4-22)
REDBRIDGE_HWS = """What are our Ambitions?
Our proposed Ambitions and Priorities are:
Ambition 1: Starting Well - Positive Beginnings for Babies, Children & Young People
- Improving immunisation through increased vaccination uptake.
- Better opportunities for those with special educational needs.
Ambition 3: Caring Well - Prevention & Care of Long-term Conditions
- Reducing the risk of long-term conditions from air pollution.
- Improve identification and management of hypertension.
Running through each of our Ambitions are a number of ‘Golden Threads’. These are:
- Lifecycle prevention - by investing in ser
"""


def test_items_under_each_ambition_of_an_ambitions_and_priorities_lead_in_are_its_priorities() -> None:
    graph = read_general("Health and Wellbeing strategy consultation\n" + REDBRIDGE_HWS)
    outcomes = by_label(graph, Label.OUTCOME)
    # each priority an outcome, however it is worded (a gerund, an imperative, a noun phrase)
    for name, line in {"Improving immunisation through increased vaccination uptake": 5,
                       "Better opportunities for those with special educational needs": 6,
                       "Reducing the risk of long-term conditions from air pollution": 8,
                       "Improve identification and management of hypertension": 9}.items():
        assert outcomes[name]["line"] == line
    assert by_label(graph, Label.ACTION) == {}
    supports = {(graph.nodes[r.start].name, graph.nodes[r.end].name) for r in graph.relationships.values()
                if r.type.value == "SUPPORTS"}
    assert ("Improving immunisation through increased vaccination uptake",
            "Starting Well - Positive Beginnings for Babies, Children & Young People") in supports
    assert ("Improve identification and management of hypertension",
            "Caring Well - Prevention & Care of Long-term Conditions") in supports


# City of Edinburgh Council, Council Commitments, "Delivering a Council that works for all"
# (tests/dev_corpus/edinburgh-council-commitments-council-that-works-for-all.md, lines 1-10)
EDINBURGH = """Delivering a Council that works for all

Council Commitments on more empowered, transparent and improved public services

  1. Continue to make a case to the Scottish Government for the introduction of a Transient Visitor Levy and explore the possibility of introducing more flexibility in the application of business rates. Explore the possibility of introducing a workplace parking levy
  2. Limit Council Tax increases to 3% a year to 2021
  3. Devolve local decisions to four Locality Committees. Establish the membership of each Committee and how devolved decision making will work to encourage the maximum participation for local groups. Explore the effectiveness of community councils and how they can be enhanced to represent their local communities
"""


def test_council_commitments_over_a_list_are_its_actions_and_the_caption_no_outcome() -> None:
    graph = read_general(EDINBURGH)
    actions = by_label(graph, Label.ACTION)
    # "Limit", "Devolve": verbs of a to-do item too
    assert actions["Limit Council Tax increases to 3% a year to 2021"]["line"] == 6
    assert "Council Commitments on more empowered, transparent and improved public services" not in by_label(
        graph, Label.OUTCOME)
    # "Limit Council Tax ...": the tax, not a body called "Limit Council"
    assert "Limit Council" not in by_label(graph, Label.ORGANISATION)


def test_a_commitment_then_its_steps_each_a_sentence_is_named_by_its_first_sentence() -> None:
    actions = by_label(read_general(EDINBURGH), Label.ACTION)
    devolve = actions["Devolve local decisions to four Locality Committees"]
    assert devolve["line"] == 7
    assert devolve["description"].startswith("Establish the membership of each Committee")
    assert "Continue to make a case to the Scottish Government for the introduction of a Transient Visitor Levy and " \
           "explore the possibility of introducing more flexibility in the application of business rates" in actions


def test_a_commitment_then_a_dash_and_the_figure_it_sets_is_named_by_the_commitment() -> None:
    # Edinburgh's commitment 1 (the same page, line 5)
    graph = read_general(EDINBURGH.replace(
        "  1. Continue to make",
        "  1. Become a leading council in Scotland for community engagement - 1% of the Council's discretionary "
        "budget will be allocated through participatory budgeting\n  4. Continue to make"))
    actions = by_label(graph, Label.ACTION)
    become = actions["Become a leading council in Scotland for community engagement"]
    assert become["line"] == 5
    assert become["description"].startswith("1% of the Council's discretionary budget")


# Royal Borough of Windsor and Maidenhead, Corporate Plan 2021-2026
# (tests/dev_corpus/windsor-maidenhead-corporate-plan-2021-26-objectives.md, lines 22-24)
WINDSOR = """Corporate Plan 2021-2026

The plan sets out the following priorities, which respond to evidence on the key challenges within the borough and the priorities of our residents: 

  • Taking action to tackle climate change and its consequences, and improving our natural environment: the council has declared a Climate Emergency, and this priority sets out the actio
"""


def test_the_following_priorities_then_why_at_length_is_an_outcomes_cue() -> None:
    outcomes = by_label(read_general(WINDSOR), Label.OUTCOME)
    # a priority worded as an activity is still the plan's priority, not a to-do item (its name
    # keeps the description the page copy cuts off: a title of 15 words is not split at the colon)
    [(name, found)] = outcomes.items()
    assert name.startswith("Taking action to tackle climate change and its consequences, and improving our natural "
                           "environment")
    assert found["line"] == 5
    assert by_label(read_general(WINDSOR), Label.ACTION) == {}


def test_a_yearly_limit_to_a_year_is_due_that_year() -> None:
    from stratgraph.loaders.general.deadlines import deadline_in

    # Edinburgh's commitment 3 (line 7): the limit holds each year until 2021
    assert deadline_in("Limit Council Tax increases to 3% a year to 2021") == "2021"
    assert deadline_in("Move charges to 2021 levels") is None
    actions = by_label(read_general(EDINBURGH), Label.ACTION)
    assert actions["Limit Council Tax increases to 3% a year to 2021"]["deadline"] == "2021"


def test_a_project_title_then_a_dash_is_read_so_in_a_to_do_list_no_cue_names() -> None:
    # Chorley's projects (lines 17 and 18) under a theme heading, without the "We will" cue
    graph = read_general("Corporate Strategy\n\n## Healthy, safe and engaged communities\n\n"
                         "  • Deliver the Cost of Living Action Plan - By providing a range of support and intervention "
                         "including food and fuel poverty, debt and housing\n"
                         "  • Deliver a Health and Wellbeing Programme to Support the Needs of Residents Across the "
                         "Borough - Develop a community-based health and wellbeing programme\n")
    actions = by_label(graph, Label.ACTION)
    assert set(actions) == {"Deliver the Cost of Living Action Plan",
                            "Deliver a Health and Wellbeing Programme to Support the Needs of Residents Across the Borough"}
    assert actions["Deliver the Cost of Living Action Plan"]["description"].startswith("By providing a range")
