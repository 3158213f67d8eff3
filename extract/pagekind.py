"""Tell article pages from index pages (home, section, tag, search): URL shape, declared type, and how
much of the page is headline links rather than body text."""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit

from extract.metadata import PageMeta
from extract.patterns import load_regexes

MIN_ARTICLE_CHARS = 120
MIN_UNDATED_CHARS = 400


def index_like_url(url: Optional[str]) -> bool:
    """True for addresses of home, section, tag and search pages; False when there is no address."""
    if not url:
        return False
    path = urlsplit(url).path or "/"
    return any(p.search(path) for p in load_regexes("index_url_patterns.txt"))


def count_headline_links(root) -> int:
    return sum(1 for a in root.iter("a") if len(a.text_content().strip()) >= 25)


def page_kind(meta: PageMeta, index_url: bool, body: str, headline_links: int,
              published: Optional[str], author: Optional[str] = None) -> tuple[str, Optional[str]]:
    """(kind, problem). kind: 'article'; 'index' for pages that list other articles (their text is
    dropped); 'other' for pages with no or too little body (text kept) or short undated, unsigned
    pages such as "about us" (text kept). problem says what failed, None when nothing did."""
    declared_article = bool(meta.jsonld)
    if index_url and not declared_article:
        return "index", None
    words = len(body.split())
    if not declared_article and not published and headline_links > max(20, words / 10):
        return "index", None
    if not body.strip():
        return "other", "no article body found"
    if len(body) < MIN_ARTICLE_CHARS and not declared_article and not published:
        return "other", f"body too short for an article ({len(body)} characters)"
    if len(body) < MIN_UNDATED_CHARS and not (declared_article or published or author):
        return "other", None
    return "article", None
