"""Generates the demo site's news stories from the template files: varied, deterministic per (seed, index)."""
from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass, field

from warta.demosite import lexicon
from warta.demosite.fillers import make_fillers

LATEST_DAY = dt.date(2024, 11, 26)  # the eve of Pilkada Serentak polling day
STORIES_PER_DAY = 12
JAKARTA = dt.timezone(dt.timedelta(hours=7))
PERSON_SLOT = re.compile(r"\{p(\d)(_last)?\}")


@dataclass
class Story:
    index: int
    story_id: int
    kind: str
    section: str
    flag: bool
    title: str
    published: dt.datetime  # Asia/Jakarta time
    author: str
    editor: str
    dateline: str
    paragraphs: list[str]  # lead first, without the dateline
    caption: str
    tags: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slugify(self.title)

    @property
    def path(self) -> str:
        day = self.published
        return f"/read/{day.year}/{day.month:02d}/{day.day:02d}/{self.story_id}/{self.slug}"


def slugify(text: str, limit: int = 80) -> str:
    """'Bawaslu Demak Catat 12 Pelanggaran' -> 'bawaslu-demak-catat-12-pelanggaran'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "berita"


def _eligible(template: str, introduced: set[str]) -> bool:
    """A line may mention a person by family name only after the person was introduced by full name."""
    full = {m.group(1) for m in PERSON_SLOT.finditer(template) if not m.group(2)}
    short = {m.group(1) for m in PERSON_SLOT.finditer(template) if m.group(2)}
    return short <= introduced | full


def _introduce(template: str, introduced: set[str]) -> None:
    introduced.update(m.group(1) for m in PERSON_SLOT.finditer(template) if not m.group(2))


def _compose(rng: random.Random, kind: lexicon.StoryKind) -> list[str]:
    """Pick a lead, an ordered subset of body lines with quotes mixed in, and a closing line."""
    parts = kind.parts
    lead = rng.choice(parts["lead"])
    bodies = [line for line in parts["body"] if rng.random() < 0.6]
    quotes = rng.sample(parts.get("quote", []), k=min(len(parts.get("quote", [])), rng.randint(1, 2)))
    for quote in quotes:
        bodies.insert(rng.randint(1, len(bodies)) if bodies else 0, quote)
    introduced: set[str] = set()
    chosen = []
    for line in [lead, *bodies]:
        if line is lead or _eligible(line, introduced):
            chosen.append(line)
            _introduce(line, introduced)
    for line in parts["body"]:  # short stories get topped up with whatever still fits
        if len(chosen) >= 4:
            break
        if line not in chosen and _eligible(line, introduced):
            chosen.append(line)
            _introduce(line, introduced)
    closes = [line for line in parts["close"] if _eligible(line, introduced)]
    if closes:
        chosen.append(rng.choice(closes))
    return chosen


def make_story(index: int, seed: int) -> Story:
    """Story number `index` (0 = newest) of the site generated with `seed`; independent of the site's size."""
    rng = random.Random(f"warta-demo:{seed}:{index}")
    kind = rng.choice(lexicon.story_kinds())
    region = rng.choice(lexicon.regions())
    day = LATEST_DAY - dt.timedelta(days=index // STORIES_PER_DAY)
    minute = 6 * 60 + (STORIES_PER_DAY - 1 - index % STORIES_PER_DAY) * 75 + rng.randint(0, 40)
    published = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=JAKARTA)
    values = make_fillers(rng, day, region)
    journalists = lexicon.word_list("journalists.txt")
    author, editor = rng.sample(journalists, 2)
    region_tag = f"{region.kind} {region.name}"
    return Story(
        index=index,
        story_id=7_310_000 + index * 3 + rng.randint(0, 2),
        kind=kind.name,
        section=kind.section,
        flag=kind.flag,
        title=rng.choice(kind.parts["title"]).format_map(values),
        published=published,
        author=author,
        editor=editor,
        dateline=kind.dateline or region.dateline,
        paragraphs=[line.format_map(values) for line in _compose(rng, kind)],
        caption=rng.choice(kind.parts.get("caption", ["{region}, {date}."])).format_map(values),
        tags=[*kind.tags, region_tag],
        people=[values[f"p{i}"] for i in range(1, 5)],
    )


def make_stories(n_articles: int, seed: int = 0) -> list[Story]:
    """The site's `n_articles` stories, newest first."""
    return [make_story(index, seed) for index in range(n_articles)]
