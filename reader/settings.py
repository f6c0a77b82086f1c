"""The window's remembered state: a small JSON file in the user's config folder.

No Qt here: the window stores what Qt gives it (geometry as base64 text, splitter
sizes as ints). The file lives in ``platformdirs.user_config_dir("article-reader")``,
or in ``$ARTICLE_READER_CONFIG_DIR`` when that is set (tests point it at a tmp dir).
It is written atomically; a missing file gives defaults, a broken one gives defaults
plus a ``note`` the window shows in its status bar.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from .files import write_atomic

log = logging.getLogger(__name__)

APP_NAME = "article-reader"
ENV_DIR = "ARTICLE_READER_CONFIG_DIR"
FILE_NAME = "settings.json"
RECENT_LIMIT = 10
THEMES = ("system", "light", "dark")


def config_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


@dataclass
class Settings:
    geometry: str = ""  # base64 of QWidget.saveGeometry()
    splitter: list[int] = field(default_factory=list)
    sort_column: int = 1  # date
    sort_descending: bool = True
    zoom: int = 0  # steps from the default font size
    theme: str = "system"
    last_paths: list[str] = field(default_factory=list)  # what was open last time
    last_article: str = ""  # Article.key
    recent: list[str] = field(default_factory=list)
    only_selected: bool = False  # highlight only the selected organisation
    by_story: bool = False  # the list shows one row per story
    export_dir: str = ""  # where the last export went
    export_format: str = "txt"  # and in which format
    note: str = field(default="", compare=False)  # why the file could not be used

    path: Path | None = field(default=None, compare=False, repr=False)

    @classmethod
    def load(cls, directory: Path | None = None) -> "Settings":
        path = (directory or config_dir()) / FILE_NAME
        settings = cls(path=path)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return settings
        except OSError as err:
            settings.note = f"Settings could not be read ({err.strerror}); using defaults."
            log.warning("%s: %s", path, settings.note)
            return settings
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError:
            settings.note = f"Settings file {path} was damaged; using defaults."
            log.warning(settings.note)
            return settings
        bad = settings._apply(data)
        if bad:
            settings.note = f"Some settings were invalid and reset: {', '.join(sorted(bad))}."
            log.warning("%s: %s", path, settings.note)
        return settings

    def _apply(self, data: dict) -> list[str]:
        """Take every known, well-typed value from ``data``; return the names refused."""
        defaults = Settings()
        bad = []
        for f in fields(self):
            if f.name in ("note", "path") or f.name not in data:
                continue
            value = data[f.name]
            if _valid(f.name, value, getattr(defaults, f.name)):
                setattr(self, f.name, list(value) if isinstance(value, list) else value)
            else:
                bad.append(f.name)
        return bad

    def save(self) -> None:
        """Write atomically: a temporary file beside the target, then rename."""
        if self.path is None:
            self.path = config_dir() / FILE_NAME
        data = {k: v for k, v in asdict(self).items() if k not in ("note", "path")}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, json.dumps(data, indent=2, ensure_ascii=False))

    def add_recent(self, path: str) -> None:
        self.recent = [path] + [p for p in self.recent if p != path]
        del self.recent[RECENT_LIMIT:]


def _valid(name: str, value, default) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and -1000 < value < 1000
    if isinstance(default, list):
        kind = int if name == "splitter" else str
        return isinstance(value, list) and all(
            isinstance(v, kind) and not isinstance(v, bool) for v in value
        )
    if name == "theme":
        return value in THEMES
    if name == "export_format":
        return value in ("txt", "md", "html", "json")
    return isinstance(value, str)
