"""Train warta's spaCy NER from ../shared/data/ner with nlp/train/ner.cfg and install it as a model directory."""
from __future__ import annotations

import json
import logging
import shutil
import tempfile
from pathlib import Path

from spacy.vocab import Vocab

from nlp.train.ner_data import docs_for, write_docbin

LOG = logging.getLogger(__name__)

CONFIG_PATH = Path(__file__).with_name("ner.cfg")
TRAIN_SPLITS = ("idner-train", "nergrit-train")
DEV_SPLITS = ("idner-dev",)
NERGRIT_DEV_TAIL = 150  # last NERGrit train sentences go to dev; NERGrit valid stays a held-out test
EXTRA_SPLITS = {"nerp": ("nerp-train",)}
MODEL_VERSION = "1.0.0"


def prepare_corpus(work_dir: Path, data_dir: Path | None = None, limit: int = 0,
                   extra: tuple[str, ...] = ()) -> tuple[Path, Path]:
    """Write train.spacy and dev.spacy into work_dir; returns their paths."""
    vocab = Vocab()
    train_docs, dev_docs = [], []
    for split in TRAIN_SPLITS + tuple(s for name in extra for s in EXTRA_SPLITS[name]):
        docs = docs_for([split], data_dir, vocab, limit)
        if split == "nergrit-train" and len(docs) > 2 * NERGRIT_DEV_TAIL:
            docs, tail = docs[:-NERGRIT_DEV_TAIL], docs[-NERGRIT_DEV_TAIL:]
            dev_docs.extend(tail)
        train_docs.extend(docs)
    dev_docs = docs_for(list(DEV_SPLITS), data_dir, vocab, limit) + dev_docs
    LOG.info("NER corpus: %d train, %d dev sentences", len(train_docs), len(dev_docs))
    return (write_docbin(train_docs, work_dir / "train.spacy"),
            write_docbin(dev_docs, work_dir / "dev.spacy"))


def train_ner(output_dir: Path, data_dir: Path | None = None, work_dir: Path | None = None,
              max_steps: int | None = None, max_epochs: int | None = None, limit: int = 0,
              extra: tuple[str, ...] = (), eval_frequency: int | None = None) -> Path:
    """Train the pipeline and copy the best checkpoint to output_dir; returns output_dir."""
    from spacy.cli.train import train as spacy_train

    output_dir = Path(output_dir)
    own_work = work_dir is None
    work = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="warta-ner-"))
    try:
        train_path, dev_path = prepare_corpus(work, data_dir, limit, extra)
        overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
        if max_epochs is not None:
            overrides["training.max_epochs"] = max_epochs
        if eval_frequency is not None:
            overrides["training.eval_frequency"] = eval_frequency
        spacy_train(CONFIG_PATH, work / "out", overrides=overrides)
        best = work / "out" / "model-best"
        if not best.exists():
            best = work / "out" / "model-last"
        if output_dir.exists():
            shutil.rmtree(output_dir)
        shutil.copytree(best, output_dir)
        stamp_meta(output_dir)
        LOG.info("NER model written to %s", output_dir)
        return output_dir
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)


def stamp_meta(model_dir: Path) -> None:
    """Name, version, licence and sources in meta.json, so `spacy info` says what the model is."""
    path = Path(model_dir) / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.update(
        name="warta_ner_id", version=MODEL_VERSION,
        description="Indonesian news NER (PER, ORG, LOC), tok2vec + ner, CPU; see nlp/models/MODEL_CARD.md",
        license="MIT", author="warta", url="",
        sources=[
            {"name": "idner-news-2k", "url": "https://github.com/khairunnisaor/idner-news-2k", "license": "MIT"},
            {"name": "NERGrit (IndoNLU)", "url": "https://github.com/IndoNLP/indonlu", "license": "Apache-2.0"},
        ],
    )
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output_dir", type=Path)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--work-dir", type=Path, default=None)
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--max-epochs", type=int, default=None)
    parser.add_argument("--with-nerp", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    train_ner(args.output_dir, args.data_dir, args.work_dir, args.max_steps, args.max_epochs,
              extra=("nerp",) if args.with_nerp else ())
