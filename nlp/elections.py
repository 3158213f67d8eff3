"""Which election a sentence speaks of: "Pemilu YYYY" / "Pilkada YYYY" (GUIDELINES: figures, election)."""
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
_DAY_AFTER = re.compile(r"\s+(?:(?:pada\s+)?tanggal\s+)?(?P<d>[0-3]?\d)\s+(?P<mon>[A-Z][a-z]+)")
_BARE_YEAR = re.compile(r"\b(?:[Pp]ada|[Tt]ahun|[Dd]i|[Ss]elama)\s+(?:tahun\s+)?((?:19|20)\d\d)\b(?![/.,]\d)")


@dataclass(frozen=True)
class ElectionMention:
    start: int
    end: int
    kind: str  # "Pemilu" | "Pilkada"
    year: Optional[int]
    sentence: int
    generic: bool = False  # "pemilu" alone: any election

    @property
    def label(self) -> Optional[str]:
        return f"{self.kind} {self.year}" if self.year else None


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


class ElectionContext:
    """Election mentions of one article and the rules that give a sentence its election."""

    def __init__(self, text, sentences, mask, published):
        self.published_year = published.year if published else None
        self.mentions = _mentions(text, sentences, mask, published)
        self.text = text
        self.sentences = sentences
        first = self._own_election()
        self.default_kind = first.kind if first else None
        self.default = (first.label or self._with_published(first.kind)) if first else None

    def _own_election(self) -> Optional[ElectionMention]:
        """The election the article is about: with a publication date, one dated that year (or a year
        either side), else one named without a year; without it, the first specific mention.
        ("pemilu" alone is generic and only counts when nothing else is named.)"""
        specific = [m for m in self.mentions if m.year or not m.generic]
        if self.published_year and specific:
            near = [m for m in specific if m.year and abs(m.year - self.published_year) <= 1]
            yearless = [m for m in specific if not m.year]
            if near or yearless:
                return (near or yearless)[0]
        return (specific or self.mentions or [None])[0]

    def _with_published(self, kind) -> Optional[str]:
        return f"{kind} {self.published_year}" if self.published_year else None

    def dated_in(self, sentence: int) -> bool:
        """Whether the sentence names an election with its year."""
        return any(m.sentence == sentence and m.year for m in self.mentions)

    def for_position(self, sentence: int, offset: int) -> Optional[str]:
        """The election of a figure written at `offset` in sentence number `sentence`."""
        here = [m for m in self.mentions if m.sentence == sentence and not self._compared(offset, m)]
        dated = [m for m in here if m.year]
        if dated:
            return min(dated, key=lambda m: min(abs(m.start - offset), abs(m.end - offset))).label
        start, end = self.sentences[sentence]
        bare = [y for y in _BARE_YEAR.findall(self.text, start, end)]
        if bare and self.default_kind:
            return f"{self.default_kind} {bare[0]}"
        specific = [m for m in here if not m.generic]
        if specific and specific[0].kind != self.default_kind:
            return self._with_published(specific[0].kind)
        return self.default


    def _compared(self, offset: int, mention: ElectionMention) -> bool:
        """'27 ASN, naik dari 19 ASN pada Pemilu 2019': the election after a comparison word is not the one
        of a figure written before that word."""
        return offset < mention.start and bool(_compare_words().search(self.text, offset, mention.start))


@functools.lru_cache(maxsize=None)
def _compare_words() -> re.Pattern:
    return re.compile(r"(?<![\w-])" + alternation(w for w, role in read_rows("figure_words.tsv") if role == "compare")
                      + r"(?![\w-])", re.IGNORECASE)


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


def _mentions(text, sentences, mask, published=None) -> list[ElectionMention]:
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
