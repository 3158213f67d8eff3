"""Public institutions named in an article: gazetteer and regional-unit patterns, grouped per body."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import Optional

from nlp.facts import Institution, Span
from nlp.inst_mentions import Mention, defined_acronyms, division_of_other, mention_starters, owned_by, read_mention, read_region
from nlp.regions import LEVEL_WORDS
from nlp.skiplines import in_spans, skipped_spans
from nlp.tokens import SentenceLocator, tokenize

LOG = logging.getLogger(__name__)
GOVERNMENTS = ("Pemkab", "Pemkot", "Pemprov", "Pemda")
GOV_BY_LEVEL = {"kabupaten": "Pemkab", "kota": "Pemkot", "provinsi": "Pemprov"}
LEVEL_PREFIXES = ("Kabupaten", "Kota", "Provinsi")
RULE_WORDS = ("Peraturan", "Keputusan")  # a bare body issuing a regulation is the national one
FULL_NAME_SCOPES = ("local", "regional", "national")  # named as written when the acronym is never written


@dataclass
class Group:
    """One institution of the article and the mentions that name it."""

    canonical: str  # gazetteer canonical of the body type
    key: tuple
    mentions: list[Mention] = field(default_factory=list)

    @property
    def parent_free(self) -> bool:
        return not self.mentions[0].entry.is_subunit and self.scope not in ("unlisted", "school")

    @property
    def scope(self) -> str:
        return self.mentions[0].entry.scope


def _clean(s: str) -> str:
    s = re.sub(r"\s*\(\s*[^()]*\)", "", s)
    return re.sub(r"\s+", " ", s).strip(" ,")


def find_mentions(text: str, sentences) -> list[Mention]:
    """Every institution mention in body sentences, left to right."""
    tokens = tokenize(text)
    skip = skipped_spans(text, sentences)
    out: list[Mention] = []
    i, n = 0, len(tokens)
    starters = mention_starters()
    while i < n:
        if (tokens[i].low in starters or tokens[i].text in defined_acronyms(tokens)) and tokens[i].text[:1].isupper() and not (skip and in_spans(tokens[i].start, skip)) \
                and not _in_rank(tokens, i):
            m = read_mention(tokens, i, text)
            if m is not None and m.region is None and m.parent is None and i and tokens[i - 1].text in RULE_WORDS:
                m = replace(m, national=True)  # "Peraturan KPU Nomor 8": the national body's regulation
            if m is not None and division_of_other(tokens, m, text):
                m = None  # "Divisi Humas Bawaslu": a division in a title; the body follows
            if m is not None and out and owned_by(out[-1], m, tokens):
                owner = out.pop()  # "BMKG Stasiun Meteorologi X": the agency's station, one institution
                m = replace(m, office=owner.entry.canonical, start=owner.start,
                            office_written=text[owner.start:m.end])
            if m is not None:
                out.append(m)
                out.extend(_coordinated_units(tokens, m, text))
                i = max(out[-1].tok_end, i + 1)
                continue
        i += 1
    return out


def _in_rank(tokens, i: int) -> bool:
    """'Mayjen TNI Ridwan', 'Kombes Pol Budi': the body word belongs to a rank, it names no institution."""
    from nlp.names import skip_honorifics

    return i > 0 and tokens[i - 1].text[:1].isupper() and skip_honorifics(tokens, i - 1) > i


def _coordinated_units(tokens, m: Mention, text: str) -> list[Mention]:
    """'Bawaslu Kota Palembang dan Kabupaten OKI': the second region is a unit of the same body."""
    out = []
    while m.region is not None and m.tok_end + 2 < len(tokens) and tokens[m.tok_end].low in ("dan", "serta"):
        j = m.tok_end + 1
        if tokens[j].low not in LEVEL_WORDS:
            break
        twin = Mention(m.entry, tokens[j].start, tokens[j].end, j, m.base)
        k = read_region(tokens, j, twin, text)
        if not k or twin.region is None:
            break
        twin.tok_end = j + k
        twin.end = tokens[j + k - 1].end
        out.append(twin)
        m = twin
    return out


def unit_key(m: Mention) -> tuple:
    """What makes two mentions the same body: type + region, or sub-unit + parent."""
    if m.parent is not None:
        return (m.entry.canonical, unit_key(m.parent)) + ((m.region.name.lower(),) if m.region else ())
    if m.region is not None:
        office = m.entry.canonical if m.office in m.entry.parents else _office_name(m, m.entry.canonical)
        return (office, m.region.name.lower(), m.region.level)
    return (m.entry.canonical,)


def group_mentions(mentions: list[Mention], lead_end: int = 0) -> list[Group]:
    """Mentions grouped per body; `lead_end` closes the story's first sentence (its lead)."""
    groups: dict[tuple, Group] = {}
    for m in mentions:
        if m.generic:
            continue
        key = unit_key(m)
        groups.setdefault(key, Group(m.entry.canonical, key)).mentions.append(m)
    _merge_levels(groups)
    _merge_initials(groups)
    _resolve_bare(groups, lead_end)
    return list(groups.values())


def _merge_levels(groups: dict[tuple, Group]) -> None:
    """'Bawaslu Kendal' (no level word) joins 'Bawaslu Kabupaten Kendal' when that is the only match."""
    for key in [k for k in groups if len(k) == 3]:
        same = [k for k in groups if len(k) == 3 and k[:2] == key[:2] and k != key]
        if key in groups and same and len(same) == 1:
            other = same[0]
            loose, firm = (key, other) if _is_loose(groups[key]) else (other, key)
            if _is_loose(groups[loose]):
                groups[firm].mentions.extend(groups.pop(loose).mentions)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()


def _abbreviates(short: str, name: str) -> bool:
    """'BB' for 'Bukit Barisan' (initials), 'Tpr' for 'Tanjungpura' (letters kept in order)."""
    if short.isupper() and _initials(name) == short:
        return True
    rest = iter(name.lower())
    return short[:1].lower() == name[:1].lower() and len(short) < len(name) and all(c in rest for c in short.lower())


def _merge_initials(groups: dict[tuple, Group]) -> None:
    """'Kodam I/BB' is 'Kodam I/Bukit Barisan' when the unit number is the same and BB its initials."""
    for key in [k for k in groups if len(k) == 3]:
        g = groups[key]
        code = next((m.code for m in g.mentions if m.code), "")
        short = g.mentions[0].region_text
        if not code or not (short.isalpha() and len(short) <= 4 or not short):
            continue
        for other, h in groups.items():
            if other != key and len(other) == 3 and other[0] == key[0] and other[1] \
                    and (not short or _abbreviates(short, other[1])) and any(m.code == code for m in h.mentions):
                h.mentions.extend(groups.pop(key).mentions)
                h.spelled_region = next(m.region_text for m in h.mentions if m.region_text and m.region_text != short)
                break


def _is_loose(g: Group) -> bool:
    return not any(m.region_text.split(" ")[0] in ("Kabupaten", "Kota", "Provinsi") for m in g.mentions)


def _units_of(groups: dict[tuple, Group], canonical: str) -> list[tuple]:
    return [k for k in groups if len(k) > 1 and k[0] == canonical]


def _story_unit(groups: dict[tuple, Group], units: list[tuple], bare: Group, lead_end: int) -> Optional[tuple]:
    """The unit a bare name means: the only one, or the one the story opens with alone (the only unit named
    in the lead sentence, before any bare use)."""
    if len(units) == 1:
        return units[0]
    if not units:
        return None
    first = min(units, key=lambda k: groups[k].mentions[0].start)
    lead = groups[first].mentions[0].start
    others = [groups[k].mentions[0].start for k in units if k != first]
    if lead < bare.mentions[0].start and lead < lead_end <= min(others):
        return first
    return None


def _narrower_unit(groups: dict[tuple, Group], bare: Group) -> Optional[tuple]:
    """A bare sub-unit word ("Propam") that the article's one narrower unit ends with ("Bidpropam Polda X")."""
    if not bare.mentions[0].entry.is_subunit:
        return None
    word = _clean(bare.mentions[0].base).lower()
    hits = [k for k, g in groups.items() if g is not bare and g.canonical.lower().endswith(word)
            and g.canonical != bare.canonical]
    return hits[0] if len(hits) == 1 else None


def _resolve_bare(groups: dict[tuple, Group], lead_end: int = 0) -> None:
    """GUIDELINES: in a local story a bare 'Bawaslu' is the local unit; generic bare units are dropped."""
    govs = [k for c in GOVERNMENTS for k in _units_of(groups, c)]
    for key in [k for k in groups if len(k) == 1]:
        g = groups[key]
        units = _units_of(groups, key[0])
        explicit_national = any(m.national for m in g.mentions)
        scope = g.scope
        story_unit = _story_unit(groups, units, g, lead_end) or _narrower_unit(groups, g)
        if scope in ("regional", "local", "dinas", "subunit", "subunit!", "unlisted") and story_unit \
                and not explicit_national:
            groups[story_unit].mentions[0:0] = groups.pop(key).mentions
        elif scope == "dinas" and not units and len(govs) == 1:
            region_key = groups[govs[0]].key
            new_key = (key[0],) + region_key[1:]
            g = groups.pop(key)
            g.key = new_key
            g.region_from = groups[govs[0]]
            groups[new_key] = g
        elif scope in ("subunit", "subunit!") and _attach_to_parent(groups, key):
            pass  # "Bidang Profesi dan Pengamanan" in a story about one Polda is that Polda's unit
        elif scope in ("local", "subunit!"):
            groups.pop(key)  # "tingkat Koramil", "para Danramil": no one unit is meant
    for key in [k for k, g in groups.items() if all(m.is_title for m in g.mentions)]:
        groups.pop(key)  # "Bupati Serang" alone names a person's office, not a body the article names


def _attach_to_parent(groups: dict[tuple, Group], key: tuple) -> bool:
    """A bare sub-unit whose parent type the article names exactly once becomes that parent's sub-unit."""
    g = groups[key]
    parents = g.mentions[0].entry.parents
    hits = [k for k, h in groups.items() if h.canonical in parents and not h.mentions[0].entry.is_subunit]
    if len(hits) != 1 or g.mentions[0].entry.scope == "subunit" and len(groups[hits[0]].key) == 1:
        return False
    parent = next((m for m in groups[hits[0]].mentions if not m.is_title), None)
    if parent is None:
        return False
    g = groups.pop(key)
    g.mentions = [replace(m, parent=parent) for m in g.mentions]
    g.key = unit_key(g.mentions[0])
    if g.key in groups:
        groups[g.key].mentions.extend(g.mentions)
    else:
        groups[g.key] = g
    return True


def _region_text(g: Group) -> str:
    if getattr(g, "spelled_region", None):
        return g.spelled_region  # "Garuda Hitam", not the article's initials "GH"
    # the body's own mentions name it before a head's title does ("Polda Sulteng", not "Kapolda Sulawesi Tengah")
    texts = [m.region_text for m in g.mentions if m.region_text and not m.is_title]
    texts += [m.region_text for m in g.mentions if m.region_text and m.is_title]
    firm = [t for t in texts if t.split(" ")[0] in ("Kabupaten", "Kota", "Provinsi")]
    if firm:
        return max(firm, key=len)
    if texts:
        return texts[0]
    src = getattr(g, "region_from", None)
    return _region_text(src) if src is not None else ""


def _sub_name(m: Mention) -> str:
    base = _clean(m.base)
    own = base if base.startswith(m.entry.canonical) else m.entry.canonical
    if m.entry.scope == "subunit!" and not m.acronym and base in m.entry.forms and len(base) > len(own):
        own = base  # "Badan Anggaran DPRD X": a unit the article only names in full keeps that name
    if m.parent is None:
        return own
    p = m.parent
    if p.entry.scope == "party":
        return own + " " + _clean(p.base) + (" " + m.region_text if m.region_text else "")
    return own + " " + _mention_name(p)


def _mention_name(m: Mention) -> str:
    if m.parent is not None or m.entry.is_subunit:
        return _sub_name(m)
    if m.entry.canonical == "Pemda" and m.is_title and m.region is not None and m.region.level in GOV_BY_LEVEL:
        # "Sekda Kota Manado" serves the city government: Pemkot Manado
        place = m.region_text.split(" ", 1)[1] if m.region_text.split(" ")[0] in LEVEL_PREFIXES else m.region_text
        return f"{GOV_BY_LEVEL[m.region.level]} {place}"
    if m.region_text:
        name = f"{m.entry.canonical} {m.code}/{m.region_text}" if m.code else f"{m.entry.canonical} {m.region_text}"
        return _office_name(m, name)
    if m.code:
        return f"{m.entry.canonical} {m.code}"
    return m.entry.canonical


def _office_name(m: Mention, name: str) -> str:
    return f"{m.office} {name}" if m.office else name


def group_name(g: Group) -> str:
    office = next((m for m in g.mentions if m.office), None)
    name = _group_name(g)
    return _office_name(office, name) if office is not None else name


def _group_name(g: Group) -> str:
    first = g.mentions[0]
    if first.entry.is_subunit:
        with_parent = [m for m in g.mentions if m.parent is not None]
        return _sub_name(with_parent[0] if with_parent else first)
    region = _region_text(g)
    codes = [m.code for m in g.mentions if m.code]
    office = any(m.office for m in g.mentions)
    if (g.scope == "dinas" or g.scope in FULL_NAME_SCOPES and _spelled_out(g) and not codes and not office) \
            and not _acronym_written(g):
        # GUIDELINES: the acronym where one is in use; an office the article only names in full keeps that name
        forms = g.mentions[0].entry.forms  # the body's own full form before another one ("Pemerintah Daerah")
        full = max((_clean(m.base) for m in g.mentions if not m.is_title), key=lambda b: (b in forms, len(b)),
                   default=g.canonical)
        return f"{full} {region}" if region else full
    short = _article_short(g)
    if short != g.canonical and not codes:
        return f"{short} {region}" if region else short
    if region and codes:  # "Kodim 1408/Makassar": military units are named with their number
        return f"{g.canonical} {codes[0]}/{region}"
    if codes:  # "Kodim 0818": by its number alone
        return f"{g.canonical} {codes[0]}"
    return f"{g.canonical} {region}" if region else g.canonical


def _article_short(g: Group) -> str:
    """The short name the article itself defines ("Badan Kesatuan Bangsa dan Politik (Bakesbangpol)") when it
    never writes the gazetteer's one; else the gazetteer's."""
    own = [m.acronym for m in g.mentions if m.acronym and not m.is_title]
    written = any(_clean(m.base) == g.canonical or m.acronym == g.canonical for m in g.mentions)
    return own[0] if own and not written and g.parent_free else g.canonical


def _spelled_out(g: Group) -> bool:
    """The article writes the body's full name ("Bank Indonesia", "Kejaksaan Negeri"), not only a short form."""
    return any(" " in _clean(m.base) and g.canonical not in m.base for m in g.mentions if not m.is_title)


def _acronym_written(g: Group) -> bool:
    return any(m.acronym or m.short_written or _clean(m.base) == g.canonical for m in g.mentions if not m.is_title)


def group_aliases(g: Group, name: str, national_types: set[str], unit_count: dict) -> list[str]:
    seen: dict[str, None] = {}
    for m in g.mentions:
        if m.is_title:
            continue
        surface = _clean(m.base)
        if m.office:
            seen[_clean(m.office_written)] = None
        if m.written:
            seen[_clean(m.written)] = None
        if m.parent is not None and m.parent.entry.scope == "party":
            seen[_clean(f"{surface} {_clean(m.parent.base)} {m.region_text}")] = None  # "DPD Golkar Bali"
            continue
        if m.region_text:
            seen[_clean(f"{surface} {m.region_text}")] = None
            if m.code:
                seen[f"{surface} {m.code}/{m.region_text}"] = None
                seen[f"{g.canonical} {m.region_text}"] = None
            if g.canonical not in national_types and unit_count.get(g.canonical, 0) == 1:
                seen[surface] = None
                if m.acronym:
                    seen[_clean(m.acronym)] = None
        elif m.code:
            seen[f"{surface} {m.code}"] = None
        elif m.parent is not None:
            seen[_clean(f"{surface} {_mention_name(m.parent)}")] = None
            seen[surface] = None
        else:
            seen[surface + (" RI" if m.national and m.entry.scope != "party" else "")] = None
            if m.national:
                seen[surface] = None
        if m.acronym and m.region_text:
            seen[_clean(f"{m.acronym} {m.region_text}")] = None
        elif m.acronym:
            seen[_clean(m.acronym)] = None
            if m.national and m.entry.scope != "party":
                seen[_clean(m.acronym) + " RI"] = None
    region = _region_text(g)
    if g.parent_free and region:  # "Pemerintah Kota Manado" is also "Pemkot Manado"; "PN X" "Pengadilan Negeri X"
        for form in dict.fromkeys((g.canonical, *g.mentions[0].entry.forms[:2], min(g.mentions[0].entry.forms, key=len))):
            seen[f"{form} {region}"] = None
    seen.pop(name, None)
    return [a for a in seen if a and a.lower() != name.lower()]


def find_institutions(text: str, sentences) -> list[Institution]:
    """Institutions named in the body, each once, with the other ways the article writes them."""
    mentions = find_mentions(text, sentences)
    groups = group_mentions(mentions, sentences[0][1] if sentences else 0)
    national_types = {g.canonical for g in groups if len(g.key) == 1}
    unit_count: dict[str, int] = {}
    for g in groups:
        if len(g.key) > 1:
            unit_count[g.canonical] = unit_count.get(g.canonical, 0) + 1
    locate = SentenceLocator(sentences)
    out: list[Institution] = []
    for g in sorted(groups, key=lambda g: g.mentions[0].start):
        name = group_name(g).strip()
        if not name:
            LOG.debug("unnamed institution group %s skipped", g.key)
            continue
        spans = [Span(locate(m.start), m.start, m.end) for m in sorted(g.mentions, key=lambda m: m.start)]
        out.append(Institution(name=name, aliases=group_aliases(g, name, national_types, unit_count), mentions=spans))
    return out
