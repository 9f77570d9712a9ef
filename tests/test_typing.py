"""`mypy --strict` over the whole package (configured in pyproject.toml), and every third-party
package the code imports declared as a dependency."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "debateprep"


def test_the_package_passes_mypy_strict() -> None:
    from mypy import api

    stdout, stderr, status = api.run(["--config-file", str(REPO / "pyproject.toml"),
                                      "--cache-dir", str(REPO / ".mypy_cache"), str(SRC)])
    assert status == 0, stdout + stderr


def _requirement_name(requirement: str) -> str:
    name = requirement.split(";")[0]
    for mark in "[<>=!~ ":
        name = name.split(mark)[0]
    return name.strip().lower().replace("_", "-")


def test_every_imported_package_is_declared() -> None:
    """A module the package imports comes from the standard library, the package itself, or a
    distribution named in [project] dependencies (or an extra that the import is guarded for)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_requirement_name(r) for r in project["dependencies"]}
    extras = {_requirement_name(r) for r in project["optional-dependencies"]["postgres"]}
    distributions = {module: {d.lower().replace("_", "-") for d in dists}
                     for module, dists in packages_distributions().items()}
    undeclared = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                     else [])
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("debateprep", "__future__"):
                    continue
                if not distributions.get(top, set()) & (declared | extras):
                    undeclared.setdefault(top, str(path.relative_to(SRC)))
    assert undeclared == {}
