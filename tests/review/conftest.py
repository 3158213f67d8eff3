"""Fixtures of the review tests: a real corpus file with our articles, review users, a logged-in test client."""
from __future__ import annotations

import shutil

import pytest

from corpus import Corpus
from corpus.reviews import Reviews

# tests/review has no __init__.py: pytest puts it on sys.path
from corpus_builder import build_corpus
from review_helpers import MONITOR, VIEWER

@pytest.fixture(scope="session")
def template_corpus(tmp_path_factory):
    """Built once: argon2 hashing is deliberately slow, so tests copy this file instead of re-creating users."""
    path = tmp_path_factory.mktemp("review-template") / "review.db"
    build_corpus(path)
    with Corpus(path) as corpus:
        reviews = Reviews(corpus.db)
        reviews.users.add(*MONITOR, role="monitor")
        reviews.users.add(*VIEWER, role="viewer")
        corpus.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def corpus_path(template_corpus, tmp_path):
    path = tmp_path / "review.db"
    shutil.copyfile(template_corpus, path)
    return path


@pytest.fixture
def reviews(corpus_path):
    corpus = Corpus(corpus_path)
    yield Reviews(corpus.db)
    corpus.close()


@pytest.fixture
def app(corpus_path):
    from warta.review import create_app

    app = create_app(str(corpus_path), secret_key="test-secret-not-for-production")
    app.config.update(TESTING=True)
    return app


def logged_in(app, corpus_path, name):
    """A client with a real server-side session, opened without the (deliberately slow) argon2 check;
    the login form itself is tested in test_review_app.py."""
    with Corpus(corpus_path) as corpus:
        users = Reviews(corpus.db).users
        token = users.open_session(users.by_name(name)["id"])
    client = app.test_client()
    with client.session_transaction() as session:
        session["token"] = token
    return client


@pytest.fixture
def monitor(app, corpus_path):
    return logged_in(app, corpus_path, MONITOR[0])


@pytest.fixture
def viewer(app, corpus_path):
    return logged_in(app, corpus_path, VIEWER[0])
