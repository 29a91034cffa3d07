"""The planted answers of the example corpus (``examples/*.txt``), written from reading the five
plans and ``examples/answers/*.md``; ``test_example_answers.py`` compares whole result sets with
them. Line numbers are the plans' (1-based). ``examples/answers/README-queries.md`` shows the
same answers for a reader.

Strategies and partnerships whose names no place qualifies ("Local Transport Plan", "Children's
Trust") are each council's own (``graph/passes/resolve.py``): they carry a council tag, ``@city``
(Wexbridge City Council) or ``@county`` (Wexshire County Council). Untagged names are one node
for both councils (named with a place or by the WLEP).
"""

from __future__ import annotations

from fractions import Fraction

CORPORATE = "wexbridge-city-corporate-plan-2005.txt"
SELF_ASSESSMENT = "wexbridge-city-self-assessment-2010.txt"
COUNTY20 = "wexshire-county-strategic-plan-2020-24.txt"
DELIVERY = "wexbridge-city-delivery-plan-2024-25.txt"
COUNTY24 = "wexshire-county-strategic-plan-2024-28.txt"

#: document -> (plan name as the title line gives it, start year, council)
PLANS = {
    CORPORATE: ("Corporate Plan", 2005, "city"),
    SELF_ASSESSMENT: (
        "Comprehensive Performance Assessment (CPA) Corporate Assessment: Self assessment",
        2010, "city"),
    COUNTY20: ("Strategic Plan 2020-24", 2020, "county"),
    DELIVERY: ("CITY MAYOR'S DELIVERY PLAN", 2024, "city"),
    COUNTY24: ("Strategic Plan 2024-28", 2024, "county"),
}
DOC_OF_PLAN = {name: doc for doc, (name, _, _) in PLANS.items()}
#: Plans in time order (start year, then name), as plan-evolution lists them.
PLAN_ORDER = [CORPORATE, SELF_ASSESSMENT, COUNTY20, DELIVERY, COUNTY24]

# -- coverage ---------------------------------------------------------------------------------
#
# Counts, per plan and per theme: actions, and how many of them reach a declared outcome, have
# a measure, an owner, a deadline, and all four (golden). An action the answers do not list as
# an orphan has all four it can have; owners exist only where a lead OWNS the theme (delivery
# plan: Helen Marsh, Tom Okafor, Priya Lal, Sam Reid; self-assessment: the Deputy Leader, Cllr Rowe).
# The shares are compared after the documented half-up rounding (``share``).

#: (document, theme or None for the plan row): (actions, outcome, measure, owner, deadline, golden)
COVERAGE: dict[tuple[str, str | None], tuple[int, int, int, int, int, int]] = {
    # Corporate Plan 2005: 29 actions; litter table (78) has no outcome and no measure, HC.3's
    # action (73) no measure; nobody owns anything; deadlines on 60, 71, 72, 80 only.
    (CORPORATE, None): (29, 28, 27, 0, 4, 0),
    # SAF.1: CSP, CCTV, diversion projects, lighting (58-59); SAF.2 (60, "by December 2005").
    (CORPORATE, "Community Safety"): (5, 5, 5, 0, 1, 0),
    # ED1 two actions (65), ED.2 one (66; "What will this cost?" is not an action).
    (CORPORATE, "Education"): (3, 3, 3, 0, 0, 0),
    # HC.1 (June 2005), HC.2 three (one by Nov. 2005), HC.3 one with no measure.
    (CORPORATE, "Health and Social Care"): (5, 5, 4, 0, 2, 0),
    # litter table (78, orphan), EN.1 two, EN.2 one (March 2006), uncoded street wardens (81).
    (CORPORATE, "Environment and Transport"): (5, 4, 4, 0, 1, 0),
    # JE.1 three ("small" / "businesses." is one), JE.2 one, JE.3 one (December 2006 is the
    # milestone's date, not the action's).
    (CORPORATE, "Jobs and the Economy"): (5, 5, 5, 0, 0, 0),
    (CORPORATE, "Housing"): (3, 3, 3, 0, 0, 0),
    (CORPORATE, "Continuous Improvement"): (3, 3, 3, 0, 0, 0),
    # Self-assessment 2010: the six "we will" commitments, all without outcome, measure and
    # deadline; the Deputy Leader owns Performance management (48), Cllr Rowe Children & Young
    # People (78).
    (SELF_ASSESSMENT, None): (6, 0, 0, 2, 0, 0),
    (SELF_ASSESSMENT, "Ambition for the community"): (1, 0, 0, 0, 0, 0),
    (SELF_ASSESSMENT, "Prioritisation"): (1, 0, 0, 0, 0, 0),
    (SELF_ASSESSMENT, "Capacity"): (1, 0, 0, 0, 0, 0),
    (SELF_ASSESSMENT, "Performance management"): (1, 0, 0, 1, 0, 0),
    (SELF_ASSESSMENT, "Safer and stronger communities"): (1, 0, 0, 0, 0, 0),
    (SELF_ASSESSMENT, "Children & Young People"): (1, 0, 0, 1, 0, 0),
    (SELF_ASSESSMENT, "Achievement"): (0, 0, 0, 0, 0, 0),
    (SELF_ASSESSMENT, "Sustainable communities and transport"): (0, 0, 0, 0, 0, 0),
    # its sub-area (line 92); line 96's "We will see the benefits ..." is a forecast
    (SELF_ASSESSMENT, "Housing market"): (0, 0, 0, 0, 0, 0),
    (SELF_ASSESSMENT, "Healthier communities"): (0, 0, 0, 0, 0, 0),
    (SELF_ASSESSMENT, "Older People"): (0, 0, 0, 0, 0, 0),
    # Strategic Plan 2020-24: 30 actions; the row with no PRIORITY (87) has two actions without
    # outcome or measure, "Higher Level Skills" (67) two without measure; deadlines only
    # "by March 2022" (43) and "by 2023" (107).
    (COUNTY20, None): (30, 28, 26, 0, 2, 0),
    (COUNTY20, "Leadership and Resources"): (3, 3, 3, 0, 0, 0),
    (COUNTY20, "Customer Services and Digital Delivery"): (2, 2, 2, 0, 1, 0),
    (COUNTY20, "Growing the Wexshire Economy"): (0, 0, 0, 0, 0, 0),  # prose only
    # three actions in "Employment Land and Sites", two for broadband (55 and the continued
    # row 57).
    (COUNTY20, "Investment in Place – Sites and Broadband"): (5, 5, 5, 0, 0, 0),
    (COUNTY20, "Investment in People – Skills and Jobs"): (4, 4, 2, 0, 0, 0),
    # "Healthy weight programme in schools; active travel with the Local Transport Plan" is one
    # action; "Suicide Prevention" / "Plan and crisis café pilot." (78/80) is one.
    (COUNTY20, "Health and Wellbeing"): (4, 4, 4, 0, 0, 0),
    (COUNTY20, "Supporting Children and Families"): (5, 3, 3, 0, 0, 0),
    (COUNTY20, "Safer Communities"): (3, 3, 3, 0, 0, 0),
    (COUNTY20, "Connected Places – A Greener Wexshire"): (4, 4, 4, 0, 1, 0),
    # Delivery plan 2024-25: 32 actions (12 + 7 + 9 + 4). Lindenau reception (81): no outcome,
    # no measure; the two Safer streets actions (138): no deadline; A well-run council: no
    # owner. "Ongoing", "Throughout 2024/25", "All ongoing" are deadlines as written.
    (DELIVERY, None): (32, 31, 31, 28, 30, 25),
    (DELIVERY, "A thriving economy"): (12, 11, 11, 12, 12, 11),
    (DELIVERY, "Getting around Wexbridge"): (7, 7, 7, 7, 7, 7),
    (DELIVERY, "Healthy and safe communities"): (9, 9, 9, 9, 7, 7),
    (DELIVERY, "A well-run council"): (4, 4, 4, 0, 4, 0),
    # Strategic Plan 2024-28: 4 actions. Only the Skills Action Plan (52) has an outcome (it
    # SUPPORTS the strategic outcome Thriving Economy, which is measured only through its
    # supporting outcomes, so by orphan-actions' rule the action has no measure); deadlines
    # "December 2025" (52) and "March 2026" (147). The other three sit under no theme.
    (COUNTY24, None): (4, 1, 0, 0, 2, 0),
    (COUNTY24, "Thriving Economy"): (1, 1, 0, 0, 1, 0),
    (COUNTY24, "Healthy and Independent Lives"): (0, 0, 0, 0, 0, 0),
    (COUNTY24, "Safe and Supported People"): (0, 0, 0, 0, 0, 0),
    (COUNTY24, "Connected Communities"): (0, 0, 0, 0, 0, 0),
    (COUNTY24, "Good Homes for All"): (0, 0, 0, 0, 0, 0),
    (COUNTY24, "Corporate Enablers"): (0, 0, 0, 0, 0, 0),
}


def share(k: int, n: int) -> float | None:
    """The documented rounding: half-up to 3 decimals, integer arithmetic; None for no actions."""
    return None if n == 0 else ((2000 * k + n) // (2 * n)) / 1000


def exact_share(k: int, n: int) -> Fraction | None:
    return None if n == 0 else Fraction(k, n)


# -- strategy-feeds ---------------------------------------------------------------------------

# Declared outcomes and objectives named in the rows below.
JE1 = "To attract new investment and jobs to the city"
JE_AIM = "To grow the city's economy so that every citizen shares in its prosperity"
HC1 = "Work in partnership with the NHS and the voluntary sector"
HC_AIM = ("To improve the health and well being of Wexbridge people and give them support when "
          "they need it")
EN1 = "To develop a transport system which everyone can use at a reasonable cost"
EN_AIM = "A clean and green city that everyone can move around easily and safely"
HO1 = "To increase the supply of affordable housing"
HO_AIM = "A decent and affordable home for every citizen"
CI1 = "To change how the council works"
CI2 = "Ensure the best use of council resources"
CI_AIM = "Running the council well, listening to residents and spending every pound wisely"

WORKS_PRIORITY = ("To help residents into training, apprenticeships and jobs through our "
                  "Wexbridge Works programme")
BUSINESS_PRIORITY = "To support new businesses to start up and existing businesses to grow"
CENTRE_PRIORITY = ("To lead the regeneration of the city centre and the riverside through "
                   "Riverside Wexbridge")
PROMOTE_PRIORITY = "To promote Wexbridge to visitors and investors"
ROADS_PRIORITY = "To keep roads and footpaths in good repair"
BUSES_PRIORITY = "To make buses and public transport quicker and more reliable"
CYCLING_PRIORITY = "To make cycling and walking safe and attractive"
HEALTH_PRIORITY = "To help people live healthier lives"
SAFE_PRIORITY = "To keep children and vulnerable adults safe"
CRIME_PRIORITY = "To reduce crime and anti-social behaviour"
HOME_PRIORITY = "To make sure everyone has a decent home"
MONEY = "Spending public money wisely"  # summary item and objective title at once (169, 177)

# Actions named in ``via``.
A_JHWS_05 = "Agree the Joint Health and Wellbeing Strategy with the Health and Wellbeing Board"
A_LTP_05 = "Deliver the Local Transport Plan with Wexshire County Council"
A_LINKS_05 = "Improve transport links to the business parks under the Local Transport Plan"
A_WEGP_05 = ("Deliver the Wexbridge Economic Growth Plan with the Wexshire Local Enterprise "
             "Partnership (WLEP)")
A_HS_05 = "Deliver the Housing Strategy action plan"
A_WORKFORCE_05 = "The workforce programme will be developed around 3 themes"
A_MTFS_05 = "A robust Medium Term Financial Strategy which matches resources to priorities"
A_AMP_05 = "An Asset Management Plan which ensures the best use of council buildings"
A_WORKS_24 = "Launch the Wexbridge Works programme with twenty major employers"
A_JHWS_24 = "Agreement of the Joint Health and Wellbeing Strategy by the Health and Wellbeing Board"

A_WEIGHT_20 = "Healthy weight programme in schools; active travel with the Local Transport Plan"
A_SCHOOLS_20 = ("Implement the School Place Planning Strategy and Housing Strategy links with "
                "district councils")

WEGP = "Wexbridge Economic Growth Plan"
SEP = "WLEP Strategic Economic Plan"

#: (strategy, document of the outcome's plan, outcome): (outcome_level, hops, via).
#: hops: 1 = the outcome itself names the strategy, 2 = an action (or objective) directly
#: under it does, 3 = one more SUPPORTS step. Strategy names carry the council tag.
FEEDS: dict[tuple[str, str, str], tuple[str, int, tuple[str, ...]]] = {
    # Corporate Plan 2005: action -> coded priority -> aim statement. JE.1's milestone "To align
    # the Economic Growth Plan with the WLEP Strategic Economic Plan by 2006" (86) is the
    # priority's own, so both strategies reach JE.1 in one hop.
    ("Joint Health and Wellbeing Strategy@city", CORPORATE, HC1): ("priority", 2, (A_JHWS_05,)),
    ("Joint Health and Wellbeing Strategy@city", CORPORATE, HC_AIM): ("theme", 3, (A_JHWS_05,)),
    ("Local Transport Plan@city", CORPORATE, EN1): ("priority", 2, (A_LTP_05,)),
    ("Local Transport Plan@city", CORPORATE, EN_AIM): ("theme", 3, (A_LTP_05,)),
    ("Local Transport Plan@city", CORPORATE, JE1): ("priority", 2, (A_LINKS_05,)),
    ("Local Transport Plan@city", CORPORATE, JE_AIM): ("theme", 3, (A_LINKS_05,)),
    (WEGP, CORPORATE, JE1): ("priority", 1, (A_WEGP_05, JE1)),
    (WEGP, CORPORATE, JE_AIM): ("theme", 2, (A_WEGP_05, JE1)),
    (SEP, CORPORATE, JE1): ("priority", 1, (JE1,)),
    (SEP, CORPORATE, JE_AIM): ("theme", 2, (JE1,)),
    ("Housing Strategy@city", CORPORATE, HO1): ("priority", 2, (A_HS_05,)),
    ("Housing Strategy@city", CORPORATE, HO_AIM): ("theme", 3, (A_HS_05,)),
    ("Workforce Programme@city", CORPORATE, CI1): ("priority", 2, (A_WORKFORCE_05,)),
    ("Workforce Programme@city", CORPORATE, CI_AIM): ("theme", 3, (A_WORKFORCE_05,)),
    ("Medium Term Financial Strategy@city", CORPORATE, CI2): ("priority", 2, (A_MTFS_05,)),
    ("Medium Term Financial Strategy@city", CORPORATE, CI_AIM): ("theme", 3, (A_MTFS_05,)),
    ("Asset Management Plan@city", CORPORATE, CI2): ("priority", 2, (A_AMP_05,)),
    ("Asset Management Plan@city", CORPORATE, CI_AIM): ("theme", 3, (A_AMP_05,)),
    # Delivery plan 2024-25: a row's "Relevant documents and strategies" are its objective's;
    # each objective serves the summary item of its theme that says the same thing.
    ("Wexbridge Works", DELIVERY, "Wexbridge Works"): ("objective", 1, (A_WORKS_24, "Wexbridge Works")),
    ("Wexbridge Works", DELIVERY, WORKS_PRIORITY):
        ("theme", 1, (A_WORKS_24, WORKS_PRIORITY, "Wexbridge Works")),  # the item names it (67)
    (WEGP, DELIVERY, "Wexbridge Works"): ("objective", 1, ("Wexbridge Works",)),  # row 75
    (WEGP, DELIVERY, WORKS_PRIORITY): ("theme", 2, ("Wexbridge Works",)),
    (WEGP, DELIVERY, "Enterprising Wexbridge"): ("objective", 1, ("Enterprising Wexbridge",)),  # 76, the variant
    (WEGP, DELIVERY, BUSINESS_PRIORITY): ("theme", 2, ("Enterprising Wexbridge",)),
    (WEGP, DELIVERY, "A vibrant city centre"): ("objective", 1, ("A vibrant city centre",)),  # 77
    (WEGP, DELIVERY, CENTRE_PRIORITY): ("theme", 2, ("A vibrant city centre",)),
    (SEP, DELIVERY, "Wexbridge Works"): ("objective", 1, ("Wexbridge Works",)),  # row 75
    (SEP, DELIVERY, WORKS_PRIORITY): ("theme", 2, ("Wexbridge Works",)),
    (SEP, DELIVERY, "Quicker and more reliable public transport"):
        ("objective", 1, ("Quicker and more reliable public transport",)),  # row 107
    (SEP, DELIVERY, BUSES_PRIORITY): ("theme", 2, ("Quicker and more reliable public transport",)),
    ("Riverside Masterplan@city", DELIVERY, "A vibrant city centre"):
        ("objective", 1, ("A vibrant city centre",)),
    ("Riverside Masterplan@city", DELIVERY, CENTRE_PRIORITY): ("theme", 2, ("A vibrant city centre",)),
    # the lead-in of row 77 names the programme; so does the summary item (69)
    ("Riverside Wexbridge", DELIVERY, "A vibrant city centre"):
        ("objective", 1, ("A vibrant city centre",)),
    ("Riverside Wexbridge", DELIVERY, CENTRE_PRIORITY):
        ("theme", 1, ("A vibrant city centre", CENTRE_PRIORITY)),
    ("Local Transport Plan@city", DELIVERY, "A vibrant city centre"):
        ("objective", 1, ("A vibrant city centre",)),
    ("Local Transport Plan@city", DELIVERY, CENTRE_PRIORITY): ("theme", 2, ("A vibrant city centre",)),
    ("Local Transport Plan@city", DELIVERY, "Well maintained roads and footpaths"):
        ("objective", 1, ("Well maintained roads and footpaths",)),
    ("Local Transport Plan@city", DELIVERY, ROADS_PRIORITY):
        ("theme", 2, ("Well maintained roads and footpaths",)),
    ("Local Transport Plan@city", DELIVERY, "Quicker and more reliable public transport"):
        ("objective", 1, ("Quicker and more reliable public transport",)),
    ("Local Transport Plan@city", DELIVERY, BUSES_PRIORITY):
        ("theme", 2, ("Quicker and more reliable public transport",)),
    ("Local Transport Plan@city", DELIVERY, "Safe cycling and walking"):
        ("objective", 1, ("Safe cycling and walking",)),
    ("Local Transport Plan@city", DELIVERY, CYCLING_PRIORITY): ("theme", 2, ("Safe cycling and walking",)),
    ("Visitor Economy Strategy 2024-27@city", DELIVERY, "A confident city"):
        ("objective", 1, ("A confident city",)),
    ("Visitor Economy Strategy 2024-27@city", DELIVERY, PROMOTE_PRIORITY):
        ("theme", 2, ("A confident city",)),
    ("Highway Asset Management Plan@city", DELIVERY, "Well maintained roads and footpaths"):
        ("objective", 1, ("Well maintained roads and footpaths",)),
    ("Highway Asset Management Plan@city", DELIVERY, ROADS_PRIORITY):
        ("theme", 2, ("Well maintained roads and footpaths",)),
    ("Joint Health and Wellbeing Strategy@city", DELIVERY, "Healthier lives"):
        ("objective", 1, (A_JHWS_24, "Healthier lives")),
    ("Joint Health and Wellbeing Strategy@city", DELIVERY, HEALTH_PRIORITY):
        ("theme", 2, (A_JHWS_24, "Healthier lives")),
    # rows 134 and 137 (the page-broken row continues the same objective)
    ("Children and Young People's Plan 2024-27@city", DELIVERY,
     "Keeping children and vulnerable adults safe"):
        ("objective", 1, ("Keeping children and vulnerable adults safe",)),
    ("Children and Young People's Plan 2024-27@city", DELIVERY, SAFE_PRIORITY):
        ("theme", 2, ("Keeping children and vulnerable adults safe",)),
    ("Community Safety Plan 2024-27@city", DELIVERY, "Safer streets"): ("objective", 1, ("Safer streets",)),
    ("Community Safety Plan 2024-27@city", DELIVERY, CRIME_PRIORITY): ("theme", 2, ("Safer streets",)),
    ("Housing Strategy@city", DELIVERY, "Decent homes"): ("objective", 1, ("Decent homes",)),
    ("Housing Strategy@city", DELIVERY, HOME_PRIORITY): ("theme", 2, ("Decent homes",)),
    ("Housing Strategy@city", DELIVERY, MONEY): ("theme", 1, (MONEY,)),  # row 177
    ("Medium Term Financial Strategy@city", DELIVERY, MONEY): ("theme", 1, (MONEY,)),  # row 177
    # Strategic Plan 2020-24: action -> PRIORITY cell; nothing above the priorities in the
    # outcome chain (the imperatives follow).
    ("Medium Term Financial Strategy@county", COUNTY20, "Balanced Budget"):
        ("priority", 2, ("Deliver the Medium Term Financial Strategy",)),
    ("Wexshire Improvement Programme", COUNTY20, "Balanced Budget"):
        ("priority", 2, ("Implement the Wexshire Improvement Programme",)),
    ("People Strategy@county", COUNTY20, "Strong and Engaged Workforce"):
        ("priority", 2, ("Implement People Strategy and leadership programme",)),
    ("Customer Service Strategy@county", COUNTY20, "Better Customer Experience"):
        ("priority", 2, ("Implement Customer Service Strategy",)),
    (SEP, COUNTY20, "Employment Land and Sites"):
        ("priority", 2, ("Support delivery of the WLEP Strategic Economic Plan",)),
    ("Joint Health and Wellbeing Strategy@county", COUNTY20, "Healthy Weight and Active Lives"):
        ("priority", 2, ("Implement the Joint Health and Wellbeing Strategy",)),
    ("Local Transport Plan@county", COUNTY20, "Healthy Weight and Active Lives"):
        ("priority", 2, (A_WEIGHT_20,)),
    ("Suicide Prevention Plan@county", COUNTY20, "Mental Health and Wellbeing"):
        ("priority", 2, ("Suicide Prevention Plan and crisis café pilot",)),
    ("School Place Planning Strategy@county", COUNTY20, "Good School Places"):
        ("priority", 2, (A_SCHOOLS_20,)),
    ("Housing Strategy@county", COUNTY20, "Good School Places"):
        ("priority", 2, (A_SCHOOLS_20,)),
    ("Road Safety Programme@county", COUNTY20, "Safer Roads"):
        ("priority", 2, ("Road Safety Programme - education and enforcement",)),
    ("Local Transport Plan@county", COUNTY20, "Better Transport Connections"):
        ("priority", 2, ("Implement the Local Transport Plan",)),
    ("Climate Action Plan@county", COUNTY20, "Reduce Carbon Emissions"):
        ("priority", 2, ("Deliver the Climate Action Plan",)),
    # Strategic Plan 2020-24 line 28 says which sections cover which imperative; each covered
    # section's priorities support the imperative (rule "section-coverage"), so the section's
    # actions feed it: action -> priority -> imperative.
    #   "Imperatives 1 and 5 are picked up specifically in this section" (Leadership and
    #   Resources: rows 35-36).
    **{(s_, COUNTY20, imperative): ("strategic", 3, (via,))
       for imperative in ("Leading Wexshire", "Using public money wisely")
       for s_, via in (("Medium Term Financial Strategy@county",
                        "Deliver the Medium Term Financial Strategy"),
                       ("Wexshire Improvement Programme",
                        "Implement the Wexshire Improvement Programme"),
                       ("People Strategy@county",
                        "Implement People Strategy and leadership programme"))},
    #   "vulnerable people and communities, and families and individuals, are covered in the
    #   chapters on health and wellbeing and supporting children and families" (2 and 3: rows
    #   74-80 and 88-89).
    **{(s_, COUNTY20, imperative): ("strategic", 3, (via,))
       for imperative in ("Protecting the most vulnerable people and communities",
                          "Helping families, individuals and communities to thrive")
       for s_, via in (("Joint Health and Wellbeing Strategy@county",
                        "Implement the Joint Health and Wellbeing Strategy"),
                       ("Local Transport Plan@county", A_WEIGHT_20),
                       ("Suicide Prevention Plan@county",
                        "Suicide Prevention Plan and crisis café pilot"),
                       ("School Place Planning Strategy@county", A_SCHOOLS_20),
                       ("Housing Strategy@county", A_SCHOOLS_20))},
    #   "Imperative 4 is covered in the economic section as well as the final 'place' section":
    #   the economic section is a chapter heading without a table, so its sections (Investment
    #   in Place, Investment in People) deliver it: row 54 names the SEP; Connected Places rows
    #   106-107 name the Local Transport Plan and the Climate Action Plan.
    (SEP, COUNTY20, "Making Wexshire a greener and better connected place"):
        ("strategic", 3, ("Support delivery of the WLEP Strategic Economic Plan",)),
    ("Local Transport Plan@county", COUNTY20,
     "Making Wexshire a greener and better connected place"):
        ("strategic", 3, ("Implement the Local Transport Plan",)),
    ("Climate Action Plan@county", COUNTY20,
     "Making Wexshire a greener and better connected place"):
        ("strategic", 3, ("Deliver the Climate Action Plan",)),
    # Strategic Plan 2024-28 lines 116-135: the partnership list's bullet groups follow the five
    # strategic outcomes in order; each outcome references its group's joint strategies.
    **{(s_, COUNTY24, outcome): ("strategic", 1, (outcome,))
       for outcome, names in (
           ("Thriving Economy", (SEP, "Economic Growth Plan@county",
                                 "Wexshire Skills and Employment Strategy",
                                 "Local Transport Plan@county", "Wexshire Rail Strategy")),
           ("Healthy and Independent Lives", ("Joint Health and Wellbeing Strategy@county",
                                              "Wexshire Care Integration Programme")),
           ("Safe and Supported People", ("Wexshire Safeguarding Adults Board Business Plan",)),
           ("Connected Communities", ("Wexshire Rural Framework",)),
           ("Good Homes for All", ("Housing Strategy@county",
                                   "Joint Health and Wellbeing Strategy@county", SEP)))
       for s_ in names},
}

# -- cross-theme-dependencies (shared-strategy, shared-partnership) ---------------------------
#
# What each theme names (its own prose, its outcomes, objectives and actions), read plan by
# plan; two themes share a strategy or partnership when both name the same one (a tagged name
# only within its council). Owners in brackets in the 2024-28 partnership list ("(Health and
# Wellbeing Board)") OWN the strategy and are not named by the theme; partners a row only
# INVOLVES are not counted (docs/queries.md).

WLEP = "Wexshire Local Enterprise Partnership"
#: (document, theme): (strategies, partnerships)
THEME_REFS: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    (CORPORATE, "Community Safety"): ((), ("Community Safety Partnership@city",)),  # 58
    (CORPORATE, "Education"): ((), ("Children's Trust@city",)),  # 65
    (CORPORATE, "Health and Social Care"): (  # 71, 72
        ("Joint Health and Wellbeing Strategy@city",),
        ("Health and Wellbeing Board@city", "Children's Trust@city")),
    (CORPORATE, "Environment and Transport"): (("Local Transport Plan@city",), ()),  # 79
    (CORPORATE, "Jobs and the Economy"): (  # 86: action, action, milestone; "(WLEP)"
        (WEGP, "Local Transport Plan@city", SEP), (WLEP,)),
    (CORPORATE, "Housing"): (("Housing Strategy@city",), ()),  # 98
    (CORPORATE, "Continuous Improvement"): ((  # 104-105
        "Workforce Programme@city", "Medium Term Financial Strategy@city",
        "Asset Management Plan@city"), ()),
    # Self-assessment 2010: the preamble row "Ambition" (27) is the Ambition theme's; the
    # Executive Summary (46) is the plan's.
    (SELF_ASSESSMENT, "Ambition for the community"): (  # 27, 56-62
        (WEGP, "Joint Health and Wellbeing Strategy@city", "Housing Strategy@city",
         "Children and Young People's Plan 2024-27@city"),  # 62: the plan without its years
        (WLEP, "Community Safety Partnership@city", "Health and Wellbeing Board@city",
         "Children's Trust@city", "Youth Forum@city")),
    (SELF_ASSESSMENT, "Prioritisation"): ((  # 72 ("Economic Growth Plan" is the variant), 74
        "Corporate Plan@city", WEGP, "Local Transport Plan@city", "Housing Strategy@city",
        "People Strategy@city"), ()),
    (SELF_ASSESSMENT, "Capacity"): (  # 78 (the Trust's board), 80 (lower case MTFS)
        ("Medium Term Financial Strategy@city",), ("Children's Trust@city",)),
    (SELF_ASSESSMENT, "Performance management"): (  # 84
        (), ("Wexbridge Partnership Board", "Health and Wellbeing Board@city")),
    (SELF_ASSESSMENT, "Achievement"): ((), ()),
    (SELF_ASSESSMENT, "Sustainable communities and transport"): (  # 94, 98
        ("Housing Strategy@city", "Local Transport Plan@city", WEGP), (WLEP,)),
    # Its sub-area "Housing market" (line 92) holds all of the area's prose (94-98): it names
    # what the area names, and the two are never a pair (NESTED).
    (SELF_ASSESSMENT, "Housing market"): (  # 94, 98
        ("Housing Strategy@city", "Local Transport Plan@city", WEGP), (WLEP,)),
    (SELF_ASSESSMENT, "Safer and stronger communities"): (  # 102
        ("Community Safety Plan 2024-27@city",), ("Community Safety Partnership@city",)),
    (SELF_ASSESSMENT, "Healthier communities"): (  # 106
        ("Joint Health and Wellbeing Strategy@city",), ("Health and Wellbeing Board@city",)),
    (SELF_ASSESSMENT, "Older People"): ((), ("Older People's Forum@city",)),  # 110
    (SELF_ASSESSMENT, "Children & Young People"): ((), ("Children's Trust@city",)),  # 114
    (DELIVERY, "A thriving economy"): ((  # 63, 67, 69, rows 75-80
        WEGP, SEP, "Wexbridge Works", "Riverside Wexbridge", "Riverside Masterplan@city",
        "Local Transport Plan@city", "Visitor Economy Strategy 2024-27@city"), (WLEP,)),
    (DELIVERY, "Getting around Wexbridge"): ((  # 95, rows 106-108
        "Local Transport Plan@city", "Highway Asset Management Plan@city", SEP), ()),
    (DELIVERY, "Healthy and safe communities"): ((  # 121, rows 133-139
        "Joint Health and Wellbeing Strategy@city", "Children and Young People's Plan 2024-27@city",
        "Community Safety Plan 2024-27@city", "Housing Strategy@city"),
        ("Health and Wellbeing Board@city", "Children's Trust@city",
         "Community Safety Partnership@city")),
    (DELIVERY, "A well-run council"): ((  # 165, row 177
        "Medium Term Financial Strategy@city", "Housing Strategy@city"), ()),
    # Strategic Plan 2020-24 ("Economic Growth Plan" on line 51 is the county's own, the plan the
    # 2024-28 list gives to the Wexshire Growth Board; see README-queries.md).
    (COUNTY20, "Leadership and Resources"): ((  # 18, 30, 35-36
        "Wexshire Improvement Programme", "Medium Term Financial Strategy@county",
        "People Strategy@county"), ("Transformation Board@county",)),
    (COUNTY20, "Customer Services and Digital Delivery"): (("Customer Service Strategy@county",), ()),
    (COUNTY20, "Growing the Wexshire Economy"): (  # 47
        (SEP, WEGP, "Local Transport Plan@county"), (WLEP,)),
    (COUNTY20, "Investment in Place – Sites and Broadband"): (  # 51, 54, 55
        ("Economic Growth Plan@county", SEP), (WLEP,)),
    (COUNTY20, "Investment in People – Skills and Jobs"): ((), (WLEP,)),  # 63, 66
    (COUNTY20, "Health and Wellbeing"): ((  # 71, 74, 78-80
        "Joint Health and Wellbeing Strategy@county", "Local Transport Plan@county",
        "Suicide Prevention Plan@county"), ("Health and Wellbeing Board@county",)),
    (COUNTY20, "Supporting Children and Families"): ((  # 84, 87-89
        "Housing Strategy@county", "Young Carers Charter@county",
        "School Place Planning Strategy@county"),
        ("Children's Trust@county", "Safeguarding Children Partnership@county")),
    (COUNTY20, "Safer Communities"): ((  # 93, 96-97
        "Housing Strategy@county", "Road Safety Programme@county"),
        ("Community Safety Partnership@county",)),
    (COUNTY20, "Connected Places – A Greener Wexshire"): ((  # 103, 106-107
        "Local Transport Plan@county", "Climate Action Plan@county"), ()),
    # Strategic Plan 2024-28: the partnership list's five bullet groups (116-135), in the order
    # of the strategic outcomes; the Skills Action Plan action (52) names the WLEP.
    (COUNTY24, "Thriving Economy"): ((
        SEP, "Economic Growth Plan@county", "Wexshire Skills and Employment Strategy",
        "Local Transport Plan@county", "Wexshire Rail Strategy"), (WLEP,)),
    (COUNTY24, "Healthy and Independent Lives"): ((
        "Joint Health and Wellbeing Strategy@county", "Wexshire Care Integration Programme"),
        ("Children's Trust@county",)),
    (COUNTY24, "Safe and Supported People"): ((
        "Wexshire Safeguarding Adults Board Business Plan",), ("Community Safety Partnership@county",)),
    (COUNTY24, "Connected Communities"): ((
        "Wexshire Rural Framework",), ("Wexshire Resilience Forum", "Community Safety Partnership@county")),
    (COUNTY24, "Good Homes for All"): ((
        "Housing Strategy@county", "Joint Health and Wellbeing Strategy@county", SEP), ()),
    (COUNTY24, "Corporate Enablers"): ((), ()),
}

#: Themes PART_OF another theme (a self-assessment's achievement sub-area and its area): the
#: area names all its sub-areas name, so cross-theme-dependencies never pairs them.
NESTED = {frozenset({(SELF_ASSESSMENT, "Housing market"),
                     (SELF_ASSESSMENT, "Sustainable communities and transport")})}

#: Pair counts that follow from THEME_REFS (written out so a change of reading shows).
SHARED_PAIR_COUNTS = {"shared-strategy": 82, "shared-partnership": 66}


def untag(name: str) -> str:
    return name.split("@", 1)[0]


def shared_pairs(kind: str) -> dict[frozenset[tuple[str, str]], tuple[tuple[str, ...], int]]:
    """Every unordered pair of themes naming one strategy (partnership): the names, strength."""
    index = 0 if kind == "shared-strategy" else 1
    themes = sorted(THEME_REFS)
    pairs = {}
    for i, a in enumerate(themes):
        for b in themes[i + 1:]:
            if frozenset((a, b)) in NESTED:
                continue
            shared = set(THEME_REFS[a][index]) & set(THEME_REFS[b][index])
            if shared:
                pairs[frozenset((a, b))] = (tuple(sorted(untag(s) for s in shared)), len(shared))
    return pairs


# -- plan-evolution ---------------------------------------------------------------------------

C05, S10, C20, D24, C24 = CORPORATE, SELF_ASSESSMENT, COUNTY20, DELIVERY, COUNTY24

#: (kind, item with council tag): (plans it appears in, plans that dropped it), oldest first.
#: "Dropped" counts only plans of a council whose plans include the item.
EVOLUTION: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    # partnerships
    ("partnership", "Children's Trust@city"): ((C05, S10, D24), ()),  # 65, 60, 121
    ("partnership", "Community Safety Partnership@city"): ((C05, S10, D24), ()),  # 58, 57, 121
    ("partnership", "Health and Wellbeing Board@city"): ((C05, S10, D24), ()),  # 71, 58, 121
    ("partnership", WLEP): ((C05, S10, C20, D24, C24), ()),  # 86, 46, 47, 63, 52
    ("partnership", "Older People's Forum@city"): ((S10,), (D24,)),
    ("partnership", "Wexbridge Partnership Board"): ((S10,), (D24,)),
    ("partnership", "Youth Forum@city"): ((S10,), (D24,)),
    ("partnership", "Children's Trust@county"): ((C20, C24), ()),  # 84, 124
    ("partnership", "Community Safety Partnership@county"): ((C20, C24), ()),  # 93, 127
    ("partnership", "Health and Wellbeing Board@county"): ((C20, C24), ()),  # 71, 122
    ("partnership", "Safeguarding Children Partnership@county"): ((C20,), (C24,)),  # 88
    ("partnership", "Transformation Board@county"): ((C20,), (C24,)),  # 18
    ("partnership", "Prevention Board@county"): ((C24,), ()),  # 123
    ("partnership", "Wexshire Growth Board"): ((C24,), ()),  # 117
    ("partnership", "Wexshire Housing Partnership"): ((C24,), ()),  # 133
    ("partnership", "Wexshire Integration Executive"): ((C24,), ()),  # 123
    ("partnership", "Wexshire Resilience Forum"): ((C24,), ()),  # 129
    ("partnership", "Wexshire Rural Partnership"): ((C24,), ()),  # 131
    ("partnership", "Wexshire Safeguarding Adults Board"): ((C24,), ()),  # 126 "(Wexshire SAB)"
    ("partnership", "Wexshire Transport Board"): ((C24,), ()),  # 119
    # strategies
    ("strategy", "Asset Management Plan@city"): ((C05,), (S10, D24)),
    ("strategy", "Housing Strategy@city"): ((C05, S10, D24), ()),  # 98, 59, 139
    ("strategy", "Joint Health and Wellbeing Strategy@city"): ((C05, S10, D24), ()),  # 58 "Strateay"
    ("strategy", "Local Transport Plan@city"): ((C05, S10, D24), ()),  # 79, 72, 77
    ("strategy", "Medium Term Financial Strategy@city"): ((C05, S10, D24), ()),  # 105, 80, 177
    # the LEP's plan, named by both councils; the self-assessment never names it
    ("strategy", SEP): ((C05, C20, D24, C24), (S10,)),
    # 2024-28's "Economic Growth Plan" is the Wexshire Growth Board's, not this one
    ("strategy", WEGP): ((C05, S10, C20, D24), (C24,)),
    ("strategy", "Workforce Programme@city"): ((C05,), (S10, D24)),
    # one plan under two names: years are not part of a strategy's identity (62, row 134)
    ("strategy", "Children and Young People's Plan 2024-27@city"): ((S10, D24), ()),
    ("strategy", "Corporate Plan@city"): ((S10,), (D24,)),  # 72
    ("strategy", "People Strategy@city"): ((S10,), (D24,)),  # 72
    ("strategy", "Community Safety Plan 2024-27@city"): ((S10, D24), ()),  # 102, row 138
    ("strategy", "Climate Action Plan@county"): ((C20,), (C24,)),
    ("strategy", "Customer Service Strategy@county"): ((C20,), (C24,)),
    ("strategy", "Economic Growth Plan@county"): ((C20, C24), ()),  # 51, 117
    ("strategy", "Housing Strategy@county"): ((C20, C24), ()),  # 84, 133
    ("strategy", "Joint Health and Wellbeing Strategy@county"): ((C20, C24), ()),  # 71, 122
    ("strategy", "Local Transport Plan@county"): ((C20, C24), ()),  # 47, 118
    ("strategy", "Medium Term Financial Strategy@county"): ((C20,), (C24,)),
    ("strategy", "People Strategy@county"): ((C20,), (C24,)),
    ("strategy", "Road Safety Programme@county"): ((C20,), (C24,)),
    ("strategy", "School Place Planning Strategy@county"): ((C20,), (C24,)),
    ("strategy", "Suicide Prevention Plan@county"): ((C20,), (C24,)),
    ("strategy", "Wexshire Improvement Programme"): ((C20,), (C24,)),
    ("strategy", "Young Carers Charter@county"): ((C20,), (C24,)),
    ("strategy", "Children and Young People's Plan@county"): ((C24,), ()),  # 137
    ("strategy", "Highway Asset Management Plan@city"): ((D24,), ()),
    ("strategy", "Riverside Masterplan@city"): ((D24,), ()),
    ("strategy", "Riverside Wexbridge"): ((D24,), ()),
    ("strategy", "Visitor Economy Strategy 2024-27@city"): ((D24,), ()),
    ("strategy", "Wexbridge Works"): ((D24,), ()),
    ("strategy", "Wexshire Care Integration Programme"): ((C24,), ()),
    ("strategy", "Wexshire Rail Strategy"): ((C24,), ()),
    ("strategy", "Wexshire Rural Framework"): ((C24,), ()),
    ("strategy", "Wexshire Safeguarding Adults Board Business Plan"): ((C24,), ()),
    ("strategy", "Wexshire Skills and Employment Strategy"): ((C24,), ()),
}
# Themes: no two plans share a theme name, so each theme lives in its own plan and is
# "dropped" by every later plan of the same council.
for _doc, _theme in THEME_REFS:
    _council = PLANS[_doc][2]
    _later = tuple(d for d in PLAN_ORDER[PLAN_ORDER.index(_doc) + 1:] if PLANS[d][2] == _council)
    EVOLUTION[("theme", _theme)] = ((_doc,), _later)

# -- unsupported-outcomes ---------------------------------------------------------------------

NS, NM = "NO_SUPPORT", "NO_MEASURE"
#: (document, theme, outcome): (level, reasons)
UNSUPPORTED: dict[tuple[str, str | None, str], tuple[str, tuple[str, ...]]] = {
    # Corporate Plan 2005: HC.3's milestone is the placeholder "Targets to be developed by
    # service areas" (73).
    (CORPORATE, "Health and Social Care",
     "To reduce health inequalities between the wards of the city"): ("priority", (NM,)),
    # Self-assessment 2010: its six actions support no ambition and it has no measures.
    (SELF_ASSESSMENT, "Ambition for the community", "Make Wexbridge the greenest city in the region"):
        ("ambition", (NM, NS)),
    (SELF_ASSESSMENT, "Ambition for the community", "A prosperous city"): ("ambition", (NM, NS)),
    (SELF_ASSESSMENT, "Ambition for the community", "A safe city"): ("ambition", (NM, NS)),
    (SELF_ASSESSMENT, "Ambition for the community", "A healthy city"): ("ambition", (NM, NS)),
    (SELF_ASSESSMENT, "Ambition for the community", "A city with homes for all"): ("ambition", (NM, NS)),
    (SELF_ASSESSMENT, "Ambition for the community", "A family-friendly city"): ("ambition", (NM, NS)),
    # Strategic Plan 2020-24: "Higher Level Skills" has no MEASURE/TARGET (67).
    (COUNTY20, "Investment in People – Skills and Jobs", "Higher Level Skills"): ("priority", (NM,)),
    # Strategic Plan 2024-28: the one action with an outcome supports Thriving Economy itself,
    # so every supporting outcome and the other four strategic outcomes have no support;
    # "People can reach services and opportunities without a car" (76) has no measures row.
    (COUNTY24, "Thriving Economy", "Wexshire has a skilled workforce ready for the jobs of the future"):
        ("supporting", (NS,)),
    (COUNTY24, "Thriving Economy",
     "Wexshire has the transport and digital infrastructure businesses need"): ("supporting", (NS,)),
    (COUNTY24, "Thriving Economy", "Town centres are places where businesses can flourish"):
        ("supporting", (NS,)),
    (COUNTY24, "Healthy and Independent Lives", "Healthy and Independent Lives"): ("strategic", (NS,)),
    (COUNTY24, "Healthy and Independent Lives", "Every child gets the best start in life"):
        ("supporting", (NS,)),
    (COUNTY24, "Healthy and Independent Lives", "People take control of their own health and wellbeing"):
        ("supporting", (NS,)),
    (COUNTY24, "Healthy and Independent Lives", "People are cared for at home whenever possible"):
        ("supporting", (NS,)),
    (COUNTY24, "Healthy and Independent Lives", "Carers are recognised and supported"):
        ("supporting", (NS,)),
    (COUNTY24, "Safe and Supported People", "Safe and Supported People"): ("strategic", (NS,)),
    (COUNTY24, "Safe and Supported People", "Adults and children at risk are protected from harm"):
        ("supporting", (NS,)),
    # measured under its alias "Families in Wexshire are resilient and able to cope" (176)
    (COUNTY24, "Safe and Supported People", "Families are resilient and able to cope"):
        ("supporting", (NS,)),
    (COUNTY24, "Safe and Supported People", "People feel safe in their neighbourhoods"):
        ("supporting", (NS,)),
    (COUNTY24, "Connected Communities", "Connected Communities"): ("strategic", (NS,)),
    (COUNTY24, "Connected Communities", "Communities are prepared for and resilient to emergencies"):
        ("supporting", (NS,)),
    (COUNTY24, "Connected Communities", "People can reach services and opportunities without a car"):
        ("supporting", (NM, NS)),
    (COUNTY24, "Connected Communities", "Volunteering and community action are growing"):
        ("supporting", (NS,)),
    (COUNTY24, "Connected Communities", "People protect and enhance the local environment"):
        ("supporting", (NS,)),
    (COUNTY24, "Good Homes for All", "Good Homes for All"): ("strategic", (NS,)),
    (COUNTY24, "Good Homes for All",
     "New homes are built in the right places to support a Thriving Economy"): ("supporting", (NS,)),
    (COUNTY24, "Good Homes for All", "There is enough specialist housing for people with care needs"):
        ("supporting", (NS,)),
    (COUNTY24, "Good Homes for All", "Existing homes become warmer and low carbon"):
        ("supporting", (NS,)),
    (COUNTY24, "Corporate Enablers", "Customers"): ("supporting", (NS,)),
    (COUNTY24, "Corporate Enablers", "People"): ("supporting", (NS,)),
    (COUNTY24, "Corporate Enablers", "Finance & Commercial"): ("supporting", (NS,)),
    # Delivery plan 2024-25: "Every declared outcome is supported and measured".
}
