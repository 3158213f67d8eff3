"""Near-duplicate fingerprint of an article body (syndicated copies across outlets share it)."""
from __future__ import annotations

from typing import Optional

from trafilatura.deduplication import Simhash

MIN_CHARS = 100
SAMPLE_CHARS = 20_000  # the start of a long text fingerprints it well enough, at bounded cost


def simhash(text: str) -> Optional[str]:
    """64-bit Charikar simhash (trafilatura's) as hex; None for bodies too short to compare."""
    if not text or len(text) < MIN_CHARS:
        return None
    return Simhash(text[:SAMPLE_CHARS]).to_hex()


def similarity(first: str, second: str) -> float:
    """Share of equal bits of two hex fingerprints (1.0 = same text, > 0.9 = near duplicate)."""
    return Simhash(existing_hash=first).similarity(Simhash(existing_hash=second))
