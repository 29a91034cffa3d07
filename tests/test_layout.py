"""The repository layout: every package folder is one pyproject lists and maps.

pyproject names each package explicitly (``[tool.setuptools] packages``) and maps it to its
folder (``package-dir``); a folder left out still imports from a checkout (the editable install
finds it) but is missing from a built wheel. These tests catch that before a release does.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The root folders that hold the ``stratgraph`` subpackages.
PACKAGE_ROOTS = ("graph", "loaders", "cypher", "viz", "cli")


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _package_folders() -> dict[str, str]:
    """Import name -> folder (relative, "/"-separated) of every folder with an __init__.py."""
    found = {}
    for root in PACKAGE_ROOTS:
        for init in sorted((ROOT / root).rglob("__init__.py")):
            folder = init.parent.relative_to(ROOT)
            found["stratgraph." + ".".join(folder.parts)] = folder.as_posix()
    return found


def test_the_package_roots_are_packages() -> None:
    for root in PACKAGE_ROOTS:
        assert (ROOT / root / "__init__.py").is_file(), root


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(_setuptools()["packages"])
    missing = sorted(set(_package_folders()) - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_every_package_folder_is_mapped_to_its_folder() -> None:
    mapped = _setuptools()["package-dir"]
    wrong = {name: (mapped.get(name), folder) for name, folder in _package_folders().items()
             if mapped.get(name) != folder}
    assert not wrong, f"fix [tool.setuptools.package-dir] in pyproject.toml (got, want): {wrong}"


def test_every_listed_package_has_its_folder() -> None:
    setuptools = _setuptools()
    for name in setuptools["packages"]:
        folder = setuptools["package-dir"].get(name)
        assert folder is not None, f"{name} is listed but not mapped to a folder"
        assert (ROOT / folder / "__init__.py").is_file(), f"{name}: {folder}/__init__.py missing"
