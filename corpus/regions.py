"""The region in an institution name ("Bawaslu Kabupaten Sleman" -> "Sleman"), for the --region filter."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Optional

DATA_DIR = Path(__file__).with_name("data")


def _lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]]:
    bodies = tuple(sorted((tuple(b.split()) for b in _lines("institution_bodies.txt")), key=len, reverse=True))
    return frozenset(_lines("region_words.txt")), bodies, frozenset(_lines("national_regions.txt"))


@functools.lru_cache(maxsize=65536)
def region_of(name: Optional[str]) -> Optional[str]:
    """The bare region name an institution name ends with, or None for national or unknown ones."""
    if not name:
        return None
    words = name.split()
    lowered = [w.lower() for w in words]
    admin_words, bodies, national = _vocabulary()
    for i, word in enumerate(lowered):
        if word in admin_words and i + 1 < len(words):
            return " ".join(words[i + 1:])
    for body in bodies:
        if tuple(lowered[: len(body)]) == body and len(words) > len(body):
            rest = " ".join(words[len(body):])
            return None if rest.lower() in national else rest
    return None


def region_query(text: str) -> str:
    """What a user typed as --region, in the stored form ('Kabupaten Sleman' -> 'Sleman')."""
    words = text.split()
    admin_words, _, _ = _vocabulary()
    while len(words) > 1 and words[0].lower() in admin_words:
        words = words[1:]
    return " ".join(words)
