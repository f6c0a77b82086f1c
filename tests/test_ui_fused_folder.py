"""The window shows a short text repaired with its folder's wrap width, as the
library and the exports do (tests/test_fused_folder.py): one door."""
from __future__ import annotations

import pytest

from conftest_ui import config_dir, make_window, open_and_wait, opened_urls  # noqa: F401
from test_fused_folder import CLEAN_SHORT, LONG, SHORT, _write, damage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_window_shows_the_short_text_repaired(qtbot, make_window, tmp_path):
    folder = tmp_path / "wire"
    folder.mkdir()
    for n, text in enumerate(LONG):
        _write(folder, f"long-{n}.txt", damage(text))
    _write(folder, "short.txt", damage(SHORT))
    _write(folder, "clean.txt", CLEAN_SHORT)
    w = make_window(real_loader=True)
    open_and_wait(qtbot, w, [folder])
    assert w.model.rowCount() == 5
    assert w.select_key(str(folder / "short.txt"))
    text = w.pane.toPlainText()
    assert "would open in the spring" in text and "shed its load" in text
    assert "wouldopen" not in text
