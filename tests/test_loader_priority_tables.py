"""The priority-tables loader on the real Leicestershire 2014-18 plan and on the fictional
Wexshire example: items established by reading the text, and the reading decisions pinned."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES, corpus_file
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Node, RelType
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.registry import choose_loader
from stratgraph.loaders.shapes.priority_tables.cells import Part, split_items
from stratgraph.loaders.shapes.priority_tables.entities import find_mentions
from stratgraph.loaders.shapes.priority_tables.layout import is_table_header, read_layout
from stratgraph.loaders.shapes.priority_tables.loader import PriorityTablesLoader

REAL = "leicestershire-county-strategic-plan-2014-18.txt"
EXAMPLE = EXAMPLES / "wexshire-county-strategic-plan-2020-24.txt"
OTHER_SHAPES = (
    "leicester-city-cpa-self-assessment-2007.txt",
    "leicester-city-delivery-plan-2013-14.txt",
    "leicester-city-interim-corporate-plan-2003.txt",
    "leicestershire-county-strategic-plan-2018-22.txt",
)
LOADER = PriorityTablesLoader()


class Read:
    """An extraction with lookups by label and name."""

    def __init__(self, path: Path) -> None:
        self.doc = SourceDocument.from_path(path)
        self.extraction: Extraction = LOADER.extract(self.doc)
        self.graph: GraphData = self.extraction.graph

    def nodes(self, label: Label, level: str | None = None) -> list[Node]:
        return [n for n in self.graph.nodes.values() if n.label is label
                and (level is None or n.properties.get("level") == level)]

    def names(self, label: Label, level: str | None = None) -> set[str]:
        return {n.name for n in self.nodes(label, level)}

    def one(self, label: Label, name: str) -> Node:
        found = [n for n in self.nodes(label) if n.name == name]
        assert len(found) == 1, f"{label} {name!r}: {len(found)} found"
        return found[0]

    def out(self, node: Node, type_: RelType) -> set[str]:
        return {self.graph.nodes[r.end].name for r in self.graph.relationships.values()
                if r.start == node.id and r.type is type_}

    def theme_of(self, node: Node) -> str:
        (theme,) = [self.graph.nodes[r.end] for r in self.graph.relationships.values()
                    if r.start == node.id and r.type is RelType.PART_OF]
        return theme.name

    def pairs(self, type_: RelType, start: Label, end: Label) -> set[tuple[str, str]]:
        nodes = self.graph.nodes
        return {(nodes[r.start].name, nodes[r.end].name)
                for r in self.graph.relationships.values()
                if r.type is type_ and nodes[r.start].label is start
                and nodes[r.end].label is end}


@pytest.fixture(scope="module")
def real() -> Read:
    return Read(corpus_file(REAL))


@pytest.fixture(scope="module")
def example() -> Read:
    return Read(EXAMPLE)


# -- recognition ----------------------------------------------------------------------------


def test_recognises_its_shape() -> None:
    assert LOADER.recognise(SourceDocument.from_path(corpus_file(REAL))) >= 0.5
    assert LOADER.recognise(SourceDocument.from_path(EXAMPLE)) >= 0.5


@pytest.mark.parametrize("name", OTHER_SHAPES)
def test_does_not_claim_other_shapes(name: str) -> None:
    assert LOADER.recognise(SourceDocument.from_path(corpus_file(name))) < 0.5


def test_recognition_reads_the_text_not_the_file_name() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert LOADER.recognise(SourceDocument("plan.txt", text)) >= 0.5
    assert LOADER.recognise(SourceDocument(REAL, "A plan with no tables.\n")) == 0.0


def test_registry_chooses_this_loader_for_the_example() -> None:
    assert choose_loader(SourceDocument.from_path(EXAMPLE)).name == "priority-tables"


@pytest.mark.parametrize("header", [
    "PRIORITY\tPLANS/ACTIONS\tMEASUREMENT/TARGETS",
    "PRIORITY\tPLAN/ACTIONS\tMEASUREMENT/TARGETS",
    "PRIORITY\tPLANS/ACTIONS\tMEASUREMENT/TARGETS⁶",
    "PRIORITIES\tPLAN/ACTIONS\tMEASURE/TARGET",
    "PRIORITIES\tPLAN/ACTIONS\tMEASUREMENT",
])
def test_header_variants(header: str) -> None:
    assert is_table_header(header)


# -- the real plan: metadata, themes, imperatives ---------------------------------------------


def test_real_plan_metadata(real: Read) -> None:
    (plan,) = real.nodes(Label.PLAN)
    assert plan.name == "Strategic Plan 2014-18"
    assert plan.provenance.line == 6
    assert plan.properties["organisation"] == "Leicestershire County Council"
    assert (plan.properties["start_year"], plan.properties["end_year"]) == (2014, 2018)
    assert plan.properties["loader"] == "priority-tables"


def test_real_counts(real: Read) -> None:
    assert len(real.nodes(Label.THEME)) == 39
    assert len(real.nodes(Label.OUTCOME, "strategic")) == 6
    assert len(real.nodes(Label.OUTCOME, "priority")) == 69
    assert len(real.nodes(Label.ACTION)) == 169
    # 151 target sentences; "Improve patient/service user experience/satisfaction" is written
    # under three Better Care Fund priorities of one section, so it is one measure.
    assert len(real.nodes(Label.MEASURE)) == 149
    assert not list(real.graph.dangling())


def test_real_themes(real: Read) -> None:
    themes = real.names(Label.THEME)
    assert {
        "Leadership and Transformation",
        "Transformation – Vision, Principles and Approach",
        "Enabling Economic Growth - A Thriving Leicestershire Economy",
        "Investment in Place - Strategic Transport Infrastructure",
        "Better Care - Health and Social Care Integration",
        "Better Mental Health",
        "Supporting Children and Families",
        "Safer Communities – A Better Environment/Place",
        "Emergency Management",  # prose only, still a section of the plan's work
        "Leicestershire's Cultural Environment",
    } <= themes
    # The foreword is not a theme; the title page and the closing blank-page note are not
    # headings; a paragraph cut by a page break ("... passenger transport" / "support but
    # will ...") is not a heading either.
    assert "Leader's Introduction" not in themes
    assert "This page is intentionally left blank" not in themes
    assert "Strategic Plan 2014-18" not in themes
    assert not any(t.startswith("The Council will continue to spend") for t in themes)
    theme = real.one(Label.THEME, "Better Mental Health")
    assert theme.provenance.line == 262


def test_real_imperatives(real: Read) -> None:
    imperatives = sorted(real.nodes(Label.OUTCOME, "strategic"), key=lambda n: n.provenance.line)
    assert [(n.provenance.line, n.name) for n in imperatives] == [
        (44, "Leading Leicestershire"),
        (45, "Supporting and protecting the most vulnerable people and communities"),
        (46, "Enabling and supporting communities, individuals and families"),
        (47, "Making Leicestershire a better place"),
        # "; and" and the closing full stop belong to the list, not to the imperative.
        (48, "Managing public sector resources effectively"),
        (49, "Having the organisational structures and behaviours to deliver this approach"),
    ]
    assert all(real.theme_of(n) == "Strategic Plan 2014-18" for n in imperatives)


def test_real_imperatives_covered_by_sections(real: Read) -> None:
    # Line 51 says which sections cover which imperatives: "imperatives 1, 5 and 6 ... in this
    # section" (the section the sentence is in), "Imperative 4 ... the economic section as well
    # as the final 'place' section", and imperatives 2 and 3 by their words: "support to
    # vulnerable people and communities, and individuals and families ... the chapters on
    # better care - health and care integration and supporting children and families".
    links = real.pairs(RelType.SUPPORTS, Label.THEME, Label.OUTCOME)
    here = "Transformation – Vision, Principles and Approach"
    economy = "Enabling Economic Growth - A Thriving Leicestershire Economy"
    place = "Safer Communities – A Better Environment/Place"
    care = "Better Care - Health and Social Care Integration"
    children = "Supporting Children and Families"
    two = "Supporting and protecting the most vulnerable people and communities"
    three = "Enabling and supporting communities, individuals and families"
    assert links == {
        (here, "Leading Leicestershire"),
        (here, "Managing public sector resources effectively"),
        (here, "Having the organisational structures and behaviours to deliver this approach"),
        (economy, "Making Leicestershire a better place"),
        (place, "Making Leicestershire a better place"),
        (care, two), (care, three), (children, two), (children, three),
    }


def test_real_cross_references(real: Read) -> None:
    assert real.pairs(RelType.DEPENDS_ON, Label.THEME, Label.THEME) == {
        # "also set out in the 'better environment/place' section of this plan"
        ("Enabling Economic Growth - A Thriving Leicestershire Economy",
         "Safer Communities – A Better Environment/Place"),
        # "(see Better Place Section)" in prose and "see place section" in a PLANS cell
        ("Investment in Business – Business Growth and Business Support",
         "Safer Communities – A Better Environment/Place"),
        # "set out in the Educational Excellence Section": a run-in heading of that section
        ("Investment in People – Employment and Skills Support",
         "Supporting Children and Young People To Achieve their Potential"),
        # "(See Children's Section)"
        ("Better Public Health - Prevention and Early Intervention",
         "Supporting Children and Families"),
        # "(see health section)" about children's mental health: the heading that names
        # health as its subject
        ("Supporting Families", "Better Mental Health"),
    }
    evidence = {r.properties.get("evidence") for r in real.graph.relationships.values()
                if r.type is RelType.DEPENDS_ON}
    assert "Children's Section" in evidence


# -- the real plan: tables -------------------------------------------------------------------


def test_real_priority_row(real: Read) -> None:
    priority = real.one(Label.OUTCOME, "Increase Broadband Connectivity")
    assert priority.properties["level"] == "priority"
    assert priority.provenance.line == 130
    assert real.theme_of(priority) == "Investment in Place - Building the Infrastructure for Growth"
    action = real.one(Label.ACTION,
                      "Invest £3.9m to develop super-fast broadband in areas with poor service")
    assert real.out(action, RelType.SUPPORTS) == {"Increase Broadband Connectivity"}
    assert real.out(priority, RelType.MEASURED_BY) == {
        "92% homes and businesses with high speed broadband - 50,000 additional premises"}


def test_real_leadership_table_belongs_to_the_heading_above_it(real: Read) -> None:
    # Decision: a table belongs to the section it closes, the nearest heading above. The
    # Leadership chapter's only table follows its last subsection, Equalities and Diversity;
    # the plain text gives no sign that its rows belong to earlier subsections.
    row = real.one(Label.OUTCOME, "Transformation of Services/Council")
    assert real.theme_of(row) == "Equalities and Diversity"


def test_real_row_split_by_page_break(real: Read) -> None:
    # "Earlier Mental Health Detection and" / blank / "Treatment<TAB>intervention such as ..."
    # is one row: the priority ends in "and", the action cell in "Early".
    priority = real.one(Label.OUTCOME, "Earlier Mental Health Detection and Treatment")
    assert priority.provenance.line == 267
    early = real.one(Label.ACTION,
                     "Early intervention such as memory plus initiative and books on prescription")
    assert early.provenance.line == 267
    suicide = real.one(Label.ACTION, "Suicide Prevention Strategy")
    assert suicide.provenance.line == 269  # the line its text is on
    assert real.out(suicide, RelType.SUPPORTS) == {priority.name}
    assert real.out(suicide, RelType.REFERENCES) == {"Suicide Prevention Strategy"}
    assert len(real.out(priority, RelType.MEASURED_BY)) == 3

    # Lines 299-301, the same damage with lower-case continuations.
    placement = real.one(
        Label.OUTCOME,
        "Effective Placement and Adoption approach and good social care for Children in Care")
    assert real.out(placement, RelType.MEASURED_BY) >= {
        "65%+ children wait less than 20 months between entering care and being adopted"}
    pledge = real.one(Label.ACTION, "Implement our pledge to children in care and care leavers "
                                    "and the Family and Friends Care Policy")
    assert real.out(pledge, RelType.SUPPORTS) == {placement.name}


def test_real_rows_after_blank_lines_and_footnotes_stay_in_their_table(real: Read) -> None:
    # A footnote (line 226) and a blank line interrupt the Better Care Fund table.
    urgent = real.one(Label.OUTCOME, "Integrated Urgent Response")
    assert real.theme_of(urgent) == "Integrating Health and Social Care – Better Care Fund Plan"
    extra = real.one(Label.OUTCOME, "More Extra Care Housing Provision")
    assert real.theme_of(extra) == "Better Adult Social Care"


def test_real_header_variants_read(real: Read) -> None:
    youth = real.one(Label.OUTCOME, "Reduce youth reoffending")  # PRIORITIES/PLAN/MEASURE
    assert real.out(youth, RelType.MEASURED_BY) == {
        "Top quartile performance for youth re-offending rate"}
    abuse = real.one(Label.OUTCOME, "Domestic Abuse – Prevention and Recovery")  # MEASUREMENT
    assert real.out(abuse, RelType.MEASURED_BY) == {
        "Reduction in % repeat incidents of domestic abuse"}


def test_real_cell_splitting(real: Read) -> None:
    actions = real.names(Label.ACTION)
    measures = real.names(Label.MEASURE)
    # One sentence, one item: a comma or semicolon list stays whole.
    assert "Park and Ride, cycling schemes, car share; community and demand responsive " \
           "transport" in actions
    # The trailing full stop of a cell or sentence is not part of the name.
    assert "Increase Employability Skills and Minimise NEET" in real.names(Label.OUTCOME)
    # A lost full stop before a capitalised verb after a bracket still ends a target.
    assert "Reduce tooth decay in children age 5" in measures
    # A bracketed source note stays with its target.
    assert "Top 5 most improved area in relation to participation by 2018. " \
           "(Active People Survey)" in measures
    # "2% in violence with injury. ⁷ 95% of people feel safe.": two targets, marker gone.
    assert {"2% in violence with injury", "95% of people feel safe",
            "13% in domestic burglary"} <= measures
    # HTML <p> cells: each paragraph, then each sentence.
    assert "Work with all state funded schools to develop strong self-supporting system for " \
           "school improvement through LEEP" in actions
    assert "84%+ of schools good or outstanding" in measures


def test_real_footnotes(real: Read) -> None:
    start_ups = real.one(Label.MEASURE, "Stimulate 1000 start-ups")  # "start-ups ³ ."
    assert start_ups.properties["note"] == "LLEP targets including Leicester City"
    # A marker on the header ("MEASUREMENT/TARGETS⁶") applies to every target in the table.
    falls = real.one(Label.MEASURE, "Reduce delayed bed days in hospital by 1.73% to 287.6 per "
                                    "100k by June 2015")
    assert falls.properties["note"].startswith("BCF targets are currently shorter term")
    # No name keeps a footnote marker.
    assert not any(ch in n.name for n in real.graph.nodes.values() for ch in "¹²³⁴⁵⁶⁷⁸")


def test_real_repeated_target_is_one_measure(real: Read) -> None:
    shared = "Improve patient/service user experience/satisfaction"
    measured = {p for p, m in real.pairs(RelType.MEASURED_BY, Label.OUTCOME, Label.MEASURE)
                if m == shared}
    assert measured == {
        "Unified Prevention Offer and Information and Support",
        "Integrated Proactive Care for people with long term conditions",
        "Improved Hospital Discharge and Reablement",
    }


# -- the real plan: strategies and partnerships ------------------------------------------------


def test_real_strategies_and_partnerships(real: Read) -> None:
    strategies = real.names(Label.STRATEGY)
    partnerships = real.names(Label.PARTNERSHIP)
    assert {
        "Medium Term Financial Strategy", "Transformation Plan", "Communities Strategy",
        "People Strategy", "Strategic Economic Plan", "Enabling Growth Action Plan",
        "Local Transport Plan", "Health and Wellbeing Strategy", "Youth Justice Plan",
        "Strategy for Sport and Physical Activity", "Equality, Diversity and Human Rights Strategy",
        "Reuse Plan for Leicestershire", "Environment Strategy",
    } <= strategies
    assert {
        "Transformation Board", "Health and Wellbeing Board",
        "Leicester and Leicestershire Enterprise Partnership", "Mental Health Board",
        "Local Safeguarding Children's Board", "Leicestershire Safer Communities Strategy Board",
    } <= partnerships
    # Amounts and verbs are not part of a name: "Implement £37m Transport Asset Management
    # Plan improvements", "the Council's Environment Strategy".
    assert "Transport Asset Management Plan" in strategies
    assert not any(s.startswith(("Implement ", "37m", "Council's")) for s in strategies)
    assert real.one(Label.STRATEGY, "Transformation Programme").properties["kind"] == "programme"
    # Line 109: "We aim to maximise benefits from the new Local Growth Fund from 2015, European
    # Structural and Investment Funds and City Deal funding": funds are programmes, in the
    # plural too.
    for fund in ("Local Growth Fund", "European Structural and Investment Funds"):
        assert real.one(Label.STRATEGY, fund).properties["kind"] == "programme", fund


def test_real_references(real: Read) -> None:
    theme = real.one(Label.THEME, "Leadership and Transformation")
    assert real.out(theme, RelType.REFERENCES) == {"Transformation Board", "Transformation Plan"}
    # "LLEP" alone means the partnership defined as "(LLEP)" on first use.
    economy = real.one(Label.THEME, "Investment in Business – Business Growth and Business Support")
    assert "Leicester and Leicestershire Enterprise Partnership" in real.out(
        economy, RelType.REFERENCES)
    action = real.one(Label.ACTION, "Implement Youth Justice Plan")
    assert real.out(action, RelType.REFERENCES) == {"Youth Justice Plan"}
    # A strategy named in a target cell is referenced by the row's priority.
    dementia = real.one(Label.OUTCOME, "Better Support for People with Dementia")
    assert "Better Care Fund" in real.out(dementia, RelType.REFERENCES)


# -- the example -----------------------------------------------------------------------------


def test_example_counts(example: Read) -> None:
    (plan,) = example.nodes(Label.PLAN)
    assert (plan.name, plan.properties["organisation"]) == (
        "Strategic Plan 2020-24", "Wexshire County Council")
    assert (plan.properties["start_year"], plan.properties["end_year"]) == (2020, 2024)
    assert len(example.nodes(Label.THEME)) == 9
    assert len(example.nodes(Label.OUTCOME, "strategic")) == 5
    assert len(example.nodes(Label.OUTCOME, "priority")) == 15
    assert len(example.nodes(Label.ACTION)) == 30
    assert len(example.nodes(Label.MEASURE)) == 23
    assert len(example.nodes(Label.STRATEGY)) == 16  # "Health and Wellbeing Strategy" (71) and its "Joint" name (74), one after resolution
    assert len(example.nodes(Label.PARTNERSHIP)) == 6
    types = Counter(r.type for r in example.graph.relationships.values())
    assert (types[RelType.SUPPORTS], types[RelType.MEASURED_BY], types[RelType.REFERENCES],
            types[RelType.DEPENDS_ON]) == (54, 23, 40, 3)
    assert not list(example.graph.dangling())


def test_example_themes_and_imperatives(example: Read) -> None:
    assert example.names(Label.THEME) == {
        "Leadership and Resources", "Customer Services and Digital Delivery",
        "Growing the Wexshire Economy", "Investment in Place – Sites and Broadband",
        "Investment in People – Skills and Jobs", "Health and Wellbeing",
        "Supporting Children and Families", "Safer Communities",
        "Connected Places – A Greener Wexshire",
    }
    assert example.names(Label.OUTCOME, "strategic") == {
        "Leading Wexshire", "Protecting the most vulnerable people and communities",
        "Helping families, individuals and communities to thrive",
        "Making Wexshire a greener and better connected place", "Using public money wisely",
    }
    links = example.pairs(RelType.SUPPORTS, Label.THEME, Label.OUTCOME)
    places = "Connected Places – A Greener Wexshire"
    assert links == {
        ("Leadership and Resources", "Leading Wexshire"),
        ("Leadership and Resources", "Using public money wisely"),
        ("Growing the Wexshire Economy", "Making Wexshire a greener and better connected place"),
        # "the final 'place' section": the last heading naming a place, not Investment in Place
        (places, "Making Wexshire a greener and better connected place"),
        ("Health and Wellbeing", "Protecting the most vulnerable people and communities"),
        ("Health and Wellbeing", "Helping families, individuals and communities to thrive"),
        ("Supporting Children and Families",
         "Protecting the most vulnerable people and communities"),
        ("Supporting Children and Families",
         "Helping families, individuals and communities to thrive"),
    }


def test_example_cross_references(example: Read) -> None:
    places = "Connected Places – A Greener Wexshire"
    assert example.pairs(RelType.DEPENDS_ON, Label.THEME, Label.THEME) == {
        ("Growing the Wexshire Economy", places),
        ("Investment in Place – Sites and Broadband", places),  # from a PLANS/ACTIONS cell
        (places, "Health and Wellbeing"),
    }


def test_example_wrapped_rows(example: Read) -> None:
    # A cell broken over two lines, then a row with an empty first cell carrying on.
    broadband = example.one(Label.OUTCOME, "Superfast Broadband for Rural Areas")
    assert broadband.provenance.line == 55
    assert example.out(broadband, RelType.MEASURED_BY) == {
        "95% of premises with superfast broadband by 2023"}
    carried = example.one(
        Label.ACTION, "Work with district councils on broadband in new housing developments")
    assert carried.provenance.line == 57
    assert example.out(carried, RelType.SUPPORTS) == {broadband.name}
    # A row split by a page break with a footnote between its halves.
    mental = example.one(Label.OUTCOME, "Mental Health and Wellbeing")
    assert example.out(mental, RelType.MEASURED_BY) == {
        "Reduce suicides to 8 per 100k", "Improve wellbeing scores (top quartile)"}
    plan = example.one(Label.ACTION, "Suicide Prevention Plan and crisis café pilot")
    assert example.out(plan, RelType.REFERENCES) == {"Suicide Prevention Plan"}
    assert example.one(Label.MEASURE, "Improve wellbeing scores (top quartile)").provenance.line == 80


def test_example_orphans(example: Read) -> None:
    # A first row with an empty PRIORITY cell continues nothing: its actions support no
    # outcome (NO_OUTCOME) and the loader says so.
    for name in ("Review the youth service offer with the voluntary sector",
                 "Publish a new Young Carers Charter"):
        action = example.one(Label.ACTION, name)
        assert example.out(action, RelType.SUPPORTS) == set()
        assert example.theme_of(action) == "Supporting Children and Families"
    assert any("87" in w for w in example.extraction.warnings)
    # A row with an empty MEASURE/TARGET cell: its priority has no measure (NO_MEASURE).
    skills = example.one(Label.OUTCOME, "Higher Level Skills")
    assert example.out(skills, RelType.MEASURED_BY) == set()
    assert example.one(Label.ACTION, "Graduate retention scheme").provenance.line == 67


def test_example_deadlines_and_notes(example: Read) -> None:
    web = example.one(Label.ACTION, "Launch new website and online accounts by March 2022")
    assert web.properties["deadline"] == "March 2022"
    lights = example.one(Label.ACTION, "Replace 20,000 street lights with LEDs by 2023")
    assert lights.properties["deadline"] == "2023"
    assert "deadline" not in example.one(Label.ACTION, "Implement the Local Transport Plan").properties
    assert example.one(Label.MEASURE, "Create 3,000 jobs").properties["note"] == (
        "WLEP targets including Wexbridge City")
    assert example.one(Label.MEASURE, "5% reduction in total crime").properties["note"] == (
        "Crime targets agreed each year with the Police and Crime Commissioner.")
    assert "note" not in example.one(Label.MEASURE, "90% of people feel safe").properties


def test_example_shared_entities_across_themes(example: Read) -> None:
    def themes_naming(name: str) -> set[str]:
        target = {n.id for n in example.graph.nodes.values() if n.name == name}
        sources = {r.start for r in example.graph.relationships.values()
                   if r.type is RelType.REFERENCES and r.end in target}
        return {example.theme_of(example.graph.nodes[s])
                if example.graph.nodes[s].label is not Label.THEME
                else example.graph.nodes[s].name for s in sources}

    assert themes_naming("Local Transport Plan") == {
        "Growing the Wexshire Economy", "Health and Wellbeing",
        "Connected Places – A Greener Wexshire"}
    assert len(themes_naming("Wexshire Local Enterprise Partnership")) == 3
    assert themes_naming("Housing Strategy") == {"Supporting Children and Families",
                                                 "Safer Communities"}
    assert {"WLEP Strategic Economic Plan", "Wexbridge Economic Growth Plan",
            "Economic Growth Plan", "Joint Health and Wellbeing Strategy"} <= example.names(
        Label.STRATEGY)
    assert {"Health and Wellbeing Board", "Community Safety Partnership", "Children's Trust",
            "Transformation Board"} <= example.names(Label.PARTNERSHIP)
    # The Leader's Introduction is no theme: what it names, the plan itself references.
    (plan,) = example.nodes(Label.PLAN)
    assert example.out(plan, RelType.REFERENCES) == {"Medium Term Financial Strategy"}


def test_every_node_has_a_line_on_its_text(example: Read) -> None:
    lines = example.doc.lines
    for node in example.nodes(Label.ACTION) + example.nodes(Label.MEASURE):
        first_word = node.name.split()[0]
        assert first_word in lines[node.provenance.line - 1], node.name


# -- helpers ---------------------------------------------------------------------------------


def test_split_items_keeps_lines_of_wrapped_cells() -> None:
    items = split_items([Part(10, "Health promotion. Early"), Part(12, "intervention. Review.")])
    assert [(i.name, i.line) for i in items] == [
        ("Health promotion", 10), ("Early intervention", 10), ("Review", 12)]


def test_mentions_split_lists_of_names() -> None:
    text = ("We will implement our Environment Strategy, Carbon Management Plan and Green "
            "Infrastructure Strategy with the Children's Trust partnership.")
    assert [m.name for m in find_mentions(text)] == [
        "Environment Strategy", "Carbon Management Plan", "Green Infrastructure Strategy",
        "Children's Trust"]


def test_layout_of_a_minimal_plan() -> None:
    text = "\n".join([
        "Wexshire County Council", "Strategic Plan 2020-24", "",
        "Safer Roads", "",
        "We will keep roads safe.", "",
        "PRIORITY\tPLANS/ACTIONS\tMEASUREMENT/TARGETS",
        "Fewer Casualties\tRoad Safety Programme.\tReduce casualties by 30%.",
    ])
    layout = read_layout(text.split("\n"))
    assert [h.name for h in layout.headings] == ["Safer Roads"]
    assert [r.text(0) for t in layout.tables for r in t.rows] == ["Fewer Casualties"]


def test_mentions_of_a_run_trimmed_past_its_keyword_are_skipped() -> None:
    # Damaged prose once made the name finder raise StopIteration (found by comparing the
    # old and new finders on mutated plans).
    from stratgraph.loaders.shapes.priority_tables.entities import find_mentions

    assert find_mentions("Trust to , Arrangements LLEP's and") == []


def _covered_by(read: Read) -> dict[str, set[int]]:
    """Imperative -> lines of the PRIORITY rows that support it through section coverage."""
    nodes = read.graph.nodes
    found: dict[str, set[int]] = {}
    for r in read.graph.relationships.values():
        if r.type is RelType.SUPPORTS and r.properties.get("rule") == "section-coverage":
            assert r.method.value == "inferred" and r.confidence == 1.0
            found.setdefault(nodes[r.end].name, set()).add(nodes[r.start].provenance.line)
    return found


def test_example_sections_deliver_the_imperatives_they_cover(example: Read) -> None:
    # Line 28: "Imperatives 1 and 5 are picked up specifically in this section" (Leadership and
    # Resources, rows 35-36); 4 "in the economic section" (a chapter heading over Investment in
    # Place rows 54-55 and Investment in People rows 66-67) "as well as the final 'place'
    # section" (rows 106-107); 2 and 3 in Health and Wellbeing (74, 78) and Supporting Children
    # and Families (88-89).
    care = {74, 78, 88, 89}
    assert _covered_by(example) == {
        "Leading Wexshire": {35, 36},
        "Using public money wisely": {35, 36},
        "Making Wexshire a greener and better connected place": {54, 55, 66, 67, 106, 107},
        "Protecting the most vulnerable people and communities": care,
        "Helping families, individuals and communities to thrive": care,
    }


def test_real_chapters_deliver_the_imperatives_they_cover(real: Read) -> None:
    # Line 51: imperatives 1, 5 and 6 "in this section" (Leadership and Transformation: its
    # only table, rows 102-105); 4 in "the economic section" (Enabling Economic Growth: the
    # Investment in Place / Business / People tables, rows 128-208) and "the final 'place'
    # section" (Safer Communities - A Better Environment/Place, rows 362-454); 2 and 3 in "better
    # care" (rows 223-281) and "supporting children and families" (rows 292-349).
    covered = _covered_by(real)
    for imperative in ("Leading Leicestershire", "Managing public sector resources effectively",
                       "Having the organisational structures and behaviours to deliver this "
                       "approach"):
        assert covered[imperative] == {102, 103, 104, 105}
    place = covered["Making Leicestershire a better place"]
    assert min(place) == 128 and max(place) == 454 and len(place) == 28
    assert not place & set(range(212, 353))  # nothing from care or children
    care = covered["Supporting and protecting the most vulnerable people and communities"]
    assert care == covered["Enabling and supporting communities, individuals and families"]
    assert min(care) == 223 and max(care) == 349 and len(care) == 37
