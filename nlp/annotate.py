"""Chain the fact finders over one article and return its Facts."""
from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from typing import Optional

from nlp.backends import DEFAULT_BACKEND, sentence_splitter, using
from nlp.lexicon import read_words
from nlp.dates import find_dates
from nlp.facts import Facts
from nlp.figures import find_figures
from nlp.flag import could_flag, decide_flag
from nlp.institutions import find_institutions
from nlp.officials import find_officials

LOG = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+")
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


def annotate(text: str, published=None, backend: str = DEFAULT_BACKEND) -> Facts:
    """Extract the facts of one article body. Never raises for bad input: see Facts.error.

    backend: "rules" (default), "ner" (rules, with the shipped spaCy NER confirming person names)
    or "stanza" (sentences from stanza's trained tokenizer); see nlp.backends.
    """
    with using(backend):
        return _annotate(text, published, sentence_splitter(backend))


def _annotate(text: str, published, split_sentences) -> Facts:
    if not isinstance(text, str):
        return Facts(error=f"text must be a string, got {type(text).__name__}")
    errors = []
    try:
        anchor = parse_published(published)
    except ValueError as exc:
        anchor = None
        errors.append(str(exc))
    if len(text) > MAX_TEXT_CHARS:
        errors.append(f"text of {len(text)} characters truncated to {MAX_TEXT_CHARS}")
        text = text[:MAX_TEXT_CHARS]
    if not text.strip():
        return Facts(error="; ".join(errors + ["empty text"]))
    if not looks_indonesian(text):
        errors.append("text does not look Indonesian; few facts can be found")
    sentences = split_sentences(text)
    institutions = _guarded(errors, "institutions", [], find_institutions, text, sentences)
    officials = _guarded(errors, "officials", [], find_officials, text, sentences, institutions)
    dates = _guarded(errors, "dates", [], find_dates, text, sentences, anchor)
    # figures count election violations: an article the flag cannot mark has none to look for
    figures = (_guarded(errors, "figures", [], find_figures, text, sentences, anchor)
               if _guarded(errors, "flag", True, could_flag, text, sentences) else [])
    flag, reasons = _guarded(errors, "flag", (False, []), decide_flag, text, sentences, figures)
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
        error="; ".join(errors) or None,
    )


def _guarded(errors: list[str], name: str, empty, finder, *args):
    """Run one finder; a bug in it costs that kind of fact (noted in the error), not the whole article."""
    try:
        return finder(*args)
    except Exception as exc:  # noqa: BLE001 - one faulty finder must not lose the article's other facts
        LOG.exception("%s finder failed", name)
        errors.append(f"{name} finder failed: {type(exc).__name__}: {exc}")
        return empty


@functools.lru_cache(maxsize=None)
def _function_words() -> frozenset[str]:
    return frozenset(read_words("function_words.txt"))


def looks_indonesian(text: str, sample_words: int = 400) -> bool:
    """At least 5% of the first words are common Indonesian function words (news prose has ~20%)."""
    words = _WORD.findall(text[:20_000].lower())[:sample_words]
    if len(words) < 8:
        return True  # too short to judge
    common = _function_words()
    return sum(w in common for w in words) >= 0.05 * len(words)
