"""Choose the publication day: declared metadata first (JSON-LD, OpenGraph, meta), then the page URL,
htmldate on the pruned page (original dates only), then an Indonesian dateline near the headline."""
from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta, timezone
from typing import Optional

from extract.metadata import PageMeta
from extract.patterns import load_lines

LOG = logging.getLogger(__name__)

JAKARTA = timezone(timedelta(hours=7))  # Asia/Jakarta has kept UTC+7 without DST since 1964
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:\s*T?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|\b)")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b")
_WORDY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d{2})\b")
META_KEYS = (
    "article:published_time", "og:published_time", "article:published", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "publication_date", "date.issued", "dc.date.issued",
    "dcterms.issued", "content_publisheddate", "dtreleased", "sailthru.date", "parsely-pub-date",
    "datecreated", "dc.date", "dcterms.created", "date",
)
_DATELINE_MARKS = re.compile(r"date|time|tanggal|tgl|waktu|publish|posted", re.I)


def _month_names() -> dict[str, int]:
    names = {}
    for line in load_lines("months_id.tsv"):
        name, number = line.split("\t")
        names[name.lower()] = int(number)
    return names


def to_jakarta_day(value: str) -> Optional[str]:
    """'2016-02-16T02:10:56Z' -> '2016-02-16' (the Asia/Jakarta day); None when unreadable."""
    match = _ISO.search(value or "")
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if zone:
        offset = timezone.utc if zone == "Z" else _offset(zone)
        moment = moment.replace(tzinfo=offset).astimezone(JAKARTA)
    return _plausible(moment.date())


def _offset(zone: str) -> timezone:
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def _plausible(day: date) -> Optional[str]:
    if 1990 <= day.year <= date.today().year + 1:
        return day.isoformat()
    return None


def declared_date(meta: PageMeta) -> Optional[str]:
    for key in ("datePublished", "dateCreated"):
        for value in meta.ld_values(key):
            found = to_jakarta_day(str(value))
            if found:
                return found
    for key in META_KEYS:
        for value in meta.meta.get(key, ()):
            found = to_jakarta_day(value)
            if found:
                return found
    return None


def url_date(url: Optional[str]) -> Optional[str]:
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return _plausible(date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
    except ValueError:
        return None


def dateline_date(root) -> Optional[str]:
    """A visible date in an element marked as a date (class/id/time tag), first in page order."""
    months = _month_names()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if el.tag != "time" and not _DATELINE_MARKS.search(marks):
            continue
        text = el.get("datetime") or el.text_content()[:200]
        found = to_jakarta_day(text) if _ISO.search(text) else parse_indonesian_date(text, months)
        if found:
            return found
    return None


def headline_date(root) -> Optional[str]:
    """The first date written in the few text pieces that follow the headline (<h1>)."""
    months = _month_names()
    for heading in root.iter("h1"):
        for text in heading.xpath("following::text()[normalize-space()][position() <= 40]"):
            found = parse_indonesian_date(text, months)
            if found:
                return found
        break
    return None


def parse_indonesian_date(text: str, months: Optional[dict] = None) -> Optional[str]:
    """'Selasa, 16 Februari 2016 | 14:38 WIB' or 'Selasa, 23/02/2016 15:32 WIB' -> ISO day."""
    months = months or _month_names()
    try:
        wordy = _WORDY.search(text)
        if wordy and wordy.group(2).lower() in months:
            return _plausible(date(int(wordy.group(3)), months[wordy.group(2).lower()], int(wordy.group(1))))
        numeric = _NUMERIC.search(text)
        if numeric:
            return _plausible(date(int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1))))
    except ValueError:
        return None
    return None


def htmldate_date(tree, url: Optional[str]) -> Optional[str]:
    """htmldate on the pruned page, original (not updated) dates only, no deep text search."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception as exc:  # htmldate on a hostile page must not sink the article
        LOG.debug("htmldate failed: %s", exc)
        return None
    return found or None


def choose_date(meta: PageMeta, pruned_root, url: Optional[str]) -> Optional[str]:
    return (declared_date(meta) or url_date(url) or dateline_date(pruned_root)
            or headline_date(pruned_root) or htmldate_date(pruned_root, url))
