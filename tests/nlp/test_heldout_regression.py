"""Scores on the project's own held-out sets must not drop more than 0.02 below their baseline."""
import json
from pathlib import Path

import pytest

from nlp import annotate
from nlp.scoring import score

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "nlp"
BASELINE = Path(__file__).with_name("heldout_baseline.json")
TOLERANCE = 0.02
SETS = sorted(json.loads(BASELINE.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", SETS)
def test_heldout_scores_do_not_regress(name):
    gold = {}
    for line in (FIXTURES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["id"]] = record
    pred = {gid: annotate(g["text"], g.get("published")).to_json() for gid, g in gold.items()}
    result, _ = score(gold, pred)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))[name]
    drops = [f"{kind}.{metric}: {result[kind][metric]:.3f} < baseline {floor:.3f}"
             for kind, metrics in baseline.items() for metric, floor in metrics.items()
             if result[kind][metric] < floor - TOLERANCE]
    assert not drops, f"{name} scores dropped: " + "; ".join(drops)
