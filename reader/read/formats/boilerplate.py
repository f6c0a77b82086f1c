"""What content extractors let through around an article, and how to trim it.

Works on :class:`Block` (one paragraph of extracted text, the links inside it, and
the kind of element it came from: ``p``, ``head``, ``item``, ``quote``, ``row``...).
Rules are about page furniture in general (a headline repeated above the body,
"Related:" teasers, newsletter/follow/comment prompts after the last paragraph),
never about particular sites.
"""
from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit

from ...record import Link
from . import furniture


class Block(NamedTuple):
    text: str
    links: tuple[Link, ...]
    kind: str = "p"


_SHARE_HOSTS = re.compile(
    r"(?i)(^|\.)(facebook\.com/(sharer|share|dialog)|twitter\.com/(intent|share)|x\.com/intent"
    r"|linkedin\.com/(sharearticle|share|cws/share)|pinterest\.\w+/pin/create|reddit\.com/submit"
    r"|wa\.me/|api\.whatsapp\.com/send|telegram\.me/share|t\.me/share|getpocket\.com/save"
    r"|news\.ycombinator\.com/submitlink|tumblr\.com/share|plus\.google\.com/share"
    r"|addthis\.com|sharethis\.com|doubleclick\.net|googleadservices\.com|feeds\.feedburner\.com)")


def is_article_link(url: str) -> bool:
    """An http(s) link worth listing: not a share button, ad or tracking redirect."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    return not _SHARE_HOSTS.search(parts.hostname + parts.path)


def text_key(text: str) -> str:
    """The text's letters and digits, lower-cased: what two copies of a line share."""
    return re.sub(r"\W+", "", text.lower())


_key = text_key


_FURNITURE = re.compile(
    r"(?i)\bsubscribe (?:to|now|today|for|here)\b|\bsubscriptions? (?:service|offer|plan)s?\b"
    r"|\bsubscribers? only\b|\bnewsletters?\b|\bsign up (?:now|here|today|free)\b|\bclick here\b"
    r"|\bfollow (?:us|him|her|me|\w+) (?:on|at) (?:twitter|facebook|instagram|x|linkedin|youtube)"
    r"|\bfollow (?:us|him|her|me)\b"
    r"|\bleave a (?:reply|comment)\b|\bjoin the (?:discussion|conversation)\b|\bpost a comment\b"
    r"|\bfeel free to (?:contribute|comment)\b|\btell us what you think\b|\bcomments? (?:policy|below)\b"
    r"|\ball rights reserved\b|^(?:©|copyright\b)|^(?:explore further|advertisement|user comments)$"
    r"|^(?:filed under|tags?|topics?|categories|share(?: this)?(?: article| story)?)\s*:"
    r"|\bhave a (?:news )?tip\b|\bmay be reached at\b|\b(?:contact|reach|email) the (?:author|reporter|writer)\b"
    r"|\bdelivered (?:to|through|straight to|right to) your (?:inbox|letterbox|door)"
    r"|\bright in your inbox\b|\blisten (?:to \S+ )?live\b|\bdownload (?:our|the) app\b"
    r"|\bshare this (?:article|story|post|page)\b|\[/?button\b")
_TEASER = re.compile(
    r"(?i)^(?:related(?: stories| articles| content| coverage)?|read more|read also|also read|see also"
    r"|more from [^:]{1,40}|more on this(?: story)?|recommended(?: reading)?|you may also like"
    r"|don't miss|watch|listen|trending|most read|popular)\s*[:>»|–—-]+\s*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_SENTENCE_CLOSE = re.compile(r"[.!?…][\"”’')\]]*$")
_COUNT_ONLY = re.compile(r"(?i)^\W*\d*\s*(?:comments?|replies|shares?|views?)\W*$")


_AD_NAME = re.compile(
    r"(?i)(?:^|[\s_-])(?:ad|ads|adv|advert|adverts|advertisement|adslot|adunit|adbox|dfp|gpt"
    r"|promo|promos|promoted|sponsor|sponsored|dfp-ad|banner-ad)(?:$|[\s_-]|\d)")
_AD_LABEL = re.compile(r"(?i)^\W*(?:advertisement|advertising|advert|ad|sponsored(?: content)?|promoted)\W*$")


def is_advert(element) -> bool:
    """An advert block set between a body's paragraphs, by its shape on any site: a class
    or id made of ad words (``ad-slot``, ``advert``, ``dfp-ad``, ``promo``), an aria/data
    label "Advertisement", or an element whose only text is such a label."""
    if not isinstance(element.tag, str):
        return False
    for name in ("class", "id"):
        if _AD_NAME.search(element.get(name) or ""):
            return True
    for name in ("aria-label", "data-label", "title"):
        if _AD_LABEL.match(element.get(name) or "."):
            return True
    text = " ".join(element.text_content().split())
    return bool(text) and len(text) < 40 and bool(_AD_LABEL.match(text))


def follows_advert(element, body) -> bool:
    """``element`` comes right after an advert that ends the body: it, or its nearest
    ancestor with an element before it, has before it adverts and then an element
    holding the body (``body``: the ids of the kept paragraphs' parents, kept alive), or the body's
    container ending in an advert."""
    node = element
    while node is not None and node.getprevious() is None:
        node = node.getparent()
    if node is None:
        return False
    before = [e for e in node.itersiblings(preceding=True) if isinstance(e.tag, str)]
    ads = 0
    while ads < len(before) and is_advert(before[ads]):
        ads += 1
    if ads == len(before):
        return False
    holder = before[ads]
    holds = id(holder) in body or any(id(e) in body for e in holder.iterdescendants())
    if not holds:
        return False
    if ads:
        return True
    inner = [e for e in holder if isinstance(e.tag, str)]   # the advert closing the body
    return bool(inner) and is_advert(inner[-1])


def _link_share(block: Block) -> float:
    """How much of the block's text is link labels (0 to 1)."""
    text = _key(block.text)
    if not text:
        return 0.0
    return min(1.0, sum(len(_key(link.label)) for link in block.links) / len(text))


def prose_words(blocks: list[Block]) -> int:
    """Words of text outside link labels (a page of menus and teasers has next to none)."""
    total = 0
    for block in blocks:
        text = block.text
        for link in block.links:
            if link.label:
                text = text.replace(link.label, " ", 1)
        total += len(re.findall(r"\w+", text)) + len(_CJK.findall(text)) // 2  # CJK has no spaces
    return total


def is_furniture(block: Block) -> bool:
    """Page furniture that extractors keep after an article: prompts, bios, share bars."""
    text = block.text
    if _COUNT_ONLY.match(text):
        return True
    if _FURNITURE.search(text):
        # a prompt opening the block, several prompts, or mostly prompt; not one prompt
        # closing a real paragraph ("… Leave a comment and tell us what we missed.")
        sentences = _SENTENCE_END.split(text)
        flagged = [sentence for sentence in sentences if _FURNITURE.search(sentence)]
        if (flagged[:1] == sentences[:1] or len(flagged) >= 2
                or sum(map(len, flagged)) >= 0.5 * len(text)):
            return True
    if _TEASER.match(text) and (len(text) < 160 or _link_share(block) > 0.6):
        return True
    return _link_share(block) > 0.9 and block.kind in ("item", "p", "head")


def trim(blocks: list[Block], title: str | list[str], description: str = "",
         date: str | None = None) -> list[Block]:
    """The article's blocks without the repeated headline and the page furniture."""
    titles = [title] if isinstance(title, str) else title
    blocks = _drop_leading_title(blocks, titles)
    blocks = _drop_dek(blocks, description)
    related = furniture.related_runs(blocks)
    blocks = [block for index, block in enumerate(blocks)
              if index not in related and not _is_teaser(block)
              and not furniture.is_inline_furniture(block.text, block.links)]
    end = len(blocks)
    while end > 1 and is_furniture(blocks[end - 1]):
        end -= 1
    return blocks[:end]


def _is_teaser(block: Block) -> bool:
    """A "Related: <link>" line inside the body."""
    match = _TEASER.match(block.text)
    if not match or not block.links:
        return False
    rest = _key(block.text[match.end():])
    return bool(rest) and sum(len(_key(link.label)) for link in block.links) >= 0.8 * len(rest)


def _drop_dek(blocks: list[Block], description: str) -> list[Block]:
    """A standfirst set as a heading above the body, repeating the page description."""
    key = _key(description)
    if blocks and key and blocks[0].kind == "head" and len(blocks) > 1:
        first = _key(blocks[0].text)
        if first and (first == key or (len(first) > 40 and key.startswith(first[:-3]))):
            return blocks[1:]
    return blocks


def _drop_leading_title(blocks: list[Block], titles: list[str]) -> list[Block]:
    """The pane shows the title above the body: a copy of it opening the body goes."""
    keys = [key for key in map(_key, titles) if key]
    if not keys:
        return blocks
    for index, block in enumerate(blocks[:3]):
        block_key = _key(block.text)
        # a title with a few words more ("…, updated") goes; a sentence that opens with
        # the title's words is the lead paragraph
        longer = not _SENTENCE_CLOSE.search(block.text)
        if block_key and any(block_key == key or (len(block_key) > 15 and (
                key.startswith(block_key) or longer and block_key.startswith(key)
                and len(block_key) < 1.3 * len(key)))
                for key in keys):
            return blocks[:index] + blocks[index + 1:]
    return blocks
