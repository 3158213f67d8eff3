"""Per-label P/R/F1 of a spaCy NER pipeline on held-out splits of ../shared/data/ner."""
from __future__ import annotations

import logging
import time
from pathlib import Path

from spacy.training import Example

from nlp.train.ner_data import LABELS, docs_for

LOG = logging.getLogger(__name__)

HELD_OUT = ("idner-test", "nergrit-valid")


def score_split(nlp, split: str, data_dir: Path | None = None, limit: int = 0) -> dict:
    """{'label': {'p','r','f'}, ..., 'ALL': {...}, 'sentences', 'words', 'seconds'} for one split."""
    gold = docs_for([split], data_dir, nlp.vocab, limit)
    started = time.perf_counter()
    predicted = list(nlp.pipe((doc.text for doc in gold), batch_size=64))
    seconds = time.perf_counter() - started
    examples = [Example(pred, ref) for pred, ref in zip(predicted, gold)]
    scores = nlp.get_pipe("ner").score(examples)
    per_type = scores.get("ents_per_type") or {}
    result = {label: _prf(per_type.get(label, {})) for label in LABELS}
    result["ALL"] = {"p": scores["ents_p"] or 0.0, "r": scores["ents_r"] or 0.0, "f": scores["ents_f"] or 0.0}
    result.update(sentences=len(gold), words=sum(len(d) for d in gold), seconds=seconds)
    return result


def _prf(scores: dict) -> dict:
    return {"p": scores.get("p", 0.0), "r": scores.get("r", 0.0), "f": scores.get("f", 0.0)}


def evaluate(model_path: Path, splits=HELD_OUT, data_dir: Path | None = None, limit: int = 0) -> dict:
    """Scores of the pipeline at model_path on each split, by split name."""
    import spacy

    nlp = spacy.load(model_path)
    return {split: score_split(nlp, split, data_dir, limit) for split in splits}


def format_scores(results: dict) -> str:
    """A Markdown table: one row per split and label, plus the speed of each split."""
    lines = ["| split | label | P | R | F1 |", "|---|---|---|---|---|"]
    for split, res in results.items():
        for label in (*LABELS, "ALL"):
            s = res[label]
            lines.append(f"| {split} | {label} | {100 * s['p']:.1f} | {100 * s['r']:.1f} | {100 * s['f']:.1f} |")
    lines.append("")
    for split, res in results.items():
        rate = res["words"] / res["seconds"] if res["seconds"] else 0.0
        lines.append(f"{split}: {res['sentences']} sentences, {res['words']} words, {rate:,.0f} words/s")
    return "\n".join(lines)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("model", type=Path)
    parser.add_argument("--split", action="append", default=None)
    args = parser.parse_args()
    print(format_scores(evaluate(args.model, tuple(args.split or HELD_OUT))))
