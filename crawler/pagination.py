"""Multi-page articles: find the next part of an article and merge all parts into one HTML document."""
from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import lxml.html

LOG = logging.getLogger(__name__)

PAGE_PARAMS = {"page", "halaman", "hal", "p", "pg", "paging"}
NEXT_TEXT = re.compile(r"^\s*(selanjutnya|berikutnya|halaman\s+(selanjutnya|berikutnya)|next)\b", re.I)
PAGE_SUFFIX = re.compile(r"(/|-)(\d{1,3})/?$")
MAX_PARTS = 20

try:  # the extract stage may know more outlets' paging markup; ours is the fallback
    from extract.pagination import next_page_url as _extract_next_page_url
except ImportError:
    _extract_next_page_url = None


def article_stem(url: str) -> str:
    """The URL without its page marker (?page=2, /2, -2): parts of one article share a stem."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in PAGE_PARAMS]
    path = PAGE_SUFFIX.sub("", parts.path.rstrip("/")) or "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, urlencode(query), ""))


def _candidates(doc, url: str):
    for href in doc.xpath("//link[@rel='next']/@href | //a[@rel='next']/@href"):
        yield href
    for anchor in doc.xpath("//a[@href]"):
        if NEXT_TEXT.match(anchor.text_content() or ""):
            yield anchor.get("href")


def next_part_url(html: str, url: str) -> str | None:
    """The URL of the next part of this article, or None. Only links with the same article stem count,
    so a "Berita Selanjutnya" link to another story is not taken for page 2."""
    if _extract_next_page_url is not None:
        found = _extract_next_page_url(html, url)
        return found if found and article_stem(found) == article_stem(url) and found != url else None
    try:
        doc = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    stem = article_stem(url)
    for href in _candidates(doc, url):
        target = urljoin(url, href.strip()).split("#")[0]
        if target != url and article_stem(target) == stem:
            return target
    return None


def _paragraph_container(doc):
    """The element with the most direct <p> children: the article body on news pages."""
    best, best_count = None, 0
    for elem in doc.iter("div", "article", "section", "main", "td"):
        count = sum(1 for child in elem if child.tag == "p" and (child.text_content() or "").strip())
        if count > best_count:
            best, best_count = elem, count
    return best


def merge_parts(parts: list[tuple[str, str]]) -> bytes:
    """One UTF-8 HTML document: page 1 with the article paragraphs of pages 2..n appended to its body
    container (or, when no container is found, each part's body appended in a <div data-warta-part>)."""
    first_url, first_html = parts[0]
    doc = lxml.html.document_fromstring(first_html)
    for meta in doc.xpath("//meta[@charset] | //meta[translate(@http-equiv,'CONTENT-YP','content-yp')"
                          "='content-type']"):
        meta.getparent().remove(meta)
    head = doc.find("head")
    if head is not None:
        head.insert(0, lxml.html.Element("meta", charset="utf-8"))
    target = _paragraph_container(doc)
    for number, (url, html) in enumerate(parts[1:], 2):
        part = lxml.html.document_fromstring(html)
        source = _paragraph_container(part)
        if target is not None and source is not None:
            target.extend([child for child in source if child.tag in ("p", "h2", "h3", "blockquote", "ul", "ol")])
            continue
        wrapper = lxml.html.Element("div", {"data-warta-part": str(number), "data-warta-url": url})
        body = part.find("body")
        wrapper.extend(list(body) if body is not None else [])
        (doc.find("body") if doc.find("body") is not None else doc).append(wrapper)
    return lxml.html.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>").encode("utf-8")
