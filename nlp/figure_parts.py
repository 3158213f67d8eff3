"""Checks on counts that lean on their surroundings: parts of a group, voters, pay, deaths (GUIDELINES: figures)."""
from __future__ import annotations

import functools
import re

from nlp.cue_phrases import PhraseMatcher
from nlp.figure_rules import words
from nlp.lexicon import alternation
from nlp.numbers import NumberMention

# "Dari 19 itu, ...", "Dari tiga belas orang tersebut, ...", "Dari jumlah itu, ...": the parts of a group follow
_GROUP_OPENING = re.compile(r"[\s\"“‘'(-]*(?i:dari)\s+(?:[\w.,-]+\s+){0,3}?(?i:itu|tersebut)\s*,")
# a count that opens an item of a list: after a comma, "dan", "lalu" (optionally "sebanyak")
_LIST_MARK = re.compile(r"(?:,|\b(?i:dan|serta|lalu|kemudian|sedangkan))\s*(?:(?i:sebanyak)\s+)?$")
_CLAUSE_END = re.compile(r"[,;.!?\"”\d]|\b(?i:dan|sedangkan|sementara|namun|tetapi)\b")  # or the next count
_BEFORE_WINDOW = 24


@functools.lru_cache(maxsize=None)
def _after(role: str) -> re.Pattern:
    return re.compile(r"\s+" + alternation(words(role)) + r"(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _before(role: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + alternation(words(role)) + r"\s+(?:(?i:sebanyak)\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _anywhere(*roles: str) -> re.Pattern:
    phrases = [w for role in roles for w in words(role)]
    return re.compile(r"(?<![\w-])" + alternation(phrases) + r"(?:nya)?(?![\w-])", re.IGNORECASE)


def is_part(text: str, num: NumberMention, unit_end: int, sent_start: int) -> bool:
    """'sembilan di antaranya', 'empat orang lainnya', 'sisanya 15': the count is a part of a group just counted."""
    if _after("part_after").match(text, max(unit_end, num.end)):
        return True
    return bool(_before("part_before").search(text, max(sent_start, num.start - _BEFORE_WINDOW), num.start))


def opens_group_parts(sentence: str) -> bool:
    """'Dari 19 itu, tujuh ..., lima ...': the sentence splits a group counted before into parts."""
    return bool(_GROUP_OPENING.match(sentence))


def opens_list_item(text: str, num: NumberMention, sent_start: int) -> bool:
    """Whether the count opens an item of a list (', lima kami teruskan', 'dan 8,7 persen')."""
    return bool(_LIST_MARK.search(text, max(sent_start, num.start - _BEFORE_WINDOW), num.start))


def voters_misused(text: str, unit_end: int, sent_end: int) -> bool:
    """'11 pemilih diketahui menggunakan hak pilih tanpa dokumen yang sah': the clause after a count of voters
    says they voted unlawfully (or names a violation)."""
    stop = _CLAUSE_END.search(text, unit_end, sent_end)
    return bool(_anywhere("voter_wrong", "violation").search(text, unit_end, stop.start() if stop else sent_end))


def harmed(text: str, num_end: int, sent_end: int) -> bool:
    """'894 petugas meninggal', '5.175 lainnya sakit': people who died or fell ill are no violation count."""
    return bool(_harm_after().match(text, num_end, sent_end))


@functools.lru_cache(maxsize=None)
def _harm_after() -> re.Pattern:
    return re.compile(r"(?:\s+[\w-]+){0,3}?\s+" + alternation(words("harm")) + r"(?![\w-])", re.IGNORECASE)


def speaks_of_pay(sentence: str) -> bool:
    """Whether a percent in the sentence is a pay cut or a share of votes ("pemungutan suara" is neither)."""
    pay = _anywhere("pay")
    blanked = _anywhere("not_pay").sub(lambda m: " " * len(m.group(0)), sentence)
    return bool(pay.search(blanked))


def counts_crowd(text: str, num: NumberMention, sent_start: int) -> bool:
    """'Total pemilih di keempat TPS itu mencapai 1.102 orang': the words before a people count name a crowd."""
    return bool(_anywhere("crowd").search(text, sent_start, num.start))


def undergoes(text: str, num: NumberMention, unit_end: int, sent_start: int) -> bool:
    """'diterapkan kepada 34 ASN', '15 warga dimintai keterangan', '60 warga mengaku': the people undergo an
    action (or own up to one) rather than do, watch or live somewhere."""
    if _before("patient_before").search(text, max(sent_start, num.start - _BEFORE_WINDOW), num.start):
        return True
    verb = _VERB_AFTER.match(text, unit_end)
    return bool(verb) and verb.group(1).lower() not in words("not_passive")


# the first verb after a people count: a passive "di-"/"ter-" verb (or "mengaku"), past "yang", "sudah", "juga"
_VERB_AFTER = re.compile(r"\s+(?:(?i:yang|itu|tersebut|sudah|telah|juga|pun|kemudian|lalu)\s+){0,2}"
                         r"((?i:di|ter)[a-z]{4,}|(?i:mengaku(?:i)?))\b")


_LAST_VIOLATIONS: list = [None, None]


def violation_offsets(text: str) -> list[int]:
    """Sorted starts of the violation words of figure_words.tsv in `text` ("sanksinya" too; cached per text)."""
    if _LAST_VIOLATIONS[0] is not text:  # a word lookup over the shared tokens: faster than a regex per sentence
        _LAST_VIOLATIONS[:] = [text, sorted({start for start, _, _ in _violation_matcher().find(text)})]
    return _LAST_VIOLATIONS[1]


@functools.lru_cache(maxsize=None)
def _violation_matcher() -> PhraseMatcher:
    phrases = {form for w in words("violation") for form in (w.lower(), w.lower() + "nya")}
    return PhraseMatcher((phrase, None) for phrase in phrases)
