"""The named queries on the embedded store: exact rows on a synthetic graph, the registry and
Cypher files, the ``stratgraph query`` command, and the planted answers of ``examples/``.

The same cases run against a real Neo4j in ``test_queries_neo4j.py``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from example_answers import PLANS
from query_cases import CASES, HOUSING, ORPHANS, rows_as_tuples
from query_graphs import sample_graph
from stratgraph.graph.model import document_name
from stratgraph.cli.main import app
from stratgraph.graph.embedded import EmbeddedStore
from stratgraph.graph.queries import (
    QUERIES,
    cypher_text,
    get_query,
    list_queries,
    prepare_params,
    run_query,
)
from typer.testing import CliRunner

from stratgraph.errors import QueryError

runner = CliRunner()


@pytest.fixture
def sample_store(tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path / "graph.json")
    store.write(sample_graph())
    return store


# -- exact rows ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "params", "expected"), CASES,
                         ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(CASES)])
def test_exact_rows(sample_store: EmbeddedStore, name: str, params: dict[str, Any],
                    expected: list[tuple[Any, ...]]) -> None:
    assert rows_as_tuples(sample_store, name, params) == expected


def test_every_query_has_cases() -> None:
    assert {name for name, _, _ in CASES} == set(QUERIES)


def test_empty_graph_gives_no_rows(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "none.json")
    for spec in list_queries():
        assert run_query(store, spec.name) == []


def test_store_run_query_takes_prepared_params(sample_store: EmbeddedStore) -> None:
    rows = sample_store.run_query("orphan-actions", prepare_params("orphan-actions", {}))
    assert [r["action"] for r in rows] == [r[2] for r in ORPHANS]


# -- parameters and registry ----------------------------------------------------------------


def test_prepare_params_fills_nulls_and_converts() -> None:
    assert prepare_params("orphan-actions", {"reason": "no_outcome", "min_confidence": "0.5"}) == {
        "reason": "NO_OUTCOME", "theme": None, "plan": None, "min_confidence": 0.5,
    }
    assert prepare_params("coverage")["min_confidence"] == 0.0
    assert prepare_params("coverage", {"plan": " ", "min_confidence": ""}) == {
        "scope": None, "plan": None, "min_confidence": 0.0,
    }


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("no-such-query", {}, "unknown query 'no-such-query'"),
        ("orphan-actions", {"colour": "red"}, "unknown parameter(s) colour"),
        ("orphan-actions", {"reason": "LATE"}, "choose from NO_DEADLINE"),
        ("coverage", {"min_confidence": "high"}, "min_confidence"),
        ("coverage", {"min_confidence": 2}, "within 0..1"),
    ],
)
def test_bad_queries_and_params_raise_query_error(
    sample_store: EmbeddedStore, name: str, params: dict[str, Any], message: str
) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(sample_store, name, params)
    assert message in str(caught.value)


def test_injection_attempt_is_only_a_value(sample_store: EmbeddedStore) -> None:
    assert run_query(sample_store, "orphan-actions", {"theme": "x' OR 1=1 //"}) == []


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_cypher_file_documents_parameters_and_columns(name: str) -> None:
    text = cypher_text(name)
    header = "\n".join(line for line in text.splitlines() if line.startswith("//"))
    assert header.startswith(f"// {name}:")
    spec = get_query(name)
    for param in spec.params:
        assert f"${param.name}" in header and f"${param.name}" in text.replace(header, "")
    for column in spec.column_names:
        assert column in header, column
    # Values reach Cypher only as parameters: no Python format fields in the files.
    assert not re.search(r"\{[a-z_]+\}", text.replace(header, ""))
    # The returned columns themselves are checked on a real Neo4j (test_queries_neo4j.py).


def test_list_queries_are_all_described() -> None:
    names = [q.name for q in list_queries()]
    assert names == sorted(QUERIES)
    for spec in list_queries():
        assert spec.description.endswith(".")
        assert all(desc for _, desc in spec.columns)


# -- the command ------------------------------------------------------------------------------


@pytest.fixture
def graph_file(sample_store: EmbeddedStore) -> Path:
    return sample_store.path


def test_cli_list() -> None:
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0, result.output
    for name in QUERIES:
        assert name in result.output


def test_cli_json(graph_file: Path) -> None:
    result = runner.invoke(app, ["query", "orphan-actions", "--graph", str(graph_file),
                                 "--param", "theme=Housing", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["action"] for r in rows] == ["Survey stock"]
    assert rows[0]["theme_id"] == HOUSING


def test_cli_csv_joins_lists(graph_file: Path) -> None:
    result = runner.invoke(app, ["query", "orphan-actions", "--graph", str(graph_file),
                                 "-p", "reason=NO_DEADLINE", "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["action"], r["reasons"]) for r in rows] == [
        ("Survey stock", "NO_DEADLINE; NO_MEASURE; NO_OUTCOME")
    ]


def test_cli_table(graph_file: Path) -> None:
    result = runner.invoke(app, ["query", "coverage", "--graph", str(graph_file),
                                 "--param", "scope=plan"])
    assert result.exit_code == 0, result.output
    assert "coverage: 3 row(s)" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "unknown query 'nope'"),
        (["coverage", "--param", "scope"], "expected NAME=VALUE"),
        (["coverage", "--param", "scope=galaxy"], "choose from plan, theme"),
        (["coverage", "--format", "xml"], "choose from table, json, csv"),
        ([], "name a query"),
    ],
)
def test_cli_errors_are_one_line(graph_file: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["query", *args, "--graph", str(graph_file)])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_missing_graph_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "coverage", "--graph", str(tmp_path / "none.json")])
    assert result.exit_code == 1
    assert "stratgraph build" in result.output


# -- the example corpus: the planted answers of examples/answers/*.md --------------------------

DELIVERY = "wexbridge-city-delivery-plan-2024-25.txt"
CORPORATE = "wexbridge-city-corporate-plan-2005.txt"
SELF_ASSESSMENT = "wexbridge-city-self-assessment-2010.txt"
COUNTY20 = "wexshire-county-strategic-plan-2020-24.txt"
COUNTY24 = "wexshire-county-strategic-plan-2024-28.txt"

#: (document, action, reasons the answers file plants): each must be among the row's reasons.
PLANTED_ORPHANS = [
    (DELIVERY, "Host a civic reception for the twin town of Lindenau", {"NO_OUTCOME", "NO_MEASURE"}),
    (DELIVERY, "Tackle anti-social behaviour hotspots", {"NO_DEADLINE"}),
    (DELIVERY, "Review the council's taxi licensing policy", {"NO_DEADLINE"}),
    (DELIVERY, "Set a balanced budget for 2025/26", {"NO_OWNER"}),
    (DELIVERY, "Run a residents' survey", {"NO_OWNER"}),
    (CORPORATE, "Publish a quarterly litter league table for every ward",
     {"NO_OUTCOME", "NO_MEASURE", "NO_OWNER"}),
    (CORPORATE, "Run healthy living programmes in the six most deprived wards",
     {"NO_MEASURE", "NO_OWNER"}),
    # Shares only "city" with the ambitions: linking ignores place words, so it stays an orphan.
    (SELF_ASSESSMENT, "We will extend the residents' panel to every ward of the city",
     {"NO_OUTCOME", "NO_DEADLINE"}),
    (SELF_ASSESSMENT, "We will publish a refreshed Housing Strategy with our partners",
     {"NO_OUTCOME", "NO_DEADLINE"}),
    (SELF_ASSESSMENT, "We will introduce a new workforce development plan for all managers",
     {"NO_OUTCOME", "NO_DEADLINE"}),
    (SELF_ASSESSMENT,
     "We will report health performance to the Health and Wellbeing Board every quarter",
     {"NO_OUTCOME", "NO_DEADLINE"}),
    (SELF_ASSESSMENT, "We will open two more neighbourhood hubs", {"NO_OUTCOME", "NO_DEADLINE"}),
    (SELF_ASSESSMENT, "We will ask the Children's Trust to review early help for families",
     {"NO_OUTCOME", "NO_DEADLINE"}),
    (COUNTY20, "Review the youth service offer with the voluntary sector",
     {"NO_OUTCOME", "NO_MEASURE"}),
    (COUNTY20, "Publish a new Young Carers Charter", {"NO_OUTCOME", "NO_MEASURE"}),
    (COUNTY20, "Graduate retention scheme", {"NO_MEASURE"}),
    (COUNTY20, "Work with Wexbridge University on degree apprenticeships", {"NO_MEASURE"}),
    (COUNTY24, "Medium term commissioning strategies will be developed against the outcomes",
     {"NO_OUTCOME", "NO_DEADLINE"}),
    (COUNTY24, ("An annual performance report against the outcomes will be made publicly "
                "available each summer"), {"NO_OUTCOME", "NO_DEADLINE"}),
]

#: Every explicit cross-theme reference the answers files plant: (document, from, to).
PLANTED_EXPLICIT = {
    (DELIVERY, "A thriving economy", "Getting around Wexbridge"),
    (DELIVERY, "Healthy and safe communities", "Getting around Wexbridge"),
    (CORPORATE, "Community Safety", "Education"),
    (CORPORATE, "Community Safety", "Environment and Transport"),
    (CORPORATE, "Education", "Housing"),
    (CORPORATE, "Education", "Environment and Transport"),
    (CORPORATE, "Health and Social Care", "Housing"),
    (CORPORATE, "Jobs and the Economy", "Education"),
    (CORPORATE, "Housing", "Jobs and the Economy"),
    (COUNTY20, "Growing the Wexshire Economy", "Connected Places – A Greener Wexshire"),
    (COUNTY20, "Investment in Place – Sites and Broadband", "Connected Places – A Greener Wexshire"),
    (COUNTY20, "Connected Places – A Greener Wexshire", "Health and Wellbeing"),
    (COUNTY24, "Good Homes for All", "Thriving Economy"),
    (COUNTY24, "Healthy and Independent Lives", "Good Homes for All"),
}

#: Strategies and partnerships the answers say two themes of one plan both reference.
PLANTED_SHARED = [
    ("shared-strategy", "WLEP Strategic Economic Plan", "A thriving economy",
     "Getting around Wexbridge"),
    ("shared-strategy", "Local Transport Plan", "A thriving economy", "Getting around Wexbridge"),
    ("shared-strategy", "Housing Strategy", "Healthy and safe communities", "A well-run council"),
    ("shared-strategy", "Joint Health and Wellbeing Strategy", "Healthy and Independent Lives",
     "Good Homes for All"),
    ("shared-strategy", "WLEP Strategic Economic Plan", "Thriving Economy", "Good Homes for All"),
    ("shared-partnership", "Community Safety Partnership", "Safe and Supported People",
     "Connected Communities"),
]


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> EmbeddedStore:
    from stratgraph.api import build

    files = sorted(examples_dir.glob("*.txt"))
    assert [f.name for f in files] == sorted(PLANS)
    store = EmbeddedStore(tmp_path_factory.mktemp("examples") / "graph.json")
    result = build(files, store)
    assert result.ok, result.errors
    return store


def _doc_of(store: EmbeddedStore, document: str) -> None:
    if not any(document_name(d.get("source_document") or "") == document for _, d in store.networkx.nodes(data=True)):
        pytest.skip(f"{document} not in the example corpus yet")


@pytest.mark.parametrize(("document", "action", "reasons"), PLANTED_ORPHANS)
def test_examples_planted_orphans(examples_store: EmbeddedStore, document: str, action: str,
                                  reasons: set[str]) -> None:
    _doc_of(examples_store, document)
    rows = [r for r in run_query(examples_store, "orphan-actions", {"plan": document})
            if r["action"] == action]
    assert len(rows) == 1, f"{action!r} is not listed as an orphan"
    assert reasons <= set(rows[0]["reasons"]), rows[0]
    assert document_name(rows[0]['source_document']) == document


def test_examples_action_with_an_outcome_is_not_outcome_orphan(
    examples_store: EmbeddedStore,
) -> None:
    _doc_of(examples_store, COUNTY24)
    rows = run_query(examples_store, "orphan-actions", {"plan": COUNTY24})
    skills = [r for r in rows if r["action"].startswith("The Council will develop a Wexshire Skills")]
    assert all("NO_OUTCOME" not in r["reasons"] for r in skills)


def test_examples_unsupported_outcome_planted(examples_store: EmbeddedStore) -> None:
    _doc_of(examples_store, COUNTY24)
    rows = run_query(examples_store, "unsupported-outcomes",
                     {"plan": COUNTY24, "reason": "NO_MEASURE"})
    assert "People can reach services and opportunities without a car" in {
        r["outcome"] for r in rows}


def test_examples_explicit_cross_theme_links_exactly(examples_store: EmbeddedStore) -> None:
    rows = run_query(examples_store, "cross-theme-dependencies", {"kind": "explicit"})
    found = {(document_name(r["evidence"][0].rpartition(":")[0]), r["theme_a"], r["theme_b"])
             for r in rows}
    # The whole planted set: every example plan is built (the fixture asserts it), so a plan
    # whose links all went missing fails here rather than leaving the expected set.
    assert {p[0] for p in PLANTED_EXPLICIT} <= set(PLANS)
    assert found == PLANTED_EXPLICIT
    # Each reference counts: the delivery plan's row 77 refers to "Getting around Wexbridge"
    # twice ("Better bus and cycle links ...", "A new riverside walk ...").
    strength = {(r["theme_a"], r["theme_b"]): r["strength"] for r in rows}
    assert strength.pop(("A thriving economy", "Getting around Wexbridge")) == 2
    assert all(s == 1 for s in strength.values()) and all(r["via"] for r in rows)


@pytest.mark.parametrize(("kind", "via", "theme_x", "theme_y"), PLANTED_SHARED)
def test_examples_planted_shared_links(examples_store: EmbeddedStore, kind: str, via: str,
                                       theme_x: str, theme_y: str) -> None:
    rows = run_query(examples_store, "cross-theme-dependencies", {"kind": kind, "theme": theme_x})
    assert any(
        {r["theme_a"], r["theme_b"]} == {theme_x, theme_y} and via in r["via"] for r in rows
    ), f"{theme_x} / {theme_y} via {via} missing"


# -- the queries agree with each other (seeded random graphs) ----------------------------------


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("min_confidence", [0.0, 0.8])
def test_queries_agree_with_each_other(tmp_path: Path, seed: int, min_confidence: float) -> None:
    from query_random import random_graph

    store = EmbeddedStore(tmp_path / "graph.json")
    store.write(random_graph(seed))
    mc = {"min_confidence": min_confidence}
    orphans = run_query(store, "orphan-actions", mc)
    # coverage's golden share is the share of actions orphan-actions does not list.
    for row in run_query(store, "coverage", {"scope": "plan", **mc}):
        listed = sum(1 for o in orphans if o["plan_id"] == row["plan_id"])
        if row["actions"]:
            golden = row["actions"] - listed
            assert row["golden"] == ((2000 * golden + row["actions"]) // (2 * row["actions"])) / 1000
    # A lead's orphan actions are orphan actions.
    orphan_names = {o["action"] for o in orphans}
    for lead in run_query(store, "lead-portfolio", mc):
        assert set(lead["orphan_actions"]) <= orphan_names
    # An outcome some action reaches is supported; strategy-feeds only lists outcomes.
    unsupported = {o["outcome_id"] for o in run_query(
        store, "unsupported-outcomes", {"reason": "NO_SUPPORT", **mc})}
    outcome_ids = {n for n, d in store.networkx.nodes(data=True) if d["label"] == "Outcome"}
    assert unsupported <= outcome_ids
    assert {r["outcome_id"] for r in run_query(store, "strategy-feeds", mc)} <= outcome_ids
    # Raising min_confidence never removes an orphan.
    if min_confidence:
        before = {o["action_id"] for o in run_query(store, "orphan-actions")}
        assert before <= {o["action_id"] for o in orphans}


def test_docs_describe_every_query_and_column() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "queries.md").read_text("utf-8")
    for spec in list_queries():
        assert f"## {spec.name}" in docs
        section = docs.split(f"## {spec.name}", 1)[1].split("\n## ", 1)[0]
        for column in spec.column_names:
            assert f"`{column}`" in section, (spec.name, column)
        for param in spec.params:
            assert f"`{param.name}`" in section, (spec.name, param.name)


def test_cli_table_hides_ids_and_joins_source(graph_file: Path) -> None:
    result = runner.invoke(app, ["query", "orphan-actions", "--graph", str(graph_file),
                                 "-p", "theme=housing"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "action_id" not in result.output and "city-2013.txt:8" in result.output


@pytest.mark.parametrize("name", [
    "Jobs & Skills", "Économie", "Investment in Place – Sites and Broadband", "Children's  Trust",
    "snake_case", "  Getting about in Leicester ", "A Low-Carbon City!", "Straße", "Ünïcödé café",
])
def test_theme_key_is_the_model_normalised_name(name: str) -> None:
    from stratgraph.graph.model import normalise_name
    from stratgraph.graph.queries_view import name_key

    assert name_key(name) == normalise_name(name)


def test_examples_lead_portfolio_exactly(examples_store: EmbeddedStore) -> None:
    """Every lead of the example corpus and the themes they own, judged by reading the
    portfolios: Helen Marsh's "economic development, transport and regeneration" spans the
    economy and transport themes; Tom Okafor's "health and wellbeing, community safety and
    housing" and Priya Lal's "children, young people and schools" both fall in "Healthy and
    safe communities" (the delivery plan has no children's theme); the self-assessment states
    the Deputy Leader's and Cllr Rowe's responsibilities; the Leader is named with no portfolio."""
    rows = run_query(examples_store, "lead-portfolio", {})
    assert {r["lead"]: r["themes"] for r in rows} == {
        "Cllr Anita Rowe": ["Children & Young People"],
        "Helen Marsh": ["A thriving economy", "Getting around Wexbridge"],
        "Priya Lal": ["Healthy and safe communities"],
        # "adult social care": no title or heading names it; the plan's word for it,
        # "vulnerable adults" (126, row 134), is in that theme alone.
        "Sam Reid": ["Healthy and safe communities"],
        "Tom Okafor": ["Healthy and safe communities"],
        "the Deputy Leader": ["Performance management"],
        "the Leader": [],
    }
    marsh = next(r for r in rows if r["lead"] == "Helen Marsh")
    assert marsh["orphan_actions"] == ["Host a civic reception for the twin town of Lindenau"]


def test_examples_delivery_plan_orphans_exactly(examples_store: EmbeddedStore) -> None:
    """The delivery-plan example's orphan actions are exactly the planted ones."""
    rows = run_query(examples_store, "orphan-actions", {"plan": DELIVERY})
    assert {(r["action"], tuple(r["reasons"])) for r in rows} == {
        ("Host a civic reception for the twin town of Lindenau", ("NO_MEASURE", "NO_OUTCOME")),
        ("Tackle anti-social behaviour hotspots", ("NO_DEADLINE",)),
        ("Review the council's taxi licensing policy", ("NO_DEADLINE",)),
        ("Set a balanced budget for 2025/26", ("NO_OWNER",)),
        ("Run a residents' survey", ("NO_OWNER",)),
        *{(r["action"], tuple(r["reasons"])) for r in rows if r["theme"] == "A well-run council"},
    }
    well_run = [r for r in rows if r["theme"] == "A well-run council"]
    assert len(well_run) == 4 and all(r["reasons"] == ["NO_OWNER"] for r in well_run)


#: Every action of the example corpus that reaches no declared outcome, as the answers files
#: plant them: the Lindenau reception (delivery plan), the self-assessment's six "we will"
#: commitments, the coded plan's uncoded litter row, the 2020-24 row with an empty PRIORITY
#: cell, and the 2024-28 commitments that sit outside every outcome.
ALL_NO_OUTCOME = {
    (DELIVERY, "Host a civic reception for the twin town of Lindenau"),
    (SELF_ASSESSMENT, "We will extend the residents' panel to every ward of the city"),
    (SELF_ASSESSMENT, "We will introduce a new workforce development plan for all managers"),
    (SELF_ASSESSMENT, "We will ask the Children's Trust to review early help for families"),
    (SELF_ASSESSMENT,
     "We will report health performance to the Health and Wellbeing Board every quarter"),
    (SELF_ASSESSMENT, "We will publish a refreshed Housing Strategy with our partners"),
    (SELF_ASSESSMENT, "We will open two more neighbourhood hubs"),
    (CORPORATE, "Publish a quarterly litter league table for every ward"),
    (COUNTY20, "Publish a new Young Carers Charter"),
    (COUNTY20, "Review the youth service offer with the voluntary sector"),
    (COUNTY24, "Medium term commissioning strategies will be developed against the outcomes"),
    (COUNTY24, "An annual performance report against the outcomes will be made publicly "
               "available each summer"),
}


def test_examples_no_outcome_orphans_exactly(examples_store: EmbeddedStore) -> None:
    rows = run_query(examples_store, "orphan-actions", {"reason": "NO_OUTCOME"})
    found = {(document_name(r["source_document"]), r["action"]) for r in rows}
    digital = {f for f in found if f[1].startswith("We will publish a Wexshire Digital Strategy")}
    # The digital strategy commitment (2024-28, line 147) also sits outside every outcome.
    assert len(digital) == 1 and digital.pop()[0] == COUNTY24
    assert {f for f in found if not f[1].startswith("We will publish a Wexshire Digital")} == \
        ALL_NO_OUTCOME


def test_examples_no_measure_orphans_exactly(examples_store: EmbeddedStore) -> None:
    """No measure: every NO_OUTCOME orphan (nothing above them is measured) plus the planted
    rows without targets: HC.3's placeholder milestone, the 2020-24 "Higher Level Skills" row,
    and the 2024-28 skills commitment whose outcome has no measure."""
    rows = run_query(examples_store, "orphan-actions", {"reason": "NO_MEASURE"})
    found = {(document_name(r["source_document"]), r["action"]) for r in rows
             if not r["action"].startswith(("We will publish a Wexshire Digital",
                                            "The Council will develop a Wexshire Skills"))}
    assert found == ALL_NO_OUTCOME | {
        (CORPORATE, "Run healthy living programmes in the six most deprived wards"),
        (COUNTY20, "Graduate retention scheme"),
        (COUNTY20, "Work with Wexbridge University on degree apprenticeships"),
    }
    assert len(rows) == len(found) + 2


# -- plan-evolution of one organisation: its part of the graph alone ------------------------


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("min_confidence", [0.0, 0.8])
def test_plan_evolution_of_one_organisation_reads_its_part_alone(
        tmp_path: Path, seed: int, min_confidence: float) -> None:
    """With an organisation the embedded store loads only what its rows read, found from its
    plans (graph/sqlite_evolution_load.py), and answers exactly as over the whole graph."""
    from query_random import organisation_graph
    from stratgraph.graph import queries_links as ql
    from stratgraph.graph.queries_view import View

    graph = organisation_graph(seed)
    EmbeddedStore(tmp_path / "graph.db").write(graph)
    whole = EmbeddedStore(tmp_path / "graph.db").networkx
    columns = get_query("plan-evolution").column_names
    for organisation in ("CITY", "county", "nobody"):
        params = prepare_params("plan-evolution", {"organisation": organisation,
                                                    "min_confidence": min_confidence})
        expected = [{c: r[c] for c in columns}
                    for r in ql.plan_evolution(View(whole, min_confidence), params)]
        store = EmbeddedStore(tmp_path / "graph.db")
        assert run_query(store, "plan-evolution", params) == expected, organisation
        assert store._nx is None  # the whole graph was never loaded
    assert any(r["item"] == "Board 2" for r in run_query(
        EmbeddedStore(tmp_path / "graph.db"), "plan-evolution", {"organisation": "city"}))
