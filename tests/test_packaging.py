"""What `pip install .` ships: every package of reader/ is listed in pyproject.toml."""
from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from conftest import ROOT


def test_every_reader_package_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "reader").rglob("__init__.py") if "__pycache__" not in p.parts}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert "reader.resources" in listed


def _distribution(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_library_reader_imports_is_a_declared_dependency():
    """An install has what reader/ imports: each third-party module it imports comes from
    a distribution named in pyproject.toml's dependencies or extras (not one that merely
    happens to come along with another)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = set()
    for requirement in project["dependencies"] + sum(project["optional-dependencies"].values(), []):
        name, extras = re.match(r"([A-Za-z0-9_.-]+)(?:\[([^]]*)\])?", requirement).groups()
        declared.add(_distribution(name))
        declared.update(_distribution(x) for x in (extras or "").split(",") if x)  # dask[distributed]
    imported = set()
    for path in (ROOT / "reader").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"reader", "__future__"}
    providers = importlib.metadata.packages_distributions()
    undeclared = {m: providers.get(m, ["?"]) for m in third_party
                  if not {_distribution(d) for d in providers.get(m, [])} & declared}
    assert undeclared == {}, "declare these in pyproject.toml's dependencies"
