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
