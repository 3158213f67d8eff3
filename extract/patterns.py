"""Load the language data files in extract/data/ (one pattern or word a line, '#' comments)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of extract/data/NAME, stripped."""
    lines = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return tuple(lines)


@lru_cache(maxsize=None)
def load_regexes(name: str) -> tuple[re.Pattern, ...]:
    """Each line of the file compiled as a case-insensitive regular expression."""
    return tuple(re.compile(line, re.I) for line in load_lines(name))


@lru_cache(maxsize=None)
def load_alternation(name: str, wrap: str = "{}") -> re.Pattern:
    """All lines of the file as one case-insensitive alternation, placed into WRAP."""
    body = "|".join(f"(?:{line})" for line in load_lines(name))
    return re.compile(wrap.format(f"(?:{body})"), re.I)


@lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """The lines of the file as a lower-cased word set."""
    return frozenset(line.lower() for line in load_lines(name))
