"""The delivery-plan loader on Leicester's 2013-14 plan, on the Wexbridge example, and on
small made-up rows that pin each reading decision.

Expected items were established by reading the documents, not by running the loader.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, corpus_file
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Node, RelType
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.registry import choose_loader
from stratgraph.loaders.shapes.delivery_plan.layout import Row
from stratgraph.loaders.shapes.delivery_plan.loader import DeliveryPlanLoader
from stratgraph.loaders.shapes.delivery_plan.names import find_names, split_references
from stratgraph.loaders.shapes.delivery_plan.rows import read_activity_row

from stratgraph.errors import LoaderError

LEICESTER = "leicester-city-delivery-plan-2013-14.txt"
OTHERS = [
    "leicester-city-cpa-self-assessment-2007.txt",
    "leicester-city-interim-corporate-plan-2003.txt",
    "leicestershire-county-strategic-plan-2014-18.txt",
    "leicestershire-county-strategic-plan-2018-22.txt",
]
EXAMPLE = EXAMPLES / "wexbridge-city-delivery-plan-2024-25.txt"
LOADER = DeliveryPlanLoader()


class View:
    """Looking things up in one extraction by label and name."""

    def __init__(self, extraction: Extraction) -> None:
        self.ex = extraction
        self.g: GraphData = extraction.graph

    def all(self, label: Label, **props: object) -> list[Node]:
        return [n for n in self.g.nodes.values() if n.label == label
                and all(n.properties.get(k) == v for k, v in props.items())]

    def names(self, label: Label, **props: object) -> set[str]:
        return {n.name for n in self.all(label, **props)}

    def one(self, label: Label, name: str) -> Node:
        found = [n for n in self.all(label) if n.name == name]
        assert len(found) == 1, f"{label} {name!r}: {len(found)} found"
        return found[0]

    def linked(self, type_: RelType, start: Node, end: Node) -> bool:
        return any(r.type == type_ and r.start == start.id and r.end == end.id
                   for r in self.g.relationships.values())

    def ends(self, type_: RelType, start: Node) -> set[str]:
        return {self.g.nodes[r.end].name for r in self.g.relationships.values()
                if r.type == type_ and r.start == start.id}

    def theme_of(self, node: Node) -> str:
        return self.g.nodes[node.properties["theme_id"]].name


def load(path: Path) -> View:
    return View(LOADER.extract(SourceDocument.from_path(path)))


@pytest.fixture(scope="module")
def leicester() -> View:
    return load(corpus_file(LEICESTER))


@pytest.fixture(scope="module")
def example() -> View:
    return load(EXAMPLE)


# -- recognition ---------------------------------------------------------------------------

def test_recognises_leicester_delivery_plan() -> None:
    assert LOADER.recognise(SourceDocument.from_path(corpus_file(LEICESTER))) >= 0.5


@pytest.mark.parametrize("name", OTHERS)
def test_does_not_recognise_other_shapes(name: str) -> None:
    assert LOADER.recognise(SourceDocument.from_path(corpus_file(name))) < 0.5


def test_recognises_example_and_registry_picks_it() -> None:
    doc = SourceDocument.from_path(EXAMPLE)
    assert LOADER.recognise(doc) >= 0.5
    assert choose_loader(doc).name == "delivery-plan"


def test_recognition_ignores_file_name() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert LOADER.recognise(SourceDocument("plan.txt", text)) == LOADER.recognise(
        SourceDocument(EXAMPLE.name, text))


# -- Leicester 2013-14 ---------------------------------------------------------------------

NINE_THEMES = {
    "A place to do business": 189, "Getting about in Leicester": 237, "A low carbon city": 287,
    "The built and natural environment": 328, "A healthy and active city": 376,
    "Providing care and support": 433, "Our children and young people": 523,
    "Our neighbourhoods and communities": 570,
    # A "##" heading by mistake; the introduction's list of nine themes names it.
    "A strong and democratic council": 622,
}


def test_leicester_plan(leicester: View) -> None:
    (plan,) = leicester.all(Label.PLAN)
    assert plan.name == "CITY MAYOR'S DELIVERY PLAN"
    assert plan.provenance.line == 3
    assert plan.properties["organisation"] == "Leicester City Council"
    assert (plan.properties["start_year"], plan.properties["end_year"]) == (2013, 2014)
    assert plan.properties["loader"] == "delivery-plan"


def test_leicester_themes_are_the_nine_listed(leicester: View) -> None:
    themes = {n.name: n.provenance.line for n in leicester.all(Label.THEME)}
    assert themes == NINE_THEMES
    # Sub-headings inside the care theme's measures are parts of it, not themes.
    assert "Social care and homelessness" not in themes
    assert "Children and young people" not in themes


def test_leicester_counts(leicester: View) -> None:
    # Summary items: 5+5+5+5+9+7+4+8+7; the healthy city's 3 groups hold 6 nested items.
    assert len(leicester.all(Label.OUTCOME, level="theme")) == 55
    # 45 bold objectives; "Supporting and valuing our staff" is word for word a summary item
    # of the same theme, so it is that declared outcome rather than a second node.
    assert len(leicester.all(Label.OUTCOME, level="objective")) == 44
    # Counted row by row: 35+25+23+12+12+30+25+21+31.
    assert len(leicester.all(Label.ACTION)) == 214
    # 11+7+2+6+13+27+10+15+9 (group headings are not measures; 610 holds 4).
    assert len(leicester.all(Label.MEASURE)) == 100
    assert len(leicester.all(Label.CABINET_LEAD)) == 8


def test_leicester_summary_priorities(leicester: View) -> None:
    outcome = leicester.one(Label.OUTCOME, "To support carers")
    assert outcome.properties["level"] == "theme"
    assert leicester.theme_of(outcome) == "Providing care and support"
    assert outcome.provenance.line == 452
    # Nested summary bullets support the group they sit under.
    smoking = leicester.one(Label.OUTCOME, "reducing smoking")
    assert leicester.linked(RelType.SUPPORTS, smoking,
                            leicester.one(Label.OUTCOME, "Lifestyle factors"))
    # The sentence after the list is prose, not a priority.
    assert not any(n.name.startswith("In addition to the developmental")
                   for n in leicester.all(Label.OUTCOME))
    staff = leicester.one(Label.OUTCOME, "Supporting and valuing our staff")
    assert staff.properties["level"] == "theme"
    assert leicester.ends(RelType.SUPPORTS, leicester.one(
        Label.ACTION, "Develop an employee wellbeing programme")) == {
        "Supporting and valuing our staff"}


def test_leicester_objectives(leicester: View) -> None:
    obj = leicester.one(Label.OUTCOME, "Leicester to Work")
    assert obj.properties["level"] == "objective"
    assert obj.properties["description"] == (
        "Supporting people into apprenticeships, training and work")
    assert obj.provenance.line == 212
    co2 = leicester.one(Label.OUTCOME,
                        "Reducing carbon dioxide (CO2) from industrial and commercial emissions")
    assert co2.provenance.line == 317
    engagement = leicester.one(Label.OUTCOME, "Engagement and integration")
    assert engagement.properties["description"].startswith(
        "Developing a more integrated approach to the delivery of our services in communities; ")


@pytest.mark.parametrize(("action", "deadline", "line"), [
    ("Establish a skills network to promote apprenticeship opportunities", "Ongoing", 212),
    ("Providing a seamless regulatory advice service to small businesses", "September 2013", 213),
    (("Negotiate a City Deal bid to secure extra funding, freedom and flexibility to drive "
      "economic growth"), "January 2014", 217),
    (("Development of Capital Maintenance Strategy to create a planned programme for the "
      "highway"), "July 2013", 264),
    ("Designate two local wildlife sites and two local nature reserves", "End 2013", 356),
    (("Implement a First Contact scheme to help all agencies identify vulnerability and ensure "
      "people are signposted to advice and support"), "June 2013", 470),
    ("Roll out a mediation service to help support good employee relations", "March 2013", 663),
])
def test_leicester_actions_with_deadlines(leicester: View, action: str, deadline: str,
                                          line: int) -> None:
    node = leicester.one(Label.ACTION, action)
    assert node.properties.get("deadline") == deadline
    assert node.provenance.line == line


def test_leicester_lead_in_with_one_extra_deadline_is_an_action(leicester: View) -> None:
    # Row 218: a lead-in sentence, 10 items and 11 deadlines. The first deadline is the
    # lead-in's; read that way "August 2013" falls on the August bank holiday festival.
    lead = leicester.one(Label.ACTION, "Develop the city's brand identity and implement a "
                         "co-ordinated place marketing strategy to encompass:")
    assert lead.properties["deadline"] == "April 2013"
    festival = leicester.one(Label.ACTION, "promotion of the city's festivals and events, "
                             "including the launch of a new August bank holiday festival")
    assert festival.properties["deadline"] == "August 2013"
    bid = leicester.one(Label.ACTION, "bidding with the Cultural Partnership Board to become "
                        "UK City of Culture 2017")
    assert bid.properties["deadline"] == "April 2013"


def test_leicester_lead_in_is_context_when_deadlines_match_items(leicester: View) -> None:
    # Row 472: lead-in, 3 items, 3 deadlines: the lead-in is context for each action.
    names = leicester.names(Label.ACTION)
    assert not any(n.startswith("To provide appropriate and timely support") for n in names)
    spaces = leicester.one(Label.ACTION, "providing spaces for children and young people "
                           "affected by domestic violence to be heard")
    assert spaces.properties["context"].startswith("To provide appropriate and timely support")
    assert spaces.properties["deadline"] == "Ongoing"


def test_leicester_fewer_deadlines_than_actions(leicester: View) -> None:
    # Row 461: 3 commissioned items, 2 deadlines: given in order; the last has none.
    assert leicester.one(Label.ACTION, "multi-systemic therapy project").properties[
        "deadline"] == "2014"
    assert "deadline" not in leicester.one(
        Label.ACTION, "virtual school for looked after children").properties
    assert any("line 461" in w for w in leicester.ex.warnings)


def test_leicester_one_deadline_for_a_nested_list(leicester: View) -> None:
    # Row 546: "Reading:" and "Maths:" introduce nested lists; one deadline for the row.
    names = leicester.names(Label.ACTION)
    assert "Reading:" not in names and "Reading" not in names
    counts = leicester.one(Label.ACTION, "Every Child Counts")
    assert counts.properties["deadline"] == "Throughout 2013/14"
    assert counts.properties["group"] == "Maths"
    assert leicester.one(Label.ACTION, "Gold standard youth service").properties[
        "deadline"] == "Throughout 2013/14"
    # "All ongoing" for the housing list: each action is ongoing.
    assert leicester.one(Label.ACTION, "Provide quality rented homes").properties[
        "deadline"] == "Ongoing"


def test_leicester_row_split_by_page_break(leicester: View) -> None:
    # Row 464 has an empty objective cell at the top of a new table: it continues
    # "Improve outcomes for particularly vulnerable groups ..." from row 461.
    action = leicester.one(Label.ACTION, "Develop travel training programme to support the "
                           "independence of children and young people with special needs and "
                           "disabilities")
    assert action.provenance.line == 464
    assert leicester.ends(RelType.SUPPORTS, action) == {
        "Improve outcomes for particularly vulnerable groups of children and young people"}
    objective = leicester.one(
        Label.OUTCOME, "Improve outcomes for particularly vulnerable groups of children and "
        "young people")
    assert "Raising Achievement Strategy" in leicester.ends(RelType.REFERENCES, objective)


def test_leicester_cross_theme_reference(leicester: View) -> None:
    getting_about = leicester.one(Label.THEME, "Getting about in Leicester")
    deps = {(leicester.g.nodes[r.start].name, r.end, r.provenance.line, r.properties["evidence"])
            for r in leicester.g.relationships.values() if r.type == RelType.DEPENDS_ON}
    # Two rows of "A place to do business" refer to the same theme: two references, each
    # from its action (214 "A thriving city centre", 217 "A growing city").
    assert deps == {
        ("Improving public transport, walking, cycling and parking", getting_about.id, 214,
         "see p. 37: Getting about in Leicester"),
        ("Delivering improvements to the highway network, parking and public transport to "
         "enable growth",
         getting_about.id, 217, "see p. 39: Getting about in Leicester")}
    # The action keeps its words without the cross-reference.
    assert "Improving public transport, walking, cycling and parking" in leicester.names(
        Label.ACTION)


def test_leicester_referenced_strategies(leicester: View) -> None:
    to_work = leicester.one(Label.OUTCOME, "Leicester to Work")
    assert leicester.ends(RelType.REFERENCES, to_work) == {
        "Leicester Economic Action Plan", "LLEP Growth Plan", "Leicester to Work"}
    centre = leicester.one(Label.OUTCOME, "A thriving city centre")
    # A cell with single spaces between four names (row 214).
    assert {"Leicester Economic Action Plan", "Connecting Leicester Vision Presentation",
            "LLEP Growth Plan", "Local Development Framework Core Strategy"} <= leicester.ends(
        RelType.REFERENCES, centre)
    safe = leicester.one(Label.OUTCOME, "Supporting people who are at risk of harm and abuse "
                         "to stay safe")
    assert leicester.ends(RelType.REFERENCES, safe) == {
        "Safeguarding Adults: multi-agency policy and procedures", "Raising Achievement Strategy"}
    strategies = leicester.names(Label.STRATEGY)
    assert {"Carers Strategy 2012-15", "Homelessness Strategy 2008-2013",
            "The Story of Leicester Plan Summary", "Right to Control Trailblazer",
            "General Fund Revenue Budget 2012/13 to 2014/15"} <= strategies
    assert not strategies & {"The", "Plan Summary", "Leicester", "Transport Plan"}


def test_leicester_programmes(leicester: View) -> None:
    programmes = leicester.names(Label.STRATEGY, kind="programme")
    assert {"Leicester to Work", "Connecting Leicester", "Story of Leicester", "Think Family",
            "Building Schools for the Future", "Primary Capital Programme"} <= programmes
    action = leicester.one(Label.ACTION, "Investment on key streets in the city centre through "
                           "Connecting Leicester")
    assert "Connecting Leicester" in leicester.ends(RelType.REFERENCES, action)


def test_leicester_funds_schemes_and_projects_are_programmes(leicester: View) -> None:
    programmes = leicester.names(Label.STRATEGY, kind="programme")
    assert {
        # 213 "Secure external funding to provide grants and support to local businesses
        # (European Regional Development Fund/Regional Growth Fund)": two funds
        "European Regional Development Fund", "Regional Growth Fund",
        # 214 "Securing external funding and delivering the Jubilee Square project",
        # "Providing support to the Cathedral Gardens scheme"
        "Jubilee Square project", "Cathedral Gardens scheme",
        # 265 "Aylestone Quality Bus Corridor Scheme"
        "Aylestone Quality Bus Corridor Scheme",
        # 317 "Leicester Energy Agency project to help small businesses introduce renewable
        # energy measures"
        "Leicester Energy Agency project",
        # 470 "Implement a First Contact scheme to help all agencies identify vulnerability"
        "First Contact scheme",
    } <= programmes
    # One capitalised word describes, it does not name: 460 "Participation project: engaging
    # with school councils"; nor do lower-case ones: 317 "Implement the district energy
    # scheme", 601 "Roll-out of recycling scheme".
    assert not {"Participation project", "district energy scheme", "recycling scheme",
                "European Regional Development Fund/Regional Growth Fund"} & programmes
    row = leicester.one(Label.ACTION, "Aylestone Quality Bus Corridor Scheme")
    assert "Aylestone Quality Bus Corridor Scheme" in leicester.ends(RelType.REFERENCES, row)


def test_leicester_partnerships(leicester: View) -> None:
    partnerships = leicester.names(Label.PARTNERSHIP)
    assert {"Health and Wellbeing Board", "Children's Trust", "City Partnership Board",
            "Heritage Partnership", "Leicester Safeguarding Children Board",
            "Leicester Safeguarding Adults Board"} <= partnerships
    agreement = leicester.one(Label.ACTION, "Agreement of Joint Health and Wellbeing Strategy "
                              "by the Health and Wellbeing Board")
    assert leicester.ends(RelType.INVOLVES, agreement) == {"Health and Wellbeing Board"}
    assert leicester.ends(RelType.REFERENCES, agreement) == {
        "Joint Health and Wellbeing Strategy"}
    children = leicester.one(Label.THEME, "Our children and young people")
    assert "Children's Trust" in leicester.ends(RelType.REFERENCES, children)


def test_leicester_measures(leicester: View) -> None:
    english = leicester.one(Label.MEASURE, "% of children making expected progress from Key "
                            "Stage 1 to Key Stage 2 in English")
    assert english.properties["indicator_code"] == "NI93"
    assert english.properties["target"] == "2013/14 – 95%"
    potholes = leicester.one(Label.MEASURE, "Number of complaints about potholes")
    assert potholes.properties["target"] == "Reduce to 1,350 per year"
    assert potholes.properties["baseline"] == "currently averaging 1,400"
    carbon = leicester.one(Label.MEASURE, "50% reduction in CO2 emissions within the scope of "
                           "influence of local authorities by 2025")
    assert carbon.properties["indicator_code"] == "NI 186"
    assert carbon.properties["baseline"] == "1990 – 2338.3 ktCO2"
    # "Unlawful supply of alcohol and tobacco:" heads four rows; it is not a measure.
    visits = leicester.one(Label.MEASURE, "Advice visits")
    assert visits.properties["group"] == "Unlawful supply of alcohol and tobacco"
    assert "Unlawful supply of alcohol and tobacco" not in leicester.names(Label.MEASURE)
    # Four <li> sub-measures in one cell, each with its own target (row 610).
    specialist = leicester.one(Label.MEASURE, "Number of households accessing specialist advice")
    assert specialist.properties["target"] == "2013/14 – 600"
    assert specialist.provenance.line == 610
    # The measures under "## Social care and homelessness" belong to the care theme.
    budget = leicester.one(Label.MEASURE, "% of people with a personal budget")
    assert leicester.theme_of(budget) == "Providing care and support"
    assert budget.properties["section"] == "Social care and homelessness"
    insects = leicester.one(Label.MEASURE, "Create new ground for insect friendly pollinating "
                            "plants")
    assert insects.properties["target"] == "2013/14 – 7,500m²"
    mayor = leicester.one(Label.MEASURE, "Attendance at Meet the Mayor events")
    assert mayor.properties["target"].startswith("Across 10 Meet The Mayor events during each "
                                                 "calendar year: an average of 200 people")


def test_leicester_leads(leicester: View) -> None:
    mayor = leicester.one(Label.CABINET_LEAD, "Peter Soulsby")
    assert mayor.properties["role"] == "City mayor"
    assert mayor.properties["portfolio"] == ("constitution and governance, emergency planning, "
                                             "economic development, transport, regeneration "
                                             "and heritage")
    assert mayor.provenance.line == 58
    clair = leicester.one(Label.CABINET_LEAD, "Piara Singh Clair")
    assert clair.properties["role"] == "Assistant city mayor"
    assert clair.properties["portfolio"] == "culture, leisure and sport"
    assert leicester.one(Label.CABINET_LEAD, "Rory Palmer").properties["role"] == (
        "Deputy city mayor")


def test_leicester_every_node_points_at_its_text(leicester: View) -> None:
    lines = SourceDocument.from_path(corpus_file(LEICESTER)).lines

    def flat(text: str) -> str:
        return re.sub(r"\W+", "", re.sub(r"<[^>]*>", "", text)).casefold()

    for node in leicester.all(Label.ACTION) + leicester.all(Label.OUTCOME) + leicester.all(
            Label.THEME):
        assert flat(node.name)[:30] in flat(lines[node.provenance.line - 1]), node.name


def test_no_dangling_relationships(leicester: View, example: View) -> None:
    assert not list(leicester.g.dangling())
    assert not list(example.g.dangling())


# -- the Wexbridge example -----------------------------------------------------------------

def test_example_plan_and_counts(example: View) -> None:
    (plan,) = example.all(Label.PLAN)
    assert plan.properties["organisation"] == "Wexbridge City Council"
    assert (plan.properties["start_year"], plan.properties["end_year"]) == (2024, 2025)
    assert {n.name: n.provenance.line for n in example.all(Label.THEME)} == {
        "A thriving economy": 61, "Getting around Wexbridge": 93,
        "Healthy and safe communities": 119, "A well-run council": 163}
    assert len(example.all(Label.OUTCOME, level="theme")) == 13
    assert len(example.all(Label.OUTCOME, level="objective")) == 13
    assert len(example.all(Label.ACTION)) == 32
    assert len(example.all(Label.MEASURE)) == 24
    assert len(example.all(Label.STRATEGY)) == 14
    assert example.names(Label.PARTNERSHIP) == {
        "Wexshire Local Enterprise Partnership", "WLEP", "Health and Wellbeing Board",
        "Children's Trust", "Community Safety Partnership"}
    assert example.names(Label.CABINET_LEAD) == {"Helen Marsh", "Tom Okafor", "Priya Lal",
                                                      "Sam Reid"}
    assert example.names(Label.STRATEGY, kind="programme") == {
        "Wexbridge Works", "Riverside Wexbridge"}


def test_example_strategies(example: View) -> None:
    assert example.names(Label.STRATEGY, kind="document") == {
        "Wexbridge Economic Growth Plan", "Economic Growth Plan", "WLEP Strategic Economic Plan",
        "Riverside Masterplan", "Local Transport Plan", "Visitor Economy Strategy 2024-27",
        "Highway Asset Management Plan", "Joint Health and Wellbeing Strategy",
        "Children and Young People's Plan 2024-27", "Community Safety Plan 2024-27",
        "Housing Strategy", "Medium Term Financial Strategy"}
    # A strategy referenced from two themes' rows.
    sep = example.one(Label.STRATEGY, "WLEP Strategic Economic Plan")
    holders = [example.g.nodes[r.start] for r in example.g.relationships.values()
               if r.type == RelType.REFERENCES and r.end == sep.id]
    assert {example.theme_of(h) for h in holders} == {"A thriving economy",
                                                       "Getting around Wexbridge"}


def test_example_deadline_decisions(example: View) -> None:
    lead = example.one(Label.ACTION, "Launch a new place marketing campaign for the city to "
                       "encompass:")
    assert lead.properties["deadline"] == "May 2024"
    assert example.one(Label.ACTION, "a guide for inward investors").properties[
        "deadline"] == "January 2025"
    cycleway = example.one(Label.ACTION, "Mill Quay cycleway")
    assert cycleway.properties["deadline"] == "Throughout 2024/25"
    assert cycleway.properties["group"] == "Cycling"
    assert "Cycling" not in example.names(Label.ACTION)
    assert example.one(Label.ACTION, "Build 120 new council homes").properties[
        "deadline"] == "Ongoing"
    for name in ("Tackle anti-social behaviour hotspots",
                 "Review the council's taxi licensing policy"):
        assert "deadline" not in example.one(Label.ACTION, name).properties


def test_example_page_break_and_cross_references(example: View) -> None:
    hub = example.one(Label.ACTION, "Extend the Early Help Offer to every children's centre")
    assert example.ends(RelType.SUPPORTS, hub) == {"Keeping children and vulnerable adults safe"}
    deps = {(example.g.nodes[r.start].name, example.g.nodes[r.end].name, r.provenance.line)
            for r in example.g.relationships.values() if r.type == RelType.DEPENDS_ON}
    # One link per referring action: row 77 refers twice, each its own reference.
    assert deps == {("Better bus and cycle links into the centre", "Getting around Wexbridge", 77),
                    ("A new riverside walk from Mill Quay to the station",
                     "Getting around Wexbridge", 77),
                    ("Promote walking and cycling for health", "Getting around Wexbridge", 133)}
    assert "Better bus and cycle links into the centre" in example.names(Label.ACTION)


def test_example_orphan_candidates(example: View) -> None:
    reception = example.one(Label.ACTION, "Host a civic reception for the twin town of Lindenau")
    assert example.ends(RelType.SUPPORTS, reception) == {"Twinning and civic ceremonies"}
    assert example.one(Label.OUTCOME, "Twinning and civic ceremonies").properties[
        "level"] == "objective"
    grant = example.one(Label.ACTION, "Run a start-up grant scheme with the WLEP")
    assert example.ends(RelType.INVOLVES, grant) == {"WLEP"}


def test_example_measures(example: View) -> None:
    shops = example.one(Label.MEASURE, "Vacant shop units in the city centre")
    assert (shops.properties["target"], shops.properties["baseline"]) == (
        "Reduce to 60", "currently 74")
    entrants = example.one(Label.MEASURE, "First time entrants to the youth justice system")
    assert entrants.properties["indicator_code"] == "NI111"
    assert entrants.properties["section"] == "Community safety"
    assert example.one(Label.MEASURE, "Women smoking at time of delivery").properties[
        "group"] == "Smoking in pregnancy"
    informed = example.one(Label.MEASURE, "% of residents who feel informed")
    assert informed.properties["target"] == "2024/25 – 55%"


# -- decisions on small made-up rows -------------------------------------------------------

HEADER = ("Themes and objectives", "Key projects and activities", "By when",
          "Relevant documents and strategies")


def row(objective: str, activities: str, when: str, refs: str = "", first: bool = False) -> Row:
    return Row(10, (objective, activities, when, refs), HEADER, first)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>• {i}</li>" for i in items) + "</ul>"


def test_more_deadlines_than_actions_without_lead_in_keeps_order_and_warns() -> None:
    read = read_activity_row(row("<b>X</b>", ul("a one", "a two"), ul("May", "June", "July")))
    assert [(a.name, a.deadline) for a in read.actions] == [("a one", "May"), ("a two", "June")]
    assert read.warning


def test_cell_without_list_holds_actions_as_paragraphs() -> None:
    read = read_activity_row(row("<b>X</b>", "<p>Do one thing</p><p>Do another</p>",
                                 "<p>May</p><p>June</p>"))
    assert [(a.name, a.deadline) for a in read.actions] == [("Do one thing", "May"),
                                                           ("Do another", "June")]


def test_objective_without_bold_title_uses_first_paragraph() -> None:
    read = read_activity_row(row("<p>Cleaner streets</p><p>Less litter</p>", ul("a"), ul("May")))
    assert (read.objective, read.description) == ("Cleaner streets", "Less litter")


def test_split_references_forms() -> None:
    assert split_references("Plan A Strategy  B Board Plan") == ["Plan A Strategy", "B Board Plan"]
    assert split_references("<p>The Story of Leicester Plan Summary</p> <p>X Plan</p>") == [
        "The Story of Leicester Plan Summary", "X Plan"]
    assert split_references("Economic Plan Riverside Masterplan Local Transport Plan") == [
        "Economic Plan", "Riverside Masterplan", "Local Transport Plan"]
    assert split_references("") == []


def test_find_names_in_text() -> None:
    found = find_names("Launch Leicester to Work programme with the Health and Wellbeing Board")
    assert [(f.name, f.is_partnership, f.kind) for f in found] == [
        ("Leicester to Work", False, "programme"), ("Health and Wellbeing Board", True, "document")]
    assert [f.name for f in find_names("a new heritage partnership and a local plan")] == []


def test_sixth_council_without_theme_list() -> None:
    # No introduction list and no contents: headings owning the standard sections are themes.
    text = "\n".join([
        "# Borough Delivery Plan", "", "Wexshire County Council 2025-26", "",
        "# Introduction", "", "Some words.", "",
        "# Greener places", "", "## Summary of priorities", "", "- To plant trees.", "",
        "## Council activity", "", "\t".join(HEADER),
        "\t".join(["<b>Trees</b>", ul("Plant 500 trees"), ul("March 2026"), "Tree Strategy"]),
        "",
    ])
    view = View(LOADER.extract(SourceDocument("sixth.txt", text)))
    assert view.names(Label.THEME) == {"Greener places"}
    assert view.one(Label.ACTION, "Plant 500 trees").properties["deadline"] == "March 2026"
    (plan,) = view.all(Label.PLAN)
    assert plan.properties["organisation"] == "Wexshire County Council"
    assert LOADER.recognise(SourceDocument("sixth.txt", text)) >= 0.5


def test_document_without_themes_is_a_loader_error() -> None:
    with pytest.raises(LoaderError, match="no delivery-plan themes"):
        LOADER.extract(SourceDocument("memo.txt", "# A memo\n\nNothing to see.\n"))


def test_long_runs_of_capitalised_words_stay_fast() -> None:
    # Name and organisation patterns backtrack on such runs unless bounded; this would take
    # minutes without the bounds.
    words = " ".join(["Word"] * 20000)
    text = "\n".join(["# " + words, "## Summary of priorities", "- " + words + " Plan",
                      "## Council activity", "\t".join(HEADER),
                      "\t".join(["<b>X</b>", ul(words), ul("May"), words + " Plan"]), ""])
    start = time.perf_counter()
    LOADER.extract(SourceDocument("long.txt", text))
    assert time.perf_counter() - start < 10
