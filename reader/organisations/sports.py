"""Match reports, for :mod:`reader.organisations.scan`: :func:`sporty` tells one by its
words, :func:`team_spot` finds a name that plays a side in one (``Denver beat Phoenix
110-98``). Regular expressions, one pass each. No Qt.
"""
from __future__ import annotations

import re

_UP = "A-ZÀ-ÖØ-Þ"

# the words of a match report: those only sports use, those a match report uses far more
# than other news, and those election and market reports fill too ("points", "victory",
# "title", "season", "beat"); each word as it may be written
_SPORT_ONLY = (
    "soccer football footballer footballers cricket rugby baseball hockey basketball tennis golf"
    " striker midfielder goalkeeper winger half-time halftime innings wicket wickets batsman bowler"
    " pitcher pitchers homer homers homered inning touchdown touchdowns quarterback referee"
    " semi-final semifinal semi-finals semifinals quarter-final quarterfinal quarter-finals"
    " quarterfinals playoff playoffs nba nfl nhl mlb rebounds kickoff scrum batting bowling goalie"
    " shutout puck power-play power_play powerplay hat-trick hattrick strikeout strikeouts")
_SPORT_MATCH = ("league goal goals scored defender coach tournament champions captain matches squad"
                " cup standings drew draw fixture derby penalty")
_SPORT_ALSO = ("season match club clubs title beat points assists overtime victory defeat defeated"
               " rallied pitched matchup")
_STRONG, _MATCHY, _ALSO = range(3)
_SPORT_KIND = {word.replace("_", " "): kind for kind, words in
               ((_ALSO, _SPORT_ALSO), (_MATCHY, _SPORT_MATCH), (_STRONG, _SPORT_ONLY)) for word in words.split()}


def _alternation(words) -> str:
    """A regular expression for any of ``words``, factored by their common beginnings
    (a trie), so that the engine reads a word's letters once instead of trying each."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


# a sports word as a whole word (at any place, one of them at most is a whole word)
_SPORT = re.compile(r"\b" + _alternation(_SPORT_KIND) + r"\b")


def sporty(text: str) -> bool:
    """Is ``text`` a match report: three sports words or more, of which one only sports use
    or two a match report uses far more than other news (not "points", "victory" alone)?"""
    hits = matchy = 0
    strong = False
    kinds = _SPORT_KIND
    for m in _SPORT.finditer(text.lower()):
        kind = kinds[m.group()]
        hits += 1
        strong = strong or kind == _STRONG
        matchy += kind == _MATCHY
        if hits >= 3 and (strong or matchy >= 2):
            return True
    return False


# a side in a match report: "Denver beat Phoenix 110-98", "Leeds 2 Hull 1", "Boston at Toronto";
# a bare number ends a results line or comes before the other side, not "Denver 4 hours away"
_SIDE_AFTER = re.compile(
    r" (?:\d{1,3}-\d{1,3}(?=[ ,.;\n])|\d{1,3}(?=[.,;]?[ \t]*(?:\n|$)|[,;]| [" + _UP + r"(])|beat |defeated |edged |routed |thrashed |crushed |drew (?:with )?"
    r"|lost (?:to )?|tied |tie with |v\.? |vs\.? |at (?=[" + _UP + r"][\w.]+ \d))"
)
_SIDE_BEFORE = re.compile(
    r"(?:\b(?:beat|defeated|edged|routed|thrashed|crushed|drew with|lost to|tied|against|v\.?|vs\.?|over)"
    r"|\d{1,3}(?:-\d{1,3})?,?) $")


def team_spot(text: str, start: int, end: int) -> bool:
    """Does the name at ``text[start:end]`` play a side in a match report?"""
    return (_SIDE_AFTER.match(text, end) is not None
            or _SIDE_BEFORE.search(text, max(0, start - 12), start) is not None)
