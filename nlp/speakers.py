"""Quoted speakers named in full without a position ('"...," ungkap Ratna Dewi Pettalolo.'), per GUIDELINES
people who speak for a body; optionally confirmed by the NER model's person spans."""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from nlp.backends import uses_ner
from nlp.lexicon import read_lines, read_table
from nlp.names import read_name, skip_honorifics
from nlp.skiplines import in_spans
from nlp.tokens import Token

LOG = logging.getLogger(__name__)
QUOTES = {'"', "”", "“", "'", "’"}
WEEKDAYS = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"}


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(read_lines("speech_verbs.txt"))


@lru_cache(maxsize=1)
def follow_words() -> frozenset[str]:
    return frozenset(read_lines("speaker_follow.txt"))


def _ends_plainly(tokens: list[Token], k: int) -> bool:
    """After the name: the sentence ends, or a date or a place/time preposition follows (no description)."""
    if k >= len(tokens):
        return True
    t = tokens[k]
    if t.text in (".", "(") or t.low in follow_words():
        return True
    return t.text == "," and k + 1 < len(tokens) and tokens[k + 1].low in WEEKDAYS


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    return frozenset(row[0].split()[0].lower() for row in read_table("positions.txt"))


def _described_as_citizen(text: str, name: str) -> bool:
    """'Ahmad Fauzi, warga Desa X' / 'Ahmad Fauzi, seorang pedagang': described, but not by a position."""
    for m in re.finditer(re.escape(name) + r",\s+([a-z]\w*)", text):
        if m.group(1) not in _head_words():
            return True
    return False


def find_speakers(text: str, tokens: list[Token], skip) -> list[tuple[int, int]]:
    """Character spans of full names (two words or more) quoted as speakers right after a quote."""
    out = []
    for i, t in enumerate(tokens):
        if t.low not in speech_verbs() or i < 2 or not t.text[:1].islower():
            continue
        if not (tokens[i - 1].text in QUOTES or (tokens[i - 1].text == "," and tokens[i - 2].text in QUOTES)):
            continue
        if skip and in_spans(t.start, skip):
            continue
        j = skip_honorifics(tokens, i + 1)
        got = read_name(tokens, j) if j < len(tokens) else None
        if not got or got[1] - got[0] < 2 or not _ends_plainly(tokens, got[1]):
            continue
        a, b = tokens[got[0]].start, tokens[got[1] - 1].end
        if not _described_as_citizen(text, text[a:b]):
            out.append((a, b))
    if out and uses_ner():
        out = _confirmed(text, out)
    return out


def _confirmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    from nlp.ner import entity_spans

    ents = entity_spans(text)
    if ents is None:
        return spans
    people = [(s, e) for s, e, label in ents if label == "PER"]
    return [(a, b) for a, b in spans if any(s <= a and b <= e for s, e in people)]
