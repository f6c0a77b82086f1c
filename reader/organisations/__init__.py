"""Organisations named in an article, and merged across a folder.

``lexicon`` (the gazetteer and word lists) → ``scan`` (one recognition pass over a text)
→ ``recognise`` (an article's organisations, with all their names) → ``index`` (the
folder-wide index that merges them across articles)."""
from .index import IndexEntry, OrganisationIndex
from .recognise import find_organisations, organisations_of, with_folder_names

__all__ = ["IndexEntry", "OrganisationIndex", "find_organisations", "organisations_of",
           "with_folder_names"]
