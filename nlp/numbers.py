"""Indonesian numbers in text: digits in Indonesian notation ("1.010", "2,5", "1,2 juta") and number words."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Optional

from nlp.lexicon import alternation, read_rows
from nlp.tokens import tokenize

Number = int | float


@dataclass(frozen=True)
class NumberMention:
    """One number written in the text: digits, number words, or a "ke-" collective ("kelima")."""

    start: int
    end: int
    value: Number
    kind: str  # "digits" | "words" | "collective" | "reduplicated" ("dua-duanya": both of those just named)
    text: str


@functools.lru_cache(maxsize=None)
def _word_table() -> dict[str, tuple[int, str, int]]:
    """word -> (value carried, operation, scale factor)."""
    table = {}
    for word, value, op in read_rows("numbers.tsv"):
        factor = int(op.split(":", 1)[1]) if op.startswith("scale:") else 1
        table[word] = (int(value), op.split(":", 1)[0], factor)
    return table


@functools.lru_cache(maxsize=None)
def collectives() -> dict[str, int]:
    """'kelima' -> 5: the "ke-" collective forms."""
    return {word: int(value) for word, value in read_rows("number_collectives.tsv")}


@functools.lru_cache(maxsize=None)
def reduplicated() -> dict[str, int]:
    """'dua-duanya', 'kedua-duanya' -> 2: "both", "all three" of a group just named (a count without a noun)."""
    units = [(w, v) for w, (v, op, _) in _word_table().items() if op == "unit" and v >= 2]
    return {form: v for w, v in units for form in (f"{w}-{w}nya", f"ke{w}-{w}nya")}


@functools.lru_cache(maxsize=None)
def _scale_words() -> dict[str, int]:
    return {w: f for w, (v, op, f) in _word_table().items() if op == "scale" and v == 0}


@functools.lru_cache(maxsize=None)
def _digits_pattern() -> re.Pattern:
    """Digits in Indonesian notation, with an optional scale word ("1,2 juta"); number words go by tokens."""
    scale = alternation(_scale_words())
    return re.compile(
        r"(?<![\w.,/-])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w/]|[.,]\d|-[A-Za-z])"
        rf"(?:\s+({scale})\b)?",
        re.IGNORECASE,
    )


def parse_digits(text: str) -> Optional[Number]:
    """'1.010' -> 1010, '2,5' -> 2.5, '1.254.964' -> 1254964, '1,2 juta' -> 1200000."""
    m = _digits_pattern().fullmatch(text.strip())
    if not m:
        return None
    return _digits_value(m.group(1), m.group(2))


def _digits_value(digits: str, scale_word: Optional[str]) -> Number:
    whole, _, frac = digits.replace(".", "").partition(",")
    value: Number = float(f"{whole}.{frac}") if frac else int(whole)
    if scale_word:
        value = value * _scale_words()[scale_word.lower()]
    return _tidy(value)


def _tidy(value: Number) -> Number:
    if isinstance(value, float):
        value = round(value, 6)
        if value.is_integer():
            return int(value)
    return value


class _WordNumber:
    """State machine reading number words left to right; `feed` says whether the word still fits."""

    def __init__(self):
        self.total = 0
        self.group = 0
        self.small: Optional[int] = None
        self.level = 4.0  # 3 hundred, 2 tens, 1.5 teen, 1 unit; a group goes downwards
        self.last_scale = 10**15
        self.used = 0

    def feed(self, word: str) -> bool:
        value, op, factor = _word_table()[word.lower()]
        if op == "unit":
            if self.small is not None or self.level < 2:
                return False
            self.small = value
        elif op in ("teen", "tens", "hundred"):
            need = {"teen": 1.5, "tens": 2, "hundred": 3}[op]
            base = self._base(value)
            if base is None or self.level <= need:
                return False
            self.group += {"teen": base + 10, "tens": base * 10, "hundred": base * 100}[op]
            self.small, self.level = None, need
        else:  # scale
            amount = 1 if value else self.group + (self.small or 0)
            if value and (self.small is not None or self.group):
                return False
            if amount <= 0 or factor >= self.last_scale:
                return False
            self.total += amount * factor
            self.group, self.small, self.level, self.last_scale = 0, None, 4.0, factor
        self.used += 1
        return True

    def _base(self, carried: int) -> Optional[int]:
        if carried:  # sebelas, sepuluh, seratus: nothing may come before them in the group
            return 1 if self.small is None else None
        return self.small if self.small else None

    @property
    def value(self) -> int:
        return self.total + self.group + (self.small or 0)


def parse_words(text: str) -> Optional[int]:
    """'dua ratus tiga puluh' -> 230, 'seribu' -> 1000, 'lima' -> 5; None if not one number."""
    words = text.split()
    if not words or any(w.lower() not in _word_table() for w in words):
        return None
    state = _WordNumber()
    return state.value if all(state.feed(w) for w in words) else None


def parse_number(text: str) -> Optional[Number]:
    """A number written in digits, words or as a "ke-" collective; None if `text` is not one number."""
    text = text.strip()
    value = parse_digits(text)
    if value is None:
        value = parse_words(text)
    if value is None:
        value = collectives().get(text.lower())
    return value


def find_numbers(text: str, start: int = 0, end: Optional[int] = None) -> list[NumberMention]:
    """Every number mention in text[start:end], in order."""
    end = len(text) if end is None else end
    digits = _digits_pattern()
    found = [
        NumberMention(m.start(), m.end(), _digits_value(m.group(1), m.group(2)), "digits", m.group(0))
        for m in digits.finditer(text, start, end)
    ]
    tokens, starts = _tokens(text)
    table, groups, doubled = _word_table(), collectives(), reduplicated()
    first, last = bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)
    # one C-speed pass picks the number words; runs of them are then read word by word
    picked = [i for i in range(first, last)
              if tokens[i].low in table or tokens[i].low in groups or tokens[i].low in doubled]
    k = 0
    while k < len(picked):
        i = picked[k]
        low = tokens[i].low
        if tokens[i].end > end:
            break
        if low in table:
            j = i + 1  # a run of number words separated by spaces only
            while j < len(tokens) and tokens[j].end <= end and tokens[j].low in table \
                    and not text[tokens[j - 1].end:tokens[j].start].strip():
                j += 1
            if not _glued(text, tokens[i].start, tokens[j - 1].end):
                found.extend(_split_words(text, tokens[i].start, tokens[j - 1].end))
            while k < len(picked) and picked[k] < j:
                k += 1
            continue
        if low in doubled:  # "Dua-duanya sudah kami klarifikasi": a count whose noun was just named
            found.append(NumberMention(tokens[i].start, tokens[i].end, doubled[low], "reduplicated",
                                       tokens[i].text))
        elif not _glued(text, tokens[i].start, tokens[i].end):
            found.append(NumberMention(tokens[i].start, tokens[i].end, groups[low], "collective", tokens[i].text))
        k += 1
    found.sort(key=lambda n: n.start)
    return found


def _glued(text: str, start: int, end: int) -> bool:
    """'satu-satunya', 'dua/tiga': a number word joined to other characters is not a number."""
    return text[start - 1:start] in ("-", "/") or text[end:end + 1] in ("-", "/")


_TOKEN_CACHE: list = [None, None, None]


def _tokens(text: str):
    tokens = tokenize(text)
    if _TOKEN_CACHE[0] is not tokens:
        _TOKEN_CACHE[:] = [tokens, tokens, [t.start for t in tokens]]
    return _TOKEN_CACHE[1], _TOKEN_CACHE[2]


def _split_words(text: str, start: int, end: int) -> list[NumberMention]:
    """Cut a run of number words into the numbers it writes ("satu dua" is two numbers)."""
    out, state, first, last = [], _WordNumber(), None, None
    for m in re.finditer(r"\S+", text[start:end]):
        w0, w1 = start + m.start(), start + m.end()
        if not state.feed(m.group(0)):
            if state.used:
                out.append(NumberMention(first, last, state.value, "words", text[first:last]))
            state, first = _WordNumber(), None
            if not state.feed(m.group(0)):
                continue
        first = w0 if first is None else first
        last = w1
    if state.used:
        out.append(NumberMention(first, last, state.value, "words", text[first:last]))
    return [n for n in out if n.value > 0 or n.text.lower() in ("nol", "kosong")]
