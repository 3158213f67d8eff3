"""Read one institution mention at a token: gazetteer form, "(ACRONYM)", region, "RI", parent body."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from nlp.gazetteer import PARTY, Entry, form_index, match_form
from nlp.regions import LEVEL_NAMES, LEVEL_WORDS, Region, match_region
from nlp.tokens import Token

NATIONAL_MARKERS = (("ri",), ("republik", "indonesia"), ("pusat",))
GENERIC_NEXT = {"daerah", "jajaran", "setempat", "lainnya_", "tingkat", "wilayah"}
_MILITARY_CODE = re.compile(r"^(\d{2,4}|[IVXL]+)$")
IMPLIED_LEVEL = {"Pemkab": "kabupaten", "Pemkot": "kota", "Pemprov": "provinsi"}
PARTY_BOARD = {"DPD RI"}  # "DPD Partai Golkar" is a party board, not the senate


@dataclass
class Mention:
    entry: Entry
    start: int  # character offsets into the text
    end: int
    tok_end: int  # index of the first token after the mention
    base: str  # the gazetteer form as written ("Badan Pengawas Pemilu", "Polres")
    acronym: Optional[str] = None  # "(Bawaslu)" / "atau Bawaslu" written after a full name
    region: Optional[Region] = None
    region_text: str = ""  # region as written, with its level word ("Kabupaten Kendal")
    code: str = ""  # military unit number ("0508")
    national: bool = False  # written with RI / Republik Indonesia / Pusat
    generic: bool = False  # "Bawaslu daerah", "Polda jajaran", "Bawaslu Kabupaten/Kota"
    is_title: bool = False  # "Kapolres Kudus": names the head
    parent: Optional["Mention"] = None
    region_aliases: dict = field(default_factory=dict)  # "(Malut)" after a region

    @property
    def canonical_base(self) -> str:
        return self.entry.canonical


def _is_form_of(tokens: list[Token], j: int, entry: Entry) -> int:
    hit = match_form(tokens, j, only=[entry.canonical]) if j < len(tokens) else None
    return hit[0] if hit and not hit[1].is_title else 0


def _national_marker(tokens: list[Token], j: int) -> int:
    for marker in NATIONAL_MARKERS:
        k = len(marker)
        if j + k <= len(tokens) and tuple(t.low for t in tokens[j:j + k]) == marker:
            if marker == ("ri",) and tokens[j].text != "RI":
                continue
            if marker == ("pusat",) and not tokens[j].text[0].isupper():
                continue
            return k
    return 0


def _capitalised_run(tokens: list[Token], j: int, limit: int = 3) -> int:
    k = 0
    while j + k < len(tokens) and k < limit and tokens[j + k].text[:1].isupper() and tokens[j + k].text.isalpha():
        k += 1
    return k


def read_region(tokens: list[Token], j: int, m: Mention, text: str) -> int:
    """Parse a region after the body name; fills m.region/region_text; returns tokens consumed."""
    n = len(tokens)
    k0 = j
    level = None
    if j < n and tokens[j].low in LEVEL_WORDS:
        level = LEVEL_WORDS[tokens[j].low]
        j += 1
        if j < n and tokens[j].text == ".":
            j += 1
        if j < n and tokens[j].text == "/":
            m.generic = True
            return 0
    elif j + 2 < n and _MILITARY_CODE.match(tokens[j].text) and tokens[j + 1].text == "/":
        m.code = tokens[j].text
        j += 2
    hit = match_region(tokens, j)
    if hit:
        k, region = hit
    elif level or m.code:
        k = _capitalised_run(tokens, j)
        if not k:
            if level:
                m.generic = True
            return 0
        region = Region(" ".join(t.text for t in tokens[j:j + k]), level)
    else:
        return 0
    written = text[tokens[j].start:tokens[j + k - 1].end]
    level = level or IMPLIED_LEVEL.get(m.entry.canonical) or region.level
    m.region = Region(region.name, level)
    m.region_text = (LEVEL_NAMES[level] + " " + written) if tokens[k0].low in LEVEL_WORDS else written
    j += k
    # "Maluku Utara (Malut)": the article's own short name for the region
    if j + 2 < n and tokens[j].text == "(" and tokens[j + 2].text == ")" and tokens[j + 1].text[:1].isupper():
        m.region_aliases[tokens[j + 1].text] = m.region
        j += 3
    return j - k0


def read_mention(tokens: list[Token], i: int, text: str, only=None, depth: int = 0) -> Optional[Mention]:
    """The institution mention starting at token i, or None."""
    if not form_index().starts(tokens[i].low):
        return None
    hit = match_form(tokens, i, only)
    if not hit:
        return None
    k, form = hit
    entry = form.entry
    if entry.canonical in PARTY_BOARD and i + k < len(tokens) and (
        tokens[i + k].low == "partai" or match_form(tokens, i + k, only=[PARTY])
    ):
        return None
    j = i + k
    m = Mention(entry, tokens[i].start, tokens[j - 1].end, j, text[tokens[i].start:tokens[j - 1].end],
                is_title=form.is_title)
    n = len(tokens)
    # "Komisi Pemilihan Umum (KPU)" / "( KPU )" / "Satgas Penegakan Hukum Terpadu atau Gakkumdu"
    if j + 2 < n and tokens[j].text == "(":
        a = _is_form_of(tokens, j + 1, entry)
        if a and j + 1 + a < n and tokens[j + 1 + a].text == ")":
            m.acronym = text[tokens[j + 1].start:tokens[j + a].end]
            j += a + 2
    elif j + 1 < n and tokens[j].low == "atau":
        a = _is_form_of(tokens, j + 1, entry)
        if a:
            m.acronym = text[tokens[j + 1].start:tokens[j + a].end]
            j += a + 1
    if entry.is_subunit and depth < 2 and j < n:
        parent = read_mention(tokens, j, text, only=entry.parents, depth=depth + 1)
        if parent is not None and not parent.is_title:
            m.parent = parent
            j = parent.tok_end
    elif entry.takes_region or form.is_title:
        j += read_region(tokens, j, m, text)
    if m.region is None and m.parent is None and j < n:
        nat = _national_marker(tokens, j)
        if nat:
            m.national = True
            j += nat
        elif tokens[j].low in GENERIC_NEXT or tokens[j].low.startswith("se-"):
            m.generic = True
    m.tok_end = j
    m.end = tokens[j - 1].end
    return m
