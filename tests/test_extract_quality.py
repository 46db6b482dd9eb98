"""The extractor against the shared gold annotations: seeds + corpus/dev (the regression set)
and corpus/press (real-press constructions, the main development set), at the issue's
targets. Skipped where the shared folder is not beside the repository."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).parents[1].parent / "shared"
TARGETS = {"core_f1": 0.90, "entities_f1": 0.90, "time": 0.95, "role": 0.90}

pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                reason=f"shared gold data not found at {SHARED}")


def _scorer():
    spec = importlib.util.spec_from_file_location("hdkg_shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PRESS_FLOORS = {"core_f1": 0.80, "core_precision": 0.88, "participated_f1": 0.70,
                "entities_f1": 0.90, "time": 0.90}


def _score_folders(tmp, folders: list[Path]) -> dict:
    gold = tmp / "gold.jsonl"
    gold.write_text("".join((f / "gold.jsonl").read_text(encoding="utf-8") for f in folders),
                    encoding="utf-8")
    docs = tmp / "docs"
    docs.mkdir()
    for f in folders:
        for p in f.glob("*.txt"):
            shutil.copy(p, docs / p.name)
    pred = tmp / "pred.jsonl"
    run = subprocess.run([sys.executable, "-m", "hdkg.cli", "extract", *map(str, folders),
                          "-o", str(pred)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    score = _scorer()
    result, errors = score.score(score.load(str(gold)), score.load(str(pred)), docs)
    print("\n".join(errors))
    return result


@pytest.fixture(scope="module")
def press(tmp_path_factory) -> dict:
    return _score_folders(tmp_path_factory.mktemp("press"), [SHARED / "corpus" / "press"])


def test_press_core_facts(press: dict) -> None:
    core = press["core_facts"]
    assert core["f1"] >= PRESS_FLOORS["core_f1"], core
    assert core["precision"] >= PRESS_FLOORS["core_precision"], core


def test_press_participation(press: dict) -> None:
    assert press["by_predicate"]["participated_in"]["f1"] >= PRESS_FLOORS["participated_f1"], \
        press["by_predicate"]["participated_in"]


def test_press_entities_and_time(press: dict) -> None:
    assert press["entities"]["f1"] >= PRESS_FLOORS["entities_f1"], press["entities"]
    assert press["time_accuracy"] >= PRESS_FLOORS["time"], press["time_accuracy"]


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    return _score_folders(tmp_path_factory.mktemp("quality"),
                          [SHARED / "seeds", SHARED / "corpus" / "dev"])


def test_core_facts_f1(scores: dict) -> None:
    assert scores["core_facts"]["f1"] >= TARGETS["core_f1"], scores["core_facts"]


def test_entities_f1(scores: dict) -> None:
    assert scores["entities"]["f1"] >= TARGETS["entities_f1"], scores["entities"]


def test_time_accuracy(scores: dict) -> None:
    assert scores["time_accuracy"] is not None and scores["time_accuracy"] >= TARGETS["time"]


def test_role_accuracy(scores: dict) -> None:
    assert scores["role_accuracy"] is not None and scores["role_accuracy"] >= TARGETS["role"]
