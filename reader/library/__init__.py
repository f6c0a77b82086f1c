"""The library: the one door the window, the exporter and the command line use.

``library`` (open, refresh, search, the article as shown) over ``cache`` (SQLite with a
full-text index), ``search`` (the query language) and ``pool`` (loading on all cores)."""
from .library import Changes, Library, OpenStats, watched_folders

__all__ = ["Changes", "Library", "OpenStats", "watched_folders"]
