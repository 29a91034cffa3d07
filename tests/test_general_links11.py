"""Reading round 11 (links): how the reader decides which plans, partnerships and leads a page
names, by cause rather than by phrase.

Each test quotes lines of development corpus plans (tests/dev_corpus/) of at least two bodies
and asserts the node, or its absence, the decision makes; docs/reading.md "Reading round 11:
links by cause" gives the figures.
"""

from __future__ import annotations

from stratgraph.graph.model import Label

from general_reading import lines_by_name, read_general


def _strategies(text: str, name: str = "plan.md") -> set[str]:
    return set(lines_by_name(read_general(text, name), Label.STRATEGY))


# -- a page titled by its plan's kind alone names that plan in full -------------------------------


def test_the_one_plan_of_the_titles_kind_named_definitely_is_the_page_itself() -> None:
    # north-york-moors-management-plan-delivering-the-plan lines 1, 5 and 13 (a national park)
    nym = ("# Delivering the Plan\n\nEach year, we will publish a monitoring statement which assesses how "
           "partners are progressing on delivering the 24 objectives set out in the Management Plan.\n\n"
           "A separate Delivery and Monitoring Plan sets out arrangements for reviewing progress against "
           "the objectives in this Plan.\n")
    found = _strategies(nym)
    assert "Management Plan" not in found
    assert "Delivery and Monitoring Plan" in found  # "a separate" plan is another document
    # south-ribble-climate-emergency-action-plan-2021-plan-to-2030 lines 1 and 14 (a district council)
    ribble = ("# The Plan to 2030\n\nThe climate emergency task group will report to members on the progress "
              "made with the implementation of the Climate Emergency Action Plan at regular intervals.\n")
    assert "Climate Emergency Action Plan" not in _strategies(ribble)
    # stroud-2030-strategy-master-plan lines 3 and 7: the title's own words are not a second plan
    stroud = ("# Our Master Plan\n\nOur 2030 Strategy and Master Plan is set out to frame a ‘one council’ "
              "approach to delivering our part in the climate and ecological emergency response.\n")
    assert "Strategy and Master Plan" not in _strategies(stroud)


def test_a_title_naming_a_topic_or_two_plans_of_its_kind_leaves_each_plan_a_document() -> None:
    # a title with a topic ("Local Plan") is not the kind alone: the plan it names in full is another
    assert "Climate Emergency Action Plan" in _strategies(
        "# Local Plan\n\nThe Local Plan supports the Climate Emergency Action Plan.\n")
    # two plans of the title's kind named definitely: the title does not say which it is
    two = ("# Delivering the Plan\n\nThe Management Plan sets the objectives. The Local Transport Plan "
           "sets out the routes.\n")
    assert {"Management Plan", "Local Transport Plan"} <= _strategies(two)
