"""The reading state: what was read and where the reader stopped, kept per article key."""
from __future__ import annotations

from reader.library.reading import ReadingState


def test_read_keys_and_positions_are_kept_in_the_file(tmp_path):
    path = tmp_path / "reading.sqlite3"
    state = ReadingState(path)
    assert not state.is_read("/a.txt") and state.position("/a.txt") == 0
    assert state.set_read(["/a.txt", "/b.txt#2"]) == 2
    assert state.set_read(["/a.txt"]) == 0  # already read
    state.set_position("/a.txt", 1234)
    state.close()
    again = ReadingState(path)
    assert again.is_read("/a.txt") and again.is_read("/b.txt#2") and not again.is_read("/b.txt")
    assert again.position("/a.txt") == 1234
    assert again.set_read(["/a.txt"], read=False) == 1
    again.close()
    assert not ReadingState(path).is_read("/a.txt")


def test_a_damaged_file_leaves_the_state_in_memory_with_a_note(tmp_path):
    path = tmp_path / "reading.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    state = ReadingState(path)
    assert state.note
    state.set_read(["/a.txt"])
    assert state.is_read("/a.txt")
    assert path.read_bytes().startswith(b"this is not a database")  # not overwritten


def test_the_default_file_lives_in_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTICLE_READER_CACHE_DIR", str(tmp_path / "cache"))
    state = ReadingState()
    state.set_position("/a.txt", 5)
    assert state.path == tmp_path / "cache" / "reading.sqlite3" and state.path.exists()
