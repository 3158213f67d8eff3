"""Decide whether an article reports on election violations or neutrality, with reasons (GUIDELINES: flag)."""
from __future__ import annotations

import functools
import logging

from nlp.lexicon import read_rows
from nlp.facts import FlagReason
from nlp.cue_phrases import PhraseMatcher
from nlp.sentences import reporting_mask, sentence_index

LOG = logging.getLogger(__name__)

THRESHOLD = 7  # e.g. "netralitas" + "pelanggaran" + one more, or one strong cue in the lead plus two weak ones
LEAD_SENTENCES = 3  # cues in the opening sentences say what the article is about
LEAD_BONUS = 2
FIGURE_BONUS = 1  # a violation figure with a kind of violation next to it
ELECTION_MIN = 2  # weight of distinct election cues needed before violation cues count


@functools.lru_cache(maxsize=None)
def _matcher() -> PhraseMatcher:
    return PhraseMatcher((phrase, (cue, int(weight), group))
                         for cue, weight, group, phrases in read_rows("flag_cues.tsv")
                         for phrase in phrases.split("|"))


def decide_flag(text, sentences, figures) -> tuple[bool, list[FlagReason]]:
    """(flag, reasons): reasons name every distinct cue that fired, where it was first seen."""
    score, reasons, election = flag_score(text, sentences, figures)
    flag = election and score >= THRESHOLD
    LOG.debug("flag=%s score=%s cues=%s", flag, score, [r.cue for r in reasons])
    return flag, reasons if flag else []


def could_flag(text, sentences) -> bool:
    """Whether the flag can be true at all, before figures are known (the figure bonus at most adds
    FIGURE_BONUS): an article that cannot be flagged needs no figure search."""
    score, _, election = flag_score(text, sentences, [])
    return election and score + FIGURE_BONUS >= THRESHOLD


_LAST_HITS: list = [None, None]


def _cue_hits(text) -> list:
    """(start, end, payload) of every cue phrase of `text` (cached: could_flag and decide_flag share them)."""
    if _LAST_HITS[0] is not text:
        _LAST_HITS[:] = [text, list(_matcher().find(text))]
    return _LAST_HITS[1]


def cue_starts(text) -> list[int]:
    """Sorted start offsets of every flag cue (election or violation word) in `text`."""
    return sorted(start for start, _, _ in _cue_hits(text))


def flag_score(text, sentences, figures) -> tuple[int, list[FlagReason], bool]:
    """(violation score, reasons, whether the article speaks of an election)."""
    mask = reporting_mask(text, sentences)
    seen: set[str] = set()
    election = score = 0
    lead_hit = False
    reasons: list[FlagReason] = []
    for start, end, (cue, weight, group) in _cue_hits(text):
        idx = sentence_index(sentences, start)
        if idx < 0 or not mask[idx] or (cue, group) in seen:
            continue
        seen.add((cue, group))
        if group == "election":
            election += weight
            continue
        score += weight
        lead_hit = lead_hit or (idx < LEAD_SENTENCES and weight >= 2)
        reasons.append(FlagReason(cue=text[start:end], sentence=idx, start=start, end=end))
    score += LEAD_BONUS if lead_hit else 0
    score += FIGURE_BONUS if any(f.violation for f in figures) else 0
    return score, reasons, election >= ELECTION_MIN
