"""`warta serve`: Datasette on the corpus, read-only, on 127.0.0.1, with canned queries; fetched with urllib."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from corpus import Corpus
from nlp.facts import Facts
from tests.corpus.conftest import make_article

REPO = Path(__file__).parents[2]
START_TIMEOUT_S = 40


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


@pytest.fixture
def server(small_corpus):
    with Corpus(small_corpus) as corpus:  # review accounts share the file; their secrets must not be served
        corpus.db["users"].insert({"id": 1, "name": "rina", "password_hash": "pbkdf2$rahasia", "role": "monitor"})
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    process = subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", "--db", str(small_corpus),
                                "--port", str(port)], cwd=REPO, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            if fetch(base + "/-/versions.json")[0] == 200:
                break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"warta serve did not start: {process.stdout.read().decode()}")
        time.sleep(0.3)
    yield base, small_corpus
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_pages_json_api_and_canned_queries(server):
    base, path = server
    status, page = fetch(base + "/")
    assert status == 200 and "warta: Indonesian election news corpus" in page
    status, page = fetch(base + "/warta/figures")
    assert status == 200 and "Election-violation figures" in page and "Pilkada 2024" in page
    status, body = fetch(base + "/warta/officials.json?_shape=array")
    assert status == 200 and {r["name"] for r in json.loads(body)} == {
        "Arif Nurcahyo", "Siti Rahmawati", "Dwi Handayani"}
    query = urllib.parse.urlencode({"election": "Pilkada 2024", "_shape": "array"})
    status, body = fetch(f"{base}/warta/asn_neutrality_by_bawaslu.json?{query}")
    assert status == 200
    assert json.loads(body) == [{"institution": "Bawaslu Kabupaten Sleman", "figures": 1, "findings": 23.0,
                                 "articles": 1, "article_urls": "https://kabarnusa.id/politik/bawaslu-sleman-asn"}]
    for name in ("officials_on_money_politics", "flagged_articles", "crawl_health"):
        status, body = fetch(f"{base}/warta/{name}.json?_shape=array")
        assert status == 200 and json.loads(body), name
    status, body = fetch(f"{base}/warta/officials_on_money_politics.json?_shape=array")
    assert [r["name"] for r in json.loads(body)] == ["Siti Rahmawati"]


def test_review_secrets_are_not_served(server):
    base, _ = server
    status, body = fetch(f"{base}/warta/users.json?_shape=array")
    row = json.loads(body)[0]
    assert status == 200 and row["name"] == "rina" and row["password_hash"] is None
    query = urllib.parse.urlencode({"sql": "select password_hash from users", "_shape": "array"})
    status, body = fetch(f"{base}/warta.json?{query}")
    assert status == 200 and json.loads(body) == [{"password_hash": None}]


def test_read_only_while_a_writer_adds_articles(server):
    base, path = server
    insert = urllib.parse.urlencode({"sql": "delete from figures", "_shape": "array"})
    status, _ = fetch(f"{base}/warta.json?{insert}")
    assert status == 400
    with Corpus(path) as corpus:  # the crawl keeps writing while Datasette serves
        for n in range(20):
            url = f"https://kabarnusa.id/politik/berita-{n}"
            page = corpus.store_page(url, status=200, body=b"<html>")
            text = f"Berita nomor {n} tentang persiapan logistik pemilu."
            facts = Facts(sentences=[(0, len(text))], extractor_version="0.1.0")
            corpus.store_facts(corpus.store_article(page, make_article(url, text=text)), facts.to_json())
            status, body = fetch(f"{base}/warta/articles.json?_shape=array&_size=100&_col=id")
            assert status == 200 and len(json.loads(body)) == 5 + n  # 4 stored before + index page + new ones
    status, body = fetch(f"{base}/warta/figures.json?_shape=array")
    assert len(json.loads(body)) == 3
