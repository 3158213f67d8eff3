"""Named officials with their position and institution (apposition patterns over tokens)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nlp.facts import Institution, Official, Span
from nlp.gazetteer import form_index
from nlp.inst_mentions import Mention, division_of_other, mention_starters, read_mention
from nlp.lexicon import read_lines, read_table
from nlp.names import read_name, read_name_backwards, skip_honorifics
from nlp.official_links import InstitutionLinker
from nlp.official_merge import merge_officials
from nlp.phrases import PhraseIndex
from nlp.regions import match_region
from nlp.position_bodies import MINISTER_HEADS, read_portfolio, skip_org_run
from nlp.skiplines import in_spans, skipped_spans
from nlp.speakers import find_speakers
from nlp.tokens import SentenceLocator, Token, tokenize

LOG = logging.getLogger(__name__)
LOOKAHEAD = 8  # tokens between a head and its institution ("Direktur Penyakit Tular Vektor dan Zoonotik Kemenkes")
LIST_WORDS = {"yaitu", "yakni", "antara", "masing-masing", "ialah", "adalah"}
SELAKU = {"selaku", "sebagai"}
MEMBER_WORDS = {"anggota", "anggotanya"}
FORMER_WORDS = {"mantan", "eks", "bekas"}
CANDIDATE_WORDS = {"calon", "cabup", "cawabup", "cagub", "cawagub", "cawalkot", "bakal", "bacalon", "caleg", "kandidat"}


@dataclass(frozen=True)
class Head:
    text: str
    types: tuple[str, ...]  # institution types a bare head belongs to


@lru_cache(maxsize=1)
def head_index() -> PhraseIndex[Head]:
    index: PhraseIndex[Head] = PhraseIndex()
    for row in read_table("positions.txt"):
        types = tuple(t for t in row[1].split("|") if t) if len(row) > 1 else ()
        index.add(row[0], Head(row[0], types))
    return index


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Lower-case words a position or an institution can start with."""
    return head_index().first_words() | mention_starters()


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("title_words.txt"))


@lru_cache(maxsize=1)
def descriptor_words() -> frozenset[str]:
    return frozenset(read_lines("descriptor_words.txt"))


@lru_cache(maxsize=1)
def plural_words() -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines("plural_words.txt"))


@lru_cache(maxsize=1)
def village_words() -> frozenset[str]:
    return frozenset(read_lines("village_words.txt"))


VILLAGE_HEAD = Head("Kepala Desa", ("-",))  # no institution is named for a village head
MEMBER_HEAD = Head("Anggota", ())  # a member listed after the head of the same body


@lru_cache(maxsize=1)
def village_heads() -> dict[str, tuple[str, ...]]:
    """Head -> the governments it may serve ("Camat" -> Pemkab, Pemkot), linked only when one is named."""
    return {row[0]: tuple(row[1].split("|")) + ("!",) if len(row) > 1 else ("-",)
            for row in read_table("village_heads.txt")}


def _village_end(tokens, j, head: Head) -> Optional[int]:
    """After 'Desa/Kampung/Distrik' + a capitalised place name, or a place right after 'Camat': the token
    after the place and its comma."""
    n = len(tokens)
    at_head = head.text in village_heads()
    if j + 1 >= n or not (at_head or tokens[j].text in village_words()):
        return None
    k = j if at_head else j + 1
    while k < n and k - j <= 3 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha():
        k += 1
    return k + 1 if k > j + (not at_head) and k < n and tokens[k].text == "," else None


@dataclass
class Found:
    name: str
    position: Optional[str]
    mention: Optional[Mention]  # institution named with the position
    head: Optional[Head]
    start: int  # name offsets
    end: int
    pos_start: int
    body: str = ""  # an unlisted body written between the position and the name ("Disperkimtan Banyuwangi")


def _match_head(tokens: list[Token], i: int, text: str = "") -> Optional[tuple[int, Head]]:
    """The longest head at i that does not swallow the start of an institution name
    ("Ketua Majelis Rakyat Papua": the head is "Ketua", the body "Majelis Rakyat Papua")."""
    for k, _w, head in head_index().matches(tokens, i):
        if text and k > 1 and any(read_mention(tokens, i + x, text) is not None for x in range(1, k)):
            continue
        return k, head
    return None


def _descriptor(tokens, j, text) -> tuple[int, Optional[Mention]]:
    """Title words after a head, up to an institution mention if one follows within LOOKAHEAD tokens."""
    n = len(tokens)
    for x in range(j, min(n, j + LOOKAHEAD + 1)):
        t = tokens[x]
        if t.text[:1].isupper():
            m = read_mention(tokens, x, text)
            if m is not None and not division_of_other(tokens, m, text):
                return x, m
            if x > j and (_match_head(tokens, x) or _honorific_before_name(tokens, x)):
                break
        comma_in_title = t.text == "," and x + 1 < n and (tokens[x + 1].low in title_words())
        if not (t.text[:1].isupper() or t.text.isdigit() or comma_in_title
                or t.low in ("dan", "&", "antar", "(", ")") or t.low in descriptor_words()):
            break
    return _title_words(tokens, j), None


def _honorific_before_name(tokens, x) -> bool:
    """'H. Ahmad' starts a name; 'Haji dan Umrah' in a division's name does not."""
    k = skip_honorifics(tokens, x)
    return k > x and k < len(tokens) and tokens[k].text[:1].isupper()


def _title_words(tokens, j) -> int:
    n = len(tokens)
    x = j
    while x < n and (tokens[x].low in title_words() or tokens[x].text.isdigit()
                     or (tokens[x].text == "," and x + 1 < n and tokens[x + 1].low in title_words() and x > j)
                     or (tokens[x].text == "(" and x + 2 < n and tokens[x + 2].text == ")")):
        x += 3 if tokens[x].text == "(" else 1
    while x > j and tokens[x - 1].low in ("dan", "&"):
        x -= 1
    return x


def _after_position(tokens, i, text) -> Optional[tuple[int, Optional[Mention], Optional[Head], int]]:
    """Parse HEAD [descriptor] [pada] [INSTITUTION...] at i -> (next token, mention, head, head end)."""
    hit = _match_head(tokens, i, text)
    m0 = read_mention(tokens, i, text)
    if m0 is not None and m0.is_title:
        j, mention, head = m0.tok_end, m0, None
        pos_end = m0.tok_end
    elif hit:
        k, head = hit
        if not tokens[i].text[:1].isupper():
            nxt = read_mention(tokens, i + k, text) if i + k < len(tokens) else None
            if nxt is None and not (k > 1 and _full_name_at(tokens, i + k, text)):
                return None  # "hakim anggota Yanto Rumbiak" counts; "ketua" + a capitalised word does not
        j, mention = _descriptor(tokens, i + k, text)
        pos_end = j
        while pos_end > i + k and tokens[pos_end - 1].low in ("dari", "di", "pada"):
            pos_end -= 1  # "Pengamat politik dari Universitas X": the title ends before the preposition
        if mention is None and j < len(tokens) and tokens[j].low in ("pada", "di", "dari") and j + 1 < len(tokens):
            mention = read_mention(tokens, j + 1, text)
            if mention is not None:
                j = j + 1
        if mention is not None:
            j = mention.tok_end
    else:
        return None
    # further bodies written together ("Kasatgas Gakkumdu Polri"): keep the first
    while j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].low == "dari"):
        # "Anggota Komisi II DPR RI dari Fraksi PDI Perjuangan, Komarudin Watubun"
        more = read_mention(tokens, j + (tokens[j].low == "dari"), text) if j + 1 < len(tokens) else None
        if more is None or (tokens[j].low == "dari" and mention is None):
            break
        j = more.tok_end
    if mention is not None:  # "Komisioner Bawaslu Sumsel Divisi Hukum dan Pelanggaran, Ahmad"
        j = _title_words(tokens, j)
        place = match_region(tokens, j) if j < len(tokens) and mention.region is None else None
        if place and j + place[0] < len(tokens) and tokens[j + place[0]].text == ",":
            j += place[0]  # "Ketua KIPP Jawa Tengah, Sri": a national body's chapter, the name follows
    return j, mention, head, pos_end


def _starts_title(tokens, j, text) -> bool:
    return _match_head(tokens, j) is not None or (read_mention(tokens, j, text) is not None)


def _name_at(tokens, j, text) -> Optional[tuple[int, int]]:
    j = skip_honorifics(tokens, j)
    if j >= len(tokens) or _starts_title(tokens, j, text):
        return None
    got = read_name(tokens, j)
    if got and got[1] < len(tokens) and _defines_term(tokens, got[1]):
        return None
    return got


def _name_token_at(tokens, k) -> bool:
    return read_name(tokens, skip_honorifics(tokens, k)) is not None


def _full_name_at(tokens, j, text) -> bool:
    got = _name_at(tokens, j, text)
    return bool(got) and got[1] - got[0] >= 2


def _defines_term(tokens, k) -> bool:
    """'Jaksa Penuntut Umum (JPU)': a capitalised term, not a name, runs on into a title word or acronym."""
    t = tokens[k]
    if t.text[:1].isupper() and t.low in title_words() | {"umum", "daerah", "negeri"}:
        return True
    return t.text == "(" and k + 2 < len(tokens) and tokens[k + 1].text.isupper() and tokens[k + 2].text == ")"


def _skip_term(tokens, j) -> int:
    """'Ketua Bawaslu Banten periode 2017-2022, Agus': the term of office between the title and the name."""
    n = len(tokens)
    if j + 1 < n and tokens[j].low in ("periode", "masa") and tokens[j + 1].text[:1].isdigit():
        j += 1
        while j < n and (tokens[j].text[:1].isdigit() or tokens[j].text in ("-", "–", "—", "/")):
            j += 1
    return j


_last_body: list = [None]  # token span of the body _skip_org_run passed over in the last _names_after


def _names_after(tokens, j, text, plural: bool = False) -> list[tuple[int, int]]:
    """One name, or a list 'A, B, C, dan D' / 'yaitu A, B dan C' after a position
    (also 'A dan B' after a plural position: 'Dua anggota KIP lainnya, A dan B')."""
    n = len(tokens)
    if j + 2 < n and tokens[j].text == "(" and tokens[j + 2].text == ")":
        j += 3  # "Menteri Dalam Negeri (Mendagri) Tito Karnavian"
    if j < n and tokens[j].low == "lainnya":
        j += 1
        plural = True
    j = _skip_role(tokens, _skip_term(tokens, j), text)
    also = 2 if j + 2 < n and tokens[j].low == "yang" and tokens[j + 1].low == "juga" else 1
    if j + 1 < n and (tokens[j].low in SELAKU or also == 2):  # "Sekda X selaku Ketua TAPD, Budi": the first title
        second = _after_position(tokens, j + also, text)  # is his ("Ketua Banggar X yang juga Wakil Ketua")
        if second is not None:
            j = _skip_term(tokens, second[0])
    if j < n and tokens[j].text in (",", ":"):
        j += 1
    listed = plural
    while j < n and (tokens[j].low in LIST_WORDS or tokens[j].low == "lain" or tokens[j].text == ":"):
        j += 1
        listed = True
    k0 = j
    j = skip_org_run(tokens, j)
    if j > k0 and not tokens[k0].text.isupper():  # a blend ("Disperkimtan") names a government office;
        _last_body[0] = (k0, j - 1)  # an all-caps movement ("GMNI Cabang Kupang") is left unlinked as before
    first = _name_at(tokens, j, text)
    if not first:
        return []
    names, k = [first], first[1]
    while k + 1 < n and tokens[k].text == ",":
        nxt = _name_at(tokens, k + 1, text)
        if not nxt:
            break
        names.append(nxt)
        k = nxt[1]
    last = None
    if k + 1 < n and tokens[k].low in ("dan", "serta"):
        last = _name_at(tokens, _skip_role(tokens, k + 1, text), text)
        listed = listed or tokens[k + 1].low == "unsur"
    elif k + 2 < n and tokens[k].text == "," and tokens[k + 1].low in ("dan", "serta"):
        last = _name_at(tokens, k + 2, text)
    if last and (len(names) > 1 or listed):
        return names + [last]
    if len(names) > 1 and not listed:
        return names[:1]  # "Ketua X Budi, Jakarta" - a comma run without "dan" is not a list
    return names


def _skip_role(tokens, j, text) -> int:
    """'unsur masyarakat', 'unsur Bawaslu,': the seat a member of a joint team holds, before the name."""
    n = len(tokens)
    if j + 1 >= n or tokens[j].low != "unsur":
        return j
    j += 1
    m = read_mention(tokens, j, text) if tokens[j].text[:1].isupper() else None
    j = m.tok_end if m is not None else j + tokens[j].text.isalpha()
    return j + (j < n and tokens[j].text == ",")


def _joins(tokens, i, after_name, text) -> bool:
    """'... Budi serta (dua) anggota(nya)': the member word continues the list right after a name, no body named."""
    b = i - 1 - (tokens[i - 1].low in plural_words())
    return b == after_name and tokens[b].low in ("serta", "dan") and (i + 1 >= len(tokens)
                                                                      or read_mention(tokens, i + 1, text) is None)


def find_candidates(text: str, sentences) -> list[Found]:
    tokens = tokenize(text)
    skip = skipped_spans(text, sentences)
    out: list[Found] = []
    n = len(tokens)
    starters = _starters()
    covered = 0
    prev: Optional[tuple[int, Mention]] = None  # token after the last listed name, and its body
    for i in range(n):
        if prev is not None and i >= covered and tokens[i].text in MEMBER_WORDS and _joins(tokens, i, prev[0], text):
            # "Ketua KPU X Budi serta dua anggotanya, A dan B": members of the same body
            for a, b in _names_after(tokens, i + 1, text, plural=True):
                out.append(Found(text[tokens[a].start:tokens[b - 1].end], tokens[i].text.removesuffix("nya"),
                                 prev[1], MEMBER_HEAD, tokens[a].start, tokens[b - 1].end, tokens[i].start))
                covered = max(covered, b)
            continue
        if i < covered or tokens[i].low not in starters or (skip and in_spans(tokens[i].start, skip)):
            continue
        parsed = _after_position(tokens, i, text)
        if parsed is None:
            continue
        j, mention, head, pos_end = parsed
        covered = max(pos_end, mention.tok_end if mention is not None else 0)  # no new head inside its body
        if i > 0 and tokens[i - 1].low in CANDIDATE_WORDS:
            continue  # "Calon Bupati X, Budi": candidates without a position are not officials
        position = text[tokens[i].start:tokens[pos_end - 1].end] if pos_end > i else None
        if position and position.count(")") > position.count("("):
            position = position.rstrip(")").rstrip()  # "(Kasi Pidsus) Kejari X": read from inside the brackets
        if head is None and mention is not None and mention.is_title:
            position = mention.base  # "Kapolres Kudus": the title without its region
        ministry = ""
        if head is not None and head.text in MINISTER_HEADS and mention is None and j == pos_end:
            portfolio = read_portfolio(tokens, j)  # "Wakil Menteri Pekerjaan Umum, Danang"
            if portfolio is not None:
                j = pos_end = portfolio[0]
                position, ministry = text[tokens[i].start:tokens[j - 1].end], portfolio[1]
        plural = i > 0 and tokens[i - 1].low in plural_words()
        village = _village_end(tokens, j, head) if mention is None and head is not None and j == pos_end else None
        if village is not None:  # "Kepala Kampung Sei Bali, Matius Irab": a village head, no body named
            position = head.text if head.text in village_heads() else text[tokens[i].start:tokens[j].end]
            head = Head(head.text, village_heads()[head.text]) if head.text in village_heads() else VILLAGE_HEAD
            j = village
        _last_body[0] = None
        for a, b in _names_after(tokens, j, text, plural):
            body = text[tokens[_last_body[0][0]].start:tokens[_last_body[0][1] - 1].end] if _last_body[0] else ministry
            out.append(Found(text[tokens[a].start:tokens[b - 1].end], position, mention, head,
                             tokens[a].start, tokens[b - 1].end, tokens[i].start, body))
            covered = max(covered, b)  # "Danramil X Kapten Inf Budi": the rank before the name is no new head
            prev = (b, mention) if mention is not None else None
        # "Suhariyanto, Kepala BPS" / "Restu selaku Anggota Bawaslu Kabupaten Konawe"
        b0 = i - 1 if i and tokens[i - 1].low in FORMER_WORDS else i  # "Ketut, mantan Wakil Gubernur Bali"
        if mention is not None and b0 >= 2 and (tokens[b0 - 1].text in (",", "(") or tokens[b0 - 1].low in SELAKU):
            back = read_name_backwards(tokens, b0 - 1)
            if back:
                a, b = back
                out.append(Found(text[tokens[a].start:tokens[b - 1].end], position, mention, head,
                                 tokens[a].start, tokens[b - 1].end, tokens[i].start))
    for a, b in find_speakers(text, tokens, skip):
        out.append(Found(text[a:b], None, None, None, a, b, a))
    return out


def find_officials(text: str, sentences, institutions: list[Institution]) -> list[Official]:
    """Officials named in the body; may append an institution implied by a title ("Kapolres Kudus")."""
    found = find_candidates(text, sentences)
    if not found:
        return []
    locate = SentenceLocator(sentences)
    linker = InstitutionLinker(text, institutions, locate)
    officials = []
    for f in found:
        # a quoted speaker with no position is given no institution either
        if f.body and f.mention is None:
            inst = linker.named_body(f.body, f.start, add=not f.body.startswith("Kementerian "))
        else:
            inst = linker.institution_for(f.mention, f.head, f.pos_start) if f.position or f.mention else None
        officials.append(Official(f.name, f.position, inst, [Span(locate(f.start), f.start, f.end)]))
    merged = merge_officials(officials, text, locate)
    return merged
