"""The Article record and the entry point that builds it from HTML."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Optional

from extract.body import extract_body
from extract.decode import NotHtmlError, decode_html

LOG = logging.getLogger(__name__)


@dataclass
class Article:
    url: Optional[str] = None  # canonical/og URL when the page gives one, else the fetched URL
    title: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD (Asia/Jakarta day) or None
    author: Optional[str] = None
    text: str = ""  # body paragraphs joined by blank lines
    language: Optional[str] = None  # "id", "en", "other", or None when unknown
    is_article: bool = True  # False for index/section/tag pages
    error: Optional[str] = None  # why extraction failed (or what was cut); the page is kept
    simhash: Optional[str] = None  # near-duplicate fingerprint of text (hex), None for short texts

    def to_json(self) -> dict:
        return asdict(self)


def extract_article(html: bytes | str, url: Optional[str] = None) -> Article:
    """Extract the article of one page. Never raises: failures come back in Article.error."""
    try:
        page = decode_html(html)
    except NotHtmlError as exc:
        return Article(url=url, is_article=False, error=str(exc))
    except Exception as exc:  # undecodable input is kept with its error, never raised
        return Article(url=url, is_article=False, error=f"cannot decode page: {exc}")
    try:
        fields = extract_body(page.text, url)
    except RecursionError:
        return Article(url=url, is_article=False, error="page nested too deeply to extract")
    except Exception as exc:  # a broken page is kept with its error, not dropped
        LOG.warning("extraction failed for %s: %s: %s", url, type(exc).__name__, exc)
        return Article(url=url, is_article=False, error=f"extraction failed: {type(exc).__name__}: {exc}")
    article = Article(**fields)
    if page.notes:
        article.error = "; ".join(page.notes + ([article.error] if article.error else []))
    return article
