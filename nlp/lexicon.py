"""Read the language data files that live in nlp/data/."""
from __future__ import annotations

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
