"""Chain the fact finders over one article and return its Facts."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Optional

from nlp.dates import find_dates
from nlp.facts import Facts
from nlp.figures import find_figures
from nlp.flag import decide_flag
from nlp.institutions import find_institutions
from nlp.officials import find_officials
from nlp.sentences import split_sentences

LOG = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1_000_000  # longer bodies are not news articles; annotate the head only


def parse_published(published) -> Optional[dt.date]:
    """`published` as a date: accepts a date, 'YYYY-MM-DD', an ISO timestamp or None."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            pass
    raise ValueError(f"published must be YYYY-MM-DD or null, got {published!r}")


def annotate(text: str, published=None) -> Facts:
    """Extract the facts of one article body. Never raises for bad input: see Facts.error."""
    if not isinstance(text, str):
        return Facts(error=f"text must be a string, got {type(text).__name__}")
    try:
        anchor = parse_published(published)
        error = None
    except ValueError as exc:
        anchor, error = None, str(exc)
    if len(text) > MAX_TEXT_CHARS:
        error = f"text of {len(text)} characters truncated to {MAX_TEXT_CHARS}"
        text = text[:MAX_TEXT_CHARS]
    if not text.strip():
        return Facts(error=error or "empty text")
    sentences = split_sentences(text)
    institutions = find_institutions(text, sentences)
    officials = find_officials(text, sentences, institutions)
    dates = find_dates(text, sentences, anchor)
    figures = find_figures(text, sentences, anchor)
    flag, reasons = decide_flag(text, sentences, figures)
    if not flag:
        figures = []  # GUIDELINES: figures count election violations; an unflagged article has none
    return Facts(
        flag=flag,
        flag_reasons=reasons,
        officials=officials,
        institutions=institutions,
        dates=dates,
        figures=figures,
        sentences=sentences,
        error=error,
    )
