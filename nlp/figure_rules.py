"""Word-level tests that decide whether a number counts violations (units, exclusions, approx words)."""
from __future__ import annotations

import functools
import re
from typing import Optional

from nlp.lexicon import alternation, read_rows
from nlp.numbers import NumberMention, parse_number
from nlp.tokens import tokenize

_PAREN_AFTER = re.compile(r"\s*\(([^()\n]{1,20})\)")
_LAW_NUMBER_AFTER = re.compile(r"\s+(?i:tahun|th\.?)\s+(?:19|20)\d\d\b")
_WORD_BEFORE = re.compile(r"([\w.-]+)[\s(]*$")
_WORDS_AFTER = re.compile(r"[\s,]*([\w-]+(?:\s+[\w-]+){0,2})")
_LIST_CUE = re.compile(r"[\s,]*(?:(?i:yakni|yaitu|antara\s+lain|meliputi|seperti|berupa|di\s+antaranya)\b\s*:?|:)\s*")
_QUOTE_END = re.compile(r"[,.!?]?[\"”]")  # a count that closes a quote: 'sekarang lima," ujar Ariani'
_YANG_BEFORE = re.compile(r"\b[Yy]ang\s+$")
_OF_BETWEEN = re.compile(r"\b(?i:dari|daripada)\b")
_HAS_NUMBER = re.compile(
    r"\d|\b(?i:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus)\b")


@functools.lru_cache(maxsize=None)
def _units() -> tuple[re.Pattern, dict[str, str]]:
    classes = {phrase.lower(): cls for phrase, cls in read_rows("figure_units.tsv")}
    regex = re.compile(r"\s*(" + alternation(classes) + r")(?![\w])", re.IGNORECASE)
    return regex, classes


@functools.lru_cache(maxsize=None)
def words(role: str) -> frozenset[str]:
    return frozenset(w.lower() for w, r in read_rows("figure_words.tsv") if r == role)


@functools.lru_cache(maxsize=None)
def _phrase_regex(role: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + alternation(words(role)) + r"(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _approx_before() -> re.Pattern:
    return re.compile(alternation(words("approx")) + r"\s+(?P<gap>(?:[\w-]+\s+){0,2})$", re.IGNORECASE)


def unit_after(text: str, num: NumberMention, limit: int) -> tuple[Optional[str], Optional[str], int]:
    """(unit as written, its class, end offset) of the noun counted by `num`; (None, None, end) if none."""
    regex, classes = _units()
    pos = num.end
    paren = _PAREN_AFTER.match(text, pos, limit)
    if paren:  # "3 (tiga) hari", "97 (kasus)"
        inner = paren.group(1).strip()
        m = regex.fullmatch(inner)
        if m:
            return inner, classes[" ".join(m.group(1).lower().split())], paren.end()
        pos = paren.end()
    if text.startswith("%", pos):
        return "%", "percent", pos + 1
    m = regex.match(text, pos, limit)
    if m and classes[" ".join(m.group(1).lower().split())] == "classifier":
        m = regex.match(text, m.end(), limit)  # "12 buah laporan": the noun comes after the classifier
        if m and classes[" ".join(m.group(1).lower().split())] == "classifier":
            m = None
    if m:
        return m.group(1), classes[" ".join(m.group(1).lower().split())], m.end()
    return None, None, num.end


def noun_class_at(text: str, pos: int, limit: int) -> Optional[str]:
    """The figure_units.tsv class of the noun that starts at `pos` ("persen temuan": "case" after "persen")."""
    regex, classes = _units()
    m = regex.match(text, pos, limit)
    return classes[" ".join(m.group(1).lower().split())] if m else None


def is_reference(text: str, num: NumberMention, sent_start: int, sent_end: int) -> bool:
    """Law articles, ranks, amounts, times, phone numbers, years and names rather than counts."""
    if num.kind == "digits" and (num.text[:1] == "0" and num.text.isdigit() or len(num.text) == 4
                                 and num.text[:2] in ("19", "20") and num.text.isdigit()):
        return True  # a year, or a label with a leading zero ("nomor urut 01, 02 dan 03")
    if num.kind == "digits" and re.fullmatch(r"\d{5,}", num.text):
        return True  # counts this large are written "12.345"; bare digit runs are phone numbers and codes
    before = _WORD_BEFORE.search(text, max(sent_start, num.start - 30), num.start)
    if before and before.group(1).lower() in words("not_before"):
        return True
    if num.start > 0 and text[num.start - 1] == "(" and text.startswith(")", num.end):
        return True  # "(1)", "(tiga)": an echo or a list label
    if _LAW_NUMBER_AFTER.match(text, num.end, sent_end):
        return True  # "Nomor 7 Tahun 2017" even when "Nomor" is far
    if num.kind == "words" and num.text[0].isupper() and num.start > sent_start + 1:
        nxt = re.match(r"\s+([A-Z][a-z]+)", text[num.end:sent_end])
        if nxt and unit_after(text, num, sent_end)[0] is None:
            return True  # "Empat Lawang", "Lima Puluh Kota": a place name
    return False


def is_label(text: str, num: NumberMention, sent_start: int) -> bool:
    """'TPS 12 yang', 'SMA 3', 'Kodim 0508': a capitalised word mid-sentence right before a number without a
    noun ("Kabupaten Gowa 8 laporan" has its noun and is a count)."""
    before = _WORD_BEFORE.search(text, max(sent_start, num.start - 30), num.start)
    return bool(before) and _is_label_word(text, before, sent_start)


def _is_label_word(text: str, before: re.Match, sent_start: int) -> bool:
    word = before.group(1)
    if not word[:1].isupper() or word.lower() in words("label_ok"):
        return False
    if not text[sent_start:before.start(1)].strip(" \"“‘'(-–—"):
        return False  # the sentence's first word is capitalised anyway
    return text[before.end(1):before.end()].strip() == ""  # no "(" between: "Bawaslu (12)" is not a label


def is_kinds_list(text: str, unit_end: int, value, sent_end: int) -> bool:
    """'delapan pelanggaran, yakni A, B, ...': the number counts kinds of violation, not violations."""
    cue = _LIST_CUE.match(text, unit_end, sent_end)
    rest = text[cue.end():sent_end] if cue else ""
    if not cue or not rest or not isinstance(value, int) or not 2 <= value <= 15:
        return False
    items = [i for i in re.split(r",|;|\s+(?:dan|serta|atau)\s+", rest) if i.strip()]
    return len(items) == value and not _HAS_NUMBER.search(rest)


def bare_count_follows(text: str, num: NumberMention, sent_end: int) -> bool:
    """'lima di antaranya', '42 melibatkan ...', 'tiga lainnya', '4 dari 5 kasus': a count with its noun implied."""
    m = _WORDS_AFTER.match(text, num.end, sent_end)
    if not m or _QUOTE_END.match(text, num.end, sent_end):  # "... ada 5." / "..., sekarang lima," ujarnya
        rest = text[num.end:sent_end]
        return (rest.strip(" .,;\"”'") == "" or bool(_QUOTE_END.match(rest))) and bool(text[:num.start].strip())
    phrase = m.group(1).lower()
    first = phrase.split()[0]
    if _YANG_BEFORE.search(text, max(0, num.start - 6), num.start):
        return True  # "Yang tiga lanjut": the three (cases) just named
    if first.startswith("di") and len(first) > 5 and first not in words("not_passive"):
        return True  # "empat dijadikan terdakwa", "dua diteruskan": a passive verb says what befell them
    if first == "dari":  # "4 dari 5 kasus" counts; "3 dari 38 kabupaten/kota" counts regions
        whole = re.match(r"[\s,]*dari\s+(\d[\d.,]*|[a-z]+)(?=\s)", text[num.end:sent_end], re.IGNORECASE)
        if not whole:
            return False
        regex, classes = _units()
        if whole.group(1)[0].isupper() and parse_number(whole.group(1)) is None:
            return True  # "satu dari Bawaslu Kota Kupang": where the count comes from, not what it is out of
        unit = regex.match(text, num.end + whole.end(), sent_end)
        return not unit or classes[" ".join(unit.group(1).lower().split())] != "no"
    return first in words("bare_next") or " ".join(phrase.split()[:2]) in words("bare_next")


def is_approx(text: str, num: NumberMention, sent_start: int, unit_end: int = -1) -> tuple[bool, int]:
    """(approximate?, start of the approx phrase) for 'lebih dari 1.000', 'sekitar 50', '1.000 lebih',
    '60 kasus lebih' (unit_end: where the counted noun ends)."""
    window_start = max(sent_start, num.start - 40)
    m = _approx_before().search(text, window_start, num.start)
    if m and not _OF_BETWEEN.search(m.group("gap")):  # "hampir separuh dari 120 laporan": 120 is exact
        return True, m.start()
    for end in {num.end, max(unit_end, num.end)}:
        after = re.match(r"\s+(\w+)", text[end:end + 12])
        if after and after.group(1).lower() in words("approx_after"):
            return True, num.start
    return False, num.start


@functools.lru_cache(maxsize=None)
def _breakdown_start() -> re.Pattern:
    # "Rinciannya, ...", and after a short subject: "Mereka terdiri dari ...", "Jumlah itu meliputi ..."
    return re.compile(r"[\s\"“‘'(-]*(?:[\w-]+\s+){0,2}" + alternation(words("breakdown")) + r"(?![\w-])",
                      re.IGNORECASE)


def is_breakdown(sentence: str) -> bool:
    """'Rinciannya, ...', 'Terdiri atas ...': the sentence lists the parts of the count just reported."""
    return bool(_breakdown_start().match(sentence))


@functools.lru_cache(maxsize=None)
def _duty_after() -> re.Pattern:
    return re.compile(r"(?:\s+[\w-]+){0,3}?\s+" + alternation(words("duty")) + r"(?![\w-])", re.IGNORECASE)


def on_duty(text: str, unit_end: int, sent_end: int) -> bool:
    """'250 personel dikerahkan', '40 staf bertugas': people working for the election, not violators."""
    return bool(_duty_after().match(text, unit_end, sent_end))


@functools.lru_cache(maxsize=None)
def _audience_before() -> re.Pattern:
    return re.compile(r"(?<![\w-])" + alternation(words("audience") | words("deploy"))
                      + r"(?:\s+oleh)?\s+(?:[\w-]+\s+){0,2}$",
                      re.IGNORECASE)


def in_audience(text: str, num: NumberMention, sent_start: int) -> bool:
    """'di hadapan 2.400 personel', 'dihadiri sekitar 300 kades', 'menerjunkan 2.000 pengawas': people who
    listen or are sent to work, not who violate."""
    return bool(_audience_before().search(text, max(sent_start, num.start - 40), num.start))


def mentions_role(sentence: str, role: str) -> bool:
    """Whether the sentence holds a word of this figure_words.tsv role (violation, pay)."""
    return bool(_phrase_regex(role).search(sentence))


@functools.lru_cache(maxsize=None)
def _case_first_words() -> frozenset[str]:
    return frozenset(p.split()[0].lower() for p, c in read_rows("figure_units.tsv") if c == "case")


_LAST_CASE_OFFSETS: list = [None, None]


def case_noun_offsets(text: str) -> list[int]:
    """Start offsets of the words that begin a case noun in the article, in order (cached per text)."""
    if _LAST_CASE_OFFSETS[0] is not text:
        first_words = _case_first_words()  # a word lookup over the shared tokens: faster than a regex scan
        _LAST_CASE_OFFSETS[:] = [text, [t.start for t in tokenize(text) if t.low in first_words]]
    return _LAST_CASE_OFFSETS[1]
