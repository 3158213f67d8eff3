"""Split Indonesian news text into sentences, as character spans."""
from __future__ import annotations

import re

# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace
# and an upper-case letter, digit or opening quote; or at a paragraph break.
_BOUNDARY = re.compile(r'(?<=[.!?])["”’)]?\s+(?=["“‘(]?[A-Z0-9])|\n\s*\n|\n')
_ABBREV = re.compile(
    r"(?:\b(?:No|Nomor|Dr|Drs|Ir|Prof|H|Hj|KH|St|Jl|Jln|Kab|Kec|Kel|Pol|Tbk|dkk|dll|dsb|sbb|a\.n|u\.p|S\.H|M\.H|M\.Si|S\.E|S\.Pd|S\.Sos|M\.M)\.|\b[A-Z]\.)$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) covering the non-blank parts of `text`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start:m.start()].rstrip()
        if m.group(0).strip() == "" and "\n" not in m.group(0) and _ABBREV.search(head):
            continue
        _add(spans, text, start, m.start())
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans, text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
