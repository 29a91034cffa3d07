"""The general reader on actions, with their deadlines and owners (reading round 11, rdact).

Each test quotes lines of public plans (tests/dev_corpus/SOURCES.md names them), so the
decision it pins is one a planner makes reading any council's plan, not a phrase of one.
"""

from __future__ import annotations

import pytest

from stratgraph.graph.model import Label
from stratgraph.loaders.general.tables import Column, column_role
from stratgraph.loaders.read.model import BlockKind
from stratgraph.loaders.read.text import parse_blocks

from general_reading import by_label, read_general

# Allerdale Borough Council, council plan projects for one priority, as a document host prints
# the table (tests/dev_corpus/allerdale-council-plan-reducing-poverty-projects.md, lines 3-10;
# the long progress comments cut short here, their line breaks kept).
ALLERDALE = """Priority: Reducing Poverty

Project Title / Start date / Target end date / Project Executive / Comment on progress / Q1 BRAG / Q2 BRAG / Q3 BRAG / Q4 BRAG /
Implement Reducing Poverty Strategy / Apr 2014 / Mar 2015 / Andrew Seekings / The current action plan was refreshed to show current priorities that tie into the new Council Plan.
Current socio economic data shows that there are issues around NEET young people within Allerdale with lack of opportunities for those in deprived areas.  / G / G / G / G
Use Council assets to support the provision of affordable homes across the borough / May 2014 / Mar 2016 / Graeme Wilson / Banks Court Toilets has now been sold to Keswick Community Housing Trust (KCHT).
Positive publicity around this project will take place including press releases and BBC1 coverage on the Housing Enforcers documentary.
Draft costings for the Westfield Drive site have been submitted for final comment. / G / G / G / G
"""

# Isle of Wight Council, housing renewal strategy action plan 2003: the same decision with the
# cells closed by pipes, a cell running over two lines
# (tests/dev_corpus/isle-of-wight-housing-renewal-strategy-action-plan-2003.md, lines 21-29).
ISLE_OF_WIGHT = """1. Publicity

Number |
Action |
Deadline |
Progress |
1.1 |
Publication of new Housing Renewal Policies,
Forms for assistance, |
18 July 2003 |
|
"""


def test_a_slash_separated_table_is_one_table_of_as_many_cells_as_its_header() -> None:
    blocks = parse_blocks(ALLERDALE)
    table = next(b for b in blocks if b.kind is BlockKind.TABLE)
    assert table.rows[0][:4] == ("Project Title", "Start date", "Target end date", "Project Executive")
    assert [len(r) for r in table.rows] == [9, 9, 9]
    # A row's comment runs on over the lines under it until the row has its last cell.
    assert table.rows[1][4].endswith("for those in deprived areas.")
    assert table.rows[2][4].endswith("submitted for final comment.")
    assert table.row_lines == (3, 4, 6)


def test_each_row_of_a_slash_table_is_an_action_with_its_end_date_and_executive() -> None:
    actions = by_label(read_general(ALLERDALE), Label.ACTION)
    assert actions["Implement Reducing Poverty Strategy"]["deadline"] == "Mar 2015"
    assert actions["Implement Reducing Poverty Strategy"]["owner"] == "Andrew Seekings"
    homes = actions["Use Council assets to support the provision of affordable homes across the borough"]
    assert (homes["deadline"], homes["owner"], homes["line"]) == ("Mar 2016", "Graeme Wilson", 6)
    # The progress comments are notes on the work, not work or bodies of the plan.
    assert len(actions) == 2
    assert "Keswick Community Housing Trust" not in by_label(read_general(ALLERDALE), Label.PARTNERSHIP)


def test_cells_closed_by_pipes_read_the_same_way() -> None:
    actions = by_label(read_general(ISLE_OF_WIGHT), Label.ACTION)
    [(name, action)] = actions.items()
    assert name.startswith("Publication of new Housing Renewal Policies")
    assert action["deadline"] == "18 July 2003"


def test_slashes_in_prose_and_in_words_make_no_table() -> None:
    # Cambridgeshire and Peterborough ICS (tests/dev_corpus/SOURCES.md: "integrated care system /
    # partnership") and a date and "and/or" inside a sentence: no header of column names.
    text = ("Our integrated care system / partnership works across health / care / housing for residents.\n"
            "We will review the 2019/20 results and/or publish them / share them with partners / residents.\n")
    assert all(b.kind is not BlockKind.TABLE for b in parse_blocks(text))


# Allerdale's "Project Executive" (line 5 above); "Project Manager" and "Project Sponsor" name the
# same person in other councils' project tables; "Executive Member" stays the cabinet member.
COLUMN_ROLES = [("Project Executive", Column.OWNER), ("Project Manager", Column.OWNER),
                ("Project Sponsor", Column.OWNER), ("Executive Member", Column.CABINET),
                ("Project Title", Column.ACTION), ("Q1 BRAG", Column.STATUS)]


@pytest.mark.parametrize(("header", "role"), COLUMN_ROLES)
def test_the_person_a_project_answers_to_is_its_owner_column(header: str, role: Column) -> None:
    assert column_role(header) is role


# NHS South Eastern Hampshire CCG, objective one of its strategy
# (tests/dev_corpus/south-eastern-hampshire-ccg-objective-1-prevention.md, lines 5-7 and 13-17;
# the objective's statement, read without the page's heading above it, is an action here).
SOUTH_EASTERN_HAMPSHIRE = """Objective one

We will work with local people and their communities to prevent the causes of ill health, support healthy lifestyles, reduce health inequalities and to give children the best start in life.

We know that people in the most deprived areas are disproportionately affected by ill health and are more likely to die early.  We can tackle this by considering three main areas of action:

  • getting better at how we detect and treat existing disease
  • tackling lifestyle behaviours such as obesity, alcohol and smoking
  • influencing the social determinants on health like poverty, unemployment and education.
"""

# Penrith Town Council, business plan 2017-23
# (tests/dev_corpus/penrith-town-council-business-plan-2017-23.md, lines 15-22).
PENRITH = """The Business Plan sets out what the Council will do and is based upon 6 key areas for action:

1. Health & Wellbeing
2. Economic Development
3. Transport
4. Growth
5. Community Engagement
6. Council Business
"""


def test_areas_of_action_that_open_with_a_verb_are_the_work_itself() -> None:
    actions = by_label(read_general(SOUTH_EASTERN_HAMPSHIRE), Label.ACTION)
    assert set(actions) >= {
        "Getting better at how we detect and treat existing disease",
        "Tackling lifestyle behaviours such as obesity, alcohol and smoking",
        "Influencing the social determinants on health like poverty, unemployment and education",
    }


def test_areas_for_action_that_are_names_stay_the_areas() -> None:
    graph = read_general(PENRITH)
    assert by_label(graph, Label.ACTION) == {}
    assert {"Health & Wellbeing", "Council Business"} <= set(by_label(graph, Label.OUTCOME))


def test_areas_for_action_named_by_an_ing_word_stay_the_areas() -> None:
    # Penrith's lead-in (line 15 above) over fields whose names end in "-ing" (made-up items):
    # "Housing", "Planning" and "Wellbeing" name fields of work, they are no verbs.
    graph = read_general(PENRITH.split("\n\n")[0] + "\n\n1. Housing\n2. Planning\n3. Wellbeing\n")
    assert by_label(graph, Label.ACTION) == {}



def test_a_body_named_in_a_table_is_read_cell_by_cell() -> None:
    from stratgraph.loaders.general.plan_info import organisation

    # Allerdale's last cells "G" and the next row's "Use Council assets ..." are no body's name.
    assert "G G" not in (organisation(parse_blocks(ALLERDALE)) or "")


# A deadline written with its day, in figures, or as a part of a year: the same date classes any
# council writes. Ashfield District Council, cabinet on its community safety plan
# (tests/dev_corpus/ashfield-community-safety-plan-2024-27-cabinet.md, line 23) and Three Rivers
# District Council, draft service plans (tests/dev_corpus/three-rivers-draft-service-plans-2025-28.md,
# line 29); the last two made-up lines in the same words.
DATED_LINES = [
    ("d) the new Community Safety Plan for 2024-2027 and the accompanying action plan, be recommended "
     "to Council for approval by 31 May 2024.", "31 May 2024", "2024-05-31"),
    ("2. To note that the final service plans would be presented to Council for agreement alongside the "
     "budget in early 2025.", "early 2025", "2025-12-31"),
    ("Complete the review of the allocations policy by 31/03/2025.", "31/03/2025", "2025-03-31"),
    ("Open the new community hub by December 31st, 2024.", "December 31st, 2024", "2024-12-31"),
]


@pytest.mark.parametrize(("line", "written", "date"), DATED_LINES)
def test_a_deadline_with_its_day_in_figures_or_a_part_of_a_year(line: str, written: str, date: str) -> None:
    from stratgraph.loaders.general.deadlines import deadline_in, read_deadline

    assert deadline_in(line) == written
    assert read_deadline(written).date == date


def test_a_year_merely_mentioned_is_still_no_deadline() -> None:
    from stratgraph.loaders.general.deadlines import deadline_in

    assert deadline_in("Act on the recommendations made in 2021 and early years provision.") is None


# Crawley Borough Council, full council adopting its corporate priorities
# (tests/dev_corpus/crawley-corporate-priorities-2018-22-full-council.md, lines 49-61, blank lines
# kept out): a numbered item right over "We will:" and its list is the priority the list
# delivers, as a heading there would be. Written after batch C of round 11 was scored (Crawley is
# of that batch; no other plan of the corpus has the shape); the second case is made up, a
# priority named as a noun phrase.
CRAWLEY = """Corporate Priorities 2018 – 2022

1.    Delivering value for money and modernising the way we work

We will:
  • Continue to balance the budget (over a three year period), by improving our efficiency, increasing income and investing ethically and wisely.
  • Work to keep council tax low without compromising local services and put money back into local reserves where possible, to finance future investments.
  • Deliver the Transformation Plan.
"""
MADE_UP = """Our priorities

1. Affordable homes for local people

To achieve this we will:
  • Build 300 council homes by 2028.
  • Bring empty homes back into use.
"""


def _supported(graph, action: str) -> set[str]:  # noqa: ANN001 (a GraphData)
    node = next(n for n in graph.nodes.values() if n.label is Label.ACTION and n.name == action)
    return {graph.nodes[r.end].name for r in graph.relationships.values()
            if r.start == node.id and r.type.value == "SUPPORTS"}


@pytest.mark.parametrize(("text", "priority", "action"), [
    (CRAWLEY, "Delivering value for money and modernising the way we work", "Deliver the Transformation Plan"),
    (MADE_UP, "Affordable homes for local people", "Bring empty homes back into use"),
])
def test_an_item_over_we_will_and_its_list_is_the_priority_they_serve(text: str, priority: str, action: str) -> None:
    graph = read_general(text)
    assert priority in by_label(graph, Label.OUTCOME)
    assert priority not in by_label(graph, Label.ACTION)
    assert priority in _supported(graph, action)


def test_an_item_over_a_long_sentence_ending_in_a_colon_is_not_taken_for_a_priority() -> None:
    graph = read_general("1. Deliver the Transformation Plan.\n\nWe will work with our partners across the "
                         "borough on the following during the next four years:\n  • Review the plan.\n")
    assert "Deliver the Transformation Plan" not in by_label(graph, Label.OUTCOME)
