"""Where an article names an election: "Pilkada Serentak 2024", "Pileg 2019", "pada 2020" (GUIDELINES: figures)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from nlp.date_patterns import months
from nlp.lexicon import alternation, read_rows
from nlp.sentences import sentence_index
from nlp.tokens import tokenize

_GENERIC = re.compile(r"pemilu|pemilihan\s+umum", re.IGNORECASE)
_INSTITUTION_BEFORE = re.compile(
    r"\b(?:Pengawas|Komisi|Kehormatan\s+Penyelenggara(?:an)?|Penyelenggara)\s+$", re.IGNORECASE)
VOTING_DAY_GAP = 16  # characters between an election's name and its voting day ("Pemilu pada tanggal 14 Februari")
_DAY_AFTER = re.compile(r"\s+(?:(?:pada\s+)?tanggal\s+)?(?P<d>[0-3]?\d)\s+(?P<mon>[A-Z][a-z]+)")


@dataclass(frozen=True)
class ElectionMention:
    start: int
    end: int
    kind: str  # "Pemilu" | "Pilkada"
    year: Optional[int]
    sentence: int
    generic: bool = False  # "pemilu" alone: any election
    marker: str = ""  # "" named; "year" bare ("pada 2020"); "now" ("kini"); "then" ("saat itu"); "day"

    @property
    def label(self) -> Optional[str]:
        return f"{self.kind} {self.year}" if self.year and self.kind else None


@functools.lru_cache(maxsize=None)
def _patterns() -> tuple[list[tuple[re.Pattern, str]], re.Pattern]:
    names = [(re.compile(rf"\b(?:{rx})\b", re.IGNORECASE), kind) for rx, kind in read_rows("elections.tsv")]
    month = alternation(months())
    # between the name and its year: "(Pilkada)", "Serentak", "Jawa Tengah", "tahun", "17 April"
    tail = re.compile(
        r"(?:\s*\([^()\n]{1,25}\))?"
        r"(?:\s+(?:(?i:serentak|nasional|lanjutan|ulang|tahun|th\.?|lalu|dan|wakil)|[A-Z][\w.-]*"
        rf"|\d{{1,2}}\s+(?i:{month})))" r"{0,6}?\s*,?\s+((?:19|20)\d\d)\b(?![/.,]\d)")
    return names, tail


def _literal_prefixes(rx: str) -> list[str]:
    """Leading letters of each top-level alternative of a regex: where a match can start."""
    parts, depth, current = [], 0, ""
    for ch in rx:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [re.match(r"[a-z]*", p.lower()).group(0) for p in parts]


@functools.lru_cache(maxsize=None)
def _anchors() -> tuple[str, ...]:
    prefixes = {p for rx, _ in read_rows("elections.tsv") for p in _literal_prefixes(rx)}
    return tuple(sorted(prefixes)) if all(prefixes) else ("",)


def _candidate_matches(text, regex, starts):
    """Matches of an election-name regex, tried only where a word starts like an election name."""
    for start in starts:
        m = regex.match(text, start)
        if m:
            yield m


def find_mentions(text, sentences, mask, published=None) -> list[ElectionMention]:
    names, tail = _patterns()
    found: list[ElectionMention] = []
    taken: list[tuple[int, int]] = []
    anchors = _anchors()
    starts = [t.start for t in tokenize(text) if t.low.startswith(anchors)]
    for regex, kind in names:
        for m in _candidate_matches(text, regex, starts):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            idx = sentence_index(sentences, m.start())
            if idx < 0 or not mask[idx]:
                continue
            t = tail.match(text, m.end(), sentences[idx][1])
            year = int(t.group(1)) if t else None
            day = None if t else _voting_day(text, m.end(), published)
            taken.append((m.start(), t.end() if t else m.end()))
            if _INSTITUTION_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                continue  # "Badan Pengawas Pemilihan Umum", "Komisi Pemilihan Umum": a name, not an election
            # "Pemilu 14 Februari": a dated "pemilu" is the national election, not any election
            generic = bool(_GENERIC.fullmatch(m.group(0))) and not day
            year = year or (day and day[0])
            found.append(ElectionMention(m.start(), t.end() if t else m.end(), kind, year, idx, generic))
    found.sort(key=lambda m: m.start)
    # "Pemilihan Kepala Daerah (Pilkada) Kendal 2024" is one mention, not two
    return [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end for o in found)]


def _voting_day(text, offset, published) -> Optional[tuple[Optional[int]]]:
    """'Pemilu 14 Februari (lalu)': (the year of that day on or before `published`,) or None without a day.
    A dated "pemilu" is one particular election, not any election."""
    m = _DAY_AFTER.match(text, offset)
    month = months().get(m.group("mon").lower()) if m else None
    if not month:
        return None
    if published is None:
        return (None,)
    return (published.year - ((month, int(m.group("d"))) > (published.month, published.day)),)


# "pada 2020", "Tahun 2020", "di 2020": a year that dates what the sentence counts, not "Nomor 10 Tahun 2016"
_BARE_YEAR = re.compile(r"\b(?:[Pp]ada|[Tt]ahun|[Dd]i|[Ss]elama|[Dd]alam)\s+(?:tahun\s+)?((?:19|20)\d\d)\b(?![/.,]\d)")
_LAW_BEFORE = re.compile(r"(?:\d[\w/.-]*|\b(?i:nomor|no\.?|uu|undang-undang|perppu|pp|perpres|pkpu|perbawaslu))\s*$")


def find_time_markers(text, sentences, idx, named, date_matches=()) -> list[ElectionMention]:
    """In sentence `idx`: bare years ("Pada 2020, ..."), words for the present ("tahun ini", "kini") and days
    written without a year ("Senin (21/10)", "12 November lalu": news leaves out the year of recent days
    only), outside the sentence's `named` elections and their voting days."""
    start, end = sentences[idx]
    found = []
    for d in date_matches:
        voting_day = any(0 <= d.start() - n.end <= VOTING_DAY_GAP for n in named)  # "Pemilu 14 Februari"
        if not d.groups.get("y") and not voting_day:
            found.append(ElectionMention(d.start(), d.end(), None, None, idx, marker="day"))
    for m in _BARE_YEAR.finditer(text, start, end):
        if not _LAW_BEFORE.search(text, max(start, m.start() - 25), m.start()) and \
                not any(n.start <= m.start(1) < n.end for n in named):
            found.append(ElectionMention(m.start(), m.end(), None, int(m.group(1)), idx, marker="year"))
    for m in _time_words().finditer(text, start, end):
        marker = "then" if m.group(0).lower().endswith("itu") else "now"
        found.append(ElectionMention(m.start(), m.end(), None, None, idx, marker=marker))
    return found


@functools.lru_cache(maxsize=None)
def _time_words() -> re.Pattern:
    """Words for the present ("kini", "tahun ini") and for the time just named ("ketika itu", "saat itu")."""
    found = [w for w, role in read_rows("figure_words.tsv") if role in ("now", "then")]
    assert all(w.lower().endswith("itu") for w, role in read_rows("figure_words.tsv") if role == "then")
    return re.compile(r"(?<![\w-])" + alternation(found) + r"(?![\w-])", re.IGNORECASE)
