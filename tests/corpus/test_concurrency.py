"""One writer process stores articles and facts while reader processes query: no "database is locked"."""
import multiprocessing
import time

from corpus import Corpus
from tests.corpus.conftest import TEXT, make_article, make_facts

ARTICLES = 150
READER_LIMIT_S = 60  # readers stop by themselves even if the writer died


def writer(path, go):
    with Corpus(path) as corpus:
        go.wait(READER_LIMIT_S)
        facts = make_facts().to_json()
        for n in range(ARTICLES):
            url = f"https://kabarnusa.id/daerah/berita-{n}"
            page = corpus.store_page(url, status=200, headers={"Content-Type": "text/html"}, body=b"<html>" * 200,
                                     source="kabarnusa")
            article = corpus.store_article(page, make_article(url, text=f"{TEXT} Nomor {n}."))
            corpus.store_facts(article, facts)


def reader(path, ready, done, results):
    from corpus.query import find_facts, search
    queries, errors = 0, []
    deadline = time.monotonic() + READER_LIMIT_S
    ready.release()
    while (queries == 0 or not done.is_set()) and time.monotonic() < deadline:
        try:
            with Corpus(path, readonly=True) as corpus:
                for _ in range(5):
                    find_facts(corpus.db, "figures", institution="Bawaslu", election="Pilkada 2024")
                    find_facts(corpus.db, None, flagged=True, limit=50)
                    search(corpus.db, "netralitas ASN")
                    corpus.stats()
                    queries += 4
        except Exception as exc:  # collected, the test reports them all
            errors.append(repr(exc))
    results.put((queries, errors))


def test_readers_never_see_locked_database(tmp_path):
    path = str(tmp_path / "warta.db")
    Corpus(path).close()
    ctx = multiprocessing.get_context("spawn")
    go, ready, done, results = ctx.Event(), ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    write = ctx.Process(target=writer, args=(path, go))
    write.start()
    readers = [ctx.Process(target=reader, args=(path, ready, done, results)) for _ in range(2)]
    for process in readers:
        process.start()
    for _ in readers:
        assert ready.acquire(timeout=READER_LIMIT_S)
    go.set()  # readers are querying: now write
    write.join(READER_LIMIT_S)
    done.set()
    outcomes = [results.get(timeout=READER_LIMIT_S) for _ in readers]
    for process in readers:
        process.join(10)
    assert write.exitcode == 0
    assert all(errors == [] for _, errors in outcomes), outcomes
    assert all(queries > 4 for queries, _ in outcomes)  # each read while the writer wrote
    with Corpus(path, readonly=True) as corpus:
        assert corpus.stats()["articles"] == ARTICLES and corpus.stats()["figures"] == ARTICLES
