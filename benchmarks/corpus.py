"""A deterministic corpus of synthetic news articles for the large-folder benchmark.

Text is generated here from a small built-in vocabulary (no development data), in the
four formats the reader opens, about 5 KB each, carrying the defects the cleaner
repairs: hard-wrapped lines joined without a space (``toinitiate``), flattened meta-tag
leftovers, a ``date …`` glued to the first paragraph, ``ISLAMABAD:``-style datelines,
``Source:``/``Tags:`` lines, and page furniture around HTML articles.

    python benchmarks/corpus.py OUT_DIR [--n 10000] [--seed 7]
"""
from __future__ import annotations

import argparse
import html
import json
import random
from pathlib import Path

WORDS = """
the government said on officials were would could should after before during while
because although however meanwhile later earlier today yesterday this week last month
plan programme budget policy reform talks agreement report review inquiry decision
statement meeting minister ministry council committee agency authority board office
police court judge lawyers investigation charges case trial verdict appeal hearing
water energy power grid fuel prices markets trade exports imports harbour port ships
farmers harvest grain wheat rice drought floods rain storm coast river bridge road rail
schools teachers students hospital doctors patients health vaccine clinic nurses
workers unions strike wages jobs factory companies investors shares bank loans debt
inflation interest rates growth economy revenue taxes spending deficit households
residents community village city province region district border security forces
protest crowd march demands leaders opposition party election vote candidates campaign
local national regional international public private new old large small major minor
first second third several many few most some all both each every other another
increase decrease rise fall expand cut delay approve reject announce confirm deny
warn expect hope plan seek urge call ask tell show find build repair open close
quickly slowly sharply steadily largely mainly partly nearly almost already still
data figures survey estimate forecast target percent million billion thousand dozen
""".split()

ORGANISATIONS = [
    ("Coastal Energy Authority", "CEA"), ("Northern Grain Cooperative", "NGC"),
    ("Ministry of Water Resources", ""), ("Ministry of Finance", ""), ("Ministry of Health", ""),
    ("International Monetary Fund", "IMF"), ("World Health Organization", "WHO"),
    ("United Nations", "UN"), ("World Bank", ""), ("European Investment Bank", "EIB"),
    ("Federal Audit Office", "FAUD"), ("National Rail Corporation", "NRC"),
    ("Harbour Workers Union", "HWU"), ("Central Statistics Bureau", "CSB"),
    ("Supreme Court", ""), ("Red Cross", ""), ("Amnesty International", ""),
    ("River Basin Commission", "RBC"), ("Teachers Federation", ""),
    ("Metropolitan Police", ""), ("Provincial Assembly", ""), ("Election Commission", ""),
    ("Meridian Shipping Company", ""), ("Halvorsen Steel Corp", ""), ("Aster Pharma Ltd", ""),
]
PLACES = ["ISLAMABAD", "NAIROBI", "LIMA", "OSLO", "MANILA", "ACCRA", "HANOI", "QUITO", "TUNIS", "RIGA"]
PEOPLE = ["Amara Diallo", "Jonas Berg", "Lucia Ferreira", "Ravi Menon", "Chen Wei", "Sofia Marin",
          "Tomas Novak", "Leila Haddad", "Kwame Mensah", "Ines Duarte", "Pieter Smit", "Noor Rahman"]
SITES = ["dailyledger.example", "coastnews.example", "metrotimes.example", "thecourier.example"]
FORMAT_CYCLE = ["txt", "txt", "md", "html", "txt", "json", "html", "md"]  # 3/8 txt, 1/4 md, 1/4 html, 1/8 json
TARGET_BYTES = 5000


class _Writer:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def words(self, n: int) -> list[str]:
        return [self.rng.choice(WORDS) for _ in range(n)]

    def sentence(self, orgs: list[tuple[str, str]], introduced: set[str]) -> str:
        rng = self.rng
        parts = self.words(rng.randint(6, 12))
        if rng.random() < 0.55:
            name, acr = rng.choice(orgs)
            if acr and name in introduced and rng.random() < 0.6:
                mention = acr
            elif acr and name not in introduced:
                mention = f"{name} ({acr})"
            else:
                mention = "the " + name if rng.random() < 0.5 else name
            introduced.add(name)
            parts.insert(rng.randint(0, len(parts)), mention)
        if rng.random() < 0.3:
            parts.insert(rng.randint(0, len(parts)), rng.choice(PEOPLE))
        if rng.random() < 0.2:
            parts.append(f"{rng.randint(2, 97)} percent")
        text = " ".join(parts)
        return text[0].upper() + text[1:] + rng.choice(".....?")

    def paragraphs(self, orgs, target: int) -> list[str]:
        introduced: set[str] = set()
        out, size = [], 0
        while size < target:
            p = " ".join(self.sentence(orgs, introduced) for _ in range(self.rng.randint(3, 6)))
            out.append(p)
            size += len(p) + 2
        return out

    def title(self, orgs) -> str:
        name = self.rng.choice(orgs)[0]
        text = " ".join([name] + self.words(self.rng.randint(4, 7)))
        return text[0].upper() + text[1:]


def _lines(paragraph: str, width: int) -> list[str]:
    """Greedy hard wrap at ``width``."""
    out, line = [], ""
    for word in paragraph.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return out


def _fuse_wrapped(paragraph: str, width: int) -> str:
    """Hard-wrap at ``width`` then delete the line breaks without a space: the scraped defect."""
    return "".join(_lines(paragraph, width))


def _wrap(paragraph: str, width: int) -> str:
    return "\n".join(_lines(paragraph, width))


def _article(i: int, rng: random.Random) -> dict:
    w = _Writer(rng)
    orgs = rng.sample(ORGANISATIONS, rng.randint(2, 5))
    year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    site = rng.choice(SITES)
    return {
        "title": w.title(orgs),
        "date": f"{year}-{month:02d}-{day:02d}",
        "author": rng.choice(PEOPLE),
        "place": rng.choice(PLACES),
        "paragraphs": w.paragraphs(orgs, TARGET_BYTES - 600),
        "url": f"https://www.{site}/news/{year}/{i:06d}",
        "site": site,
        "tags": rng.sample(["economy", "energy", "health", "courts", "transport", "labour", "climate"], 3),
    }


def render_txt(a: dict, rng: random.Random) -> str:
    paras = list(a["paragraphs"])
    paras[0] = f"{a['place']}: {paras[0]}"
    if rng.random() < 0.5:
        paras[0] = f"date {a['date']} {paras[0]}"  # glued metadata
    fused = rng.random() < 0.7
    body = [_fuse_wrapped(p, 75) if fused else _wrap(p, 72) for p in paras]
    if rng.random() < 0.5:
        body.insert(rng.randint(1, len(body)), rng.choice(["ogimageimage-name", 'property="og:description"',
                                                            "twitter:card", "og:title"]))
    lines = [a["title"], *body, f"Source: {a['url']}", "Tags: " + ", ".join(a["tags"])]
    return ("\n" if fused else "\n\n").join(lines) + "\n"


def render_md(a: dict, rng: random.Random) -> str:
    out = [f"# {a['title']}", f"*Published {a['date']}* · By **{a['author']}**"]
    for n, p in enumerate(a["paragraphs"]):
        if n and n % 3 == 0:
            out.append("## " + " ".join(p.split()[:4]).rstrip(".?"))
        out.append(_wrap(p, 78))
    out.append(f"Sources:\n- [{a['site']}]({a['url']})")
    return "\n\n".join(out) + "\n"


def render_html(a: dict, rng: random.Random) -> str:
    e = html.escape
    nav = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in ("world", "business", "sport", "culture"))
    related = "".join(f'<li><a href="/news/{rng.randint(1, 99999)}">{e(t)}</a></li>'
                      for t in (_Writer(rng).title(ORGANISATIONS[:5]) for _ in range(4)))
    body = "\n".join(f"<p>{e(p)}</p>" for p in a["paragraphs"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} | {e(a['site'])}</title>
<meta property="og:title" content="{e(a['title'])}">
<meta property="og:url" content="{e(a['url'])}">
<meta property="article:published_time" content="{a['date']}T08:00:00Z">
<meta name="author" content="{e(a['author'])}">
<script>window.dataLayer=[];function track(){{}}</script>
<style>body{{font-family:serif}}</style>
</head><body>
<header><a href="/">{e(a['site'])}</a><nav><ul>{nav}</ul></nav>
<div class="cookie">We use cookies to improve your experience. <button>Accept all cookies</button></div></header>
<main><article>
<h1>{e(a['title'])}</h1>
<p class="byline">By {e(a['author'])} · <time datetime="{a['date']}">{a['date']}</time></p>
<div class="share">Share: Facebook Twitter WhatsApp Email</div>
{body}
</article>
<aside><h2>Most read</h2><ul>{related}</ul></aside></main>
<footer><p>© 2025 {e(a['site'])}. All rights reserved.</p><p>Privacy policy | Terms of use</p></footer>
</body></html>
"""


def render_json(a: dict, rng: random.Random) -> str:
    obj = {"@type": "NewsArticle", "headline": a["title"], "datePublished": a["date"],
           "author": {"name": a["author"]}, "url": a["url"], "keywords": a["tags"],
           "articleBody": "\n\n".join(a["paragraphs"])}
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


RENDER = {"txt": render_txt, "md": render_md, "html": render_html, "json": render_json}


def generate(folder: str | Path, n: int = 10_000, seed: int = 7, per_folder: int = 500) -> list[Path]:
    """Write ``n`` articles under ``folder`` (subfolders of ``per_folder``); the same
    ``n`` and ``seed`` always give the same bytes. Returns the files in name order."""
    folder = Path(folder)
    paths = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        fmt = FORMAT_CYCLE[i % len(FORMAT_CYCLE)]
        sub = folder / f"batch-{i // per_folder:03d}"
        if i % per_folder == 0:
            sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"{i:06d}.{fmt}"
        path.write_text(RENDER[fmt](_article(i, rng), rng), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    paths = generate(args.out, args.n, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} articles, {total / len(paths):.0f} bytes each on average, to {args.out}")


if __name__ == "__main__":
    main()
