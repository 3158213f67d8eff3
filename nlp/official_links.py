"""Which of the article's institutions an official's position belongs to."""
from __future__ import annotations

import bisect
import re
import logging
from typing import Optional

from nlp.facts import Institution, Span
from nlp.inst_mentions import Mention

LOG = logging.getLogger(__name__)
SELF_GOVERNMENTS = ("Pemkab", "Pemkot", "Pemprov")  # their heads link only to a government the article names


class InstitutionLinker:
    """Looks institutions up by mention offset, by type, or by nearness to a position."""

    def __init__(self, text: str, institutions: list[Institution], locate=lambda offset: -1):
        self.text = text
        self.locate = locate
        self.institutions = institutions
        self._reindex()

    def _reindex(self) -> None:
        self._region_keys = None
        spans = sorted((sp.start, inst.name) for inst in self.institutions for sp in inst.mentions)
        self.starts = [s for s, _ in spans]
        self.names = [nm for _, nm in spans]
        self.by_start = dict(spans)
        self.by_alias = {}
        for inst in self.institutions:
            for a in [inst.name] + list(inst.aliases):
                self.by_alias.setdefault(a.lower(), inst.name)

    def _of_type(self, types) -> list[str]:
        return [i.name for i in self.institutions
                if any(a == t or a.startswith(t + " ") for t in types for a in [i.name] + list(i.aliases))]

    def _named(self, name: str) -> Optional[str]:
        return self.by_alias.get(name.lower())

    def _add(self, name: str, m: Mention) -> str:
        for inst in self.institutions:
            if inst.name == name:
                return name
        if name.lower() in self.by_alias:  # "Sekda Kota Manado" -> the article's "Pemerintah Kota Manado"
            return self.by_alias[name.lower()]
        self.institutions.append(Institution(name=name, aliases=[], mentions=[Span(self.locate(m.start), m.start, m.end)]))
        self._reindex()
        return name

    def named_body(self, written: str, offset: int, add: bool = True) -> Optional[str]:
        """An unlisted body written beside a position ("Kepala Disperkimtan Banyuwangi, ..."): the article's
        institution of that name, or a new one."""
        short = re.search(r"\(([^()]+)\)", written)
        written = re.sub(r"\s*\([^()]*\)", "", written)  # "Lingkar Madani (Lima) Indonesia"
        got = self.by_alias.get(written.lower())
        if got:
            return got
        for inst in self.institutions:  # "Diskominfotiksan Pekanbaru" is "Diskominfotiksan Kota Pekanbaru"
            first = written.split()[0].lower()
            if inst.name.lower().split()[0] == first and written.split()[-1].lower() in inst.name.lower():
                return inst.name
        if not add:
            return None
        self.institutions.append(Institution(name=written, aliases=[short.group(1)] if short else [],
                                             mentions=[Span(self.locate(offset), offset, offset + len(written))]))
        self._reindex()
        return written

    def canonical_for(self, m: Mention) -> Optional[str]:
        """The article institution that mention m names (adding one a title implies: 'Kapolres Kudus')."""
        from nlp.institutions import _mention_name  # local: avoid an import cycle at module load

        if m.start in self.by_start:
            return self.by_start[m.start]
        if m.is_title and m.entry.is_subunit:
            own = self.by_alias.get(_mention_name(m).lower())
            if own:
                return own
            if m.parent is not None:  # "Kabid Humas Polda Kalbar": the office belongs to Polda Kalbar
                parent = self.by_alias.get(_mention_name(m.parent).lower())
                if parent:
                    return parent
                if m.entry.scope == "subunit!" and not m.parent.is_title:
                    # "Kasat Reskrim Polres Sorong Kota" with no Satreskrim named: the office is the Polres's
                    return self._add(_mention_name(m.parent), m.parent)
        if m.region is not None:  # "Kapolda Sulawesi Tengah" and "Polda Sulteng" are one body
            got = self._by_region().get((m.entry.canonical, m.region.name.lower()))
            if got:
                return got
        same_type = self._of_type([m.entry.canonical])
        if m.region is None and m.parent is None and len(same_type) == 1:
            return same_type[0]
        if m.is_title and m.entry.canonical in SELF_GOVERNMENTS:
            return self._named(_mention_name(m))  # "Bupati Malang" names the person's office, not a body
        if m.is_title and (m.region is not None or m.parent is not None or m.entry.scope in ("national", "regional")):
            return self._add(_mention_name(m), m)
        return None

    def _by_region(self) -> dict:
        """(body type, region) -> article institution, read back from the institutions' mentions."""
        if self._region_keys is None:
            from nlp.inst_mentions import read_mention
            from nlp.tokens import tokenize

            tokens = tokenize(self.text)
            at = {t.start: x for x, t in enumerate(tokens)}
            self._region_keys = {}
            for inst in self.institutions:
                for sp in inst.mentions:
                    got = read_mention(tokens, at[sp.start], self.text) if sp.start in at else None
                    if got is not None and got.region is not None:
                        self._region_keys.setdefault((got.entry.canonical, got.region.name.lower()), inst.name)
        return self._region_keys

    def nearest(self, offset: int, types=()) -> Optional[str]:
        """The institution named closest before `offset` (else just after), optionally of the given types."""
        allowed = set(self._of_type(types)) if types else None
        k = bisect.bisect_left(self.starts, offset)
        for x in range(k - 1, -1, -1):
            if allowed is None or self.names[x] in allowed:
                return self.names[x]
        for x in range(k, len(self.starts)):
            if allowed is None or self.names[x] in allowed:
                return self.names[x]
        return None

    def institution_for(self, m: Optional[Mention], head, offset: int) -> Optional[str]:
        if m is not None:
            got = self.canonical_for(m)
            if got or (m.is_title and m.entry.canonical in SELF_GOVERNMENTS):
                return got
        if head is not None and head.types == ("-",):
            return None  # "Presiden Joko Widodo": no institution is named
        if head is not None and head.types:
            strict = "!" in head.types  # "Camat": its government only when the article names exactly one
            types = tuple(t for t in head.types if t != "!")
            if strict:
                found = self._of_type(types)
                return found[0] if len(found) == 1 else None
            got = self.nearest(offset, types)
            if got:
                return got
        return self.nearest(offset)
