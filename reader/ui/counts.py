"""The window's name for :func:`reader.counts.counted` (the command line words counts too)."""
from reader.counts import counted  # noqa: F401
