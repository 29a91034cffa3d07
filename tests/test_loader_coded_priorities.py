"""The coded-priorities loader on Leicester's real 2003 interim corporate plan and on the
fictional Wexbridge example: items established by reading the text, reading decisions pinned."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, corpus_file

from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Label, Node, RelType
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.registry import choose_loader
from stratgraph.loaders.shapes.coded_priorities.cells import align, split_values
from stratgraph.loaders.shapes.coded_priorities.layout import split_name_statement
from stratgraph.loaders.shapes.coded_priorities.loader import CodedPrioritiesLoader, normalise_code
from stratgraph.loaders.shapes.coded_priorities.names import find_entities

REAL = "leicester-city-interim-corporate-plan-2003.txt"
EXAMPLE = EXAMPLES / "wexbridge-city-corporate-plan-2005.txt"
OTHER_SHAPES = (
    "leicester-city-cpa-self-assessment-2007.txt",
    "leicester-city-delivery-plan-2013-14.txt",
    "leicestershire-county-strategic-plan-2014-18.txt",
    "leicestershire-county-strategic-plan-2018-22.txt",
)
LOADER = CodedPrioritiesLoader()


class Read:
    """An extraction with lookups by label and name."""

    def __init__(self, path: Path) -> None:
        self.doc = SourceDocument.from_path(path)
        self.extraction = LOADER.extract(self.doc)
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

    def code(self, code: str) -> Node:
        (found,) = [n for n in self.nodes(Label.OUTCOME) if n.properties.get("code") == code]
        return found

    def out(self, node: Node, type_: RelType) -> set[str]:
        return {self.graph.nodes[r.end].name for r in self.graph.relationships.values()
                if r.start == node.id and r.type is type_}

    def into(self, node: Node, type_: RelType) -> set[str]:
        return {self.graph.nodes[r.start].name for r in self.graph.relationships.values()
                if r.end == node.id and r.type is type_}

    def theme_of(self, node: Node) -> str:
        (theme,) = [self.graph.nodes[r.end] for r in self.graph.relationships.values()
                    if r.start == node.id and r.type is RelType.PART_OF]
        return theme.name

    def depends(self) -> dict[tuple[str, str], str]:
        return {(self.graph.nodes[r.start].name, self.graph.nodes[r.end].name):
                r.properties["evidence"] for r in self.graph.relationships.values()
                if r.type is RelType.DEPENDS_ON}

    def count(self, type_: RelType) -> int:
        return sum(1 for r in self.graph.relationships.values() if r.type is type_)


@pytest.fixture(scope="module")
def real() -> Read:
    return Read(corpus_file(REAL))


@pytest.fixture(scope="module")
def example() -> Read:
    return Read(EXAMPLE)


# -- the real plan: Leicester City Council, Interim Corporate Plan 2003 -----------------------

LEICESTER_AIMS = [
    "Diversity", "Community Safety", "Education", "Social Care and Health", "Environment",
    "Jobs and Regeneration", "Culture", "Housing",
    "Safeguarding the Rights and Interests of Citizens", "Continuous Improvement",
]


def test_real_plan_node(real: Read) -> None:
    (plan,) = real.nodes(Label.PLAN)
    assert plan.name == "Interim Corporate Plan"
    assert plan.provenance.line == 5
    assert plan.properties["organisation"] == "Leicester City Council"
    # The plan period is the priorities' horizon ("our key priorities until March 2006", "the
    # next 3 years until 2006"), not the aims' "5 years taking us to 2008": the priorities,
    # actions and targets are what this plan commits to.
    assert (plan.properties["start_year"], plan.properties["end_year"]) == (2003, 2006)
    assert plan.properties["loader"] == "coded-priorities"


def test_real_themes_are_the_ten_strategic_aims(real: Read) -> None:
    themes = sorted(real.nodes(Label.THEME), key=lambda n: n.provenance.line)
    # Bullets ("• Social Care and Health", "♦ Culture") are stripped; the last-but-one aim's
    # name and statement run together on line 120 and are split at "Enforcing".
    assert [t.name for t in themes] == LEICESTER_AIMS
    assert [t.provenance.line for t in themes] == [88, 92, 96, 100, 104, 108, 112, 116, 120, 122]


def test_real_aim_statements_are_theme_outcomes(real: Read) -> None:
    assert len(real.nodes(Label.OUTCOME, "theme")) == 10
    housing = real.one(Label.OUTCOME, "A decent home for every citizen")
    assert housing.properties["level"] == "theme"
    assert housing.provenance.line == 118
    assert real.theme_of(housing) == "Housing"
    safeguarding = real.one(Label.OUTCOME, "Enforcing legislation for environmental health, "
                            "trading standards, planning, licensing and building control")
    assert safeguarding.provenance.line == 120
    assert real.theme_of(safeguarding) == "Safeguarding the Rights and Interests of Citizens"


def test_real_priorities(real: Read) -> None:
    priorities = real.nodes(Label.OUTCOME, "priority")
    # 36 coded rows (D.1-3, CSY.1-4, ED.1-3, SC1-4, EN.1-4, JR.1-3, CS1-4, HS.1, HS.2, HS.4,
    # RS.1-3, CI.1-5) and the uncoded "Improve the cleanliness of the City Centre".
    assert len(priorities) == 37
    assert sum(1 for p in priorities if "code" in p.properties) == 36
    d1 = real.code("D.1")
    assert d1.name == "Improve and promote community cohesion in Leicester"
    assert d1.provenance.line == 135
    assert real.out(d1, RelType.SUPPORTS) == {
        "We want to build a city where everyone has a place at the table, a city that is "
        'viewed and experienced as "home" for everyone'}
    assert real.theme_of(real.code("CSY.4")) == "Community Safety"
    assert real.code("JR.3").name == "To regenerate the City"


def test_real_codes_are_normalised_and_kept_as_written(real: Read) -> None:
    # "Cl. 2" has a lower-case L for the capital I of CI; "SC1" lacks the dot its theme's
    # neighbours have elsewhere. One spelling in `code`, the text in `code_as_written`.
    ci2 = real.code("CI.2")
    assert ci2.name == "Sound Corporate Governance"
    assert ci2.properties["code_as_written"] == "Cl. 2"
    assert real.code("SC.1").properties["code_as_written"] == "SC1"
    assert real.theme_of(real.code("CI.5")) == "Continuous Improvement"


def test_real_wrapped_priority_names_are_joined(real: Read) -> None:
    assert real.code("CI.4").name == ("Effective investment in employees to enable the Council "
                                      "priorities to be met and setting a positive example to "
                                      "other employers")
    assert real.code("HS.4").name == ("Enable citizens to have access to affordable warmth and a "
                                      "health living environment")
    # EN.4's name is wrapped over ten rows, one or two words each (lines 174-183).
    en4 = real.code("EN.4")
    assert en4.name.startswith("Wherever possible we will make continuous, measurable progress")
    assert en4.name.endswith("reduce our environmental impact")
    assert en4.provenance.line == 174


def test_real_uncoded_priority_is_its_own_priority(real: Read) -> None:
    # Line 170: an empty code cell but a new, full sentence in the priority column after EN.3's
    # finished "Increase recycling of waste." A lost code, not a wrapped line.
    clean = real.one(Label.OUTCOME, "Improve the cleanliness of the City Centre")
    assert clean.properties["level"] == "priority" and "code" not in clean.properties
    assert clean.provenance.line == 170
    assert real.into(clean, RelType.SUPPORTS) == {
        "Increase the frequency of cleaning in the city centre out of hours",
        "Improve awareness as a prevention measure",
        "Enforcement action including employment of litter wardens",
    }
    assert "line 170: priority without a code" in real.extraction.warnings


def test_real_action_count_and_samples(real: Read) -> None:
    assert len(real.nodes(Label.ACTION)) == 84
    work = real.one(Label.ACTION, "Work with our partners to pursue equality and diversity "
                                  "objectives across the city")
    assert work.provenance.line == 135
    assert real.out(work, RelType.SUPPORTS) == {"Improve and promote community cohesion in "
                                                "Leicester"}
    assert real.theme_of(work) == "Diversity"


def test_real_lead_in_before_a_list(real: Read) -> None:
    # "City wide initiatives include: Installing security equipment Diversion projects ..." is
    # a lead-in: it does nothing itself; its run-together items are the actions, and the next
    # wrapped row's "Improved street lighting and shrub planting" (line 143) is one more.
    csy1 = real.code("CSY.1")
    assert real.into(csy1, RelType.SUPPORTS) == {
        "Through the local action plans of the network of 10 area based multi-agency crime "
        "and disorder action groups",
        "Installing security equipment",
        "Diversion projects with young people at risk",
        "Improved street lighting and shrub planting",
    }
    street = real.one(Label.ACTION, "Improved street lighting and shrub planting")
    assert street.provenance.line == 143
    # "By ensuring that: a; b; ..." (RS.1) also only leads in: nine clauses, four of them on
    # line 222 after the page break and the repeated header.
    rs1 = real.into(real.code("RS.1"), RelType.SUPPORTS)
    assert len(rs1) == 9
    assert "Building Regulations are complied with" in rs1
    assert real.one(Label.ACTION, "all other relevant legislation is complied with"
                    ).provenance.line == 222


def test_real_lead_in_that_is_itself_the_action(real: Read) -> None:
    # "The culture change programme will be developed around 5 themes: ..." is one action; the
    # five themes describe it (kept as details), they are not five actions.
    culture = real.one(Label.ACTION, "The culture change programme will be developed around 5 "
                                     "themes")
    assert culture.properties["details"].startswith("Creating organisational clarity and vision")
    assert real.into(real.code("CI.1"), RelType.SUPPORTS) == {culture.name}
    # "By implementing the revitalising neighbourhoods programme: By establishing ..." names a
    # programme to implement, then a sentence of its own: both are actions.
    jr1 = real.into(real.code("JR.1"), RelType.SUPPORTS)
    assert "By implementing the revitalising neighbourhoods programme" in jr1
    assert ("By establishing neighbourhood forums to enable greater community participation in "
            "delivery services") in jr1


def test_real_cell_spilling_into_the_next_row(real: Read) -> None:
    # JR.1's last action ends "Supporting the establishment of community" and JR.2's cell opens
    # "enterprises." - the end of JR.1's sentence, pushed down by the layout.
    assert "Supporting the establishment of community enterprises" in real.into(
        real.code("JR.1"), RelType.SUPPORTS)
    assert real.into(real.code("JR.2"), RelType.SUPPORTS) == {
        "Work with partners to create new jobs and retain existing sustainable employment and "
        "ensure access to employment opportunities for disadvantaged groups"}


def test_real_deadlines(real: Read) -> None:
    carers = real.one(Label.ACTION, "Review Carer's Strategy with the Primary Care Trusts, "
                                    "voluntary sector and carers by Nov. 2003")
    assert carers.properties["deadline"] == "Nov. 2003"
    # "... by Nov. 2003 Complete the Review Family Support services": the full stop is lost,
    # the dated clause ends and a new action starts.
    assert "deadline" not in real.one(Label.ACTION, "Complete the Review Family Support "
                                                    "services").properties
    # A deadline in brackets is the deadline, not part of the name.
    plan = real.one(Label.ACTION, "Develop and agree cultural strategy action plan")
    assert plan.properties["deadline"] == "April 2003"
    quarter = real.one(Label.ACTION, "Delivering Phase 1 of the Cultural Quarter in the St "
                                     "George's area by 2006")
    assert quarter.properties["deadline"] == "2006"
    assert sum(1 for a in real.nodes(Label.ACTION) if a.properties.get("deadline")) == 3


def test_real_drafting_question_and_support_are_not_actions(real: Read) -> None:
    names = real.names(Label.ACTION)
    # "What will this review do?" is an editor's question left in the consultation draft.
    assert not any("What will this review do" in n for n in names)
    # "Supported by" items are other themes' work, not this priority's actions.
    assert not any(n.startswith(("Affordable housing", "Housing investment", "Cultural learning"))
                   for n in names)
    # RS.3: "... Enforcement Policy All statutory licenses ..." has lost its full stop.
    assert "All statutory licenses, authorisations and applications will be processed " \
           "efficiently" in names


def test_real_measure_count_and_samples(real: Read) -> None:
    assert len(real.nodes(Label.MEASURE)) == 73
    bv2 = real.one(Label.MEASURE, "To achieve level 5 of the equality standard for local "
                                  "government by 2006")
    assert bv2.properties["indicator_code"] == "BV 2"
    assert (bv2.properties["baseline"], bv2.properties["interim"]) == ("Level 2", "Level 3")
    assert real.out(real.code("D.2"), RelType.MEASURED_BY) == {bv2.name}
    assert real.one(Label.MEASURE, "To increase satisfaction levels across all cultural "
                                   "services by 10%").properties["indicator_code"] == "LCAL38"


def test_real_milestone_wrapped_over_two_rows(real: Read) -> None:
    # CSY.1: "To reduce the overall" / "levels of crime ..." with baselines "29.9 per 1000 9291"
    # / "offences" and interims "23.6 (04/05) 3%" / "(03/04)".
    burglary = real.one(Label.MEASURE, "To reduce domestic burglary by 7% in 2004/05")
    assert burglary.properties["indicator_code"] == "PSA7"
    assert burglary.properties["baseline"] == "29.9 per 1000"
    assert burglary.properties["interim"] == "23.6 (04/05)"
    centre = real.one(Label.MEASURE, "To reduce the overall levels of crime committed in the "
                                     "city centre by 7%")
    assert centre.provenance.line == 142
    assert (centre.properties["baseline"], centre.properties["interim"]) == ("9291 offences",
                                                                             "3% (03/04)")


def test_real_fewer_values_than_milestones(real: Read) -> None:
    # One baseline for two or three milestones: it belongs to the milestone of its unit...
    learners = real.one(Label.MEASURE, "To increase the number of learners enrolled on Adult "
                        "Community Learning And Further education courses to XX,000 by 2006")
    assert learners.properties["baseline"] == "15,396"
    lac = real.one(Label.MEASURE, "To reduce the number of looked after children to 6 per 1,000")
    assert lac.properties["baseline"] == "7 per 1,000"
    parks = real.one(Label.MEASURE, "To increase the number of parks which have Green Flag "
                                    "status from 2 to 8")
    assert (parks.properties["baseline"], parks.properties["interim"]) == ("2", "5")
    # ... else to the last milestones: the value sat level with its milestone.
    assert real.one(Label.MEASURE, "To bring back into use 4.5 % of empty dwellings"
                    ).properties["baseline"] == "5.63%"
    assert real.one(Label.MEASURE, "To reduce the number of road causalities to 89 by the year "
                                   "2006").properties["baseline"] == "102"
    # A baseline without a number speaks for every milestone of the row.
    csy4 = [real.one(Label.MEASURE, n) for n in real.out(real.code("CSY.4"), RelType.MEASURED_BY)]
    assert len(csy4) == 3
    assert {m.properties["baseline"] for m in csy4} == {"Baseline data still being collected"}


def test_real_placeholders_notes_and_damage_in_milestones(real: Read) -> None:
    # "Targets to be developed by service areas" says there is no measure yet.
    assert real.out(real.code("CSY.2"), RelType.MEASURED_BY) == set()
    # "Leic(PSA7) ester": a stray code dropped into a word; removed, the word rejoined, and not
    # taken as this milestone's code. The lettered list that follows is its detail.
    teams = real.one(Label.MEASURE, "To establish 5 project teams to implement The Leicester "
                                    "Generation Framework Masterplan by April 2003")
    assert "indicator_code" not in teams.properties
    assert teams.properties["details"].startswith("a) Prime Office")
    # "(NB this includes Libraries) PSA target/LCAL22" is a note on CS1's milestone.
    cs1 = real.one(Label.MEASURE, "To increase participation from 4,422,432 in 2000/01 to "
                                  "4,963,320 by 31 st March 2005")
    assert cs1.properties["indicator_code"] == "LCAL22"
    assert cs1.properties["baseline"] == "4,333,587"
    # "(PI)" only says "performance indicator": not a code.
    youth = real.one(Label.MEASURE, "To increase the percentage of the 13-19 population using "
                                    "youth services to XX% by 2006(PI)")
    assert "indicator_code" not in youth.properties


def test_real_supported_by_is_a_dependency_on_another_theme(real: Read) -> None:
    deps = real.depends()
    # The dependent theme is the one whose table the item is in; the other is the theme the
    # item names ("Housing investment ...") or most resembles.
    assert deps[("Education", "Housing")] == ("Housing investment providing a warm home where "
                                              "children are more encouraged to study")
    assert deps[("Environment", "Housing")] == "Affordable housing; More energy efficient " \
                                               "housing stock"
    assert set(deps) == {
        ("Community Safety", "Social Care and Health"),   # children and families (YOT)
        ("Community Safety", "Environment"),              # crime on parks
        ("Education", "Housing"),
        ("Education", "Environment"),                     # "Safer routes to schools scheme"
        # "Projects dealing with child behaviour": names no theme; its words ("behaviour")
        # are Community Safety's (anti-social behaviour). Social care would also be defensible.
        ("Education", "Community Safety"),
        ("Education", "Culture"),                         # "Cultural learning opportunities"
        ("Social Care and Health", "Housing"),            # housing support, homeless people
        ("Social Care and Health", "Education"),          # foster carers' education, RALAC team
        ("Social Care and Health", "Culture"),            # cultural services for LAC
        ("Social Care and Health", "Jobs and Regeneration"),  # training and employment
        ("Environment", "Housing"),
        ("Environment", "Jobs and Regeneration"),         # regeneration of brownfield sites
        ("Environment", "Continuous Improvement"),        # optimum use of assets
        ("Jobs and Regeneration", "Education"),           # adult and vocational learning
    }


def test_real_strategies_and_partnerships(real: Read) -> None:
    strategies = real.names(Label.STRATEGY)
    assert len(strategies) == 24
    assert {"Community Plan", "Community Cohesion Strategy", "Crime and Disorder Strategy",
            "Carer's Strategy", "Air Quality Action Plan", "Food Service Plan",
            "Consumer Protection Service Business Plan", "Asset Management Strategy",
            "Human Resources Strategy", "Enforcement Concordat"} <= strategies
    assert real.one(Label.STRATEGY, "Culture Change Programme").properties["kind"] == "programme"
    # SC2 (line 159): "Make effective use of additional resources in the City (e.g. Sure Start,
    # Children's Fund, Intermediate Care)": a fund is a programme.
    assert real.one(Label.STRATEGY, "Children's Fund").properties["kind"] == "programme"
    assert real.names(Label.PARTNERSHIP) == {"Cultural Strategy Partnership", "Children's Trust"}
    # REFERENCES start at whatever names them: the priority for its own text and milestones,
    # the action for the action's sentence.
    assert "Crime and Disorder Strategy" in real.out(real.code("CSY.1"), RelType.REFERENCES)
    assert {"Community Cohesion Strategy", "Community Plan"} <= real.out(real.code("D.1"),
                                                                         RelType.REFERENCES)
    assert real.into(real.one(Label.PARTNERSHIP, "Cultural Strategy Partnership"),
                     RelType.REFERENCES) == {
        "Working with partners, particularly those in the Cultural Strategy Partnership",
        "Through the development of the Cultural Strategy Partnership and use of its collective "
        "capacity to channel and draw down resources"}
    assert real.count(RelType.REFERENCES) == 27  # with SC2 -> Children's Fund
    assert real.nodes(Label.CABINET_LEAD) == []


def test_real_every_node_points_at_its_text(real: Read) -> None:
    for node in real.nodes(Label.ACTION) + real.nodes(Label.MEASURE) + real.nodes(Label.OUTCOME):
        line = real.doc.line(node.provenance.line)
        first = node.name.split()[0].strip("\"'(")
        assert first in line, f"{node.name!r} not on line {node.provenance.line}"


# -- recognition ---------------------------------------------------------------------------

def test_recognises_its_own_shape() -> None:
    doc = SourceDocument.from_path(corpus_file(REAL))
    assert LOADER.recognise(doc) >= 0.5
    assert choose_loader(doc).name == "coded-priorities"


@pytest.mark.parametrize("name", OTHER_SHAPES)
def test_other_shapes_score_below_half(name: str) -> None:
    assert LOADER.recognise(SourceDocument.from_path(corpus_file(name))) < 0.5


def test_recognises_the_example_from_its_text_not_its_name() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert LOADER.recognise(SourceDocument("plan.txt", text)) >= 0.5
    assert choose_loader(SourceDocument("plan.txt", text)).name == "coded-priorities"


# -- the example: Wexbridge City Council, Corporate Plan 2005 ---------------------------------

def test_example_plan_and_counts(example: Read) -> None:
    (plan,) = example.nodes(Label.PLAN)
    assert (plan.name, plan.provenance.line) == ("Corporate Plan", 5)
    assert plan.properties["organisation"] == "Wexbridge City Council"
    assert (plan.properties["start_year"], plan.properties["end_year"]) == (2005, 2008)
    assert [t.name for t in sorted(example.nodes(Label.THEME), key=lambda n: n.provenance.line)
            ] == ["Community Safety", "Education", "Health and Social Care",
                  "Environment and Transport", "Jobs and the Economy", "Housing",
                  "Continuous Improvement"]
    assert len(example.nodes(Label.OUTCOME, "theme")) == 7
    assert len(example.nodes(Label.OUTCOME, "priority")) == 17
    assert len(example.nodes(Label.ACTION)) == 29
    assert len(example.nodes(Label.MEASURE)) == 23
    assert len(example.nodes(Label.STRATEGY)) == 9
    assert len(example.nodes(Label.PARTNERSHIP)) == 4
    assert example.nodes(Label.CABINET_LEAD) == []
    assert example.count(RelType.REFERENCES) == 15


def test_example_dependencies(example: Read) -> None:
    assert example.depends() == {
        ("Community Safety", "Education"):
            "Youth activities in the school holidays provided by the Education service",
        ("Community Safety", "Environment and Transport"): "Safer parks and open spaces",
        ("Education", "Housing"):
            "Housing investment providing warm family homes where children can study",
        ("Education", "Environment and Transport"):
            "Safer routes to school; Well lit walking routes",
        ("Health and Social Care", "Housing"):
            "Housing support for families leaving temporary accommodation",
        ("Jobs and the Economy", "Education"):
            "adult learning to give people the skills employers need",
        ("Housing", "Jobs and the Economy"):
            "Training for local builders through the jobs brokerage service",
    }


def test_example_planted_orphans(example: Read) -> None:
    litter = example.one(Label.ACTION, "Publish a quarterly litter league table for every ward")
    assert litter.provenance.line == 78
    assert example.out(litter, RelType.SUPPORTS) == set()          # NO_OUTCOME
    assert example.theme_of(litter) == "Environment and Transport"
    healthy = example.one(Label.ACTION, "Run healthy living programmes in the six most deprived "
                                        "wards")
    (hc3,) = example.out(healthy, RelType.SUPPORTS)
    assert example.out(example.one(Label.OUTCOME, hc3), RelType.MEASURED_BY) == set()  # NO_MEASURE


def test_example_shared_by_two_themes(example: Read) -> None:
    def themes_referencing(name: str, label: Label) -> set[str]:
        return {example.theme_of(example.one(Label.ACTION, a))
                for a in example.into(example.one(label, name), RelType.REFERENCES)}

    assert themes_referencing("Local Transport Plan", Label.STRATEGY) == {
        "Environment and Transport", "Jobs and the Economy"}
    assert themes_referencing("Children's Trust", Label.PARTNERSHIP) == {
        "Education", "Health and Social Care"}


def test_example_reading_decisions(example: Read) -> None:
    vehicle = example.one(Label.MEASURE, "To reduce the number of vehicle crimes by 10%")
    assert (vehicle.properties["baseline"], vehicle.properties["interim"]) == ("3410 offences",
                                                                               "5% (05/06)")
    assert {"Installing CCTV in district centres", "Diversion projects for young people at risk"
            } <= example.into(example.code("SAF.1"), RelType.SUPPORTS)
    assert example.into(example.code("ED.2"), RelType.SUPPORTS) == {
        "Provide adult and family learning in every library and community centre"}
    assert example.one(Label.ACTION, "Review the family support service by Nov. 2005"
                       ).properties["deadline"] == "Nov. 2005"
    assert example.one(Label.MEASURE, "To reduce the number of looked after children to 5 per "
                                      "1,000").properties["baseline"] == "6 per 1,000"
    assert example.code("JE.3").name == "Regenerate the riverside quarter"
    assert example.one(Label.MEASURE, "To agree the riverside development framework by December "
                                      "2006").provenance.line == 92
    assert "Support the growth of small businesses" in example.into(example.code("JE.1"),
                                                                    RelType.SUPPORTS)
    assert example.code("CI.2").properties["code_as_written"] == "Cl. 2"
    assert example.code("ED.1").properties["code_as_written"] == "ED1"
    assert example.one(Label.OUTCOME, "To reduce anti-social behaviour in the city centre")


# -- the helpers on their own --------------------------------------------------------------

@pytest.mark.parametrize(("raw", "code"), [
    ("D.1", "D.1"), ("SC1", "SC.1"), ("Cl. 2", "CI.2"), ("CI. 3", "CI.3"), ("CSY.4", "CSY.4"),
])
def test_normalise_code(raw: str, code: str) -> None:
    assert normalise_code(raw) == code


@pytest.mark.parametrize(("cell", "values"), [
    ("29.9 per 1000 9291 offences", ["29.9 per 1000", "9291 offences"]),
    ("9.7 days sickness top quartile", ["9.7 days sickness top quartile"]),
    ("14.7% (2003) 21,000 (2003)", ["14.7% (2003)", "21,000 (2003)"]),
    ("2 66.9% 17 days", ["2", "66.9%", "17 days"]),
    ("Level 2", ["Level 2"]),
    ("BV 3 – satisfaction with LA 55% (2000 survey)",
     ["BV 3 – satisfaction with LA 55% (2000 survey)"]),
])
def test_split_values(cell: str, values: list[str]) -> None:
    assert split_values(cell) == values


def test_align_values_with_milestones() -> None:
    assert align(["1", "2"], ["a", "b"]) == ["1", "2"]
    assert align(["n/a"], ["a", "b"]) == ["n/a", "n/a"]
    assert align(["5%"], ["a count", "a rate of 4%", "another"]) == [None, "5%", None]
    assert align(["7", "8"], ["x", "y", "z"]) == [None, "7", "8"]


def test_split_name_statement() -> None:
    assert split_name_statement("Safeguarding the Rights and Interests of Citizens Enforcing "
                                "legislation for trading standards.") == (
        "Safeguarding the Rights and Interests of Citizens",
        "Enforcing legislation for trading standards.")
    assert split_name_statement("The council is a complex organisation.") is None


def test_find_entities() -> None:
    names = {(e.name, e.label) for e in find_entities(
        "To develop statutory plans: Air Quality Action Plan Food Service Plan through the "
        "Cultural Strategy Partnership and the crime and disorder strategy; an annual rolling "
        "programme")}
    assert names == {("Air Quality Action Plan", "strategy"), ("Food Service Plan", "strategy"),
                     ("Cultural Strategy Partnership", "partnership"),
                     ("Crime and Disorder Strategy", "strategy")}
