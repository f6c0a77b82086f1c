"""Where the cache file lives, what it is stamped with, and how big it may grow.

The cache is voided whenever :func:`pipeline_version` changes: a hash of the source of
every module and resource that shapes an Article. Its size limit is
:func:`limit_bytes`; :meth:`reader.library.cache.Cache.trim` keeps it under that. No Qt.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from ..assets import resources_dir

APP_NAME = "article-reader"
ENV_DIR = "ARTICLE_READER_CACHE_DIR"
ENV_VERSION = "ARTICLE_READER_PIPELINE_VERSION"  # pins the version (benchmarks in a tree being edited)
FILE_NAME = "cache.sqlite3"
SCHEMA = "8"  # bump when the tables or the article encoding change
ENV_LIMIT = "ARTICLE_READER_CACHE_MB"  # the cache's size limit in MB (default LIMIT_MB)
LIMIT_MB = 1024  # ~65,000 articles of ~5 KB with their full-text index (see Cache.trim)
SIZE_FACTOR = 2.25  # database bytes per byte of encoded articles, the full-text index included

# the parts of reader/ that shape an Article or its story evidence and pairs: changing one
# of them voids the cache
_PIPELINE = ("record.py", "assets.py", "formats.py", "counts.py", "read", "fused", "organisations", "stories")


def cache_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """A hash of every source file and resource that can change what a file loads as:
    the parts of ``reader/`` in ``_PIPELINE``, and all of ``resources/``. Computed once per process (a few milliseconds).
    ``$ARTICLE_READER_PIPELINE_VERSION`` replaces it (the benchmark pins the version it
    started with, so edits made to the tree while it runs do not void its cache)."""
    pinned = os.environ.get(ENV_VERSION)
    if pinned:
        return pinned
    digest = hashlib.sha256(SCHEMA.encode())
    package = Path(__file__).resolve().parent.parent
    files = [p for p in package.rglob("*.py")
             if p.relative_to(package).parts[0] in _PIPELINE and "__pycache__" not in p.parts]
    for path in sorted(files):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    try:
        res = resources_dir()
        for item in sorted(res.iterdir(), key=lambda p: p.name):
            if item.is_file() and not item.name.endswith((".pyc", ".md")):
                digest.update(b"resources/" + item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    except OSError:
        pass
    return digest.hexdigest()[:24]


def limit_bytes() -> int:
    """The cache's size limit: ``$ARTICLE_READER_CACHE_MB`` megabytes, or LIMIT_MB."""
    try:
        mb = float(os.environ.get(ENV_LIMIT, "") or LIMIT_MB)
    except ValueError:
        mb = LIMIT_MB
    return int(max(mb, 0) * 1e6)
