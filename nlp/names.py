"""Person names in running text: honorifics and ranks before, degrees after, name tokens between."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from nlp.lexicon import read_lines
from nlp.phrases import PhraseIndex
from nlp.regions import match_region
from nlp.tokens import Token

MAX_NAME_TOKENS = 5


@lru_cache(maxsize=1)
def honorific_index() -> PhraseIndex[bool]:
    index: PhraseIndex[bool] = PhraseIndex()
    for h in read_lines("honorifics.txt"):
        index.add(h.rstrip("_"), True)
    return index


@lru_cache(maxsize=1)
def degrees() -> frozenset[str]:
    return frozenset(d.lower().replace(".", "") for d in read_lines("degrees.txt"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("name_stopwords.txt"))


def skip_honorifics(tokens: list[Token], j: int) -> int:
    """Index of the first token after any honorifics/ranks (and their dots) at j."""
    n = len(tokens)
    while j < n:
        moved = False
        for k, written, _ in honorific_index().matches(tokens, j):
            if all(tokens[j + x].text == written[x] or tokens[j + x].text.upper() == written[x].upper()
                   and len(written[x]) > 1 and written[x].isupper() for x in range(k)):
                j += k
                while j < n and tokens[j].text in (".", ","):
                    if tokens[j].text == "," and not (j + 1 < n and tokens[j + 1].text[:1].isupper()):
                        break
                    j += 1
                moved = True
                break
        if not moved:
            return j
    return j


@lru_cache(maxsize=1)
def particles() -> frozenset[str]:
    return frozenset(read_lines("name_particles.txt"))


def _particle_at(tokens: list[Token], k: int) -> bool:
    """A lower-case name particle at k, between capitalised parts of one name."""
    return k + 1 < len(tokens) and tokens[k].text in particles() and _name_token(tokens[k + 1]) \
        and k > 0 and _name_token(tokens[k - 1])


def region_stop(tokens: list[Token], j: int) -> bool:
    """A capitalised word that cannot continue a place name: a rank or honorific, or a name stop-word."""
    return tokens[j].low in stopwords() or skip_honorifics(tokens, j) > j


@lru_cache(maxsize=1)
def title_tokens() -> frozenset[str]:
    """One-word titles ("Dandim", "Kapolres", "Bupati", "Camat"): never the first word of a person's name."""
    from nlp.gazetteer import entries
    from nlp.lexicon import read_table

    words = {row[0].lower() for row in read_table("positions.txt") if " " not in row[0]}
    words |= {t.lower() for e in entries() for t in e.titles if " " not in t}
    return frozenset(words - {w.lower() for w in read_lines("name_like_titles.txt")})


def is_degree(tok: Token) -> bool:
    return tok.low.replace(".", "") in degrees() and tok.text[:1].isupper()


@lru_cache(maxsize=1)
def _non_name() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("non_name_patterns.txt")))


def _name_token(tok: Token) -> bool:
    t = tok.text
    if not t[:1].isupper() or tok.low in stopwords() or (len(t) >= 8 and _non_name().fullmatch(tok.low)):
        return False
    core = t.replace("'", "").replace("’", "").replace("-", "")
    return core.isalpha()


def read_name(tokens: list[Token], j: int) -> Optional[tuple[int, int]]:
    """Token range [j, k) of a person name starting at j (after honorifics), or None."""
    n = len(tokens)
    k = j
    while k < n and k - j < MAX_NAME_TOKENS and _name_token(tokens[k]) and not (k > j and is_degree(tokens[k])):
        # "Muh. Ali": a short capitalised part may carry a dot inside the name
        k += 1
        if _particle_at(tokens, k):  # "Nonato da Purificacao"
            k += 1
        if k + 1 < n and tokens[k].text == "." and len(tokens[k - 1].text) <= 4 and _name_token(tokens[k + 1]) \
                and tokens[k].end == tokens[k + 1].start - 1:
            k += 1
    while k > j and tokens[k - 1].text == ".":
        k -= 1
    if k == j or tokens[j].low in title_tokens() or (len(tokens[j].text) >= 2 and tokens[j].text.isupper()):
        return None  # "Kapolres ..." or "MPU Aceh Besar": a title or a body's acronym starts no person's name
    words = [t.text for t in tokens[j:k]]
    if not any(any(c.islower() for c in w) for w in words):
        return None  # initials only ("AZ", "MA")
    if is_degree(tokens[j]):
        return None
    hit = match_region(tokens, j)
    if hit and hit[0] >= k - j:
        return None  # a place, not a person
    return j, k


def read_name_backwards(tokens: list[Token], end: int) -> Optional[tuple[int, int]]:
    """A name ending just before token `end` ("Suhariyanto, Kepala BPS"), preceded by a non-name token."""
    k = end
    while k > 0 and is_degree(tokens[k - 1]):
        k -= 1
        if k > 0 and tokens[k - 1].text == ",":
            k -= 1
    j = k
    while j > 0 and k - j < MAX_NAME_TOKENS and _name_token(tokens[j - 1]):
        j -= 1
        if j > 1 and _particle_at(tokens, j - 1) and _name_token(tokens[j - 2]):
            j -= 1
    if j == k:
        return None
    got = read_name(tokens, j)
    if not got or got[1] != k:
        return None
    if j > 0 and tokens[j - 1].text[:1].isupper() and skip_honorifics(tokens, j - 1) != j:
        return None  # "KPU Kabupaten Pasuruan Zainul, ..." - the run started inside another phrase
    return got
