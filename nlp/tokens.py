"""Word tokens with character offsets, shared by the institution and official finders."""
from __future__ import annotations

import bisect
import re
from itertools import repeat
from typing import NamedTuple

# Words keep inner apostrophes and hyphens (Asy'ari, KemenPAN-RB) and short dotted parts
# (S.Pd, M.Si, jpnn.com); "2024.Proses" (a missing space after a full stop) splits.
_TOKEN = re.compile(r"\w+(?:['’\-]\w+|\.(?=[A-Za-z]{1,4}\b)\w+)*|[^\w\s]")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str


_last: list = [None, None]  # the finders of one article share its tokens


def tokenize(text: str) -> list[Token]:
    """All tokens of `text` in order (the last text's tokens are reused; treat the list as read-only)."""
    if _last[0] is text:
        return _last[1]
    # built with C-level map calls: this runs over every word of every article
    matches = list(_TOKEN.finditer(text))
    words = list(map(re.Match.group, matches))
    starts = list(map(re.Match.start, matches))
    ends = list(map(re.Match.end, matches))
    toks = list(map(tuple.__new__, repeat(Token), zip(starts, ends, words, map(str.lower, words))))
    _last[0], _last[1] = text, toks
    return toks


def sentence_index(sentences: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence containing `offset` (the last one starting before it)."""
    starts = [s for s, _ in sentences]
    return max(bisect.bisect_right(starts, offset) - 1, 0)


class SentenceLocator:
    """Maps character offsets to sentence indices (bisect over precomputed starts)."""

    def __init__(self, sentences: list[tuple[int, int]]):
        self.starts = [s for s, _ in sentences]

    def __call__(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


def is_upper_initial(word: str) -> bool:
    return bool(word) and word[0].isupper()
