"""The review web app (Flask): monitors work through flagged articles, decide, correct facts, leave an audit trail."""
from __future__ import annotations

import json
import logging
import os
import secrets
from datetime import timedelta

from flask import Flask, g
from flask_wtf.csrf import CSRFProtect

from corpus import Corpus
from corpus.reviews import Reviews
from corpus.reviews_users import SESSION_HOURS

LOG = logging.getLogger(__name__)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
SECRET_ENV = "WARTA_REVIEW_SECRET"

csrf = CSRFProtect()


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS or host.startswith("127.")


def create_app(db_path: str, secure_cookies: bool = False, secret_key: str | None = None) -> Flask:
    """The app over the corpus at `db_path`; cookies are Secure when `secure_cookies` (any non-local bind)."""
    with Corpus(db_path) as corpus:  # creates the review tables once, so requests only read and write rows
        Reviews(corpus.db)
    app = Flask(__name__)
    app.config.update(
        WARTA_DB=str(db_path),
        # A fresh key per start unless one is given: restarting the app logs everyone out, nothing leaks via the db.
        SECRET_KEY=secret_key or os.environ.get(SECRET_ENV) or secrets.token_hex(32),
        SESSION_COOKIE_NAME="warta_review",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=bool(secure_cookies),
        PERMANENT_SESSION_LIFETIME=timedelta(hours=SESSION_HOURS),
        WTF_CSRF_TIME_LIMIT=SESSION_HOURS * 3600,
        WTF_CSRF_SSL_STRICT=bool(secure_cookies),
        MAX_CONTENT_LENGTH=64 * 1024,
        TEMPLATES_AUTO_RELOAD=False,
    )
    csrf.init_app(app)

    from warta.review import auth, security, views

    app.register_blueprint(auth.blueprint)
    app.register_blueprint(views.blueprint)
    security.install(app)
    app.add_template_filter(compact_json)

    @app.teardown_appcontext
    def close_corpus(_exc):
        corpus = g.pop("corpus", None)
        if corpus is not None:
            corpus.close()

    return app


def compact_json(value) -> str:
    """JSON for people: Indonesian text as written (autoescaping still applies to the result)."""
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def reviews() -> Reviews:
    """The Reviews API over this request's own connection (SQLite connections stay in their thread)."""
    if "reviews" not in g:
        from flask import current_app

        g.corpus = Corpus(current_app.config["WARTA_DB"])
        g.reviews = Reviews(g.corpus.db, ensure=False)
    return g.reviews
