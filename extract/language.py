"""Tell Indonesian from other languages by the share of frequent function words (lists in extract/data/)."""
from __future__ import annotations

import re
from typing import Optional

from extract.patterns import load_words

MIN_WORDS = 15
MIN_SHARE = 0.08  # Indonesian news prose runs at ~20-30 % function words from the list
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, declared: Optional[str] = None) -> Optional[str]:
    """'id', 'en', 'other' for a text in another language, or the page's declared language (e.g. from
    <html lang>) when the text is too short to judge; None when nothing is known."""
    words = [w.lower() for w in _WORD.findall(text[:20_000] if text else "")]
    if len(words) < MIN_WORDS:
        return _short_code(declared)
    indonesian = sum(1 for w in words if w in load_words("stopwords_id.txt"))
    english = sum(1 for w in words if w in load_words("stopwords_en.txt"))
    if indonesian >= english and indonesian >= MIN_SHARE * len(words):
        return "id"
    if english >= MIN_SHARE * len(words):
        return "en"
    return "other"


def _short_code(declared: Optional[str]) -> Optional[str]:
    if not declared:
        return None
    code = declared.split("-")[0].split("_")[0].strip().lower()
    return "id" if code == "in" else (code or None)
