"""Regional-office prefixes of national agencies: 'Kanreg II BKN Surabaya', 'Kantor Wilayah DJP Jatim'."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from nlp.lexicon import read_table
from nlp.phrases import PhraseIndex
from nlp.tokens import Token

_NUMBER = re.compile(r"^(?:[IVXL]+|\d{1,2})$")  # the office's number ("II", "VI", "3")


@lru_cache(maxsize=1)
def office_index() -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for row in read_table("office_prefixes.tsv"):
        for form in row[1].split("|"):
            index.add(form.strip(), row[0])
    return index


def read_office(tokens: list[Token], i: int) -> Optional[tuple[int, str]]:
    """(tokens, short label such as 'Kanreg II') of an office prefix at i, or None."""
    if not tokens[i].text[:1].isupper() or not office_index().starts(tokens[i].low):
        return None
    hit = next(office_index().matches(tokens, i), None)
    if hit is None:
        return None
    k, _written, short = hit
    if i + k < len(tokens) and _NUMBER.match(tokens[i + k].text):
        return k + 1, f"{short} {tokens[i + k].text}"
    return k, short
