"""Measures round 9: performance measures in the shapes councils, police, fire and health
bodies list them, each rule pinned by the lines of the plan it was read from.

Each test quotes a plan of tests/dev_corpus (batch A of round 9; SOURCES.md names it) and
asserts the nodes a planner reads there, or their absence.
"""

from __future__ import annotations

from stratgraph.graph.model import Label, RelType

from general_reading import lines_by_name as _names, read_general as _read


# met-police-authority-policing-plan-2004-05-objectives-measures, lines 29-55 (shortened).
MEASURES_POINT = """Policing and Performance Plan 2004/05 - proposed objectives and selected targets and measures

B. Supporting information

Objectives

1. The objectives and measures that will support the corporate priorities in the 2004/05 policing plan were agreed at January’s full authority meeting Appendix 1 subject to a few points for further consideration.

2. Following January’s full authority meeting MPS Business Groups further visited Objectives 1, 2, 4, 5, 8, 9 and now propose revised wording for the following supporting measures:

Objective 1

  • Number of quality intelligence reports submitted
  • Number of Counter Terrorism Deployments

Objective 4

  • Number of drug trafficking organisations disrupted or dismantled

Objective 5

  • Value of assets recovered
"""


def test_a_numbered_point_introducing_measures_is_their_cue_not_an_objective() -> None:
    graph = _read(MEASURES_POINT)
    assert _names(graph, Label.MEASURE) == {
        "Number of quality intelligence reports submitted": 13,
        "Number of Counter Terrorism Deployments": 14,
        "Number of drug trafficking organisations disrupted or dismantled": 18,
        "Value of assets recovered": 22}
    outcomes = _names(graph, Label.OUTCOME)
    assert not any(name.startswith("Following January") for name in outcomes)
    assert not any(name.startswith("Objective") for name in outcomes)
