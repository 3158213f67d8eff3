"""Bad input to nlp.annotate gets a clear result, never an exception."""
import sys

import pytest

from nlp import annotate

GOOD = "JAKARTA - Bawaslu mencatat 21 laporan dugaan pelanggaran pemilu pada Pilkada 2024, Selasa (3/12/2024)."


def test_empty_text():
    facts = annotate("", "2024-12-03")
    assert facts.error == "empty text" and not facts.figures and not facts.flag


@pytest.mark.parametrize("text", [None, 42, b"bytes"])
def test_text_that_is_not_a_string(text):
    facts = annotate(text, None)
    assert "text must be a string" in facts.error


@pytest.mark.parametrize("published", ["03-12-2024", "kemarin", 20241203, "2024-13-45"])
def test_invalid_published_is_reported_and_facts_still_come(published):
    facts = annotate(GOOD, published)
    assert "published" in facts.error
    assert facts.flag and [f.value for f in facts.figures] == [21]
    assert [d.value for d in facts.dates] == ["2024-12-03"]


def test_other_language_gives_no_indonesian_facts():
    facts = annotate("The election agency recorded 433 cases of alleged violations on Tuesday (3/12/2024).",
                     "2024-12-03")
    assert not facts.flag and not facts.figures
    assert "does not look Indonesian" in facts.error


def test_indonesian_text_has_no_language_note():
    assert annotate(GOOD + " Semua laporan itu sudah ditangani oleh Bawaslu dengan baik.", "2024-12-03").error is None


def test_errors_are_combined():
    facts = annotate("kata " * 250_000, "bukan tanggal")
    assert "published" in facts.error and "truncated" in facts.error


def test_a_failing_finder_costs_only_its_facts(monkeypatch):
    annotate_module = sys.modules["nlp.annotate"]  # the package's `annotate` attribute is the function

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(annotate_module, "find_dates", broken)
    facts = annotate(GOOD, "2024-12-03")
    assert facts.dates == [] and "dates finder failed: RuntimeError: boom" in facts.error
    assert [f.value for f in facts.figures] == [21]


def test_very_long_text_is_cut_with_a_note():
    facts = annotate(GOOD + "\n" + "kata " * 1_100_000, "2024-12-03")
    assert "truncated" in facts.error
    assert facts.flag and [f.value for f in facts.figures] == [21]


def test_json_shape_has_provenance():
    record = annotate(GOOD, "2024-12-03").to_json()
    assert record["figures"][0]["sentence"] == 0
    assert {"flag", "flag_reasons", "dates", "figures", "sentences", "extractor_version", "error"} <= set(record)
