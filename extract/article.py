"""The Article record and the entry point that builds it from HTML."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Optional

LOG = logging.getLogger(__name__)


@dataclass
class Article:
    url: Optional[str] = None  # canonical/og URL when the page gives one, else the fetched URL
    title: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD (Asia/Jakarta day) or None
    author: Optional[str] = None
    text: str = ""  # body paragraphs joined by blank lines
    language: Optional[str] = None  # "id", "en", ... or None when unknown
    is_article: bool = True  # False for index/section/tag pages
    error: Optional[str] = None  # why extraction failed; the page is kept

    def to_json(self) -> dict:
        return asdict(self)


def extract_article(html: bytes | str, url: Optional[str] = None) -> Article:
    """Extract the article of one page. Never raises: failures come back in Article.error."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True, as_dict=False
        )
    except Exception as exc:  # a broken page is kept with its error, not dropped
        return Article(url=url, error=f"extraction failed: {exc}", is_article=False)
    if doc is None or not (doc.text or "").strip():
        return Article(url=url, error="no article body found", is_article=False)
    return Article(
        url=doc.url or url,
        title=doc.title,
        published=(doc.date or None),
        author=doc.author,
        text="\n\n".join(p.strip() for p in doc.text.split("\n") if p.strip()),
        language=doc.language,
    )
