"""The shipped spaCy NER, its loader switches, the data conversion and a short training run."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp import ner
from nlp.train import ner_data

SHARED_NER = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ner"

SENTENCE = ("Menteri Dalam Negeri Muhammad Tito Karnavian meminta Komisi Pemilihan Umum "
            "memperbarui data pemilih di Kabupaten Bogor sebelum akhir bulan.")


@pytest.fixture(autouse=True)
def _default_environment(monkeypatch):
    """The shipped model, loaded once for the module; tests that change the environment reset it."""
    monkeypatch.delenv(ner.MODEL_ENV, raising=False)
    monkeypatch.delenv(ner.SWITCH_ENV, raising=False)


@pytest.fixture
def fresh_state():
    ner.reset()
    yield
    ner.reset()


def test_shipped_model_finds_person_span():
    spans = ner.entity_spans(SENTENCE)
    assert spans is not None, f"shipped model at {ner.SHIPPED_MODEL} did not load"
    people = [SENTENCE[s:e] for s, e, label in spans if label == "PER"]
    assert any("Tito Karnavian" in name for name in people), spans
    assert all(label in ner.LABELS for _, _, label in spans)
    assert all(0 <= s < e <= len(SENTENCE) for s, e, _ in spans)


def test_shipped_model_is_small_and_documented():
    size = sum(p.stat().st_size for p in ner.SHIPPED_MODEL.rglob("*") if p.is_file())
    assert size < 50 * 1024 * 1024
    assert (ner.SHIPPED_MODEL.parent / "MODEL_CARD.md").exists()


def test_model_loads_once_and_batches_agree():
    first = ner.load_model()
    assert ner.load_model() is first
    texts = [SENTENCE, "", "Warga berkumpul di alun-alun."]
    assert ner.entity_spans_many(texts) == [ner.entity_spans(t) for t in texts]


def test_switched_off_returns_none(monkeypatch, fresh_state):
    monkeypatch.setenv(ner.SWITCH_ENV, "0")
    assert ner.entity_spans(SENTENCE) is None


def test_missing_model_returns_none(monkeypatch, tmp_path, fresh_state):
    monkeypatch.setenv(ner.MODEL_ENV, str(tmp_path / "nowhere"))
    assert ner.entity_spans(SENTENCE) is None


def test_tags_are_normalised_to_three_labels():
    assert ner_data.normalise_tag("B-PERSON") == "B-PER"
    assert ner_data.normalise_tag("I-ORGANISATION") == "I-ORG"
    assert ner_data.normalise_tag("B-PLACE") == "B-LOC"
    assert ner_data.normalise_tag("B-PLC") == "B-LOC"
    assert ner_data.normalise_tag("B-EVT") == "O"
    assert ner_data.normalise_tag("O") == "O"


def test_bio_file_becomes_doc_with_entities(tmp_path):
    path = tmp_path / "mini.txt"
    path.write_text(
        "Bupati\tO\nSleman\tB-PLACE\nKustini\tB-PERSON\nSri\tI-PERSON\nPurnomo\tI-PERSON\n"
        "hadir\tO\n.\tO\n\n"
        "Ia\tO\nmengunjungi\tO\nDPRD\tI-ORGANISATION\n.\tO\n",
        encoding="utf-8")
    sentences = list(ner_data.read_bio(path))
    assert len(sentences) == 2
    from spacy.vocab import Vocab
    doc = ner_data.sentence_to_doc(Vocab(), sentences[0])
    assert doc.text == "Bupati Sleman Kustini Sri Purnomo hadir."
    assert [(e.text, e.label_) for e in doc.ents] == [("Sleman", "LOC"), ("Kustini Sri Purnomo", "PER")]
    # A stray I- tag starts an entity instead of being dropped.
    doc = ner_data.sentence_to_doc(Vocab(), sentences[1])
    assert [(e.text, e.label_) for e in doc.ents] == [("DPRD", "ORG")]


@pytest.mark.skipif(not SHARED_NER.is_dir(), reason="../shared/data/ner is absent")
def test_training_smoke(tmp_path, monkeypatch, fresh_state):
    from nlp.train.ner_eval import score_split
    from nlp.train.ner_train import train_ner

    out = train_ner(tmp_path / "model", SHARED_NER, tmp_path / "work", max_steps=8, limit=40,
                    eval_frequency=4)
    assert (out / "config.cfg").exists()
    monkeypatch.setenv(ner.MODEL_ENV, str(out))
    assert isinstance(ner.entity_spans(SENTENCE), list)
    scores = score_split(ner.load_model(), "idner-test", SHARED_NER, limit=20)
    assert set(scores) >= {"PER", "ORG", "LOC", "ALL"}
