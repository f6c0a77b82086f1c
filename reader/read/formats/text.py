"""Plain-text articles: the whole file is the body; the cleaning pipeline lifts the
title, metadata lines and dateline out of it."""
from __future__ import annotations

from ...record import ArticleError, Draft


def parse(text: str, path: str) -> list[Draft]:
    if not text.strip():
        raise ArticleError(path, "the file is empty" if not text else "the file holds only whitespace")
    return [Draft(path=path, format="txt", body=text)]
