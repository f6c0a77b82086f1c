"""The document list's model: rows kept sorted as batches arrive, duplicates skipped,
replaced and removed rows, and the source domain it shows (same as urlsplit's host)."""
from __future__ import annotations

import random
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt

from reader.record import Link, domain_of
from reader.ui.documents import DATE, SOURCE, TITLE, ArticleModel, Unreadable

from conftest_ui import make_article


def _articles(n: int, seed: int = 3):
    rng = random.Random(seed)
    return [make_article(f"/f/{i:05d}.txt", f"Title {i}", [f"Body {i}."],
                         date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                         links=(Link(f"https://www.site{i % 7}.example/a/{i}", kind="source"),))
            for i in range(n)]


def _shown(model, col):
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_rows_arriving_in_many_batches_stay_sorted_without_duplicates(qapp):
    model = ArticleModel()
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    items = _articles(600)
    for start in range(0, 600, 37):
        model.add(items[start:start + 37])
        model.add(items[max(0, start - 5):start + 3])  # some again: already listed
    assert model.rowCount() == 600
    dates = _shown(model, DATE)
    assert dates == sorted(dates, reverse=True)
    assert len({a.key for a in model.items()}) == 600
    assert [a.key for a in model.items()] == [a.key for a in items]  # arrival order kept
    for a in items[::50]:
        assert model.item(model.row_of(a.key)).key == a.key


def test_replace_and_remove_then_add_again(qapp):
    model = ArticleModel()
    model.sort(TITLE)
    items = _articles(40)
    model.add(items)
    changed = make_article(items[5].path, "AAA first now", ["Changed."], date=items[5].date)
    model.add([changed])  # listed already: skipped
    assert model.data(model.index(0, TITLE)) != "AAA first now"
    model.add([changed], replace=True)
    assert model.data(model.index(0, TITLE)) == "AAA first now"
    assert model.rowCount() == 40
    model.remove([items[5].key, items[6].key, "/not/listed"])
    assert model.rowCount() == 38 and model.row_of(items[6].key) == -1
    model.add([items[6], Unreadable("/f/bad.txt", "not text")])
    assert model.rowCount() == 40 and model.row_of(items[6].key) >= 0
    model.clear()
    model.add(items[:3])
    assert model.rowCount() == 3


@pytest.mark.parametrize("url", [
    "https://www.Dawn.com/news/1", "http://example.org", "http://example.org:8080/x",
    "https://user@host.com/x", "HTTPS://WWW.BBC.CO.UK?x=1", "https://a.b#frag", "ftp://x.y/z",
    " https://x.com/", "https://[::1]/x", "https://münchen.de/", "http://", "https:///path",
    "https://host.com\t/x", "http://1.2.3.4/a", "not a url", "https://[bad/x",
    "http://user:pass@host.com/x", "https://host.com:80@evil.com/", "http://host.com:8080",
    "http://host.com:/x", "https://a.example:443?q",
])
def test_domain_is_urlsplits_host_without_www(url):
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    assert domain_of(url) == (host[4:] if host.startswith("www.") else host)


def test_source_column_shows_the_domain(qapp):
    model = ArticleModel()
    model.add(_articles(3))
    assert _shown(model, SOURCE) == ["site0.example", "site1.example", "site2.example"]


def test_a_big_batch_into_many_places_keeps_order_and_the_selected_row(qapp):
    from PySide6.QtCore import QPersistentModelIndex

    from reader.ui.documents import LAYOUT_RUNS

    model = ArticleModel()
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    items = _articles(3000, seed=5)
    model.add(items[:1000])
    chosen = items[123]
    held = QPersistentModelIndex(model.index(model.row_of(chosen.key), TITLE))
    moved = []
    model.layoutChanged.connect(lambda *_: moved.append(True))
    model.add(items[1000:3000])  # lands in far more than LAYOUT_RUNS places
    assert moved, f"expected one layout change for a batch spread over > {LAYOUT_RUNS} places"
    assert model.rowCount() == 3000
    dates = _shown(model, DATE)
    assert dates == sorted(dates, reverse=True)
    assert model.item(held.row()).key == chosen.key  # the held row followed its article
    assert [a.key for a in model.items()] == [a.key for a in items]
    # equal dates keep arrival order within the sort, as single inserts would
    rows = [model.item(r) for r in range(3000)]
    for a, b in zip(rows, rows[1:]):
        if a.date == b.date:
            assert a.path < b.path


def test_tooltips_give_the_whole_title_with_its_notes_and_the_source(qapp):
    model = ArticleModel()
    noted = make_article("/f/x.txt", "A title long enough to be cut off in a narrow list column", ["Body."],
                         warnings=("Removed a cookie notice",),
                         links=(Link("https://news.example-publisher.co.uk/a/1", kind="source"),))
    model.add([noted, Unreadable("/f/bad.txt", "the file is empty")])
    tip = model.data(model.index(0, TITLE), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("A title long enough to be cut off in a narrow list column\n\nCleaning notes:")
    assert "• Removed a cookie notice" in tip
    assert model.data(model.index(0, SOURCE), Qt.ItemDataRole.ToolTipRole) == "news.example-publisher.co.uk"
    assert model.data(model.index(1, TITLE), Qt.ItemDataRole.ToolTipRole) == (
        "bad.txt\nCould not be read: the file is empty")


def test_remove_takes_any_iterable_of_keys(qapp):
    model = ArticleModel()
    items = _articles(5)
    model.add(items)
    model.remove(a.key for a in items[:2])  # a one-shot generator
    assert model.rowCount() == 3
    model.add(items[:2])  # listed again, not skipped as if still there
    assert model.rowCount() == 5


def test_a_search_rank_orders_the_rows_until_a_column_is_asked_for(qapp):
    from reader.ui.documents import ArticleFilter

    model = ArticleModel()
    proxy = ArticleFilter()
    proxy.setSourceModel(model)
    proxy.sort(DATE, Qt.SortOrder.AscendingOrder)
    items = _articles(300)
    model.add(items[:200])
    best = [items[n].key for n in (150, 3, 77, 199, 42)]
    proxy.set_search(best)
    assert proxy.ranked
    assert [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 3) for r in range(proxy.rowCount())] == best
    model.add(items[200:])  # more arrive while the search is on: listed, not shown
    assert model.rowCount() == 300 and proxy.rowCount() == 5
    proxy.set_search(best[::-1])  # a refined search ranks again
    assert [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 3) for r in range(5)] == best[::-1]
    proxy.sort(TITLE, Qt.SortOrder.AscendingOrder)  # a header click
    assert not proxy.ranked
    titles = [proxy.index(r, TITLE).data() for r in range(5)]
    assert titles == sorted(titles, key=str.casefold)
    proxy.set_search(None)
    titles = _shown(model, TITLE)
    assert titles == sorted(titles, key=str.casefold) and proxy.rowCount() == 300


def test_many_rows_replaced_at_once_reach_a_filtered_view(qapp):
    from dataclasses import replace as with_

    from reader.ui.documents import ORGS, ArticleFilter

    items = [make_article(f"/f/{i:05d}.txt", f"Title {i}", ["The United Nations met Acme."]) for i in range(200)]
    model, proxy = ArticleModel(), ArticleFilter()
    proxy.setSourceModel(model)
    model.add(items)
    proxy.sort(ORGS)
    fewer = [with_(a, organisations=a.organisations[:1]) for a in items[50:150]]
    model.add(fewer, replace=True)  # (a correction: many rows at once)
    counts = [proxy.index(r, ORGS).data() for r in range(proxy.rowCount())]
    assert sorted(counts) == [1] * 100 + [2] * 100
    shown = {proxy.index(r, TITLE).data(): proxy.index(r, ORGS).data() for r in range(proxy.rowCount())}
    assert shown["Title 50"] == 1 and shown["Title 149"] == 1 and shown["Title 150"] == 2


def test_the_filter_asks_the_model_per_row_only_while_a_filter_is_on(qapp):
    """A folder's rows are reordered thousands at a time as it loads: with no filter on,
    the proxy keeps them all without a call into Python per row."""
    from reader.ui.documents import AcceptRole, ArticleFilter

    asked = []

    class Counting(ArticleModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == AcceptRole:
                asked.append(index.row())
            return super().data(index, role)

    model = Counting()
    proxy = ArticleFilter()
    proxy.setSourceModel(model)
    proxy.sort(DATE, Qt.SortOrder.DescendingOrder)
    items = _articles(400)
    model.add(items[:100])
    model.add(items[100:])  # into many places: one reordering of every row
    model.sort(TITLE)
    assert proxy.rowCount() == 400 and asked == []
    proxy.set_search([items[3].key, items[250].key])
    assert sorted(proxy.index(r, TITLE).data() for r in range(proxy.rowCount())) == ["Title 250", "Title 3"]
    assert asked  # now each row is asked
    model.add([make_article("/f/new.txt", "Title new", ["Body."], date="2024-05-05")])
    assert proxy.rowCount() == 2  # a row added meanwhile is filtered too
    proxy.set_search(None)
    asked.clear()
    model.sort(DATE)
    assert proxy.rowCount() == 401 and asked == []


def test_indexes_are_made_without_asking_the_row_and_column_counts(qapp):
    """A paint of the list makes an index per cell and role: Qt's own index() asked
    rowCount and columnCount (two calls into Python) for each."""
    from PySide6.QtCore import QModelIndex

    counted = []

    class Counting(ArticleModel):
        def rowCount(self, parent=QModelIndex()):
            counted.append(1)
            return super().rowCount(parent)

    model = Counting()
    model.add(_articles(5))
    counted.clear()
    assert [model.index(r, TITLE).data() for r in range(5)] == [f"Title {r}" for r in range(5)]
    assert not model.index(5, 0).isValid() and not model.index(-1, 0).isValid()
    assert not model.index(0, 4).isValid() and not model.index(0, 0, model.index(1, 0)).isValid()
    assert counted == []


def test_a_paint_of_the_list_asks_each_cell_once_for_all_its_roles(qapp):
    """The view asks seven roles of each cell it draws: through the proxy, one call to
    the model gives them all, with the values data() gives one by one."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    from reader.ui.documents import ArticleFilter
    from reader.ui.listview import ArticleList

    asked = {"data": 0, "multiData": 0}

    class Counting(ArticleModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            asked["data"] += 1
            return super().data(index, role)

        def multiData(self, index, roles):  # noqa: N802
            asked["multiData"] += 1
            super().multiData(index, roles)

    model = Counting()
    proxy = ArticleFilter()
    proxy.setSourceModel(model)
    items = _articles(50)
    model.add(items + [Unreadable("/f/bad.txt", "not text")])
    view = ArticleList(proxy)
    view.resize(500, 300)
    view.show()
    qapp.processEvents()
    asked.update(data=0, multiData=0)
    view.viewport().repaint()
    assert asked["multiData"] > 20 and asked["data"] == 0
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole)
    for row in range(proxy.rowCount()):
        for col in range(4):
            index = proxy.index(row, col)
            for role in roles:
                slot = QModelRoleData(role)
                proxy.multiData(index, QModelRoleDataSpan(slot))
                want, got = index.data(role), slot.data()
                assert got == want or role == Qt.ItemDataRole.DecorationRole and (got is None) == (want is None)
    view.close()
