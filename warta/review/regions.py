"""Region names for the queue filter, read off regional units' names ("Bawaslu Kota Probolinggo")."""
from __future__ import annotations

import functools
from pathlib import Path

MARKERS_FILE = Path(__file__).with_name("data") / "region_markers.txt"


@functools.lru_cache(maxsize=1)
def region_markers() -> frozenset[str]:
    lines = MARKERS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def region_of(institution: str) -> str | None:
    """The region part of a regional unit's name, from its marker word to the end; None for national bodies."""
    words = institution.split()
    for i, word in enumerate(words[1:], 1):
        if word in region_markers() and i + 1 < len(words):
            return " ".join(words[i:])
    return None


def region_values(institutions: list[str]) -> list[str]:
    return sorted({r for r in map(region_of, institutions) if r})
