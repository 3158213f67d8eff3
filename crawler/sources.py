"""The sources file (TOML): which outlets to crawl and how each one's articles are discovered."""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

LOG = logging.getLogger(__name__)

DEFAULT_SOURCES = Path(__file__).with_name("sources.toml")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
URL_LISTS = ("sitemaps", "feeds", "sections")
PATTERN_LISTS = ("article_patterns", "follow_patterns", "sitemap_follow")
KNOWN_KEYS = {"name", "title", "domains", "max_section_pages", "follow_article_links", "enabled",
              *URL_LISTS, *PATTERN_LISTS}


class SourcesError(ValueError):
    """A sources file that cannot be used; the message lists every problem, one per line."""


@dataclass(frozen=True)
class Source:
    """One outlet: where its article URLs are listed and which URLs are articles."""

    name: str
    domains: tuple[str, ...]
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    article_patterns: tuple[str, ...] = ()  # empty: every same-site HTML page is stored (ad-hoc crawls)
    follow_patterns: tuple[str, ...] = ()   # listing pages (section pagination) followed for more links
    sitemap_follow: tuple[str, ...] = ()    # child sitemaps of an index to read (empty: all)
    max_section_pages: int = 5
    follow_article_links: bool = False      # also discover links on article pages (ad-hoc crawls: yes)
    title: str = ""
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def generic(self) -> bool:
        return not self.article_patterns

    def _regexes(self, kind: str) -> list[re.Pattern]:
        if kind not in self._compiled:
            self._compiled[kind] = [re.compile(p) for p in getattr(self, kind)]
        return self._compiled[kind]

    def owns(self, url: str) -> bool:
        host = _host(url)
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def is_article(self, url: str) -> bool:
        if not self.owns(url):
            return False
        return self.generic or any(r.search(url) for r in self._regexes("article_patterns"))

    def is_listing(self, url: str) -> bool:
        return self.owns(url) and any(r.search(url) for r in self._regexes("follow_patterns"))

    def follows_sitemap(self, url: str) -> bool:
        return not self.sitemap_follow or any(r.search(url) for r in self._regexes("sitemap_follow"))

    @property
    def start_urls(self) -> tuple[str, ...]:
        return self.sitemaps + self.feeds + self.sections


def _host(url: str) -> str:
    """The lower-cased host of an absolute URL (string slicing: called for every link of every page)."""
    netloc = url.split("/", 3)[2] if url.count("/") >= 2 else ""
    netloc = netloc.rpartition("@")[2]
    if netloc.startswith("["):
        return netloc[1:netloc.find("]")].lower()
    return netloc.partition(":")[0].lower()


def adhoc_source(urls: list[str], name: str | None = None) -> Source:
    """A generic source for URLs given on the command line: every same-host HTML page is a page to store."""
    hosts = sorted({(urlsplit(u).hostname or "").lower() for u in urls})
    return Source(name=name or hosts[0].removeprefix("www."), domains=tuple(hosts), sections=tuple(urls),
                  follow_article_links=True, max_section_pages=1000)


def _check_url(url, domains, where: str, errors: list[str]) -> None:
    parts = urlsplit(url) if isinstance(url, str) else None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname:
        errors.append(f"{where}: {url!r} is not an http(s) URL")
    elif domains and not any(parts.hostname == d or parts.hostname.endswith("." + d) for d in domains):
        errors.append(f"{where}: {url} is outside the source's domains {', '.join(domains)}")


def _string_list(entry: dict, key: str, where: str, errors: list[str]) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        errors.append(f"{where}: '{key}' must be a list of non-empty strings")
        return ()
    return tuple(v.strip() for v in value)


def _check_entry(entry, index: int, seen: set[str], errors: list[str]) -> Source | None:
    if not isinstance(entry, dict):
        errors.append(f"source #{index}: must be a table ([[source]])")
        return None
    name = entry.get("name")
    where = f"source #{index} ({name})" if isinstance(name, str) else f"source #{index}"
    before = len(errors)
    if not isinstance(name, str) or not NAME_RE.match(name):
        errors.append(f"{where}: 'name' is required: lower-case letters, digits, '.', '_' or '-'")
    elif name in seen:
        errors.append(f"{where}: duplicate name {name!r}")
    seen.add(name if isinstance(name, str) else "")
    for key in sorted(set(entry) - KNOWN_KEYS):
        errors.append(f"{where}: unknown key {key!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
    domains = tuple(d.lower() for d in _string_list(entry, "domains", where, errors))
    if not domains:
        errors.append(f"{where}: 'domains' must list at least one host name (e.g. [\"kompas.com\"])")
    lists = {key: _string_list(entry, key, where, errors) for key in URL_LISTS + PATTERN_LISTS}
    if not any(lists[key] for key in URL_LISTS):
        errors.append(f"{where}: give at least one of 'sitemaps', 'feeds' or 'sections'")
    for key in URL_LISTS:
        for url in lists[key]:
            _check_url(url, domains, f"{where} {key}", errors)
    for key in PATTERN_LISTS:
        for pattern in lists[key]:
            try:
                re.compile(pattern)
            except re.error as exc:
                errors.append(f"{where}: {key} pattern {pattern!r} is not a valid regular expression ({exc})")
    pages = entry.get("max_section_pages", 5)
    if not isinstance(pages, int) or isinstance(pages, bool) or not 1 <= pages <= 1000:
        errors.append(f"{where}: 'max_section_pages' must be an integer from 1 to 1000")
    for key in ("follow_article_links", "enabled"):
        if not isinstance(entry.get(key, False), bool):
            errors.append(f"{where}: '{key}' must be true or false")
    if len(errors) > before or entry.get("enabled", True) is False:
        return None
    return Source(name=name, domains=domains, max_section_pages=pages, title=str(entry.get("title", "")),
                  follow_article_links=entry.get("follow_article_links", False), **lists)


def parse_sources(text: str, origin: str = "sources") -> list[Source]:
    """Validate the TOML text of a sources file; raises SourcesError naming every bad entry."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{origin}: not valid TOML ({exc})") from exc
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{origin}: no [[source]] entries; see crawler/sources.toml for the format")
    errors: list[str] = [f"top-level key {k!r} is not known (only [[source]] tables)" for k in data if k != "source"]
    seen: set[str] = set()
    sources = [_check_entry(entry, i, seen, errors) for i, entry in enumerate(entries, 1)]
    if errors:
        raise SourcesError("\n".join(f"{origin}: {e}" for e in errors))
    return [s for s in sources if s is not None]


def load_sources(path: str | Path | None = None) -> list[Source]:
    """Read and validate a sources file (the shipped crawler/sources.toml by default)."""
    path = Path(path) if path else DEFAULT_SOURCES
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read the sources file ({exc.strerror}); give an existing --sources FILE")
    except UnicodeDecodeError:
        raise SourcesError(f"{path}: not a UTF-8 text file; a sources file is TOML")
    return parse_sources(text, str(path))


def source_for(sources: list[Source], url: str) -> Source | None:
    """The source whose domains contain the URL's host (the most specific domain wins)."""
    owners = [s for s in sources if s.owns(url)]
    return max(owners, key=lambda s: max(len(d) for d in s.domains), default=None)
