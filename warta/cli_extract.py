"""`warta extract FILE...` (HTML files to JSON Lines articles) and `warta reextract` (stored pages again)."""
from __future__ import annotations

import json
import logging
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from warta.errors import UserError
from warta.options import db_option, require_corpus
from warta.progress import Progress

LOG = logging.getLogger(__name__)
PROGRESS_FROM = 20  # show progress lines on stderr from this many files on


def extract_file(path: str, url: str | None = None) -> dict:
    """One JSON record for one HTML file; read and parse failures are recorded, never raised."""
    from extract import Article, extract_article

    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        article = Article(url=url, is_article=False, error=f"cannot read file: {exc.strerror or exc}")
    else:
        article = extract_article(raw, url)
    return {"file": path, **article.to_json()}


@contextmanager
def _output(path: str):
    if path == "-":
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{path}: cannot write the output file ({exc.strerror or exc})")
    with handle:
        yield handle


def _check_inputs(files: tuple[str, ...]) -> None:
    for path in files:
        if not os.path.exists(path):
            raise UserError(f"{path}: no such file; check the path")
        if os.path.isdir(path):
            raise UserError(f"{path}: is a directory; give the HTML files in it (e.g. {path}/*.html)")


@click.command("extract")
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", default="-", show_default=True, metavar="OUT.jsonl",
              help="Where to write the JSON Lines records ('-' = stdout).")
@click.option("--url", default=None, help="The address the page was fetched from (for a single file).")
def extract_command(files, output, url):
    """Extract the article of each HTML FILE: one JSON object a line with file, url, title, published,
    author, text, language, is_article, error and simhash. Broken pages give a record with their error."""
    _check_inputs(files)
    progress = Progress("extract", total=len(files), enabled=len(files) >= PROGRESS_FROM)
    failed = articles = 0
    with _output(output) as out:
        for path in files:
            record = extract_file(path, url)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            failed += record["error"] is not None
            articles += bool(record["is_article"])
            progress.step()
    if len(files) >= PROGRESS_FROM:
        progress.finish(f", {articles} articles, {failed} with errors")


@click.command("reextract")
@db_option
@click.option("--pending", is_flag=True, help="Only pages that have no article yet (default: every stored page).")
def reextract_command(db_path, pending):
    """Run extraction again over the pages stored in the corpus (after an extractor update, or for pages
    that failed); each page's article is replaced, failures are kept with their error."""
    from corpus import Corpus
    from warta.pipeline import extract_pending

    require_corpus(db_path)
    corpus = Corpus(db_path)
    try:
        summary = extract_pending(corpus, progress=True, force=not pending)
    finally:
        close = getattr(corpus, "close", None)
        if close:
            close()
    click.echo(f"re-extracted {summary['extracted']} pages: {summary['articles']} articles, "
               f"{summary['non_articles']} non-article pages, {summary['extract_failed']} failed")


def register(group: click.Group) -> None:
    group.add_command(extract_command)
    group.add_command(reextract_command)
