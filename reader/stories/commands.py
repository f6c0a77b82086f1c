"""``article-reader stories`` and ``article-reader compare``: their output is a contract.

stories --json: a list of ``{"title", "articles": [{"path", "title", "date"}]}``, stories
with several versions first. compare --json: ``{"organisations": {"both", "only_first",
"only_second"}, "sentences": {"only_first", "only_second"}}``.
"""
from __future__ import annotations

import json
import logging
import os
import sys
from typing import Callable

from ..counts import counted
from ..record import Article, ArticleError
from .compare import compare
from .group import Story

log = logging.getLogger(__name__)


Err = Callable[[str], None]  # says one line on stderr, as the command line words it


def cmd_stories(paths: list[str], as_json: bool, jobs: int, err: Err, corrections: bool = True) -> int:
    """``stories`` over ``paths`` (checked by the command line: they exist, jobs >= 0);
    the organisations counted are those the user's corrections give (``corrections``)."""
    from ..corrections.commands import user_corrections
    from ..library import Library

    # the library export uses (no cache, no full-text index): loaded on `jobs` processes,
    # which make each article's evidence as they load it
    library = Library(cache=False, searchable=False)
    library.corrections = user_corrections(corrections, err)
    try:
        library.open(paths, jobs=jobs or None)
        stories = library.stories()
    finally:
        library.close()
    failures = len(library.failures)
    for failure in library.failures.values():
        err(f"{failure.path}: {failure.reason}")
    if as_json:
        _write(json.dumps([story_json(s) for s in stories], ensure_ascii=False, indent=2))
    else:
        _write("\n".join(_story_text(s) for s in stories))
    return 1 if failures else 0


def one_per_story_of(stories: list[Story]) -> tuple[list[Article], dict[str, list[Article]]]:
    """What ``export --one-per-story`` writes: each story's fullest version, and for each
    of those the story's other versions (earliest first), to be named in its file."""
    kept, others = [], {}
    for story in stories:
        fullest = story.fullest
        kept.append(fullest)
        if len(story.articles) > 1:
            others[fullest.key] = [a for a in story.articles if a.key != fullest.key]
    return kept, others


def story_json(story: Story) -> dict:
    return {"title": story.title,
            "articles": [{"path": a.path, "title": a.title, "date": a.date} for a in story.articles]}


def _story_text(story: Story) -> str:
    n = len(story.articles)
    head = f"{n} versions: {story.title}" if n > 1 else story.title
    return "\n".join([head] + [f"    {a.date or '----------'}  {a.path}" for a in story.articles])


def cmd_compare(first: str, second: str, as_json: bool, err: Err, corrections: bool = True) -> int:
    """``compare`` of the first articles of two files, as shown: with the user's
    corrections applied (``corrections``), as ``clean`` and ``export`` apply them."""
    from ..corrections import apply
    from ..corrections.commands import user_corrections

    a, b = _one_article(first, err), _one_article(second, err)
    if a is None or b is None:
        return 2
    if fixes := user_corrections(corrections, err):
        a, b = apply(a, fixes), apply(b, fixes)
    result = compare(a, b)
    if as_json:
        _write(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    lines = [f"A: {a.title}  ({a.path})", f"B: {b.title}  ({b.path})", ""]
    for label, names in (("Organisations in both", result.organisations_both),
                         ("Organisations only in A", result.organisations_only_first),
                         ("Organisations only in B", result.organisations_only_second)):
        lines.append(f"{label}: {', '.join(names) if names else 'none'}")
    for label, sentences in (("Only in A", result.sentences_only_first),
                             ("Only in B", result.sentences_only_second)):
        lines += ["", f"{label} ({counted(len(sentences), 'sentence')}):"]
        lines += [f"  - {s}" for s in sentences]
    _write("\n".join(lines))
    return 0


def _one_article(path: str, err: Err) -> Article | None:
    from ..read.load import load_file

    if os.path.isdir(path):
        err(f"{path}: is a folder; `compare` takes two article files")
        return None
    try:
        articles = load_file(path)
    except ArticleError as problem:
        err(f"{problem.path}: {problem.reason}")
        return None
    except Exception as problem:  # never a traceback for bad input
        log.exception("reading %s for compare", path)
        err(f"{path}: could not be read ({type(problem).__name__}: {problem})")
        return None
    if len(articles) > 1:
        err(f"{path}: holds {len(articles)} articles; comparing the first")
    return articles[0]


def _write(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
