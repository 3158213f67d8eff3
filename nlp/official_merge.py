"""One entry per person: merge full and surname-only mentions, collect every mention span."""
from __future__ import annotations

import re
from typing import Callable

from nlp.facts import Official, Span


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s.]+", name.lower()) if w]


def _close(a: str, b: str) -> bool:
    """Same word, or one letter apart in a long word ('Djuhandhani' / 'Djuhandani'), or a prefix ('Purnomo')."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)):
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def same_person(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and all(any(_close(w, x) for x in long_) for w in short)


def merge_officials(found: list[Official], text: str, locate: Callable[[int], int]) -> list[Official]:
    merged: list[Official] = []
    for o in found:
        for m in merged:
            if same_person(o.name, m.name):
                if len(_words(o.name)) > len(_words(m.name)):
                    m.name = o.name
                if o.position and (not m.position or len(o.position) < len(m.position)):
                    m.position = o.position
                if m.institution is None:
                    m.institution = o.institution
                m.mentions.extend(o.mentions)
                break
        else:
            merged.append(Official(o.name, o.position, o.institution, list(o.mentions)))
    _add_surname_mentions(merged, text, locate)
    return merged


def _add_surname_mentions(officials: list[Official], text: str, locate) -> None:
    """Later mentions by one part of the name ('Bagja') become mentions of the person too."""
    owner: dict[str, Official] = {}
    for o in officials:
        for w in re.findall(r"\w[\w'’-]{2,}", o.name):
            owner.setdefault(w, o)
    if not owner:
        return
    pat = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(owner, key=len, reverse=True)) + r")\b")
    for o in officials:
        o.mentions.sort(key=lambda s: s.start)
    for m in pat.finditer(text):
        o = owner[m.group(1)]
        if any(s.start <= m.start() < s.end for s in o.mentions):
            continue
        o.mentions.append(Span(locate(m.start()), m.start(), m.end()))
    for o in officials:
        o.mentions.sort(key=lambda s: s.start)
