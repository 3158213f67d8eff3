"""Bodies written between a position and a name that no gazetteer lists: 'Kepala Disperkimtan Banyuwangi, Budi',
'Wakil Menteri Pekerjaan Umum, Danang' (a minister's portfolio names the ministry)."""
from __future__ import annotations

from typing import Optional

from nlp.names import read_name, skip_honorifics
from nlp.regions import match_region
from nlp.tokens import Token

MINISTER_HEADS = ("Menteri", "Wakil Menteri", "Wamen")
MAX_PORTFOLIO = 8


def skip_org_run(tokens, j) -> int:
    """'Ketua GMNI Cabang Kupang, Yosef Kaka' / 'Kepala Diskominfotiksan Pekanbaru, Irwan': a run led by an
    unlisted acronym, or closed by a place, is a body; the name follows its comma."""
    n = len(tokens)
    if j >= n or not (tokens[j].text[:1].isupper() and tokens[j].text.isalpha()):
        return j
    k = j
    while k < n and k - j < 5 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
        k += 1
    bracketed = _own_acronym(tokens, k, tokens[j].text)  # "Lingkar Madani (Lima) Indonesia, Ray"
    if bracketed:
        k += 3
        while k < n and k - j < 9 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
            k += 1
    if k + 1 >= n or tokens[k].text != ",":
        return j
    if bracketed:
        return k + 1 if read_name(tokens, skip_honorifics(tokens, k + 1)) is not None else j
    acronym_led = len(tokens[j].text) >= 2 and (tokens[j].text.isupper() or _camel(tokens[j].text))
    placed = k - j >= 2 and any(match_region(tokens, x) and x + match_region(tokens, x)[0] == k
                                for x in range(j + 1, k))
    if not (acronym_led and any(len(t.text) >= 3 and (t.text.isupper() or _camel(t.text)) for t in tokens[j:k])
            or placed and _unknown_word(tokens[j])):
        return j
    return k + 1 if read_name(tokens, skip_honorifics(tokens, k + 1)) is not None else j


def _own_acronym(tokens, k, first: str) -> bool:
    """'(Lima)' / '(KIPP)' after a capitalised run: the body's own short name, so the run is no person."""
    if k + 2 >= len(tokens) or tokens[k].text != "(" or tokens[k + 2].text != ")":
        return False
    word = tokens[k + 1].text
    return word.isalnum() and word[:1].isupper() and (sum(c.isupper() for c in word) >= 2
                                                       or word[0].lower() == first[:1].lower())


def _camel(word: str) -> bool:
    """'KemenPU', 'DisPerkim': a blended acronym with capitals inside."""
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def _unknown_word(tok) -> bool:
    """'Diskominfotiksan': a long blend no name list knows, so no first name either."""
    from nlp.names import particles

    return len(tok.text) >= 7 and tok.text not in particles() and not tok.text.endswith(("wati", "yanti", "man"))


def read_portfolio(tokens: list[Token], j: int) -> Optional[tuple[int, str]]:
    """'Pekerjaan Umum, Ir. Danang': a minister's portfolio closed by a comma and a name ->
    (token after the portfolio, the ministry's name 'Kementerian Pekerjaan Umum')."""
    n, k = len(tokens), j
    while k < n and k - j < MAX_PORTFOLIO and (tokens[k].text[:1].isupper() and tokens[k].text.isalpha()
                                               or tokens[k].low in ("dan", "&") and k > j):
        k += 1
    if k == j or k + 1 >= n or tokens[k].text != "," or tokens[k - 1].low in ("dan", "&"):
        return None
    if read_name(tokens, skip_honorifics(tokens, k + 1)) is None:
        return None
    return k, "Kementerian " + " ".join(t.text for t in tokens[j:k])
