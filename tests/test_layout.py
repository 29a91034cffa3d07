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
        if name in setuptools["package-data"] and not list((ROOT / folder).glob("*.py")):
            assert (ROOT / folder).is_dir(), f"{name}: data folder {folder} missing"
            continue
        assert (ROOT / folder / "__init__.py").is_file(), f"{name}: {folder}/__init__.py missing"


def test_every_data_folder_is_a_package_of_its_own() -> None:
    # setuptools warns at every install ("Package 'stratgraph.viz.static' is absent from the
    # `packages` configuration") about a data subfolder that is not listed as a package.
    setuptools = _setuptools()
    data_folders = {
        "stratgraph." + ".".join(p.relative_to(ROOT).parts)
        for root in PACKAGE_ROOTS for p in (ROOT / root).rglob("*")
        if p.is_dir() and p.name != "__pycache__" and not (p / "__init__.py").exists()
        and any(f.is_file() for f in p.iterdir())
    }
    assert data_folders, "expected viz/static and viz/templates"
    missing = sorted(data_folders - set(setuptools["packages"]))
    assert not missing, f"list the data folders as packages in pyproject.toml: {missing}"
    for name in data_folders:
        assert setuptools["package-data"].get(name), f"{name}: give its files in package-data"


def test_the_license_is_an_spdx_string() -> None:
    # The table form (`license = { text = "MIT" }`) warns at every install with setuptools 77+.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert isinstance(project["license"], str)
