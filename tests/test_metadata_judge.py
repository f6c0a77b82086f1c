"""The byline judge of benchmarks/metadata.py: where our byline and trafilatura's differ,
the page's own visible credit decides which is right."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _metadata():
    spec = importlib.util.spec_from_file_location("bench_metadata", ROOT / "benchmarks" / "metadata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGE = """<html><head><title>t</title><script>var author = "Nobody Here";</script></head><body>
<article><h1>Library opens</h1><p class="post-meta">{credit}</p>
<p>The town's first public library opened its doors on a wet Monday morning.</p></article>
<section id="comments"><div class="comment-author">Gerald Pike</div><p>About time.</p></section>
</body></html>"""


def test_a_name_shown_as_a_credit_is_right_and_nothing_is_wrong():
    judged = _metadata().judged
    page = PAGE.format(credit="By JANE WHITCOMBE | Updated 3:45 PM")
    assert judged(["Jane Whitcombe"], [], page) == (True, False)
    assert judged(["Jane Whitcombe"], ["Jane Whitcombe", "Lorna Hale"], page) == (True, False)


def test_an_account_a_commenter_or_a_script_string_is_no_credit():
    judged = _metadata().judged
    page = PAGE.format(credit="Posted by admin on May 2, 2020")
    assert judged([], ["Admin"], page) == (True, False)
    assert judged([], ["Gerald Pike"], page) == (True, False)
    assert judged([], ["Nobody Here"], page) == (True, False)


DATED = """<html><head><title>t</title>
<meta property="article:published_time" content="2021-03-09T02:15:00Z">
<meta property="article:modified_time" content="2021-04-01T10:00:00Z">
<script type="application/ld+json">{{"@type": "NewsArticle", "dateModified": "2021-04-01"}}</script>
</head><body><article><h1>Ferry timetable changes</h1>{header}
<p>The spring ferry timetable takes effect next week, the operator said.</p></article>
<aside class="related-stories"><time datetime="2021-02-11">Feb 11, 2021</time></aside>
<section id="comments"><p>Posted on March 20, 2021 by a reader</p></section>
</body></html>"""


def test_a_date_is_right_when_the_page_states_it_as_published():
    judged_dates = _metadata().judged_dates
    page = DATED.format(header="")
    assert judged_dates("2021-03-09", "2021-04-01", page) == (True, False)  # modified is not published
    assert judged_dates("2021-03-08", None, page) == (True, False)  # the day before a UTC stamp
    assert judged_dates("2021-02-11", "2021-03-20", page) == (False, False)  # related list, comments


def test_a_visible_header_date_counts_and_no_date_is_right_only_when_none_is_stated():
    judged_dates = _metadata().judged_dates
    bare = ("<html><body><h1>Harbour works begin</h1><p>By Ann Ode &middot; 14 June 2022</p>"
            "<p>Dredging starts in the outer harbour on Monday.</p></body></html>")
    assert judged_dates("2022-06-14", None, bare) == (True, False)
    undated = "<html><body><h1>Harbour works</h1><p>Dredging starts on Monday.</p></body></html>"
    assert judged_dates(None, "2022-06-14", undated) == (True, False)


def test_a_job_title_or_a_date_read_into_a_name_is_no_credit():
    judged = _metadata().judged
    page = PAGE.format(credit="By LENA MARSH, AP Science Writer November 3, 2021")
    assert judged(["Lena Marsh"], ["Lena Marsh", "AP Science Writer"], page) == (True, False)
    dated = PAGE.format(credit="By Lena Marsh November 3, 2021")
    assert judged(["Lena Marsh"], ["Lena Marsh November"], dated) == (True, False)


def test_an_updated_date_in_the_header_or_a_date_to_come_is_no_publication_date():
    judged_dates = _metadata().judged_dates
    header = ("<html><body><h1>Bridge repairs</h1><p>Updated May 20, 2023 &middot; Published March 7,"
              " 2023</p><p>The bridge reopens on <time datetime='2091-04-18'>April 18, 2091</time>.</p>"
              "</body></html>")
    assert judged_dates("2023-03-07", "2023-05-20", header) == (True, False)
    assert judged_dates("2023-03-07", "2091-04-18", header) == (True, False)
