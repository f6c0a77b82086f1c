"""The Library: progressive opening, cancel, refresh (what a file watcher reports), the index."""
from __future__ import annotations

import os
import threading

import pytest

from conftest import write
from reader.library import Library
from reader.read.load import load_folder


def story(n: int) -> str:
    return (f"Story number {n}\n\nThe Coastal Energy Authority (CEA) said on Monday that plan {n} "
            f"would go ahead. Officials at the CEA expect the work to take {n} weeks.\n")


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "news"
    for n in range(12):
        write(root / f"{n:02d}.txt", story(n))
    write(root / "broken.txt", b"")
    return root


def test_open_gives_what_load_folder_gives(folder):
    library = Library()
    stats = library.open([folder], jobs=1)
    expected = load_folder(folder)
    assert list(library.articles.values()) == expected.articles
    assert list(library.failures.values()) == expected.failures
    assert (stats.files, stats.articles, stats.failures, stats.cancelled) == (13, 12, 1, False)


@pytest.mark.parametrize("warm", [False, True])
def test_batches_arrive_progressively_and_add_up(folder, warm):
    if warm:
        Library().open([folder], jobs=1)
    batches = []
    library = Library()
    library.open([folder], jobs=1, batch_seconds=0,
                 on_batch=lambda a, f, done, total: batches.append((list(a), list(f), done, total)))
    assert batches[0][0], "the first batch carries an article"
    assert len(batches) > 1
    assert sum(len(a) for a, _, _, _ in batches) == 12
    assert sum(len(f) for _, f, _, _ in batches) == 1
    dones = [done for _, _, done, _ in batches]
    assert dones == sorted(dones) and dones[-1] == 13
    assert {total for *_, total in batches} == {13}


def test_batches_are_bounded(folder):
    sizes = []
    Library().open([folder], jobs=1, batch_seconds=60, max_batch=5,
                   on_batch=lambda a, f, done, total: sizes.append(len(a)))
    assert max(sizes) <= 5 and sum(sizes) == 12


def test_cancel_stops_loading(folder):
    cancel = threading.Event()
    seen = []

    def on_batch(articles, failures, done, total):
        seen.extend(articles)
        cancel.set()

    library = Library()
    stats = library.open([folder], jobs=1, on_batch=on_batch, cancel=cancel, batch_seconds=0)
    assert stats.cancelled
    assert 1 <= len(library.articles) < 12
    assert len(seen) == len(library.articles)


def test_cancel_stops_a_pool(tmp_path, monkeypatch):
    import reader.library.pool
    monkeypatch.setattr(reader.library.pool, "MIN_POOL", 0)
    for n in range(40):
        write(tmp_path / f"{n:02d}.txt", story(n))
    cancel = threading.Event()
    library = Library()
    stats = library.open([tmp_path], jobs=2, cancel=cancel, batch_seconds=0,
                         on_batch=lambda *a: cancel.set())
    assert stats.cancelled and len(library.articles) < 40


def test_index_and_org_search_follow_the_articles(folder):
    library = Library()
    library.open([folder], jobs=1)
    entry = library.index.entry_for("CEA")
    assert entry is not None and entry.name == "Coastal Energy Authority"
    assert len(library.search("org:CEA")) == 12
    assert library.organisations()[0].name == "Coastal Energy Authority"


def test_refresh_notices_new_changed_and_deleted_files(folder):
    library = Library()
    library.open([folder], jobs=1)
    write(folder / "new.txt", "Bridge opens\n\nThe new bridge opened to traffic on Friday, the council said.\n")
    (folder / "03.txt").unlink()
    changed = folder / "05.txt"
    changed.write_text("Plan five dropped\n\nThe council dropped plan five after a long debate on Monday.\n")
    st = changed.stat()
    os.utime(changed, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    write(folder / "broken.txt", story(99))

    changes = library.refresh()
    assert sorted(os.path.basename(a.path) for a in changes.articles) == ["05.txt", "broken.txt", "new.txt"]
    assert changes.removed == [str(folder / "03.txt")]
    assert changes.recovered == [str(folder / "broken.txt")]
    assert library.articles[str(changed)].title == "Plan five dropped"
    assert list(library.articles.values()) == load_folder(folder).articles
    assert library.search("bridge") == [str(folder / "new.txt")]
    assert library.search("dropped") == [str(changed)]
    assert str(folder / "03.txt") not in library.search("org:CEA")
    assert not library.refresh()  # nothing changed since


def test_refresh_without_changes_parses_nothing(folder, monkeypatch):
    import reader.read.load
    library = Library()
    library.open([folder], jobs=1)
    monkeypatch.setattr(reader.read.load, "load_file", lambda path: pytest.fail(f"parsed {path}"))
    assert not library.refresh()
    assert not library.refresh([folder, folder / "broken.txt", folder / "01.txt"])


def test_refresh_of_a_file_that_still_fails(folder):
    library = Library()
    library.open([folder], jobs=1)
    broken = folder / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02" * 100)
    changes = library.refresh([broken])
    assert [f.path for f in changes.failures] == [str(broken)] and changes.recovered == []
    assert library.failures[str(broken)].reason != "the file is empty"


def test_refresh_of_watched_paths_only(folder):
    library = Library()
    library.open([folder], jobs=1)
    write(folder / "sub" / "late.txt", story(50))
    (folder / "00.txt").unlink()
    changes = library.refresh([folder / "sub"])  # directoryChanged for the new subfolder
    assert [a.path for a in changes.articles] == [str(folder / "sub" / "late.txt")]
    assert changes.removed == []
    changes = library.refresh([folder / "00.txt"])  # fileChanged for a deleted file
    assert changes.removed == [str(folder / "00.txt")]
    assert str(folder / "00.txt") not in library.articles


def test_folders_to_watch(folder):
    write(folder / "sub" / "deep.txt", story(3))
    library = Library()
    library.open([folder], jobs=1)
    assert sorted(library.folders()) == [str(folder), str(folder / "sub")]
    assert library.files() == [str(folder / f"{n:02d}.txt") for n in range(12)] + [
        str(folder / "sub" / "deep.txt"), str(folder / "broken.txt")]  # folder order, then the unreadable


def test_refresh_new_file_in_folder(folder):
    library = Library()
    library.open([folder], jobs=1)
    write(folder / "zz.txt", story(77))
    changes = library.refresh([folder])
    assert [a.key for a in changes.articles] == [str(folder / "zz.txt")]
    assert list(library.articles)[-1] == str(folder / "zz.txt")


def test_search_is_scoped_to_the_open_folder(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    write(first / "a.txt", "Harbour news\n\nThe harbour reopened after the storm, officials said.\n")
    write(second / "b.txt", "Harbour plans\n\nThe harbour will expand next year, the council said.\n")
    Library().open([first], jobs=1)
    library = Library()
    library.open([second], jobs=1)
    assert library.search("harbour") == [str(second / "b.txt")]


def test_search_while_loading_from_another_thread(folder):
    library = Library()
    results = []

    def on_batch(articles, failures, done, total):
        results.append(library.search("plan"))

    library.open([folder], jobs=1, on_batch=on_batch, batch_seconds=0)
    assert all(set(r) <= set(library.articles) for r in results)
    assert len(library.search("plan")) == 12


def test_untidy_folder_paths_give_the_same_keys_and_refresh_adds_nothing(folder, monkeypatch):
    monkeypatch.chdir(folder.parent)
    library = Library(cache=False)
    library.open([f"./{folder.name}//"], jobs=1)
    keys = sorted(library.articles)
    assert keys and all(k.startswith(f"{folder.name}/") for k in keys)
    changes = library.refresh(None)
    assert not changes and sorted(library.articles) == keys


# -- the door: the article as shown, and export --------------------------------------
def test_export_refuses_every_folder_that_holds_the_open_sources(folder, tmp_path):
    from reader.export import ExportError
    from reader.library.exports import SOURCES_REASON

    library = Library(cache=False)
    library.open([folder], jobs=1)
    articles = list(library.articles.values())
    linked = tmp_path / "linked"
    os.symlink(folder, linked)
    for target in (folder, folder / "exports", linked):
        assert library.export_problem(target) == f"{target}: {SOURCES_REASON}"
        with pytest.raises(ExportError) as err:
            library.export_all(articles, target, "txt")
        assert str(err.value) == f"{target}: {SOURCES_REASON}"
        with pytest.raises(ExportError):
            library.export_article(articles[0], target / "one.txt", "txt")
    assert not (folder / "exports").exists()
    assert library.export_problem(tmp_path) == ""  # beside the open folder, not in it
    report = library.export_all(articles, tmp_path / "out", "txt")
    assert len(report.written) == 12 and not report.failed


def test_export_refuses_the_folder_of_an_open_file(tmp_path):
    src = write(tmp_path / "in" / "a.txt", story(1))
    library = Library(cache=False)
    assert "holds source articles" in library.export_problem(tmp_path / "in", [src])
    library.open([src], jobs=1)
    assert "holds source articles" in library.export_problem(tmp_path / "in")
    assert library.export_problem(tmp_path / "in" / "sub") == ""
    assert library.export_problem(tmp_path) == ""


def test_exports_are_the_articles_as_shown(tmp_path):
    """An acronym one article defines is marked in another that only uses it: in the
    article as shown and in what export writes."""
    write(tmp_path / "in" / "a.txt", "Media group complains\n\nThe Alliance for Independent Media (AIM) "
                                     "filed a complaint on Monday.\n")
    write(tmp_path / "in" / "b.txt", "Complaint heard\n\nThe court heard the case on Tuesday. AIM said "
                                     "it would appeal the ruling.\n")
    library = Library(cache=False)
    library.open([tmp_path / "in"], jobs=1)
    later = library.articles[str(tmp_path / "in" / "b.txt")]
    shown = library.as_shown(later)
    assert "AIM" not in [m.text for o in later.organisations for m in o.mentions]
    assert [m.text for o in shown.organisations for m in o.mentions] == ["AIM"]
    report = library.export_all([later], tmp_path / "out", "json")
    import json
    written = json.loads(report.written[0].read_text("utf-8"))
    assert [m["text"] for o in written["organisations"] for m in o["mentions"]] == ["AIM"]
    assert library.articles_naming("AIM") == [str(tmp_path / "in" / "a.txt")]


def test_a_failing_search_gives_nothing_and_logs_why(folder, caplog, monkeypatch):
    library = Library(cache=False)
    library.open([folder], jobs=1)

    def broken(match, *a):
        raise RuntimeError("index gone")

    monkeypatch.setattr(library.cache, "search", broken)
    with caplog.at_level("WARNING", logger="reader.library.library"):
        assert library.search("plan") == []
    assert "index gone" in caplog.text and "plan" in caplog.text


def test_an_unsearchable_library_indexes_nothing_but_opens_and_exports(folder, tmp_path):
    library = Library(cache=False, searchable=False)
    library.open([folder], jobs=1)
    assert len(library.articles) == 12 and len(library.failures) == 1
    assert library.cache.search('"plan"') == []  # nothing was put in the full-text index
    assert library.search("plan") == []
    assert len(library.search('org:"Coastal Energy Authority"')) == 12  # the organisation index is there
    report = library.export_all(list(library.articles.values()), tmp_path / "out", "txt")
    assert len(report.written) == 12


def test_opening_reads_the_word_lists_the_shown_articles_need(tmp_path):
    """as_shown marks the folder's names using word lists read once a process: the
    opening thread reads them (a warm open recognises nothing itself), not the
    window's when it shows the first article."""
    from reader.library import Library
    from reader.organisations.lexicon import common_words

    from conftest_ui import make_article

    (tmp_path / "a.txt").write_text("A title\n\nSome text.\n", encoding="utf-8")
    common_words.cache_clear()
    library = Library(cache=False, load=lambda path: [make_article(path, "A title", ["Text."])])
    library.open([tmp_path], jobs=1)
    assert library.articles and common_words.cache_info().currsize >= 1
    library.close()
