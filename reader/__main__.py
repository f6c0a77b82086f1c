"""``python -m reader`` is the ``article-reader`` command."""
import sys

from .cli import main

if __name__ == "__main__":  # process-pool workers import this module too; only the parent runs
    sys.exit(main())
