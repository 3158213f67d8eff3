"""Read the language data files that live in nlp/data/."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


@lru_cache(maxsize=None)
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of nlp/data/<name>, stripped."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of the tab-separated file nlp/data/<name> (comments and blank lines skipped)."""
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in read_lines(name))


@lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of nlp/data/<name> split on tabs, each cell stripped; empty trailing cells kept."""
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def read_words(name: str) -> list[str]:
    """First column of every row of nlp/data/<name>."""
    return [row[0] for row in read_rows(name)]


def alternation(words, plural_suffix: str = "") -> str:
    """A regex alternation of literal words, longest first, so 'Pilkada Serentak' beats 'Pilkada'."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") + plural_suffix for w in ordered) + ")"
