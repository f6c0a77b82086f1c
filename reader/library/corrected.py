"""The user's corrections on an open folder: a new corrections value taken in place.

:func:`correct` is what the window runs after an edit, an undo or a redo: it stores the
value (atomically, before anything changes), corrects again only the open articles the
difference between the old and the new value can touch
(:func:`reader.corrections.recorrect`), puts those into the organisation index (so the
folder counts and ``org:`` search follow) and the stories' evidence (checked again at the
next :meth:`reader.library.Library.stories`), and returns them, corrected, by key (what
the document list shows). No Qt here.
"""
from __future__ import annotations

import logging
from typing import Callable

from ..corrections import Corrections, recorrect
from ..corrections.store import save as save_file
from ..record import Article

log = logging.getLogger(__name__)

Save = Callable[[Corrections], object]


def correct(library, new: Corrections, save: Save | None = save_file) -> dict[str, Article]:
    """Make ``new`` the corrections of ``library`` (and, with ``save``, the stored ones);
    key -> article as corrected now, for the open articles that may read otherwise.
    Raises OSError when the value cannot be stored: nothing has changed then."""
    old = library.corrections or Corrections()
    if new == old:
        return {}
    if save is not None:
        save(new)
    with library.lock:
        articles = list(library.articles.values())
    changed = recorrect(articles, old, new)
    with library.lock:
        library.corrections = new
        for key, article in changed.items():
            if library.articles.get(key) is not None:
                library.index.add(article)  # replaces the article's organisations
        library._stories.recorrect(changed)  # (this package's) their organisations count in stories
    log.info("corrections changed: %d articles corrected again", len(changed))
    return changed

