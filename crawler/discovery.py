"""Read article URLs and their dates out of sitemaps, sitemap indexes, news sitemaps, RSS and Atom feeds."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from io import BytesIO
from typing import Iterator

import lxml.etree
from scrapy.utils.gz import gunzip

LOG = logging.getLogger(__name__)
GZIP_MAGIC = b"\x1f\x8b"
MAX_UNZIPPED = 50 * 1024 * 1024  # sitemaps are capped at 50 MB by the protocol

__all__ = ["Entry", "iter_listing_xml", "parse_listing_xml", "sniff_xml", "parse_date"]


@dataclass(frozen=True)
class Entry:
    """One URL listed by a sitemap or feed; `child` marks a sitemap listed by a sitemap index."""

    url: str
    lastmod: str | None = None     # ISO timestamp (UTC) of the last change, when listed
    published: str | None = None   # ISO timestamp (UTC) of publication (news sitemaps, feeds)
    child: bool = False

    @property
    def newest(self) -> str | None:
        return max(filter(None, (self.lastmod, self.published)), default=None)


def _local(tag) -> str:
    return tag.rpartition("}")[2].lower() if isinstance(tag, str) else ""


def parse_date(text: str | None) -> str | None:
    """An ISO-8601, RFC-822 or plain date as an ISO UTC timestamp; None when unreadable."""
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from email.utils import parsedate_to_datetime
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def unzip_if_needed(body: bytes) -> bytes:
    if body[:2] == GZIP_MAGIC:
        return gunzip(body, max_size=MAX_UNZIPPED)
    return body


def sniff_xml(body: bytes) -> str | None:
    """'sitemap', 'sitemapindex', 'rss' or 'atom' when the (unzipped) body is such an XML document, else None."""
    head = body[:4096].lstrip()
    if not head.startswith(b"<"):
        return None
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered:
        return None
    for marker, kind in ((b"<sitemapindex", "sitemapindex"), (b"<urlset", "sitemap"), (b"<rss", "rss"),
                         (b"<rdf:rdf", "rss"), (b"<feed", "atom")):
        if marker in lowered:
            return kind
    return None


def _children(elem) -> dict[str, object]:
    found: dict[str, object] = {}
    for child in elem:
        name = _local(child.tag)
        if name == "news":  # <news:news><news:publication_date>
            for sub in child:
                if _local(sub.tag) == "publication_date":
                    found["publication_date"] = (sub.text or "").strip()
        elif name == "link" and child.get("href"):  # Atom <link href=...>
            if child.get("rel", "alternate") == "alternate":
                found.setdefault("link", child.get("href"))
        elif name not in found:
            found[name] = (child.text or "").strip()
    return found


def _entry(kind: str, fields: dict) -> Entry | None:
    if kind in ("sitemap", "sitemapindex"):
        url, lastmod = fields.get("loc"), parse_date(fields.get("lastmod"))
        published = parse_date(fields.get("publication_date"))
        return Entry(url, lastmod, published, child=kind == "sitemapindex") if url else None
    if kind == "rss":
        url = fields.get("link") or fields.get("guid")
        published = parse_date(fields.get("pubdate") or fields.get("date"))
        return Entry(url, None, published) if url else None
    url = fields.get("link") or fields.get("id")
    return Entry(url, parse_date(fields.get("updated")), parse_date(fields.get("published"))) if url else None


ITEM_TAGS = {"sitemap": "url", "sitemapindex": "sitemap", "rss": "item", "atom": "entry"}


def iter_listing_xml(body: bytes) -> tuple[str | None, Iterator[Entry]]:
    """The kind of a sitemap/feed body and a lazy iterator over its entries (flat memory for 50,000-URL
    sitemaps); (None, empty) for anything else. Tolerates broken XML."""
    body = unzip_if_needed(body)
    kind = sniff_xml(body)
    return kind, (_entries(body, kind) if kind else iter(()))


def _entries(body: bytes, kind: str) -> Iterator[Entry]:
    item_tag, read = ITEM_TAGS[kind], 0
    parser = lxml.etree.iterparse(BytesIO(body), events=("end",), recover=True, resolve_entities=False,
                                  remove_comments=True, huge_tree=True)
    try:
        for _, elem in parser:
            if _local(elem.tag) != item_tag:
                continue
            entry = _entry(kind, _children(elem))
            elem.clear()
            while elem.getprevious() is not None:  # drop handled siblings too
                del elem.getparent()[0]
            if entry and entry.url.startswith(("http://", "https://")):
                read += 1
                yield entry
    except lxml.etree.XMLSyntaxError as exc:  # recover=True still stops on some damage: keep what was read
        LOG.warning("damaged %s document, read %d entries before: %s", kind, read, exc)


def parse_listing_xml(body: bytes) -> tuple[str | None, list[Entry]]:
    """Like iter_listing_xml, with the entries as a list."""
    kind, entries = iter_listing_xml(body)
    return kind, list(entries)
