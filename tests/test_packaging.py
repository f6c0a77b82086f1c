"""What `pip install .` ships: every package of reader/ is listed in pyproject.toml."""
from __future__ import annotations

import tomllib

from conftest import ROOT


def test_every_reader_package_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "reader").rglob("__init__.py") if "__pycache__" not in p.parts}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert "reader.resources" in listed
