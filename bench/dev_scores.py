"""Score nlp.annotate on ../shared/eval/dev.jsonl (and the held-out sets); optionally write the baselines."""
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
HELDOUT_BASELINE = ROOT / "tests" / "nlp" / "heldout_baseline.json"
HELDOUT_DIR = ROOT / "tests" / "fixtures" / "nlp"
TRACKED = {
    "flag": ("accuracy", "f1"),
    "officials": ("f1", "institution_acc"),
    "institutions": ("f1",),
    "dates": ("f1",),
    "figures": ("f1", "election_acc"),
}


def load_gold(path: Path) -> dict[str, dict]:
    gold = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["id"]] = record
    return gold


def scores_of(path: Path, label: str) -> dict:
    """Annotate the articles of one gold file, print the tracked scores, return them."""
    gold = load_gold(path)
    start = time.perf_counter()
    pred = {gid: annotate(g["text"], g.get("published")).to_json() for gid, g in gold.items()}
    elapsed = time.perf_counter() - start
    result, _ = score(gold, pred)
    print(f"== {label}: {len(gold)} articles in {elapsed:.2f}s ({len(gold) / elapsed:.0f} articles/s)")
    for kind, metrics in TRACKED.items():
        print(f"{kind:13}" + "  ".join(f"{m} {result[kind][m]:.3f}" for m in metrics))
    return {kind: {m: result[kind][m] for m in metrics} for kind, metrics in TRACKED.items()}


def write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"))
    parser.add_argument("--heldout", action="store_true", help="also score tests/fixtures/nlp/heldout*.jsonl")
    parser.add_argument("--write-baseline", action="store_true",
                        help=f"write {BASELINE.name} (and {HELDOUT_BASELINE.name} with --heldout)")
    args = parser.parse_args()
    dev = scores_of(Path(args.dev), "dev")
    if args.write_baseline:
        write(BASELINE, dev)
    if args.heldout:
        held = {p.stem: scores_of(p, p.stem) for p in sorted(HELDOUT_DIR.glob("heldout*.jsonl"))}
        if args.write_baseline:
            write(HELDOUT_BASELINE, held)


if __name__ == "__main__":
    main()
