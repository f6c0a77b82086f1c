"""The article files under the paths of an export: local files and folders, or fsspec
URLs (``s3://bucket/news/``), listed where they are read (on a cluster, by a worker)."""
from __future__ import annotations

import os
from pathlib import PurePath

from ..library.exports import export_problem
from ..formats import article_format
from ..read.load import iter_article_paths
from .target import is_url


class MissingSources(Exception):
    """Paths of an export that do not exist (``args[0]``: the list)."""


class HoldsSources(Exception):
    """The export's folder holds some of its source articles (``str()``: the reason)."""


def resolve(path: str, cwd: str = "") -> str:
    """``path`` as the command line meant it: a relative path from the folder ``cwd`` it
    was typed in (a worker runs elsewhere), so that the articles keep the path as typed."""
    return path if not cwd or is_url(path) or os.path.isabs(path) else os.path.join(cwd, path)


def list_sources(paths: list[str], out: str, cwd: str = "") -> tuple[list[str], list[str], str]:
    """(article files in name order, the paths that do not exist, why ``out`` must not take
    the export ('' when it may: it is not a folder that holds or lies in the sources, the
    rule of :meth:`reader.library.Library.export_problem`)). Relative paths are read from
    ``cwd`` and listed as typed."""
    files: list[str] = []
    missing: list[str] = []
    for path in paths:
        if is_url(path):
            found = _list_url(path)
            if found is None:
                missing.append(path)
            else:
                files += found
            continue
        given = str(PurePath(path))
        real = str(PurePath(resolve(given, cwd)))
        if not os.path.exists(real):
            missing.append(path)
        else:
            files += [given + found[len(real):] for found in iter_article_paths([real])]
    problem = ""
    if not is_url(out):
        local = [resolve(p, cwd) for p in paths if not is_url(p)]
        problem = export_problem(resolve(out, cwd), local, [resolve(f, cwd) for f in files if not is_url(f)])
        problem = problem.replace(resolve(out, cwd), out, 1) if problem else ""
    return files, missing, problem


def _list_url(url: str) -> list[str] | None:
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(url)
    if not fs.exists(root):
        return None
    if not fs.isdir(root):
        return [url]
    protocol = url.split("://", 1)[0]
    found = []
    for path in sorted(fs.find(root)):
        relative = path[len(root.rstrip("/")) + 1:] if path.startswith(root.rstrip("/")) else path
        if any(part.startswith(".") for part in relative.split("/")):
            continue  # hidden, as in a local folder
        if article_format(path) is not None:
            found.append(fs.unstrip_protocol(path) if hasattr(fs, "unstrip_protocol") else f"{protocol}://{path}")
    return found
