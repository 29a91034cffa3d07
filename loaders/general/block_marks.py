"""Passes over the whole document before the walk, each marking the blocks that read
differently because of what comes after them (a to-do list under its objective, the
interventions a line says follow, outcomes named by the line after their list, ...)."""

from __future__ import annotations

import re

from stratgraph.loaders.general.cues import NUMBERED_OUTCOME, Mode, counted_sets, heading_mode, is_boilerplate, lead_in_mode
from stratgraph.loaders.general.lead_ins import CALLED_AFTER, INTERVENTIONS_FOLLOW, TWO_TIER_LEAD
from stratgraph.loaders.general.statements import commitment, sentences
from stratgraph.loaders.general.wording import IMPERATIVE, NUMBERING, bad_name, clean, title_like
from stratgraph.loaders.read.model import Block, BlockKind


#: A counted set that a law or a nation sets, not the plan ("7 wellbeing goals for Wales, set
#: out in the ... Act 2015", "the seven national well-being goals").
_SET_BY_LAW = re.compile(
    r"(?i)\bnational\s+(?:well-?being\s+)?goals\b|\bgoals\s+for\s+(?:Wales|Scotland|England|Northern\s+Ireland)\b"
    r"|\bAct\s+(?:19|20)\d\d\b")


class BlockMarks:
    """The passes :class:`~stratgraph.loaders.general.reader.GeneralReader` makes before its walk:
    each gives the block indexes or lines it marks."""

    def _todo_lists(self) -> set[int]:
        """The lines of list items in lists that read as to-do lists: most of their items
        start with a planning verb. One such item in a list of values is not an action."""
        lines: set[int] = set()
        run: list[Block] = []
        for block in [*self.blocks, None]:
            if block is not None and block.kind is BlockKind.LIST_ITEM:
                run.append(block)
                continue
            if run:
                verbs = sum(bool(IMPERATIVE.match(NUMBERING.sub("", b.text.replace("**", ""), count=1)))
                            for b in run)
                if verbs * 3 >= len(run) * 2:
                    lines.update(b.line for b in run)
                run = []
        return lines

    def _interventions(self) -> set[int]:
        """The blocks that name a scheme the plan will deliver: three or more short headings in
        a row, each over one paragraph describing it, right after a line saying the plan's
        schemes, interventions or projects follow ("An action plan will accompany the strategy
        with a number of specific schemes that will be led, directed or facilitated by the
        Council"). Each heading is an action, its paragraph its description."""
        def short_heading(block: Block) -> bool:
            text = block.text.strip("* ")
            return (block.kind is BlockKind.HEADING or title_like(block)) and len(text.split()) <= 6 \
                and heading_mode(text) is None and not is_boilerplate(text) and not bad_name(clean(text))

        def description(block: Block) -> bool:
            return block.kind is BlockKind.PARAGRAPH and len(block.text.split()) >= 12 and not title_like(block)

        found: set[int] = set()
        for lead, block in enumerate(self.blocks):
            if block.kind is not BlockKind.PARAGRAPH or not INTERVENTIONS_FOLLOW.search(block.text):
                continue
            run: list[int] = []
            j = lead + 1
            while j + 1 < len(self.blocks) and short_heading(self.blocks[j]) and description(self.blocks[j + 1]):
                run.append(j)
                j += 2
            if len(run) >= 3:
                found.update(run)
        return found

    def _objective_statements(self) -> set[int]:
        """The blocks that are objectives stated as one "We will ..." sentence under a short
        heading of their own ("Our planet" / "We will champion climate action; ..."), three or
        more such pairs in a row: each statement is the objective, its heading a label."""
        def short_heading(block: Block) -> bool:
            return (block.kind is BlockKind.HEADING or title_like(block)) and len(block.text.split()) <= 5 \
                and heading_mode(block.text) is None and not is_boilerplate(block.text)

        def statement(block: Block) -> bool:
            text = block.text.strip()
            return block.kind is BlockKind.PARAGRAPH and re.match(r"(?i)we\s+will\s", text) is not None \
                and len(list(sentences(text))) == 1 and commitment(text) is not None

        def declared_objectives(run: list[int]) -> bool:
            # The lines before say the pairs are objectives ("sets out six performance
            # improvement objectives"); a plan that calls them commitments ("Good jobs" over
            # "We will ...", "Our 20 commitments") makes the heading the outcome, the sentence
            # its action.
            before = " ".join(b.text for b in self.blocks[max(0, run[0] - 5):run[0] - 1])
            return re.search(r"(?i)\bobjectives\b", before) is not None \
                and re.search(r"(?i)\bcommitments?\b", before) is None

        found: set[int] = set()
        i, run = 0, []
        while i + 1 < len(self.blocks):
            if short_heading(self.blocks[i]) and statement(self.blocks[i + 1]):
                run.append(i + 1)
                i += 2
                continue
            if len(run) >= 3 and declared_objectives(run):
                found.update(run)
            run = []
            i += 1
        if len(run) >= 3 and declared_objectives(run):
            found.update(run)
        return found

    def _counted_priority_lists(self) -> set[int]:
        """The list items of a list whose lead-in counts the plan's priorities (objectives, aims,
        ...) and has as many top-level items as it counts ("... each of the four priority areas
        prioritised for collective action ..." over four numbered items). The count tying the
        line to the list says what its items are, however they are worded: imperatives ("Promote
        and enable positive mental health ...") at the top of a plan are its priorities."""
        found: set[int] = set()
        for i, block in enumerate(self.blocks[:-1]):
            if block.kind is not BlockKind.PARAGRAPH or self.blocks[i + 1].kind is not BlockKind.LIST_ITEM:
                continue
            counts = counted_sets(block.text)
            if not counts or lead_in_mode(block.text.strip()) in (Mode.ACTION, Mode.MEASURE):
                continue  # "We will deliver our three priorities through:" lists the means
            if _SET_BY_LAW.search(block.text):
                # "there are 7 wellbeing goals for Wales, set out in the Wellbeing of Future
                # Generations (Wales) Act 2015": a nation's goals the plan answers to, set by
                # law, not the plan's own priorities.
                continue
            items = [i + 1]
            while items[-1] + 1 < len(self.blocks) and self.blocks[items[-1] + 1].kind is BlockKind.LIST_ITEM:
                items.append(items[-1] + 1)
            top = min(self.blocks[j].level for j in items)
            if sum(self.blocks[j].level == top for j in items) in counts:
                found.update(j for j in items if self.blocks[j].level == top)
        return found

    def _called_outcomes(self) -> set[int]:
        """The list items of a list the line right after it calls outcomes ("These outcomes
        were developed through extensive consultation ...", "The above priorities ...")."""
        found: set[int] = set()
        run: list[int] = []
        for i, block in enumerate([*self.blocks, None]):
            if block is not None and block.kind is BlockKind.LIST_ITEM:
                run.append(i)
                continue
            if run and block is not None and block.kind is BlockKind.PARAGRAPH and CALLED_AFTER.match(block.text.strip()):
                found.update(run)
            run = []
        return found

    def _tiered_outcomes(self) -> dict[int, int]:
        """The list items under each labelled line after a two-tier lead-in ("Our proposed
        Ambitions and Priorities are:", then "Ambition 1: Starting Well - ..." over its bullets),
        by index, with the index of the line they sit under. The lead-in says what the items
        are, the line's priorities, though most open with a verb ("Improving immunisation ...")."""
        found: dict[int, int] = {}
        group: int | None = None
        tiered = False
        for i, block in enumerate(self.blocks):
            text = block.text.replace("**", "").strip()
            if block.kind is BlockKind.PARAGRAPH and TWO_TIER_LEAD.match(text):
                tiered, group = True, None
            elif not tiered:
                continue
            elif block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and NUMBERED_OUTCOME.match(text):
                group = i
            elif block.kind is BlockKind.LIST_ITEM and group is not None:
                found[i] = group
            else:
                tiered, group = False, None  # "Running through each of our Ambitions are ...": another set
        return found

    def _outcome_groups(self) -> set[int]:
        """The headings (and title-like lines) that group a list of outcomes: two or more in a
        row, each right over its list, the lists' items mostly statements rather than to-do
        items ("Best Start to Life" / "Children get the best start to life", "Living Well" /
        "People live independently"). Under an outcomes cue each is a theme, its items outcomes."""
        def heading(block: Block) -> bool:
            # "A Prosperous Place – where business can flourish and everyone is able to share
            # in prosperity" over its list: a line too long to look like a heading still heads it.
            text = block.text.replace("**", "").strip()
            return block.kind is BlockKind.HEADING or title_like(block) or (
                block.kind is BlockKind.PARAGRAPH and len(text.split()) <= 20 and len(text) <= 140
                and text[:1].isupper() and text[-1:] not in ".!?;:" and not commitment(text))

        found: set[int] = set()
        i, run, items = 0, [], []
        while i <= len(self.blocks):
            block = self.blocks[i] if i < len(self.blocks) else None
            if block is not None and heading(block) and i + 1 < len(self.blocks) \
                    and self.blocks[i + 1].kind is BlockKind.LIST_ITEM:
                run.append(i)
                i += 1
                while i < len(self.blocks) and self.blocks[i].kind is BlockKind.LIST_ITEM:
                    items.append(self.blocks[i].text.replace("**", "").strip())
                    i += 1
                continue
            todo = sum(bool(IMPERATIVE.match(NUMBERING.sub("", t, count=1)) or commitment(t)) for t in items)
            if len(run) >= 2 and todo * 2 < len(items):
                found.update(run)
            run, items = [], []
            i += 1
        return found
