"""Shared fixtures: the real corpus (skipped when absent), the example corpus, stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
CORPUS = Path(os.environ.get("STRATGRAPH_CORPUS", REPO.parent / "shared" / "corpus"))

# The real-Neo4j fixtures live in their own module; pytest picks them up from here.
pytest_plugins = ["neo4j_fixtures"]


def in_ci() -> bool:
    """Whether this run is CI (``CI=true``, as GitHub Actions, GitLab and most runners set)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing_real_input(reason: str) -> None:
    """Skip a test whose real input (../shared) is absent; in CI, fail it instead: a CI run
    without the real plans would otherwise pass with every real-input test skipped."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: real inputs must be present; set STRATGRAPH_CORPUS "
                    "and STRATGRAPH_PDFS)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The five real plans in ../shared/corpus; tests using it skip when it is absent
    (and fail in CI)."""
    if not CORPUS.is_dir() or not any(CORPUS.glob("*.txt")):
        missing_real_input(f"real corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The repository's own fictional example corpus."""
    return EXAMPLES


def corpus_file(name: str) -> Path:
    """One real plan by file name; skips the test when the corpus is absent (fails in CI)."""
    path = CORPUS / name
    if not path.is_file():
        missing_real_input(f"real corpus file not found: {path}")
    return path


_neo4j_outcomes: dict[str, str] = {}


def need_soffice() -> None:
    """Skip a test that needs LibreOffice where it is absent, but fail in CI (or when
    STRATGRAPH_REQUIRE_SPREADSHEET=1): there it must run."""
    from stratgraph.loaders.read.convert import soffice

    if soffice() is None:
        reason = "no LibreOffice (make spreadsheet installs it)"
        if os.environ.get("CI") or os.environ.get("STRATGRAPH_REQUIRE_SPREADSHEET") == "1":
            pytest.fail(f"the LibreOffice test must run here, but {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def stop_pdf_browser():
    """Stop the Chromium the PDF writers share after a module that printed with it, so the
    browser tests that run later can start their own sync Playwright."""
    yield
    from formats.to_pdf_designed import close_browser

    close_browser()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Remember which tests need the real Neo4j, to check after the run that they ran."""
    for item in items:
        if item.get_closest_marker("neo4j"):
            _neo4j_outcomes[item.nodeid] = "not run"


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Record how each real-Neo4j test ended (a skip in setup counts as skipped)."""
    if report.nodeid in _neo4j_outcomes and (report.when == "call" or report.outcome != "passed"):
        if _neo4j_outcomes[report.nodeid] in ("not run", "passed"):
            # An expected failure ran (pytest reports it as skipped, with ``wasxfail``).
            xfailed = report.skipped and hasattr(report, "wasxfail")
            _neo4j_outcomes[report.nodeid] = "xfailed" if xfailed else report.outcome


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With STRATGRAPH_REQUIRE_NEO4J=1 (as in CI), a skipped Neo4j test fails the run."""
    if os.environ.get("STRATGRAPH_REQUIRE_NEO4J") != "1" or not _neo4j_outcomes:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = sorted(k for k, v in _neo4j_outcomes.items() if v == "skipped")
    ran = sum(1 for v in _neo4j_outcomes.values() if v in ("passed", "failed", "xfailed"))
    if skipped:
        if reporter:
            reporter.write_line(
                f"FAILED: {len(skipped)} real-Neo4j test(s) were skipped; they must run "
                f"(first: {skipped[0]})", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    elif reporter:
        reporter.write_line(f"real-Neo4j tests ran: {ran}")


# Fuzz tests explore new inputs on developers' machines, but CI must be repeatable: a red CI
# blocks landing, so there the examples are derived from the test names instead of at random.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") or os.environ.get("STRATGRAPH_REQUIRE_NEO4J") == "1":
    _hypothesis_settings.load_profile("ci")
