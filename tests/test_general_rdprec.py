"""The general reader on wrong nodes by cause (reading round 11, precision of every kind).

A first read of a plan nobody wrote a rule for makes wrong nodes of a few recurring kinds of
line: the page's foot read as one more priority, the page's own plan read as a document it
refers to. Each test quotes lines of public plans of different bodies
(tests/dev_corpus/SOURCES.md names them), so the decision it pins holds in any council's
English, not in one council's phrasing.
"""

from __future__ import annotations

from pathlib import Path

from stratgraph.graph.model import Label

from general_reading import by_label, read_general

CORPUS = Path(__file__).parent / "dev_corpus"


def read_plan(slug: str):  # noqa: ANN201 (GraphData)
    """The graph the general reader makes of a development-corpus page, read whole."""
    return read_general((CORPUS / f"{slug}.md").read_text(encoding="utf-8"), name=f"{slug}.md")


def test_the_pages_last_line_alone_is_its_foot_not_a_priority() -> None:
    # Eastleigh Borough Council, corporate plan strategic objectives
    # (tests/dev_corpus/eastleigh-corporate-plan-strategic-objectives.md): each objective
    # (lines 7, 14, 19) has its bullets under it; line 26 'Housing - helping to deliver more of
    # the right homes', the page's last, has nothing under it: the link to the next page.
    outcomes = by_label(read_plan("eastleigh-corporate-plan-strategic-objectives"), Label.OUTCOME)
    assert "A Green Borough – safeguarding our environment for future generations" in outcomes
    assert "Reinvigorating town and local centres" in outcomes
    assert "Housing - helping to deliver more of the right homes" not in outcomes


def test_a_widgets_label_at_the_foot_is_no_priority() -> None:
    # London Borough of Hounslow, equality data and objectives
    # (tests/dev_corpus/hounslow-equality-data-and-objectives.md): the corporate priorities
    # after 'The equalities objectives aim to contribute to the following corporate priorities
    # of the council:' (lines 9-11) are read; 'rating button' (line 17), the page's last line
    # after its prose, is not.
    outcomes = {name.lower() for name in by_label(read_plan("hounslow-equality-data-and-objectives"), Label.OUTCOME)}
    assert {"help and support for our residents who need it most", "a safe borough"} <= outcomes
    assert "rating button" not in outcomes


def test_priority_lines_with_their_prose_are_still_read() -> None:
    # Lichfield District Council, community safety delivery plan priorities
    # (tests/dev_corpus/lichfield-community-safety-delivery-plan-priorities.md, lines 13-22):
    # each priority line has its prose after it, the last near the page's end.
    outcomes = by_label(read_plan("lichfield-community-safety-delivery-plan-priorities"), Label.OUTCOME)
    assert {"Increase feelings of safety", "Target high crime areas including businesses",
            "Reduce the impact of the misuse of alcohol and other substances"} <= set(outcomes)


def test_the_plan_a_duty_requires_is_the_pages_own_plan_when_the_title_names_its_kind() -> None:
    # Gwent Public Services Board, well-being plan (tests/dev_corpus/gwent-psb-well-being-plan-duty.md):
    # 'Each Public Services Board (PSB) must prepare and publish a local Well-being Plan ...'
    # (line 1); 'the final Well-being Plan for Gwent' (line 5) and 'The Gwent PSB Well-being Plan
    # Was published in August 2023' (line 8) are the page's own plan.
    strategies = by_label(read_plan("gwent-psb-well-being-plan-duty"), Label.STRATEGY)
    assert not [name for name in strategies if "Well-being Plan" in name]
    # Northumberland National Park Authority, management plan
    # (tests/dev_corpus/northumberland-national-park-management-plan-partnership.md, lines 1-2):
    # 'What is the Northumberland National Park Management Plan?' over 'Northumberland National
    # Park Authority has a duty to prepare a National Park Management Plan ...'.
    strategies = by_label(read_plan("northumberland-national-park-management-plan-partnership"), Label.STRATEGY)
    assert not [name for name in strategies if name.endswith("National Park Management Plan")]
    # West Midlands Police and Crime Commissioner (tests/dev_corpus/west-midlands-pcc-police-crime-plan.md,
    # line 1): 'The law requires all Police and Crime Commissioners to produce a Police and Crime Plan ...'
    assert "Police and Crime Plan" not in by_label(read_plan("west-midlands-pcc-police-crime-plan"), Label.STRATEGY)


def test_a_plan_of_another_kind_a_duty_requires_stays_a_document_of_its_own() -> None:
    # Cumbria County Council, anti-poverty strategy (tests/dev_corpus/cumbria-anti-poverty-strategy.md,
    # line 11): '... a duty to publish a Child Poverty Needs Assessment and Strategy': not the
    # anti-poverty strategy the page is, so still a strategy it refers to.
    strategies = by_label(read_plan("cumbria-anti-poverty-strategy"), Label.STRATEGY)
    assert "Child Poverty Needs Assessment and Strategy" in strategies


def _actions(slug: str) -> set[str]:
    return set(by_label(read_plan(slug), Label.ACTION))


def test_a_will_sentence_in_quoted_speech_or_held_by_a_belief_is_no_action() -> None:
    # Wirral Metropolitan Borough Council, cabinet minutes on the Wirral Plan's progress
    # (tests/dev_corpus/wirral-plan-progress-q2-2016-17-cabinet.md, line 12): the cabinet
    # member's words in quotation marks, '“... the 20 Pledges are our contract with the people of
    # Wirral, and we will deliver as promised.'
    assert "Deliver as promised" not in _actions("wirral-plan-progress-q2-2016-17-cabinet")
    # Gloucestershire Health and Wellbeing Partnership, vision and priorities
    # (tests/dev_corpus/one-gloucestershire-hwp-vision-and-priorities.md, line 3): 'we believe
    # that by all working better together ... we will transform the quality of support and care
    # we provide to all local people': the vision's belief, not a task.
    assert not [a for a in _actions("one-gloucestershire-hwp-vision-and-priorities") if a.startswith("Transform the quality")]


def test_a_will_sentence_whose_object_points_back_is_no_action() -> None:
    # Falkirk Council, Council of the Future: communities
    # (tests/dev_corpus/falkirk-council-of-the-future-communities.md, line 4): 'We'll do this by
    # listening to and acting on what communities tell us ...'.
    assert not [a for a in _actions("falkirk-council-of-the-future-communities") if a.startswith("Do this")]
    # Muirhouse Housing Association, strategic objectives 2021-22
    # (tests/dev_corpus/muirhouse-housing-association-strategic-objectives-2021-22.md, line 25):
    # 'In 2021/22, we will build on this continuing our annual performa' (cut off).
    actions = _actions("muirhouse-housing-association-strategic-objectives-2021-22")
    assert not [a for a in actions if a.startswith("Build on this")]
    # The same page's own commitments stay (line 21): 'we will carry out a Strategic Options
    # Appraisal in 2021/22 prior to the recruitment of a permanent Chief Executive.'
    assert [a for a in actions if a.startswith("Carry out a Strategic Options Appraisal")]


def test_plain_will_sentences_are_still_actions() -> None:
    # Essex County Council, Everyone's Essex (tests/dev_corpus/essex-everyones-essex-20-commitments-2021-25.md,
    # line 17): 'We will deliver and maintain high quality infrastructure to improve opportunities ...'
    assert [a for a in _actions("essex-everyones-essex-20-commitments-2021-25")
            if a.startswith("Deliver and maintain high quality infrastructure")]


def _leads(slug: str) -> set[str]:
    return set(by_label(read_plan(slug), Label.CABINET_LEAD))


def test_a_role_only_consulted_on_delegated_changes_leads_nothing() -> None:
    # Tonbridge and Malling Borough Council, annual service delivery plan decision
    # (tests/dev_corpus/tonbridge-malling-annual-service-delivery-plan-2025-decision.md, line 9):
    # '(3) any remaining drafting changes be delegated to the Chief Executive in discussion with
    # the Leader of the Council; and'
    assert "the Leader of the Council" not in _leads("tonbridge-malling-annual-service-delivery-plan-2025-decision")
    # North Hertfordshire District Council, cabinet on the council plan
    # (tests/dev_corpus/north-herts-council-plan-cabinet-three-priorities.md, line 5): '... to
    # delegate any minor changes in relation to the Council Plan to the Managing Director in
    # consultation with Leader and Deputy Leader of the Council.'
    assert "the Deputy Leader of the Council" not in _leads("north-herts-council-plan-cabinet-three-priorities")


def test_a_member_consulted_for_a_portfolio_still_leads_it() -> None:
    # Gloucester City Council, climate change strategy cabinet decision
    # (tests/dev_corpus/gloucester-climate-change-strategy-2030-zero-carbon-cabinet.md, line 9):
    # '... in consultation with the Cabinet Member for Environment, to make any changes to the
    # actions ...': a member with a portfolio, the plan's lead for it.
    assert "the Cabinet Member for Environment" in _leads("gloucester-climate-change-strategy-2030-zero-carbon-cabinet")


def test_a_body_called_a_trust_is_no_belief() -> None:
    # An NHS trust's plan speaks of itself as 'the Trust': its will-sentence is its commitment;
    # only a speaker's belief ('we believe that ... we will', One Gloucestershire's line 3) frames one.
    from stratgraph.loaders.general.commitment_frames import frames_no_commitment

    assert not frames_no_commitment("", "The Trust will open a new community diagnostic centre by 2025.",
                                    "Open a new community diagnostic centre by 2025")


def test_a_partnerships_members_are_not_partnerships() -> None:
    # Northumberland National Park Authority, management plan
    # (tests/dev_corpus/northumberland-national-park-management-plan-partnership.md, line 3):
    # 'The preparation of the Management Plan is led by the Management Plan Partnership,
    # comprising: Northumberland National Park Authority, ...': the partnership is read, the
    # forum and the trust in its members' list are not.
    partnerships = by_label(read_plan("northumberland-national-park-management-plan-partnership"), Label.PARTNERSHIP)
    assert "Management Plan Partnership" in partnerships
    assert "Northumberland County Joint Local Access Forum" not in partnerships
    assert "Kielder Water and Forest Park Development Trust" not in partnerships
    # Middlesbrough Council, community safety plan 2024-26 (executive)
    # (tests/dev_corpus/middlesbrough-community-safety-plan-2024-26-executive.md, line 11):
    # '... included the Fire Service and Clinical Commissioning Groups (now Integrated Care Board)
    # as responsible authorities. ... within a Community Safety Partnership.'
    partnerships = by_label(read_plan("middlesbrough-community-safety-plan-2024-26-executive"), Label.PARTNERSHIP)
    assert "Integrated Care Board" not in partnerships
    assert "Community Safety Partnership" in partnerships
