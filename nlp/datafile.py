"""Read the language data files in nlp/data (comment lines start with '#')."""
from __future__ import annotations

import functools
import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@functools.lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Non-blank, non-comment lines of nlp/data/<name>, split on tabs."""
    rows = []
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def read_words(name: str) -> list[str]:
    """First column of every row of nlp/data/<name>."""
    return [row[0] for row in read_rows(name)]


def alternation(words, plural_suffix: str = "") -> str:
    """A regex alternation of literal words, longest first, so 'Pilkada Serentak' beats 'Pilkada'."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") + plural_suffix for w in ordered) + ")"
