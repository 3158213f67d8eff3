"""Choose the article headline: declared titles without the site name, matched to the page's heading."""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import urlsplit

from extract.metadata import PageMeta
from extract.patterns import load_words

_SEPARATORS = re.compile(r"\s+(?:[-–—|»:]|::)\s+|\s*\|\s*")
_PREFIX = re.compile(r"^([^:]{2,40}):\s+(.+)$")
_NON_WORD = re.compile(r"\W+")
_SUFFIX_LABELS = frozenset("com co id net org go or ac web my sch tv info news biz".split())


def norm(text: str) -> str:
    return _NON_WORD.sub(" ", text or "").strip().lower()


def site_tokens(meta: PageMeta, url: Optional[str]) -> set[str]:
    """Words naming the site (from its host names and og:site_name) that titles tack on."""
    tokens = set()
    hosts = [url, meta.canonical, meta.first("og:url")]
    for value in hosts:
        label = registered_label(urlsplit(value or "").hostname or "")
        if len(label) >= 4:
            tokens.add(label)
    site_name = meta.first("og:site_name", "application-name", "publisher") or ""
    tokens |= {word for word in norm(site_name).split() if len(word) >= 4}
    tokens |= {norm(site_name).replace(" ", "")} if site_name else set()
    return {t for t in tokens if t and t not in load_words("title_generic_words.txt")}


def registered_label(host: str) -> str:
    """'nasional.kompas.com' -> 'kompas'; 'www.republika.co.id' -> 'republika'."""
    parts = [p for p in host.lower().split(".") if p]
    while len(parts) > 1 and parts[-1] in _SUFFIX_LABELS:
        parts.pop()
    return parts[-1] if parts else ""


def strip_site(title: str, tokens: set[str]) -> str:
    """'Headline - Kompas.com' -> 'Headline'; 'KapanLagi.com: Headline' -> 'Headline'."""
    title = title.strip()
    prefix = _PREFIX.match(title)
    if prefix and _site_like(prefix.group(1), tokens):
        title = prefix.group(2)
    parts = [p.strip() for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) <= 1:
        return title
    kept = [p for p in parts if not _site_like(p, tokens)] or parts
    return max(kept, key=len)


def _site_like(segment: str, tokens: set[str]) -> bool:
    squashed = norm(segment).replace(" ", "")
    return any(token in squashed for token in tokens)


def choose_title(meta: PageMeta, url: Optional[str]) -> Optional[str]:
    """The headline as the page shows it, else the cleaned declared title."""
    tokens = site_tokens(meta, url)
    declared = [h for h in meta.ld_values("headline") if isinstance(h, str)]
    declared += [meta.first(k) for k in ("og:title", "twitter:title")]
    declared += [meta.title_tag, meta.first("title")]
    cleaned = [strip_site(t, tokens) for t in declared if t and t.strip()]
    if not cleaned:
        return meta.headings[0] if meta.headings else None
    for candidate in cleaned:
        heading = _matching_heading(candidate, meta.headings)
        if heading:
            return heading
    return cleaned[0]


def _matching_heading(candidate: str, headings: list[str]) -> Optional[str]:
    wanted = norm(candidate)
    if len(wanted) < 8:
        return None
    equal = [h for h in headings if norm(h) == wanted]
    if equal:
        return equal[0]
    containing = [h for h in headings if wanted in norm(h) and len(h) <= len(candidate) + 40]
    if containing:
        return min(containing, key=len)
    # "Headline (Bagian 1)" declared, "Headline" shown
    prefixes = [h for h in headings if len(norm(h)) >= 0.6 * len(wanted) and wanted.startswith(norm(h) + " ")]
    return max(prefixes, key=len) if prefixes else None
