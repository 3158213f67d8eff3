"""Quality on the real pages of ../shared/data/html (skipped when that folder is absent)."""
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from extract import extract_article

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "html"
pytestmark = pytest.mark.skipif(not (SHARED / "truth.jsonl").exists(), reason="../shared/data/html not present")
LEFTOVER = re.compile(r"^\s*(baca( juga)?|lihat juga|berita terkait|jangan lewatkan|bagikan|advertisement)\b",
                      re.I | re.M)


def f1(predicted, gold):
    pred, ref = Counter(re.findall(r"\w+", predicted.lower())), Counter(re.findall(r"\w+", gold.lower()))
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def results():
    truth = [json.loads(line) for line in (SHARED / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return [(item, extract_article((SHARED / item["file"]).read_bytes(), item["url"])) for item in truth]


def test_bodies_titles_dates_authors(results):
    articles = [(t, a) for t, a in results if t["kind"] != "index"]
    assert sum(f1(a.text, t["body"]) for t, a in articles) / len(articles) >= 0.95
    assert not [a.text for _, a in articles if LEFTOVER.search(a.text)]
    assert sum(a.title == t["title"] for t, a in articles) / len(articles) >= 0.95
    assert sum(a.published == t["published"] for t, a in articles) / len(articles) >= 0.97
    assert sum(a.author == t["author"] for t, a in articles) / len(articles) >= 0.85
    assert all(a.is_article and a.language == "id" for _, a in articles)


def test_index_pages_are_recognised(results):
    indexes = [a for t, a in results if t["kind"] == "index"]
    assert indexes and all(not a.is_article and a.text == "" for a in indexes)
