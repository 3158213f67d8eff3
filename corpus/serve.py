"""`warta serve`: Datasette over the corpus, read-only, with our metadata and canned analyst queries."""
from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

from corpus.connection import CACHE_KIB, MMAP_BYTES
from corpus.errors import CorpusError

LOG = logging.getLogger(__name__)
METADATA_FILE = Path(__file__).with_name("data") / "datasette.json"
# Review accounts live in the same file: their secrets read as NULL in Datasette, even through custom SQL.
SECRET_COLUMNS = {("users", "password_hash"), ("review_sessions", "token_hash")}
HIDDEN_TABLES = ("users", "review_sessions")


def _authorizer(action, table, column, _db, _trigger):
    if action == sqlite3.SQLITE_READ and (table, column) in SECRET_COLUMNS:
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


class HideSecrets:
    """Datasette plugin: every connection Datasette opens gets the authorizer above and our read settings."""

    from datasette import hookimpl

    @staticmethod
    @hookimpl
    def prepare_connection(conn):
        conn.set_authorizer(_authorizer)
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")


def _register_plugin() -> None:
    from datasette.plugins import pm
    if not pm.has_plugin("warta-hide-secrets"):
        pm.register(HideSecrets, name="warta-hide-secrets")


def datasette_metadata(db_path: str | Path) -> dict:
    """Instance metadata with the corpus's table descriptions and queries under the database's name."""
    metadata = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    database = metadata.pop("database")
    for table in HIDDEN_TABLES:
        database["tables"][table] = {"hidden": True}
    metadata["databases"] = {Path(db_path).stem: database}
    return metadata


def build_app(db_path: str | Path, immutable: bool = False):
    """The Datasette ASGI app. Mutable files are read through `mode=ro` connections (Datasette's default), so
    a crawl can keep writing; `immutable` is faster but only for a file nothing writes to any more."""
    from datasette.app import Datasette

    _register_plugin()
    db_path = str(db_path)
    files, immutables = ([], [db_path]) if immutable else ([db_path], [])
    datasette = Datasette(files=files, immutables=immutables, metadata=datasette_metadata(db_path),
                          settings={"sql_time_limit_ms": 3000, "max_returned_rows": 1000})
    return datasette.app()


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, immutable: bool = False) -> None:
    import uvicorn

    if not Path(db_path).is_file():
        raise CorpusError(f"{db_path}: no corpus database there; give --db PATH of an existing corpus")
    LOG.info("serving %s read-only at http://%s:%d/", db_path, host, port)
    uvicorn.run(build_app(db_path, immutable=immutable), host=host, port=port, log_level="warning")
