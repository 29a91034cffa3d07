"""The general reader, round 5: precision, kinds of line a general reader wrongly makes into
actions (a "we will" sentence about method, the vision restated, priorities phrased as
gerunds after a counted sentence, a heading about the document), and round-4 leftovers.

Each test quotes the lines of a development plan (tests/dev_corpus/, see SOURCES.md) that its
rule reads, or, where the dev corpus has none of a kind, a made-up line of that kind; the
rules are worded for the shape, never the plan. The held-out plans (tests/heldout_corpus/)
are never quoted here.
"""

from __future__ import annotations

from stratgraph.graph.model import Label
from stratgraph.loaders.general.cues import counted_sentence, is_boilerplate
from stratgraph.loaders.general.statements import commitment
from stratgraph.loaders.general.wording import bad_name

from general_reading import read_general as _read, lines_by_name as _names


# folkestone-hythe-corporate-plan-2025-draft-priorities, lines 15-25.
COUNTED_WITH_A_FULL_STOP = """Corporate Plan

What is different about the 2025 plan?

We are developing a plan that is aspirational, with sustainability at its heart.

Our draft plan sets out five key priorities for the coming years.

  1. A well-run, transparent and listening council that works closely with its partners.
  2. Improving people’s health, wellbeing and sense of community.
  3. Building new homes and improving the quality of existing homes.
  4. Growing the economy in a sustainable way and creating opportunities for all.
  5. Addressing climate change and enhancing the natural environment and local character.
"""


def test_a_sentence_counting_priorities_with_a_full_stop_heads_its_list() -> None:
    graph = _read(COUNTED_WITH_A_FULL_STOP)
    outcomes = _names(graph, Label.OUTCOME)
    assert "Improving people’s health, wellbeing and sense of community" in outcomes
    assert "A well-run, transparent and listening council that works closely with its partners" in outcomes
    assert len(outcomes) == 5
    assert _names(graph, Label.ACTION) == {}  # the gerund priorities are no to-do items
    assert counted_sentence("The plan has six strategic objectives over the next four years.")
    # the council saying what it does, or a count with no list noun, is no cue
    assert not counted_sentence("We have five priorities for the coming years.")
    assert not counted_sentence("Our draft plan sets out five key actions for the coming years.")


def test_questions_about_the_document_are_apparatus_and_its_delivery_chapter_no_outcome() -> None:
    # folkestone-hythe-corporate-plan-2025-draft-priorities lines 5 and 15.
    assert is_boilerplate("What is a Corporate Plan")
    assert is_boilerplate("What is different about the 2025 plan?")
    # kensington-chelsea-council-plan-delivering-the-plan line 1: its commitment is still read.
    assert bad_name("Delivering the plan")
    assert not is_boilerplate("Delivering the plan")
    assert not is_boilerplate("What we want to achieve")


# kensington-chelsea-council-plan-delivering-the-plan lines 1-11 (shortened).
POINTS_AT_ITSELF = """Delivering the plan

Publication of this Council Plan is just the start of a continuous process of engagement with residents.

As the Council Plan is set at a strategic level, it will be supported by directorate business and delivery plans.

Despite the financial challenges that this Council faces, we still want to invest in our borough. So, over the next three years the Council will spend £355 million of capital on homes, transport, the environment and education.
"""


def test_a_plan_named_with_this_is_the_document_itself_and_its_spend_an_action() -> None:
    graph = _read(POINTS_AT_ITSELF)
    assert _names(graph, Label.STRATEGY) == {}
    assert "Spend £355 million of capital on homes, transport, the environment and education" \
        in _names(graph, Label.ACTION)
    assert _names(graph, Label.OUTCOME) == {}
    # another plan named beside it is still one
    other = _read("Publication of this Council Plan follows the Local Plan adopted in 2020.\n")
    assert set(_names(other, Label.STRATEGY)) == {"Local Plan"}


def test_we_will_about_method_or_the_vision_restated_is_no_commitment() -> None:
    # test-valley-corporate-plan-2023-27-priorities line 5: a way of working.
    assert commitment("As part of our ongoing commitment to work in a way that recognises the varying needs "
                      "of our borough communities, we will tailor our approach to where needed, to make "
                      "sure it is relevant and appropriate.") is None
    # argyll-and-bute-council-priorities-2017-2022: the vision restated after "we are committed to".
    assert commitment("We are committed to making Argyll and Bute a great place to live, work and do "
                      "business and we will work hard to deliver better core services.") is None
    # A sentence pointing back at the commitment before it says how it is done (made up: the
    # dev corpus has none of this kind).
    assert commitment("We will work closely with housing associations and developers to achieve this.") is None
    assert commitment("We will engage with tenants on how we do this.") is None
    # real commitments stay
    assert commitment("We will build 500 new homes by 2028.") == "Build 500 new homes by 2028"
    assert commitment("We will develop a new approach to adult social care.") \
        == "Develop a new approach to adult social care"
    assert commitment("We will make the town centre a safer place at night.") \
        == "Make the town centre a safer place at night"


# Made-up lines of kinds no dev plan holds: a case study, a record of past work, a call to take
# part, each under a plan's priority.
STORIES_AND_CALLS = """Council Plan 2024-2028

Our priorities

Housing

We will build 500 new homes by 2028.

Case study: Jane's story

Jane moved into one of our new homes last year. We will continue to support families like hers.

What we have achieved

- Delivered 300 new council homes
- Opened the new leisure centre

Get involved

- Have your say on our budget consultation

Environment

We will plant 1,000 trees by 2026.
"""


def test_case_studies_achievements_and_calls_to_take_part_are_no_items() -> None:
    graph = _read(STORIES_AND_CALLS)
    assert set(_names(graph, Label.OUTCOME)) == {"Housing", "Environment"}
    assert set(_names(graph, Label.ACTION)) == {"Build 500 new homes by 2028", "Plant 1,000 trees by 2026"}


# Made-up lines of kinds no dev plan holds: a contact line in a to-do list and under the
# measures, a label of the aim among the items, a "we will" that only points back, the heading
# of a priority's reasons.
CONTACT_AND_LABELS = """Council Plan 2024-2028

Our priorities

Health and wellbeing

What we will do

- Open two new family hubs
- Our commitment to residents
- For more information email health@council.gov.uk

Why this matters

Too many people in our borough die early. We will tackle this.

How we will measure success

- Smoking prevalence

For further details contact the Policy Team on 01234 567890.
"""


def test_contact_lines_aim_labels_and_pointers_back_are_no_items() -> None:
    graph = _read(CONTACT_AND_LABELS)
    assert set(_names(graph, Label.ACTION)) == {"Open two new family hubs"}
    assert set(_names(graph, Label.MEASURE)) == {"Smoking prevalence"}
    assert set(_names(graph, Label.OUTCOME)) == {"Health and wellbeing"}
    assert bad_name("Please contact the Housing Team on 0116 454 1000")
    assert not bad_name("Answer 90% of calls to the contact centre within 2 minutes")


def test_a_policy_paired_with_its_practice_is_a_policy_area_not_a_document() -> None:
    # south-gloucestershire-equality-plan-2015-objectives line 11.
    graph = _read("We realise that a range of the actions we have developed will improve all areas of our "
                  "equality and diversity policy and practices.\n")
    assert _names(graph, Label.STRATEGY) == {}
    named = _read("The council will review its Equality and Diversity Policy in 2025.\n")
    assert set(_names(named, Label.STRATEGY)) == {"Equality and Diversity Policy"}


# telford-local-transport-plan-2011-26-goals line 8: the page has no title of its own, so the
# reader titles it by its file name, which holds the plan's words.
NO_TITLE_PAGE = ("View the third Local Transport Plan 2011-2026 (LTP3) for the Borough which was adopted in "
                 "April 2011 and sets out our six goals:\n\n"
                 "  • reduce carbon emissions to help tackle climate change\n")


def test_a_title_taken_from_the_file_name_does_not_make_a_named_plan_the_document() -> None:
    graph = _read(NO_TITLE_PAGE, name="telford-local-transport-plan-2011-26-goals.md")
    assert any(n.startswith("Local Transport Plan") for n in _names(graph, Label.STRATEGY))
    # a bare kind of plan the file name holds is still the plan itself
    bare = _read("We will deliver the Council Plan with our partners.\n", name="rother-council-plan-2024-28.md")
    assert _names(bare, Label.STRATEGY) == {}
    # and a title of the page's own still rules out its own name
    titled = _read("# Local Transport Plan 2011-2026\n\n" + NO_TITLE_PAGE, name="transport.md")
    assert not any(n.startswith("Local Transport Plan") for n in _names(titled, Label.STRATEGY))


def test_working_with_partners_and_nothing_to_deliver_is_no_commitment() -> None:
    # Made up (no dev plan holds the kind): who the council works with, no purpose.
    assert commitment("We will work in partnership with the NHS, the police and the voluntary sector.") is None
    assert commitment("We will work closely with our partners.") is None
    # with a purpose it is a commitment (cumbria-anti-poverty-strategy, carmarthenshire ...)
    assert commitment("We will work with partners to reduce violent crime.") == "Work with partners to reduce violent crime"
    assert commitment("We will work closely with schools on attendance.") == "Work closely with schools on attendance"
    # reporting progress stays an action: rother-council-plan-2024-28-themes expects it
    assert commitment("We will report progress on the Council Plan in a report to the Overview and "
                      "Scrutiny Committee in September.") is not None


# Made up (no dev plan holds the kind): lines among to-do items that report past work, what
# residents said, or how the priority relates to a strategy.
REPORTED_AMONG_ITEMS = """# Council Plan 2024-2028

## Priority 1: Safer communities

### What we will do

- Expand the CCTV network to 20 more sites
- We have already installed 30 cameras since 2020
- Residents told us they want more visible policing
- This priority links to our Community Safety Strategy
"""


def test_past_work_what_residents_said_and_links_among_items_are_no_actions() -> None:
    graph = _read(REPORTED_AMONG_ITEMS)
    assert set(_names(graph, Label.ACTION)) == {"Expand the CCTV network to 20 more sites"}
    assert set(_names(graph, Label.STRATEGY)) == {"Community Safety Strategy"}  # still named
    # "We have to ..." is an obligation, not a report of past work
    assert not bad_name("We have to balance the budget every year")
