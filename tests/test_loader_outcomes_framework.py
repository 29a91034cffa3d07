"""The outcomes-framework loader on the real 2018-22 plan, the Wexshire example and small texts.

Expected items were established by reading the documents, not copied from loader output.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES, corpus_file
from stratgraph.graph.model import Label, Node, RelType
from stratgraph.loaders.base import Extraction
from stratgraph.loaders.document import SourceDocument
from stratgraph.loaders.registry import choose_loader
from stratgraph.loaders.shapes.outcomes_framework.loader import OutcomesFrameworkLoader
from stratgraph.loaders.shapes.outcomes_framework.partners import read_entry

REAL = "leicestershire-county-strategic-plan-2018-22.txt"
OTHERS = [
    "leicester-city-cpa-self-assessment-2007.txt",
    "leicester-city-delivery-plan-2013-14.txt",
    "leicester-city-interim-corporate-plan-2003.txt",
    "leicestershire-county-strategic-plan-2014-18.txt",
]
EXAMPLE = EXAMPLES / "wexshire-county-strategic-plan-2024-28.txt"
LOADER = OutcomesFrameworkLoader()


class Read:
    """An extraction with look-ups by label, name and relationship."""

    def __init__(self, result: Extraction) -> None:
        self.result = result
        self.graph = result.graph
        self.by_id = result.graph.nodes

    def nodes(self, label: Label) -> list[Node]:
        return [n for n in self.by_id.values() if n.label is label]

    def names(self, label: Label) -> set[str]:
        return {n.name for n in self.nodes(label)}

    def node(self, label: Label, name: str) -> Node:
        (found,) = [n for n in self.nodes(label) if n.name == name]
        return found

    def outcome(self, name: str) -> Node:
        (found,) = [n for n in self.nodes(Label.OUTCOME) if n.name == name]
        return found

    def outcomes(self, level: str) -> set[str]:
        return {n.name for n in self.nodes(Label.OUTCOME) if n.properties.get("level") == level}

    def edges(self, type_: RelType) -> set[tuple[str, str]]:
        return {(self.by_id[r.start].name, self.by_id[r.end].name)
                for r in self.graph.relationships.values() if r.type is type_}

    def into(self, type_: RelType, end: str) -> set[str]:
        return {s for s, e in self.edges(type_) if e == end}

    def out_of(self, type_: RelType, start: str) -> set[str]:
        return {e for s, e in self.edges(type_) if s == start}

    def count(self, type_: RelType) -> int:
        return sum(1 for r in self.graph.relationships.values() if r.type is type_)

    def plan(self) -> Node:
        (plan,) = self.nodes(Label.PLAN)
        return plan


def read(path: Path) -> Read:
    return Read(LOADER.extract(SourceDocument.from_path(path)))


@pytest.fixture(scope="module")
def real() -> Read:
    return read(corpus_file(REAL))


@pytest.fixture(scope="module")
def example() -> Read:
    return read(EXAMPLE)


# -- the real plan: Leicestershire County Council Strategic Plan 2018-22 -------------------

STRATEGIC = {  # name: first heading line ("The vision: Great outcomes" section)
    "Strong Economy": 66,
    "Wellbeing and Opportunity": 72,
    "Keeping People Safe": 78,
    "Great Communities": 84,
    "Affordable and Quality Homes": 90,
}


@pytest.mark.corpus
def test_real_plan_node(real: Read) -> None:
    plan = real.plan()
    assert plan.name == "Strategic Plan 2018-22"
    assert plan.provenance.line == 6
    props = plan.properties
    assert (props["organisation"], props["start_year"], props["end_year"]) == (
        "Leicestershire County Council", 2018, 2022)
    assert props["loader"] == "outcomes-framework"
    assert props["vision"] == "Working together for the benefit of everyone"
    # Decision: the seven principles say how the council works, not results it wants, so they
    # are a list property of the Plan, not Outcomes.
    assert props["principles"] == ["Good value", "Informed", "High expectations",
                                   "Collaborative", "Open", "Responsible", "Fair"]
    # Decision: the "Our approach" priorities cut across the outcomes; a Plan property too.
    assert len(props["approach"]) == 8
    assert props["approach"][0] == "Tackling climate change and ecological decline"
    assert props["approach"][-1] == "Whole family; whole life"


@pytest.mark.corpus
def test_real_counts(real: Read) -> None:
    labels = Counter(n.label for n in real.by_id.values())
    assert labels[Label.THEME] == 6
    assert len(real.outcomes("strategic")) == 5
    assert len(real.outcomes("supporting")) == 22 + 7  # 22 under outcomes, 7 enablers rows
    assert labels[Label.OUTCOME] == 34
    assert labels[Label.MEASURE] == 30 + 58 + 39 + 32 + 22 + 28
    assert labels[Label.STRATEGY] == 15
    assert labels[Label.PARTNERSHIP] == 20
    assert labels[Label.ACTION] == 5
    assert real.count(RelType.SUPPORTS) == 22
    assert real.count(RelType.MEASURED_BY) == 209
    assert real.count(RelType.OWNS) == 14
    assert real.count(RelType.INVOLVES) == 3
    assert real.count(RelType.REFERENCES) == 25
    assert not list(real.graph.dangling())
    assert real.result.warnings == ()


@pytest.mark.corpus
def test_real_strategic_outcomes_are_themes_and_outcomes(real: Read) -> None:
    assert real.names(Label.THEME) == set(STRATEGIC) | {"Corporate Enablers"}
    assert real.outcomes("strategic") == set(STRATEGIC)
    for name, line in STRATEGIC.items():
        assert real.node(Label.THEME, name).provenance.line == line
        outcome = real.outcome(name)
        assert outcome.provenance.line == line
        assert real.out_of(RelType.PART_OF, name) >= {name}  # the outcome is in its theme
    # The statement is the bold one of "What success looks like" (line 102).
    assert real.node(Label.THEME, "Strong Economy").properties["statement"] == (
        "Leicestershire's economic prosperity benefits everyone and supports resilient, "
        "clean growth")
    safe = real.outcome("Keeping People Safe")
    assert safe.properties["statement"] == "People in Leicestershire are safe and protected from harm."
    enablers = real.node(Label.THEME, "Corporate Enablers")
    assert enablers.provenance.line == 415
    assert enablers.properties["statement"] == (
        "A sustainable and successful organisation leading modern, highly effective services.")


@pytest.mark.corpus
def test_real_supporting_outcomes(real: Read) -> None:
    assert real.into(RelType.SUPPORTS, "Strong Economy") == {
        "Leicestershire has a highly skilled and employable workforce",
        "Leicestershire has the right infrastructure for sustainable clean growth",
        "Leicestershire is an attractive place where businesses can flourish",
    }
    assert real.into(RelType.SUPPORTS, "Keeping People Safe") == {
        "People at the most risk or in crisis, are protected and supported to keep them safe",
        "All children are living in stable environments and have secure attachments",
        "Families are self-sufficient and able to cope",
        "People in Leicestershire are safe in their daily lives",
    }
    # Decision: the summary diagram (line 275) lists "People act to protect..." under Keeping
    # People Safe; "What success looks like" (line 160) and the measures table (line 403) put
    # it under Great Communities. The diagram is the damaged repeat; it supports only the latter.
    communities = real.into(RelType.SUPPORTS, "Great Communities")
    assert len(communities) == 6
    assert ("People act to protect and enhance the environment for current and future "
            "generations") in communities
    assert len(real.into(RelType.SUPPORTS, "Wellbeing and Opportunity")) == 5
    assert len(real.into(RelType.SUPPORTS, "Affordable and Quality Homes")) == 4
    workforce = real.outcome("Leicestershire has a highly skilled and employable workforce")
    assert workforce.provenance.line == 104
    # Variants in the diagram and the tables are the same outcome, not new ones.
    supporting = real.outcomes("supporting")
    assert "Leicestershire communities are resilient" not in supporting
    assert "Diversity is celebrated in our communities" not in supporting
    diversity = real.outcome("Diversity is celebrated in Leicestershire communities")
    assert diversity.properties["aliases"] == ["Diversity is celebrated in our communities"]


@pytest.mark.corpus
def test_real_corporate_enablers(real: Read) -> None:
    rows = {"Customers", "Communications & Digital", "People", "Finance",
            "Commissioning and Commercial", "Transformation", "LCC Environmental Specific"}
    assert real.into(RelType.PART_OF, "Corporate Enablers") >= rows
    # Decision: the table calls these rows "Supporting Outcome", so they are supporting
    # outcomes, but Corporate Enablers is no strategic outcome: they support nothing stated.
    assert not {s for s, _ in real.edges(RelType.SUPPORTS)} & rows
    assert len(real.out_of(RelType.MEASURED_BY, "Communications & Digital")) == 4
    assert "CIPFA Resilience Index" in real.out_of(RelType.MEASURED_BY, "Finance")


@pytest.mark.corpus
def test_real_measures(real: Read) -> None:
    workforce = real.out_of(RelType.MEASURED_BY,
                            "Leicestershire has a highly skilled and employable workforce")
    assert len(workforce) == 12
    assert {"Take up of apprenticeships", "Adult Learning Service metrics",
            "% working age population with no qualifications/qualified to Level 2+/3+/4+"} <= workforce
    homes = real.out_of(RelType.MEASURED_BY,
                        "Both existing and new homes will be low carbon and environmentally "
                        "sustainable")
    assert homes == {
        "% domestic properties with Energy Performance Certificate rating C+ (new/existing)"}
    # The table after "*continued*" (line 379) is still Wellbeing and Opportunity's.
    aim_high = real.out_of(RelType.MEASURED_BY,
                           "Everyone is able to aim high and reach their full potential")
    assert len(aim_high) == 6
    assert "'A' Level average points score (per entry)" in aim_high
    assert real.out_of(RelType.PART_OF, "'A' Level average points score (per entry)") == {
        "Wellbeing and Opportunity"}
    healthy = real.out_of(RelType.MEASURED_BY,
                          "Leicestershire has a healthy population with increased healthy life "
                          "expectancy and reduced health inequalities")
    assert len(healthy) == 17
    assert "Age standardised mortality for preventative causes for age <75" in healthy
    # The table's longer spelling (line 389) is the outcome of line 143.
    assert len(real.out_of(RelType.MEASURED_BY, "All children are living in stable "
                           "environments and have secure attachments")) == 7
    per_theme = Counter(
        real.by_id[n.properties["theme_id"]].name for n in real.nodes(Label.MEASURE))
    assert per_theme == {"Strong Economy": 30, "Wellbeing and Opportunity": 58,
                         "Keeping People Safe": 39, "Great Communities": 32,
                         "Affordable and Quality Homes": 22, "Corporate Enablers": 28}
    # Every measure has its row's line.
    broadband = real.node(Label.MEASURE,
                          "% premises with access to high speed broadband and % take-up")
    assert broadband.provenance.line == 363


@pytest.mark.corpus
def test_real_strategies_and_partnerships(real: Read) -> None:
    strategies = real.names(Label.STRATEGY)
    assert {"Strategic Economic Plan", "Strategic Growth Plan", "Strategic Transport Plan",
            "Leicester & Leicestershire Rail Strategy", "Leicestershire Rural Framework",
            "Leicestershire Joint Health and Wellbeing Strategy",
            "Leicestershire Municipal Waste Management Strategy",
            "Children and Families Plan"} <= strategies
    partnerships = real.names(Label.PARTNERSHIP)
    assert {"Health and Wellbeing Board", "Members Advisory Group", "Corporate Parenting Board",
            "Leicestershire Educational Excellence Partnership", "Housing Services Partnership",
            "Leicester, Leicestershire & Rutland Road Safety Partnership"} <= partnerships
    owns = real.edges(RelType.OWNS)
    assert ("Leicestershire Rural Partnership", "Leicestershire Rural Framework") in owns
    assert ("Leicester and Leicestershire Enterprise Partnership",
            "Strategic Economic Plan") in owns
    llep = real.node(Label.PARTNERSHIP, "Leicester and Leicestershire Enterprise Partnership")
    assert llep.properties["acronym"] == "LLEP"
    # Damage: "(Strategic Transport Board)" wrapped onto its own bullet (line 295); it owns the
    # Strategic Transport Plan on the line above.
    assert ("Strategic Transport Board", "Strategic Transport Plan") in owns
    assert real.node(Label.PARTNERSHIP, "Strategic Transport Board").provenance.line == 295
    # Decision: "Midlands Engine: Vision for Growth & Midlands Connect Strategy" names two
    # documents, both owned by the Midlands Engine Partnership.
    assert real.out_of(RelType.OWNS, "Midlands Engine Partnership") == {
        "Midlands Engine: Vision for Growth", "Midlands Connect Strategy"}
    # Two owners: "(Leicestershire Integration Executive and the Unified Prevention Board)".
    assert real.into(RelType.OWNS, "Leicestershire Health and Care Integration Programme") == {
        "Leicestershire Integration Executive", "Unified Prevention Board"}
    programme = real.node(Label.STRATEGY, "Leicestershire Health and Care Integration Programme")
    assert programme.properties["kind"] == "programme"
    # "(SAB)" and "(LSCB)" are acronyms; the owner "Leicestershire & Rutland SAB" is the board.
    assert ("Leicestershire & Rutland Safeguarding Adults Board",
            "Leicestershire & Rutland Safeguarding Adults Board Business Development Plan") in owns
    # Decision: the STP's "Workstreams (e.g. Home First)" qualify the plan; the strategy is
    # the plan itself, and it names no owner.
    stp = "Leicester, Leicestershire and Rutland Sustainability and Transformation Plan"
    assert stp in strategies and not real.into(RelType.OWNS, stp)
    # Decision: "(partnership between Leicester City & Leicestershire County Council and the
    # LLEP)" names partners, not an owning partnership.
    assert real.out_of(RelType.INVOLVES, "Leicester & Leicestershire Rail Strategy") == {
        "Leicester City Council", "Leicestershire County Council",
        "Leicester and Leicestershire Enterprise Partnership"}
    assert not real.into(RelType.OWNS, "Leicester & Leicestershire Rail Strategy")
    # "LLR Prepared – the Local Resilience Forum": a partnership, the apposition kept.
    prepared = real.node(Label.PARTNERSHIP, "Leicester, Leicestershire and Rutland Prepared")
    assert prepared.properties["description"] == "the Local Resilience Forum"
    # A line without brackets that is no document names a body.
    assert "Transport for East Midlands" in partnerships


@pytest.mark.corpus
def test_real_list_groups_stand_under_outcomes(real: Read) -> None:
    # The blank-line groups of the list stand under the five outcomes in order.
    assert real.out_of(RelType.REFERENCES, "Affordable and Quality Homes") == {
        "Strategic Economic Plan", "Strategic Growth Plan", "Housing Services Partnership"}
    assert len(real.out_of(RelType.REFERENCES, "Strong Economy")) == 8
    assert real.out_of(RelType.REFERENCES, "Wellbeing and Opportunity") == {
        "Leicestershire Joint Health and Wellbeing Strategy",
        "Leicestershire Health and Care Integration Programme",
        "Leicestershire Educational Excellence Partnership",
        "Leicester, Leicestershire and Rutland Sustainability and Transformation Plan"}
    # Linked from two themes.
    assert real.into(RelType.REFERENCES, "Strategic Economic Plan") == {
        "Strong Economy", "Affordable and Quality Homes"}
    assert real.into(RelType.REFERENCES, "Leicestershire Safer Communities Strategy Board") == {
        "Keeping People Safe", "Great Communities"}
    # Decision: "Children and Families Plan (...)" (line 319) is outside the bullet groups; it
    # spans the diagram, so the Plan refers to it, not a theme.
    assert real.into(RelType.REFERENCES, "Children and Families Plan") == {
        "Strategic Plan 2018-22"}
    assert ("Children and Families Partnership", "Children and Families Plan") in real.edges(
        RelType.OWNS)


@pytest.mark.corpus
def test_real_actions(real: Read) -> None:
    actions = {n.provenance.line: n for n in real.nodes(Label.ACTION)}
    assert sorted(actions) == [329, 333, 349, 351, 355]
    assert actions[329].name == (
        "Medium term commissioning strategies will be developed against the outcomes")
    assert actions[355].name == (
        "An integrated annual performance report against the outcomes will also be made "
        "publicly available")
    assert actions[349].name.startswith("The Council will build on its existing performance "
                                        "reporting to develop a robust performance management")
    # Decision: line 341 restates the diagram's boxes (lines 329, 333); one action each.
    assert 341 not in actions
    # Decision: the commitments sit in "Working together across the Council" and "Measuring
    # and Reporting Progress", under no strategic outcome: they support none (orphans by
    # design) and give no deadline.
    assert not real.edges(RelType.SUPPORTS) & {(a.name, o) for a in actions.values()
                                               for o in STRATEGIC}
    assert all("deadline" not in a.properties for a in actions.values())
    assert all(real.out_of(RelType.PART_OF, a.name) == {"Strategic Plan 2018-22"}
               for a in actions.values())


@pytest.mark.corpus
def test_real_has_no_explicit_cross_reference(real: Read) -> None:
    # "Housing is a key enabler to delivering the other outcomes" (line 179) names no outcome,
    # and no supporting outcome or measure names another strategic outcome.
    assert real.count(RelType.DEPENDS_ON) == 0


# -- recognition ------------------------------------------------------------------------


@pytest.mark.corpus
def test_recognises_the_real_plan() -> None:
    doc = SourceDocument.from_path(corpus_file(REAL))
    assert LOADER.recognise(doc) >= 0.5
    assert choose_loader(doc).name == "outcomes-framework"


@pytest.mark.corpus
@pytest.mark.parametrize("name", OTHERS)
def test_other_shapes_score_below_half(name: str) -> None:
    assert LOADER.recognise(SourceDocument.from_path(corpus_file(name))) < 0.5


def test_recognises_the_example_and_not_plain_prose() -> None:
    assert LOADER.recognise(SourceDocument.from_path(EXAMPLE)) >= 0.5
    prose = SourceDocument("p.txt", "# Plan 2024-25\n\nWe will build homes.\n\n- a\n- b\n")
    assert LOADER.recognise(prose) < 0.5


def test_recognition_reads_the_text_not_the_file_name() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert LOADER.recognise(SourceDocument("anything.txt", text)) >= 0.5
    assert LOADER.recognise(SourceDocument(EXAMPLE.name, "# Nothing here\n")) < 0.5


# -- the Wexshire example (see examples/answers/) -----------------------------------------

EX_STRATEGIC = ["Thriving Economy", "Healthy and Independent Lives", "Safe and Supported People",
                "Connected Communities", "Good Homes for All"]


def test_example_plan_and_counts(example: Read) -> None:
    plan = example.plan()
    assert (plan.name, plan.provenance.line) == ("Strategic Plan 2024-28", 6)
    assert (plan.properties["organisation"], plan.properties["start_year"],
            plan.properties["end_year"]) == ("Wexshire County Council", 2024, 2028)
    assert plan.properties["principles"] == ["Good value", "Open", "Collaborative", "Green"]
    assert plan.properties["approach"] == ["Tackling climate change",
                                           "Early help and prevention", "Fair funding"]
    labels = Counter(n.label for n in example.by_id.values())
    assert labels[Label.THEME] == 6
    assert example.outcomes("strategic") == set(EX_STRATEGIC)
    assert len(example.outcomes("supporting")) == 20
    assert labels[Label.ACTION] == 4
    assert labels[Label.MEASURE] == 43
    assert labels[Label.STRATEGY] == 11
    assert labels[Label.PARTNERSHIP] == 12
    assert labels[Label.ORGANISATION] == 2
    rels = {t: example.count(t) for t in RelType}
    assert rels == {RelType.PART_OF: 6 + 25 + 4 + 43, RelType.SUPPORTS: 18,
                    RelType.MEASURED_BY: 43, RelType.OWNS: 11, RelType.REFERENCES: 18,
                    RelType.INVOLVES: 3, RelType.DEPENDS_ON: 2, RelType.PUBLISHED_BY: 1}
    assert example.result.warnings == ()


def test_example_outcomes_and_measures(example: Read) -> None:
    assert [example.node(Label.THEME, n).provenance.line for n in EX_STRATEGIC] == [
        20, 24, 28, 32, 36]
    assert example.into(RelType.SUPPORTS, "Safe and Supported People") == {
        "Adults and children at risk are protected from harm",
        "Families are resilient and able to cope",
        "People feel safe in their neighbourhoods"}
    # Planted (a): a supporting outcome with no measure.
    assert not example.out_of(RelType.MEASURED_BY,
                              "People can reach services and opportunities without a car")
    # The row spelt "Families in Wexshire are ..." is the declared outcome.
    assert example.out_of(RelType.MEASURED_BY, "Families are resilient and able to cope") == {
        "Number of families worked with by Early Help", "Looked After Children rate per 10,000"}
    # The table after "*continued*" stays Healthy and Independent Lives'.
    assert example.out_of(RelType.MEASURED_BY, "Carers are recognised and supported") == {
        "Carer reported quality of life"}
    assert example.out_of(RelType.PART_OF, "Carer reported quality of life") == {
        "Healthy and Independent Lives"}
    # Entities unescaped; enablers rows support nothing.
    assert example.out_of(RelType.MEASURED_BY, "Finance & Commercial") == {
        "Budget variance <1%", "Savings delivered against target"}
    assert not example.out_of(RelType.SUPPORTS, "Finance & Commercial")
    # The diagram's summary list makes no outcomes.
    assert "Communities are resilient" not in example.outcomes("supporting")


def test_example_cross_theme_references(example: Read) -> None:
    # Planted (b): an item naming another strategic outcome makes its theme depend on it.
    depends = {(example.by_id[r.start].name, example.by_id[r.end].name, r.properties["evidence"])
               for r in example.graph.relationships.values() if r.type is RelType.DEPENDS_ON}
    assert depends == {
        ("Good Homes for All", "Thriving Economy",
         "New homes are built in the right places to support a Thriving Economy"),
        ("Healthy and Independent Lives", "Good Homes for All",
         "Delayed hospital discharges due to housing (see Good Homes for All)"),
    }


def test_example_strategies_and_partnerships(example: Read) -> None:
    # Planted (c): linked from two themes.
    assert example.into(RelType.REFERENCES, "Joint Health and Wellbeing Strategy") == {
        "Healthy and Independent Lives", "Good Homes for All"}
    assert example.into(RelType.REFERENCES, "WLEP Strategic Economic Plan") == {
        "Thriving Economy", "Good Homes for All"}
    assert example.into(RelType.REFERENCES, "Community Safety Partnership") == {
        "Safe and Supported People", "Connected Communities"}
    owns = example.edges(RelType.OWNS)
    assert ("Wexshire Transport Board", "Local Transport Plan") in owns
    assert example.out_of(RelType.OWNS, "Wexshire Growth Board") == {
        "Economic Growth Plan", "Wexshire Skills and Employment Strategy"}
    assert ("Wexshire Safeguarding Adults Board",
            "Wexshire Safeguarding Adults Board Business Plan") in owns
    assert ("Health and Wellbeing Board", "Joint Health and Wellbeing Strategy") in owns
    assert ("Wexshire Housing Partnership", "Housing Strategy") in owns
    assert example.out_of(RelType.INVOLVES, "Wexshire Rail Strategy") == {
        "Wexbridge City Council", "Wexshire County Council",
        "Wexshire Local Enterprise Partnership"}
    assert example.node(Label.PARTNERSHIP,
                        "Wexshire Local Enterprise Partnership").properties["acronym"] == "WLEP"
    assert example.into(RelType.REFERENCES, "Children and Young People's Plan") == {
        "Strategic Plan 2024-28"}
    assert example.out_of(RelType.OWNS, "Children's Trust") == {"Children and Young People's Plan"}
    assert "Healthy and Independent Lives" in example.into(RelType.REFERENCES, "Children's Trust")


def test_example_actions(example: Read) -> None:
    actions = {n.provenance.line: n for n in example.nodes(Label.ACTION)}
    assert sorted(actions) == [52, 143, 147, 151]
    skills = actions[52]
    assert skills.name == ("The Council will develop a Wexshire Skills Action Plan with the WLEP "
                           "by December 2025")
    assert skills.properties["deadline"] == "December 2025"
    assert example.out_of(RelType.SUPPORTS, skills.name) == {"Thriving Economy"}
    assert example.out_of(RelType.REFERENCES, skills.name) == {
        "Wexshire Local Enterprise Partnership"}
    # Orphans by design: outside every outcome's section.
    for line in (143, 147, 151):
        assert not example.out_of(RelType.SUPPORTS, actions[line].name)
    assert actions[147].properties["deadline"] == "March 2026"
    assert "deadline" not in actions[143].properties  # NO_DEADLINE
    assert "deadline" not in actions[151].properties


# -- small texts: the rules, one at a time ------------------------------------------------


def test_list_line_rules() -> None:
    acronyms = {"LLEP": "Leicester and Leicestershire Enterprise Partnership"}
    # A short place pair joined by "&" is one name.
    rail = read_entry("Leicester & Leicestershire Rail Strategy", 1, 0, acronyms)
    assert [s.name for s in rail.strategies] == ["Leicester & Leicestershire Rail Strategy"]
    # A name ending in a board word is a partnership, even with "Strategy" inside it.
    board = read_entry("Leicestershire Safer Communities Strategy Board", 1, 0, acronyms)
    assert (board.strategies, [b.name for b in board.bodies]) == (
        (), ["Leicestershire Safer Communities Strategy Board"])
    # An owner spelt by acronym is expanded.
    plan = read_entry("Skills Plan (the LLEP)", 1, 0, acronyms)
    assert [o.name for o in plan.owners] == ["Leicester and Leicestershire Enterprise Partnership"]
    # A council as owner is an organisation.
    owned = read_entry("Waste Strategy (Wexshire County Council)", 1, 0, acronyms)
    assert [(o.name, o.is_organisation) for o in owned.owners] == [
        ("Wexshire County Council", True)]


def test_a_sixth_council_in_the_shape(tmp_path: Path) -> None:
    text = """# Better together

Northdale Borough Council's
Corporate Strategy 2025-29

## Prosperous Place

**Northdale prospers.**

- Jobs grow
- Skills rise

## Healthy People

**People are well.**

- Children thrive

## Green Northdale

**Northdale is green.**

- Waste falls

Our strategic outcomes and supporting outcomes.

## 1. Prosperous Place: Northdale prospers.

Supporting Outcome\tMeasures
<b>Jobs grow</b>\t<ul><li>• Employment rate</li></ul>
"""
    doc = SourceDocument("northdale.txt", text)
    assert LOADER.recognise(doc) >= 0.5
    got = Read(LOADER.extract(doc))
    assert got.plan().name == "Corporate Strategy 2025-29"
    assert got.plan().properties["organisation"] == "Northdale Borough Council"
    assert got.outcomes("strategic") == {"Prosperous Place", "Healthy People", "Green Northdale"}
    assert got.out_of(RelType.MEASURED_BY, "Jobs grow") == {"Employment rate"}



@pytest.mark.parametrize(
    "path", [p for p in sorted(EXAMPLES.glob("*.txt")) if p != EXAMPLE], ids=lambda p: p.name
)
def test_other_example_shapes_score_below_half(path: Path) -> None:
    assert LOADER.recognise(SourceDocument.from_path(path)) < 0.5


def test_first_bullet_after_a_plain_line_starts_the_first_group() -> None:
    # Found by fuzzing: a converter that drops the blank line between the list's heading text
    # and its first bullet left that bullet in group -1, and the loader crashed on it.
    text = EXAMPLE.read_text(encoding="utf-8")
    first = "- WLEP Strategic Economic Plan (Wexshire Local Enterprise Partnership - WLEP)"
    assert f"\n\n{first}\n" in text
    damaged = text.replace(f"\n\n{first}\n", f"\nOur joint strategies\n{first}\n", 1)
    read = OutcomesFrameworkLoader().extract(SourceDocument("damaged.txt", damaged))
    nodes = read.graph.nodes
    sources = {nodes[r.start].name for r in read.graph.relationships.values()
               if r.type is RelType.REFERENCES
               and nodes[r.end].name == "WLEP Strategic Economic Plan"}
    assert "Thriving Economy" in sources


def test_a_stray_heading_mark_in_the_partnership_list_names_nothing() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    anchor = "- Joint Health and Wellbeing Strategy (Health and Wellbeing Board)\n"
    damaged = text.replace(anchor, "# \n" + anchor, 1)
    read = OutcomesFrameworkLoader().extract(SourceDocument("damaged.txt", damaged))
    assert all(any(c.isalnum() for c in n.name) for n in read.graph.nodes.values())
