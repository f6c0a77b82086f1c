"""Issue 4: a name the folder recognised in one article is marked in every article the
window shows, even where that article gives no evidence of its own (over the real Library)."""
from __future__ import annotations

import pytest
from conftest_ui import config_dir, make_window, open_and_wait, opened_urls  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def folder(tmp_path):
    """Article a defines the acronym AIM; article b only uses it."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Media group complains\n\nThe Alliance for Independent Media (AIM) filed a complaint on Monday.\n",
        encoding="utf-8")
    (folder / "b.txt").write_text(
        "Complaint heard\n\nThe court heard the case on Tuesday. AIM said it would appeal the ruling.\n",
        encoding="utf-8")
    return folder


def test_acronym_defined_in_one_article_is_marked_in_another(qtbot, make_window, folder):
    w = make_window(real_loader=True)
    open_and_wait(qtbot, w, [folder])
    assert w.select_key(str(folder / "b.txt"))
    names = {o.name: o for o in w.current.organisations}
    assert "Alliance for Independent Media" in names
    (m,) = names["Alliance for Independent Media"].mentions
    assert m.text == "AIM"
    # the pane highlights it: a clickable mention anchor over the word, and the panel lists it
    rect = w.pane.cursorRect(w.pane.cursor_for(m.start + 1, m.start + 1))
    assert w.pane.anchorAt(rect.center()).startswith("mention:")
    assert w.pane.cursor_for(m.start, m.end).selectedText() == "AIM"
    assert w.panel.organisations.row_of("Alliance for Independent Media") >= 0


def test_export_all_writes_the_names_the_folder_knows(qtbot, make_window, folder, tmp_path):
    import json

    w = make_window(real_loader=True)
    open_and_wait(qtbot, w, [folder])
    out = tmp_path / "out"
    w.ask_folder = lambda title: str(out)
    w.ask_export_format = lambda formats: "json"
    with qtbot.waitSignal(w.exported, timeout=10000):
        w.actions_.export_all.trigger()
    (b,) = [json.loads(p.read_text("utf-8")) for p in out.iterdir() if "heard" in p.name.lower()]
    names = {o["name"]: o for o in b["organisations"]}
    assert "Alliance for Independent Media" in names  # as the pane shows article b
