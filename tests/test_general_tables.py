"""The general reader on action tables, KPI tables and the shapes around them.

Each test quotes the lines of a public plan (tests/dev_corpus/SOURCES.md names it) in a small
document of its own, so the rule it pins is read from its words, not from the file.
"""

from __future__ import annotations

import pytest

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, RelType
from stratgraph.loaders.general.deadlines import deadline_in, read_deadline
from stratgraph.loaders.general.leads import find_leads
from stratgraph.loaders.general.tables import Column, column_role

from general_reading import by_label as _by_label, read_general as _read


# -- a table written one cell a line, each cell closed by a pipe, with no separator line --------

# Isle of Wight Council, Housing Renewal Strategy action plan (Annexe B)
ISLE_OF_WIGHT = """Annexe B
Action Plan
4.
Items for Action have
been collected under various headings for ease of identification.
1.
Publication of Policies,
Procedures and Application Forms
Number |
Action |
Deadline |
Progress |
1.1 |
Publication of new Housing Renewal Policies, Procedures and Application
Forms for assistance, |
18 July 2003 |
|
1.2 |
Publicity in the media of new Housing Renewal
Strategy, |
18 July 2003 |
|
2.
Data Collection and Monitoring
Number |
Action |
Deadline |
Progress |
2.1 |
Investment in Housing Renewal software package to
assist with the identification of unfit properties, |
01 October 2004 |
|
3.
Further Research
Number |
Action |
Deadline |
Progress |
3.1 |
availability of match funding to increase
resources for delivering services, |
01 April 2004 and as
they arise |
|
4.2 |
Discussions with partner agencies on the provision
of accredited builders, |
01 April 2
"""


def test_pipe_closed_cells_one_a_line_are_an_action_table_with_deadlines() -> None:
    graph = _read(ISLE_OF_WIGHT)
    actions = _by_label(graph, Label.ACTION)
    assert actions["Publication of new Housing Renewal Policies, Procedures and Application Forms for assistance"][
        "deadline"] == "18 July 2003"
    assert actions["Publicity in the media of new Housing Renewal Strategy"]["deadline_date"] == "2003-07-18"
    assert actions["Investment in Housing Renewal software package to assist with the identification of unfit properties"][
        "deadline"] == "01 October 2004"
    # A deadline cell wrapped over two lines is one deadline.
    assert actions["Availability of match funding to increase resources for delivering services"][
        "deadline"] == "01 April 2004 and as they arise"
    # The copy cuts the last row off: its action is read, its half-written deadline is not.
    assert not actions["Discussions with partner agencies on the provision of accredited builders"].get("deadline")
    # The repeated headers and the headings above them ("for ease of identification") are
    # neither actions nor outcomes; the header cells and numbers are nothing.
    names = {n.name for n in graph.nodes.values()}
    assert not names & {"Data Collection and Monitoring", "Further Research", "Number", "Deadline",
                        "Progress", "1.1", "Action"}
    assert not _by_label(graph, Label.OUTCOME).keys() & {"Data Collection and Monitoring", "Further Research"}


# Scottish Executive, "Developing a community safety strategy - checklist"
CHECKLIST = """Developing a community safety strategy - checklist
|
STAGE |
ACTION |
WHO |
WHEN BY? |
|
Setting Priorities |
Clearly define problems that need to be addressed based upon the findings of the audit |
||
|
Prioritise problems and select a small number (5-7) of objectives |
|||
|
Decide who will draft strategies for meeting each of the objectives |
|||
|
Developing the strategy |
Develop a clear understanding of the problem to be tackled through analysis of its key elements |
||
|
Prepare draft strategic plan |
|||
"""


def test_a_row_whose_grouping_cell_spans_rows_keeps_its_action() -> None:
    graph = _read(CHECKLIST)
    actions = _by_label(graph, Label.ACTION)
    # "||" and "|||" are empty cells: the rows after a stage's first move their action into
    # the stage's column, and are still actions; no one and no date is named.
    assert {"Clearly define problems that need to be addressed based upon the findings of the audit",
            "Prioritise problems and select a small number (5-7) of objectives",
            "Decide who will draft strategies for meeting each of the objectives",
            "Develop a clear understanding of the problem to be tackled through analysis of its key elements",
            "Prepare draft strategic plan"} <= actions.keys()
    assert not any(a.get("deadline") or a.get("owner") for a in actions.values())
    assert not {"Setting Priorities", "Developing the strategy", "STAGE", "WHO"} & {n.name for n in graph.nodes.values()}


# -- KPI tables a web copy flattened, one row a line ----------------------------------------------

# Rotherham MBC, Council Plan theme - A cleaner, greener local environment: performance measures
ROTHERHAM = """Council Plan theme - A cleaner, greener local environment

Performance measures

Ref Key performance indicators Good is Target 2022/23
EN01a Fly tipping and enviromental crime:
a) Effective enforcement actions; fly-tipping
High 60
EN01b b) Effective enforcement actions;  other environmental crime High 1,500
EN02 Proportion of waste sent for reuse (recycling and composting) High 45%

Overall Carbon dioxide emission levels for the Council: b) Corporate Fleet, Grey Fleet, EV Charging Infrastructure

Low 10% reduction by 2024

Number of trees planted by the Council:

a) Number of hectares of land for woodland creation
High a) 5 Hectares b) 500 Trees
"""


def test_a_kpi_row_s_polarity_and_target_are_its_properties_not_measures() -> None:
    graph = _read(ROTHERHAM)
    measures = _by_label(graph, Label.MEASURE)
    # "High 45%" ends the row: which way is good, then the target.
    waste = measures["Proportion of waste sent for reuse (recycling and composting)"]
    assert (waste["direction"], waste["target"], waste["indicator_code"]) == ("High", "45%", "EN02")
    # The reference's letter and a sub-item's "b)" are not part of the name.
    assert measures["Effective enforcement actions; other environmental crime"]["target"] == "1,500"
    # Cells wrapped onto their own line ("High 60", "Low 10% ...") belong to the row above.
    assert measures["Fly tipping and enviromental crime: Effective enforcement actions; fly-tipping"][
        "target"] == "60"
    assert measures["Overall Carbon dioxide emission levels for the Council: Corporate Fleet, Grey Fleet, "
                    "EV Charging Infrastructure"]["direction"] == "Low"
    # A category that names a quantity is a measure itself, and so is each lettered item.
    assert {"Number of trees planted by the Council", "Number of hectares of land for woodland creation"} <= measures.keys()
    assert not {"High 60", "Low 10% reduction by 2024", "Fly tipping and enviromental crime"} & measures.keys()
    # Every measure serves the theme the page is about.
    assert ("Proportion of waste sent for reuse (recycling and composting)",
            "A cleaner, greener local environment") in _measure_outcomes(graph)


def _measure_outcomes(graph: GraphData) -> set[tuple[str, str]]:
    """(measure, what it measures): an outcome or action MEASURED_BY the measure."""
    names = {n.id: n.name for n in graph.nodes.values()}
    return {(names[r.end], names[r.start]) for r in graph.relationships.values() if r.type is RelType.MEASURED_BY}


# Warwickshire Fire and Rescue Service, "Our targets and measures"
WARWICKSHIRE = """Our targets and measures

Priority Measures Actuals Aim Year to date
2013/14 2014/15 2015/16 2016/17 2017/18 2019/20 2019/20
The public is kept safe (measure definition) % 24-hour Retained Duty System (RDS) appliance availability at key stations New measure TBC 90 93 90 85.89
Wholetime appliance availability New measure 98 97 98 100 98.11
Regulatory Reform (Fire Safety) Order 2005 risk-based fire protection inspections conducted NA 297 532 599 513 N/A N/A
Incidents 2,613 2,659 3,306 3,076 3,463 3,494 1409
Firefighters are kept safe (measure definition) Reporting of Injuries, Diseases and Dangerous Occurrences Regulations (RIDDOR) reportable accidents 8 9 2 3 5 0 0
Firefighter injuries 48 49 43 34 32 0 14
"""


def test_a_flattened_table_grouped_by_priority_gives_outcomes_over_their_measures() -> None:
    graph = _read(WARWICKSHIRE)
    outcomes = _by_label(graph, Label.OUTCOME)
    measures = _by_label(graph, Label.MEASURE)
    assert {"The public is kept safe", "Firefighters are kept safe"} <= outcomes.keys()
    # The name runs to the figures that end the row, so a year inside it stays ("Order 2005"),
    # and a one-word name with its figures is a row ("Incidents 2,613 ...").
    assert {"% 24-hour Retained Duty System (RDS) appliance availability at key stations",
            "Wholetime appliance availability",
            "Regulatory Reform (Fire Safety) Order 2005 risk-based fire protection inspections conducted",
            "Incidents", "Firefighter injuries"} <= measures.keys()
    pairs = _measure_outcomes(graph)
    assert ("Incidents", "The public is kept safe") in pairs
    assert ("Firefighter injuries", "Firefighters are kept safe") in pairs
    assert "Our targets and measures" not in _by_label(graph, Label.THEME)


# Bracknell Forest Council, Place Directorate key result indicators
BRACKNELL = """Key result indicators for engaged and healthy communities
Reference Goal Indicators Baseline Year 1 (24/25) target Year 2 (25/26) target Year 3 (26/27) target Lead officer
1.4.1.KR The diverse and growing population is healthy and active. Number of visitors to monitored open spaces New Establish baseline +2% increase +2% increase Head of Natural Estates
1.5.2.KR Community development and spaces encourage a cohesive and engaged community. Number of people using the community asset map webpages 3,600 7,600 12,500 15,000 Deputy Director: Public Health
"""


def test_a_flattened_row_s_goal_sentence_is_the_outcome_its_indicator_measures() -> None:
    graph = _read(BRACKNELL)
    assert {"The diverse and growing population is healthy and active",
            "Community development and spaces encourage a cohesive and engaged community"} <= \
        _by_label(graph, Label.OUTCOME).keys()
    assert ("Number of people using the community asset map webpages",
            "Community development and spaces encourage a cohesive and engaged community") in _measure_outcomes(graph)


# -- a performance report's rated indicators ------------------------------------------------------

# Royal Borough of Kingston upon Thames, Council Performance, 2023/24 Quarter 1
KINGSTON = """Council Performance
Performance Index for 2023/24 Quarter 1 (Apr-Jun 2023)
Narratives for 2023/24 Quarter 1 (Apr-Jun 2023)
- % of household waste sent for reuse, recycling and composting (Green)
48.6% of household waste was sent for recycling this quarter.
- Electric Vehicle Charging Points (EVCP's) commissioned (cumulative) (Red)
135 Electric Vehicle Charging Points were commissioned (installed and ready to use) this year, against a target of 156. Project delivery will continue into 2023/24, and numbers are dependent upon funding being provided to the Council.
- Number of residential cycle hangars (Blue)
The borough has 81 residential cycle hangars (comprising of 16 on-street hangars and 65 on RBK housing estates).
"""


def test_items_rated_green_amber_red_are_indicators_and_their_narratives_are_not_nodes() -> None:
    graph = _read(KINGSTON)
    measures = _by_label(graph, Label.MEASURE)
    assert measures["% of household waste sent for reuse, recycling and composting"]["status"] == "Green"
    assert measures["Electric Vehicle Charging Points (EVCP's) commissioned (cumulative)"]["status"] == "Red"
    assert "Number of residential cycle hangars" in measures
    assert not _by_label(graph, Label.ACTION)
    # A part of a report for one period is not a theme of the plan.
    assert not _by_label(graph, Label.THEME).keys() & {"Narratives for 2023/24 Quarter 1 (Apr-Jun 2023)",
                                                       "Performance Index for 2023/24 Quarter 1 (Apr-Jun 2023)"}


def test_one_rated_line_is_not_a_list_of_indicators() -> None:
    graph = _read("Our plan\n\n## Parks\n\n- We will open the new play area (Green)\n- We will plant "
                  "200 trees in the parks\n")
    assert "Open the new play area (Green)" not in _by_label(graph, Label.MEASURE)


# -- an objective written as labelled fields ------------------------------------------------------

# New Forest District Council, Waste strategy: measuring our success
NEW_FOREST = """Waste strategy: measuring our success
Objectives and measures
Below is a list of objectives and measures.
Objective: to minimise carbon impact of the waste and recycling service
Performance measure(s)
Tonnes of CO2 equivalent
How this will be measured
We will measure this by analysing the emissions associated with collection, disposal and recycling of our waste and recycling.
What success will look like
We expect that emissions (such as from transport) will stay consistent, but that the saved emissions resulting from increased levels of recycling and waste reduction will improve by 1,000 tonnes, or 9%.
"""


def test_an_objective_s_labelled_fields_give_its_measure_and_target() -> None:
    graph = _read(NEW_FOREST)
    measures = _by_label(graph, Label.MEASURE)
    assert "1,000 tonnes" in measures["Tonnes of CO2 equivalent"]["target"]
    assert ("Tonnes of CO2 equivalent", "To minimise carbon impact of the waste and recycling service") in \
        _measure_outcomes(graph)
    # The labels are not outcomes, and how a measure is computed is not an action.
    names = {n.name for n in graph.nodes.values() if n.label in (Label.OUTCOME, Label.ACTION, Label.THEME)}
    assert not names & {"Performance measure(s)", "How this will be measured", "What success will look like",
                        "Below is a list of objectives and measures", "Tonnes of CO2 equivalent"}
    assert not any(n.startswith("Measure this by analysing") for n in names)


# -- the known gaps --------------------------------------------------------------------------------

def test_deadlines_as_planners_write_them() -> None:
    # Rother District Council: "... in a report to the Overview and Scrutiny Committee in
    # September each year."
    assert deadline_in("report progress on the Council Plan to the Overview and Scrutiny Committee "
                       "in September each year.") == "in September each year"
    assert read_deadline("in September each year").ongoing
    assert deadline_in("Publish the strategy by the end of Q3 2025/26") == "the end of Q3 2025/26"
    assert read_deadline("the end of Q3 2025/26").date == "2025-12-31"
    assert deadline_in("Open the new hub in Spring 2026") == "Spring 2026"
    assert deadline_in("Monitor air quality annually") == "annually"
    assert deadline_in("Work with partners on an ongoing basis") == "on an ongoing basis"
    # A year or month merely mentioned is no deadline.
    assert deadline_in("Implement the recommendations made in 2021") is None
    assert deadline_in("Hold a summit in March") is None
    assert deadline_in("Continue ongoing work with schools") is None
    # After a count, a recurring time is a rate, not when a thing is due.
    assert deadline_in("Bring 100 empty homes back into use each year") is None


def test_an_action_sentence_s_recurring_time_is_its_deadline() -> None:
    graph = _read("Council Plan 2024-28\n\nEastvale District Council\n\n## Our commitments\n\n"
                  "We will report progress on the Council Plan to the Overview and Scrutiny Committee "
                  "in September each year.\n")
    (action,) = _by_label(graph, Label.ACTION).values()
    assert action["deadline"] == "in September each year"


def test_a_leader_named_only_as_a_delegate_is_no_cabinet_lead() -> None:
    # North Hertfordshire Council, decision on the Council Plan 2024-28
    assert find_leads("That authority be delegated to the Managing Director and Leader of the Council "
                      "to approve any minor amendments to wording required as a result of the design process.") == []
    assert find_leads("Signed by the Chief Executive on behalf of the Leader of the Council") == []
    # Named as leading, the Leader still is one.
    assert [lead.role for lead in find_leads("The Leader of the Council chairs the Cabinet.")] == ["Leader of the Council"]


def test_an_apparatus_word_among_a_list_s_priorities_is_a_priority() -> None:
    # West Lindsey District Council, corporate plan
    graph = _read("Our Corporate Plan\n\nOur priorities for the District over the next four years\n\n"
                  "The next four years will see a focus on:\n\nOur Council, involving areas such as:\n\n"
                  "  • Finances\n  • Structures\n  • Partnerships\n  • Policies\n  • Governance\n")
    assert {"Structures", "Governance"} <= _by_label(graph, Label.OUTCOME).keys()
    # As a heading the same word is page apparatus still.
    graph = _read("# Corporate Plan\n\n## Governance\n\nThe plan is reviewed by the Cabinet.\n")
    assert "Governance" not in _by_label(graph, Label.THEME)


def test_a_progress_report_s_result_under_an_outcome_names_its_indicator() -> None:
    # South Lanarkshire Council, Council Plan Connect 2022-27: Quarter 2 Progress Report 2024-25
    graph = _read("Council Plan Connect 2022-27: Quarter 2 Progress Report 2024-25\n\n"
                  "Key achievements to date against each of the six Connect Outcomes are summarised below:\n\n"
                  "Connect Outcome - Communities and Environment\n\n"
                  "- The percentage of household waste sent to landfill in the period January to June 2024 "
                  "was 1.64%, reducing from the previous year\n")
    assert "Communities and Environment" in _by_label(graph, Label.OUTCOME)
    assert ("Percentage of household waste sent to landfill", "Communities and Environment") in _measure_outcomes(graph)
    # The same statement with no outcome above it is a statistic, not a measure.
    graph = _read("Annual report\n\n- The percentage of household waste sent to landfill was 1.64%\n")
    assert not _by_label(graph, Label.MEASURE)


def test_the_aim_column_counted_from_the_row_s_end_is_its_target() -> None:
    graph = _read(WARWICKSHIRE)
    measures = _by_label(graph, Label.MEASURE)
    # "... Actuals Aim Year to date": the aim is the second figure from the end.
    assert measures["% 24-hour Retained Duty System (RDS) appliance availability at key stations"]["target"] == "90"
    assert measures["Incidents"]["target"] == "3,494"
    assert measures["Firefighter injuries"]["target"] == "0"
    # A row whose figures there are words ("N/A N/A") has no target.
    assert not measures["Regulatory Reform (Fire Safety) Order 2005 risk-based fire protection inspections conducted"].get("target")


def test_an_objective_what_we_will_do_by_when_who_table_in_pipe_closed_cells() -> None:
    # The shape of a homelessness strategy's action plan (header words as councils write them).
    graph = _read("Homelessness Strategy Action Plan 2025-28\n\nObjective |\nWhat we'll do |\nBy when |\nWho |\n"
                  "Reduce homelessness |\nOpen a new homelessness hub in the town centre |\nSpring 2026 |\n"
                  "Housing Options Manager |\nImprove private rented homes |\nInspect every licensed HMO |\n"
                  "annually |\nPrivate Sector Housing Team |\n")
    actions = _by_label(graph, Label.ACTION)
    hub = actions["Open a new homelessness hub in the town centre"]
    assert (hub["deadline"], hub["deadline_date"], hub["owner"]) == ("Spring 2026", "2026-05-31", "Housing Options Manager")
    assert actions["Inspect every licensed HMO"]["deadline"] == "annually"
    assert {"Reduce homelessness", "Improve private rented homes"} <= _by_label(graph, Label.OUTCOME).keys()
    assert "Housing Options Manager" in _by_label(graph, Label.OWNER)


@pytest.mark.parametrize(("header", "role"), [
    ("Year to date", Column.BASELINE),        # a result so far, not a date anything is due
    ("2024/25 Outturn", Column.BASELINE),
    ("Latest", Column.BASELINE),
    ("Good performance is", Column.DIRECTION),
    ("Trend", Column.STATUS),
    ("KPI ref", Column.REF),
    ("Start date", Column.OTHER),             # when work starts is no deadline
    ("Target Date", Column.DEADLINE),
    ("Target 2025/26", Column.TARGET),
    ("What we'll do", Column.ACTION),
    ("Who", Column.OWNER),
])
def test_column_roles_by_header_meaning(header: str, role: Column) -> None:
    assert column_role(header) is role


def test_a_kpi_table_with_outturn_and_year_to_date_keeps_them_apart_from_the_target() -> None:
    graph = _read("# Corporate Plan KPIs 2025/26\n\n## A thriving economy\n\n"
                  "| KPI ref | Indicator | 2024/25 Outturn | Target 2025/26 | Year to date | Good performance is |\n"
                  "|---|---|---|---|---|---|\n"
                  "| E1 | Number of new business start-ups supported | 120 | 150 | 64 | High |\n")
    measure = _by_label(graph, Label.MEASURE)["Number of new business start-ups supported"]
    assert (measure["target"], measure["baseline"], measure["direction"]) == ("150", "120", "High")
    # Under a theme's heading with no outcome of its own, the measure is part of the theme.
    names = {n.id: n.name for n in graph.nodes.values()}
    assert ("Number of new business start-ups supported", "A thriving economy") in {
        (names[r.start], names[r.end]) for r in graph.relationships.values() if r.type is RelType.PART_OF}


def test_a_flattened_action_row_s_owner_date_and_status_are_read_from_its_end() -> None:
    # The shape of a delivery plan's action table a web copy ran into one line a row (made up
    # for the test: no page of this exact shape is in the corpus yet).
    graph = _read("Delivery Plan 2025/26\n\nPriority: Homes for everyone\n\n"
                  "Ref Action Lead officer Deadline Status\n"
                  "H1 Adopt the new Local Plan Head of Planning March 2026 On track\n"
                  "H2 Deliver 200 affordable homes Housing Delivery Manager Q4 2025/26 Amber\n"
                  "H3 Review the Homelessness Strategy Head of Housing Ongoing\n")
    actions = _by_label(graph, Label.ACTION)
    plan = actions["Adopt the new Local Plan"]
    assert (plan["owner"], plan["deadline"], plan["deadline_date"], plan["status"], plan["ref"]) == \
        ("Head of Planning", "March 2026", "2026-03-31", "On track", "H1")
    homes = actions["Deliver 200 affordable homes"]
    assert (homes["owner"], homes["deadline_date"], homes["status"]) == ("Housing Delivery Manager", "2026-03-31", "Amber")
    # A row without its status cell still gives its date and owner.
    assert (actions["Review the Homelessness Strategy"]["owner"], actions["Review the Homelessness Strategy"]["deadline"]) == \
        ("Head of Housing", "Ongoing")
    assert {"Head of Planning", "Housing Delivery Manager", "Head of Housing"} <= _by_label(graph, Label.OWNER).keys()
    assert all((a, "Homes for everyone") in _supports(graph) for a in actions)


def _supports(graph: GraphData) -> set[tuple[str, str]]:
    names = {n.id: n.name for n in graph.nodes.values()}
    return {(names[r.start], names[r.end]) for r in graph.relationships.values() if r.type is RelType.SUPPORTS}


# South Lanarkshire Council, Council Plan Connect Q2 progress report 2024-25 (lines 6-27): a
# wrapped pipe table with no blank line after it, then the next table's lead-in.
SOUTH_LANARKSHIRE_TABLES = """Status |
Definition |
---|---|
Blue |
Project complete |
Contextual |
Included for ‘information only’, to set performance information in context |
The overall summary of Connect progress to date is as follows:
Status |
Statistical measures |
Total |
---|---|---|
Blue |
N/A |
1 |
"""


def test_a_wrapped_pipe_table_ends_at_the_text_after_it() -> None:
    from stratgraph.loaders.read.text import parse_blocks
    from stratgraph.loaders.read.model import BlockKind

    blocks = parse_blocks(SOUTH_LANARKSHIRE_TABLES)
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert [b.rows[0] for b in tables] == [("Status", "Definition"), ("Status", "Statistical measures", "Total")]
    assert tables[0].rows[1:] == (("Blue", "Project complete"),
                                  ("Contextual", "Included for ‘information only’, to set performance information in context"))
    lead_in = next(b for b in blocks if b.text.startswith("The overall summary"))
    assert (lead_in.kind, lead_in.line) == (BlockKind.PARAGRAPH, 8)
    # A long cell run onto a line of its own, closed by its "|" on the next line, stays a cell.
    wrapped = parse_blocks("Action |\nWho |\n---|---|\nAdopt the new\nLocal Plan |\nHead of Planning |\n")
    assert wrapped[0].rows == (("Action", "Who"), ("Adopt the new Local Plan", "Head of Planning"))


def test_a_table_header_split_over_lines_is_not_a_theme() -> None:
    # Rotherham's Year Ahead Delivery Plan 2023 (lines 7-12): the header cells of a flattened
    # table, each on its own line, over the first row.
    graph = _read("Outcome: Children get the best start in life\n\nRef Activity\n\nTimescales for completion\n\n"
                  "Lead officer Lead directorate Lead Cabinet Member\n"
                  "3.1 Obtain sign off of our Written Statement of Action Quarter 4 Assistant Director "
                  "Education and Skills Children and Young People's Services Cabinet Member for Children and Young People\n")
    names = {n.name for n in graph.nodes.values()}
    assert not names & {"Ref Activity", "Timescales for completion", "Lead officer Lead directorate Lead Cabinet Member"}
    from stratgraph.loaders.general.wording import column_names_only
    # A heading that names a subject is still a heading.
    assert not column_names_only("Performance and Resources")
    assert not column_names_only("Cabinet Member for Housing")
