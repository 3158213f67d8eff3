"""Numbers that count election violations, with unit, violation, election and approx (GUIDELINES: figures)."""
from __future__ import annotations

import bisect
import functools
import logging
import re
from typing import Optional

from nlp.date_patterns import find_date_matches
from nlp.lexicon import alternation, read_rows
from nlp.elections import ElectionContext
from nlp.facts import ViolationFigure
from nlp.flag import cue_starts
from nlp.figure_rules import (bare_count_follows, case_noun_offsets, is_approx, is_breakdown, is_kinds_list,
                              in_audience, is_label, is_reference, mentions_role, on_duty,
                              unit_after, words)
from nlp.numbers import NumberMention, find_numbers
from nlp.sentences import reporting_mask

LOG = logging.getLogger(__name__)

VIOLATION_AFTER = 60  # characters after a figure's noun where its kind of violation is usually named

_TEXT_TAIL = re.compile(r"[^.,;:!?\"“”\n\d]{0,60}")  # stops before the next count
# "ARGA MAKMUR –", "BENGKULU, Kompas -": a paragraph that opens a story of its own
_DATELINE = re.compile(r"[A-Z][A-Z.' ]{2,30}(?:,[^\n–—-]{0,40})?\s+[–—-]\s")
_LIST_JOIN = re.compile(r"[^\d.;:!?\n]*(?:,|\bdan|\bserta|\bsisanya)\s*$", re.IGNORECASE)
LIST_GAP = 60  # characters between two counts of one list
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
    last_sentence_with_figure = -5
    case_at = case_noun_offsets(text)
    for idx, numbers in by_sentence:
        start, end = sentences[idx]
        sentence = text[start:end]
        case_noun = _any_between(case_at, start, end)
        follows_figure = idx - last_sentence_with_figure <= 1
        context = case_noun or follows_figure or _any_between(case_at, *sentences[_previous(mask, idx)])
        breakdown = follows_figure and is_breakdown(sentence)
        for num in numbers:
            found = _figure(text, num, idx, start, end, sentence, (context, case_noun or breakdown), figures)
            if found and _other_story(text, num.start):
                continue  # "64 kasus demam berdarah" in a round-up: a story that never speaks of elections
            if found:
                figure, bare = found
                context = True
                elections = elections or ElectionContext(text, sentences, mask, published, date_matches)
                if bare and figures and not elections.dated_in(idx):
                    figure.election = figures[-1].election  # "1.605 di antaranya": part of the count before
                else:
                    figure.election = elections.for_position(idx, num.start)
                figures.append(figure)
                last_sentence_with_figure = idx
    _fill_violations(text, sentences, figures)
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


def _figure(text, num: NumberMention, idx, start, end, sentence, clues, previous) -> Optional[tuple]:
    """(the figure `num` writes, whether its noun is only implied) or None.
    clues: (a count is under way nearby, the sentence names cases)."""
    context, case_noun = clues
    unit, unit_class, unit_end = unit_after(text, num, end)
    if unit_class == "no" or is_reference(text, num, start, end):
        return None
    if num.kind == "collective" and unit_class not in ("case", "people"):
        return None  # "Kedua, ..." is an enumeration; "kelima kades" counts
    if unit_class == "case":
        if is_kinds_list(text, unit_end, num.value, end):
            return None
    elif unit_class == "people":
        if not (case_noun or mentions_role(sentence, "violation")) or on_duty(text, unit_end, end) \
                or in_audience(text, num, start):
            return None
    elif unit_class == "percent":
        if not (case_noun or mentions_role(sentence, "violation")) or mentions_role(sentence, "pay"):
            return None
    else:
        if (num.kind == "digits" and num.text[-1].isalpha()) or is_label(text, num, start):
            return None  # "Rp 2 juta": a scaled number needs its noun; "TPS 12" is a name
        if not (context and (bare_count_follows(text, num, end) or _continues_list(text, num, idx, previous)
                             or _kind_follows(text, num))):
            return None
        unit = _inherited_unit(previous)
    approx, text_start = is_approx(text, num, start, unit_end)
    tail = _TEXT_TAIL.match(text, unit_end, end)
    text_end = unit_end
    if tail and unit_class is None:  # a bare count: keep the words that say what it counts
        words = tail.group(0).rsplit(" ", 1)[0] if tail.end() < end else tail.group(0)
        text_end = unit_end + len(_LOOSE_END.sub("", words))
    figure = ViolationFigure(
        value=num.value, text=text[text_start:text_end].strip(), unit=unit, approx=approx,
        sentence=idx, start=text_start, end=text_end)
    return figure, unit_class is None


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


def _fill_violations(text, sentences, figures):
    """Kind of violation: the one named right after the figure, else the last one before it in its sentence."""
    found_in = {}
    for fig in figures:
        if fig.sentence not in found_in:
            s, e = sentences[fig.sentence]
            found_in[fig.sentence] = _violations_in(text, s, e)
    for fig in figures:
        here = found_in[fig.sentence]
        after = [(p, n) for p, n in here if fig.start < p <= fig.end + VIOLATION_AFTER]
        before = [(p, n) for p, n in here if p <= fig.start]
        if after:  # "lima dugaan pelanggaran netralitas ASN, tiga laporan kode etik": the kind follows
            fig.violation = min(after)[1]
        elif before:
            fig.violation = max(before)[1]
        else:
            fig.violation = None  # "pelanggaran pemilu" alone names no kind


def _violations_in(text, start, end) -> list[tuple[int, str]]:
    regex, names = _violation_types()
    return [(m.start(), names[int(m.lastgroup[1:])]) for m in regex.finditer(text, start, end)]
