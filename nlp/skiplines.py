"""Sentences that are not body text for people and institutions: related headlines, bylines, credits."""
from __future__ import annotations

import re
from functools import lru_cache

from nlp.lexicon import read_lines


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("skip_lines.txt")), re.IGNORECASE)


def skipped_spans(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of the sentences to ignore."""
    pat = _pattern()
    return [(s, e) for s, e in sentences if pat.match(text, s)]


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)
