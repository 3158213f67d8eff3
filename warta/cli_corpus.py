"""Analyst commands over the corpus: facts, search, export, report, serve, reannotate."""
from __future__ import annotations

import contextlib
import csv
import json
import logging
import sys
from pathlib import Path

import click

from warta.errors import UserError, user_errors
from warta.pipeline import annotate_rows
from warta.progress import Progress
from warta.options import db_option, require_corpus

LOG = logging.getLogger(__name__)
REANNOTATE_BATCH = 25  # articles per write transaction: fewer commits, and a crash loses at most this many
FACT_TYPES = ("officials", "institutions", "dates", "figures", "flags")
TABLE_HIDDEN = {"id", "article_id", "sentence", "start", "end", "title", "extractor_version"}  # provenance stays in csv/json output
TABLE_CELL_CHARS = {"sentence_text": 90, "title": 50, "snippet": 110, "aliases": 40, "url": 70}


@contextlib.contextmanager
def open_corpus(db_path: str, readonly: bool = True):
    from corpus import Corpus
    corpus = Corpus(db_path, readonly=readonly)
    try:
        yield corpus
    finally:
        corpus.close()


def _clip(name: str, value):
    limit = TABLE_CELL_CHARS.get(name)
    if limit and isinstance(value, str) and len(value) > limit:
        return value[: limit - 1] + "…"
    return value


def emit(rows: list[dict], fmt: str) -> None:
    """Print rows as an aligned table, CSV or a JSON array."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        if rows:
            writer.writerow(rows[0])
        writer.writerows(r.values() for r in rows)
    elif rows:
        from tabulate import tabulate
        names = [k for k in rows[0] if k not in TABLE_HIDDEN or "snippet" in rows[0]]
        click.echo(tabulate([[_clip(k, r[k]) for k in names] for r in rows], headers=names, tablefmt="simple"))
    else:
        click.echo("No results.", err=True)


def format_option(func):
    return click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                        show_default=True, help="Output format.")(func)


@click.command("facts")
@click.argument("fact_type", metavar="[TYPE]", required=False)
@db_option
@click.option("--institution", help="Institution name starts with this (e.g. 'Bawaslu', 'KPU Kota Medan').")
@click.option("--election", help="Figures of this election, or facts of articles with such figures "
                                 "(e.g. 'Pilkada 2024').")
@click.option("--region", help="Region of the institution starts with this (e.g. 'Sleman', 'Kota Medan', "
                               "'Jawa Barat').")
@click.option("--since", help="Articles published on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", help="Articles published on or before this day.")
@click.option("--flagged", is_flag=True, help="Only facts of flagged articles.")
@click.option("--reviewed", is_flag=True, help="Apply reviewers' decisions and corrections when the corpus has "
                                               "them (no-op otherwise).")
@click.option("--extractor-version", "version", help="Extractor version to read (default: the active one).")
@click.option("--limit", type=click.IntRange(min=0), default=1000, show_default=True, help="At most N rows; 0: all.")
@format_option
@user_errors
def facts_command(fact_type, db_path, institution, election, region, since, until, flagged, reviewed, version,
                  limit, fmt):
    """Facts of TYPE (officials, institutions, dates, figures, flags; all when omitted) with the sentence they
    came from and the article URL."""
    from corpus.query import apply_reviews, find_facts
    if fact_type is not None and fact_type not in FACT_TYPES:
        raise UserError(f"unknown fact TYPE {fact_type!r}; choose one of {', '.join(FACT_TYPES)}")
    with open_corpus(db_path) as corpus:
        rows = find_facts(corpus.db, fact_type, limit=limit, version=version, institution=institution,
                          election=election, region=region, since=since, until=until, flagged=flagged)
        if reviewed:
            rows = apply_reviews(corpus.db, fact_type, rows)
    emit(rows, fmt)


@click.command("search")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--since", help="Published on or after this day.")
@click.option("--until", help="Published on or before this day.")
@click.option("--raw", is_flag=True, help="QUERY is FTS5 syntax (AND, OR, NEAR, \"phrases\", prefix*).")
@click.option("--rank", is_flag=True, help="Best matches first (bm25) instead of most recently stored first; "
                                           "slower for common words.")
@format_option
@user_errors
def search_command(query, db_path, limit, since, until, raw, rank, fmt):
    """Full-text search over article titles and bodies with snippets, most recently stored first."""
    from corpus.query import search
    with open_corpus(db_path) as corpus:
        rows = search(corpus.db, query, limit=limit, raw=raw, since=since, until=until, rank=rank)
    emit(rows, fmt)


@click.command("export")
@db_option
@click.option("--format", "fmt", required=True, help="csv, json or parquet (parquet needs pyarrow).")
@click.option("--out", "out_dir", default="warta-export", show_default=True, type=click.Path(file_okay=False),
              help="Directory for the files (one per table).")
@click.option("--table", "tables", multiple=True, help="Export only this table (repeatable).")
@click.option("--query", help="Export the result of this SQL query instead of tables.")
@click.option("--name", default="query", show_default=True, help="File name (without suffix) for --query.")
@user_errors
def export_command(db_path, fmt, out_dir, tables, query, name):
    """Whole tables or one query's result as CSV, JSON or Parquet files, for pandas and R."""
    from corpus.export import export
    with open_corpus(db_path) as corpus:
        written = export(corpus.db, Path(out_dir), fmt, tables=tables, query=query, name=name)
    for label, (path, count) in written.items():
        click.echo(f"{label}: {count} rows -> {path}")


@click.command("report")
@db_option
@click.option("--out", default="report.html", show_default=True, type=click.Path(dir_okay=False))
@user_errors
def report_command(db_path, out):
    """A static HTML report with charts: articles and flagged per day and outlet, figures per election and
    institution, top officials and institutions, crawl health per source."""
    from corpus.report import write_report
    with open_corpus(db_path) as corpus:
        path = write_report(corpus.db, Path(out), corpus.stats())
    click.echo(f"report written to {path}")


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (keep local unless you "
                                                                      "mean to publish).")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
@click.option("--immutable", is_flag=True, help="Faster, for a finished corpus no process writes to any more.")
@user_errors
def serve_command(db_path, host, port, immutable):
    """Browse the corpus in Datasette (read-only) with canned analyst queries."""
    from corpus.serve import serve
    with open_corpus(db_path):  # a clear error for a missing or too old file before Datasette starts
        pass
    click.echo(f"Serving {db_path} read-only at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    serve(db_path, host=host, port=port, immutable=immutable)


@click.command("reannotate")
@db_option
@click.option("--since", "since_version", help="Only articles whose facts were made by this extractor version "
                                               "or a later one (and articles without facts).")
@click.option("--force", is_flag=True, help="Also articles that already have facts of the current version.")
@click.option("--keep-old", is_flag=True, help="Keep the facts of older versions once the new one is complete.")
@user_errors
def reannotate_command(db_path, since_version, force, keep_old):
    """Re-run the NLP stage over stored articles; the new facts replace the old ones atomically once every
    article has them (until then queries keep reading the old version). Interrupted runs resume."""
    import nlp
    from corpus.versions import pending_count, select_for_reannotation
    version = nlp.EXTRACTOR_VERSION
    require_corpus(db_path)
    with open_corpus(db_path, readonly=False) as corpus:
        ids = select_for_reannotation(corpus.db, version, since=since_version, force=force)
        bar = Progress(f"reannotate {version}", total=len(ids))
        done = annotate_rows(corpus, corpus.articles_by_id(ids), bar, batch_size=REANNOTATE_BATCH)
        left = pending_count(corpus.db, version)
        if left == 0:
            corpus.activate_version(version, prune=not keep_old)
        active = corpus.active_version()
    click.echo(f"reannotated {done['annotated']} articles with extractor {version} "
               f"({done['annotate_errors']} with errors); "
               f"active version: {active}; {left} articles still without {version} facts"
               + ("" if left == 0 else " (run `warta reannotate` without --since to complete)"))


COMMANDS = (facts_command, search_command, export_command, report_command, serve_command, reannotate_command)


def register(group: click.Group) -> None:
    for command in COMMANDS:
        group.add_command(command)
