"""`warta users add|list`, `warta review-export` and `warta review`'s checks, through click's runner."""
from __future__ import annotations

import json

from click.testing import CliRunner

from corpus import Corpus
from corpus.reviews import Reviews
from warta.cli import cli

from review_helpers import MONITOR


def run(*args, stdin=None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def test_users_add_from_stdin_and_list(tmp_path):
    db = str(tmp_path / "fresh.db")
    result = run("users", "add", "citra", "--db", db, "--role", "viewer", "--password-stdin",
                 stdin="sandi-citra-789\n")
    assert result.exit_code == 0 and "added viewer citra" in result.output
    listing = run("users", "list", "--db", db)
    assert listing.exit_code == 0 and "citra\tviewer" in listing.output
    with Corpus(db) as corpus:
        assert Reviews(corpus.db).users.verify("citra", "sandi-citra-789")["role"] == "viewer"


def test_users_add_prompts_twice(tmp_path):
    db = str(tmp_path / "fresh.db")
    result = run("users", "add", "dodi", "--db", db, stdin="sandi-dodi-123\nsandi-dodi-123\n")
    assert result.exit_code == 0 and "added monitor dodi" in result.output


def test_users_add_mistakes_are_one_line_errors(corpus_path):
    short = run("users", "add", "eka", "--db", str(corpus_path), "--password-stdin", stdin="pendek\n")
    assert short.exit_code == 1 and "at least 8 characters" in short.output and "Traceback" not in short.output
    taken = run("users", "add", MONITOR[0], "--db", str(corpus_path), "--password-stdin", stdin="sandi-baru-123\n")
    assert taken.exit_code == 1 and "exists already" in taken.output


def test_review_export_writes_gold_jsonl(corpus_path, tmp_path):
    with Corpus(corpus_path) as corpus:
        reviews = Reviews(corpus.db)
        ani = reviews.users.get(reviews.users.by_name(MONITOR[0])["id"])
        reviews.decide_flag(4, ani, "confirm")
    out = tmp_path / "gold.jsonl"
    result = run("review-export", "--db", str(corpus_path), "--out", str(out))
    assert result.exit_code == 0 and "exported 1 reviewed article" in result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == "warta-4" and record["flag"] is True
    assert {k for k in ("published", "text", "officials", "institutions", "dates", "figures") if k in record} == \
        {"published", "text", "officials", "institutions", "dates", "figures"}
    assert {f["value"] for f in record["figures"]} == {403, 183}


def test_review_export_missing_db_is_a_clear_error(tmp_path):
    result = run("review-export", "--db", str(tmp_path / "nope.db"), "--out", str(tmp_path / "g.jsonl"))
    assert result.exit_code == 1 and "no corpus database there" in result.output


def test_review_refuses_to_start_without_users(tmp_path):
    db = tmp_path / "empty.db"
    Corpus(db).close()
    result = run("review", "--db", str(db), "--port", "0")
    assert result.exit_code == 1 and "warta users add" in result.output


def test_users_disable_ends_sessions_and_blocks_login(corpus_path):
    with Corpus(corpus_path) as corpus:
        users = Reviews(corpus.db).users
        token = users.open_session(users.by_name(MONITOR[0])["id"])
    result = run("users", "disable", MONITOR[0], "--db", str(corpus_path))
    assert result.exit_code == 0 and "disabled ani" in result.output
    with Corpus(corpus_path) as corpus:
        users = Reviews(corpus.db).users
        assert users.session_user(token) is None and users.verify(*MONITOR) is None
    assert run("users", "disable", "ani", "--enable", "--db", str(corpus_path)).exit_code == 0
    missing = run("users", "disable", "siapa", "--db", str(corpus_path))
    assert missing.exit_code == 1 and "no user 'siapa'" in missing.output
