"""Score nlp.annotate on ../shared/eval/dev.jsonl; optionally write the regression baseline."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp import annotate  # noqa: E402
from nlp.scoring import score  # noqa: E402

BASELINE = ROOT / "tests" / "nlp" / "dev_baseline.json"
TRACKED = {
    "flag": ("accuracy", "f1"),
    "officials": ("f1", "institution_acc"),
    "institutions": ("f1",),
    "dates": ("f1",),
    "figures": ("f1", "election_acc"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"))
    parser.add_argument("--write-baseline", action="store_true", help=f"write {BASELINE.name}")
    args = parser.parse_args()
    gold = {}
    for line in Path(args.dev).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["id"]] = record
    start = time.perf_counter()
    pred = {gid: annotate(g["text"], g.get("published")).to_json() for gid, g in gold.items()}
    elapsed = time.perf_counter() - start
    result, _ = score(gold, pred)
    for kind, metrics in TRACKED.items():
        print(f"{kind:13}" + "  ".join(f"{m} {result[kind][m]:.3f}" for m in metrics))
    print(f"{len(gold)} articles in {elapsed:.2f}s ({len(gold) / elapsed:.0f} articles/s)")
    if args.write_baseline:
        baseline = {kind: {m: result[kind][m] for m in metrics} for kind, metrics in TRACKED.items()}
        BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {BASELINE}")


if __name__ == "__main__":
    main()
