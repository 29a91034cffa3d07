"""Tests that read the real plans skip when ../shared is absent, but never in CI: there a
missing corpus fails the run (a CI that skipped them all would pass with exit 0)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def _run(tmp_path: Path, ci: str | None, target: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    env["STRATGRAPH_CORPUS"] = str(tmp_path / "no-corpus")
    env["STRATGRAPH_PDFS"] = str(tmp_path / "no-pdf")
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", target],
        cwd=TESTS.parent, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.parametrize("target", [
    "tests/test_real_corpus_queries.py::test_county_2014_actions_have_no_deadline_or_owner",
    "tests/test_read_pdf.py::test_report_lines_know_their_page",
])
def test_a_missing_corpus_skips_locally_and_fails_in_ci(tmp_path: Path, target: str) -> None:
    local = _run(tmp_path, None, target)
    assert local.returncode == 0 and "1 skipped" in local.stdout, local.stdout
    ci = _run(tmp_path, "true", target)
    assert ci.returncode == 1, ci.stdout
    assert "CI=true: real inputs must be present" in ci.stdout
