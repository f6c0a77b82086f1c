"""The command line: ``article-reader clean``, ``export``, ``corrections``, and the window.

Stable: users' scripts rely on the subcommands, their options, the JSON keys and the
exit codes (0 success, 1 some files failed, 2 usage or unreadable input).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from . import __version__
from .corpus.shards import FORMATS as CORPUS_FORMATS, SHARD_SIZE
from .counts import counted
from .formats import names
from .log import setup as log_to_file

log = logging.getLogger(__name__)

PROG = "article-reader"
USAGE = f"""\
{PROG} [FOLDER|FILE ...]                 open the reader window
{PROG} clean PATH [--json] [--no-corrections]
                                          print the cleaned article
{PROG} export PATH ... --format FMT --out DIR [--jobs N | --scheduler ADDRESS] [--no-corrections]
        [--one-per-story]                 write one cleaned file per article (or per story), or
                                          shards of articles (--format jsonl, parquet)
{PROG} corrections import FILE | export FILE | list
                                          the organisations you corrected
{PROG} stories PATH ... [--json] [--no-corrections]
                                          group the articles into stories
{PROG} compare A B [--json] [--no-corrections]
                                          what one version of a story has that the other lacks"""


def _err(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, usage=USAGE, description=(
        "A reader for folders of scraped news articles: cleans them and marks the organisations they name."))
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    clean = sub.add_parser("clean", help="print one file's cleaned article(s)",
                           description="Print the cleaned article: title, blank line, paragraphs; "
                                       "or with --json one JSON object (a list for files that hold several).")
    clean.add_argument("path", metavar="PATH")
    clean.add_argument("--json", action="store_true", help="print a JSON object instead of text")
    _no_corrections(clean)
    export = sub.add_parser("export", help="write cleaned articles to a folder",
                            description="Write one cleaned file per article into DIR, named from its title (or "
                                        "with --format jsonl or parquet, shards of "
                                        f"{SHARD_SIZE:,} articles, organisations.csv and "
                                        "failures.jsonl). "
                                        "All articles are loaded first (names one article defines are "
                                        "marked in the others, as in the window), then written.")
    export.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    export.add_argument("--format", "-f", required=True, choices=(*names(), *CORPUS_FORMATS),
                        help=f"one file per article ({', '.join(names())}) or shards of "
                             f"{SHARD_SIZE:,} articles ({', '.join(CORPUS_FORMATS)})")
    export.add_argument("--out", "-o", required=True, metavar="DIR", help="the folder to write into")
    export.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                        help="worker processes (default: all cores)")
    export.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on the Dask cluster of this scheduler (tcp://host:8786) instead of --jobs")
    export.add_argument("--shard-size", type=int, default=SHARD_SIZE, help=argparse.SUPPRESS)
    _no_corrections(export)
    export.add_argument("--one-per-story", action="store_true",
                        help="write one article per story (its fullest version), naming the others in it")
    corrections = sub.add_parser("corrections", prog=f"{PROG} corrections",
                                 help="your corrections to the organisations",
                                 description="The organisations you corrected (in the window, or "
                                             "imported), applied to every folder, by clean and by export.")
    verbs = corrections.add_subparsers(dest="action", metavar="ACTION", required=True)
    for verb, what in (("import", "merge FILE into your corrections"),
                       ("export", "write your corrections to FILE (- for standard output)"),
                       ("list", "print your corrections")):
        verb_parser = verbs.add_parser(verb, prog=f"{PROG} corrections {verb}", help=what, description=what)
        if verb != "list":
            verb_parser.add_argument("file", metavar="FILE")
    stories = sub.add_parser("stories", help="group articles that tell the same event",
                             description="Group the articles into stories (the same event told "
                                         "many times: copies, updates, rewrites by other outlets); "
                                         "every article is in exactly one story.")
    stories.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    stories.add_argument("--json", action="store_true", help="print JSON instead of text")
    stories.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                         help="worker processes (default: all cores)")
    _no_corrections(stories)
    compare = sub.add_parser("compare", help="compare two versions of a story",
                             description="The organisations and sentences only one of two "
                                         "articles has.")
    compare.add_argument("first", metavar="A")
    compare.add_argument("second", metavar="B")
    compare.add_argument("--json", action="store_true", help="print JSON instead of text")
    _no_corrections(compare)
    return parser


def _no_corrections(command: argparse.ArgumentParser) -> None:
    command.add_argument("--no-corrections", dest="corrections", action="store_false",
                         help="ignore your corrections to the organisations")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    log_to_file(" ".join([PROG, *argv]))
    try:
        if argv and argv[0] in ("clean", "export", "corrections", "stories", "compare", "-h", "--help",
                                "--version"):
            args = _parser().parse_args(argv)
            if args.command == "clean":
                return cmd_clean(args.path, args.json, args.corrections)
            if args.command == "export":
                return cmd_export(args.paths, args.format, args.out, args.jobs, args.corrections,
                                  args.one_per_story, args.scheduler, args.shard_size)
            if args.command == "corrections":
                from .corrections.commands import cmd_corrections
                return cmd_corrections(args.action, getattr(args, "file", None), _err)
            if args.command in ("stories", "compare"):
                from .stories.commands import cmd_compare, cmd_stories
                if args.command == "stories":
                    if _missing(args.paths) or _bad_jobs(args.jobs):
                        return 2
                    return cmd_stories(args.paths, args.json, args.jobs, _err, args.corrections)
                return cmd_compare(args.first, args.second, args.json, _err, args.corrections)
            _parser().print_help()
            return 0
        if any(a.startswith("-") for a in argv):
            _parser().parse_args(argv)  # prints usage and exits 2 for unknown options
        return open_window(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `article-reader clean x | head`
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0


def _missing(paths: list[str]) -> bool:
    """Name on stderr each of ``paths`` that does not exist; whether any does not."""
    missing = [p for p in paths if not os.path.exists(p)]
    for p in missing:
        _err(f"{p}: no such file or folder")
    return bool(missing)


def _bad_jobs(jobs: int) -> bool:
    if jobs < 0:
        _err(f"--jobs {jobs}: give a number of processes (0 or nothing: all cores)")
        return True
    return False


def open_window(paths: list[str]) -> int:
    if _missing(paths):
        return 2
    try:
        from .ui.app import run
    except ImportError as err:
        log.error("the window cannot start", exc_info=True)
        _err(f"the window cannot start: {err}. Is PySide6-Essentials installed?")
        return 2
    return run(paths)


def cmd_clean(path: str, as_json: bool, corrections: bool = True) -> int:
    from .corrections import apply
    from .corrections.commands import user_corrections
    from .export import render_text, to_json
    from .read.load import load_file
    from .record import ArticleError

    if os.path.isdir(path):
        _err(f"{path}: is a folder; `clean` takes one file (use `export` for folders)")
        return 2
    try:
        articles = load_file(path)
    except ArticleError as err:
        _err(f"{err.path}: {err.reason}")
        return 2
    except Exception as err:  # never a traceback for bad input
        log.warning("%s: could not be read", path, exc_info=True)
        _err(f"{path}: could not be read ({type(err).__name__}: {err})")
        return 2
    if fixes := user_corrections(corrections, _err):
        articles = [apply(a, fixes) for a in articles]
    if as_json:
        objects = [to_json(a) for a in articles]
        out = objects[0] if len(objects) == 1 else objects
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n\f\n".join(render_text(a) for a in articles))
    sys.stdout.flush()
    return 0


def cmd_export(paths: list[str], fmt: str, out: str, jobs: int, corrections: bool = True,
               one_per_story: bool = False, scheduler: str | None = None, shard_size: int = SHARD_SIZE) -> int:
    if fmt in CORPUS_FORMATS or scheduler is not None:
        if one_per_story:
            _err("--one-per-story writes one file per story on this machine: not with "
                 f"--format {' or '.join(CORPUS_FORMATS)} or --scheduler")
            return 2
        from .corpus.command import export_command
        return export_command(paths, fmt, out, jobs, scheduler, _err, shard_size, corrections)
    from .corrections.commands import user_corrections
    from .export import ExportError
    from .library import Library
    from .stories.commands import one_per_story_of

    out_dir = Path(out)
    if _missing(paths):
        return 2
    if out_dir.exists() and not out_dir.is_dir():
        _err(f"{out}: exists and is not a folder")
        return 2
    if _bad_jobs(jobs):
        return 2
    # The library the window uses, without a cache: loaded on `jobs` processes (0: all
    # cores) in file order, so the output is the same as one process's. All are in
    # before the first is written: each article is written as the window shows it,
    # with the names the whole folder recognised marked.
    library = Library(cache=False, searchable=False)
    problem = library.export_problem(out, paths)  # before loading: say so at once
    if problem:
        _err(problem)
        return 2
    library.corrections = user_corrections(corrections, _err)  # applied as each is written
    try:
        library.open(paths, jobs=jobs or None)
        for failure in library.failures.values():
            _err(f"{failure.path}: {failure.reason}")
        articles, versions = list(library.articles.values()), None
        if one_per_story:
            articles, versions = one_per_story_of(library.stories())
        report = library.export_all(articles, out_dir, fmt, versions=versions)
    except ExportError as err:  # the sources turned out to be there (a link)
        _err(str(err))
        return 2
    finally:
        library.close()
    for key, reason in report.failed:
        _err(f"{key}: export failed: {reason}")
    summary = report.summary(out, fmt)
    failures = len(library.failures)
    if failures:
        summary += f"; {counted(failures, 'file')} could not be read"
    print(summary)
    return 1 if failures or report.failed else 0
