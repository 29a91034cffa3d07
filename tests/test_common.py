"""The council language every shape reads alike (``loaders/common``): exact answers."""

from __future__ import annotations

import pytest

from stratgraph.loaders.common import entities
from stratgraph.loaders.common.dates import YEAR_RANGE, by_date
from stratgraph.loaders.common.layout import (
    Heading,
    Layout,
    bullet,
    bullet_text,
    heading,
    indented_heading,
    is_row,
    list_item,
    split_cells,
    strip_list_mark,
)
from stratgraph.loaders.common.plan_info import find_period, place_key, place_of
from stratgraph.loaders.common.sentences import sentence_break, starts_word, word_boundary
from stratgraph.loaders.shapes.coded_priorities import names as coded_priorities
from stratgraph.loaders.shapes.delivery_plan import names as delivery_plan
from stratgraph.loaders.shapes.narrative import tokens as narrative
from stratgraph.loaders.shapes.outcomes_framework import partners as outcomes_framework
from stratgraph.loaders.shapes.priority_tables import entities as priority_tables

# -- layout ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("# Title", (1, "Title")),
    ("### Children and young people  ", (3, "Children and young people")),
    ("## Closing marks ##", (2, "Closing marks")),
    ("####### seven", None),
    ("#no space", None),
    ("# ", None),
    ("  # indented", None),
    ("Plain text", None),
])
def test_a_heading_is_marks_a_space_and_text(line: str, expected: tuple[int, str] | None) -> None:
    assert heading(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("## Title", "Title"),
    ("   ## Up to three spaces in", "Up to three spaces in"),
    ("    ## Four is code, not a heading", None),
    ("## Closing marks kept ##", "Closing marks kept ##"),
    ("#   ", None),
    ("no marks", None),
])
def test_an_indented_heading_is_read_as_written(line: str, expected: str | None) -> None:
    assert indented_heading(line) == expected


def test_bullets_and_list_items() -> None:
    assert bullet("  - Reduce waste") == (2, "Reduce waste")
    assert bullet("• Board") == (0, "Board")
    assert bullet("- ") == (0, "")
    assert bullet_text("- ") is None
    assert bullet("1. numbered") is None
    assert list_item("1. numbered") == 0
    assert list_item("    ▪ glyph") == 4
    assert list_item("- ") is None  # a mark with nothing after it
    assert strip_list_mark("2) Second item") == "Second item"
    assert strip_list_mark("Not an item") == "Not an item"


def test_table_rows_are_tab_separated() -> None:
    assert is_row("a\tb") and not is_row("a b")
    assert split_cells("Objective\tActions\t\tBy when") == ["Objective", "Actions", "", "By when"]


def test_a_layout_reads_each_line_once_and_numbers_from_one() -> None:
    layout = Layout(["# Plan", "", "- one", "  - two", "## Theme ##", " # aside"])
    assert layout.headings() == [Heading(1, 1, "Plan"), Heading(5, 2, "Theme")]
    assert layout.indented_headings() == [(1, "Plan"), (5, "Theme ##"), (6, "aside")]
    assert layout.bullet(4) == (2, "two") and layout.bullet(2) is None
    assert layout.bullet_text(3) == "one"
    assert layout.line(5) == "## Theme ##" and len(layout) == 6


# -- plan metadata and dates -------------------------------------------------------------------


@pytest.mark.parametrize(("organisation", "place"), [
    ("Leicester City Council", "Leicester"),
    ("Barnsley Metropolitan Borough Council", "Barnsley"),
    ("Leicestershire County Council", "Leicestershire"),
    ("Rutland County Council", "Rutland"),
    ("County Council", None),
    (None, None),
])
def test_place_of_a_council(organisation: str | None, place: str | None) -> None:
    assert place_of(organisation) == place


def test_place_key_is_the_folded_place() -> None:
    assert place_key("Stoke-on-Trent City Council") == "stoke on trent"
    assert place_key("City Council") == ""


def test_periods_and_year_ranges() -> None:
    assert find_period("Strategic Plan 2014-18") == (2014, 2018)
    assert find_period("Plan 2018/2022") == (2018, 2022)
    assert find_period("Delivery Plan 1999-00") == (1999, 2000)
    assert find_period("no years") == (None, None)
    assert YEAR_RANGE.search("2013 – 14")


def test_by_date_deadlines() -> None:
    assert by_date().search("Reduce it by March 2015.").group(1) == "March 2015"
    assert by_date().search("by the end of 2016/17").group(1) == "2016/17"
    assert by_date().search("by Spring 2025") is None
    assert by_date(seasons=True).search("by Spring 2025").group(1) == "Spring 2025"
    assert by_date(end_of_in_date=True).search("by the end of 2026").group(1) == "the end of 2026"
    assert by_date().search("BY MARCH 2025") is None
    assert by_date(ignore_case=True).search("BY MARCH 2025").group(1) == "MARCH 2025"


def test_sentences_and_word_starts() -> None:
    assert sentence_break("A-Z").split("One. Two! three? Four") == ["One.", "Two! three?", "Four"]
    assert starts_word("by the", 3) and not starts_word("abc", 1)
    assert word_boundary("a b", 1) and not word_boundary("ab", 1)


# -- one finder vocabulary ---------------------------------------------------------------------


def test_the_shared_words_split_into_documents_programmes_and_partnerships() -> None:
    assert entities.STRATEGY_WORDS == entities.DOCUMENT_WORDS | entities.PROGRAMME_WORDS
    assert not entities.STRATEGY_WORDS & entities.PARTNERSHIP_WORDS


@pytest.mark.parametrize(("shape", "strategy_words", "partnership_words"), [
    ("delivery-plan", delivery_plan.PROGRAMME_WORDS | {
        w.lower() for w in delivery_plan._KEY_STRATEGY.strip("(?:)").split("|")},
     delivery_plan.PARTNERSHIP_WORDS),
    ("coded-priorities", coded_priorities.STRATEGY_WORDS, coded_priorities.PARTNERSHIP_WORDS),
    ("priority-tables", priority_tables.DOCUMENT_WORDS | priority_tables.PROGRAMME_WORDS,
     priority_tables.PARTNERSHIP_WORDS),
    ("outcomes-framework", outcomes_framework.DOCUMENT_WORDS, outcomes_framework.BODY_WORDS),
    ("narrative", set(narrative.STRATEGY_WORDS), narrative.PARTNERSHIP_WORDS),
])
def test_every_shape_knows_the_shared_words(shape: str, strategy_words: set[str],
                                            partnership_words: set[str]) -> None:
    assert entities.STRATEGY_WORDS <= strategy_words, shape
    assert entities.PARTNERSHIP_WORDS <= partnership_words, shape


def test_word_pattern_puts_longer_words_first() -> None:
    assert entities.word_pattern({"plan", "plans"}) == "(?:plans|plan)"
    assert entities.word_pattern({"board"}, capitalised=True) == "(?:Board)"


@pytest.mark.parametrize(("text", "name"), [
    # Medway's community safety plan (tests/dev_corpus, round 3): a list item joined to the next
    ("Tackle domestic abuse; and", "Tackle domestic abuse"),
    ("Reduce reoffending, or", "Reduce reoffending"),
    ("Health, care and wellbeing", "Health, care and wellbeing"),   # "and" inside a name stays
    ("Safer streets;", "Safer streets"),
])
def test_a_list_items_joiner_is_not_part_of_its_name(text: str, name: str) -> None:
    from stratgraph.loaders.common.names import clean_name

    assert clean_name(text) == name
