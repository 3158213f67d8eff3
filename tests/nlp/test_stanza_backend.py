"""The offline stanza backend on warta's shipped models, its error path, and a bounded training run."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp import stanza_backend

SHARED_UD = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ud"

TEXT = ("Badan Pengawas Pemilu menemukan 27 pelanggaran selama masa kampanye di Kota Medan. "
        "Ketua Bawaslu setempat menyampaikan temuannya kepada wartawan pada Senin pagi.")


@pytest.fixture(scope="module")
def shipped():
    """The pipeline on nlp/models/stanza-id, never the official models a developer may have."""
    return stanza_backend.build_pipeline(stanza_backend.SHIPPED_MODELS, prefer_official=False)


def test_shipped_models_are_small():
    size = sum(p.stat().st_size for p in stanza_backend.SHIPPED_MODELS.glob("*.pt"))
    assert 0 < size < 20 * 1024 * 1024


def test_tag_splits_sentences_and_tags_words(shipped):
    sentences = stanza_backend.tag(TEXT, nlp=shipped)
    assert len(sentences) == 2
    first = sentences[0]
    assert TEXT[first.start:first.end].startswith("Badan Pengawas Pemilu")
    by_word = {w.text: w for w in first.words}
    assert by_word["27"].upos == "NUM"
    assert by_word["pelanggaran"].upos == "NOUN"
    assert by_word["di"].upos == "ADP"
    assert TEXT[by_word["Medan"].start:by_word["Medan"].end] == "Medan"


def test_clitic_is_split_into_words(shipped):
    words = [w.text for s in stanza_backend.tag(TEXT, nlp=shipped) for w in s.words]
    # "temuannya" is one token of two syntactic words (temuan + nya) in UD Indonesian.
    assert "temuannya" not in words
    assert "temuan" in words


def test_sentences_and_pos_shape(monkeypatch):
    monkeypatch.setenv(stanza_backend.MODELS_ENV, str(stanza_backend.SHIPPED_MODELS))
    result = stanza_backend.sentences_and_pos("Harga beras naik lagi. Warga mengeluh.")
    assert [span for span, _ in result] == [(0, 22), (23, 38)]
    assert result[0][1][0] == ("Harga", "NOUN")
    assert stanza_backend.tag("   ") == []


def test_missing_models_say_what_to_do(tmp_path):
    with pytest.raises(stanza_backend.StanzaUnavailable, match="warta train stanza"):
        stanza_backend.build_pipeline(tmp_path)


def _slice_conllu(source: Path, target: Path, sentences: int) -> None:
    """The first `sentences` sentences of a CoNLL-U file (read from ../shared at test time)."""
    blocks = source.read_text(encoding="utf-8").split("\n\n")[:sentences]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n\n".join(blocks).strip("\n") + "\n\n", encoding="utf-8")


@pytest.mark.slow  # 10-40 s on two shared cores: six steps each, but stanza loads and scores its dev set
@pytest.mark.skipif(not SHARED_UD.is_dir(), reason="../shared/data/ud is absent")
def test_training_smoke(tmp_path):
    from nlp.train import stanza_train

    ud = tmp_path / "ud"
    for rel, n in (("csui/id_csui-ud-train.conllu", 60), ("csui/id_csui-ud-test.conllu", 20),
                   ("gsd/id_gsd-ud-dev.conllu", 15), ("gsd/id_gsd-ud-test.conllu", 15)):
        _slice_conllu(SHARED_UD / rel, ud / rel, n)
    out = stanza_train.train_stanza(tmp_path / "models", ud,
                                    budget=stanza_train.Budget(tokenize_steps=6, pos_steps=6, pos_batch_size=8,
                                                               mwt_epochs=1, lemma_epochs=0))
    assert {p.name for p in out.glob("*.pt")} == set(stanza_train.MODEL_FILES.values())
    nlp = stanza_backend.build_pipeline(out, prefer_official=False)
    sentences = stanza_backend.tag("Warga datang ke kantor desa.", nlp=nlp)
    assert sentences and all(w.upos for s in sentences for w in s.words)
