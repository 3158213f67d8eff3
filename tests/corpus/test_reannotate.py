"""`warta reannotate`: new facts replace old ones atomically once complete; interrupted runs resume."""
import json
import sqlite3

import nlp
from click.testing import CliRunner

from corpus import Corpus
from tests.corpus.conftest import build_corpus, make_facts
from warta.cli import cli

OLD = "0.0.1"
NEW = nlp.EXTRACTOR_VERSION


def run(*args, code=0):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == code, result.output
    return result.output


def versions_in(path, table="flags"):
    conn = sqlite3.connect(path)
    found = conn.execute(f"select extractor_version, count(*) from {table} group by 1 order by 1").fetchall()
    conn.close()
    return dict(found)


def test_reannotate_replaces_old_version(tmp_path):
    path = build_corpus(tmp_path / "warta.db", version=OLD)
    output = run("reannotate", "--db", path)
    assert f"reannotated 3 articles with extractor {NEW}" in output and f"active version: {NEW}" in output
    assert versions_in(path) == {NEW: 3}
    assert set(versions_in(path, "sentences")) == {NEW}
    with Corpus(path, readonly=True) as corpus:
        assert corpus.active_version() == NEW
    assert "reannotated 0 articles" in run("reannotate", "--db", path)  # nothing left to do


def test_interrupted_run_keeps_old_facts_readable_then_resumes(tmp_path):
    path = build_corpus(tmp_path / "warta.db", version=OLD)
    with Corpus(path) as corpus:  # a run that stopped after one article
        row = next(corpus.articles_by_id([1]))
        corpus.store_facts(1, nlp.annotate(row["text"], row["published"]).to_json())
        assert corpus.active_version() == OLD
    officials = json.loads(run("facts", "officials", "--db", path, "--format", "json"))
    assert sorted(o["name"] for o in officials) == ["Arif Nurcahyo", "Dwi Handayani", "Siti Rahmawati"]
    output = run("reannotate", "--db", path, "--keep-old")
    assert "reannotated 2 articles" in output and f"active version: {NEW}" in output
    assert versions_in(path) == {OLD: 3, NEW: 3}  # --keep-old
    assert run("facts", "--db", path, "--extractor-version", OLD, "--format", "json") != "[]\n"


def test_since_selects_articles_and_never_mixes_versions(tmp_path):
    path = build_corpus(tmp_path / "warta.db", version=OLD)
    with Corpus(path) as corpus:
        corpus.store_facts(1, make_facts(version="0.0.5").to_json())
    output = run("reannotate", "--db", path, "--since", "0.0.5")
    assert "reannotated 1 articles" in output and f"active version: {OLD}" in output
    assert "2 articles still without" in output
    assert versions_in(path) == {OLD: 3, "0.0.5": 1, NEW: 1}
    run("reannotate", "--db", path)
    assert versions_in(path) == {NEW: 3}


def test_reannotate_needs_an_existing_corpus(tmp_path):
    assert "no corpus database there" in run("reannotate", "--db", tmp_path / "baru.db", code=1)
    assert not (tmp_path / "baru.db").exists()
