"""`warta extract` and `warta reextract` on real files and a real SQLite corpus."""
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from warta.cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_extract_writes_one_record_per_file(tmp_path):
    out = tmp_path / "out.jsonl"
    broken = tmp_path / "rusak.html"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)))
    files = [str(FIXTURES / "regional_baca_juga.html"), str(FIXTURES / "index_section.html"), str(broken)]
    result = run("extract", *files, "-o", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["file"] for r in records] == files
    keys = {"file", "url", "title", "published", "author", "text", "language", "error", "is_article"}
    assert all(keys <= set(r) for r in records)
    assert records[0]["published"] == "2024-03-14" and "Baca juga" not in records[0]["text"]
    assert records[1]["is_article"] is False
    assert records[2]["error"] == "binary content, not HTML"


def test_extract_to_stdout():
    result = run("extract", str(FIXTURES / "jsonld_article.html"))
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert record["title"] == "KPU Tetapkan Jadwal Rekapitulasi Suara Tingkat Provinsi"


def test_missing_file_is_one_line_error(tmp_path):
    missing = tmp_path / "tidak-ada.html"
    result = CliRunner().invoke(cli, ["extract", str(FIXTURES / "amp_article.html"), str(missing)])
    assert result.exit_code == 1
    assert str(missing) in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_gives_a_record(tmp_path):
    locked = tmp_path / "terkunci.html"
    locked.write_text("<html></html>")
    locked.chmod(0)
    result = run("extract", str(locked))
    assert json.loads(result.output)["error"].startswith("cannot read file")


def test_reextract_replaces_articles_in_the_corpus(tmp_path):
    from corpus import Corpus

    db = tmp_path / "warta.db"
    corpus = Corpus(str(db))
    pages = {
        "https://suaramadura.example/daerah/2024/03/14/banjir": (FIXTURES / "regional_baca_juga.html").read_bytes(),
        "https://pelitatimur.example/nasional": (FIXTURES / "index_section.html").read_bytes(),
        "https://uji.example/rusak": b"\x1f\x8b\x08\x00" + bytes(range(100)),
    }
    for url, body in pages.items():
        corpus.store_page(url, status=200, headers={"Content-Type": "text/html"}, body=body,
                          fetched_at="2024-03-14T03:00:00+00:00", source="uji")
    getattr(corpus, "close", lambda: None)()
    result = run("reextract", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "re-extracted 3 pages" in result.output
    check = Corpus(str(db))
    rows = list(check.db.execute("select url, is_article, error, published from articles order by id"))
    assert len(rows) == 3
    assert sum(r[1] for r in rows) == 1 and any(r[2] for r in rows)
    again = run("reextract", "--db", str(db))  # idempotent: the same pages, no new rows
    assert again.exit_code == 0
    assert check.db.execute("select count(*) from articles").fetchone()[0] == 3


def test_reextract_without_corpus_is_a_user_error(tmp_path):
    result = CliRunner().invoke(cli, ["reextract", "--db", str(tmp_path / "kosong.db")])
    assert result.exit_code == 1 and "no corpus database" in result.output
