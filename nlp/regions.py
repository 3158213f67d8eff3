"""Indonesian provinces, regencies and cities (nlp/data/regions.tsv from areaid, plus newsroom abbreviations)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nlp.lexicon import read_table
from nlp.phrases import PhraseIndex
from nlp.tokens import Token

LOG = logging.getLogger(__name__)

LEVEL_WORDS = {
    "kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota", "provinsi": "provinsi",
    "prov": "provinsi", "propinsi": "provinsi",
}
LEVEL_NAMES = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}


@dataclass(frozen=True)
class Region:
    name: str  # canonical spelling of the region (regions.tsv)
    level: Optional[str]  # provinsi | kabupaten | kota | None when the name is used for several


@lru_cache(maxsize=1)
def region_index() -> PhraseIndex[Region]:
    """Every region name and alias, mapped to its Region."""
    levels: dict[str, set[str]] = {}
    for row in read_table("regions.tsv"):
        levels.setdefault(row[0], set()).add(row[1])
    for row in read_table("region_aliases.tsv"):
        if len(row) > 2 and row[1] not in levels:
            levels[row[1]] = {row[2]}
    index: PhraseIndex[Region] = PhraseIndex()
    canon: dict[str, Region] = {}
    for name, lv in levels.items():
        canon[name] = Region(name, next(iter(lv)) if len(lv) == 1 else None)
        index.add(name, canon[name])
    for row in read_table("region_aliases.tsv"):
        target = canon.get(row[1])
        if target is None:
            LOG.warning("region alias %r names unknown region %r", row[0], row[1])
            continue
        index.add(row[0], target)
    return index


def match_region(tokens: list[Token], i: int) -> Optional[tuple[int, Region]]:
    """The longest region name starting at token i, written with capitals, as (token count, Region)."""
    if i >= len(tokens) or not tokens[i].text[:1].isupper():
        return None
    for k, _orig, region in region_index().matches(tokens, i):
        # region words are capitalised in names ("Kutai Kartanegara"); skip lower-case look-alikes
        if all(tokens[i + j].text[:1].isupper() or tokens[i + j].low in ("dan", "-") for j in range(k)):
            return k, region
    return None
