"""Analyst queries: regions, the newest-first fast path agrees with the planner, days follow re-extraction."""
import random

import pytest

from corpus import Corpus, query
from corpus.regions import region_of, region_query
from nlp.facts import Facts, FlagReason, Institution, Official, Span, ViolationFigure
from tests.corpus.conftest import make_article

REGIONS = ["Kabupaten Sleman", "Kota Medan", "Provinsi Jawa Barat", "Kabupaten Bogor", "Kota Kupang"]


@pytest.mark.parametrize("name, region", [
    ("Bawaslu Kabupaten Sleman", "Sleman"), ("KPU Kota Medan", "Medan"), ("Bawaslu Provinsi Jawa Barat", "Jawa Barat"),
    ("Sentra Gakkumdu Kab. Garut", "Garut"), ("Polda Metro Jaya", "Metro Jaya"), ("KPU RI", None), ("Bawaslu", None),
    ("Komisi Aparatur Sipil Negara", None), (None, None)])
def test_region_of(name, region):
    assert region_of(name) == region


def test_region_query():
    assert region_query("Kabupaten Sleman") == "Sleman" and region_query("Jawa") == "Jawa"


def synthetic_facts(rng, n):
    region = rng.choice(REGIONS)
    inst = f"{rng.choice(['Bawaslu', 'KPU'])} {region}"
    text = f"{inst} mencatat {n % 40 + 1} laporan dugaan politik uang. Ketua {inst} Rudi Hartono menjelaskan."
    fig = text.index(f"{n % 40 + 1} laporan")
    name = text.index("Rudi Hartono")
    second = text.index(inst, 10)
    cue = text.index("politik uang")
    return text, Facts(
        flag=n % 3 == 0, flag_reasons=[FlagReason("politik uang", 0, cue, cue + 12)] if n % 3 == 0 else [],
        officials=[Official("Rudi Hartono", "Ketua", inst, [Span(1, name, name + 12)])],
        institutions=[Institution(inst, [], [Span(0, 0, len(inst)), Span(1, second, second + len(inst))])],
        figures=[ViolationFigure(n % 40 + 1, "laporan", "laporan", "politik uang",
                                 rng.choice(["Pemilu 2024", "Pilkada 2024"]), False, 0, fig, fig + 10)],
        sentences=[(0, text.index(".") + 1), (text.index(".") + 2, len(text))])


@pytest.fixture(scope="module")
def busy_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("busy") / "warta.db"
    rng = random.Random(5)
    with Corpus(path) as corpus:
        batch = []
        for n in range(400):
            text, facts = synthetic_facts(rng, n)
            url = f"https://kabarnusa.id/daerah/{n}"
            page = corpus.store_page(url, status=200, body=b"<html>")
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            batch.append((corpus.store_article(page, make_article(url, text=text, published=day)),
                          facts.to_json()))
        corpus.store_facts_batch(batch)
    return path


FILTERS = [("figures", {"institution": "Bawaslu", "election": "Pilkada 2024"}), ("officials", {"region": "Medan"}),
           ("officials", {"institution": "kpu", "flagged": True, "since": "2024-06"}),
           ("institutions", {"institution": "Bawaslu"}), ("figures", {"region": "Kabupaten Bogor", "until": "2024-05"}),
           (None, {"region": "Kota Kupang", "election": "Pemilu 2024"})]


@pytest.mark.parametrize("fact_type, filters", FILTERS)
@pytest.mark.parametrize("limit", [7, 50])
def test_fast_path_agrees_with_the_planner(busy_corpus, monkeypatch, fact_type, filters, limit):
    with Corpus(busy_corpus, readonly=True) as corpus:
        everything = query.find_facts(corpus.db, fact_type, **filters)
        planned = query.find_facts(corpus.db, fact_type, limit=limit, **filters)
        monkeypatch.setattr(query, "_matches_most", lambda *a: True)  # every query takes the newest-first path
        calls = []
        newest_first = query._newest_first_keys
        monkeypatch.setattr(query, "_newest_first_keys", lambda *a: calls.append(a) or newest_first(*a))
        fast = query.find_facts(corpus.db, fact_type, limit=limit, **filters)
    assert calls and everything, filters
    assert planned == fast == everything[:limit]
    days = [row["published"] for row in everything]
    assert days == sorted(days, reverse=True)


def test_broad_prefix_probe(busy_corpus):
    with Corpus(busy_corpus, readonly=True) as corpus:  # 'Bawaslu' names about half of the 400 institutions
        where, params = query.fact_filters("institutions", institution="Bawaslu")
        assert query._matches_most(corpus.db, "institutions", where[1], params | {"version": "0.1.0"}, 10)
        assert not query._matches_most(corpus.db, "institutions", where[1], params | {"version": "0.1.0"}, 100)


def test_region_and_institution_filters(busy_corpus):
    with Corpus(busy_corpus, readonly=True) as corpus:
        medan = query.find_facts(corpus.db, "officials", region="Kota Medan")
        assert medan and {r["institution"].split(" ", 1)[1] for r in medan} == {"Kota Medan"}
        kpu = query.find_facts(corpus.db, "institutions", institution="kpu")
        assert kpu and all(r["name"].startswith("KPU") for r in kpu)
        dates_in_bogor = query.find_facts(corpus.db, "flags", region="Bogor")
        assert all("Bogor" in r["sentence_text"] or r["cue"] for r in dates_in_bogor)


def test_facts_follow_a_changed_publication_day(tmp_path):
    from tests.corpus.conftest import make_facts
    with Corpus(tmp_path / "warta.db") as corpus:
        url = "https://kabarnusa.id/politik/a"
        page = corpus.store_page(url, status=200, body=b"<html>")
        article = corpus.store_article(page, make_article(url, published=None))
        corpus.store_facts(article, make_facts().to_json())
        assert query.find_facts(corpus.db, "figures", since="2024-10-01") == []
        corpus.store_article(page, make_article(url, published="2024-10-02"))  # re-extraction found the date
        assert len(query.find_facts(corpus.db, "figures", since="2024-10-01")) == 1
