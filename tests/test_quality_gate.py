"""The quality gate (benchmarks/gate.py): the dev-set figures against the committed baseline.

The gate itself runs when ../shared (the shared scorers and dev data) sits beside the
checkout, as in CI; the rest checks what the gate tells its caller, with figures given to
it instead of measured.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest
from conftest import ROOT

GATE = ROOT / "benchmarks" / "gate.py"


def _load(name: str):
    """A script in benchmarks/ as a module (benchmarks/ is not a package that is installed)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gate = _load("gate")

FIGURES = {
    "extraction": {"f1": 0.95, "precision": 0.94, "recall": 0.96},
    "fused_words": {"recall": 0.99, "precision": 0.98, "false_splits_per_10k_control": 0.0},
    "organisations": {"f1": 0.80, "precision": 0.85, "recall": 0.76},
}


def _with(figures: dict, script: str, figure: str, value: float) -> dict:
    out = json.loads(json.dumps(figures))
    out[script][figure] = value
    return out


@pytest.mark.skipif(not gate.SHARED.exists(),
                    reason=f"no shared scorers and dev data beside the checkout ({gate.SHARED})")
def test_dev_set_figures_hold_the_committed_baseline():
    done = subprocess.run([sys.executable, str(GATE)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "quality gate passed" in done.stdout


def test_committed_baseline_covers_every_gated_figure():
    baseline = json.loads((ROOT / "benchmarks" / "baseline.json").read_text(encoding="utf-8"))
    for script, margins in gate.MARGINS.items():
        for figure in margins:
            assert isinstance(baseline[script][figure], float), (script, figure)


@pytest.fixture
def measured(monkeypatch):
    """The gate with ``measured.figures`` in place of the scorers' figures."""
    class Measured:
        figures = FIGURES
    monkeypatch.setattr(gate, "measure", lambda: Measured.figures)
    monkeypatch.setattr(gate, "SHARED", ROOT)  # any folder that exists
    return Measured


def test_update_writes_a_baseline_the_gate_then_passes(measured, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    assert gate.main(["--update", "--baseline", str(baseline)]) == 0
    assert json.loads(baseline.read_text(encoding="utf-8")) == FIGURES
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temporary left
    assert gate.main(["--baseline", str(baseline)]) == 0
    assert "quality gate passed" in capsys.readouterr().out


@pytest.mark.parametrize("script, figure, value, passes", [
    ("extraction", "f1", 0.95 - 0.004, True),        # within the margin
    ("extraction", "f1", 0.95 - 0.006, False),
    ("extraction", "recall", 0.96 - 0.02, False),
    ("organisations", "f1", 0.80 - 0.006, False),
    ("organisations", "precision", 0.85 - 0.008, True),
    ("organisations", "recall", 0.90, True),          # better
    ("fused_words", "recall", 0.99 - 0.003, False),
    ("fused_words", "false_splits_per_10k_control", 0.33, True),
    ("fused_words", "false_splits_per_10k_control", 0.66, False),  # a rise is the loss here
    ("fused_words", "precision", 1.0, True),
])
def test_gate_fails_on_a_drop_larger_than_the_margin(measured, tmp_path, capsys, script, figure, value, passes):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(FIGURES), encoding="utf-8")
    measured.figures = _with(FIGURES, script, figure, value)
    assert gate.main(["--baseline", str(baseline)]) == (0 if passes else 1)
    out = capsys.readouterr().out
    if not passes:
        assert f"{script} {figure} (DROP)" in out
        assert "python benchmarks/gate.py --update" in out


def test_update_refuses_to_write_a_baseline_without_every_figure(measured, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(FIGURES), encoding="utf-8")
    measured.figures = json.loads(json.dumps(FIGURES))
    del measured.figures["extraction"]["f1"]
    assert gate.main(["--update", "--baseline", str(baseline)]) == 2
    assert "no figure for extraction f1" in capsys.readouterr().err
    assert json.loads(baseline.read_text(encoding="utf-8")) == FIGURES


def test_gate_fails_on_a_figure_missing_from_the_baseline(measured, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    partial = json.loads(json.dumps(FIGURES))
    del partial["organisations"]["recall"]
    baseline.write_text(json.dumps(partial), encoding="utf-8")
    assert gate.main(["--baseline", str(baseline)]) == 1
    assert "organisations recall (no baseline)" in capsys.readouterr().out


@pytest.mark.parametrize("content, says", [
    (None, "no baseline at"),
    ("{", "cannot read the baseline"),
    ("[1, 2]", "not a JSON object"),
])
def test_gate_explains_a_missing_or_broken_baseline(measured, tmp_path, capsys, content, says):
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    assert gate.main(["--baseline", str(baseline)]) == 2
    err = capsys.readouterr().err
    assert says in err and "python benchmarks/gate.py --update" in err


def test_gate_without_shared_says_so(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(gate, "SHARED", tmp_path / "shared")
    assert gate.main([]) == 2
    assert "no shared folder at" in capsys.readouterr().err


def test_gate_reads_each_scripts_json_and_names_one_that_fails(monkeypatch, tmp_path, capsys):
    (tmp_path / "benchmarks").mkdir()
    for script, figures in FIGURES.items():
        (tmp_path / "benchmarks" / f"{script}.py").write_text(
            f"print('a progress line')\nprint({json.dumps(json.dumps(figures))})\n", encoding="utf-8")
    monkeypatch.setattr(gate, "ROOT", tmp_path)
    monkeypatch.setattr(gate, "SHARED", tmp_path)
    assert gate.measure() == FIGURES

    good = (tmp_path / "benchmarks" / "extraction.py").read_text(encoding="utf-8")
    (tmp_path / "benchmarks" / "extraction.py").write_text("print('[0.9]')\n", encoding="utf-8")
    with pytest.raises(gate.GateError, match="extraction.py --json printed \\[0.9\\], not an object"):
        gate.measure()
    (tmp_path / "benchmarks" / "extraction.py").write_text(good, encoding="utf-8")

    (tmp_path / "benchmarks" / "organisations.py").write_text(
        "import sys\nsys.exit('no scorer here')\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(FIGURES), encoding="utf-8")
    assert gate.main(["--baseline", str(baseline)]) == 2
    assert "benchmarks/organisations.py --json failed (exit 1): no scorer here" in capsys.readouterr().err


# What the shared scorers print, in their format (made-up figures).
EXTRACTION_LINE = ("reader.read.formats.html:article_text F1 0.912  P 0.934  R 0.891  acc 0.250"
                   "     40.0 pages/s  (1.10s/44 pages)  peakRSS 120MB")
ORGS_OUTPUT = """data=x/orgs.conll unit=doc units=12 words=4321 gold_ORG=87 pred=80 tp=70
EXACT   P=0.8750 R=0.8046 F1=0.8383
OVERLAP P=0.9000 R=0.8276 F1=0.8623
SPEED   412,345 words/s  (0.01 s recognise, 0.02 s import/load)
top FN: [('Acme Holdings', 2)]
top FP: [('Monday Club', 1)]"""


def test_extraction_json_figures_are_the_scorers_line():
    assert _load("extraction").figures(EXTRACTION_LINE) == {"f1": 0.912, "precision": 0.934, "recall": 0.891}
    with pytest.raises(ValueError, match="no F1/P/R"):
        _load("extraction").figures("Traceback (most recent call last): ...")


def test_organisations_json_figures_are_the_exact_span_line():
    assert _load("organisations").figures(ORGS_OUTPUT) == {"f1": 0.8383, "precision": 0.875, "recall": 0.8046}
    with pytest.raises(ValueError, match="no EXACT line"):
        _load("organisations").figures("ModuleNotFoundError: No module named 'reader'")


def test_organisations_prints_one_row_of_scores_per_system():
    organisations = _load("organisations")
    baseline = ORGS_OUTPUT.replace("F1=0.8383", "F1=0.3000").replace("412,345", "2,000,000")
    lines = organisations.table(ROOT / "orgs.conll", [("ours", ORGS_OUTPUT), ("rule baseline", baseline)])
    lines = lines.splitlines()
    assert lines[0] == "Organisations, exact spans, on orgs.conll: 12 documents, 4,321 words, 87 gold names"
    assert lines[1].split() == ["F1", "precision", "recall", "overlap", "F1", "words/s"]
    assert lines[2].split() == ["ours", "0.8383", "0.8750", "0.8046", "0.8623", "412,345"]
    assert lines[3].split() == ["rule", "baseline", "0.3000", "0.8750", "0.8046", "0.8623", "2,000,000"]
