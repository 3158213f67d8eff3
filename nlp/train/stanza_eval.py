"""Score stanza models on UD Indonesian-GSD test: UPOS/lemma on gold words, and end to end from raw text."""
from __future__ import annotations

import logging
import tempfile
import time
from pathlib import Path

from nlp.train.stanza_train import default_ud_dir

LOG = logging.getLogger(__name__)

END_TO_END_METRICS = ("Tokens", "Sentences", "Words", "UPOS", "Lemmas")


def gold_test_file(ud_dir: Path | None = None) -> Path:
    """The held-out GSD test CoNLL-U file."""
    path = (Path(ud_dir) if ud_dir else default_ud_dir()) / "gsd" / "id_gsd-ud-test.conllu"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found (is ../shared/data present?)")
    return path


def _pipeline(models: Path | None, pretokenized: bool):
    import stanza

    from nlp.stanza_backend import build_pipeline

    if not pretokenized:
        return build_pipeline(models)
    root = Path(models) if models else None
    if root is None:
        from nlp.stanza_backend import model_dir
        root = model_dir()
    return stanza.Pipeline("id", dir=str(root), processors="tokenize,pos,lemma", download_method=None,
                           tokenize_pretokenized=True, pos_model_path=str(root / "pos.pt"),
                           pos_pretrain_path=None, lemma_model_path=str(root / "lemma.pt"),
                           logging_level="WARN", allow_unknown_language=True)


def gold_word_scores(models: Path | None = None, ud_dir: Path | None = None, limit: int = 0) -> dict:
    """UPOS and lemma accuracy (%) when the tagger gets GSD test's gold words."""
    from stanza.utils.conll import CoNLL

    gold = CoNLL.conll2doc(input_file=str(gold_test_file(ud_dir)))
    sentences = gold.sentences[:limit] if limit else gold.sentences
    nlp = _pipeline(models, pretokenized=True)
    started = time.perf_counter()
    predicted = nlp([[w.text for w in s.words] for s in sentences])
    seconds = time.perf_counter() - started
    pairs = [(g, p) for gs, ps in zip(sentences, predicted.sentences) for g, p in zip(gs.words, ps.words)]
    upos = sum(g.upos == p.upos for g, p in pairs)
    lemma = sum((g.lemma or "").lower() == (p.lemma or "").lower() for g, p in pairs)
    return {"words": len(pairs), "UPOS": 100 * upos / len(pairs), "Lemmas (caseless)": 100 * lemma / len(pairs),
            "words/s": len(pairs) / seconds if seconds else 0.0}


def end_to_end_scores(models: Path | None = None, ud_dir: Path | None = None) -> dict:
    """CoNLL 2018 F1 (%) for tokens, sentences, words, UPOS and lemmas from GSD test's raw text."""
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL
    from stanza.utils.datasets import conllu_to_text

    gold = gold_test_file(ud_dir)
    with tempfile.TemporaryDirectory(prefix="warta-stanza-eval-") as tmp:
        raw = Path(tmp) / "test.txt"
        conllu_to_text.main([str(gold), str(raw)])
        nlp = _pipeline(models, pretokenized=False)
        doc = nlp(raw.read_text(encoding="utf-8"))
        predicted = Path(tmp) / "pred.conllu"
        CoNLL.write_doc2conll(doc, str(predicted))
        scores = ud_scores(str(gold), str(predicted))
    return {name: 100 * scores[name].f1 for name in END_TO_END_METRICS}


def format_scores(gold_words: dict, end_to_end: dict | None) -> str:
    """Markdown lines for the model card and the `warta models eval` command."""
    lines = [f"GSD test, gold words ({gold_words['words']} words): UPOS {gold_words['UPOS']:.1f}, "
             f"lemmas (caseless) {gold_words['Lemmas (caseless)']:.1f}, {gold_words['words/s']:,.0f} words/s"]
    if end_to_end:
        lines.append("GSD test, raw text (F1): " + ", ".join(f"{k} {v:.1f}" for k, v in end_to_end.items()))
    return "\n".join(lines)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("models", type=Path, nargs="?", default=None)
    args = parser.parse_args()
    print(format_scores(gold_word_scores(args.models), end_to_end_scores(args.models)))
