"""Exports made for corpora: shards of JSON Lines or Parquet, an organisations table and a
list of the files that could not be read, written by the local process pool
(:mod:`.local`) or by a Dask cluster (:mod:`.cluster`), with the same output either way.

Both engines run the same two passes from :mod:`.passes`: load and recognise every file,
build the folder-wide organisation index, then write each article as the folder shows it.
No Qt here.
"""
from .shards import FORMATS, SHARD_SIZE

__all__ = ["FORMATS", "SHARD_SIZE"]
