"""Save PNGs of the reader's main states into docs/ (for the README).

    python scripts/screenshots.py [ARTICLES_FOLDER] [--out docs]

Runs offscreen with settings in a temporary folder (never the user's), opens the
sample articles with the real core and captures: the welcome view, an article with
its organisations highlighted, an organisation selected, the dark theme, a small
(900x600) window, one row per story, and two versions compared.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "articles"))
    parser.add_argument("--out", default=str(ROOT / "docs"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = tempfile.mkdtemp(prefix="reader-shots-")  # never the user's settings or cache
    os.environ["ARTICLE_READER_CONFIG_DIR"] = os.path.join(scratch, "config")
    os.environ["ARTICLE_READER_CACHE_DIR"] = os.path.join(scratch, "cache")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from reader.settings import Settings
    from reader.ui.theme import apply_theme
    from reader.ui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    app.setFont(QFont("DejaVu Sans", 10))
    apply_theme(app, "light")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(Settings.load())
    window.resize(1440, 860)
    window.show()

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(name: str) -> None:
        settle()
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    window.show_welcome()
    shot("welcome")

    loop = QEventLoop()
    window.loading_finished.connect(loop.quit)
    QTimer.singleShot(60000, loop.quit)
    window.open_paths([args.folder])
    loop.exec()
    articles = window.model.articles()
    if not articles:
        print("no articles loaded from", args.folder, file=sys.stderr)
        return 1
    best = max(articles, key=lambda a: (len(a.organisations), len(a.paragraphs)))
    window.select_key(best.key)
    shot("article")

    if best.organisations:
        org = max(best.organisations, key=lambda o: len(o.mentions))
        window.panel.select(org.name)
    shot("organisation")

    window.set_theme("dark")
    shot("dark")
    window.set_theme("light")

    window.resize(900, 600)  # a small window: the sides give way, the pane stays readable
    shot("small")

    window.resize(1440, 860)  # one row per story, the current article's story unfolded
    window.stories.by_story.setChecked(True)
    tree = window.stories.tree
    tree.expand(tree.currentIndex().parent() if tree.currentIndex().parent().isValid() else tree.currentIndex())
    shot("stories")
    window.stories.compare_current()  # two versions side by side
    dialog = window.stories.compare_view
    if dialog is not None:
        settle()
        dialog.grab().save(str(out / "compare.png"))
        print(out / "compare.png")
        dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
