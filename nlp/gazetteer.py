"""The institution gazetteer (nlp/data/institutions.tsv) as a phrase index over tokens."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from nlp.lexicon import read_table
from nlp.phrases import PhraseIndex
from nlp.tokens import Token

PARTY = "PARTY"  # parent marker: any political party


@dataclass(frozen=True)
class Entry:
    canonical: str
    scope: str  # national | regional | local | dinas | subunit | subunit! | party
    forms: tuple[str, ...]
    titles: tuple[str, ...]
    parents: tuple[str, ...]

    @property
    def is_subunit(self) -> bool:
        return self.scope.startswith("subunit")

    @property
    def takes_region(self) -> bool:
        return self.scope in ("regional", "local", "dinas")


@dataclass(frozen=True)
class FormHit:
    entry: Entry
    is_title: bool  # "Kapolres" names the head, not the body itself


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    out = []
    for row in read_table("institutions.tsv"):
        row = tuple(row) + ("",) * (5 - len(row))
        out.append(Entry(row[0], row[1], _split(row[2]), _split(row[3]), _split(row[4])))
    return tuple(out)


@lru_cache(maxsize=1)
def form_index() -> PhraseIndex[FormHit]:
    index: PhraseIndex[FormHit] = PhraseIndex()
    for entry in entries():
        for form in entry.forms:
            index.add(form, FormHit(entry, False))
        for title in entry.titles:
            index.add(title, FormHit(entry, True))
    return index


@lru_cache(maxsize=1)
def by_canonical() -> dict[str, Entry]:
    return {e.canonical: e for e in entries()}


@lru_cache(maxsize=4096)
def _acronym_like(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2


def _case_ok(written: tuple[str, ...], tokens: list[Token], i: int) -> bool:
    """Capitalised start, and acronyms written with their capitals ("kpu" in a URL is not KPU)."""
    if not tokens[i].text[:1].isupper():
        return False
    for j, w in enumerate(written):
        t = tokens[i + j].text
        if _acronym_like(w) and not _acronym_like(t) and len(w) > 1:
            return False
    return True


def match_form(tokens: list[Token], i: int, only: Optional[Iterable[str]] = None) -> Optional[tuple[int, FormHit]]:
    """The longest gazetteer form or head title at token i (optionally of the given canonical names only)."""
    allowed = set(only) if only is not None else None
    for k, written, hit in form_index().matches(tokens, i):
        if allowed is not None and hit.entry.canonical not in allowed and not (
            PARTY in allowed and hit.entry.scope == "party"
        ):
            continue
        if _case_ok(written, tokens, i):
            return k, hit
    return None
