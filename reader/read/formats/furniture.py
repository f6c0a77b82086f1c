"""Page furniture that sits *inside* an article body, recognised by its shape.

Extractors keep what a page interleaves with the story: newsletter sign-up boxes
with their confirmation and error messages, share prompts, ALL-CAPS promotion links,
"More:" teasers, runs of related-story headlines, stock-ticker rows. Each rule here is
about a kind of furniture on any site, never about particular sites; each is narrow
enough that an article *about* newsletters or shares keeps its sentences (a block goes
only when it is mostly furniture).
"""
from __future__ import annotations

import re

from ...record import Link

_PROMPT = re.compile(
    r"(?i)\bthanks? (?:you )?for (?:signing up|subscribing|registering)\b"
    r"|\berror (?:processing|with) your (?:subscription|sign-?up|request)\b"
    r"|\bsign(?:ing)? up (?:for|to) (?:our|the|my|a)\b[^.!?]{0,50}\b(?:newsletters?|alerts?|digest|briefing)\b"
    r"|\bsubscribe (?:to|for) (?:our|the)\b[^.!?]{0,50}\b(?:newsletters?|channel|podcast|alerts?|updates)\b"
    r"|\benter (?:your|a valid) e-?mail\b|\binvalid e-?mail\b|\bplease enter a valid\b"
    r"|\byou(?:'re|’re| are) (?:now |all )?(?:signed up|subscribed)\b|\bcheck your inbox\b"
    r"|\bby (?:signing up|subscribing|clicking)\b[^.!?]{0,60}\b(?:agree|privacy|terms)\b"
    r"|\b(?:like|liked|enjoy|enjoyed|love|loved) this (?:story|article|post|piece)\s*\?"
    r"|\bshare (?:it|this(?: story| article| post)?) with (?:a|your) friends?\b"
    r"|\bget (?:our|the) [^.!?]{0,30}\bnewsletter\b|^(?:sign up|subscribe)(?: now| today| here)?\s*[.!]?$")
# words one of the prompts holds: most blocks have none, and a substring test is cheap
_PROMPT_HINTS = ("sign", "subscri", "regist", "mail", "inbox", "agree", "this story", "this article",
                 "this post", "this piece", "share", "newsletter", "error", "valid")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+")
_CAPS_PROMO = re.compile(r"^(?:CLICK|TAP|GET|DOWNLOAD|SUBSCRIBE|SIGN UP|WATCH|LISTEN|READ|FOLLOW|JOIN|SHOP)\b")
_MORE = re.compile(r"(?i)^more\s*(?:from [^:]{1,40}|on this|news|stories)?\s*[:>»|–—-]\s*\S")
_LABEL = re.compile(r"(?i)^(?:related(?: stories| articles| content| coverage| news| links)?|more (?:stories|news|coverage)"
                    r"|more from [\w .'’&-]{1,40}|read (?:more|next|also)|you (?:may|might) also like"
                    r"|recommended(?: for you| reading)?|trending(?: now)?|most (?:read|popular)|top stories"
                    r"|editor'?s picks?|what to read next|also on [\w .'’&-]{1,30})\s*:?$")
_NUMBER = re.compile(r"^[+\-−–]?[$€£¥]?\d[\d,.]*%?$|^\(?[+\-−–]\d[\d,.]*%?\)?$")
_TICKER = re.compile(r"^[A-Z][A-Z.^&]{0,5}$")
_CHANGE = re.compile(r"(?:^|\s)[+\-−–]\d[\d,.]*%?|\d%")
_SENTENCE_END = re.compile(r"[.!][\"”’')\]]*$")
MIN_RUN = 2  # link-only headlines in a row that make a related-stories list


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _link_share(text: str, links: tuple[Link, ...]) -> float:
    key = _key(text)
    if not key:
        return 0.0
    return min(1.0, sum(len(_key(link.label)) for link in links) / len(key))


def is_prompt(text: str) -> bool:
    """A sign-up, subscription or share prompt: the block opens with one, holds two, or
    is mostly one; one prompt closing a paragraph of story does not make it furniture."""
    lowered = text.lower()
    if not any(hint in lowered for hint in _PROMPT_HINTS) or not _PROMPT.search(text):
        return False
    sentences = [sentence for sentence in _SENTENCE.split(text) if sentence.strip()]
    flagged = [sentence for sentence in sentences if _PROMPT.search(sentence)]
    return (flagged[:1] == sentences[:1] or len(flagged) >= 2
            or sum(map(len, flagged)) >= 0.5 * len(text))


def is_caps_promo(text: str, links: tuple[Link, ...]) -> bool:
    """"CLICK HERE TO GET THE … APP": a line in capitals that is a link or a call to act."""
    if not text[:24].isupper():  # a cheap look at the start before counting letters
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(text.split()) < 3 or len(letters) < 10:
        return False
    upper = sum(ch.isupper() for ch in letters) / len(letters)
    return upper >= 0.9 and (_link_share(text, links) >= 0.5 or bool(_CAPS_PROMO.match(text)))


def is_more_line(text: str, links: tuple[Link, ...]) -> bool:
    """"More: <headline>" / "MORE: …": a teaser line for another story."""
    return bool(_MORE.match(text)) and len(text) < 200 and (bool(links) or len(text) < 120)


def is_section_label(text: str) -> bool:
    """A lone "Related stories" / "More from …" / "Most read" label."""
    return len(text) < 60 and bool(_LABEL.match(text.strip()))


def is_ticker(text: str) -> bool:
    """A stock-ticker row: symbols, prices and signed changes, hardly a word of prose
    ("DJIA | 28,051.41 | +0.36%")."""
    tokens = [token for token in re.split(r"[\s|]+", text) if token]
    if not 2 <= len(tokens) <= 12 or not _CHANGE.search(text):
        return False
    numbers = sum(bool(_NUMBER.match(token)) for token in tokens)
    symbols = sum(bool(_TICKER.match(token)) for token in tokens)
    return numbers >= len(tokens) / 2 and numbers + symbols >= len(tokens) - 1


def is_headline_link(text: str, links: tuple[Link, ...]) -> bool:
    """A block that is one link to another story: a headline of four to twenty words,
    not a sentence (a linked quotation or a linked "X review." ends with a full stop)."""
    return (len(links) == 1 and 4 <= len(text.split()) <= 20 and not _SENTENCE_END.search(text)
            and _link_share(text, links) >= 0.9)


def is_inline_furniture(text: str, links: tuple[Link, ...]) -> bool:
    return (is_prompt(text) or is_caps_promo(text, links) or is_more_line(text, links)
            or is_section_label(text) or is_ticker(text))


def related_runs(blocks) -> set[int]:
    """Indexes of blocks in runs of link-only headlines (a related-stories list), and
    the section label heading such a run."""
    marked: set[int] = set()
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and is_headline_link(blocks[end].text, blocks[end].links):
            end += 1
        if end - start >= MIN_RUN:
            marked.update(range(start, end))
            if start > 0 and (is_section_label(blocks[start - 1].text) or blocks[start - 1].kind == "head"
                              and len(blocks[start - 1].text) < 60):
                marked.add(start - 1)
        start = max(end, start + 1)
    return marked
