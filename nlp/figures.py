"""Numbers that count election violations, with unit, violation, election and approx (GUIDELINES: figures)."""
from __future__ import annotations

import bisect
import dataclasses
import functools
import logging
import re
from typing import Optional

from nlp.date_patterns import find_date_matches
from nlp.lexicon import alternation, read_rows
from nlp.elections import ElectionContext
from nlp.facts import ViolationFigure
from nlp.flag import cue_starts
from nlp.figure_parts import (counts_crowd, harmed, is_part, opens_group_parts, opens_list_item, speaks_of_pay,
                               undergoes, violation_offsets, voters_misused)
from nlp.figure_rules import (bare_count_follows, case_noun_offsets, is_approx, is_breakdown, is_kinds_list,
                              in_audience, is_label, is_reference, noun_class_at, on_duty, unit_after, words)
from nlp.numbers import NumberMention, find_numbers
from nlp.sentences import reporting_mask

LOG = logging.getLogger(__name__)

VIOLATION_AFTER = 60  # characters after a figure's noun where its kind of violation is usually named

_TEXT_TAIL = re.compile(r"[^.,;:!?\"“”\n\d]{0,60}")  # stops before the next count
# "ARGA MAKMUR –", "BENGKULU, Kompas -": a paragraph that opens a story of its own
_DATELINE = re.compile(r"[A-Z][A-Z.' ]{2,30}(?:,[^\n–—-]{0,40})?\s+[–—-]\s")
_LIST_JOIN = re.compile(r"[^\d.;:!?\n]*(?:,|\bdan|\bserta|\bsisanya)\s*$", re.IGNORECASE)
LIST_GAP = 60  # characters between two counts of one list
PART_REACH = 3  # sentences after a figure within which "dua di antaranya" still splits its group
_LOOSE_END = re.compile(r"(?:\s+(?:dan|yang|atau|serta|di|ke|dari|oleh|untuk|dengan))+\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _violation_types() -> tuple[re.Pattern, list[str]]:
    """One regex with a group per row of violation_types.tsv (earlier rows win), and the rows' names."""
    rows = read_rows("violation_types.tsv")
    regex = re.compile(r"\b(?:" + "|".join(f"(?P<v{i}>{rx})" for i, (rx, _) in enumerate(rows)) + r")\b",
                       re.IGNORECASE)
    return regex, [name for _, name in rows]


def find_figures(text, sentences, published) -> list[ViolationFigure]:
    """Every violation-counting number of the reporting sentences, in text order."""
    mask = reporting_mask(text, sentences)
    date_matches = find_date_matches(text)
    by_sentence = _numbers_by_sentence(text, sentences, mask, date_matches)
    if not by_sentence:
        return []
    elections = None  # built on the first figure: most articles with numbers count no violations
    figures: list[ViolationFigure] = []
    parts: set[int] = set()
    last_sentence_with_figure = -5
    case_at = case_noun_offsets(text)
    for idx, numbers in by_sentence:
        start, end = sentences[idx]
        sentence = text[start:end]
        case_noun = _any_between(case_at, start, end)
        follows_figure = idx - last_sentence_with_figure <= 1
        before = sentences[_previous(mask, idx)]
        context = case_noun or follows_figure or _any_between(case_at, *before)
        breakdown = follows_figure and is_breakdown(sentence)
        clues = _Clues(context, case_noun or breakdown, idx - last_sentence_with_figure <= PART_REACH,
                       follows_figure and (breakdown or opens_group_parts(sentence)), text, (start, end), before)
        rejected = None  # the count before in this sentence, when it was no figure
        for num in numbers:
            found = _figure(text, num, idx, start, end, sentence, clues, figures, rejected)
            rejected = None if found else num
            if not found:
                continue
            if _other_story(text, num.start):
                continue  # "64 kasus demam berdarah" in a round-up: a story that never speaks of elections
            if found:
                figure, bare = found  # bare: its noun is implied, or it is a part of the group before
                clues.context = True
                elections = elections or ElectionContext(text, sentences, mask, published, date_matches)
                if bare and figures and not elections.dated_in(idx):
                    figure.election = figures[-1].election  # "1.605 di antaranya": part of the count before
                else:
                    figure.election = elections.for_position(idx, num.start)
                figures.append(figure)
                if bare:
                    parts.add(len(figures) - 1)
                last_sentence_with_figure = idx
    _fill_violations(text, sentences, figures, parts)
    return figures


def _numbers_by_sentence(text, sentences, mask, date_matches) -> list[tuple[int, list[NumberMention]]]:
    """(sentence index, its numbers outside dates) for the reporting sentences that write numbers at all."""
    numbers = find_numbers(text)
    if not numbers:
        return []
    dates = [d.span() for d in date_matches if d.kind not in ("relative", "weekday", "weekday_rel")]
    starts = [s for s, _ in sentences]
    grouped: dict[int, list[NumberMention]] = {}
    for num in numbers:
        idx = bisect.bisect_right(starts, num.start) - 1
        if idx >= 0 and num.end <= sentences[idx][1] and mask[idx] and not _inside(dates, num.start):
            grouped.setdefault(idx, []).append(num)
    return sorted(grouped.items())


def _previous(mask, idx) -> int:
    """The reporting sentence before sentence `idx` (itself if there is none)."""
    prev = idx - 1
    while prev >= 0 and not mask[prev]:
        prev -= 1
    return prev if prev >= 0 else idx


def _other_story(text, offset) -> bool:
    """Whether `offset` lies in a later dateline paragraph of a round-up ("KETAHUN – ...", a story of its
    own) that holds no election or violation word."""
    start = text.rfind("\n", 0, offset) + 1
    if not start or not text[:start].strip() or not _DATELINE.match(text, start):
        return False
    end = text.find("\n", offset)
    return not _any_between(cue_starts(text), start, len(text) if end < 0 else end)


def _any_between(offsets: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


@dataclasses.dataclass
class _Clues:
    """What the sentence of a count and the sentences before it say."""
    context: bool  # a count is under way nearby
    case_noun: bool  # the sentence names cases, or breaks down the count just reported
    recent: bool  # a figure was reported within PART_REACH sentences
    group_parts: bool  # the sentence splits the figure before: "Dari 19 itu, tujuh ...", "Rinciannya 20 guru, ..."
    text: str  # the article
    span: tuple  # the sentence
    before: tuple  # the reporting sentence before it

    @functools.cached_property
    def violation(self) -> bool:
        """The sentence speaks of a violation (looked up only for counts of people and percentages)."""
        return _any_between(violation_offsets(self.text), *self.span)

    @functools.cached_property
    def near_violation(self) -> bool:
        """The sentence, or the one before, speaks of a violation."""
        return self.violation or _any_between(violation_offsets(self.text), *self.before)


def _figure(text, num: NumberMention, idx, start, end, sentence, clues: _Clues, previous,
            rejected: Optional[NumberMention] = None) -> Optional[tuple]:
    """(the figure `num` writes, whether its noun is only implied or it is a part of a group) or None.
    rejected: the count before in the sentence, when it was no figure."""
    unit, unit_class, unit_end = unit_after(text, num, end)
    if unit_class == "no" or is_reference(text, num, start, end):
        return None
    if num.kind == "collective" and unit_class not in ("case", "people", "staff"):
        return None  # "Kedua, ..." is an enumeration; "kelima kades" counts
    part = is_part(text, num, unit_end, start)
    if part and rejected and unit_after(text, rejected, end)[1] is not None:
        return None  # "894 petugas meninggal dan 5.175 lainnya sakit": the part of no figure is none
    part = part and clues.recent
    if unit_class is None:
        if not _bare_count(text, num, idx, start, end, clues, previous, part):
            return None
        unit = _inherited_unit(previous)
    elif not _counted(text, num, (unit_class, unit_end), start, end, sentence, clues, part):
        return None
    approx, text_start = is_approx(text, num, start, unit_end)
    tail = _TEXT_TAIL.match(text, unit_end, end)
    text_end = unit_end
    if tail and unit_class is None:  # a bare count: keep the words that say what it counts
        words = tail.group(0).rsplit(" ", 1)[0] if tail.end() < end else tail.group(0)
        text_end = unit_end + len(_LOOSE_END.sub("", words))
    figure = ViolationFigure(
        value=num.value, text=text[text_start:text_end].strip(), unit=unit, approx=approx,
        sentence=idx, start=text_start, end=text_end)
    return figure, unit_class is None or part


def _counted(text, num, unit, start, end, sentence, clues: _Clues, part) -> bool:
    """Whether a count with its noun (class, end offset) counts violations or the people involved."""
    unit_class, unit_end = unit
    if unit_class == "case":
        return not is_kinds_list(text, unit_end, num.value, end)
    if unit_class == "percent" and noun_class_at(text, unit_end, end) == "case":
        return True  # "31,4 persen temuan", "30 persen laporan": a share of the cases themselves
    if unit_class == "percent":
        return (part or clues.case_noun or clues.violation) and not speaks_of_pay(sentence)
    if on_duty(text, unit_end, end) or harmed(text, unit_end, end) or in_audience(text, num, start):
        return False  # "250 personel dikerahkan", "894 petugas meninggal", "di hadapan 300 kades"
    if unit_class == "voter":
        return voters_misused(text, unit_end, end)
    if unit_class == "staff":  # officers count only where their own sentence speaks of a violation
        return part or clues.case_noun or clues.violation
    if part or clues.case_noun or clues.violation:
        return True
    # only the sentence before tells: the people must undergo what it speaks of, not be a crowd
    return clues.near_violation and undergoes(text, num, unit_end, start) and not counts_crowd(text, num, start)


def _bare_count(text, num, idx, start, end, clues: _Clues, previous, part) -> bool:
    """Whether a count without its noun counts the things of a figure near it ('lima di antaranya')."""
    if (num.kind == "digits" and num.text[-1].isalpha()) or is_label(text, num, start):
        return False  # "Rp 2 juta": a scaled number needs its noun; "TPS 12" is a name
    if part or clues.group_parts and opens_list_item(text, num, start):
        counted = True  # "dua di antaranya guru"; "Dari 19 itu, tujuh ..., lima ..."
    elif num.kind == "reduplicated":
        counted = clues.recent  # "Dua-duanya sudah kami klarifikasi": both of those just named in a count's story
    else:
        counted = clues.context and (bare_count_follows(text, num, end) or _kind_follows(text, num)
                                     or _continues_list(text, num, idx, previous))
    return counted and not harmed(text, num.end, end)


def _continues_list(text, num: NumberMention, idx, previous) -> bool:
    """'11 pelanggaran administrasi, 9 pidana, dan sisanya 10 kode etik': a count in a list right after a
    figure of its sentence, followed by a kind of violation, shares that figure's noun."""
    if not previous or previous[-1].sentence != idx or not 0 <= num.start - previous[-1].end <= LIST_GAP:
        return False
    return bool(_LIST_JOIN.match(text, previous[-1].end, num.start)) and text[num.end:num.end + 1] == " " and bool(
        _violation_types()[0].match(text, num.end + 1) or _kind_words().match(text, num.end + 1))


@functools.lru_cache(maxsize=None)
def _kind_words() -> re.Pattern:
    return re.compile(alternation(words("kind")) + r"(?![\w-])", re.IGNORECASE)


def _kind_follows(text, num: NumberMention) -> bool:
    """'41 kampanye di luar jadwal, 23 politik uang': a count right before a specific kind of violation
    ("3 kampanye akbar" is no violation: plain "kampanye" does not count here)."""
    m = _violation_types()[0].match(text, num.end + 1) if text[num.end:num.end + 1] == " " else None
    return bool(m) and _violation_types()[1][int(m.lastgroup[1:])] != "kampanye"


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def _inherited_unit(previous: list[ViolationFigure]) -> Optional[str]:
    return previous[-1].unit if previous else None


def _fill_violations(text, sentences, figures, parts=frozenset()):
    """Kind of violation: the one named right after the figure, else the last one before it in its sentence,
    else, for a part of a group (`parts`: indexes), the kind of the figure before ("dua di antaranya guru")."""
    found_in = {}
    for fig in figures:
        if fig.sentence not in found_in:
            s, e = sentences[fig.sentence]
            found_in[fig.sentence] = _violations_in(text, s, e)
    for i, fig in enumerate(figures):
        here = found_in[fig.sentence]
        after = [(p, n) for p, n in here if fig.start < p <= fig.end + VIOLATION_AFTER]
        before = [(p, n) for p, n in here if p <= fig.start]
        if after:  # "lima dugaan pelanggaran netralitas ASN, tiga laporan kode etik": the kind follows
            fig.violation = min(after)[1]
        elif before:
            fig.violation = max(before)[1]
        else:
            fig.violation = figures[i - 1].violation if i in parts and i else None  # "pelanggaran" names no kind


def _violations_in(text, start, end) -> list[tuple[int, str]]:
    regex, names = _violation_types()
    return [(m.start(), names[int(m.lastgroup[1:])]) for m in regex.finditer(text, start, end)]
