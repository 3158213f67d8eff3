"""Multi-word phrase lookup over tokens: the longest gazetteer phrases starting at a token."""
from __future__ import annotations

from typing import Generic, Iterator, TypeVar

from nlp.tokens import Token, _TOKEN

T = TypeVar("T")


class PhraseIndex(Generic[T]):
    """Phrases (tokenised like the text, compared in lower case) with a payload each."""

    def __init__(self):
        self._by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], T]]] = {}

    def add(self, phrase: str, payload: T) -> None:
        written = tuple(m.group() for m in _TOKEN.finditer(phrase))
        if not written:
            return
        key = tuple(w.lower() for w in written)
        options = self._by_first.setdefault(key[0], [])
        options.append((key, written, payload))
        options.sort(key=lambda o: len(o[0]), reverse=True)

    def starts(self, low: str) -> bool:
        """Whether some phrase starts with this lower-case token."""
        return low in self._by_first

    def matches(self, tokens: list[Token], i: int) -> Iterator[tuple[int, tuple[str, ...], T]]:
        """(token count, phrase as written, payload) of every phrase starting at token i, longest first."""
        if i >= len(tokens):
            return
        for key, written, payload in self._by_first.get(tokens[i].low, ()):
            k = len(key)
            if i + k <= len(tokens) and all(tokens[i + j].low == key[j] for j in range(k)):
                yield k, written, payload
