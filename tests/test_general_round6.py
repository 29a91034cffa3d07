"""The general reader, round 6: recall on the kinds of plan read worst (equality objectives,
single-topic strategies with their own objectives and to-do lists, Welsh well-being objectives,
a strategic plan's outcomes page), precision kept.

Each test quotes the lines of a development plan (tests/dev_corpus/, rows "round 6" in
SOURCES.md) that its rule reads; the rules are worded for the shape, never the plan. The
held-out plans (tests/heldout_corpus/) are never quoted here.
"""

from __future__ import annotations

from stratgraph.graph.model import Label, RelType
from stratgraph.loaders.general.cues import Mode, counted_sentence, lead_in_mode
from stratgraph.loaders.general.statements import commitment

from general_reading import read_general as _read, lines_by_name as _names, node_named as _node


# tandridge-equality-objectives-2023-26, lines 1-25.
OBJECTIVE_STATEMENT_THEN_HOW = """Equality Objectives 2023 – 2026

Objective 1

Working for the Council

We will ensure that equality, fairness and inclusion is at the heart of everything we do, and that good practice is embedded in the council’s culture and services. We will do this by:

  • Reviewing and updating resources and training for staff, and councillor learning and development resources in relation to equality issues.
  • Ensuring new councillors have access to training and ongoing support on equality, fairness and inclusion.
  • Provide training and guidance on equality duties and equality and fairness analysis for new staff within the council, with refresher training available to teams.
  • Clearly present equality considerations as part of the Council’s formal decision making process.
  • Funding projects through the community grants programme which promote the inclusion of communities and groups protected under the Equality Act.

Objective 2

Community Relations

We will work to improve policy and practice in line with issues facing our communities and staff, particularly in regard to:

  • Eliminate discrimination, harassment and victimisation and any other conduct prohibited under the Act.
  • Advance equality of opportunity between people who share a characteristic and those who do not share it.
  • Foster good relations between people who share a characteristic and those who do not share it.
  • Supporting communities through the work of our frontline teams and in partnership with other organisations.
  • Incorporating consideration of social inclusivity in service level strategies, service design and delivery.
"""


def test_a_list_after_we_will_do_this_by_is_the_objectives_actions_and_the_statement_its_description() -> None:
    graph = _read(OBJECTIVE_STATEMENT_THEN_HOW, "equality-objectives.md")
    actions = _names(graph, Label.ACTION)
    # "We will do this by:" (line 7) heads the five bullets (lines 9-13), adverb-led ones too
    assert "Clearly present equality considerations as part of the Council’s formal decision making process" in actions
    assert "Reviewing and updating resources and training for staff, and councillor learning and development resources in relation to equality issues" in actions
    # the "We will ensure ..." sentence before it is the objective's statement, not a to-do item
    assert not any(name.startswith("Ensure that equality") for name in actions)
    working = _node(graph, Label.OUTCOME, "Working for the Council")
    assert working.properties["description"].startswith("We will ensure that equality, fairness and inclusion")
    served = {r.start for r in graph.relationships.values() if r.type is RelType.SUPPORTS and r.end == working.id}
    assert {n.id for n in graph.nodes.values() if n.label is Label.ACTION and n.provenance.line in range(9, 14)} <= served
    assert lead_in_mode("This will be achieved through:") is Mode.ACTION


def test_one_we_will_sentence_ending_in_a_colon_heads_an_action_list() -> None:
    # lines 19-25: "We will work to improve policy and practice ..., particularly in regard to:"
    actions = _names(_read(OBJECTIVE_STATEMENT_THEN_HOW, "equality-objectives.md"), Label.ACTION)
    assert "Eliminate discrimination, harassment and victimisation and any other conduct prohibited under the Act" in actions
    assert "Incorporating consideration of social inclusivity in service level strategies, service design and delivery" in actions
    assert len(actions) == 10
    # a forecast or a state is still no cue
    assert lead_in_mode("We will be measured by:") is Mode.MEASURE
    assert lead_in_mode("We will see the following changes in the borough, for example in:") is not Mode.ACTION


# telford-housing-strategy-2025-30-draft, lines 1-37.
WHAT_WE_PLAN_TO_DO = """A decent home is the foundation on which people build their lives and communities thrive. 

In our new five-year housing strategy, we outline our commitment to expand and improve housing across the Borough and support those most in need. 

The strategy, which is currently in draft, has three clear objectives:

  • to support safe, clean, green and integrated communities
  • to make the best use of our existing homes
  • to provide homes to support and empower our most vulnerable people.

What does this mean?

The 2025 to 2030 strategy will build on what was achieved in the previous Housing Strategy 2020 - 2025 (.pdf Size: 23742Kb)

  • Supported nearly 2,000 private tenants to improve their homes by resolving issues such as cold, damp and mould.
  • Brought 312 long term empty properties back into use.
  • Prevented more than 1,700 people from becoming homeless.
  • Helped more than 7,000 households which are fuel poor and helped 367 households to improve energy efficiency.
  • Provided 2,313 disabled facilities grants to adapt people’s homes.
  • 48 acres of brownfield land brought back into use.
  • Secured more than 25% of affordable homes on all major developments.
  • 829 Nuplace homes completed or under construction, providing accommodation to more than 1,500 residents.
  • Invested £2.5million into the Safer & Stronger Communities Programme, which has helped to reduce crime by 12.2% and anti-social behaviour by 61.3%.

Find out more about our current housing strategies,.including specialist accomodation

Here’s a brief summary of what we plan to do over the next five years:

To support safe, clean, green and integrated communities

  • Set out a plan to bring vacant properties and derelict sites back into use.
  • Develop a framework to support estate regeneration.
  • Enable sustainable and environmentally friendly developments.

To make the best use of existing homes

  • Regulate private rented sector to protect t
"""


def test_what_we_plan_to_do_over_objective_headings_makes_their_lists_actions() -> None:
    graph = _read(WHAT_WE_PLAN_TO_DO, "housing-strategy.md")
    actions = _names(graph, Label.ACTION)
    # "Set out ..." and "Regulate ..." start with no planning verb the to-do test knows: the
    # cue on line 27 says what they are
    assert actions.get("Set out a plan to bring vacant properties and derelict sites back into use") == 31
    assert actions.get("Regulate private rented sector to protect t") == 37
    assert len(actions) == 4
    # each list serves the objective its heading names again (lines 7 and 29)
    first = _node(graph, Label.OUTCOME, "To support safe, clean, green and integrated communities")
    served = {r.start for r in graph.relationships.values() if r.type is RelType.SUPPORTS and r.end == first.id}
    assert _node(graph, Label.ACTION, "Develop a framework to support estate regeneration").id in served
    # the past achievements (lines 15-23) are no items
    assert not any("Brought 312" in n or "Prevented" in n for n in actions)
    assert len(_names(graph, Label.OUTCOME)) == 3


def test_the_years_after_a_strategys_name_are_part_of_it_when_spaced() -> None:
    # line 13: "... the previous Housing Strategy 2020 - 2025 (.pdf Size: 23742Kb)", on a page
    # titled by its file name "housing-strategy": the earlier edition, not the document itself
    strategies = _names(_read(WHAT_WE_PLAN_TO_DO, "housing-strategy.md"), Label.STRATEGY)
    assert strategies.get("Housing Strategy 2020 - 2025") == 13
    # a line of the name and its years alone is a title (the document's own), left as it was
    from stratgraph.loaders.general.references import named_in
    from stratgraph.loaders.shapes.narrative.entities import Vocabulary

    title = "Council Plan 2022 - 2027"
    assert [m.name for m in named_in(title, Vocabulary(title))] == ["Council Plan"]


# merthyr-tydfil-statement-of-well-being-objectives, lines 11-33.
OBJECTIVES_GROUPED_BY_THEME = """Statement of Well-being

Our Well-being Objectives

Best Start to Life
  • Children get the best start to life
  • Children and young people are equipped with the skills they need to be successful learners and confident individuals
Working Life 
  • Making skills work for Merthyr Tydfil: Developing the workforce of the future
  • Developing the environment and infrastructure for business to flourish
Environmental Well-being
  • Communities protect, enhance and promote our natural environment and countryside
  • Communities protect, develop and promote our heritage and cultural assets
Living Well
  • Developing safer communities
  • People have good physical and mental wellbeing
  • People live independently

Read our Statement of Well-being

Delivering Wellbeing in Merthyr Tydfil

Local Well-being Plan

In our Local Well-being Plan we outline our wellbeing objectives and the measures we will use to understand well-being in Merthyr Tydfil.  Our plan Focus on the Future: Well-being in our Community outlines the steps we will take to maximise our contribution to our well-being objectives.
"""


def test_lines_grouping_an_outcomes_cues_lists_are_themes_and_the_items_outcomes() -> None:
    graph = _read(OBJECTIVES_GROUPED_BY_THEME, "statement.md")
    outcomes = _names(graph, Label.OUTCOME)
    # "Developing ..." items (verbs' -ing forms) are well-being objectives like their neighbours
    assert "Developing the environment and infrastructure for business to flourish" in outcomes
    assert "People live independently" in outcomes
    assert "Children get the best start to life" in outcomes
    assert _names(graph, Label.ACTION) == {}
    # the group lines are themes, not outcomes
    assert {"Best Start to Life", "Working Life", "Environmental Well-being", "Living Well"} <= set(_names(graph, Label.THEME))
    assert not {"Working Life", "Living Well"} & set(outcomes)
    # after the groups, a line over prose is past the cue: no outcome
    assert "Delivering Wellbeing in Merthyr Tydfil" not in outcomes
    assert "Local Well-being Plan" not in outcomes
    assert len(outcomes) == 9


def test_we_will_describing_the_measures_before_it_is_no_commitment() -> None:
    # line 33: "In our Local Well-being Plan we outline our wellbeing objectives and the measures
    # we will use to understand well-being in Merthyr Tydfil."
    assert commitment("In our Local Well-being Plan we outline our wellbeing objectives and the measures "
                      "we will use to understand well-being in Merthyr Tydfil.") is None
    # a sentence opening on a phrase, then its own "we will", still commits
    assert commitment("To achieve our priorities we will invest in new homes.") == "Invest in new homes"


# wealden-equalities-objectives-2022-25, lines 1-10.
SENTENCE_ABOUT_THE_OBJECTIVES = """Equalities Objectives

Equality of opportunity is central to the Council’s objectives and values 2022-25.

  1. Ensure all those who form part of the Council, or act on its behalf, take equalities and inclusion into consideration in every aspect of our work, the services we provide and the way we behave towards one another.
  2. Ensure that we are fair to all and the needs of people with protected characteristics are considered when making changes to policies or services.
  3. Ensure that the voice of all communities is heard and taken into account when decisions are being made.
  4. Empower more people with protected characteristics to live safe, healthy and independent lives

How We Will Deliver These Objectives
"""


def test_a_sentence_about_the_set_of_objectives_is_not_one_of_them() -> None:
    outcomes = _names(_read(SENTENCE_ABOUT_THE_OBJECTIVES, "equalities.md"), Label.OUTCOME)
    assert not any(name.startswith("Equality of opportunity is central") for name in outcomes)
    assert len(outcomes) == 4
    assert "Empower more people with protected characteristics to live safe, healthy and independent lives" in outcomes


# scarborough-corporate-plan-towards-2030-aims, lines 1-16.
COUNTED_AIMS_WITH_A_REASON = """Corporate plan

The corporate plan is the council’s key strategic planning document, which articulates the council’s overall aims and ambitions, and also serves to be a focus for setting key targets for the council.

The corporate plan is titled ‘Towards 2030’, with a simple Vision/ Mission Statement of ‘Towards a prosperous Borough, with a high quality of life for all’.

The corporate plan contains 4 key aims to reflect key priorities of residents and stakeholders as defined through the wide range of consultation which has been undertaken by the council. 

  • People – to have a safe, happy, healthy population with people who feel valued and included
  • Place  - to protect and improve our environment, now and for the future
  • Prosperity – to develop a prosperous and innovative borough, with a highly skilled and aspirational workforce
  • Council – to be an efficient and effective council which is financially sustainable for the future.

Annual improvement plan

Every year we need to set out targets for the next twelve months and review progress.  This is done through the publication of our annual improvement plan.
"""


def test_counted_aims_with_a_long_reason_head_their_list_and_an_aim_after_a_name_is_the_outcome() -> None:
    graph = _read(COUNTED_AIMS_WITH_A_REASON, "corporate-plan.md")
    outcomes = _names(graph, Label.OUTCOME)
    assert outcomes.get("To have a safe, happy, healthy population with people who feel valued and included") == 9
    assert outcomes.get("To protect and improve our environment, now and for the future") == 10
    assert len(outcomes) == 4
    # the name before the dash is the aim's theme
    assert {"People", "Place", "Prosperity", "Council"} <= set(_names(graph, Label.THEME))
    # the reason must be one: a long tail of anything else is no cue
    assert not counted_sentence("The corporate plan contains 4 key aims which were agreed at a meeting of the full "
                                "council held in the town hall in the spring.")


# lichfield-strategic-plan-2020-24-outcomes, lines 1-26.
OUTCOMES_NAMED_AFTER_THE_LIST = """Strategic plan 2020 - 2024

Every four years we put together a strategic plan. Our current strategic plan describes the high level outcomes we want to achieve for our community from 2020 to 2024.

Our plan helps us to focus on what is important locally and to direct our resources and budget where they will have the most benefit.

Our strategic plan sets out that we will work collaboratively to:

  • Enable people to:
    • help themselves and others
    • collaborate and engage with us
    • live healthy and active lives
  • Shape place to:
    • keep it clean, green and safe
    • preserve the characteristics
    • make sure sustainability and infrastructure needs are balanced
  • Develop prosperity to:
    • encourage economic growth
    • enhance the district for all
    • invest in the future
  • Be a good council that is:
    • financially sound
    • transparent and accountable
    • responsive and customer focussed

These outcomes were developed through extensive consultation with staff, members, residents and stakeholders over a 16-month period.
"""


def test_a_list_the_next_line_calls_outcomes_and_items_completed_below_their_theme() -> None:
    graph = _read(OUTCOMES_NAMED_AFTER_THE_LIST, "strategic-plan.md")
    outcomes = _names(graph, Label.OUTCOME)
    assert outcomes.get("Help themselves and others") == 10
    assert outcomes.get("Responsive and customer focussed") == 24
    assert len(outcomes) == 12
    assert _names(graph, Label.ACTION) == {}
    themes = _names(graph, Label.THEME)
    assert {"Enable people", "Shape place", "Develop prosperity", "Be a good council"} <= set(themes)
    theme_of = {r.start: graph.nodes[r.end].name for r in graph.relationships.values() if r.type is RelType.PART_OF}
    assert theme_of[_node(graph, Label.OUTCOME, "Keep it clean, green and safe").id] == "Shape place"


# tunbridge-wells-five-year-plan-2017-22-priorities, lines 3-35.
GROUPS_AFTER_A_LEAD_IN = """The Five Year Plan

The Five Year Plan 2017-2022 is our corporate strategy for the next five years, and focuses on what we want to achieve for our borough and for the services we provide as a council. It has an overarching vision of what we want the borough and our council to look like in the next five years, and the priorities that we believe will achieve this vision.

The vision of the Five Year Plan is:

To encourage investment and sustainable growth, and to enhance quality of life for all.

The priorities in the Five Year Plan are:

Our Borough

  • to support a prosperous borough
  • to support a well borough
  • to support an inclusive borough

Our Services

  • to provide digital choice
  • to provide quality services
  • to provide responsive services

Our People

  • to have effective leadership
  • to have relevant skills
  • to have high levels of wellbeing

Providing Value

  • to ensure innovation in our services
  • to ensure effective partnership working
  • to ensure we operate in a business-like way
"""


def test_groups_after_a_priorities_lead_in_are_themes_over_their_priorities() -> None:
    graph = _read(GROUPS_AFTER_A_LEAD_IN, "five-year-plan.md")
    outcomes = _names(graph, Label.OUTCOME)
    # "The priorities in the Five Year Plan are:" (a line, not a heading) then "Our Borough" over
    # "to support a prosperous borough", ...
    assert outcomes.get("To support a prosperous borough") == 13
    assert outcomes.get("To ensure we operate in a business-like way") == 33
    assert len(outcomes) == 12
    assert {"Our Borough", "Our Services", "Our People", "Providing Value"} <= set(_names(graph, Label.THEME))
    # the vision (line 7) is no outcome
    assert not any(name.startswith("To encourage investment") for name in outcomes)


# bradford-corporate-plan-2013-14-priorities, lines 1-32.
COUNTED_WITH_QUALIFIERS = """Corporate Plan

The Corporate Plan sets out the Council’s priorities and how they will be delivered over the period 2013 – 2014.

The agreed corporate priorities consist of two transformational outcomes:

  • Transforming educational outcomes by improving attainment 
  • Promoting prosperity by driving regeneration to support the district’s economy, jobs and skills.

Plus four priorities focused on protecting the wellbeing of the district:

  • Supporting and safeguarding the most vulnerable adults, children and families 
  • Securing an adequate supply of decent and affordable homes 
  • Reducing health inequalities 
  • Maintaining safe, clean and welcoming neighbourhoods.

The Corporate Plan outlines how we contribute to the shared vision for the district, which was developed with district partners and is part of our Community Strategy.

The plan also sets out the purpose of the Council itself: Working with citizens and partners to protect and improve the district’s quality of life. Five organisational aims follow from this purpose:

  • Providing community leadership 
  • Being customer and citizen focused 
  • Managing resources 
  • Creating a smart organisation 
  • Developing and supporting our workforce

The Council’s values are set out in the Corporate Plan, which confirms the Council’s commitment to:

  • Honesty, trust and respect 
  • Fairness and equality 
  • Value for money 
  • Innovation and improvement
"""


def test_counted_priorities_focused_on_something_and_aims_that_follow_head_their_lists() -> None:
    graph = _read(COUNTED_WITH_QUALIFIERS, "corporate-plan.md")
    outcomes = _names(graph, Label.OUTCOME)
    # "Plus four priorities focused on protecting the wellbeing of the district:" (line 10)
    assert outcomes.get("Reducing health inequalities") == 14
    # "Five organisational aims follow from this purpose:" (line 19)
    assert outcomes.get("Creating a smart organisation") == 24
    assert len(outcomes) == 11
    assert _names(graph, Label.ACTION) == {}
    assert not any(name.startswith("Plus four priorities") for name in outcomes)
    # the values after "... confirms the Council's commitment to:" are no outcomes
    assert "Fairness and equality" not in outcomes


# cotswold-our-aims-and-priorities, lines 3-30.
PRIORITIES_AFTER_WE_WILL_DO_THIS_BY = """Our aims and priorities

Our aims

To recreate a council that’s proactive and responsive to the needs of our residents and businesses in a fast-changing environment, and to build for the future while respecting our heritage.

Our corporate strategy sets out how we will achieve our aims and deliver our priorities. We developed our first strategy in 2020 and have since updated it as we have progressed a number of our projects and the local and national picture has developed. 

You can read our updated Corporate Plan here which also includes information on what we have delivered against our first Corporate Plan:

Our priorities

We will do this by:

  • delivering our services to the highest standards
  • responding to the challenges presented by the climate crisis
  • providing good quality social rented homes
  • presenting a local plan that’s green to the core
  • helping residents and communities access the support they need for good health and wellbeing
  • supporting businesses to grow in a green, sustainable manner, and to provide high value jobs

Our principles

Everything we do will be built on the following principles:

  • rebuilding trust and confidence in the council by promoting a culture of openness and transparency
  • providing value for money for our residents and businesses by using our resources wisely and investing in the district’s fabric and future
  • listening to the needs of our community, and acting on what we hear
"""


def test_we_will_do_this_by_under_an_outcomes_heading_lists_priorities_and_an_aim_in_the_infinitive() -> None:
    graph = _read(PRIORITIES_AFTER_WE_WILL_DO_THIS_BY, "aims.md")
    outcomes = _names(graph, Label.OUTCOME)
    # "Our priorities" then "We will do this by:" (lines 11-13): the heading says what they are
    assert outcomes.get("Delivering our services to the highest standards") == 15
    assert outcomes.get("Providing good quality social rented homes") == 17
    assert _names(graph, Label.ACTION) == {}
    # "Our aims" over one long sentence in the infinitive (line 5)
    assert any(name.startswith("To recreate a council") and line == 5 for name, line in outcomes.items())
    # "Our principles" are how the council works
    assert not any(name.startswith("Listening to the needs") for name in outcomes)
    assert len(outcomes) == 7
    # "our first strategy": an edition in lower case names no document
    assert "first strategy" not in _names(graph, Label.STRATEGY)


# tendring-corporate-plan-2016-20-priorities, lines 5-29.
TYPED_COLON_DASH = """Corporate Plan 2016 to 2020

The Council’s Corporate Plan for 2016 to 2020 was agreed by all Councillors at the Council meeting on 5 July. The Corporate Plan sets out our vision and high level aims for the next 4 years.

The Corporate Plan puts Community Leadership at the heart of everything we do. It is from this central role that we undertake services or work with partners with the aim of tackling the key challenges in the District identified as:-

  • Poor health (factors being health, wellbeing, living conditions and environment);
  • Pockets of high unemployment;
  • Low economic activity (factors being job opportunities, qualifications and skills);
  • Reducing budgets whilst delivering key services (factors being governance, structure, ways of working, ‘more for less’ approach);
  • Poor infrastructure (factors being single lane A120, road congestion, infrequency of rail and bus services);

Our priorities to tackle these challenges are:-

Our Council / Our Community

A focus on engaging with and supporting all tiers of the local community, working with partners, addressing crime and delivering a balanced budget.

Employment and Enjoyment

A focus on encouraging major business investment as well as supporting smaller businesses, making the most of our assets, working with partners to boost qualifications and skills, providing quality tourist attractions and leisure facilities

Health and Housing

A focus on working with partners to help those with mental health problems, building council houses, shaping the locale and environment, working with partners to support children, identifying opportunities for local regeneration
"""


def test_a_lead_in_closed_by_a_colon_and_dash_heads_the_short_lines_after_it() -> None:
    graph = _read(TYPED_COLON_DASH, "corporate-plan.md")
    outcomes = _names(graph, Label.OUTCOME)
    # "Our priorities to tackle these challenges are:-" (line 13), then three short lines, each
    # over its "A focus on ..." description
    assert outcomes == {"Our Council / Our Community": 15, "Employment and Enjoyment": 19, "Health and Housing": 23}
    # the key challenges listed before (lines 7-11) are problems, not outcomes or actions
    assert _names(graph, Label.ACTION) == {}
    assert lead_in_mode("Our priorities to tackle these challenges are:-") is Mode.OUTCOME


def test_no_one_left_behind_is_the_vision_restated() -> None:
    # wolverhampton-council-plan-strategic-outcomes line 14 (cut off by the page copy)
    assert commitment("We will ensure that no community is left behind, and that positive outcomes are shared by all as") is None
    assert commitment("We will ensure that every child has a school place.") == "Ensure that every child has a school place"
