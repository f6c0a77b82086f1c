"""Shared test setup: a headless Qt platform, and settings/cache/log kept out of the user's home."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI draws the same generated examples every run, so that its verdict is the code's, not
# the draw's; a local run draws new ones, which is how new failures are found (and then
# kept as explicit cases).
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "articles"
SAMPLE_1 = ARTICLES / "000_788af3e886619c0f.txt"
SAMPLE_2 = ARTICLES / "001_f04f2131fcbc8157.txt"


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own config, cache, data and log folders: tests never touch the real ones."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ARTICLE_READER_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("ARTICLE_READER_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("ARTICLE_READER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    monkeypatch.setenv("ARTICLE_READER_LOG_DIR", str(base / "log"))
    yield
    from reader import log

    log.close()  # a test that started the log leaves no handler on a finished test's folder


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path
