"""The compiled fused-word repair (Cython build of reader/joins*.py): used only when it is a
build of exactly the sources, and then it gives the same text as the interpreted code."""
from __future__ import annotations

import importlib
import importlib.util
import os
import random
import threading
import time
import types
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import reader.joins as joins
from reader import speedups, split_fused_words
from conftest import ROOT, SAMPLE_1, SAMPLE_2
from test_joins import ARTICLE, HARD, NOISE, PROSE, damage

needs_build = pytest.mark.skipif(not joins.COMPILED, reason="the compiled repair is not built "
                                 "(pip install . with a C compiler builds it)")


def test_ci_runs_the_compiled_build():
    # CI installs with a C compiler: a build that silently fell back would hide a broken
    # setup.py and run the repair at 60% of its speed.
    if os.environ.get("CI") != "true" and os.environ.get("ARTICLE_READER_REQUIRE_COMPILED") != "1":
        pytest.skip("only CI promises a compiler")
    assert joins.COMPILED
    assert split_fused_words is not joins.split_fused_words_python


@needs_build
def test_the_public_function_is_the_compiled_one():
    assert not isinstance(split_fused_words, types.FunctionType)     # a Cython function
    assert isinstance(joins.split_fused_words_python, types.FunctionType)


@needs_build
def test_the_build_has_the_c_types_of_the_pxd_files():
    # reader/joins.pxd and joins_words.pxd type the hot functions (cpdef, C locals): a
    # build that did not find them is still correct but gives away half its speed
    for name in speedups.MODULES:
        module = importlib.import_module(f"{speedups.PACKAGE}.{name}")
        declared = (ROOT / "reader" / f"{name}.pxd").read_text(encoding="utf-8")
        typed = {line.split("(")[0].split()[-1] for line in declared.splitlines()
                 if line.startswith("cpdef ")}
        assert typed and typed <= set(getattr(module, "__pyx_capi__", {})), name


def _corpus():
    """benchmarks/corpus.py, the generator of synthetic news articles (tests/hostile has a
    corpus module of its own)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts():
    texts = [SAMPLE_1.read_text(encoding="utf-8"), SAMPLE_2.read_text(encoding="utf-8")]
    for width in range(40, 125, 7):
        texts += [damage(PROSE, width), PROSE]
    texts += [h[1] for h in HARD]
    corpus = _corpus()
    rng = random.Random(11)
    for case in (str.lower, str.upper, lambda word: word, str.capitalize):   # long tokens
        words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM") for _ in
                         range(rng.randint(20, 320))) for _ in range(12)]
        texts.append(" ".join(case(word) for word in words))
    for i in range(60):
        text = corpus.render_txt(corpus._article(i, rng), rng)
        texts += [text, damage(text, rng.randrange(45, 110))]
    return texts


@needs_build
def test_compiled_and_interpreted_repair_give_the_same_text():
    texts = _texts()
    compiled = [split_fused_words(t) for t in texts]
    interpreted = [joins.split_fused_words_python(t) for t in texts]
    assert sum(c != t for c, t in zip(compiled, texts)) > 40      # the repair did work
    assert compiled == interpreted


@needs_build
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE, st.integers(min_value=35, max_value=130), st.booleans())
def test_compiled_and_interpreted_agree_on_generated_articles(text, width, damaged):
    text = damage(text, width) if damaged else text
    assert split_fused_words(text) == joins.split_fused_words_python(text)


@needs_build
@settings(max_examples=150, deadline=None)
@given(NOISE)
def test_compiled_and_interpreted_agree_on_any_text(text):
    assert split_fused_words(text) == joins.split_fused_words_python(text)


@needs_build
def test_a_long_repair_lets_other_threads_run():
    # Compiled code never hands the GIL over by itself; the repair offers it at most every
    # 5 ms of work, so the window's thread is not frozen while a long article is repaired.
    corpus, rng = _corpus(), random.Random(5)
    text = damage("\n".join(corpus.render_txt(corpus._article(i, rng), rng) for i in range(300)), 70)
    split_fused_words(PROSE)                                # (the word list is loaded)
    gaps, done = [], threading.Event()

    def heartbeat():
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    beat = threading.Thread(target=heartbeat)
    beat.start()
    time.sleep(0.01)
    start = time.perf_counter()
    split_fused_words(text)
    took = time.perf_counter() - start
    done.set()
    beat.join()
    assert took > 0.1, "too short to tell"
    assert max(gaps) < 0.05      # the window's stall bar; without the offers: the whole repair


# ---- which build is used -------------------------------------------------------------------
# A fake build: a package of plain modules that only carry SOURCE_SHA1, accepted as
# "compiled" by passing the .py suffix (a real one must be an extension module).

AS_BUILT = (".py",)


def _fake_build(tmp_path: Path, stamps=None) -> tuple[str, Path]:
    """A package posing as a build of a folder of sources, stamped with the sources'
    digests unless stamps gives others (module name -> stamp)."""
    package = f"fake_speedups_{uuid.uuid4().hex}"
    (tmp_path / package).mkdir()
    sources = tmp_path / f"src_{package}"
    sources.mkdir()
    for name in speedups.MODULES:
        (sources / f"{name}.py").write_text(f"# source of {name}\n")
        (sources / f"{name}.pxd").write_text(f"# C types of {name}\n")
        stamp = (stamps or {}).get(name, speedups.digest(sources, name))
        (tmp_path / package / f"{name}.py").write_text(f"SOURCE_SHA1 = {stamp!r}\n")
    return package, sources


@pytest.fixture
def importable(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("ARTICLE_READER_PURE", raising=False)
    return tmp_path


def test_a_build_of_the_sources_is_used(importable):
    package, sources = _fake_build(importable)
    module = speedups.compiled(package, sources, AS_BUILT)
    assert module is not None and module.__name__ == f"{package}.joins"


@pytest.mark.parametrize("stale", speedups.MODULES)
def test_a_build_of_other_sources_is_not_used(importable, stale):
    package, sources = _fake_build(importable, {stale: "0" * 40})
    assert speedups.compiled(package, sources, AS_BUILT) is None


@pytest.mark.parametrize("edited", ["py", "pxd"])
def test_a_source_or_its_c_types_edited_after_the_build_turn_it_off(importable, edited):
    package, sources = _fake_build(importable)
    with open(sources / f"joins_words.{edited}", "a") as f:
        f.write("# edited\n")
    assert speedups.compiled(package, sources, AS_BUILT) is None


def test_only_a_compiled_module_is_taken_for_a_build(importable):
    package, sources = _fake_build(importable)                 # plain .py modules
    assert speedups.compiled(package, sources) is None
    assert speedups.compiled(package, sources, AS_BUILT) is not None


def test_no_build_means_interpreted(importable):
    # the real sources, an importable name that is no build
    assert speedups.compiled("no_such_speedups_package", speedups.HERE, AS_BUILT) is None


def test_no_source_to_compare_means_interpreted(importable):
    package, sources = _fake_build(importable)
    (sources / "joins.py").unlink()
    assert speedups.compiled(package, sources, AS_BUILT) is None


def test_a_build_that_fails_to_import_means_interpreted(importable):
    package, sources = _fake_build(importable)
    with open(importable / package / "joins.py", "a") as f:
        f.write("raise RuntimeError('a broken build')\n")
    assert speedups.compiled(package, sources, AS_BUILT) is None


def test_the_environment_can_turn_the_build_off(importable, monkeypatch):
    package, sources = _fake_build(importable)
    monkeypatch.setenv("ARTICLE_READER_PURE", "1")
    assert speedups.compiled(package, sources, AS_BUILT) is None
    monkeypatch.setenv("ARTICLE_READER_PURE", "0")
    assert speedups.compiled(package, sources, AS_BUILT) is not None

