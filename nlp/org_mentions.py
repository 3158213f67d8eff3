"""Organisations missing from the gazetteer: 'Forum Rektor Nusantara', 'Dinas Perikanan (Diskan) Demak'."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from nlp.gazetteer import Entry, FormHit, form_index
from nlp.lexicon import read_lines, read_table
from nlp.phrases import PhraseIndex
from nlp.regions import LEVEL_WORDS, match_region
from nlp.tokens import Token

MAX_RUN = 6  # words of an unlisted organisation's name
MAX_LIST_RUN = 14  # tokens of a name that lists fields ("Dinas Perindustrian, Perdagangan, Koperasi dan UKM")


@lru_cache(maxsize=1)
def org_words() -> PhraseIndex[bool]:
    index: PhraseIndex[bool] = PhraseIndex()
    for w in read_lines("org_words.txt"):
        index.add(w, True)
    return index


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("org_stop_words.txt"))


@lru_cache(maxsize=1)
def head_last_words() -> frozenset[str]:
    """Last words of position heads ("Ketua", "Kepala", "Umum" of "Ketua Umum")."""
    return frozenset(row[0].split()[-1].lower() for row in read_table("positions.txt"))


@lru_cache(maxsize=1)
def _head_pairs() -> frozenset[tuple[str, ...]]:
    """Two-word heads ("Ketua Majelis"): their second word starts no organisation."""
    return frozenset(tuple(row[0].lower().split()[:2]) for row in read_table("positions.txt") if " " in row[0])


def _acronym(tokens: list[Token], j: int, first: str = "") -> int:
    """Tokens of '(ABC)' at j, or 0: capitals ("HNSI"), or a blend starting like the name ("Undana")."""
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
        word = tokens[j + 1].text
        if not word.replace("-", "").isalnum() or not word[:1].isupper():
            return 0
        if sum(c.isupper() for c in word) >= 2 or (3 <= len(word) <= 10 and word[0].lower() == first[:1].lower()):
            return 3
    return 0


def _run(tokens: list[Token], i: int, first: int) -> int:
    """End of the capitalised run of an organisation name starting at i (the org word has `first` tokens)."""
    from nlp.names import region_stop

    n, k = len(tokens), i + first
    while k < n and k - i < MAX_RUN:
        t = tokens[k]
        if t.low in _stop_words() or (form_index().starts(t.low) and _listed(tokens, k)):
            return 0  # "Kantor DPRD Kukar": an office of a listed body, not a body of its own
        if t.low == "dan" and k + 1 < n and tokens[k + 1].text[:1].isupper():
            k += 1
            continue
        if not (t.text[:1].isupper() and t.text.replace("-", "").isalpha()) or t.low in LEVEL_WORDS \
                or match_region(tokens, k) or region_stop(tokens, k):
            break
        k += 1
    return k if k > i + first else 0


def read_unlisted(tokens: list[Token], i: int, text: str) -> Optional[tuple[int, FormHit, Optional[str]]]:
    """(tokens of the name, a made-up gazetteer hit, acronym) of an unlisted organisation at i, or None.
    Needs evidence that the run names a body: its acronym in brackets, or a position head right before."""
    hit = next(org_words().matches(tokens, i), None)
    if hit is None or form_index().starts(tokens[i].low) and _listed(tokens, i):
        return None
    end = _run(tokens, i, hit[0])
    if not end:
        return None
    # a region written inside the run before the acronym ("Majelis Rakyat Papua Barat (MRPB)")
    full_end = end
    reg = match_region(tokens, end)
    if reg and _acronym(tokens, end + reg[0], tokens[i].text):
        full_end = end + reg[0]
    acr = _acronym(tokens, full_end, tokens[i].text)
    after_head = i > 0 and tokens[i - 1].low in head_last_words() and tokens[i - 1].text[:1].isupper() \
        and (tokens[i - 1].low, tokens[i].low) not in _head_pairs() and _closed(tokens, end)
    if not acr and not after_head:
        return None
    name = text[tokens[i].start:tokens[full_end - 1].end]
    acronym = tokens[full_end + 1].text if acr else None
    if not acr:
        full_end = end
    entry = Entry(acronym or name, "unlisted", (name,), (), ())
    return full_end - i, FormHit(entry, False), acronym


@lru_cache(maxsize=1)
def school_words() -> PhraseIndex[bool]:
    index: PhraseIndex[bool] = PhraseIndex()
    for w in read_lines("school_words.txt"):
        index.add(w, True)
    return index


def read_school(tokens: list[Token], i: int, text: str) -> Optional[tuple[int, FormHit, Optional[str]]]:
    """'Universitas Lampung', 'SMA Negeri 1 Mataram': a university or school with its own name (places and
    the school's number included)."""
    from nlp.names import region_stop

    hit = next(school_words().matches(tokens, i), None) if tokens[i].text[:1].isupper() else None
    if hit is None:
        return None
    n, k = len(tokens), i + hit[0]
    while k < n and k - i < MAX_RUN and (tokens[k].text.isdigit() and len(tokens[k].text) <= 3
                                         or tokens[k].text[:1].isupper() and tokens[k].text.isalpha()
                                         and not region_stop(tokens, k)):
        k += 1
        if tokens[k - 1].text.isdigit():  # the number, then at most the town, closes a school's name
            k += next(x for x in range(3) if k + x >= n or not tokens[k + x].text[:1].isupper()
                      or not tokens[k + x].text.isalpha() or region_stop(tokens, k + x) or x == 2)
            break
    if k == i + hit[0]:
        return None
    name = text[tokens[i].start:tokens[k - 1].end]
    return k - i, FormHit(Entry(name, "school", (name,), (), ()), False), None


def read_listed_name(tokens: list[Token], i: int, text: str) -> Optional[tuple[int, FormHit, Optional[str]]]:
    """'Dinas Pendidikan, Pemuda, dan Olahraga (Disdikpora)': a body whose name lists its fields, closed by
    its own acronym in brackets; it wins over a shorter listed name ("Dinas Pendidikan")."""
    n, k = len(tokens), i + 1
    listed = False
    while k < n and k - i < MAX_LIST_RUN:
        t = tokens[k]
        if t.text == "," or t.low in ("dan", "&"):
            listed = listed or t.text == ","
        elif not (t.text[:1].isupper() and t.text.isalpha()) or t.low in LEVEL_WORDS:
            break
        elif tokens[k - 1].text == "," and (org_words().starts(t.low) or form_index().starts(t.low)
                                           and _listed(tokens, k)):
            return None  # "Dinas Kesehatan, Dinas Sosial, dan BPBD": a list of bodies, not one name
        k += 1
    if not listed or k + 2 >= n or tokens[k].text != "(" or not tokens[k - 1].text[:1].isupper():
        return None
    a = k + 1
    while a < n and a - k <= 2 and tokens[a].text[:1].isupper() and tokens[a].text.replace("-", "").isalnum():
        a += 1
    if a == k + 1 or a >= n or tokens[a].text != ")":
        return None
    first = tokens[k + 1].text
    if not (sum(c.isupper() for c in first) >= 2 or first[0].lower() == tokens[i].low[0]):
        return None
    name = text[tokens[i].start:tokens[k - 1].end]
    acronym = text[tokens[k + 1].start:tokens[a - 1].end]
    return k - i, FormHit(Entry(acronym, "unlisted", (name,), (), ()), False), acronym


def _closed(tokens: list[Token], end: int) -> bool:
    """The run ends at a comma, a level word or a region: "Ketua Forum X, Budi" / "Kepala Dinas X Kabupaten Y"."""
    return end < len(tokens) and (tokens[end].text == "," or tokens[end].low in LEVEL_WORDS
                                  or match_region(tokens, end) is not None)


def _listed(tokens: list[Token], i: int) -> bool:
    from nlp.gazetteer import match_form

    return match_form(tokens, i) is not None
