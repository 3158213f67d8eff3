"""Loads the demo site's language data (names, regions, calendar, story templates) from data/."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


def _lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


@dataclass(frozen=True)
class Region:
    kind: str  # "Kabupaten" or "Kota"
    name: str
    dateline: str
    province: str


@dataclass
class StoryKind:
    """One kind of story: header fields plus variant lines per part (title, lead, body, quote, close, caption)."""

    name: str
    section: str
    flag: bool
    tags: list[str]
    dateline: str | None = None
    parts: dict[str, list[str]] = field(default_factory=dict)


@functools.lru_cache(maxsize=None)
def calendar() -> tuple[dict[int, str], dict[int, str]]:
    """(weekday number -> name, month number -> name), Monday = 0."""
    weekdays, months = {}, {}
    for kind, number, name in _rows("calendar.tsv"):
        (weekdays if kind == "weekday" else months)[int(number)] = name
    return weekdays, months


@functools.lru_cache(maxsize=None)
def number_words() -> dict[int, str]:
    return {int(n): word for n, word in _rows("number_words.tsv")}


@functools.lru_cache(maxsize=None)
def regions() -> list[Region]:
    return [Region(*row) for row in _rows("regions.tsv")]


@functools.lru_cache(maxsize=None)
def sections() -> list[tuple[str, str, str]]:
    """(slug, label, description) for each site section, in menu order."""
    return [tuple(row) for row in _rows("sections.tsv")]


@functools.lru_cache(maxsize=None)
def word_list(name: str) -> list[str]:
    return _lines(name)


@functools.lru_cache(maxsize=None)
def story_kinds() -> list[StoryKind]:
    """Every story template file in data/stories, sorted by name so generation is deterministic."""
    return [_parse_story(path) for path in sorted((DATA_DIR / "stories").glob("*.txt"))]


def _parse_story(path: Path) -> StoryKind:
    header: dict[str, str] = {}
    parts: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        heading = re.match(r"^== (\w+)$", line)
        if heading:
            current = parts.setdefault(heading.group(1), [])
        elif current is None:
            key, _, value = line.partition(":")
            header[key.strip()] = value.strip()
        else:
            current.append(line.strip())
    missing = {"title", "lead", "body", "close"} - parts.keys()
    if missing:
        raise ValueError(f"{path}: story template lacks parts {sorted(missing)}")
    return StoryKind(
        name=path.stem,
        section=header["section"],
        flag=header.get("flag") == "true",
        tags=[t.strip() for t in header.get("tags", "").split(";") if t.strip()],
        dateline=header.get("dateline"),
        parts=parts,
    )
