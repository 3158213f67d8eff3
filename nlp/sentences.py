"""Split Indonesian news text into sentences (character spans) and spot the ones that are not reporting."""
from __future__ import annotations

import functools
import re

from nlp.lexicon import read_rows, read_words

# A boundary: a line break; or . ! ? (and closing quotes/brackets) then a space and a capital, digit or
# opening quote; or a dot glued to the next sentence ("TPS).Komisioner", 'Malang."Packing').
_BOUNDARY = re.compile(
    r"""\n\s*
    |(?P<spaced>[.!?…]+["'”’)\]]*)[ \t\u00a0]+(?=["'“‘(\[]?[A-Z0-9])
    |(?<=[a-z0-9)])(?P<glued>[.!?](?:[”’]|"(?=["“]))?)(?=["“]?[A-Z][a-z])""",
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([\w./]+)$")


@functools.lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    return frozenset(read_words("abbreviations.txt"))


@functools.lru_cache(maxsize=None)
def _skip_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(patterns anchored at the sentence start, used with match; the others, used with search)."""
    rows = [row[0] for row in read_rows("skip_patterns.txt")]
    anchored = "|".join(f"(?:{r[1:]})" for r in rows if r.startswith("^"))
    floating = "|".join(f"(?:{r})" for r in rows if not r.startswith("^")) or "(?!)"
    return re.compile(anchored, re.IGNORECASE), re.compile(floating, re.IGNORECASE)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) covering the non-blank parts of `text`, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group("spaced") and _is_abbreviation(text, m.start(), m.group("spaced")):
            continue
        cut = m.end("spaced") if m.group("spaced") else m.end("glued") if m.group("glued") else m.start()
        _add(spans, text, start, cut)
        start = cut
    _add(spans, text, start, len(text))
    return spans


def _is_abbreviation(text: str, dot_at: int, punct: str) -> bool:
    """True when the '.' at dot_at closes an abbreviation or an initial ("Dr.", "No.", "H.", "M.Si.")."""
    if punct != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot_at - 20), dot_at)
    if not m:
        return False
    word = m.group(1).split("/")[-1]
    if word.isdigit() and len(word) <= 2 and (m.start(1) == 0 or text[m.start(1) - 1] == "\n"):
        return True  # "1. Netralitas ASN: 15 kasus": a numbered list item, not a sentence end
    if word.rstrip(".") in _abbreviations() or word.split(".")[-1] in _abbreviations():
        return True
    # a single capital letter is an initial ("Puadi A. Rahman"); dotted forms like "M.Si" are degrees
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]|(?:[A-Z][a-z]{0,2}\.)+[A-Z][a-z]{0,3}", word))


def _add(spans, text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@functools.lru_cache(maxsize=None)
def _skip_rest_pattern() -> re.Pattern:
    return re.compile("|".join(f"(?:{row[0]})" for row in read_rows("skip_rest_patterns.txt")), re.IGNORECASE)


def is_reporting(sentence: str) -> bool:
    """False for related-article headlines, photo captions, credits and share prompts."""
    anchored, floating = _skip_patterns()
    return not (anchored.match(sentence) or floating.search(sentence))


_LAST_MASK: list = [None, None, None]  # text, sentences, mask: the finders of one article share it


def reporting_mask(text: str, sentences: list[tuple[int, int]]) -> list[bool]:
    """One flag per sentence: True where its facts count (cached for the article being annotated)."""
    if _LAST_MASK[0] is text and _LAST_MASK[1] == sentences:
        return _LAST_MASK[2]
    mask = _reporting_mask(text, sentences)
    _LAST_MASK[:] = [text, list(sentences), mask]
    return mask


def _reporting_mask(text: str, sentences: list[tuple[int, int]]) -> list[bool]:
    """One flag per sentence: True where its facts count (see is_reporting); a skipped line stays skipped
    to its end ("Baca juga: Wow! Jelang Pemilu 2024, ..." is one headline, split at the "!")."""
    mask, skip_until = [], -1
    for s, e in sentences:
        if s < skip_until:
            mask.append(False)
            continue
        keep = is_reporting(text[s:e])
        if _skip_rest_pattern().search(text[s:e]):
            skip_until = len(text)
            keep = False
        elif not keep:
            newline = text.find("\n", e)
            skip_until = len(text) if newline < 0 else newline
        mask.append(keep)
    return mask


def sentence_index(sentences: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding character `offset` (the one before it when it falls in a gap)."""
    lo, hi = 0, len(sentences) - 1
    found = -1
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid][0] <= offset:
            found, lo = mid, mid + 1
        else:
            hi = mid - 1
    return found
