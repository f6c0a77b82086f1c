"""Files the reader writes: atomic, and with the mode the user's umask gives."""
from __future__ import annotations

import importlib.util
import json
import os
import stat
from unittest import mock

import pytest

from conftest import ROOT, SAMPLE_1
from reader import load_article
from reader.corrections import store
from reader.corrections.model import Corrections
from reader.export import export_all, export_article
from reader.files import write_atomic
from reader.settings import Settings


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o640
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_written_files_get_the_umask_mode_not_0600(tmp_path, umask_027):
    article = load_article(SAMPLE_1)
    one = export_article(article, tmp_path / "one.md")
    report = export_all([article], tmp_path / "all", "html")
    settings = Settings.load(tmp_path / "config")
    settings.save()
    corrections = store.save(Corrections(), tmp_path / "data" / "corrections.json")
    for path in (one, *report.written, settings.path, corrections):
        assert mode(path) == umask_027, path


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_quality_gate_writes_its_baseline_the_same_way(tmp_path, umask_027):
    spec = importlib.util.spec_from_file_location("bench_gate", ROOT / "benchmarks" / "gate.py")
    gate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gate)
    path = tmp_path / "baseline.json"
    gate.write_baseline(path, {"extraction": {"f1": 0.9}})
    assert json.loads(path.read_text("utf-8")) == {"extraction": {"f1": 0.9}}
    assert mode(path) == umask_027 and os.listdir(tmp_path) == ["baseline.json"]


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path):
    dest = tmp_path / "notes.txt"
    write_atomic(dest, "first\n")
    write_atomic(dest, "second: “quoted”\r\n")
    assert dest.read_bytes() == "second: “quoted”\r\n".encode("utf-8")
    assert os.listdir(tmp_path) == ["notes.txt"]


@pytest.mark.parametrize("fails", ["os.fsync", "os.replace"])
def test_settings_that_cannot_be_saved_keep_the_earlier_file(tmp_path, fails):
    settings = Settings.load(tmp_path)
    settings.zoom = 2
    settings.save()
    settings.zoom = 5
    with mock.patch(fails, side_effect=OSError(28, "No space left on device")):
        with pytest.raises(OSError):
            settings.save()
    assert Settings.load(tmp_path).zoom == 2
    assert os.listdir(tmp_path) == ["settings.json"]
