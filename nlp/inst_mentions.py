"""Read one institution mention at a token: gazetteer form, "(ACRONYM)", region, "RI", parent body."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from nlp.lexicon import read_lines
from nlp.gazetteer import PARTY, Entry, FormHit, by_canonical, form_index, match_form
from nlp.offices import office_index, read_office
from nlp.org_mentions import org_words, read_listed_name, read_school, read_unlisted, school_words
from nlp.regions import LEVEL_NAMES, LEVEL_WORDS, Region, match_region
from nlp.tokens import Token
from nlp.unit_prefixes import read_unit, unit_prefixes

NATIONAL_MARKERS = (("ri",), ("republik", "indonesia"), ("pusat",))
GENERIC_NEXT = {"daerah", "jajaran", "setempat", "lainnya_", "tingkat", "wilayah"}
_MILITARY_CODE = re.compile(r"^(\d{2,4}(-\d{1,3})?|[IVXL]+)$")
IMPLIED_LEVEL = {"Pemkab": "kabupaten", "Pemkot": "kota", "Pemprov": "provinsi"}
PARTY_BOARD = {"DPD RI"}
LEVEL_GOVERNMENTS = {"Kabupaten": "Pemkab", "Kota": "Pemkot", "Provinsi": "Pemprov"}
PARTY_BOARDS = ("DPD", "DPC", "DPW")  # a party's provincial/branch boards: "DPD Partai Golkar Bali"
ISLAND_WORDS = ("Pulau", "Kepulauan")
CHAPTER_WORDS = ("Wilayah", "Cabang", "Perwakilan")  # an organisation's regional chapter, written before the region  # "DPD Partai Golkar" is a party board, not the senate


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
    short_written: bool = False  # a short form in brackets after the full name (the body's or its head's)
    office: str = ""  # a regional office of the body ("Kanreg II")
    office_written: str = ""  # the office's whole name as written
    written: str = ""  # the whole mention as written when the body is named otherwise ("Pemerintah Daerah Kota X")

    @property
    def canonical_base(self) -> str:
        return self.entry.canonical


def _is_form_of(tokens: list[Token], j: int, entry: Entry, title: Optional[bool] = False) -> int:
    """Length of another form of the same body at j ("(KPU)"; title=None also takes a head's title:
    "Kejaksaan Negeri (Kajari)", "Sekretaris Daerah (Sekda)")."""
    hit = match_form(tokens, j, only=[entry.canonical]) if j < len(tokens) else None
    return hit[0] if hit and (title is None or hit[1].is_title == title) else 0


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
    """Capitalised words of an unlisted place name; a rank or a title ends it ("XIV/Hasanuddin Kolonel")."""
    from nlp.names import region_stop  # local: names imports regions, not the reverse

    k = 0
    while j + k < len(tokens) and k < limit and tokens[j + k].text[:1].isupper() and tokens[j + k].text.isalpha() \
            and not region_stop(tokens, j + k):
        k += 1
    return k


def _unlisted_place(tokens: list[Token], j: int, title: bool = False) -> int:
    """An unlisted town after a local body ("PN Tanjung Redeb,"): 1-2 capitalised words closed by punctuation
    or a lower-case word, so that a following person's name is not taken for a place. After a head's title
    ("Kapolsek Wamena Kota Iptu Yosias") only a rank closes it: "Kapolres Budi Santoso" names no place."""
    from nlp.names import skip_honorifics, region_stop

    k = _capitalised_run(tokens, j, limit=2)
    if k and j + k + 1 < len(tokens) and tokens[j + k].text == "Kota":
        k += 1  # "Wamena Kota": the town's city sector
    if not k or j + k >= len(tokens):
        return 0 if title else k
    if title:  # "Kapolsek Abepura Iptu X" / "Kapolsek Abepura, Iptu X"
        r = j + k + (tokens[j + k].text == ",")
        return k if r < len(tokens) and skip_honorifics(tokens, r) > r else 0
    nxt = tokens[j + k].text
    closed = (not nxt[:1].isalnum() and nxt not in ("(", "/")) or nxt[:1].islower() or region_stop(tokens, j + k)
    return k if closed else 0


_abbrevs_of: list = [None, {}]  # the region short names of the last tokenised article


def article_abbrevs(tokens: list[Token]) -> dict[str, Region]:
    """Short names the article defines for regions: "Hulu Sungai Tengah (HST)" -> HST."""
    if _abbrevs_of[0] is tokens:
        return _abbrevs_of[1]
    found: dict[str, Region] = {}
    for p, t in enumerate(tokens):
        if t.text != "(" or p + 2 >= len(tokens) or tokens[p + 2].text != ")" or not tokens[p + 1].text[:1].isupper():
            continue
        for back in range(1, 5):
            hit = match_region(tokens, p - back) if p - back >= 0 else None
            if hit and hit[0] == back:
                found.setdefault(tokens[p + 1].text, hit[1])
                break
    _abbrevs_of[0], _abbrevs_of[1] = tokens, found
    return found


@lru_cache(maxsize=1)
def numbered_units() -> frozenset[str]:
    return frozenset(read_lines("numbered_units.txt"))


@lru_cache(maxsize=1)
def named_bodies() -> frozenset[str]:
    return frozenset(read_lines("named_bodies.txt"))


def _person_named(tokens: list[Token], j: int, m: Mention, text: str) -> int:
    """'RSUD dr. TC Hillers Maumere': a titled person's name (and town) after a body named after someone."""
    from nlp.names import region_stop, skip_honorifics

    k = skip_honorifics(tokens, j)
    if k == j and (tokens[j].low in LEVEL_WORDS or match_region(tokens, j)):
        return 0  # "RSUD Kota Jambi": a region, read as one
    run = 0
    while k + run < len(tokens) and run < 4 and tokens[k + run].text[:1].isupper() and tokens[k + run].text.isalpha() \
            and not (k == j and region_stop(tokens, k + run)):
        run += 1
    if not run or (k == j and k + run < len(tokens) and tokens[k + run].text[:1].isalnum()
                   and not tokens[k + run].text[:1].islower()):
        return 0  # without a title, only a name closed by punctuation or a lower-case word ("RSUD Raden Mattaher,")
    m.region_text = text[tokens[j].start:tokens[k + run - 1].end]
    m.region = Region(m.region_text, None)
    return k + run - j


def read_region(tokens: list[Token], j: int, m: Mention, text: str) -> int:
    """Parse a region after the body name; fills m.region/region_text; returns tokens consumed."""
    n = len(tokens)
    if m.entry.canonical in named_bodies() and j < n:
        got = _person_named(tokens, j, m, text)
        if got:
            return got
    k0 = j
    level = None
    chapter = ""
    if j + 1 < n and tokens[j].text in CHAPTER_WORDS and match_region(tokens, j + 1):
        chapter = tokens[j].text + " "  # "IDI Wilayah Jambi", "PMI Cabang Kudus": a chapter keeps its word
        j += 1
        k0 = j
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
    elif j < n and m.entry.canonical in numbered_units() and _MILITARY_CODE.match(tokens[j].text) \
            and (j + 1 >= n or tokens[j + 1].text != "/"):
        m.code = tokens[j].text  # "Kodim 0818", "Kodam XII": a unit named by its number alone
        m.region, m.region_text = Region("", None), ""
        return 1
    hit = match_region(tokens, j)
    if not hit and j < n and tokens[j].text in article_abbrevs(tokens):
        hit = (1, article_abbrevs(tokens)[tokens[j].text])
    if hit:
        k, region = hit
    elif not (level or m.code) and m.entry.scope == "local" and _unlisted_place(tokens, j, m.is_title):
        k = _unlisted_place(tokens, j, m.is_title)
        region = Region(" ".join(t.text for t in tokens[j:j + k]), None)
    elif level or m.code:
        k = _capitalised_run(tokens, j)
        if not k:
            if level:
                m.generic = True
            return 0
        region = Region(" ".join(t.text for t in tokens[j:j + k]), level)
    else:
        return 0
    if j + k + 1 < n and tokens[j + k].text == "Kota" and not match_region(tokens, j + k + 1):
        # "Polres Sorong Kota", "Polresta Kupang Kota": the city unit of a place that is also a regency
        region = Region(region.name + " Kota", "kota")
        k += 1
    k += _island_pair(tokens, j + k)
    written = text[tokens[j].start:tokens[j + k - 1].end]
    level = level or IMPLIED_LEVEL.get(m.entry.canonical) or region.level
    m.region = Region(region.name, level)
    m.region_text = chapter + ((LEVEL_NAMES[level] + " " + written) if tokens[k0].low in LEVEL_WORDS else written)
    j += k
    # "Maluku Utara (Malut)": the article's own short name for the region
    if j + 2 < n and tokens[j].text == "(" and tokens[j + 2].text == ")" and tokens[j + 1].text[:1].isupper():
        m.region_aliases[tokens[j + 1].text] = m.region
        j += 3
    return j - k0 + bool(chapter)


def _island_pair(tokens: list[Token], j: int) -> int:
    """'Polresta Pulau Ambon dan Pulau-Pulau Lease': a unit whose area is two island groups."""
    n = len(tokens)
    if j + 1 >= n or tokens[j].low != "dan" or not tokens[j + 1].text.startswith(ISLAND_WORDS):
        return 0
    k = j + 1
    while k < n and k - j <= 4 and tokens[k].text[:1].isupper() and tokens[k].text.replace("-", "").isalpha():
        k += 1
    # "Pulau-Pulau Lease", "Pulau Seram Bagian Timur"; a bare "Kepulauan" ends a name ("Pangkajene dan Kepulauan")
    return k - j if k - j >= 3 or "-" in tokens[j + 1].text or tokens[j + 1].text == "Kepulauan" else 0


@lru_cache(maxsize=1)
def mention_starters() -> frozenset[str]:
    """Lower-case words a mention can start with (gazetteer forms and titles, unlisted organisations)."""
    return form_index().first_words() | org_words().first_words() | office_index().first_words() \
        | school_words().first_words() | unit_prefixes()


_memo: list = [None, {}]  # mentions already read in the last tokenised article, by token index
_defined: list = [None, {}]  # acronyms the last tokenised article defines for unlisted bodies


def defined_acronyms(tokens: list[Token]) -> dict[str, tuple]:
    """'Dinas Komunikasi dan Informatika (Diskominfo)': acronym -> (entry, form) read so far in this article."""
    if _defined[0] is not tokens:
        _defined[0], _defined[1] = tokens, {}
    return _defined[1]


def read_mention(tokens: list[Token], i: int, text: str, only=None, depth: int = 0) -> Optional[Mention]:
    """The institution mention starting at token i, or None (treat the result as read-only: it is shared)."""
    if only is not None or depth:
        return _read_mention(tokens, i, text, only, depth)
    if _memo[0] is not tokens:
        _memo[0], _memo[1] = tokens, {}
    memo = _memo[1]
    if i not in memo:
        memo[i] = _read_mention(tokens, i, text, None, 0)
    return memo[i]


def division_of_other(tokens: list[Token], m: Mention, text: str) -> bool:
    """'Koordinator Divisi Humas Bawaslu Kota Bogor': a sub-unit's words followed by a body that is not its
    parent name a division of that body (part of a title), not the sub-unit ("Divisi Humas Polri")."""
    if not m.entry.is_subunit or m.parent is not None or m.tok_end >= len(tokens):
        return False
    nxt = read_mention(tokens, m.tok_end, text)
    return nxt is not None and not nxt.is_title and nxt.entry.canonical not in m.entry.parents


def _read_office(tokens: list[Token], i: int, text: str) -> Optional[Mention]:
    """'Kantor Regional II Badan Kepegawaian Negara Surabaya': a national agency's regional office."""
    office = read_office(tokens, i)
    if office is None or i + office[0] >= len(tokens) or match_form(tokens, i):
        return None
    m = _read_mention(tokens, i + office[0], text, None, 1)
    if m is None or m.is_title or m.region is None or m.entry.scope not in ("regional", "national"):
        return None
    m.office, m.start = office[1], tokens[i].start
    m.office_written = text[m.start:m.end]
    return m


def _read_mention(tokens: list[Token], i: int, text: str, only=None, depth: int = 0) -> Optional[Mention]:
    if only is None and depth == 0:
        office = _read_office(tokens, i, text)
        if office is not None:
            return office
    unlisted = None
    low = tokens[i].low
    hit = None
    if only is None and depth == 0 and org_words().starts(low):
        unlisted = read_listed_name(tokens, i, text)
        hit = unlisted[:2] if unlisted else None
    if not hit:
        hit = match_form(tokens, i, only) if form_index().starts(low) else None
    if not hit and only is None and depth == 0 and low in unit_prefixes():
        hit = read_unit(tokens, i, text)
    if not hit and only is None and depth == 0 and org_words().starts(low):
        unlisted = read_unlisted(tokens, i, text)
        hit = unlisted[:2] if unlisted else None
    if not hit and only is None and depth == 0 and school_words().starts(low):
        unlisted = read_school(tokens, i, text)
        hit = unlisted[:2] if unlisted else None
    if not hit and only is None and depth == 0 and tokens[i].text in defined_acronyms(tokens):
        hit = defined_acronyms(tokens)[tokens[i].text]  # a later use of the article's own acronym
        unlisted = (1, hit, None)
    elif hit and unlisted and unlisted[2] and depth == 0:
        defined_acronyms(tokens).setdefault(unlisted[2], (1, hit[1]))
    if not hit:
        return None
    k, form = hit
    if unlisted and unlisted[2] and i + k + 1 < len(tokens) and tokens[i + k].text == "(":
        listed = match_form(tokens, i + k + 1)  # "Badan Perencanaan ..., Riset dan Inovasi Daerah (Bapperida)"
        if listed and not listed[1].is_title and listed[0] == len(unlisted[2].split()):
            form = listed[1]  # the acronym is a listed body's: the full name is one more form of it
    entry = form.entry
    if entry.canonical in PARTY_BOARD and i + k < len(tokens) and (
        tokens[i + k].low == "partai" or match_form(tokens, i + k, only=[PARTY])
    ):
        if tokens[i].text != "DPD":
            return None
        entry = by_canonical()["DPD"]  # "DPD Partai Golkar": the party's provincial board, not the senate
        form = FormHit(entry, False)
    j = i + k
    m = Mention(entry, tokens[i].start, tokens[j - 1].end, j, text[tokens[i].start:tokens[j - 1].end],
                is_title=form.is_title)
    n = len(tokens)
    if unlisted and unlisted[2]:
        m.acronym = unlisted[2]
        j += 2 + len(unlisted[2].split())
    # "Komisi Pemilihan Umum (KPU)" / "( KPU )" / "Satgas Penegakan Hukum Terpadu atau Gakkumdu"
    if j + 2 < n and tokens[j].text == "(":
        a = _is_form_of(tokens, j + 1, entry, None)
        if a and j + 1 + a < n and tokens[j + 1 + a].text == ")":
            if not match_form(tokens, j + 1, only=[entry.canonical])[1].is_title:
                m.acronym = text[tokens[j + 1].start:tokens[j + a].end]
            m.short_written = True  # "Kejaksaan Negeri (Kajari)": the article uses the short forms
            j += a + 2
    elif j + 1 < n and tokens[j].low == "atau":
        a = _is_form_of(tokens, j + 1, entry)
        if a:
            m.acronym = text[tokens[j + 1].start:tokens[j + a].end]
            j += a + 1
    if entry.is_subunit and depth < 2 and j < n:
        parent = _read_mention(tokens, j, text, only=entry.parents, depth=depth + 1)
        if parent is not None and not parent.is_title:
            m.parent = parent
            j = parent.tok_end
            if entry.canonical in PARTY_BOARDS:
                j += read_region(tokens, j, m, text)
    elif entry.takes_region or form.is_title or (unlisted and entry.scope == "unlisted"):
        j += read_region(tokens, j, m, text)
    if m.region is None and m.parent is None and j < n:
        nat = _national_marker(tokens, j)
        if nat:
            m.national = True
            j += nat
        elif tokens[j].text in GENERIC_NEXT or tokens[j].low.startswith("se-"):
            m.generic = True
    if entry.canonical == "Pemda" and not m.is_title and m.region_text.split(" ")[0] in LEVEL_GOVERNMENTS:
        m.written = text[m.start:tokens[j - 1].end]  # "Pemerintah Daerah Kota X" is the city government
        m.entry = by_canonical()[LEVEL_GOVERNMENTS[m.region_text.split(" ")[0]]]
        m.base, m.region_text = m.entry.forms[-1], m.region_text.split(" ", 1)[1]
    m.tok_end = j
    m.end = tokens[j - 1].end
    return m


def owned_by(owner: Mention, m: Mention, tokens) -> bool:
    """A national agency written right before its own local unit that names a place."""
    return owner.tok_end < len(tokens) and tokens[owner.tok_end].start == m.start and owner.region is None \
        and owner.parent is None and not owner.office and owner.entry.canonical in m.entry.parents \
        and m.region is not None and not m.entry.is_subunit
