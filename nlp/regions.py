"""Indonesian provinces, regencies and cities (nlp/data/regions.tsv from areaid, plus newsroom abbreviations)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nlp.lexicon import read_lines, read_table
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


@lru_cache(maxsize=1)
def area_words() -> frozenset[str]:
    """Compass and area words that extend a place name ("Tarakan Barat", "Wamena Kota")."""
    return frozenset(read_lines("area_words.txt"))


def match_region(tokens: list[Token], i: int) -> Optional[tuple[int, Region]]:
    """The longest region name starting at token i, written with capitals, as (token count, Region)."""
    if i >= len(tokens) or not tokens[i].text[:1].isupper():
        return None
    for k, _orig, region in region_index().matches(tokens, i):
        # region words are capitalised in names ("Kutai Kartanegara"); skip lower-case look-alikes, but a
        # long name is unmistakable even in lower case ("Kepulauan bangka belitung")
        if k >= 3 or all(tokens[i + j].text[:1].isupper() or tokens[i + j].low in ("dan", "-") for j in range(k)):
            return k + area_tail(tokens, i + k), _with_tail(region, tokens, i + k)
    return None


def area_tail(tokens: list[Token], j: int) -> int:
    """How many area words ("Barat", "Barat Daya", "Kota") follow a place name at token j."""
    k = 0
    while k < 2 and j + k < len(tokens) and tokens[j + k].text in area_words():
        if match_region(tokens, j + k) or (tokens[j + k].text in ("Kota", "Kepulauan")
                                           and match_region(tokens, j + k + 1)):
            break  # "Hulu Sungai Tengah", "Kota Bekasi": the word starts the next region
        k += 1
    return k


def _with_tail(region: Region, tokens: list[Token], j: int) -> Region:
    k = area_tail(tokens, j)
    if not k:
        return region
    return Region(region.name + "".join(" " + t.text for t in tokens[j:j + k]), None)
