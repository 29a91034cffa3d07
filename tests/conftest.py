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


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The five real plans in ../shared/corpus; tests using it skip when it is absent."""
    if not CORPUS.is_dir() or not any(CORPUS.glob("*.txt")):
        pytest.skip(f"real corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The repository's own fictional example corpus."""
    return EXAMPLES


def corpus_file(name: str) -> Path:
    """One real plan by file name; skips the test when the corpus is absent."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"real corpus file not found: {path}")
    return path
