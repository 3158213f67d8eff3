"""The dev-set scores must not drop more than 0.02 below the committed baseline."""
import json
from pathlib import Path

import pytest

from nlp import annotate
from nlp.scoring import score

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "dev.jsonl"
BASELINE = Path(__file__).with_name("dev_baseline.json")
TOLERANCE = 0.02


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval/dev.jsonl is not present")
def test_dev_scores_do_not_regress():
    gold = {}
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["id"]] = record
    pred = {gid: annotate(g["text"], g.get("published")).to_json() for gid, g in gold.items()}
    result, _ = score(gold, pred)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    drops = []
    for kind, metrics in baseline.items():
        for metric, floor in metrics.items():
            now = result[kind][metric]
            if now < floor - TOLERANCE:
                drops.append(f"{kind}.{metric}: {now:.3f} < baseline {floor:.3f}")
    assert not drops, "dev scores dropped: " + "; ".join(drops)
