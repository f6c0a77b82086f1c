"""The persistent cache: hits without parsing, invalidation, and bad caches never crash."""
from __future__ import annotations

import os
import sqlite3
import time

import pytest

import reader.library.cache
import reader.read.load
from conftest import write
from reader.library.cache import Cache
from reader.library.cachefile import FILE_NAME, cache_dir
from reader.library.codec import decode_articles, encode_articles
from reader.library import Library
from reader.read.load import load_folder

STORIES = {
    "harbour.txt": "Harbour reopens\n\nThe harbour reopened on Monday after storms, the Port Authority said.\n",
    "grain.md": "# Grain prices rise\n\nThe Northern Grain Cooperative (NGC) said prices rose. NGC buyers agreed.\n",
    "sub/court.txt": "Court delays ruling\n\nThe Supreme Court delayed its ruling on the water plan until May.\n",
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "news"
    for name, text in STORIES.items():
        write(root / name, text)
    return root


@pytest.fixture
def parses(monkeypatch):
    """Counts the files actually parsed (every load goes through reader.read.load.load_file)."""
    seen: list[str] = []
    real = reader.read.load.load_file

    def counting(path):
        seen.append(os.path.basename(str(path)))
        return real(path)

    monkeypatch.setattr(reader.read.load, "load_file", counting)
    return seen


def open_folder(folder, **kw) -> Library:
    library = Library(**kw)
    library.open([folder], jobs=1)
    return library


def bump(path, text: str) -> None:
    """Rewrite a file with a different size and a later modification time."""
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_cache_lives_in_the_overridable_folder(folder):
    open_folder(folder).close()
    assert (cache_dir() / FILE_NAME).is_file()
    assert str(cache_dir()) == os.environ["ARTICLE_READER_CACHE_DIR"]


def test_second_open_reads_the_cache_only(folder, parses):
    first = open_folder(folder)
    assert sorted(parses) == ["court.txt", "grain.md", "harbour.txt"]
    parses.clear()
    second = open_folder(folder)
    assert parses == []
    assert list(second.articles.values()) == list(first.articles.values())
    assert second.search("harbour") == first.search("harbour") != []


def test_cached_articles_equal_a_fresh_load(folder):
    open_folder(folder).close()
    library = open_folder(folder)
    assert list(library.articles.values()) == load_folder(folder).articles


def test_changed_file_is_parsed_again(folder, parses):
    open_folder(folder).close()
    bump(folder / "harbour.txt", "Harbour stays shut\n\nThe harbour stays shut for repairs, engineers said today.\n")
    parses.clear()
    library = open_folder(folder)
    assert parses == ["harbour.txt"]
    assert library.articles[str(folder / "harbour.txt")].title == "Harbour stays shut"
    assert library.search("repairs") == [str(folder / "harbour.txt")]
    assert library.search("reopened") == []


def test_touched_file_is_parsed_again(folder, parses):
    open_folder(folder).close()
    path = folder / "grain.md"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    parses.clear()
    open_folder(folder)
    assert parses == ["grain.md"]


def test_new_and_deleted_files_are_noticed_on_open(folder, parses):
    open_folder(folder).close()
    (folder / "grain.md").unlink()
    write(folder / "new.txt", "Bridge opens\n\nThe new bridge opened to traffic on Friday, the council said.\n")
    parses.clear()
    library = open_folder(folder)
    assert parses == ["new.txt"]
    assert sorted(os.path.basename(k) for k in library.articles) == ["court.txt", "harbour.txt", "new.txt"]
    assert library.search("grain") == []
    assert library.search("bridge") == [str(folder / "new.txt")]
    cached = library.cache.paths_under(os.path.realpath(folder))
    assert sorted(os.path.basename(p) for p in cached) == ["court.txt", "harbour.txt", "new.txt"]


def test_failures_are_cached_too(folder, parses):
    write(folder / "empty.txt", b"")
    first = open_folder(folder)
    parses.clear()
    second = open_folder(folder)
    assert parses == []
    assert second.failures == first.failures
    assert second.failures[str(folder / "empty.txt")].reason == "the file is empty"


def test_corrupt_cache_file_is_rebuilt(folder, parses):
    path = cache_dir() / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database \x00\xff" * 500)
    library = open_folder(folder)
    assert "rebuilt" in library.note
    assert len(library.articles) == 3 and library.search("court") == [str(folder / "sub" / "court.txt")]
    library.close()
    parses.clear()
    again = open_folder(folder)
    assert parses == [] and again.note == ""


def test_damaged_row_is_parsed_again(folder, parses):
    open_folder(folder).close()
    con = sqlite3.connect(cache_dir() / FILE_NAME)
    con.execute("UPDATE files SET data = ? WHERE path LIKE '%grain.md'", (b"\x00garbage[",))
    con.commit()
    con.close()
    parses.clear()
    library = open_folder(folder)
    assert parses == ["grain.md"]
    assert len(library.articles) == 3


def test_foreign_version_is_discarded(folder, parses, monkeypatch):
    open_folder(folder).close()
    monkeypatch.setattr(reader.library.cache, "pipeline_version", lambda: "another-pipeline")
    parses.clear()
    library = open_folder(folder)
    assert sorted(parses) == ["court.txt", "grain.md", "harbour.txt"]
    assert "another version" in library.note
    assert library.search("harbour") == [str(folder / "harbour.txt")]


def test_locked_cache_is_worked_around(folder, parses):
    open_folder(folder).close()
    blocker = sqlite3.connect(cache_dir() / FILE_NAME, isolation_level=None)
    blocker.execute("PRAGMA locking_mode=EXCLUSIVE")
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        started = time.perf_counter()
        library = Library(cache=Cache(busy_seconds=0.2))
        parses.clear()
        library.open([folder], jobs=1)
        assert time.perf_counter() - started < 5
        assert not library.cache.persistent and "without a cache" in library.note
        assert len(parses) == 3 and len(library.articles) == 3
        assert library.search("harbour") == [str(folder / "harbour.txt")]
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_unusable_cache_folder_is_worked_around(folder, tmp_path, monkeypatch):
    not_a_folder = write(tmp_path / "file", "x")
    monkeypatch.setenv("ARTICLE_READER_CACHE_DIR", str(not_a_folder / "cache"))
    library = open_folder(folder)
    assert not library.cache.persistent and library.note
    assert len(library.articles) == 3 and library.search("court") == [str(folder / "sub" / "court.txt")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_read_only_cache_folder_is_worked_around(folder):
    directory = cache_dir()
    directory.mkdir(parents=True)
    directory.chmod(0o500)
    try:
        library = open_folder(folder)
        assert not library.cache.persistent
        assert len(library.articles) == 3
    finally:
        directory.chmod(0o700)


def test_read_only_database_file_is_worked_around(folder, monkeypatch):
    open_folder(folder).close()
    real = sqlite3.connect

    def read_only(database, *args, **kw):  # what a read-only file gives, even to root
        if str(database).endswith(FILE_NAME):
            return real(f"file:{database}?mode=ro", *args, **{**kw, "uri": True})
        return real(database, *args, **kw)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    bump(folder / "harbour.txt", "Harbour stays shut\n\nThe harbour stays shut for repairs, engineers said today.\n")
    library = open_folder(folder)  # the changed file cannot be written back
    assert not library.cache.persistent and "without a cache" in library.note
    assert len(library.articles) == 3
    assert library.search("repairs") == [str(folder / "harbour.txt")]
    assert library.search("court") == [str(folder / "sub" / "court.txt")]


def test_without_a_cache_search_still_works(folder):
    library = open_folder(folder, cache=False)
    assert not (cache_dir() / FILE_NAME).exists()
    assert library.search("court") == [str(folder / "sub" / "court.txt")]


def test_codec_round_trips_every_field(folder):
    articles = load_folder(folder).articles
    assert any(m.why for a in articles for o in a.organisations for m in o.mentions)  # why, too
    assert decode_articles(encode_articles(articles)) == articles
    moved = decode_articles(encode_articles(articles[:1]), "/elsewhere/x.txt")
    assert moved[0].path == "/elsewhere/x.txt" and moved[0].paragraphs == articles[0].paragraphs


def test_decoded_mentions_share_their_repeated_strings(folder):
    # one copy of each name and reason for the whole folder, not one per mention
    articles = load_folder(folder).articles
    mentions = [m for a in decode_articles(encode_articles(articles)) + decode_articles(encode_articles(articles))
                for o in a.organisations for m in o.mentions]
    assert len(mentions) > len({m.why for m in mentions}) > 0
    for field in ("text", "name", "why"):
        assert len({id(getattr(m, field)) for m in mentions}) == len({getattr(m, field) for m in mentions})


def test_codec_carries_the_blocks_kinds():
    from dataclasses import replace

    article = replace(_bare_article(), paragraphs=("Lead.", "A subheading", "A point", "A quote."),
                      kinds=("paragraph", "heading", "item", "quote"))
    again = decode_articles(encode_articles([article]))[0]
    assert again == article and [block.kind for block in again.blocks] == list(article.kinds)


def _bare_article():
    from reader.record import Article

    return Article(path="/f/a.html", format="html", title="T", date=None, authors=(), dateline=None,
                   paragraphs=("x",), links=(), tags=(), warnings=())


@pytest.mark.skipif(os.name != "posix", reason="needs a POSIX file system (bytes file names)")
def test_undecodable_file_names_and_lone_surrogates_are_cached(tmp_path, parses):
    folder = tmp_path / "odd"
    folder.mkdir()
    name = os.fsdecode(b"bad-\xff\xfe-name.txt")  # surrogate escapes: SQLite cannot store them as text
    write(folder / name, "Odd name\n\nThe Coastal Energy Authority opened a plant near the river today.\n")
    write(folder / "lone.json", '{"title": "Lone \\udc80 surrogate", "text": "A lone \\ud800 surrogate in the body of the article."}')
    first = open_folder(folder)
    assert str(folder / name) in first.articles
    assert first.search("coastal") == [str(folder / name)]
    parses.clear()
    again = open_folder(folder)
    assert parses == []
    assert list(again.articles.values()) == list(first.articles.values())
    assert again.search("surrogate") == first.search("surrogate")
    assert again.failures == first.failures


def _long_story(tag: str, n: int) -> str:
    words = " ".join(f"{tag}word{i % 50}" for i in range(700))
    return f"{tag.title()} story {n}\n\nThe {tag} council met on Monday. {words}.\n"


def _set_seen(cache: Cache, folder, days_ago: float) -> None:
    import sqlite3 as sq

    con = sq.connect(cache.path)
    lo = str(folder.resolve()) + os.sep
    con.execute("UPDATE files SET seen = ? WHERE path >= ? AND path < ?",
                (int(time.time() - days_ago * 86400), lo, lo[:-1] + chr(ord(os.sep) + 1)))
    con.commit()
    con.close()


def test_size_limit_drops_the_folders_opened_least_recently_never_the_open_one(tmp_path, monkeypatch):
    folders = {}
    for tag in ("alpha", "beta", "gamma"):
        folders[tag] = tmp_path / tag
        for n in range(25):
            write(folders[tag] / f"{n:02d}.txt", _long_story(tag, n))
    for tag in ("alpha", "beta", "gamma"):
        open_folder(folders[tag]).close()
    cache = Cache()
    full = cache.size()
    _set_seen(cache, folders["alpha"], 30)  # opened a month ago
    _set_seen(cache, folders["beta"], 3)  # three days ago
    cache.close()
    assert all(len(Cache().paths_under(str(f.resolve()))) == 25 for f in folders.values())

    monkeypatch.setenv("ARTICLE_READER_CACHE_MB", str(full * 0.7 / 1e6))  # a folder and a bit too many
    library = open_folder(folders["gamma"])
    cache = library.cache
    assert cache.size() <= full * 0.7 * 0.9  # trimmed with some room to spare
    assert cache.paths_under(str(folders["alpha"].resolve())) == []  # the oldest went first
    assert 15 <= len(cache.paths_under(str(folders["beta"].resolve()))) < 25  # then a few of beta
    assert len(cache.paths_under(str(folders["gamma"].resolve()))) == 25
    assert library.search("gammaword7") and len(library.articles) == 25
    library.close()

    monkeypatch.setenv("ARTICLE_READER_CACHE_MB", "0.01")  # smaller than the open folder itself
    library = open_folder(folders["gamma"])
    assert library.cache.paths_under(str(folders["beta"].resolve())) == []
    assert len(library.cache.paths_under(str(folders["gamma"].resolve()))) == 25  # what is open stays
    assert len(library.articles) == 25 and library.search("gammaword7")
    library.close()


def test_opening_marks_files_used_so_they_are_kept_longest(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write(a / "x.txt", _long_story("alpha", 1))
    write(b / "y.txt", _long_story("beta", 1))
    open_folder(a).close()
    open_folder(b).close()
    cache = Cache()
    _set_seen(cache, a, 10)
    _set_seen(cache, b, 5)
    cache.close()
    open_folder(a).close()  # a is used again: now b is the least recently used
    cache = Cache()
    assert cache.trim(cache.size() - 1) == 1  # one file over the limit: b's, not a's
    assert cache.paths_under(str(b.resolve())) == [] and cache.paths_under(str(a.resolve()))
    cache.close()


@pytest.mark.parametrize("marked_today", [True, False])
def test_a_warm_open_needs_no_write_lock(folder, parses, marked_today):
    """Another process writing the cache does not cost a warm open its cache: the day's
    use marks are written only when due, and skipped while the cache is busy."""
    open_folder(folder).close()
    if not marked_today:
        _set_seen(Cache(), folder, 3)
    writer = sqlite3.connect(cache_dir() / FILE_NAME, isolation_level=None, timeout=0.1)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        library = Library(cache=Cache(busy_seconds=0.2))
        parses.clear()
        library.open([folder], jobs=1)
        assert parses == [] and library.cache.persistent and library.note == ""
        assert library.search("harbour") == [str(folder / "harbour.txt")]
        library.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_statements_over_many_files_go_in_slices(folder, parses, tmp_path, monkeypatch):
    # SQLite takes at most so many parameters per statement: lookups, ids, forgetting, use
    # marks and trimming all go in slices of _CHUNK files (900 in use; 2 here, so that
    # these few files cross several slices)
    monkeypatch.setattr(reader.library.cache, "_CHUNK", 2)
    test_new_and_deleted_files_are_noticed_on_open(folder, parses)
    parses.clear()
    library = open_folder(folder)
    assert parses == []                                   # every file found in the cache
    ids = library.cache.file_ids(library.articles)
    assert sorted(os.path.basename(p) for p in ids) == ["court.txt", "harbour.txt", "new.txt"]
    library.cache.forget(list(library.articles))
    assert library.cache.paths_under(os.path.realpath(folder)) == []
    library.close()
    test_size_limit_drops_the_folders_opened_least_recently_never_the_open_one(tmp_path, monkeypatch)


# -- SQLite errors by result code ------------------------------------------------------
def _error(code: int | None, message: str) -> sqlite3.Error:
    err = sqlite3.OperationalError(message)
    if code is not None:
        err.sqlite_errorcode = code
    return err


@pytest.mark.parametrize("code, message, kind", [
    (sqlite3.SQLITE_BUSY, "database is locked", "busy"),
    (sqlite3.SQLITE_LOCKED, "database table is locked", "busy"),
    (sqlite3.SQLITE_READONLY, "attempt to write a readonly database", "readonly"),
    (sqlite3.SQLITE_CANTOPEN, "unable to open database file", "readonly"),
    (sqlite3.SQLITE_IOERR_SHORT_READ, "disk I/O error", "readonly"),  # an extended code
    (sqlite3.SQLITE_ERROR, "fts5: syntax error near \"\"", "query"),
    (sqlite3.SQLITE_CORRUPT, "database disk image is malformed", "damaged"),
    (sqlite3.SQLITE_NOTADB, "file is not a database", "damaged"),
    (sqlite3.SQLITE_CORRUPT, "locked busy readonly", "damaged"),  # the code decides, not the words
    (sqlite3.SQLITE_BUSY, "something else entirely", "busy"),
    (None, "Cannot operate on a closed database.", "damaged"),
])
def test_sqlite_errors_are_sorted_by_result_code(code, message, kind):
    from reader.library import sqlerrors

    assert sqlerrors.kind(_error(code, message)) == kind


def test_real_sqlite_errors_carry_the_codes_sorted_on(tmp_path):
    from reader.library import sqlerrors

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(sqlite3.DatabaseError) as err:
        sqlite3.connect(junk).execute("SELECT * FROM sqlite_master").fetchall()
    assert sqlerrors.kind(err.value) == sqlerrors.DAMAGED
    cache = Cache(tmp_path / "c.sqlite3")
    with pytest.raises(sqlite3.OperationalError) as err:
        cache.search('"unterminated')
    assert sqlerrors.kind(err.value) == sqlerrors.QUERY
    cache.close()


@pytest.mark.parametrize("name", ["formats.py", "counts.py"])
def test_the_format_table_and_the_count_wording_are_part_of_the_pipeline_version(monkeypatch, name):
    """Which parser reads an extension (reader/formats.py) and how warnings word their
    counts (reader/counts.py) change what a file loads as: an edit to either voids the cache."""
    from pathlib import Path

    from reader.library import cachefile as cache

    monkeypatch.delenv(cache.ENV_VERSION, raising=False)
    cache.pipeline_version.cache_clear()
    before = cache.pipeline_version()
    real = Path.read_bytes

    def edited(path):
        return real(path) + (b"# edited" if (path.parent.name, path.name) == ("reader", name) else b"")
    monkeypatch.setattr(Path, "read_bytes", edited)
    cache.pipeline_version.cache_clear()
    try:
        assert cache.pipeline_version() != before
    finally:
        monkeypatch.undo()
        cache.pipeline_version.cache_clear()
