"""A folder of hostile and broken article files, generated (the big ones are too big to commit).

    python tests/hostile/corpus.py DIR      # writes the corpus into DIR

Each case is (file name, bytes, expectation): "ok" files must load and export;
"bad" files must be refused with a clear reason. Used by tests/test_hostile.py.
"""
from __future__ import annotations

import codecs
import json
import os
import sys
from pathlib import Path

STORY = ("The port authority said on Monday that the harbour would reopen after a week of storms. "
         "Fishermen welcomed the news but warned that repairs to the breakwater were far from finished. ")


def _html_page(body: str, title: str = "Harbour reopens after storms") -> str:
    return (f"<!DOCTYPE html><html><head><title>{title} | Coast News</title>"
            f'<meta property="og:title" content="{title}"></head><body>'
            f"<nav><a href='/'>Home</a><a href='/world'>World</a></nav><article><h1>{title}</h1>{body}"
            "</article><footer>© 2025 Coast News. All rights reserved.</footer></body></html>")


def cases() -> list[tuple[str, bytes, str]]:
    story_para = f"<p>{STORY}</p>"
    out: list[tuple[str, bytes, str]] = [
        ("empty.txt", b"", "bad"),
        ("whitespace-only.md", b" \n\n\t \n", "bad"),
        ("png-named-txt.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "bad"),
        ("zip-named-json.json", b"PK\x03\x04" + bytes(range(256)) * 40, "bad"),
        ("nul-bytes.txt", ("Harbour reopens\n\n" + STORY * 3).encode().replace(b". ", b".\x00 ", 2), "ok"),
        ("invalid-utf8-middle.txt", ("Harbour reopens\n\n“Zürich” café " + STORY * 4).encode() + b"\xff\xfe\xc3(" +
         ("Genève “crème” brûlée " + STORY).encode(), "ok"),
        ("utf16-bom.txt", ("Harbour reopens\n\n" + STORY * 3).encode("utf-16"), "ok"),
        ("utf16-no-bom.txt", ("Harbour reopens\n\n" + STORY * 3).encode("utf-16-le"), "ok"),
        ("utf16be-bom.md", codecs.BOM_UTF16_BE + ("# Harbour reopens\n\n" + STORY * 3).encode("utf-16-be"), "ok"),
        ("mixed-line-endings.txt", ("Harbour reopens\r\n\r\n" + STORY + "\n\n" + STORY + "\r\r" + STORY).encode(), "ok"),
        ("huge-30mb.txt", ("Harbour reopens\n\n" + (STORY * 6 + "\n\n") * 26000).encode(), "ok"),
        ("deep-nesting.html", _html_page("<div>" * 50000 + story_para * 3 + "</div>" * 50000).encode(), "ok"),
        ("many-paragraphs.html", _html_page(story_para * 100000).encode(), "ok"),
        ("entity-heavy.html", _html_page("<p>" + "&amp;&lt;&#8212;&eacute;&#x1F600;" * 200000 + "</p>" + story_para * 3).encode(), "ok"),
        ("truncated.html", _html_page(story_para * 5)[:-200].encode(), "ok"),
        ("truncated.json", json.dumps({"headline": "Harbour reopens", "articleBody": STORY * 3})[:-25].encode(), "bad"),
        ("no-article.json", json.dumps({"status": "ok", "count": 3, "items": [1, 2, 3]}).encode(), "bad"),
        ("jsonl-with-a-bad-line.jsonl", (json.dumps({"title": "Harbour reopens", "text": STORY * 2}) + "\n{broken\n"
                                         + json.dumps({"title": "Storm damage counted", "text": STORY * 2}) + "\n").encode(), "ok"),
        ("script-and-pixel.html", _html_page(
            "<script>alert(1)</script><img src='https://tracker.example/pixel.gif'>"
            "<iframe src='https://evil.example'></iframe><meta http-equiv='refresh' content='0;url=https://evil.example'>"
            + story_para * 3 + "<p><a href='javascript:alert(1)'>click</a> and <a href='https://ok.example/x'>a real link</a>.</p>").encode(), "ok"),
        ("only-boilerplate.html", b"<html><body><nav><a href='/'>Home</a></nav><footer>All rights reserved.</footer></body></html>", "bad"),
        ("name with\nnewline.txt", ("Odd file name\n\n" + STORY).encode(), "ok"),
    ]
    return out


def build(folder: str | os.PathLike) -> dict[str, str]:
    """Write the corpus into ``folder``; returns {file name: "ok"|"bad"}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, data, kind in cases():
        (folder / name).write_bytes(data)
        expected[name] = kind
    if os.name == "posix":
        odd = os.fsencode(folder) + b"/undecodable-\xff\xfe-name.txt"
        with open(odd, "wb") as fh:
            fh.write(("Odd bytes in the name\n\n" + STORY).encode())
        expected[os.fsdecode(b"undecodable-\xff\xfe-name.txt")] = "ok"
        loop = folder / "loop"
        if not loop.exists():
            os.symlink(folder, loop)
    return expected


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile/corpus.py DIR")
    for name, kind in build(sys.argv[1]).items():
        print(kind, repr(name))
