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


# -- a kind of document in words after "a" is none in particular ----------------------------------


def test_a_lower_case_plan_after_an_indefinite_article_is_a_kind_not_a_document() -> None:
    # cumberland-housing-strategy-2025-39-performance-indicators line 2 (the council's housing strategy)
    housing = ("# Performance indicators\n\nPerformance and impacts will be measured against a strategic action "
               "plan, which will be reviewed and updated annually to ensure it remains focused.\n")
    assert "strategic action plan" not in _strategies(housing)
    # cumberland-jhwbs-2023-28-measuring-overall-success line 3 (the health and wellbeing board's strategy)
    board = ("# Measuring overall success\n\nA series of strategic action plans will underpin the strategy to "
             "ensure a focus on delivery. The Joint Public Health Strategy is also an important supporting "
             "strategy setting out our approach.\n")
    found = _strategies(board)
    assert "important supporting strategy" not in found
    assert "Joint Public Health Strategy" in found  # a capitalised name after "the" is one document
    # the same words after "the" are one known plan: bracknell-forest-caring-for-you-objectives-q3,
    # "4.01.04 Deliver the financial hardship action plan", and herefordshire's "aligned with the
    # integrated care strategy"
    assert "integrated care strategy" in _strategies(
        "# The Health and Wellbeing Strategy\n\nA set of indicators have been added which are aligned with "
        "the integrated care strategy in order to monitor change.\n")


# -- a body named by what it does for the plan is a partnership, whatever its last word -----------


def _partnerships(text: str) -> set[str]:
    return set(lines_by_name(read_general(text, "plan.md"), Label.PARTNERSHIP))


def test_a_body_that_oversees_or_governs_the_plans_delivery_is_a_partnership() -> None:
    # herefordshire-joint-local-health-wellbeing-strategy-2023-33-board line 17 (a health and wellbeing board)
    hereford = ("# The Health and Wellbeing Strategy\n\nOne recommendation is that One Herefordshire owns the "
                "coordination oversight of the two core priorities.\n")
    assert "One Herefordshire" in _partnerships(hereford)
    # worcestershire-joint-local-health-wellbeing-strategy-board line 11 (another county's board)
    worcs = "# Joint Local Health and Wellbeing Strategy\n\nThe Being Well Strategic Group would support the delivery of the JLHWS.\n"
    assert "Being Well Strategic Group" in _partnerships(worcs)
    # glasgow-city-region-deal-structure-regional-partnerships line 11 (a city region deal)
    glasgow = ("# City Region Deal\n\nIt is governed by the Glasgow City Region Cabinet, a Joint Committee "
               "constituted in January 2015 comprising the elected local authority leaders from:\n")
    assert "Glasgow City Region Cabinet" in _partnerships(glasgow)


def test_the_council_a_post_or_the_councils_own_group_delivering_the_plan_is_no_partnership() -> None:
    # eden-leader-portfolio-holder-responsibilities line 5: a post
    assert not _partnerships("# Executive post\n\nThe Leader has responsibility for the delivery of our corporate priorities.\n")
    # chorley-economic-strategy-2022-delivery line 2: the council itself
    assert not _partnerships("# Delivery\n\nThe Council will drive the delivery of the strategy through a collaborative approach.\n")
    # cumberland-housing-strategy-2025-39-performance-indicators line 1: the council's own group
    assert not _partnerships("# Housing Strategy\n\nImplementation and progress will be overseen by the council’s "
                             "Strategic Housing Group.\n")
    # a cabinet member, however the sentence puts it
    assert not _partnerships("# Plan\n\nDelivery will be overseen by the Cabinet Member for Communities.\n")
