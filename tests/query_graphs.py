"""Small synthetic graphs for the named-query tests, built the way loaders build them.

Three plans of two councils: a city plan of 2013 with Housing and Transport, a county plan
of 2014 with Economy, and a city plan of 2016 with "transport" again. Every query has at least
one row of each kind to find, and one link that only counts below a confidence threshold.
"""

from __future__ import annotations

from stratgraph.graph.builder import DocumentGraphBuilder
from stratgraph.graph.data import GraphData
from stratgraph.graph.model import Method, RelType

CITY13 = "city-2013.txt"
COUNTY14 = "county-2014.txt"
CITY16 = "city-2016.txt"


def sample_graph() -> GraphData:
    """The three plans in one graph (with one inferred SUPPORTS and one inferred OWNS)."""
    graph = GraphData()

    b = DocumentGraphBuilder(CITY13)
    b.plan("Delivery Plan 2013", 1, organisation="City Council", start_year=2013, end_year=2014)
    housing = b.theme("Housing", 3)
    homes = b.outcome("Decent homes", 4, theme=housing, level="theme")
    build = b.outcome("Build homes", 5, theme=housing, level="objective")
    survey_obj = b.outcome("Know the stock", 6, theme=housing, level="objective")
    a1 = b.action("Build 100 homes", 7, theme=housing, deadline="March 2014")
    a2 = b.action("Survey stock", 8, theme=housing)
    m1 = b.measure("Homes built", 9, theme=housing, target="100")
    s1 = b.strategy("Housing Strategy", 7)
    smith = b.lead("Cllr Smith", 2, portfolio="Housing")
    b.link(RelType.OWNS, smith, housing, 2)
    b.link(RelType.SUPPORTS, build, homes, 5)
    b.link(RelType.SUPPORTS, a1, build, 7)
    b.link(RelType.SUPPORTS, a2, survey_obj, 8)
    b.link(RelType.MEASURED_BY, homes, m1, 9)
    b.link(RelType.REFERENCES, a1, s1, 7)

    transport = b.theme("Transport", 11)
    buses = b.outcome("Better buses", 12, theme=transport, level="theme")
    b.outcome("Cleaner air", 13, theme=transport, level="theme")
    m2 = b.measure("Bus punctuality", 14, theme=transport)
    a3 = b.action("Bus lanes", 15, theme=transport, deadline="2014")
    a4 = b.action("Cycle routes", 16, theme=transport, deadline="Ongoing")
    p1 = b.partnership("Transport Board", 16)
    b.link(RelType.MEASURED_BY, buses, m2, 14)
    b.link(RelType.SUPPORTS, a3, buses, 15)
    b.link(RelType.SUPPORTS, a4, buses, 16, method=Method.INFERRED, confidence=0.7)
    b.link(RelType.REFERENCES, a3, s1, 15)
    b.link(RelType.REFERENCES, a4, p1, 16)
    b.link(RelType.OWNS, smith, a3, 15)
    b.link(RelType.DEPENDS_ON, transport, housing, 17, evidence="see Housing")
    jones = b.lead("Cllr Jones", 2, portfolio="Transport and air")
    b.link(RelType.OWNS, jones, transport, 2, method=Method.INFERRED, confidence=0.65)
    graph.update(b.graph)

    c = DocumentGraphBuilder(COUNTY14)
    c.plan("Strategic Plan 2014", 1, organisation="County Council", start_year=2014)
    economy = c.theme("Economy", 2)
    growth = c.outcome("A growing economy", 3, theme=economy, level="strategic")
    a6 = c.action("Back local firms", 4, theme=economy, deadline="2015")
    m3 = c.measure("Jobs created", 5, theme=economy)
    s1c = c.strategy("housing strategy", 6)
    s2 = c.strategy("Growth Plan", 3)
    c.link(RelType.SUPPORTS, a6, growth, 4)
    c.link(RelType.MEASURED_BY, a6, m3, 5)
    c.link(RelType.REFERENCES, a6, s1c, 6)
    c.link(RelType.REFERENCES, growth, s2, 3)
    graph.update(c.graph)

    d = DocumentGraphBuilder(CITY16)
    d.plan("Delivery Plan 2016", 1, organisation="City Council", start_year=2016)
    transport16 = d.theme("transport", 2)
    a5 = d.action("Park and ride", 3, theme=transport16, deadline="2017")
    p1d = d.partnership("Transport Board", 3)
    s1d = d.strategy("Housing Strategy", 4)
    d.link(RelType.REFERENCES, a5, p1d, 3)
    d.link(RelType.REFERENCES, transport16, s1d, 4)
    graph.update(d.graph)
    return graph
