"""Find listed word sequences ("politik uang", "tidak netral") by word lookup over the shared tokens."""
from __future__ import annotations

from nlp.tokens import tokenize


class PhraseMatcher:
    """Matches phrases (lower-case words separated by spaces) against the tokens of a text."""

    def __init__(self, phrases):
        """`phrases`: iterable of (phrase, payload)."""
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for phrase, payload in phrases:
            key = tuple(phrase.lower().split())
            self._by_first.setdefault(key[0], []).append((key, payload))
        for options in self._by_first.values():
            options.sort(key=lambda kp: len(kp[0]), reverse=True)

    def find(self, text: str):
        """Yield (start, end, payload) of every phrase at every token of `text` (overlaps included:
        "dugaan pelanggaran pemilu" gives "dugaan pelanggaran", "pelanggaran pemilu" and "pelanggaran")."""
        tokens = tokenize(text)
        by_first = self._by_first
        n = len(tokens)
        # one C-speed pass picks the few tokens that can start a phrase; only those are looked at further
        for i in [i for i, token in enumerate(tokens) if token.low in by_first]:
            for key, payload in by_first[tokens[i].low]:
                k = len(key)
                if k == 1 or (i + k <= n and all(tokens[i + j].low == key[j] for j in range(1, k))):
                    yield tokens[i].start, tokens[i + k - 1].end, payload
