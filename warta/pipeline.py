"""Orchestration: extract the corpus's pending pages, then annotate its pending articles."""
from __future__ import annotations

import logging

from warta.progress import Progress

LOG = logging.getLogger(__name__)

BATCH_SIZE = 50  # facts of this many articles per transaction: ~2.5x the insert rate of one by one


def extract_pending(corpus, progress: bool = True, force: bool = False) -> dict:
    """Run the extract stage over stored pages that have no article yet. Failures are kept, not dropped."""
    from extract import extract_article

    bar = Progress("extract", enabled=progress)
    stored = failed = non_articles = 0
    for page in corpus.pages_to_extract(force=force):
        article = extract_article(page["body"] or b"", page["url"])
        corpus.store_article(page["id"], article.to_json())
        failed += bool(article.error)
        non_articles += not article.is_article and not article.error
        stored += article.is_article and not article.error
        bar.step()
    bar.finish(f", {stored} articles, {non_articles} non-article pages, {failed} failed")
    return {"extracted": bar.done, "articles": stored, "non_articles": non_articles, "extract_failed": failed}


def annotate_rows(corpus, rows, bar: Progress, batch_size: int = BATCH_SIZE) -> dict:
    """Annotate article rows (id, text, published) and store their facts, `batch_size` articles per transaction."""
    from nlp import annotate

    flagged = errors = 0
    batch: list[tuple[int, dict]] = []
    for row in rows:
        facts = annotate(row["text"] or "", row.get("published"))
        batch.append((row["id"], facts.to_json()))
        flagged += facts.flag
        errors += bool(facts.error)
        bar.step()
        if len(batch) >= batch_size:
            corpus.store_facts_batch(batch)
            batch = []
    if batch:
        corpus.store_facts_batch(batch)
    bar.finish(f", {flagged} flagged")
    return {"annotated": bar.done, "flagged": flagged, "annotate_errors": errors}


def annotate_pending(corpus, progress: bool = True, force: bool = False) -> dict:
    """Run the NLP stage over stored articles without facts of the current extractor version."""
    from nlp import EXTRACTOR_VERSION

    rows = corpus.articles_to_annotate(EXTRACTOR_VERSION, force=force)
    return annotate_rows(corpus, rows, Progress("annotate", enabled=progress))


def process(corpus, progress: bool = True, force: bool = False) -> dict:
    """Extract then annotate everything pending in `corpus`; returns counts of both stages."""
    return extract_pending(corpus, progress, force) | annotate_pending(corpus, progress, force)
