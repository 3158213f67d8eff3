"""Units written as a level word plus a function that the gazetteer lists: 'Seksi Propam', 'Subbid Paminal'."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from nlp.gazetteer import Entry, FormHit, match_form
from nlp.lexicon import read_lines
from nlp.tokens import Token

PARENTS = ("Polri", "Polda", "Polres", "Polresta", "Polrestabes", "Polsek", "Bidpropam", "Divisi Propam")


@lru_cache(maxsize=1)
def unit_prefixes() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("unit_prefixes.txt"))


def read_unit(tokens: list[Token], i: int, text: str) -> Optional[tuple[int, FormHit]]:
    """(2, hit) for '<level word> <function>' at i when the function alone is a listed sub-unit, else None."""
    if i + 1 >= len(tokens) or tokens[i].low not in unit_prefixes() or not tokens[i].text[:1].isupper():
        return None
    hit = match_form(tokens, i + 1)
    if hit is None or hit[0] != 1 or hit[1].is_title or not hit[1].entry.is_subunit:
        return None
    written = text[tokens[i].start:tokens[i + 1].end]
    parents = tuple(dict.fromkeys(PARENTS + hit[1].entry.parents))
    return 2, FormHit(Entry(written, "subunit", (written,), (), parents), False)
