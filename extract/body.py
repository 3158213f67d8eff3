"""The extraction pipeline for one decoded page: metadata, pruning, trafilatura on the body container,
Indonesian cleanup, page kind, language and fingerprint."""
from __future__ import annotations

import logging
from typing import Optional

import trafilatura
from lxml import html as lxml_html

from extract.authors import byline_candidates, choose_author
from extract.cleanup import clean_body
from extract.dates import choose_date
from extract.fingerprint import simhash
from extract.language import detect_language
from extract.metadata import PageMeta, collect_meta
from extract.pagekind import count_headline_links, index_like_url, page_kind
from extract.prune import focus_body, prune_tree
from extract.titles import choose_title, site_tokens

LOG = logging.getLogger(__name__)
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, default_doctype=False)


def parse_page(text: str):
    """lxml tree of the page, or None when nothing parseable is left."""
    try:
        root = lxml_html.document_fromstring(text, parser=_PARSER)
    except Exception as exc:  # lxml raises ParserError/ValueError on pages with no markup at all
        LOG.debug("unparseable page: %s", exc)
        return None
    return root


def page_url(meta: PageMeta, url: Optional[str]) -> Optional[str]:
    """The canonical (or og:url) address when it is absolute, else the fetched one."""
    for candidate in (meta.canonical, meta.first("og:url")):
        if candidate and candidate.startswith(("http://", "https://")):
            return candidate
    return url


def body_text(tree, url: Optional[str]) -> str:
    """trafilatura's text of TREE (comments off, fast mode: the tree is already pruned)."""
    document = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, with_metadata=False, fast=True, include_tables=True
    )
    return (document.text or "") if document is not None else ""


def extract_body(text: str, url: Optional[str]) -> dict:
    """Field values of the Article for one decoded page."""
    root = parse_page(text)
    if root is None or root.find("body") is None and not root.text_content().strip():
        return dict(url=url, is_article=False, error="no HTML content")
    meta = collect_meta(root)
    address = page_url(meta, url)
    title = choose_title(meta, address)
    page_bylines = list(byline_candidates(root))  # before pruning: some bylines sit in "share" bars
    prune_tree(root)
    headline_links = count_headline_links(root)
    published = choose_date(meta, root, address)
    focused = focus_body(root)
    cleaned = clean_body(body_text(focused if focused is not None else root, address), title)
    site = site_tokens(meta, address)
    author = choose_author(meta, root, site, cleaned.signature, page_bylines)
    index_url = index_like_url(url) or (address != url and index_like_url(address))
    kind, problem = page_kind(meta, index_url, cleaned.text, headline_links, published, author)
    is_article = kind == "article"
    fields = dict(url=address, title=title if is_article else (meta.title_tag or title),
                  published=published if kind != "index" else None, author=author if kind != "index" else None,
                  language=detect_language(cleaned.text, meta.html_lang), is_article=is_article, error=problem)
    if kind != "index":  # text of non-article pages is kept too (never lost), but lists of links are not text
        fields.update(text=cleaned.text, simhash=simhash(cleaned.text))
    return fields
