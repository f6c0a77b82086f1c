"""Author names as pages write them, cleaned to the names a reader expects.

``By TOM KRISHER, AP Auto Writer`` → ``Tom Krisher``; ``Amy Kuperinsky | NJ Advance
Media for NJ.com`` → ``Amy Kuperinsky``; site accounts and handles (``admin``,
``jdadmin``, ``@harbourdesk``, ``editor``) are not authors and are dropped.
"""
from __future__ import annotations

import re

# "By", and "Por"/"Von"/"Par"/"Door" before a name of two words or more ("Von Miller" is one)
_BY = re.compile(r"(?i)^\s*(?:(?:written\s+|posted\s+|reported\s+|story\s+)?by[:\s]+"
                 r"|(?:por|von|par|door)(?::\s*|\s+)(?=\S+\s+\S))")
_ROLE_WORDS = (
    r"writer|reporter|correspondent|editor|columnist|contributor|staff|producer|analyst"
    r"|critic|photographer|journalist|author|bureau|chief|director|manager|intern|host"
    r"|president|professor|founder|ceo|team|desk|news|media|press|service|wire|agency"
)
_ROLE = re.compile(rf"(?i)\b(?:{_ROLE_WORDS})s?\b")
# what follows a name and is not one: a role, an outlet, contact details
_AFTER_NAME = re.compile(r"\s*(?:[,|/–—(]|\s-\s|\bfor\b|\bat\b|\bon\b)\s*")
_ACCOUNT = re.compile(r"(?i)^@|admin|^(?:editor|editors|staff|webmaster|user|guest|root|moderator"
                      r"|web ?desk|news ?desk|desk|team|anonymous|unknown|null|none|n/?a)\d*$")
# what ends a name without a comma: a date ("November 3, 2019"), an update time, a role
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_TRAILER = re.compile(rf"(?i)\s+(?:{_MONTHS}\s+\d|\d|(?:updated|published|posted|last)\b)")
_STAFF = re.compile(r"^[A-Z][\w.&' -]{1,30} [Ss]taff$")  # "Science X staff": a credit, not a role
_SPLIT = re.compile(r"\s*(?:;|\band\b|&|\bund\b|\bet\b|\by\b)\s*")
_LETTERS = re.compile(r"[^\W\d_]")


def clean_authors(values) -> list[str]:
    """Distinct cleaned names from raw author values (strings or lists of them)."""
    names: list[str] = []
    for value in values if isinstance(values, (list, tuple)) else [values]:
        for name in split_names(str(value or "")):
            name = clean_name(name)
            if name and name.lower() not in (known.lower() for known in names):
                names.append(name)
    return names


def split_names(value: str) -> list[str]:
    """``Ann Lee and Bo Kim``, ``Ann Lee; Bo Kim``, ``Ann Lee, Bo Kim`` → each name. A
    comma followed by a role (``Tom Krisher, AP Auto Writer``) does not split."""
    value = _BY.sub("", " ".join(value.split()))
    parts: list[str] = []
    for part in _SPLIT.split(value):
        pieces = [piece.strip() for piece in part.split(",")]
        if len(pieces) > 1 and all(len(piece.split()) > 1 and _looks_like_name(piece) for piece in pieces):
            parts.extend(pieces)
        else:
            parts.append(part)
    return [part for part in parts if part.strip()]


def clean_name(value: str) -> str:
    """One author's name without "By", a trailing role or outlet, or shouting capitals;
    '' when what is left is not a person's name (an account, a role, a URL)."""
    name = _BY.sub("", " ".join(value.split())).strip(" .,:;|-–—")
    if not name or re.match(r"(?i)https?://|www\.", name):
        return ""
    first, *rest = _AFTER_NAME.split(name, maxsplit=1)
    if rest and _looks_like_name(first):
        name = first.strip()
    name = _without_trailer(name)
    if _ACCOUNT.search(name.replace(" ", "").lower()) or _ACCOUNT.search(name):
        return ""
    if not _looks_like_name(name) and not _is_outlet(name) and not _STAFF.search(name):
        return ""
    if name.isupper() and len(name) > 4:
        name = " ".join(part if "." in part else part.capitalize() for part in name.split())
    return name


def _without_trailer(name: str) -> str:
    """"Carrie Weston November 3, 2019" → "Carrie Weston"; "Ravi Menon Staff Writer" →
    "Ravi Menon"; "Senior Writer Ravi Menon" → "Ravi Menon": a date, an update time or
    a person's job title beside a name of two words or more, without a comma, goes
    ("The Associated Press" and "Science X staff" are credits as they are)."""
    if _looks_like_name(name):
        return name
    cut = _TRAILER.search(name)
    if cut and len(name[:cut.start()].split()) >= 2 and _looks_like_name(name[:cut.start()]):
        return name[:cut.start()]
    words = name.split()
    if any(_PERSON_ROLE.fullmatch(word) for word in words[:-2]):  # "Senior Writer Ravi Menon"
        last = max(n for n, word in enumerate(words[:-2]) if _PERSON_ROLE.fullmatch(word))
        if len(words) - last - 1 >= 2 and _looks_like_name(" ".join(words[last + 1:])):
            return " ".join(words[last + 1:])
    for n in (2, 3):  # a name, then only a job title ("Staff Writer", "Senior Reporter")
        title = " ".join(words[n:])
        head = " ".join(words[:n])
        acronym = not head.isupper() and any(word.isupper() and word.isalpha() and len(word) > 1
                                             for word in words[:n])  # "AP National Security"
        if (n < len(words) and _PERSON_ROLE.search(title) and _looks_like_name(head) and not acronym
                and all(_ROLE.fullmatch(word) or _TITLE_WORD.fullmatch(word) for word in words[n:])):
            return " ".join(words[:n])
    return name


_TITLE_WORD = re.compile(r"(?i)senior|chief|contributing|political|sports|business|science|national"
                         r"|foreign|investigative|managing|deputy|associate|assistant|special|freelance"
                         r"|guest|education|health|legal|courts|crime|city|local|opinion|features")


_PARTICLES = {"van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "dos", "das",
              "la", "le", "bin", "ibn", "al", "el", "ul", "e", "y", "ten", "ter", "zu"}


def _looks_like_name(text: str) -> bool:
    """One to five capitalised words (particles such as "van" aside), no role word, no
    digits; a single word only as a plain given name ("Josh", not "LinkNaija")."""
    words = text.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text) or _ROLE.search(text):
        return False
    if len(words) == 1:
        word = words[0]
        return 2 <= len(word) <= 20 and word.isalpha() and word[0].isupper() and word[1:].islower()
    capitalised = sum(1 for word in words
                      if word[:1].isupper() or word.lower() in _PARTICLES or not _LETTERS.match(word[:1]))
    return capitalised == len(words) and all(len(word) < 25 for word in words)


def _is_outlet(text: str) -> bool:
    """A wire service or staff credit kept as the page gives it ("Associated Press",
    "Staff Reports", "PTI"): a short capitalised credit without digits."""
    words = text.split()
    return (1 <= len(words) <= 4 and not any(ch.isdigit() for ch in text)
            and all(word[:1].isupper() for word in words) and len(text) <= 40
            and (len(words) > 1 or text.isupper() and len(text) >= 2)
            and not _PERSON_ROLE.search(text))  # "AP National Security Writer": a job title


_PERSON_ROLE = re.compile(r"(?i)\b(?:writer|reporter|correspondent|columnist|editor|photographer"
                          r"|journalist|contributor|critic|producer|analyst|intern)s?\b")
