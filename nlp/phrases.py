"""Multi-word phrase lookup over tokens: the longest gazetteer phrases starting at a token."""
from __future__ import annotations

from typing import Generic, Iterator, TypeVar

from nlp.tokens import Token, _TOKEN

T = TypeVar("T")


_lows: list = [None, []]


def lower_words(tokens: list[Token]) -> list[str]:
    """The lower-case words of the last token list asked about (shared, read-only)."""
    if _lows[0] is not tokens:
        _lows[0], _lows[1] = tokens, [t.low for t in tokens]
    return _lows[1]


class PhraseIndex(Generic[T]):
    """Phrases (tokenised like the text, compared in lower case) with a payload each."""

    def __init__(self):
        self._by_first: dict[str, list[tuple[list[str], tuple[str, ...], T]]] = {}

    def add(self, phrase: str, payload: T) -> None:
        written = tuple(m.group() for m in _TOKEN.finditer(phrase))
        if not written:
            return
        key = [w.lower() for w in written]
        options = self._by_first.setdefault(key[0], [])
        options.append((key, written, payload))
        options.sort(key=lambda o: len(o[0]), reverse=True)

    def first_words(self) -> frozenset[str]:
        """Every lower-case word some phrase starts with."""
        return frozenset(self._by_first)

    def starts(self, low: str) -> bool:
        """Whether some phrase starts with this lower-case token."""
        return low in self._by_first

    def matches(self, tokens: list[Token], i: int) -> Iterator[tuple[int, tuple[str, ...], T]]:
        """(token count, phrase as written, payload) of every phrase starting at token i, longest first."""
        if i >= len(tokens):
            return
        options = self._by_first.get(tokens[i].low)
        if not options:
            return
        lows = lower_words(tokens)
        for key, written, payload in options:
            k = len(key)
            if k == 1 or lows[i:i + k] == key:
                yield k, written, payload
