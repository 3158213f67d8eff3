"""Day-level dates tied to events, resolved against the publication date (GUIDELINES: dates)."""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import logging
import re
from typing import Optional

from nlp.date_patterns import DateMatch, date_words, find_date_matches, months, weekdays
from nlp.facts import DateFact
from nlp.sentences import reporting_mask, sentence_index

LOG = logging.getLogger(__name__)

SOON_DAYS = 45  # a yearless day this close ahead of publication is the coming one...
LONG_AGO_DAYS = 300  # ...when the same day on or before publication lies this far back
FUTURE_REACH_DAYS = 200  # news plans ahead by months, not by a year: a farther "coming" day is a past one
WEEKDAY_REACH_DAYS = 200  # a written weekday picks the year only among days this close to publication
_YEAR_IN_TEXT = re.compile(r"(?<![\d/.,-])(20[0-4]\d|19[5-9]\d)(?![\d/])")
_FUTURE_BEFORE = re.compile(r"\b(?:akan|dijadwalkan|rencananya|direncanakan)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\)?\s+(\w+)")
_GAP_TO_PREVIOUS = re.compile(r"\s*(?:(?i:pagi|siang|sore|petang|malam|dini\s+hari))?\s*$")


def find_dates(text, sentences, published) -> list[DateFact]:
    """Every day-level date in the reporting sentences of `text`, as DateFacts with provenance."""
    mask = reporting_mask(text, sentences)
    found = _candidates(text, sentences, mask)
    ref = published or _latest_full_date(found)
    hint = ref.year if ref else _year_hint(text)
    facts = []
    for kind, m in found:
        for value in _resolve(kind, m, text, published, ref, hint):
            if not 1945 <= value.year <= 2100:
                continue
            facts.append(DateFact(text=_shown(m.group(0)), value=value.isoformat(),
                                  sentence=sentence_index(sentences, m.start()), start=m.start(), end=m.end()))
    return facts


def _shown(matched: str) -> str:
    """The date as written, without a dangling bracket: 'Selasa (3/12/2024)', '18 Oktober'."""
    shown = matched.strip(" ,")
    if shown.endswith(")") and "(" not in shown:
        shown = shown[:-1].rstrip()
    if shown.startswith("(") and ")" not in shown:
        shown = shown[1:].lstrip()
    return shown


def _candidates(text, sentences, mask) -> list[tuple[str, DateMatch]]:
    """Date expressions of the reporting sentences, in text order."""
    kept = []
    for d in find_date_matches(text):
        idx = sentence_index(sentences, d.start())
        if idx >= 0 and mask[idx]:
            kept.append((d.kind, d))
    return [(k, m) for i, (k, m) in enumerate(kept) if not _echo_of_previous(kept, i, text)]


def _echo_of_previous(kept, i, text) -> bool:
    """'1 April 2024 petang kemarin': a relative word right after a date restates that date."""
    kind, m = kept[i]
    if kind != "relative" or i == 0:
        return False
    prev_end = kept[i - 1][1].end()
    return prev_end <= m.start() and bool(_GAP_TO_PREVIOUS.fullmatch(text, prev_end, m.start()))


def _latest_full_date(found) -> Optional[dt.date]:
    """Without a publication date, the latest fully written date of the article anchors the others."""
    best = None
    for kind, m in found:
        if kind in ("numeric", "text", "num_range", "text_range") and m.groupdict().get("y"):
            for value in _resolve(kind, m, "", None, None, None):
                best = value if best is None or value > best else best
    return best


def _year_hint(text: str) -> Optional[int]:
    years = [int(y) for y in _YEAR_IN_TEXT.findall(text)]
    return max(years) if years else None


def _resolve(kind, m, text, published, ref, hint) -> list[dt.date]:
    g = m.groupdict()
    wd = weekdays().get(g["wd"].lower()) if g.get("wd") else None
    if kind in ("numeric", "numeric_wd", "text"):
        month = int(g["m"]) if kind != "text" else months()[g["mon"].rstrip(".").lower()]
        one = _day(int(g["d"]), month, g.get("y"), wd, ref, hint, _direction(m, text))
        return [one] if one else []
    if kind in ("num_range", "text_range", "text_range2"):
        month = int(g["m"]) if kind == "num_range" else months()[g["mon"].rstrip(".").lower()]
        month1 = months()[g["mon1"].rstrip(".").lower()] if kind == "text_range2" else month
        last = _day(int(g["d2"]), month, g.get("y"), None, ref, hint, _direction(m, text))
        if last is None:
            return []
        first = _valid(last.year - (month1 > month), month1, int(g["d1"]))
        return [d for d in (first, last) if d]
    if kind == "loose":
        return _loose(m)
    if published is None:
        return []
    if kind == "weekday_rel":
        return _weekday_relative(wd, g["rel"], published)
    if kind == "relative":
        return _relative_day(m, text, published)
    if kind == "weekday":
        return [published - dt.timedelta(days=(published.weekday() - wd) % 7)]
    return []


def _direction(m, text) -> str:
    after = (m.groupdict().get("after") or "").lower()
    if not after and text:  # "tanggal 14/2 nanti": the word after a date its pattern does not take
        nxt = _NEXT_WORD.match(text, m.end())
        after = nxt.group(1).lower() if nxt and nxt.group(1).lower() in date_words("future") else ""
    if after in date_words("future"):
        return "future"
    if after:
        return "past"
    # only the date's own sentence and quote: in '"... akan kami panggil," kata X, Minggu (29/9)' the "akan" is the quote's
    clause_start = max([text.rfind(ch, 0, m.start()) for ch in "\n\"”“"] + [text.rfind(". ", 0, m.start())])
    return "future" if _FUTURE_BEFORE.search(text, clause_start + 1, m.start()) else "past"


def _day(day, month, year, wd, ref, hint, direction) -> Optional[dt.date]:
    """The date of day/month, with the written year, else the year the weekday or the anchor gives."""
    if year:
        y = int(year.lstrip("'"))
        return _valid(y + 2000 if y < 100 else y, month, day)
    if ref is None and wd is not None and hint:
        # no anchor: the weekday picks the year near the years the article talks about
        fits = [d for y in range(hint - 1, hint + 2) if (d := _valid(y, month, day)) and d.weekday() == wd]
        return min(fits, key=lambda d: (abs(d.year - hint), d.year)) if fits else _valid(hint, month, day)
    if ref is None:
        return None
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _valid(y, month, day))]
    fitting = [d for d in options if d.weekday() == wd and abs((d - ref).days) <= WEEKDAY_REACH_DAYS]
    if fitting:
        return fitting[0]  # "Minggu (29/9)": a weekday that fits one nearby year names it, whatever the tense
    if direction == "future":
        later = [d for d in options if d >= ref and (d - ref).days <= FUTURE_REACH_DAYS]
        if later:
            return min(later)  # else "dijadwalkan 1 Desember" in a later report: the planned day has passed
    earlier = [d for d in options if d <= ref]
    later = [d for d in options if d > ref]
    if later and (not earlier or (min(later) - ref).days <= SOON_DAYS and (ref - max(earlier)).days >= LONG_AGO_DAYS):
        return min(later)  # "27 November" written a week before the vote is this year's, not last year's
    return max(earlier) if earlier else None


def _valid(year, month, day) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_relative(wd, rel, published) -> list[dt.date]:
    rel = " ".join(rel.lower().split())
    role = date_words("")[rel] if rel in date_words("") else ""
    if rel in ("pekan lalu", "minggu lalu"):
        role = "lastweek"
    elif rel in ("pekan depan", "minggu depan"):
        role = "nextweek"
    monday = published - dt.timedelta(days=published.weekday())
    if role == "lastweek":
        return [monday - dt.timedelta(days=7) + dt.timedelta(days=wd)]
    if role == "nextweek":
        return [monday + dt.timedelta(days=7 + wd)]
    if role in ("next", "future"):
        return [published + dt.timedelta(days=(wd - published.weekday() - 1) % 7 + 1)]
    return [published - dt.timedelta(days=(published.weekday() - wd - 1) % 7 + 1)]


def _relative_day(m, text, published) -> list[dt.date]:
    word = " ".join(m.group("rel").lower().split())
    before = text[max(0, m.start() - 20):m.start()].lower().split()
    if before and (before[-1] in date_words("notevent") or before[-1].isdigit()):
        return []  # "hingga kemarin" is a status; "tanggal 21 besok" names the 21st, not tomorrow
    role = date_words("day").get(word)
    return [published + dt.timedelta(days=int(role.split(":")[1]))] if role else []


def _loose(m) -> list[dt.date]:
    """'17 Agusuts 2024': a misspelt month is matched by spelling; other words go to dateparser (slow, cached)."""
    word = m.group("word").lower()
    if word in ("tahun", "thn", "pukul", "jam", "orang", "kasus"):
        return []
    close = difflib.get_close_matches(word, [w for w in months() if len(w) >= 5], n=1, cutoff=0.8)
    if close:
        value = _valid(int(m.group("y")), months()[close[0]], int(m.group("d")))
    else:
        value = _dateparser(m.group(0))
    return [value] if value else []


@functools.lru_cache(maxsize=2048)
def _dateparser(phrase: str) -> Optional[dt.date]:
    import dateparser  # slow to import: only for the rare phrase our own tables do not read

    parsed = dateparser.parse(phrase, languages=["id", "en"],
                              settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None
