"""Regexes for Indonesian day-level date expressions, built from the month, weekday and date-word files.

Each pattern starts with a digit, a bracket or a capitalised word so the regex engine can skip most of the
text quickly; the weekday that may stand before a date ("Selasa (3/12)") is read backwards by LEAD.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from nlp.lexicon import alternation, read_rows

_D = r"(?P<{}>[0-3]?\d)"
_Y = r"(?P<{}>(?:19|20)\d\d|'?\d\d)"
_Y4 = r"(?P<{}>(?:19|20)\d\d)"
LEAD_KINDS = ("num_range", "numeric", "numeric_wd", "text_range", "text_range2", "text")


@dataclass
class DateMatch:
    """A date expression found in the text (the re.Match parts the resolver needs)."""

    kind: str
    begin: int
    finish: int
    text: str
    groups: dict = field(default_factory=dict)

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish

    def group(self, name=0):
        return self.text if name == 0 else self.groups.get(name)

    def groupdict(self) -> dict:
        return self.groups


@functools.lru_cache(maxsize=None)
def months() -> dict[str, int]:
    return {name.lower(): int(num) for name, num in read_rows("months.tsv")}


@functools.lru_cache(maxsize=None)
def weekdays() -> dict[str, int]:
    return {name.lower(): int(num) for name, num in read_rows("weekdays.tsv")}


@functools.lru_cache(maxsize=None)
def date_words(role_prefix: str) -> dict[str, str]:
    """Date words whose role starts with role_prefix: word -> role."""
    return {w: role for w, role in read_rows("date_words.tsv") if role.startswith(role_prefix)}


def _weekday_alt() -> str:
    # capital first letter only: "minggu" in lower case is "week"
    names = [n for n, _ in read_rows("weekdays.tsv")]
    return alternation(names + [n.upper() for n in names])


@functools.lru_cache(maxsize=None)
def lead() -> re.Pattern:
    """A weekday (and time of day) right before a date: searched in the 30 characters before it."""
    daypart = "(?i:" + alternation(date_words("daypart")) + ")"
    return re.compile(rf"(?<![\w-])(?P<wd>{_weekday_alt()})(?:\s+{daypart})?\s*,?\s*\(?\s*$")


@functools.lru_cache(maxsize=None)
def patterns() -> list[tuple[str, re.Pattern]]:
    """(kind, regex) pairs, most specific first.  Digit patterns are matched where a 1-2 digit number
    starts; weekday and relative patterns where a weekday or relative word starts."""
    wd = _weekday_alt()
    month = "(?i:" + alternation(months()) + r")\.?"
    rel_after = r"(?:\s+(?P<after>(?i:lalu|kemarin|mendatang|nanti|depan)))?"
    sep = r"(?:-|–|—|s\.?d\.?|s/d|(?i:hingga|sampai(?:\s+dengan)?|dan))"
    free = r"(?<![\w/.,:-])"
    return [
        ("num_range", re.compile(
            free + _D.format("d1") + r"\s*[-–]\s*" + _D.format("d2") + r"/(?P<m>[01]?\d)(?:/"
            + _Y.format("y") + r")?(?![\w/])\)?")),
        ("numeric", re.compile(
            r"(?<=\()" + _D.format("d") + r"\s*/\s*(?P<m>[01]?\d)(?:\s*/\s*" + _Y.format("y") + r")?\s*\)")),
        ("numeric", re.compile(
            free + _D.format("d") + r"(?P<s>[/.-])(?P<m>[01]?\d)(?P=s)(?P<y>(?:19|20)\d\d)(?![\w/])")),
        ("numeric_wd", re.compile(free + _D.format("d") + r"/(?P<m>[01]?\d)(?![\w/])")),
        ("text_range", re.compile(
            free + _D.format("d1") + r"\s*" + sep + r"\s*" + _D.format("d2") + r"\s+(?P<mon>" + month
            + r")(?:\s+" + _Y4.format("y") + r")?\b" + rel_after)),
        ("text_range2", re.compile(
            free + _D.format("d1") + r"\s+(?P<mon1>" + month + r")\s*" + sep + r"\s*" + _D.format("d2")
            + r"\s+(?P<mon>" + month + r")(?:\s+" + _Y4.format("y") + r")?\b")),
        ("text", re.compile(
            free + _D.format("d") + r"\s+(?P<mon>" + month + r")(?![\w])(?:\s+" + _Y4.format("y")
            + r"(?![\w/]))?\)?" + rel_after)),
        ("loose", re.compile(
            free + r"(?P<d>[0-3]?\d)\s+(?P<word>[A-Z][a-z]{2,9})\s+(?P<y>(?:19|20)\d\d)(?![\w/])")),
        ("weekday_rel", re.compile(
            r"(?<![\w-])(?P<wd>" + wd + r")\s+(?P<rel>(?i:pekan\s+lalu|minggu\s+lalu|pekan\s+depan|minggu\s+depan"
            r"|lalu|kemarin|depan|mendatang))\b")),
        ("weekday", re.compile(
            r"(?:(?<=,\s)|(?<=\b[pP]ada\s)|(?<=\b[hH]ari\s)|(?<=\b[sS]ejak\s))(?P<wd>" + wd + r")(?:\s+(?P<part>(?i:"
            + alternation(date_words("daypart")) + r")))?(?=\s*(?:[.,;)\"”]|$))")),
        ("relative", re.compile(r"(?<![\w-])(?P<rel>(?i:kemarin\s+lusa|kemarin|besok|esok\s+hari|lusa))(?![\w-])")),
    ]


_DAY_DIGITS = re.compile(r"(?<!\d)\d{1,2}(?!\d)")  # where a day can start; longer runs never do
_DATE_WORD_BEFORE = re.compile(r"\b(?i:tanggal|tgl\.?)\s*$")
_RELATIVE_START = re.compile(r"[Kk]emarin|[Bb]esok|[Ee]sok|[Ll]usa|KEMARIN|BESOK")


@functools.lru_cache(maxsize=None)
def _weekday_start() -> re.Pattern:
    return re.compile(_weekday_alt())


_LAST: list = [None, None]  # (text, its matches): the date and figure finders of one article share them


def find_date_matches(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Non-overlapping date expressions in text[start:end], in text order (treat the list as read-only)."""
    end = len(text) if end is None else end
    whole = start == 0 and end == len(text)
    if whole and _LAST[0] is text:
        return _LAST[1]
    kept = _scan(text, start, end)
    if whole:
        _LAST[:] = [text, kept]
    return kept


def _scan(text: str, start: int, end: int) -> list[DateMatch]:
    kinds = patterns()
    digit_kinds = [(k, rx) for k, rx in kinds if k not in ("weekday_rel", "weekday", "relative")]
    word_kinds = [(k, rx) for k, rx in kinds if k in ("weekday_rel", "weekday")]
    relative = [(k, rx) for k, rx in kinds if k == "relative"]
    kept: list[DateMatch] = []
    taken_until = -1
    for anchor in _DAY_DIGITS.finditer(text, start, end):
        if anchor.start() < taken_until:
            continue
        found = _first_match(text, anchor.start(), end, start, digit_kinds)
        if found:
            kept.append(found)
            taken_until = found.finish
    spans = [(d.begin, d.finish) for d in kept]  # in text order
    for anchors, group in ((_weekday_start(), word_kinds), (_RELATIVE_START, relative)):
        for anchor in anchors.finditer(text, start, end):
            i = bisect.bisect_right(spans, (anchor.start(), float("inf"))) - 1
            if i >= 0 and spans[i][0] <= anchor.start() < spans[i][1]:
                continue  # inside a date already found: "Senin (2/12)" is one date
            found = _first_match(text, anchor.start(), end, start, group)
            if found:
                kept.append(found)
                bisect.insort(spans, (found.begin, found.finish))
    kept.sort(key=lambda d: d.begin)
    return kept


def _first_match(text, pos, end, floor, kinds) -> DateMatch | None:
    for kind, regex in kinds:
        m = regex.match(text, pos, end)
        if not m:
            continue
        begin, finish = m.span()
        groups = m.groupdict()
        if kind == "numeric":
            begin = text.rfind("(", max(floor, begin - 3), begin) if text[begin - 1:begin] == "(" else begin
        if kind in LEAD_KINDS:
            before = lead().search(text, max(floor, begin - 30), begin)
            if before:
                begin, groups = before.start(), {**groups, "wd": before.group("wd")}
            elif kind == "numeric_wd" and not _DATE_WORD_BEFORE.search(text, max(floor, begin - 12), begin):
                continue  # "17/9" without a weekday, brackets or "tanggal" may be anything
        return DateMatch(kind, begin, finish, text[begin:finish], groups)
    return None
