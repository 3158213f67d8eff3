"""Options and checks shared by the commands that work on a corpus database."""
from __future__ import annotations

from pathlib import Path

import click

from warta.config import load_settings
from warta.errors import UserError


def db_option(func):
    """`--db PATH`: the corpus file; default from WARTA_DB, then warta.toml, then warta.db."""
    return click.option(
        "--db", "db_path", default=lambda: load_settings().db, show_default="warta.db, or WARTA_DB / warta.toml",
        type=click.Path(dir_okay=False), help="Corpus database file.")(func)


def require_corpus(db_path: str) -> str:
    """A command that reads the corpus fails in one line when there is none at db_path."""
    if not Path(db_path).is_file():
        raise UserError(f"{db_path}: no corpus database there; give --db PATH of an existing corpus (or set WARTA_DB)")
    return db_path


def writable_db_path(db_path: str) -> str:
    """A command that creates the corpus fails in one line, before any work, when it could not."""
    path = Path(db_path)
    if path.is_dir():
        raise UserError(f"--db {db_path}: is a directory; give a database file such as warta.db")
    folder = path.resolve().parent
    if not folder.is_dir():
        raise UserError(f"--db {db_path}: folder {folder} does not exist; create it or choose another --db")
    return db_path
