"""Which election a figure belongs to: "Pemilu YYYY" / "Pilkada YYYY" (GUIDELINES: figures, election)."""
from __future__ import annotations
# Candidates by proximity: the figure's clause, its sentence, the sentences before it in its paragraph, then
# the article's lead; within each, an explicit year beats a bare year, a word for the present and a yearless name.

import functools
import re
from typing import Optional

from nlp.election_mentions import ElectionMention, find_mentions, find_time_markers
from nlp.lexicon import alternation, read_rows
from nlp.sentences import sentence_index

LEAD_PARAGRAPHS = 2  # the lead: the paragraphs before the story turns to details
COMPARED_WITHIN = 40  # characters before an election name where a comparison word makes it the one compared with


class ElectionContext:
    """Election mentions of one article and the rules that give a figure its election."""

    def __init__(self, text, sentences, mask, published, date_matches=()):
        self.text = text
        self.sentences = sentences
        self.mentions = find_mentions(text, sentences, mask, published)
        self.published_year = published.year if published else None
        # without a publication date, a name without a year takes the year its kind is named with in the body
        # ("dibanding Pilkada Garut 2018" is the one compared with: its year is not this article's)
        self.named_years = {} if published else _named_years(
            [m for m in self.mentions if not self._compared_with(m)])
        self.paragraph_starts = _paragraph_starts(text, sentences)
        self.mask = mask
        self.named_in: dict[int, list[ElectionMention]] = {}
        for m in self.mentions:
            self.named_in.setdefault(m.sentence, []).append(m)
        self.dates_in: dict[int, list] = {}
        for d in date_matches:
            self.dates_in.setdefault(sentence_index(sentences, d.start()), []).append(d)
        self._in_sentence: dict[int, list[ElectionMention]] = {}
        current = self._own_election()
        self.current = (current.label or self._with_published(current.kind)) if current else None
        if current and current.year and self.published_year and abs(current.year - self.published_year) > 1:
            self.current = self._with_published(current.kind)  # "kini", "Selasa (8/10)": the present, not 2020
        lead = self._lead_election()
        chosen = lead or current
        self.default_kind = chosen.kind if chosen else None
        self.default = (chosen.label or self._with_published(chosen.kind)) if chosen else None

    def _all_in(self, sentence: int) -> list[ElectionMention]:
        """Named elections, bare years and words for the present in one sentence (found when first asked:
        most sentences never hold a figure)."""
        if sentence not in self._in_sentence:
            named = self.named_in.get(sentence, [])
            markers = find_time_markers(self.text, self.sentences, sentence, named, self.dates_in.get(sentence, ()))
            self._in_sentence[sentence] = sorted(named + markers, key=lambda m: m.start) if self.mask[sentence] else []
        return self._in_sentence[sentence]

    def _own_election(self) -> Optional[ElectionMention]:
        """The election the article reports now: with a publication date, one dated that year (or a year
        either side), else one named without a year; without it, the first specific mention.
        ("pemilu" alone is generic and only counts when nothing else is named.)"""
        specific = [m for m in self.mentions if m.year or not m.generic]
        if self.published_year and specific:
            near = [m for m in specific if m.year and abs(m.year - self.published_year) <= 1]
            yearless = [m for m in specific if not m.year]
            if near or yearless:
                return (near or yearless)[0]
        return (specific or self.mentions or [None])[0]

    def _lead_election(self) -> Optional[ElectionMention]:
        """The election the lead paragraph is about ("Lima tahun lalu, Pileg 2019 ..." is a look back): one of
        the publication's time if the lead names one ("Belajar dari Pemilu 2019, ... Pemilu 2024"), else its
        first specific election that is not the one compared with."""
        if not self.mentions:
            return None
        paragraph = self._paragraph_start(self.mentions[0].sentence)
        if len(set(self.paragraph_starts[:paragraph + 1])) > LEAD_PARAGRAPHS:
            return None  # no election in the lead: the article's own election decides
        lead = [m for m in self.mentions if self._paragraph_start(m.sentence) == paragraph
                and (m.year or not m.generic) and not self._compared_with(m)]
        current = [m for m in lead if self.published_year and (not m.year or abs(m.year - self.published_year) <= 1)]
        return (current or lead or [None])[0]

    def _with_published(self, kind) -> Optional[str]:
        year = self.published_year or self.named_years.get(kind)
        return f"{kind} {year}" if year and kind else None

    def dated_in(self, sentence: int) -> bool:
        """Whether the sentence dates what it says: an election with its year, a bare year or "sekarang"."""
        return any(m.year or m.marker in ("now", "day") for m in self._all_in(sentence))

    def for_position(self, sentence: int, offset: int) -> Optional[str]:
        """The election of a figure written at `offset` in sentence number `sentence`."""
        here = [m for m in self._all_in(sentence) if not self._compared(offset, m)]
        clause_start, clause_end = self._clause(sentence, offset)
        in_clause = [m for m in here if clause_start <= m.start < clause_end]
        dated_clause = [m for m in in_clause if m.year]  # "7 kini inkrah" of "Pileg 2019": the year wins
        if not dated_clause and (own := self._yearless_in_clause(in_clause, here, offset)):
            return own  # "12 putusan untuk perkara pilkada" on "Sabtu (28/12)": the clause names its election
        named, years, now, days = _by_strength(here)
        for group in (dated_clause, [m for m in in_clause if m.marker == "now"], named, years,
                      self._then(here, sentence), now, days):
            if group:
                return self._label(min(group, key=lambda m: _distance(m, offset)), group[0].sentence)
        yearless = [m for m in here if not m.generic and not m.marker]
        if yearless and yearless[0].kind != self.default_kind:
            return self._with_published(yearless[0].kind)
        earlier = self._earlier_in_paragraph(sentence)
        if earlier and not (yearless and yearless[0].kind != earlier.kind):
            return self._label(earlier, earlier.sentence)
        return self.default

    def _yearless_in_clause(self, in_clause, here, offset) -> Optional[str]:
        """The election a clause names without a year ("untuk perkara pilkada"): dated by a name of that kind
        in the sentence, else by the publication year; None where the clause names none."""
        yearless = [m for m in in_clause if not m.year and not m.generic and not m.marker]
        if not yearless or any(m.marker in ("year", "then") for m in here):
            return None  # "Saat itu ... menggelar pilkada", "Pada 2020 ... pilkada": the time named dates it
        kind = min(yearless, key=lambda m: _distance(m, offset)).kind
        same = [m for m in here if m.year and not m.marker and m.kind == kind]
        return min(same, key=lambda m: _distance(m, offset)).label if same else self._with_published(kind)

    def _then(self, here: list[ElectionMention], sentence: int) -> list[ElectionMention]:
        """'Ketika itu, ... 18 perkara': the last election dated before this sentence, even the one that the
        sentence before compared with."""
        if not any(m.marker == "then" for m in here):
            return []
        for idx in range(sentence - 1, -1, -1):
            dated = [m for m in self._all_in(idx) if m.year]
            if dated:
                return dated[-1:]
        return []

    def _earlier_in_paragraph(self, sentence: int) -> Optional[ElectionMention]:
        """The election that the nearest earlier sentence of the paragraph is about ("Kami berkaca pada
        Pilkada 2020. Saat itu ... 57 dugaan politik uang")."""
        paragraph = self._paragraph_start(sentence)
        for idx in range(sentence - 1, paragraph - 1, -1):
            candidates = [m for m in self._all_in(idx) if not self._compared_with(m)]
            for group in _by_strength(candidates):
                if group:  # the last one named is the one the next sentence goes on about ("Saat itu, ...")
                    return group[-1]
        return None

    def _label(self, mention: ElectionMention, sentence: int) -> Optional[str]:
        if mention.marker in ("now", "day"):
            return self.current
        if mention.marker == "year":
            return f"{kind} {mention.year}" if (kind := self._kind_of_year(mention, sentence)) else None
        return mention.label

    def _kind_of_year(self, mention: ElectionMention, sentence: int) -> Optional[str]:
        """'Pada 2018, tercatat 42 kasus': the kind of an election named with that year elsewhere, else of the
        nearest specific one in the sentence, else the article's."""
        same_year = [m for m in self.mentions if m.year == mention.year]
        if same_year:
            return min(same_year, key=lambda m: _distance(m, mention.start)).kind
        named = [m for m in self._all_in(sentence) if not m.marker and not m.generic]
        return min(named, key=lambda m: _distance(m, mention.start)).kind if named else self.default_kind

    def _paragraph_start(self, sentence: int) -> int:
        """Index of the first sentence of the paragraph holding `sentence`."""
        return self.paragraph_starts[sentence]

    def _clause(self, sentence: int, offset: int) -> tuple[int, int]:
        """The clause of the sentence around `offset`: cut at ";" and before "sedangkan", "padahal", ..."""
        start, end = self.sentences[sentence]
        clause_start, clause_end = start, end
        for m in _clause_breaks().finditer(self.text, start, end):
            if m.end() <= offset:
                clause_start = m.end()
            elif m.start() >= offset:
                clause_end = m.start()
                break
        return clause_start, clause_end

    def _compared(self, offset: int, mention: ElectionMention) -> bool:
        """'27 ASN, naik dari 19 ASN pada Pemilu 2019': the election after a comparison word is not the one
        of a figure written before that word ("dibanding Pilkada 2018 yang hanya 4 kasus" is, after it);
        'selama Pemilu 2024, turun dari 71 laporan': nor is an election before a comparison word the one of
        the figure compared after it."""
        if mention.marker == "now" or mention.marker == "day":
            return False
        if offset < mention.start:
            return bool(_compare_words().search(self.text, offset, mention.start))
        return bool(_compare_words(backward=True).search(self.text, mention.end, offset))

    def _compared_with(self, mention: ElectionMention) -> bool:
        """'melonjak dibandingkan Pilkada 2020': a comparison word right before the name."""
        start = max(self.sentences[mention.sentence][0], mention.start - COMPARED_WITHIN)
        return bool(_compare_words().search(self.text, start, mention.start))


def _paragraph_starts(text, sentences) -> list[int]:
    """For each sentence, the index of the first sentence of its paragraph (a line break ends a paragraph)."""
    starts, first = [], 0
    for idx in range(len(sentences)):
        if idx and "\n" in text[sentences[idx - 1][1]:sentences[idx][0]]:
            first = idx
        starts.append(first)
    return starts


def _named_years(mentions) -> dict[str, int]:
    """Kind -> the year the article most often names it with ("Pilgub Papua Pegunungan ... Pilkada 2024");
    the later year on a tie."""
    years: dict[str, list[int]] = {}
    for m in mentions:
        if m.year and not m.marker:
            years.setdefault(m.kind, []).append(m.year)
    return {kind: max(set(ys), key=lambda y: (ys.count(y), y)) for kind, ys in years.items()}


def _by_strength(mentions: list[ElectionMention]) -> tuple[list[ElectionMention], ...]:
    """Dated election names, bare years, words for the present, then recent days (a quote's "Senin (21/10)"
    dates the statement more often than the count)."""
    return ([m for m in mentions if m.year and not m.marker], [m for m in mentions if m.marker == "year"],
            [m for m in mentions if m.marker == "now"], [m for m in mentions if m.marker == "day"])


def _distance(mention: ElectionMention, offset: int) -> int:
    return min(abs(mention.start - offset), abs(mention.end - offset))


@functools.lru_cache(maxsize=None)
def _clause_breaks() -> re.Pattern:
    return re.compile(r";|,?\s+(?=" + alternation(w for w, role in read_rows("figure_words.tsv") if role == "clause")
                      + r"(?![\w-]))", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _compare_words(backward: bool = False) -> re.Pattern:
    """Comparison words; looking back from a figure, "sebelumnya" is no comparison ("Pada Pemilu 2024,
    Bawaslu sebelumnya mencatat 50 kasus")."""
    found = [w for w, role in read_rows("figure_words.tsv")
             if role == "compare" and not (backward and w == "sebelumnya")]
    return re.compile(r"(?<![\w-])" + alternation(found) + r"(?![\w-])", re.IGNORECASE)