"""Find the link to the next page of a multi-page article (for the crawler)."""
from __future__ import annotations

import logging
import re
from typing import Optional
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml import html as lxml_html

from extract.decode import NotHtmlError, decode_html
from extract.patterns import load_alternation

LOG = logging.getLogger(__name__)
_PAGE_PARAMS = ("page", "halaman", "hal", "p")
_PAGE_PATH = re.compile(r"/(?:page|halaman|hal)[/-]?(\d+)/?$|-(\d+)(?:\.html?)?$", re.I)


def next_page_url(html: bytes | str, url: Optional[str]) -> Optional[str]:
    """The absolute URL of the article's next page (rel=next, "Halaman selanjutnya", ?page=N+1) or None."""
    try:
        root = lxml_html.document_fromstring(decode_html(html).text)
    except (NotHtmlError, ValueError, TypeError) as exc:
        LOG.debug("no next page for %s: %s", url, exc)
        return None
    base = url or ""
    for link in root.iter("link", "a"):
        if "next" in (link.get("rel") or "").lower().split() and link.get("href"):
            return _absolute(base, link.get("href"))
    label = load_alternation("pagination_labels.txt", r"^\s*{}\s*$")
    current = _page_number(base)
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            continue
        target = _absolute(base, href)
        text = anchor.text_content().strip()
        if label.match(text) and _same_article(base, target):
            return target
        number = _page_number(target)
        if number == current + 1 and text.strip() == str(number) and _same_article(base, target):
            return target
    return None


def _absolute(base: str, href: str) -> str:
    return urljoin(base, href.strip())


def _page_number(url: str) -> int:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    for key in _PAGE_PARAMS:
        if key in query and query[key][0].isdigit():
            return int(query[key][0])
    match = _PAGE_PATH.search(parts.path)
    if match:
        return int(match.group(1) or match.group(2))
    return 1


def _same_article(base: str, target: str) -> bool:
    """Next-page links stay on the same host and share the article's path stem."""
    if not base:
        return True
    first, second = urlsplit(base), urlsplit(target)
    if first.hostname != second.hostname:
        return False
    stem = _PAGE_PATH.sub("", first.path.rstrip("/"))
    return second.path.startswith(stem) if stem else True
