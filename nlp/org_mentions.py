"""Organisations missing from the gazetteer: 'Forum Rektor Nusantara', 'Dinas Perikanan (Diskan) Demak'."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from nlp.gazetteer import Entry, FormHit, form_index
from nlp.lexicon import read_lines, read_table
from nlp.phrases import PhraseIndex
from nlp.regions import LEVEL_WORDS, area_tail, match_region
from nlp.tokens import Token

MAX_RUN = 6  # words of an unlisted organisation's name
MAX_LIST_RUN = 14  # tokens of a name that lists fields ("Dinas Perindustrian, Perdagangan, Koperasi dan UKM")


@lru_cache(maxsize=1)
def org_words() -> PhraseIndex[str]:
    """Organisation head words -> evidence they need: '' (acronym or position head), 'strong' (a closed
    capitalised name is enough: "Badan Geologi"), 'acronym' (only a bracketed acronym: "Tim")."""
    index: PhraseIndex[str] = PhraseIndex()
    for row in read_table("org_words.txt"):
        index.add(row[0], row[1] if len(row) > 1 else "")
    return index


@lru_cache(maxsize=1)
def _part_words() -> frozenset[str]:
    """Name stop-words that may still sit inside a body's name ("Pekerjaan Umum", "Jalan Tol")."""
    return frozenset(w.lower() for w in read_lines("org_part_words.txt"))


def _org_stop(tokens: list[Token], k: int) -> bool:
    from nlp.names import region_stop, stopwords

    if tokens[k].low in _part_words():
        return False
    return region_stop(tokens, k) or tokens[k].low in stopwords()


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
    """Tokens of '(ABC)' at j, or 0: capitals ("HNSI"), or a blend starting like the name ("Undana"); a blend
    may carry its parent's acronym ("(Puskapol UI)")."""
    n = len(tokens)
    if j + 2 < n and tokens[j].text == "(":
        close = j + 2 if tokens[j + 2].text == ")" else j + 3
        if close >= n or tokens[close].text != ")" or (close == j + 3 and not tokens[j + 2].text.isupper()):
            return 0
        word = tokens[j + 1].text
        if not word.replace("-", "").isalnum() or not word[:1].isupper():
            return 0
        if sum(c.isupper() for c in word) >= 2 or (3 <= len(word) <= 16 and word[0].lower() == first[:1].lower()):
            return close - j + 1
    return 0


def _run(tokens: list[Token], i: int, first: int) -> int:
    """End of the capitalised run of an organisation name starting at i (the org word has `first` tokens).
    A listed body inside the run ("Kantor DPRD Kukar") makes it an office of that body, unless the run is
    closed by its own acronym ("Tim Anggaran Pemerintah Daerah (TAPD)")."""
    n, k = len(tokens), i + first
    inner = False
    while k < n and k - i < MAX_RUN:
        t = tokens[k]
        if t.low in _stop_words():
            return 0
        if form_index().starts(t.low) and _listed(tokens, k):
            if k == i + first:
                return 0  # "Kantor BPS", "Perwakilan Bank Indonesia (BI)": an office of a listed body
            inner = True
        if t.low in ("dan", "untuk") and k + 1 < n and tokens[k + 1].text[:1].isupper():
            k += 1
            continue
        if not (t.text[:1].isupper() and t.text.replace("-", "").isalpha()) or t.low in LEVEL_WORDS \
                or match_region(tokens, k) or _org_stop(tokens, k):
            break
        k += 1
    if inner and not _acronym(tokens, k, tokens[i].text):
        return 0
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
    evidence = hit[2]
    strong = evidence == "strong" and _closed(tokens, end, loose=True)
    if not acr and (evidence == "acronym" or not (after_head or strong)):
        return None
    if evidence == "acronym" and not tokens[full_end + 1].text.isupper():
        return None  # "Tim Anggaran Pemerintah Daerah (TAPD)" is a body; "Tim Khusus (Timsus)" a task group
    name = text[tokens[i].start:tokens[full_end - 1].end]
    acronym = text[tokens[full_end + 1].start:tokens[full_end + acr - 2].end] if acr else None
    if not acr:
        full_end = end
    canonical = acronym or name
    if acronym and acronym[0].lower() != name[0].lower():
        canonical = f"{tokens[i].text} {acronym}"  # "Kementerian Pekerjaan Umum (PU)": the ministry's field
    entry = Entry(canonical, "unlisted", (name,), (), ())
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
                                         or tokens[k].text[:1].isupper() and tokens[k].text.replace("-", "").isalpha()
                                         and not region_stop(tokens, k)):
        k += 1
        if tokens[k - 1].text.isdigit():  # the number, then at most the town, closes a school's name
            k += next(x for x in range(3) if k + x >= n or not tokens[k + x].text[:1].isupper()
                      or not tokens[k + x].text.isalpha() or region_stop(tokens, k + x) or x == 2)
            break
    if k == i + hit[0]:
        return None
    if not tokens[k - 1].text.isdigit():
        k += area_tail(tokens, k)  # "Puskesmas Wamena Kota": the area word belongs to the place
    name = text[tokens[i].start:tokens[k - 1].end]
    acr = _acronym(tokens, k, tokens[i].text)  # "Universitas Mataram (Unram)"
    acronym = text[tokens[k + 1].start:tokens[k + acr - 2].end] if acr else None
    return k - i, FormHit(Entry(acronym or name, "school", (name,), (), ()), False), acronym


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


def _closed(tokens: list[Token], end: int, loose: bool = False) -> bool:
    """The run ends at a comma, a level word or a region: "Ketua Forum X, Budi" / "Kepala Dinas X Kabupaten Y"
    (loose: also at a sentence's end or a lower-case word, "dengan Badan Geologi untuk ...")."""
    if end >= len(tokens):
        return loose
    t = tokens[end]
    if loose and (t.text in (".", ";", ")", ":") or t.text[:1].islower()):
        return True
    return t.text == "," or t.low in LEVEL_WORDS or match_region(tokens, end) is not None


def _listed(tokens: list[Token], i: int) -> bool:
    from nlp.gazetteer import match_form

    return match_form(tokens, i) is not None
