"""article-reader: load scraped news articles, clean them, find the organisations they name.

The public API (stable; users' scripts rely on it)::

    from reader import load_article, load_folder
    article = load_article("articles/000_788af3e886619c0f.txt")
    print(article.title, article.date, article.text)

    from reader import split_fused_words, find_organisations, extract_html
"""
from __future__ import annotations

__version__ = "0.1.0"

import logging  # noqa: E402

# Scripts that use the reader as a library see none of its log records unless they
# configure logging; the command line and the window log to a file (reader.log.setup).
logging.getLogger(__name__).addHandler(logging.NullHandler())

from .record import Article, ArticleError, Draft, Link, Mention, Organisation  # noqa: E402

__all__ = [
    "Article", "ArticleError", "Draft", "Link", "Mention", "Organisation",
    "load_article", "load_file", "load_folder", "split_fused_words",
    "find_organisations", "extract_html", "__version__",
]


def __getattr__(name):  # lazy: importing reader stays cheap for the CLI and the window
    if name in ("load_article", "load_file", "load_folder"):
        from .read import load
        return getattr(load, name)
    if name == "split_fused_words":
        from .fused.repair import split_fused_words
        return split_fused_words
    if name == "find_organisations":
        from .organisations.recognise import find_organisations
        return find_organisations
    if name == "extract_html":
        from .read.formats.html import extract_html
        return extract_html
    raise AttributeError(f"module 'reader' has no attribute {name!r}")
