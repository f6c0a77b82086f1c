"""Stories: the same event told many times, grouped, and two versions compared.

``evidence`` (what an article says that identifies its event: shingles of its words,
the names, numbers and organisations it names, its date) → ``group`` (candidates by
MinHash/LSH and by an index of rare names and numbers, never all pairs; then a verdict
per pair) → ``compare`` (what one version has that the other lacks)."""
from .compare import Comparison, compare
from .group import Story, group_stories

__all__ = ["Comparison", "Story", "compare", "group_stories"]
