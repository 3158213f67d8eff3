"""The analyst commands on a real corpus file: facts, search, export, report, reannotate; user mistakes."""
import csv
import json

import pytest
from click.testing import CliRunner

from warta.cli import cli


def run(*args, code=0):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result.output


def test_facts_all_types(small_corpus):
    rows = json.loads(run("facts", "--db", small_corpus, "--format", "json"))
    assert {r["type"] for r in rows} == {"officials", "institutions", "dates", "figures", "flags"}
    assert all(r["url"].startswith("https://") and r["sentence_text"] for r in rows)


def test_facts_filters(small_corpus):
    def facts(*args):
        return json.loads(run("facts", *args, "--db", small_corpus, "--format", "json"))

    figures = facts("figures", "--institution", "Bawaslu", "--election", "Pilkada 2024")
    assert [(f["value"], f["institution"]) for f in figures] == [(23, "Bawaslu Kabupaten Sleman")]
    assert "23 dugaan pelanggaran" in figures[0]["sentence_text"]
    assert [f["name"] for f in facts("officials", "--region", "Medan")] == ["Siti Rahmawati"]
    assert [f["name"] for f in facts("officials", "--flagged")] == ["Arif Nurcahyo", "Siti Rahmawati"]
    assert [f["value"] for f in facts("dates", "--since", "2024-10", "--until", "2024-12-31")] == [
        "2024-12-05", "2024-09-25"]
    assert [f["value"] for f in facts("dates", "--until", "2024-02")] == ["2024-02-12"]
    assert [f["cue"] for f in facts("flags", "--election", "pemilu 2024")] == ["politik uang"]
    assert facts("institutions", "--institution", "KPU")[0]["name"] == "KPU Kabupaten Jember"


def test_facts_csv_and_table(small_corpus):
    rows = list(csv.DictReader(run("facts", "figures", "--db", small_corpus, "--format", "csv").splitlines()))
    assert len(rows) == 3 and {"sentence_text", "url", "sentence", "start", "end", "extractor_version"} <= set(rows[0])
    table = run("facts", "officials", "--db", small_corpus)
    assert "Arif Nurcahyo" in table and "https://kabarnusa.id/politik/bawaslu-sleman-asn" in table


def test_reviewed_is_a_noop_without_review_tables(small_corpus):
    plain = run("facts", "--db", small_corpus, "--format", "json")
    assert run("facts", "--db", small_corpus, "--format", "json", "--reviewed") == plain


def test_search_with_snippets(small_corpus):
    rows = json.loads(run("search", "politik uang", "--db", small_corpus, "--format", "json"))
    assert [r["url"] for r in rows] == ["https://wartasumut.co.id/medan/politik-uang-masa-tenang"]
    assert "[politik] [uang]" in rows[0]["snippet"]
    assert json.loads(run("search", "rekapitulasi OR netralitas", "--raw", "--db", small_corpus, "--format",
                          "json"))
    assert "No results" in run("search", "gempa bumi", "--db", small_corpus)
    assert "search query" in run("search", '"tanpa penutup', "--raw", "--db", small_corpus, code=1)


@pytest.mark.parametrize("args, message", [
    (["facts", "pejabat"], "unknown fact TYPE"),
    (["facts", "--since", "kemarin"], "--since 'kemarin'"),
    (["export", "--format", "xlsx"], "unknown export format"),
    (["export", "--format", "csv", "--table", "tidak_ada"], "table 'tidak_ada'"),
])
def test_user_mistakes(small_corpus, tmp_path, args, message):
    output = run(*args, "--db", small_corpus, code=1)
    assert message in output and "Traceback" not in output
    assert len(output.strip().splitlines()) == 1


def test_missing_database(tmp_path):
    for command in (["facts"], ["search", "pemilu"], ["report"], ["export", "--format", "csv"], ["serve"]):
        output = run(*command, "--db", tmp_path / "tidak-ada.db", code=1)
        assert "no corpus database there" in output
    assert not (tmp_path / "tidak-ada.db").exists()


def test_db_from_environment(small_corpus, monkeypatch):
    monkeypatch.setenv("WARTA_DB", str(small_corpus))
    result = CliRunner().invoke(cli, ["facts", "officials", "--format", "json"])
    assert result.exit_code == 0 and len(json.loads(result.output)) == 3


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export(small_corpus, tmp_path, fmt):
    out = tmp_path / "ekspor"
    output = run("export", "--db", small_corpus, "--format", fmt, "--out", out)
    assert "figures: 3 rows" in output and "pages: 5 rows" in output
    files = {p.name for p in out.iterdir()}
    assert {f"articles.{fmt}", f"figures.{fmt}", f"flag_reasons.{fmt}"} <= files
    if fmt == "csv":
        pages = list(csv.DictReader((out / "pages.csv").open(encoding="utf-8")))
        assert "body" not in pages[0] and any(p["error"] == "HTTP 503" for p in pages)
    elif fmt == "json":
        figures = json.loads((out / "figures.json").read_text(encoding="utf-8"))
        assert sorted(f["value"] for f in figures) == [7, 23, 150000000]
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        table = pq.read_table(out / "figures.parquet")
        assert table.num_rows == 3 and str(table.schema.field("value").type) == "double"
        assert pq.read_table(out / "dates.parquet").num_rows == 3


def test_export_query(small_corpus, tmp_path):
    output = run("export", "--db", small_corpus, "--format", "csv", "--out", tmp_path, "--query",
                 "select name, institution from officials order by name", "--name", "pejabat")
    assert "pejabat: 3 rows" in output
    assert (tmp_path / "pejabat.csv").read_text(encoding="utf-8").splitlines()[1] == "Arif Nurcahyo,Bawaslu Kabupaten Sleman"


def test_report(small_corpus, tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "laporan.html"
    assert "report written" in run("report", "--db", small_corpus, "--out", out)
    page = out.read_text(encoding="utf-8")
    for title in ("Articles per week and outlet", "Flagged articles per week and outlet",
                  "Figures per election and institution", "Top officials", "Top institutions",
                  "Crawl health per source"):
        assert f"<h2>{title}</h2><img" in page
    assert page.count("data:image/png;base64,") == 6
    assert "Siti Rahmawati" in page and "jatim-terkini" in page


def test_report_on_empty_corpus(tmp_path):
    pytest.importorskip("matplotlib")
    from corpus import Corpus
    Corpus(tmp_path / "kosong.db").close()
    run("report", "--db", tmp_path / "kosong.db", "--out", tmp_path / "r.html")
    assert "Nothing yet" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_unwritable_report_path(small_corpus, tmp_path):
    pytest.importorskip("matplotlib")
    output = run("report", "--db", small_corpus, "--out", tmp_path / "no" / "such" / "r.html", code=1)
    assert "cannot write the report" in output


def test_reviewed_uses_the_review_module_when_its_tables_exist(small_corpus):
    users = pytest.importorskip("corpus.reviews_users")
    reviews = pytest.importorskip("corpus.reviews")
    if not hasattr(reviews, "apply_to_facts") or not hasattr(reviews, "ensure_review_tables"):
        pytest.skip("corpus.reviews has no apply_to_facts hook yet")
    from corpus import Corpus
    with Corpus(small_corpus) as corpus:
        users.ensure_user_tables(corpus.db)
        reviews.ensure_review_tables(corpus.db)
    plain = json.loads(run("facts", "officials", "--db", small_corpus, "--format", "json"))
    reviewed = json.loads(run("facts", "officials", "--db", small_corpus, "--format", "json", "--reviewed"))
    assert len(reviewed) == len(plain) and [r["name"] for r in reviewed] == [r["name"] for r in plain]


def test_export_to_unwritable_place(small_corpus, tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    output = run("export", "--db", small_corpus, "--format", "csv", "--out", blocker / "ekspor", code=1)
    assert "cannot create the export directory" in output
